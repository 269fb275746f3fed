// SPDX-License-Identifier: GPL-2.0
/*
 * mm/vmscan.c - page reclaim.
 *
 * Linux 2.6: mm/vmscan.c.
 * The allocator calls wakeup_kswapd() when an allocation would leave the
 * zone below pages_low.
 */
#include <mmzone.h>

/**
 * wakeup_kswapd - an allocation found the zone below pages_low
 * @zone: the zone
 * @order: the size of the allocation that noticed
 *
 * Context: any (called by the allocator, possibly in an interrupt).
 */
void wakeup_kswapd(struct zone *zone, unsigned int order)
{
	vm_events.kswapd_wakeup_requests++;
}
