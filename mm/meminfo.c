// SPDX-License-Identifier: GPL-2.0
/*
 * mm/meminfo.c - the memory report: show_mem() and meminfo.
 *
 * Linux 2.6: show_free_areas() in mm/page_alloc.c, /proc/meminfo,
 * /proc/slabinfo.
 * One text report, built by meminfo_report(): the totals first in
 * /proc/meminfo's format (MemTotal, MemFree), then the zone's watermarks
 * and free blocks per order, the allocator's counters, and one line per
 * slab cache.  printk'd at boot and by the sysrq key, returned to user
 * space by the kt_meminfo system call (the shell's `free`).
 */
#include <kernel.h>
#include <mm.h>
#include <mmzone.h>
#include <slab.h>
#include <spinlock.h>

#define K(pages) ((pages) << (PAGE_SHIFT - 10))

/**
 * meminfo_report - write the memory report
 * @buf: where to write
 * @len: its size
 *
 * Context: process.
 * Return: bytes written (the report is cut short if @buf is too small).
 */
int meminfo_report(char *buf, int len)
{
	struct zone *zone = zone_normal();
	int n;

	n = scnprintf(buf, len,
		      "MemTotal:     %8lu kB\n"
		      "MemFree:      %8lu kB\n"
		      "Zone %s: free %lu pages, pages_min %lu, pages_low %lu, "
		      "pages_high %lu, managed %lu, spanned %lu\n"
		      "Free blocks by order:",
		      K(zone->managed_pages), K(nr_free_pages()), zone->name,
		      zone->free_pages, zone->pages_min, zone->pages_low,
		      zone->pages_high, zone->managed_pages,
		      zone->spanned_pages);
	for (unsigned int o = 0; o < MAX_ORDER; o++)
		n += scnprintf(buf + n, len - n, " %u:%lu", o,
			       READ_ONCE(zone->free_area[o].nr_free));
	n += scnprintf(buf + n, len - n,
		       "\nCounters: pgalloc %lu, pgfree %lu, allocfail %lu, "
		       "kswapd_wakeup_requests %lu, slab_errors %lu\n",
		       vm_events.pgalloc, vm_events.pgfree, vm_events.allocfail,
		       vm_events.kswapd_wakeup_requests, slab_errors);
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
