/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tests/unit/vfs_host.h - what tests/unit/vfs_host.c, the host's stand-in
 * for the machine under the VFS, shows the tests: the one task and its
 * fs_struct, the counts of objects alive and mutexes held, and the hook
 * by which the test names its file systems to fs/namespace.c.
 */
#ifndef _VFS_HOST_H
#define _VFS_HOST_H

#include <fs.h>
#include <fs_struct.h>

extern struct fs_struct host_fs;	/* host_task.fs */
extern long host_kmalloc_alive;		/* kmalloc()ed, not yet kfree()d */
extern long host_cache_alive;		/* dentries and inodes alive */
extern long host_mutexes_held;

/* The test's: get_fs_type() asks it for "rootfs" and the others. */
struct file_system_type *host_get_fs_type(const char *name);

#endif /* _VFS_HOST_H */
