// SPDX-License-Identifier: GPL-2.0
/*
 * fs/ext3/inode.c - ext3 inodes: reading one from its inode table and
 * writing it back, the block map that finds (and grows) a file's blocks,
 * truncating a file and deleting an inode.
 *
 * Linux 2.6: fs/ext3/inode.c (ext3_iget() -- ext3_read_inode() before
 * 2.6.25 --, ext3_get_inode_loc(), ext3_block_to_path(),
 * ext3_get_branch(), ext3_find_goal(), ext3_alloc_branch(),
 * ext3_splice_branch(), ext3_get_block(), ext3_do_update_inode(),
 * ext3_mark_inode_dirty(), ext3_truncate(), ext3_free_branches(),
 * ext3_delete_inode(), ext3_setattr()), fs/ext3/super.c
 * (ext3_alloc_inode()).  Understanding the Linux Kernel, 3rd ed.,
 * chapter 18, sections "Inode Tables", "Data Blocks Addressing", "File
 * Holes", "Allocating a Data Block" and "Releasing a Data Block".
 *
 * Inode N lives in group (N - 1) / s_inodes_per_group, at index
 * (N - 1) % s_inodes_per_group of that group's inode table, whose first
 * block its group descriptor names; s_inode_size bytes each, of which the
 * first 128 are struct ext3_inode.  ext3_iget() reads it there (through
 * the buffer cache) into a new VFS inode, once: the super block's
 * s_iget_mutex makes a second lookup of the same number -- a hard link
 * reached by two paths on two CPUs -- find the first one's inode with
 * ilookup() instead of reading another.  An inode nobody uses stays in
 * memory, unused, with its pages (fs/inode.c: inode_unused), and that
 * lookup finds it there too.
 *
 * The block map: i_block[0..11] name a file's first 12 blocks; i_block[12]
 * a block of block numbers for the next s_addr_per_block (256 with
 * 1 KiB blocks); i_block[13] a block of such blocks (256 * 256 more);
 * i_block[14] one level more.  ext3_block_to_path() turns a file block
 * into the path of indexes down that tree, ext3_get_branch() reads it
 * down to the data block; a 0 anywhere on the way is a hole, read as
 * zeros.  Every number read is checked to lie inside the file system
 * before it is used (Linux's ext4 does this: ext4_data_block_valid()).
 *
 * Writing: ext3_get_block() with @created allocates what the path lacks,
 * top down: each missing indirect block is allocated near the file's
 * previous block (ext3_find_goal()), zeroed and announced with
 * get_create_access(), then its number is put in its parent (the inode's
 * i_data, or the parent block after get_write_access()); last the data
 * block.  Linux builds the whole missing branch first and splices it in
 * with one change, which a journal makes atomic; without a crash between
 * the steps the two are the same.  i_blocks counts every block held, the
 * indirect ones too, in 512-byte units.  The in-memory inode goes back to
 * its table slot with ext3_mark_inode_dirty(): its buffer through the
 * journal calls.  ext3_truncate() frees what lies past i_size, walking the
 * tree down only where it is cut; the last iput() of an inode without
 * links (ext3_delete_inode()) truncates it to nothing, sets i_dtime and
 * frees its number.  The block map of a file changes under its i_mutex.
 * Next: fs/ext3/file.c reads and writes data with ext3_get_block().
 */
#include <buffer_head.h>
#include <errno.h>
#include <ext3_fs.h>
#include <ext3_jbd.h>
#include <jbd2.h>
#include <kernel.h>
#include <pagemap.h>
#include <sched.h>
#include <slab.h>
#include <string.h>

static struct kmem_cache *ext3_inode_cachep;

/**
 * ext3_alloc_inode - s_op->alloc_inode: an ext3_inode_info's inode
 * @sb: the super block
 *
 * Context: process, may sleep.
 * Return: the VFS inode inside a zeroed ext3_inode_info, or NULL.
 */
struct inode *ext3_alloc_inode(struct super_block *sb)
{
	struct ext3_inode_info *ei = kmem_cache_zalloc(ext3_inode_cachep,
						       GFP_KERNEL);

	return ei ? &ei->vfs_inode : NULL;
}

/**
 * ext3_destroy_inode - s_op->destroy_inode: free what alloc_inode made
 * @inode: the inode, with no reference left
 *
 * Context: process (the last iput()).
 */
void ext3_destroy_inode(struct inode *inode)
{
	kmem_cache_free(ext3_inode_cachep, EXT3_I(inode));
}

/**
 * ext3_init_inodecache - the slab cache of ext3_inode_info
 *
 * Context: boot (init_ext3_fs()).
 * Return: 0 or -ENOMEM.
 */
int ext3_init_inodecache(void)
{
	ext3_inode_cachep = kmem_cache_create("ext3_inode_cache",
					      sizeof(struct ext3_inode_info),
					      0, 0, NULL);
	return ext3_inode_cachep ? 0 : -ENOMEM;
}

/* Linux 2.6: ext3_valid_inum().  The reserved inodes before s_first_ino
 * other than the root and the journal are nobody's business. */
static bool ext3_valid_inum(struct super_block *sb, unsigned long ino)
{
	struct ext3_sb_info *sbi = EXT3_SB(sb);

	return ino == EXT3_ROOT_INO || ino == EXT3_JOURNAL_INO ||
	       (ino >= sbi->s_first_ino && ino <= sbi->s_inodes_count);
}

