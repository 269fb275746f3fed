// SPDX-License-Identifier: GPL-2.0
/*
 * mm/filemap.c - the page cache of programs: one copy of each page of a
 * program, mapped read-only by every process that runs it.
 *
 * Linux 2.6: mm/filemap.c (find_get_page, add_to_page_cache,
 * filemap_nopage), fs/drop_caches.c; Understanding the Linux Kernel, 3rd
 * ed., chapter 15, Section "The Page Cache", and chapter 16, Section
 * "Memory Mapping".
 * The files of rootfs stay in the boot module, at no page boundary
 * (struct initramfs_file).  A page of a program's code or constants
 * must be a page of its own to be mapped, so the first execve() that
 * needs page i of a file copies the file's bytes [i * 4096, + 4096) into
 * a new page and keeps it in file->pages[i]; every later execve() of the
 * program, by any process, maps that same page (one reference each:
 * get_page()), and fork() shares it too (mm/memory.c: dup_mm()).
 * Linux does the same for every file through the page cache.  Running
 * busybox a second time thus costs page table entries, not 2 MB of
 * copying -- and the code, never rewritten, stays in the CPU's caches
 * (and QEMU keeps its translation of it).  Only pages wholly inside a
 * read-only segment come from here (kernel/binfmt_elf.c); the rest are
 * copied into each address space, as writable data must be.
 *
 * A page only the cache holds (page_count() 1) is unused, and goes when
 * memory is short (the shrinker, asked by kswapd0 and direct reclaim)
 * or on drop_caches (drop_exec_pages()); the next execve() copies it
 * again.  /proc/meminfo counts the cache as Cached.
 * The lock: exec_cache_lock guards every file's pages[], the list of
 * files that have one, and each test of page_count() == 1.  The cache
 * hands out references only under the lock, and a page mapped by an
 * address space has at least two, so a page seen unused under the lock
 * stays unused until it is freed.
 *
 * The page cache of files (the second half of this file).  An inode's
 * data is cached in its address_space, inode->i_data
 * (include/pagemap.h): page @index holds the file's bytes
 * [index * 4096, + 4096).  find_get_page() finds a page in page_hash,
 * one hash table of (mapping, index) for every file (Linux 2.4's
 * page_hash_table; Linux 2.6 has a radix tree per mapping), each chain
 * under a spinlock of its own so that lookups of different files do not
 * meet.  A page comes in through add_to_page_cache_lru() locked and not
 * uptodate; a_ops->readpage() (fs/ext3/inode.c) reads it and unlocks it.
 * write() (generic_file_write()) copies into the page between the file
 * system's prepare_write() and commit_write(), which dirties it; pdflush
 * writes it back (mm/page-writeback.c, fs/fs-writeback.c:
 * do_writepages() -> a_ops->writepage()); kswapd frees it once it is
 * clean and unused (mm/vmscan.c: remove_mapping()); a truncate or the
 * last iput() drops the pages past the end (truncate_inode_pages()).
 * Page locks and writeback waits sleep on a hashed table of wait queues
 * (Linux: page_waitqueue()), woken from the disk's softirq.
 * Next: mm/page-writeback.c.
 */
#include <asm/uaccess.h>
#include <buffer_head.h>
#include <errno.h>
#include <fs.h>
#include <gfp.h>
#include <initramfs.h>
#include <kernel.h>
#include <mm.h>
#include <mm_types.h>
#include <pagemap.h>
#include <sched.h>
#include <slab.h>
#include <spinlock.h>
#include <string.h>
#include <swap.h>
#include <wait.h>
#include <writeback.h>

static DEFINE_SPINLOCK(exec_cache_lock);
static LIST_HEAD(cached_files);		/* each initramfs_file with pages[] */
static unsigned long nr_cached;		/* pages in every pages[] */

static unsigned long file_pages(const struct initramfs_file *file)
{
	return PFN_UP(file->size);
}

