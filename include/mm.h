/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/mm.h - physical memory: addresses, pages, the page allocator.
 *
 * Linux 2.6: include/linux/mm.h, include/asm-i386/page.h.
 * All of low memory (up to 896 MiB) is mapped at PAGE_OFFSET, so a
 * physical address and its kernel virtual address differ by a constant.
 */
#ifndef _MM_H
#define _MM_H

#include <param.h>
#include <types.h>

#define __pa(x)	((unsigned long)(x) - PAGE_OFFSET)
#define __va(x)	((void *)((unsigned long)(x) + PAGE_OFFSET))

#endif /* _MM_H */
