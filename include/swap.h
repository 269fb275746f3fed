/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/swap.h - page reclaim: the LRU lists, kswapd, shrinkers and
 * direct reclaim (mm/swap.c, mm/vmscan.c, mm/pressure.c).
 *
 * Linux 2.6: include/linux/swap.h, include/linux/mm.h (shrinkers).
 * The buffer cache's pages sit on two LRU lists per zone.  When free
 * memory runs low, kswapd0 (woken by the allocator below pages_low, or
 * by its own timer) takes clean, unreferenced pages from the tail of the
 * inactive list and gives them back to the buddy allocator until free
 * pages reach pages_high.  An allocation that finds memory exhausted
 * does the same itself ("direct reclaim") before it fails.  Other caches
 * take part by registering a shrinker.  docs/memory-daemons.md follows a
 * page from the LRU back to the free lists.
 */
#ifndef _SWAP_H
#define _SWAP_H

#include <list.h>
#include <mmzone.h>
#include <types.h>

#define SWAP_CLUSTER_MAX 32	/* pages reclaimed per batch */
#define DEF_PRIORITY	12	/* first pass scans 1/4096 of a list */

/*
 * A cache that can give memory back.  shrink(0, gfp) returns how many
 * objects it could free; shrink(nr, gfp) frees up to nr of them and
 * returns how many are left.  It must not sleep.
 */
struct shrinker {
	int (*shrink)(int nr_to_scan, gfp_t gfp_mask);
	struct list_head list;
};

/* mm/swap.c */
void lru_cache_add(struct page *page);
void mark_page_accessed(struct page *page);
bool lru_cache_remove(struct page *page);

/* mm/vmscan.c */
extern unsigned int kswapd_interval_ms;
void register_shrinker(struct shrinker *shrinker);
void unregister_shrinker(struct shrinker *shrinker);
unsigned long try_to_free_pages(struct zone *zone, unsigned int order,
				gfp_t gfp_mask);
unsigned long shrink_all_memory(unsigned long nr_pages);
void kswapd_init(void);

/* mm/pressure.c */
long mm_pressure(unsigned long pages);

#endif /* _SWAP_H */
