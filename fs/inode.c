// SPDX-License-Identifier: GPL-2.0
/*
 * fs/inode.c - inodes: allocation, reference counts, attributes,
 * permission checks.
 *
 * Linux 2.6: fs/inode.c (new_inode, iput, init_special_inode),
 * fs/attr.c (inode_change_ok, inode_setattr, notify_change), fs/namei.c
 * (generic_permission, permission), fs/stat.c (generic_fillattr).
 * Understanding the Linux Kernel, 3rd ed., chapter 12, section "Inode
 * Objects".
 * An inode is one file of one super block.  new_inode() makes it with
 * one reference and puts it on the super block's s_inodes; iput() drops
 * a reference.  A disk file system puts each inode it has read or made
 * whole in the hash table (insert_inode_hash()), where ilookup() finds
 * it by (super block, number).  At the last reference a hashed inode of
 * a mounted file system that still has a name is kept, with its pages,
 * on inode_unused (ULK 3rd ed., chapter 12, "Inode Objects": the list of
 * valid unused inodes), where ilookup() finds it again (__iget() takes
 * it off): a file read, closed and read again is read from the page
 * cache.  Any other inode is freed at once (dispose_inode()): the file system's
 * delete_inode first if no name links to it any more (its data goes),
 * then clear_inode, then the memory.  Unused inodes go, oldest first,
 * when memory is short (the icache's shrinker: those whose pages
 * reclaim has already freed), on drop_caches 2 (fs/drop_caches.c) and
 * when their file system is unmounted (invalidate_inodes()).
 * inode_lock (a spinlock) protects the s_inodes lists, inode_unused and
 * the transitions of i_count to and from zero; i_mutex (include/fs.h)
 * serializes changes to a directory's names and to a file's data.
 */
#include <capability.h>
#include <errno.h>
#include <fs.h>
#include <kernel.h>
#include <sched.h>
#include <slab.h>
#include <string.h>
#include <swap.h>
#include <time.h>
#include <writeback.h>

DEFINE_SPINLOCK(inode_lock);
static struct kmem_cache *inode_cachep;
static unsigned long nr_inode;		/* inode_lock */
/* Inodes nobody holds, kept with their pages: newest first (inode_lock). */
static LIST_HEAD(inode_unused);
static unsigned long nr_unused;		/* inode_lock */
/* Chains of the inodes ilookup() can find, by (sb, number) (inode_lock). */
#define INODE_HASH_SIZE	256
static struct list_head inode_hashtable[INODE_HASH_SIZE];
static atomic_t last_ino = ATOMIC_INIT(0);

/**
 * get_next_ino - a fresh inode number for a file system without numbers
 *
 * Context: any.
 * Return: the number (never 0).
 */
unsigned long get_next_ino(void)
{
	return atomic_add_return(1, &last_ino);
}

/**
 * current_fs_time - the time to stamp on a file
 * @sb: its super block (for the granularity; unused)
 *
 * The wall clock (kernel/time.c: current_kernel_time(): the CMOS clock
 * read at boot, plus the time since), as a disk's inodes must carry
 * real times: e2fsck takes a deleted inode's i_dtime of 0 for a live one.
 * Context: any.
 * Return: the time.
 */
struct timespec current_fs_time(struct super_block *sb)
{
	return current_kernel_time();
}

/**
 * new_inode - a new inode of @sb
 * @sb: the super block
 *
 * Mode, operations and number are the caller's to set (i_ino 0 means
 * "not set"; get_next_ino() gives one).  Owner: the current task.
 * Context: process, may sleep.
 * Return: the inode with one reference and i_nlink 1, or NULL.
 */
struct inode *new_inode(struct super_block *sb)
{
	struct inode *inode;

