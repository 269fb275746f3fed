// SPDX-License-Identifier: GPL-2.0
/*
 * fs/stat.c - stat64, lstat64, fstat64, fstatat64, statx, readlink.
 *
 * Linux 2.6: fs/stat.c (vfs_getattr, cp_new_stat64, sys_stat64 ...,
 * sys_readlinkat), and fs/stat.c's statx (Linux 4.11).
 * Understanding the Linux Kernel, 3rd ed., chapter 12, section
 * "Implementations of VFS System Calls".
 * Every call finds the file (by path, following the last link or not,
 * or by descriptor), asks vfs_getattr() for a struct kstat -- the file
 * system's getattr, or the inode's fields -- and copies it out in the
 * layout the caller's ABI wants (include/uapi/kt26_fs.h).  A file with
 * no path (a pipe) is shown as a FIFO.
 */
#include <asm/uaccess.h>
#include <errno.h>
#include <fs.h>
#include <kernel.h>
#include <sched.h>
#include <string.h>
#include <syscalls.h>

/**
 * vfs_getattr - what stat() says of a file
 * @mnt: its mount
 * @dentry: its dentry (positive)
 * @stat: filled
 *
 * Context: process, may sleep.
 * Return: 0 or the file system's error.
 */
int vfs_getattr(struct vfsmount *mnt, struct dentry *dentry,
		struct kstat *stat)
{
	struct inode *inode = dentry->d_inode;
	int err = 0;

	memset(stat, 0, sizeof(*stat));
	if (inode->i_op && inode->i_op->getattr)
		err = inode->i_op->getattr(mnt, dentry, stat);
	else
		generic_fillattr(inode, stat);
	stat->mount_root = dentry == mnt->mnt_root;
	return err;
}

static int vfs_fstat(unsigned int fd, struct kstat *stat)
{
	struct file *f = fget(fd);
	int err = 0;

	if (!f)
		return -EBADF;
	if (f->f_dentry) {
		err = vfs_getattr(f->f_vfsmnt, f->f_dentry, stat);
	} else {
		memset(stat, 0, sizeof(*stat));
		stat->mode = S_IFIFO | 0600;
		stat->nlink = 1;
		stat->blksize = PAGE_SIZE;
	}
	fput(f);
	return err;
}

/* stat by path, from @dfd, with the AT_ flags of fstatat/statx. */
static int vfs_statat(int dfd, const char *filename, int flags,
		      struct kstat *stat)
{
	unsigned int lookup = LOOKUP_FOLLOW;
	struct path path;
	int err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH |
		      AT_STATX_SYNC_TYPE))
		return -EINVAL;
	if (flags & AT_SYMLINK_NOFOLLOW)
		lookup = 0;
	if (flags & AT_EMPTY_PATH)
		lookup |= LOOKUP_EMPTY;
	err = user_path_at(dfd, filename, lookup, &path);
	if (err)
		return err;
	err = vfs_getattr(path.mnt, path.dentry, stat);
	path_put(&path);
	return err;
}

/* Linux's new_encode_dev(): 12-bit major, 20-bit minor, old-compatible. */
static u64 encode_dev(dev_t dev)
{
	unsigned int major = MAJOR(dev), minor = MINOR(dev);

	return (minor & 0xff) | (major << 8) | ((u64)(minor & ~0xffU) << 12);
}

static long cp_new_stat64(const struct kstat *stat, struct stat64 *ubuf)
{
	struct stat64 tmp;

	memset(&tmp, 0, sizeof(tmp));
	tmp.st_dev = encode_dev(stat->dev);
	tmp.st_ino = stat->ino;
	tmp.__st_ino = stat->ino;
	tmp.st_mode = stat->mode;
	tmp.st_nlink = stat->nlink;
	tmp.st_uid = stat->uid;
	tmp.st_gid = stat->gid;
	tmp.st_rdev = encode_dev(stat->rdev);
	tmp.st_size = stat->size;
	tmp.st_blksize = stat->blksize;
	tmp.st_blocks = stat->blocks;
	tmp.st_atime = stat->atime.tv_sec;
	tmp.st_atime_nsec = stat->atime.tv_nsec;
	tmp.st_mtime = stat->mtime.tv_sec;
	tmp.st_mtime_nsec = stat->mtime.tv_nsec;
	tmp.st_ctime = stat->ctime.tv_sec;
	tmp.st_ctime_nsec = stat->ctime.tv_nsec;
	return copy_to_user(ubuf, &tmp, sizeof(tmp)) ? -EFAULT : 0;
}

