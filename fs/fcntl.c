// SPDX-License-Identifier: GPL-2.0
/*
 * fs/fcntl.c - descriptors: dup, dup2, dup3, fcntl and close-on-exec.
 *
 * Linux 2.6: fs/fcntl.c (sys_dup, sys_dup2, dupfd, set_close_on_exec,
 * do_fcntl, setfl); Understanding the Linux Kernel, 3rd ed., chapter 12,
 * Section "Files Associated with a Process".
 * A descriptor is a slot of the process's files_struct pointing at an
 * open file (struct file: position, access mode, O_APPEND, O_NONBLOCK),
 * plus one bit of its own, close-on-exec.  dup() and fcntl(F_DUPFD) give
 * the same file a second slot (the lowest free one, from kernel/files.c:
 * fd_alloc()); dup2() puts it in the slot asked for, closing what was
 * there.  The two slots share the file, so the position and the
 * F_SETFL flags are shared, but the close-on-exec bit is per slot: the
 * copy starts without it (dup3(O_CLOEXEC) and F_DUPFD_CLOEXEC set it).
 *
 * That is how a shell wires a command: for `a | b` it makes a pipe
 * (fs/pipe.c), forks, and in each child dup2()s one end onto 0 or 1 and
 * closes the pipe's own descriptors, so that each program finds its
 * input or output where it expects it; for `> file` it opens the file
 * and dup2()s it onto 1.  Descriptors the shell keeps for itself are
 * marked FD_CLOEXEC, so that execve() (kernel/exec.c ->
 * do_close_on_exec()) does not hand them to the program.
 *
 * The table is limited to NR_OPEN_DEFAULT slots (Linux checks
 * RLIMIT_NOFILE instead): a slot number past it is -EBADF for dup2() and
 * -EINVAL for F_DUPFD, as in Linux; a full table is -EMFILE.
 */
#include <errno.h>
#include <file.h>
#include <kernel.h>
#include <sched.h>
#include <spinlock.h>
#include <syscalls.h>

/* What F_SETFL may change; the access mode and the rest stay. */
#define SETFL_MASK	(O_APPEND | O_NONBLOCK)

/*
 * Serialises F_SETFL's read-modify-write of f_flags: two tasks sharing a
 * file could otherwise each undo the other's change.  (Linux 2.6 took
 * the big kernel lock here; later kernels a per-file f_lock.)  Readers
 * of f_flags see either value, which is all they need.
 */
static DEFINE_SPINLOCK(setfl_lock);

/**
 * set_close_on_exec - set or clear a descriptor's close-on-exec bit
 * @fd: the descriptor of the current task
 * @flag: true: execve() closes it
 *
 * Called by open() for O_CLOEXEC (kernel/fs.c: do_sys_open()) and by
 * fcntl(F_SETFD).  A descriptor past the table is ignored.
 * Context: process.
 */
void set_close_on_exec(unsigned int fd, bool flag)
{
	struct files_struct *files = current->files;

	if (!files || fd >= NR_OPEN_DEFAULT)
		return;
	spin_lock(&files->file_lock);
	if (flag)
		set_bit(fd, files->close_on_exec);
	else
		clear_bit(fd, files->close_on_exec);
	spin_unlock(&files->file_lock);
}

static bool get_close_on_exec(unsigned int fd)
{
	struct files_struct *files = current->files;
	bool ret;

	spin_lock(&files->file_lock);
	ret = test_bit(fd, files->close_on_exec);
	spin_unlock(&files->file_lock);
	return ret;
}

/*
 * Put @f (whose reference the table takes) at @newfd, closing what was
 * there; O_CLOEXEC in @flags sets the new descriptor's bit, else it is
 * cleared.  Return: @newfd.
 */
static long do_dup2(struct file *f, unsigned int newfd, unsigned int flags)
{
	struct files_struct *files = current->files;
	struct file *old;

	spin_lock(&files->file_lock);
	old = files->fd[newfd];
	files->fd[newfd] = f;
	if (flags & O_CLOEXEC)
		set_bit(newfd, files->close_on_exec);
	else
		clear_bit(newfd, files->close_on_exec);
	spin_unlock(&files->file_lock);
	/* Closed outside the lock: a release may sleep. */
	if (old)
		fput(old);
	return newfd;
}

/**
 * sys_dup - dup(2): a second descriptor for an open file
 * @fildes: the descriptor
 *
 * Context: process (a system call).
 * Return: the lowest free descriptor, now on the same file, without
 * close-on-exec; -EBADF if @fildes is not open, -EMFILE if the table is
 * full.
 */
