// SPDX-License-Identifier: GPL-2.0
/*
 * mm/buffer.c - the buffer cache: disk blocks kept in memory, one per page.
 *
 * Linux 2.6: fs/buffer.c (getblk, bread, brelse, mark_buffer_dirty,
 * sync_dirty_buffer, ll_rw_block, submit_bh, try_to_free_buffers), the
 * block device's page cache in mm/filemap.c, fs/drop_caches.c.
 * Linux keeps a disk's blocks in the page cache of the disk's inode and
 * finds them through a radix tree; with one block per page, a hash table
 * of buffer_heads keyed by (disk, block) does the same job here, as 2.4's
 * buffer cache did.  Every cached block is a page on the zone's LRU lists
 * (mm/swap.c) and a buffer_head that points at it (page->private).
 *
 * A buffer is in one of four states: clean and idle (kswapd may free it),
 * in use (b_count > 0), dirty (on dirty_buffers, oldest first, with the
 * jiffies it became dirty), or locked (BH_Lock: under I/O).  Reads and
 * writes go to the disk through submit_bh() -> generic_make_request()
 * (block/ll_rw_blk.c); the I/O ends in BLOCK_SOFTIRQ with b_end_io,
 * which unlocks the buffer and wakes whoever waits in wait_on_buffer().
 * Writing back is pdflush's job (mm/page-writeback.c calls
 * write_dirty_buffers()), freeing kswapd's (mm/vmscan.c calls
 * try_to_free_buffers()).
 *
 * A file's data is in its page cache (mm/filemap.c), not here; its pages'
 * buffer_heads are made by create_empty_buffers() below, one per page
 * (BH_PageCache: not hashed, dirty with their page), and read and
 * written through the same submit_bh() (end_buffer_async_read/_write
 * end the page's lock or writeback).  Only metadata -- super block,
 * bitmaps, inode tables, directories, indirect blocks, the journal --
 * stays in this cache.  A block freed as metadata and reused for a
 * file's data may still have a buffer here: unmap_underlying_metadata()
 * makes sure it is never written over the data.
 *
 * A journaled file system's metadata buffers (fs/jbd2/) carry
 * BH_JBDDirty instead of BH_Dirty while a transaction holds them: they
 * are not on dirty_buffers, so neither pdflush nor sync writes them in
 * place before their commit, which hands them back with
 * __mark_buffer_dirty(); the journal head (b_journal_head) holds a
 * reference, so kswapd leaves them alone.
 *
 * Locking: buffer_lock covers the hash chains and dirty_buffers, and is
 * held to take the first reference of a lookup; so under buffer_lock a
 * buffer with b_count 0, clean and unlocked has no user and can get none:
 * that is when it may be freed.  zone->lru_lock nests inside it.  The
 * b_state bits are atomic: b_end_io changes them from the softirq.
 */
#include <atomic.h>
#include <blkdev.h>
#include <buffer_head.h>
#include <fs.h>
#include <initramfs.h>
#include <kernel.h>
#include <pagemap.h>
#include <sched.h>
#include <slab.h>
#include <swap.h>
#include <writeback.h>

#define BH_HASH_BITS	10
#define BH_HASH_SIZE	(1U << BH_HASH_BITS)	/* chains */
#define WRITE_BATCH	(BLK_MAX_SECTORS / BLOCK_SECTORS) /* one request */

struct buffer_stats buffer_stats;

static struct kmem_cache *bh_cachep;

/* buffer_lock: */
static DEFINE_SPINLOCK(buffer_lock);
static struct list_head bh_hash[BH_HASH_SIZE];
static LIST_HEAD(dirty_buffers);	/* oldest b_dirtied_when first */

static struct list_head *bh_hash_chain(struct block_device *bdev,
				       sector_t block)
{
	/* Knuth's multiplicative hash: neighbouring blocks spread out. */
	u32 key = (block ^ ((unsigned long)bdev >> 6)) * 2654435761U;

	return &bh_hash[key >> (32 - BH_HASH_BITS)];
}

