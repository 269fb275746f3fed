// SPDX-License-Identifier: GPL-2.0
/*
 * mm/meminfo.c - the memory report: show_mem() and meminfo.
 *
 * Linux 2.6: show_free_areas() in mm/page_alloc.c, /proc/meminfo,
 * /proc/slabinfo.
 * One text report, built by meminfo_report(): the totals first, exactly
 * /proc/meminfo (meminfo_totals(): MemTotal, MemFree, the buffer cache's
 * Buffers, Active, Inactive, Dirty, Writeback, then Slab), then the zone's
 * watermarks and free blocks per order, the allocator's counters, what
 * the memory daemons did (kswapd's reclaim, pdflush's writeback, the
 * disk's queue), and one line per slab cache.  printk'd at boot and by
 * the sysrq key, returned to user space by the kt_meminfo system call
 * (the shell's `free`), which parses the first two lines.
 */
#include <blkdev.h>
#include <buffer_head.h>
#include <initramfs.h>
#include <kernel.h>
#include <mm.h>
#include <mmzone.h>
#include <pagemap.h>
#include <slab.h>
#include <spinlock.h>
#include <writeback.h>

#define K(pages) ((pages) << (PAGE_SHIFT - 10))

/**
 * nr_writeback_buffers - buffers being written
 *
 * Those the disk has been handed to write and has not finished.
 * Context: any.
 * Return: the count (pages: a buffer is a page here).
 */
unsigned long nr_writeback_buffers(void)
{
	struct block_device *bdev = lookup_bdev("hda");
	struct blk_queue_stats *qs;

	if (!bdev)
		return 0;
	qs = &bdev->queue->stats;
	return READ_ONCE(qs->bhs[WRITE]) - READ_ONCE(qs->done[WRITE]);
}

/**
 * meminfo_totals - the memory totals in /proc/meminfo's format
 * @buf: where to write
 * @len: its size
 *
 * All of /proc/meminfo, and the first lines of the memory report: one
 * function, so that the two always agree.  The buffer cache's pages
 * (block buffers) are Buffers, as Linux counts a block device's pages;
 * the page cache of programs and of files (mm/filemap.c) is Cached;
 * Dirty counts dirty buffers and dirty file pages, Writeback the blocks
 * the disk has been handed to write (buffers and pages); there is no
 * swap.
 * Context: any (show_mem() runs it from a magic key's interrupt).
 * Return: bytes written (cut short if @buf is too small).
 */
int meminfo_totals(char *buf, int len)
{
	struct zone *zone = zone_normal();

	return scnprintf(buf, len,
			 "MemTotal:     %8lu kB\n"
			 "MemFree:      %8lu kB\n"
			 "Buffers:      %8lu kB\n"
			 "Cached:       %8lu kB\n"
			 "SwapCached:   %8lu kB\n"
			 "Active:       %8lu kB\n"
			 "Inactive:     %8lu kB\n"
			 "SwapTotal:    %8lu kB\n"
			 "SwapFree:     %8lu kB\n"
			 "Dirty:        %8lu kB\n"
			 "Writeback:    %8lu kB\n"
			 "Slab:         %8lu kB\n",
			 K(zone->managed_pages), K(nr_free_pages()),
			 K(READ_ONCE(buffer_stats.nr_buffers)),
			 K(nr_exec_pages() + nr_file_pages()),
			 0UL,
			 K(READ_ONCE(zone->nr_active)),
			 K(READ_ONCE(zone->nr_inactive)), 0UL, 0UL,
			 K(READ_ONCE(buffer_stats.nr_dirty) +
			   global_page_state_dirty()),
			 K(nr_writeback_buffers()), K(kmem_cache_slab_pages()));
}

/**
 * meminfo_report - write the memory report
 * @buf: where to write
 * @len: its size
 *
 * Context: any (show_mem() runs it from a magic key's interrupt).
 * Return: bytes written (the report is cut short if @buf is too small).
 */
