// SPDX-License-Identifier: GPL-2.0
/*
 * fs/drop_caches.c - /proc/sys/vm/drop_caches: the clean pages of files,
 * and the unused inodes.
 *
 * Linux 2.6.16: fs/drop_caches.c (drop_pagecache_sb, drop_pagecache,
 * drop_slab).  Writing 1 drops every clean page of every file that
 * nobody uses (mm/filemap.c: invalidate_mapping_pages()), with the
 * buffer cache's clean blocks and the unmapped program pages
 * (mm/buffer.c: drop_pagecache()); 2 frees the unused inodes
 * (fs/inode.c: inode_unused), their pages first.  Dirty pages stay: run
 * sync first to drop them too.
 */
#include <fs.h>
#include <pagemap.h>

struct drop_control {
	bool unused_only;		/* only inodes nobody holds */
	unsigned long dropped;		/* pages */
};

/*
 * Each inode with pages is held while its clean ones go, which keeps it
 * on s_inodes, so the walk goes on from it; it is let go only after the
 * next one is held.
 */
static void drop_pagecache_sb(struct super_block *sb, void *arg)
{
	struct drop_control *dc = arg;
	struct inode *inode, *toput = NULL;

	spin_lock(&inode_lock);
	list_for_each_entry(inode, &sb->s_inodes, i_sb_list) {
		if (!inode->i_data.nrpages ||
		    (dc->unused_only && atomic_read(&inode->i_count)))
			continue;
		__iget(inode);
		spin_unlock(&inode_lock);
		dc->dropped += invalidate_mapping_pages(&inode->i_data);
		iput(toput);
		toput = inode;
		spin_lock(&inode_lock);
	}
	spin_unlock(&inode_lock);
	iput(toput);
}

/**
 * drop_file_pages - the clean pages of files that nobody else holds
 * @unused_only: only those of unused inodes
 *
 * Context: process, may sleep.
 * Return: how many pages were dropped.
 */
unsigned long drop_file_pages(bool unused_only)
{
	struct drop_control dc = { .unused_only = unused_only };

	iterate_supers(drop_pagecache_sb, &dc);
	return dc.dropped;
}

/**
 * drop_icache - free every unused inode, and its pages
 *
 * An unused inode still dirty is held by its file system's s_dirty, so
 * every page an unused inode has is clean; one someone still reads
 * (a page reference of its own) keeps its inode until the next time.
 * Context: process, may sleep.
 * Return: how many inodes were freed.
 */
unsigned long drop_icache(void)
{
	drop_file_pages(true);
	return prune_icache(~0UL);
}