/* buffer_lock held. */
static struct buffer_head *__lookup(struct block_device *bdev, sector_t block)
{
	struct buffer_head *bh;

	assert_spin_locked_by_current(&buffer_lock);
	list_for_each_entry(bh, bh_hash_chain(bdev, block), b_hash)
		if (bh->b_bdev == bdev && bh->b_blocknr == block)
			return bh;
	return NULL;
}

/* No user, nothing to write, no I/O: may go.  buffer_lock held. */
static bool __buffer_freeable(struct buffer_head *bh)
{
	assert_spin_locked_by_current(&buffer_lock);
	return atomic_read(&bh->b_count) == 0 && !buffer_dirty(bh) &&
	       !buffer_locked(bh);
}

/**
 * __find_get_block - find a cached block
 * @bdev: the disk
 * @block: the block number
 *
 * Context: process.
 * Return: the buffer with a reference taken, or NULL if not cached.
 */
struct buffer_head *__find_get_block(struct block_device *bdev,
				     sector_t block)
{
	struct buffer_head *bh;

	spin_lock(&buffer_lock);
	bh = __lookup(bdev, block);
	if (bh)
		get_bh(bh);
	spin_unlock(&buffer_lock);
	if (bh)
		mark_page_accessed(bh->b_page);
	return bh;
}

/* A fresh buffer over a fresh page; not yet visible to anyone. */
static struct buffer_head *alloc_buffer(struct block_device *bdev,
					sector_t block)
{
	struct page *page = alloc_page(GFP_KERNEL);
	struct buffer_head *bh;

	if (!page)
		return NULL;
	bh = kmem_cache_zalloc(bh_cachep, GFP_KERNEL);
	if (!bh) {
		__free_page(page);
		return NULL;
	}
	bh->b_blocknr = block;
	bh->b_size = BLOCK_SIZE;
	bh->b_page = page;
	bh->b_data = page_address(page);
	bh->b_bdev = bdev;
	atomic_set(&bh->b_count, 1);
	init_waitqueue_head(&bh->b_wait);
	INIT_LIST_HEAD(&bh->b_hash);
	INIT_LIST_HEAD(&bh->b_dirty);
	page->private = (unsigned long)bh;
	return bh;
}

static void free_buffer(struct buffer_head *bh)
{
	struct page *page = bh->b_page;

	page->private = 0;
	kmem_cache_free(bh_cachep, bh);
	__free_page(page);
}

/**
 * getblk - find a block in the cache, or make a buffer for it
 * @bdev: the disk
 * @block: the block number (BLOCK_SIZE units)
 *
 * A new buffer is not read: it is not uptodate.  A caller that fills
 * all of it sets it uptodate itself; bread() reads it.
 * Context: process, may sleep (to allocate, perhaps reclaiming).
 * Return: the buffer with a reference taken (brelse() drops it), or NULL
 * without memory.
 */
struct buffer_head *getblk(struct block_device *bdev, sector_t block)
{
	struct buffer_head *bh, *new;

	might_sleep();
	stat_inc(&buffer_stats.lookups);
	bh = __find_get_block(bdev, block);
	if (bh) {
		stat_inc(&buffer_stats.hits);
		return bh;
	}

	/* Allocate without the lock (it may reclaim), then look again. */
	new = alloc_buffer(bdev, block);
	if (!new)
		return NULL;
	spin_lock(&buffer_lock);
	bh = __lookup(bdev, block);
	if (bh) {
		/* Another task made it meanwhile: use theirs. */
		get_bh(bh);
		spin_unlock(&buffer_lock);
		free_buffer(new);
		mark_page_accessed(bh->b_page);
		return bh;
	}
	list_add(&new->b_hash, bh_hash_chain(bdev, block));
	buffer_stats.nr_buffers++;
	spin_unlock(&buffer_lock);
	lru_cache_add(new->b_page);
	return new;
}

