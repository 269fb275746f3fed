/* SPDX-License-Identifier: GPL-2.0 */
/*
 * user/include/time.h - nanosleep(2).
 *
 * Linux 2.6 + a C library: <time.h>.  The ABI's struct kt_timespec has
 * the layout of Linux's struct timespec on i386 (two longs).
 */
#ifndef _USER_TIME_H
#define _USER_TIME_H

#include <kt26.h>

int nanosleep(const struct kt_timespec *req, struct kt_timespec *rem);

#endif /* _USER_TIME_H */