/*
 * Linux 2.6: ext3_get_inode_loc().  The on-disk inode @ino, in its
 * inode table block (*bhp holds it: brelse() it).
 * Return: the inode, or an ERR_PTR (-EUCLEAN, -EIO).
 */
static struct ext3_inode *ext3_get_inode_loc(struct super_block *sb,
					     unsigned long ino,
					     struct buffer_head **bhp)
{
	struct ext3_sb_info *sbi = EXT3_SB(sb);
	unsigned long group = (ino - 1) / sbi->s_inodes_per_group;
	unsigned long index = (ino - 1) % sbi->s_inodes_per_group;
	unsigned long offset = index * sbi->s_inode_size;
	struct ext3_group_desc *gdp = ext3_get_group_desc(sb, group);
	char *block;

	if (!gdp)
		return ERR_PTR(-EUCLEAN);
	block = ext3_sb_bread(sb, le32_to_cpu(gdp->bg_inode_table) +
				  (offset >> sbi->s_blocksize_bits), bhp);
	if (IS_ERR(block)) {
		ext3_error(sb, "ext3_get_inode_loc", "unable to read inode "
			   "block - inode=%lu", ino);
		return (struct ext3_inode *)block;
	}
	return (struct ext3_inode *)(block + (offset &
					      (sb->s_blocksize - 1)));
}

/* Linux's old_decode_dev() and new_decode_dev(), for a device node. */
static dev_t ext3_decode_dev(const struct ext3_inode *raw)
{
	u32 old = le32_to_cpu(raw->i_block[0]);
	u32 new = le32_to_cpu(raw->i_block[1]);

	if (old)
		return MKDEV((old >> 8) & 0xff, old & 0xff);
	return MKDEV((new & 0xfff00) >> 8, (new & 0xff) | ((new >> 12) &
							   0xfff00));
}

/* Linux 2.6: ext3_inode_is_fast_symlink(): its text is in i_block[]. */
static bool ext3_inode_is_fast_symlink(struct inode *inode)
{
	unsigned long ea_blocks = EXT3_I(inode)->i_file_acl ?
				  inode->i_sb->s_blocksize >> 9 : 0;

	return S_ISLNK(inode->i_mode) && inode->i_blocks == ea_blocks;
}

/*
 * Give @inode its operations by its type.  Return: 0, or -EUCLEAN for a
 * fast symlink too long for the inode (the text is NUL-terminated here,
 * inside i_data, which holds no block numbers for it).
 */
static int ext3_set_ops(struct inode *inode, const struct ext3_inode *raw)
{
	struct ext3_inode_info *ei = EXT3_I(inode);

	if (S_ISREG(inode->i_mode)) {
		inode->i_op = &ext3_file_inode_operations;
		inode->i_fop = &ext3_file_operations;
		ext3_set_aops(inode);
	} else if (S_ISDIR(inode->i_mode)) {
		inode->i_op = &ext3_dir_inode_operations;
		inode->i_fop = &ext3_dir_operations;
	} else if (S_ISLNK(inode->i_mode)) {
		if (!ext3_inode_is_fast_symlink(inode)) {
			inode->i_op = &ext3_symlink_inode_operations;
			return 0;
		}
		if (inode->i_size >= (off_t)sizeof(ei->i_data))
			return -EUCLEAN;
		((char *)ei->i_data)[inode->i_size] = '\0';
		inode->i_op = &ext3_fast_symlink_inode_operations;
	} else {
		init_special_inode(inode, inode->i_mode, ext3_decode_dev(raw));
	}
	return 0;
}

/* Fill the new @inode from @raw: owner, size, times, block map, ops. */
static int ext3_fill_inode(struct inode *inode, const struct ext3_inode *raw)
{
	struct ext3_inode_info *ei = EXT3_I(inode);
	u32 size_high = S_ISREG(inode->i_mode) ? le32_to_cpu(raw->i_dir_acl)
					       : 0;

	inode->i_uid = le16_to_cpu(raw->i_uid) |
		       (uid_t)le16_to_cpu(raw->l_i_uid_high) << 16;
	inode->i_gid = le16_to_cpu(raw->i_gid) |
		       (gid_t)le16_to_cpu(raw->l_i_gid_high) << 16;
	inode->i_nlink = le16_to_cpu(raw->i_links_count);
	inode->i_size = le32_to_cpu(raw->i_size);
	if (size_high || inode->i_size < 0)
		return -EFBIG;	/* 2 GiB or more: more than an off_t */
	inode->i_atime = (struct timespec){ le32_to_cpu(raw->i_atime), 0 };
	inode->i_ctime = (struct timespec){ le32_to_cpu(raw->i_ctime), 0 };
	inode->i_mtime = (struct timespec){ le32_to_cpu(raw->i_mtime), 0 };
	inode->i_blocks = le32_to_cpu(raw->i_blocks);
	memcpy(ei->i_data, raw->i_block, sizeof(ei->i_data));
	ei->i_flags = le32_to_cpu(raw->i_flags);
	ei->i_file_acl = le32_to_cpu(raw->i_file_acl);
	ei->i_dtime = le32_to_cpu(raw->i_dtime);
	ei->i_generation = le32_to_cpu(raw->i_generation);
	ei->i_block_group = (inode->i_ino - 1) /
			    EXT3_SB(inode->i_sb)->s_inodes_per_group;
	return ext3_set_ops(inode, raw);
}

