// SPDX-License-Identifier: GPL-2.0
/*
 * tests/ktest/vmscan_test.c - kswapd0, the LRU's second chance,
 * shrinkers, direct reclaim and the pressure helper.
 *
 * Each test fills the buffer cache with clean blocks read from hda, then
 * takes free memory away and watches who gives it back.  Times are
 * measured in ticks, with tick-level bounds only.
 */
#include <ata.h>
#include <blkdev.h>
#include <buffer_head.h>
#include <gfp.h>
#include <kernel.h>
#include <kthread.h>
#include <ktest.h>
#include <mmzone.h>
#include <sched.h>
#include <slab.h>
#include <string.h>
#include <swap.h>
#include <timer.h>
#include <writeback.h>
#include "disk_test.h"

/* Pages taken from the allocator, chained through page->lru. */
static LIST_HEAD(held);

static bool hold_page(gfp_t gfp)
{
	struct page *page = alloc_page(gfp | __GFP_NOWARN);

	if (!page)
		return false;
	list_add(&page->lru, &held);
	return true;
}

static void release_held(void)
{
	while (!list_empty(&held)) {
		struct page *page = list_first_entry(&held, struct page, lru);

		list_del(&page->lru);
		__free_page(page);
	}
}

static struct task_struct *kswapd_task(void)
{
	return NODE_DATA(0)->kswapd;
}

KTEST(kswapd_reclaims_from_pages_low_to_pages_high)
{
	struct block_device *bdev = lookup_bdev("hda");
	struct zone *zone = zone_normal();
	struct task_struct *kswapd = kswapd_task();
	unsigned long wakeups, periodic, stolen, stalls, start, low, high, took;
	unsigned long scanned;

	KTEST_ASSERT(bdev != NULL);
	KTEST_ASSERT(kswapd && !strcmp(kswapd->comm, "kswapd0"));
	KTEST_ASSERT((kswapd->flags & (PF_MEMALLOC | PF_KSWAPD | PF_KTHREAD)) ==
		     (PF_MEMALLOC | PF_KSWAPD | PF_KTHREAD));
	KTEST_ASSERT(kswapd->mm == NULL);
	KTEST_EXPECT_EQ(read_blocks(bdev, 2000, 1000), 0);
	KTEST_ASSERT(buffer_stats.nr_buffers >= 1000);

	/* Down to pages_low exactly: no wake-up yet. */
	while (nr_free_pages() > zone->pages_low && hold_page(GFP_KERNEL))
		;
	low = nr_free_pages();
	wakeups = vm_events.kswapd_wakeups;
	periodic = vm_events.kswapd_periodic;
	stolen = vm_events.kswapd_steal;
	stalls = vm_events.allocstall;
	scanned = vm_events.pgscan_kswapd;
	/*
	 * One page more crosses pages_low: the allocator wakes kswapd0,
	 * which runs at once if it has the better priority, else at our
	 * first sleep.
	 */
	hold_page(GFP_KERNEL);
	start = jiffies;
	while (nr_free_pages() < zone->pages_high && jiffies - start < HZ)
		schedule_timeout_uninterruptible(1);
	high = nr_free_pages();
	took = jiffies - start;
	release_held();
	printk(KERN_INFO "ktest: kswapd0 brought free pages from %lu to %lu "
	       "(pages_low %lu, pages_high %lu) in %lu ticks, reclaiming %lu\n",
	       low, high, zone->pages_low, zone->pages_high, took,
	       vm_events.kswapd_steal - stolen);
	KTEST_EXPECT_EQ(low, zone->pages_low);
	KTEST_ASSERT(high >= zone->pages_high);
	/* Woken by the allocator, not (only) by its periodic look. */
	KTEST_ASSERT(vm_events.kswapd_wakeups - wakeups >
		     vm_events.kswapd_periodic - periodic);
	/* Cache pages, most of it (the slab's empty pages count too). */
	KTEST_ASSERT(vm_events.kswapd_steal - stolen >=
		     (zone->pages_high - zone->pages_low) / 2);
	KTEST_ASSERT(vm_events.pgscan_kswapd > scanned);
	/* It was kswapd, not the allocating task. */
	KTEST_EXPECT_EQ(vm_events.allocstall, stalls);
}

