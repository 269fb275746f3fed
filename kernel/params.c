// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/params.c - the kernel command line: kept, printed, dispatched.
 *
 * Linux 2.6: parse_args()/unknown_bootoption() in init/main.c and
 * kernel/params.c.
 * The command line arrives from the multiboot loader (GRUB's multiboot
 * line, QEMU's -append).  QEMU puts the kernel image's file name first,
 * GRUB 2 does not: a first word with a '/' or a '.' and no '=' is that
 * file name (no option has either character) and is skipped.  Every
 * other word goes to its __setup() handler.  Words end at any blank
 * (isspace(): a tab too), here as in next_arg().  An unknown or refused
 * option is reported and ignored: a typo on the command line must never
 * stop a boot.
 */
#include <ctype.h>
#include <init.h>
#include <kernel.h>
#include <string.h>

/* The command line as the loader gave it (for printing and the shell). */
char saved_command_line[COMMAND_LINE_SIZE];
/* A working copy that next_arg() cuts into pieces. */
char boot_command_line[COMMAND_LINE_SIZE];

static bool first_word_is_image_name(const char *s)
{
	bool path_char = false;

	for (; *s && !isspace(*s); s++) {
		if (*s == '=')
			return false;
		if (*s == '/' || *s == '.')
			path_char = true;
	}
	return path_char;
}

/* The options of a command line: past leading blanks and the image name. */
static char *skip_image_name(char *args)
{
	while (isspace(*args))
		args++;
	if (first_word_is_image_name(args)) {
		while (*args && !isspace(*args))
			args++;
		while (isspace(*args))
			args++;
	}
	return args;
}

/**
 * parse_early_param - run the early_param() handlers, before any message
 * @cmdline: the loader's command line (image name first)
 *
 * Linux 2.6: parse_early_param() in init/main.c.  Quiet: what it refuses
 * or does not know, parse_kernel_cmdline() reports a moment later.
 * Context: boot, the first thing start_kernel() does after the consoles.
 */
void parse_early_param(const char *cmdline)
{
	char *args, *param, *val;

	strlcpy(boot_command_line, cmdline, COMMAND_LINE_SIZE);
	args = skip_image_name(boot_command_line);
	while (*args) {
		args = next_arg(args, &param, &val);
		for (const struct obs_kernel_param *p = __setup_start;
		     p < __setup_end; p++)
			if (p->early)
				parse_one(param, val, p, p + 1);
	}
}

/**
 * parse_kernel_cmdline - run every option's __setup() handler
 * @cmdline: the loader's command line (image name first)
 *
 * Context: boot, before the subsystems the options configure start.
 */
void parse_kernel_cmdline(const char *cmdline)
{
	char *args, *param, *val;

	if (strlcpy(saved_command_line, cmdline, COMMAND_LINE_SIZE) >=
	    COMMAND_LINE_SIZE)
		printk(KERN_WARNING "Kernel command line longer than %d bytes, "
		       "truncated\n", COMMAND_LINE_SIZE - 1);

	args = skip_image_name(saved_command_line);
	printk(KERN_NOTICE "Kernel command line: %s\n", args);

	strlcpy(boot_command_line, args, COMMAND_LINE_SIZE);
	args = boot_command_line;
	while (*args) {
		args = next_arg(args, &param, &val);
		switch (parse_one(param, val, __setup_start, __setup_end)) {
		case PARAM_OK:
			break;
		case PARAM_UNKNOWN:
			printk(KERN_WARNING "Unknown kernel command line "
			       "parameter \"%s%s%s\", ignored\n", param,
			       val ? "=" : "", val ? val : "");
			break;
		case PARAM_INVALID:
			printk(KERN_WARNING "Malformed kernel command line "
			       "parameter \"%s%s%s\", ignored\n", param,
			       val ? "=" : "", val ? val : "");
			break;
		}
	}
}
