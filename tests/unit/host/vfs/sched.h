/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tests/unit/host/vfs/sched.h - the task as the VFS sees it, for the host
 * build of fs/namei.c, fs/dcache.c and fs/namespace.c
 * (tests/unit/namei_test.c): its fs_struct (root, working directory,
 * umask) and its
 * credentials, nothing else.  The kernel's current reads the thread_info at
 * the bottom of the stack, which a host thread does not have; here it is
 * the test's one task.  Found before include/sched.h (and before
 * tests/unit/host/sched.h, mm's view of the task) on the include path.
 */
#ifndef _SCHED_H
#define _SCHED_H

#include <types.h>

struct fs_struct;

struct task_struct {
	unsigned long flags;
	uid_t euid;		/* permission(), the owner of a new inode */
	gid_t egid;
	struct fs_struct *fs;
};

extern struct task_struct host_task;

#define current		(&host_task)
#define in_interrupt()	0

#endif /* _SCHED_H */