/**
 * brelse - drop a reference taken by getblk() or bread()
 * @bh: the buffer, or NULL
 *
 * The block stays cached; kswapd may free it once nobody uses it.
 * Context: any.
 */
void brelse(struct buffer_head *bh)
{
	if (!bh)
		return;
	if (atomic_read(&bh->b_count) <= 0) {
		printk(KERN_WARNING "brelse: trying to free free buffer "
		       "(block %lu)\n", (unsigned long)bh->b_blocknr);
		dump_stack();
		return;
	}
	put_bh(bh);
}

/**
 * unlock_buffer - end a buffer's I/O or change, waking its waiters
 * @bh: a locked buffer
 *
 * Context: any (the softirq, at the end of I/O).
 */
void unlock_buffer(struct buffer_head *bh)
{
	clear_bit(BH_Lock, &bh->b_state);	/* lock prefix: a barrier */
	wake_up(&bh->b_wait);
}

/**
 * wait_on_buffer - wait until a buffer is not locked
 * @bh: the buffer (the caller holds a reference)
 *
 * The disk's queue is unplugged first: whoever waits wants the I/O now.
 * Context: process, may sleep.
 */
void wait_on_buffer(struct buffer_head *bh)
{
	might_sleep();
	if (!buffer_locked(bh))
		return;
	blk_run_queue_async(bh->b_bdev->queue);
	wait_event(bh->b_wait, !buffer_locked(bh));
}

/**
 * lock_buffer - take BH_Lock, sleeping while someone else holds it
 * @bh: the buffer (the caller holds a reference)
 *
 * Context: process, may sleep.
 */
void lock_buffer(struct buffer_head *bh)
{
	might_sleep();
	while (test_and_set_bit(BH_Lock, &bh->b_state))
		wait_on_buffer(bh);
}

static void buffer_io_error(struct buffer_head *bh)
{
	stat_inc(&buffer_stats.io_errors);
	printk(KERN_ERR "Buffer I/O error on device %s, logical block %lu\n",
	       bh->b_bdev->name, (unsigned long)bh->b_blocknr);
}

/**
 * end_buffer_read_sync - b_end_io of a read
 * @bh: the buffer
 * @uptodate: 1 if the data arrived, 0 on an I/O error
 *
 * Context: BLOCK_SOFTIRQ (or the submitter, for a refused request).
 */
void end_buffer_read_sync(struct buffer_head *bh, int uptodate)
{
	if (uptodate) {
		set_buffer_uptodate(bh);
	} else {
		clear_buffer_uptodate(bh);
		buffer_io_error(bh);
	}
	unlock_buffer(bh);
	put_bh(bh);
}

/**
 * end_buffer_write_sync - b_end_io of a write
 * @bh: the buffer
 * @uptodate: 1 if the disk took the data, 0 on an I/O error
 *
 * A failed write is lost, as in Linux: the buffer is not dirty any more
 * and not uptodate (the next bread() reads the disk again), and
 * BH_Write_EIO waits for sync_dirty_buffer() or sync_all() to report it.
 * Context: BLOCK_SOFTIRQ (or the submitter, for a refused request).
 */
void end_buffer_write_sync(struct buffer_head *bh, int uptodate)
{
	if (uptodate) {
		set_buffer_uptodate(bh);
	} else {
		buffer_io_error(bh);
		printk(KERN_WARNING "lost page write due to I/O error on %s\n",
		       bh->b_bdev->name);
		set_buffer_write_io_error(bh);
		clear_buffer_uptodate(bh);
	}
	unlock_buffer(bh);
	put_bh(bh);
}

