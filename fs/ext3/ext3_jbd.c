// SPDX-License-Identifier: GPL-2.0
/*
 * fs/ext3/ext3_jbd.c - ext3's calls around each change of a block
 * (include/ext3_jbd.h): handles, write access, dirty metadata; and the
 * journal's load at mount and destruction at unmount.
 *
 * Linux 2.6: fs/ext3/ext3_jbd.c, include/linux/ext3_jbd.h
 * (ext3_journal_start(), __ext3_journal_get_write_access(),
 * __ext3_journal_dirty_metadata()), fs/ext3/super.c (ext3_load_journal(),
 * ext3_get_journal(), ext3_mark_recovery_complete(), the commit= mount
 * option); fs/ext4/ext4_jbd2.c for a file system without a journal.
 * Understanding the Linux Kernel, 3rd ed., chapter 18, section "The
 * Ext3 Journaling Filesystem".
 *
 * With a journal (EXT3_SB(sb)->s_journal) every call goes to jbd2
 * (fs/jbd2/transaction.c): a handle joins the running transaction, and
 * the blocks it changes reach their place only after the commit.  A
 * file system without a journal (no has_journal feature: ext2), or
 * whose blocks are not 4 KiB -- one log block must be one buffer of the
 * buffer cache -- has no handles: ext3_journal_start() returns NULL and
 * every change is a plain mark_buffer_dirty(), which pdflush writes
 * back in place.
 *
 * needs_recovery (EXT3_FEATURE_INCOMPAT_RECOVER) is set in the super
 * block, and written, by the first handle of a mount -- after the
 * journal's own super block says the log is in use -- and cleared at
 * unmount once the log is empty; a crash in between leaves it set, and
 * the next mount replays the log (jbd2_journal_load()).  A mount that
 * changes nothing writes nothing.
 * Next: fs/ext3/balloc.c, ialloc.c, inode.c and namei.c make changes
 * through these calls; fs/jbd2/journal.c.
 */
#include <buffer_head.h>
#include <errno.h>
#include <ext3_fs.h>
#include <ext3_jbd.h>
#include <jbd2.h>
#include <kernel.h>
#include <sched.h>
#include <string.h>
#include <writeback.h>

#ifndef cpu_to_le32
#define cpu_to_le32(x)	((__le32)(x))
#endif

/* Set or clear needs_recovery in the super block, and write it now. */
static int ext3_set_recover(struct super_block *sb, bool on)
{
	struct ext3_sb_info *sbi = EXT3_SB(sb);
	struct ext3_super_block *es = sbi->s_es;
	u32 incompat = le32_to_cpu(es->s_feature_incompat);

	if (on == !!(incompat & EXT3_FEATURE_INCOMPAT_RECOVER))
		return 0;
	lock_buffer(sbi->s_sbh);
	if (on)
		incompat |= EXT3_FEATURE_INCOMPAT_RECOVER;
	else
		incompat &= ~EXT3_FEATURE_INCOMPAT_RECOVER;
	es->s_feature_incompat = cpu_to_le32(incompat);
	sbi->s_feature_incompat = incompat;
	unlock_buffer(sbi->s_sbh);
	mark_buffer_dirty(sbi->s_sbh);
	return sync_dirty_buffer(sbi->s_sbh);
}

/* "commit=N" among the mount options: the commit interval, seconds. */
static unsigned long parse_commit_interval(const char *data)
{
	const char *p = data ? strstr(data, "commit=") : NULL;
	unsigned long secs = 0;

	if (!p || (p != data && p[-1] != ','))
		return JBD2_DEFAULT_MAX_COMMIT_AGE;
	for (p += 7; *p >= '0' && *p <= '9'; p++)
		secs = secs * 10 + (unsigned long)(*p - '0');
	return secs ? secs : JBD2_DEFAULT_MAX_COMMIT_AGE;
}

/**
 * ext3_load_journal - find, recover and start the journal of @sb
 * @sb: an ext3 file system being mounted (ext3_fill_super())
 * @data: the mount options ("commit=N" is read)
 *
 * Without has_journal, or with blocks that are not 4 KiB (said in one
 * line), the file system is not journaled: s_journal stays NULL.
 * Context: process, may sleep (mount).
 * Return: 0, or a negative errno: a journal that cannot be loaded (or
 * recovered) fails the mount, as in Linux.
 */
