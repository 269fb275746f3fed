// SPDX-License-Identifier: GPL-2.0
/*
 * tests/ktest/disk_test.c - the ATA driver, the request queue with
 * kblockd, and the buffer cache, against QEMU's IDE disk.
 *
 * The tests boot with a 288 MiB disk image as hda (tests/conftest.py) and
 * each uses blocks of its own; ktest=all counts on that size.  The one
 * that needs a large disk is named only (tests/system/test_disk.py gives
 * it a 20 GiB sparse image).  Counters (queue, driver, cache) prove what
 * went to the disk: a test that "reads back" must see the read.
 *
 * Each test runs in a thread of its own, in any order (ktest_seed=), and
 * leaves the disk as it found it: the buffers it holds, the bad sector it
 * injects, the allocation failure it arms and the interrupt line it masks
 * are undone by cleanup actions (disk_test.h), however the test ends.  It
 * waits for I/O on the buffer itself (wait_on_buffer(), or b_wait when
 * the test is about nobody waiting), never for time to pass; the bounds
 * on ticks are there to tell one mechanism from another, not the speed of
 * the host.  ktest=all on four CPUs boots with the disk `make` makes
 * (tools/mkdisk.py: an MBR, ext3 on hda1), where the partition test has
 * something to check and the others must keep out of hda1
 * (disk_test.h); on a blank disk there is no partition.
 */
#include <asm/irqflags.h>
#include <ata.h>
#include <blkdev.h>
#include <buffer_head.h>
#include <file.h>
#include <gfp.h>
#include <interrupt.h>
#include <irq.h>
#include <kernel.h>
#include <kthread.h>
#include <ktest.h>
#include <sched.h>
#include <string.h>
#include <timer.h>
#include <wait.h>
#include <writeback.h>
#include "disk_test.h"

#define ATA_IRQ_LINE	14

KTEST(ata_found_hda_and_kblockd_runs)
{
	struct block_device *bdev = lookup_bdev("hda");
	struct task_struct *kblockd = kblockd_thread(0);

	KTEST_ASSERT(bdev != NULL);
	KTEST_EXPECT(!strcmp(bdev->name, "hda"));
	KTEST_EXPECT_EQ(bdev->nr_sectors, 288 * 1024 * 2);	/* 288 MiB */
	KTEST_EXPECT(lookup_bdev("hdb") == NULL);
	KTEST_ASSERT(kblockd != NULL);
	KTEST_EXPECT(!strcmp(kblockd->comm, "kblockd/0"));
	KTEST_EXPECT(kblockd->mm == NULL && (kblockd->flags & PF_KTHREAD));
	KTEST_EXPECT(kblockd->parent == kthreadd_task);
}

KTEST(buffer_cache_pattern_survives_sync_drop_and_reread)
{
	struct block_device *bdev = lookup_bdev("hda");
	enum { FIRST = 100, NR = 32, SEED = 0x1234 };
	unsigned long reads, dropped;
	struct ata_stats before, after;
	struct buffer_head *bh;
	bool ok;

	KTEST_ASSERT(bdev != NULL);
	for (int i = 0; i < NR; i++) {
		bh = dirty_pattern_block(bdev, FIRST + i, SEED);
		KTEST_ASSERT(bh != NULL);
		ok = buffer_dirty(bh);
		brelse(bh);
		KTEST_EXPECT(ok);
	}
	ata_get_stats(&before);
	KTEST_EXPECT_EQ(sync_all(), 0);
	ata_get_stats(&after);
	KTEST_EXPECT(after.commands > before.commands);
	KTEST_EXPECT_EQ(buffer_stats.nr_dirty, 0);

	/* Forget the cached copies: the next reads must go to the disk. */
	dropped = invalidate_bdev(bdev);
	KTEST_ASSERT(dropped >= NR);
	for (int i = 0; i < NR; i++) {
		bh = __find_get_block(bdev, FIRST + i);
		brelse(bh);
		KTEST_ASSERT(bh == NULL);
	}
	reads = buffer_stats.reads;
	for (int i = 0; i < NR; i++) {
		bh = bread(bdev, FIRST + i);
		KTEST_ASSERT(bh != NULL);
		ok = pattern_ok(bh, SEED);
		brelse(bh);
		if (!ok)
			KTEST_FAIL("block %d came back different", FIRST + i);
	}
	KTEST_EXPECT_EQ(buffer_stats.reads, reads + NR);
	/* Now cached: no more reads. */
	brelse(bread(bdev, FIRST));
	KTEST_EXPECT_EQ(buffer_stats.reads, reads + NR);
}

