/* SPDX-License-Identifier: GPL-2.0 */
/*
 * user/include/sys/times.h - times(2): clock ticks since boot (USER_HZ
 * per second) and the caller's CPU times.
 *
 * Linux 2.6 + a C library: <sys/times.h>.
 */
#ifndef _USER_SYS_TIMES_H
#define _USER_SYS_TIMES_H

#include <kt26.h>
#include <sys/types.h>

clock_t times(struct kt_tms *buf);

#endif /* _USER_SYS_TIMES_H */
