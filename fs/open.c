// SPDX-License-Identifier: GPL-2.0
/*
 * fs/open.c - opening a dentry, truncate, access, chdir, umask, fsync,
 * statfs.
 *
 * Linux 2.6: fs/open.c (dentry_open, do_truncate, sys_ftruncate,
 * sys_faccessat, sys_chdir, sys_fchdir, vfs_statfs, sys_statfs,
 * sys_statfs64), kernel/sys.c (sys_umask), fs/buffer.c (sys_fsync).
 * Understanding the Linux Kernel, 3rd ed., chapter 12, section "The
 * open() System Call".
 * fs/namei.c: do_filp_open() finds (or creates) the dentry and checks the
 * access; dentry_open() here makes the struct file: the inode's i_fop
 * become the file's f_op, and the file system's (or driver's) open runs,
 * which may replace them (a device node's open picks the driver: fs/
 * devices.c).  The descriptor is installed by kernel/fs.c.
 */
#include <asm/uaccess.h>
#include <errno.h>
#include <fs.h>
#include <fs_struct.h>
#include <kernel.h>
#include <sched.h>
#include <slab.h>
#include <string.h>
#include <syscalls.h>

/**
 * dentry_open - make an open file of a dentry
 * @dentry: the file; the caller's reference goes to the file
 * @mnt: its mount; likewise
 * @flags: the open() flags (kept in f_flags, O_CLOEXEC included)
 *
 * Context: process, may sleep.
 * Return: the file, or an ERR_PTR (-ENXIO: nothing to open, -ENOMEM, or
 * the open method's error); on error both references are dropped.
 */
struct file *dentry_open(struct dentry *dentry, struct vfsmount *mnt,
			 int flags)
{
	struct inode *inode = dentry->d_inode;
	struct file *f;
	int err;

	if (!inode->i_fop) {
		dput(dentry);
		mntput(mnt);
		return ERR_PTR(-ENXIO);
	}
	f = alloc_file(inode->i_fop, flags & ~(O_CREAT | O_EXCL | O_TRUNC |
					       O_NOCTTY), NULL);
	if (!f) {
		dput(dentry);
		mntput(mnt);
		return ERR_PTR(-ENOMEM);
	}
	f->f_dentry = dentry;
	f->f_vfsmnt = mnt;
	if (f->f_op->open) {
		err = f->f_op->open(inode, f);
		if (err) {
			/* Not opened: nothing for release to undo. */
			f->f_op = NULL;
			fput(f);
			return ERR_PTR(err);
		}
	}
	return f;
}

/**
 * do_truncate - set a file's size
 * @dentry: the file
 * @length: the new size (data beyond it is freed; a larger size reads
 *	as zeros)
 *
 * Context: process, may sleep; permission already checked.
 * Return: 0, -EINVAL (negative), -EROFS, or the file system's error.
 */
int do_truncate(struct dentry *dentry, off_t length)
{
	struct inode *inode = dentry->d_inode;
	struct iattr attr = { .ia_valid = ATTR_SIZE, .ia_size = length };
	int err;

	if (length < 0)
		return -EINVAL;
	mutex_lock(&inode->i_mutex);
	err = notify_change(dentry, &attr);
	mutex_unlock(&inode->i_mutex);
	return err;
}

static long do_sys_truncate(const char *pathname, loff_t length)
{
	struct path path;
	struct inode *inode;
	long err;

	if (length < 0 || length > OFF_T_MAX)
		return length < 0 ? -EINVAL : -EFBIG;
	err = user_path_at(AT_FDCWD, pathname, LOOKUP_FOLLOW, &path);
	if (err)
		return err;
	inode = path.dentry->d_inode;
	if (S_ISDIR(inode->i_mode))
		err = -EISDIR;
	else if (!S_ISREG(inode->i_mode))
		err = -EINVAL;
	else
		err = permission(inode, MAY_WRITE);
	if (!err)
		err = do_truncate(path.dentry, length);
	path_put(&path);
	return err;
}

static long do_sys_ftruncate(unsigned int fd, loff_t length)
{
	struct file *f;
	long err;

	if (length < 0)
		return -EINVAL;
	if (length > OFF_T_MAX)
		return -EFBIG;
	f = fget(fd);
	if (!f)
		return -EBADF;
	if (!f->f_dentry || !S_ISREG(f->f_dentry->d_inode->i_mode) ||
	    (f->f_flags & O_ACCMODE) == O_RDONLY)
		err = -EINVAL;
	else
		err = do_truncate(f->f_dentry, length);
	fput(f);
	return err;
}

