/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/fs_struct.h - a task's file-system context.
 *
 * Linux 2.6: include/linux/fs_struct.h.  Linux keeps the root and working
 * directories here; this kernel's files live in one flat name space, so
 * only the umask remains.  Shared with CLONE_FS, copied otherwise.
 */
#ifndef _FS_STRUCT_H
#define _FS_STRUCT_H

#include <atomic.h>

struct fs_struct {
	atomic_t count;		/* tasks sharing it */
	int umask;		/* permission bits cleared on create */
};

/* arch/x86/init_task.c: process 0's */
extern struct fs_struct init_fs;

/* kernel/fork.c */
void put_fs_struct(struct fs_struct *fs);

#endif /* _FS_STRUCT_H */
