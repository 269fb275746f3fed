// SPDX-License-Identifier: GPL-2.0
/*
 * fs/ext3/super.c - mounting an ext2 or ext3 file system: its super
 * block, its geometry, its group descriptors, its root; the state it is
 * left in, errors, statfs.
 *
 * Linux 2.6: fs/ext3/super.c (ext3_fill_super(), ext3_check_descriptors(),
 * ext3_setup_super(), ext3_error(), ext3_handle_error(),
 * ext3_warning(), ext3_commit_super(), ext3_put_super(), ext3_remount(),
 * ext3_orphan_cleanup(), ext3_statfs(), init_ext3_fs()), fs/ext2/super.c.
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
 * Writing: a file system of 4 KiB blocks -- one buffer each, which is
 * what a journal logs -- with no feature this kernel does not know is
 * mounted read-write when asked; any other is mounted read-only, and the
 * mount says why in one line.  Its journal is loaded, and replayed if it
 * needs recovery, before anything else is read (fs/ext3/ext3_jbd.c:
 * ext3_load_journal(), fs/jbd2/); with smaller blocks it is not loaded,
 * and a journal that needs recovery is mounted anyway, read-only, with
 * a warning that it was not replayed: what the last transactions wrote
 * may be missing.  While mounted read-write, the super block's s_state
 * lacks EXT3_VALID_FS (e2fsck checks a file system left so), s_mtime and
 * s_mnt_count count the mount; a clean umount (or a remount read-only)
 * writes everything back, then the super block with EXT3_VALID_FS again
 * (a remount read-only also leaves the journal empty, needs_recovery
 * clear).  A read-write mount deletes the inodes a crash left on the
 * orphan list (ext3_orphan_cleanup(); the list itself: fs/ext3/namei.c),
 * and the last close of an orphan takes it off (ext3_delete_orphan()).
 * The free counts in the super block are kept exact by balloc.c and
 * ialloc.c (Linux 2.6 counts per CPU and sums at commit).
 *
 * Errors in the structures found later (a bad directory entry, a block
 * number outside the file system, a bitmap that disagrees) are reported
 * by ext3_error() and the operation fails with -EUCLEAN ("Structure needs
 * cleaning", Linux's EFSCORRUPTED).  On a read-write mount the error is
 * recorded in the super block (EXT3_ERROR_FS: e2fsck then checks it) and
 * the file system is remounted read-only, as Linux's errors=remount-ro:
 * nothing more is written over what may be broken, and the system runs
 * on.  Next: fs/ext3/inode.c.
 */
#include <blkdev.h>
#include <buffer_head.h>
#include <errno.h>
#include <ext3_fs.h>
#include <ext3_jbd.h>
#include <jbd2.h>
#include <kernel.h>
#include <slab.h>
#include <random.h>
#include <string.h>
#include <writeback.h>

static const struct super_operations ext3_sops;
static struct file_system_type ext3_fs_type;
static struct file_system_type ext2_fs_type;

/*
 * Linux 2.6: ext3_commit_super().  Write the super block's buffer now
 * (s_wtime stamped), past the journal: its state must reach the disk.
 */
static void ext3_commit_super(struct super_block *sb)
{
	struct ext3_sb_info *sbi = EXT3_SB(sb);

	sbi->s_es->s_wtime = cpu_to_le32(current_fs_time(sb).tv_sec);
	mark_buffer_dirty(sbi->s_sbh);
	sync_dirty_buffer(sbi->s_sbh);
}

/*
 * Linux 2.6: ext3_handle_error(), with errors=remount-ro.  A read-write
 * file system records the error and goes read-only.
 */
static void ext3_handle_error(struct super_block *sb)
{
	struct ext3_sb_info *sbi = EXT3_SB(sb);

	if (sb->s_flags & MS_RDONLY)
		return;
	sbi->s_mount_state |= EXT3_ERROR_FS;
	sbi->s_es->s_state |= cpu_to_le16(EXT3_ERROR_FS);
	sb->s_flags |= MS_RDONLY;
	printk(KERN_CRIT "%s (device %s): Remounting filesystem read-only\n",
	       sbi->s_name, sb->s_id);
	ext3_commit_super(sb);
}

