// SPDX-License-Identifier: GPL-2.0
/*
 * fs/ext3/inode.c - ext3 inodes: reading one from its inode table, and
 * the block map that finds a file's blocks.
 *
 * Linux 2.6: fs/ext3/inode.c (ext3_iget() -- ext3_read_inode() before
 * 2.6.25 --, ext3_get_inode_loc(), ext3_block_to_path(),
 * ext3_get_branch(), ext3_get_block()), fs/ext3/super.c
 * (ext3_alloc_inode()).  Understanding the Linux Kernel, 3rd ed.,
 * chapter 18, sections "Inode Tables", "Data Blocks Addressing" and
 * "File Holes".
 *
 * Inode N lives in group (N - 1) / s_inodes_per_group, at index
 * (N - 1) % s_inodes_per_group of that group's inode table, whose first
 * block its group descriptor names; s_inode_size bytes each, of which the
 * first 128 are struct ext3_inode.  ext3_iget() reads it there (through
 * the buffer cache) into a new VFS inode, once: the super block's
 * s_iget_mutex makes a second lookup of the same number -- a hard link
 * reached by two paths on two CPUs -- find the first one's inode with
 * ilookup() instead of reading another.  There is no cache of unused
 * inodes (fs/inode.c): an inode lives while a dentry holds it, and is
 * read again from the (cached) inode table when next looked up.
 *
 * The block map: i_block[0..11] name a file's first 12 blocks; i_block[12]
 * a block of block numbers for the next s_addr_per_block (256 with
 * 1 KiB blocks); i_block[13] a block of such blocks (256 * 256 more);
 * i_block[14] one level more.  ext3_block_to_path() turns a file block
 * into the path of indexes down that tree, ext3_get_branch() reads it
 * down to the data block; a 0 anywhere on the way is a hole, read as
 * zeros.  Every number read is checked to lie inside the file system
 * before it is used (Linux's ext4 does this: ext4_data_block_valid()).
 * Next: fs/ext3/file.c reads data with ext3_get_block().
 */
#include <buffer_head.h>
#include <errno.h>
#include <ext3_fs.h>
#include <kernel.h>
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
	if (!le16_to_cpu(raw->i_links_count) || !le16_to_cpu(raw->i_mode)) {
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
		/* Freed: no delete_inode, nothing on the disk changes. */
		inode->i_nlink = 1;
		iput(inode);
		inode = ERR_PTR(err);
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

/**
 * ext3_get_block - where a block of a file is on the disk
 * @inode: the file (regular, directory or symlink)
 * @iblock: the block of the file (its byte offset >> block size bits)
 * @phys: set to the file system block that holds it, or 0 for a hole
 *
 * Linux 2.6: ext3_get_block() -> ext3_get_blocks_handle() ->
 * ext3_get_branch(), without the allocation (create == 0).  Each
 * indirect block on the way is read through the buffer cache, where it
 * usually already is: reading a file in order reads each once.
 * Context: process, may sleep.
 * Return: 0, or -EUCLEAN (a block number outside the file system, or
 * @iblock past the map), -EIO.
 */
int ext3_get_block(struct inode *inode, unsigned long iblock,
		   unsigned long *phys)
{
	struct ext3_inode_info *ei = EXT3_I(inode);
	unsigned int offsets[4];
	int depth = ext3_block_to_path(inode, iblock, offsets);
	unsigned long block;
	int err;

	*phys = 0;
	if (!depth) {
		ext3_error(inode->i_sb, "ext3_block_to_path", "block %lu > "
			   "max in inode %lu", iblock, inode->i_ino);
		return -EUCLEAN;
	}
	block = le32_to_cpu(ei->i_data[offsets[0]]);
	for (int level = 1; ; level++) {
		struct buffer_head *bh;
		__le32 *map;

		err = ext3_check_block(inode, iblock, block, depth - level);
		if (err || !block || level == depth)
			break;
		map = ext3_sb_bread(inode->i_sb, block, &bh);
		if (IS_ERR(map))
			return PTR_ERR(map);
		block = le32_to_cpu(map[offsets[level]]);
		brelse(bh);
	}
	if (!err)
		*phys = block;
	return err;
}
