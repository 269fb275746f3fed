// SPDX-License-Identifier: GPL-2.0
/*
 * fs/ext3/file.c - reading and writing an ext3 regular file.
 *
 * Linux 2.6: fs/ext3/file.c (ext3_file_operations: generic_file_read ->
 * do_generic_mapping_read(), with ext3_readpage() -> mpage_readpage() ->
 * ext3_get_block(); ext3_file_write() -> generic_file_aio_write() ->
 * ext3_prepare_write() / ext3_ordered_commit_write(); ext3_sync_file()),
 * fs/ext3/fsync.c.  Understanding the Linux Kernel, 3rd ed., chapter 16,
 * sections "Reading from a File" and "Writing to a File", and chapter
 * 18, sections "Data Blocks Addressing" and "Allocating a Data Block".
 *
 * read() at f_pos: for each file-system block the request touches,
 * ext3_get_block() (fs/ext3/inode.c) says where it is on the partition
 * -- or that it is a hole, which reads as zeros -- and the block is
 * copied to the user from the buffer cache (ext3_sb_bread(): a 1 KiB
 * block is a quarter of a 4 KiB buffer, read from the disk on the first
 * use and kept while memory allows).
 *
 * write() at f_pos (at i_size with O_APPEND), one file-system block at a
 * time, each in a handle of its own (Linux: one per page): ext3_get_block()
 * with create finds the block or allocates it, and the indirect blocks on
 * the way; a block the write covers whole, or a new one, is not read from
 * the disk (its buffer is cleared), any other is read first so that the
 * bytes around the write survive; the user's bytes are copied in and the
 * buffer handed to ext3_journal_dirty_data() (data=ordered: with a
 * journal, written before the transaction that maps it commits).  Past
 * i_size, i_size grows and the inode is written back in the same handle.
 * A write that starts past the end leaves a hole between: no block is
 * allocated there.  pdflush writes the dirty buffers back later
 * (mm/buffer.c), fsync() at once (ext3_force_commit()).
 *
 * Linux goes through the file's page cache instead (a page per 4 KiB of
 * the file, with readahead); kt26 has no page cache for files, so a
 * file's data is cached in the partition's buffers, as in Linux 2.2.
 * Reads, writes and truncates of a file are ordered by its i_mutex.
 * Next: fs/ext3/symlink.c.
 */
#include <asm/uaccess.h>
#include <buffer_head.h>
#include <errno.h>
#include <ext3_fs.h>
#include <ext3_jbd.h>
#include <kernel.h>
#include <string.h>

/* Copy @n bytes at @off of file block @iblock to @ubuf.  Return: 0/-E. */
static int ext3_copy_block(struct inode *inode, unsigned long iblock,
			   unsigned long off, char *ubuf, size_t n)
{
	struct buffer_head *bh;
	unsigned long phys;
	bool fault;
	char *data;
	int err = ext3_get_block(NULL, inode, iblock, &phys, NULL);

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

	mutex_lock(&inode->i_mutex);
	if (filp->f_pos >= inode->i_size)
		count = 0;
	else
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
	mutex_unlock(&inode->i_mutex);
	return done ? (ssize_t)done : err;
}

/*
 * The buffer of data block @phys, ready for a write of @n bytes at @off:
 * read from the disk unless the write covers it whole or it is @fresh
 * (just allocated), in which case it is cleared instead.  *bhp holds it.
 * Return: the block's bytes, or an ERR_PTR.
 */
static char *ext3_prepare_block(struct super_block *sb, unsigned long phys,
				bool fresh, unsigned long off, size_t n,
				struct buffer_head **bhp)
{
	struct buffer_head *bh;

