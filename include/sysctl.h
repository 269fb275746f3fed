/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/sysctl.h - the kernel's tunables as a table: /proc/sys.
 *
 * Linux 2.6: include/linux/sysctl.h, kernel/sysctl.c.
 * Each tunable is a ctl_table entry: the file name under /proc/sys, the
 * kernel variable, its size, who may read and write it (mode), and the
 * handler that turns the variable into text and text back into the
 * variable, refusing what is not a number in [*extra1, *extra2].  A
 * directory is an entry with a child table.  The handlers work on
 * kernel buffers; fs/proc/proc_sysctl.c copies from and to the user and
 * checks the mode.  A handler of a tunable that something depends on
 * (the watermarks on min_free_kbytes, the writeback timer on its
 * interval) stores the value, then tells that something.
 */
#ifndef _SYSCTL_H
#define _SYSCTL_H

#include <types.h>

struct ctl_table;

/*
 * Read (@write 0): the value as text, with a newline, into @buf of *@lenp
 * bytes; *@lenp becomes its length.  Write: parse the *@lenp bytes of
 * @buf (NUL-terminated), check, store.  Return: 0 or -EINVAL.
 */
typedef int proc_handler(struct ctl_table *table, int write, char *buf,
			 size_t *lenp);

struct ctl_table {
	const char *procname;		/* the file's name; NULL ends a table */
	void *data;			/* the variable */
	int maxlen;			/* its size: unsigned int or long */
	unsigned int mode;		/* 0644: root writes, all read */
	struct ctl_table *child;	/* a directory's table */
	proc_handler *proc_handler;
	void *extra1, *extra2;		/* the least and the largest value */
};

/* The longest text of a value, its newline and NUL. */
#define SYSCTL_TEXT_MAX	24

/* kernel/sysctl.c */
extern struct ctl_table sysctl_root_table[];
int proc_douintvec_minmax(struct ctl_table *table, int write, char *buf,
			  size_t *lenp);
int proc_doulongvec_minmax(struct ctl_table *table, int write, char *buf,
			   size_t *lenp);
struct ctl_table *sysctl_lookup(const char *path);

/* mm/page-writeback.c: a handler with a side effect */
int dirty_writeback_centisecs_handler(struct ctl_table *table, int write,
				      char *buf, size_t *lenp);

#endif /* _SYSCTL_H */
