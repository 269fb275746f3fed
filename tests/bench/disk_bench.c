// SPDX-License-Identifier: GPL-2.0
/*
 * tests/bench/disk_bench.c - the disk through the buffer cache, and
 * kswapd's reclaim rate.
 *
 * Write: 4 MiB of blocks dirtied in the cache, then sync_all(), timed
 * together.  Read: the same 4 MiB dropped from the cache and read back
 * 64 KiB (one request) at a time.  Reclaim: mm_pressure() over a cache
 * already full of those blocks; kswapd0's pages per second of the run.
 * Every transfer is PIO under QEMU's emulation: the numbers say how
 * fast this emulated disk is, not a real one.
 */
#include <bench.h>
#include <blkdev.h>
#include <buffer_head.h>
#include <kernel.h>
#include <string.h>
#include <swap.h>
#include <time.h>
#include <writeback.h>

#define BENCH_FIRST	4096	/* first block: the disk's second half */
#define BENCH_BLOCKS	(4 * 1024 * 1024 / BLOCK_SIZE)	/* 4 MiB */
#define BATCH		(BLK_MAX_SECTORS / BLOCK_SECTORS)

static u64 kib_per_s(u64 bytes, u64 ns)
{
	return ns ? bytes * 1000000000ULL / 1024 / ns : 0;
}

static int write_4mib(struct block_device *bdev)
{
	for (unsigned int i = 0; i < BENCH_BLOCKS; i++) {
		struct buffer_head *bh = getblk(bdev, BENCH_FIRST + i);

		if (!bh)
			return -ENOMEM;
		lock_buffer(bh);
		memset(bh->b_data, i & 0xff, BLOCK_SIZE);
		set_buffer_uptodate(bh);
		unlock_buffer(bh);
		mark_buffer_dirty(bh);
		brelse(bh);
	}
	return sync_all();
}

static int read_4mib(struct block_device *bdev, sector_t first)
{
	struct buffer_head *bhs[BATCH];
	int err = 0;

	for (unsigned int i = 0; i < BENCH_BLOCKS; i += BATCH) {
		for (unsigned int j = 0; j < BATCH; j++) {
			bhs[j] = getblk(bdev, first + i + j);
			if (!bhs[j])
				return -ENOMEM;
		}
		ll_rw_block(READ, BATCH, bhs);
		for (unsigned int j = 0; j < BATCH; j++) {
			wait_on_buffer(bhs[j]);
			if (!buffer_uptodate(bhs[j]))
				err = -EIO;
			brelse(bhs[j]);
		}
	}
	return err;
}

BENCH(disk_and_reclaim)
{
	struct block_device *bdev = lookup_bdev("hda");
	u64 t0, t1;
	long reclaimed;

	if (!bdev) {
		printk(KERN_INFO "bench: no disk hda: disk rows skipped\n");
		return;
	}
	t0 = sched_clock();
	if (write_4mib(bdev))
		goto failed;
	t1 = sched_clock();
	bench_row("buffer cache: write 4 MiB + sync_all",
		  kib_per_s(BENCH_BLOCKS * BLOCK_SIZE, t1 - t0), "KiB/s");

	invalidate_bdev(bdev);
	t0 = sched_clock();
	if (read_4mib(bdev, BENCH_FIRST))
		goto failed;
	t1 = sched_clock();
	bench_row("buffer cache: read 4 MiB, 64 KiB requests",
		  kib_per_s(BENCH_BLOCKS * BLOCK_SIZE, t1 - t0), "KiB/s");

	/* mm_pressure() reads blocks 0..N-1: have them cached already. */
	if (read_4mib(bdev, 0))
		goto failed;
	t0 = sched_clock();
	reclaimed = mm_pressure(BENCH_BLOCKS);
	t1 = sched_clock();
	if (reclaimed < 0)
		goto failed;
	bench_row("kswapd0: pages reclaimed in mm_pressure(1024)",
		  reclaimed, "pages");
	bench_row("kswapd0: reclaim rate in mm_pressure(1024)",
		  t1 > t0 ? (u64)reclaimed * 1000000000ULL / (t1 - t0) : 0,
		  "pages/s");
	return;
failed:
	printk(KERN_ERR "bench: disk_and_reclaim: I/O or memory error\n");
}
