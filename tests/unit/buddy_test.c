// SPDX-License-Identifier: GPL-2.0
/*
 * tests/unit/buddy_test.c - mm/page_alloc.c on the host, over a fake
 * mem_map: splitting and merging, alignment, watermarks, exhaustion,
 * 100,000 random operations, double frees.
 */
#include <stdlib.h>
#include <string.h>
#include "mm_host.h"
#include "unit.h"

#define PAGES		4096	/* 16 MiB of fake memory */
#define RESERVED	16	/* frames 0-15: "the kernel" */

static unsigned long free_before;

static void fresh(void)
{
	mm_host_init(PAGES, RESERVED);
	free_before = nr_free_pages();
}

UNIT_TEST(buddy_boot_state)
{
	unsigned long counts[MAX_ORDER];

	fresh();
	CHECK_EQ(nr_free_pages(), PAGES - RESERVED);
	CHECK_EQ(zone_normal()->managed_pages, PAGES - RESERVED);
	/* 4080 = 3 * 1024 + 512 + 256 + 128 + 64 + 32 + 16: fully merged. */
	mm_host_free_area(counts);
	CHECK_EQ(counts[10], 3);
	CHECK_EQ(counts[4], 1);
	CHECK_EQ(counts[0], 0);
	mm_host_exit();
}

UNIT_TEST(buddy_watermark_formula)
{
	fresh();
	/* 16320 KiB managed: sqrt(16320 * 16) = 510 KiB = 127 pages. */
	CHECK_EQ(min_free_kbytes, 510);
	CHECK_EQ(zone_normal()->pages_min, 127);
	CHECK_EQ(zone_normal()->pages_low, 127 * 5 / 4);
	CHECK_EQ(zone_normal()->pages_high, 127 * 3 / 2);
	mm_host_exit();
}

UNIT_TEST(buddy_split_and_merge)
{
	unsigned long before[MAX_ORDER], after[MAX_ORDER];
	struct page *page;

	fresh();
	mm_host_free_area(before);
	/* Order 0 from a memory with no small blocks free splits one
	 * order-4 block (the smallest there is): orders 0..3 gain a half. */
	page = alloc_pages(GFP_KERNEL, 0);
	CHECK(page != NULL);
	mm_host_free_area(after);
	CHECK_EQ(after[4], before[4] - 1);
	for (int o = 0; o < 4; o++)
		CHECK_EQ(after[o], before[o] + 1);
	CHECK_EQ(page_count(page), 1);
	CHECK(!PageBuddy(page));
	__free_pages(page, 0);
	mm_host_free_area(after);
	CHECK(memcmp(before, after, sizeof(before)) == 0);
	CHECK_EQ(nr_free_pages(), free_before);
	mm_host_exit();
}

UNIT_TEST(buddy_alignment)
{
	struct page *pages[MAX_ORDER];

	fresh();
	for (unsigned int o = 0; o < MAX_ORDER - 1; o++) {
		pages[o] = alloc_pages(GFP_KERNEL, o);
		CHECK(pages[o] != NULL);
		CHECK_EQ(page_to_pfn(pages[o]) % (1UL << o), 0);
		/* page_address() and virt_to_page() agree. */
		CHECK(virt_to_page(page_address(pages[o])) == pages[o]);
	}
	for (unsigned int o = 0; o < MAX_ORDER - 1; o++)
		__free_pages(pages[o], o);
	CHECK_EQ(nr_free_pages(), free_before);
	mm_host_exit();
}

UNIT_TEST(buddy_exhaustion_returns_null)
{
	static struct page *held[PAGES];
	unsigned long n = 0, fails_before;
	struct zone *zone = zone_normal();

	fresh();
	while ((held[n] = alloc_pages(GFP_KERNEL | __GFP_NOWARN, 0)))
		n++;
	/* GFP_KERNEL stops at pages_min, having woken kswapd on the way. */
	CHECK(nr_free_pages() <= zone->pages_min + 1);
	CHECK(nr_free_pages() >= zone->pages_min - 1);
	CHECK(host_kswapd_wakeups > 0);
	/* A failure changes nothing. */
	fails_before = vm_events.allocfail;
	CHECK(alloc_pages(GFP_KERNEL | __GFP_NOWARN, 0) == NULL);
	CHECK_EQ(vm_events.allocfail, fails_before + 1);
	CHECK(nr_free_pages() <= zone->pages_min + 1);
	/* GFP_ATOMIC may dig into the reserve below pages_min... */
	held[n] = alloc_pages(GFP_ATOMIC | __GFP_NOWARN, 0);
	CHECK(held[n] != NULL);
	n++;
	while ((held[n] = alloc_pages(GFP_ATOMIC | __GFP_NOWARN, 0)))
		n++;
	/* ...but not to the bottom: half, then a quarter less (3/8 of min). */
	CHECK(nr_free_pages() > 0);
	CHECK(nr_free_pages() <= zone->pages_min * 3 / 8 + 1);
	while (n)
		__free_pages(held[--n], 0);
	CHECK_EQ(nr_free_pages(), free_before);
	mm_host_exit();
}

