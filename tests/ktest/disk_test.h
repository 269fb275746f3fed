/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tests/ktest/disk_test.h - helpers shared by the disk and memory-daemon
 * tests: known patterns in blocks, filling the cache, SCHED_FIFO
 * sections.
 *
 * Word i of block b written with seed s holds
 *	PATTERN_MAGIC ^ s ^ (b << 12) ^ i
 * so a block in the wrong place or a torn block is caught, and
 * tests/system/test_disk.py checks the same words in build/disk.img.
 */
#ifndef _KTEST_DISK_TEST_H
#define _KTEST_DISK_TEST_H

#include <blkdev.h>
#include <buffer_head.h>
#include <kernel.h>
#include <sched.h>

#define PATTERN_MAGIC	0x6b743236u	/* "kt26" */
#define BLOCK_WORDS	(BLOCK_SIZE / sizeof(u32))

static inline u32 pattern_word(sector_t block, unsigned int i, u32 seed)
{
	return PATTERN_MAGIC ^ seed ^ (block << 12) ^ i;
}

static inline void fill_pattern(struct buffer_head *bh, u32 seed)
{
	u32 *w = (u32 *)bh->b_data;

	for (unsigned int i = 0; i < BLOCK_WORDS; i++)
		w[i] = pattern_word(bh->b_blocknr, i, seed);
}

static inline bool pattern_ok(struct buffer_head *bh, u32 seed)
{
	const u32 *w = (const u32 *)bh->b_data;

	for (unsigned int i = 0; i < BLOCK_WORDS; i++)
		if (w[i] != pattern_word(bh->b_blocknr, i, seed))
			return false;
	return true;
}

/* A block of pattern, dirty in the cache.  Return: the buffer, or NULL. */
static inline struct buffer_head *dirty_pattern_block(struct block_device *b,
						      sector_t block, u32 seed)
{
	struct buffer_head *bh = getblk(b, block);

	if (bh) {
		lock_buffer(bh);
		fill_pattern(bh, seed);
		set_buffer_uptodate(bh);
		unlock_buffer(bh);
		mark_buffer_dirty(bh);
	}
	return bh;
}

/* Read blocks [first, first + nr) into the cache.  Return: 0 or -EIO. */
static inline int read_blocks(struct block_device *b, sector_t first,
			      unsigned int nr)
{
	struct buffer_head *bhs[16];
	int err = 0;

	for (unsigned int done = 0; done < nr; done += 16) {
		unsigned int n = min(nr - done, 16U);

		for (unsigned int i = 0; i < n; i++) {
			bhs[i] = getblk(b, first + done + i);
			if (!bhs[i])
				return -ENOMEM;
		}
		ll_rw_block(READ, n, bhs);
		for (unsigned int i = 0; i < n; i++) {
			wait_on_buffer(bhs[i]);
			if (!buffer_uptodate(bhs[i]))
				err = -EIO;
			brelse(bhs[i]);
		}
	}
	return err;
}

/*
 * While the test runs SCHED_FIFO, kblockd/0 and kswapd0 (normal tasks)
 * run only when it sleeps: what it submits in one go is queued before
 * anything is dispatched, whatever the timer does meanwhile.
 */
static inline void fifo_enter(void)
{
	sched_setscheduler(current, SCHED_FIFO, 1);
}

static inline void fifo_leave(void)
{
	sched_setscheduler(current, SCHED_NORMAL, 0);
}

#endif /* _KTEST_DISK_TEST_H */
