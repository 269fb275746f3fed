// SPDX-License-Identifier: GPL-2.0
/*
 * user/lib/termios.c - the terminal calls: ioctl, tcgetattr, tcsetattr,
 * cfmakeraw, tcflush, tcgetpgrp, tcsetpgrp, isatty.
 *
 * Linux 2.6 + a C library: glibc's termios/ and sysdeps/unix/sysv/linux/
 * (tcgetattr.c, tcsetattr.c, isatty.c).  Every one is an ioctl(2) on the
 * descriptor (drivers/tty.c on kt26); a descriptor that is not a terminal
 * answers ENOTTY, which is all isatty() asks.
 */
#include <errno.h>
#include <stdarg.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

/**
 * ioctl - a device request
 * @fd: the descriptor
 * @request: TCGETS, TIOCGWINSZ, FIONREAD, ... (<termbits.h>)
 *
 * The third argument, if the request takes one, is an integer or a
 * pointer.
 * Return: the request's result (0 for most), or -1 (ENOTTY: not a
 * terminal; EBADF, EFAULT, EINVAL, EPERM).
 */
int ioctl(int fd, unsigned long request, ...)
{
	va_list args;
	long arg, ret;

	va_start(args, request);
	arg = va_arg(args, long);
	va_end(args);
	ret = raw_syscall(__NR_ioctl, fd, request, arg, 0, 0);
	if ((unsigned long)ret >= (unsigned long)-4095) {
		errno = -ret;
		return -1;
	}
	return ret;
}

/**
 * tcgetattr - the terminal's settings
 * @fd: a descriptor of the terminal
 * @t: where they go
 *
 * Return: 0, or -1 (ENOTTY).
 */
int tcgetattr(int fd, struct termios *t)
{
	return ioctl(fd, TCGETS, t);
}

/**
 * tcsetattr - change the terminal's settings
 * @fd: a descriptor of the terminal
 * @when: TCSANOW, TCSADRAIN (after the output), TCSAFLUSH (and drop the
 *	input not read yet)
 * @t: the settings
 *
 * Return: 0, or -1 (EINVAL: bad @when; ENOTTY).
 */
int tcsetattr(int fd, int when, const struct termios *t)
{
	static const unsigned long requests[] = {
		[TCSANOW] = TCSETS, [TCSADRAIN] = TCSETSW,
		[TCSAFLUSH] = TCSETSF,
	};

	if (when < TCSANOW || when > TCSAFLUSH) {
		errno = EINVAL;
		return -1;
	}
	return ioctl(fd, requests[when], t);
}

/**
 * cfmakeraw - settings for reading keys one by one, as they are
 * @t: the settings to change
 *
 * No line editing, echo, signal characters or CR/NL translation, 8-bit
 * bytes; a read waits for one byte (VMIN 1, VTIME 0).  As glibc's.
 */
void cfmakeraw(struct termios *t)
{
	t->c_iflag &= ~(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR |
			ICRNL | IXON);
	t->c_oflag &= ~OPOST;
	t->c_lflag &= ~(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
	t->c_cflag &= ~(CSIZE | PARENB);
	t->c_cflag |= CS8;
	t->c_cc[VMIN] = 1;
	t->c_cc[VTIME] = 0;
}

/**
 * tcflush - throw away the terminal's input not read yet
 * @fd: a descriptor of the terminal
 * @queue: TCIFLUSH, TCOFLUSH or TCIOFLUSH
 *
 * Return: 0, or -1 (ENOTTY, EINVAL).
 */
int tcflush(int fd, int queue)
{
	return ioctl(fd, TCFLSH, queue);
}

/**
 * tcgetpgrp - the foreground process group of the caller's terminal
 * @fd: a descriptor of its controlling terminal
 *
 * Return: the group, or -1 (ENOTTY: not the caller's controlling
 * terminal).
 */
pid_t tcgetpgrp(int fd)
{
	pid_t pgrp;

	return ioctl(fd, TIOCGPGRP, &pgrp) < 0 ? -1 : pgrp;
}

/**
 * tcsetpgrp - make @pgrp the terminal's foreground process group
 * @fd: a descriptor of the caller's controlling terminal
 * @pgrp: a group of the caller's session
 *
 * From a background group the caller is stopped by SIGTTOU unless it
 * blocks or ignores it, as a job-control shell does.
 * Return: 0, or -1 (ENOTTY, EPERM, EINVAL).
 */
int tcsetpgrp(int fd, pid_t pgrp)
{
	return ioctl(fd, TIOCSPGRP, &pgrp);
}

/**
 * isatty - is @fd a terminal?
 * @fd: the descriptor
 *
 * Return: 1, or 0 with errno ENOTTY (or EBADF).
 */
int isatty(int fd)
{
	struct termios t;

	return tcgetattr(fd, &t) == 0;
}