KTEST(block_eight_adjacent_writes_become_one_request)
{
	struct block_device *bdev = lookup_bdev("hda");
	/* Out of order, with gaps filled last: front, back and request
	 * merges all happen. */
	static const int order[8] = { 0, 2, 4, 6, 1, 3, 5, 7 };
	enum { FIRST = 200, SEED = 0x77 };
	struct buffer_head *bhs[8];
	struct blk_queue_stats before, after;
	struct ata_stats ata_before, ata_after;

	KTEST_ASSERT(bdev != NULL);
	for (int i = 0; i < 8; i++) {
		bhs[i] = hold_bh(dirty_pattern_block(bdev, FIRST + order[i],
						     SEED));
		KTEST_ASSERT(bhs[i] != NULL);
	}
	before = bdev->queue->stats;
	ata_get_stats(&ata_before);
	fifo_enter();
	ll_rw_block(WRITE, 8, bhs);
	fifo_leave();
	for (int i = 0; i < 8; i++) {
		wait_on_buffer(bhs[i]);
		KTEST_EXPECT(buffer_uptodate(bhs[i]) && !buffer_dirty(bhs[i]));
		release_bh(bhs[i]);
	}
	after = bdev->queue->stats;
	ata_get_stats(&ata_after);
	printk(KERN_INFO "ktest: 8 writes: %lu requests made, %lu merges, "
	       "%lu dispatched, %lu ATA commands\n",
	       after.requests[WRITE] - before.requests[WRITE],
	       after.merges[WRITE] - before.merges[WRITE],
	       after.dispatched[WRITE] - before.dispatched[WRITE],
	       ata_after.commands - ata_before.commands);
	KTEST_EXPECT_EQ(after.bhs[WRITE] - before.bhs[WRITE], 8);
	KTEST_EXPECT_EQ(after.dispatched[WRITE] - before.dispatched[WRITE], 1);
	KTEST_EXPECT_EQ(after.merges[WRITE] - before.merges[WRITE], 7);
	KTEST_EXPECT_EQ(ata_after.commands - ata_before.commands, 1);
	KTEST_EXPECT_EQ(after.sectors[WRITE] - before.sectors[WRITE],
			8 * BLOCK_SECTORS);
}

static sector_t end_order[8];
static int ended, ended_in_softirq, ended_in_irq;

/*
 * Also where it ran: BLOCK_SOFTIRQ, never the disk's hard interrupt
 * (which must stay short, and holds the queue lock).
 */
static void record_end_io(struct buffer_head *bh, int uptodate)
{
	if (ended < (int)ARRAY_SIZE(end_order))
		end_order[ended] = bh->b_blocknr;
	ended++;
	ended_in_softirq += in_softirq();
	ended_in_irq += in_irq();
	end_buffer_read_sync(bh, uptodate);
}

KTEST(elevator_dispatches_in_one_way_sweep)
{
	struct block_device *bdev = lookup_bdev("hda");
	/* The head will be at 301: 290 is behind it, the rest ahead. */
	static const sector_t blocks[4] = { 330, 290, 310, 320 };
	static const sector_t expect[4] = { 310, 320, 330, 290 };
	struct buffer_head *bhs[4];
	unsigned long block_softirqs;

	KTEST_ASSERT(bdev != NULL);
	invalidate_bdev(bdev);
	brelse(bread(bdev, 300));		/* the head ends at block 301 */
	invalidate_bdev(bdev);
	for (int i = 0; i < 4; i++) {
		bhs[i] = hold_bh(getblk(bdev, blocks[i]));
		KTEST_ASSERT(bhs[i] && !buffer_uptodate(bhs[i]));
	}
	ended = ended_in_softirq = ended_in_irq = 0;
	block_softirqs = softirq_count_of(BLOCK_SOFTIRQ);
	fifo_enter();
	for (int i = 0; i < 4; i++) {
		lock_buffer(bhs[i]);
		get_bh(bhs[i]);
		bhs[i]->b_end_io = record_end_io;
		submit_bh(READ, bhs[i]);
	}
	fifo_leave();
	for (int i = 0; i < 4; i++) {
		wait_on_buffer(bhs[i]);
		KTEST_EXPECT(buffer_uptodate(bhs[i]));
		release_bh(bhs[i]);
	}
	KTEST_EXPECT_EQ(ended, 4);
	for (int i = 0; i < 4; i++)
		KTEST_EXPECT_EQ(end_order[i], expect[i]);
	KTEST_EXPECT_EQ(ended_in_irq, 0);
	KTEST_EXPECT_EQ(ended_in_softirq, 4);
	KTEST_EXPECT(softirq_count_of(BLOCK_SOFTIRQ) > block_softirqs);
}

