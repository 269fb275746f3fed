/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tests/ktest/disk_test.h - helpers shared by the disk and memory-daemon
 * tests: known patterns in blocks, filling the cache, SCHED_FIFO
 * sections, and the cleanup actions that keep the tests independent.
 *
 * Word i of block b written with seed s holds
 *	PATTERN_MAGIC ^ s ^ (b << 12) ^ i
 * so a block in the wrong place or a torn block is caught, and
 * tests/system/test_disk.py checks the same words in build/disk.img.
 *
 * The raw-disk tests write blocks of the whole disk, hda.  ktest=all
 * also runs on a copy of the disk `make` makes (tools/mkdisk.py: an
 * MBR and ext3 on hda1, tests/system/test_boot.py), whose partition must
 * come out unchanged: dirty_pattern_block() fails the test rather than
 * write into a partition (raw_block_in_partition()).
 *
 * Whatever a test changes outside itself -- a buffer it holds, a bad
 * sector injected into the disk, a countdown to a failing allocation, a
 * writeback tunable -- goes through a helper here that registers the
 * undoing as a cleanup action (ktest_add_action()), so that a failed
 * assertion, which ends the test at once, leaves nothing behind for the
 * next one.  The state the actions use is static: they run after the
 * test's function has returned, and one test runs at a time.
 */
#ifndef _KTEST_DISK_TEST_H
#define _KTEST_DISK_TEST_H

#include <ata.h>
#include <blkdev.h>
#include <buffer_head.h>
#include <compiler.h>
#include <genhd.h>
#include <gfp.h>
#include <kernel.h>
#include <ktest.h>
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

/* The partition of @disk that block @block of it touches, or NULL. */
static inline struct block_device *raw_block_in_partition(
	struct block_device *disk, sector_t block)
{
	sector_t first = block * BLOCK_SECTORS;

	for (int n = 1; n <= DISK_MAX_PARTS && disk->partno == 0; n++) {
		struct block_device *part = bdget(disk->bd_dev + n);

		if (part && part->bd_contains == disk &&
		    first < part->start_sect + part->nr_sectors &&
		    first + BLOCK_SECTORS > part->start_sect)
			return part;
	}
	return NULL;
}

/*
 * A block of pattern, dirty in the cache; never one of a partition's
 * (the test fails instead).  Return: the buffer, or NULL.
 */
static inline struct buffer_head *dirty_pattern_block(struct block_device *b,
						      sector_t block, u32 seed)
{
	struct block_device *part = raw_block_in_partition(b, block);
	struct buffer_head *bh;

	if (part)
		KTEST_FAIL("block %lu of %s lies in %s: a raw-disk test must "
			   "keep out of partitions (tools/mkdisk.py)",
			   (unsigned long)block, b->name, part->name);
	bh = getblk(b, block);

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

/* Buffers the running test holds (hold_bh()); NULL: a free slot. */
#define HELD_BHS	16
static struct buffer_head *held_bhs[HELD_BHS] __used;
static bool held_bhs_action __used;

/* The cleanup action: drop every buffer the test still holds. */
static inline void drop_held_bhs(void *unused)
{
	for (int i = 0; i < HELD_BHS; i++) {
		brelse(held_bhs[i]);
		held_bhs[i] = NULL;
	}
	held_bhs_action = false;
}

/*
 * Note a buffer the test holds (getblk(), bread()): it is dropped when
 * the test ends, however it ends, unless release_bh() drops it first.  A
 * buffer under I/O keeps its own reference; the runner waits for it.
 * Return: @bh, which may be NULL.
 */
static inline struct buffer_head *hold_bh(struct buffer_head *bh)
{
	if (!bh)
		return NULL;
	if (!held_bhs_action) {
		ktest_add_action(drop_held_bhs, NULL);
		held_bhs_action = true;
	}
	for (int i = 0; i < HELD_BHS; i++)
		if (!held_bhs[i]) {
			held_bhs[i] = bh;
			return bh;
		}
	brelse(bh);
	KTEST_FAIL("a test holds more than %d buffers", HELD_BHS);
}

/* brelse() a buffer noted by hold_bh(), and forget it. */
static inline void release_bh(struct buffer_head *bh)
{
	if (!bh)
		return;
	for (int i = 0; i < HELD_BHS; i++)
		if (held_bhs[i] == bh) {
			held_bhs[i] = NULL;
			brelse(bh);
			return;
		}
	KTEST_FAIL("block %lu was not held", (unsigned long)bh->b_blocknr);
}

static inline void clear_bad_sector(void *unused)
{
	ata_set_bad_sector(-1);
}

/*
 * ata_set_bad_sector() until the test ends or heal_bad_sector(): a
 * failed assertion must not leave a broken disk to the next test.
 */
static inline void inject_bad_sector(long sector)
{
	ktest_add_action(clear_bad_sector, NULL);
	ata_set_bad_sector(sector);
}

static inline void heal_bad_sector(void)
{
	ktest_release_action(clear_bad_sector, NULL);
}

static bool fail_alloc_action __used;

static inline void cancel_fail_alloc(void *unused)
{
	fail_alloc_set(0, 0, false);
	current->make_it_fail = 0;
	fail_alloc_action = false;
}

/*
 * The @n-th allocation from now of the test's own thread fails, once:
 * only this thread is marked (make_it_fail), so no daemon or interrupt
 * handler can take the failure, and a countdown left running is
 * cancelled when the test ends.  Call it again to change the count (0:
 * cancel now).
 */
static inline void fail_alloc_in_test(unsigned long n)
{
	if (!fail_alloc_action) {
		ktest_add_action(cancel_fail_alloc, NULL);
		fail_alloc_action = true;
	}
	current->make_it_fail = n != 0;
	fail_alloc_set(n, 1, true);
}

/* An unsigned int tunable (dirty_background_ratio...) and its old value. */
struct saved_tunable {
	unsigned int *tunable;
	unsigned int value;
};

static inline void restore_tunable(void *data)
{
	struct saved_tunable *saved = data;

	WRITE_ONCE(*saved->tunable, saved->value);
}

/*
 * Set a tunable for this test only.  @saved must outlive the test's
 * function (static): the action that puts the old value back runs after.
 */
static inline void set_tunable(struct saved_tunable *saved,
			       unsigned int *tunable, unsigned int value)
{
	saved->tunable = tunable;
	saved->value = *tunable;
	ktest_add_action(restore_tunable, saved);
	WRITE_ONCE(*tunable, value);
}

#endif /* _KTEST_DISK_TEST_H */
