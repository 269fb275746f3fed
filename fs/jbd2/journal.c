// SPDX-License-Identifier: GPL-2.0
/*
 * fs/jbd2/journal.c - a journal's life: made over ext3's journal inode,
 * loaded (its super block checked, recovered, reset), its commit thread
 * kjournald2, commits asked for and waited for, /proc/fs/jbd2, and at
 * unmount everything committed, checkpointed and the log marked empty.
 *
 * Linux 2.6.28: fs/jbd2/journal.c (jbd2_journal_init_inode(),
 * jbd2_journal_load(), load_superblock(), journal_reset(),
 * jbd2_journal_update_superblock(), kjournald2(),
 * jbd2_log_start_commit(), jbd2_log_wait_commit(),
 * jbd2_journal_destroy(), jbd2_journal_add_journal_head(),
 * jbd2_seq_info_show()).  Understanding the Linux Kernel, 3rd ed.,
 * chapter 18, section "The Ext3 Journaling Filesystem" ("How Journaling
 * Works").
 *
 * The log is a file (inode 8): its blocks are found once, at load, with
 * ext3_get_block() and kept in j_blockmap, so that neither the commit
 * nor recovery goes through the file system they protect.  Only a file
 * system of 4 KiB blocks is journaled: one log block is then one buffer
 * of the buffer cache (include/buffer_head.h).
 *
 * The log's head (the next block to write) and tail (the oldest block
 * still needed) move round it; the super block says where the tail is
 * (s_start, s_sequence).  While the file system is clean the log is
 * empty (s_start = 0) and nothing on the disk changes at mount: the
 * first handle marks the log in use (jbd2_journal_mark_in_use()), and
 * unmount empties it again after the last checkpoint.
 *
 * The thread, "jbd2/hda1-8" (the partition and the journal's inode
 * number), sleeps until a commit is asked for (j_commit_request passes
 * j_commit_sequence: fsync, a full transaction) or the running
 * transaction has been open for j_commit_interval (5 s, ext3's
 * commit=N), commits it (fs/jbd2/commit.c) and sleeps again.  An empty
 * transaction is never committed: it stays open, and costs nothing.
 * Next: fs/jbd2/transaction.c (handles), commit.c, checkpoint.c,
 * recovery.c.
 */
#include <blkdev.h>
#include <buffer_head.h>
#include <errno.h>
#include <ext3_fs.h>
#include <jbd2.h>
#include <kernel.h>
#include <kthread.h>
#include <proc_fs.h>
#include <sched.h>
#include <seq_file.h>
#include <slab.h>
#include <string.h>
#include <timer.h>

static struct kmem_cache *jbd2_journal_head_cache;

/* ----- the buffers' journal heads ---------------------------------- */

/* Guards bh->b_journal_head and b_jcount; inside j_state_lock. */
static DEFINE_SPINLOCK(journal_head_lock);

/**
 * jbd2_journal_add_journal_head - the journal's record of a buffer
 * @bh: the buffer (the caller holds a reference)
 *
 * Made on first use; it holds a reference on the buffer until it is on
 * no list.  The caller's use (b_jcount) keeps it until
 * jbd2_journal_put_journal_head().
 * Context: process, may sleep.
 * Return: the journal head, or NULL without memory.
 */
struct journal_head *jbd2_journal_add_journal_head(struct buffer_head *bh)
{
	struct journal_head *jh, *new = NULL;

	for (;;) {
		spin_lock(&journal_head_lock);
		jh = bh->b_journal_head;
		if (!jh && new) {
			jh = new;
			new = NULL;
			get_bh(bh);
			bh->b_journal_head = jh;
		}
		if (jh)
			jh->b_jcount++;
		spin_unlock(&journal_head_lock);
		if (jh)
			break;
		/* Allocate without the lock, then look again. */
		new = kmem_cache_zalloc(jbd2_journal_head_cache, GFP_KERNEL);
		if (!new)
			return NULL;
		new->b_bh = bh;
		INIT_LIST_HEAD(&new->b_list);
		INIT_LIST_HEAD(&new->b_cp_list);
	}
	if (new)
		kmem_cache_free(jbd2_journal_head_cache, new);
	return jh;
}

