// SPDX-License-Identifier: GPL-2.0
/*
 * fs/fs-writeback.c - which files have dirty pages, and writing them back
 * inode by inode, oldest first.
 *
 * Linux 2.6: fs/fs-writeback.c (__mark_inode_dirty(), sync_sb_inodes(),
 * __writeback_single_inode(), writeback_inodes(), sync_inodes_sb(),
 * write_inode_now()).  Understanding the Linux Kernel, 3rd ed., chapter
 * 15, Section "Writing Dirty Pages to Disk".
 *
 * The first page of an inode to become dirty puts the inode at the end
 * of its super block's s_dirty list with the time, dirtied_when
 * (__mark_inode_dirty(), from set_page_dirty()), so that s_dirty is
 * oldest first.  A writeback pass (writeback_inodes(), with a struct
 * writeback_control saying how many pages, how old, and whether to
 * wait) moves s_dirty onto s_io and takes the inodes off it one by one:
 * each one's dirty pages go to do_writepages() (mm/filemap.c).  An inode
 * left with dirty pages (the pass ran out of nr_to_write, or a writer
 * dirtied more) goes back on s_dirty, keeping its dirtied_when; one
 * dirtied too recently for a wb_kupdate() pass (older_than_this) goes
 * back untouched.
 *
 * Linux keeps unused inodes in memory, so a closed file's dirty pages
 * wait for pdflush.  Here an inode is freed at its last iput()
 * (fs/inode.c), so the place on s_dirty holds a reference of its own
 * (taken when I_DIRTY_PAGES is set, dropped when a pass leaves the inode
 * clean): a file written and closed keeps its inode and its dirty pages
 * until pdflush has written them; only then can the last iput() free it.
 *
 * Locking: inode_wb_lock guards s_dirty, s_io, i_state and dirtied_when
 * of every inode.  A mapping's tree_lock nests inside it (a pass looks
 * at the mapping's dirty_pages to decide whether the inode stays
 * dirty); set_page_dirty() drops tree_lock before it calls
 * __mark_inode_dirty().  Next: mm/filemap.c: do_writepages().
 */
#include <fs.h>
#include <time.h>
#include <kernel.h>
#include <pagemap.h>
#include <sched.h>
#include <spinlock.h>
#include <writeback.h>

static DEFINE_SPINLOCK(inode_wb_lock);

/**
 * __mark_inode_dirty - an inode got its first dirty page
 * @inode: the inode (the caller holds a reference)
 *
 * Context: any process; takes inode_wb_lock.
 */
void __mark_inode_dirty(struct inode *inode)
{
	if (inode->i_state & I_DIRTY_PAGES)	/* the common case */
		return;
	spin_lock(&inode_wb_lock);
	if (!(inode->i_state & I_DIRTY_PAGES)) {
		inode->i_state |= I_DIRTY_PAGES;
		inode->dirtied_when = jiffies;
		atomic_inc(&inode->i_count);	/* s_dirty's reference */
		list_move_tail(&inode->i_list, &inode->i_sb->s_dirty);
	}
	spin_unlock(&inode_wb_lock);
}

/*
 * Write one inode taken off s_io (its list reference is now ours):
 * its pages, waited for with WB_SYNC_ALL.  Still dirty, it goes back on
 * s_dirty with the reference; else the reference is dropped.
 */
static void writeback_single_inode(struct inode *inode,
				   struct writeback_control *wbc)
{
	struct address_space *mapping = inode->i_mapping;
	bool drop = true;

	do_writepages(mapping, wbc);
	if (wbc->sync_mode == WB_SYNC_ALL)
		filemap_fdatawait(mapping);

	spin_lock(&inode_wb_lock);
	if (!(inode->i_state & I_DIRTY_PAGES)) {
		spin_lock(&mapping->tree_lock);
		if (!list_empty(&mapping->dirty_pages)) {
			inode->i_state |= I_DIRTY_PAGES;
			list_add_tail(&inode->i_list, &inode->i_sb->s_dirty);
			drop = false;	/* the list keeps the reference */
		}
		spin_unlock(&mapping->tree_lock);
	}
	/* Else a writer dirtied it meanwhile and took a reference. */
	spin_unlock(&inode_wb_lock);
	if (drop)
		iput(inode);
}

/* One super block's share of a pass. */
static void sync_sb_inodes(struct super_block *sb, void *arg)
{
	struct writeback_control *wbc = arg;

	spin_lock(&inode_wb_lock);
	list_splice_tail_init(&sb->s_dirty, &sb->s_io);
	while (!list_empty(&sb->s_io) && wbc->nr_to_write > 0) {
		struct inode *inode = list_first_entry(&sb->s_io,
						       struct inode, i_list);

		if (wbc->older_than_this &&
		    time_after(inode->dirtied_when, *wbc->older_than_this)) {
			/* Too young for wb_kupdate(): wait on s_dirty. */
			list_move_tail(&inode->i_list, &sb->s_dirty);
			continue;
		}
		list_del_init(&inode->i_list);
		inode->i_state &= ~I_DIRTY_PAGES;
		spin_unlock(&inode_wb_lock);
		writeback_single_inode(inode, wbc);
		spin_lock(&inode_wb_lock);
	}
	/* What the pass did not reach waits, first, for the next one. */
	list_splice_tail_init(&sb->s_dirty, &sb->s_io);
	list_splice_tail_init(&sb->s_io, &sb->s_dirty);
	spin_unlock(&inode_wb_lock);
}

/**
 * writeback_inodes - write the dirty pages of every file system's inodes
 * @wbc: how: nr_to_write pages at most (counted down), only inodes
 *	dirtied before *older_than_this if set, waiting (WB_SYNC_ALL) or not
 *
 * Context: process, may sleep; no page locked, no journal handle.
 */
void writeback_inodes(struct writeback_control *wbc)
{
	iterate_supers(sync_sb_inodes, wbc);
}

/**
 * sync_inodes_sb - write every dirty page of one file system and wait
 * @sb: the super block (unmount, remount read-only)
 *
 * Context: process, may sleep.
 */
void sync_inodes_sb(struct super_block *sb)
{
	struct writeback_control wbc = {
		.sync_mode = WB_SYNC_ALL,
		.nr_to_write = LONG_MAX,
	};

	sync_sb_inodes(sb, &wbc);
}

/**
 * write_inode_now - write one inode's dirty pages and wait (fsync())
 * @inode: the inode (the caller holds a reference)
 *
 * Context: process, may sleep.
 * Return: 0, or -EIO if a write failed.
 */
int write_inode_now(struct inode *inode)
{
	int err = filemap_fdatawrite(inode->i_mapping);
	int err2 = filemap_fdatawait(inode->i_mapping);

	return err ?: err2;
}

/**
 * inode_wb_forget - an unlinked inode's last user is going: its dirty
 *                   pages need no writing
 * @inode: the inode, with no links, held by the caller and perhaps by
 *	   s_dirty alone besides
 *
 * The s_dirty reference is dropped (the caller's is not the last), so
 * that the caller's iput() deletes the file at once, its pages dropped
 * unwritten -- as Linux frees an unlinked file at its last close.
 * Context: process (iput()).
 */
void inode_wb_forget(struct inode *inode)
{
	bool listed;

	spin_lock(&inode_wb_lock);
	listed = inode->i_state & I_DIRTY_PAGES;
	if (listed) {
		list_del_init(&inode->i_list);
		inode->i_state &= ~I_DIRTY_PAGES;
	}
	spin_unlock(&inode_wb_lock);
	if (listed)
		atomic_dec(&inode->i_count);
}
