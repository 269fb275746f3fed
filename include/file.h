/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/file.h - open files and the per-process file table
 * (kernel/files.c).
 *
 * Linux 2.6: include/linux/fs.h (struct file, file_operations),
 * include/linux/file.h (files_struct).
 * An open file is a struct file: its operations, position and flags,
 * reference-counted because fork() and dup2() share it; a file opened by
 * path also holds its dentry and mount (include/fs.h).  A process's
 * file table maps small integers (fds) to files; CLONE_FILES shares the
 * table, otherwise fork copies it.  Kernel threads have none.  Each
 * descriptor also has a close-on-exec bit (FD_CLOEXEC), which belongs to
 * the descriptor and not to the file: dup() of it is a descriptor
 * without the bit, on the same file.
 */
#ifndef _FILE_H
#define _FILE_H

#include <atomic.h>
#include <bitops.h>
#include <spinlock.h>
#include <types.h>

#define NR_OPEN_DEFAULT	32	/* fds per process */

struct dentry;
struct file;
struct inode;
struct poll_table_struct;
struct task_struct;
struct vfsmount;

/*
 * readdir()'s callback (fs/readdir.c gives getdents' and getdents64's):
 * one name with its length, the directory position after it, its inode
 * number and DT_ type.  Return: 0 for more, non-zero when full.
 */
typedef int (*filldir_t)(void *buf, const char *name, int namlen,
			 off_t offset, unsigned long ino, unsigned int d_type);

struct file_operations {
	ssize_t (*read)(struct file *f, char *ubuf, size_t count);
	ssize_t (*write)(struct file *f, const char *ubuf, size_t count);
	off_t (*llseek)(struct file *f, off_t offset, int whence);
	void (*release)(struct file *f);
	/* The VFS (include/fs.h): */
	int (*open)(struct inode *inode, struct file *f);
	int (*readdir)(struct file *f, void *buf, filldir_t filldir);
	/* ioctl(2): a device's own requests; NULL: -ENOTTY (fs/ioctl.c) */
	long (*unlocked_ioctl)(struct file *f, unsigned int cmd,
			       unsigned long arg);
	/* poll(2): the POLL* bits true now, after poll_wait() on each
	 * queue a change would be woken on; NULL: always ready (fs/select.c) */
	unsigned int (*poll)(struct file *f, struct poll_table_struct *wait);
	/* fsync(2): the file's data and metadata on the disk; NULL: none
	 * to write (fs/open.c) */
	int (*fsync)(struct file *f);
};

/* Readahead of a file read in order (mm/readahead.c). */
struct file_ra_state {
	unsigned long start;		/* the last window read ahead */
	unsigned long size;		/* its pages (0: none) */
	unsigned long next;		/* the page read next, in order */
};

struct file {
	atomic_t f_count;
	const struct file_operations *f_op;
	unsigned int f_flags;		/* O_RDONLY, O_WRONLY, O_RDWR, ... */
	off_t f_pos;
	void *private_data;		/* the object behind the file */
	/* Where it was opened (NULL for a file no path names): fput()
	 * lets go of both. */
	struct dentry *f_dentry;
	struct vfsmount *f_vfsmnt;
	struct file_ra_state f_ra;	/* a regular file's readahead */
};

struct files_struct {
	atomic_t count;			/* tasks sharing it (CLONE_FILES) */
	spinlock_t file_lock;		/* protects fd[] and close_on_exec */
	struct file *fd[NR_OPEN_DEFAULT];
	/* bit fd: execve() closes fd (Linux: fdtable's close_on_exec) */
	unsigned long close_on_exec[BITS_TO_LONGS(NR_OPEN_DEFAULT)];
};

static inline struct file *get_file(struct file *f)
{
	atomic_inc(&f->f_count);
	return f;
}

/* kernel/files.c */
extern struct files_struct init_files;
void files_init(void);
void fput(struct file *f);
struct files_struct *dup_files(struct files_struct *oldf);
void put_files_struct(struct files_struct *files);
void exit_files(struct task_struct *tsk);
int fd_alloc(struct file *f, unsigned int start, unsigned int flags);
void do_close_on_exec(struct files_struct *files);

/* fs/fcntl.c */
void set_close_on_exec(unsigned int fd, bool flag);

/* kernel/fs.c */
struct file *fget(unsigned int fd);
off_t generic_file_llseek_size(struct file *f, off_t offset, int whence,
			       off_t size);
off_t generic_file_llseek(struct file *f, off_t offset, int whence);
struct file *alloc_file(const struct file_operations *fops, unsigned int flags,
			void *private_data);

#endif /* _FILE_H */