/**
 * __jbd2_journal_put_journal_head - free a journal head nobody needs
 * @jh: the head
 *
 * Does nothing while the buffer is on a transaction's list or a
 * checkpoint list, or a caller still uses it (b_jcount).
 * Context: j_state_lock held.
 */
void __jbd2_journal_put_journal_head(struct journal_head *jh)
{
	struct buffer_head *bh = jh->b_bh;

	if (jh->b_transaction || jh->b_next_transaction ||
	    jh->b_cp_transaction)
		return;
	spin_lock(&journal_head_lock);
	if (jh->b_jcount) {
		spin_unlock(&journal_head_lock);
		return;
	}
	bh->b_journal_head = NULL;
	spin_unlock(&journal_head_lock);
	clear_buffer_jbddirty(bh);
	put_bh(bh);
	kmem_cache_free(jbd2_journal_head_cache, jh);
}

/**
 * jbd2_journal_put_journal_head - end a use begun by add_journal_head
 * @journal: the journal the buffer belongs to
 * @jh: the head
 *
 * Context: process; takes j_state_lock.
 */
void jbd2_journal_put_journal_head(journal_t *journal,
				   struct journal_head *jh)
{
	spin_lock(&journal->j_state_lock);
	spin_lock(&journal_head_lock);
	jh->b_jcount--;
	spin_unlock(&journal_head_lock);
	__jbd2_journal_put_journal_head(jh);
	spin_unlock(&journal->j_state_lock);
}

/* ----- the log's blocks -------------------------------------------- */

/**
 * jbd2_journal_bmap - the disk block of a block of the log
 * @journal: the journal
 * @blocknr: the block of the log file
 *
 * Context: any.
 * Return: the block on j_dev (in 4 KiB buffers).
 */
unsigned long jbd2_journal_bmap(journal_t *journal, unsigned long blocknr)
{
	BUG_ON(blocknr >= journal->j_maxlen);
	return journal->j_blockmap[blocknr];
}

/**
 * jbd2_log_next - the log block after @block, round the circle
 * @journal: the journal
 * @block: a block in [j_first, j_last)
 *
 * Context: any.
 * Return: the next block.
 */
unsigned long jbd2_log_next(journal_t *journal, unsigned long block)
{
	return ++block == journal->j_last ? journal->j_first : block;
}

/**
 * jbd2_journal_init_inode - a journal over a file system's journal inode
 * @inode: the journal's inode (ext3: inode 8)
 *
 * Maps every block of the file; reads nothing of the log yet.
 * Context: process, may sleep (mount).
 * Return: the journal, or an ERR_PTR().
 */