UNIT_TEST(buddy_direct_reclaim_before_failing)
{
	static struct page *held[PAGES], *cache[2 * SWAP_CLUSTER_MAX];
	unsigned long n = 0, low_water;

	fresh();
	/* Pages try_to_free_pages() of mm_host.c may free: "clean cache". */
	for (int i = 0; i < 2 * SWAP_CLUSTER_MAX; i++)
		cache[i] = alloc_pages(GFP_KERNEL, 0);
	host_reclaimable = cache;
	host_nr_reclaimable = 2 * SWAP_CLUSTER_MAX;
	low_water = nr_free_pages() - zone_normal()->pages_min;
	while ((held[n] = alloc_pages(GFP_KERNEL | __GFP_NOWARN, 0)))
		n++;
	/* Twice the allocator reclaimed 32 pages and went on; the third
	 * time nothing was left and it failed. */
	CHECK_EQ(host_direct_reclaims, 3);
	CHECK_EQ(host_nr_reclaimable, 0);
	CHECK(n >= low_water + 2 * SWAP_CLUSTER_MAX - 1);
	/* GFP_ATOMIC may not sleep: it never reclaims. */
	held[n] = alloc_pages(GFP_ATOMIC | __GFP_NOWARN, 0);
	CHECK(held[n] != NULL);
	n++;
	CHECK_EQ(host_direct_reclaims, 3);
	while (n)
		__free_pages(held[--n], 0);
	CHECK_EQ(nr_free_pages(), free_before);
	mm_host_exit();
}

UNIT_TEST(buddy_pf_memalloc_takes_the_last_pages)
{
	static struct page *held[PAGES];
	unsigned long n = 0;

	fresh();
	while ((held[n] = alloc_pages(GFP_KERNEL | __GFP_NOWARN, 0)))
		n++;
	CHECK(nr_free_pages() <= zone_normal()->pages_min + 1);
	CHECK_EQ(host_direct_reclaims, 1);
	/* Reclaim itself allocating: down to the last page, no recursion. */
	host_task.flags = PF_MEMALLOC;
	while ((held[n] = alloc_pages(GFP_KERNEL | __GFP_NOWARN, 0)))
		n++;
	host_task.flags = 0;
	CHECK_EQ(nr_free_pages(), 0);
	CHECK_EQ(host_direct_reclaims, 1);
	while (n)
		__free_pages(held[--n], 0);
	CHECK_EQ(nr_free_pages(), free_before);
	mm_host_exit();
}

struct block {
	struct page *page;
	unsigned int order;
};