KTEST(kblockd_unplugs_a_queue_nobody_waits_on)
{
	struct block_device *bdev = lookup_bdev("hda");
	struct blk_queue_stats before, after;
	struct buffer_head *bh;
	unsigned long start, took;
	long left;

	KTEST_ASSERT(bdev != NULL);
	bh = hold_bh(dirty_pattern_block(bdev, 460, 1));
	KTEST_ASSERT(bh != NULL);
	before = bdev->queue->stats;
	start = jiffies;
	ll_rw_block(WRITE, 1, &bh);
	/*
	 * Sleep on the buffer's wait queue, not in wait_on_buffer(), which
	 * would unplug the queue itself: only the plug timer may.  The 10 s
	 * only keep a timer that never fires from hanging the run.
	 */
	left = wait_event_timeout(bh->b_wait, !buffer_locked(bh), 10 * HZ);
	took = jiffies - start;
	after = bdev->queue->stats;
	KTEST_ASSERT(left > 0);
	KTEST_EXPECT(buffer_uptodate(bh) && !buffer_dirty(bh));
	release_bh(bh);
	/* The 3 ms plug timer (one tick) handed the unplug to kblockd/0. */
	KTEST_EXPECT_EQ(after.unplug_timer - before.unplug_timer, 1);
	KTEST_EXPECT_EQ(after.unplug_wait - before.unplug_wait, 0);
	KTEST_EXPECT_EQ(after.unplug_runs - before.unplug_runs, 1);
	/*
	 * The plug delay, then one write: far less than half a second
	 * even when the host is slow (it delays the disk, and the ticks
	 * too).  A plug delay of a second or more fails.
	 */
	KTEST_EXPECT(took <= bdev->queue->unplug_delay + HZ / 2);
}

KTEST(io_error_bad_sector_gives_eio_and_queue_goes_on)
{
	struct block_device *bdev = lookup_bdev("hda");
	enum { BAD_BLOCK = 400 };
	struct buffer_head *bhs[5], *bh;
	unsigned long io_errors = buffer_stats.io_errors;
	struct ata_stats before, after;

	KTEST_ASSERT(bdev != NULL);
	invalidate_bdev(bdev);
	ata_get_stats(&before);
	inject_bad_sector(BAD_BLOCK * BLOCK_SECTORS + 3);

	/* A read of the block fails; the device says UNC. */
	bh = bread(bdev, BAD_BLOCK);
	brelse(bh);
	KTEST_EXPECT(bh == NULL);
	KTEST_EXPECT_EQ(buffer_stats.io_errors, io_errors + 1);

	/* In one request with its neighbours, only it fails. */
	for (int i = 0; i < 5; i++) {
		bhs[i] = hold_bh(getblk(bdev, BAD_BLOCK - 2 + i));
		KTEST_ASSERT(bhs[i] != NULL);
	}
	fifo_enter();
	ll_rw_block(READ, 5, bhs);
	fifo_leave();
	for (int i = 0; i < 5; i++) {
		wait_on_buffer(bhs[i]);
		KTEST_EXPECT_EQ(buffer_uptodate(bhs[i]), i != 2);
		release_bh(bhs[i]);
	}

	/* A write of it fails too, and says so. */
	bh = hold_bh(dirty_pattern_block(bdev, BAD_BLOCK, 5));
	KTEST_ASSERT(bh != NULL);
	KTEST_EXPECT_EQ(sync_dirty_buffer(bh), -EIO);
	KTEST_EXPECT(!buffer_dirty(bh) && !buffer_uptodate(bh));
	release_bh(bh);
	ata_get_stats(&after);
	KTEST_EXPECT_EQ(after.errors - before.errors, 3);

	/* The sector is readable again: so is the block. */
	heal_bad_sector();
	bh = bread(bdev, BAD_BLOCK);
	brelse(bh);
	KTEST_EXPECT(bh != NULL);
	KTEST_EXPECT_EQ(buffer_stats.io_errors, io_errors + 3);
}

