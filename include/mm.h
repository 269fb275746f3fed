/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/mm.h - physical memory: addresses, struct page, mem_map.
 *
 * Linux 2.6: include/linux/mm.h, include/linux/page-flags.h,
 * include/asm-i386/page.h.
 * All of low memory (up to 896 MiB) is mapped at PAGE_OFFSET, so the
 * physical address of a kernel pointer is a subtraction away (__pa), and
 * every physical page frame has a struct page in the mem_map array,
 * indexed by its frame number (pfn).  The page allocator (include/gfp.h),
 * the slab (include/slab.h) and the buffer cache all keep their per-page
 * state in struct page.
 */
#ifndef _MM_H
#define _MM_H

#include <atomic.h>
#include <bitops.h>
#include <compiler.h>
#include <list.h>
#include <param.h>
#include <types.h>

#define __pa(x)	((unsigned long)(x) - PAGE_OFFSET)
#define __va(x)	((void *)((unsigned long)(x) + PAGE_OFFSET))

#define PFN_UP(x)	(((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define PFN_DOWN(x)	((x) >> PAGE_SHIFT)
#define PFN_PHYS(x)	((unsigned long)(x) << PAGE_SHIFT)
#define PAGE_ALIGN(x)	(((x) + PAGE_SIZE - 1) & PAGE_MASK)

struct address_space;

struct page {
	unsigned long flags;	/* PG_* bits below, atomic */
	atomic_t _count;	/* users of the page; 0 when it is free */
	/*
	 * PG_buddy: order of the free block it heads.  PG_slab: the
	 * struct slab it belongs to.  PG_kmalloc: order of a large
	 * kmalloc.  Buffer cache, and a file page with PG_private: its
	 * first buffer_head.
	 */
	unsigned long private;
	/* Free list (buddy), slab list, or LRU list (cache pages). */
	struct list_head lru;
	/*
	 * A file's page (include/pagemap.h), under its mapping's
	 * tree_lock: the file and the page's place in it (in pages), its
	 * place on the mapping's clean_pages / dirty_pages / io_pages,
	 * and the next page of its page_hash chain.
	 */
	struct address_space *mapping;
	unsigned long index;
	struct list_head list;
	struct page *next_hash;
};

/*
 * struct page->flags: atomic bits (set_bit), for a file page's lock,
 * dirty and writeback bits change outside any spinlock.
 */
enum pageflags {
	PG_reserved,	/* never handed out: kernel image, holes, boot data */
	PG_buddy,	/* heads a free block on a buddy free list */
	PG_slab,	/* belongs to a slab cache */
	PG_kmalloc,	/* heads a kmalloc() too large for the slab */
	PG_lru,		/* on the zone's LRU lists (zone->lru_lock) */
	PG_active,	/* on the active LRU list */
	PG_referenced,	/* used since kswapd last looked */
	PG_dirty,	/* holds data not yet written to disk */
	PG_locked,	/* a file page: locked (I/O, or being filled) */
	PG_uptodate,	/* a file page: holds the file's current data */
	PG_writeback,	/* a file page: being written to the disk */
	PG_private,	/* a file page: has buffer_heads (page->private) */
	PG_error,	/* a file page: its last I/O failed */
	PG_filecache,	/* a file's page: page_cache_release() frees it */
};

static inline bool PageFlag(const struct page *page, enum pageflags f)
{
	return (page->flags >> f) & 1;
}

static inline void SetPageFlag(struct page *page, enum pageflags f)
{
	set_bit(f, &page->flags);
}

static inline void ClearPageFlag(struct page *page, enum pageflags f)
{
	clear_bit(f, &page->flags);
}

/*
 * A page's users: its allocator, and each address space that maps it
 * once it is shared (fork() shares read-only pages; mm/filemap.c hands a
 * program's pages to every execve() of it).  put_page() frees it with
 * the last.
 */
static inline int page_count(struct page *page)
{
	return atomic_read(&page->_count);
}

static inline void set_page_count(struct page *page, int v)
{
	atomic_set(&page->_count, v);
}

static inline void get_page(struct page *page)
{
	atomic_inc(&page->_count);
}

#define PageReserved(p)	PageFlag(p, PG_reserved)
#define PageBuddy(p)	PageFlag(p, PG_buddy)
#define PageSlab(p)	PageFlag(p, PG_slab)

/* mm/bootmem.c: the frame numbers memory covers */
extern struct page *mem_map;
extern unsigned long max_pfn;		/* one past the last RAM frame */
extern unsigned long max_low_pfn;	/* one past the last frame kept */

static inline unsigned long page_to_pfn(const struct page *page)
{
	return page - mem_map;
}

static inline struct page *pfn_to_page(unsigned long pfn)
{
	return mem_map + pfn;
}

static inline bool pfn_valid(unsigned long pfn)
{
	return pfn < max_low_pfn;
}

static inline void *page_address(const struct page *page)
{
	return __va(PFN_PHYS(page_to_pfn(page)));
}

#define page_to_virt(page)	page_address(page)
#define virt_to_page(addr)	pfn_to_page(__pa(addr) >> PAGE_SHIFT)

static inline bool virt_addr_valid(const void *addr)
{
	return (unsigned long)addr >= PAGE_OFFSET &&
	       pfn_valid(__pa(addr) >> PAGE_SHIFT);
}

/* mm/bootmem.c */
void setup_memory(void);
void *alloc_bootmem_pages(unsigned long size);
void mem_init(void);

/* mm/paging.c */
void paging_init(void);

/* mm/meminfo.c */
void show_mem(void);
unsigned long nr_writeback_buffers(void);
int meminfo_totals(char *buf, int len);
int meminfo_report(char *buf, int len);

#endif /* _MM_H */
