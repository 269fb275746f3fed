// SPDX-License-Identifier: GPL-2.0
/*
 * mm/bootmem.c - memory before the page allocator: sizing, mem_map, and
 * handing the free pages over.
 *
 * Linux 2.6: mm/bootmem.c and setup_memory()/find_max_pfn() in
 * arch/i386/kernel/setup.c.
 * The e820 map (arch/x86/setup.c) says which physical ranges are RAM.
 * setup_memory() finds the highest RAM frame, keeps what lies below 896
 * MiB (ZONE_NORMAL: the memory mapped at PAGE_OFFSET) and below mem=,
 * and starts a bump allocator after the kernel image and the boot
 * modules.  That allocator gives mem_map and the kernel page tables their
 * memory.  mem_init() then marks every frame that is not free RAM
 * reserved and frees the rest into the buddy allocator, in one pass over
 * mem_map that writes each struct page once and never touches the pages
 * themselves.
 */
#include <gfp.h>
#include <init.h>
#include <kernel.h>
#include <mm.h>
#include <mmzone.h>
#include <sections.h>
#include <setup.h>
#include <string.h>

#define TRAMPOLINE_PFN	1		/* arch/x86/smpboot.c */
#define MIN_MEM_LIMIT	(4ULL << 20)	/* mem= below this is refused */

struct page *mem_map;
unsigned long max_pfn;
unsigned long max_low_pfn;

static unsigned long long mem_limit = ~0ULL;	/* mem= */
static unsigned long bootmem_start_pfn, bootmem_next_pfn;

static int mem_setup(char *val)
{
	char *end;
	unsigned long long limit = memparse(val, &end);

	if (end == val || *end || limit < MIN_MEM_LIMIT)
		return -EINVAL;
	mem_limit = limit;
	return 0;
}
__setup("mem=", mem_setup);

/* Is the whole frame usable RAM according to the memory map? */
static bool page_is_ram(unsigned long pfn)
{
	u64 start = (u64)pfn << PAGE_SHIFT, end = start + PAGE_SIZE;

	for (int i = 0; i < e820.nr_map; i++) {
		struct e820entry *e = &e820.map[i];

		if (e->type == E820_RAM && e->addr <= start &&
		    e->addr + e->size >= end)
			return true;
	}
	return false;
}

/* Frames the loader filled: the kernel image and the boot modules. */
static bool page_is_loaded(unsigned long pfn)
{
	if (pfn >= PFN_DOWN(__pa(_text)) && pfn < PFN_UP(__pa(_end)))
		return true;
	for (int i = 0; i < nr_boot_modules; i++)
		if (pfn >= PFN_DOWN(boot_modules[i].start) &&
		    pfn < PFN_UP(boot_modules[i].end))
			return true;
	return false;
}

/**
 * alloc_bootmem_pages - permanent, zeroed, page-aligned boot memory
 * @size: bytes
 *
 * Context: boot, before mem_init().  Panics if memory runs out: nothing
 * can work without what is asked for here.
 * Return: the kernel virtual address.
 */
void *alloc_bootmem_pages(unsigned long size)
{
	unsigned long pfn = bootmem_next_pfn, pages = PFN_UP(size);

	BUG_ON(!bootmem_start_pfn);
	for (unsigned long i = 0; i < pages; i++)
		if (pfn + i >= max_low_pfn || !page_is_ram(pfn + i) ||
		    page_is_loaded(pfn + i))
			panic("alloc_bootmem_pages: no room for %lu bytes at "
			      "pfn %#lx", size, pfn);
	bootmem_next_pfn += pages;
	memset(__va(PFN_PHYS(pfn)), 0, pages * PAGE_SIZE);
	return __va(PFN_PHYS(pfn));
}

/**
 * setup_memory - size low memory, start the boot allocator, make mem_map
 *
 * Context: boot, after setup_arch() read the memory map.
 */
void setup_memory(void)
{
	unsigned long start;

	for (int i = 0; i < e820.nr_map; i++) {
		struct e820entry *e = &e820.map[i];
		u64 end = e->addr + e->size;

		if (e->type != E820_RAM)
			continue;
		if (end > mem_limit)
			end = mem_limit;
		if (PFN_DOWN(end) > max_pfn && end > e->addr)
			max_pfn = PFN_DOWN(end);
	}
	if (mem_limit != ~0ULL)
		printk(KERN_INFO "mem=%lluM: using memory below %#llx only\n",
		       mem_limit >> 20, mem_limit);

	max_low_pfn = min(max_pfn, PFN_DOWN(LOWMEM_LIMIT));
	if (max_pfn > max_low_pfn)
		printk(KERN_NOTICE "%luMB HIGHMEM available, not used (no "
		       "highmem support).\n",
		       (max_pfn - max_low_pfn) >> (20 - PAGE_SHIFT));
	printk(KERN_INFO "%luMB LOWMEM available.\n",
	       max_low_pfn >> (20 - PAGE_SHIFT));

	/* The boot allocator starts after everything the loader placed. */
	start = PFN_UP(__pa(_end));
	for (int i = 0; i < nr_boot_modules; i++)
		start = max(start, PFN_UP(boot_modules[i].end));
	bootmem_start_pfn = bootmem_next_pfn = start;

	mem_map = alloc_bootmem_pages(max_low_pfn * sizeof(struct page));
	free_area_init(0, max_low_pfn);
}

/**
 * mem_init - give every free RAM frame to the buddy allocator
 *
 * Frame 0 (the BIOS data area), frame 1 (where other CPUs start:
 * arch/x86/trampoline.asm) and every frame that is not RAM, holds
 * the kernel or a boot module, or was taken from the boot allocator is
 * marked PG_reserved and never freed.
 * Context: boot, after paging_init() (the last boot allocation).
 */
void mem_init(void)
{
	unsigned long reserved = 0, kernel_pages, boot_pages;

	for (unsigned long pfn = 0; pfn < max_low_pfn; pfn++) {
		struct page *page = pfn_to_page(pfn);

		INIT_LIST_HEAD(&page->lru);
		if (pfn <= TRAMPOLINE_PFN || !page_is_ram(pfn) ||
		    page_is_loaded(pfn) ||
		    (pfn >= bootmem_start_pfn && pfn < bootmem_next_pfn)) {
			SetPageFlag(page, PG_reserved);
			set_page_count(page, 1);
			reserved++;
			continue;
		}
		__free_bootmem_page(page);
	}
	boot_pages = bootmem_next_pfn - bootmem_start_pfn;
	bootmem_start_pfn = 0;	/* the boot allocator is closed */

	kernel_pages = PFN_UP(__pa(_end)) - PFN_DOWN(__pa(_text));
	printk(KERN_INFO "Memory: %luk/%luk available (%luk kernel, %luk boot "
	       "data, %luk reserved)\n",
	       nr_free_pages() << (PAGE_SHIFT - 10),
	       max_low_pfn << (PAGE_SHIFT - 10),
	       kernel_pages << (PAGE_SHIFT - 10),
	       boot_pages << (PAGE_SHIFT - 10),
	       reserved << (PAGE_SHIFT - 10));
	init_per_zone_pages_min();
}