/**
 * ext3_iget - the inode numbered @ino, read from its inode table if it is
 *             not in memory already
 * @sb: the super block
 * @ino: the inode number, from a directory entry or a fixed one (2, root)
 *
 * A number outside the file system, or one that names a deleted inode
 * (no links), is an inconsistency: reported, -EUCLEAN.
 * Context: process, may sleep.
 * Return: the inode with a reference taken (iput() it), or
 * ERR_PTR(-EUCLEAN), -EIO (the disk failed), -EFBIG (a file of 2 GiB or
 * more), -ENOMEM.
 */
struct inode *ext3_iget(struct super_block *sb, unsigned long ino)
{
	struct ext3_sb_info *sbi = EXT3_SB(sb);
	struct ext3_inode *raw;
	struct buffer_head *bh;
	struct inode *inode;
	int err;

	if (!ext3_valid_inum(sb, ino)) {
		ext3_error(sb, "ext3_iget", "bad inode number: %lu", ino);
		return ERR_PTR(-EUCLEAN);
	}
	mutex_lock(&sbi->s_iget_mutex);
	inode = ilookup(sb, ino);
	if (inode)
		goto out;
	raw = ext3_get_inode_loc(sb, ino, &bh);
	if (IS_ERR(raw)) {
		inode = ERR_CAST(raw);
		goto out;
	}
	/* Without links: deleted, unless it is an orphan being deleted
	 * at mount (fs/ext3/super.c: ext3_orphan_cleanup()). */
	if ((!le16_to_cpu(raw->i_links_count) &&
	     !(sbi->s_mount_state & EXT3_ORPHAN_FS)) ||
	    !le16_to_cpu(raw->i_mode)) {
		brelse(bh);
		ext3_error(sb, "ext3_iget", "deleted inode referenced: %lu",
			   ino);
		inode = ERR_PTR(-EUCLEAN);
		goto out;
	}
	inode = new_inode(sb);
	if (!inode) {
		brelse(bh);
		inode = ERR_PTR(-ENOMEM);
		goto out;
	}
	inode->i_ino = ino;
	inode->i_mode = le16_to_cpu(raw->i_mode);
	err = ext3_fill_inode(inode, raw);
	brelse(bh);
	if (err) {
		if (err == -EUCLEAN)
			ext3_error(sb, "ext3_iget", "inode %lu: symlink of %ld "
				   "bytes kept in the inode", ino,
				   (long)inode->i_size);
		else
			printk(KERN_WARNING "%s: %s: inode %lu: 2 GiB or more, "
			       "too large for this kernel's files\n",
			       sbi->s_name, sb->s_id, ino);
		/* Freed, never hashed: no delete_inode, nothing on the disk
		 * changes, and the next lookup reads it (and fails) again. */
		inode->i_nlink = 1;
		iput(inode);
		inode = ERR_PTR(err);
	} else {
		insert_inode_hash(inode);
	}
out:
	mutex_unlock(&sbi->s_iget_mutex);
	return inode;
}

/*
 * Linux 2.6: ext3_block_to_path().  The indexes that lead to file block
 * @iblock: offsets[0] in i_data, then one per level of indirect blocks.
 * Return: the depth (1: direct ... 4: triple-indirect), 0 if @iblock is
 * past what the map can address.
 */
static int ext3_block_to_path(struct inode *inode, unsigned long iblock,
			      unsigned int offsets[4])
{
	struct ext3_sb_info *sbi = EXT3_SB(inode->i_sb);
	unsigned long per = sbi->s_addr_per_block;
	unsigned int bits = sbi->s_addr_per_block_bits;

	if (iblock < EXT3_NDIR_BLOCKS) {
		offsets[0] = iblock;
		return 1;
	}
	iblock -= EXT3_NDIR_BLOCKS;
	if (iblock < per) {
		offsets[0] = EXT3_IND_BLOCK;
		offsets[1] = iblock;
		return 2;
	}
	iblock -= per;
	if (iblock < per * per) {
		offsets[0] = EXT3_DIND_BLOCK;
		offsets[1] = iblock >> bits;
		offsets[2] = iblock & (per - 1);
		return 3;
	}
	iblock -= per * per;
	if ((u64)iblock < (u64)per * per * per) {
		offsets[0] = EXT3_TIND_BLOCK;
		offsets[1] = iblock >> (2 * bits);
		offsets[2] = (iblock >> bits) & (per - 1);
		offsets[3] = iblock & (per - 1);
		return 4;
	}
	return 0;
}

/* A block number from the map: 0 (a hole) or inside the file system. */
static int ext3_check_block(struct inode *inode, unsigned long iblock,
			    unsigned long block, int level)
{
	struct ext3_sb_info *sbi = EXT3_SB(inode->i_sb);

	if (!block || (block >= sbi->s_first_data_block &&
		       block < sbi->s_blocks_count))
		return 0;
	ext3_error(inode->i_sb, "ext3_get_branch", "inode #%lu: %s block %lu "
		   "(file block %lu) is outside the file system (blocks %lu-"
		   "%lu)", inode->i_ino, level ? "indirect" : "data", block,
		   iblock, sbi->s_first_data_block, sbi->s_blocks_count - 1);
	return -EUCLEAN;
}