/**
 * ext3_error - report an inconsistency found in the file system
 * @sb: the super block
 * @function: where it was found (Linux prints the function)
 * @fmt: what, printf-style
 *
 * "EXT3-fs error (device hda1): ext3_lookup: ..." on the console.  The
 * caller fails the operation; a read-write mount records the error in
 * the super block and becomes read-only (ext3_handle_error()).
 * Context: process, may sleep.
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
	ext3_handle_error(sb);
}

/**
 * ext3_warning - report an oddity the file system survives
 * @sb: the super block
 * @function: where
 * @fmt: what, printf-style
 *
 * Context: any.
 */
void ext3_warning(struct super_block *sb, const char *function,
		  const char *fmt, ...)
{
	char msg[160];
	va_list args;

	va_start(args, fmt);
	vscnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	printk(KERN_WARNING "%s warning (device %s): %s: %s\n",
	       EXT3_SB(sb)->s_name, sb->s_id, function, msg);
}

/**
 * ext3_journal_get_sb_write_access - announce a change of the super block
 * @handle: the running handle
 * @sb: the super block (its free counts change)
 *
 * Context: process, may sleep.
 * Return: 0 or a negative errno.
 */
int ext3_journal_get_sb_write_access(handle_t *handle, struct super_block *sb)
{
	return ext3_journal_get_write_access(handle, EXT3_SB(sb)->s_sbh);
}

/**
 * ext3_dirty_sb - the super block's buffer changed
 * @handle: the running handle
 * @sb: the super block
 *
 * Context: process, may sleep.
 */
void ext3_dirty_sb(handle_t *handle, struct super_block *sb)
{
	ext3_journal_dirty_metadata(handle, EXT3_SB(sb)->s_sbh);
}

/**
 * ext3_group_desc_bh - the buffer holding a group's descriptor
 * @sb: the super block
 * @group: the group, below s_groups_count
 *
 * Context: any; held while mounted.
 * Return: the buffer (get_write_access() it before a change).
 */