/*
 * A cache of nothing but dirty pages: kswapd0 cannot free one until it
 * is written, so it must ask pdflush (wakeup_pdflush() in shrink_zone()).
 * dirty_background_ratio 100 keeps balance_dirty_pages() from starting
 * that writeback itself, and the 30 s expiry keeps wb_kupdate() out: the
 * only writer left is the one kswapd0 asks for.
 */
KTEST(kswapd_asks_pdflush_to_clean_dirty_pages)
{
	struct block_device *bdev = lookup_bdev("hda");
	struct zone *zone = zone_normal();
	unsigned int saved_ratio = dirty_background_ratio;
	unsigned long runs = wb_stats.background_runs;
	unsigned long written = wb_stats.background_written;
	unsigned long kupdate = wb_stats.kupdate_written;
	unsigned long stolen = vm_events.kswapd_steal;
	unsigned long dirtied = 0, high, start, took;
	enum { FIRST = 5000, NR = 2000, SEED = 0x9d1e };

	KTEST_ASSERT(bdev != NULL);
	KTEST_EXPECT_EQ(sync_all(), 0);
	drop_pagecache();
	kmem_cache_shrink_all();
	dirty_background_ratio = 100;
	for (; dirtied < NR; dirtied++) {
		struct buffer_head *bh;

		bh = dirty_pattern_block(bdev, FIRST + dirtied, SEED);
		if (!bh)
			break;
		brelse(bh);
	}
	while (nr_free_pages() > zone->pages_low && hold_page(GFP_KERNEL))
		;
	hold_page(GFP_KERNEL);		/* below pages_low: kswapd0 wakes */
	start = jiffies;
	while (nr_free_pages() < zone->pages_high && jiffies - start < 5 * HZ)
		schedule_timeout_uninterruptible(1);
	high = nr_free_pages();
	took = jiffies - start;
	release_held();
	dirty_background_ratio = saved_ratio;
	printk(KERN_INFO "ktest: %lu dirty blocks: free pages at %lu "
	       "(pages_high %lu) after %lu ticks; %lu background runs "
	       "wrote %lu, kswapd0 reclaimed %lu\n", dirtied, high,
	       zone->pages_high, took, wb_stats.background_runs - runs,
	       wb_stats.background_written - written,
	       vm_events.kswapd_steal - stolen);
	KTEST_EXPECT_EQ(sync_all(), 0);
	KTEST_EXPECT_EQ(buffer_stats.nr_dirty, 0);
	KTEST_EXPECT_EQ(dirtied, NR);
	KTEST_ASSERT(high >= zone->pages_high);
	KTEST_ASSERT(wb_stats.background_runs > runs);
	KTEST_EXPECT_EQ(wb_stats.kupdate_written, kupdate);
	KTEST_ASSERT(vm_events.kswapd_steal - stolen >=
		     (zone->pages_high - zone->pages_low) / 2);
}

KTEST(kswapd_sleeps_when_memory_is_fine)
{
	struct task_struct *kswapd = kswapd_task();
	unsigned long ticks, runs, wakeups, periodic;

	KTEST_ASSERT(kswapd != NULL);
	KTEST_ASSERT(nr_free_pages() > zone_normal()->pages_high);
	msleep(50);
	ticks = kswapd->utime + kswapd->stime;
	runs = vm_events.pageoutrun;
	wakeups = vm_events.kswapd_wakeups;
	periodic = vm_events.kswapd_periodic;
	msleep(500);
	KTEST_EXPECT_EQ(task_state_char(kswapd), 'S');
	KTEST_EXPECT_EQ(kswapd->utime + kswapd->stime, ticks);
	KTEST_EXPECT_EQ(vm_events.pageoutrun, runs);
	/* At most its periodic looks, which found nothing to do. */
	KTEST_EXPECT_EQ(vm_events.kswapd_wakeups - wakeups,
			vm_events.kswapd_periodic - periodic);
	KTEST_ASSERT(vm_events.kswapd_periodic - periodic <=
		     (kswapd_interval_ms ? 500 / kswapd_interval_ms + 1 : 0));
}

