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
 * read() and write() go through the file's page cache (mm/filemap.c):
 * read() is do_generic_mapping_read(), which finds each page cached or
 * has ext3_readpage() (fs/ext3/inode.c) read it -- a hole reads as zeros
 * -- and copies it to the user; write() is generic_file_write(), which
 * for each page calls ext3_prepare_write() (a handle of its own per
 * page, as Linux: the block found or allocated by ext3_get_block(), the
 * page read first unless the write covers it or the block is new), copies
 * the user's bytes into the page, and calls ext3_commit_write() (the
 * page's buffer to ext3_journal_dirty_data() -- data=ordered: written
 * before the transaction that maps it commits --, i_size grown past the
 * end).  A write that starts past the end leaves a hole between: no
 * block is allocated there.  The page stays dirty in memory; pdflush
 * writes it (fs/fs-writeback.c), or the commit (ordered data), or
 * fsync() at once: ext3_sync_file() writes the file's dirty pages, waits
 * for them, and commits.  A writer that dirties pages faster than the
 * disk takes them is made to wait in balance_dirty_pages()
 * (mm/page-writeback.c).
 *
 * Reads, writes and truncates of a file are ordered by its i_mutex.
 * Next: fs/ext3/symlink.c.
 */
#include <asm/uaccess.h>
#include <buffer_head.h>
#include <errno.h>
#include <ext3_fs.h>
#include <ext3_jbd.h>
#include <kernel.h>
#include <pagemap.h>
#include <string.h>
#include <writeback.h>

static ssize_t ext3_file_read(struct file *filp, char *ubuf, size_t count)
{
	struct inode *inode = filp->f_dentry->d_inode;
	ssize_t ret;

	mutex_lock(&inode->i_mutex);
	ret = do_generic_mapping_read(filp, ubuf, count);
	mutex_unlock(&inode->i_mutex);
	return ret;
}

static ssize_t ext3_file_write(struct file *filp, const char *ubuf,
			       size_t count)
{
	struct inode *inode = filp->f_dentry->d_inode;
	ssize_t ret;

	mutex_lock(&inode->i_mutex);
	ret = generic_file_write(filp, ubuf, count);
	if (ret > 0) {
		handle_t *handle = ext3_journal_start(inode, 1);

		inode->i_mtime = inode->i_ctime = current_fs_time(inode->i_sb);
		if (!IS_ERR(handle)) {
			ext3_mark_inode_dirty(handle, inode);
			ext3_journal_stop(handle);
		}
	}
	mutex_unlock(&inode->i_mutex);
	return ret;
}

/*
 * Linux 2.6: ext3_sync_file(), with do_fsync()'s filemap_fdatawrite() and
 * filemap_fdatawait().  The file's data and inode are on the disk when
 * this returns: its dirty pages are written and waited for, then the
 * running transaction is committed (without a journal, every dirty
 * buffer is written).
 */
static int ext3_sync_file(struct file *filp)
{
	struct inode *inode = filp->f_dentry->d_inode;
	int err = write_inode_now(inode);

	return ext3_force_commit(inode->i_sb) ?: err;
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
