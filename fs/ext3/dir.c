// SPDX-License-Identifier: GPL-2.0
/*
 * fs/ext3/dir.c - reading an ext3 directory: its entries, checked, one
 * by one (getdents(2)).
 *
 * Linux 2.6: fs/ext3/dir.c (ext3_readdir(), ext3_check_dir_entry(),
 * ext3_filetype_table).  Understanding the Linux Kernel, 3rd ed.,
 * chapter 18, section "How Various File Types Use Disk Blocks" (regular
 * files, directories, symbolic links).
 *
 * A directory is a file whose blocks are filled with entries
 * (struct ext3_dir_entry_2): an inode number, the length of the record
 * (rec_len: to the next entry), the name's length and file type, the
 * name.  A deleted entry is merged into the previous one's rec_len, or,
 * first in a block, keeps its place with inode 0.  No entry crosses a
 * block: each block is a chain of its own, from its offset 0 to its end.
 * Directories indexed by a hash tree (dir_index) are read the same way:
 * the index hides in entries that linear reading skips, which is why
 * that feature is "compat".
 *
 * Every entry is checked before it is believed (ext3_check_dir_entry()):
 * a record too short, not a multiple of 4, shorter than its name, running
 * past its block, or naming an inode the file system does not have is
 * reported and the directory read fails with -EUCLEAN.  A directory's
 * position (f_pos) is a byte offset in it; the record given to filldir
 * carries the entry's own offset, and f_pos moves past each entry as it
 * is given.  A position set by lseek() between entries is moved to the
 * next entry of its block, walking the block's chain from its start.
 * Next: fs/ext3/namei.c looks a name up in the same blocks.
 */
#include <buffer_head.h>
#include <errno.h>
#include <ext3_fs.h>
#include <kernel.h>

static const unsigned char ext3_filetype_table[EXT3_FT_MAX] = {
	[EXT3_FT_UNKNOWN] = DT_UNKNOWN,	[EXT3_FT_REG_FILE] = DT_REG,
	[EXT3_FT_DIR] = DT_DIR,		[EXT3_FT_CHRDEV] = DT_CHR,
	[EXT3_FT_BLKDEV] = DT_BLK,	[EXT3_FT_FIFO] = DT_FIFO,
	[EXT3_FT_SOCK] = DT_SOCK,	[EXT3_FT_SYMLINK] = DT_LNK,
};

/**
 * ext3_filetype_to_dtype - the d_type getdents shows for an entry
 * @sb: the super block (INCOMPAT_FILETYPE says if entries have a type)
 * @file_type: the entry's EXT3_FT_*
 *
 * Context: any.
 * Return: DT_*, DT_UNKNOWN when the file system records no types.
 */
unsigned char ext3_filetype_to_dtype(struct super_block *sb, u8 file_type)
{
	if (!(EXT3_SB(sb)->s_feature_incompat & EXT3_FEATURE_INCOMPAT_FILETYPE)
	    || file_type >= EXT3_FT_MAX)
		return DT_UNKNOWN;
	return ext3_filetype_table[file_type];
}

/* What is wrong with an entry at @offset of its block, or NULL. */
static const char *ext3_dir_entry_error(struct inode *dir,
					const struct ext3_dir_entry_2 *de,
					unsigned long offset)
{
	struct super_block *sb = dir->i_sb;
	unsigned int rlen = le16_to_cpu(de->rec_len);

	if (rlen < EXT3_DIR_REC_LEN(1))
		return "rec_len is smaller than minimal";
	if (rlen % 4 != 0)
		return "rec_len % 4 != 0";
	if (rlen < EXT3_DIR_REC_LEN(de->name_len))
		return "rec_len is too small for name_len";
	if (offset + rlen > sb->s_blocksize)
		return "directory entry across blocks";
	if (le32_to_cpu(de->inode) > EXT3_SB(sb)->s_inodes_count)
		return "inode out of bounds";
	return NULL;
}

static void ext3_report_dir_entry(const char *function, struct inode *dir,
				  const struct ext3_dir_entry_2 *de,
				  unsigned long pos, const char *error)
{
	ext3_error(dir->i_sb, function, "bad entry in directory #%lu: %s - "
		   "offset=%lu, inode=%u, rec_len=%u, name_len=%u",
		   dir->i_ino, error, pos, le32_to_cpu(de->inode),
		   le16_to_cpu(de->rec_len), de->name_len);
}

/**
 * ext3_check_dir_entry - is this directory entry sane?
 * @function: who asks (for the report)
 * @dir: the directory
 * @de: the entry, inside a block of @dir
 * @offset: its offset in that block
 * @pos: its offset in the directory (for the report)
 *
 * Linux 2.6: ext3_check_dir_entry(), the same five checks and words:
 * a record shorter than the smallest, not a multiple of 4, shorter than
 * its name, running past its block, or naming an inode past the last.
 * Context: process.
 * Return: 1 if it is sane, 0 if not (reported with ext3_error()).
 */
