// SPDX-License-Identifier: GPL-2.0
/*
 * mm/vmscan.c - page reclaim: kswapd0, the LRU scan, shrinkers, and
 * direct reclaim.
 *
 * Linux 2.6: mm/vmscan.c (kswapd, balance_pgdat, shrink_zone,
 * refill_inactive_zone, shrink_cache, try_to_free_pages, shrink_slab).
 * The allocator (mm/page_alloc.c) calls wakeup_kswapd() when an
 * allocation would leave the zone below pages_low.  kswapd0 — a kernel
 * thread that sleeps on pgdat->kswapd_wait — wakes, and balance_pgdat()
 * frees cache pages until the zone is back above pages_high.  It also
 * wakes every kswapd_interval_ms on its own to look at the watermarks:
 * both kinds of kernel thread of docs/deferred-work.md in one,
 * event-driven with a periodic check.
 *
 * The scan works on the two LRU lists of mm/swap.c, from the tail (the
 * oldest), at a "priority" from DEF_PRIORITY (12: look at 1/4096 of each
 * list) down to 0 (all of it), so that a little pressure disturbs little:
 *
 *  - refill_inactive_zone(): an active page used since the last look
 *    (PG_referenced) stays active, its bit cleared; the others move to
 *    the inactive list.
 *  - shrink_inactive_list(): a referenced inactive page goes to the active
 *    list (its second chance); an unreferenced one is freed if it is
 *    clean and unused: a buffer-cache page if its buffer is
 *    (try_to_free_buffers()), a file page (shrink_file_page()) if it is
 *    not locked, dirty or under writeback and nobody but the cache
 *    holds it -- its buffer freed (try_to_release_page()), it leaves
 *    its mapping (remove_mapping()).  Others go back on the list; dirty
 *    ones are counted, and pdflush is asked to write that many
 *    (wakeup_pdflush()): reclaim never waits on one file's writes.
 *    A file page taken off the list is held by a reference of the
 *    scan's own (the LRU holds none: mm/filemap.c), taken only if its
 *    count is not already 0 -- then its last holder is freeing it.
 *  - shrink_slab(): each registered shrinker (the slab's empty pages) is
 *    asked for its share too.
 *
 * An allocation that finds memory exhausted does the same work itself in
 * try_to_free_pages() ("direct reclaim", counted as allocstall) before it
 * fails; finding nothing clean while file pages are being written, it
 * waits for writes to end (congestion_wait()) and tries again.
 * kswapd0 and direct reclaimers run with PF_MEMALLOC: their own
 * allocations may go below pages_min, so that reclaim can always proceed.
 * Next: mm/filemap.c and mm/buffer.c, which own the pages;
 * mm/page-writeback.c, which cleans the dirty ones.
 */
#include <atomic.h>
#include <buffer_head.h>
#include <completion.h>
#include <init.h>
#include <kernel.h>
#include <kthread.h>
#include <mmzone.h>
#include <pagemap.h>
#include <sched.h>
#include <slab.h>
#include <swap.h>
#include <timer.h>
#include <wait.h>
#include <writeback.h>

/* Direct reclaim's rounds of waiting for file pages to be written. */
#define RECLAIM_RETRIES	50

/* kswapd_interval= (milliseconds): its periodic look; 0 turns it off. */
unsigned int kswapd_interval_ms = 1000;

static int kswapd_interval_setup(char *val)
{
	unsigned long ms;

	if (kstrtoul(val, 0, &ms) || ms > 60 * 60 * 1000)
		return -EINVAL;
	kswapd_interval_ms = ms;
	return 0;
}
__setup("kswapd_interval=", kswapd_interval_setup);

struct scan_control {
	int priority;			/* DEF_PRIORITY .. 0 */
	bool kswapd;			/* for the counters */
	gfp_t gfp_mask;
	unsigned long nr_to_reclaim;	/* stop after this many */
	unsigned long nr_scanned;	/* inactive pages looked at */
	unsigned long nr_reclaimed;	/* pages freed */
	unsigned long nr_dirty;		/* pages met not yet clean */
};

/* shrinker_lock: the registered shrinkers, and calls into them. */
static LIST_HEAD(shrinker_list);
static DEFINE_SPINLOCK(shrinker_lock);

/**
 * register_shrinker - let reclaim ask a cache for memory
 * @shrinker: with ->shrink set; must stay valid until unregistered
 *
 * Context: process.
 */
