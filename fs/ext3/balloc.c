// SPDX-License-Identifier: GPL-2.0
/*
 * fs/ext3/balloc.c - the block allocator: the block bitmaps, the groups'
 * and the super block's free block counts.
 *
 * Linux 2.6: fs/ext3/balloc.c (ext3_new_block(), ext3_free_blocks(),
 * read_block_bitmap(), ext3_count_free_blocks()).  Understanding the
 * Linux Kernel, 3rd ed., chapter 18, sections "Managing Ext2 Disk Space"
 * and "Allocating a Data Block".
 *
 * Each block group has a block bitmap, one block whose bit n says whether
 * block n of the group is in use; its descriptor counts the free ones
 * (bg_free_blocks_count), and the super block counts them all
 * (s_free_blocks_count).  The three change together, under the super
 * block's s_alloc_mutex, and each buffer changed goes through the journal
 * calls of include/ext3_jbd.h: get_write_access() before, then
 * dirty_metadata().  ext3_new_block() is given a goal -- a block next to
 * the file's previous one (inode.c: ext3_find_goal()) -- and takes the
 * first free block at or after it in the goal's group, else the first
 * free one of the next group with any, so that a file written in order
 * lies in order on the disk.  Linux 2.6.10 and later also reserve a
 * window of blocks per open file (the reservation map); none here.  A
 * bitmap that hands out one of its group's own structures (the bitmaps,
 * the inode table) is corrupt: reported with ext3_error(), which
 * remounts the file system read-only.  Nothing is read at mount time:
 * a bitmap is read the first time its group allocates or frees.  Next:
 * fs/ext3/ialloc.c allocates inodes the same way.
 */
#include <buffer_head.h>
#include <capability.h>
#include <errno.h>
#include <ext3_fs.h>
#include <ext3_jbd.h>
#include <kernel.h>

/**
 * ext3_group_first_block - the first block of a block group
 * @sb: the super block
 * @group: the group
 *
 * Context: any.
 * Return: its block number.
 */
unsigned long ext3_group_first_block(struct super_block *sb,
				     unsigned long group)
{
	struct ext3_sb_info *sbi = EXT3_SB(sb);

	return sbi->s_first_data_block + group * sbi->s_blocks_per_group;
}

/* The blocks of @group: all but the last group have s_blocks_per_group. */
static unsigned long ext3_group_blocks(struct super_block *sb,
				       unsigned long group)
{
	struct ext3_sb_info *sbi = EXT3_SB(sb);

	if (group == sbi->s_groups_count - 1)
		return sbi->s_blocks_count - ext3_group_first_block(sb, group);
	return sbi->s_blocks_per_group;
}

/* Does [block, block + count) touch @gdp's bitmaps or inode table? */
static bool ext3_in_system_zone(struct super_block *sb,
				const struct ext3_group_desc *gdp,
				unsigned long block, unsigned long count)
{
	unsigned long it = le32_to_cpu(gdp->bg_inode_table);
	unsigned long bb = le32_to_cpu(gdp->bg_block_bitmap);
	unsigned long ib = le32_to_cpu(gdp->bg_inode_bitmap);
	unsigned long end = block + count;

	return (bb >= block && bb < end) || (ib >= block && ib < end) ||
	       (block < it + EXT3_SB(sb)->s_itb_per_group && end > it);
}

/*
 * Linux 2.6: read_block_bitmap().  The block bitmap of @group (*bhp holds
 * its buffer).  Return: the bitmap, or an ERR_PTR.
 */
static u8 *ext3_read_block_bitmap(struct super_block *sb,
				  struct ext3_group_desc *gdp,
				  unsigned long group, struct buffer_head **bhp)
{
	u8 *map = ext3_sb_bread(sb, le32_to_cpu(gdp->bg_block_bitmap), bhp);

	if (IS_ERR(map))
		ext3_error(sb, "read_block_bitmap", "Cannot read block bitmap "
			   "- block_group = %lu, block_bitmap = %u", group,
			   le32_to_cpu(gdp->bg_block_bitmap));
	return map;
}

/* Announce the changes of one allocation or free: bitmap, group, super. */
static int ext3_get_alloc_access(handle_t *handle, struct super_block *sb,
				 struct buffer_head *bitmap_bh,
				 unsigned long group)
{
	return ext3_journal_get_write_access(handle, bitmap_bh) ?:
	       ext3_journal_get_write_access(handle,
					     ext3_group_desc_bh(sb, group)) ?:
	       ext3_journal_get_sb_write_access(handle, sb);
}