asmlinkage long sys_truncate(const char *path, long length)
{
	return do_sys_truncate(path, length);
}

asmlinkage long sys_ftruncate(unsigned int fd, unsigned long length)
{
	return do_sys_ftruncate(fd, (long)length);
}

/* i386 passes a 64-bit length as two registers, low word first. */
asmlinkage long sys_truncate64(const char *path, unsigned long low,
			       unsigned long high)
{
	return do_sys_truncate(path, (loff_t)((u64)high << 32 | low));
}

asmlinkage long sys_ftruncate64(unsigned int fd, unsigned long low,
				unsigned long high)
{
	return do_sys_ftruncate(fd, (loff_t)((u64)high << 32 | low));
}

asmlinkage long sys_faccessat(int dfd, const char *filename, int mode)
{
	struct path path;
	struct inode *inode;
	long err;

	if (mode & ~(R_OK | W_OK | X_OK))
		return -EINVAL;
	/* The real ids decide; here they always equal the effective ones
	 * (kernel/cred.c). */
	err = user_path_at(dfd, filename, LOOKUP_FOLLOW, &path);
	if (err)
		return err;
	inode = path.dentry->d_inode;
	err = permission(inode, mode & (R_OK | W_OK | X_OK));
	if (!err && (mode & X_OK) && S_ISREG(inode->i_mode) &&
	    (path.mnt->mnt_flags & MNT_NOEXEC))
		err = -EACCES;
	path_put(&path);
	return err;
}

asmlinkage long sys_access(const char *filename, int mode)
{
	return sys_faccessat(AT_FDCWD, filename, mode);
}

asmlinkage long sys_chdir(const char *filename)
{
	struct path path;
	long err;

	err = user_path_at(AT_FDCWD, filename,
			   LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &path);
	if (err)
		return err;
	err = permission(path.dentry->d_inode, MAY_EXEC);
	if (!err)
		set_fs_pwd(current->fs, &path);
	path_put(&path);
	return err;
}

asmlinkage long sys_fchdir(unsigned int fd)
{
	struct file *f = fget(fd);
	struct path path;
	long err;

	if (!f)
		return -EBADF;
	if (!f->f_dentry || !S_ISDIR(f->f_dentry->d_inode->i_mode)) {
		err = -ENOTDIR;
	} else {
		path.mnt = f->f_vfsmnt;
		path.dentry = f->f_dentry;
		err = permission(path.dentry->d_inode, MAY_EXEC);
		if (!err)
			set_fs_pwd(current->fs, &path);
	}
	fput(f);
	return err;
}

asmlinkage long sys_umask(int mask)
{
	struct fs_struct *fs = current->fs;
	int old;

	spin_lock(&fs->lock);
	old = fs->umask;
	fs->umask = mask & 0777;
	spin_unlock(&fs->lock);
	return old;
}

asmlinkage long sys_fsync(unsigned int fd)
{
	struct file *f = fget(fd);
	long err = 0;

	if (!f)
		return -EBADF;
	/* In-memory files and the console have nothing to write back;
	 * /dev/hda's blocks go with sync(2); a disk file system's file
	 * says what to write (ext3: ext3_sync_file()). */
	if (f->f_op->fsync)
		err = f->f_op->fsync(f);
	fput(f);
	return err;
}

/**
 * vfs_statfs - the size and use of the file system holding @path
 * @path: any file of it
 * @buf: filled
 *
 * The file system's s_op->statfs gives the counts; one without (ramfs,
 * proc) reports its magic number and sizes only, with counts of 0, as
 * Linux's simple_statfs().  f_flags comes from the mount.
 * Context: process, may sleep.
 * Return: 0 or the file system's error.
 */
int vfs_statfs(struct path *path, struct kstatfs *buf)
{
	struct super_block *sb = path->dentry->d_sb;
	int err = 0;

	memset(buf, 0, sizeof(*buf));
	buf->f_type = sb->s_magic;
	buf->f_bsize = sb->s_blocksize ? sb->s_blocksize : PAGE_SIZE;
	buf->f_namelen = 255;
	if (sb->s_op && sb->s_op->statfs)
		err = sb->s_op->statfs(path->dentry, buf);
	if (!buf->f_frsize)
		buf->f_frsize = buf->f_bsize;
	buf->f_flags = ST_VALID;
	if (sb->s_flags & MS_RDONLY)
		buf->f_flags |= ST_RDONLY;
	if (path->mnt->mnt_flags & MNT_NOSUID)
		buf->f_flags |= ST_NOSUID;
	if (path->mnt->mnt_flags & MNT_NODEV)
		buf->f_flags |= ST_NODEV;
	if (path->mnt->mnt_flags & MNT_NOEXEC)
		buf->f_flags |= ST_NOEXEC;
	return err;
}