KTEST(io_error_block_past_the_end_gives_eio)
{
	struct block_device *bdev = lookup_bdev("hda");
	sector_t end;
	struct buffer_head *bh;
	unsigned long errors;

	KTEST_ASSERT(bdev != NULL);
	end = bdev->nr_sectors / BLOCK_SECTORS;
	errors = buffer_stats.io_errors;
	for (int i = 0; i < 2; i++) {
		bh = bread(bdev, end + i * 1000);
		brelse(bh);
		KTEST_EXPECT(bh == NULL);
	}
	bh = hold_bh(dirty_pattern_block(bdev, end, 9));
	KTEST_ASSERT(bh != NULL);
	KTEST_EXPECT_EQ(sync_dirty_buffer(bh), -EIO);
	release_bh(bh);
	KTEST_EXPECT_EQ(buffer_stats.io_errors, errors + 3);
	/* The last block is fine, and the queue works. */
	bh = bread(bdev, end - 1);
	brelse(bh);
	KTEST_EXPECT(bh != NULL);
}

/*
 * A partition's blocks are its disk's, moved by its start
 * (blk_partition_remap()), and a block past its end is refused even
 * though the disk goes on.  Two names for the same sectors are two
 * buffers: the cache does not know that they alias, as in Linux.
 */
KTEST(partition_blocks_are_the_disks_moved_and_bounded)
{
	struct block_device *disk = lookup_bdev("hda");
	struct block_device *part = lookup_bdev("hda1");
	struct buffer_head *a, *b;
	sector_t blocks, which[2];
	unsigned long errors;

	KTEST_ASSERT(disk != NULL);
	if (!part) {
		printk(KERN_INFO "ktest: hda has no partitions: nothing to "
		       "check\n");
		return;
	}
	KTEST_EXPECT(part->bd_contains == disk);
	KTEST_EXPECT(part->queue == disk->queue);
	KTEST_EXPECT_EQ(part->bd_dev, disk->bd_dev + 1);
	/* Whole buffers of hda to compare with: the made disk's is. */
	KTEST_ASSERT(part->start_sect % BLOCK_SECTORS == 0);
	blocks = part->nr_sectors / BLOCK_SECTORS;
	KTEST_ASSERT(blocks > 1);
	which[0] = 0;
	which[1] = blocks - 1;
	for (int i = 0; i < 2; i++) {
		a = hold_bh(bread(part, which[i]));
		b = hold_bh(bread(disk, part->start_sect / BLOCK_SECTORS +
				  which[i]));
		KTEST_ASSERT(a != NULL && b != NULL);
		KTEST_EXPECT(a != b);
		KTEST_EXPECT(!memcmp(a->b_data, b->b_data, BLOCK_SIZE));
		release_bh(a);
		release_bh(b);
	}
	errors = buffer_stats.io_errors;
	a = bread(part, blocks);
	KTEST_EXPECT(a == NULL);
	brelse(a);
	KTEST_EXPECT_EQ(buffer_stats.io_errors, errors + 1);
	printk(KERN_INFO "ktest: hda1 is hda's sectors %lu-%lu\n",
	       (unsigned long)part->start_sect,
	       (unsigned long)(part->start_sect + part->nr_sectors - 1));
}

static void unmask_ata_irq(void *unused)
{
	enable_irq(ATA_IRQ_LINE);
}

/*
 * b_end_io of the read whose interrupt is lost: it runs in BLOCK_SOFTIRQ
 * just before the driver is handed the next request, so that request
 * starts at once after the reset, with its interrupt let through.
 */