/*
 * Linux 2.6: ext3_find_goal().  Where the block for file block @iblock
 * should go: after the block written last if this one follows it; else
 * after the nearest block mapped before it in the same map (@base up to
 * @idx); else right after the map block @map_block holding it; else at
 * the start of the inode's group.
 */
static unsigned long ext3_find_goal(struct inode *inode, unsigned long iblock,
				    const __le32 *base, unsigned int idx,
				    unsigned long map_block)
{
	struct ext3_inode_info *ei = EXT3_I(inode);

	if (iblock == ei->i_next_alloc_block && ei->i_next_alloc_goal)
		return ei->i_next_alloc_goal;
	while (idx--)
		if (base[idx])
			return le32_to_cpu(base[idx]) + 1;
	if (map_block)
		return map_block + 1;
	return ext3_group_first_block(inode->i_sb, ei->i_block_group);
}

/*
 * A block of the file system whose old contents do not matter, zeroed:
 * *bhp holds its buffer.  With blocks of a buffer's size the disk is not
 * read.  Return: the block's bytes, or an ERR_PTR.
 */
static void *ext3_getblk_zeroed(handle_t *handle, struct super_block *sb,
				unsigned long block, struct buffer_head **bhp,
				bool metadata)
{
	struct buffer_head *bh;
	void *data;
	int err;

	if (EXT3_SB(sb)->s_buffer_shift == 0) {
		bh = getblk(sb->s_bdev, block);
		if (!bh)
			return ERR_PTR(-EIO);
		lock_buffer(bh);
		set_buffer_uptodate(bh);
		unlock_buffer(bh);
		data = bh->b_data;
	} else {
		data = ext3_sb_bread(sb, block, &bh);
		if (IS_ERR(data))
			return data;
	}
	err = metadata ? ext3_journal_get_create_access(handle, bh) : 0;
	if (err) {
		brelse(bh);
		return ERR_PTR(err);
	}
	memset(data, 0, sb->s_blocksize);
	*bhp = bh;
	return data;
}

/**
 * ext3_get_block - where a block of a file is on the disk, allocating it
 * @handle: the running handle (NULL when only reading)
 * @inode: the file (regular, directory or symlink)
 * @iblock: the block of the file (its byte offset >> block size bits)
 * @phys: set to the file system block that holds it, or 0 for a hole
 * @created: NULL to read only (a hole stays a hole); else the missing
 *	blocks on the way are allocated, and *@created says whether the
 *	data block itself is new (its old contents are garbage: the caller
 *	fills or zeroes it)
 *
 * Linux 2.6: ext3_get_block() -> ext3_get_blocks_handle() ->
 * ext3_get_branch(), then ext3_alloc_branch() and ext3_splice_branch()
 * when it must create.  Each indirect block on the way is read through
 * the buffer cache, where it usually already is: reading a file in order
 * reads each once.  A new indirect block is zeroed before its number is
 * stored, so that a reader never follows it to garbage.
 * Context: process, may sleep; to create, the inode's i_mutex held.
 * Return: 0, or -EUCLEAN (a block number outside the file system, or
 * @iblock past the map), -EIO, -ENOSPC.
 */
int ext3_get_block(handle_t *handle, struct inode *inode,
		   unsigned long iblock, unsigned long *phys, bool *created)
{
	struct ext3_inode_info *ei = EXT3_I(inode);
	struct super_block *sb = inode->i_sb;
	struct buffer_head *map_bh = NULL;
	unsigned long map_block = 0, block = 0;
	unsigned int offsets[4];
	int depth = ext3_block_to_path(inode, iblock, offsets);
	__le32 *base = ei->i_data;
	bool allocated = false;
	int err = 0;

	*phys = 0;
	if (created)
		*created = false;
	if (!depth) {
		ext3_error(sb, "ext3_block_to_path", "block %lu > max in inode "
			   "%lu", iblock, inode->i_ino);
		return -EUCLEAN;
	}
	for (int level = 1; ; level++) {
		__le32 *slot = &base[offsets[level - 1]];

		block = le32_to_cpu(*slot);
		err = ext3_check_block(inode, iblock, block, depth - level);
		if (err)
			break;
		if (!block) {
			struct buffer_head *new_bh = NULL;
			unsigned long goal;

			if (!created)
				break;
			goal = ext3_find_goal(inode, iblock, base,
					      offsets[level - 1], map_block);
			block = ext3_new_block(handle, inode, goal, &err);
			if (!block)
				break;
			allocated = true;
			ei->i_next_alloc_goal = block + 1;
			if (level < depth) {
				void *data = ext3_getblk_zeroed(handle, sb,
								block, &new_bh,
								true);

				if (IS_ERR(data)) {
					err = PTR_ERR(data);
					ext3_free_blocks(handle, inode, block,
							 1);
					block = 0;
					break;
				}
				ext3_journal_dirty_metadata(handle, new_bh);
				brelse(new_bh);
			}
			if (map_bh) {
				err = ext3_journal_get_write_access(handle,
								    map_bh);
				if (err) {
					ext3_free_blocks(handle, inode, block,
							 1);
					block = 0;
					break;
				}
			}
			*slot = cpu_to_le32(block);
			if (map_bh)
				ext3_journal_dirty_metadata(handle, map_bh);
			if (level == depth) {
				*created = true;
				ei->i_next_alloc_block = iblock + 1;
			}
		}
		if (level == depth)
			break;
		brelse(map_bh);
		map_bh = NULL;
		base = ext3_sb_bread(sb, block, &map_bh);
		if (IS_ERR(base)) {
			err = PTR_ERR(base);
			map_bh = NULL;
			break;
		}
		map_block = block;
	}
	brelse(map_bh);
	if (allocated) {
		int err2 = ext3_mark_inode_dirty(handle, inode);

		err = err ?: err2;
	}
	if (!err)
		*phys = block;
	return err;
}

