// SPDX-License-Identifier: GPL-2.0
/*
 * tests/unit/mm_host.c - the fake machine behind the mm/ host tests.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <kernel.h>
#include "mm_host.h"

unsigned long host_page_offset;
unsigned long host_kswapd_wakeups;
unsigned long host_direct_reclaims;
struct page **host_reclaimable;
unsigned long host_nr_reclaimable;
struct task_struct host_task;
unsigned long host_bad_reports;
struct page *mem_map;
unsigned long max_pfn, max_low_pfn;
int oops_in_progress;

static void *arena;

/* printk: quiet, but reports ("Bad page", "slab error") are counted. */
int printk(const char *fmt, ...)
{
	if (strstr(fmt, "Bad page") || strstr(fmt, "slab error"))
		host_bad_reports++;
	if (getenv("MM_HOST_VERBOSE")) {
		va_list args;

		va_start(args, fmt);
		vprintf(fmt, args);
		va_end(args);
	}
	return 0;
}

void dump_stack(void)
{
}

void panic(const char *fmt, ...)
{
	fprintf(stderr, "panic: %s\n", fmt);
	abort();
}

void __bug(const char *file, int line, const char *cond)
{
	fprintf(stderr, "BUG at %s:%d: %s\n", file, line, cond ? cond : "");
	abort();
}

void __warn(const char *file, int line, const char *cond)
{
	fprintf(stderr, "WARNING at %s:%d: %s\n", file, line, cond);
}

void __might_sleep(const char *file, int line)
{
}

void wakeup_kswapd(struct zone *zone, unsigned int order)
{
	host_kswapd_wakeups++;
}

/*
 * Direct reclaim: "frees cache pages" by freeing the pages a test left
 * in host_reclaimable, SWAP_CLUSTER_MAX at a time, as the kernel's
 * try_to_free_pages() frees clean cache pages.
 */
unsigned long try_to_free_pages(struct zone *zone, unsigned int order,
				gfp_t gfp_mask)
{
	unsigned long freed = 0;

	host_direct_reclaims++;
	while (host_nr_reclaimable && freed < SWAP_CLUSTER_MAX) {
		__free_pages(host_reclaimable[--host_nr_reclaimable], 0);
		freed++;
	}
	return freed;
}

void mm_host_init(unsigned long pages, unsigned long reserved)
{
	mm_host_exit();		/* a test that failed early left one behind */
	arena = aligned_alloc(4096, pages * 4096);
	mem_map = calloc(pages, sizeof(struct page));
	host_page_offset = (unsigned long)arena;
	max_pfn = max_low_pfn = pages;
	memset(&contig_page_data, 0, sizeof(contig_page_data));
	memset(&vm_events, 0, sizeof(vm_events));
	host_kswapd_wakeups = host_bad_reports = host_direct_reclaims = 0;
	host_reclaimable = NULL;
	host_nr_reclaimable = 0;
	host_task.flags = 0;
	host_task.make_it_fail = 0;
	fail_alloc_set(0, 0, false);
	free_area_init(0, pages);
	for (unsigned long pfn = 0; pfn < pages; pfn++) {
		struct page *page = &mem_map[pfn];

		INIT_LIST_HEAD(&page->lru);
		if (pfn < reserved) {
			SetPageFlag(page, PG_reserved);
			set_page_count(page, 1);
		} else {
			__free_bootmem_page(page);
		}
	}
	init_per_zone_pages_min();
}

void mm_host_exit(void)
{
	free(arena);
	free(mem_map);
	arena = NULL;
	mem_map = NULL;
}

void mm_host_free_area(unsigned long counts[MAX_ORDER])
{
	for (int o = 0; o < MAX_ORDER; o++)
		counts[o] = zone_normal()->free_area[o].nr_free;
}
