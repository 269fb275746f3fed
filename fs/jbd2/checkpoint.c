// SPDX-License-Identifier: GPL-2.0
/*
 * fs/jbd2/checkpoint.c - checkpointing: writing committed blocks in
 * place so that the log behind them can be reused.
 *
 * Linux 2.6.28: fs/jbd2/checkpoint.c (__jbd2_log_wait_for_space(),
 * jbd2_log_do_checkpoint(), jbd2_cleanup_journal_tail(),
 * __jbd2_journal_insert_checkpoint(), __jbd2_journal_remove_checkpoint()).
 * Understanding the Linux Kernel, 3rd ed., chapter 18, section "The
 * Ext3 Journaling Filesystem" ("How Journaling Works").
 *
 * A committed transaction keeps the list of its buffers not yet known
 * to be in place (t_checkpoint_list); a buffer is on the list of its
 * newest commit only.  pdflush writes most of them on its own (the
 * commit marked them dirty); a buffer found clean is simply dropped from
 * the list.  When handles need log space (or at unmount), the oldest
 * transaction's remaining buffers are written here and waited for; a
 * buffer a newer, uncommitted transaction has taken over cannot be
 * written in place -- it holds uncommitted changes -- so that
 * transaction is committed first, which moves the buffer to its own
 * checkpoint list.  When a transaction's list is empty it is freed, and
 * the log's tail moves up to the oldest transaction still needed: the
 * journal super block says so (s_start, s_sequence), after the writes
 * in place are on the disk.
 * Next: fs/jbd2/recovery.c reads what is between the tail and the head.
 */
#include <buffer_head.h>
#include <errno.h>
#include <jbd2.h>
#include <kernel.h>
#include <slab.h>

#define CP_BATCH	32	/* buffers written per pass */

/**
 * __jbd2_journal_insert_checkpoint - a committed buffer awaits its write
 * @jh: its journal head
 * @transaction: the transaction that just committed it
 *
 * It leaves the list of an older commit: this one's copy is newer.
 * Context: j_state_lock held.
 */
void __jbd2_journal_insert_checkpoint(struct journal_head *jh,
				      transaction_t *transaction)
{
	if (jh->b_cp_transaction)
		list_del_init(&jh->b_cp_list);
	jh->b_cp_transaction = transaction;
	list_add_tail(&jh->b_cp_list, &transaction->t_checkpoint_list);
}

/**
 * __jbd2_journal_remove_checkpoint - the buffer is in place (or freed)
 * @jh: its journal head
 *
 * The journal head is freed if no transaction holds it.  The transaction
 * stays on j_checkpoint_transactions even with an empty list: the next
 * checkpoint frees it and moves the tail.
 * Context: j_state_lock held.
 */
void __jbd2_journal_remove_checkpoint(struct journal_head *jh)
{
	list_del_init(&jh->b_cp_list);
	jh->b_cp_transaction = NULL;
	jh->b_cp_dirty = false;
	__jbd2_journal_put_journal_head(jh);
}

/**
 * jbd2_cleanup_journal_tail - move the log's tail past what is in place
 * @journal: the journal
 *
 * Transactions with nothing left to write are freed; the tail becomes
 * the first block of the oldest one still needed (or the head), and the
 * journal super block is rewritten.
 * Context: process, may sleep; j_checkpoint_mutex held.
 * Return: 0 or -EIO.
 */
int jbd2_cleanup_journal_tail(journal_t *journal)
{
	transaction_t *t, *tn;
	unsigned long block, freed;
	tid_t tid;
	LIST_HEAD(done);

	spin_lock(&journal->j_state_lock);
	list_for_each_entry_safe(t, tn, &journal->j_checkpoint_transactions,
				 t_cplist) {
		if (!list_empty(&t->t_checkpoint_list))
			break;
		list_move_tail(&t->t_cplist, &done);
		journal->j_stats.ts_checkpoints++;
	}
	if (!list_empty(&journal->j_checkpoint_transactions)) {
		t = list_first_entry(&journal->j_checkpoint_transactions,
				     transaction_t, t_cplist);
		tid = t->t_tid;
		block = t->t_log_start;
	} else if (journal->j_committing_transaction) {
		tid = journal->j_committing_transaction->t_tid;
		block = journal->j_committing_transaction->t_log_start;
	} else if (journal->j_running_transaction) {
		t = journal->j_running_transaction;
		tid = t->t_tid;
		/* Locked for commit: its log blocks are being filled. */
		block = t->t_state == T_RUNNING ? journal->j_head :
			t->t_log_start;
	} else {
		tid = journal->j_transaction_sequence;
		block = journal->j_head;
	}
	if (block == journal->j_tail && tid == journal->j_tail_sequence) {
		spin_unlock(&journal->j_state_lock);
		freed = 0;
		goto out;
	}
	freed = block >= journal->j_tail ? block - journal->j_tail :
		block + journal->j_last - journal->j_first - journal->j_tail;
	journal->j_free += freed;
	journal->j_tail = block;
	journal->j_tail_sequence = tid;
	spin_unlock(&journal->j_state_lock);
	jbd2_journal_update_superblock(journal, true);
out:
	list_for_each_entry_safe(t, tn, &done, t_cplist)
		kfree(t);
	return journal->j_flags & JBD2_ABORT ? -EIO : 0;
}

/**
 * jbd2_log_do_checkpoint - write the oldest committed transaction in place
 * @journal: the journal
 *
 * Context: process, may sleep; not inside a handle.
 * Return: 0, or -EIO (a write failed: the journal aborts).
 */
