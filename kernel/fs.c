// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/fs.c - the file system calls: open, close, read, write, lseek,
 * over the few kinds of file this kernel has (dup2 and fcntl are in
 * fs/fcntl.c, pipes in fs/pipe.c).
 *
 * Linux 2.6: fs/open.c, fs/read_write.c.
 * There is no directory tree: a path names the console (/dev/console),
 * the disk (/dev/hda), or a file of the initramfs (read-only).  open()
 * makes a struct file with that kind's operations and puts it in the
 * lowest free slot of the process's file table; read() and write() check
 * the descriptor, the access mode and the user buffer, then call the
 * file's operation.  Kernel threads have no file table (kthread() drops
 * it, kernel/kthread.c): these calls fail with -EBADF for them.
 */
#include <asm/uaccess.h>
#include <blkdev.h>
#include <errno.h>
#include <file.h>
#include <initramfs.h>
#include <kernel.h>
#include <sched.h>
#include <slab.h>
#include <string.h>
#include <syscalls.h>
#include <tty.h>

#define PATH_MAX	128
#define MAX_RW_COUNT	(~0UL >> 2)	/* keeps counts positive as ssize_t */

/**
 * alloc_file - a new open file
 * @fops: its operations
 * @flags: the open() flags
 * @private_data: what the operations work on
 *
 * Return: the file with one reference, or NULL.
 */
struct file *alloc_file(const struct file_operations *fops, unsigned int flags,
			void *private_data)
{
	struct file *f = kzalloc(sizeof(*f), GFP_KERNEL);

	if (!f)
		return NULL;
	atomic_set(&f->f_count, 1);
	f->f_op = fops;
	f->f_flags = flags;
	f->private_data = private_data;
	return f;
}

/* Make the struct file for @path; Return: it, or ERR_PTR(). */
static struct file *open_path(const char *path, int flags)
{
	const struct initramfs_file *ifile;
	int accmode = flags & O_ACCMODE;
	struct file *f;

	if (accmode == O_ACCMODE)
		return ERR_PTR(-EINVAL);
	if (!strcmp(path, "/dev/console")) {
		f = alloc_file(&tty_fops, flags, NULL);
		return f ? f : ERR_PTR(-ENOMEM);
	}
	if (!strcmp(path, "/dev/hda"))
		return blkdev_open_file("hda", flags);

	ifile = initramfs_lookup(path);
	if (!ifile)
		return ERR_PTR(flags & O_CREAT ? -EROFS : -ENOENT);
	if (accmode != O_RDONLY || (flags & O_TRUNC))
		return ERR_PTR(-EROFS);
	f = alloc_file(&initramfs_fops, flags, (void *)ifile);
	return f ? f : ERR_PTR(-ENOMEM);
}

/**
 * generic_file_llseek_size - lseek() for a file of known size
 * @f: the file
 * @offset: the offset
 * @whence: SEEK_SET, SEEK_CUR or SEEK_END
 * @size: the file's size (for SEEK_END)
 *
 * A position past the end is allowed (a read there returns 0).
 * Return: the new position, -EINVAL for a bad @whence or a negative
 * position, or -EOVERFLOW if the position does not fit in an off_t.
 */
off_t generic_file_llseek_size(struct file *f, off_t offset, int whence,
			       off_t size)
{
	off_t pos;

	switch (whence) {
	case SEEK_SET:
		pos = offset;
		break;
	case SEEK_CUR:
		if (__builtin_add_overflow(f->f_pos, offset, &pos))
			return -EOVERFLOW;
		break;
	case SEEK_END:
		if (__builtin_add_overflow(size, offset, &pos))
			return -EOVERFLOW;
		break;
	default:
		return -EINVAL;
	}
	if (pos < 0)
		return -EINVAL;
	f->f_pos = pos;
	return pos;
}