asmlinkage long sys_stat64(const char *filename, struct stat64 *statbuf)
{
	struct kstat stat;
	long err = vfs_statat(AT_FDCWD, filename, 0, &stat);

	return err ? err : cp_new_stat64(&stat, statbuf);
}

asmlinkage long sys_lstat64(const char *filename, struct stat64 *statbuf)
{
	struct kstat stat;
	long err = vfs_statat(AT_FDCWD, filename, AT_SYMLINK_NOFOLLOW, &stat);

	return err ? err : cp_new_stat64(&stat, statbuf);
}

asmlinkage long sys_fstat64(unsigned long fd, struct stat64 *statbuf)
{
	struct kstat stat;
	long err = vfs_fstat(fd, &stat);

	return err ? err : cp_new_stat64(&stat, statbuf);
}

asmlinkage long sys_fstatat64(int dfd, const char *filename,
			      struct stat64 *statbuf, int flag)
{
	struct kstat stat;
	long err = vfs_statat(dfd, filename, flag, &stat);

	return err ? err : cp_new_stat64(&stat, statbuf);
}

static void statx_time(struct statx_timestamp *t, const struct timespec *ts)
{
	t->tv_sec = ts->tv_sec;
	t->tv_nsec = ts->tv_nsec;
}

asmlinkage long sys_statx(int dfd, const char *filename, unsigned int flags,
			  unsigned int mask, struct statx *buffer)
{
	struct statx tmp;
	struct kstat stat;
	long err;

	if (mask & STATX__RESERVED)
		return -EINVAL;
	if ((flags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE)
		return -EINVAL;
	/* "" with AT_EMPTY_PATH names dfd itself, as fstat(). */
	if (flags & AT_EMPTY_PATH) {
		char c;

		if (copy_from_user(&c, filename, 1))
			return -EFAULT;
		if (!c) {
			err = dfd == AT_FDCWD ?
			      vfs_statat(dfd, filename, flags, &stat) :
			      vfs_fstat(dfd, &stat);
			goto copy;
		}
	}
	err = vfs_statat(dfd, filename, flags, &stat);
copy:
	if (err)
		return err;
	memset(&tmp, 0, sizeof(tmp));
	/* Everything basic is always known here, whatever was asked. */
	tmp.stx_mask = STATX_BASIC_STATS | STATX_MNT_ID;
	tmp.stx_blksize = stat.blksize;
	tmp.stx_attributes = stat.mount_root ? STATX_ATTR_MOUNT_ROOT : 0;
	tmp.stx_attributes_mask = STATX_ATTR_MOUNT_ROOT;
	tmp.stx_nlink = stat.nlink;
	tmp.stx_uid = stat.uid;
	tmp.stx_gid = stat.gid;
	tmp.stx_mode = stat.mode;
	tmp.stx_ino = stat.ino;
	tmp.stx_size = stat.size;
	tmp.stx_blocks = stat.blocks;
	statx_time(&tmp.stx_atime, &stat.atime);
	statx_time(&tmp.stx_ctime, &stat.ctime);
	statx_time(&tmp.stx_mtime, &stat.mtime);
	tmp.stx_rdev_major = MAJOR(stat.rdev);
	tmp.stx_rdev_minor = MINOR(stat.rdev);
	tmp.stx_dev_major = MAJOR(stat.dev);
	tmp.stx_dev_minor = MINOR(stat.dev);
	tmp.stx_mnt_id = MINOR(stat.dev);
	return copy_to_user(buffer, &tmp, sizeof(tmp)) ? -EFAULT : 0;
}

asmlinkage long sys_readlinkat(int dfd, const char *pathname, char *buf,
			       int bufsiz)
{
	struct path path;
	struct inode *inode;
	long err;

	if (bufsiz <= 0)
		return -EINVAL;
	err = user_path_at(dfd, pathname, LOOKUP_EMPTY, &path);
	if (err)
		return err;
	inode = path.dentry->d_inode;
	err = -EINVAL;
	if (inode->i_op && inode->i_op->readlink)
		err = inode->i_op->readlink(path.dentry, buf, bufsiz);
	path_put(&path);
	return err;
}

asmlinkage long sys_readlink(const char *path, char *buf, int bufsiz)
{
	return sys_readlinkat(AT_FDCWD, path, buf, bufsiz);
}
