// SPDX-License-Identifier: GPL-2.0
/*
 * mm/page_alloc.c - the buddy allocator and the zone watermarks.
 *
 * Linux 2.6: mm/page_alloc.c.
 * Free memory is kept as blocks of 2^order pages (order 0..MAX_ORDER-1),
 * each aligned to its own size, on one free list per order.  Two blocks
 * of the same order that are neighbours and together form an aligned
 * block of the next order are "buddies": the frame number of a block's
 * buddy differs in exactly bit `order`.  Allocation takes the smallest
 * block that is big enough and splits off the unused halves; freeing
 * merges a block with its buddy for as long as the buddy is free too.
 * Both are O(MAX_ORDER).
 *
 * Before taking pages, an allocation checks the zone's watermarks
 * (include/mmzone.h): the first try keeps free pages above pages_low;
 * if that fails kswapd is woken and the second try may go down to
 * pages_min (GFP_ATOMIC further still).  Reclaim itself (PF_MEMALLOC)
 * may take the last pages; an allocation that may sleep reclaims pages
 * itself before it gives up.  Next: mm/slab.c builds small objects on
 * top of these pages; mm/vmscan.c refills the free lists.
 */
#include <atomic.h>
#include <gfp.h>
#include <init.h>
#include <kernel.h>
#include <mmzone.h>
#include <sched.h>
#include <string.h>
#include <swap.h>

struct pglist_data contig_page_data;
struct vm_event_counts vm_events;

/* 0 until init_per_zone_pages_min(): the formula, the option, or a sysctl. */
unsigned long min_free_kbytes;
static unsigned long min_free_kbytes_option;

static int min_free_kbytes_setup(char *val)
{
	unsigned long kb;

	if (kstrtoul(val, 0, &kb) || kb < MIN_FREE_KBYTES_MIN ||
	    kb > MIN_FREE_KBYTES_MAX)
		return -EINVAL;
	min_free_kbytes_option = kb;
	return 0;
}
__setup("min_free_kbytes=", min_free_kbytes_setup);

/*
 * Fault injection for the tests, after Linux's lib/fault-inject.c (the
 * fail_page_alloc and failslab attributes, here one for both: a page
 * from alloc_pages() and an object from kmem_cache_alloc() are each one
 * allocation).  Every @interval-th eligible allocation fails, @times
 * times at most; with the task filter on, only allocations made by a
 * task whose make_it_fail is set, and never from an interrupt, are
 * eligible (Linux's /proc/PID/make-it-fail), so that daemons, the test
 * runner and interrupt handlers are not hit by a test's failures.  The
 * count and the failures left are kept under fail_alloc.lock: on SMP two
 * CPUs allocating at once still see every interval-th allocation fail,
 * exactly @times times.
 */
static struct {
	spinlock_t lock;
	unsigned long interval;		/* 0: off */
	long times;			/* failures left; -1: no limit */
	bool task_filter;
	unsigned long count;		/* eligible allocations since armed */
	unsigned long failures;		/* injected since armed */
} fail_alloc = {
	.lock = __SPIN_LOCK_UNLOCKED,
};

/**
 * fail_alloc_set - make every @interval-th allocation from now fail
 * @interval: 1 fails each eligible allocation, 7 every seventh; 0 turns
 *            injection off
 * @times: how many failures at most; FAULT_TIMES_UNLIMITED for no limit
 * @task_filter: only allocations by tasks with make_it_fail set (not
 *               from interrupts) count and fail
 *
 * The count of eligible allocations and of failures injected starts
 * again from 0.  Whoever arms it must disarm it (fail_alloc_set(0, 0,
 * false)) however it ends: in a ktest, with a cleanup action.
 * Context: any.
 */
void fail_alloc_set(unsigned long interval, long times, bool task_filter)
{
	unsigned long flags;

	spin_lock_irqsave(&fail_alloc.lock, flags);
	fail_alloc.interval = interval;
	fail_alloc.times = times;
	fail_alloc.task_filter = task_filter;
	fail_alloc.count = 0;
	fail_alloc.failures = 0;
	spin_unlock_irqrestore(&fail_alloc.lock, flags);
}