/**
 * submit_bh - start I/O on a locked buffer
 * @rw: READ or WRITE
 * @bh: locked, with b_end_io set; b_end_io unlocks it when the I/O ends
 *
 * Context: process, may sleep.
 * Return: 0, or -EIO if the block is past the end of the disk.  b_end_io
 * has then already run with the error, which is how every I/O error is
 * delivered: callers that wait on the buffer need not look at this.
 */
int submit_bh(int rw, struct buffer_head *bh)
{
	BUG_ON(!buffer_locked(bh));
	BUG_ON(!bh->b_end_io);
	if (rw == WRITE) {
		clear_buffer_write_io_error(bh);
		stat_inc(&buffer_stats.writes);
	} else {
		stat_inc(&buffer_stats.reads);
	}
	return generic_make_request(rw, bh);
}

/**
 * test_clear_buffer_dirty - the buffer is no longer to be written back
 * @bh: the buffer
 *
 * Clears BH_Dirty and takes it off dirty_buffers: before a write, or
 * when the journal takes a buffer over (fs/jbd2/transaction.c), so that
 * pdflush does not write what a transaction is changing.
 * Context: any; takes buffer_lock.
 * Return: whether it was dirty.
 */
bool test_clear_buffer_dirty(struct buffer_head *bh)
{
	bool was_dirty;

	if (buffer_pagecache(bh))	/* never on dirty_buffers */
		return test_and_clear_bit(BH_Dirty, &bh->b_state);
	spin_lock(&buffer_lock);
	was_dirty = test_and_clear_bit(BH_Dirty, &bh->b_state);
	if (was_dirty) {
		list_del_init(&bh->b_dirty);
		buffer_stats.nr_dirty--;
	}
	spin_unlock(&buffer_lock);
	return was_dirty;
}

/**
 * mark_buffer_dirty - the buffer's data changed: it must reach the disk
 * @bh: an uptodate buffer the caller holds a reference to
 *
 * The first time, it remembers jiffies in b_dirtied_when and queues the
 * buffer at the end of dirty_buffers; pdflush writes it once it has been
 * dirty for dirty_expire_centisecs, or earlier if dirty memory passes
 * dirty_background_ratio.
 * Context: process.
 */
void mark_buffer_dirty(struct buffer_head *bh)
{
	__mark_buffer_dirty(bh);
	if (!buffer_pagecache(bh))
		balance_dirty_buffers();
}

/**
 * __mark_buffer_dirty - mark_buffer_dirty() without the throttling
 * @bh: an uptodate buffer the caller holds a reference to
 *
 * The journal's commit hands its buffers to writeback under its own
 * spinlock (fs/jbd2/commit.c), where balance_dirty_pages() could sleep.
 * Context: any; takes buffer_lock.
 */
void __mark_buffer_dirty(struct buffer_head *bh)
{
	if (buffer_pagecache(bh)) {
		/* A file page's: the page carries the dirt to pdflush.
		 * (Its writer throttles after unlocking the page.) */
		set_page_dirty(bh->b_page);
		return;
	}
	WARN_ON_ONCE(atomic_read(&bh->b_count) <= 0);
	if (buffer_dirty(bh))
		return;
	spin_lock(&buffer_lock);
	if (!test_and_set_bit(BH_Dirty, &bh->b_state)) {
		bh->b_dirtied_when = jiffies;
		list_add_tail(&bh->b_dirty, &dirty_buffers);
		buffer_stats.nr_dirty++;
	}
	spin_unlock(&buffer_lock);
}

/**
 * bread - read a block (or find it cached)
 * @bdev: the disk
 * @block: the block number
 *
 * Context: process, may sleep.
 * Return: an uptodate buffer with a reference taken (brelse() it), or
 * NULL if the block could not be read ("Buffer I/O error on device ..."
 * on the console) or there was no memory.
 */
struct buffer_head *bread(struct block_device *bdev, sector_t block)
{
	struct buffer_head *bh = getblk(bdev, block);

