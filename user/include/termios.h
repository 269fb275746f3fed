/* SPDX-License-Identifier: GPL-2.0 */
/*
 * user/include/termios.h - the terminal's settings: tcgetattr,
 * tcsetattr, cfmakeraw, and the foreground process group.
 *
 * Linux 2.6 + a C library: <termios.h>, <unistd.h>'s tcgetpgrp.  Each
 * call is one ioctl(2) on the terminal (user/lib/termios.c): TCGETS,
 * TCSETS/TCSETSW/TCSETSF, TIOCGPGRP, TIOCSPGRP.  struct termios is the
 * kernel's own (<termbits.h>), with its 19 control characters.
 */
#ifndef _USER_TERMIOS_H
#define _USER_TERMIOS_H

#include <sys/types.h>
#include <termbits.h>

int tcgetattr(int fd, struct termios *t);
int tcsetattr(int fd, int when, const struct termios *t);
void cfmakeraw(struct termios *t);
int tcflush(int fd, int queue);
pid_t tcgetpgrp(int fd);
int tcsetpgrp(int fd, pid_t pgrp);

#endif /* _USER_TERMIOS_H */