/* Linux's old_encode_dev() and new_encode_dev(), for a device node. */
static void ext3_encode_dev(struct ext3_inode *raw, dev_t dev)
{
	unsigned int major = MAJOR(dev), minor = MINOR(dev);

	if (major < 256 && minor < 256) {
		raw->i_block[0] = cpu_to_le32(major << 8 | minor);
		raw->i_block[1] = 0;
	} else {
		raw->i_block[0] = 0;
		raw->i_block[1] = cpu_to_le32((minor & 0xff) | (major << 8) |
					      ((minor & ~0xffU) << 12));
	}
}

/*
 * Linux 2.6: ext3_do_update_inode().  Copy @inode into its table slot,
 * through the journal.  A new inode's slot (all s_inode_size bytes) is
 * cleared first.  Return: 0 or a negative errno.
 */
static int ext3_do_update_inode(handle_t *handle, struct inode *inode)
{
	struct ext3_inode_info *ei = EXT3_I(inode);
	struct super_block *sb = inode->i_sb;
	struct buffer_head *bh;
	struct ext3_inode *raw = ext3_get_inode_loc(sb, inode->i_ino, &bh);
	int err;

	if (IS_ERR(raw))
		return PTR_ERR(raw);
	err = ext3_journal_get_write_access(handle, bh);
	if (err) {
		brelse(bh);
		return err;
	}
	/* Two updates of one inode at once (a write, an unlink) copy in
	 * turn: never a mix of both. */
	lock_buffer(bh);
	if (ei->i_state & EXT3_STATE_NEW) {
		memset(raw, 0, EXT3_SB(sb)->s_inode_size);
		ei->i_state &= ~EXT3_STATE_NEW;
	}
	raw->i_mode = cpu_to_le16(inode->i_mode);
	raw->i_uid = cpu_to_le16(inode->i_uid & 0xffff);
	raw->l_i_uid_high = cpu_to_le16(inode->i_uid >> 16);
	raw->i_gid = cpu_to_le16(inode->i_gid & 0xffff);
	raw->l_i_gid_high = cpu_to_le16(inode->i_gid >> 16);
	raw->i_links_count = cpu_to_le16(inode->i_nlink);
	raw->i_size = cpu_to_le32(inode->i_size);
	/* i_size_high: an off_t is 32 bits here, so always 0. */
	raw->i_dir_acl = 0;
	raw->i_atime = cpu_to_le32(inode->i_atime.tv_sec);
	raw->i_ctime = cpu_to_le32(inode->i_ctime.tv_sec);
	raw->i_mtime = cpu_to_le32(inode->i_mtime.tv_sec);
	raw->i_dtime = cpu_to_le32(ei->i_dtime);
	raw->i_blocks = cpu_to_le32(inode->i_blocks);
	raw->i_flags = cpu_to_le32(ei->i_flags);
	raw->i_file_acl = cpu_to_le32(ei->i_file_acl);
	raw->i_generation = cpu_to_le32(ei->i_generation);
	if (S_ISCHR(inode->i_mode) || S_ISBLK(inode->i_mode))
		ext3_encode_dev(raw, inode->i_rdev);
	else
		memcpy(raw->i_block, ei->i_data, sizeof(raw->i_block));
	unlock_buffer(bh);
	err = ext3_journal_dirty_metadata(handle, bh);
	brelse(bh);
	return err;
}

/**
 * ext3_mark_inode_dirty - write the in-memory inode to its table slot
 * @handle: the running handle
 * @inode: the inode, changed
 *
 * Linux 2.6: ext3_mark_inode_dirty() -> ext3_reserve_inode_write() +
 * ext3_mark_iloc_dirty().  The slot's buffer is dirty (or in the
 * handle's transaction) when this returns: nothing of the inode is left
 * to write later.
 * Context: process, may sleep.
 * Return: 0, or -EIO, -EUCLEAN.
 */
int ext3_mark_inode_dirty(handle_t *handle, struct inode *inode)
{
	return ext3_do_update_inode(handle, inode);
}

/* Blocks to free, gathered into runs: one ext3_free_blocks() per run. */
struct ext3_free_run {
	unsigned long start, count;
};

static void ext3_free_run_flush(handle_t *handle, struct inode *inode,
				struct ext3_free_run *run)
{
	if (run->count)
		ext3_free_blocks(handle, inode, run->start, run->count);
	run->count = 0;
}

static void ext3_free_run_add(handle_t *handle, struct inode *inode,
			      struct ext3_free_run *run, unsigned long block)
{
	if (run->count && block == run->start + run->count) {
		run->count++;
		return;
	}
	ext3_free_run_flush(handle, inode, run);
	run->start = block;
	run->count = 1;
}

