// SPDX-License-Identifier: GPL-2.0
/*
 * fs/ioctl.c - ioctl(2): a request to the device behind a descriptor.
 *
 * Linux 2.6: fs/ioctl.c (sys_ioctl(), vfs_ioctl()).  The request goes to
 * the file's unlocked_ioctl operation; a file without one -- any file
 * that is not a terminal here -- answers -ENOTTY ("Not a typewriter"),
 * which is how a C library's isatty() and tcgetattr() tell a terminal
 * from a file or a pipe.  The terminal's requests (TCGETS, TIOCSPGRP,
 * FIONREAD ...) are in drivers/tty.c: tty_ioctl().
 */
#include <errno.h>
#include <file.h>
#include <kernel.h>
#include <syscalls.h>

asmlinkage long sys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	struct file *f = fget(fd);
	long ret;

	if (!f)
		return -EBADF;
	if (f->f_op->unlocked_ioctl)
		ret = f->f_op->unlocked_ioctl(f, cmd, arg);
	else
		ret = -ENOTTY;
	fput(f);
	return ret;
}
