// SPDX-License-Identifier: GPL-2.0
/*
 * fs/jbd2/commit.c - committing a transaction: its ordered data, then its
 * blocks in the log, then the commit block that makes it whole.
 *
 * Linux 2.6.28: fs/jbd2/commit.c (jbd2_journal_commit_transaction(),
 * journal_submit_data_buffers(), journal_write_commit_record()),
 * fs/jbd2/journal.c (jbd2_journal_write_metadata_buffer(),
 * jbd2_journal_next_log_block()), fs/jbd2/revoke.c
 * (jbd2_journal_write_revoke_records()).  Understanding the Linux
 * Kernel, 3rd ed., chapter 18, section "The Ext3 Journaling Filesystem"
 * ("How Journaling Works").
 *
 * The order is what makes a crash harmless:
 *
 *  1. T_LOCKED: no handle may join; wait until the last one stops.
 *     While locked, every metadata buffer is copied into a log buffer
 *     (escaped if it begins with the magic number) behind descriptor
 *     blocks that name its home, and the revoke blocks are filled.
 *     Those copies are the frozen contents this commit writes: a handle
 *     of the next transaction may change the buffers from step 2 on.
 *  2. T_FLUSH: the next transaction opens; the ordered data buffers are
 *     written in place and waited for (data=ordered: a committed inode
 *     never points at blocks holding old data).
 *  3. T_COMMIT: the descriptors, copies and revoke blocks are written
 *     and waited for -- all of them, before the commit block, so a
 *     commit block on the disk means the whole transaction is there
 *     (the barrier Linux gets from a flush).
 *  4. The commit block is written and waited for: the transaction is
 *     durable.  Its buffers go to its checkpoint list and are marked
 *     dirty in the buffer cache, so pdflush (or a checkpoint) writes
 *     them in place; a buffer the next transaction has taken meanwhile
 *     stays out of writeback until that one commits.
 *
 * Only the journal thread commits (and jbd2_journal_destroy() once the
 * thread is gone), so commits never overlap.  Log space was reserved by
 * the handles (start_this_handle()): the blocks are always there.
 * Next: fs/jbd2/checkpoint.c frees the log behind the committed.
 */
#include <buffer_head.h>
#include <errno.h>
#include <jbd2.h>
#include <kernel.h>
#include <sched.h>
#include <slab.h>
#include <string.h>

bool jbd2_test_skip_commit_block;

/* Tags that fit in a descriptor block: its header, the UUID once. */
#define TAGS_PER_DESCRIPTOR					\
	((JBD2_BLOCK_SIZE - sizeof(journal_header_t) -		\
	  JBD2_UUID_BYTES) / sizeof(journal_block_tag_t))

/* The next log block, as a buffer to fill; the caller writes it. */
static struct buffer_head *next_log_buffer(journal_t *journal)
{
	struct buffer_head *bh;
	unsigned long block;

	spin_lock(&journal->j_state_lock);
	BUG_ON(!journal->j_free);
	block = journal->j_head;
	journal->j_head = jbd2_log_next(journal, block);
	journal->j_free--;
	spin_unlock(&journal->j_state_lock);
	bh = getblk(journal->j_dev, jbd2_journal_bmap(journal, block));
	if (!bh)
		return NULL;
	/* The log buffer is filled whole: its old contents do not matter,
	 * and nobody else uses it (a cached copy of an older pass is
	 * replaced under its lock). */
	lock_buffer(bh);
	memset(bh->b_data, 0, JBD2_BLOCK_SIZE);
	set_buffer_uptodate(bh);
	unlock_buffer(bh);
	return bh;
}

static void fill_header(struct buffer_head *bh, int type, tid_t tid)
{
	journal_header_t *h = (journal_header_t *)bh->b_data;

	h->h_magic = cpu_to_be32(JBD2_MAGIC_NUMBER);
	h->h_blocktype = cpu_to_be32(type);
	h->h_sequence = cpu_to_be32(tid);
}

