// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/files.c - file tables: sharing, copying, closing, and the
 * choice of a new descriptor.
 *
 * Linux 2.6: fs/file_table.c (fput), kernel/fork.c (dup_fd),
 * kernel/exit.c (put_files_struct), fs/open.c (get_unused_fd_flags,
 * fd_install), fs/exec.c (flush_old_files; later fs/file.c:
 * do_close_on_exec).
 * init_files is process 0's table; it has no open files.  do_fork()
 * shares the parent's table with CLONE_FILES or gives the child a copy
 * (every open file gains a reference, every close-on-exec bit is kept);
 * the last task to drop a table closes what is still open in it.  A new
 * descriptor is always the lowest free one (POSIX promises it: the shell
 * relies on it to put a pipe's end at 0 or 1 after a close), and its
 * close-on-exec bit is set or cleared when it is taken, so that a bit
 * left behind by a closed descriptor never applies to the next file.
 * execve() then closes the marked descriptors once the new program is
 * certain to run (do_close_on_exec()); the shell's redirections go on
 * from fs/fcntl.c (dup2) and fs/pipe.c.
 */
#include <errno.h>
#include <file.h>
#include <fs.h>
#include <kernel.h>
#include <sched.h>
#include <slab.h>
#include <string.h>

struct files_struct init_files = {
	.count = ATOMIC_INIT(1),
	.file_lock = __SPIN_LOCK_UNLOCKED,
};

static struct kmem_cache *files_cachep;

/**
 * files_init - create the files_struct cache
 *
 * Context: boot.
 */
void files_init(void)
{
	files_cachep = kmem_cache_create("files_cache",
					 sizeof(struct files_struct), 0, 0,
					 NULL);
	if (!files_cachep)
		panic("files_init: no memory");
}

/**
 * fput - drop a reference to an open file; close it on the last one
 * @f: the file
 *
 * Context: process.
 */
void fput(struct file *f)
{
	if (!atomic_dec_and_test(&f->f_count))
		return;
	if (f->f_op && f->f_op->release)
		f->f_op->release(f);
	dput(f->f_dentry);	/* a file opened by path: include/fs.h */
	mntput(f->f_vfsmnt);
	kfree(f);
}

/**
 * dup_files - a copy of a file table for a child that does not share it
 * @oldf: the parent's table
 *
 * Context: process (do_fork()).
 * Return: the copy, with one more reference on every open file, or NULL.
 */
struct files_struct *dup_files(struct files_struct *oldf)
{
	struct files_struct *newf = kmem_cache_alloc(files_cachep, GFP_KERNEL);

	if (!newf)
		return NULL;
	atomic_set(&newf->count, 1);
	spin_lock_init(&newf->file_lock);
	spin_lock(&oldf->file_lock);
	for (int fd = 0; fd < NR_OPEN_DEFAULT; fd++) {
		newf->fd[fd] = oldf->fd[fd];
		if (newf->fd[fd])
			get_file(newf->fd[fd]);
	}
	memcpy(newf->close_on_exec, oldf->close_on_exec,
	       sizeof(newf->close_on_exec));
	spin_unlock(&oldf->file_lock);
	return newf;
}

/**
 * put_files_struct - drop a reference to a file table
 * @files: the table; on the last reference every open file is closed
 *
 * Context: process.
 */
void put_files_struct(struct files_struct *files)
{
	if (!atomic_dec_and_test(&files->count))
		return;
	BUG_ON(files == &init_files);
	for (int fd = 0; fd < NR_OPEN_DEFAULT; fd++)
		if (files->fd[fd])
			fput(files->fd[fd]);
	kmem_cache_free(files_cachep, files);
}

/**
 * exit_files - a task lets go of its file table
 * @tsk: the task (current)
 *
 * Context: process; do_exit(), and kthread() which gives kernel threads
 * no file table at all.
 */
void exit_files(struct task_struct *tsk)
{
	struct files_struct *files = tsk->files;

	if (files) {
		tsk->files = NULL;
		put_files_struct(files);
	}
}

/**
 * fd_alloc - give a file the lowest free descriptor from @start up
 * @f: the file; the caller's reference goes to the table on success
 * @start: the lowest descriptor it may have (0, or F_DUPFD's argument)
 * @flags: O_CLOEXEC sets the descriptor's close-on-exec bit; without it
 *         the bit is cleared
 *
 * Context: process, the current task's table.
 * Return: the descriptor; -EBADF if the task has no file table (a kernel
 * thread), -EINVAL if @start is past the table, -EMFILE if it is full.
 */
int fd_alloc(struct file *f, unsigned int start, unsigned int flags)
{
	struct files_struct *files = current->files;
	unsigned int fd;

	if (!files)
		return -EBADF;
	if (start >= NR_OPEN_DEFAULT)
		return -EINVAL;
	spin_lock(&files->file_lock);
	for (fd = start; fd < NR_OPEN_DEFAULT; fd++)
		if (!files->fd[fd])
			break;
	if (fd < NR_OPEN_DEFAULT) {
		files->fd[fd] = f;
		if (flags & O_CLOEXEC)
			set_bit(fd, files->close_on_exec);
		else
			clear_bit(fd, files->close_on_exec);
	}
	spin_unlock(&files->file_lock);
	return fd < NR_OPEN_DEFAULT ? (int)fd : -EMFILE;
}

/**
 * do_close_on_exec - close every descriptor marked close-on-exec
 * @files: the table of the task that is becoming a new program
 *
 * Called by do_execve() past its point of no return: a failed execve()
 * leaves the caller's descriptors as they were.  Each file is put with
 * the table unlocked: a file's release may sleep.  A table shared with
 * CLONE_FILES is closed for all its tasks: Linux first gives the
 * execing task a table of its own (unshare_files()); no program here
 * shares one and execs.
 * Context: process.
 */
void do_close_on_exec(struct files_struct *files)
{
	if (!files)
		return;
	for (unsigned int fd = 0; fd < NR_OPEN_DEFAULT; fd++) {
		struct file *f = NULL;

		spin_lock(&files->file_lock);
		if (test_bit(fd, files->close_on_exec)) {
			clear_bit(fd, files->close_on_exec);
			f = files->fd[fd];
			files->fd[fd] = NULL;
		}
		spin_unlock(&files->file_lock);
		if (f)
			fput(f);
	}
}