UNIT_TEST(buddy_random_100000_ops)
{
	static struct block held[2048];
	static unsigned char owner[PAGES];
	unsigned long before[MAX_ORDER], after[MAX_ORDER];
	int n = 0;

	fresh();
	mm_host_free_area(before);
	srand(12345);
	for (int op = 0; op < 100000; op++) {
		if (n < 2048 && (n == 0 || rand() % 3)) {
			unsigned int order = rand() % 6;
			gfp_t gfp = (rand() % 4 ? GFP_KERNEL : GFP_ATOMIC) |
				    __GFP_NOWARN;
			struct page *page = alloc_pages(gfp, order);
			unsigned long pfn;

			if (!page)
				continue;
			pfn = page_to_pfn(page);
			CHECK_EQ(pfn % (1UL << order), 0);
			CHECK(pfn >= RESERVED && pfn + (1UL << order) <= PAGES);
			/* No frame is ever handed out twice. */
			for (unsigned long i = 0; i < (1UL << order); i++) {
				CHECK(!owner[pfn + i]);
				owner[pfn + i] = 1;
			}
			held[n++] = (struct block){ page, order };
		} else {
			int i = rand() % n;
			unsigned long pfn = page_to_pfn(held[i].page);

			for (unsigned long j = 0; j < (1UL << held[i].order); j++)
				owner[pfn + j] = 0;
			__free_pages(held[i].page, held[i].order);
			held[i] = held[--n];
		}
		if (op % 1000 == 0) {
			unsigned long sum = 0;

			for (int o = 0; o < MAX_ORDER; o++)
				sum += zone_normal()->free_area[o].nr_free << o;
			CHECK_EQ(sum, nr_free_pages());
		}
	}
	while (n) {
		n--;
		__free_pages(held[n].page, held[n].order);
	}
	/* Every page came back and every buddy merged again. */
	CHECK_EQ(nr_free_pages(), free_before);
	mm_host_free_area(after);
	CHECK(memcmp(before, after, sizeof(before)) == 0);
	CHECK_EQ(host_bad_reports, 0);
	mm_host_exit();
}

UNIT_TEST(buddy_double_free_detected)
{
	struct page *a, *b;

	fresh();
	a = alloc_pages(GFP_KERNEL, 2);
	CHECK(a != NULL);
	__free_pages(a, 2);
	CHECK_EQ(host_bad_reports, 0);
	__free_pages(a, 2);		/* again: reported, nothing freed */
	CHECK_EQ(host_bad_reports, 1);
	CHECK_EQ(nr_free_pages(), free_before);
	__free_pages(pfn_to_page(3), 0);	/* a reserved frame */
	CHECK_EQ(host_bad_reports, 2);
	CHECK_EQ(nr_free_pages(), free_before);
	/* The free lists are intact: allocate it all back and free it. */
	b = alloc_pages(GFP_KERNEL, 2);
	CHECK(b != NULL);
	__free_pages(b, 2);
	CHECK_EQ(nr_free_pages(), free_before);
	mm_host_exit();
}

/* Allocates and frees one page @n times; Return: how many failed. */
static int failures_in(int n)
{
	int failed = 0;

	for (int i = 0; i < n; i++) {
		struct page *page = alloc_pages(GFP_KERNEL, 0);

		if (page)
			__free_pages(page, 0);
		else
			failed++;
	}
	return failed;
}

UNIT_TEST(fault_injection_interval_times_and_task_filter)
{
	unsigned long count;
	struct page *page;

	fresh();
	/* One-shot: the 3rd allocation from now, then never again. */
	fail_alloc_after(3);
	CHECK(fail_alloc_pending());
	page = alloc_pages(GFP_KERNEL, 0);
	CHECK(page != NULL);
	__free_pages(page, 0);
	page = alloc_pages(GFP_KERNEL, 1);
	CHECK(page != NULL);
	__free_pages(page, 1);
	CHECK(alloc_pages(GFP_KERNEL, 0) == NULL);
	CHECK(!fail_alloc_pending());
	CHECK_EQ(failures_in(20), 0);
	CHECK_EQ(vm_events.allocfail, 1);

	/* Every 7th, without limit: 100 allocations, 14 failures. */
	fail_alloc_set(7, FAULT_TIMES_UNLIMITED, false);
	CHECK_EQ(failures_in(100), 14);
	CHECK_EQ(fail_alloc_stats(&count), 14);
	CHECK_EQ(count, 100);

	/* At most 3 times. */
	fail_alloc_set(2, 3, false);
	CHECK_EQ(failures_in(100), 3);
	CHECK(!fail_alloc_pending());

	/* The task filter: unmarked tasks neither fail nor count. */
	fail_alloc_set(1, FAULT_TIMES_UNLIMITED, true);
	CHECK_EQ(failures_in(10), 0);
	CHECK_EQ(fail_alloc_stats(&count), 0);
	CHECK_EQ(count, 0);
	host_task.make_it_fail = 1;
	CHECK_EQ(failures_in(10), 10);
	fail_alloc_set(0, 0, false);
	CHECK_EQ(failures_in(10), 0);
	CHECK(!fail_alloc_pending());
	host_task.make_it_fail = 0;
	CHECK_EQ(nr_free_pages(), free_before);
	mm_host_exit();
}