/*
 * Linux 2.6: ext3_free_branches().  Free what the map block of @slot
 * maps at or after file block @first: @slot covers file blocks from
 * @start, and @depth levels of map blocks (1: its block maps data).  A
 * map block wholly past @first is freed with all below it, without being
 * changed (its contents no longer matter: ext3_journal_forget()); one
 * cut in the middle keeps its head, its tail entries cleared.  @slot is
 * cleared only if @keep_parent (the inode's i_data, or a map block that
 * stays, with write access taken already).
 */
static void ext3_free_branch(handle_t *handle, struct inode *inode,
			     __le32 *slot, bool keep_parent, int depth,
			     u64 start, unsigned long first,
			     struct ext3_free_run *run)
{
	struct ext3_sb_info *sbi = EXT3_SB(inode->i_sb);
	unsigned long block = le32_to_cpu(*slot);
	unsigned int bits = sbi->s_addr_per_block_bits;
	u64 child_span = 1ULL << (bits * (depth - 1));
	bool whole = start >= first;
	struct buffer_head *bh;
	__le32 *map;

	if (!block || start + (child_span << bits) <= first)
		return;
	if (ext3_check_block(inode, start, block, depth))
		return;
	map = ext3_sb_bread(inode->i_sb, block, &bh);
	if (IS_ERR(map))
		return;
	if (!whole && ext3_journal_get_write_access(handle, bh)) {
		brelse(bh);
		return;
	}
	for (unsigned long i = 0; i < sbi->s_addr_per_block; i++) {
		u64 cs = start + i * child_span;
		unsigned long child = le32_to_cpu(map[i]);

		if (!child || cs + child_span <= first)
			continue;
		if (depth > 1) {
			ext3_free_branch(handle, inode, &map[i], !whole,
					 depth - 1, cs, first, run);
			continue;
		}
		if (ext3_check_block(inode, cs, child, 0))
			continue;
		ext3_free_run_add(handle, inode, run, child);
		if (!whole)
			map[i] = 0;
	}
	if (whole) {
		ext3_journal_forget(handle, bh);
		brelse(bh);
		ext3_free_run_add(handle, inode, run, block);
		if (keep_parent)
			*slot = 0;
		return;
	}
	ext3_journal_dirty_metadata(handle, bh);
	brelse(bh);
}

/* Zero the bytes of the last block past i_size, in its page: a later
 * extension (a write past the end, a truncate up) must read zeros there.
 * (truncate_inode_pages() left that page.) */
static int ext3_block_truncate_page(handle_t *handle, struct inode *inode)
{
	struct address_space *mapping = inode->i_mapping;
	unsigned long off = inode->i_size & ~PAGE_MASK;
	struct buffer_head *bh;
	struct page *page;
	int err = 0;

	if (!off || !S_ISREG(inode->i_mode) || !mapping->a_ops)
		return 0;
	page = read_cache_page(mapping, inode->i_size >> PAGE_SHIFT, NULL);
	if (IS_ERR(page))
		return PTR_ERR(page);
	lock_page(page);
	if (page->mapping == mapping) {
		memset((char *)page_address(page) + off, 0, PAGE_SIZE - off);
		bh = (struct buffer_head *)page->private;
		if (bh && buffer_mapped(bh))	/* else a hole: no block */
			err = ext3_journal_dirty_data(handle, bh);
	}
	unlock_page(page);
	page_cache_release(page);
	return err;
}

/**
 * ext3_truncate - free the blocks of a file past its i_size
 * @handle: the running handle
 * @inode: the file, i_size already set to the new size
 *
 * Linux 2.6: ext3_truncate(): the direct blocks, then the single-, double-
 * and triple-indirect trees, each walked down only where the new end
 * cuts it (ext3_free_branch()); the tail of the new last block is zeroed.
 * A fast symlink holds no blocks.  The inode is written back.  The
 * caller has dropped the cached pages past i_size already
 * (truncate_inode_pages(), outside the handle: it waits for writes).
 * Context: process, may sleep; the inode's i_mutex held, or its last
 * user gone.
 * Return: 0, or a negative errno (from zeroing the tail, or writing the
 * inode).
 */
int ext3_truncate(handle_t *handle, struct inode *inode)
{
	struct ext3_inode_info *ei = EXT3_I(inode);
	struct ext3_sb_info *sbi = EXT3_SB(inode->i_sb);
	unsigned long first = DIV_ROUND_UP((unsigned long)inode->i_size,
					   inode->i_sb->s_blocksize);
	struct ext3_free_run run = { 0, 0 };
	u64 start = EXT3_NDIR_BLOCKS;
	int err;

	if (!(S_ISREG(inode->i_mode) || S_ISDIR(inode->i_mode) ||
	      S_ISLNK(inode->i_mode)) || ext3_inode_is_fast_symlink(inode))
		return 0;
	err = ext3_block_truncate_page(handle, inode);
	for (unsigned long i = first; i < EXT3_NDIR_BLOCKS; i++) {
		unsigned long block = le32_to_cpu(ei->i_data[i]);

		if (!block || ext3_check_block(inode, i, block, 0))
			continue;
		ext3_free_run_add(handle, inode, &run, block);
		ei->i_data[i] = 0;
	}
	for (int depth = 1; depth <= 3; depth++) {
		ext3_free_branch(handle, inode,
				 &ei->i_data[EXT3_NDIR_BLOCKS + depth - 1],
				 true, depth, start, first, &run);
		start += 1ULL << (sbi->s_addr_per_block_bits * depth);
	}
	ext3_free_run_flush(handle, inode, &run);
	ei->i_next_alloc_block = 0;
	ei->i_next_alloc_goal = 0;
	return ext3_mark_inode_dirty(handle, inode) ?: err;
}

