// SPDX-License-Identifier: GPL-2.0
/*
 * tests/ktest/writeback_test.c - pdflush, periodic and background
 * writeback, sync_all() and kernel_power_off().
 *
 * The tests marked KTEST_NAMED_ONLY need tunables on the command line
 * or end the machine; tests/system/test_disk.py boots them one by one
 * and looks at build/disk.img from the host afterwards.
 *
 * Each test runs in a thread of its own, in any order; a tunable it
 * changes, a bad sector it injects and the buffers it holds are put back
 * by cleanup actions (disk_test.h) however it ends.  Work handed to
 * pdflush is waited for as the end of that work: every pdflush thread
 * asleep on its list again (ktest_wait_sleeping()), or the buffer itself
 * written (its b_wait).  Only the tests about when periodic writeback
 * happens measure ticks, with bounds a slow host cannot break.
 */
#include <ata.h>
#include <blkdev.h>
#include <buffer_head.h>
#include <kernel.h>
#include <kthread.h>
#include <ktest.h>
#include <mmzone.h>
#include <reboot.h>
#include <sched.h>
#include <string.h>
#include <timer.h>
#include <wait.h>
#include <writeback.h>
#include "disk_test.h"

#define MAX_FOUND	4	/* pdflush threads looked at, at most */

/*
 * The pdflush threads, each with a reference (put_task_struct() them).
 * Return: how many there are; at most MAX_FOUND are put in @found.
 */
static int get_pdflush_threads(struct task_struct **found)
{
	struct task_struct *p;
	unsigned long flags;
	int n = 0;

	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p)
		if (!strcmp(p->comm, "pdflush")) {
			if (n < MAX_FOUND) {
				get_task_struct(p);
				found[n] = p;
			}
			n++;
		}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return n;
}

/*
 * Wait until every pdflush thread is idle on pdflush_list: asleep,
 * interruptibly, in pdflush().  Work they run sleeps only
 * uninterruptibly (the disk, a free request), so the work handed to
 * them before this call has then been done.
 */
static void wait_pdflush_idle(void)
{
	struct task_struct *found[MAX_FOUND];
	int n = min(get_pdflush_threads(found), MAX_FOUND);

	for (int i = 0; i < n; i++) {
		ktest_wait_sleeping(found[i], TASK_INTERRUPTIBLE);
		put_task_struct(found[i]);
	}
}

/* Until @bh has been written: clean, and its I/O over. */
static long wait_written(struct buffer_head *bh, long timeout)
{
	return wait_event_timeout(bh->b_wait, !buffer_dirty(bh) &&
				  !buffer_locked(bh), timeout);
}

KTEST(pdflush_threads_wait_for_work)
{
	struct task_struct *found[MAX_FOUND];
	int n = get_pdflush_threads(found);

	KTEST_EXPECT_EQ(n, MIN_PDFLUSH_THREADS);
	/* One may be at work (the periodic writeback): then it goes back. */
	for (int i = 0; i < min(n, MAX_FOUND); i++) {
		struct task_struct *p = found[i];

		ktest_wait_sleeping(p, TASK_INTERRUPTIBLE);
		KTEST_EXPECT(p->flags & PF_FLUSHER);
		KTEST_EXPECT(p->flags & PF_KTHREAD);
		KTEST_EXPECT(p->mm == NULL);
		put_task_struct(p);
	}
}

