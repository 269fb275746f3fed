/* SPDX-License-Identifier: GPL-2.0 */
/*
 * user/include/fcntl.h - open(2) and its flags.
 *
 * Linux 2.6 + a C library: <fcntl.h>.  The O_ flags are the ABI's
 * (<kt26.h>); @mode is read only with O_CREAT, as in C libraries.
 */
#ifndef _USER_FCNTL_H
#define _USER_FCNTL_H

#include <kt26.h>

int open(const char *path, int flags, ...);

#endif /* _USER_FCNTL_H */
