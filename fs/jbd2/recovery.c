// SPDX-License-Identifier: GPL-2.0
/*
 * fs/jbd2/recovery.c - replaying the log at mount after a crash.
 *
 * Linux 2.6.28: fs/jbd2/recovery.c (jbd2_journal_recover(),
 * do_one_pass(), scan_revoke_records(), count_tags()), fs/jbd2/revoke.c
 * (the recovery revoke table).  Understanding the Linux Kernel, 3rd ed.,
 * chapter 18, section "The Ext3 Journaling Filesystem" ("How
 * Journaling Works").
 *
 * The log is read from its tail (s_start) with the transaction id the
 * super block expects there (s_sequence), three times:
 *
 *  PASS_SCAN	follow descriptors and commit blocks while each block
 *		carries the magic number and the expected id: the end of
 *		the log is the first block that does not, and the last
 *		transaction replayed is the last one whose commit block
 *		was found -- one cut short by the crash is ignored;
 *  PASS_REVOKE	collect the revoke records of those transactions: block
 *		B revoked by transaction T is not replayed from T or any
 *		earlier transaction;
 *  PASS_REPLAY	copy every logged block not revoked to its home, in log
 *		order (a later copy overwrites an earlier one), putting
 *		back the magic number of an escaped block.
 *
 * The replayed blocks are written and waited for before the caller marks
 * the log empty.  Every block number is checked against the log and the
 * partition before it is used: a corrupt log ends the scan, it is never
 * followed outside the disk.
 * Next: fs/jbd2/journal.c: journal_reset() empties the log.
 */
#include <blkdev.h>
#include <buffer_head.h>
#include <errno.h>
#include <jbd2.h>
#include <kernel.h>
#include <slab.h>
#include <string.h>

enum passtype { PASS_SCAN, PASS_REVOKE, PASS_REPLAY };

struct revoke_entry {
	struct list_head list;
	u32 blocknr;
	tid_t tid;			/* the newest revoking transaction */
};

struct recovery_info {
	tid_t start_transaction;
	tid_t end_transaction;		/* the first not replayed */
	int nr_replays;
	int nr_revokes;
	int nr_revoke_hits;
	struct list_head revokes;	/* struct revoke_entry */
};

static struct revoke_entry *find_revoke(struct recovery_info *info,
					u32 blocknr)
{
	struct revoke_entry *e;

	list_for_each_entry(e, &info->revokes, list)
		if (e->blocknr == blocknr)
			return e;
	return NULL;
}

static int set_revoke(struct recovery_info *info, u32 blocknr, tid_t tid)
{
	struct revoke_entry *e = find_revoke(info, blocknr);

	if (e) {
		if (tid_gt(tid, e->tid))
			e->tid = tid;
		return 0;
	}
	e = kmalloc(sizeof(*e), GFP_KERNEL);
	if (!e)
		return -ENOMEM;
	e->blocknr = blocknr;
	e->tid = tid;
	list_add(&e->list, &info->revokes);
	info->nr_revokes++;
	return 0;
}

/* Revoked by @tid or a later transaction? */
static bool test_revoke(struct recovery_info *info, u32 blocknr, tid_t tid)
{
	struct revoke_entry *e = find_revoke(info, blocknr);

	return e && tid_geq(e->tid, tid);
}

/* Read log block @block (a block of the log file).  NULL: I/O error. */
static struct buffer_head *jread(journal_t *journal, unsigned long block)
{
	if (block < journal->j_first || block >= journal->j_last) {
		printk(KERN_ERR "JBD2: corrupted journal: block %lu is not "
		       "in the log\n", block);
		return NULL;
	}
	return bread(journal->j_dev, jbd2_journal_bmap(journal, block));
}

/* The tags of a descriptor block; Return: how many, -EINVAL if broken. */
static int count_tags(struct buffer_head *bh)
{
	char *p = bh->b_data + sizeof(journal_header_t);
	char *end = bh->b_data + JBD2_BLOCK_SIZE;
	int n = 0;

	while (p + sizeof(journal_block_tag_t) <= end) {
		journal_block_tag_t *tag = (journal_block_tag_t *)p;
		u32 flags = be32_to_cpu(tag->t_flags);

		n++;
		p += sizeof(*tag);
		if (!(flags & JBD2_FLAG_SAME_UUID))
			p += JBD2_UUID_BYTES;
		if (flags & JBD2_FLAG_LAST_TAG)
			return n;
	}
	return -EINVAL;
}

static int scan_revoke_records(journal_t *journal, struct buffer_head *bh,
			       tid_t tid, struct recovery_info *info)
{
	jbd2_journal_revoke_header_t *rh =
		(jbd2_journal_revoke_header_t *)bh->b_data;
	u32 count = be32_to_cpu(rh->r_count);

	if (count < sizeof(*rh) || count > JBD2_BLOCK_SIZE)
		return -EINVAL;
	for (u32 off = sizeof(*rh); off + 4 <= count; off += 4) {
		int err = set_revoke(info,
				     be32_to_cpu(*(__be32 *)(bh->b_data + off)),
				     tid);

		if (err)
			return err;
	}
	return 0;
}

