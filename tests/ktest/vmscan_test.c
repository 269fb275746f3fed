// SPDX-License-Identifier: GPL-2.0
/*
 * tests/ktest/vmscan_test.c - kswapd0, the LRU's second chance,
 * shrinkers, direct reclaim and the pressure helper.
 *
 * Each test fills the buffer cache with clean blocks read from hda, then
 * takes free memory away and watches who gives it back.  Times are
 * measured in ticks, with tick-level bounds only.
 *
 * Each test runs in a thread of its own, in any order.  The pages it
 * takes, the thread it starts, the shrinker and cache it registers, the
 * tunable, bad sector and allocation failure it sets are given back by
 * cleanup actions however it ends.  kswapd0's work is waited for as its
 * end: kswapd0 asleep in its wait again (ktest_wait_sleeping()), which
 * it is only when balance_pgdat() is over.  Only the tests about its
 * periodic look let time pass, as their subject.
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

/* Take a page from the allocator, chained on @list through page->lru. */
static bool hold_page(struct list_head *list, gfp_t gfp)
{
	struct page *page = alloc_page(gfp | __GFP_NOWARN);

	if (!page)
		return false;
	list_add(&page->lru, list);
	return true;
}

static void free_page_list(struct list_head *list)
{
	while (!list_empty(list)) {
		struct page *page = list_first_entry(list, struct page, lru);

		list_del(&page->lru);
		__free_page(page);
	}
}

/* Pages the running test holds: given back by release_held(). */
static LIST_HEAD(held);

/* The cleanup action of a test that takes pages into held. */
static void release_held(void *unused)
{
	free_page_list(&held);
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
	unsigned long wakeups, requests, stolen, stalls, start, low, high, took;
	unsigned long scanned;

	KTEST_ASSERT(bdev != NULL);
	KTEST_ASSERT(kswapd != NULL);
	/*
	 * Asleep interruptibly only in its loop: past its first lines,
	 * where it sets its flags, and done with any earlier work.
	 */
	ktest_wait_sleeping(kswapd, TASK_INTERRUPTIBLE);
	KTEST_EXPECT(!strcmp(kswapd->comm, "kswapd0"));
	KTEST_EXPECT((kswapd->flags & (PF_MEMALLOC | PF_KSWAPD | PF_KTHREAD)) ==
		     (PF_MEMALLOC | PF_KSWAPD | PF_KTHREAD));
	KTEST_EXPECT(kswapd->mm == NULL);
	KTEST_EXPECT_EQ(read_blocks(bdev, 2000, 1000), 0);
	KTEST_ASSERT(buffer_stats.nr_buffers >= 1000);

	/* Down to pages_low exactly: no wake-up yet. */
	ktest_add_action(release_held, NULL);
	while (nr_free_pages() > zone->pages_low &&
	       hold_page(&held, GFP_KERNEL))
		;
	low = nr_free_pages();
	wakeups = vm_events.kswapd_wakeups;
	requests = vm_events.kswapd_wakeup_requests;
	stolen = vm_events.kswapd_steal;
	stalls = vm_events.allocstall;
	scanned = vm_events.pgscan_kswapd;
	/*
	 * One page more crosses pages_low: the allocator wakes kswapd0,
	 * which runs at once if it has the better priority, else at our
	 * first sleep.  It sleeps again when balance_pgdat() has brought
	 * the zone up.
	 */
	hold_page(&held, GFP_KERNEL);
	start = jiffies;
	ktest_wait_sleeping(kswapd, TASK_INTERRUPTIBLE);
	high = nr_free_pages();
	took = jiffies - start;
	ktest_release_action(release_held, NULL);
	printk(KERN_INFO "ktest: kswapd0 brought free pages from %lu to %lu "
	       "(pages_low %lu, pages_high %lu) in %lu ticks, reclaiming %lu\n",
	       low, high, zone->pages_low, zone->pages_high, took,
	       vm_events.kswapd_steal - stolen);
	KTEST_EXPECT_EQ(low, zone->pages_low);
	KTEST_EXPECT(high >= zone->pages_high);
	/*
	 * The allocator asked for kswapd0 (wakeup_kswapd()), and kswapd0
	 * woke.  Which of the two woke it, the request or its periodic
	 * timeout expiring at the same moment, a loaded host can decide
	 * either way: only the request is certain.
	 */
	KTEST_EXPECT(vm_events.kswapd_wakeup_requests - requests >= 1);
	KTEST_EXPECT(vm_events.kswapd_wakeups - wakeups >= 1);
	/* Cache pages, most of it (the slab's empty pages count too). */
	KTEST_EXPECT(vm_events.kswapd_steal - stolen >=
		     (zone->pages_high - zone->pages_low) / 2);
	KTEST_EXPECT(vm_events.pgscan_kswapd > scanned);
	/* It was kswapd, not the allocating task. */
	KTEST_EXPECT_EQ(vm_events.allocstall, stalls);
}

