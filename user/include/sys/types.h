/* SPDX-License-Identifier: GPL-2.0 */
/*
 * user/include/sys/types.h - the integer types of the system call
 * interface, for user programs.
 *
 * Linux 2.6 + a C library: <sys/types.h> (glibc), include/asm-i386/
 * posix_types.h.  On i386 every one of these is 32 bits wide, matching
 * the registers the kernel returns them in.  size_t comes from the
 * compiler's own <stddef.h>.
 */
#ifndef _USER_SYS_TYPES_H
#define _USER_SYS_TYPES_H

#include <stddef.h>
#include <stdint.h>

typedef int pid_t;		/* process id */
typedef unsigned int uid_t;	/* user id: 0 is root */
typedef unsigned int gid_t;	/* group id */
typedef long ssize_t;		/* a byte count, or -1 */
typedef long off_t;		/* a file offset (32 bits: no large files) */
typedef long clock_t;		/* clock ticks, USER_HZ per second */

#endif /* _USER_SYS_TYPES_H */