KTEST(sync_all_writes_everything_and_reports_errors_once)
{
	struct block_device *bdev = lookup_bdev("hda");
	enum { FIRST = 700, NR = 20, SEED = 0x5151 };
	unsigned long syncs = wb_stats.syncs, writes = buffer_stats.writes;
	struct buffer_head *bh;
	bool written;

	KTEST_ASSERT(bdev != NULL);
	for (int i = 0; i < NR; i++) {
		bh = dirty_pattern_block(bdev, FIRST + i, SEED);
		KTEST_ASSERT(bh != NULL);
		brelse(bh);
	}
	KTEST_ASSERT(buffer_stats.nr_dirty >= NR);
	KTEST_EXPECT_EQ(sync_all(), 0);
	KTEST_EXPECT_EQ(buffer_stats.nr_dirty, 0);
	KTEST_EXPECT_EQ(wb_stats.syncs, syncs + 1);
	KTEST_EXPECT(buffer_stats.writes - writes >= NR);
	for (int i = 0; i < NR; i++) {
		bh = __find_get_block(bdev, FIRST + i);
		written = bh && buffer_uptodate(bh) && !buffer_dirty(bh) &&
			  !buffer_locked(bh);
		brelse(bh);
		KTEST_EXPECT(written);
	}

	/* A write that fails is reported by the next sync, once. */
	bh = dirty_pattern_block(bdev, FIRST, SEED);
	KTEST_ASSERT(bh != NULL);
	brelse(bh);
	inject_bad_sector(FIRST * BLOCK_SECTORS);
	KTEST_EXPECT_EQ(sync_all(), -EIO);
	heal_bad_sector();
	KTEST_EXPECT_EQ(sync_all(), 0);
}

KTEST(background_writeout_above_dirty_background_ratio)
{
	static struct saved_tunable ratio;
	struct block_device *bdev = lookup_bdev("hda");
	unsigned long runs = wb_stats.background_runs, thresh;
	enum { FIRST = 4000, SEED = 0xbb };
	unsigned long nr, dirtied = 0;

	KTEST_ASSERT(bdev != NULL);
	KTEST_EXPECT_EQ(sync_all(), 0);
	set_tunable(&ratio, &dirty_background_ratio, 1);
	thresh = background_thresh();
	nr = thresh + 100;
	for (; dirtied < nr; dirtied++) {
		struct buffer_head *bh = dirty_pattern_block(bdev,
							     FIRST + dirtied,
							     SEED);
		if (!bh)
			break;
		brelse(bh);
	}
	/*
	 * Crossing the threshold handed background_writeout() to pdflush,
	 * which writes the oldest until they are below it.  (A crossing
	 * while it works is its to handle.)
	 */
	wait_pdflush_idle();
	printk(KERN_INFO "ktest: %lu dirtied, threshold %lu: %lu dirty, "
	       "%lu background runs wrote %lu\n", dirtied, thresh,
	       buffer_stats.nr_dirty, wb_stats.background_runs - runs,
	       wb_stats.background_written);
	KTEST_EXPECT_EQ(dirtied, nr);
	KTEST_EXPECT(buffer_stats.nr_dirty <= thresh);
	KTEST_EXPECT(wb_stats.background_runs > runs);
	ktest_release_action(restore_tunable, &ratio);
	KTEST_EXPECT_EQ(sync_all(), 0);
}

/*
 * With dirty_expire_centisecs=100 dirty_writeback_centisecs=50: a dirty
 * buffer is written by pdflush between 1 and 1.5 s later, with no sync,
 * and what it wrote is on the disk.  When it is written is the subject:
 * the test sleeps on the buffer until then, and measures ticks.
 */
KTEST_NAMED_ONLY(pdflush_writes_expired_buffers)
{
	struct block_device *bdev = lookup_bdev("hda");
	unsigned long expire, interval, start, took;
	unsigned long written = wb_stats.kupdate_written;
	unsigned long syncs = wb_stats.syncs;
	enum { BLOCK = 500, SEED = 0xe0e0 };
	struct buffer_head *bh;
	bool ok;
	long left;

	KTEST_ASSERT(bdev != NULL);
	KTEST_EXPECT_EQ(dirty_expire_centisecs, 100);
	KTEST_EXPECT_EQ(dirty_writeback_centisecs, 50);
	expire = dirty_expire_centisecs * HZ / 100;
	interval = dirty_writeback_centisecs * HZ / 100;

	bh = hold_bh(dirty_pattern_block(bdev, BLOCK, SEED));
	KTEST_ASSERT(bh != NULL);
	start = bh->b_dirtied_when;
	/* The bound only keeps a pdflush that never writes from hanging. */
	left = wait_written(bh, expire + 10 * interval);
	took = jiffies - start;
	printk(KERN_INFO "ktest: pdflush wrote the buffer %lu ticks after it "
	       "became dirty (expire %lu, interval %lu)\n", took, expire,
	       interval);
	KTEST_ASSERT(left > 0);
	KTEST_EXPECT(buffer_uptodate(bh));
	release_bh(bh);
	/*
	 * The first wb_kupdate() after the buffer expired started the
	 * write: within one interval.  The write itself takes a plug delay
	 * and the disk, a few ticks; a quarter of a second covers a slow
	 * host (its ticks slow down with it).
	 */
	KTEST_EXPECT(took > expire && took <= expire + interval + HZ / 4);
	KTEST_EXPECT(wb_stats.kupdate_written > written);
	KTEST_EXPECT_EQ(wb_stats.syncs, syncs);

	/* On the disk, not only in memory. */
	KTEST_ASSERT(invalidate_bdev(bdev) >= 1);
	bh = bread(bdev, BLOCK);
	KTEST_ASSERT(bh != NULL);
	ok = pattern_ok(bh, SEED);
	brelse(bh);
	KTEST_EXPECT(ok);
}

