/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/gfp.h - asking the page allocator for memory (mm/page_alloc.c).
 *
 * Linux 2.6: include/linux/gfp.h.
 * Memory comes in blocks of 2^order contiguous pages.  The gfp ("get free
 * pages") flags say what the allocator may do to find them:
 *
 *	GFP_KERNEL  normal kernel allocation: may sleep (reclaim memory),
 *	            stops at the pages_min watermark
 *	GFP_ATOMIC  from interrupts or with locks held: never sleeps, and
 *	            may dip further below pages_min (into the reserve that
 *	            exists for exactly this)
 *
 * Failure returns NULL and changes nothing.
 */
#ifndef _GFP_H
#define _GFP_H

#include <mm.h>
#include <types.h>

#define __GFP_WAIT	0x10u	/* may sleep and reclaim */
#define __GFP_HIGH	0x20u	/* may use the emergency reserve */
#define __GFP_ZERO	0x8000u	/* return zeroed memory */
#define __GFP_NOWARN	0x200u	/* no message on failure */

#define GFP_ATOMIC	(__GFP_HIGH)
#define GFP_KERNEL	(__GFP_WAIT)

#define MAX_ORDER	11	/* blocks of 1 .. 1024 pages (4 MiB) */

/* The smallest order whose block holds @size bytes. */
static inline unsigned int get_order(size_t size)
{
	unsigned int order = 0;

	while ((PAGE_SIZE << order) < size)
		order++;
	return order;
}

/* mm/page_alloc.c */
struct page *alloc_pages(gfp_t gfp_mask, unsigned int order);
void __free_pages(struct page *page, unsigned int order);
unsigned long __get_free_pages(gfp_t gfp_mask, unsigned int order);
void free_pages(unsigned long addr, unsigned int order);
unsigned long nr_free_pages(void);

/*
 * Fault injection (mm/page_alloc.c; Linux: lib/fault-inject.c with the
 * fail_page_alloc and failslab attributes).  A page and a slab object are
 * one allocation each.
 *
 *	fail_alloc_set(7, FAULT_TIMES_UNLIMITED, true);
 *		every 7th allocation fails, but only those of tasks whose
 *		task_struct.make_it_fail is set (never in an interrupt);
 *	fail_alloc_after(n);
 *		the n-th allocation from now, by anyone, fails once;
 *	fail_alloc_set(0, 0, false) or fail_alloc_after(0);
 *		off again: arm it with a cleanup action that does this.
 *
 * make_it_fail is inherited by fork: the children of a marked task are
 * marked too.
 */
#define FAULT_TIMES_UNLIMITED	(-1L)

void fail_alloc_set(unsigned long interval, long times, bool task_filter);
void fail_alloc_after(unsigned long n);
bool fail_alloc_pending(void);
unsigned long fail_alloc_stats(unsigned long *count);
bool should_fail_alloc(void);

#define alloc_page(gfp)		alloc_pages(gfp, 0)
#define __get_free_page(gfp)	__get_free_pages(gfp, 0)
#define free_page(addr)		free_pages(addr, 0)
#define __free_page(page)	__free_pages(page, 0)
/* Drop a reference to a page (include/mm.h: get_page()). */
#define put_page(page)		__free_pages(page, 0)

static inline unsigned long get_zeroed_page(gfp_t gfp_mask)
{
	return __get_free_pages(gfp_mask | __GFP_ZERO, 0);
}

#endif /* _GFP_H */
