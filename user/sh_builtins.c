// SPDX-License-Identifier: GPL-2.0
/*
 * user/sh_builtins.c - the shell's built-in commands: the table, help,
 * and those that must change the shell itself (cd, exit).
 *
 * Linux 2.6: no counterpart in the kernel.  A command is a built-in when
 * a program could not do its work: cd changes the shell's own current
 * directory, exit ends the shell, jobs/fg/bg/wait act on the shell's
 * children (sh_jobs.c).  The others are the shell's windows onto the
 * kernel (sh_kernel.c: stack, free, dmesg, pressure, trace, ...), kept
 * from the days before /proc.  Everything else is a program in $PATH
 * (/bin/ls, /bin/kill, /bin/sleep, /bin/echo ...).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sh.h"

struct builtin {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *args;	/* the usage line, after the name */
	const char *help;	/* what it does, in one line */
};

/* A whole word as a decimal number: "12abc" is not 12. */
static int parse_status(const char *word, long *value)
{
	char *end;

	errno = 0;
	*value = strtol(word, &end, 10);
	return (end == word || *end || errno) ? -1 : 0;
}

static int do_cd(int argc, char **argv)
{
	const char *dir = argc == 2 ? argv[1] : getenv("HOME");

	if (argc > 2)
		return BUILTIN_USAGE;
	if (!dir)
		dir = "/";
	if (chdir(dir) < 0) {
		dprintf(STDERR_FILENO, "sh: cd: %s: %s\n", dir,
			strerror(errno));
		return 1;
	}
	return 0;
}

static int do_pwd(int argc, char **argv)
{
	char dir[256];

	if (argc != 1)
		return BUILTIN_USAGE;
	if (!getcwd(dir, sizeof(dir))) {
		dprintf(STDERR_FILENO, "sh: pwd: %s\n", strerror(errno));
		return 1;
	}
	printf("%s\n", dir);
	return 0;
}

static int do_exit(int argc, char **argv)
{
	long status = sh_status;

	if (argc > 2 || (argc == 2 && parse_status(argv[1], &status) < 0))
		return BUILTIN_USAGE;
	exit(status);
}

static int do_help(int argc, char **argv);

static const struct builtin builtins[] = {
	{ "help", do_help, "", "this list" },
	{ "cd", do_cd, "[DIR]", "change the current directory ($HOME)" },
	{ "pwd", do_pwd, "", "print the current directory" },
	{ "jobs", do_jobs, "", "list the jobs (cmd &, or stopped by ^Z)" },
	{ "fg", do_fg, "[%N]", "continue a job in the foreground" },
	{ "bg", do_bg, "[%N]", "continue a stopped job in the background" },
	{ "wait", do_wait, "[%N|PID...]", "wait for background jobs" },
	{ "exit", do_exit, "[STATUS]", "leave the shell (init restarts it)" },
	{ "stack", do_stack, "PID", "kernel stack of a task" },
	{ "free", do_free, "[-d]",
	  "memory report (-d: drop the caches first)" },
	{ "dmesg", do_dmesg, "", "the kernel log" },
	{ "sync", do_sync, "", "write dirty buffers back to disk" },
	{ "pressure", do_pressure, "PAGES",
	  "allocate PAGES pages to make kswapd reclaim" },
	{ "trace", do_trace, "",
	  "dump the scheduler trace on ttyS0 (boot with trace=sched)" },
	{ "poweroff", do_poweroff, "", "sync and power off" },
};

/*
 * Stand-ins for programs, used only while $PATH has no program of that
 * name: ps from the kt_tasks call, for a system without /bin/ps (which
 * reads /proc).  Not listed by help.
 */
static const struct builtin fallbacks[] = {
	{ "ps", do_ps, "[-s]", "list the tasks (-s: and their kernel stacks)" },
};

#define NR_BUILTINS	(sizeof(builtins) / sizeof(builtins[0]))
#define NR_FALLBACKS	(sizeof(fallbacks) / sizeof(fallbacks[0]))

static int do_help(int argc, char **argv)
{
	if (argc != 1)
		return BUILTIN_USAGE;
	printf("Built-in commands:\n");
	for (size_t i = 0; i < NR_BUILTINS; i++) {
		const struct builtin *b = &builtins[i];

		printf("  %-8s %-15s %s\n", b->name, b->args, b->help);
	}
	printf("Any other word runs a program from $PATH (/bin: see ls /bin);\n"
	       "a word with a '/' runs that file.\n"
	       "Lines: cmd | cmd, < file, > file, >> file, 2>&1, cmd &,"
	       " cmd ; cmd,\n"
	       "'quoted', \"quoted $?\", # comment.  $? is the last status.\n"
	       "Keys: Left Right Home End, Up Down (history), ^C (stop the"
	       " job),\n"
	       "^Z (suspend it: fg, bg), ^D (end of input).\n");
	return 0;
}

/**
 * find_builtin - the built-in command called @name
 * @name: the command's first word
 *
 * Return: the built-in, or NULL if @name is not one (or stands in for a
 * program that exists).
 */
const struct builtin *find_builtin(const char *name)
{
	for (size_t i = 0; i < NR_BUILTINS; i++)
		if (!strcmp(name, builtins[i].name))
			return &builtins[i];
	for (size_t i = 0; i < NR_FALLBACKS; i++)
		if (!strcmp(name, fallbacks[i].name) && !program_exists(name))
			return &fallbacks[i];
	return NULL;
}

/**
 * run_builtin - run built-in @b
 * @b: from find_builtin()
 * @argc: word count
 * @argv: the words, argv[0] its name
 *
 * Return: its exit status; 2 after "usage: ..." for wrong arguments.
 */
int run_builtin(const struct builtin *b, int argc, char **argv)
{
	int status = b->run(argc, argv);

	if (status != BUILTIN_USAGE)
		return status;
	dprintf(STDERR_FILENO, "usage: %s %s\n", b->name, b->args);
	return 2;
}
