// SPDX-License-Identifier: GPL-2.0
/*
 * fs/ext3/super.c - mounting an ext2 or ext3 file system, read-only:
 * its super block, its geometry, its group descriptors, its root.
 *
 * Linux 2.6: fs/ext3/super.c (ext3_fill_super(), ext3_check_descriptors(),
 * ext3_error(), ext3_put_super(), init_ext3_fs()), fs/ext2/super.c.
 * Understanding the Linux Kernel, 3rd ed., chapter 18, sections "Ext2
 * Disk Data Structures" (the super block, group descriptors) and
 * "Creating the Ext2 Filesystem".
 *
 * mount(2) of "ext3" or "ext2" (one implementation, two names, as ext4
 * mounts both in later Linux) goes through fs/super.c: get_sb_bdev(),
 * which claims the partition and calls ext3_fill_super().  That reads
 * the partition's first buffer, where the super block lies at byte 1024,
 * and checks it before believing any of it: the magic number, a known
 * revision, a block size this kernel reads (1, 2 or 4 KiB: at most a
 * buffer), a sane inode size and group geometry, a block count the
 * partition can hold, and no "incompat" feature it does not know -- a
 * file system that says it uses one (ext4's extents, 64-bit, ...) is
 * refused, because reading it as ext3 would read garbage.  Then the
 * group descriptors (the blocks after the super block), each checked to
 * point inside its own group, and the root inode.  Nothing else is read
 * at mount time: inodes, directories and data are read when used, each
 * through the buffer cache (ext3_sb_bread()).  The super block and the
 * group descriptors stay in their buffers, held, until umount.
 *
 * What is not built yet: writing (the mount is always read-only: block
 * and inode allocation, the bitmaps, balloc.c and ialloc.c of Linux).
 * The journal of a file system of 4 KiB blocks is loaded, and replayed
 * if it needs recovery (fs/ext3/ext3_jbd.c: ext3_load_journal(),
 * fs/jbd2/); with smaller blocks it is not loaded, and a journal that
 * needs recovery is mounted anyway, read-only, with a warning that it
 * was not replayed: what the last transactions wrote may be missing.
 *
 * Errors in the structures found later (a bad directory entry, a block
 * number outside the file system) are reported by ext3_error() and the
 * operation fails with -EUCLEAN ("Structure needs cleaning", Linux's
 * EFSCORRUPTED); Linux also records the error in the super block, which
 * a read-only mount cannot.  Next: fs/ext3/inode.c.
 */
#include <blkdev.h>
#include <buffer_head.h>
#include <errno.h>
#include <ext3_fs.h>
#include <jbd2.h>
#include <kernel.h>
#include <slab.h>
#include <string.h>

static const struct super_operations ext3_sops;
static struct file_system_type ext3_fs_type;
static struct file_system_type ext2_fs_type;

/**
 * ext3_error - report an inconsistency found in the file system
 * @sb: the super block
 * @function: where it was found (Linux prints the function)
 * @fmt: what, printf-style
 *
 * "EXT3-fs error (device hda1): ext3_lookup: ..." on the console.  The
 * file system stays mounted and the caller fails the operation.
 * Context: process.
 */
void ext3_error(struct super_block *sb, const char *function,
		const char *fmt, ...)
{
	char msg[160];
	va_list args;

	va_start(args, fmt);
	vscnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	printk(KERN_CRIT "%s error (device %s): %s: %s\n",
	       EXT3_SB(sb)->s_name, sb->s_id, function, msg);
}

/**
 * ext3_sb_bread - read a block of the file system
 * @sb: the super block
 * @block: the block number, in the file system's blocks
 * @bhp: set to the buffer holding it: brelse() it when done
 *
 * The buffer cache's blocks are 4 KiB (include/buffer_head.h); a file
 * system of 1 KiB blocks has four of its blocks in one buffer, and this
 * returns the right quarter.  (Linux sets the partition's buffer size to
 * the file system's block size instead: set_blocksize(), sb_bread().)
 * A block number past the end of the file system is refused here,
 * before the disk is asked.
 * Context: process, may sleep.
 * Return: the block's bytes, or ERR_PTR(-EUCLEAN) (no such block),
 * ERR_PTR(-EIO) (the disk failed, or no memory).
 */
void *ext3_sb_bread(struct super_block *sb, unsigned long block,
		    struct buffer_head **bhp)
{
	struct ext3_sb_info *sbi = EXT3_SB(sb);
	unsigned long mask = (1UL << sbi->s_buffer_shift) - 1;
	struct buffer_head *bh;

