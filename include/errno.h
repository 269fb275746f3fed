/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/errno.h - error numbers, and error values carried in pointers.
 *
 * Linux 2.6: include/asm-generic/errno-base.h, include/linux/err.h.
 * The numbers are Linux's, so user programs see the errors they expect.
 * A pointer in the top 4095 bytes of the address space is an error code
 * (nothing is ever mapped there): ERR_PTR(-ENOMEM), IS_ERR(p), PTR_ERR(p).
 */
#ifndef _ERRNO_H
#define _ERRNO_H

#include <compiler.h>
#include <types.h>

#define EPERM		1	/* Operation not permitted */
#define ENOENT		2	/* No such file or directory */
#define ESRCH		3	/* No such process */
#define EINTR		4	/* Interrupted system call */
#define EIO		5	/* I/O error */
#define ENXIO		6	/* No such device or address */
#define E2BIG		7	/* Argument list too long */
#define ENOEXEC		8	/* Exec format error */
#define EBADF		9	/* Bad file number */
#define ECHILD		10	/* No child processes */
#define EAGAIN		11	/* Try again */
#define ENOMEM		12	/* Out of memory */
#define EACCES		13	/* Permission denied */
#define EFAULT		14	/* Bad address */
#define EBUSY		16	/* Device or resource busy */
#define EEXIST		17	/* File exists */
#define ENODEV		19	/* No such device */
#define ENOTDIR		20	/* Not a directory */
#define EISDIR		21	/* Is a directory */
#define EINVAL		22	/* Invalid argument */
#define EMFILE		24	/* Too many open files */
#define ENOTTY		25	/* Not a typewriter */
#define EFBIG		27	/* File too large */
#define ENOSPC		28	/* No space left on device */
#define ESPIPE		29	/* Illegal seek */
#define EROFS		30	/* Read-only file system */
#define ERANGE		34	/* Math result not representable */
#define ENAMETOOLONG	36	/* File name too long */
#define ENOSYS		38	/* Function not implemented */
#define ERESTARTSYS	512	/* Interrupted: restart (never seen by users) */

#define MAX_ERRNO	4095

#define IS_ERR_VALUE(x) unlikely((unsigned long)(x) >= (unsigned long)-MAX_ERRNO)

static inline void *ERR_PTR(long error)
{
	return (void *)error;
}

static inline long PTR_ERR(const void *ptr)
{
	return (long)ptr;
}

static inline bool IS_ERR(const void *ptr)
{
	return IS_ERR_VALUE((unsigned long)ptr);
}

#endif /* _ERRNO_H */
