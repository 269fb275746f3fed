// SPDX-License-Identifier: GPL-2.0
/*
 * fs/proc/inode.c - the inodes of /proc, and its super block.
 *
 * Linux 2.6: fs/proc/inode.c (proc_alloc_inode(), proc_get_inode(),
 * proc_fill_super()).
 * Every inode of /proc is a struct proc_inode from its own slab cache
 * (super_operations alloc_inode/destroy_inode): the VFS inode, plus
 * what it shows (include/proc_fs.h).  Nothing is kept: an inode is made
 * when its name is looked up and freed with its last dentry (the VFS
 * frees unused dentries at once), so /proc holds memory only while
 * something holds one of its files.  The root is the fixed entry
 * proc_root.
 */
#include <errno.h>
#include <fs.h>
#include <kernel.h>
#include <proc_fs.h>
#include <slab.h>
#include "internal.h"

static struct kmem_cache *proc_inode_cachep;

static struct inode *proc_alloc_inode(struct super_block *sb)
{
	struct proc_inode *ei = kmem_cache_zalloc(proc_inode_cachep,
						  GFP_KERNEL);

	return ei ? &ei->vfs_inode : NULL;
}

static void proc_destroy_inode(struct inode *inode)
{
	kmem_cache_free(proc_inode_cachep, PROC_I(inode));
}

static const struct super_operations proc_sops = {
	.alloc_inode = proc_alloc_inode,
	.destroy_inode = proc_destroy_inode,
};

/**
 * proc_init_inodecache - the slab cache of proc inodes
 *
 * Context: boot.
 */
void proc_init_inodecache(void)
{
	proc_inode_cachep = kmem_cache_create("proc_inode_cache",
					      sizeof(struct proc_inode), 0, 0,
					      NULL);
	if (!proc_inode_cachep)
		panic("proc_init_inodecache: no memory");
}

/**
 * proc_new_inode - an inode of /proc, owned by root
 * @sb: proc's super block
 * @ino: its number
 * @mode: its type and permissions
 *
 * Context: process.
 * Return: the inode (one reference), or NULL.
 */
struct inode *proc_new_inode(struct super_block *sb, unsigned long ino,
			     umode_t mode)
{
	struct inode *inode = new_inode(sb);

	if (!inode)
		return NULL;
	inode->i_ino = ino;
	inode->i_mode = mode;
	inode->i_uid = 0;
	inode->i_gid = 0;
	/* A directory's links: its "." and its parent's entry. */
	inode->i_nlink = S_ISDIR(mode) ? 2 : 1;
	return inode;
}

/**
 * proc_get_inode - the inode of a fixed entry
 * @sb: proc's super block
 * @de: the entry
 *
 * Context: process.
 * Return: the inode (one reference), or NULL.
 */
struct inode *proc_get_inode(struct super_block *sb, struct proc_dir_entry *de)
{
	struct inode *inode = proc_new_inode(sb, de->low_ino, de->mode);

	if (!inode)
		return NULL;
	PROC_I(inode)->pde = de;
	inode->i_op = de->proc_iops;
	inode->i_fop = de->proc_fops;
	return inode;
}

/**
 * proc_fill_super - make the super block of /proc
 * @sb: the new super block
 * @data: mount options (none)
 * @silent: unused
 *
 * Context: process (mount).
 * Return: 0, or -ENOMEM.
 */
int proc_fill_super(struct super_block *sb, void *data, int silent)
{
	struct inode *root;

	sb->s_blocksize = 1024;
	sb->s_magic = PROC_SUPER_MAGIC;
	sb->s_op = &proc_sops;
	root = proc_get_inode(sb, &proc_root);
	if (!root)
		return -ENOMEM;
	sb->s_root = d_alloc_root(root);
	if (!sb->s_root) {
		iput(root);
		return -ENOMEM;
	}
	return 0;
}
