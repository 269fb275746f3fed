// SPDX-License-Identifier: GPL-2.0
/*
 * fs/proc/vmstat.c - /proc/vmstat: the memory counters, one per line.
 *
 * Linux 2.6: mm/vmstat.c (vmstat_show(), vmstat_text[]).
 * "name value" lines: first the page counts of the moment (nr_*), then
 * the events since boot.  Every counter this kernel keeps that Linux
 * also keeps goes by Linux's name (the zone ones with Linux's zone
 * suffix, _normal: this kernel's one zone is ZONE_NORMAL); the others
 * follow under names of their own: the kswapd wake-ups, the failed
 * allocations, and pdflush's writeback rounds, which Linux 2.6 does not
 * count.  The counters are bumped with stat_add() on any CPU and read
 * here unlocked, one by one (include/mmzone.h, include/writeback.h).
 */
#include <buffer_head.h>
#include <mm.h>
#include <mmzone.h>
#include <pagemap.h>
#include <seq_file.h>
#include <slab.h>
#include <writeback.h>
#include "internal.h"

/* Kilobytes of a number of blocks (a block is a page). */
#define BLOCKS_TO_KB(n)	((n) * (BLOCK_SIZE >> 10))

/**
 * vmstat_proc_show - print /proc/vmstat
 * @m: the seq_file
 * @v: unused
 *
 * Context: process.
 * Return: 0.
 */
int vmstat_proc_show(struct seq_file *m, void *v)
{
	struct zone *zone = zone_normal();
	const struct vm_event_counts *ev = &vm_events;
	const struct writeback_stats *wb = &wb_stats;

	seq_printf(m, "nr_free_pages %lu\nnr_inactive %lu\nnr_active %lu\n"
		   "nr_file_pages %lu\nnr_dirty %lu\nnr_writeback %lu\n"
		   "nr_slab %lu\n",
		   nr_free_pages(), READ_ONCE(zone->nr_inactive),
		   READ_ONCE(zone->nr_active), nr_file_pages(),
		   READ_ONCE(buffer_stats.nr_dirty) + global_page_state_dirty(),
		   nr_writeback_buffers(), kmem_cache_slab_pages());
	seq_printf(m, "pgpgin %lu\npgpgout %lu\n",
		   BLOCKS_TO_KB(READ_ONCE(buffer_stats.reads)),
		   BLOCKS_TO_KB(READ_ONCE(buffer_stats.writes)));
	seq_printf(m, "pgalloc_normal %lu\npgfree %lu\npgactivate %lu\n"
		   "pgdeactivate %lu\npgsteal_normal %lu\n"
		   "pgscan_kswapd_normal %lu\npgscan_direct_normal %lu\n"
		   "slabs_scanned %lu\nkswapd_steal %lu\npageoutrun %lu\n"
		   "allocstall %lu\n",
		   READ_ONCE(ev->pgalloc), READ_ONCE(ev->pgfree),
		   READ_ONCE(ev->pgactivate), READ_ONCE(ev->pgdeactivate),
		   READ_ONCE(ev->pgsteal), READ_ONCE(ev->pgscan_kswapd),
		   READ_ONCE(ev->pgscan_direct), READ_ONCE(ev->slabs_scanned),
		   READ_ONCE(ev->kswapd_steal), READ_ONCE(ev->pageoutrun),
		   READ_ONCE(ev->allocstall));
	/* This kernel's own. */
	seq_printf(m, "allocfail %lu\nkswapd_wakeup_requests %lu\n"
		   "kswapd_wakeups %lu\nkswapd_periodic %lu\n"
		   "readahead_pages %lu\n",
		   READ_ONCE(ev->allocfail),
		   READ_ONCE(ev->kswapd_wakeup_requests),
		   READ_ONCE(ev->kswapd_wakeups),
		   READ_ONCE(ev->kswapd_periodic),
		   READ_ONCE(ev->readahead_pages));
	seq_printf(m, "pdflush_kupdate_runs %lu\npdflush_kupdate_written %lu\n"
		   "pdflush_background_runs %lu\n"
		   "pdflush_background_written %lu\nsync_runs %lu\n"
		   "sync_written %lu\npgwriteback_file %lu\n"
		   "nr_dirty_throttled %lu\nthrottle_written %lu\n",
		   READ_ONCE(wb->kupdate_runs), READ_ONCE(wb->kupdate_written),
		   READ_ONCE(wb->background_runs),
		   READ_ONCE(wb->background_written), READ_ONCE(wb->syncs),
		   READ_ONCE(wb->sync_written), READ_ONCE(wb->pages_written),
		   READ_ONCE(wb->nr_dirty_throttled),
		   READ_ONCE(wb->throttle_written));
	return 0;
}