static void end_io_and_unmask(struct buffer_head *bh, int uptodate)
{
	enable_irq(ATA_IRQ_LINE);
	end_buffer_read_sync(bh, uptodate);
}

static unsigned long ata_commands(void)
{
	struct ata_stats stats;

	ata_get_stats(&stats);
	return stats.commands;
}

/*
 * The disk interrupts, but the PIC keeps IRQ 14 from us: after
 * ATA_TIMEOUT (2 s of ticks) the command's block fails with -EIO and the
 * disk is reset.  The request queued behind it must then be read as if
 * nothing had happened: a command written while the device is still
 * resetting (BSY) is ignored, and the end of the reset would be taken
 * for its interrupt.  QEMU ends a reset later, in its main loop, so only
 * a driver that waits for it passes, however busy the host is.
 */
KTEST(ata_lost_interrupt_times_out_and_resets)
{
	struct block_device *bdev = lookup_bdev("hda");
	enum { LOST = 450, BEHIND = 455 };	/* apart: two requests */
	struct buffer_head *lost, *behind, *bh;
	struct ata_stats before, after;
	unsigned long start, took;

	KTEST_ASSERT(bdev != NULL);
	invalidate_bdev(bdev);
	lost = hold_bh(getblk(bdev, LOST));
	behind = hold_bh(getblk(bdev, BEHIND));
	KTEST_ASSERT(lost && !buffer_uptodate(lost));
	KTEST_ASSERT(behind && !buffer_uptodate(behind));
	ata_get_stats(&before);

	ktest_add_action(unmask_ata_irq, NULL);
	disable_irq(ATA_IRQ_LINE);
	start = jiffies;
	lock_buffer(lost);
	get_bh(lost);
	lost->b_end_io = end_io_and_unmask;
	submit_bh(READ, lost);
	blk_run_queue_async(bdev->queue);
	/* Queue the other only once the disk has the first: it waits. */
	while (ata_commands() == before.commands)
		schedule_timeout_uninterruptible(1);
	ll_rw_block(READ, 1, &behind);
	wait_on_buffer(lost);
	took = jiffies - start;
	wait_on_buffer(behind);
	ata_get_stats(&after);

	KTEST_EXPECT(!buffer_uptodate(lost));
	KTEST_EXPECT(buffer_uptodate(behind));
	KTEST_EXPECT_EQ(after.timeouts - before.timeouts, 1);
	KTEST_EXPECT_EQ(after.resets - before.resets, 1);
	KTEST_EXPECT_EQ(after.errors - before.errors, 1);
	/*
	 * The timeout counts the ticks the kernel got; a slow host gives
	 * fewer, never more, so it cannot end early.  The reset is polled
	 * every HZ / 20 and ends at the first look on QEMU: half a second
	 * more is plenty, and a timeout twice as long fails.
	 */
	KTEST_EXPECT(took >= 2 * HZ && took <= 2 * HZ + HZ / 2);
	release_bh(behind);
	release_bh(lost);
	ktest_release_action(unmask_ata_irq, NULL);

	/* After the reset the disk works again. */
	bh = bread(bdev, LOST);
	brelse(bh);
	KTEST_EXPECT(bh != NULL);
}

KTEST(getblk_without_memory_fails_cleanly)
{
	struct block_device *bdev = lookup_bdev("hda");
	unsigned long buffers, free;
	struct buffer_head *bh;

	KTEST_ASSERT(bdev != NULL);
	invalidate_bdev(bdev);
	/*
	 * SCHED_FIFO: no other thread runs between arming the failure and
	 * getblk()'s allocations, nor frees or allocates while we count.
	 */
	fifo_enter();
	buffers = buffer_stats.nr_buffers;
	free = nr_free_pages();
	fail_alloc_in_test(1);			/* the page */
	bh = getblk(bdev, 470);
	brelse(bh);
	KTEST_EXPECT(bh == NULL);
	fail_alloc_in_test(2);			/* the buffer_head */
	bh = getblk(bdev, 470);
	brelse(bh);
	KTEST_EXPECT(bh == NULL);
	KTEST_EXPECT(!fail_alloc_pending());	/* getblk() used them */
	fail_alloc_in_test(0);
	KTEST_EXPECT_EQ(buffer_stats.nr_buffers, buffers);
	KTEST_EXPECT_EQ(nr_free_pages(), free);

	/*
	 * A brelse() too many is reported, not counted below zero.  (Still
	 * SCHED_FIFO: kswapd0 cannot free the unused buffer meanwhile.)
	 */
	bh = getblk(bdev, 470);
	KTEST_ASSERT(bh != NULL);
	brelse(bh);
	brelse(bh);
	KTEST_EXPECT_EQ(atomic_read(&bh->b_count), 0);
	fifo_leave();
}

