// SPDX-License-Identifier: GPL-2.0
/*
 * mm/swap.c - putting cache pages on the LRU lists and marking them used.
 *
 * Linux 2.6: mm/swap.c (lru_cache_add, mark_page_accessed), with
 * include/linux/mm_inline.h.
 * Each zone keeps two lists of cache pages (include/mmzone.h): active
 * (recently used) and inactive (candidates for reclaim), newest at the
 * head.  A new page starts on the inactive list with PG_referenced clear:
 * a block read once and never again is the first to go.  Using a page
 * again sets PG_referenced; when kswapd reaches a referenced page it
 * clears the bit and gives the page a second chance (mm/vmscan.c) —
 * Linux 2.6 moves a referenced inactive page to the active list here, on
 * the second touch; doing it in the scanner keeps this file to one job.
 *
 * Every change to a cache page's LRU flags (PG_lru, PG_active,
 * PG_referenced) or list happens under zone->lru_lock; the flags are
 * atomic bits, because a file page's PG_locked, PG_dirty and
 * PG_writeback in the same word change outside it.  Pages kswapd has
 * taken off the lists to free (PG_lru clear) are left alone.  The
 * buffer cache's pages and the page cache's of files (mm/filemap.c)
 * share the lists.
 * Next: mm/vmscan.c takes pages off these lists.
 */
#include <kernel.h>
#include <mm.h>
#include <mmzone.h>
#include <swap.h>

/**
 * lru_cache_add - put a new cache page on the inactive list
 * @page: a new page of the buffer cache or of a file, not on any list
 *
 * Context: process; takes zone->lru_lock.
 */
void lru_cache_add(struct page *page)
{
	struct zone *zone = zone_normal();

	spin_lock(&zone->lru_lock);
	BUG_ON(PageFlag(page, PG_lru));
	SetPageFlag(page, PG_lru);
	list_add(&page->lru, &zone->inactive_list);
	zone->nr_inactive++;
	spin_unlock(&zone->lru_lock);
}

/**
 * mark_page_accessed - a cache page was used again
 * @page: the page
 *
 * Sets PG_referenced: kswapd will spare the page once.
 * Context: process; takes zone->lru_lock.
 */
void mark_page_accessed(struct page *page)
{
	struct zone *zone = zone_normal();

	spin_lock(&zone->lru_lock);
	SetPageFlag(page, PG_referenced);
	spin_unlock(&zone->lru_lock);
}

/**
 * lru_cache_remove - take a cache page off its LRU list for good
 * @page: the page
 *
 * Context: process; takes zone->lru_lock (inside the buffer cache's
 * buffer_lock).
 * Return: true if it was removed; false if kswapd has it off the lists
 * right now (it will free or put back the page itself).
 */
bool lru_cache_remove(struct page *page)
{
	struct zone *zone = zone_normal();
	bool removed = false;

	spin_lock(&zone->lru_lock);
	if (PageFlag(page, PG_lru)) {
		list_del_init(&page->lru);
		if (PageFlag(page, PG_active))
			zone->nr_active--;
		else
			zone->nr_inactive--;
		ClearPageFlag(page, PG_lru);
		ClearPageFlag(page, PG_active);
		ClearPageFlag(page, PG_referenced);
		removed = true;
	}
	spin_unlock(&zone->lru_lock);
	return removed;
}
