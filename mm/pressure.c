// SPDX-License-Identifier: GPL-2.0
/*
 * mm/pressure.c - memory pressure on demand, to watch kswapd work.
 *
 * No Linux counterpart (the nearest is a `dd` that fills the page cache
 * followed by a program that allocates).  mm_pressure() fills the buffer
 * cache by reading blocks of hda, then takes pages from the allocator
 * until free memory has gone below pages_low and then some: the
 * allocator wakes kswapd0, which frees the cache's clean pages to bring
 * free memory back to pages_high.  Below pages_low the helper sleeps a
 * tick every SWAP_CLUSTER_MAX pages, as a real workload that waits for
 * something would, so that kswapd -- not direct reclaim -- does the
 * work: on one CPU the sleep gives kswapd0 the CPU, and on several it
 * keeps the allocator from outrunning kswapd0 on another CPU down to
 * pages_min, where it would reclaim for itself.  Then it gives everything
 * back.  The kt_pressure system call and the shell's `pressure N` call
 * it; the tests and `make bench` too.
 */
#include <blkdev.h>
#include <buffer_head.h>
#include <gfp.h>
#include <kernel.h>
#include <mmzone.h>
#include <sched.h>
#include <swap.h>
#include <timer.h>

#define READ_BATCH	(BLK_MAX_SECTORS / BLOCK_SECTORS)	/* a request */

/* Read blocks 0..@nr-1 into the cache, a request's worth at a time. */
static int fill_cache(struct block_device *bdev, unsigned long nr)
{
	struct buffer_head *bhs[READ_BATCH];
	int err = 0;

	nr = min(nr, (unsigned long)(bdev->nr_sectors / BLOCK_SECTORS));
	for (unsigned long block = 0; block < nr && !err; block += READ_BATCH) {
		int n = min(nr - block, (unsigned long)READ_BATCH), got;

		for (got = 0; got < n; got++) {
			bhs[got] = getblk(bdev, block + got);
			if (!bhs[got]) {
				err = -ENOMEM;
				break;
			}
		}
		ll_rw_block(READ, got, bhs);
		for (int i = 0; i < got; i++) {
			wait_on_buffer(bhs[i]);
			if (!buffer_uptodate(bhs[i]))
				err = -EIO;
			brelse(bhs[i]);
		}
	}
	return err;
}

/*
 * kswapd0 has been woken: let it run its balance round to pages_high
 * before allocating more.  On one CPU yielding would do; on several,
 * kswapd0 runs on another CPU while this one allocates on, faster than
 * it frees, into direct reclaim: so wait, a tick at a time, until it is
 * back asleep on kswapd_wait.
 */
static void wait_for_kswapd(void)
{
	struct task_struct *kswapd = READ_ONCE(NODE_DATA(0)->kswapd);

	while (kswapd && !task_sleeping(kswapd, TASK_INTERRUPTIBLE))
		schedule_timeout_uninterruptible(1);
}

/**
 * mm_pressure - fill the cache, then allocate until kswapd must reclaim
 * @pages: cache pages to read (if there is a disk), and how many pages
 *         to allocate beyond the point where kswapd is woken
 *
 * Context: process, may sleep.
 * Return: pages kswapd0 freed during the run, -EINVAL for a @pages of 0
 * or more than the memory, -EIO or -ENOMEM if the cache could not be
 * filled.
 */
long mm_pressure(unsigned long pages)
{
	struct zone *zone = zone_normal();
	struct block_device *bdev = lookup_bdev("hda");
	unsigned long stolen = vm_events.kswapd_steal, target, held = 0;
	LIST_HEAD(held_pages);
	int err;

	if (!pages || pages > zone->managed_pages)
		return -EINVAL;
	if (bdev) {
		err = fill_cache(bdev, pages);
		if (err)
			return err;
	}

	/* Down to pages_low, then @pages more, which reclaim must find. */
	target = pages;
	if (zone->free_pages > zone->pages_low)
		target += zone->free_pages - zone->pages_low;
	while (held < target) {
		struct page *page = alloc_page(GFP_KERNEL | __GFP_NOWARN);

		if (!page)
			break;		/* nothing left anyone could free */
		list_add(&page->lru, &held_pages);
		held++;
		if (zone->free_pages < zone->pages_low &&
		    !(held % SWAP_CLUSTER_MAX))
			wait_for_kswapd();
	}
	while (!list_empty(&held_pages)) {
		struct page *page = list_first_entry(&held_pages, struct page,
						     lru);

		list_del(&page->lru);
		__free_page(page);
	}
	return vm_events.kswapd_steal - stolen;
}
