/* SPDX-License-Identifier: GPL-2.0 */
/*
 * user/include/sys/ioctl.h - ioctl(2), the requests a device answers
 * besides read and write.
 *
 * Linux 2.6 + a C library: <sys/ioctl.h>.  The terminal's request
 * numbers are Linux's i386 ones (include/uapi/asm-generic/ioctls.h);
 * <termios.h> and tcsetpgrp() wrap the most used.
 */
#ifndef _USER_SYS_IOCTL_H
#define _USER_SYS_IOCTL_H

/* Requests on a terminal */
#define TCGETS		0x5401	/* (struct termios *): get */
#define TCSETS		0x5402	/* (const struct termios *): set */
#define TCSETSW		0x5403	/* ... after the output */
#define TCSETSF		0x5404	/* ... and drop the input */
#define TIOCSCTTY	0x540E	/* become the controlling tty */
#define TIOCGPGRP	0x540F	/* (pid_t *): foreground group */
#define TIOCSPGRP	0x5410	/* (const pid_t *): set it */
#define TIOCGWINSZ	0x5413	/* (struct winsize *) */

int ioctl(int fd, unsigned long request, ...);

#endif /* _USER_SYS_IOCTL_H */
