/* SPDX-License-Identifier: GPL-2.0 */
/*
 * user/include/sys/ioctl.h - ioctl(2): a request to a device, here the
 * terminal's (<termbits.h>: TCGETS, TIOCGWINSZ, FIONREAD ...).
 *
 * Linux 2.6 + a C library: <sys/ioctl.h>.
 */
#ifndef _USER_SYS_IOCTL_H
#define _USER_SYS_IOCTL_H

#include <termbits.h>

int ioctl(int fd, unsigned long request, ...);

#endif /* _USER_SYS_IOCTL_H */