int jbd2_log_do_checkpoint(journal_t *journal)
{
	struct buffer_head *batch[CP_BATCH];
	transaction_t *t;
	int err = 0;

	mutex_lock(&journal->j_checkpoint_mutex);
again:
	spin_lock(&journal->j_state_lock);
	if (list_empty(&journal->j_checkpoint_transactions)) {
		spin_unlock(&journal->j_state_lock);
		goto out;
	}
	t = list_first_entry(&journal->j_checkpoint_transactions,
			     transaction_t, t_cplist);
	while (!list_empty(&t->t_checkpoint_list)) {
		struct journal_head *jh, *jn;
		int n = 0;

		list_for_each_entry_safe(jh, jn, &t->t_checkpoint_list,
					 b_cp_list) {
			struct buffer_head *bh = jh->b_bh;
			transaction_t *owner = jh->b_next_transaction ?
				jh->b_next_transaction : jh->b_transaction;

			if (owner) {
				/* Uncommitted changes: commit them first. */
				tid_t tid = owner->t_tid;

				__jbd2_log_start_commit(journal, tid);
				spin_unlock(&journal->j_state_lock);
				for (int i = 0; i < n; i++)
					brelse(batch[i]);
				err = jbd2_log_wait_commit(journal, tid);
				if (err)
					goto out;
				goto again;
			}
			if (buffer_dirty(bh) || buffer_locked(bh)) {
				get_bh(bh);
				batch[n++] = bh;
				if (n == CP_BATCH)
					break;
				continue;
			}
			if (buffer_write_io_error(bh))
				err = -EIO;
			__jbd2_journal_remove_checkpoint(jh);
		}
		spin_unlock(&journal->j_state_lock);
		for (int i = 0; i < n; i++) {
			struct buffer_head *bh = batch[i];

			lock_buffer(bh);
			if (test_clear_buffer_dirty(bh)) {
				get_bh(bh);
				bh->b_end_io = end_buffer_write_sync;
				submit_bh(WRITE, bh);
			} else {
				unlock_buffer(bh);
			}
		}
		for (int i = 0; i < n; i++) {
			wait_on_buffer(batch[i]);
			brelse(batch[i]);
		}
		if (err) {
			printk(KERN_ERR "JBD2: I/O error checkpointing %s\n",
			       journal->j_devname);
			goto out;
		}
		spin_lock(&journal->j_state_lock);
		if (list_empty(&journal->j_checkpoint_transactions) ||
		    list_first_entry(&journal->j_checkpoint_transactions,
				     transaction_t, t_cplist) != t)
			break;
	}
	spin_unlock(&journal->j_state_lock);
	err = jbd2_cleanup_journal_tail(journal);
out:
	mutex_unlock(&journal->j_checkpoint_mutex);
	return err;
}

/**
 * jbd2_journal_checkpoint_all - every committed block in place, log empty
 * @journal: the journal (unmount: no handles)
 *
 * Context: process, may sleep.
 * Return: 0 or -EIO.
 */
int jbd2_journal_checkpoint_all(journal_t *journal)
{
	int err = 0;

	for (;;) {
		bool empty;

		spin_lock(&journal->j_state_lock);
		empty = list_empty(&journal->j_checkpoint_transactions);
		spin_unlock(&journal->j_state_lock);
		if (empty || err)
			break;
		err = jbd2_log_do_checkpoint(journal);
	}
	mutex_lock(&journal->j_checkpoint_mutex);
	if (!err)
		err = jbd2_cleanup_journal_tail(journal);
	mutex_unlock(&journal->j_checkpoint_mutex);
	return err;
}

/**
 * jbd2_log_wait_for_space - make room in the log for a handle
 * @journal: the journal
 * @nblocks: the free log blocks wanted
 *
 * Moves the tail, checkpoints the oldest transactions, or commits and
 * waits, until enough of the log is free.
 * Context: process, may sleep; not inside a handle.
 * Return: 0, or -ENOSPC (the log is smaller than asked), -EIO.
 */
int jbd2_log_wait_for_space(journal_t *journal, int nblocks)
{
	for (;;) {
		transaction_t *t;
		bool have_cp;
		tid_t tid = 0;
		int err;

		spin_lock(&journal->j_state_lock);
		if (journal->j_free >= (unsigned long)nblocks) {
			spin_unlock(&journal->j_state_lock);
			return 0;
		}
		have_cp = !list_empty(&journal->j_checkpoint_transactions);
		t = journal->j_committing_transaction;
		if (!have_cp && !t) {
			t = journal->j_running_transaction;
			if (t && jbd2_transaction_empty(t))
				t = NULL;
			if (t)
				__jbd2_log_start_commit(journal, t->t_tid);
		}
		if (t)
			tid = t->t_tid;
		spin_unlock(&journal->j_state_lock);

		mutex_lock(&journal->j_checkpoint_mutex);
		err = jbd2_cleanup_journal_tail(journal);
		mutex_unlock(&journal->j_checkpoint_mutex);
		if (have_cp && !err)
			err = jbd2_log_do_checkpoint(journal);
		else if (t && !err)
			err = jbd2_log_wait_commit(journal, tid);
		else if (!err && journal->j_free < (unsigned long)nblocks) {
			printk(KERN_ERR "JBD2: %s: log too small for %d "
			       "blocks\n", journal->j_devname, nblocks);
			return -ENOSPC;
		}
		if (err)
			return err;
	}
}