/* Blocks the host checks in build/disk.img (tests/system/test_disk.py). */
#define HOST_SYNC_BLOCK		600
#define HOST_EXPIRE_BLOCK	610
#define HOST_POWEROFF_BLOCK	620
#define HOST_BLOCKS		4
#define HOST_SEED		0xd15c

static void dirty_host_blocks(struct block_device *bdev, sector_t first)
{
	for (int i = 0; i < HOST_BLOCKS; i++)
		brelse(dirty_pattern_block(bdev, first + i, HOST_SEED));
}

/* The pattern reaches the image through sync_all(). */
KTEST_NAMED_ONLY(disk_pattern_written_by_sync)
{
	struct block_device *bdev = lookup_bdev("hda");

	KTEST_ASSERT(bdev != NULL);
	dirty_host_blocks(bdev, HOST_SYNC_BLOCK);
	KTEST_EXPECT_EQ(buffer_stats.nr_dirty, HOST_BLOCKS);
	KTEST_EXPECT_EQ(sync_all(), 0);
	KTEST_EXPECT_EQ(buffer_stats.nr_dirty, 0);
}

/*
 * No sync: pdflush writes them once expired.  The test sleeps on each
 * buffer until it is written; the bound (expiry and ten intervals) only
 * keeps a pdflush that never writes from hanging the run.
 */
KTEST_NAMED_ONLY(disk_pattern_written_by_pdflush)
{
	struct block_device *bdev = lookup_bdev("hda");
	unsigned long syncs = wb_stats.syncs;
	struct buffer_head *bhs[HOST_BLOCKS];
	long timeout;

	KTEST_ASSERT(bdev != NULL);
	timeout = (dirty_expire_centisecs + 10 * dirty_writeback_centisecs) *
		  HZ / 100;
	for (int i = 0; i < HOST_BLOCKS; i++) {
		bhs[i] = hold_bh(dirty_pattern_block(bdev,
						     HOST_EXPIRE_BLOCK + i,
						     HOST_SEED));
		KTEST_ASSERT(bhs[i] != NULL);
	}
	KTEST_EXPECT_EQ(buffer_stats.nr_dirty, HOST_BLOCKS);
	for (int i = 0; i < HOST_BLOCKS; i++) {
		KTEST_EXPECT(wait_written(bhs[i], timeout) > 0);
		release_bh(bhs[i]);
	}
	KTEST_EXPECT_EQ(buffer_stats.nr_dirty, 0);
	KTEST_EXPECT_EQ(wb_stats.syncs, syncs);
	KTEST_EXPECT(wb_stats.kupdate_written >= HOST_BLOCKS);
}

/* kernel_power_off() syncs before it switches off: QEMU exits with 0. */
KTEST_NAMED_ONLY(power_off_syncs_first)
{
	struct block_device *bdev = lookup_bdev("hda");

	KTEST_ASSERT(bdev != NULL);
	dirty_host_blocks(bdev, HOST_POWEROFF_BLOCK);
	kernel_power_off();
}
