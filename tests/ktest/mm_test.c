// SPDX-License-Identifier: GPL-2.0
/*
 * tests/ktest/mm_test.c - the memory core in the running kernel: the
 * buddy allocator over the machine's real memory, the watermarks, the
 * slab, page tables and the CR3 counter.  (tests/unit/ covers the
 * algorithms in depth on the host.)
 *
 * Tests that take most of memory keep it on one chain, `grabbed`, which a
 * cleanup action gives back however the test ends: a failed assertion
 * must not leave the next test without memory.
 */
#include <asm/processor.h>
#include <buffer_head.h>
#include <gfp.h>
#include <kernel.h>
#include <ktest.h>
#include <mm.h>
#include <mm_types.h>
#include <mmzone.h>
#include <pgtable.h>
#include <sched.h>
#include <sections.h>
#include <setup.h>
#include <slab.h>
#include <string.h>

/*
 * Give back what reclaim would take (clean cache pages, the empty slabs
 * every cache keeps), so that it cannot change the free count while a
 * test compares it.
 */
static void drop_reclaimable(void)
{
	drop_pagecache();
	kmem_cache_shrink_all();
}

/* Pages a test holds, chained through the pages themselves. */
static void *grabbed;

static void release_grabbed(void *unused)
{
	while (grabbed) {
		void *next = *(void **)grabbed;

		free_page((unsigned long)grabbed);
		grabbed = next;
	}
}

/* Start holding pages; the cleanup action gives them back. */
static void grab_begin(void)
{
	grabbed = NULL;
	ktest_add_action(release_grabbed, NULL);
}

/* Take one page onto the chain.  Return: false if there was none. */
static bool grab_one(gfp_t gfp)
{
	void *page = (void *)__get_free_page(gfp | __GFP_NOWARN);

	if (!page)
		return false;
	*(void **)page = grabbed;
	grabbed = page;
	return true;
}

/*
 * Allocate order-0 pages until the allocator says no.
 * Return: how many pages.
 */
static unsigned long grab_all(gfp_t gfp)
{
	unsigned long n = 0;

	while (grab_one(gfp))
		n++;
	return n;
}

KTEST(mm_alloc_until_failure_and_free)
{
	unsigned long before, n;

	grab_begin();
	drop_reclaimable();
	before = nr_free_pages();
	n = grab_all(GFP_KERNEL);
	KTEST_EXPECT(n > before / 2);
	KTEST_EXPECT(nr_free_pages() <= zone_normal()->pages_min + 1);
	ktest_release_action(release_grabbed, NULL);
	KTEST_EXPECT_EQ(nr_free_pages(), before);
}

KTEST(mm_watermarks_match_formula)
{
	struct zone *zone = zone_normal();
	unsigned long kb = zone->managed_pages * (PAGE_SIZE / 1024);
	unsigned long expect = clamp(int_sqrt(kb * 16), 128UL, 65536UL);

	KTEST_EXPECT_EQ(min_free_kbytes, expect);
	KTEST_EXPECT_EQ(zone->pages_min, expect / 4);
	KTEST_EXPECT_EQ(zone->pages_low, zone->pages_min * 5 / 4);
	KTEST_EXPECT_EQ(zone->pages_high, zone->pages_min * 3 / 2);
	KTEST_ASSERT(zone->pages_min < zone->pages_low &&
		     zone->pages_low < zone->pages_high);
}

KTEST(mm_below_pages_low_wakes_kswapd)
{
	struct zone *zone = zone_normal();
	unsigned long requests = vm_events.kswapd_wakeup_requests;

	grab_begin();
	/* Down to pages_low, taking pages quietly. */
	while (nr_free_pages() > zone->pages_low + 1 && grab_one(GFP_KERNEL))
		;
	KTEST_EXPECT_EQ(vm_events.kswapd_wakeup_requests, requests);
	/* The allocations that cross pages_low call the hook. */
	for (int i = 0; i < 4; i++)
		grab_one(GFP_KERNEL);
	ktest_release_action(release_grabbed, NULL);
	KTEST_EXPECT(vm_events.kswapd_wakeup_requests > requests);
}

KTEST(mm_gfp_atomic_goes_below_kernel_limit)
{
	unsigned long before, atomic_pages;

	grab_begin();
	drop_reclaimable();
	before = nr_free_pages();
	grab_all(GFP_KERNEL);
	KTEST_EXPECT(!grab_one(GFP_KERNEL));
	atomic_pages = grab_all(GFP_ATOMIC);
	KTEST_EXPECT(atomic_pages > 0);
	KTEST_EXPECT(nr_free_pages() > 0);	/* a last reserve remains */
	ktest_release_action(release_grabbed, NULL);
	KTEST_EXPECT_EQ(nr_free_pages(), before);
}

