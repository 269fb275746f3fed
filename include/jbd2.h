/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/jbd2.h - the journal of ext3 (fs/jbd2/): its blocks on the
 * disk, and the journal, transactions and handles in memory.
 *
 * Linux 2.6.28: include/linux/jbd2.h, fs/jbd2/.  Understanding the Linux
 * Kernel, 3rd ed., chapter 18, section "The Ext3 Journaling Filesystem"
 * ("The Journaling Block Device Layer", "Log records", "Atomic
 * operation handles", "Transactions", "How Journaling Works").
 *
 * The journal is a circular log kept in a file of the file system
 * (inode 8).  Its first block is the journal super block, which says
 * where the log starts (s_start, 0 when it is empty) and the sequence
 * number of the transaction found there (s_sequence).  Each committed
 * transaction is, in the log:
 *
 *	descriptor block	a header, then one tag per logged block:
 *				its home block number and flags
 *	copies of the blocks	in the order of the tags
 *	(more descriptors and copies, if one descriptor is not enough)
 *	revoke blocks		blocks freed: never replay older copies
 *	commit block		the transaction is whole from here on
 *
 * Every log block begins with a journal_header_t: the magic number, the
 * block type and the transaction's sequence number.  Every number is
 * big-endian, as Linux and e2fsprogs write it on every CPU.  A logged
 * block that itself begins with the magic number is written with those
 * four bytes zeroed and JBD2_FLAG_ESCAPE in its tag, so that recovery
 * never takes it for a log block; replay puts the magic back.
 *
 * This kernel writes what Linux 2.6.28's jbd2 writes for an ext3 file
 * system: version 2 super block, 32-bit block numbers (8-byte tags), no
 * checksums, no asynchronous commit.  A journal whose incompatible or
 * read-only features it does not know is refused.
 */
#ifndef _JBD2_H
#define _JBD2_H

#include <compiler.h>
#include <list.h>
#include <mutex.h>
#include <spinlock.h>
#include <types.h>
#include <wait.h>

struct buffer_head;
struct inode;
struct block_device;
struct page;
struct task_struct;

/* Big-endian on the disk (i386 is little-endian). */
typedef u32 __be32;
typedef u64 __be64;
#ifndef be32_to_cpu
#define be32_to_cpu(x)	((u32)__builtin_bswap32(x))
#define cpu_to_be32(x)	((__be32)__builtin_bswap32(x))
#define cpu_to_be64(x)	((__be64)__builtin_bswap64(x))
#endif

#define JBD2_MAGIC_NUMBER	0xc03b3998U

/* h_blocktype */
#define JBD2_DESCRIPTOR_BLOCK	1
#define JBD2_COMMIT_BLOCK	2
#define JBD2_SUPERBLOCK_V1	3
#define JBD2_SUPERBLOCK_V2	4
#define JBD2_REVOKE_BLOCK	5

/* The header of every block of the journal. */
typedef struct journal_header_s {
	__be32 h_magic;			/* JBD2_MAGIC_NUMBER */
	__be32 h_blocktype;		/* JBD2_*_BLOCK */
	__be32 h_sequence;		/* the transaction's id */
} journal_header_t;

/* A descriptor block's tag (32-bit block numbers: 8 bytes). */
typedef struct journal_block_tag_s {
	__be32 t_blocknr;		/* the block's home */
	__be32 t_flags;			/* JBD2_FLAG_* */
} journal_block_tag_t;

/* t_flags */
#define JBD2_FLAG_ESCAPE	1	/* the copy's magic was zeroed */
#define JBD2_FLAG_SAME_UUID	2	/* no 16-byte UUID after this tag */
#define JBD2_FLAG_DELETED	4	/* (not written) */
#define JBD2_FLAG_LAST_TAG	8	/* the descriptor's last tag */

#define JBD2_UUID_BYTES		16	/* after a block's first tag */

/* A revoke block: the header, then r_count bytes of it in use. */
typedef struct jbd2_journal_revoke_header_s {
	journal_header_t r_header;
	__be32 r_count;			/* bytes used, header included */
} jbd2_journal_revoke_header_t;

/* The commit block (the checksum fields stay 0: no checksum feature). */
#define JBD2_CHECKSUM_BYTES	(32 / sizeof(u32))
struct commit_header {
	__be32 h_magic;
	__be32 h_blocktype;		/* JBD2_COMMIT_BLOCK */
	__be32 h_sequence;
	unsigned char h_chksum_type;
	unsigned char h_chksum_size;
	unsigned char h_padding[2];
	__be32 h_chksum[JBD2_CHECKSUM_BYTES];
	__be64 h_commit_sec;		/* when, for e2fsck's messages */
	__be32 h_commit_nsec;
} __packed;

/* The journal super block: the log's first block. */
typedef struct journal_superblock_s {
	journal_header_t s_header;	/* JBD2_SUPERBLOCK_V2 */
	/* Static: the log's geometry */
	__be32 s_blocksize;		/* bytes per log block */
	__be32 s_maxlen;		/* blocks in the log, this one too */
	__be32 s_first;			/* first block of log records */
	/* Dynamic: where the log starts */
	__be32 s_sequence;		/* the first transaction expected */
	__be32 s_start;			/* its block; 0: empty log */
	__be32 s_errno;			/* an error the journal hit */
	/* Version 2 only: */
	__be32 s_feature_compat;
	__be32 s_feature_incompat;
	__be32 s_feature_ro_compat;
	u8 s_uuid[16];			/* the journal's */
	__be32 s_nr_users;		/* file systems sharing the journal */
	__be32 s_dynsuper;
	__be32 s_max_transaction;	/* limits; 0: none set */
	__be32 s_max_trans_data;
	u32 s_padding[44];
	u8 s_users[16 * 48];		/* their UUIDs */
} journal_superblock_t;

/* Features */
#define JBD2_FEATURE_COMPAT_CHECKSUM		0x00000001
#define JBD2_FEATURE_INCOMPAT_REVOKE		0x00000001
#define JBD2_FEATURE_INCOMPAT_64BIT		0x00000002
#define JBD2_FEATURE_INCOMPAT_ASYNC_COMMIT	0x00000004
/* What this kernel reads and writes */
#define JBD2_KNOWN_COMPAT_FEATURES	JBD2_FEATURE_COMPAT_CHECKSUM
#define JBD2_KNOWN_ROCOMPAT_FEATURES	0
#define JBD2_KNOWN_INCOMPAT_FEATURES	JBD2_FEATURE_INCOMPAT_REVOKE

/* Log blocks: exactly one buffer of the buffer cache (BLOCK_SIZE). */
#define JBD2_BLOCK_SIZE		4096
#define JBD2_MIN_JOURNAL_BLOCKS	1024	/* as mke2fs's smallest */
#define JBD2_DEFAULT_MAX_COMMIT_AGE 5	/* seconds: ext3's commit= */
/* Log blocks a transaction may need besides its copies: descriptors,
 * revoke blocks, the commit block. */
#define JBD2_CONTROL_BLOCKS	8
#define JBD2_REVOKES_PER_BLOCK	\
	((JBD2_BLOCK_SIZE - sizeof(jbd2_journal_revoke_header_t)) / 4)

typedef unsigned int tid_t;		/* transaction ids, wrap-safe */

static inline bool tid_gt(tid_t x, tid_t y)
{
	return (int)(x - y) > 0;
}

static inline bool tid_geq(tid_t x, tid_t y)
{
	return (int)(x - y) >= 0;
}

typedef struct transaction_s transaction_t;
typedef struct journal_s journal_t;
typedef struct jbd2_journal_handle handle_t;

/* Which list of its transaction a journal_head is on (b_jlist). */
enum {
	BJ_None,	/* none */
	BJ_SyncData,	/* data=ordered: written before the commit */
	BJ_Metadata,	/* logged by the commit */
	BJ_Forget,	/* freed: dropped from the checkpoint at commit */
	BJ_Reserved,	/* write access taken, not (yet) dirtied */
	BJ_Types
};

/*
 * What the journal knows of a buffer (bh->b_journal_head), made at the
 * buffer's first get_write_access or dirty_data, freed when it is on no
 * list any more and no caller between jbd2_journal_add_journal_head()
 * and jbd2_journal_put_journal_head() uses it (b_jcount).  It holds a
 * reference on the buffer.  j_state_lock.
 */
struct journal_head {
	struct buffer_head *b_bh;
	int b_jcount;			/* users between add and put */
	int b_jlist;			/* BJ_*, on b_transaction */
	transaction_t *b_transaction;	/* running or committing */
	struct list_head b_list;	/* on b_transaction's b_jlist list */
	/* A newer transaction wants it while b_transaction commits: */
	transaction_t *b_next_transaction;
	int b_next_jlist;
	/* Committed, maybe not yet in place (the oldest such commit): */
	transaction_t *b_cp_transaction;
	struct list_head b_cp_list;	/* on its t_checkpoint_list */
	/* get_write_access found it dirty for a checkpoint and cleaned it:
	 * if the handle does not dirty it, it is dirtied back at commit. */
	bool b_cp_dirty;
};

/* A transaction's states (t_state). */
enum {
	T_RUNNING,	/* handles join it */
	T_LOCKED,	/* no new handles; waiting for the last to stop */
	T_FLUSH,	/* copies taken, ordered data being written */
	T_COMMIT,	/* log blocks being written */
	T_FINISHED,	/* committed: on the checkpoint list, or freed */
};

/* A revoked block of a transaction. */
struct jbd2_revoke_record_s {
	struct list_head list;
	u32 blocknr;
};

/* A set of changes that reach the log, and then the disk, together. */
struct transaction_s {
	journal_t *t_journal;
	tid_t t_tid;
	int t_state;			/* T_* */
	unsigned long t_log_start;	/* its first log block */
	int t_nr_buffers;		/* on t_buffers */
	struct list_head t_buffers;	/* BJ_Metadata */
	struct list_head t_sync_datalist; /* BJ_SyncData */
	struct list_head t_forget;	/* BJ_Forget */
	struct list_head t_reserved_list; /* BJ_Reserved */
	struct list_head t_revoke_list;	/* jbd2_revoke_record_s */
	int t_nr_revokes;
	int t_updates;			/* handles running on it */
	int t_outstanding_credits;	/* blocks its handles may still log */
	unsigned long t_start;		/* jiffies when it began */
	unsigned long t_expires;	/* jiffies when it should commit */
	/* After the commit: buffers not yet written in place */
	struct list_head t_checkpoint_list;
	struct list_head t_cplist;	/* on j_checkpoint_transactions */
};

/* An atomic operation: the blocks it changes commit together. */
struct jbd2_journal_handle {
	transaction_t *h_transaction;
	int h_buffer_credits;		/* blocks it may still dirty */
	int h_ref;			/* nested jbd2_journal_start()s */
	bool h_sync;			/* commit and wait at stop */
	int h_err;
};

/* What /proc/fs/jbd2/NAME/info shows. */
struct transaction_stats_s {
	unsigned long ts_tid;		/* the last one committed */
	unsigned long ts_commits;	/* transactions committed */
	unsigned long ts_blocks_logged;	/* log blocks written */
	unsigned long ts_blocks;	/* of them, copies of metadata */
	unsigned long ts_revokes;	/* blocks revoked */
	unsigned long ts_data;		/* ordered data buffers written */
	unsigned long ts_handles;	/* handles started */
	unsigned long ts_commit_ticks;	/* time spent committing */
	unsigned long ts_wakeups;	/* passes of the journal thread */
	unsigned long ts_forced;	/* commits asked for (fsync, full) */
	unsigned long ts_checkpoints;	/* transactions checkpointed */
	unsigned long ts_replayed;	/* blocks replayed at the last load */
	unsigned long ts_recovered;	/* transactions replayed */
};

/* j_flags */
#define JBD2_UNMOUNT	0x001	/* the thread should exit */
#define JBD2_ABORT	0x002	/* the journal failed: no more writes */
#define JBD2_IN_USE	0x004	/* the log is in use on the disk */
#define JBD2_LOADED	0x008

/* A journal: the log's geometry, its transactions, its thread. */
struct journal_s {
	unsigned long j_flags;		/* JBD2_* */
	int j_errno;
	struct buffer_head *j_sb_buffer; /* the journal super block, held */
	journal_superblock_t *j_superblock;
	struct block_device *j_dev;	/* where the log blocks are */
	struct inode *j_inode;		/* the journal's file */
	unsigned int j_blocksize;
	unsigned long j_maxlen;		/* blocks of the log file */
	u32 *j_blockmap;		/* log block -> disk block */
	char j_devname[24];		/* "hda1-8": the thread, /proc */

	/* j_state_lock: */
	spinlock_t j_state_lock;
	unsigned long j_first, j_last;	/* the records: [first, last) */
	unsigned long j_head;		/* the next block to write */
	unsigned long j_tail;		/* the oldest block still needed */
	unsigned long j_free;		/* blocks between head and tail */
	tid_t j_tail_sequence;		/* the transaction at j_tail */
	tid_t j_transaction_sequence;	/* the next transaction's id */
	tid_t j_commit_sequence;	/* the last committed */
	tid_t j_commit_request;		/* the last asked to commit */
	transaction_t *j_running_transaction;
	transaction_t *j_committing_transaction;
	struct list_head j_checkpoint_transactions; /* oldest first */
	int j_max_transaction_buffers;	/* credits of one transaction */
	unsigned long j_commit_interval; /* jiffies */
	struct transaction_stats_s j_stats;

	wait_queue_head_t j_wait_transaction_locked; /* new handles */
	wait_queue_head_t j_wait_updates;	/* the last handle stopped */
	wait_queue_head_t j_wait_commit;	/* the thread sleeps here */
	wait_queue_head_t j_wait_done_commit;	/* commit or pass done */
	struct mutex j_checkpoint_mutex;	/* one checkpoint at a time */
	struct task_struct *j_task;		/* kjournald2 */
	void *j_proc;			/* its /proc/fs/jbd2 slot */
};

/* fs/jbd2/journal.c */
journal_t *jbd2_journal_init_inode(struct inode *inode);
int jbd2_journal_load(journal_t *journal);
int jbd2_journal_destroy(journal_t *journal);
bool jbd2_journal_mark_in_use(journal_t *journal);
bool jbd2_journal_mark_clean(journal_t *journal);
int jbd2_journal_update_superblock(journal_t *journal, bool wait);
int jbd2_log_start_commit(journal_t *journal, tid_t tid);
int __jbd2_log_start_commit(journal_t *journal, tid_t tid);
int jbd2_log_wait_commit(journal_t *journal, tid_t tid);
int jbd2_journal_force_commit(journal_t *journal);
int jbd2_journal_flush(journal_t *journal);
unsigned long jbd2_journal_bmap(journal_t *journal, unsigned long blocknr);
unsigned long jbd2_log_next(journal_t *journal, unsigned long block);
struct journal_head *jbd2_journal_add_journal_head(struct buffer_head *bh);
void __jbd2_journal_put_journal_head(struct journal_head *jh);
void jbd2_journal_put_journal_head(journal_t *journal,
				   struct journal_head *jh);
void jbd2_stats_read(journal_t *journal, struct transaction_stats_s *s);
void jbd2_journal_init(void);

/* fs/jbd2/transaction.c */
handle_t *jbd2_journal_start(journal_t *journal, int nblocks);
int jbd2_journal_stop(handle_t *handle);
int jbd2_journal_get_write_access(handle_t *handle, struct buffer_head *bh);
int jbd2_journal_get_create_access(handle_t *handle,
				   struct buffer_head *bh);
int jbd2_journal_dirty_metadata(handle_t *handle, struct buffer_head *bh);
int jbd2_journal_dirty_data(handle_t *handle, struct buffer_head *bh);
bool jbd2_journal_try_to_free_buffers(journal_t *journal, struct page *page);
int jbd2_journal_forget(handle_t *handle, struct buffer_head *bh);
int jbd2_journal_revoke(handle_t *handle, unsigned long blocknr);
void __jbd2_journal_file_buffer(struct journal_head *jh,
				transaction_t *transaction, int jlist);
void __jbd2_journal_unfile_buffer(struct journal_head *jh);
bool jbd2_transaction_empty(transaction_t *transaction);

/* fs/jbd2/commit.c */
void jbd2_journal_commit_transaction(journal_t *journal);
/* Tests only: write a transaction but not its commit block (a crash
 * between the two), then stop writing anything: the journal aborts. */
extern bool jbd2_test_skip_commit_block;

/* fs/jbd2/checkpoint.c */
int jbd2_log_do_checkpoint(journal_t *journal);
int jbd2_journal_checkpoint_all(journal_t *journal);
int jbd2_log_wait_for_space(journal_t *journal, int nblocks);
void __jbd2_journal_insert_checkpoint(struct journal_head *jh,
				      transaction_t *transaction);
void __jbd2_journal_remove_checkpoint(struct journal_head *jh);
int jbd2_cleanup_journal_tail(journal_t *journal);

/* fs/jbd2/recovery.c */
int jbd2_journal_recover(journal_t *journal);

#endif /* _JBD2_H */