	if (!bh || buffer_uptodate(bh))
		return bh;
	lock_buffer(bh);
	if (buffer_uptodate(bh)) {		/* read while we waited */
		unlock_buffer(bh);
		return bh;
	}
	get_bh(bh);				/* the I/O's reference */
	bh->b_end_io = end_buffer_read_sync;
	submit_bh(READ, bh);
	wait_on_buffer(bh);
	if (buffer_uptodate(bh))
		return bh;
	brelse(bh);
	return NULL;
}

/**
 * ll_rw_block - start reads or writes of several buffers, not waiting
 * @rw: READ (buffers not uptodate are read) or WRITE (dirty ones written)
 * @nr: how many
 * @bhs: the buffers, each with a reference held by the caller
 *
 * A buffer someone else has locked is skipped: its I/O is under way.
 * Wait for them with wait_on_buffer().  Adjacent blocks submitted
 * together are merged into one request.
 * Context: process, may sleep.
 */
void ll_rw_block(int rw, int nr, struct buffer_head *bhs[])
{
	for (int i = 0; i < nr; i++) {
		struct buffer_head *bh = bhs[i];

		if (test_and_set_bit(BH_Lock, &bh->b_state))
			continue;
		if (rw == WRITE ? test_clear_buffer_dirty(bh)
				: !buffer_uptodate(bh)) {
			get_bh(bh);
			bh->b_end_io = rw == WRITE ? end_buffer_write_sync
						   : end_buffer_read_sync;
			submit_bh(rw, bh);
			continue;
		}
		unlock_buffer(bh);
	}
}

/**
 * sync_dirty_buffer - write a buffer now and wait for it
 * @bh: the buffer (the caller holds a reference)
 *
 * Context: process, may sleep.
 * Return: 0 (written, or it was clean), or -EIO if the write failed.
 */
int sync_dirty_buffer(struct buffer_head *bh)
{
	lock_buffer(bh);
	if (!test_clear_buffer_dirty(bh)) {
		unlock_buffer(bh);
		return 0;
	}
	get_bh(bh);
	bh->b_end_io = end_buffer_write_sync;
	submit_bh(WRITE, bh);
	wait_on_buffer(bh);
	return test_and_clear_bit(BH_Write_EIO, &bh->b_state) ? -EIO : 0;
}

/**
 * write_dirty_buffers - write back dirty buffers, oldest first
 * @nr: at most this many
 * @dirtied_before: only buffers dirtied before this jiffies value
 * @wait: sync: wait for buffers others hold locked; else skip them and
 *        write the rest (pdflush must not stall behind one buffer)
 *
 * The writes are only started; sync_all() waits for them.
 * Context: process, may sleep.
 * Return: how many writes were started.
 */
unsigned long write_dirty_buffers(unsigned long nr,
				  unsigned long dirtied_before, bool wait)
{
	struct buffer_head *batch[WRITE_BATCH];
	unsigned long written = 0;

	while (written < nr) {
		unsigned long started = 0;
		struct buffer_head *bh;
		int n = 0;

		spin_lock(&buffer_lock);
		list_for_each_entry(bh, &dirty_buffers, b_dirty) {
			if (!time_before(bh->b_dirtied_when, dirtied_before) ||
			    n == WRITE_BATCH || written + n >= nr)
				break;
			if (!wait && buffer_locked(bh))
				continue;
			get_bh(bh);	/* a dirty buffer cannot be freed */
			batch[n++] = bh;
		}
		spin_unlock(&buffer_lock);
		if (!n)
			break;

		for (int i = 0; i < n; i++) {
			bh = batch[i];
			if (wait)
				lock_buffer(bh);
			else if (test_and_set_bit(BH_Lock, &bh->b_state))
				continue;
			if (test_clear_buffer_dirty(bh)) {
				get_bh(bh);
				bh->b_end_io = end_buffer_write_sync;
				submit_bh(WRITE, bh);
				started++;
			} else {
				unlock_buffer(bh);
			}
		}
		for (int i = 0; i < n; i++)
			brelse(batch[i]);
		written += started;
		/* Only buffers locked meanwhile came back: try later. */
		if (!started && !wait)
			break;
	}
	return written;
}