/*
 * A cache of nothing but dirty pages: kswapd0 cannot free one until it
 * is written, so it must ask pdflush (wakeup_pdflush() in shrink_zone()).
 * dirty_background_ratio 100 keeps balance_dirty_pages() from starting
 * that writeback itself, and the 30 s expiry keeps wb_kupdate() out: the
 * only writer left is the one kswapd0 asks for.  Between its passes
 * kswapd0 gives the writes time (do_reclaim()); the test waits for it to
 * be done, asleep again, and, should pages_low not be reached yet, wakes
 * it again as the next allocation would.
 */
/* Wake-ups of kswapd0 the test allows while pdflush writes. */
#define KSWAPD_PASSES_MAX	20

KTEST(kswapd_asks_pdflush_to_clean_dirty_pages)
{
	static struct saved_tunable ratio;
	struct block_device *bdev = lookup_bdev("hda");
	struct zone *zone = zone_normal();
	struct task_struct *kswapd = kswapd_task();
	unsigned long runs = wb_stats.background_runs;
	unsigned long written = wb_stats.background_written;
	unsigned long kupdate = wb_stats.kupdate_written;
	unsigned long stolen = vm_events.kswapd_steal;
	unsigned long dirtied = 0, high, start, took;
	enum { FIRST = 5000, NR = 2000, SEED = 0x9d1e };

	KTEST_ASSERT(bdev != NULL);
	KTEST_ASSERT(kswapd != NULL);
	KTEST_EXPECT_EQ(sync_all(), 0);
	drop_pagecache();
	kmem_cache_shrink_all();
	set_tunable(&ratio, &dirty_background_ratio, 100);
	for (; dirtied < NR; dirtied++) {
		struct buffer_head *bh;

		bh = dirty_pattern_block(bdev, FIRST + dirtied, SEED);
		if (!bh)
			break;
		brelse(bh);
	}
	ktest_add_action(release_held, NULL);
	while (nr_free_pages() > zone->pages_low &&
	       hold_page(&held, GFP_KERNEL))
		;
	hold_page(&held, GFP_KERNEL);	/* below pages_low: kswapd0 wakes */
	start = jiffies;
	ktest_wait_sleeping(kswapd, TASK_INTERRUPTIBLE);
	/*
	 * A pass ends when a round frees nothing: on a slow (loaded) host
	 * pdflush may still be writing then.  Each allocation below
	 * pages_low wakes kswapd0 again, as this one does, until the
	 * written blocks are freed.
	 */
	for (int pass = 1; pass < KSWAPD_PASSES_MAX &&
	     nr_free_pages() < zone->pages_high &&
	     !zone_watermark_ok(zone, 0, zone->pages_low, 0); pass++) {
		unsigned long wakeups = READ_ONCE(vm_events.kswapd_wakeups);

		wakeup_kswapd(zone, 0);
		while (READ_ONCE(vm_events.kswapd_wakeups) == wakeups)
			schedule_timeout_uninterruptible(1);
		ktest_wait_sleeping(kswapd, TASK_INTERRUPTIBLE);
	}
	high = nr_free_pages();
	took = jiffies - start;
	ktest_release_action(release_held, NULL);
	ktest_release_action(restore_tunable, &ratio);
	printk(KERN_INFO "ktest: %lu dirty blocks: free pages at %lu "
	       "(pages_high %lu) after %lu ticks; %lu background runs "
	       "wrote %lu, kswapd0 reclaimed %lu\n", dirtied, high,
	       zone->pages_high, took, wb_stats.background_runs - runs,
	       wb_stats.background_written - written,
	       vm_events.kswapd_steal - stolen);
	KTEST_EXPECT_EQ(sync_all(), 0);
	KTEST_EXPECT_EQ(buffer_stats.nr_dirty, 0);
	KTEST_EXPECT_EQ(dirtied, NR);
	KTEST_EXPECT(high >= zone->pages_high);
	KTEST_EXPECT(wb_stats.background_runs > runs);
	KTEST_EXPECT_EQ(wb_stats.kupdate_written, kupdate);
	KTEST_EXPECT(vm_events.kswapd_steal - stolen >=
		     (zone->pages_high - zone->pages_low) / 2);
}

