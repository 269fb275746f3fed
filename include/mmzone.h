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
#include <wait.h>

struct free_area {
	struct list_head free_list;	/* heads of free 2^order blocks */
	unsigned long nr_free;		/* how many blocks */
};

struct zone {
	/* zone->lock, interrupts off (GFP_ATOMIC callers): */
	spinlock_t lock;
	unsigned long free_pages;
	struct free_area free_area[MAX_ORDER];

	/*
	 * zone->lru_lock: the buffer cache's pages (mm/swap.c), newest at
	 * the head.  Pages used since kswapd last looked (PG_referenced)
	 * get a second chance; PG_active marks the active list.
	 */
	spinlock_t lru_lock;
	struct list_head active_list;
	struct list_head inactive_list;
	unsigned long nr_active, nr_inactive;

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
	wait_queue_head_t kswapd_wait;	/* kswapd0 sleeps here */
	struct task_struct *kswapd;	/* NULL until kswapd_init() */
};

/* mm/page_alloc.c: the one memory node */
extern struct pglist_data contig_page_data;
#define NODE_DATA(nid)		(&contig_page_data)
#define zone_normal()		(&contig_page_data.node_zones[ZONE_NORMAL])

/*
 * Memory events, for show_mem() and the tests (mm/page_alloc.c,
 * mm/vmscan.c).  Linux 2.6: struct page_state, /proc/vmstat.
 */
/* Bumped with stat_add() (include/atomic.h): from any CPU, no lock. */
struct vm_event_counts {
	unsigned long pgalloc;		/* pages handed out */
	unsigned long pgfree;		/* pages given back */
	unsigned long allocfail;	/* allocations that returned NULL */
	unsigned long kswapd_wakeup_requests; /* found free < pages_low */
	unsigned long allocstall;	/* allocations that reclaimed */
	unsigned long kswapd_wakeups;	/* times kswapd0 woke up */
	unsigned long kswapd_periodic;	/* ...of those, by its timer */
	unsigned long pageoutrun;	/* balance_pgdat() runs */
	unsigned long pgscan_kswapd;	/* inactive pages kswapd looked at */
	unsigned long pgscan_direct;	/* ...direct reclaim looked at */
	unsigned long kswapd_steal;	/* pages kswapd freed */
	unsigned long pgsteal;		/* pages reclaim freed, in all */
	unsigned long pgactivate;	/* inactive -> active (referenced) */
	unsigned long pgdeactivate;	/* active -> inactive */
	unsigned long slabs_scanned;	/* objects shrinkers were asked for */
	unsigned long readahead_pages;	/* file pages read ahead */
};

/* mm/page_alloc.c */
extern struct vm_event_counts vm_events;
extern unsigned long min_free_kbytes;
#define MIN_FREE_KBYTES_MIN	128	/* its bounds: boot option, sysctl */
#define MIN_FREE_KBYTES_MAX	65536
void free_area_init(unsigned long start_pfn, unsigned long end_pfn);
void __free_bootmem_page(struct page *page);
void setup_per_zone_pages_min(void);
void init_per_zone_pages_min(void);
bool zone_watermark_ok(struct zone *z, unsigned int order,
		       unsigned long mark, int alloc_flags);

#define ALLOC_HIGH	0x1	/* __GFP_HIGH: half the mark */
#define ALLOC_HARDER	0x2	/* atomic: a quarter less again */

/* mm/vmscan.c */
void wakeup_kswapd(struct zone *zone, unsigned int order);

#endif /* _MMZONE_H */
