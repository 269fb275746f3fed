// SPDX-License-Identifier: GPL-2.0
/*
 * user/lib/termios.c - the terminal calls of the C library: ioctl, the
 * modes, the foreground process group, "is this a terminal".
 *
 * Linux 2.6 + a C library: glibc's sysdeps/unix/sysv/linux/tcgetattr.c,
 * tcsetpgrp.c, isatty.c.  None is a system call of its own: each is an
 * ioctl(2) on the terminal, answered by the tty layer (Linux:
 * drivers/char/tty_io.c: tty_ioctl(); the modes by n_tty).  On a file or
 * a pipe the answer is ENOTTY, which is how isatty() tells.
 */
#include <errno.h>
#include <stdarg.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

/**
 * ioctl - a device-specific request on @fd
 * @fd: open file descriptor (a terminal, for the requests of
 *	<sys/ioctl.h>)
 * @request: TCGETS, TIOCSPGRP, ...
 *
 * The request's argument, if it takes one, follows: usually a pointer.
 * Return: 0 or a request-specific value; -1 on error (ENOTTY: not a
 * terminal, or a request the device does not know).
 */
int ioctl(int fd, unsigned long request, ...)
{
	va_list args;
	long arg, ret;

	va_start(args, request);
	arg = va_arg(args, long);
	va_end(args);
	ret = raw_syscall(__NR_ioctl, fd, request, arg, 0, 0);
	if (ret < 0 && ret >= -4095) {
		errno = -ret;
		return -1;
	}
	return ret;
}

/**
 * tcgetattr - read the modes of the terminal on @fd
 * @fd: open file descriptor
 * @t: filled in
 *
 * Return: 0, or -1 on error (ENOTTY: not a terminal; ENOSYS: a kernel
 * without ioctl).
 */
int tcgetattr(int fd, struct termios *t)
{
	return ioctl(fd, TCGETS, t);
}

/**
 * tcsetattr - set the modes of the terminal on @fd
 * @fd: open file descriptor
 * @when: TCSANOW, TCSADRAIN (after the pending output) or TCSAFLUSH
 *	(also dropping unread input)
 * @t: the new modes
 *
 * Return: 0, or -1 on error (EINVAL: bad @when; ENOTTY).
 */
int tcsetattr(int fd, int when, const struct termios *t)
{
	static const unsigned long requests[] = {
		[TCSANOW] = TCSETS,
		[TCSADRAIN] = TCSETSW,
		[TCSAFLUSH] = TCSETSF,
	};

	if (when < TCSANOW || when > TCSAFLUSH) {
		errno = EINVAL;
		return -1;
	}
	return ioctl(fd, requests[when], t);
}

/**
 * tcgetpgrp - the foreground process group of the terminal on @fd
 * @fd: open file descriptor
 *
 * Return: the group id, or -1 on error (ENOTTY).
 */
pid_t tcgetpgrp(int fd)
{
	pid_t pgrp;

	if (ioctl(fd, TIOCGPGRP, &pgrp) < 0)
		return -1;
	return pgrp;
}

/**
 * tcsetpgrp - give the terminal on @fd to process group @pgrp
 * @fd: open file descriptor of the caller's controlling terminal
 * @pgrp: a group of the caller's session
 *
 * The foreground group is the one ^C and ^Z signal, and the only one
 * that may read the terminal.
 * Return: 0, or -1 on error (ENOTTY, EPERM: another session's group).
 */
int tcsetpgrp(int fd, pid_t pgrp)
{
	return ioctl(fd, TIOCSPGRP, &pgrp);
}

/**
 * isatty - is @fd a terminal?
 * @fd: open file descriptor
 *
 * Return: 1 if it is, 0 (errno ENOTTY, EBADF ...) if not.
 */
int isatty(int fd)
{
	struct termios t;

	return tcgetattr(fd, &t) == 0;
}
