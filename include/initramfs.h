/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/initramfs.h - the archive the boot loader brought
 * (kernel/initramfs.c), and the files of rootfs that stay in it
 * (fs/ramfs.c).
 *
 * Linux 2.6: init/initramfs.c.  The first boot module is a cpio archive
 * ("newc" format); its directories, files, symbolic links and device
 * nodes become the tree of rootfs at boot.  A regular file's bytes are
 * not copied: its inode points at them (struct initramfs_file), and
 * execve() loads programs from there, the read-only pages through the
 * page cache of programs (mm/filemap.c).
 */
#ifndef _INITRAMFS_H
#define _INITRAMFS_H

#include <file.h>
#include <list.h>
#include <types.h>

struct mm_struct;
struct page;

/* The longest program path execve() takes (kernel/exec.c). */
#define INITRAMFS_NAME_MAX	64

/* A file of the archive, as rootfs keeps it: its bytes in the module. */
struct initramfs_file {
	const char *data;		/* inside the boot module */
	size_t size;
	unsigned int mode;		/* type and permission bits */
	/* mm/filemap.c (exec_cache_lock): page i holds bytes [i * PAGE_SIZE,
	 * + PAGE_SIZE) once an execve() mapped it; NULL until then */
	struct page **pages;
	struct list_head cached;	/* on the list of files with pages */
};

/* One member of the archive, as initramfs_parse() hands it over. */
struct cpio_entry {
	const char *name;		/* no leading "/" or "./"; never "" */
	unsigned long offset;		/* of its header in the archive */
	unsigned int mode;		/* type and permission bits */
	unsigned int uid, gid, nlink;
	unsigned long mtime, ino;
	unsigned int rdev_major, rdev_minor;
	const char *data;		/* its data (a link's body): not */
	size_t size;			/* NUL-terminated, 4-byte aligned */
};

typedef void (*cpio_actor_t)(void *priv, const struct cpio_entry *entry);

/* kernel/initramfs.c */
extern const struct file_operations initramfs_fops;
int initramfs_parse(const char *base, size_t size, cpio_actor_t actor,
		    void *priv);
int populate_initramfs(void);

/* fs/ramfs.c */
struct initramfs_file *open_exec(const char *name);

/* mm/filemap.c */
int map_exec_page(struct mm_struct *mm, unsigned long addr,
		  struct initramfs_file *file, unsigned long index);
unsigned long drop_exec_pages(void);
unsigned long nr_exec_pages(void);
void filemap_init(void);

#endif /* _INITRAMFS_H */