/* Give @file its pages[] if it has none.  Return: false if out of memory. */
static bool alloc_page_array(struct initramfs_file *file)
{
	struct page **pages;

	if (READ_ONCE(file->pages))
		return true;
	pages = kzalloc(file_pages(file) * sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return false;
	spin_lock(&exec_cache_lock);
	if (!file->pages) {
		file->pages = pages;
		list_add_tail(&file->cached, &cached_files);
		pages = NULL;
	}
	spin_unlock(&exec_cache_lock);
	kfree(pages);		/* another execve() made one meanwhile */
	return true;
}

/* Page @index of @file with a reference for the caller; NULL: no memory. */
static struct page *find_get_exec_page(struct initramfs_file *file,
				       unsigned long index)
{
	unsigned long offset = index << PAGE_SHIFT;
	size_t n = min((size_t)PAGE_SIZE, file->size - offset);
	struct page *page, *found;

	if (!alloc_page_array(file))
		return NULL;
	spin_lock(&exec_cache_lock);
	page = file->pages[index];
	if (page)
		get_page(page);
	spin_unlock(&exec_cache_lock);
	if (page)
		return page;

	/* Not cached: copy it, without the lock (the copy may sleep). */
	page = alloc_page(GFP_KERNEL);
	if (!page)
		return NULL;
	memcpy(page_address(page), file->data + offset, n);
	memset((char *)page_address(page) + n, 0, PAGE_SIZE - n);

	spin_lock(&exec_cache_lock);
	found = file->pages[index];
	if (!found) {
		file->pages[index] = page;	/* the cache's reference */
		nr_cached++;
		found = page;
		page = NULL;
	}
	get_page(found);			/* the caller's */
	spin_unlock(&exec_cache_lock);
	if (page)
		put_page(page);		/* another execve() cached it first */
	return found;
}

/**
 * map_exec_page - map page @index of a program read-only, from the cache
 * @mm: the new address space (execve())
 * @addr: page-aligned user address
 * @file: the program
 * @index: which page of it: bytes [@index * PAGE_SIZE, + PAGE_SIZE)
 *
 * Context: process, may sleep.
 * Return: 0, -ENOMEM, -EEXIST (something is mapped at @addr already),
 * -EFAULT (not a user address).
 */
int map_exec_page(struct mm_struct *mm, unsigned long addr,
		  struct initramfs_file *file, unsigned long index)
{
	struct page *page = find_get_exec_page(file, index);
	int err;

	if (!page)
		return -ENOMEM;
	err = install_user_page(mm, addr, page);
	if (err)
		put_page(page);
	return err;
}

/*
 * Free up to @nr pages only the cache holds (all of them: ~0UL), and the
 * pages[] of a file left with none.  Return: the unused pages left.
 */
static unsigned long shrink_exec_pages(unsigned long nr, unsigned long *freed)
{
	struct initramfs_file *file, *next;
	unsigned long unused = 0;

	spin_lock(&exec_cache_lock);
	list_for_each_entry_safe(file, next, &cached_files, cached) {
		bool empty = true;

		for (unsigned long i = 0; i < file_pages(file); i++) {
			struct page *page = file->pages[i];

			if (!page)
				continue;
			if (page_count(page) != 1) {
				empty = false;
			} else if (*freed < nr) {
				file->pages[i] = NULL;
				nr_cached--;
				put_page(page);
				(*freed)++;
			} else {
				empty = false;
				unused++;
			}
		}
		if (empty) {
			list_del(&file->cached);
			kfree(file->pages);
			file->pages = NULL;
		}
	}
	spin_unlock(&exec_cache_lock);
	return unused;
}

/**
 * drop_exec_pages - free every page of the cache no process maps
 *
 * For drop_caches (mm/buffer.c: drop_pagecache()).
 * Context: process.
 * Return: how many pages were freed.
 */
unsigned long drop_exec_pages(void)
{
	unsigned long freed = 0;

	shrink_exec_pages(~0UL, &freed);
	return freed;
}

/**
 * nr_exec_pages - the pages the cache holds, mapped or not
 *
 * Context: any.
 * Return: the count (/proc/meminfo's Cached).
 */
unsigned long nr_exec_pages(void)
{
	return READ_ONCE(nr_cached);
}

/* Reclaim (mm/vmscan.c): @nr 0 asks how many pages could go. */
static int exec_cache_shrink(int nr, gfp_t gfp_mask)
{
	unsigned long freed = 0;

	return shrink_exec_pages(nr, &freed);
}

static struct shrinker exec_cache_shrinker = {
	.shrink = exec_cache_shrink,
};

/**
 * filemap_init - let reclaim free the cache's unused pages; set up the
 *                page cache of files
 *
 * Context: pid 1, boot.
 */
void filemap_init(void)
{
	page_cache_init();
	register_shrinker(&exec_cache_shrinker);
}

/* ---- the page cache of files ---- */

#define PAGE_HASH_BITS	10
#define PAGE_HASH_SIZE	(1U << PAGE_HASH_BITS)
#define PAGE_WAIT_BITS	6

struct page_hash_bucket {
	spinlock_t lock;		/* the chain */
	struct page *chain;		/* through page->next_hash */
};

static struct page_hash_bucket page_hash[PAGE_HASH_SIZE];
static wait_queue_head_t page_wait_table[1U << PAGE_WAIT_BITS];
static atomic_t nr_pagecache = ATOMIC_INIT(0);	/* in every mapping */

static struct page_hash_bucket *page_hash_bucket(struct address_space *m,
						 unsigned long index)
{
	u32 key = ((unsigned long)m / sizeof(*m) + index) * 2654435761U;

	return &page_hash[key >> (32 - PAGE_HASH_BITS)];
}

/* Linux 2.6: page_waitqueue(): where lock and writeback waits sleep. */
static wait_queue_head_t *page_waitqueue(struct page *page)
{
	u32 key = page_to_pfn(page) * 2654435761U;

	return &page_wait_table[key >> (32 - PAGE_WAIT_BITS)];
}

/**
 * page_cache_init - the hash chains and wait queues of the page cache
 *
 * Context: boot (filemap_init()).
 */
void page_cache_init(void)
{
	for (unsigned int i = 0; i < PAGE_HASH_SIZE; i++)
		spin_lock_init(&page_hash[i].lock);
	for (unsigned int i = 0; i < ARRAY_SIZE(page_wait_table); i++)
		init_waitqueue_head(&page_wait_table[i]);
}

/**
 * address_space_init_once - an empty mapping for @host
 * @mapping: its i_data
 * @host: the inode
 *
 * Context: any (new_inode()).
 */
void address_space_init_once(struct address_space *mapping,
			     struct inode *host)
{
	mapping->host = host;
	spin_lock_init(&mapping->tree_lock);
	INIT_LIST_HEAD(&mapping->clean_pages);
	INIT_LIST_HEAD(&mapping->dirty_pages);
	INIT_LIST_HEAD(&mapping->io_pages);
	mapping->nrpages = 0;
	mapping->a_ops = NULL;
}

/**
 * nr_file_pages - pages in the page cache of files
 *
 * Context: any.
 * Return: the count (part of /proc/meminfo's Cached).
 */
unsigned long nr_file_pages(void)
{
	return atomic_read(&nr_pagecache);
}

/**
 * find_get_page - the cached page @index of @mapping
 * @mapping: the file's address_space
 * @index: the page's index in the file
 *
 * Context: any; takes the chain's lock.
 * Return: the page with a reference taken (page_cache_release() it), or
 * NULL.  It may be locked, not uptodate, or truncated meanwhile: those
 * who care lock it and look at page->mapping.
 */
struct page *find_get_page(struct address_space *mapping, unsigned long index)
{
	struct page_hash_bucket *b = page_hash_bucket(mapping, index);
	struct page *page;

	spin_lock(&b->lock);
	for (page = b->chain; page; page = page->next_hash)
		if (page->mapping == mapping && page->index == index) {
			get_page(page);
			break;
		}
	spin_unlock(&b->lock);
	return page;
}

/*
 * Someone is about to wait for the page's I/O: unplug its disk's queue
 * now rather than at the plug timer's tick (Linux 2.6: sync_page() ->
 * block_sync_page()); a read that waited for the timer would take a
 * tick a page.  The disk is found through the mapping, not the page's
 * buffer, which whoever holds the page lock may be freeing; the waiter
 * holds the file open, so its inode and super block stay.  A page
 * truncated meanwhile (no mapping) waits for the timer.
 */
static void sync_page(struct page *page)
{
	struct address_space *mapping = READ_ONCE(page->mapping);
	struct block_device *bdev = mapping ? mapping->host->i_sb->s_bdev
					    : NULL;

	if (bdev)
		blk_run_queue_async(bdev->queue);
}

/**
 * lock_page - take a page's PG_locked, sleeping while another holds it
 * @page: the page (the caller holds a reference)
 *
 * Context: process, may sleep.
 */
void lock_page(struct page *page)
{
	might_sleep();
	while (TestSetPageLocked(page)) {
		sync_page(page);
		wait_event(*page_waitqueue(page), !PageLocked(page));
	}
}

/**
 * unlock_page - release PG_locked and wake whoever waits for it
 * @page: a locked page
 *
 * Context: any (the end of a read, in the disk's softirq).
 */
void unlock_page(struct page *page)
{
	BUG_ON(!PageLocked(page));
	ClearPageFlag(page, PG_locked);	/* lock prefix: a barrier */
	wake_up(page_waitqueue(page));
}

/**
 * wait_on_page_locked - wait until a page is unlocked (a read ended)
 * @page: the page (the caller holds a reference)
 *
 * Context: process, may sleep.
 */
void wait_on_page_locked(struct page *page)
{
	if (!PageLocked(page))
		return;
	sync_page(page);
	wait_event(*page_waitqueue(page), !PageLocked(page));
}

/**
 * test_set_page_writeback - a write of the page begins
 * @page: a locked, dirty-for-io page
 *
 * Context: any.
 * Return: whether it was under writeback already.
 */
bool test_set_page_writeback(struct page *page)
{
	bool was = test_and_set_bit(PG_writeback, &page->flags);

	if (!was)
		inc_page_writeback();
	return was;
}

/**
 * end_page_writeback - the write of a page ended
 * @page: the page
 *
 * Wakes wait_on_page_writeback() and writers throttled in
 * balance_dirty_pages() (writeback_done()).
 * Context: any (the disk's softirq).
 */
void end_page_writeback(struct page *page)
{
	if (!test_and_clear_bit(PG_writeback, &page->flags))
		BUG();
	dec_page_writeback();
	wake_up(page_waitqueue(page));
	writeback_done();
}

/**
 * wait_on_page_writeback - wait until a page's write has ended
 * @page: the page (the caller holds a reference)
 *
 * Context: process, may sleep.
 */
void wait_on_page_writeback(struct page *page)
{
	if (!PageWriteback(page))
		return;
	sync_page(page);
	wait_event(*page_waitqueue(page), !PageWriteback(page));
}

/**
 * add_to_page_cache - put a new page into @mapping at @index
 * @page: a page just allocated, which nobody else can see
 * @mapping: the file's address_space
 * @index: where
 *
 * The page comes out locked and not uptodate, with the cache's
 * reference taken: fill it (readpage, or a write), then unlock it.
 * Context: process; takes tree_lock, then the chain's lock.
 * Return: 0, or -EEXIST if another task cached that index first.
 */
int add_to_page_cache(struct page *page, struct address_space *mapping,
		      unsigned long index)
{
	struct page_hash_bucket *b = page_hash_bucket(mapping, index);
	struct page *p;

	SetPageFlag(page, PG_locked);
	SetPageFlag(page, PG_filecache);
	spin_lock(&mapping->tree_lock);
	spin_lock(&b->lock);
	for (p = b->chain; p; p = p->next_hash)
		if (p->mapping == mapping && p->index == index)
			break;
	if (p) {
		spin_unlock(&b->lock);
		spin_unlock(&mapping->tree_lock);
		ClearPageFlag(page, PG_locked);
		ClearPageFlag(page, PG_filecache);
		return -EEXIST;
	}
	page->mapping = mapping;
	page->index = index;
	page->next_hash = b->chain;
	b->chain = page;
	spin_unlock(&b->lock);
	list_add(&page->list, &mapping->clean_pages);
	mapping->nrpages++;
	get_page(page);			/* the cache's */
	atomic_inc(&nr_pagecache);
	spin_unlock(&mapping->tree_lock);
	return 0;
}

/**
 * add_to_page_cache_lru - add_to_page_cache(), and onto the LRU lists
 * @page: a new page
 * @mapping: the file's address_space
 * @index: where
 *
 * Context: process.
 * Return: 0 or -EEXIST.
 */
int add_to_page_cache_lru(struct page *page, struct address_space *mapping,
			  unsigned long index)
{
	int err = add_to_page_cache(page, mapping, index);

	if (!err)
		lru_cache_add(page);
	return err;
}

/* Unhash @page and take it off its mapping's lists.  tree_lock held. */
static void __remove_from_page_cache(struct page *page)
{
	struct address_space *mapping = page->mapping;
	struct page_hash_bucket *b = page_hash_bucket(mapping, page->index);
	struct page **pp;

	spin_lock(&b->lock);
	for (pp = &b->chain; *pp != page; pp = &(*pp)->next_hash)
		BUG_ON(!*pp);
	*pp = page->next_hash;
	page->next_hash = NULL;
	spin_unlock(&b->lock);
	list_del_init(&page->list);
	mapping->nrpages--;
	page->mapping = NULL;
	atomic_dec(&nr_pagecache);
}

/**
 * remove_from_page_cache - take a locked page out of its mapping
 * @page: the page, locked, clean (cancel_dirty_page() first)
 *
 * The cache's reference stays with the caller: page_cache_release() it.
 * Context: process; takes tree_lock.
 */
void remove_from_page_cache(struct page *page)
{
	struct address_space *mapping = page->mapping;

	BUG_ON(!PageLocked(page));
	spin_lock(&mapping->tree_lock);
	__remove_from_page_cache(page);
	spin_unlock(&mapping->tree_lock);
}

/**
 * remove_mapping - reclaim: drop a clean page nobody else holds
 * @mapping: its mapping
 * @page: locked, clean, without buffers; the caller holds one reference
 *
 * Under tree_lock no new reference can come (find_get_page() needs the
 * chain, which this unhashes), so a count of 2 -- the cache and the
 * caller -- means the page is unused and stays so.
 * Context: process; takes tree_lock.
 * Return: true if removed (the cache's reference is dropped here).
 */
bool remove_mapping(struct address_space *mapping, struct page *page)
{
	BUG_ON(!PageLocked(page));
	spin_lock(&mapping->tree_lock);
	if (page->mapping != mapping || page_count(page) != 2 ||
	    PageDirty(page) || PageWriteback(page) || PagePrivate(page)) {
		spin_unlock(&mapping->tree_lock);
		return false;
	}
	__remove_from_page_cache(page);
	spin_unlock(&mapping->tree_lock);
	page_cache_release(page);	/* the cache's; the caller's is left */
	return true;
}

/**
 * invalidate_mapping_pages - drop the clean pages of a file nobody uses
 * @mapping: the file's address_space
 *
 * Linux 2.6: mm/truncate.c, invalidate_mapping_pages(), for drop_caches.
 * Unlike a truncate it never waits: a page that is locked, dirty, under
 * writeback, mapped or read by someone (a count above the cache's and
 * ours), or whose buffer the journal still holds, stays.  The pages are
 * looked up by index, up to the file's size, and stay on their mapping's
 * lists meanwhile, where a truncate running at the same time finds them.
 * Context: process, may sleep.
 * Return: how many pages were dropped.
 */
unsigned long invalidate_mapping_pages(struct address_space *mapping)
{
	unsigned long end = ((unsigned long)READ_ONCE(mapping->host->i_size) +
			     PAGE_SIZE - 1) >> PAGE_SHIFT;
	unsigned long dropped = 0;

	for (unsigned long index = 0;
	     index < end && READ_ONCE(mapping->nrpages); index++) {
		struct page *page = find_get_page(mapping, index);

		if (!page)
			continue;
		if (!TestSetPageLocked(page)) {
			if (!PageDirty(page) && !PageWriteback(page) &&
			    try_to_release_page(page) &&
			    remove_mapping(mapping, page))
				dropped++;
			unlock_page(page);
		}
		page_cache_release(page);
		cond_resched();
	}
	return dropped;
}

/**
 * page_cache_release - drop a reference to a file page
 * @page: the page
 *
 * The last one takes the page off the LRU lists and frees it.  (The
 * allocator's free takes the final reference itself: it is given one
 * back for that.)
 * Context: process.
 */
void page_cache_release(struct page *page)
{
	if (!atomic_dec_and_test(&page->_count))
		return;
	lru_cache_remove(page);
	BUG_ON(page->mapping || PagePrivate(page));
	set_page_count(page, 1);
	__free_page(page);
}

/**
 * find_lock_page - find_get_page(), locked, still in @mapping
 * @mapping: the file's address_space
 * @index: the page's index
 *
 * Context: process, may sleep.
 * Return: the locked page with a reference, or NULL.
 */
struct page *find_lock_page(struct address_space *mapping,
			    unsigned long index)
{
	struct page *page;

	for (;;) {
		page = find_get_page(mapping, index);
		if (!page)
			return NULL;
		lock_page(page);
		if (page->mapping == mapping)
			return page;
		/* Truncated or reclaimed while we slept: look again. */
		unlock_page(page);
		page_cache_release(page);
	}
}

/**
 * find_or_create_page - the locked page @index of @mapping, made if new
 * @mapping: the file's address_space
 * @index: the page's index
 * @gfp_mask: how to allocate a new page
 *
 * A new page is not uptodate: the caller reads or fills it.
 * Context: process, may sleep.
 * Return: the locked page with a reference, or NULL without memory.
 */
struct page *find_or_create_page(struct address_space *mapping,
				 unsigned long index, gfp_t gfp_mask)
{
	struct page *page;

	for (;;) {
		page = find_lock_page(mapping, index);
		if (page)
			return page;
		page = alloc_page(gfp_mask);
		if (!page)
			return NULL;
		page->flags = 0;
		page->private = 0;
		if (!add_to_page_cache_lru(page, mapping, index))
			return page;
		__free_page(page);	/* another task added it first */
	}
}

/**
 * read_cache_page - the uptodate page @index of @mapping, read if need be
 * @mapping: the file's address_space
 * @index: the page's index
 * @file: for readpage
 *
 * Context: process, may sleep.
 * Return: the page (not locked) with a reference, or ERR_PTR(-ENOMEM,
 * -EIO).
 */
struct page *read_cache_page(struct address_space *mapping,
			     unsigned long index, struct file *file)
{
	struct page *page = find_get_page(mapping, index);
	int err;

	if (page && PageUptodate(page))
		goto done;
	if (page)
		page_cache_release(page);
	page = find_or_create_page(mapping, index, GFP_KERNEL);
	if (!page)
		return ERR_PTR(-ENOMEM);
	if (PageUptodate(page)) {
		unlock_page(page);
		goto done;
	}
	ClearPageFlag(page, PG_error);
	err = mapping->a_ops->readpage(file, page);
	if (err) {
		page_cache_release(page);
		return ERR_PTR(err);
	}
	wait_on_page_locked(page);
	if (!PageUptodate(page)) {
		page_cache_release(page);
		return ERR_PTR(-EIO);
	}
done:
	mark_page_accessed(page);
	return page;
}

/**
 * do_generic_mapping_read - read() through the page cache
 * @filp: the open file (its inode's i_mapping, its f_pos)
 * @ubuf: the user's buffer
 * @count: bytes wanted
 *
 * Linux 2.6: do_generic_mapping_read().  For each page the request
 * touches: read ahead of it if the file is read in order
 * (mm/readahead.c), find it cached, or read it (read_cache_page() ->
 * a_ops->readpage()), then copy to the user.
 * Context: process, may sleep; the inode's i_mutex held (reads, writes
 * and truncates of a file go in turn).
 * Return: bytes read (f_pos moved by as much), or a negative errno.
 */
ssize_t do_generic_mapping_read(struct file *filp, char *ubuf, size_t count)
{
	struct inode *inode = filp->f_dentry->d_inode;
	struct address_space *mapping = inode->i_mapping;
	size_t done = 0;
	unsigned long last;
	int err = 0;

	if (filp->f_pos >= inode->i_size)
		return 0;
	count = min(count, (size_t)(inode->i_size - filp->f_pos));
	last = (inode->i_size - 1) >> PAGE_SHIFT;
	while (done < count) {
		unsigned long index = filp->f_pos >> PAGE_SHIFT;
		unsigned long off = filp->f_pos & ~PAGE_MASK;
		size_t n = min(count - done, (size_t)PAGE_SIZE - off);
		struct page *page;
		bool fault;

		page_cache_readahead(mapping, &filp->f_ra, filp, index, last);
		page = read_cache_page(mapping, index, filp);

		if (IS_ERR(page)) {
			err = PTR_ERR(page);
			break;
		}
		fault = copy_to_user(ubuf + done,
				     (char *)page_address(page) + off, n);
		page_cache_release(page);
		if (fault) {
			err = -EFAULT;
			break;
		}
		filp->f_pos += n;
		done += n;
	}
	return done ? (ssize_t)done : err;
}

/**
 * generic_file_write - write() through the page cache
 * @filp: the open file
 * @ubuf: the user's bytes
 * @count: how many
 *
 * Linux 2.6: generic_file_buffered_write().  For each page the write
 * touches: find_or_create_page() (locked), a_ops->prepare_write() (the
 * file system maps the blocks and reads what the write does not
 * cover), copy from the user, a_ops->commit_write() (dirties it, grows
 * i_size), unlock; every few pages balance_dirty_pages_ratelimited()
 * may make the writer write back and wait.  A short copy (a fault)
 * into a page that was not uptodate commits nothing of it: the page
 * stays not uptodate and is read again by the next reader.
 * Context: process, may sleep; the inode's i_mutex held.
 * Return: bytes written (f_pos at their end), or a negative errno.
 */
ssize_t generic_file_write(struct file *filp, const char *ubuf, size_t count)
{
	struct inode *inode = filp->f_dentry->d_inode;
	struct address_space *mapping = inode->i_mapping;
	const struct address_space_operations *a_ops = mapping->a_ops;
	off_t pos = filp->f_flags & O_APPEND ? inode->i_size : filp->f_pos;
	size_t done = 0;
	ssize_t err = 0;

	if (pos >= OFF_T_MAX && count)
		return -EFBIG;
	count = min(count, (size_t)(OFF_T_MAX - pos));
	while (done < count) {
		unsigned long index = pos >> PAGE_SHIFT;
		unsigned int from = pos & ~PAGE_MASK;
		unsigned int to = min((size_t)PAGE_SIZE, from + count - done);
		size_t left;
		struct page *page = find_or_create_page(mapping, index,
							 GFP_KERNEL);

		if (!page) {
			err = -ENOMEM;
			break;
		}
		err = a_ops->prepare_write(filp, page, from, to);
		if (err) {
			unlock_page(page);
			page_cache_release(page);
			break;
		}
		left = copy_from_user((char *)page_address(page) + from,
				      ubuf + done, to - from);
		if (left && !PageUptodate(page))
			to = from;		/* commit nothing of it */
		else
			to -= left;
		err = a_ops->commit_write(filp, page, from, to);
		unlock_page(page);
		page_cache_release(page);
		if (err)
			break;
		pos += to - from;
		done += to - from;
		if (left) {
			err = -EFAULT;
			break;
		}
		balance_dirty_pages_ratelimited(mapping);
	}
	filp->f_pos = pos;
	return done ? (ssize_t)done : err;
}

/**
 * try_to_release_page - free a page's buffers if nobody uses them
 * @page: a locked page
 *
 * Context: process.
 * Return: true if the page has no buffers now.
 */
bool try_to_release_page(struct page *page)
{
	struct address_space *mapping = page->mapping;

	BUG_ON(!PageLocked(page));
	if (!PagePrivate(page))
		return true;
	if (PageWriteback(page))
		return false;
	if (mapping && mapping->a_ops && mapping->a_ops->releasepage)
		return mapping->a_ops->releasepage(page);
	return try_to_free_page_buffers(page);
}

/* Take page after page (index >= @start) off @list onto @to. */
static unsigned long collect_pages(struct list_head *list,
				   unsigned long start, struct list_head *to)
{
	struct page *page, *next;
	unsigned long n = 0;

	list_for_each_entry_safe(page, next, list, list)
		if (page->index >= start) {
			list_move_tail(&page->list, to);
			n++;
		}
	return n;
}

/* Drop one locked page of @mapping: its dirt, its buffers, its place. */
static void truncate_complete_page(struct address_space *mapping,
				   struct page *page)
{
	cancel_dirty_page(page);
	if (PagePrivate(page)) {
		/* Its block is about to be freed: never write it again. */
		discard_page_buffers(page);
		try_to_release_page(page);
	}
	remove_from_page_cache(page);
	page_cache_release(page);	/* the cache's */
}

/**
 * truncate_inode_pages - drop the cached pages of a file from @lstart on
 * @mapping: the file's address_space
 * @lstart: the first byte to drop (rounded up to a page)
 *
 * Linux 2.6: mm/truncate.c: truncate_inode_pages().  Each page is
 * locked and waited for if under writeback; its buffers lose their
 * dirt (a block about to be freed must not be written over whatever
 * uses it next) and are freed if nobody holds them -- the journal may
 * still, in which case the page leaves the mapping and lives on, off
 * it, until reclaim frees it.  Call it before the blocks are freed.
 * Context: process, may sleep; i_mutex held, or the last iput().
 */
void truncate_inode_pages(struct address_space *mapping, off_t lstart)
{
	unsigned long start = ((unsigned long)lstart + PAGE_SIZE - 1) >>
			      PAGE_SHIFT;
	LIST_HEAD(victims);

	for (;;) {
		struct page *page;

		spin_lock(&mapping->tree_lock);
		if (list_empty(&victims) &&
		    !(collect_pages(&mapping->clean_pages, start, &victims) +
		      collect_pages(&mapping->dirty_pages, start, &victims) +
		      collect_pages(&mapping->io_pages, start, &victims))) {
			spin_unlock(&mapping->tree_lock);
			return;
		}
		/* Park it on clean_pages while we work on it.  (A page
		 * set_page_dirty() moves off victims meanwhile is
		 * collected again by the next round.) */
		page = list_first_entry(&victims, struct page, list);
		list_move(&page->list, &mapping->clean_pages);
		get_page(page);
		spin_unlock(&mapping->tree_lock);

		lock_page(page);
		wait_on_page_writeback(page);
		if (page->mapping == mapping)
			truncate_complete_page(mapping, page);
		unlock_page(page);
		page_cache_release(page);
	}
}

/**
 * do_writepages - write a mapping's dirty pages
 * @mapping: the file's address_space
 * @wbc: how many (nr_to_write, counted down) and how (sync_mode)
 *
 * Linux 2.6: do_writepages() -> mpage_writepages(); the lists as Linux
 * 2.4's filemap_fdatasync().  The dirty pages are taken onto io_pages
 * one by one; each is locked (WB_SYNC_NONE skips one someone holds, and
 * puts it back on dirty_pages), its PG_dirty moved to PG_writeback
 * (clear_page_dirty_for_io()), and a_ops->writepage() starts its write.
 * Pages dirtied meanwhile go to dirty_pages again, for the next pass.
 * Context: process, may sleep.
 * Return: 0, or the first error of a writepage.
 */
int do_writepages(struct address_space *mapping,
		  struct writeback_control *wbc)
{
	LIST_HEAD(pass);
	int ret = 0;

	if (!mapping->a_ops || !mapping->a_ops->writepage)
		return 0;
	spin_lock(&mapping->tree_lock);
	list_splice_tail_init(&mapping->dirty_pages, &pass);
	while (!list_empty(&pass) && wbc->nr_to_write > 0) {
		struct page *page = list_first_entry(&pass, struct page, list);
		int err;

		list_move_tail(&page->list, &mapping->io_pages);
		if (!PageDirty(page))
			continue;
		get_page(page);
		spin_unlock(&mapping->tree_lock);

		if (wbc->sync_mode == WB_SYNC_NONE) {
			bool busy = TestSetPageLocked(page);

			if (!busy && PageWriteback(page)) {
				unlock_page(page);
				busy = true;
			}
			if (busy) {
				/* pdflush does not stall behind one page. */
				wbc->pages_skipped++;
				spin_lock(&mapping->tree_lock);
				if (page->mapping == mapping && PageDirty(page))
					list_move_tail(&page->list,
						       &mapping->dirty_pages);
				spin_unlock(&mapping->tree_lock);
				goto next;
			}
		} else {
			lock_page(page);
			wait_on_page_writeback(page);
		}
		if (page->mapping != mapping ||
		    !clear_page_dirty_for_io(page)) {
			unlock_page(page);
			goto next;
		}
		err = mapping->a_ops->writepage(page, wbc);	/* unlocks */
		if (err && !ret)
			ret = err;
		wbc->nr_to_write--;
next:
		page_cache_release(page);
		spin_lock(&mapping->tree_lock);
	}
	/* Not reached (nr_to_write ran out): still dirty, first next time. */
	list_splice_tail_init(&mapping->dirty_pages, &pass);
	list_splice_tail_init(&pass, &mapping->dirty_pages);
	spin_unlock(&mapping->tree_lock);
	return ret;
}

/**
 * filemap_fdatawrite - start writing every dirty page of a mapping
 * @mapping: the file's address_space
 *
 * Context: process, may sleep.
 * Return: 0 or a negative errno.
 */
int filemap_fdatawrite(struct address_space *mapping)
{
	struct writeback_control wbc = {
		.sync_mode = WB_SYNC_ALL,
		.nr_to_write = LONG_MAX,
	};

	return do_writepages(mapping, &wbc);
}

/**
 * filemap_fdatawait - wait for the writes do_writepages() started
 * @mapping: the file's address_space
 *
 * Walks io_pages, moving each page to clean_pages once its write ended.
 * Context: process, may sleep.
 * Return: 0, or -EIO if a write failed.
 */
int filemap_fdatawait(struct address_space *mapping)
{
	int ret = 0;

	spin_lock(&mapping->tree_lock);
	while (!list_empty(&mapping->io_pages)) {
		struct page *page = list_first_entry(&mapping->io_pages,
						     struct page, list);

		list_move_tail(&page->list, &mapping->clean_pages);
		if (!PageWriteback(page))
			continue;
		get_page(page);
		spin_unlock(&mapping->tree_lock);
		wait_on_page_writeback(page);
		if (PageFlag(page, PG_error))
			ret = -EIO;
		page_cache_release(page);
		spin_lock(&mapping->tree_lock);
	}
	spin_unlock(&mapping->tree_lock);
	return ret;
}
