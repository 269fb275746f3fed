// SPDX-License-Identifier: GPL-2.0
/*
 * fs/ext3/file.c - reading an ext3 regular file.
 *
 * Linux 2.6: fs/ext3/file.c (ext3_file_operations: generic_file_read ->
 * do_generic_mapping_read(), with ext3_readpage() -> mpage_readpage() ->
 * ext3_get_block()).  Understanding the Linux Kernel, 3rd ed., chapter
 * 16, section "Reading from a File", and chapter 18, section "Data
 * Blocks Addressing".
 *
 * read() at f_pos: for each file-system block the request touches,
 * ext3_get_block() (fs/ext3/inode.c) says where it is on the partition
 * -- or that it is a hole, which reads as zeros -- and the block is
 * copied to the user from the buffer cache (ext3_sb_bread(): a 1 KiB
 * block is a quarter of a 4 KiB buffer, read from the disk on the first
 * use and kept while memory allows).  Linux goes through the file's
 * page cache instead (a page per 4 KiB of the file, filled by readpage,
 * with readahead); kt26 has no page cache for files, so a file's data is
 * cached in the partition's buffers, as in Linux 2.2.  The size never
 * changes under a read-only mount: no lock is needed to read it.
 * Next: fs/ext3/symlink.c.
 */
#include <asm/uaccess.h>
#include <buffer_head.h>
#include <errno.h>
#include <ext3_fs.h>
#include <kernel.h>

/* Copy @n bytes at @off of file block @iblock to @ubuf.  Return: 0/-E. */
static int ext3_copy_block(struct inode *inode, unsigned long iblock,
			   unsigned long off, char *ubuf, size_t n)
{
	struct buffer_head *bh;
	unsigned long phys;
	bool fault;
	char *data;
	int err = ext3_get_block(inode, iblock, &phys);

	if (err)
		return err;
	if (!phys)		/* a hole */
		return clear_user(ubuf, n) ? -EFAULT : 0;
	data = ext3_sb_bread(inode->i_sb, phys, &bh);
	if (IS_ERR(data))
		return PTR_ERR(data);
	fault = copy_to_user(ubuf, data + off, n);
	brelse(bh);
	return fault ? -EFAULT : 0;
}

static ssize_t ext3_file_read(struct file *filp, char *ubuf, size_t count)
{
	struct inode *inode = filp->f_dentry->d_inode;
	struct ext3_sb_info *sbi = EXT3_SB(inode->i_sb);
	unsigned long bs = inode->i_sb->s_blocksize;
	size_t done = 0;
	int err = 0;

	if (filp->f_pos >= inode->i_size)
		return 0;
	count = min(count, (size_t)(inode->i_size - filp->f_pos));
	while (done < count) {
		unsigned long off = filp->f_pos & (bs - 1);
		size_t n = min(count - done, bs - off);

		err = ext3_copy_block(inode,
				      filp->f_pos >> sbi->s_blocksize_bits,
				      off, ubuf + done, n);
		if (err)
			break;
		filp->f_pos += n;
		done += n;
	}
	return done ? (ssize_t)done : err;
}

const struct file_operations ext3_file_operations = {
	.read = ext3_file_read,
	.llseek = generic_file_llseek,
};

/* stat() is generic_fillattr()'s; nothing of a file changes here yet. */
const struct inode_operations ext3_file_inode_operations = {
};