asmlinkage long sys_dup(unsigned int fildes)
{
	struct file *f = fget(fildes);
	long ret;

	if (!f)
		return -EBADF;
	ret = fd_alloc(f, 0, 0);
	if (ret < 0)
		fput(f);
	return ret;
}

/**
 * sys_dup3 - dup3(2): dup2() with the close-on-exec bit chosen
 * @oldfd: the open descriptor
 * @newfd: where its file goes (an open file there is closed first)
 * @flags: 0 or O_CLOEXEC
 *
 * Context: process (a system call).
 * Return: @newfd; -EINVAL for other flags or @oldfd == @newfd, -EBADF
 * if @oldfd is not open or @newfd is past the table.
 */
asmlinkage long sys_dup3(unsigned int oldfd, unsigned int newfd, int flags)
{
	struct file *f;

	if (flags & ~O_CLOEXEC)
		return -EINVAL;
	if (oldfd == newfd)
		return -EINVAL;
	if (newfd >= NR_OPEN_DEFAULT)
		return -EBADF;
	f = fget(oldfd);
	if (!f)
		return -EBADF;
	return do_dup2(f, newfd, flags);
}

/**
 * sys_dup2 - dup2(2): put an open file at a chosen descriptor
 * @oldfd: the open descriptor
 * @newfd: where its file goes (an open file there is closed first)
 *
 * dup2(fd, fd) changes nothing, not even the close-on-exec bit.
 * Context: process (a system call); also pid 1's kernel code, which
 * makes its console descriptors 1 and 2 (kernel/main.c: init()).
 * Return: @newfd, or -EBADF if @oldfd is not open or @newfd is past
 * the table.
 */
asmlinkage long sys_dup2(unsigned int oldfd, unsigned int newfd)
{
	struct file *f;

	if (oldfd == newfd) {
		f = fget(oldfd);
		if (!f)
			return -EBADF;
		fput(f);
		return newfd;
	}
	return sys_dup3(oldfd, newfd, 0);
}

/* F_SETFL: O_APPEND and O_NONBLOCK from @arg, the other flags kept. */
static long setfl(struct file *f, unsigned long arg)
{
	spin_lock(&setfl_lock);
	f->f_flags = (f->f_flags & ~SETFL_MASK) | (arg & SETFL_MASK);
	spin_unlock(&setfl_lock);
	return 0;
}

static long do_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg,
		     struct file *f)
{
	long ret;

	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		if (arg >= NR_OPEN_DEFAULT)
			return -EINVAL;
		ret = fd_alloc(get_file(f), arg,
			       cmd == F_DUPFD_CLOEXEC ? O_CLOEXEC : 0);
		if (ret < 0)
			fput(f);
		return ret;
	case F_GETFD:
		return get_close_on_exec(fd) ? FD_CLOEXEC : 0;
	case F_SETFD:
		set_close_on_exec(fd, arg & FD_CLOEXEC);
		return 0;
	case F_GETFL:
		return READ_ONCE(f->f_flags);
	case F_SETFL:
		return setfl(f, arg);
	default:
		return -EINVAL;
	}
}

/**
 * sys_fcntl - fcntl(2): what a descriptor and its file can be asked
 * @fd: the descriptor
 * @cmd: F_DUPFD, F_DUPFD_CLOEXEC (@arg: the lowest descriptor wanted),
 *       F_GETFD, F_SETFD (@arg: FD_CLOEXEC or 0), F_GETFL, F_SETFL (@arg:
 *       the new O_APPEND and O_NONBLOCK)
 * @arg: the command's argument
 *
 * Context: process (a system call).
 * Return: the new descriptor, the flags asked for, or 0; -EBADF if @fd
 * is not open; -EINVAL for another command or an F_DUPFD start past the
 * table; -EMFILE if no descriptor is free from there.
 */
asmlinkage long sys_fcntl(unsigned int fd, unsigned int cmd,
			  unsigned long arg)
{
	struct file *f = fget(fd);
	long ret;

	if (!f)
		return -EBADF;
	ret = do_fcntl(fd, cmd, arg, f);
	fput(f);
	return ret;
}

/**
 * sys_fcntl64 - fcntl64(2): fcntl() with 64-bit record locks
 * @fd: the descriptor
 * @cmd: as for sys_fcntl(); the lock commands are -EINVAL (no locks)
 * @arg: the command's argument
 *
 * What a 32-bit C library calls for every fcntl(): the commands above
 * mean the same.
 * Context: process (a system call).
 * Return: as sys_fcntl().
 */
asmlinkage long sys_fcntl64(unsigned int fd, unsigned int cmd,
			    unsigned long arg)
{
	return sys_fcntl(fd, cmd, arg);
}