/* Start writing a buffer we filled; end_buffer_write_sync ends it. */
static void submit_log_write(struct buffer_head *bh)
{
	lock_buffer(bh);
	test_clear_buffer_dirty(bh);
	get_bh(bh);
	bh->b_end_io = end_buffer_write_sync;
	submit_bh(WRITE, bh);
}

/* Wait for @nr writes; Return: 0 or -EIO. */
static int wait_log_writes(struct buffer_head **bhs, int nr)
{
	int err = 0;

	for (int i = 0; i < nr; i++) {
		wait_on_buffer(bhs[i]);
		if (test_and_clear_bit(BH_Write_EIO, &bhs[i]->b_state))
			err = -EIO;
	}
	return err;
}

static void journal_abort(journal_t *journal, int err, const char *why)
{
	printk(KERN_ERR "JBD2: aborting journal %s: %s\n", journal->j_devname,
	       why);
	spin_lock(&journal->j_state_lock);
	journal->j_flags |= JBD2_ABORT;
	journal->j_errno = err;
	spin_unlock(&journal->j_state_lock);
	wake_up(&journal->j_wait_done_commit);
	wake_up(&journal->j_wait_transaction_locked);
}

static int updates_of(journal_t *journal, transaction_t *t)
{
	int n;

	spin_lock(&journal->j_state_lock);
	n = t->t_updates;
	spin_unlock(&journal->j_state_lock);
	return n;
}

/*
 * Step 1, while locked: the log buffers, in log order (descriptors,
 * copies, revoke blocks); the commit block is the last of @log.
 * T's lists cannot change: it is locked and has no handle, and no other
 * transaction runs.  Return: how many buffers, or -ENOMEM.
 */
static int build_log(journal_t *journal, transaction_t *t,
		     struct buffer_head **log, int *nr_copies)
{
	const journal_superblock_t *jsb = journal->j_superblock;
	struct jbd2_revoke_record_s *r;
	struct journal_head *jh;
	struct buffer_head *desc = NULL;
	journal_block_tag_t *tag = NULL;
	unsigned int in_desc = 0;
	int n = 0;
	char *p = NULL;

	list_for_each_entry(jh, &t->t_buffers, b_list) {
		struct buffer_head *copy;
		u32 flags = JBD2_FLAG_SAME_UUID;

		if (!desc || in_desc == TAGS_PER_DESCRIPTOR) {
			if (tag)
				tag->t_flags |= cpu_to_be32(JBD2_FLAG_LAST_TAG);
			desc = next_log_buffer(journal);
			if (!desc)
				return -ENOMEM;
			fill_header(desc, JBD2_DESCRIPTOR_BLOCK, t->t_tid);
			log[n++] = desc;
			p = desc->b_data + sizeof(journal_header_t);
			in_desc = 0;
		}
		copy = next_log_buffer(journal);
		if (!copy)
			return -ENOMEM;
		log[n++] = copy;
		memcpy(copy->b_data, jh->b_bh->b_data, JBD2_BLOCK_SIZE);
		if (*(__be32 *)copy->b_data == cpu_to_be32(JBD2_MAGIC_NUMBER)) {
			*(__be32 *)copy->b_data = 0;
			flags |= JBD2_FLAG_ESCAPE;
		}
		if (!in_desc)
			flags &= ~JBD2_FLAG_SAME_UUID;
		tag = (journal_block_tag_t *)p;
		tag->t_blocknr = cpu_to_be32((u32)jh->b_bh->b_blocknr);
		tag->t_flags = cpu_to_be32(flags);
		p += sizeof(*tag);
		if (!in_desc) {
			memcpy(p, jsb->s_uuid, JBD2_UUID_BYTES);
			p += JBD2_UUID_BYTES;
		}
		in_desc++;
		(*nr_copies)++;
	}
	if (tag)
		tag->t_flags |= cpu_to_be32(JBD2_FLAG_LAST_TAG);