/**
 * wait_on_all_buffers - wait for every read and write in flight
 *
 * Walks the whole cache: a buffer is waited for if it is locked when the
 * walk reaches it, whoever started its I/O (pdflush, kswapd's request).
 * Context: process, may sleep.
 * Return: 0, or -EIO if some write failed since it was last reported.
 */
int wait_on_all_buffers(void)
{
	int err = 0;

	for (unsigned int i = 0; i < BH_HASH_SIZE; i++) {
		struct buffer_head *bh, *held = NULL;

		spin_lock(&buffer_lock);
		list_for_each_entry(bh, &bh_hash[i], b_hash) {
			if (buffer_locked(bh)) {
				/* Our reference keeps bh on the chain. */
				get_bh(bh);
				spin_unlock(&buffer_lock);
				brelse(held);
				wait_on_buffer(bh);
				held = bh;
				spin_lock(&buffer_lock);
			}
			if (test_and_clear_bit(BH_Write_EIO, &bh->b_state))
				err = -EIO;
		}
		spin_unlock(&buffer_lock);
		brelse(held);
	}
	return err;
}

/**
 * try_to_free_buffers - free the buffer of a buffer-cache page kswapd took
 * @page: a cache page off the LRU lists (PG_lru clear)
 * @dirty: set to whether the buffer is dirty (writeback must clean it)
 *
 * Context: process (kswapd or direct reclaim); takes buffer_lock.
 * Return: true if the buffer was freed: the caller frees the page.
 */
bool try_to_free_buffers(struct page *page, bool *dirty)
{
	struct buffer_head *bh = (struct buffer_head *)page->private;

	spin_lock(&buffer_lock);
	*dirty = buffer_dirty(bh);
	if (!__buffer_freeable(bh)) {
		spin_unlock(&buffer_lock);
		return false;
	}
	list_del_init(&bh->b_hash);
	buffer_stats.nr_buffers--;
	spin_unlock(&buffer_lock);
	page->private = 0;
	kmem_cache_free(bh_cachep, bh);
	return true;
}

/**
 * create_empty_buffers - attach a buffer_head to a file page
 * @page: a locked page of a mapping, without buffers
 * @bdev: the disk its block lies on
 *
 * One buffer covers the whole page: the disk moves whole 4 KiB blocks
 * (block/ll_rw_blk.c), so a file system of 4 KiB blocks is what gets
 * page buffers (Linux rings b_this_page buffers of the file system's
 * block size; a 1 KiB-block file system is read here through the
 * buffer cache instead: fs/ext3/inode.c).  The buffers hold a reference
 * on the page until try_to_free_page_buffers().
 * Context: process, may sleep.
 * Return: the buffer, not mapped, not uptodate; or NULL without memory.
 */
struct buffer_head *create_empty_buffers(struct page *page,
					 struct block_device *bdev)
{
	struct buffer_head *bh = kmem_cache_zalloc(bh_cachep, GFP_KERNEL);

	BUG_ON(!PageLocked(page) || PagePrivate(page));
	if (!bh)
		return NULL;
	bh->b_size = BLOCK_SIZE;
	bh->b_page = page;
	bh->b_data = page_address(page);
	bh->b_bdev = bdev;
	bh->b_state = 1UL << BH_PageCache;
	init_waitqueue_head(&bh->b_wait);
	INIT_LIST_HEAD(&bh->b_hash);
	INIT_LIST_HEAD(&bh->b_dirty);
	if (PageUptodate(page))
		set_buffer_uptodate(bh);
	get_page(page);			/* the buffers' */
	page->private = (unsigned long)bh;
	SetPageFlag(page, PG_private);
	return bh;
}