journal_t *jbd2_journal_init_inode(struct inode *inode)
{
	struct super_block *sb = inode->i_sb;
	unsigned long n = inode->i_size / JBD2_BLOCK_SIZE;
	journal_t *journal;
	int err = -ENOMEM;

	if (sb->s_blocksize != JBD2_BLOCK_SIZE)
		return ERR_PTR(-EINVAL);
	if (n < JBD2_MIN_JOURNAL_BLOCKS / 4) {
		printk(KERN_ERR "JBD2: journal file too short (%lu blocks)\n",
		       n);
		return ERR_PTR(-EINVAL);
	}
	journal = kzalloc(sizeof(*journal), GFP_KERNEL);
	if (!journal)
		return ERR_PTR(-ENOMEM);
	journal->j_blockmap = kmalloc(n * sizeof(u32), GFP_KERNEL);
	if (!journal->j_blockmap)
		goto out_free;
	for (unsigned long i = 0; i < n; i++) {
		unsigned long phys = 0;

		err = ext3_get_block(NULL, inode, i, &phys, NULL);
		if (!err && !phys)
			err = -EIO;		/* a hole in the log */
		if (err) {
			printk(KERN_ERR "JBD2: bad block %lu of the journal "
			       "inode %lu\n", i, inode->i_ino);
			goto out_free;
		}
		journal->j_blockmap[i] = phys;
	}
	journal->j_inode = inode;
	journal->j_dev = sb->s_bdev;
	journal->j_blocksize = JBD2_BLOCK_SIZE;
	journal->j_maxlen = n;
	snprintf(journal->j_devname, sizeof(journal->j_devname), "%s-%lu",
		 sb->s_id, inode->i_ino);
	spin_lock_init(&journal->j_state_lock);
	INIT_LIST_HEAD(&journal->j_checkpoint_transactions);
	init_waitqueue_head(&journal->j_wait_transaction_locked);
	init_waitqueue_head(&journal->j_wait_updates);
	init_waitqueue_head(&journal->j_wait_commit);
	init_waitqueue_head(&journal->j_wait_done_commit);
	mutex_init(&journal->j_checkpoint_mutex);
	journal->j_commit_interval = JBD2_DEFAULT_MAX_COMMIT_AGE * HZ;
	return journal;

out_free:
	kfree(journal->j_blockmap);
	kfree(journal);
	return ERR_PTR(err);
}

/* Read the journal super block and believe nothing unchecked. */
static int load_superblock(journal_t *journal)
{
	journal_superblock_t *sb;
	struct buffer_head *bh;
	u32 incompat, rocompat;

	BUILD_BUG_ON(sizeof(journal_superblock_t) != 1024);
	bh = bread(journal->j_dev, jbd2_journal_bmap(journal, 0));
	if (!bh) {
		printk(KERN_ERR "JBD2: IO error reading journal superblock\n");
		return -EIO;
	}
	journal->j_sb_buffer = bh;
	sb = (journal_superblock_t *)bh->b_data;
	journal->j_superblock = sb;
	if (be32_to_cpu(sb->s_header.h_magic) != JBD2_MAGIC_NUMBER ||
	    be32_to_cpu(sb->s_blocksize) != journal->j_blocksize) {
		printk(KERN_WARNING "JBD2: no valid journal superblock "
		       "found\n");
		return -EINVAL;
	}
	switch (be32_to_cpu(sb->s_header.h_blocktype)) {
	case JBD2_SUPERBLOCK_V2:
		break;
	case JBD2_SUPERBLOCK_V1:
		/* Version 1 has no feature masks; it is upgraded below. */
		memset(&sb->s_feature_compat, 0, 3 * sizeof(__be32));
		break;
	default:
		printk(KERN_WARNING "JBD2: unrecognised superblock format "
		       "ID\n");
		return -EINVAL;
	}
	incompat = be32_to_cpu(sb->s_feature_incompat);
	rocompat = be32_to_cpu(sb->s_feature_ro_compat);
	if ((incompat & ~JBD2_KNOWN_INCOMPAT_FEATURES) ||
	    (rocompat & ~JBD2_KNOWN_ROCOMPAT_FEATURES)) {
		printk(KERN_WARNING "JBD2: Unrecognised features on journal "
		       "(incompat %#x, ro_compat %#x)\n", incompat, rocompat);
		return -EINVAL;
	}
	if (be32_to_cpu(sb->s_maxlen) > journal->j_maxlen ||
	    be32_to_cpu(sb->s_maxlen) < JBD2_MIN_JOURNAL_BLOCKS / 4 ||
	    be32_to_cpu(sb->s_first) == 0 ||
	    be32_to_cpu(sb->s_first) >= be32_to_cpu(sb->s_maxlen)) {
		printk(KERN_WARNING "JBD2: journal file too short or bad "
		       "geometry (maxlen %u, first %u)\n",
		       be32_to_cpu(sb->s_maxlen), be32_to_cpu(sb->s_first));
		return -EINVAL;
	}
	journal->j_maxlen = be32_to_cpu(sb->s_maxlen);
	journal->j_first = be32_to_cpu(sb->s_first);
	journal->j_last = journal->j_maxlen;
	journal->j_tail_sequence = be32_to_cpu(sb->s_sequence);
	journal->j_tail = be32_to_cpu(sb->s_start);
	journal->j_errno = (int)be32_to_cpu(sb->s_errno);
	if (journal->j_tail && (journal->j_tail < journal->j_first ||
				journal->j_tail >= journal->j_last)) {
		printk(KERN_WARNING "JBD2: journal start %lu outside the log\n",
		       journal->j_tail);
		return -EINVAL;
	}
	return 0;
}

