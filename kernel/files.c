// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/files.c - file tables: sharing, copying, closing.
 *
 * Linux 2.6: fs/file_table.c (fput), kernel/fork.c (dup_fd),
 * kernel/exit.c (put_files_struct).
 * init_files is process 0's table; it has no open files.  do_fork()
 * shares the parent's table with CLONE_FILES or gives the child a copy
 * (every open file gains a reference); the last task to drop a table
 * closes what is still open in it.
 */
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