/**
 * end_buffer_async_read - b_end_io of a file page's read
 * @bh: the page's buffer
 * @uptodate: 1 if the data arrived
 *
 * Context: BLOCK_SOFTIRQ (or the submitter, for a refused request).
 */
void end_buffer_async_read(struct buffer_head *bh, int uptodate)
{
	struct page *page = bh->b_page;

	if (uptodate) {
		set_buffer_uptodate(bh);
		SetPageUptodate(page);
	} else {
		clear_buffer_uptodate(bh);
		SetPageFlag(page, PG_error);
		buffer_io_error(bh);
	}
	unlock_buffer(bh);
	put_bh(bh);
	unlock_page(page);
}

/**
 * end_buffer_async_write - b_end_io of a file page's write
 * @bh: the page's buffer
 * @uptodate: 1 if the disk took the data
 *
 * Context: BLOCK_SOFTIRQ (or the submitter, for a refused request).
 */
void end_buffer_async_write(struct buffer_head *bh, int uptodate)
{
	struct page *page = bh->b_page;

	if (!uptodate) {
		buffer_io_error(bh);
		printk(KERN_WARNING "lost page write due to I/O error on %s\n",
		       bh->b_bdev->name);
		set_buffer_write_io_error(bh);
		SetPageFlag(page, PG_error);
	}
	unlock_buffer(bh);
	put_bh(bh);
	end_page_writeback(page);
}

/**
 * block_write_full_page - a_ops->writepage of a page with a mapped buffer
 * @page: locked, its dirt cleared for io (clear_page_dirty_for_io())
 * @wbc: the writeback pass (unused: every buffer is written)
 *
 * Linux 2.6: block_write_full_page() -> __block_write_full_page().  The
 * blocks were mapped when the page was written (prepare_write), so no
 * allocation happens here: the buffer is locked -- waiting for a write
 * the journal's commit may have started of it (data=ordered) -- and, if
 * still dirty, written; the page is under writeback until it ends, and
 * unlocked at once.  A buffer the commit wrote meanwhile is clean:
 * nothing to do.
 * Context: process, may sleep.
 * Return: 0.
 */
int block_write_full_page(struct page *page, struct writeback_control *wbc)
{
	struct buffer_head *bh = (struct buffer_head *)page->private;

	if (!bh || !buffer_mapped(bh)) {
		unlock_page(page);
		return 0;
	}
	lock_buffer(bh);
	if (!test_clear_buffer_dirty(bh)) {
		unlock_buffer(bh);
		unlock_page(page);
		return 0;
	}
	test_set_page_writeback(page);
	get_bh(bh);
	bh->b_end_io = end_buffer_async_write;
	unlock_page(page);
	submit_bh(WRITE, bh);
	return 0;
}

/**
 * try_to_free_page_buffers - free a file page's buffer if unused
 * @page: a locked page
 *
 * The page lock keeps new users away (the write path, writepage and
 * readpage hold it); the journal's hold shows as b_count.
 * Context: process.
 * Return: true if the page has no buffer now.
 */
bool try_to_free_page_buffers(struct page *page)
{
	struct buffer_head *bh = (struct buffer_head *)page->private;

	BUG_ON(!PageLocked(page));
	if (!PagePrivate(page))
		return true;
	if (atomic_read(&bh->b_count) || buffer_dirty(bh) ||
	    buffer_locked(bh) || bh->b_journal_head)
		return false;
	page->private = 0;
	ClearPageFlag(page, PG_private);
	kmem_cache_free(bh_cachep, bh);
	atomic_dec(&page->_count);	/* the buffers'; the caller has one */
	return true;
}

/**
 * discard_page_buffers - a truncated page's block is going: forget it
 * @page: a locked page, being taken out of its mapping
 *
 * Linux 2.6: block_invalidatepage() -> discard_buffer().  Waits for a
 * write under way (the journal's ordered data), then the buffer is
 * clean and unmapped: neither pdflush nor a commit writes it again, over
 * whatever the freed block holds next.
 * Context: process, may sleep.
 */