	if ((fresh || (!off && n == sb->s_blocksize)) &&
	    EXT3_SB(sb)->s_buffer_shift == 0) {
		bh = getblk(sb->s_bdev, phys);
		if (!bh)
			return ERR_PTR(-EIO);
		lock_buffer(bh);
		memset(bh->b_data, 0, sb->s_blocksize);
		set_buffer_uptodate(bh);
		unlock_buffer(bh);
		*bhp = bh;
		return bh->b_data;
	}
	if (fresh) {
		char *data = ext3_sb_bread(sb, phys, bhp);

		if (!IS_ERR(data))
			memset(data, 0, sb->s_blocksize);
		return data;
	}
	return ext3_sb_bread(sb, phys, bhp);
}

/*
 * Write @n bytes of @ubuf at @pos, inside one block, in a handle of its
 * own.  Return: the bytes written (fewer on a fault), or a negative
 * errno.
 */
static ssize_t ext3_write_block(struct inode *inode, off_t pos,
				const char *ubuf, size_t n)
{
	struct super_block *sb = inode->i_sb;
	unsigned long off = pos & (sb->s_blocksize - 1);
	struct buffer_head *bh;
	unsigned long phys;
	handle_t *handle;
	bool created;
	size_t left;
	char *data;
	int err;

	handle = ext3_journal_start(inode, EXT3_DATA_TRANS_BLOCKS);
	if (IS_ERR(handle))
		return PTR_ERR(handle);
	err = ext3_get_block(handle, inode,
			     pos >> EXT3_SB(sb)->s_blocksize_bits, &phys,
			     &created);
	if (err)
		goto out;
	data = ext3_prepare_block(sb, phys, created, off, n, &bh);
	if (IS_ERR(data)) {
		err = PTR_ERR(data);
		goto out;
	}
	left = copy_from_user(data + off, ubuf, n);
	err = ext3_journal_dirty_data(handle, bh);
	brelse(bh);
	n -= left;
	if (!err && pos + (off_t)n > inode->i_size) {
		inode->i_size = pos + n;
		err = ext3_mark_inode_dirty(handle, inode);
	}
	if (!err && !n)
		err = -EFAULT;
out:
	ext3_journal_stop(handle);
	return err ? err : (ssize_t)n;
}

static ssize_t ext3_file_write(struct file *filp, const char *ubuf,
			       size_t count)
{
	struct inode *inode = filp->f_dentry->d_inode;
	unsigned long bs = inode->i_sb->s_blocksize;
	size_t done = 0;
	ssize_t ret = 0;
	off_t pos;

	mutex_lock(&inode->i_mutex);
	pos = filp->f_flags & O_APPEND ? inode->i_size : filp->f_pos;
	if (pos >= OFF_T_MAX && count) {
		ret = -EFBIG;
		goto out;
	}
	count = min(count, (size_t)(OFF_T_MAX - pos));
	while (done < count) {
		size_t n = min(count - done, bs - (pos & (bs - 1)));

		ret = ext3_write_block(inode, pos, ubuf + done, n);
		if (ret <= 0)
			break;
		pos += ret;
		done += ret;
		if ((size_t)ret < n)
			break;		/* a fault: stop at what was copied */
	}
	if (done) {
		handle_t *handle = ext3_journal_start(inode, 1);

		inode->i_mtime = inode->i_ctime = current_fs_time(inode->i_sb);
		if (!IS_ERR(handle)) {
			ext3_mark_inode_dirty(handle, inode);
			ext3_journal_stop(handle);
		}
		filp->f_pos = pos;
	}
out:
	mutex_unlock(&inode->i_mutex);
	return done ? (ssize_t)done : ret;
}

/*
 * Linux 2.6: ext3_sync_file().  The file's data and inode are on the disk
 * when this returns: without a journal every dirty buffer is written,
 * with one the running transaction is committed.
 */
static int ext3_sync_file(struct file *filp)
{
	return ext3_force_commit(filp->f_dentry->d_inode->i_sb);
}

const struct file_operations ext3_file_operations = {
	.read = ext3_file_read,
	.write = ext3_file_write,
	.llseek = generic_file_llseek,
	.fsync = ext3_sync_file,
};

/* stat() is generic_fillattr()'s; truncate and chmod go to setattr. */
const struct inode_operations ext3_file_inode_operations = {
	.setattr = ext3_setattr,
};