int ext3_check_dir_entry(const char *function, struct inode *dir,
			 const struct ext3_dir_entry_2 *de,
			 unsigned long offset, unsigned long pos)
{
	const char *error = ext3_dir_entry_error(dir, de, offset);

	if (!error)
		return 1;
	ext3_report_dir_entry(function, dir, de, pos, error);
	return 0;
}

/*
 * Where the chain of @block reaches @offset or passes it: an offset
 * lseek() chose may fall inside an entry.  Linux 2.6 does the same when
 * the directory changed since the position was handed out.
 */
static unsigned long ext3_resync(struct super_block *sb, const char *block,
				 unsigned long offset)
{
	unsigned long i = 0;

	while (i < offset && i < sb->s_blocksize) {
		const struct ext3_dir_entry_2 *de = (const void *)(block + i);
		unsigned int rlen = le16_to_cpu(de->rec_len);

		/* A broken chain: the reader stops at the entry there. */
		if (rlen < EXT3_DIR_REC_LEN(1))
			break;
		i += rlen;
	}
	return i;
}

/*
 * Give the entries of one block, from f_pos, to filldir.  Return: 0 at
 * the block's end, 1 when filldir is full, or -EUCLEAN at a bad entry
 * (f_pos is left on it).  *stored counts what was given.
 */
static int ext3_readdir_block(struct file *filp, const char *block,
			      void *dirent, filldir_t filldir, int *stored)
{
	struct inode *dir = filp->f_dentry->d_inode;
	struct super_block *sb = dir->i_sb;
	unsigned long bs = sb->s_blocksize;
	unsigned long offset = ext3_resync(sb, block, filp->f_pos & (bs - 1));

	filp->f_pos = (filp->f_pos & ~(off_t)(bs - 1)) + offset;
	while (offset < bs && filp->f_pos < dir->i_size) {
		const struct ext3_dir_entry_2 *de = (const void *)(block +
								   offset);
		const char *error = ext3_dir_entry_error(dir, de, offset);
		unsigned int rlen;

		/* Said when the caller gets the error: see ext3_readdir(). */
		if (error) {
			if (!*stored)
				ext3_report_dir_entry("ext3_readdir", dir, de,
						      filp->f_pos, error);
			return -EUCLEAN;
		}
		rlen = le16_to_cpu(de->rec_len);
		if (le32_to_cpu(de->inode)) {
			if (filldir(dirent, de->name, de->name_len,
				    filp->f_pos, le32_to_cpu(de->inode),
				    ext3_filetype_to_dtype(sb, de->file_type)))
				return 1;
			(*stored)++;
		}
		offset += rlen;
		filp->f_pos += rlen;
	}
	return 0;
}

/*
 * Linux 2.6: ext3_readdir().  A bad entry after some were given ends the
 * call there without an error, so that the caller gets those; the next
 * call starts at the bad entry, reports it and returns -EUCLEAN, stepping
 * past its block so that the one after may still be read.  (Linux skips
 * the block and returns what it has: the error is only in the log.)
 */
static int ext3_readdir(struct file *filp, void *dirent, filldir_t filldir)
{
	struct inode *dir = filp->f_dentry->d_inode;
	struct super_block *sb = dir->i_sb;
	unsigned long bs = sb->s_blocksize;
	int stored = 0, err = 0;

	while (filp->f_pos < dir->i_size) {
		unsigned long iblock = filp->f_pos >>
				       EXT3_SB(sb)->s_blocksize_bits;
		struct buffer_head *bh;
		unsigned long phys;
		char *block;

		err = ext3_get_block(NULL, dir, iblock, &phys, NULL);
		if (!err && !phys) {
			ext3_error(sb, "ext3_readdir", "directory #%lu "
				   "contains a hole at offset %lu", dir->i_ino,
				   (unsigned long)filp->f_pos);
			err = -EUCLEAN;
		}
		if (err)
			break;
		block = ext3_sb_bread(sb, phys, &bh);
		if (IS_ERR(block)) {
			err = PTR_ERR(block);
			break;
		}
		err = ext3_readdir_block(filp, block, dirent, filldir, &stored);
		brelse(bh);
		if (err)
			break;
		/* The block's end, or a chain that ended before it. */
		filp->f_pos = (filp->f_pos + bs - 1) & ~(off_t)(bs - 1);
	}
	if (err == 1 || (err && stored))
		return 0;
	if (err)	/* past the bad block, for the next call */
		filp->f_pos = (filp->f_pos | (off_t)(bs - 1)) + 1;
	return err;
}

const struct file_operations ext3_dir_operations = {
	.read = generic_read_dir,
	.readdir = ext3_readdir,
	.llseek = generic_file_llseek,
};