	if (sb->s_op && sb->s_op->alloc_inode)
		inode = sb->s_op->alloc_inode(sb);
	else
		inode = kmem_cache_zalloc(inode_cachep, GFP_KERNEL);
	if (!inode)
		return NULL;
	INIT_LIST_HEAD(&inode->i_dentry);
	INIT_LIST_HEAD(&inode->i_lru);
	INIT_LIST_HEAD(&inode->i_hash);
	atomic_set(&inode->i_count, 1);
	inode->i_nlink = 1;
	inode->i_sb = sb;
	inode->i_uid = current->euid;
	inode->i_gid = current->egid;
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_fs_time(sb);
	mutex_init(&inode->i_mutex);
	address_space_init_once(&inode->i_data, inode);
	inode->i_mapping = &inode->i_data;
	INIT_LIST_HEAD(&inode->i_list);

	spin_lock(&inode_lock);
	list_add(&inode->i_sb_list, &sb->s_inodes);
	nr_inode++;
	spin_unlock(&inode_lock);
	return inode;
}

/*
 * The end of an inode nobody holds, already off s_inodes: its data if no
 * name is left, its pages, the file system's part, the memory.  Without
 * data or pages to drop (an unused inode pruned) it does not sleep.
 * truncate_inode_pages() takes the mapping's tree_lock even then, so a
 * last page that reclaim is taking out on another CPU (remove_mapping())
 * is out before the inode is freed.
 */
static void dispose_inode(struct inode *inode)
{
	const struct super_operations *op = inode->i_sb->s_op;

	BUG_ON(!list_empty(&inode->i_dentry));
	if (!inode->i_nlink && op && op->delete_inode)
		op->delete_inode(inode);
	/* Clean: dirty pages would have kept it (fs/fs-writeback.c). */
	BUG_ON(inode->i_state & I_DIRTY_PAGES);
	truncate_inode_pages(&inode->i_data, 0);
	if (op && op->clear_inode)
		op->clear_inode(inode);
	if (op && op->destroy_inode)
		op->destroy_inode(inode);
	else
		kmem_cache_free(inode_cachep, inode);
}

static struct list_head *inode_hash(struct super_block *sb,
				    unsigned long ino)
{
	return &inode_hashtable[(ino ^ ((unsigned long)sb >> 6)) %
				INODE_HASH_SIZE];
}

/**
 * insert_inode_hash - let ilookup() find a whole inode by its number
 * @inode: the inode, its i_ino set, read or made without error
 *
 * Linux 2.6: insert_inode_hash() (iget_locked() for a read one).
 * Context: process; takes inode_lock.
 */
void insert_inode_hash(struct inode *inode)
{
	spin_lock(&inode_lock);
	list_add(&inode->i_hash, inode_hash(inode->i_sb, inode->i_ino));
	spin_unlock(&inode_lock);
}

/*
 * Kept when unused (Linux 2.6: generic_drop_inode()): an inode in the
 * hash (a disk file system's, read or made whole: ramfs and rootfs keep
 * theirs through their dentries, /proc remakes its own at each lookup),
 * with a name, of a mounted file system (s_root is NULL while it mounts
 * and unmounts).
 */
static bool inode_keep(struct inode *inode)
{
	return !list_empty(&inode->i_hash) && inode->i_nlink &&
	       inode->i_sb->s_root;
}

/**
 * __iget - one more reference to an inode found on its s_inodes
 * @inode: the inode, perhaps unused
 *
 * Taken from zero, it leaves inode_unused.
 * Context: inode_lock held.
 */
void __iget(struct inode *inode)
{
	if (atomic_add_return(1, &inode->i_count) == 1) {
		list_del_init(&inode->i_lru);
		nr_unused--;
	}
}

/**
 * iput - drop a reference to an inode; keep it unused or free it on the
 *        last one
 * @inode: the inode, or NULL
 *
 * Context: process, may sleep (delete_inode frees data); no spinlock.
 */
void iput(struct inode *inode)
{
	if (!inode)
		return;
	/* Deleted, and only the dirty list holds it besides us: go now. */
	if (!inode->i_nlink && atomic_read(&inode->i_count) == 2 &&
	    (inode->i_state & I_DIRTY_PAGES))
		inode_wb_forget(inode);
	spin_lock(&inode_lock);
	BUG_ON(atomic_read(&inode->i_count) <= 0);
	if (!atomic_dec_and_test(&inode->i_count)) {
		spin_unlock(&inode_lock);
		return;
	}
	if (inode_keep(inode)) {
		list_add(&inode->i_lru, &inode_unused);
		nr_unused++;
		spin_unlock(&inode_lock);
		return;
	}
	list_del_init(&inode->i_sb_list);
	list_del_init(&inode->i_hash);
	nr_inode--;
	spin_unlock(&inode_lock);
	dispose_inode(inode);
}

