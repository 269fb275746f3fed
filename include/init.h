/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/init.h - boot-time command line options (kernel/params.c).
 *
 * Linux 2.6: include/linux/init.h (__setup, struct obs_kernel_param).
 * __setup("name=", fn) registers fn next to the code it configures; the
 * linker collects every registration in the .init.setup section and
 * parse_kernel_cmdline() hands each option on the command line to its
 * handler.  "name=" takes a value; "name" (no '=') is a bare word.  A
 * handler returns 0, or -EINVAL for a value it refuses; either way boot
 * goes on, with a warning for refused and unknown options.
 * early_param("name=", fn) registers an option that must act before the
 * first message (loglevel=): parse_early_param() runs those handlers
 * first, quietly, and parse_kernel_cmdline() runs them once more with the
 * others, reporting a refused value; so an early handler must not mind
 * running twice.
 */
#ifndef _INIT_H
#define _INIT_H

#include <compiler.h>
#include <param.h>
#include <stdbool.h>

struct obs_kernel_param {
	const char *str;
	int (*setup_func)(char *value);
	bool early;			/* also run by parse_early_param() */
};

#define __setup_param(str, fn, early)					\
	static const struct obs_kernel_param __setup_##fn		\
		__used __section(".init.setup") __aligned(4) =		\
		{ str, fn, early }
#define __setup(str, fn)	__setup_param(str, fn, false)
#define early_param(str, fn)	__setup_param(str, fn, true)

/* linker.ld: every __setup(), gathered from the .init.setup sections */
extern const struct obs_kernel_param __setup_start[], __setup_end[];

/* kernel/params.c */
extern char boot_command_line[COMMAND_LINE_SIZE];
extern char saved_command_line[COMMAND_LINE_SIZE];
void parse_early_param(const char *cmdline);
void parse_kernel_cmdline(const char *cmdline);

/* lib/cmdline.c: pure helpers, also built into the host unit tests */
enum param_result {
	PARAM_OK,		/* handled */
	PARAM_UNKNOWN,		/* no handler has this name */
	PARAM_INVALID,		/* the handler refused the value */
};

char *next_arg(char *args, char **param, char **val);
enum param_result parse_one(char *param, char *val,
			    const struct obs_kernel_param *start,
			    const struct obs_kernel_param *end);
unsigned long long memparse(const char *ptr, char **retptr);
int kstrtoul(const char *s, unsigned int base, unsigned long *res);
int kstrtol(const char *s, unsigned int base, long *res);

#endif /* _INIT_H */