/**
 * fail_alloc_after - make the @n-th allocation from now fail, once
 * @n: 1 for the very next; 0 cancels any injection
 *
 * Any task's allocation counts (no task filter).
 * For tests of error paths: every failure path must free what it took.
 * Context: any.
 */
void fail_alloc_after(unsigned long n)
{
	fail_alloc_set(n, 1, false);
}

/**
 * fail_alloc_pending - is an injected failure still to come?
 *
 * Return: false when injection is off or its @times are used up.
 */
bool fail_alloc_pending(void)
{
	unsigned long flags;
	bool pending;

	spin_lock_irqsave(&fail_alloc.lock, flags);
	pending = fail_alloc.interval && fail_alloc.times != 0;
	spin_unlock_irqrestore(&fail_alloc.lock, flags);
	return pending;
}

/**
 * fail_alloc_stats - what injection has done since it was last armed
 * @count: where the number of eligible allocations goes (may be NULL)
 *
 * Return: the number of allocations it made fail.
 */
unsigned long fail_alloc_stats(unsigned long *count)
{
	unsigned long flags, failures;

	spin_lock_irqsave(&fail_alloc.lock, flags);
	failures = fail_alloc.failures;
	if (count)
		*count = fail_alloc.count;
	spin_unlock_irqrestore(&fail_alloc.lock, flags);
	return failures;
}

/*
 * Linux's fail_task(): the filter looks at the task the allocation is
 * made for, and an interrupt only borrows the task it interrupted.
 */
static bool fail_alloc_eligible(void)
{
	return !fail_alloc.task_filter ||
	       (!in_interrupt() && READ_ONCE(current->make_it_fail));
}

/**
 * should_fail_alloc - is this the allocation that must fail?
 *
 * Called once per allocation by alloc_pages() and kmem_cache_alloc().
 * Context: any.
 * Return: true for the allocations fail_alloc_set() chose.
 */
bool should_fail_alloc(void)
{
	unsigned long flags;
	bool fail = false;

	/* Off: one racy look, no lock, for every allocation of the kernel. */
	if (!READ_ONCE(fail_alloc.interval))
		return false;
	spin_lock_irqsave(&fail_alloc.lock, flags);
	if (fail_alloc.interval && fail_alloc.times != 0 &&
	    fail_alloc_eligible() &&
	    ++fail_alloc.count % fail_alloc.interval == 0) {
		fail = true;
		fail_alloc.failures++;
		if (fail_alloc.times > 0)
			fail_alloc.times--;
	}
	spin_unlock_irqrestore(&fail_alloc.lock, flags);
	return fail;
}

static void bad_page(const char *function, struct page *page)
{
	printk(KERN_EMERG "Bad page state in %s: page %p (pfn %#lx) flags "
	       "%#lx count %d\n", function, page, page_to_pfn(page),
	       page->flags, page_count(page));
	dump_stack();
}

static inline unsigned int page_order(struct page *page)
{
	return page->private;
}

static inline void set_page_order(struct page *page, unsigned int order)
{
	page->private = order;
	SetPageFlag(page, PG_buddy);
}

static inline void rmv_page_order(struct page *page)
{
	ClearPageFlag(page, PG_buddy);
	page->private = 0;
}

/*
 * Is @buddy the head of a free block of @order in @zone?  Frames outside
 * the zone, reserved frames and allocated frames never are.
 */
static inline bool page_is_buddy(struct zone *zone, struct page *buddy,
				 unsigned int order)
{
	unsigned long pfn = page_to_pfn(buddy);

	if (pfn < zone->zone_start_pfn ||
	    pfn >= zone->zone_start_pfn + zone->spanned_pages)
		return false;
	return PageBuddy(buddy) && page_order(buddy) == order;
}

/*
 * Give a 2^order block back to the free lists, merging it with its buddy
 * as long as the buddy is free.  Caller holds zone->lock.
 */