void register_shrinker(struct shrinker *shrinker)
{
	spin_lock(&shrinker_lock);
	list_add_tail(&shrinker->list, &shrinker_list);
	spin_unlock(&shrinker_lock);
}

/**
 * unregister_shrinker - stop asking a cache
 * @shrinker: a registered shrinker; no call runs when this returns
 *
 * Context: process.
 */
void unregister_shrinker(struct shrinker *shrinker)
{
	spin_lock(&shrinker_lock);
	list_del(&shrinker->list);
	spin_unlock(&shrinker_lock);
}

/*
 * Ask every shrinker for its share at @priority: (count >> priority) + 1
 * objects, as the LRU scan looks at (pages >> priority) + 1.  (Linux 2.6
 * weighs the share by the LRU pages scanned and the cache's "seeks".)
 * Return: objects freed.
 */
static unsigned long shrink_slab(int priority, gfp_t gfp_mask)
{
	/* LAB 6: shrink_slab BEGIN */
	struct shrinker *shrinker;
	unsigned long freed = 0;

	spin_lock(&shrinker_lock);
	list_for_each_entry(shrinker, &shrinker_list, list) {
		int count = shrinker->shrink(0, gfp_mask);
		int nr, left;

		if (count <= 0)
			continue;
		nr = min((count >> priority) + 1, count);
		stat_add(&vm_events.slabs_scanned, nr);
		left = shrinker->shrink(nr, gfp_mask);
		if (left < count)
			freed += count - left;
	}
	spin_unlock(&shrinker_lock);
	return freed;
	/* LAB 6: shrink_slab END */
}

/* The slab's shrinker: its objects are the empty slabs' pages. */
static int shrink_slab_caches(int nr_to_scan, gfp_t gfp_mask)
{
	if (nr_to_scan)
		kmem_cache_shrink_all();
	return kmem_cache_free_slab_pages();
}

static struct shrinker slab_shrinker = {
	.shrink = shrink_slab_caches,
};

/*
 * Move up to @nr_scan pages from the active list's tail: referenced ones
 * back to its head (bit cleared), the others to the inactive list.
 */
static void refill_inactive_zone(struct zone *zone, unsigned long nr_scan)
{
	spin_lock(&zone->lru_lock);
	while (nr_scan-- && !list_empty(&zone->active_list)) {
		struct page *page = list_entry(zone->active_list.prev,
					       struct page, lru);

		if (PageFlag(page, PG_referenced)) {
			ClearPageFlag(page, PG_referenced);
			list_move(&page->lru, &zone->active_list);
		} else {
			ClearPageFlag(page, PG_active);
			list_move(&page->lru, &zone->inactive_list);
			zone->nr_active--;
			zone->nr_inactive++;
			stat_inc(&vm_events.pgdeactivate);
		}
		/* Let others at the lock now and then. */
		if (!(nr_scan % SWAP_CLUSTER_MAX)) {
			spin_unlock(&zone->lru_lock);
			spin_lock(&zone->lru_lock);
		}
	}
	spin_unlock(&zone->lru_lock);
}

/* A reference to a file page, unless its count is 0 (being freed). */
static bool get_page_unless_zero(struct page *page)
{
	int c = atomic_read(&page->_count);

	while (c) {
		int old = __sync_val_compare_and_swap(&page->_count.counter, c,
						      c + 1);

		if (old == c)
			return true;
		c = old;
	}
	return false;
}

/*
 * Take up to @nr pages off the inactive list's tail onto @page_list,
 * oldest first, giving the referenced ones their second chance on the
 * way.  Return: pages looked at.
 */
static unsigned long isolate_lru_pages(struct zone *zone, unsigned long nr,
				       struct list_head *page_list)
{
	unsigned long scanned = 0;

	spin_lock(&zone->lru_lock);
	while (scanned < nr && !list_empty(&zone->inactive_list)) {
		struct page *page = list_entry(zone->inactive_list.prev,
					       struct page, lru);

		scanned++;
		if (PageFlag(page, PG_referenced)) {
			ClearPageFlag(page, PG_referenced);
			SetPageFlag(page, PG_active);
			list_move(&page->lru, &zone->active_list);
			zone->nr_inactive--;
			zone->nr_active++;
			stat_inc(&vm_events.pgactivate);
			continue;
		}
		if (PageFlag(page, PG_filecache) && !get_page_unless_zero(page))
			continue;	/* its freer takes it off the list */
		ClearPageFlag(page, PG_lru);
		list_move_tail(&page->lru, page_list);
		zone->nr_inactive--;
	}
	spin_unlock(&zone->lru_lock);
	return scanned;
}