	if (block >= sbi->s_blocks_count) {
		ext3_error(sb, "ext3_sb_bread", "block %lu is past the end "
			   "of the file system (%lu blocks)", block,
			   sbi->s_blocks_count);
		return ERR_PTR(-EUCLEAN);
	}
	bh = bread(sb->s_bdev, block >> sbi->s_buffer_shift);
	if (!bh)
		return ERR_PTR(-EIO);
	*bhp = bh;
	return bh->b_data + ((block & mask) << sbi->s_blocksize_bits);
}

/**
 * ext3_get_group_desc - the descriptor of a block group
 * @sb: the super block
 * @group: the group, below s_groups_count
 *
 * Context: any; the descriptors stay in memory while mounted.
 * Return: the descriptor, in its buffer; NULL (reported) for a group
 * that does not exist.
 */
struct ext3_group_desc *ext3_get_group_desc(struct super_block *sb,
					    unsigned long group)
{
	struct ext3_sb_info *sbi = EXT3_SB(sb);

	if (group >= sbi->s_groups_count) {
		ext3_error(sb, "ext3_get_group_desc", "block_group >= "
			   "groups_count - block_group = %lu, groups_count = "
			   "%lu", group, sbi->s_groups_count);
		return NULL;
	}
	return sbi->s_group_desc[group / sbi->s_desc_per_block] +
	       group % sbi->s_desc_per_block;
}

