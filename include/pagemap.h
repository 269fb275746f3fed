/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/pagemap.h - the page cache of files: struct address_space, its
 * operations, and the calls that find, add, lock, dirty and drop a
 * file's pages (mm/filemap.c, mm/page-writeback.c, mm/truncate in
 * mm/filemap.c).
 *
 * Linux 2.6: include/linux/pagemap.h, include/linux/fs.h (struct
 * address_space, address_space_operations), include/linux/writeback.h
 * (struct writeback_control).  Understanding the Linux Kernel, 3rd ed.,
 * chapter 15, Section "The Page Cache".
 *
 * Each inode with data in the page cache has an address_space,
 * inode->i_data (inode->i_mapping points at it): page @index of the file
 * holds bytes [index * PAGE_SIZE, + PAGE_SIZE).  Linux 2.6 finds a page
 * in a radix tree per mapping; here one hash table of (mapping, index)
 * serves every mapping (mm/filemap.c: page_hash), as Linux 2.4's
 * page_hash_table did: a lookup costs one short chain whatever the size
 * of the file, and no tree nodes need allocating under memory pressure.
 * What the radix tree's tags give Linux 2.6 -- "which pages are dirty,
 * which under writeback" -- the mapping's three lists give here, as in
 * Linux 2.4: clean_pages, dirty_pages, and io_pages (taken off
 * dirty_pages by a writeback pass, so that a page dirtied again meanwhile
 * waits for the next pass instead of making this one endless).
 *
 * Locking, outermost first:
 *	inode->i_mutex		write(), truncate (sleeping)
 *	PG_locked		one page: filled, written, or taken out
 *	inode_wb_lock		the dirty inodes (fs/fs-writeback.c)
 *	mapping->tree_lock	the mapping's lists, nrpages, page->mapping
 *	  page_hash bucket lock	one hash chain (mm/filemap.c)
 *	zone->lru_lock		the LRU lists (mm/swap.c)
 * The page cache holds one reference on each of its pages, the buffers
 * of a page (PG_private) one more; the LRU lists hold none: the last
 * page_cache_release() takes a page off them and frees it.
 */
#ifndef _PAGEMAP_H
#define _PAGEMAP_H

#include <list.h>
#include <mm.h>
#include <spinlock.h>
#include <types.h>
#include <wait.h>

struct address_space;
struct buffer_head;
struct file;
struct file_ra_state;
struct inode;
struct writeback_control;

/* What a file system does for the page cache (Linux 2.6's subset). */
struct address_space_operations {
	/* Fill a locked, not uptodate page from the disk; unlock it
	 * when the read ends. */
	int (*readpage)(struct file *file, struct page *page);
	/* Write a locked, dirty-for-io page: set PG_writeback, unlock
	 * it, and end the writeback when the write ends. */
	int (*writepage)(struct page *page, struct writeback_control *wbc);
	/* write(): make bytes [from, to) of the locked page ready to be
	 * copied into (blocks mapped, the rest read), then hand them on. */
	int (*prepare_write)(struct file *file, struct page *page,
			     unsigned int from, unsigned int to);
	int (*commit_write)(struct file *file, struct page *page,
			    unsigned int from, unsigned int to);
	/* Free the page's buffers if nobody uses them (kswapd). */
	bool (*releasepage)(struct page *page);
};

struct address_space {
	struct inode *host;		/* the inode it caches */
	spinlock_t tree_lock;		/* the lists below, nrpages */
	struct list_head clean_pages;	/* uptodate, not dirty */
	struct list_head dirty_pages;	/* PG_dirty */
	struct list_head io_pages;	/* dirty, taken by writeback */
	unsigned long nrpages;		/* pages in the cache */
	const struct address_space_operations *a_ops;
};

/* How much a writeback pass does (Linux 2.6: include/linux/writeback.h) */
enum writeback_sync_modes {
	WB_SYNC_NONE,	/* start writes; skip what is locked (pdflush) */
	WB_SYNC_ALL,	/* wait for locked pages, then for the writes */
};

struct writeback_control {
	enum writeback_sync_modes sync_mode;
	unsigned long *older_than_this;	/* only inodes dirtied before */
	long nr_to_write;		/* pages; counted down */
	long pages_skipped;		/* locked pages left for later */
	bool for_kupdate, for_background;
};

#define LONG_MAX		((long)(~0UL >> 1))
#define PAGE_CACHE_SIZE		PAGE_SIZE
#define PAGE_CACHE_SHIFT	PAGE_SHIFT

static inline bool PageLocked(const struct page *page)
{
	return PageFlag(page, PG_locked);
}

static inline bool PageDirty(const struct page *page)
{
	return PageFlag(page, PG_dirty);
}

static inline bool PageUptodate(const struct page *page)
{
	return PageFlag(page, PG_uptodate);
}

static inline bool PageWriteback(const struct page *page)
{
	return PageFlag(page, PG_writeback);
}

static inline bool PagePrivate(const struct page *page)
{
	return PageFlag(page, PG_private);
}

static inline void SetPageUptodate(struct page *page)
{
	SetPageFlag(page, PG_uptodate);
}

static inline bool TestSetPageLocked(struct page *page)
{
	return test_and_set_bit(PG_locked, &page->flags);
}

/* mm/filemap.c */
void page_cache_init(void);
void address_space_init_once(struct address_space *mapping,
			     struct inode *host);
struct page *find_get_page(struct address_space *mapping,
			   unsigned long index);
struct page *find_lock_page(struct address_space *mapping,
			    unsigned long index);
struct page *find_or_create_page(struct address_space *mapping,
				 unsigned long index, gfp_t gfp_mask);
int add_to_page_cache(struct page *page, struct address_space *mapping,
		      unsigned long index);
int add_to_page_cache_lru(struct page *page, struct address_space *mapping,
			  unsigned long index);
void remove_from_page_cache(struct page *page);
void page_cache_release(struct page *page);
void lock_page(struct page *page);
void unlock_page(struct page *page);
void wait_on_page_locked(struct page *page);
void wait_on_page_writeback(struct page *page);
void end_page_writeback(struct page *page);
bool test_set_page_writeback(struct page *page);
void truncate_inode_pages(struct address_space *mapping, off_t lstart);
struct page *read_cache_page(struct address_space *mapping,
			     unsigned long index, struct file *file);
ssize_t do_generic_mapping_read(struct file *filp, char *ubuf,
				size_t count);
ssize_t generic_file_write(struct file *filp, const char *ubuf,
			   size_t count);
int filemap_fdatawrite(struct address_space *mapping);
int filemap_fdatawait(struct address_space *mapping);
int do_writepages(struct address_space *mapping,
		  struct writeback_control *wbc);
bool try_to_release_page(struct page *page);
bool remove_mapping(struct address_space *mapping, struct page *page);
unsigned long invalidate_mapping_pages(struct address_space *mapping);

/* mm/readahead.c */
void page_cache_readahead(struct address_space *mapping,
			  struct file_ra_state *ra, struct file *filp,
			  unsigned long index, unsigned long last);
unsigned long nr_file_pages(void);

/* mm/page-writeback.c */
void set_page_dirty(struct page *page);
bool clear_page_dirty_for_io(struct page *page);
void cancel_dirty_page(struct page *page);
void balance_dirty_pages_ratelimited(struct address_space *mapping);
unsigned long global_page_state_dirty(void);
unsigned long global_page_state_writeback(void);

#endif /* _PAGEMAP_H */