/*
 * Give pages back to the inactive list: busy ones (in use, dirty) to
 * its head, to be looked at again last; ones not looked at because
 * enough was freed back to its tail, oldest last, where they were.
 */
static void putback_lru_pages(struct zone *zone, struct list_head *pages,
			      bool to_tail)
{
	LIST_HEAD(freed);

	spin_lock(&zone->lru_lock);
	while (!list_empty(pages)) {
		struct page *page = list_entry(pages->prev, struct page, lru);

		/* A file page's scan reference goes; if it was the last
		 * (truncated meanwhile), the page is freed, not put back. */
		if (PageFlag(page, PG_filecache) &&
		    atomic_dec_and_test(&page->_count)) {
			list_move(&page->lru, &freed);
			continue;
		}
		SetPageFlag(page, PG_lru);
		if (to_tail)
			list_move_tail(&page->lru, &zone->inactive_list);
		else
			list_move(&page->lru, &zone->inactive_list);
		zone->nr_inactive++;
	}
	spin_unlock(&zone->lru_lock);
	while (!list_empty(&freed)) {
		struct page *page = list_first_entry(&freed, struct page, lru);

		list_del_init(&page->lru);
		set_page_count(page, 1);
		__free_page(page);
	}
}

/*
 * A file page off the LRU, with the scan's reference: free it if it is
 * clean and unused.  Return: 1 freed, 0 busy, -1 dirty or being written.
 */
static int shrink_file_page(struct page *page)
{
	/* LAB 6: shrink_file_page BEGIN */
	struct address_space *mapping;

	if (TestSetPageLocked(page))
		return 0;
	if (PageDirty(page) || PageWriteback(page)) {
		unlock_page(page);
		return -1;
	}
	if (!try_to_release_page(page)) {	/* the journal holds it */
		unlock_page(page);
		return 0;
	}
	mapping = page->mapping;
	if (mapping && !remove_mapping(mapping, page)) {
		unlock_page(page);	/* in use */
		return 0;
	}
	unlock_page(page);
	if (page_count(page) != 1)	/* truncated, held by someone */
		return 0;
	page_cache_release(page);	/* the scan's, the last: freed */
	return 1;
	/* LAB 6: shrink_file_page END */
}

/* Free what can be freed of the inactive list's last @nr_scan pages. */
static void shrink_inactive_list(struct zone *zone, unsigned long nr_scan,
				 struct scan_control *sc)
{
	while (nr_scan && sc->nr_reclaimed < sc->nr_to_reclaim) {
		unsigned long batch = min(nr_scan, SWAP_CLUSTER_MAX + 0UL);
		LIST_HEAD(page_list);
		LIST_HEAD(busy);
		unsigned long scanned;

		scanned = isolate_lru_pages(zone, batch, &page_list);
		if (!scanned)
			break;
		nr_scan -= scanned;
		sc->nr_scanned += scanned;

		while (!list_empty(&page_list) &&
		       sc->nr_reclaimed < sc->nr_to_reclaim) {
			struct page *page = list_first_entry(&page_list,
							     struct page, lru);
			bool dirty;

			list_del_init(&page->lru);
			if (PageFlag(page, PG_filecache)) {
				int r = shrink_file_page(page);

				if (r > 0) {
					sc->nr_reclaimed++;
					continue;
				}
				if (r < 0)
					sc->nr_dirty++;
				list_add_tail(&page->lru, &busy);
				continue;
			}
			if (try_to_free_buffers(page, &dirty)) {
				__free_page(page);
				sc->nr_reclaimed++;
				continue;
			}
			if (dirty || buffer_locked((void *)page->private))
				sc->nr_dirty++;
			list_add_tail(&page->lru, &busy);
		}
		putback_lru_pages(zone, &busy, false);
		putback_lru_pages(zone, &page_list, true);
	}
}