/* An empty log: head and tail at j_first; the next id after recovery's. */
static void journal_reset(journal_t *journal)
{
	unsigned long credits = (journal->j_last - journal->j_first) / 4;

	journal->j_head = journal->j_first;
	journal->j_tail = journal->j_first;
	journal->j_free = journal->j_last - journal->j_first;
	journal->j_tail_sequence = journal->j_transaction_sequence;
	journal->j_commit_sequence = journal->j_transaction_sequence - 1;
	journal->j_commit_request = journal->j_commit_sequence;
	/* A quarter of the log per transaction, as Linux. */
	journal->j_max_transaction_buffers = credits;
}

/**
 * jbd2_journal_update_superblock - write where the log starts
 * @journal: the journal
 * @wait: wait for the write
 *
 * s_start is the tail (0 while the log is not in use: an empty log),
 * s_sequence the transaction there.
 * Context: process, may sleep.
 * Return: 0 or -EIO.
 */
int jbd2_journal_update_superblock(journal_t *journal, bool wait)
{
	journal_superblock_t *sb = journal->j_superblock;
	struct buffer_head *bh = journal->j_sb_buffer;
	bool in_use;

	lock_buffer(bh);
	spin_lock(&journal->j_state_lock);
	in_use = journal->j_flags & JBD2_IN_USE;
	sb->s_sequence = cpu_to_be32(journal->j_tail_sequence);
	sb->s_start = cpu_to_be32(in_use ? journal->j_tail : 0);
	sb->s_errno = cpu_to_be32((u32)journal->j_errno);
	spin_unlock(&journal->j_state_lock);
	set_buffer_uptodate(bh);
	get_bh(bh);
	bh->b_end_io = end_buffer_write_sync;
	submit_bh(WRITE, bh);
	if (!wait)
		return 0;
	wait_on_buffer(bh);
	return test_and_clear_bit(BH_Write_EIO, &bh->b_state) ? -EIO : 0;
}

/**
 * jbd2_journal_mark_in_use - the first change of a mount: the log is live
 * @journal: the journal
 *
 * Writes s_start, so that a crash from now on is recovered at the next
 * mount.  The caller (ext3) then sets its needs_recovery flag.
 * Context: process, may sleep; the caller serializes.
 * Return: true if this call marked it (false: it already was).
 */
bool jbd2_journal_mark_in_use(journal_t *journal)
{
	journal_superblock_t *sb = journal->j_superblock;

	if (journal->j_flags & JBD2_IN_USE)
		return false;
	/* The log may hold revoke blocks from now on: say so for e2fsck,
	 * as Linux's ext3 does (a version 1 super block becomes 2). */
	lock_buffer(journal->j_sb_buffer);
	sb->s_header.h_blocktype = cpu_to_be32(JBD2_SUPERBLOCK_V2);
	sb->s_feature_incompat |= cpu_to_be32(JBD2_FEATURE_INCOMPAT_REVOKE);
	unlock_buffer(journal->j_sb_buffer);
	spin_lock(&journal->j_state_lock);
	journal->j_flags |= JBD2_IN_USE;
	spin_unlock(&journal->j_state_lock);
	jbd2_journal_update_superblock(journal, true);
	return true;
}

