/* SPDX-License-Identifier: GPL-2.0 */
/*
 * user/include/sys/ioctl.h - ioctl(2), the requests a device answers
 * besides read and write.
 *
 * Linux 2.6 + a C library: <sys/ioctl.h>.  The request numbers are the
 * ABI's (<kt26.h>: TCGETS, TIOCSPGRP, ...); <termios.h> and tcsetpgrp()
 * wrap the terminal's.
 */
#ifndef _USER_SYS_IOCTL_H
#define _USER_SYS_IOCTL_H

#include <kt26.h>

int ioctl(int fd, unsigned long request, void *arg);

#endif /* _USER_SYS_IOCTL_H */