/* One pass over the zone at sc->priority. */
static void shrink_zone(struct zone *zone, struct scan_control *sc)
{
	unsigned long nr_active = (zone->nr_active >> sc->priority) + 1;
	unsigned long nr_inactive = (zone->nr_inactive >> sc->priority) + 1;

	refill_inactive_zone(zone, nr_active);
	shrink_inactive_list(zone, nr_inactive, sc);
	if (sc->kswapd) {
		stat_add(&vm_events.pgscan_kswapd, sc->nr_scanned);
		stat_add(&vm_events.kswapd_steal, sc->nr_reclaimed);
	} else {
		stat_add(&vm_events.pgscan_direct, sc->nr_scanned);
	}
	stat_add(&vm_events.pgsteal, sc->nr_reclaimed);
	/* Dirty pages cannot be freed until written: ask pdflush. */
	if (sc->nr_dirty)
		wakeup_pdflush(sc->nr_dirty);
}

/*
 * Reclaim at falling priority until @done says enough or nothing is
 * left.  Between passes that met pages not yet clean (dirty, or locked
 * by a write), wait a moment (Linux: blk_congestion_wait(WRITE, HZ/10)).
 * Return: pages freed, plus objects the shrinkers freed.
 */
static unsigned long do_reclaim(struct zone *zone, struct scan_control *sc,
				unsigned long target, unsigned int order)
{
	unsigned long total = 0;

	for (int priority = DEF_PRIORITY; priority >= 0; priority--) {
		if (sc->kswapd &&
		    zone_watermark_ok(zone, order, zone->pages_high, 0))
			break;
		sc->priority = priority;
		sc->nr_to_reclaim = target - total;
		sc->nr_scanned = sc->nr_reclaimed = sc->nr_dirty = 0;
		shrink_zone(zone, sc);
		total += sc->nr_reclaimed;
		total += shrink_slab(priority, sc->gfp_mask);
		if (total >= target)
			break;
		if (sc->nr_dirty && priority < DEF_PRIORITY - 2)
			schedule_timeout_uninterruptible(HZ / 10);
	}
	return total;
}

/*
 * kswapd's work: free pages until the zone is above pages_high.  Each
 * round that frees SWAP_CLUSTER_MAX pages starts again at DEF_PRIORITY,
 * gently; a round that frees less has nothing left to give: stop.
 */
static void balance_pgdat(struct zone *zone)
{
	/* LAB 6: balance_pgdat BEGIN */
	struct scan_control sc = { .kswapd = true, .gfp_mask = GFP_KERNEL };

	stat_inc(&vm_events.pageoutrun);
	while (!zone_watermark_ok(zone, 0, zone->pages_high, 0) &&
	       do_reclaim(zone, &sc, SWAP_CLUSTER_MAX, 0) >= SWAP_CLUSTER_MAX)
		cond_resched();
	/* LAB 6: balance_pgdat END */
}

/**
 * try_to_free_pages - direct reclaim: an allocation found memory exhausted
 * @zone: the zone
 * @order: the size of the allocation
 * @gfp_mask: its flags (it may sleep: __GFP_WAIT)
 *
 * The allocating task reclaims SWAP_CLUSTER_MAX pages itself, with
 * PF_MEMALLOC set so that its own allocations cannot recurse into here.
 * Context: process, may sleep.
 * Return: pages (and shrinker objects) freed; 0: nothing could be.
 */
unsigned long try_to_free_pages(struct zone *zone, unsigned int order,
				gfp_t gfp_mask)
{
	struct scan_control sc = { .gfp_mask = gfp_mask };
	unsigned long saved = current->flags & PF_MEMALLOC, freed;

	might_sleep();
	stat_inc(&vm_events.allocstall);
	current->flags |= PF_MEMALLOC;
	for (int tries = 0; ; tries++) {
		freed = do_reclaim(zone, &sc, SWAP_CLUSTER_MAX, order);
		/*
		 * Nothing clean to free, but file pages are being written:
		 * they will be freeable when their writes end.  Wait for
		 * one (Linux 2.6: __alloc_pages() retrying after
		 * congestion_wait()), a bounded number of times.
		 */
		if (freed || tries >= RECLAIM_RETRIES ||
		    !(global_page_state_dirty() +
		      global_page_state_writeback()))
			break;
		wakeup_pdflush(0);
		congestion_wait();
	}
	current->flags = (current->flags & ~PF_MEMALLOC) | saved;
	return freed;
}