/* Copy log block @log_bh to its home @blocknr. */
static int replay_block(journal_t *journal, struct buffer_head *log_bh,
			u32 blocknr, u32 flags)
{
	unsigned long nr_blocks = journal->j_dev->nr_sectors / BLOCK_SECTORS;
	struct buffer_head *bh;
	int err;

	if (blocknr >= nr_blocks) {
		printk(KERN_ERR "JBD2: corrupted journal: home block %u is "
		       "past the end of the device\n", blocknr);
		return -EINVAL;
	}
	bh = getblk(journal->j_dev, blocknr);
	if (!bh)
		return -ENOMEM;
	lock_buffer(bh);
	memcpy(bh->b_data, log_bh->b_data, JBD2_BLOCK_SIZE);
	if (flags & JBD2_FLAG_ESCAPE)
		*(__be32 *)bh->b_data = cpu_to_be32(JBD2_MAGIC_NUMBER);
	set_buffer_uptodate(bh);
	unlock_buffer(bh);
	mark_buffer_dirty(bh);
	err = sync_dirty_buffer(bh);
	brelse(bh);
	return err;
}

static int do_one_pass(journal_t *journal, struct recovery_info *info,
		       enum passtype pass)
{
	journal_superblock_t *sb = journal->j_superblock;
	unsigned long next_log_block = be32_to_cpu(sb->s_start);
	tid_t next_commit_ID = be32_to_cpu(sb->s_sequence);
	int err = 0;

	for (;;) {
		struct buffer_head *bh;
		journal_header_t *h;
		tid_t sequence;
		int type, n;

		if (pass != PASS_SCAN &&
		    tid_geq(next_commit_ID, info->end_transaction))
			break;
		bh = jread(journal, next_log_block);
		if (!bh) {
			err = -EIO;
			break;
		}
		next_log_block = jbd2_log_next(journal, next_log_block);
		h = (journal_header_t *)bh->b_data;
		sequence = be32_to_cpu(h->h_sequence);
		type = be32_to_cpu(h->h_blocktype);
		if (be32_to_cpu(h->h_magic) != JBD2_MAGIC_NUMBER ||
		    sequence != next_commit_ID) {
			brelse(bh);
			break;
		}
		switch (type) {
		case JBD2_DESCRIPTOR_BLOCK:
			n = count_tags(bh);
			if (n < 0) {
				printk(KERN_ERR "JBD2: corrupted descriptor "
				       "block in transaction %u\n", sequence);
				brelse(bh);
				goto done;
			}
			if (pass != PASS_REPLAY) {
				for (int i = 0; i < n; i++)
					next_log_block = jbd2_log_next(journal,
							next_log_block);
				break;
			}
			for (char *p = bh->b_data + sizeof(*h); n--; ) {
				journal_block_tag_t *tag =
					(journal_block_tag_t *)p;
				u32 blocknr = be32_to_cpu(tag->t_blocknr);
				u32 flags = be32_to_cpu(tag->t_flags);
				struct buffer_head *obh;

				p += sizeof(*tag);
				if (!(flags & JBD2_FLAG_SAME_UUID))
					p += JBD2_UUID_BYTES;
				obh = jread(journal, next_log_block);
				next_log_block = jbd2_log_next(journal,
							       next_log_block);
				if (!obh) {
					err = -EIO;
					continue;
				}
				if (test_revoke(info, blocknr,
						next_commit_ID)) {
					info->nr_revoke_hits++;
				} else {
					int e = replay_block(journal, obh,
							     blocknr, flags);

					if (e)
						err = e;
					else
						info->nr_replays++;
				}
				brelse(obh);
			}
			break;
		case JBD2_COMMIT_BLOCK:
			next_commit_ID++;
			break;
		case JBD2_REVOKE_BLOCK:
			if (pass == PASS_REVOKE) {
				int e = scan_revoke_records(journal, bh,
							    next_commit_ID,
							    info);

				if (e)
					err = e;
			}
			break;
		default:
			/* Not a block of ours: the log ends here. */
			brelse(bh);
			goto done;
		}
		brelse(bh);
		if (err && pass != PASS_REPLAY)
			break;
	}
done:
	if (pass == PASS_SCAN)
		info->end_transaction = next_commit_ID;
	return err;
}

/**
 * jbd2_journal_recover - replay the committed transactions of the log
 * @journal: the journal, its super block read (load_superblock())
 *
 * Sets j_transaction_sequence past the last transaction found.  Prints
 * one line per recovery.
 * Context: process, may sleep (mount).
 * Return: 0, or -EIO / -EINVAL (the log could not be replayed whole).
 */
int jbd2_journal_recover(journal_t *journal)
{
	journal_superblock_t *sb = journal->j_superblock;
	struct recovery_info info = { 0 };
	struct revoke_entry *e, *n;
	int err;

	if (!sb->s_start) {
		/* Clean: nothing to replay.  Never reuse an id. */
		journal->j_transaction_sequence =
			be32_to_cpu(sb->s_sequence) + 1;
		return 0;
	}
	INIT_LIST_HEAD(&info.revokes);
	info.start_transaction = be32_to_cpu(sb->s_sequence);
	err = do_one_pass(journal, &info, PASS_SCAN);
	if (!err)
		err = do_one_pass(journal, &info, PASS_REVOKE);
	if (!err)
		err = do_one_pass(journal, &info, PASS_REPLAY);
	printk(KERN_INFO "JBD2: recovery %s on %s: %u transactions, %d "
	       "blocks replayed, %d revoked blocks skipped\n",
	       err ? "failed" : "complete", journal->j_devname,
	       info.end_transaction - info.start_transaction,
	       info.nr_replays, info.nr_revoke_hits);
	journal->j_stats.ts_recovered = info.end_transaction -
					info.start_transaction;
	journal->j_stats.ts_replayed = info.nr_replays;
	journal->j_transaction_sequence = info.end_transaction + 1;
	list_for_each_entry_safe(e, n, &info.revokes, list)
		kfree(e);
	return err;
}