/**
 * jbd2_journal_mark_clean - the log is empty and stays so: mark it not in use
 * @journal: the journal, flushed (jbd2_journal_flush()) by the caller
 *
 * A file system going read-only (ext3's remount): with every committed
 * block in place and nothing running, the super block says the log is
 * empty (s_start = 0), as an unmount leaves it; the next change marks it
 * in use again (jbd2_journal_mark_in_use()).  Linux 2.6:
 * jbd2_journal_flush() empties the log the same way.
 * Context: process, may sleep; the caller serializes with
 * jbd2_journal_mark_in_use() (j_checkpoint_mutex).
 * Return: true if the log is now marked empty (false: something is still
 * in it, or it was not in use).
 */
bool jbd2_journal_mark_clean(journal_t *journal)
{
	transaction_t *t;
	bool empty;

	spin_lock(&journal->j_state_lock);
	t = journal->j_running_transaction;
	empty = (journal->j_flags & JBD2_IN_USE) &&
		!(journal->j_flags & JBD2_ABORT) &&
		list_empty(&journal->j_checkpoint_transactions) &&
		!journal->j_committing_transaction &&
		(!t || jbd2_transaction_empty(t)) &&
		journal->j_tail == journal->j_head;
	if (empty)
		journal->j_flags &= ~JBD2_IN_USE;
	spin_unlock(&journal->j_state_lock);
	if (!empty)
		return false;
	/* The tail's sequence is the next transaction's (checkpoint.c). */
	return jbd2_journal_update_superblock(journal, true) == 0;
}

/* ----- commits asked for and waited for ---------------------------- */

/**
 * __jbd2_log_start_commit - ask the thread to commit a transaction
 * @journal: the journal
 * @tid: the transaction (the running one, or one already committing)
 *
 * Context: j_state_lock held.
 * Return: 1 if the thread was asked, 0 if it already was or @tid is
 * committed.
 */
int __jbd2_log_start_commit(journal_t *journal, tid_t tid)
{
	if (tid_geq(journal->j_commit_request, tid))
		return 0;
	journal->j_commit_request = tid;
	journal->j_stats.ts_forced++;
	wake_up(&journal->j_wait_commit);
	return 1;
}

/**
 * jbd2_log_start_commit - ask the thread to commit a transaction
 * @journal: the journal
 * @tid: the transaction
 *
 * Context: any process context.
 * Return: as __jbd2_log_start_commit().
 */
int jbd2_log_start_commit(journal_t *journal, tid_t tid)
{
	int ret;

	spin_lock(&journal->j_state_lock);
	ret = __jbd2_log_start_commit(journal, tid);
	spin_unlock(&journal->j_state_lock);
	return ret;
}

/**
 * jbd2_log_wait_commit - wait until a transaction is committed
 * @journal: the journal
 * @tid: the transaction
 *
 * Context: process, may sleep; not inside a handle of @tid.
 * Return: 0, or -EIO if the journal has aborted.
 */
int jbd2_log_wait_commit(journal_t *journal, tid_t tid)
{
	wait_event(journal->j_wait_done_commit,
		   tid_geq(journal->j_commit_sequence, tid) ||
		   (journal->j_flags & JBD2_ABORT));
	return journal->j_flags & JBD2_ABORT ? -EIO : 0;
}

/**
 * jbd2_journal_force_commit - commit what is running now and wait
 * @journal: the journal
 *
 * fsync: the running transaction (if it holds anything) or the one
 * committing is on the disk when this returns.
 * Context: process, may sleep; not inside a handle.
 * Return: 0 or -EIO.
 */
int jbd2_journal_force_commit(journal_t *journal)
{
	transaction_t *t;
	tid_t tid;

	spin_lock(&journal->j_state_lock);
	t = journal->j_running_transaction;
	if (t && !jbd2_transaction_empty(t)) {
		tid = t->t_tid;
		__jbd2_log_start_commit(journal, tid);
	} else if (journal->j_committing_transaction) {
		tid = journal->j_committing_transaction->t_tid;
	} else {
		spin_unlock(&journal->j_state_lock);
		return journal->j_flags & JBD2_ABORT ? -EIO : 0;
	}
	spin_unlock(&journal->j_state_lock);
	return jbd2_log_wait_commit(journal, tid);
}