static void __free_one_page(struct zone *zone, struct page *page,
			    unsigned int order)
{
	unsigned long pfn = page_to_pfn(page);

	assert_spin_locked_by_current(&zone->lock);
	zone->free_pages += 1UL << order;
	while (order < MAX_ORDER - 1) {
		unsigned long buddy_pfn = pfn ^ (1UL << order);
		struct page *buddy = pfn_to_page(buddy_pfn);

		if (!page_is_buddy(zone, buddy, order))
			break;
		list_del(&buddy->lru);
		zone->free_area[order].nr_free--;
		rmv_page_order(buddy);
		pfn &= buddy_pfn;	/* the lower of the two heads the pair */
		order++;
	}
	page = pfn_to_page(pfn);
	set_page_order(page, order);
	list_add(&page->lru, &zone->free_area[order].free_list);
	zone->free_area[order].nr_free++;
}

/*
 * Take a free block of at least @order; put back the halves not needed
 * ("expand").  Caller holds zone->lock.
 */
static struct page *__rmqueue(struct zone *zone, unsigned int order)
{
	assert_spin_locked_by_current(&zone->lock);
	for (unsigned int current_order = order; current_order < MAX_ORDER;
	     current_order++) {
		struct free_area *area = &zone->free_area[current_order];
		struct page *page;

		if (list_empty(&area->free_list))
			continue;
		page = list_first_entry(&area->free_list, struct page, lru);
		list_del(&page->lru);
		rmv_page_order(page);
		area->nr_free--;
		zone->free_pages -= 1UL << order;

		while (current_order > order) {
			struct page *half;

			current_order--;
			half = page + (1UL << current_order);
			set_page_order(half, current_order);
			list_add(&half->lru,
				 &zone->free_area[current_order].free_list);
			zone->free_area[current_order].nr_free++;
		}
		return page;
	}
	return NULL;
}

/**
 * zone_watermark_ok - may an allocation of @order take pages from @z?
 * @z: the zone
 * @order: size of the request
 * @mark: the watermark to stay above (pages_low, pages_min ...)
 * @alloc_flags: ALLOC_HIGH halves the mark, ALLOC_HARDER takes a quarter
 *               off again (atomic callers that cannot wait for reclaim)
 *
 * As in Linux, the blocks of lower orders do not count for a higher-order
 * request, and the mark halves at each order: a request for 8 contiguous
 * pages must not eat the last big blocks even when many single pages are
 * free.
 * Context: zone->lock held or not (a racy answer is fine).
 * Return: true if the allocation may go ahead.
 */
bool zone_watermark_ok(struct zone *z, unsigned int order, unsigned long mark,
		       int alloc_flags)
{
	long min = mark;
	long free_pages = (long)z->free_pages - (1L << order) + 1;

	if (alloc_flags & ALLOC_HIGH)
		min -= min / 2;
	if (alloc_flags & ALLOC_HARDER)
		min -= min / 4;
	if (free_pages <= min)
		return false;
	for (unsigned int o = 0; o < order; o++) {
		free_pages -= z->free_area[o].nr_free << o;
		min >>= 1;
		if (free_pages <= min)
			return false;
	}
	return true;
}

static struct page *get_page_from_freelist(struct zone *zone,
					   unsigned int order,
					   unsigned long mark, int alloc_flags)
{
	struct page *page = NULL;
	unsigned long flags;

	spin_lock_irqsave(&zone->lock, flags);
	if (zone_watermark_ok(zone, order, mark, alloc_flags))
		page = __rmqueue(zone, order);
	if (page)
		stat_add(&vm_events.pgalloc, 1UL << order);
	spin_unlock_irqrestore(&zone->lock, flags);
	return page;
}

static void prep_new_page(struct page *page, unsigned int order,
			  gfp_t gfp_mask)
{
	for (unsigned long i = 0; i < (1UL << order); i++) {
		struct page *p = page + i;

		if (page_count(p) || (p->flags & ~(1UL << PG_referenced)))
			bad_page(__func__, p);
		p->flags = 0;
		p->private = 0;
	}
	set_page_count(page, 1);
	if (gfp_mask & __GFP_ZERO)
		memset(page_address(page), 0, PAGE_SIZE << order);
}

/**
 * alloc_pages - allocate 2^@order contiguous, naturally aligned pages
 * @gfp_mask: GFP_KERNEL, GFP_ATOMIC, optionally | __GFP_ZERO, __GFP_NOWARN
 * @order: 0 for one page, 1 for two (a thread_union), ...
 *
 * Context: GFP_KERNEL: process context, may sleep (it reclaims cache
 * pages itself when memory is exhausted).  GFP_ATOMIC: any context,
 * never sleeps.
 * Return: the first page of the block with _count 1, or NULL (nothing
 * changed).
 */