/* Run with kswapd_interval=50: ten looks in half a second. */
KTEST_NAMED_ONLY(kswapd_looks_periodically)
{
	unsigned long periodic = vm_events.kswapd_periodic;
	unsigned long runs = vm_events.pageoutrun;

	KTEST_EXPECT_EQ(kswapd_interval_ms, 50);
	msleep(500);
	printk(KERN_INFO "ktest: kswapd0 woke %lu times by its timer in "
	       "500 ms\n", vm_events.kswapd_periodic - periodic);
	KTEST_ASSERT(vm_events.kswapd_periodic - periodic >= 7);
	KTEST_ASSERT(vm_events.kswapd_periodic - periodic <= 11);
	KTEST_EXPECT_EQ(vm_events.pageoutrun, runs);
}

/*
 * The allocating thread: SCHED_FIFO, so kswapd0 cannot run until it has
 * given everything back and exited.
 */
static int allocate_beyond_free(void *arg)
{
	unsigned long extra = (unsigned long)arg, target, i;

	sched_setscheduler(current, SCHED_FIFO, 1);
	target = nr_free_pages() - zone_normal()->pages_min + extra;
	for (i = 0; i < target; i++)
		if (!hold_page(GFP_KERNEL))
			break;
	release_held();
	return i == target ? 0 : -ENOMEM;
}

KTEST(direct_reclaim_frees_clean_cache_instead_of_failing)
{
	struct block_device *bdev = lookup_bdev("hda");
	unsigned long stalls = vm_events.allocstall;
	unsigned long stolen = vm_events.kswapd_steal;
	unsigned long steal = vm_events.pgsteal;
	unsigned long scanned = vm_events.pgscan_direct;
	long code;
	int pid;

	KTEST_ASSERT(bdev != NULL);
	KTEST_EXPECT_EQ(read_blocks(bdev, 3000, 1000), 0);
	/* 500 pages more than are free: reclaim must find them. */
	pid = kernel_thread(allocate_beyond_free, (void *)500UL, 0);
	KTEST_ASSERT(pid > 0);
	KTEST_EXPECT_EQ(do_wait(pid, &code, 0), pid);
	printk(KERN_INFO "ktest: direct reclaim: %lu stalls, %lu pages\n",
	       vm_events.allocstall - stalls, vm_events.pgsteal - steal);
	KTEST_EXPECT_EQ(code, 0);
	KTEST_ASSERT(vm_events.allocstall > stalls);
	KTEST_ASSERT(vm_events.pgsteal - steal >= 500);
	KTEST_ASSERT(vm_events.pgscan_direct > scanned);
	KTEST_EXPECT_EQ(vm_events.kswapd_steal, stolen);
}

KTEST(lru_referenced_pages_get_a_second_chance)
{
	struct block_device *bdev = lookup_bdev("hda");
	enum { FIRST = 1000, NR = 64 };
	unsigned long activated = vm_events.pgactivate, deactivated, buffers;
	int kept = 0, freed = 0, rounds = 0;

	KTEST_ASSERT(bdev != NULL);
	drop_pagecache();
	kmem_cache_shrink_all();
	buffers = buffer_stats.nr_buffers;
	KTEST_EXPECT_EQ(read_blocks(bdev, FIRST, NR), 0);
	/* Use the odd blocks again: PG_referenced. */
	for (int i = 1; i < NR; i += 2)
		brelse(__find_get_block(bdev, FIRST + i));
	KTEST_ASSERT(shrink_all_memory(NR / 2) >= NR / 2);
	for (int i = 0; i < NR; i++) {
		struct buffer_head *bh = __find_get_block(bdev, FIRST + i);

		if (i % 2 && !bh)
			KTEST_FAIL("referenced block %d was reclaimed", i);
		kept += bh && !(i % 2);
		freed += !bh;
		brelse(bh);
	}
	printk(KERN_INFO "ktest: second chance: %d unreferenced blocks freed, "
	       "%d kept; %lu activated\n", freed, kept,
	       vm_events.pgactivate - activated);
	KTEST_ASSERT(freed >= NR / 2 - 4);
	KTEST_ASSERT(vm_events.pgactivate - activated >= NR / 2);

	/*
	 * Active pages leave only through refill_inactive_zone(): it
	 * clears the bit the lookups above set again, moves the pages to
	 * the inactive list on its next look, and they are freed there.
	 */
	deactivated = vm_events.pgdeactivate;
	for (; rounds < 4 && buffer_stats.nr_buffers > buffers; rounds++)
		shrink_all_memory(NR);
	printk(KERN_INFO "ktest: then %lu deactivated, %lu of the %d blocks "
	       "left after %d more shrinks\n",
	       vm_events.pgdeactivate - deactivated,
	       buffer_stats.nr_buffers - buffers, NR, rounds);
	KTEST_ASSERT(vm_events.pgdeactivate - deactivated >= NR / 2);
	KTEST_EXPECT_EQ(buffer_stats.nr_buffers, buffers);
}

