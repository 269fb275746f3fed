/* SPDX-License-Identifier: GPL-2.0 */
/*
 * user/include/sys/wait.h - waitpid(2) and wait4(2); the W* macros that
 * decode their status word are the ABI's (<kt26.h>).
 *
 * Linux 2.6 + a C library: <sys/wait.h>.
 */
#ifndef _USER_SYS_WAIT_H
#define _USER_SYS_WAIT_H

#include <kt26.h>
#include <sys/types.h>

pid_t waitpid(pid_t pid, int *status, int options);
pid_t wait4(pid_t pid, int *status, int options, void *rusage);

#endif /* _USER_SYS_WAIT_H */