struct page *alloc_pages(gfp_t gfp_mask, unsigned int order)
{
	struct zone *zone = zone_normal();
	int alloc_flags = 0;
	struct page *page;

	if (WARN_ON(order >= MAX_ORDER))
		return NULL;
	if (gfp_mask & __GFP_WAIT)
		might_sleep();
	/* An injected failure is counted, but not reported: tests make
	 * thousands of them. */
	if (should_fail_alloc()) {
		stat_inc(&vm_events.allocfail);
		return NULL;
	}

	/* First try: leave the zone above pages_low. */
	page = get_page_from_freelist(zone, order, zone->pages_low, 0);
	if (page)
		goto got_pg;

	/* Memory is getting short: reclaim in the background. */
	wakeup_kswapd(zone, order);

	/* Second try: down to pages_min, or below it for GFP_ATOMIC. */
	if (gfp_mask & __GFP_HIGH)
		alloc_flags |= ALLOC_HIGH;
	if (!(gfp_mask & __GFP_WAIT))
		alloc_flags |= ALLOC_HARDER;
	page = get_page_from_freelist(zone, order, zone->pages_min,
				      alloc_flags);
	if (page)
		goto got_pg;

	/*
	 * Reclaim's own allocations (kswapd, a direct reclaimer) take what
	 * is left: they are what will free memory.  Not in an interrupt,
	 * which merely borrows the task it interrupted.
	 */
	if ((current->flags & PF_MEMALLOC) && !in_interrupt()) {
		page = get_page_from_freelist(zone, order, 0, 0);
		if (page)
			goto got_pg;
		goto nopage;
	}
	if (!(gfp_mask & __GFP_WAIT))
		goto nopage;

	/* Direct reclaim: free cache pages ourselves, then try once more. */
	if (try_to_free_pages(zone, order, gfp_mask)) {
		page = get_page_from_freelist(zone, order, zone->pages_min,
					      alloc_flags);
		if (page)
			goto got_pg;
	}

nopage:
	stat_inc(&vm_events.allocfail);
	if (!(gfp_mask & __GFP_NOWARN))
		printk(KERN_WARNING "page allocation failure: order:%u, "
		       "mode:%#x, free %lu pages\n", order, gfp_mask,
		       zone->free_pages);
	return NULL;

got_pg:
	prep_new_page(page, order, gfp_mask);
	return page;
}

/**
 * __free_pages - drop a reference to a block; free it on the last one
 * @page: first page of the block, as alloc_pages() returned it
 * @order: the order it was allocated with
 *
 * A page that is already free, reserved or belongs to the slab is
 * reported ("Bad page state") and left alone: a double free must not
 * corrupt the free lists.
 * Context: any.
 */
void __free_pages(struct page *page, unsigned int order)
{
	struct zone *zone = zone_normal();
	unsigned long flags;

	if (PageBuddy(page) || PageReserved(page) || page_count(page) <= 0) {
		bad_page(__func__, page);
		return;
	}
	if (!atomic_dec_and_test(&page->_count))
		return;
	page->flags = 0;

	spin_lock_irqsave(&zone->lock, flags);
	__free_one_page(zone, page, order);
	stat_add(&vm_events.pgfree, 1UL << order);
	spin_unlock_irqrestore(&zone->lock, flags);
}

/**
 * __get_free_pages - alloc_pages() returning a kernel virtual address
 * @gfp_mask: as for alloc_pages()
 * @order: as for alloc_pages()
 *
 * Return: the address, or 0.
 */
unsigned long __get_free_pages(gfp_t gfp_mask, unsigned int order)
{
	struct page *page = alloc_pages(gfp_mask, order);

	return page ? (unsigned long)page_address(page) : 0;
}

/**
 * free_pages - free what __get_free_pages() returned
 * @addr: the address (0 is ignored)
 * @order: the order it was allocated with
 */
void free_pages(unsigned long addr, unsigned int order)
{
	if (addr)
		__free_pages(virt_to_page(addr), order);
}

/* Return: free pages in all zones. */
unsigned long nr_free_pages(void)
{
	return READ_ONCE(zone_normal()->free_pages);
}

