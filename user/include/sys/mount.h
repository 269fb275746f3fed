/* SPDX-License-Identifier: GPL-2.0 */
/*
 * user/include/sys/mount.h - mount(2) and umount2(2).
 *
 * Linux 2.6 + a C library: glibc's <sys/mount.h>; the kernel's side is
 * fs/namespace.c.  The flags (MS_RDONLY, MNT_DETACH, ...) are the ABI's
 * (<kt26_fs.h>).
 */
#ifndef _USER_SYS_MOUNT_H
#define _USER_SYS_MOUNT_H

#include <kt26_fs.h>

int mount(const char *source, const char *target, const char *fstype,
	  unsigned long flags, const void *data);
int umount2(const char *target, int flags);

#endif /* _USER_SYS_MOUNT_H */