	desc = NULL;
	list_for_each_entry(r, &t->t_revoke_list, list) {
		jbd2_journal_revoke_header_t *rh = desc ?
			(jbd2_journal_revoke_header_t *)desc->b_data : NULL;

		if (!rh || be32_to_cpu(rh->r_count) + 4 > JBD2_BLOCK_SIZE) {
			desc = next_log_buffer(journal);
			if (!desc)
				return -ENOMEM;
			fill_header(desc, JBD2_REVOKE_BLOCK, t->t_tid);
			rh = (jbd2_journal_revoke_header_t *)desc->b_data;
			rh->r_count = cpu_to_be32(sizeof(*rh));
			log[n++] = desc;
		}
		p = desc->b_data + be32_to_cpu(rh->r_count);
		*(__be32 *)p = cpu_to_be32(r->blocknr);
		rh->r_count = cpu_to_be32(be32_to_cpu(rh->r_count) + 4);
	}

	log[n] = next_log_buffer(journal);
	if (!log[n])
		return -ENOMEM;
	fill_header(log[n], JBD2_COMMIT_BLOCK, t->t_tid);
	return n + 1;
}

/* Step 2: write the ordered data and wait.  Return: 0 or -EIO. */
static int write_ordered_data(journal_t *journal, transaction_t *t)
{
	struct journal_head *jh;
	int err = 0;

	/* Only the commit takes buffers off this list; handles of the next
	 * transaction only mark them (b_next_transaction). */
	list_for_each_entry(jh, &t->t_sync_datalist, b_list) {
		struct buffer_head *bh = jh->b_bh;

		lock_buffer(bh);
		if (test_clear_buffer_dirty(bh)) {
			get_bh(bh);
			bh->b_end_io = end_buffer_write_sync;
			submit_bh(WRITE, bh);
			journal->j_stats.ts_data++;
		} else {
			unlock_buffer(bh);
		}
	}
	list_for_each_entry(jh, &t->t_sync_datalist, b_list) {
		wait_on_buffer(jh->b_bh);
		if (test_and_clear_bit(BH_Write_EIO, &jh->b_bh->b_state))
			err = -EIO;
	}
	spin_lock(&journal->j_state_lock);
	while (!list_empty(&t->t_sync_datalist))
		__jbd2_journal_unfile_buffer(list_first_entry(
			&t->t_sync_datalist, struct journal_head, b_list));
	spin_unlock(&journal->j_state_lock);
	return err;
}

/* Step 4: the buffers to the checkpoint, the transaction retired. */
static void finish_commit(journal_t *journal, transaction_t *t,
			  int nr_log, int nr_copies, unsigned long ticks)
{
	struct jbd2_revoke_record_s *r, *rn;
	bool keep;

	spin_lock(&journal->j_state_lock);
	while (!list_empty(&t->t_buffers)) {
		struct journal_head *jh = list_first_entry(&t->t_buffers,
				struct journal_head, b_list);
		struct buffer_head *bh = jh->b_bh;

		__jbd2_journal_insert_checkpoint(jh, t);
		/* Taken by the next transaction: if that one only reserves
		 * it, its commit still owes this one's write in place. */
		jh->b_cp_dirty = jh->b_next_transaction != NULL;
		if (!jh->b_next_transaction) {
			/* Committed and nobody's: writeback may have it. */
			clear_buffer_jbddirty(bh);
			__mark_buffer_dirty(bh);
		}
		__jbd2_journal_unfile_buffer(jh);
	}
	while (!list_empty(&t->t_forget)) {
		struct journal_head *jh = list_first_entry(&t->t_forget,
				struct journal_head, b_list);

		/* Freed: the revoke is durable, no need to write it. */
		if (jh->b_cp_transaction)
			__jbd2_journal_remove_checkpoint(jh);
		__jbd2_journal_unfile_buffer(jh);
	}
	while (!list_empty(&t->t_reserved_list)) {
		struct journal_head *jh = list_first_entry(
			&t->t_reserved_list, struct journal_head, b_list);

		/* Taken, never changed: a checkpoint still needs it. */
		if (jh->b_cp_dirty && !jh->b_next_transaction) {
			clear_buffer_jbddirty(jh->b_bh);
			__mark_buffer_dirty(jh->b_bh);
		}
		jh->b_cp_dirty = false;
		__jbd2_journal_unfile_buffer(jh);
	}
	list_for_each_entry_safe(r, rn, &t->t_revoke_list, list) {
		list_del(&r->list);
		kfree(r);
	}
	t->t_state = T_FINISHED;
	journal->j_committing_transaction = NULL;
	journal->j_commit_sequence = t->t_tid;
	journal->j_stats.ts_tid = t->t_tid;
	journal->j_stats.ts_commits++;
	journal->j_stats.ts_blocks_logged += nr_log;
	journal->j_stats.ts_blocks += nr_copies;
	journal->j_stats.ts_commit_ticks += ticks;
	keep = !list_empty(&t->t_checkpoint_list);
	if (keep)
		list_add_tail(&t->t_cplist,
			      &journal->j_checkpoint_transactions);
	spin_unlock(&journal->j_state_lock);
	if (!keep)
		kfree(t);
	wake_up(&journal->j_wait_done_commit);
}