static int test_objects, test_calls;

static int test_shrink(int nr_to_scan, gfp_t gfp_mask)
{
	if (nr_to_scan) {
		test_calls++;
		test_objects -= min(nr_to_scan, test_objects);
	}
	return test_objects;
}

static struct shrinker test_shrinker = { .shrink = test_shrink };

KTEST(shrinkers_are_asked_for_memory)
{
	struct kmem_cache *cache;
	void *objs[4];

	/* An empty slab the cache keeps: the slab's shrinker frees it. */
	cache = kmem_cache_create("ktest_shrink", 1024, 0, 0, NULL);
	KTEST_ASSERT(cache != NULL);
	for (int i = 0; i < 4; i++)
		objs[i] = kmem_cache_alloc(cache, GFP_KERNEL);
	for (int i = 0; i < 4; i++)
		kmem_cache_free(cache, objs[i]);
	KTEST_ASSERT(kmem_cache_free_slab_pages() >= 1);

	test_objects = 1000;
	test_calls = 0;
	register_shrinker(&test_shrinker);
	drop_pagecache();
	/* No cache pages: everything must come from the shrinkers. */
	KTEST_ASSERT(shrink_all_memory(2000) >= 1000);
	unregister_shrinker(&test_shrinker);
	KTEST_ASSERT(test_calls >= 2);		/* a share at a time */
	KTEST_EXPECT_EQ(test_objects, 0);
	KTEST_EXPECT_EQ(kmem_cache_free_slab_pages(), 0);
	KTEST_EXPECT_EQ(kmem_cache_destroy(cache), 0);
}

KTEST(mm_pressure_makes_kswapd_reclaim)
{
	struct block_device *bdev = lookup_bdev("hda");
	unsigned long wakeups = vm_events.kswapd_wakeups;
	long reclaimed;

	KTEST_ASSERT(bdev != NULL);
	KTEST_EXPECT_EQ(mm_pressure(0), -EINVAL);
	KTEST_EXPECT_EQ(mm_pressure(zone_normal()->managed_pages + 1),
			-EINVAL);
	reclaimed = mm_pressure(1000);
	printk(KERN_INFO "ktest: mm_pressure(1000): kswapd0 reclaimed %ld "
	       "pages in %lu wake-ups\n", reclaimed,
	       vm_events.kswapd_wakeups - wakeups);
	show_mem();			/* the counters, for people to read */
	KTEST_ASSERT(reclaimed >= 500);
	KTEST_ASSERT(vm_events.kswapd_wakeups > wakeups);
	KTEST_ASSERT(nr_free_pages() >= zone_normal()->pages_high);

	/* Its errors: no memory for the cache, a block that cannot be read */
	drop_pagecache();
	fail_alloc_after(1);
	KTEST_EXPECT_EQ(mm_pressure(16), -ENOMEM);
	ata_set_bad_sector(5 * BLOCK_SECTORS);
	KTEST_EXPECT_EQ(mm_pressure(16), -EIO);
	ata_set_bad_sector(-1);
}

/* Booted without a disk: the pressure helper only allocates. */
KTEST_NAMED_ONLY(mm_pressure_without_a_disk)
{
	unsigned long reads = buffer_stats.reads;

	KTEST_ASSERT(lookup_bdev("hda") == NULL);
	KTEST_ASSERT(mm_pressure(100) >= 0);
	KTEST_EXPECT_EQ(buffer_stats.reads, reads);
	KTEST_EXPECT_EQ(buffer_stats.nr_buffers, 0);
	KTEST_ASSERT(vm_events.kswapd_wakeup_requests > 0);
}
