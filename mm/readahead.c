// SPDX-License-Identifier: GPL-2.0
/*
 * mm/readahead.c - reading a file's pages before the reader asks.
 *
 * Linux 2.6: mm/readahead.c (page_cache_readahead,
 * __do_page_cache_readahead); ULK 3rd ed., chapter 16, "Read-Ahead of
 * Files".  A file read in order is read in growing windows: each open
 * file keeps its state (struct file_ra_state, filp->f_ra) -- the window
 * last read ahead [start, start + size) and the page the reader reads
 * next if it goes on in order.  do_generic_mapping_read() calls
 * page_cache_readahead() for each page it needs:
 *
 *  - the page after the last one, or the same again: in order.  When the
 *    reader reaches the middle of the window (or there is none yet: then
 *    the pages after the reader's), the next window is read: the pages
 *    right after the current one, twice as many (VM_MIN_READAHEAD at
 *    first, at most VM_MAX_READAHEAD), so the disk is busy with them
 *    while the reader copies these;
 *  - any other page: a jump, and the window closes; the reader reads
 *    page by page until it goes in order again.
 *
 * A window's pages are made and locked in the page cache and their
 * reads started (a_ops->readpage(), which returns at once; the disk's
 * interrupt unlocks each page), and the disk's queue is unplugged.  The
 * reader then waits only for the page it needs, in lock_page().  Linux
 * 2.6.8 keeps a "current" and an "ahead" window; one window read when
 * the reader is halfway through the last is the same pipeline.  The
 * reader's own page is read by the reader (read_cache_page()), so that
 * its error, a broken block map say, is the reader's once.  Readahead
 * is a guess: a page it cannot allocate, or whose read cannot start,
 * ends the window.  /proc/vmstat counts the pages as readahead_pages.
 */
#include <blkdev.h>
#include <fs.h>
#include <gfp.h>
#include <kernel.h>
#include <mmzone.h>
#include <pagemap.h>

#define VM_MIN_READAHEAD	4	/* pages: the first window */
#define VM_MAX_READAHEAD	32	/* pages (128 KiB), Linux's default */

/*
 * Start reading pages [@start, @start + @nr) of @mapping, up to @last,
 * those not cached yet.  Return: how many reads were started.
 */
static unsigned long do_page_cache_readahead(struct address_space *mapping,
					     struct file *filp,
					     unsigned long start,
					     unsigned long nr,
					     unsigned long last)
{
	struct block_device *bdev = mapping->host->i_sb->s_bdev;
	unsigned long index, started = 0;

	for (index = start; index < start + nr && index <= last; index++) {
		struct page *page = find_get_page(mapping, index);

		if (page) {
			page_cache_release(page);
			continue;
		}
		page = find_or_create_page(mapping, index, GFP_KERNEL);
		if (!page)
			break;
		if (PageUptodate(page)) {	/* made by someone meanwhile */
			unlock_page(page);
		} else if (mapping->a_ops->readpage(filp, page)) {
			page_cache_release(page);	/* unlocked, not read */
			break;
		} else {
			started++;
		}
		page_cache_release(page);
	}
	if (started && bdev)
		blk_run_queue_async(bdev->queue);
	stat_add(&vm_events.readahead_pages, started);
	return started;
}

/**
 * page_cache_readahead - the reader needs page @index: read ahead of it
 * @mapping: the file's address_space
 * @ra: the open file's readahead state
 * @filp: the open file (for readpage)
 * @index: the page the reader needs now
 * @last: the file's last page
 *
 * Context: process, may sleep; the inode's i_mutex held, which orders
 * the reads of the file (and so the updates of @ra).
 */
void page_cache_readahead(struct address_space *mapping,
			  struct file_ra_state *ra, struct file *filp,
			  unsigned long index, unsigned long last)
{
	unsigned long start;

	if (index + 1 == ra->next)	/* the same page again */
		return;
	if (index != ra->next) {	/* a jump: no window */
		ra->start = index;
		ra->size = 0;
		ra->next = index + 1;
		return;
	}
	ra->next = index + 1;
	if (ra->size && index < ra->start + ra->size / 2)
		return;			/* the window is still ahead */
	start = ra->size ? ra->start + ra->size : index + 1;
	ra->size = ra->size ? min(2 * ra->size, VM_MAX_READAHEAD + 0UL)
			    : VM_MIN_READAHEAD;
	ra->start = start;
	do_page_cache_readahead(mapping, filp, start, ra->size, last);
}