/* Take unused @inode off every list onto @dispose; inode_lock held. */
static void unuse_inode(struct inode *inode, struct list_head *dispose)
{
	list_move(&inode->i_lru, dispose);
	list_del_init(&inode->i_sb_list);
	list_del_init(&inode->i_hash);
	nr_unused--;
	nr_inode--;
}

static void dispose_list(struct list_head *dispose)
{
	while (!list_empty(dispose)) {
		struct inode *inode = list_first_entry(dispose, struct inode,
						       i_lru);

		list_del_init(&inode->i_lru);
		dispose_inode(inode);
	}
}

/**
 * prune_icache - free unused inodes that have no pages left, oldest first
 * @nr_to_scan: how many unused inodes to look at
 *
 * Linux 2.6: prune_icache(), the icache's shrinker.  An unused inode's
 * pages are the cache's alone, and reclaim frees them from the LRU like
 * any clean page (mm/vmscan.c); once they are gone the inode can go.  It
 * never sleeps: one with pages is passed over (drop_caches 2 drops them
 * first: fs/drop_caches.c).
 * Context: any but interrupt; takes inode_lock.
 * Return: how many inodes were freed.
 */
unsigned long prune_icache(unsigned long nr_to_scan)
{
	struct inode *inode, *prev;
	unsigned long freed = 0;
	LIST_HEAD(dispose);

	spin_lock(&inode_lock);
	list_for_each_entry_safe_reverse(inode, prev, &inode_unused, i_lru) {
		if (!nr_to_scan--)
			break;
		if (inode->i_data.nrpages)
			continue;
		unuse_inode(inode, &dispose);
		freed++;
	}
	spin_unlock(&inode_lock);
	dispose_list(&dispose);
	return freed;
}

/**
 * invalidate_inodes - free the unused inodes of a super block going away
 * @sb: the super block, no longer mounted (s_root NULL: none is kept)
 *
 * Linux 2.6: invalidate_inodes(), from generic_shutdown_super().
 * Context: process, may sleep (their pages are dropped).
 */
void invalidate_inodes(struct super_block *sb)
{
	struct inode *inode, *next;
	LIST_HEAD(dispose);

	spin_lock(&inode_lock);
	list_for_each_entry_safe(inode, next, &sb->s_inodes, i_sb_list)
		if (!atomic_read(&inode->i_count))
			unuse_inode(inode, &dispose);
	spin_unlock(&inode_lock);
	dispose_list(&dispose);
}

/* Reclaim (mm/vmscan.c): @nr 0 asks how many inodes could go. */
static int shrink_icache_memory(int nr, gfp_t gfp_mask)
{
	if (nr)
		prune_icache(nr);
	return READ_ONCE(nr_unused);
}

static struct shrinker icache_shrinker = {
	.shrink = shrink_icache_memory,
};

/**
 * ilookup - the inode numbered @ino of @sb, if it is in memory
 * @sb: the super block
 * @ino: the number
 *
 * A walk of one chain of the hash table; an unused inode found there
 * is taken back.
 * Context: process.
 * Return: the inode with a new reference, or NULL.
 */
struct inode *ilookup(struct super_block *sb, unsigned long ino)
{
	struct inode *inode, *found = NULL;

	spin_lock(&inode_lock);
	list_for_each_entry(inode, inode_hash(sb, ino), i_hash)
		if (inode->i_sb == sb && inode->i_ino == ino) {
			__iget(inode);
			found = inode;
			break;
		}
	spin_unlock(&inode_lock);
	return found;
}

/**
 * init_special_inode - make @inode a device node (or FIFO, socket)
 * @inode: the inode
 * @mode: its type and permission bits
 * @rdev: the device number
 *
 * A character or block device's open goes to def_chr_fops/def_blk_fops
 * (fs/devices.c), which find the driver by @rdev.
 * Context: process.
 */
