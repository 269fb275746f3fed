/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tests/unit/host/param.h - the kernel's fixed numbers, but with the
 * "physical memory" of the host tests at a malloc'd arena: __va(0) is the
 * arena's first byte (tests/unit/mm_host.c sets host_page_offset).
 */
#ifndef _HOST_PARAM_H
#define _HOST_PARAM_H

#include_next <param.h>

extern unsigned long host_page_offset;
#undef PAGE_OFFSET
#define PAGE_OFFSET host_page_offset

#endif /* _HOST_PARAM_H */
