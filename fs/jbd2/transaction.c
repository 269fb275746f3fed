// SPDX-License-Identifier: GPL-2.0
/*
 * fs/jbd2/transaction.c - handles: how a change of the file system joins
 * the running transaction, block by block.
 *
 * Linux 2.6.28: fs/jbd2/transaction.c (jbd2_journal_start(),
 * start_this_handle(), jbd2_journal_stop(), do_get_write_access(),
 * jbd2_journal_get_create_access(), jbd2_journal_dirty_metadata(),
 * jbd2_journal_dirty_data() of 2.6.28's ordered mode,
 * jbd2_journal_forget(), __jbd2_journal_file_buffer()),
 * fs/jbd2/revoke.c (jbd2_journal_revoke()).  Understanding the Linux
 * Kernel, 3rd ed., chapter 18, section "The Ext3 Journaling Filesystem"
 * ("Atomic operation handles", "Transactions").
 *
 * A handle is one atomic operation.  jbd2_journal_start() reserves the
 * most blocks it may dirty (credits) in the running transaction, making
 * one if there is none; it waits while the transaction is being locked
 * for commit, and asks for a commit when the transaction's credits or
 * the log's free space would run out (fs/jbd2/checkpoint.c makes room).
 * The handle lives in current->journal_info, so a nested start (ext3
 * calling itself) joins it instead of deadlocking on its own commit.
 *
 * Each block changed is announced before it changes
 * (get_write_access): the journal takes the buffer over, and a buffer
 * waiting in the buffer cache to be written in place (a checkpoint)
 * stops being dirty there, because from now on it holds changes no
 * commit has made durable.  dirty_metadata puts it on the transaction's
 * metadata list (BJ_Metadata) and sets BH_JBDDirty instead of BH_Dirty:
 * pdflush never sees it until its commit hands it back.  A buffer the
 * committing transaction still holds is not touched: the commit has
 * already copied its contents into the log buffer while it was locked
 * (fs/jbd2/commit.c), and that copy is the frozen version it writes;
 * the buffer only notes that the running transaction wants it next
 * (b_next_transaction), and the commit refiles it there when it is done.
 *
 * data=ordered: dirty_data puts a file's data buffer on the
 * transaction's data list; the commit writes those before the commit
 * block.  forget and revoke: a metadata block freed must not be
 * replayed over what is written into it next; the revoke record in the
 * log says so to recovery.
 *
 * Locking: j_state_lock guards the transactions, their lists and every
 * journal head; a buffer's own BH_Lock is taken around taking it over,
 * so that a write already under way finishes first.
 * Next: fs/jbd2/commit.c.
 */
#include <buffer_head.h>
#include <errno.h>
#include <jbd2.h>
#include <kernel.h>
#include <pagemap.h>
#include <sched.h>
#include <slab.h>

/**
 * jbd2_transaction_empty - has the transaction anything to commit?
 * @transaction: the transaction
 *
 * Context: j_state_lock held (or the journal idle).
 * Return: true if no metadata, data or revoke record joined it.
 */
bool jbd2_transaction_empty(transaction_t *transaction)
{
	return list_empty(&transaction->t_buffers) &&
	       list_empty(&transaction->t_sync_datalist) &&
	       list_empty(&transaction->t_forget) &&
	       list_empty(&transaction->t_revoke_list);
}

static struct list_head *jlist_head(transaction_t *t, int jlist)
{
	switch (jlist) {
	case BJ_SyncData:
		return &t->t_sync_datalist;
	case BJ_Metadata:
		return &t->t_buffers;
	case BJ_Forget:
		return &t->t_forget;
	case BJ_Reserved:
		return &t->t_reserved_list;
	}
	BUG();
}

/**
 * __jbd2_journal_file_buffer - put a buffer on one of a transaction's lists
 * @jh: its journal head
 * @transaction: the transaction
 * @jlist: BJ_SyncData, BJ_Metadata, BJ_Forget or BJ_Reserved
 *
 * Context: j_state_lock held.
 */
void __jbd2_journal_file_buffer(struct journal_head *jh,
				transaction_t *transaction, int jlist)
{
	if (jh->b_transaction == transaction && jh->b_jlist == jlist)
		return;
	if (jh->b_transaction) {
		BUG_ON(jh->b_transaction != transaction);
		if (jh->b_jlist == BJ_Metadata)
			transaction->t_nr_buffers--;
		list_del_init(&jh->b_list);
	}
	jh->b_transaction = transaction;
	jh->b_jlist = jlist;
	list_add_tail(&jh->b_list, jlist_head(transaction, jlist));
	if (jlist == BJ_Metadata)
		transaction->t_nr_buffers++;
}

