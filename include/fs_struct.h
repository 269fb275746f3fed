/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/fs_struct.h - a task's file-system context: its root and
 * working directories and its umask.
 *
 * Linux 2.6: include/linux/fs_struct.h, fs/namespace.c (set_fs_root(),
 * set_fs_pwd()).  Each directory is a struct path (a mount and a dentry)
 * holding a reference on both, so neither can be unmounted or freed while
 * a task stands in it.  Shared by the tasks of a CLONE_FS clone (every
 * kernel thread shares process 0's init_fs), copied with new references
 * by fork() (kernel/fork.c: copy_fs()).  fs->lock guards root and pwd:
 * a reader takes its own references under it (get_fs_root_and_pwd()),
 * chdir() swaps pwd under it and drops the old one after.
 */
#ifndef _FS_STRUCT_H
#define _FS_STRUCT_H

#include <atomic.h>
#include <fs.h>
#include <spinlock.h>

struct fs_struct {
	atomic_t count;		/* tasks sharing it */
	spinlock_t lock;	/* protects root and pwd */
	int umask;		/* permission bits cleared on create */
	struct path root;	/* "/" for this task (mnt NULL: none yet) */
	struct path pwd;	/* the working directory */
};

/* arch/x86/init_task.c: process 0's */
extern struct fs_struct init_fs;

/* kernel/fork.c */
void put_fs_struct(struct fs_struct *fs);

/* fs/namespace.c */
void set_fs_root(struct fs_struct *fs, struct path *path);
void set_fs_pwd(struct fs_struct *fs, struct path *path);
void get_fs_root_and_pwd(struct fs_struct *fs, struct path *root,
			 struct path *pwd);
void copy_fs_paths(struct fs_struct *new, struct fs_struct *old);
void release_fs_paths(struct fs_struct *fs);

#endif /* _FS_STRUCT_H */
