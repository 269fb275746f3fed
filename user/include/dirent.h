/* SPDX-License-Identifier: GPL-2.0 */
/*
 * user/include/dirent.h - reading a directory: opendir, readdir,
 * closedir, and the getdents64(2) call under them.
 *
 * Linux 2.6 + a C library: <dirent.h>.  The kernel hands out a buffer of
 * variable-length records (struct linux_dirent64: inode, offset, record
 * length, type, name); readdir() walks that buffer and refills it when
 * it is used up, one getdents64 per buffer, not per name.  The record
 * and the DT_* types are the ABI's (<kt26_fs.h>).
 */
#ifndef _USER_DIRENT_H
#define _USER_DIRENT_H

#include <kt26_fs.h>
#include <sys/types.h>

/* One entry, as readdir() returns it (valid until the next call). */
struct dirent {
	unsigned long long d_ino;
	unsigned char d_type;	/* DT_*: the type, as the kernel knows it */
	char d_name[256];	/* NUL-terminated */
};

typedef struct dir_stream DIR;

DIR *opendir(const char *path);
struct dirent *readdir(DIR *dir);
int closedir(DIR *dir);
ssize_t getdents64(int fd, void *buf, size_t count);

#endif /* _USER_DIRENT_H */