/**
 * __jbd2_journal_unfile_buffer - take a buffer off its transaction
 * @jh: its journal head
 *
 * If a newer transaction asked for it meanwhile, it goes there; else the
 * journal head is freed unless a checkpoint still needs it.
 * Context: j_state_lock held.
 */
void __jbd2_journal_unfile_buffer(struct journal_head *jh)
{
	transaction_t *next = jh->b_next_transaction;

	if (jh->b_transaction) {
		if (jh->b_jlist == BJ_Metadata)
			jh->b_transaction->t_nr_buffers--;
		list_del_init(&jh->b_list);
		jh->b_transaction = NULL;
		jh->b_jlist = BJ_None;
	}
	if (next) {
		jh->b_next_transaction = NULL;
		__jbd2_journal_file_buffer(jh, next, jh->b_next_jlist);
		return;
	}
	__jbd2_journal_put_journal_head(jh);
}

static transaction_t *new_transaction(journal_t *journal,
				      transaction_t *t)
{
	t->t_journal = journal;
	t->t_state = T_RUNNING;
	t->t_tid = journal->j_transaction_sequence++;
	t->t_start = jiffies;
	t->t_expires = jiffies + journal->j_commit_interval;
	INIT_LIST_HEAD(&t->t_buffers);
	INIT_LIST_HEAD(&t->t_sync_datalist);
	INIT_LIST_HEAD(&t->t_forget);
	INIT_LIST_HEAD(&t->t_reserved_list);
	INIT_LIST_HEAD(&t->t_revoke_list);
	INIT_LIST_HEAD(&t->t_checkpoint_list);
	INIT_LIST_HEAD(&t->t_cplist);
	journal->j_running_transaction = t;
	return t;
}

/* Log blocks the running transaction could need with @more credits. */
static unsigned long space_needed(transaction_t *t, int more)
{
	return t->t_outstanding_credits + more + JBD2_CONTROL_BLOCKS +
	       t->t_nr_revokes / JBD2_REVOKES_PER_BLOCK;
}

/* Join the running transaction (make one if needed), with @nblocks. */
static int start_this_handle(journal_t *journal, handle_t *handle)
{
	transaction_t *new = NULL, *t;
	int nblocks = handle->h_buffer_credits;

	if (nblocks > journal->j_max_transaction_buffers) {
		printk(KERN_ERR "JBD2: %s wants too many credits (%d > %d)\n",
		       current->comm, nblocks,
		       journal->j_max_transaction_buffers);
		return -ENOSPC;
	}
repeat:
	if (!new) {
		new = kzalloc(sizeof(*new), GFP_KERNEL);
		if (!new)
			return -ENOMEM;
	}
	spin_lock(&journal->j_state_lock);
	if (journal->j_flags & JBD2_ABORT) {
		spin_unlock(&journal->j_state_lock);
		kfree(new);
		return -EROFS;
	}
	t = journal->j_running_transaction;
	if (!t) {
		t = new_transaction(journal, new);
		new = NULL;
	}
	if (t->t_state == T_LOCKED) {
		/* Its commit is waiting for the last handles to stop. */
		spin_unlock(&journal->j_state_lock);
		wait_event(journal->j_wait_transaction_locked,
			   journal->j_running_transaction != t);
		goto repeat;
	}
	if (t->t_outstanding_credits + nblocks >
	    journal->j_max_transaction_buffers) {
		/* Full: commit it, and join the next one.  Full of running
		 * handles' credits only (nothing to commit yet): wait for
		 * one of them to stop. */
		if (!jbd2_transaction_empty(t))
			__jbd2_log_start_commit(journal, t->t_tid);
		spin_unlock(&journal->j_state_lock);
		wait_event(journal->j_wait_transaction_locked,
			   journal->j_running_transaction != t ||
			   t->t_outstanding_credits + nblocks <=
			   journal->j_max_transaction_buffers ||
			   (journal->j_flags & JBD2_ABORT));
		goto repeat;
	}
	if (space_needed(t, nblocks) > journal->j_free) {
		spin_unlock(&journal->j_state_lock);
		jbd2_log_wait_for_space(journal, (int)space_needed(t, nblocks));
		goto repeat;
	}
	handle->h_transaction = t;
	t->t_updates++;
	t->t_outstanding_credits += nblocks;
	journal->j_stats.ts_handles++;
	spin_unlock(&journal->j_state_lock);
	kfree(new);
	return 0;
}