/* The message prefix of a mount of @sb: "EXT3-fs: hda1:". */
#define msg(sb, level, fmt, ...)					\
	printk(level "%s: %s: " fmt "\n", EXT3_SB(sb)->s_name,		\
	       (sb)->s_id, ##__VA_ARGS__)

/*
 * The super block's numbers, before any is used to find anything.
 * Return: 0, or -EINVAL (said why).
 */
static int ext3_check_super(struct super_block *sb,
			    const struct ext3_super_block *es, bool is_ext3)
{
	struct ext3_sb_info *sbi = EXT3_SB(sb);
	u32 rev = le32_to_cpu(es->s_rev_level);
	u32 log = le32_to_cpu(es->s_log_block_size);
	u32 supp = is_ext3 ? EXT3_FEATURE_INCOMPAT_SUPP
			   : EXT2_FEATURE_INCOMPAT_SUPP;
	unsigned long blocksize, dev_blocks;

	if (rev > EXT3_DYNAMIC_REV) {
		msg(sb, KERN_ERR, "revision level %u is unknown (0 and 1 are "
		    "known)", rev);
		return -EINVAL;
	}
	if (log > EXT3_MAX_BLOCK_LOG_SIZE - EXT3_MIN_BLOCK_LOG_SIZE) {
		msg(sb, KERN_ERR, "unsupported block size: 1024 << %u (1, 2 "
		    "and 4 KiB are supported)", log);
		return -EINVAL;
	}
	sbi->s_blocksize_bits = EXT3_MIN_BLOCK_LOG_SIZE + log;
	blocksize = 1UL << sbi->s_blocksize_bits;
	sbi->s_buffer_shift = PAGE_SHIFT - sbi->s_blocksize_bits;

	if (rev == EXT3_GOOD_OLD_REV) {
		sbi->s_inode_size = EXT3_GOOD_OLD_INODE_SIZE;
		sbi->s_first_ino = EXT3_GOOD_OLD_FIRST_INO;
	} else {
		sbi->s_inode_size = le16_to_cpu(es->s_inode_size);
		sbi->s_first_ino = le32_to_cpu(es->s_first_ino);
		sbi->s_feature_compat = le32_to_cpu(es->s_feature_compat);
		sbi->s_feature_incompat = le32_to_cpu(es->s_feature_incompat);
		sbi->s_feature_ro_compat =
			le32_to_cpu(es->s_feature_ro_compat);
	}
	if (sbi->s_inode_size < EXT3_GOOD_OLD_INODE_SIZE ||
	    sbi->s_inode_size > blocksize ||
	    (sbi->s_inode_size & (sbi->s_inode_size - 1))) {
		msg(sb, KERN_ERR, "unsupported inode size: %u",
		    sbi->s_inode_size);
		return -EINVAL;
	}
	if (sbi->s_first_ino < EXT3_GOOD_OLD_FIRST_INO) {
		msg(sb, KERN_ERR, "bad first inode number: %lu",
		    sbi->s_first_ino);
		return -EINVAL;
	}
	if (sbi->s_feature_incompat & ~supp) {
		msg(sb, KERN_ERR, "couldn't mount because of unsupported "
		    "optional features (%x)", sbi->s_feature_incompat & ~supp);
		return -EINVAL;
	}

	sbi->s_blocks_count = le32_to_cpu(es->s_blocks_count);
	sbi->s_inodes_count = le32_to_cpu(es->s_inodes_count);
	sbi->s_first_data_block = le32_to_cpu(es->s_first_data_block);
	sbi->s_blocks_per_group = le32_to_cpu(es->s_blocks_per_group);
	sbi->s_inodes_per_group = le32_to_cpu(es->s_inodes_per_group);
	sbi->s_inodes_per_block = blocksize / sbi->s_inode_size;
	sbi->s_desc_per_block = blocksize / sizeof(struct ext3_group_desc);
	sbi->s_addr_per_block = blocksize / sizeof(u32);
	sbi->s_addr_per_block_bits = sbi->s_blocksize_bits - 2;

	if (!sbi->s_blocks_per_group ||
	    sbi->s_blocks_per_group > blocksize * 8) {
		msg(sb, KERN_ERR, "#blocks per group too big: %lu",
		    sbi->s_blocks_per_group);
		return -EINVAL;
	}
	if (!sbi->s_inodes_per_group ||
	    sbi->s_inodes_per_group > blocksize * 8) {
		msg(sb, KERN_ERR, "#inodes per group too big: %lu",
		    sbi->s_inodes_per_group);
		return -EINVAL;
	}
	if (sbi->s_first_data_block >= sbi->s_blocks_count) {
		msg(sb, KERN_ERR, "bad geometry: first data block %lu is "
		    "beyond the end of the file system (%lu blocks)",
		    sbi->s_first_data_block, sbi->s_blocks_count);
		return -EINVAL;
	}
	/* The whole buffers of the partition, in file-system blocks. */
	dev_blocks = (sb->s_bdev->nr_sectors / BLOCK_SECTORS) <<
		     sbi->s_buffer_shift;
	if (sbi->s_blocks_count > dev_blocks) {
		msg(sb, KERN_ERR, "bad geometry: block count %lu exceeds "
		    "size of device (%lu blocks)", sbi->s_blocks_count,
		    dev_blocks);
		return -EINVAL;
	}
	sbi->s_groups_count = DIV_ROUND_UP(sbi->s_blocks_count -
					   sbi->s_first_data_block,
					   sbi->s_blocks_per_group);
	if (sbi->s_inodes_count >
	    (u64)sbi->s_groups_count * sbi->s_inodes_per_group ||
	    sbi->s_inodes_count < EXT3_ROOT_INO) {
		msg(sb, KERN_ERR, "bad geometry: %lu inodes in %lu groups "
		    "of %lu", sbi->s_inodes_count, sbi->s_groups_count,
		    sbi->s_inodes_per_group);
		return -EINVAL;
	}
	sbi->s_gdb_count = DIV_ROUND_UP(sbi->s_groups_count,
					sbi->s_desc_per_block);
	return 0;
}

/*
 * Linux 2.6: ext3_check_descriptors().  Each group's bitmaps and inode
 * table must lie inside the group: the inode table is where every
 * inode is found.  Return: 0, or -EINVAL (said which).
 */
static int ext3_check_descriptors(struct super_block *sb)
{
	struct ext3_sb_info *sbi = EXT3_SB(sb);
	unsigned long itb = DIV_ROUND_UP(sbi->s_inodes_per_group,
					 sbi->s_inodes_per_block);

	for (unsigned long g = 0; g < sbi->s_groups_count; g++) {
		struct ext3_group_desc *gdp = ext3_get_group_desc(sb, g);
		unsigned long first = sbi->s_first_data_block +
				      g * sbi->s_blocks_per_group;
		unsigned long last = g == sbi->s_groups_count - 1 ?
				     sbi->s_blocks_count - 1 :
				     first + sbi->s_blocks_per_group - 1;
		unsigned long bb = le32_to_cpu(gdp->bg_block_bitmap);
		unsigned long ib = le32_to_cpu(gdp->bg_inode_bitmap);
		unsigned long it = le32_to_cpu(gdp->bg_inode_table);

		if (bb < first || bb > last) {
			ext3_error(sb, "ext3_check_descriptors", "Block bitmap "
				   "for group %lu not in group (block %lu)!",
				   g, bb);
			return -EINVAL;
		}
		if (ib < first || ib > last) {
			ext3_error(sb, "ext3_check_descriptors", "Inode bitmap "
				   "for group %lu not in group (block %lu)!",
				   g, ib);
			return -EINVAL;
		}
		if (it < first || it + itb - 1 > last) {
			ext3_error(sb, "ext3_check_descriptors", "Inode table "
				   "for group %lu not in group (block %lu)!",
				   g, it);
			return -EINVAL;
		}
	}
	return 0;
}

/* The group descriptors, in the blocks after the super block's. */
static int ext3_read_descriptors(struct super_block *sb)
{
	struct ext3_sb_info *sbi = EXT3_SB(sb);
	unsigned long n = sbi->s_gdb_count;

	sbi->s_group_desc_bh = kzalloc(n * sizeof(*sbi->s_group_desc_bh),
				       GFP_KERNEL);
	sbi->s_group_desc = kzalloc(n * sizeof(*sbi->s_group_desc),
				    GFP_KERNEL);
	if (!sbi->s_group_desc_bh || !sbi->s_group_desc)
		return -ENOMEM;
	for (unsigned long i = 0; i < n; i++) {
		void *data = ext3_sb_bread(sb, sbi->s_first_data_block + 1 + i,
					   &sbi->s_group_desc_bh[i]);

		if (IS_ERR(data)) {
			msg(sb, KERN_ERR, "unable to read group descriptors");
			return PTR_ERR(data);
		}
		sbi->s_group_desc[i] = data;
	}
	return ext3_check_descriptors(sb);
}

static void ext3_put_super(struct super_block *sb)
{
	struct ext3_sb_info *sbi = EXT3_SB(sb);

	if (!sbi)
		return;
	ext3_destroy_journal(sb);
	if (sbi->s_group_desc_bh)
		for (unsigned long i = 0; i < sbi->s_gdb_count; i++)
			brelse(sbi->s_group_desc_bh[i]);
	kfree(sbi->s_group_desc_bh);
	kfree(sbi->s_group_desc);
	brelse(sbi->s_sbh);
	kfree(sbi);
	sb->s_fs_info = NULL;
}

/* Writing is not built: a remount stays read-only. */
static int ext3_remount(struct super_block *sb, int *flags, char *data)
{
	if (*flags & MS_RDONLY)
		return 0;
	msg(sb, KERN_WARNING, "writing is not built yet: stays read-only");
	return -EROFS;
}

static const struct super_operations ext3_sops = {
	.alloc_inode = ext3_alloc_inode,
	.destroy_inode = ext3_destroy_inode,
	.put_super = ext3_put_super,
	.remount_fs = ext3_remount,
	.sync_fs = ext3_sync_fs,
};

/* What the mount says about the journal, and the state it was left in. */
static void ext3_report(struct super_block *sb,
			const struct ext3_super_block *es, bool is_ext3)
{
	struct ext3_sb_info *sbi = EXT3_SB(sb);
	u16 state = le16_to_cpu(es->s_state);

	if (state & EXT3_ERROR_FS)
		msg(sb, KERN_WARNING, "warning: mounting fs with errors, "
		    "running e2fsck is recommended");
	else if (!(state & EXT3_VALID_FS))
		msg(sb, KERN_WARNING, "warning: mounting unchecked fs, "
		    "running e2fsck is recommended");
	if (sbi->s_feature_ro_compat & ~EXT3_FEATURE_RO_COMPAT_SUPP)
		msg(sb, KERN_WARNING, "unknown read-only features (%x): "
		    "readable only, as every mount here is",
		    sbi->s_feature_ro_compat & ~EXT3_FEATURE_RO_COMPAT_SUPP);
	if ((sbi->s_feature_incompat & EXT3_FEATURE_INCOMPAT_RECOVER) &&
	    !sbi->s_journal)
		msg(sb, KERN_WARNING, "the journal needs recovery, which "
		    "needs 4 KiB blocks: not replayed, so the last changes may "
		    "be missing");
	if (is_ext3 && !sbi->s_journal &&
	    (sbi->s_feature_compat & EXT3_FEATURE_COMPAT_HAS_JOURNAL))
		msg(sb, KERN_INFO, "internal journal (inode %u) not loaded: "
		    "its blocks are not 4 KiB",
		    le32_to_cpu(es->s_journal_inum));
}

/*
 * ext3_fill_super - read the super block of sb->s_bdev and make the root
 * (fs/super.c: get_sb_bdev()).  On an error, what was made is undone by
 * kill_sb -> ext3_put_super().
 */
static int ext3_fill_super(struct super_block *sb, void *data, int silent)
{
	bool is_ext3 = sb->s_type == &ext3_fs_type;
	bool asked_rw = !(sb->s_flags & MS_RDONLY);
	struct ext3_super_block *es;
	struct ext3_sb_info *sbi;
	struct buffer_head *bh;
	struct inode *root;
	int err;

	sbi = kzalloc(sizeof(*sbi), GFP_KERNEL);
	if (!sbi)
		return -ENOMEM;
	sb->s_fs_info = sbi;
	sbi->s_name = is_ext3 ? "EXT3-fs" : "EXT2-fs";
	mutex_init(&sbi->s_iget_mutex);
	sb->s_op = &ext3_sops;

	BUILD_BUG_ON(sizeof(struct ext3_super_block) != 1024);
	BUILD_BUG_ON(sizeof(struct ext3_inode) != EXT3_GOOD_OLD_INODE_SIZE);
	BUILD_BUG_ON(sizeof(struct ext3_group_desc) != 32);
	bh = bread(sb->s_bdev, EXT3_SUPERBLOCK_OFFSET / BLOCK_SIZE);
	if (!bh) {
		msg(sb, KERN_ERR, "unable to read superblock");
		return -EIO;
	}
	sbi->s_sbh = bh;
	es = (struct ext3_super_block *)(bh->b_data +
					 EXT3_SUPERBLOCK_OFFSET % BLOCK_SIZE);
	sbi->s_es = es;
	if (le16_to_cpu(es->s_magic) != EXT3_SUPER_MAGIC) {
		if (!silent)
			printk(KERN_ERR "VFS: Can't find %s filesystem on dev "
			       "%s (magic %#x at byte 1024, not %#x).\n",
			       is_ext3 ? "ext3" : "ext2", sb->s_id,
			       le16_to_cpu(es->s_magic), EXT3_SUPER_MAGIC);
		return -EINVAL;
	}
	err = ext3_check_super(sb, es, is_ext3);
	if (err)
		return err;
	err = ext3_read_descriptors(sb);
	if (err) {
		if (err == -EINVAL)
			msg(sb, KERN_ERR, "group descriptors corrupted!");
		return err;
	}

	sb->s_blocksize = 1UL << sbi->s_blocksize_bits;
	sb->s_magic = EXT3_SUPER_MAGIC;
	sb->s_flags |= MS_RDONLY;
	if (is_ext3) {
		err = ext3_load_journal(sb, data);
		if (err)
			return err;
	}
	root = ext3_iget(sb, EXT3_ROOT_INO);
	if (IS_ERR(root)) {
		msg(sb, KERN_ERR, "get root inode failed");
		return PTR_ERR(root);
	}
	if (!S_ISDIR(root->i_mode) || !root->i_blocks || !root->i_size) {
		iput(root);
		msg(sb, KERN_ERR, "corrupt root inode, run e2fsck");
		return -EINVAL;
	}
	sb->s_root = d_alloc_root(root);
	if (!sb->s_root) {
		iput(root);
		return -ENOMEM;
	}

	ext3_report(sb, es, is_ext3);
	msg(sb, KERN_INFO, "mounted read-only%s: %lu blocks of %lu bytes, "
	    "%lu inodes, %lu group%s, label \"%.16s\"",
	    asked_rw ? " (writing is not built yet)" : "",
	    sbi->s_blocks_count, sb->s_blocksize, sbi->s_inodes_count,
	    sbi->s_groups_count, sbi->s_groups_count == 1 ? "" : "s",
	    es->s_volume_name);
	return 0;
}

static int ext3_get_sb(struct file_system_type *type, int flags,
		       const char *dev_name, void *data, struct vfsmount *mnt)
{
	return get_sb_bdev(type, flags, dev_name, data, ext3_fill_super, mnt);
}

static struct file_system_type ext3_fs_type = {
	.name = "ext3",
	.fs_flags = FS_REQUIRES_DEV,
	.get_sb = ext3_get_sb,
	.kill_sb = kill_block_super,
};

static struct file_system_type ext2_fs_type = {
	.name = "ext2",
	.fs_flags = FS_REQUIRES_DEV,
	.get_sb = ext3_get_sb,
	.kill_sb = kill_block_super,
};

/**
 * init_ext3_fs - register "ext3" and "ext2" for mount(2)
 *
 * Context: pid 1, boot (do_basic_setup()).
 */
void init_ext3_fs(void)
{
	jbd2_journal_init();
	if (ext3_init_inodecache() || register_filesystem(&ext3_fs_type) ||
	    register_filesystem(&ext2_fs_type))
		panic("init_ext3_fs: cannot register ext3 and ext2");
}
