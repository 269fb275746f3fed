// SPDX-License-Identifier: GPL-2.0
/*
 * fs/proc/generic.c - the fixed entries of /proc: making them, finding
 * them by name, listing a directory of them, reading one.
 *
 * Linux 2.6: fs/proc/generic.c (proc_create(), proc_mkdir(),
 * proc_lookup(), proc_readdir()), and proc_create_single() of later
 * kernels.
 * A fixed entry is a struct proc_dir_entry in a tree under proc_root:
 * a directory lists its entries on its subdir chain.  Entries are made
 * (at boot, or by a driver), never removed, so a pointer to one stays
 * good; proc_subdir_lock guards the chains against a reader while one
 * is added.  A file made by proc_create_single() is a seq file of one
 * record: opening it single_open()s the entry's show function, and every
 * read prints the text afresh (fs/seq_file.c).
 */
#include <errno.h>
#include <fs.h>
#include <kernel.h>
#include <proc_fs.h>
#include <seq_file.h>
#include <slab.h>
#include <spinlock.h>
#include <string.h>
#include "internal.h"

static DEFINE_SPINLOCK(proc_subdir_lock);
/* Inode numbers of fixed entries: 1 is the root. */
static unsigned long proc_next_ino = PROC_ROOT_INO + 1;

static int proc_seq_open(struct inode *inode, struct file *file)
{
	struct proc_dir_entry *de = PROC_I(inode)->pde;

	return single_open(file, de->show, de->data);
}

/* A file of proc_create_single(). */
static const struct file_operations proc_seq_fops = {
	.open = proc_seq_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
};

/* A directory of fixed entries. */
static struct dentry *proc_lookup(struct inode *dir, struct dentry *dentry,
				  struct nameidata *nd)
{
	return proc_lookup_de(PROC_I(dir)->pde, dir, dentry);
}

static int proc_readdir(struct file *file, void *buf, filldir_t filldir)
{
	struct inode *inode = file->f_dentry->d_inode;

	proc_readdir_de(PROC_I(inode)->pde, file, buf, filldir);
	return 0;
}

static const struct inode_operations proc_dir_inode_operations = {
	.lookup = proc_lookup,
};

static const struct file_operations proc_dir_operations = {
	.readdir = proc_readdir,
	.read = generic_read_dir,
};

/* Hang @de under @parent, at the end (listing order is making order). */
static struct proc_dir_entry *proc_register(struct proc_dir_entry *parent,
					    struct proc_dir_entry *de)
{
	struct proc_dir_entry **p;

	spin_lock(&proc_subdir_lock);
	de->low_ino = proc_next_ino++;
	de->parent = parent;
	for (p = &parent->subdir; *p; p = &(*p)->next)
		;
	*p = de;
	spin_unlock(&proc_subdir_lock);
	return de;
}

static struct proc_dir_entry *proc_alloc_de(const char *name, umode_t mode)
{
	struct proc_dir_entry *de = kzalloc(sizeof(*de), GFP_KERNEL);

	if (!de)
		return NULL;
	de->name = name;
	de->namelen = strlen(name);
	de->mode = mode;
	return de;
}

/**
 * proc_mkdir - a directory of fixed entries
 * @name: its name (kept, not copied)
 * @parent: where, or NULL for /proc itself
 *
 * Context: process (boot).
 * Return: the entry, or NULL.
 */
struct proc_dir_entry *proc_mkdir(const char *name,
				  struct proc_dir_entry *parent)
{
	struct proc_dir_entry *de = proc_alloc_de(name, S_IFDIR | 0555);

	if (!de)
		return NULL;
	de->proc_iops = &proc_dir_inode_operations;
	de->proc_fops = &proc_dir_operations;
	return proc_register(parent ? parent : &proc_root, de);
}

/**
 * proc_create_single - a file whose text one function prints
 * @name: its name (kept, not copied)
 * @mode: its permissions (S_IFREG is added)
 * @parent: its directory, or NULL for /proc itself
 * @show: prints the whole text with seq_printf(); @v is unused
 *
 * Context: process (boot).
 * Return: the entry, or NULL.
 */
struct proc_dir_entry *proc_create_single(const char *name, umode_t mode,
					  struct proc_dir_entry *parent,
					  int (*show)(struct seq_file *m,
						      void *v))
{
	struct proc_dir_entry *de = proc_alloc_de(name, S_IFREG | mode);

	if (!de)
		return NULL;
	de->proc_fops = &proc_seq_fops;
	de->show = show;
	return proc_register(parent ? parent : &proc_root, de);
}

