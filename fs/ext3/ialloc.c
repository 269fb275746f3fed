// SPDX-License-Identifier: GPL-2.0
/*
 * fs/ext3/ialloc.c - the inode allocator: the inode bitmaps, the groups'
 * free inode and directory counts, the super block's free inode count.
 *
 * Linux 2.6: fs/ext3/ialloc.c (ext3_new_inode(), ext3_free_inode(),
 * find_group_other(), read_inode_bitmap()).  Understanding the Linux
 * Kernel, 3rd ed., chapter 18, section "Creating Inodes" and "Deleting
 * Inodes".
 *
 * Like blocks (balloc.c), each group has an inode bitmap, one bit per
 * inode of its part of the inode table; its descriptor counts the free
 * ones and the directories (bg_free_inodes_count, bg_used_dirs_count),
 * the super block all free ones.  A new directory goes to the group with
 * the most free inodes, which spreads directories -- and, through the
 * block goal, their files -- over the disk; a new file goes to its
 * parent's group, near its directory, unless that group is full.  (Linux
 * 2.6 spreads top-level directories by the Orlov allocator, weighing
 * free blocks and directory counts too.)  The new inode's slot in the
 * inode table is cleared when it is first written (EXT3_STATE_NEW,
 * inode.c: ext3_do_update_inode()): what a deleted inode left there must
 * not show through.  The counts, the bitmaps and the super block change
 * under s_alloc_mutex, each buffer through include/ext3_jbd.h.  Next:
 * fs/ext3/inode.c writes the inode.
 */
#include <buffer_head.h>
#include <errno.h>
#include <ext3_fs.h>
#include <ext3_jbd.h>
#include <kernel.h>
#include <sched.h>

/* Linux 2.6: read_inode_bitmap().  *bhp holds it.  Return: or ERR_PTR. */
static u8 *ext3_read_inode_bitmap(struct super_block *sb,
				  struct ext3_group_desc *gdp,
				  unsigned long group, struct buffer_head **bhp)
{
	u8 *map = ext3_sb_bread(sb, le32_to_cpu(gdp->bg_inode_bitmap), bhp);

	if (IS_ERR(map))
		ext3_error(sb, "read_inode_bitmap", "Cannot read inode bitmap "
			   "- block_group = %lu, inode_bitmap = %u", group,
			   le32_to_cpu(gdp->bg_inode_bitmap));
	return map;
}

/*
 * The group for a new inode: for a directory, the one with the most free
 * inodes (of those with a free block too, if any has); for anything else
 * the parent's, else the next with a free inode.  s_alloc_mutex held.
 * Return: the group, or -ENOSPC.
 */
static long ext3_find_group(struct super_block *sb, struct inode *dir,
			    bool is_dir)
{
	struct ext3_sb_info *sbi = EXT3_SB(sb);
	unsigned long n = sbi->s_groups_count;
	unsigned long parent = EXT3_I(dir)->i_block_group;
	long best = -ENOSPC;
	unsigned int best_free = 0;
	bool best_blocks = false;

	for (unsigned long i = 0; i < n; i++) {
		unsigned long g = (parent + i) % n;
		struct ext3_group_desc *gdp = ext3_get_group_desc(sb, g);
		unsigned int ifree = le16_to_cpu(gdp->bg_free_inodes_count);
		bool blocks = le16_to_cpu(gdp->bg_free_blocks_count) > 0;

		if (!ifree)
			continue;
		if (!is_dir) {
			if (blocks)
				return g;
			if (best < 0)
				best = g;	/* full of blocks: a last resort */
			continue;
		}
		if (best < 0 || (blocks && !best_blocks) ||
		    (blocks == best_blocks && ifree > best_free)) {
			best = g;
			best_free = ifree;
			best_blocks = blocks;
		}
	}
	return best;
}

/*
 * Take a free inode of @group: bitmap, counts.  s_alloc_mutex held.
 * Return: the inode number, or a negative errno.
 */
static long ext3_take_inode(handle_t *handle, struct super_block *sb,
			    unsigned long group, bool is_dir)
{
	struct ext3_sb_info *sbi = EXT3_SB(sb);
	struct ext3_group_desc *gdp = ext3_get_group_desc(sb, group);
	struct buffer_head *bh, *gdb = ext3_group_desc_bh(sb, group);
	unsigned long bit, ino;
	int err;
	u8 *map;

	map = ext3_read_inode_bitmap(sb, gdp, group, &bh);
	if (IS_ERR(map))
		return PTR_ERR(map);
	bit = ext3_find_next_zero_bit(map, sbi->s_inodes_per_group, 0);
	ino = group * sbi->s_inodes_per_group + bit + 1;
	if (bit >= sbi->s_inodes_per_group) {
		ext3_error(sb, "ext3_new_inode", "group %lu: descriptor says "
			   "%u free inodes, its bitmap none", group,
			   le16_to_cpu(gdp->bg_free_inodes_count));
		err = -EUCLEAN;
		goto out;
	}
	if (ino < sbi->s_first_ino || ino > sbi->s_inodes_count) {
		ext3_error(sb, "ext3_new_inode", "reserved inode or inode > "
			   "inodes count - block_group = %lu,inode=%lu", group,
			   ino);
		err = -EUCLEAN;
		goto out;
	}
	err = ext3_journal_get_write_access(handle, bh) ?:
	      ext3_journal_get_write_access(handle, gdb) ?:
	      ext3_journal_get_sb_write_access(handle, sb);
	if (err)
		goto out;
	ext3_set_bit(bit, map);
	le16_add_cpu(&gdp->bg_free_inodes_count, -1);
	if (is_dir)
		le16_add_cpu(&gdp->bg_used_dirs_count, 1);
	le32_add_cpu(&sbi->s_es->s_free_inodes_count, -1);
	ext3_journal_dirty_metadata(handle, bh);
	ext3_journal_dirty_metadata(handle, gdb);
	ext3_dirty_sb(handle, sb);
out:
	brelse(bh);
	return err ? err : (long)ino;
}

