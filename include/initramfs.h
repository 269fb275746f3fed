/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/initramfs.h - the programs the boot loader brought
 * (kernel/initramfs.c).
 *
 * Linux 2.6: init/initramfs.c.  The first boot module is a cpio archive
 * ("newc" format); its regular files become a read-only, flat, in-memory
 * file table that execve() and open() look names up in.
 */
#ifndef _INITRAMFS_H
#define _INITRAMFS_H

#include <file.h>
#include <types.h>

#define INITRAMFS_NAME_MAX	64
#define INITRAMFS_MAX_FILES	64	/* populate_initramfs() keeps this many */

struct initramfs_file {
	char name[INITRAMFS_NAME_MAX];	/* without a leading '/' */
	const char *data;		/* inside the boot module */
	size_t size;
	unsigned int mode;		/* permission and type bits */
};

/* kernel/initramfs.c */
extern const struct file_operations initramfs_fops;
int initramfs_parse(const char *base, size_t size,
		    struct initramfs_file *table, int max);
int populate_initramfs(void);
const struct initramfs_file *initramfs_lookup(const char *path);

#endif /* _INITRAMFS_H */