KTEST(mm_order1_blocks_are_aligned)
{
	unsigned long a = __get_free_pages(GFP_KERNEL, 1);
	unsigned long b = __get_free_pages(GFP_KERNEL, 3);

	KTEST_EXPECT(a && b);
	KTEST_EXPECT_EQ(__pa(a) % (2 * PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(__pa(b) % (8 * PAGE_SIZE), 0);
	if (a)
		free_pages(a, 1);
	if (b)
		free_pages(b, 3);
}

KTEST(mm_slab_catches_double_free)
{
	unsigned long errors = slab_errors;
	void *a = kmalloc(48, GFP_KERNEL), *b;
	int on_stack;

	KTEST_ASSERT(a != NULL);
	kfree(a);
	kfree(a);
	KTEST_EXPECT_EQ(slab_errors, errors + 1);
	kfree(&on_stack);
	KTEST_EXPECT_EQ(slab_errors, errors + 2);
	a = kmalloc(48, GFP_KERNEL);
	b = kmalloc(48, GFP_KERNEL);
	KTEST_ASSERT(a && b && a != b);
	kfree(a);
	kfree(b);
	KTEST_EXPECT_EQ(slab_errors, errors + 2);
}

KTEST(mm_kmalloc_large_and_small)
{
	unsigned long before;
	void *small, *big;

	kmem_cache_shrink_all();
	before = nr_free_pages();
	small = kmalloc(100, GFP_KERNEL);
	big = kmalloc(3 * PAGE_SIZE, GFP_KERNEL);
	KTEST_ASSERT(small && big);
	KTEST_EXPECT_EQ((unsigned long)big % PAGE_SIZE, 0);
	KTEST_ASSERT(PageSlab(virt_to_page(small)));
	kfree(small);
	kfree(big);
	kmem_cache_shrink_all();
	KTEST_EXPECT_EQ(nr_free_pages(), before);
}

KTEST(mm_swapper_pg_dir_layout)
{
	pte_t *pte;

	KTEST_EXPECT_EQ(read_cr3(), __pa(swapper_pg_dir));
	/* Nothing below PAGE_OFFSET: NULL and user addresses fault. */
	for (unsigned long i = 0; i < USER_PTRS_PER_PGD; i++)
		KTEST_EXPECT_EQ(swapper_pg_dir[i], 0);
	/* Kernel text is read-only, data writable, all with 4 KiB pages. */
	pte = lookup_address(swapper_pg_dir, (unsigned long)_text);
	KTEST_ASSERT(pte && (*pte & _PAGE_PRESENT) && !(*pte & _PAGE_RW));
	pte = lookup_address(swapper_pg_dir, (unsigned long)_etext - 1);
	KTEST_ASSERT(pte && !(*pte & _PAGE_RW));
	pte = lookup_address(swapper_pg_dir, (unsigned long)_sdata);
	KTEST_ASSERT(pte && (*pte & _PAGE_RW));
	KTEST_EXPECT_EQ(*pte & PAGE_MASK, __pa(_sdata));
	KTEST_ASSERT(read_cr0() & X86_CR0_WP);
}

/* Return: the first frame of [first, end) that is not PG_reserved, or end. */
static unsigned long first_unreserved(unsigned long first, unsigned long end)
{
	while (first < end && PageReserved(pfn_to_page(first)))
		first++;
	return first;
}

/*
 * What the loader and the boot allocator placed, and what is not RAM,
 * is never handed out: mem_init() marked it PG_reserved.  The boot
 * tests always pass the initramfs as a module.
 */
KTEST(mm_reserved_frames)
{
	unsigned long pfn, hole = 0;
	struct page *page;

	KTEST_ASSERT(PageReserved(pfn_to_page(0)));	/* BIOS data area */
	pfn = first_unreserved(PFN_DOWN(__pa(_text)), PFN_UP(__pa(_end)));
	if (pfn != PFN_UP(__pa(_end)))
		KTEST_FAIL("kernel image frame %#lx is not reserved", pfn);
	KTEST_ASSERT(nr_boot_modules > 0);
	for (int i = 0; i < nr_boot_modules; i++) {
		unsigned long end = PFN_UP(boot_modules[i].end);

		pfn = first_unreserved(PFN_DOWN(boot_modules[i].start), end);
		if (pfn != end)
			KTEST_FAIL("boot module %d frame %#lx is not reserved",
				   i, pfn);
	}
	/* mem_map came from the boot allocator. */
	KTEST_ASSERT(PageReserved(virt_to_page(mem_map)));
	/*
	 * The hole below 1 MiB: from the end of the RAM range at 0 (0x9fc00
	 * under QEMU, in the middle of a frame) up: EBDA, VGA, ROMs.
	 */
	for (int i = 0; i < e820.nr_map; i++)
		if (e820.map[i].type == E820_RAM && e820.map[i].addr == 0)
			hole = e820.map[i].size;
	KTEST_ASSERT(hole > 0 && hole < PHYS_LOAD_ADDR);
	pfn = first_unreserved(PFN_DOWN(hole), PFN_DOWN(PHYS_LOAD_ADDR));
	if (pfn != PFN_DOWN(PHYS_LOAD_ADDR))
		KTEST_FAIL("frame %#lx in the hole below 1 MiB is not reserved",
			   pfn);
	/* And what the allocator hands out is not. */
	page = alloc_page(GFP_KERNEL);
	KTEST_ASSERT(page != NULL);
	KTEST_ASSERT(!PageReserved(page));
	__free_page(page);
}

/* The conversions between the four names of a frame agree. */
KTEST(mm_address_conversions_round_trip)
{
	struct page *page = alloc_page(GFP_KERNEL);
	unsigned long last = max_low_pfn - 1;
	void *virt;

	KTEST_ASSERT(page != NULL);
	virt = page_to_virt(page);
	KTEST_EXPECT_EQ((unsigned long)virt % PAGE_SIZE, 0);
	KTEST_ASSERT(virt_to_page(virt) == page);
	KTEST_ASSERT(virt_to_page((char *)virt + PAGE_SIZE - 1) == page);
	KTEST_ASSERT(pfn_to_page(page_to_pfn(page)) == page);
	KTEST_EXPECT_EQ(__pa(virt), PFN_PHYS(page_to_pfn(page)));
	KTEST_ASSERT(__va(__pa(virt)) == virt);
	__free_page(page);

	KTEST_EXPECT_EQ(__pa(__va(0x123456)), 0x123456);
	KTEST_ASSERT(virt_to_page(_text) ==
		     pfn_to_page(PFN_DOWN(PHYS_LOAD_ADDR)));
	KTEST_EXPECT_EQ(page_to_pfn(pfn_to_page(last)), last);
	KTEST_ASSERT(page_to_virt(pfn_to_page(last)) == __va(PFN_PHYS(last)));
	KTEST_ASSERT(page_to_virt(pfn_to_page(0)) == (void *)PAGE_OFFSET);
}

KTEST(mm_switch_mm_counts_cr3_loads)
{
	struct mm_struct *mm = mm_alloc(), *prev;
	unsigned long loads, flags, new_pgd, cr3_on_mm, cr3_back, prev_pgd;
	bool shares_kernel_half;

	KTEST_ASSERT(mm != NULL);
	/* The new directory shares the kernel half: we keep running. */
	shares_kernel_half = mm->pgd[pgd_index(PAGE_OFFSET)] ==
			     swapper_pg_dir[pgd_index(PAGE_OFFSET)] &&
			     !mm->pgd[0];
	new_pgd = __pa(mm->pgd);
	/*
	 * Interrupts off from the first count to the last: no tick, no
	 * preemption, so no switch but these three can load CR3 meanwhile.
	 * Back on the mm this thread was on (init_mm or one it borrows),
	 * so that the scheduler's idea of it stays true.  The checks come
	 * after interrupts are back on.
	 */
	local_irq_save(flags);
	prev = current->active_mm;
	prev_pgd = __pa(prev->pgd);
	loads = cr3_load_count();
	switch_mm(prev, mm);
	cr3_on_mm = read_cr3();
	switch_mm(mm, mm);		/* same mm: no load */
	switch_mm(mm, prev);
	loads = cr3_load_count() - loads;
	cr3_back = read_cr3();
	local_irq_restore(flags);
	mmput(mm);

	KTEST_ASSERT(shares_kernel_half);
	KTEST_EXPECT_EQ(cr3_on_mm, new_pgd);
	KTEST_EXPECT_EQ(loads, 2);
	KTEST_EXPECT_EQ(cr3_back, prev_pgd);
}

/*
 * mm_users counts the tasks that own an address space, mm_count the
 * references to the struct: all users together hold one, and each kernel
 * thread borrowing it holds one more (include/mm_types.h).  Like Linux
 * 2.6, kt26 has no mmget()/mmgrab(): copy_mm() and context_switch()
 * increment the counters themselves, as done here.  The user mappings go
 * with the last mmput(), the page directory with the last mmdrop().
 */
KTEST(mm_users_and_mm_count)
{
	unsigned long before;
	struct mm_struct *mm;
	struct page *pgd_page;

	drop_reclaimable();
	before = nr_free_pages();
	mm = mm_alloc();
	KTEST_ASSERT(mm != NULL);
	pgd_page = virt_to_page(mm->pgd);
	KTEST_EXPECT_EQ(atomic_read(&mm->mm_users), 1);
	KTEST_EXPECT_EQ(atomic_read(&mm->mm_count), 1);
	KTEST_EXPECT_EQ(page_count(pgd_page), 1);

	atomic_inc(&mm->mm_users);	/* a CLONE_VM thread, as copy_mm() */
	atomic_inc(&mm->mm_count);	/* a lazy kernel thread borrows it */
	mmput(mm);			/* the thread exits */
	KTEST_EXPECT_EQ(atomic_read(&mm->mm_users), 1);
	KTEST_EXPECT_EQ(atomic_read(&mm->mm_count), 2);
	mmput(mm);			/* the last user; their mm_count goes */
	KTEST_EXPECT_EQ(atomic_read(&mm->mm_users), 0);
	KTEST_EXPECT_EQ(atomic_read(&mm->mm_count), 1);
	/* The borrower still runs on the page directory. */
	KTEST_EXPECT_EQ(page_count(pgd_page), 1);
	mmdrop(mm);			/* the borrower switched away */
	KTEST_EXPECT_EQ(page_count(pgd_page), 0);
	kmem_cache_shrink_all();	/* the mm_struct's slab, if now empty */
	KTEST_EXPECT_EQ(nr_free_pages(), before);
}

/*
 * The number after @label in @text, spaces skipped.
 * Return: the number, or ~0UL if @label or the number is missing.
 */
static unsigned long number_after(const char *text, const char *label)
{
	const char *p = strstr(text, label);
	unsigned long n = 0;

	if (!p)
		return ~0UL;
	p += strlen(label);
	while (*p == ' ')
		p++;
	if (*p < '0' || *p > '9')
		return ~0UL;
	while (*p >= '0' && *p <= '9')
		n = n * 10 + (*p++ - '0');
	return n;
}

/*
 * What meminfo_report() prints (at boot, on Ctrl-F, in the shell's free)
 * is what the allocator holds.  The report is made with interrupts off,
 * and the values it is checked against are read in the same window (on
 * one CPU nothing else can allocate meanwhile); the free pages are
 * counted independently, block by block on the free lists.
 */
KTEST(mm_meminfo_report_matches_allocator)
{
	static char report[4096];
	unsigned long blocks[MAX_ORDER], free = 0, free_pages, flags;
	struct zone *zone = zone_normal();
	struct vm_event_counts events;
	const char *orders;
	struct list_head *pos;
	char label[8];

	local_irq_save(flags);
	meminfo_report(report, sizeof(report));
	for (unsigned int o = 0; o < MAX_ORDER; o++) {
		blocks[o] = 0;
		list_for_each(pos, &zone->free_area[o].free_list)
			blocks[o]++;
		free += blocks[o] << o;
	}
	free_pages = zone->free_pages;
	events = vm_events;
	local_irq_restore(flags);

	KTEST_EXPECT_EQ(free, free_pages);
	KTEST_EXPECT_EQ(number_after(report, "MemTotal:"),
			zone->managed_pages * (PAGE_SIZE / 1024));
	KTEST_EXPECT_EQ(number_after(report, "MemFree:"),
			free * (PAGE_SIZE / 1024));
	KTEST_EXPECT_EQ(number_after(report, "Zone Normal: free"), free);
	KTEST_EXPECT_EQ(number_after(report, "pages_min"), zone->pages_min);
	KTEST_EXPECT_EQ(number_after(report, "pages_low"), zone->pages_low);
	KTEST_EXPECT_EQ(number_after(report, "pages_high"), zone->pages_high);
	KTEST_EXPECT_EQ(number_after(report, "managed"), zone->managed_pages);
	KTEST_EXPECT_EQ(number_after(report, "spanned"), zone->spanned_pages);
	orders = strstr(report, "Free blocks by order:");
	KTEST_ASSERT(orders != NULL);
	for (unsigned int o = 0; o < MAX_ORDER; o++) {
		snprintf(label, sizeof(label), " %u:", o);
		if (number_after(orders, label) != blocks[o])
			KTEST_FAIL("order %u: the report says %lu blocks, the "
				   "free list has %lu", o,
				   number_after(orders, label), blocks[o]);
	}
	KTEST_EXPECT_EQ(number_after(report, "pgalloc"), events.pgalloc);
	KTEST_EXPECT_EQ(number_after(report, "pgfree"), events.pgfree);
	KTEST_EXPECT_EQ(number_after(report, "allocfail"), events.allocfail);
	KTEST_EXPECT_EQ(number_after(report, "kswapd_wakeup_requests"),
			events.kswapd_wakeup_requests);
	KTEST_EXPECT_EQ(number_after(report, "slab_errors"), slab_errors);
}

KTEST_NAMED_ONLY(oops_write_kernel_text)
{
	printk(KERN_INFO "ktest: writing to kernel text at %p\n", _text);
	*(volatile char *)_text = 0;
	KTEST_FAIL("the write to read-only kernel text did not fault");
}