/*
 * That nothing happens is the subject: the test lets half a second of
 * ticks pass (how fast the host is does not matter) and kswapd0, asleep
 * at the start, must have done nothing but its periodic looks.
 */
KTEST(kswapd_sleeps_when_memory_is_fine)
{
	struct task_struct *kswapd = kswapd_task();
	unsigned long ticks, runs, wakeups, periodic, looks;

	KTEST_ASSERT(kswapd != NULL);
	KTEST_ASSERT(nr_free_pages() > zone_normal()->pages_high);
	ktest_wait_sleeping(kswapd, TASK_INTERRUPTIBLE);
	ticks = kswapd->utime + kswapd->stime;
	runs = vm_events.pageoutrun;
	wakeups = vm_events.kswapd_wakeups;
	periodic = vm_events.kswapd_periodic;
	msleep(500);
	/* A periodic look may be under way as we wake: let it end. */
	ktest_wait_sleeping(kswapd, TASK_INTERRUPTIBLE);
	looks = vm_events.kswapd_periodic - periodic;
	/* A look may be charged the tick it happened to meet, no more. */
	KTEST_EXPECT(kswapd->utime + kswapd->stime - ticks <= looks);
	KTEST_EXPECT_EQ(vm_events.pageoutrun, runs);
	/* At most its periodic looks, which found nothing to do. */
	KTEST_EXPECT_EQ(vm_events.kswapd_wakeups - wakeups, looks);
	KTEST_EXPECT(looks <= (kswapd_interval_ms ?
			       500 / kswapd_interval_ms + 1 : 0));
}

/*
 * Run with kswapd_interval=50: ten looks in half a second.  The looks
 * are the subject: the test lets 500 ms of ticks pass, and both its
 * sleep and kswapd0's timer count the same ticks, so a slow host does
 * not move the count.
 */
KTEST_NAMED_ONLY(kswapd_looks_periodically)
{
	unsigned long periodic = vm_events.kswapd_periodic;
	unsigned long runs = vm_events.pageoutrun;

	KTEST_EXPECT_EQ(kswapd_interval_ms, 50);
	msleep(500);
	printk(KERN_INFO "ktest: kswapd0 woke %lu times by its timer in "
	       "500 ms\n", vm_events.kswapd_periodic - periodic);
	KTEST_EXPECT(vm_events.kswapd_periodic - periodic >= 7);
	KTEST_EXPECT(vm_events.kswapd_periodic - periodic <= 11);
	KTEST_EXPECT_EQ(vm_events.pageoutrun, runs);
}

/*
 * The allocating thread: SCHED_FIFO, so kswapd0 cannot run until it has
 * given everything back and exited.
 */
static int allocate_beyond_free(void *arg)
{
	unsigned long extra = (unsigned long)arg, target, i;
	LIST_HEAD(pages);

	sched_setscheduler(current, SCHED_FIFO, 1);
	target = nr_free_pages() - zone_normal()->pages_min + extra;
	for (i = 0; i < target; i++)
		if (!hold_page(&pages, GFP_KERNEL))
			break;
	free_page_list(&pages);
	return i == target ? 0 : -ENOMEM;
}

static int allocator_pid;