/**
 * jbd2_journal_flush - commit everything and write it all in place
 * @journal: the journal
 *
 * sync(2) (ext3_sync_fs()): afterwards the file system is whole in
 * place, and the log empty (its tail at its head).
 * Context: process, may sleep; not inside a handle.
 * Return: 0 or -EIO.
 */
int jbd2_journal_flush(journal_t *journal)
{
	int err = jbd2_journal_force_commit(journal);
	int err2 = jbd2_journal_checkpoint_all(journal);

	return err ? err : err2;
}

/* ----- the commit thread -------------------------------------------- */

/* Something for the thread to do?  j_state_lock held. */
static bool commit_due(journal_t *journal)
{
	transaction_t *t = journal->j_running_transaction;

	if (!t || jbd2_transaction_empty(t))
		return false;
	return tid_geq(journal->j_commit_request, t->t_tid) ||
	       time_after_eq(jiffies, t->t_expires) ||
	       (journal->j_flags & JBD2_UNMOUNT);
}

/*
 * kjournald2 - the journal's thread: commit when asked or when the
 * running transaction is old enough, sleep otherwise.  Every pass ends
 * with a wake-up of j_wait_done_commit, whose waiters look at the
 * counters (ts_wakeups, ts_commits).
 */
static int kjournald2(void *arg)
{
	journal_t *journal = arg;

	for (;;) {
		DEFINE_WAIT(wait);
		long timeout = (long)journal->j_commit_interval;
		bool due;

		prepare_to_wait(&journal->j_wait_commit, &wait,
				TASK_INTERRUPTIBLE);
		spin_lock(&journal->j_state_lock);
		due = commit_due(journal);
		if (journal->j_running_transaction && !due) {
			long left = (long)(journal->j_running_transaction->
					   t_expires - jiffies);

			timeout = left > 0 ? left : 1;
		}
		spin_unlock(&journal->j_state_lock);
		if (!due && !kthread_should_stop())
			schedule_timeout(timeout);
		finish_wait(&journal->j_wait_commit, &wait);

		spin_lock(&journal->j_state_lock);
		journal->j_stats.ts_wakeups++;
		due = commit_due(journal);
		spin_unlock(&journal->j_state_lock);
		if (due && !(journal->j_flags & JBD2_ABORT))
			jbd2_journal_commit_transaction(journal);
		wake_up(&journal->j_wait_done_commit);
		if (kthread_should_stop())
			break;
	}
	return 0;
}

/* ----- /proc/fs/jbd2/NAME/info --------------------------------------- */

/*
 * Entries of /proc are never removed (fs/proc/generic.c), so a journal's
 * directory is made at its first load and kept, empty of a journal,
 * after unmount; a later mount of the same partition finds it again.
 * The slots are static: a mount makes no allocation that outlives it.
 */
#define JBD2_PROC_SLOTS	4

struct jbd2_proc_slot {
	char name[24];
	journal_t *journal;		/* jbd2_proc_lock */
	struct proc_dir_entry dir, info;
};

static struct jbd2_proc_slot jbd2_proc_slots[JBD2_PROC_SLOTS];
static DEFINE_SPINLOCK(jbd2_proc_lock);
static struct proc_dir_entry *proc_jbd2_stats;

/**
 * jbd2_stats_read - a consistent copy of a journal's counters
 * @journal: the journal
 * @s: filled in
 *
 * Context: any.
 */
void jbd2_stats_read(journal_t *journal, struct transaction_stats_s *s)
{
	spin_lock(&journal->j_state_lock);
	*s = journal->j_stats;
	spin_unlock(&journal->j_state_lock);
}

