// SPDX-License-Identifier: GPL-2.0
/*
 * tests/ktest/writeback_test.c - pdflush, periodic and background
 * writeback, sync_all() and kernel_power_off().
 *
 * The tests marked KTEST_NAMED_ONLY need tunables on the command line
 * or end the machine; tests/system/test_disk.py boots them one by one
 * and looks at build/disk.img from the host afterwards.
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
#include <writeback.h>
#include "disk_test.h"

KTEST(pdflush_threads_wait_for_work)
{
	struct task_struct *p;
	int found = 0, idle = 0;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p)
		if (!strcmp(p->comm, "pdflush")) {
			found++;
			idle += task_state_char(p) == 'S' &&
				(p->flags & PF_FLUSHER) && !p->mm;
		}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	KTEST_EXPECT_EQ(found, MIN_PDFLUSH_THREADS);
	KTEST_EXPECT_EQ(idle, MIN_PDFLUSH_THREADS);
}

KTEST(sync_all_writes_everything_and_reports_errors_once)
{
	struct block_device *bdev = lookup_bdev("hda");
	enum { FIRST = 700, NR = 20, SEED = 0x5151 };
	unsigned long syncs = wb_stats.syncs, writes = buffer_stats.writes;
	struct buffer_head *bh;

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
	KTEST_ASSERT(buffer_stats.writes - writes >= NR);
	for (int i = 0; i < NR; i++) {
		bh = __find_get_block(bdev, FIRST + i);
		KTEST_ASSERT(bh && buffer_uptodate(bh) && !buffer_dirty(bh) &&
			     !buffer_locked(bh));
		brelse(bh);
	}

	/* A write that fails is reported by the next sync, once. */
	bh = dirty_pattern_block(bdev, FIRST, SEED);
	KTEST_ASSERT(bh != NULL);
	brelse(bh);
	ata_set_bad_sector(FIRST * BLOCK_SECTORS);
	KTEST_EXPECT_EQ(sync_all(), -EIO);
	ata_set_bad_sector(-1);
	KTEST_EXPECT_EQ(sync_all(), 0);
}

KTEST(background_writeout_above_dirty_background_ratio)
{
	struct block_device *bdev = lookup_bdev("hda");
	unsigned int saved = dirty_background_ratio;
	unsigned long runs = wb_stats.background_runs, thresh, start;
	enum { FIRST = 4000, SEED = 0xbb };
	unsigned long nr;

	KTEST_ASSERT(bdev != NULL);
	KTEST_EXPECT_EQ(sync_all(), 0);
	dirty_background_ratio = 1;
	thresh = background_thresh();
	nr = thresh + 100;
	for (unsigned long i = 0; i < nr; i++) {
		struct buffer_head *bh = dirty_pattern_block(bdev, FIRST + i,
							     SEED);
		if (!bh)
			break;
		brelse(bh);
	}
	/* pdflush writes the oldest until they are below the threshold. */
	start = jiffies;
	while (buffer_stats.nr_dirty > thresh && jiffies - start < 5 * HZ)
		schedule_timeout_uninterruptible(1);
	printk(KERN_INFO "ktest: %lu dirtied, threshold %lu: %lu dirty "
	       "after %lu ticks, %lu background runs wrote %lu\n", nr,
	       thresh, buffer_stats.nr_dirty, jiffies - start,
	       wb_stats.background_runs - runs, wb_stats.background_written);
	dirty_background_ratio = saved;
	KTEST_ASSERT(buffer_stats.nr_dirty <= thresh);
	KTEST_ASSERT(wb_stats.background_runs > runs);
	KTEST_EXPECT_EQ(sync_all(), 0);
}

/*
 * With dirty_expire_centisecs=100 dirty_writeback_centisecs=50: a dirty
 * buffer is written by pdflush between 1 and 1.5 s later, with no sync,
 * and what it wrote is on the disk.  The slack of a few ticks is the
 * plug delay, the write itself and this test's polling.
 */
KTEST_NAMED_ONLY(pdflush_writes_expired_buffers)
{
	struct block_device *bdev = lookup_bdev("hda");
	unsigned long expire, interval, start, took;
	unsigned long written = wb_stats.kupdate_written;
	unsigned long syncs = wb_stats.syncs;
	enum { BLOCK = 500, SEED = 0xe0e0 };
	struct buffer_head *bh;

	KTEST_ASSERT(bdev != NULL);
	KTEST_EXPECT_EQ(dirty_expire_centisecs, 100);
	KTEST_EXPECT_EQ(dirty_writeback_centisecs, 50);
	expire = dirty_expire_centisecs * HZ / 100;
	interval = dirty_writeback_centisecs * HZ / 100;

	bh = dirty_pattern_block(bdev, BLOCK, SEED);
	KTEST_ASSERT(bh != NULL);
	start = bh->b_dirtied_when;
	while ((buffer_dirty(bh) || buffer_locked(bh)) &&
	       jiffies - start < expire + 3 * interval)
		schedule_timeout_uninterruptible(1);
	took = jiffies - start;
	printk(KERN_INFO "ktest: pdflush wrote the buffer %lu ticks after it "
	       "became dirty (expire %lu, interval %lu)\n", took, expire,
	       interval);
	KTEST_ASSERT(!buffer_dirty(bh) && buffer_uptodate(bh));
	brelse(bh);
	KTEST_ASSERT(took > expire && took <= expire + interval + 5);
	KTEST_ASSERT(wb_stats.kupdate_written > written);
	KTEST_EXPECT_EQ(wb_stats.syncs, syncs);

	/* On the disk, not only in memory. */
	KTEST_ASSERT(invalidate_bdev(bdev) >= 1);
	bh = bread(bdev, BLOCK);
	KTEST_ASSERT(bh != NULL);
	KTEST_ASSERT(pattern_ok(bh, SEED));
	brelse(bh);
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

/* No sync: pdflush writes it once expired; wait expire + 2 intervals. */
KTEST_NAMED_ONLY(disk_pattern_written_by_pdflush)
{
	struct block_device *bdev = lookup_bdev("hda");
	unsigned long syncs = wb_stats.syncs;

	KTEST_ASSERT(bdev != NULL);
	dirty_host_blocks(bdev, HOST_EXPIRE_BLOCK);
	KTEST_EXPECT_EQ(buffer_stats.nr_dirty, HOST_BLOCKS);
	msleep((dirty_expire_centisecs + 2 * dirty_writeback_centisecs) * 10);
	KTEST_EXPECT_EQ(buffer_stats.nr_dirty, 0);
	KTEST_EXPECT_EQ(wb_stats.syncs, syncs);
	KTEST_ASSERT(wb_stats.kupdate_written >= HOST_BLOCKS);
}

/* kernel_power_off() syncs before it switches off: QEMU exits with 0. */
KTEST_NAMED_ONLY(power_off_syncs_first)
{
	struct block_device *bdev = lookup_bdev("hda");

	KTEST_ASSERT(bdev != NULL);
	dirty_host_blocks(bdev, HOST_POWEROFF_BLOCK);
	kernel_power_off();
}
