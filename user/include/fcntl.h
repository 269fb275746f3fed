/* SPDX-License-Identifier: GPL-2.0 */
/*
 * user/include/fcntl.h - open(2), fcntl(2) and their flags.
 *
 * Linux 2.6 + a C library: <fcntl.h>.  The O_, F_ and FD_ constants are
 * the ABI's (<kt26.h>); @mode is read only with O_CREAT, as in C
 * libraries.
 */
#ifndef _USER_FCNTL_H
#define _USER_FCNTL_H

#include <kt26.h>

int open(const char *path, int flags, ...);
int fcntl(int fd, int cmd, ...);

#endif /* _USER_FCNTL_H */