static int jbd2_seq_info_show(struct seq_file *m, void *v)
{
	struct jbd2_proc_slot *slot = m->private;
	struct transaction_stats_s s;
	journal_t *journal;
	unsigned long interval;

	spin_lock(&jbd2_proc_lock);
	journal = slot->journal;
	if (journal) {
		jbd2_stats_read(journal, &s);
		interval = journal->j_commit_interval;
	}
	spin_unlock(&jbd2_proc_lock);
	if (!journal) {
		seq_puts(m, "not loaded\n");
		return 0;
	}
	seq_printf(m, "%lu transaction, each up to %u blocks\n",
		   s.ts_commits, journal->j_max_transaction_buffers);
	seq_printf(m, "last transaction %lu\n", s.ts_tid);
	seq_printf(m, "  %lums average commit time\n", s.ts_commits ?
		   s.ts_commit_ticks * (1000 / HZ) / s.ts_commits : 0);
	seq_printf(m, "  %lu blocks logged\n", s.ts_blocks_logged);
	seq_printf(m, "  %lu metadata blocks\n", s.ts_blocks);
	seq_printf(m, "  %lu data blocks written (ordered)\n", s.ts_data);
	seq_printf(m, "  %lu blocks revoked\n", s.ts_revokes);
	seq_printf(m, "  %lu handles\n", s.ts_handles);
	seq_printf(m, "  %lu commits requested\n", s.ts_forced);
	seq_printf(m, "  %lu transactions checkpointed\n", s.ts_checkpoints);
	seq_printf(m, "  %lu thread wakeups\n", s.ts_wakeups);
	seq_printf(m, "  %lus commit interval\n", interval / HZ);
	seq_printf(m, "recovery: %lu transactions, %lu blocks replayed\n",
		   s.ts_recovered, s.ts_replayed);
	return 0;
}

static void jbd2_proc_attach(journal_t *journal)
{
	struct jbd2_proc_slot *slot = NULL;

	if (!proc_jbd2_stats)
		return;
	spin_lock(&jbd2_proc_lock);
	for (int i = 0; i < JBD2_PROC_SLOTS && !slot; i++)
		if (!strcmp(jbd2_proc_slots[i].name, journal->j_devname))
			slot = &jbd2_proc_slots[i];
	for (int i = 0; i < JBD2_PROC_SLOTS && !slot; i++)
		if (!jbd2_proc_slots[i].name[0])
			slot = &jbd2_proc_slots[i];
	if (slot && !slot->name[0]) {
		strlcpy(slot->name, journal->j_devname, sizeof(slot->name));
		spin_unlock(&jbd2_proc_lock);
		slot->dir.name = slot->name;
		slot->dir.mode = S_IFDIR | 0555;
		slot->info.name = "info";
		slot->info.mode = S_IFREG | 0444;
		slot->info.show = jbd2_seq_info_show;
		slot->info.data = slot;
		proc_register_static(proc_jbd2_stats, &slot->dir);
		proc_register_static(&slot->dir, &slot->info);
		spin_lock(&jbd2_proc_lock);
	}
	if (slot && !slot->journal) {
		slot->journal = journal;
		journal->j_proc = slot;
	}
	spin_unlock(&jbd2_proc_lock);
	if (!journal->j_proc)
		printk(KERN_WARNING "JBD2: no /proc/fs/jbd2 entry for %s\n",
		       journal->j_devname);
}

static void jbd2_proc_detach(journal_t *journal)
{
	struct jbd2_proc_slot *slot = journal->j_proc;

	if (!slot)
		return;
	spin_lock(&jbd2_proc_lock);
	slot->journal = NULL;
	spin_unlock(&jbd2_proc_lock);
	journal->j_proc = NULL;
}

/* ----- load and destroy ---------------------------------------------- */

/**
 * jbd2_journal_load - read the journal, recover it, start its thread
 * @journal: from jbd2_journal_init_inode()
 *
 * A log left in use by a crash (s_start != 0) is replayed first
 * (fs/jbd2/recovery.c) and then marked empty.
 * Context: process, may sleep (mount).
 * Return: 0, or -EINVAL (a journal this kernel does not know), -EIO.
 */
