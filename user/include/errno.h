/* SPDX-License-Identifier: GPL-2.0 */
/*
 * user/include/errno.h - errno and the error numbers.
 *
 * Linux 2.6 + a C library: <errno.h>.  The kernel returns -E in eax; the
 * wrappers in user/lib/syscall.c store E in errno and return -1.  The
 * numbers themselves are part of the ABI, in <kt26.h>.
 */
#ifndef _USER_ERRNO_H
#define _USER_ERRNO_H

#include <kt26.h>

/* The error of the last failed call; only meaningful right after it. */
extern int errno;

#endif /* _USER_ERRNO_H */