/**
 * ext3_new_inode - allocate an inode for a new file in @dir
 * @handle: the running handle
 * @dir: the directory the file will be named in
 * @mode: its type and permissions
 *
 * The in-memory inode comes back with one link, the caller's owner (the
 * directory's group if it is set-group-id), the time now, no blocks, and
 * written to its table slot; the caller sets its operations, adds a name
 * and more links.
 * Context: process, may sleep; @dir's i_mutex held.
 * Return: the inode, or ERR_PTR(-ENOSPC), -EUCLEAN, -EIO, -ENOMEM.
 */
struct inode *ext3_new_inode(handle_t *handle, struct inode *dir, int mode)
{
	struct super_block *sb = dir->i_sb;
	struct ext3_sb_info *sbi = EXT3_SB(sb);
	struct ext3_inode_info *ei;
	struct inode *inode;
	long group, ino;
	int err;

	inode = new_inode(sb);
	if (!inode)
		return ERR_PTR(-ENOMEM);
	ei = EXT3_I(inode);

	mutex_lock(&sbi->s_alloc_mutex);
	group = le32_to_cpu(sbi->s_es->s_free_inodes_count) ?
		ext3_find_group(sb, dir, S_ISDIR(mode)) : -ENOSPC;
	ino = group < 0 ? group : ext3_take_inode(handle, sb, group,
						   S_ISDIR(mode));
	if (ino > 0)
		ei->i_generation = sbi->s_next_generation++;
	mutex_unlock(&sbi->s_alloc_mutex);
	if (ino < 0) {
		iput(inode);	/* i_nlink 1, no number: nothing to delete */
		return ERR_PTR(ino);
	}

	inode->i_ino = ino;
	inode->i_mode = mode;
	inode->i_uid = current->euid;
	inode->i_gid = current->egid;
	if (dir->i_mode & S_ISGID) {
		inode->i_gid = dir->i_gid;
		if (S_ISDIR(mode))
			inode->i_mode |= S_ISGID;
	}
	inode->i_atime = inode->i_mtime = inode->i_ctime =
		current_fs_time(sb);
	inode->i_size = 0;
	inode->i_blocks = 0;
	ei->i_block_group = group;
	ei->i_state = EXT3_STATE_NEW;
	err = ext3_mark_inode_dirty(handle, inode);
	if (err) {
		inode->i_nlink = 0;	/* delete_inode gives the number back */
		iput(inode);
		return ERR_PTR(err);
	}
	insert_inode_hash(inode);	/* whole: ext3_iget() may find it */
	return inode;
}

/**
 * ext3_free_inode - give a deleted inode's number back
 * @handle: the running handle
 * @inode: the inode, its blocks freed, its last user gone
 *
 * Context: process, may sleep (s_op->delete_inode).
 */
void ext3_free_inode(handle_t *handle, struct inode *inode)
{
	struct super_block *sb = inode->i_sb;
	struct ext3_sb_info *sbi = EXT3_SB(sb);
	unsigned long ino = inode->i_ino;
	unsigned long group = (ino - 1) / sbi->s_inodes_per_group;
	unsigned long bit = (ino - 1) % sbi->s_inodes_per_group;
	struct ext3_group_desc *gdp;
	struct buffer_head *bh, *gdb;
	u8 *map;

	if (ino < sbi->s_first_ino || ino > sbi->s_inodes_count) {
		ext3_error(sb, "ext3_free_inode", "reserved or nonexistent "
			   "inode %lu", ino);
		return;
	}
	mutex_lock(&sbi->s_alloc_mutex);
	gdp = ext3_get_group_desc(sb, group);
	gdb = ext3_group_desc_bh(sb, group);
	map = ext3_read_inode_bitmap(sb, gdp, group, &bh);
	if (IS_ERR(map))
		goto out;
	if (ext3_journal_get_write_access(handle, bh) ||
	    ext3_journal_get_write_access(handle, gdb) ||
	    ext3_journal_get_sb_write_access(handle, sb)) {
		brelse(bh);
		goto out;
	}
	if (!ext3_test_bit(bit, map)) {
		ext3_error(sb, "ext3_free_inode", "bit already cleared for "
			   "inode %lu", ino);
	} else {
		ext3_clear_bit(bit, map);
		le16_add_cpu(&gdp->bg_free_inodes_count, 1);
		if (S_ISDIR(inode->i_mode))
			le16_add_cpu(&gdp->bg_used_dirs_count, -1);
		le32_add_cpu(&sbi->s_es->s_free_inodes_count, 1);
	}
	ext3_journal_dirty_metadata(handle, bh);
	ext3_journal_dirty_metadata(handle, gdb);
	ext3_dirty_sb(handle, sb);
	brelse(bh);
out:
	mutex_unlock(&sbi->s_alloc_mutex);
}

/**
 * ext3_count_free_inodes - the free inodes of the file system
 * @sb: the super block
 *
 * The sum of the group descriptors' counts (statfs).
 * Context: process, may sleep.
 * Return: the count.
 */
unsigned long ext3_count_free_inodes(struct super_block *sb)
{
	struct ext3_sb_info *sbi = EXT3_SB(sb);
	unsigned long free = 0;

	mutex_lock(&sbi->s_alloc_mutex);
	for (unsigned long g = 0; g < sbi->s_groups_count; g++)
		free += le16_to_cpu(ext3_get_group_desc(sb, g)->
				    bg_free_inodes_count);
	mutex_unlock(&sbi->s_alloc_mutex);
	return free;
}