/**
 * jbd2_journal_start - begin an atomic operation
 * @journal: the journal
 * @nblocks: the most buffers it may dirty
 *
 * Inside a handle already (current->journal_info), the same handle is
 * returned: its credits must cover the nested operation too.
 * Context: process, may sleep.
 * Return: the handle, or an ERR_PTR() (-EROFS: the journal aborted).
 */
handle_t *jbd2_journal_start(journal_t *journal, int nblocks)
{
	handle_t *handle = current->journal_info;
	int err;

	if (handle) {
		BUG_ON(handle->h_transaction->t_journal != journal);
		handle->h_ref++;
		return handle;
	}
	handle = kzalloc(sizeof(*handle), GFP_KERNEL);
	if (!handle)
		return ERR_PTR(-ENOMEM);
	handle->h_buffer_credits = nblocks;
	handle->h_ref = 1;
	err = start_this_handle(journal, handle);
	if (err) {
		kfree(handle);
		return ERR_PTR(err);
	}
	current->journal_info = handle;
	return handle;
}

/**
 * jbd2_journal_stop - end an atomic operation
 * @handle: from jbd2_journal_start()
 *
 * The last handle of a transaction being locked wakes the commit.  A
 * synchronous handle (h_sync) commits its transaction and waits; one
 * stopping after the transaction's time is up asks for the commit.
 * Context: process, may sleep.
 * Return: 0, or the handle's error.
 */
int jbd2_journal_stop(handle_t *handle)
{
	transaction_t *t = handle->h_transaction;
	journal_t *journal = t->t_journal;
	int err = handle->h_err;
	tid_t tid = t->t_tid;
	bool wait = false;

	BUG_ON(current->journal_info != handle);
	if (--handle->h_ref > 0)
		return 0;
	spin_lock(&journal->j_state_lock);
	t->t_outstanding_credits -= handle->h_buffer_credits;
	if (--t->t_updates == 0)
		wake_up(&journal->j_wait_updates);
	if (handle->h_sync) {
		__jbd2_log_start_commit(journal, tid);
		wait = true;
	} else if (time_after_eq(jiffies, t->t_expires)) {
		__jbd2_log_start_commit(journal, tid);
	}
	spin_unlock(&journal->j_state_lock);
	/* Credits came back: a handle waiting for room may start. */
	wake_up(&journal->j_wait_transaction_locked);
	current->journal_info = NULL;
	kfree(handle);
	if (wait && !err)
		err = jbd2_log_wait_commit(journal, tid);
	return err;
}

/* The revoke record of @blocknr in @t, if any.  j_state_lock held. */
static struct jbd2_revoke_record_s *find_revoke(transaction_t *t,
						 unsigned long blocknr)
{
	struct jbd2_revoke_record_s *r;

	list_for_each_entry(r, &t->t_revoke_list, list)
		if (r->blocknr == blocknr)
			return r;
	return NULL;
}

/* A block in use again (metadata) in @t: its revoke in @t no longer holds. */
static void cancel_revoke(transaction_t *t, unsigned long blocknr)
{
	struct jbd2_revoke_record_s *r;

	spin_lock(&t->t_journal->j_state_lock);
	r = find_revoke(t, blocknr);
	if (r) {
		list_del(&r->list);
		t->t_nr_revokes--;
	}
	spin_unlock(&t->t_journal->j_state_lock);
	kfree(r);
}

/*
 * Take @bh over for @handle's transaction (Linux: do_get_write_access()).
 * Under BH_Lock, so a write in place already started ends first, and
 * under j_state_lock, so that a commit ending now either hands it to
 * writeback before we look (then we clean it) or sees our claim.
 */
