/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/buffer_head.h - the buffer cache: disk blocks in memory
 * (mm/buffer.c).
 *
 * Linux 2.6: include/linux/buffer_head.h, fs/buffer.c.
 * A block is PAGE_SIZE bytes (8 sectors) and lives in a page of its own,
 * described by one buffer_head; a disk and a block number find it again
 * (getblk).  The page sits on the zone's LRU lists, so kswapd can take it
 * back when memory runs short (mm/vmscan.c), and a dirty buffer remembers
 * when it was dirtied so that pdflush writes it back once it is old enough
 * (mm/page-writeback.c).
 * A file's data is not here but in its page cache (include/pagemap.h):
 * a file page's block has a buffer_head of its own, attached to the page
 * (page->private, BH_PageCache), which the same submit_bh() reads and
 * writes and the journal's ordered-data list holds.
 *
 *	bh = bread(bdev, block);	// read (or find) block; NULL: I/O error
 *	memcpy(bh->b_data, ...);	// change it
 *	mark_buffer_dirty(bh);		// pdflush writes it within ~35 s
 *	sync_dirty_buffer(bh);		// ...or write it now and wait
 *	brelse(bh);			// drop the reference; it stays cached
 */
#ifndef _BUFFER_HEAD_H
#define _BUFFER_HEAD_H

#include <atomic.h>
#include <bitops.h>
#include <blkdev.h>
#include <list.h>
#include <mm.h>
#include <wait.h>

/* bh->b_state: atomic bits, changed from process context and softirqs. */
enum bh_state_bits {
	BH_Uptodate,	/* b_data holds the block's current contents */
	BH_Dirty,	/* b_data is newer than the disk */
	BH_Lock,	/* under I/O, or being changed by its locker */
	BH_Write_EIO,	/* the last write failed */
	BH_JBDDirty,	/* changed in a transaction (fs/jbd2/): written in
			 * place only after its commit, never by pdflush
			 * before */
	BH_PageCache,	/* a file page's buffer (page->private): not in the
			 * block hash; its dirt is its page's
			 * (set_page_dirty(), pdflush's writeback_inodes()) */
	BH_Mapped,	/* a file page's buffer: b_blocknr says where */
};

#define BLOCK_SIZE	PAGE_SIZE	/* one buffer per page */
#define BLOCK_SECTORS	(BLOCK_SIZE / SECTOR_SIZE)

struct buffer_head;
typedef void (bh_end_io_t)(struct buffer_head *bh, int uptodate);

struct buffer_head {
	unsigned long b_state;		/* BH_* bits */
	sector_t b_blocknr;		/* block number, in BLOCK_SIZE units */
	sector_t b_rsector;		/* its first sector on the whole disk:
					 * generic_make_request() sets it */
	size_t b_size;			/* BLOCK_SIZE */
	char *b_data;			/* the page's address */
	struct page *b_page;		/* the page holding the data */
	struct block_device *b_bdev;
	atomic_t b_count;		/* users; 0: kswapd may free it */
	unsigned long b_dirtied_when;	/* jiffies when it became dirty */
	bh_end_io_t *b_end_io;		/* called when I/O ends (softirq) */
	void *b_private;		/* b_end_io's */
	struct buffer_head *b_reqnext;	/* next buffer of its request */
	wait_queue_head_t b_wait;	/* tasks waiting for BH_Lock */

	/* buffer_lock (mm/buffer.c): */
	struct list_head b_hash;	/* on its hash chain */
	struct list_head b_dirty;	/* on dirty_buffers, oldest first */

	/* The journal's (include/jbd2.h), under its j_state_lock: */
	struct journal_head *b_journal_head;
};

#define BUFFER_FNS(bit, name)						\
	static inline void set_buffer_##name(struct buffer_head *bh)	\
	{								\
		set_bit(BH_##bit, &bh->b_state);			\
	}								\
	static inline void clear_buffer_##name(struct buffer_head *bh)	\
	{								\
		clear_bit(BH_##bit, &bh->b_state);			\
	}								\
	static inline bool buffer_##name(const struct buffer_head *bh)	\
	{								\
		return test_bit(BH_##bit, &bh->b_state);		\
	}

BUFFER_FNS(Uptodate, uptodate)
BUFFER_FNS(Dirty, dirty)
BUFFER_FNS(Lock, locked)
BUFFER_FNS(Write_EIO, write_io_error)
BUFFER_FNS(JBDDirty, jbddirty)
BUFFER_FNS(PageCache, pagecache)
BUFFER_FNS(Mapped, mapped)

static inline void get_bh(struct buffer_head *bh)
{
	atomic_inc(&bh->b_count);
}

static inline void put_bh(struct buffer_head *bh)
{
	atomic_dec(&bh->b_count);
}

/* Counters of the buffer cache (show_mem, the tests). */
/* nr_buffers and nr_dirty change under buffer_lock, the rest by stat_inc() */
struct buffer_stats {
	unsigned long nr_buffers;	/* pages in the cache */
	unsigned long nr_dirty;		/* dirty buffers */
	unsigned long lookups, hits;	/* getblk calls, found cached */
	unsigned long reads, writes;	/* blocks read and written */
	unsigned long io_errors;	/* blocks whose I/O failed */
};

/* mm/buffer.c */
extern struct buffer_stats buffer_stats;
void buffer_init(void);
struct buffer_head *__find_get_block(struct block_device *bdev,
				     sector_t block);
struct buffer_head *getblk(struct block_device *bdev, sector_t block);
struct buffer_head *bread(struct block_device *bdev, sector_t block);
void brelse(struct buffer_head *bh);
void mark_buffer_dirty(struct buffer_head *bh);
void __mark_buffer_dirty(struct buffer_head *bh);
bool test_clear_buffer_dirty(struct buffer_head *bh);
int sync_dirty_buffer(struct buffer_head *bh);
void ll_rw_block(int rw, int nr, struct buffer_head *bhs[]);
int submit_bh(int rw, struct buffer_head *bh);
void lock_buffer(struct buffer_head *bh);
void unlock_buffer(struct buffer_head *bh);
void wait_on_buffer(struct buffer_head *bh);
void end_buffer_read_sync(struct buffer_head *bh, int uptodate);
void end_buffer_write_sync(struct buffer_head *bh, int uptodate);
unsigned long write_dirty_buffers(unsigned long nr,
				  unsigned long dirtied_before, bool wait);
int wait_on_all_buffers(void);
bool try_to_free_buffers(struct page *page, bool *dirty);
unsigned long invalidate_bdev(struct block_device *bdev);
struct buffer_head *create_empty_buffers(struct page *page,
					 struct block_device *bdev);
void end_buffer_async_read(struct buffer_head *bh, int uptodate);
void end_buffer_async_write(struct buffer_head *bh, int uptodate);
struct writeback_control;
int block_write_full_page(struct page *page, struct writeback_control *wbc);
bool try_to_free_page_buffers(struct page *page);
void discard_page_buffers(struct page *page);
void unmap_underlying_metadata(struct block_device *bdev, sector_t block);
unsigned long drop_pagecache(void);

#endif /* _BUFFER_HEAD_H */