void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev)
{
	inode->i_mode = mode;
	inode->i_rdev = rdev;
	if (S_ISCHR(mode))
		inode->i_fop = &def_chr_fops;
	else if (S_ISBLK(mode))
		inode->i_fop = &def_blk_fops;
	else
		inode->i_fop = NULL;	/* FIFOs, sockets: no open */
}

/**
 * inc_nlink - one more name for @inode
 * @inode: the inode
 *
 * Context: process; the i_mutex of the directory that gains the name.
 */
void inc_nlink(struct inode *inode)
{
	inode->i_nlink++;
}

/**
 * drop_nlink - one name fewer for @inode
 * @inode: the inode
 *
 * Context: process; the i_mutex of the directory that loses the name.
 */
void drop_nlink(struct inode *inode)
{
	WARN_ON(inode->i_nlink == 0);
	if (inode->i_nlink)
		inode->i_nlink--;
}

static bool in_group(gid_t gid)
{
	return current->egid == gid;
}

/**
 * generic_permission - may the current task access @inode so?
 * @inode: the inode
 * @mask: MAY_READ | MAY_WRITE | MAY_EXEC
 *
 * The owner's bits if the task's effective uid owns it, else the
 * group's if its group matches, else the others'.  Root
 * (CAP_DAC_OVERRIDE) may do anything, except execute a file that no one
 * may execute.
 * Context: process.
 * Return: 0, or -EACCES.
 */
int generic_permission(struct inode *inode, int mask)
{
	umode_t mode = inode->i_mode;

	mask &= MAY_READ | MAY_WRITE | MAY_EXEC;
	if (current->euid == inode->i_uid)
		mode >>= 6;
	else if (in_group(inode->i_gid))
		mode >>= 3;
	if ((mode & mask) == mask)
		return 0;
	if (capable(CAP_DAC_OVERRIDE) &&
	    (!(mask & MAY_EXEC) || S_ISDIR(inode->i_mode) ||
	     (inode->i_mode & (S_IXUSR | S_IXGRP | S_IXOTH))))
		return 0;
	return -EACCES;
}

/**
 * permission - generic_permission(), or the file system's own check,
 *	after the read-only test
 * @inode: the inode
 * @mask: MAY_*
 *
 * Writing to a file, directory or symlink of a read-only file system is
 * -EROFS whoever asks; a device node there may still be written (the
 * device is not the file system).
 * Context: process.
 * Return: 0, -EROFS or -EACCES.
 */
int permission(struct inode *inode, int mask)
{
	if ((mask & MAY_WRITE) && IS_RDONLY(inode) &&
	    (S_ISREG(inode->i_mode) || S_ISDIR(inode->i_mode) ||
	     S_ISLNK(inode->i_mode)))
		return -EROFS;
	if (inode->i_op && inode->i_op->permission)
		return inode->i_op->permission(inode, mask);
	return generic_permission(inode, mask);
}

static bool is_owner_or_cap(struct inode *inode)
{
	return current->euid == inode->i_uid || capable(CAP_FOWNER);
}

/**
 * inode_change_ok - may the current task make the change @attr?
 * @inode: the inode
 * @attr: the change
 *
 * Owner and group: root only (a task may give its file to a group it is
 * in); mode and times: the owner or root.  The size is checked by the
 * caller (write permission, in do_truncate()'s callers).
 * Context: process.
 * Return: 0 or -EPERM.
 */
int inode_change_ok(struct inode *inode, struct iattr *attr)
{
	unsigned int valid = attr->ia_valid;

	if (valid & ATTR_FORCE)
		return 0;
	if ((valid & ATTR_UID) && attr->ia_uid != inode->i_uid &&
	    !capable(CAP_CHOWN))
		return -EPERM;
	if ((valid & ATTR_GID) && !capable(CAP_CHOWN) &&
	    (current->euid != inode->i_uid || !in_group(attr->ia_gid)))
		return -EPERM;
	if ((valid & (ATTR_MODE | ATTR_ATIME | ATTR_MTIME)) &&
	    !is_owner_or_cap(inode))
		return -EPERM;
	return 0;
}

