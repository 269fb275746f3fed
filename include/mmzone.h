/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/mmzone.h - the zone: free lists, watermarks, statistics.
 *
 * Linux 2.6: include/linux/mmzone.h.
 * A zone is a range of page frames the buddy allocator manages as one
 * pool.  Linux i386 has three (DMA, Normal, HighMem); this kernel has
 * one, ZONE_NORMAL, covering the directly mapped low memory.  The node
 * (struct pglist_data, one on a PC) owns the zones and kswapd's wait
 * queue.
 *
 * The three watermarks (in pages) steer reclaim:
 *	free > pages_high   plenty; kswapd goes back to sleep
 *	free < pages_low    an allocation wakes kswapd
 *	free < pages_min    only GFP_ATOMIC (and reclaim itself) may go on
 */
#ifndef _MMZONE_H
#define _MMZONE_H

#include <gfp.h>
#include <list.h>
#include <spinlock.h>

struct free_area {
	struct list_head free_list;	/* heads of free 2^order blocks */
	unsigned long nr_free;		/* how many blocks */
};

struct zone {
	/* zone->lock, interrupts off (GFP_ATOMIC callers): */
	spinlock_t lock;
	unsigned long free_pages;
	struct free_area free_area[MAX_ORDER];

	/* Set at boot, read without the lock: */
	unsigned long pages_min, pages_low, pages_high;
	unsigned long zone_start_pfn;
	unsigned long spanned_pages;	/* frames in the range, holes too */
	unsigned long present_pages;	/* RAM frames in the range */
	unsigned long managed_pages;	/* frames the buddy allocator got */
	const char *name;
};

#define MAX_NR_ZONES	1
#define ZONE_NORMAL	0

struct pglist_data {
	struct zone node_zones[MAX_NR_ZONES];
};

extern struct pglist_data contig_page_data;
#define NODE_DATA(nid)		(&contig_page_data)
#define zone_normal()		(&contig_page_data.node_zones[ZONE_NORMAL])

/* Allocator events, for show_mem() and the tests (mm/page_alloc.c). */
struct vm_event_counts {
	unsigned long pgalloc;		/* pages handed out */
	unsigned long pgfree;		/* pages given back */
	unsigned long allocfail;	/* allocations that returned NULL */
	unsigned long kswapd_wakeup_requests; /* found free < pages_low */
};

extern struct vm_event_counts vm_events;
extern unsigned long min_free_kbytes;

/* mm/page_alloc.c */
void free_area_init(unsigned long start_pfn, unsigned long end_pfn);
void __free_bootmem_page(struct page *page);
void setup_per_zone_pages_min(void);
bool zone_watermark_ok(struct zone *z, unsigned int order,
		       unsigned long mark, int alloc_flags);

#define ALLOC_HIGH	0x1	/* __GFP_HIGH: half the mark */
#define ALLOC_HARDER	0x2	/* atomic: a quarter less again */

/* mm/vmscan.c */
void wakeup_kswapd(struct zone *zone, unsigned int order);

#endif /* _MMZONE_H */