/**
 * proc_register_static - hang an entry whose memory the caller keeps
 * @parent: its directory
 * @de: the entry: name, mode (S_IFDIR, or S_IFREG with show and data)
 *
 * For entries made after boot that must not allocate (a journal's
 * /proc/fs/jbd2/NAME, fs/jbd2/journal.c): @de lives as long as /proc.
 * Context: process.
 * Return: @de.
 */
struct proc_dir_entry *proc_register_static(struct proc_dir_entry *parent,
					    struct proc_dir_entry *de)
{
	de->namelen = strlen(de->name);
	if (S_ISDIR(de->mode)) {
		de->proc_iops = &proc_dir_inode_operations;
		de->proc_fops = &proc_dir_operations;
	} else {
		de->proc_fops = &proc_seq_fops;
	}
	return proc_register(parent, de);
}

/**
 * proc_register_entry - hang an entry made elsewhere (/proc/self, sys)
 * @parent: its directory
 * @de: the entry, its name, mode and operations set
 *
 * Context: process (boot).
 */
void proc_register_entry(struct proc_dir_entry *parent,
			 struct proc_dir_entry *de)
{
	de->namelen = strlen(de->name);
	proc_register(parent, de);
}

/**
 * proc_lookup_de - find a name among a directory's fixed entries
 * @de: the directory
 * @dir: its inode
 * @dentry: the name; given the entry's inode if found
 *
 * Context: process.
 * Return: NULL if found, ERR_PTR(-ENOENT) if not (the caller may look
 * further: /proc's pids), ERR_PTR(-ENOMEM).
 */
struct dentry *proc_lookup_de(struct proc_dir_entry *de, struct inode *dir,
			      struct dentry *dentry)
{
	struct proc_dir_entry *e;
	struct inode *inode;

	spin_lock(&proc_subdir_lock);
	for (e = de->subdir; e; e = e->next)
		if (e->namelen == dentry->d_name.len &&
		    !memcmp(e->name, dentry->d_name.name, e->namelen))
			break;
	spin_unlock(&proc_subdir_lock);
	if (!e)
		return ERR_PTR(-ENOENT);
	inode = proc_get_inode(dir->i_sb, e);
	if (!inode)
		return ERR_PTR(-ENOMEM);
	d_add(dentry, inode);
	return NULL;
}

/**
 * proc_fill_dots - readdir's "." and ".."
 * @file: the open directory (f_pos 0 and 1 are the dots)
 * @buf: filldir's buffer
 * @filldir: the callback
 *
 * Context: process.
 * Return: 0 once both are given, non-zero if @buf filled up first.
 */
int proc_fill_dots(struct file *file, void *buf, filldir_t filldir)
{
	struct dentry *dentry = file->f_dentry;

	if (file->f_pos == 0) {
		if (filldir(buf, ".", 1, 1, dentry->d_inode->i_ino, DT_DIR))
			return 1;
		file->f_pos = 1;
	}
	if (file->f_pos == 1) {
		/* The parent's inode: the dentry holds its parent. */
		if (filldir(buf, "..", 2, 2,
			    dentry->d_parent->d_inode->i_ino, DT_DIR))
			return 1;
		file->f_pos = 2;
	}
	return 0;
}

/**
 * proc_readdir_de - list a directory's fixed entries
 * @de: the directory
 * @file: it, open; f_pos 2 is its first entry, 2 + N past the last
 * @buf: filldir's buffer
 * @filldir: called with each name
 *
 * Context: process; filldir() may fault on the user's buffer: no lock
 * is held while it runs (an entry, once found, stays).
 * Return: 0 at the end of the entries, 1 if @buf filled up first.
 */
int proc_readdir_de(struct proc_dir_entry *de, struct file *file, void *buf,
		    filldir_t filldir)
{
	if (proc_fill_dots(file, buf, filldir))
		return 1;
	for (;;) {
		struct proc_dir_entry *e;
		off_t i = 2;

		spin_lock(&proc_subdir_lock);
		for (e = de->subdir; e && i < file->f_pos; e = e->next)
			i++;
		spin_unlock(&proc_subdir_lock);
		if (!e)
			return 0;
		if (filldir(buf, e->name, e->namelen, file->f_pos + 1,
			    e->low_ino, (e->mode >> 12) & 15))
			return 1;
		file->f_pos++;
	}
}