void discard_page_buffers(struct page *page)
{
	struct buffer_head *bh = (struct buffer_head *)page->private;

	if (!PagePrivate(page))
		return;
	lock_buffer(bh);
	clear_bit(BH_Dirty, &bh->b_state);
	clear_buffer_mapped(bh);
	clear_buffer_uptodate(bh);
	unlock_buffer(bh);
}

/**
 * unmap_underlying_metadata - a block became a file's data: drop any
 *                             metadata buffer of it
 * @bdev: the disk
 * @block: the block, just allocated for a file page
 *
 * Linux 2.6: fs/buffer.c: unmap_underlying_metadata().  The block may
 * have been an indirect or directory block, freed; its old buffer must
 * never be written over the data (its dirt goes) nor read as the block's
 * contents (it is no longer uptodate).  A buffer the journal still holds
 * is its business: a freed block it forgot is not written.
 * Context: process, may sleep.
 */
void unmap_underlying_metadata(struct block_device *bdev, sector_t block)
{
	struct buffer_head *bh = __find_get_block(bdev, block);

	if (!bh)
		return;
	if (!bh->b_journal_head) {
		test_clear_buffer_dirty(bh);
		wait_on_buffer(bh);
		clear_buffer_uptodate(bh);
	}
	brelse(bh);
}

/**
 * invalidate_bdev - drop a disk's clean, unused blocks from the cache
 * @bdev: the disk, or NULL for every disk
 *
 * What is in use, dirty, under I/O or being reclaimed right now stays.
 * The tests use it to make the next bread() go to the disk.
 * Context: process.
 * Return: how many blocks were dropped.
 */
unsigned long invalidate_bdev(struct block_device *bdev)
{
	unsigned long dropped = 0;
	LIST_HEAD(freed);

	for (unsigned int i = 0; i < BH_HASH_SIZE; i++) {
		struct buffer_head *bh, *next;

		spin_lock(&buffer_lock);
		list_for_each_entry_safe(bh, next, &bh_hash[i], b_hash) {
			if ((bdev && bh->b_bdev != bdev) ||
			    !__buffer_freeable(bh) ||
			    !lru_cache_remove(bh->b_page))
				continue;
			list_del_init(&bh->b_hash);
			buffer_stats.nr_buffers--;
			/* Off the LRU: page->lru is free to chain it. */
			list_add(&bh->b_page->lru, &freed);
		}
		spin_unlock(&buffer_lock);
	}
	while (!list_empty(&freed)) {
		struct page *page = list_first_entry(&freed, struct page, lru);

		list_del_init(&page->lru);
		free_buffer((struct buffer_head *)page->private);
		dropped++;
	}
	return dropped;
}

/**
 * drop_pagecache - drop every clean, unused page of every file, block of
 *                  every disk, and page of a program no process maps
 *
 * Linux 2.6.16: echo 1 > /proc/sys/vm/drop_caches.  The tests call it
 * before they count free pages.  Files first: a file page's buffer
 * goes with it (fs/drop_caches.c: drop_file_pages()).
 * Context: process.
 * Return: how many pages and blocks were dropped.
 */
unsigned long drop_pagecache(void)
{
	unsigned long files = drop_file_pages(false);

	return files + invalidate_bdev(NULL) + drop_exec_pages();
}

/**
 * buffer_init - the buffer_head cache and the hash table
 *
 * Context: pid 1, boot.
 */
void buffer_init(void)
{
	for (unsigned int i = 0; i < BH_HASH_SIZE; i++)
		INIT_LIST_HEAD(&bh_hash[i]);
	bh_cachep = kmem_cache_create("buffer_head",
				      sizeof(struct buffer_head), 0, 0, NULL);
	if (!bh_cachep)
		panic("buffer_init: cannot create the buffer_head cache");
}
