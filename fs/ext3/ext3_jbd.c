// SPDX-License-Identifier: GPL-2.0
/*
 * fs/ext3/ext3_jbd.c - ext3's calls around each change of a block
 * (include/ext3_jbd.h): handles, write access, dirty metadata.
 *
 * Linux 2.6: fs/ext3/ext3_jbd.c, include/linux/ext3_jbd.h
 * (ext3_journal_start(), __ext3_journal_get_write_access(),
 * __ext3_journal_dirty_metadata()); fs/ext4/ext4_jbd2.c for a file
 * system without a journal.  Understanding the Linux Kernel, 3rd ed.,
 * chapter 18, section "The Ext3 Journaling Filesystem".
 *
 * A file system without a journal (no has_journal feature: ext2) has no
 * handles: ext3_journal_start() returns NULL and every change is a
 * plain mark_buffer_dirty(), which pdflush writes back in place.
 * Next: fs/ext3/balloc.c, ialloc.c, inode.c and namei.c make changes
 * through these calls.
 */
#include <buffer_head.h>
#include <ext3_fs.h>
#include <ext3_jbd.h>
#include <writeback.h>

/**
 * ext3_journal_start - begin an atomic change of the file system
 * @inode: an inode of the file system changed
 * @nblocks: the most blocks the change may dirty
 *
 * Context: process, may sleep.
 * Return: the handle to pass to the other calls (NULL without a
 * journal), or an ERR_PTR().
 */
handle_t *ext3_journal_start(struct inode *inode, int nblocks)
{
	(void)inode;
	(void)nblocks;
	return NULL;
}

/**
 * ext3_journal_stop - end the change ext3_journal_start() began
 * @handle: its handle
 *
 * Context: process, may sleep.
 * Return: 0, or a negative errno if the journal failed.
 */
int ext3_journal_stop(handle_t *handle)
{
	(void)handle;
	return 0;
}

/**
 * ext3_journal_get_write_access - announce a change of a metadata block
 * @handle: the running handle
 * @bh: the buffer of the block, which the caller holds
 *
 * Must come before the first byte of @bh changes: with a journal, a
 * block being committed is copied first so the commit writes the old one.
 * Context: process, may sleep.
 * Return: 0 or a negative errno.
 */
int ext3_journal_get_write_access(handle_t *handle, struct buffer_head *bh)
{
	(void)handle;
	(void)bh;
	return 0;
}

/**
 * ext3_journal_get_create_access - announce a block new to the file system
 * @handle: the running handle
 * @bh: its buffer, whose old contents do not matter
 *
 * Context: process, may sleep.
 * Return: 0 or a negative errno.
 */
int ext3_journal_get_create_access(handle_t *handle, struct buffer_head *bh)
{
	return ext3_journal_get_write_access(handle, bh);
}

/**
 * ext3_journal_dirty_metadata - a metadata block has changed
 * @handle: the running handle
 * @bh: its buffer
 *
 * Without a journal the buffer is dirty at once; with one it joins the
 * running transaction and reaches its place only after the commit.
 * Context: process, may sleep.
 * Return: 0 or a negative errno.
 */
int ext3_journal_dirty_metadata(handle_t *handle, struct buffer_head *bh)
{
	(void)handle;
	mark_buffer_dirty(bh);
	return 0;
}

/**
 * ext3_journal_dirty_data - a file's data block has changed
 * @handle: the running handle
 * @bh: its buffer
 *
 * data=ordered: with a journal, the block is written before the
 * transaction that makes it reachable commits.
 * Context: process, may sleep.
 * Return: 0 or a negative errno.
 */
int ext3_journal_dirty_data(handle_t *handle, struct buffer_head *bh)
{
	(void)handle;
	mark_buffer_dirty(bh);
	return 0;
}

/**
 * ext3_journal_forget - a block freed in this handle will not be written
 * @handle: the running handle
 * @bh: its buffer
 *
 * Context: process, may sleep.
 * Return: 0 or a negative errno.
 */
int ext3_journal_forget(handle_t *handle, struct buffer_head *bh)
{
	(void)handle;
	(void)bh;
	return 0;
}

/**
 * ext3_force_commit - put every change made so far on the disk
 * @sb: the file system
 *
 * fsync() of an ext3 file.  Without a journal, every dirty buffer is
 * written and waited for.
 * Context: process, may sleep.
 * Return: 0, or -EIO.
 */
int ext3_force_commit(struct super_block *sb)
{
	(void)sb;
	return sync_all();
}