/*
 * Credits of a truncate: the inode, the map blocks cut in the middle (one
 * per level), and per group touched its bitmap and descriptor block, the
 * super block.  Linux 2.6 restarts the handle as it goes instead.
 */
static int ext3_truncate_credits(struct inode *inode)
{
	struct ext3_sb_info *sbi = EXT3_SB(inode->i_sb);

	return EXT3_SINGLEDATA_TRANS_BLOCKS + sbi->s_groups_count +
	       sbi->s_gdb_count;
}

/**
 * ext3_delete_inode - s_op->delete_inode: the last user of an inode
 *                     without links is gone
 * @inode: the inode
 *
 * Its blocks are freed, i_dtime set, and its number freed in the bitmap;
 * the slot keeps the rest (as Linux: e2fsck and undelete tools read it).
 * A file system that has gone read-only (an error) keeps the inode:
 * e2fsck finds it unattached and frees it.
 * Context: process, may sleep (iput()).
 */
void ext3_delete_inode(struct inode *inode)
{
	struct ext3_inode_info *ei = EXT3_I(inode);
	handle_t *handle;

	if (IS_RDONLY(inode) || !inode->i_ino)
		return;
	/* The pages go before their blocks (never written into them). */
	truncate_inode_pages(inode->i_mapping, 0);
	handle = ext3_journal_start(inode, ext3_truncate_credits(inode) + 3);
	if (IS_ERR(handle))
		return;
	ei->i_dtime = current_fs_time(inode->i_sb).tv_sec;
	inode->i_size = 0;
	if (inode->i_blocks)
		ext3_truncate(handle, inode);
	ext3_mark_inode_dirty(handle, inode);
	ext3_free_inode(handle, inode);
	ext3_journal_stop(handle);
}

/**
 * ext3_setattr - i_op->setattr: chmod, chown, utimes, truncate
 * @dentry: the file
 * @attr: the change (notify_change() stamped ctime)
 *
 * A smaller size frees the blocks past it (ext3_truncate()); a larger one
 * only moves i_size: what lies between is a hole, read as zeros.
 * Context: process, may sleep; the inode's i_mutex held.
 * Return: 0, or -EPERM, -EFBIG, -EROFS, -EIO...
 */
int ext3_setattr(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = dentry->d_inode;
	bool resize = (attr->ia_valid & ATTR_SIZE) &&
		      attr->ia_size != inode->i_size;
	handle_t *handle;
	int err = inode_change_ok(inode, attr);

	if (err)
		return err;
	if (resize && attr->ia_size < 0)
		return -EINVAL;
	if (resize && attr->ia_size < inode->i_size)
		truncate_inode_pages(inode->i_mapping, attr->ia_size);
	handle = ext3_journal_start(inode, resize ?
				    ext3_truncate_credits(inode) : 1);
	if (IS_ERR(handle))
		return PTR_ERR(handle);
	if (resize && attr->ia_size < inode->i_size) {
		inode->i_size = attr->ia_size;
		err = ext3_truncate(handle, inode);
	}
	inode_setattr(inode, attr);
	err = ext3_mark_inode_dirty(handle, inode) ?: err;
	ext3_journal_stop(handle);
	return err;
}

/* ---- the page cache of regular files (Linux 2.6: ext3_ordered_aops) ---- */

/*
 * readpage on a file system of 1 KiB blocks (mounted read-only): the
 * disk moves whole 4 KiB buffers, so each quarter of the page is copied
 * from the buffer cache, which reads the block's 4 KiB neighbourhood
 * (fs/ext3/super.c: ext3_sb_bread()).  Linux reads the four blocks into
 * the page through four buffer_heads of 1 KiB (b_this_page).
 */
static int ext3_readpage_small(struct inode *inode, struct page *page)
{
	struct super_block *sb = inode->i_sb;
	unsigned int per_page = 1U << EXT3_SB(sb)->s_buffer_shift;
	unsigned long bs = sb->s_blocksize;
	char *dst = page_address(page);
	int err = 0;

	for (unsigned int i = 0; i < per_page && !err; i++) {
		struct buffer_head *bh;
		unsigned long phys;
		char *src;

		err = ext3_get_block(NULL, inode, page->index * per_page + i,
				     &phys, NULL);
		if (err)
			break;
		if (!phys) {
			memset(dst + i * bs, 0, bs);
			continue;
		}
		src = ext3_sb_bread(sb, phys, &bh);
		if (IS_ERR(src)) {
			err = PTR_ERR(src);
			break;
		}
		memcpy(dst + i * bs, src, bs);
		brelse(bh);
	}
	if (!err)
		SetPageUptodate(page);
	else
		SetPageFlag(page, PG_error);
	unlock_page(page);
	return err;
}

/*
 * a_ops->readpage (Linux 2.6: ext3_readpage() -> mpage_readpage()).  The
 * page's block is found with ext3_get_block(); a hole is a page of
 * zeros, anything else is read into the page through its buffer_head
 * (create_empty_buffers()), asynchronously: end_buffer_async_read()
 * unlocks the page.  Return: 0 (the read is under way or done), or the
 * error that kept it from starting, the page unlocked.
 */