/* The counts in a long: -EOVERFLOW if one does not fit (as Linux). */
static long statfs_to_user(const struct kstatfs *st, struct statfs *ubuf)
{
	struct statfs tmp;

	BUILD_BUG_ON(sizeof(struct statfs) != 64);	/* i386's */
	if ((st->f_blocks | st->f_bfree | st->f_bavail | st->f_files |
	     st->f_ffree) >> 31)
		return -EOVERFLOW;
	memset(&tmp, 0, sizeof(tmp));
	tmp.f_type = st->f_type;
	tmp.f_bsize = st->f_bsize;
	tmp.f_blocks = st->f_blocks;
	tmp.f_bfree = st->f_bfree;
	tmp.f_bavail = st->f_bavail;
	tmp.f_files = st->f_files;
	tmp.f_ffree = st->f_ffree;
	tmp.f_fsid[0] = st->f_fsid[0];
	tmp.f_fsid[1] = st->f_fsid[1];
	tmp.f_namelen = st->f_namelen;
	tmp.f_frsize = st->f_frsize;
	tmp.f_flags = st->f_flags;
	return copy_to_user(ubuf, &tmp, sizeof(tmp)) ? -EFAULT : 0;
}

static long statfs64_to_user(const struct kstatfs *st, struct statfs64 *ubuf)
{
	struct statfs64 tmp;

	BUILD_BUG_ON(sizeof(struct statfs64) != 84);	/* i386's, packed */
	memset(&tmp, 0, sizeof(tmp));
	tmp.f_type = st->f_type;
	tmp.f_bsize = st->f_bsize;
	tmp.f_blocks = st->f_blocks;
	tmp.f_bfree = st->f_bfree;
	tmp.f_bavail = st->f_bavail;
	tmp.f_files = st->f_files;
	tmp.f_ffree = st->f_ffree;
	tmp.f_fsid[0] = st->f_fsid[0];
	tmp.f_fsid[1] = st->f_fsid[1];
	tmp.f_namelen = st->f_namelen;
	tmp.f_frsize = st->f_frsize;
	tmp.f_flags = st->f_flags;
	return copy_to_user(ubuf, &tmp, sizeof(tmp)) ? -EFAULT : 0;
}

/* statfs of a path (@fd < 0) or of an open file's file system. */
static long do_statfs(const char *pathname, int fd, struct kstatfs *st)
{
	struct path path;
	long err;

	if (pathname) {
		err = user_path_at(AT_FDCWD, pathname, LOOKUP_FOLLOW, &path);
		if (err)
			return err;
		err = vfs_statfs(&path, st);
		path_put(&path);
		return err;
	}
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	if (!f->f_dentry) {
		err = -EINVAL;		/* a pipe: no file system */
	} else {
		path.mnt = f->f_vfsmnt;
		path.dentry = f->f_dentry;
		err = vfs_statfs(&path, st);
	}
	fput(f);
	return err;
}

asmlinkage long sys_statfs(const char *pathname, struct statfs *buf)
{
	struct kstatfs st;

	return do_statfs(pathname, -1, &st) ?: statfs_to_user(&st, buf);
}

asmlinkage long sys_fstatfs(unsigned int fd, struct statfs *buf)
{
	struct kstatfs st;

	return do_statfs(NULL, fd, &st) ?: statfs_to_user(&st, buf);
}

asmlinkage long sys_statfs64(const char *pathname, size_t sz,
			     struct statfs64 *buf)
{
	struct kstatfs st;

	if (sz != sizeof(*buf))
		return -EINVAL;
	return do_statfs(pathname, -1, &st) ?: statfs64_to_user(&st, buf);
}

asmlinkage long sys_fstatfs64(unsigned int fd, size_t sz,
			      struct statfs64 *buf)
{
	struct kstatfs st;

	if (sz != sizeof(*buf))
		return -EINVAL;
	return do_statfs(NULL, fd, &st) ?: statfs64_to_user(&st, buf);
}