/* The cleanup action: reap the allocating thread if the test did not. */
static void reap_allocator(void *unused)
{
	if (allocator_pid > 0)
		do_wait(allocator_pid, NULL, 0);
	allocator_pid = 0;
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
	ktest_add_action(reap_allocator, NULL);
	pid = kernel_thread(allocate_beyond_free, (void *)500UL, 0);
	KTEST_ASSERT(pid > 0);
	allocator_pid = pid;
	KTEST_ASSERT_EQ(do_wait(pid, &code, 0), pid);
	allocator_pid = 0;
	printk(KERN_INFO "ktest: direct reclaim: %lu stalls, %lu pages\n",
	       vm_events.allocstall - stalls, vm_events.pgsteal - steal);
	KTEST_EXPECT_EQ(code, 0);
	/*
	 * Reclaim (direct, and on several CPUs kswapd0's beside it) found
	 * the 500 pages; on several CPUs a few may also have come from
	 * tasks freeing memory on the other CPUs meanwhile.
	 */
	KTEST_EXPECT(vm_events.pgsteal - steal >=
		     (num_online_cpus() > 1 ? 450 : 500));
	/*
	 * On one CPU the allocator keeps kswapd0 from running until it is
	 * done: the reclaim was all direct.  On several, kswapd0 reclaims
	 * beside it, and on a loaded host it may find all the pages before
	 * the allocator has to stall (seen at -smp 4): who reclaimed is
	 * then a race, and only the pages found are certain.
	 */
	if (num_online_cpus() == 1) {
		KTEST_EXPECT(vm_events.allocstall > stalls);
		KTEST_EXPECT(vm_events.pgscan_direct > scanned);
		KTEST_EXPECT_EQ(vm_events.kswapd_steal, stolen);
	}
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
static struct kmem_cache *test_cache;

static void unregister_test_shrinker(void *unused)
{
	unregister_shrinker(&test_shrinker);
}

/* The cleanup action: destroy the test's cache if the test did not. */
static void destroy_test_cache(void *unused)
{
	if (test_cache)
		kmem_cache_destroy(test_cache);
	test_cache = NULL;
}

KTEST(shrinkers_are_asked_for_memory)
{
	void *objs[4];

	/* An empty slab the cache keeps: the slab's shrinker frees it. */
	ktest_add_action(destroy_test_cache, NULL);
	test_cache = kmem_cache_create("ktest_shrink", 1024, 0, 0, NULL);
	KTEST_ASSERT(test_cache != NULL);
	for (int i = 0; i < 4; i++) {
		objs[i] = kmem_cache_alloc(test_cache, GFP_KERNEL);
		KTEST_EXPECT(objs[i] != NULL);
	}
	for (int i = 0; i < 4; i++)
		if (objs[i])
			kmem_cache_free(test_cache, objs[i]);
	KTEST_ASSERT(kmem_cache_free_slab_pages() >= 1);

	test_objects = 1000;
	test_calls = 0;
	ktest_add_action(unregister_test_shrinker, NULL);
	register_shrinker(&test_shrinker);
	drop_pagecache();
	/* No cache pages: everything must come from the shrinkers. */
	KTEST_EXPECT(shrink_all_memory(2000) >= 1000);
	ktest_release_action(unregister_test_shrinker, NULL);
	KTEST_EXPECT(test_calls >= 2);		/* a share at a time */
	KTEST_EXPECT_EQ(test_objects, 0);
	KTEST_EXPECT_EQ(kmem_cache_free_slab_pages(), 0);
	KTEST_EXPECT_EQ(kmem_cache_destroy(test_cache), 0);
	test_cache = NULL;
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
	KTEST_EXPECT(reclaimed >= 500);
	KTEST_EXPECT(vm_events.kswapd_wakeups > wakeups);
	KTEST_EXPECT(nr_free_pages() >= zone_normal()->pages_high);

	/*
	 * Its errors: no memory for the cache (SCHED_FIFO: no other
	 * thread takes the failing allocation), a block that cannot be
	 * read.
	 */
	drop_pagecache();
	fifo_enter();
	fail_alloc_in_test(1);
	KTEST_EXPECT_EQ(mm_pressure(16), -ENOMEM);
	fail_alloc_in_test(0);
	fifo_leave();
	inject_bad_sector(5 * BLOCK_SECTORS);
	KTEST_EXPECT_EQ(mm_pressure(16), -EIO);
	heal_bad_sector();
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

/*
 * Without a disk (lab 6 is graded on a machine without one): the memory
 * kswapd0 can give back is pages the test holds on given_back, which a
 * shrinker of its own frees when reclaim asks.  Only the shrinker (under
 * shrinker_lock) touches that list while it is registered.
 */
static LIST_HEAD(given_back);
static int nr_given_back;

static int give_back_shrink(int nr_to_scan, gfp_t gfp_mask)
{
	while (nr_to_scan-- > 0 && !list_empty(&given_back)) {
		struct page *page = list_first_entry(&given_back, struct page,
						     lru);

		list_del(&page->lru);
		__free_page(page);
		nr_given_back--;
	}
	return nr_given_back;
}

static struct shrinker give_back_shrinker = { .shrink = give_back_shrink };

static void unregister_give_back(void *unused)
{
	unregister_shrinker(&give_back_shrinker);
	free_page_list(&given_back);
	nr_given_back = 0;
}

/* Ticks kswapd0 has to wake after the zone falls below pages_low. */
#define KSWAPD_WAKE_TICKS	(HZ / 2)

/*
 * Take the zone down to pages_low exactly, the pages above pages_min on
 * given_back for the shrinker; then one page more.  Return the
 * kswapd_wakeups count before that page, or -1 if kswapd0 did not wake
 * within KSWAPD_WAKE_TICKS (after which the test fails).
 */
static long fall_below_pages_low(struct task_struct *kswapd)
{
	struct zone *zone = zone_normal();
	unsigned long wakeups, start;

	if (!zone->pages_min || zone->pages_low <= zone->pages_min ||
	    zone->pages_high <= zone->pages_low)
		KTEST_FAIL("setup_per_zone_pages_min: pages_min %lu, pages_low "
			   "%lu, pages_high %lu: not min < low < high",
			   zone->pages_min, zone->pages_low, zone->pages_high);
	ktest_wait_sleeping(kswapd, TASK_INTERRUPTIBLE);
	ktest_add_action(release_held, NULL);
	ktest_add_action(unregister_give_back, NULL);
	while (nr_free_pages() > zone->pages_low &&
	       hold_page(&given_back, GFP_KERNEL))
		nr_given_back++;
	register_shrinker(&give_back_shrinker);
	wakeups = vm_events.kswapd_wakeups;
	hold_page(&held, GFP_KERNEL);
	/* The event is kswapd0's wake-up; the bound is in ticks. */
	start = jiffies;
	while (vm_events.kswapd_wakeups == wakeups &&
	       jiffies - start < KSWAPD_WAKE_TICKS)
		schedule_timeout_uninterruptible(1);
	if (vm_events.kswapd_wakeups == wakeups)
		return -1;
	return wakeups;
}

KTEST(kswapd_wakes_when_the_zone_falls_below_pages_low)
{
	struct task_struct *kswapd = kswapd_task();
	unsigned long requests = vm_events.kswapd_wakeup_requests;

	KTEST_ASSERT(kswapd != NULL);
	if (fall_below_pages_low(kswapd) < 0)
		KTEST_FAIL("kswapd: kswapd0 did not wake within %d ticks of the "
			   "zone falling below pages_low (wakeup_kswapd() asked "
			   "%lu times): does it sleep on kswapd_wait?",
			   KSWAPD_WAKE_TICKS,
			   vm_events.kswapd_wakeup_requests - requests);
	KTEST_EXPECT(vm_events.kswapd_wakeup_requests > requests);
	/* Asleep interruptibly, in its wait, once the work is done. */
	ktest_wait_sleeping(kswapd, TASK_INTERRUPTIBLE);
	if (!(kswapd->flags & PF_MEMALLOC))
		KTEST_FAIL("kswapd: kswapd0 runs without PF_MEMALLOC: its own "
			   "allocations cannot use the reserve");
}

KTEST(balance_pgdat_brings_the_zone_to_pages_high)
{
	struct task_struct *kswapd = kswapd_task();
	struct zone *zone = zone_normal();
	unsigned long runs = vm_events.pageoutrun, free;

	KTEST_ASSERT(kswapd != NULL);
	if (fall_below_pages_low(kswapd) < 0)
		KTEST_FAIL("kswapd0 did not wake within %d ticks of the zone "
			   "falling below pages_low: see kswapd_wakes_when_the_"
			   "zone_falls_below_pages_low", KSWAPD_WAKE_TICKS);
	ktest_wait_sleeping(kswapd, TASK_INTERRUPTIBLE);
	free = nr_free_pages();
	if (vm_events.pageoutrun == runs)
		KTEST_FAIL("balance_pgdat: kswapd0 woke below pages_low but "
			   "balance_pgdat() did not run (pageoutrun)");
	if (free < zone->pages_high)
		KTEST_FAIL("balance_pgdat: kswapd0 went back to sleep with %lu "
			   "free pages, below pages_high %lu (%d pages were "
			   "still there for the shrinkers to give)", free,
			   zone->pages_high, nr_given_back);
}
