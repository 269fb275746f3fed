/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tests/unit/mm_host.h - a fake machine for the host tests of mm/: an
 * arena of "physical" pages, a mem_map over it, and the kernel functions
 * mm/ calls that have no place on the host (printk, dump_stack, ...).
 */
#ifndef _MM_HOST_H
#define _MM_HOST_H

#include <gfp.h>
#include <mmzone.h>
#include <sched.h>
#include <swap.h>

/* Fresh allocator over @pages frames; frames below @reserved stay out. */
void mm_host_init(unsigned long pages, unsigned long reserved);
void mm_host_exit(void);
/* Snapshot of free blocks per order, for "everything came back" checks. */
void mm_host_free_area(unsigned long counts[MAX_ORDER]);

extern unsigned long host_kswapd_wakeups;
/* try_to_free_pages() calls; the pages it may free, and how many. */
extern unsigned long host_direct_reclaims;
extern struct page **host_reclaimable;
extern unsigned long host_nr_reclaimable;
extern unsigned long host_bad_reports;

#endif /* _MM_HOST_H */