static int ext3_readpage(struct file *file, struct page *page)
{
	struct inode *inode = page->mapping->host;
	struct super_block *sb = inode->i_sb;
	struct buffer_head *bh;
	unsigned long phys;
	int err;

	if (EXT3_SB(sb)->s_buffer_shift)
		return ext3_readpage_small(inode, page);
	err = ext3_get_block(NULL, inode, page->index, &phys, NULL);
	if (err || !phys) {
		/* A broken map's error (-EUCLEAN) goes to the reader. */
		if (err)
			SetPageFlag(page, PG_error);
		else {
			memset(page_address(page), 0, PAGE_SIZE);
			SetPageUptodate(page);
		}
		unlock_page(page);
		return err;
	}
	bh = PagePrivate(page) ? (struct buffer_head *)page->private
			       : create_empty_buffers(page, sb->s_bdev);
	if (!bh) {
		unlock_page(page);
		return -ENOMEM;
	}
	bh->b_blocknr = phys;
	set_buffer_mapped(bh);
	lock_buffer(bh);
	get_bh(bh);
	bh->b_end_io = end_buffer_async_read;
	submit_bh(READ, bh);
	return 0;
}

/*
 * a_ops->prepare_write (Linux 2.6: ext3_prepare_write() ->
 * block_prepare_write()).  Starts the handle the write runs in (left in
 * current->journal_info for commit_write), maps the page's block with
 * ext3_get_block(), allocating it if new.  A new block's page is zeroed
 * (its old contents are someone else's) and any metadata buffer of it
 * dropped (unmap_underlying_metadata()); an old block the write does
 * not cover whole is read first, so the bytes around the write survive.
 */
static int ext3_prepare_write(struct file *file, struct page *page,
			      unsigned int from, unsigned int to)
{
	struct inode *inode = page->mapping->host;
	struct super_block *sb = inode->i_sb;
	struct buffer_head *bh;
	unsigned long phys;
	handle_t *handle;
	bool created;
	int err;

	handle = ext3_journal_start(inode, EXT3_DATA_TRANS_BLOCKS);
	if (IS_ERR(handle))
		return PTR_ERR(handle);
	err = ext3_get_block(handle, inode, page->index, &phys, &created);
	if (err)
		goto fail;
	bh = PagePrivate(page) ? (struct buffer_head *)page->private
			       : create_empty_buffers(page, sb->s_bdev);
	if (!bh) {
		err = -ENOMEM;
		goto fail;
	}
	bh->b_blocknr = phys;
	set_buffer_mapped(bh);
	if (created) {
		unmap_underlying_metadata(sb->s_bdev, phys);
		if (!PageUptodate(page))
			memset(page_address(page), 0, PAGE_SIZE);
		SetPageUptodate(page);
		set_buffer_uptodate(bh);
	} else if (!PageUptodate(page) && (from || to != PAGE_SIZE)) {
		lock_buffer(bh);
		get_bh(bh);
		bh->b_end_io = end_buffer_read_sync;
		submit_bh(READ, bh);
		wait_on_buffer(bh);
		if (!buffer_uptodate(bh)) {
			err = -EIO;
			goto fail;
		}
		SetPageUptodate(page);
	}
	return 0;
fail:
	ext3_journal_stop(handle);
	return err;
}

/*
 * a_ops->commit_write (Linux 2.6: ext3_ordered_commit_write()).  The
 * copied bytes [from, to) make the page dirty through its buffer,
 * handed to the journal as ordered data (ext3_journal_dirty_data(): the
 * commit of the transaction that maps the block writes it first); a
 * write past i_size grows it, in the same handle, which ends here.
 */
static int ext3_commit_write(struct file *file, struct page *page,
			     unsigned int from, unsigned int to)
{
	struct inode *inode = page->mapping->host;
	struct buffer_head *bh = (struct buffer_head *)page->private;
	handle_t *handle = current->journal_info;
	off_t end = ((off_t)page->index << PAGE_SHIFT) + to;
	int err = 0, err2;

	if (to > from) {
		if (!PageUptodate(page)) {	/* a whole page copied */
			SetPageUptodate(page);
			set_buffer_uptodate(bh);
		}
		err = ext3_journal_dirty_data(handle, bh);
		if (!err && end > inode->i_size) {
			inode->i_size = end;
			err = ext3_mark_inode_dirty(handle, inode);
		}
	}
	err2 = ext3_journal_stop(handle);
	return err ?: err2;
}

/*
 * a_ops->releasepage (Linux 2.6: ext3_releasepage()): the journal lets
 * go of a written data buffer first.
 */
static bool ext3_releasepage(struct page *page)
{
	journal_t *journal = EXT3_SB(page->mapping->host->i_sb)->s_journal;

	if (journal)
		return jbd2_journal_try_to_free_buffers(journal, page);
	return try_to_free_page_buffers(page);
}

static const struct address_space_operations ext3_aops = {
	.readpage = ext3_readpage,
	.releasepage = ext3_releasepage,
	.writepage = block_write_full_page,
	.prepare_write = ext3_prepare_write,
	.commit_write = ext3_commit_write,
};

/**
 * ext3_set_aops - give a regular file the page cache's operations
 * @inode: a regular file, read (ext3_iget()) or just created
 *
 * Context: process.
 */
void ext3_set_aops(struct inode *inode)
{
	inode->i_mapping->a_ops = &ext3_aops;
}
