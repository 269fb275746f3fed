// SPDX-License-Identifier: GPL-2.0
/*
 * fs/utimes.c - utimensat(2): set a file's access and modification
 * times (what touch(1) does to a file that exists).
 *
 * Linux 2.6: fs/utimes.c (do_utimes(), utimes_common(), sys_utimensat()).
 * Understanding the Linux Kernel, 3rd ed., chapter 12, section "Inode
 * Objects" (the times of an inode).
 *
 * Each of the two times is a value, UTIME_NOW (the time now) or
 * UTIME_OMIT (left as it is); no array at all means both now.  Setting
 * them to now needs only write access to the file, as touch(1) by
 * anyone who may write it; setting a given time needs its owner (or
 * CAP_FOWNER), checked by inode_change_ok().  The change goes through
 * notify_change() under the inode's i_mutex, as a chmod does, so that a
 * disk file system writes the inode back (ext3: ext3_setattr()).
 * A NULL path names the open file @dfd itself (futimens(3)).
 */
#include <asm/uaccess.h>
#include <capability.h>
#include <errno.h>
#include <file.h>
#include <fs.h>
#include <kernel.h>
#include <sched.h>
#include <syscalls.h>

#define UTIME_NOW	((1L << 30) - 1L)
#define UTIME_OMIT	((1L << 30) - 2L)

/* Linux 2.6: utimes_common(). */
static long utimes_common(struct path *path, struct kt_timespec *times)
{
	struct inode *inode = path->dentry->d_inode;
	struct timespec now = current_fs_time(inode->i_sb);
	struct iattr attr = { .ia_valid = ATTR_ATIME | ATTR_MTIME };
	bool only_now = true;
	long err;

	if (IS_RDONLY(inode))
		return -EROFS;
	attr.ia_atime = attr.ia_mtime = now;
	if (times) {
		if (times[0].tv_nsec == UTIME_OMIT)
			attr.ia_valid &= ~ATTR_ATIME;
		else if (times[0].tv_nsec != UTIME_NOW) {
			attr.ia_atime = (struct timespec){ times[0].tv_sec,
							   times[0].tv_nsec };
			only_now = false;
		}
		if (times[1].tv_nsec == UTIME_OMIT)
			attr.ia_valid &= ~ATTR_MTIME;
		else if (times[1].tv_nsec != UTIME_NOW) {
			attr.ia_mtime = (struct timespec){ times[1].tv_sec,
							   times[1].tv_nsec };
			only_now = false;
		}
	}
	if (!(attr.ia_valid & (ATTR_ATIME | ATTR_MTIME)))
		return 0;
	/* "Now" needs write access only, a given time the owner. */
	if (only_now && current->euid != inode->i_uid &&
	    !capable(CAP_FOWNER)) {
		err = permission(inode, MAY_WRITE);
		if (err)
			return err;
		attr.ia_valid |= ATTR_FORCE;
	}
	mutex_lock(&inode->i_mutex);
	err = notify_change(path->dentry, &attr);
	mutex_unlock(&inode->i_mutex);
	return err;
}

asmlinkage long sys_utimensat(int dfd, const char *filename,
			      struct kt_timespec *utimes, int flags)
{
	struct kt_timespec times[2];
	struct path path;
	long err;

	if (flags & ~AT_SYMLINK_NOFOLLOW)
		return -EINVAL;
	if (utimes) {
		if (copy_from_user(times, utimes, sizeof(times)))
			return -EFAULT;
		for (int i = 0; i < 2; i++)
			if (times[i].tv_nsec != UTIME_NOW &&
			    times[i].tv_nsec != UTIME_OMIT &&
			    (times[i].tv_nsec < 0 ||
			     times[i].tv_nsec >= 1000000000L))
				return -EINVAL;
	}
	if (!filename) {
		struct file *f;

		if (flags)
			return -EINVAL;
		f = fget(dfd);
		if (!f)
			return -EBADF;
		if (!f->f_dentry) {
			fput(f);
			return -EINVAL;
		}
		path.mnt = f->f_vfsmnt;
		path.dentry = f->f_dentry;
		err = utimes_common(&path, utimes ? times : NULL);
		fput(f);
		return err;
	}
	err = user_path_at(dfd, filename, flags & AT_SYMLINK_NOFOLLOW ? 0 :
			   LOOKUP_FOLLOW, &path);
	if (err)
		return err;
	err = utimes_common(&path, utimes ? times : NULL);
	path_put(&path);
	return err;
}
