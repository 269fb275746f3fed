/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/capability.h - may the current task do what only root may?
 * (kernel/cred.c)
 *
 * Linux 2.6: include/linux/capability.h, kernel/capability.c.
 * Linux splits root's powers into capabilities, one per kind of act; the
 * numbers below are Linux's.  This kernel keeps only the classic rule
 * they grew from: a task whose effective user id is 0 has them all,
 * every other task has none.  The calls name the capability Linux checks
 * all the same, so the check reads as in Linux.
 */
#ifndef _CAPABILITY_H
#define _CAPABILITY_H

#include <types.h>

#define CAP_CHOWN	0	/* change any file's owner */
#define CAP_DAC_OVERRIDE 1	/* read, write, search whatever the mode */
#define CAP_DAC_READ_SEARCH 2	/* read and search whatever the mode */
#define CAP_FOWNER	3	/* act as the owner of any file */
#define CAP_KILL	5	/* signal another user's processes */
#define CAP_SETGID	6	/* set any group id */
#define CAP_SETUID	7	/* set any user id */
#define CAP_SYS_ADMIN	21	/* system-wide settings and controls */
#define CAP_SYS_BOOT	22	/* reboot, power off */
#define CAP_SYS_NICE	23	/* priority and CPU affinity of any task */
#define CAP_SYS_RESOURCE 24	/* raise a hard resource limit */
#define CAP_MKNOD	27	/* create device nodes */

/* kernel/cred.c */
bool capable(int cap);

#endif /* _CAPABILITY_H */