struct buffer_head *ext3_group_desc_bh(struct super_block *sb,
				       unsigned long group)
{
	struct ext3_sb_info *sbi = EXT3_SB(sb);

	return sbi->s_group_desc_bh[group / sbi->s_desc_per_block];
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
	sbi->s_itb_per_group = DIV_ROUND_UP(sbi->s_inodes_per_group,
					    sbi->s_inodes_per_block);
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

/*
 * Why @sb cannot be mounted read-write, or NULL if it can.
 */
static const char *ext3_cannot_write(struct super_block *sb)
{
	struct ext3_sb_info *sbi = EXT3_SB(sb);

	if (sb->s_blocksize != BLOCK_SIZE)
		return "its blocks are not of a buffer's 4096 bytes";
	if (sbi->s_feature_ro_compat & ~EXT3_FEATURE_RO_COMPAT_SUPP)
		return "it has read-only features this kernel does not know";
	/* A loaded journal replayed what it had; its flag now says "in use". */
	if ((sbi->s_feature_incompat & EXT3_FEATURE_INCOMPAT_RECOVER) &&
	    !sbi->s_journal)
		return "its journal needs recovery";
	if (le16_to_cpu(sbi->s_es->s_state) & EXT3_ERROR_FS)
		return "it has errors: run e2fsck";
	return NULL;
}

/*
 * Linux 2.6: ext3_setup_super().  The file system goes read-write: not
 * valid on the disk until it is unmounted cleanly, one more mount.
 */
static void ext3_setup_super(struct super_block *sb)
{
	struct ext3_sb_info *sbi = EXT3_SB(sb);
	struct ext3_super_block *es = sbi->s_es;
	int max = (s16)le16_to_cpu(es->s_max_mnt_count);

	sbi->s_mount_state = le16_to_cpu(es->s_state);
	if (max > 0 && le16_to_cpu(es->s_mnt_count) >= max)
		msg(sb, KERN_WARNING, "warning: maximal mount count reached, "
		    "running e2fsck is recommended");
	es->s_state = cpu_to_le16(sbi->s_mount_state & ~EXT3_VALID_FS);
	le16_add_cpu(&es->s_mnt_count, 1);
	es->s_mtime = cpu_to_le32(current_fs_time(sb).tv_sec);
	ext3_commit_super(sb);
}

/*
 * A read-write file system goes read-only or away: everything to the
 * disk, then the super block with the state it had at mount (valid,
 * unless an error was found since).
 */
static void ext3_write_back_clean(struct super_block *sb)
{
	struct ext3_sb_info *sbi = EXT3_SB(sb);

	ext3_sync_fs(sb, 1);		/* the journal's blocks in place */
	ext3_force_commit(sb);
	ext3_mark_recovery_complete(sb);
	sbi->s_es->s_state = cpu_to_le16(sbi->s_mount_state);
	ext3_commit_super(sb);
}

static void ext3_put_super(struct super_block *sb)
{
	struct ext3_sb_info *sbi = EXT3_SB(sb);

	if (!sbi)
		return;
	ext3_destroy_journal(sb);
	if (sbi->s_es && !(sb->s_flags & MS_RDONLY))
		ext3_write_back_clean(sb);
	if (sbi->s_group_desc_bh)
		for (unsigned long i = 0; i < sbi->s_gdb_count; i++)
			brelse(sbi->s_group_desc_bh[i]);
	kfree(sbi->s_group_desc_bh);
	kfree(sbi->s_group_desc);
	brelse(sbi->s_sbh);
	kfree(sbi);
	sb->s_fs_info = NULL;
}

/* Linux 2.6: ext3_remount(): read-only <-> read-write. */
static int ext3_remount(struct super_block *sb, int *flags, char *data)
{
	bool was_ro = sb->s_flags & MS_RDONLY;
	const char *why;

	if ((*flags & MS_RDONLY) && !was_ro) {
		ext3_write_back_clean(sb);
	} else if (!(*flags & MS_RDONLY) && was_ro) {
		why = ext3_cannot_write(sb);
		if (why) {
			msg(sb, KERN_WARNING, "stays read-only: %s", why);
			return -EROFS;
		}
		ext3_setup_super(sb);
	}
	return 0;
}

/*
 * Linux 2.6: ext3_statfs(), "minixdf": every block counts, the
 * metadata's too.  Free counts from the group descriptors; the blocks
 * reserved for root are not available to others.
 */
static int ext3_statfs(struct dentry *dentry, struct kstatfs *buf)
{
	struct super_block *sb = dentry->d_sb;
	struct ext3_sb_info *sbi = EXT3_SB(sb);
	unsigned long reserved = le32_to_cpu(sbi->s_es->s_r_blocks_count);
	const u8 *uuid = sbi->s_es->s_uuid;

	buf->f_type = EXT3_SUPER_MAGIC;
	buf->f_bsize = sb->s_blocksize;
	buf->f_blocks = sbi->s_blocks_count;
	buf->f_bfree = ext3_count_free_blocks(sb);
	buf->f_bavail = buf->f_bfree > reserved ? buf->f_bfree - reserved : 0;
	buf->f_files = sbi->s_inodes_count;
	buf->f_ffree = ext3_count_free_inodes(sb);
	buf->f_namelen = EXT3_NAME_LEN;
	/* As Linux: the two halves of the UUID's first 8 bytes. */
	buf->f_fsid[0] = (uuid[0] | uuid[1] << 8 | uuid[2] << 16 |
			  uuid[3] << 24) ^ (uuid[8] | uuid[9] << 8 |
					    uuid[10] << 16 | uuid[11] << 24);
	buf->f_fsid[1] = (uuid[4] | uuid[5] << 8 | uuid[6] << 16 |
			  uuid[7] << 24) ^ (uuid[12] | uuid[13] << 8 |
					    uuid[14] << 16 | uuid[15] << 24);
	return 0;
}

/*
 * Linux 2.6: the orphan part of ext3_delete_inode().  The last user of an
 * inode without links is gone: it leaves the orphan list in the handle
 * that frees it (ext3_delete_inode() nests in this one), so that a crash
 * finds it either on the list with its blocks or freed and off it.
 */
static void ext3_delete_orphan(struct inode *inode)
{
	struct ext3_sb_info *sbi = EXT3_SB(inode->i_sb);
	handle_t *handle;

	if (!EXT3_I(inode)->i_orphan.next) {
		ext3_delete_inode(inode);
		return;
	}
	if (IS_RDONLY(inode)) {
		/* On the disk it stays on the list: the next mount. */
		ext3_orphan_del(NULL, inode);
		ext3_delete_inode(inode);
		return;
	}
	/* ext3_delete_inode()'s credits (a truncate's, fs/ext3/inode.c),
	 * and the predecessor: the super block or an inode. */
	handle = ext3_journal_start(inode, EXT3_SINGLEDATA_TRANS_BLOCKS +
				    sbi->s_groups_count + sbi->s_gdb_count +
				    3 + 1);
	if (IS_ERR(handle)) {
		ext3_orphan_del(NULL, inode);
		return;
	}
	ext3_orphan_del(handle, inode);
	ext3_delete_inode(inode);
	ext3_journal_stop(handle);
}

/*
 * Linux 2.6: ext3_orphan_cleanup().  A read-write mount deletes the
 * inodes the orphan list still holds: files unlinked while open when the
 * system stopped.  Each is read (EXT3_ORPHAN_FS lets ext3_iget() read an
 * inode without links), made the list's head in memory, and let go: the
 * delete frees it and moves s_last_orphan to the next.
 */
static void ext3_orphan_cleanup(struct super_block *sb)
{
	struct ext3_sb_info *sbi = EXT3_SB(sb);
	struct ext3_super_block *es = sbi->s_es;
	unsigned int nr = 0;
	unsigned long ino;

	if (!sbi->s_journal || !es->s_last_orphan)
		return;
	sbi->s_mount_state |= EXT3_ORPHAN_FS;
	while ((ino = le32_to_cpu(es->s_last_orphan))) {
		struct inode *inode = ext3_iget(sb, ino);

		if (IS_ERR(inode) || inode->i_nlink) {
			/* ext3_iget() said why, or a live inode. */
			if (!IS_ERR(inode)) {
				ext3_error(sb, "ext3_orphan_cleanup", "orphan "
					   "inode %lu has %u links", ino,
					   inode->i_nlink);
				iput(inode);
			}
			break;
		}
		mutex_lock(&sbi->s_orphan_lock);
		list_add(&EXT3_I(inode)->i_orphan, &sbi->s_orphan);
		mutex_unlock(&sbi->s_orphan_lock);
		iput(inode);
		if (le32_to_cpu(es->s_last_orphan) == ino)
			break;		/* not deleted: read-only now */
		nr++;
	}
	sbi->s_mount_state &= ~EXT3_ORPHAN_FS;
	msg(sb, KERN_INFO, "%u orphan inode%s deleted", nr, nr == 1 ? "" :
	    "s");
}

static const struct super_operations ext3_sops = {
	.alloc_inode = ext3_alloc_inode,
	.destroy_inode = ext3_destroy_inode,
	.delete_inode = ext3_delete_orphan,
	.put_super = ext3_put_super,
	.remount_fs = ext3_remount,
	.statfs = ext3_statfs,
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
		    "readable only",
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
	const char *why;
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
	mutex_init(&sbi->s_alloc_mutex);
	mutex_init(&sbi->s_orphan_lock);
	INIT_LIST_HEAD(&sbi->s_orphan);
	sb->s_op = &ext3_sops;
	/* Read-only until all is checked: an error found on the way must
	 * not be written into the super block (ext3_handle_error()). */
	sb->s_flags |= MS_RDONLY;

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
	sbi->s_next_generation = get_random_u32();
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
	why = asked_rw ? ext3_cannot_write(sb) : NULL;
	if (why)
		msg(sb, KERN_WARNING, "mounting read-only: %s", why);
	if (asked_rw && !why) {
		sb->s_flags &= ~MS_RDONLY;
		ext3_setup_super(sb);
		ext3_orphan_cleanup(sb);
	}
	msg(sb, KERN_INFO, "mounted %s: %lu blocks of %lu bytes, "
	    "%lu inodes, %lu group%s, label \"%.16s\"",
	    sb->s_flags & MS_RDONLY ? "read-only" : "read-write",
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
