// SPDX-License-Identifier: GPL-2.0
/*
 * tests/ktest/mm_test.c - the memory core in the running kernel: the
 * buddy allocator over the machine's real memory, the watermarks, the
 * slab, page tables and the CR3 counter.  (tests/unit/ covers the
 * algorithms in depth on the host.)
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
#include <slab.h>

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

/*
 * Allocate order-0 pages until the allocator says no, keeping them on a
 * chain threaded through the pages themselves (no other memory needed).
 * Return: how many pages; *chain is the last one.
 */
static unsigned long grab_all(gfp_t gfp, void **chain)
{
	unsigned long n = 0;
	void *page;

	while ((page = (void *)__get_free_page(gfp | __GFP_NOWARN))) {
		*(void **)page = *chain;
		*chain = page;
		n++;
	}
	return n;
}

static void release_all(void *chain)
{
	while (chain) {
		void *next = *(void **)chain;

		free_page((unsigned long)chain);
		chain = next;
	}
}

KTEST(mm_alloc_until_failure_and_free)
{
	unsigned long before, n;
	void *chain = NULL;

	drop_reclaimable();
	before = nr_free_pages();
	n = grab_all(GFP_KERNEL, &chain);
	KTEST_ASSERT(n > before / 2);
	KTEST_ASSERT(nr_free_pages() <= zone_normal()->pages_min + 1);
	release_all(chain);
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
	void *chain = NULL, *page;

	/* Down to pages_low, taking pages quietly. */
	while (nr_free_pages() > zone->pages_low + 1) {
		page = (void *)__get_free_page(GFP_KERNEL | __GFP_NOWARN);
		if (!page)
			break;
		*(void **)page = chain;
		chain = page;
	}
	KTEST_EXPECT_EQ(vm_events.kswapd_wakeup_requests, requests);
	/* The allocations that cross pages_low call the hook. */
	for (int i = 0; i < 4; i++) {
		page = (void *)__get_free_page(GFP_KERNEL | __GFP_NOWARN);
		if (page) {
			*(void **)page = chain;
			chain = page;
		}
	}
	release_all(chain);
	KTEST_ASSERT(vm_events.kswapd_wakeup_requests > requests);
}

KTEST(mm_gfp_atomic_goes_below_kernel_limit)
{
	void *chain = NULL;
	unsigned long before, atomic_pages;

	drop_reclaimable();
	before = nr_free_pages();
	grab_all(GFP_KERNEL, &chain);
	KTEST_ASSERT(__get_free_page(GFP_KERNEL | __GFP_NOWARN) == 0);
	atomic_pages = grab_all(GFP_ATOMIC, &chain);
	KTEST_ASSERT(atomic_pages > 0);
	KTEST_ASSERT(nr_free_pages() > 0);	/* a last reserve remains */
	release_all(chain);
	KTEST_EXPECT_EQ(nr_free_pages(), before);
}

KTEST(mm_order1_blocks_are_aligned)
{
	unsigned long a = __get_free_pages(GFP_KERNEL, 1);
	unsigned long b = __get_free_pages(GFP_KERNEL, 3);

	KTEST_ASSERT(a && b);
	KTEST_EXPECT_EQ(__pa(a) % (2 * PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(__pa(b) % (8 * PAGE_SIZE), 0);
	free_pages(a, 1);
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
	extern char _text[], _etext[], _sdata[];
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

KTEST(mm_switch_mm_counts_cr3_loads)
{
	struct mm_struct *mm = mm_alloc();
	unsigned long loads = cr3_load_count(), flags;

	KTEST_ASSERT(mm != NULL);
	/* The new directory shares the kernel half: we keep running. */
	KTEST_EXPECT_EQ(mm->pgd[pgd_index(PAGE_OFFSET)],
			swapper_pg_dir[pgd_index(PAGE_OFFSET)]);
	KTEST_EXPECT_EQ(mm->pgd[0], 0);
	local_irq_save(flags);
	switch_mm(&init_mm, mm);
	KTEST_EXPECT_EQ(read_cr3(), __pa(mm->pgd));
	switch_mm(mm, mm);		/* same mm: no load */
	switch_mm(mm, &init_mm);
	local_irq_restore(flags);
	KTEST_EXPECT_EQ(cr3_load_count(), loads + 2);
	KTEST_EXPECT_EQ(read_cr3(), __pa(swapper_pg_dir));
	mmput(mm);
}

KTEST_NAMED_ONLY(oops_write_kernel_text)
{
	extern char _text[];

	printk(KERN_INFO "ktest: writing to kernel text at %p\n", _text);
	*(volatile char *)_text = 0;
	KTEST_FAIL("the write to read-only kernel text did not fault");
}