/* The lowest free descriptor of @files, taken with @f; or -EMFILE. */
static int fd_install_lowest(struct files_struct *files, struct file *f)
{
	int fd;

	spin_lock(&files->file_lock);
	for (fd = 0; fd < NR_OPEN_DEFAULT; fd++)
		if (!files->fd[fd]) {
			files->fd[fd] = f;
			break;
		}
	spin_unlock(&files->file_lock);
	return fd < NR_OPEN_DEFAULT ? fd : -EMFILE;
}

/**
 * do_sys_open - open a file by a kernel-space path
 * @path: the path
 * @flags: O_RDONLY / O_WRONLY / O_RDWR, | O_CREAT, O_TRUNC, O_APPEND,
 *         O_CLOEXEC (the descriptor is closed by execve)
 *
 * Context: process with a file table.
 * Return: the new descriptor, or -ENOENT, -EROFS, -EINVAL, -EMFILE,
 * -ENXIO (no disk), -EBADF (no file table), -ENOMEM.
 */
long do_sys_open(const char *path, int flags)
{
	struct file *f;
	int fd;

	if (!current->files)
		return -EBADF;
	f = open_path(path, flags);
	if (IS_ERR(f))
		return PTR_ERR(f);
	fd = fd_install_lowest(current->files, f);
	if (fd < 0)
		fput(f);
	else
		set_close_on_exec(fd, flags & O_CLOEXEC);
	return fd;
}

/**
 * fget - the open file behind a descriptor, with a reference
 * @fd: the descriptor
 *
 * Return: the file (fput() it when done), or NULL.
 */
struct file *fget(unsigned int fd)
{
	struct files_struct *files = current->files;
	struct file *f = NULL;

	if (!files || fd >= NR_OPEN_DEFAULT)
		return NULL;
	spin_lock(&files->file_lock);
	f = files->fd[fd];
	if (f)
		get_file(f);
	spin_unlock(&files->file_lock);
	return f;
}

asmlinkage long sys_open(const char *filename, int flags, int mode)
{
	char path[PATH_MAX];
	long len = strncpy_from_user(path, filename, sizeof(path));

	if (len < 0)
		return len;
	if (len == sizeof(path))
		return -ENAMETOOLONG;
	return do_sys_open(path, flags);
}

asmlinkage long sys_close(unsigned int fd)
{
	struct files_struct *files = current->files;
	struct file *f;

	if (!files || fd >= NR_OPEN_DEFAULT)
		return -EBADF;
	spin_lock(&files->file_lock);
	f = files->fd[fd];
	files->fd[fd] = NULL;
	spin_unlock(&files->file_lock);
	if (!f)
		return -EBADF;
	fput(f);
	return 0;
}

asmlinkage ssize_t sys_read(unsigned int fd, char *buf, size_t count)
{
	struct file *f = fget(fd);
	ssize_t ret;

	if (!f)
		return -EBADF;
	if ((f->f_flags & O_ACCMODE) == O_WRONLY)
		ret = -EBADF;
	else if (!f->f_op->read)
		ret = -EINVAL;
	else if (!access_ok(buf, count))
		ret = -EFAULT;
	else
		ret = f->f_op->read(f, buf, min(count, MAX_RW_COUNT));
	fput(f);
	return ret;
}

asmlinkage ssize_t sys_write(unsigned int fd, const char *buf, size_t count)
{
	struct file *f = fget(fd);
	ssize_t ret;

	if (!f)
		return -EBADF;
	if ((f->f_flags & O_ACCMODE) == O_RDONLY)
		ret = -EBADF;
	else if (!f->f_op->write)
		ret = -EINVAL;
	else if (!access_ok(buf, count))
		ret = -EFAULT;
	else
		ret = f->f_op->write(f, buf, min(count, MAX_RW_COUNT));
	fput(f);
	return ret;
}

asmlinkage off_t sys_lseek(unsigned int fd, off_t offset, unsigned int whence)
{
	struct file *f = fget(fd);
	off_t ret;

	if (!f)
		return -EBADF;
	if (whence > SEEK_END)
		ret = -EINVAL;
	else if (!f->f_op->llseek)
		ret = -ESPIPE;		/* the console: no position */
	else
		ret = f->f_op->llseek(f, offset, whence);
	fput(f);
	return ret;
}