/**
 * free_area_init - set up the zone over [start_pfn, end_pfn), empty
 * @start_pfn: first frame
 * @end_pfn: one past the last
 *
 * Context: boot.
 */
void free_area_init(unsigned long start_pfn, unsigned long end_pfn)
{
	struct zone *zone = zone_normal();

	spin_lock_init(&zone->lock);
	spin_lock_init(&zone->lru_lock);
	INIT_LIST_HEAD(&zone->active_list);
	INIT_LIST_HEAD(&zone->inactive_list);
	zone->nr_active = zone->nr_inactive = 0;
	zone->name = "Normal";
	zone->zone_start_pfn = start_pfn;
	zone->spanned_pages = end_pfn - start_pfn;
	zone->free_pages = 0;
	for (unsigned int o = 0; o < MAX_ORDER; o++) {
		INIT_LIST_HEAD(&zone->free_area[o].free_list);
		zone->free_area[o].nr_free = 0;
	}
}

/**
 * __free_bootmem_page - hand a never-used page to the buddy allocator
 * @page: a free RAM page
 *
 * Context: boot (mm/bootmem.c), before anything allocates.
 */
void __free_bootmem_page(struct page *page)
{
	struct zone *zone = zone_normal();

	/* Nobody else runs yet, but the free lists are zone->lock's. */
	spin_lock(&zone->lock);
	set_page_count(page, 0);
	zone->managed_pages++;
	__free_one_page(zone, page, 0);
	spin_unlock(&zone->lock);
}

/**
 * setup_per_zone_pages_min - the watermarks from min_free_kbytes
 *
 * pages_min is min_free_kbytes in pages, pages_low 5/4 of it, pages_high
 * 6/4 of it.  Written under zone->lock, read without it: an allocation
 * that races with a change sees each mark old or new.
 * Context: process (boot, or a write to /proc/sys/vm/min_free_kbytes:
 * kernel/sysctl.c).
 */
void setup_per_zone_pages_min(void)
{
	struct zone *zone = zone_normal();
	unsigned long pages_min = READ_ONCE(min_free_kbytes) >>
				  (PAGE_SHIFT - 10);
	unsigned long flags;

	spin_lock_irqsave(&zone->lock, flags);
	/* LAB 6: setup_per_zone_pages_min BEGIN */
	WRITE_ONCE(zone->pages_min, pages_min);
	WRITE_ONCE(zone->pages_low, pages_min * 5 / 4);
	WRITE_ONCE(zone->pages_high, pages_min * 3 / 2);
	/* LAB 6: setup_per_zone_pages_min END */
	spin_unlock_irqrestore(&zone->lock, flags);
	printk(KERN_INFO "Zone %s: min_free_kbytes %lu%s: pages_min %lu "
	       "pages_low %lu pages_high %lu (of %lu managed pages)\n",
	       zone->name, min_free_kbytes,
	       min_free_kbytes_option ? " (option)" : "", zone->pages_min,
	       zone->pages_low, zone->pages_high, zone->managed_pages);
}

/**
 * init_per_zone_pages_min - choose min_free_kbytes, set the watermarks
 *
 * min_free_kbytes = sqrt(lowmem_kbytes * 16), kept within
 * [MIN_FREE_KBYTES_MIN, MIN_FREE_KBYTES_MAX], where lowmem_kbytes is the
 * memory the buddy allocator manages (Linux 2.6's
 * init_per_zone_pages_min()); min_free_kbytes= overrides it.
 * Context: boot, after every free page is in the buddy allocator.
 */
void init_per_zone_pages_min(void)
{
	struct zone *zone = zone_normal();
	unsigned long lowmem_kbytes = zone->managed_pages * (PAGE_SIZE >> 10);

	if (min_free_kbytes_option) {
		min_free_kbytes = min_free_kbytes_option;
	} else {
		min_free_kbytes = int_sqrt(lowmem_kbytes * 16);
		min_free_kbytes = clamp(min_free_kbytes,
					(unsigned long)MIN_FREE_KBYTES_MIN,
					(unsigned long)MIN_FREE_KBYTES_MAX);
	}
	setup_per_zone_pages_min();
}