static void ext3_dirty_alloc(handle_t *handle, struct super_block *sb,
			     struct buffer_head *bitmap_bh, unsigned long group)
{
	ext3_journal_dirty_metadata(handle, bitmap_bh);
	ext3_journal_dirty_metadata(handle, ext3_group_desc_bh(sb, group));
	ext3_dirty_sb(handle, sb);
}

/*
 * Take a free block of @group, the first at or after @start (or, failing
 * that, the first of the group).  s_alloc_mutex held.
 * Return: the block number, 0 if the group has none, or a negative errno
 * cast (a broken bitmap).
 */
static long ext3_alloc_in_group(handle_t *handle, struct super_block *sb,
				unsigned long group, unsigned long start)
{
	struct ext3_super_block *es = EXT3_SB(sb)->s_es;
	struct ext3_group_desc *gdp = ext3_get_group_desc(sb, group);
	unsigned long nbits = ext3_group_blocks(sb, group), bit, block;
	struct buffer_head *bh;
	int err;
	u8 *map;

	if (!gdp)
		return -EUCLEAN;
	if (!le16_to_cpu(gdp->bg_free_blocks_count))
		return 0;
	map = ext3_read_block_bitmap(sb, gdp, group, &bh);
	if (IS_ERR(map))
		return PTR_ERR(map);
	bit = ext3_find_next_zero_bit(map, nbits, start);
	if (bit >= nbits && start)
		bit = ext3_find_next_zero_bit(map, nbits, 0);
	if (bit >= nbits) {
		brelse(bh);
		ext3_error(sb, "ext3_new_block", "group %lu: descriptor says "
			   "%u free blocks, its bitmap none", group,
			   le16_to_cpu(gdp->bg_free_blocks_count));
		return -EUCLEAN;
	}
	block = ext3_group_first_block(sb, group) + bit;
	if (ext3_in_system_zone(sb, gdp, block, 1)) {
		brelse(bh);
		ext3_error(sb, "ext3_new_block", "Allocating block in system "
			   "zone - block = %lu", block);
		return -EUCLEAN;
	}
	err = ext3_get_alloc_access(handle, sb, bh, group);
	if (err) {
		brelse(bh);
		return err;
	}
	ext3_set_bit(bit, map);
	le16_add_cpu(&gdp->bg_free_blocks_count, -1);
	le32_add_cpu(&es->s_free_blocks_count, -1);
	ext3_dirty_alloc(handle, sb, bh, group);
	brelse(bh);
	return block;
}

/**
 * ext3_new_block - allocate a block for a file
 * @handle: the running handle
 * @inode: the file, whose i_blocks counts the block
 * @goal: the block wanted (0: the start of the inode's group)
 * @errp: set to 0, or to the error when 0 is returned
 *
 * The goal's group first, from the goal on; then every other group in
 * turn.  The last s_r_blocks_count free blocks are root's
 * (CAP_SYS_RESOURCE), as in Linux.  The new block's contents are the
 * caller's to set.
 * Context: process, may sleep; the inode's block map locked (i_mutex).
 * Return: the block number, or 0 with *errp -ENOSPC, -EUCLEAN (a broken
 * bitmap: the file system is now read-only), -EIO.
 */
unsigned long ext3_new_block(handle_t *handle, struct inode *inode,
			     unsigned long goal, int *errp)
{
	struct super_block *sb = inode->i_sb;
	struct ext3_sb_info *sbi = EXT3_SB(sb);
	struct ext3_super_block *es = sbi->s_es;
	unsigned long group, start, free, reserved;
	long block = 0;

	*errp = 0;
	if (goal < sbi->s_first_data_block || goal >= sbi->s_blocks_count)
		goal = ext3_group_first_block(sb, EXT3_I(inode)->i_block_group);
	group = (goal - sbi->s_first_data_block) / sbi->s_blocks_per_group;
	start = (goal - sbi->s_first_data_block) % sbi->s_blocks_per_group;

	mutex_lock(&sbi->s_alloc_mutex);
	free = le32_to_cpu(es->s_free_blocks_count);
	reserved = le32_to_cpu(es->s_r_blocks_count);
	if (!free || (free <= reserved && !capable(CAP_SYS_RESOURCE))) {
		*errp = -ENOSPC;
		goto out;
	}
	for (unsigned long i = 0; i < sbi->s_groups_count; i++) {
		block = ext3_alloc_in_group(handle, sb, group, start);
		if (block)
			break;
		start = 0;
		group = (group + 1) % sbi->s_groups_count;
	}
	if (block < 0)
		*errp = block;
	else if (!block)
		*errp = -ENOSPC;
	else
		inode->i_blocks += sb->s_blocksize >> 9;
out:
	mutex_unlock(&sbi->s_alloc_mutex);
	return *errp ? 0 : (unsigned long)block;
}