int meminfo_report(char *buf, int len)
{
	struct zone *zone = zone_normal();
	struct block_device *bdev = lookup_bdev("hda");
	struct blk_queue_stats qs = { 0 };
	int n;

	if (bdev)
		qs = bdev->queue->stats;
	n = meminfo_totals(buf, len);
	n += scnprintf(buf + n, len - n,
		       "Zone %s: free %lu pages, pages_min %lu, pages_low %lu, "
		       "pages_high %lu, managed %lu, spanned %lu\n"
		       "Free blocks by order:",
		       zone->name, zone->free_pages, zone->pages_min,
		       zone->pages_low, zone->pages_high, zone->managed_pages,
		       zone->spanned_pages);
	for (unsigned int o = 0; o < MAX_ORDER; o++)
		n += scnprintf(buf + n, len - n, " %u:%lu", o,
			       READ_ONCE(zone->free_area[o].nr_free));
	n += scnprintf(buf + n, len - n,
		       "\nCounters: pgalloc %lu, pgfree %lu, allocfail %lu, "
		       "kswapd_wakeup_requests %lu, slab_errors %lu\n",
		       vm_events.pgalloc, vm_events.pgfree, vm_events.allocfail,
		       vm_events.kswapd_wakeup_requests, slab_errors);
	n += scnprintf(buf + n, len - n,
		       "kswapd0: wakeups %lu (periodic %lu), balance runs %lu, "
		       "scanned %lu, reclaimed %lu; direct reclaim: allocstall "
		       "%lu, scanned %lu; reclaimed in all %lu, activated %lu, "
		       "deactivated %lu, shrinker objects %lu\n",
		       vm_events.kswapd_wakeups, vm_events.kswapd_periodic,
		       vm_events.pageoutrun, vm_events.pgscan_kswapd,
		       vm_events.kswapd_steal, vm_events.allocstall,
		       vm_events.pgscan_direct, vm_events.pgsteal,
		       vm_events.pgactivate, vm_events.pgdeactivate,
		       vm_events.slabs_scanned);
	n += scnprintf(buf + n, len - n,
		       "pdflush: kupdate runs %lu wrote %lu, background runs "
		       "%lu wrote %lu; sync runs %lu wrote %lu; file pages "
		       "written %lu, writers throttled %lu (wrote %lu)\n",
		       wb_stats.kupdate_runs, wb_stats.kupdate_written,
		       wb_stats.background_runs, wb_stats.background_written,
		       wb_stats.syncs, wb_stats.sync_written,
		       wb_stats.pages_written, wb_stats.nr_dirty_throttled,
		       wb_stats.throttle_written);
	n += scnprintf(buf + n, len - n,
		       "Buffer cache: lookups %lu, hits %lu, blocks read %lu, "
		       "written %lu, I/O errors %lu\n",
		       buffer_stats.lookups, buffer_stats.hits,
		       buffer_stats.reads, buffer_stats.writes,
		       buffer_stats.io_errors);
	if (bdev)
		n += scnprintf(buf + n, len - n,
			       "Disk %s: buffers read %lu written %lu, "
			       "requests %lu/%lu, merged %lu/%lu, errors %lu; "
			       "unplugs by kblockd %lu (timer %lu, threshold "
			       "%lu, waiter %lu)\n",
			       bdev->name, qs.done[READ], qs.done[WRITE],
			       qs.dispatched[READ], qs.dispatched[WRITE],
			       qs.merges[READ], qs.merges[WRITE], qs.errors,
			       qs.unplug_runs, qs.unplug_timer,
			       qs.unplug_thresh, qs.unplug_wait);
	n += slab_report(buf + n, len - n);
	return n;
}

/**
 * show_mem - print the memory report on the console
 *
 * Context: any.
 */
void show_mem(void)
{
	static char report[4096];
	static DEFINE_SPINLOCK(report_lock);
	unsigned long flags;

	/* Also called from the magic key, in an interrupt. */
	spin_lock_irqsave(&report_lock, flags);
	meminfo_report(report, sizeof(report));
	printk_lines(KERN_INFO, "", report);
	spin_unlock_irqrestore(&report_lock, flags);
}