static int do_get_write_access(handle_t *handle, struct buffer_head *bh)
{
	transaction_t *t = handle->h_transaction;
	journal_t *journal = t->t_journal;
	struct journal_head *jh;

	if (journal->j_flags & JBD2_ABORT)
		return -EROFS;
	jh = jbd2_journal_add_journal_head(bh);
	if (!jh)
		return -ENOMEM;
	lock_buffer(bh);
	spin_lock(&journal->j_state_lock);
	if (jh->b_transaction == t) {
		/* Already ours. */
	} else if (jh->b_transaction) {
		/* The committing transaction's: its copy is taken. */
		BUG_ON(jh->b_transaction != journal->j_committing_transaction);
		if (!jh->b_next_transaction) {
			jh->b_next_transaction = t;
			jh->b_next_jlist = BJ_Reserved;
		}
	} else {
		__jbd2_journal_file_buffer(jh, t, BJ_Reserved);
	}
	/* Dirty for a checkpoint: not any more, until our commit. */
	if (buffer_dirty(bh) && test_clear_buffer_dirty(bh) &&
	    jh->b_cp_transaction)
		jh->b_cp_dirty = true;
	spin_unlock(&journal->j_state_lock);
	unlock_buffer(bh);
	jbd2_journal_put_journal_head(journal, jh);
	return 0;
}

/**
 * jbd2_journal_get_write_access - a handle will change a buffer
 * @handle: the handle
 * @bh: the buffer (uptodate, held by the caller)
 *
 * Context: process, may sleep.
 * Return: 0, -ENOMEM or -EROFS.
 */
int jbd2_journal_get_write_access(handle_t *handle, struct buffer_head *bh)
{
	return do_get_write_access(handle, bh);
}

/**
 * jbd2_journal_get_create_access - a handle will fill a new buffer
 * @handle: the handle
 * @bh: the buffer of a block just allocated
 *
 * As get_write_access; a revoke of the block in this transaction (it was
 * freed and is reused) is cancelled, so that this copy is replayed.
 * Context: process, may sleep.
 * Return: 0, -ENOMEM or -EROFS.
 */
int jbd2_journal_get_create_access(handle_t *handle,
				   struct buffer_head *bh)
{
	int err = do_get_write_access(handle, bh);

	if (!err)
		cancel_revoke(handle->h_transaction, bh->b_blocknr);
	return err;
}

/**
 * jbd2_journal_dirty_metadata - a buffer has changed: log it
 * @handle: the handle that took write access to it
 * @bh: the buffer
 *
 * It joins the transaction's metadata list (or, while the committing
 * transaction still holds it, will join it when that commit ends), and
 * uses one of the handle's credits the first time.
 * Context: process.
 * Return: 0, or -EIO if write access was not taken.
 */
int jbd2_journal_dirty_metadata(handle_t *handle, struct buffer_head *bh)
{
	transaction_t *t = handle->h_transaction;
	journal_t *journal = t->t_journal;
	struct journal_head *jh = bh->b_journal_head;
	int err = 0;

	spin_lock(&journal->j_state_lock);
	if (!jh || (jh->b_transaction != t && jh->b_next_transaction != t)) {
		err = -EIO;
		goto out;
	}
	set_buffer_jbddirty(bh);
	if (jh->b_transaction == t) {
		if (jh->b_jlist == BJ_Metadata)
			goto out;
		__jbd2_journal_file_buffer(jh, t, BJ_Metadata);
	} else {
		if (jh->b_next_jlist == BJ_Metadata)
			goto out;
		jh->b_next_jlist = BJ_Metadata;
	}
	if (--handle->h_buffer_credits < 0)
		printk(KERN_WARNING "JBD2: %s: handle used more credits than "
		       "it asked for\n", current->comm);
out:
	spin_unlock(&journal->j_state_lock);
	if (err) {
		printk(KERN_ERR "JBD2: dirty_metadata of block %lu without "
		       "write access\n", (unsigned long)bh->b_blocknr);
		WARN_ON_ONCE(1);
	}
	return err;
}

/**
 * jbd2_journal_dirty_data - data=ordered: write @bh before the commit
 * @handle: the handle
 * @bh: a file's data buffer, changed
 *
 * The buffer is dirty in the buffer cache as any data (pdflush may write
 * it early: harmless) and on the transaction's data list, which the
 * commit writes and waits for before the log blocks.
 * Context: process, may sleep.
 * Return: 0 or -ENOMEM.
 */
int jbd2_journal_dirty_data(handle_t *handle, struct buffer_head *bh)
{
	transaction_t *t = handle->h_transaction;
	journal_t *journal = t->t_journal;
	struct journal_head *jh;

	mark_buffer_dirty(bh);
	jh = jbd2_journal_add_journal_head(bh);
	if (!jh)
		return -ENOMEM;
	spin_lock(&journal->j_state_lock);
	if (!jh->b_transaction) {
		__jbd2_journal_file_buffer(jh, t, BJ_SyncData);
	} else if (jh->b_transaction != t && !jh->b_next_transaction) {
		jh->b_next_transaction = t;
		jh->b_next_jlist = BJ_SyncData;
	}
	/* A buffer already logged as metadata stays metadata. */
	spin_unlock(&journal->j_state_lock);
	jbd2_journal_put_journal_head(journal, jh);
	return 0;
}