int jbd2_journal_load(journal_t *journal)
{
	journal_superblock_t *sb;
	struct task_struct *t;
	int err;

	err = load_superblock(journal);
	if (err)
		return err;
	sb = journal->j_superblock;
	err = jbd2_journal_recover(journal);
	if (err) {
		printk(KERN_ERR "JBD2: recovery failed\n");
		return err;
	}
	journal_reset(journal);
	/* A recovered log is empty now; a clean one is left untouched. */
	if (sb->s_start) {
		err = jbd2_journal_update_superblock(journal, true);
		if (err)
			return err;
	}
	journal->j_flags |= JBD2_LOADED;
	jbd2_proc_attach(journal);
	t = kthread_run(kjournald2, journal, "jbd2/%s", journal->j_devname);
	if (IS_ERR(t)) {
		jbd2_proc_detach(journal);
		return PTR_ERR(t);
	}
	journal->j_task = t;
	return 0;
}

/**
 * jbd2_journal_destroy - commit, checkpoint, empty the log, free it all
 * @journal: the journal (loaded or not)
 *
 * Unmount: the running transaction is committed, the thread stopped,
 * every committed block written in place, and the log marked empty
 * (s_start = 0), so the next mount has nothing to recover.
 * Context: process, may sleep.
 * Return: 0, or -EIO if the journal had failed.
 */
int jbd2_journal_destroy(journal_t *journal)
{
	int err = 0;

	if (journal->j_task) {
		jbd2_journal_force_commit(journal);
		spin_lock(&journal->j_state_lock);
		journal->j_flags |= JBD2_UNMOUNT;
		spin_unlock(&journal->j_state_lock);
		kthread_stop(journal->j_task);
		journal->j_task = NULL;
	}
	if (journal->j_flags & JBD2_LOADED) {
		/* A transaction nobody committed (empty) is just freed. */
		transaction_t *t = journal->j_running_transaction;

		if (t && !jbd2_transaction_empty(t))
			jbd2_journal_commit_transaction(journal);
		t = journal->j_running_transaction;
		if (t) {
			spin_lock(&journal->j_state_lock);
			while (!list_empty(&t->t_reserved_list))
				__jbd2_journal_unfile_buffer(list_first_entry(
					&t->t_reserved_list,
					struct journal_head, b_list));
			journal->j_running_transaction = NULL;
			spin_unlock(&journal->j_state_lock);
			kfree(t);
		}
		if (jbd2_journal_checkpoint_all(journal))
			err = -EIO;
		if (journal->j_flags & JBD2_ABORT)
			err = -EIO;
		if (!err && (journal->j_flags & JBD2_IN_USE)) {
			spin_lock(&journal->j_state_lock);
			journal->j_flags &= ~JBD2_IN_USE;
			journal->j_tail_sequence =
				journal->j_transaction_sequence;
			spin_unlock(&journal->j_state_lock);
			err = jbd2_journal_update_superblock(journal, true);
		}
		jbd2_proc_detach(journal);
	}
	brelse(journal->j_sb_buffer);
	kfree(journal->j_blockmap);
	kfree(journal);
	return err;
}

/**
 * jbd2_journal_init - the journal heads' cache and /proc/fs/jbd2
 *
 * Context: pid 1, boot (init_ext3_fs()).
 */
void jbd2_journal_init(void)
{
	struct proc_dir_entry *fs;

	jbd2_journal_head_cache = kmem_cache_create("jbd2_journal_head",
				sizeof(struct journal_head), 0, 0, NULL);
	if (!jbd2_journal_head_cache)
		panic("jbd2_journal_init: cannot create the journal_head "
		      "cache");
	fs = proc_mkdir("fs", NULL);
	if (fs)
		proc_jbd2_stats = proc_mkdir("jbd2", fs);
}
