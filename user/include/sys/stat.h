/* SPDX-License-Identifier: GPL-2.0 */
/*
 * user/include/sys/stat.h - stat(2): an inode's type, mode, links and
 * size.
 *
 * Linux 2.6 + a C library: <sys/stat.h>.  struct stat has the layout of
 * the kernel's struct stat64 on i386 (Linux:
 * arch/x86/include/uapi/asm/stat.h), and stat(), lstat() and fstat()
 * make the stat64 calls, as glibc does with 64-bit file offsets: the
 * old struct stat has 16-bit link counts and 32-bit sizes.  The padding
 * around st_dev and st_rdev is glibc 2.1's, kept by the kernel.  The
 * file types and S_IS*() are the ABI's (<kt26_fs.h>).
 */
#ifndef _USER_SYS_STAT_H
#define _USER_SYS_STAT_H

#include <kt26.h>
#include <kt26_fs.h>

struct stat {
	unsigned long long st_dev;
	unsigned char __pad0[4];
	unsigned long __st_ino;		/* the low 32 bits of st_ino */
	unsigned int st_mode;		/* S_IF* type | permission bits */
	unsigned int st_nlink;		/* hard links */
	unsigned long st_uid;
	unsigned long st_gid;
	unsigned long long st_rdev;	/* a device file's device number */
	unsigned char __pad3[4];
	long long st_size;		/* bytes */
	unsigned long st_blksize;
	unsigned long long st_blocks;	/* 512-byte blocks allocated */
	unsigned long st_atime;
	unsigned long st_atime_nsec;
	unsigned long st_mtime;
	unsigned long st_mtime_nsec;
	unsigned long st_ctime;
	unsigned long st_ctime_nsec;
	unsigned long long st_ino;	/* the inode number */
};

int stat(const char *path, struct stat *st);
int lstat(const char *path, struct stat *st);
int fstat(int fd, struct stat *st);

#endif /* _USER_SYS_STAT_H */