/**
 * jbd2_journal_revoke - a block is freed: never replay older copies
 * @handle: the handle
 * @blocknr: the block
 *
 * The record goes to the log with this transaction (a revoke block);
 * recovery then skips every copy of the block logged up to it.
 * Context: process, may sleep.
 * Return: 0 or -ENOMEM.
 */
int jbd2_journal_revoke(handle_t *handle, unsigned long blocknr)
{
	transaction_t *t = handle->h_transaction;
	journal_t *journal = t->t_journal;
	struct jbd2_revoke_record_s *r = kmalloc(sizeof(*r), GFP_KERNEL);

	if (!r)
		return -ENOMEM;
	r->blocknr = blocknr;
	spin_lock(&journal->j_state_lock);
	if (find_revoke(t, blocknr)) {
		spin_unlock(&journal->j_state_lock);
		kfree(r);
		return 0;
	}
	list_add_tail(&r->list, &t->t_revoke_list);
	t->t_nr_revokes++;
	journal->j_stats.ts_revokes++;
	spin_unlock(&journal->j_state_lock);
	return 0;
}

/**
 * jbd2_journal_forget - a metadata block is freed: do not write it
 * @handle: the handle
 * @bh: its buffer
 *
 * Its changes in this transaction are dropped, it is no longer written
 * in place after the commit of this transaction (BJ_Forget: the commit
 * takes it off the checkpoint), and it is revoked.
 * Context: process, may sleep.
 * Return: 0 or a negative errno.
 */
int jbd2_journal_forget(handle_t *handle, struct buffer_head *bh)
{
	transaction_t *t = handle->h_transaction;
	journal_t *journal = t->t_journal;
	struct journal_head *jh = jbd2_journal_add_journal_head(bh);

	if (!jh)
		return -ENOMEM;
	spin_lock(&journal->j_state_lock);
	clear_buffer_jbddirty(bh);
	if (jh->b_transaction == t) {
		if (jh->b_jlist == BJ_Metadata)
			handle->h_buffer_credits++;
		__jbd2_journal_file_buffer(jh, t, BJ_Forget);
	} else if (jh->b_transaction) {
		jh->b_next_transaction = t;
		jh->b_next_jlist = BJ_Forget;
	} else {
		__jbd2_journal_file_buffer(jh, t, BJ_Forget);
	}
	jh->b_cp_dirty = false;
	spin_unlock(&journal->j_state_lock);
	test_clear_buffer_dirty(bh);
	jbd2_journal_put_journal_head(journal, jh);
	return jbd2_journal_revoke(handle, bh->b_blocknr);
}

/**
 * jbd2_journal_try_to_free_buffers - reclaim: free a file page's buffer
 *                                     the journal may still hold
 * @journal: the journal
 * @page: a locked page of a journaled file
 *
 * Linux 2.6: journal_try_to_free_buffers().  A data buffer on the
 * running transaction's ordered-data list that is clean and not under
 * I/O has been written already (by pdflush): the commit has nothing
 * left to order for it, so it leaves the list -- otherwise every page
 * written in a transaction's few seconds would stay pinned until the
 * commit, and a writer could fill memory with them.  Buffers of a
 * transaction being committed stay: the commit walks that list.
 * Context: process; takes j_state_lock.
 * Return: true if the page has no buffer now.
 */
bool jbd2_journal_try_to_free_buffers(journal_t *journal, struct page *page)
{
	struct buffer_head *bh = (struct buffer_head *)page->private;
	struct journal_head *jh;

	if (!PagePrivate(page))
		return true;
	if (buffer_dirty(bh) || buffer_locked(bh))
		return false;
	spin_lock(&journal->j_state_lock);
	jh = bh->b_journal_head;
	if (jh && jh->b_jlist == BJ_SyncData && !jh->b_next_transaction &&
	    jh->b_transaction && jh->b_transaction->t_state == T_RUNNING &&
	    !buffer_dirty(bh) && !buffer_locked(bh))
		__jbd2_journal_unfile_buffer(jh);
	spin_unlock(&journal->j_state_lock);
	return try_to_free_page_buffers(page);
}
