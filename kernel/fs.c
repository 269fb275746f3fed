// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/fs.c - the descriptor side of the file calls: open, creat,
 * openat, close, read, write, lseek, _llseek (dup, dup2 and fcntl are
 * in fs/fcntl.c, pipes in fs/pipe.c).
 *
 * Linux 2.6: fs/open.c (do_sys_open, sys_open, sys_openat, sys_creat,
 * sys_close), fs/read_write.c (sys_read, sys_write, sys_lseek,
 * sys_llseek).
 * open() copies the path in (getname()), lets the VFS find or create the
 * file and make a struct file of it (fs/namei.c: do_filp_open()), and
 * puts the file in the lowest free slot of the process's file table.
 * read() and write() check the descriptor, the access mode and the user
 * buffer, then call the file's operation.  The flags of open() stay in
 * f_flags; O_CLOEXEC also sets the descriptor's close-on-exec bit.
 * Kernel threads have no file table (kthread() drops it,
 * kernel/kthread.c): these calls fail with -EBADF for them.
 */
#include <asm/uaccess.h>
#include <errno.h>
#include <file.h>
#include <fs.h>
#include <kernel.h>
#include <sched.h>
#include <slab.h>
#include <string.h>
#include <syscalls.h>

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

/**
 * generic_file_llseek - lseek() for a file whose size is its inode's
 * @f: the file
 * @offset: the offset
 * @whence: SEEK_SET, SEEK_CUR or SEEK_END
 *
 * Linux 2.6: fs/read_write.c: generic_file_llseek().
 * Return: as generic_file_llseek_size().
 */
off_t generic_file_llseek(struct file *f, off_t offset, int whence)
{
	return generic_file_llseek_size(f, offset, whence,
					f->f_dentry->d_inode->i_size);
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
 * do_sys_openat - open a file by a kernel-space path
 * @dfd: the directory a relative path starts from, or AT_FDCWD
 * @path: the path
 * @flags: O_RDONLY / O_WRONLY / O_RDWR, | O_CREAT, O_EXCL, O_TRUNC,
 *	O_APPEND, O_DIRECTORY, O_NOFOLLOW, O_CLOEXEC (the descriptor is
 *	closed by execve) ...
 * @mode: the new file's permission bits, with O_CREAT
 *
 * Context: process with a file table.
 * Return: the new descriptor, or -ENOENT, -EEXIST, -EISDIR, -ENOTDIR,
 * -ELOOP, -EACCES, -EROFS, -EINVAL, -EMFILE, -ENXIO, -EBADF (no file
 * table), -ENOMEM.
 */
long do_sys_openat(int dfd, const char *path, int flags, int mode)
{
	struct file *f;
	int fd;

	if (!current->files)
		return -EBADF;
	f = do_filp_open(dfd, path, flags, mode);
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
 * do_sys_open - open a file by a kernel-space path, from the working
 *	directory
 * @path: the path
 * @flags: as do_sys_openat()
 *
 * Context: process with a file table.
 * Return: as do_sys_openat().
 */
long do_sys_open(const char *path, int flags)
{
	return do_sys_openat(AT_FDCWD, path, flags, 0);
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

asmlinkage long sys_openat(int dfd, const char *filename, int flags,
			   int mode)
{
	char *path = getname(filename);
	long fd;

	if (IS_ERR(path))
		return PTR_ERR(path);
	fd = do_sys_openat(dfd, path, flags, mode);
	putname(path);
	return fd;
}

asmlinkage long sys_open(const char *filename, int flags, int mode)
{
	return sys_openat(AT_FDCWD, filename, flags, mode);
}

asmlinkage long sys_creat(const char *filename, int mode)
{
	return sys_openat(AT_FDCWD, filename, O_CREAT | O_WRONLY | O_TRUNC,
			  mode);
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

/* i386: the 64-bit offset in two registers, the result through a pointer. */
asmlinkage long sys_llseek(unsigned int fd, unsigned long offset_high,
			   unsigned long offset_low, long long *result,
			   unsigned int whence)
{
	loff_t offset = (loff_t)((u64)offset_high << 32 | offset_low);
	off_t pos;

	/* Positions are 32 bits here: a larger one cannot be reached. */
	if (offset != (off_t)offset) {
		struct file *f = fget(fd);

		if (!f)
			return -EBADF;
		fput(f);
		return -EOVERFLOW;
	}
	pos = sys_lseek(fd, (off_t)offset, whence);
	if (pos < 0)
		return pos;
	offset = pos;
	return copy_to_user(result, &offset, sizeof(offset)) ? -EFAULT : 0;
}