/**
 * ext3_free_blocks - give blocks of a file back to the free pool
 * @handle: the running handle
 * @inode: the file, whose i_blocks stops counting them
 * @block: the first block
 * @count: how many, in a row
 *
 * A range outside the data blocks, one that covers a group's own
 * structures, or a block already free is an inconsistency: reported
 * (ext3_error(): the file system goes read-only), and the rest left as
 * it is.
 * Context: process, may sleep; the inode's block map locked, or the
 * inode being deleted.
 */
void ext3_free_blocks(handle_t *handle, struct inode *inode,
		      unsigned long block, unsigned long count)
{
	struct super_block *sb = inode->i_sb;
	struct ext3_sb_info *sbi = EXT3_SB(sb);
	struct ext3_super_block *es = sbi->s_es;

	if (block < sbi->s_first_data_block || block + count < block ||
	    block + count > sbi->s_blocks_count) {
		ext3_error(sb, "ext3_free_blocks", "Freeing blocks not in "
			   "datazone - block = %lu, count = %lu", block,
			   count);
		return;
	}
	mutex_lock(&sbi->s_alloc_mutex);
	while (count) {
		unsigned long rel = block - sbi->s_first_data_block;
		unsigned long group = rel / sbi->s_blocks_per_group;
		unsigned long bit = rel % sbi->s_blocks_per_group;
		unsigned long n = min(count, sbi->s_blocks_per_group - bit);
		struct ext3_group_desc *gdp = ext3_get_group_desc(sb, group);
		unsigned long freed = 0;
		struct buffer_head *bh;
		u8 *map;

		if (!gdp)
			break;
		if (ext3_in_system_zone(sb, gdp, block, n)) {
			ext3_error(sb, "ext3_free_blocks", "Freeing blocks in "
				   "system zones - Block = %lu, count = %lu",
				   block, n);
			break;
		}
		map = ext3_read_block_bitmap(sb, gdp, group, &bh);
		if (IS_ERR(map))
			break;
		if (ext3_get_alloc_access(handle, sb, bh, group)) {
			brelse(bh);
			break;
		}
		for (unsigned long i = 0; i < n; i++) {
			if (!ext3_test_bit(bit + i, map)) {
				ext3_error(sb, "ext3_free_blocks", "bit already "
					   "cleared for block %lu", block + i);
				continue;
			}
			ext3_clear_bit(bit + i, map);
			freed++;
		}
		le16_add_cpu(&gdp->bg_free_blocks_count, freed);
		le32_add_cpu(&es->s_free_blocks_count, freed);
		ext3_dirty_alloc(handle, sb, bh, group);
		brelse(bh);
		inode->i_blocks -= freed * (sb->s_blocksize >> 9);
		block += n;
		count -= n;
	}
	mutex_unlock(&sbi->s_alloc_mutex);
}

/**
 * ext3_count_free_blocks - the free blocks of the file system
 * @sb: the super block
 *
 * The sum of the group descriptors' counts (statfs): no bitmap is read.
 * Context: process, may sleep.
 * Return: the count.
 */
unsigned long ext3_count_free_blocks(struct super_block *sb)
{
	struct ext3_sb_info *sbi = EXT3_SB(sb);
	unsigned long free = 0;

	mutex_lock(&sbi->s_alloc_mutex);
	for (unsigned long g = 0; g < sbi->s_groups_count; g++)
		free += le16_to_cpu(ext3_get_group_desc(sb, g)->
				    bg_free_blocks_count);
	mutex_unlock(&sbi->s_alloc_mutex);
	return free;
}