/*
 * Booted with sector 3203 bad, by ata_bad_sector=3203 or by QEMU's
 * blkdebug failing it in the device (tests/system/test_disk.py): block
 * 400 cannot be read, its neighbour can, and the queue goes on.
 */
KTEST_NAMED_ONLY(block_400_unreadable_401_fine)
{
	struct block_device *bdev = lookup_bdev("hda");
	struct buffer_head *bh;

	KTEST_ASSERT(bdev != NULL);
	bh = bread(bdev, 400);
	brelse(bh);
	KTEST_EXPECT(bh == NULL);
	bh = bread(bdev, 401);
	brelse(bh);
	KTEST_EXPECT(bh != NULL);
	bh = bread(bdev, 400);
	brelse(bh);
	KTEST_EXPECT(bh == NULL);
}

/*
 * Blocks the host checks in a large image (tests/system/test_disk.py).
 * The 288 MiB disk of the other tests has 589824 sectors: LBA bits
 * 20-27 (ATA_REG_LBAH's high half and the device register's low nibble)
 * are always 0 there.  Block 0x202000 is sectors 0x1010000-0x1010007:
 * bits 16 and 24.
 */
#define LBA28_HIGH_BLOCK	0x202000
#define LBA28_HIGH_SEED		0x1b28
#define LBA28_LAST_SEED		0x1a57

/*
 * Booted with a sparse disk of 8 GiB or more: a pattern goes to block
 * LBA28_HIGH_BLOCK and to the last block, where the host looks for it.
 */
KTEST_NAMED_ONLY(ata_lba28_high_bits_on_a_large_disk)
{
	struct block_device *bdev = lookup_bdev("hda");
	sector_t blocks[2], last;
	static const u32 seeds[2] = { LBA28_HIGH_SEED, LBA28_LAST_SEED };
	struct buffer_head *bh;
	struct file *f;
	off_t size;

	KTEST_ASSERT(bdev != NULL);
	last = bdev->nr_sectors / BLOCK_SECTORS - 1;
	blocks[0] = LBA28_HIGH_BLOCK;
	blocks[1] = last;
	/* Both need the device register's LBA bits 24-27. */
	KTEST_ASSERT(LBA28_HIGH_BLOCK < last);
	KTEST_ASSERT((last * BLOCK_SECTORS) >> 24);
	for (int i = 0; i < 2; i++) {
		bh = dirty_pattern_block(bdev, blocks[i], seeds[i]);
		KTEST_ASSERT(bh != NULL);
		brelse(bh);
	}
	KTEST_EXPECT_EQ(sync_all(), 0);
	/*
	 * Read back from the disk.  A lost address bit would read back
	 * from the same wrong sectors: only the host can tell that.
	 */
	KTEST_ASSERT(invalidate_bdev(bdev) >= 2);
	for (int i = 0; i < 2; i++) {
		bool ok;

		bh = bread(bdev, blocks[i]);
		KTEST_ASSERT(bh != NULL);
		ok = pattern_ok(bh, seeds[i]);
		brelse(bh);
		if (!ok)
			KTEST_FAIL("block %lu came back different",
				   (unsigned long)blocks[i]);
	}

	/* /dev/hda's size is an off_t, a long: at most 2 GiB shows. */
	f = blkdev_open_file("hda", O_RDWR);
	KTEST_ASSERT(!IS_ERR(f));
	size = f->f_op->llseek(f, 0, SEEK_END);
	fput(f);
	KTEST_EXPECT_EQ(size, 0x80000000UL - BLOCK_SIZE);
}