/**
 * jbd2_journal_commit_transaction - commit the running transaction
 * @journal: the journal
 *
 * Nothing happens if the running transaction is empty.  On an I/O error
 * the journal aborts: no more handles start, and what was committed
 * before stays recoverable.
 * Context: the journal thread (or unmount, after it), may sleep.
 */
void jbd2_journal_commit_transaction(journal_t *journal)
{
	struct buffer_head **log = NULL;
	int nr_log, nr_copies = 0, err, max;
	unsigned long start = jiffies;
	transaction_t *t;

	spin_lock(&journal->j_state_lock);
	t = journal->j_running_transaction;
	if (!t || jbd2_transaction_empty(t) ||
	    (journal->j_flags & JBD2_ABORT)) {
		spin_unlock(&journal->j_state_lock);
		return;
	}
	t->t_state = T_LOCKED;
	t->t_log_start = journal->j_head;
	spin_unlock(&journal->j_state_lock);
	wait_event(journal->j_wait_updates, updates_of(journal, t) == 0);

	/* 1. The frozen copies, while nothing can change. */
	max = t->t_nr_buffers * 2 + t->t_nr_revokes /
	      (int)JBD2_REVOKES_PER_BLOCK + 2;
	log = kmalloc(max * sizeof(*log), GFP_KERNEL);
	nr_log = log ? build_log(journal, t, log, &nr_copies) : -ENOMEM;

	spin_lock(&journal->j_state_lock);
	journal->j_committing_transaction = t;
	journal->j_running_transaction = NULL;
	t->t_state = T_FLUSH;
	spin_unlock(&journal->j_state_lock);
	wake_up(&journal->j_wait_transaction_locked);
	if (nr_log < 0) {
		journal_abort(journal, nr_log, "no memory for the log buffers");
		goto out;
	}

	/* 2. data=ordered. */
	if (write_ordered_data(journal, t))
		printk(KERN_WARNING "JBD2: I/O error writing ordered data of "
		       "transaction %u\n", t->t_tid);

	/* 3. Everything but the commit block, and wait. */
	t->t_state = T_COMMIT;
	for (int i = 0; i < nr_log - 1; i++)
		submit_log_write(log[i]);
	err = wait_log_writes(log, nr_log - 1);
	if (err) {
		journal_abort(journal, err, "I/O error writing the log");
		goto out;
	}
	if (jbd2_test_skip_commit_block) {
		journal_abort(journal, -EIO, "commit block not written "
			      "(test: a crash before it)");
		goto out;
	}

	/* 4. The commit block: from now on the transaction is durable. */
	submit_log_write(log[nr_log - 1]);
	err = wait_log_writes(log + nr_log - 1, 1);
	if (err) {
		journal_abort(journal, err, "I/O error writing a commit block");
		goto out;
	}
	finish_commit(journal, t, nr_log, nr_copies, jiffies - start);
out:
	if (log)
		for (int i = 0; i < nr_log; i++)
			brelse(log[i]);
	kfree(log);
}
