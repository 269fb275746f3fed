// SPDX-License-Identifier: GPL-2.0
/*
 * fs/readdir.c - reading directories: getdents(2), getdents64(2).
 *
 * Linux 2.6: fs/readdir.c (vfs_readdir, filldir, filldir64,
 * sys_getdents, sys_getdents64).
 * A directory's f_op->readdir walks its names from f_pos and calls a
 * filldir callback for each, which copies one record into the user's
 * buffer and says when it is full; readdir then stops and f_pos says
 * where the next call resumes.  Each record's d_off is the position
 * after it (written when the next one arrives, or at the end), so a
 * program may lseek() back to any record.  vfs_readdir() holds the
 * directory's i_mutex, so no name appears or vanishes meanwhile.
 */
#include <asm/uaccess.h>
#include <errno.h>
#include <fs.h>
#include <kernel.h>
#include <slab.h>
#include <string.h>
#include <syscalls.h>

/**
 * vfs_readdir - the names of an open directory from f_pos on
 * @file: the directory
 * @filler: called per name; returns non-zero to stop
 * @buf: @filler's state
 *
 * Context: process, may sleep.
 * Return: 0, -ENOTDIR (no readdir), -ENOENT (a removed directory), or
 * the file system's error.
 */
int vfs_readdir(struct file *file, filldir_t filler, void *buf)
{
	struct inode *inode;
	int err;

	if (!file->f_dentry || !file->f_op || !file->f_op->readdir)
		return -ENOTDIR;
	inode = file->f_dentry->d_inode;
	mutex_lock(&inode->i_mutex);
	err = IS_DEADDIR(inode) ? -ENOENT :
	      file->f_op->readdir(file, buf, filler);
	mutex_unlock(&inode->i_mutex);
	return err;
}

/* One getdents call: where the next record goes, what room is left. */
struct getdents_callback {
	char *current_dir;		/* user pointer: the next record */
	char *previous;			/* user pointer: the last one, or NULL */
	int count;			/* bytes left */
	int error;
	bool is64;
	char *record;			/* a record is built here first */
};

#define RECORD_MAX	(sizeof(struct linux_dirent64) + NAME_MAX + 8)

/* Patch the previous record's d_off now that the next position is known. */
static int set_previous_off(struct getdents_callback *gd, off_t offset)
{
	if (!gd->previous)
		return 0;
	if (gd->is64) {
		long long off = offset;

		return copy_to_user(gd->previous +
				    offsetof(struct linux_dirent64, d_off),
				    &off, sizeof(off)) ? -EFAULT : 0;
	}
	return copy_to_user(gd->previous +
			    offsetof(struct linux_dirent, d_off),
			    &offset, sizeof(offset)) ? -EFAULT : 0;
}

static int filldir_common(void *buf, const char *name, int namlen,
			  off_t offset, unsigned long ino,
			  unsigned int d_type)
{
	struct getdents_callback *gd = buf;
	size_t base = gd->is64 ? offsetof(struct linux_dirent64, d_name)
			       : offsetof(struct linux_dirent, d_name);
	/* Name, its NUL, and (old format) the type byte at the end. */
	int reclen = ALIGN(base + namlen + (gd->is64 ? 1 : 2),
			   gd->is64 ? 8 : sizeof(long));

	gd->error = -EINVAL;		/* too small for even one record */
	if (reclen > gd->count)
		return -EINVAL;
	gd->error = set_previous_off(gd, offset);
	if (gd->error)
		return gd->error;
	memset(gd->record, 0, reclen);
	if (gd->is64) {
		struct linux_dirent64 *d = (void *)gd->record;

		d->d_ino = ino;
		d->d_reclen = reclen;
		d->d_type = d_type;
		memcpy(d->d_name, name, namlen);
	} else {
		struct linux_dirent *d = (void *)gd->record;

		d->d_ino = ino;
		d->d_reclen = reclen;
		memcpy(d->d_name, name, namlen);
		gd->record[reclen - 1] = d_type;
	}
	if (copy_to_user(gd->current_dir, gd->record, reclen)) {
		gd->error = -EFAULT;
		return -EFAULT;
	}
	gd->error = 0;
	gd->previous = gd->current_dir;
	gd->current_dir += reclen;
	gd->count -= reclen;
	return 0;
}

static long do_getdents(unsigned int fd, void *dirent, unsigned int count,
			bool is64)
{
	struct getdents_callback gd = {
		.current_dir = dirent,
		.count = count > 0x7fffffff ? 0x7fffffff : count,
		.is64 = is64,
	};
	int room = gd.count;
	struct file *file;
	long err;

	if (!access_ok(dirent, count))
		return -EFAULT;
	file = fget(fd);
	if (!file)
		return -EBADF;
	gd.record = kmalloc(RECORD_MAX, GFP_KERNEL);
	err = -ENOMEM;
	if (gd.record)
		err = vfs_readdir(file, filldir_common, &gd);
	if (err >= 0) {
		/* A full buffer after some records is no error. */
		err = gd.previous ? 0 : gd.error;
		if (gd.previous)
			err = set_previous_off(&gd, file->f_pos);
		if (!err)
			err = room - gd.count;
	}
	kfree(gd.record);
	fput(file);
	return err;
}

asmlinkage long sys_getdents(unsigned int fd, struct linux_dirent *dirent,
			     unsigned int count)
{
	return do_getdents(fd, dirent, count, false);
}

asmlinkage long sys_getdents64(unsigned int fd,
			       struct linux_dirent64 *dirent,
			       unsigned int count)
{
	return do_getdents(fd, dirent, count, true);
}