/**
 * inode_setattr - apply @attr to the in-memory inode
 * @inode: the inode
 * @attr: the change (ATTR_SIZE only sets i_size: the file system's
 *	setattr frees the data first)
 *
 * Context: process; the inode's i_mutex held.
 * Return: 0.
 */
int inode_setattr(struct inode *inode, struct iattr *attr)
{
	unsigned int valid = attr->ia_valid;

	if (valid & ATTR_SIZE)
		inode->i_size = attr->ia_size;
	if (valid & ATTR_UID)
		inode->i_uid = attr->ia_uid;
	if (valid & ATTR_GID)
		inode->i_gid = attr->ia_gid;
	if (valid & ATTR_MODE)
		inode->i_mode = (inode->i_mode & S_IFMT) |
				(attr->ia_mode & ~S_IFMT);
	if (valid & ATTR_ATIME)
		inode->i_atime = attr->ia_atime;
	if (valid & ATTR_MTIME)
		inode->i_mtime = attr->ia_mtime;
	if (valid & ATTR_CTIME)
		inode->i_ctime = attr->ia_ctime;
	return 0;
}

/**
 * notify_change - change a file's attributes (chmod, chown, truncate)
 * @dentry: the file
 * @attr: the change
 *
 * Stamps ctime (and mtime for a size change), then calls the file
 * system's setattr, or inode_setattr().
 * Context: process; the inode's i_mutex held.
 * Return: 0 or a negative error.
 */
int notify_change(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = dentry->d_inode;
	struct timespec now = current_fs_time(inode->i_sb);

	if (!(attr->ia_valid & ATTR_FORCE) && IS_RDONLY(inode))
		return -EROFS;
	attr->ia_ctime = now;
	attr->ia_valid |= ATTR_CTIME;
	if ((attr->ia_valid & ATTR_SIZE) && !(attr->ia_valid & ATTR_MTIME)) {
		attr->ia_mtime = now;
		attr->ia_valid |= ATTR_MTIME;
	}
	if (inode->i_op && inode->i_op->setattr)
		return inode->i_op->setattr(dentry, attr);
	return inode_change_ok(inode, attr) ?: inode_setattr(inode, attr);
}

/**
 * generic_fillattr - what stat() shows of an in-memory inode
 * @inode: the inode
 * @stat: filled
 *
 * Context: process.
 */
void generic_fillattr(struct inode *inode, struct kstat *stat)
{
	stat->dev = inode->i_sb->s_dev;
	stat->ino = inode->i_ino;
	stat->mode = inode->i_mode;
	stat->nlink = inode->i_nlink;
	stat->uid = inode->i_uid;
	stat->gid = inode->i_gid;
	stat->rdev = inode->i_rdev;
	stat->size = inode->i_size;
	stat->atime = inode->i_atime;
	stat->mtime = inode->i_mtime;
	stat->ctime = inode->i_ctime;
	stat->blksize = inode->i_sb->s_blocksize ?: PAGE_SIZE;
	stat->blocks = inode->i_blocks;
}

/**
 * nr_inodes - inodes alive
 *
 * Context: any.
 * Return: the count.
 */
unsigned long nr_inodes(void)
{
	return READ_ONCE(nr_inode);
}

/**
 * nr_unused_inodes - inodes kept with nobody using them
 *
 * Context: any.
 * Return: the count (/proc/sys/fs/inode-nr's second number).
 */
unsigned long nr_unused_inodes(void)
{
	return READ_ONCE(nr_unused);
}

/**
 * inode_init - the inode cache
 *
 * Context: boot (vfs_caches_init()).
 */
void inode_init(void)
{
	for (unsigned int i = 0; i < INODE_HASH_SIZE; i++)
		INIT_LIST_HEAD(&inode_hashtable[i]);
	inode_cachep = kmem_cache_create("inode_cache", sizeof(struct inode),
					 0, 0, NULL);
	if (!inode_cachep)
		panic("inode_init: no memory");
	register_shrinker(&icache_shrinker);
}