/**
 * shrink_all_memory - reclaim up to @nr_pages cache pages now
 * @nr_pages: how many
 *
 * Linux 2.6: for software suspend; here for the tests, which watch the
 * LRU's second chance at work.
 * Context: process, may sleep.
 * Return: pages (and shrinker objects) freed.
 */
unsigned long shrink_all_memory(unsigned long nr_pages)
{
	struct scan_control sc = { .gfp_mask = GFP_KERNEL };
	unsigned long saved = current->flags & PF_MEMALLOC, freed;

	current->flags |= PF_MEMALLOC;
	freed = do_reclaim(zone_normal(), &sc, nr_pages, 0);
	current->flags = (current->flags & ~PF_MEMALLOC) | saved;
	return freed;
}

/* Completed by kswapd0 once it is on kswapd_wait (kswapd_init()). */
static DECLARE_COMPLETION(kswapd_started);

/*
 * kswapd0.  Sleeps on kswapd_wait until wakeup_kswapd() or its timer;
 * then, if the zone is below pages_low, balance_pgdat().
 */
static int kswapd(void *p)
{
	/* LAB 6: kswapd BEGIN */
	struct pglist_data *pgdat = p;
	struct zone *zone = &pgdat->node_zones[ZONE_NORMAL];
	struct completion *started = &kswapd_started;
	DEFINE_WAIT(wait);

	/*
	 * Reclaim may need memory itself (a slab object, a request); the
	 * reserve below pages_min is there for it.  PF_MEMALLOC lets it
	 * in and keeps reclaim from recursing.
	 */
	current->flags |= PF_MEMALLOC | PF_KSWAPD;
	for (;;) {
		long timeout = kswapd_interval_ms ?
			       (long)msecs_to_jiffies(kswapd_interval_ms) :
			       MAX_SCHEDULE_TIMEOUT;

		prepare_to_wait(&pgdat->kswapd_wait, &wait,
				TASK_INTERRUPTIBLE);
		if (started) {
			/* Queued: from here on no wakeup_kswapd() is lost. */
			complete(started);
			started = NULL;
		}
		timeout = schedule_timeout(timeout);
		finish_wait(&pgdat->kswapd_wait, &wait);

		stat_inc(&vm_events.kswapd_wakeups);
		if (!timeout)
			stat_inc(&vm_events.kswapd_periodic);
		if (!zone_watermark_ok(zone, 0, zone->pages_low, 0))
			balance_pgdat(zone);
	}
	return 0;
	/* LAB 6: kswapd END */
}

/**
 * wakeup_kswapd - an allocation found the zone below pages_low
 * @zone: the zone
 * @order: the size of the allocation that noticed
 *
 * Context: any (called by the allocator, possibly in an interrupt).
 */
void wakeup_kswapd(struct zone *zone, unsigned int order)
{
	/* LAB 6: wakeup_kswapd BEGIN */
	struct pglist_data *pgdat = NODE_DATA(0);

	stat_inc(&vm_events.kswapd_wakeup_requests);
	if (!READ_ONCE(pgdat->kswapd) ||
	    zone_watermark_ok(zone, order, zone->pages_low, 0))
		return;
	if (waitqueue_active(&pgdat->kswapd_wait))
		wake_up_interruptible(&pgdat->kswapd_wait);
	/* LAB 6: wakeup_kswapd END */
}

/**
 * kswapd_init - start kswapd0 and register the slab's shrinker
 *
 * Returns once kswapd0 waits on kswapd_wait: it runs at nice 0, like its
 * creator, so it need not have run yet when kthread_run() returns.
 * Context: pid 1, boot.
 */
void kswapd_init(void)
{
	struct pglist_data *pgdat = NODE_DATA(0);
	struct task_struct *p;

	init_waitqueue_head(&pgdat->kswapd_wait);
	register_shrinker(&slab_shrinker);
	p = kthread_run(kswapd, pgdat, "kswapd0");
	if (IS_ERR(p))
		panic("kswapd_init: cannot start kswapd0 (%ld)", PTR_ERR(p));
	wait_for_completion(&kswapd_started);
	WRITE_ONCE(pgdat->kswapd, p);
	printk(KERN_INFO "kswapd0 started: wakes below pages_low, looks every "
	       "%u ms, reclaims up to pages_high\n", kswapd_interval_ms);
}