int ext3_load_journal(struct super_block *sb, void *data)
{
	struct ext3_sb_info *sbi = EXT3_SB(sb);
	u32 inum = le32_to_cpu(sbi->s_es->s_journal_inum);
	struct inode *inode;
	journal_t *journal;
	int err;

	if (!(sbi->s_feature_compat & EXT3_FEATURE_COMPAT_HAS_JOURNAL))
		return 0;
	if (sb->s_blocksize != JBD2_BLOCK_SIZE) {
		printk(KERN_INFO "EXT3-fs: %s: journal not loaded: %lu-byte "
		       "blocks (a journal block must be one %u-byte buffer)\n",
		       sb->s_id, sb->s_blocksize, JBD2_BLOCK_SIZE);
		return 0;
	}
	inode = ext3_iget(sb, inum);
	if (IS_ERR(inode)) {
		printk(KERN_ERR "EXT3-fs: %s: no journal found (inode %u)\n",
		       sb->s_id, inum);
		return PTR_ERR(inode);
	}
	journal = jbd2_journal_init_inode(inode);
	if (IS_ERR(journal)) {
		iput(inode);
		return PTR_ERR(journal);
	}
	journal->j_commit_interval = parse_commit_interval(data) * HZ;
	err = jbd2_journal_load(journal);
	if (err) {
		printk(KERN_ERR "EXT3-fs: %s: error loading journal\n",
		       sb->s_id);
		jbd2_journal_destroy(journal);
		iput(inode);
		return err;
	}
	sbi->s_journal = journal;
	if (sbi->s_feature_incompat & EXT3_FEATURE_INCOMPAT_RECOVER)
		printk(KERN_INFO "EXT3-fs: %s: recovery complete\n", sb->s_id);
	/* Replayed (or clean): the log is empty on the disk. */
	err = ext3_set_recover(sb, false);
	printk(KERN_INFO "EXT3-fs: %s: internal journal (inode %u) loaded, "
	       "%lu blocks, commit interval %lus, thread jbd2/%s\n",
	       sb->s_id, inum, journal->j_maxlen,
	       journal->j_commit_interval / HZ, journal->j_devname);
	return err;
}

/**
 * ext3_destroy_journal - commit, checkpoint and free the journal of @sb
 * @sb: the file system being unmounted (ext3_put_super())
 *
 * needs_recovery is cleared only when the log was emptied: after an
 * I/O error it stays, and the next mount replays.
 * Context: process, may sleep.
 */
void ext3_destroy_journal(struct super_block *sb)
{
	struct ext3_sb_info *sbi = EXT3_SB(sb);
	journal_t *journal = sbi->s_journal;
	struct inode *inode;
	int err;

	if (!journal)
		return;
	inode = journal->j_inode;
	err = jbd2_journal_destroy(journal);
	sbi->s_journal = NULL;
	iput(inode);
	if (err) {
		printk(KERN_ERR "EXT3-fs: %s: journal left needing recovery\n",
		       sb->s_id);
		return;
	}
	ext3_set_recover(sb, false);
}

/**
 * ext3_mark_recovery_complete - a file system going read-only leaves its
 *                               journal empty and needs_recovery clear
 * @sb: the file system, its journal flushed (ext3_sync_fs())
 *
 * Linux 2.6: fs/ext3/super.c: ext3_mark_recovery_complete(), called by
 * ext3_remount() to read-only.  The host (e2fsck -n, debugfs) then reads
 * it as an unmounted one.
 * Context: process, may sleep.
 */
void ext3_mark_recovery_complete(struct super_block *sb)
{
	journal_t *journal = EXT3_SB(sb)->s_journal;

	if (!journal)
		return;
	mutex_lock(&journal->j_checkpoint_mutex);
	if (jbd2_journal_mark_clean(journal))
		ext3_set_recover(sb, false);
	mutex_unlock(&journal->j_checkpoint_mutex);
}

/**
 * ext3_sync_fs - sync(2): commit and checkpoint the journal
 * @sb: the file system
 * @wait: wait for the writes (always done)
 *
 * Linux 2.6's ext3_sync_fs() only commits; here the committed blocks are
 * also written in place, so that after sync the file system reads whole
 * without its journal (the host's debugfs, e2fsck -n).  A caller inside
 * a handle (its commit would wait for itself) syncs nothing.
 * Context: process, may sleep (fs/super.c: sync_filesystems()).
 * Return: 0 or -EIO.
 */
int ext3_sync_fs(struct super_block *sb, int wait)
{
	journal_t *journal = EXT3_SB(sb)->s_journal;

	if (!journal || current->journal_info)
		return 0;
	return jbd2_journal_flush(journal);
}

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
	struct super_block *sb = inode->i_sb;
	journal_t *journal = EXT3_SB(sb)->s_journal;

	if (!journal)
		return NULL;
	if (!(journal->j_flags & JBD2_IN_USE)) {
		/* The first change: a crash from now on needs recovery.
		 * j_checkpoint_mutex orders the super blocks' updates. */
		mutex_lock(&journal->j_checkpoint_mutex);
		if (jbd2_journal_mark_in_use(journal))
			ext3_set_recover(sb, true);
		mutex_unlock(&journal->j_checkpoint_mutex);
	}
	return jbd2_journal_start(journal, nblocks);
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
	return handle ? jbd2_journal_stop(handle) : 0;
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
	return handle ? jbd2_journal_get_write_access(handle, bh) : 0;
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
	return handle ? jbd2_journal_get_create_access(handle, bh) : 0;
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
	if (handle)
		return jbd2_journal_dirty_metadata(handle, bh);
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
	if (handle)
		return jbd2_journal_dirty_data(handle, bh);
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
	return handle ? jbd2_journal_forget(handle, bh) : 0;
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
	journal_t *journal = EXT3_SB(sb)->s_journal;

	return journal ? jbd2_journal_force_commit(journal) : sync_all();
}
