// SPDX-License-Identifier: GPL-2.0
/*
 * mm/page-writeback.c - when dirty file pages and buffers go back to the
 * disk: periodic writeback, background writeback, the throttling of
 * writers, and sync; the dirty and writeback state of a file page.
 *
 * Linux 2.6: mm/page-writeback.c (wb_timer, wb_kupdate,
 * background_writeout, balance_dirty_pages,
 * balance_dirty_pages_ratelimited, set_page_dirty,
 * clear_page_dirty_for_io, the dirty_* sysctls), mm/backing-dev.c
 * (congestion_wait), fs/sync.c (sys_sync).  Understanding the Linux
 * Kernel, 3rd ed., chapter 15, Section "Writing Dirty Pages to Disk".
 * Two kinds of dirty memory: file pages (inodes on their super block's
 * s_dirty list, written by fs/fs-writeback.c: writeback_inodes() ->
 * do_writepages() -> a_ops->writepage()), and metadata buffers of the
 * buffer cache (write_dirty_buffers() in mm/buffer.c).  Four triggers:
 *
 *  - periodic: wb_timer fires every dirty_writeback_centisecs and hands
 *    wb_kupdate() to an idle pdflush thread, which writes the inodes
 *    dirtied longer than dirty_expire_centisecs ago and the buffers as
 *    old, and re-arms the timer.  So no change stays only in memory
 *    for much longer than expire + writeback (35 s by default), even if
 *    nobody ever syncs.
 *  - background: when dirty memory passes dirty_background_ratio percent,
 *    background_writeout() in a pdflush thread writes until it is below
 *    that again.  kswapd asks for the same (wakeup_pdflush()) when it
 *    meets dirty pages it cannot free.
 *  - throttling: a task that writes a file calls
 *    balance_dirty_pages_ratelimited() every few pages; above
 *    vm_dirty_ratio percent of dirty and writeback memory it writes
 *    back pages itself (balance_dirty_pages()) and waits in
 *    congestion_wait() -- woken when a page write ends -- until it is
 *    under the limit: a writer cannot fill memory faster than the disk
 *    empties it.
 *  - sync_all(): the sync(2) system call and kernel_power_off() write
 *    everything now and wait for it.
 *
 * The timer runs in a softirq and cannot sleep; writing can.  That is why
 * the work goes to pdflush (mm/pdflush.c).  Next: fs/fs-writeback.c,
 * mm/buffer.c.
 */
#include <atomic.h>
#include <buffer_head.h>
#include <fs.h>
#include <init.h>
#include <kernel.h>
#include <mmzone.h>
#include <pagemap.h>
#include <percpu.h>
#include <sched.h>
#include <sysctl.h>
#include <timer.h>
#include <writeback.h>

unsigned int dirty_writeback_centisecs = 5 * 100;
unsigned int dirty_expire_centisecs = 30 * 100;
unsigned int dirty_background_ratio = 10;
/*
 * 40: Linux 2.6.0 to 2.6.21's vm_dirty_ratio, which goes with their
 * dirty_background_ratio of 10 (2.6.22 lowered them to 10 and 5).
 */
unsigned int vm_dirty_ratio = 40;

/*
 * A writer looks at the dirty memory every RATELIMIT_PAGES pages it
 * dirties (Linux 2.6's ratelimit_pages floor), and when over the limit
 * writes back half as many again, WRITE_CHUNK pages, before it looks
 * again.
 */
#define RATELIMIT_PAGES	32
#define WRITE_CHUNK	(RATELIMIT_PAGES + RATELIMIT_PAGES / 2)

static DEFINE_PER_CPU(unsigned long, ratelimits);

static atomic_t nr_dirty_pages = ATOMIC_INIT(0);	/* PG_dirty */
static atomic_t nr_writeback_pages = ATOMIC_INIT(0);	/* PG_writeback */
static atomic_t writeback_events = ATOMIC_INIT(0);	/* writes ended */
static DECLARE_WAIT_QUEUE_HEAD(congestion_wqh);

struct writeback_stats wb_stats;

#define BACKGROUND_BUSY	0		/* bit: background writeout running */

static struct timer_list wb_timer;
static unsigned long writeback_state;

static int centisecs_setup(char *val, unsigned int *tunable)
{
	unsigned long cs;

	if (kstrtoul(val, 0, &cs) || cs > DIRTY_CENTISECS_MAX)
		return -EINVAL;
	*tunable = cs;
	return 0;
}

/* 0 turns the periodic writeback off, as in Linux. */
static int dirty_writeback_setup(char *val)
{
	return centisecs_setup(val, &dirty_writeback_centisecs);
}
__setup("dirty_writeback_centisecs=", dirty_writeback_setup);

static int dirty_expire_setup(char *val)
{
	return centisecs_setup(val, &dirty_expire_centisecs);
}
__setup("dirty_expire_centisecs=", dirty_expire_setup);

static int dirty_background_ratio_setup(char *val)
{
	unsigned long ratio;

	if (kstrtoul(val, 0, &ratio) || ratio > 100)
		return -EINVAL;
	dirty_background_ratio = ratio;
	return 0;
}
__setup("dirty_background_ratio=", dirty_background_ratio_setup);

static int dirty_ratio_setup(char *val)
{
	unsigned long ratio;

	if (kstrtoul(val, 0, &ratio) || ratio < 1 || ratio > 100)
		return -EINVAL;
	vm_dirty_ratio = ratio;
	return 0;
}
__setup("dirty_ratio=", dirty_ratio_setup);

/**
 * inc_page_dirty - a file page became dirty
 *
 * Context: any.
 */
void inc_page_dirty(void)
{
	atomic_inc(&nr_dirty_pages);
}

/**
 * dec_page_dirty - a file page is no longer dirty
 *
 * Context: any.
 */
void dec_page_dirty(void)
{
	atomic_dec(&nr_dirty_pages);
}

/**
 * inc_page_writeback - a file page's write began
 *
 * Context: any.
 */
void inc_page_writeback(void)
{
	atomic_inc(&nr_writeback_pages);
	stat_inc(&wb_stats.pages_written);
}

/**
 * dec_page_writeback - a file page's write ended
 *
 * Context: any (the disk's softirq).
 */
void dec_page_writeback(void)
{
	atomic_dec(&nr_writeback_pages);
}

/**
 * global_page_state_dirty - dirty file pages
 *
 * Context: any.
 * Return: the count (/proc/meminfo's Dirty, with the dirty buffers).
 */
unsigned long global_page_state_dirty(void)
{
	return atomic_read(&nr_dirty_pages);
}

/**
 * global_page_state_writeback - file pages being written
 *
 * Context: any.
 * Return: the count.
 */
unsigned long global_page_state_writeback(void)
{
	return atomic_read(&nr_writeback_pages);
}

/* Dirty memory, file pages and buffers: what the ratios weigh. */
static unsigned long nr_reclaimable(void)
{
	return global_page_state_dirty() + READ_ONCE(buffer_stats.nr_dirty);
}

/**
 * writeback_done - a page write ended: wake congestion_wait()
 *
 * Context: any (the disk's softirq).
 */
void writeback_done(void)
{
	atomic_inc(&writeback_events);
	if (waitqueue_active(&congestion_wqh))
		wake_up(&congestion_wqh);
}

/**
 * congestion_wait - wait until some page write ends
 *
 * Linux 2.6: congestion_wait(WRITE, HZ/10).  The wait ends at the next
 * end_page_writeback(); the tenth of a second bounds it when nothing is
 * being written (then there is nothing to wait for, and the caller
 * looks again).
 * Context: process, may sleep.
 */
void congestion_wait(void)
{
	int seen = atomic_read(&writeback_events);

	wait_event_timeout(congestion_wqh,
			   atomic_read(&writeback_events) != seen, HZ / 10);
}

/**
 * set_page_dirty - a file page's data changed: it must reach the disk
 * @page: a page of a mapping; with buffers, they are all marked dirty
 *
 * Linux 2.6: set_page_dirty() -> __set_page_dirty_buffers().  The first
 * time, the page moves to its mapping's dirty_pages and the inode onto
 * its super block's s_dirty (__mark_inode_dirty()), where pdflush finds
 * it.
 * Context: process; takes tree_lock, then inode_wb_lock.
 */
void set_page_dirty(struct page *page)
{
	struct address_space *mapping;

	if (PagePrivate(page))
		set_bit(BH_Dirty, &((struct buffer_head *)page->private)->
			b_state);
	if (test_and_set_bit(PG_dirty, &page->flags))
		return;
	mapping = page->mapping;
	if (!mapping) {		/* truncated: nothing to write */
		ClearPageFlag(page, PG_dirty);
		return;
	}
	inc_page_dirty();
	spin_lock(&mapping->tree_lock);
	if (page->mapping == mapping)
		list_move_tail(&page->list, &mapping->dirty_pages);
	spin_unlock(&mapping->tree_lock);
	__mark_inode_dirty(mapping->host);
}

/**
 * clear_page_dirty_for_io - a locked page is about to be written
 * @page: the page, locked
 *
 * Context: process.
 * Return: whether it was dirty (then the caller writes it).
 */
bool clear_page_dirty_for_io(struct page *page)
{
	BUG_ON(!PageLocked(page));
	if (!test_and_clear_bit(PG_dirty, &page->flags))
		return false;
	dec_page_dirty();
	return true;
}

/**
 * cancel_dirty_page - a page being truncated need not be written
 * @page: the page, locked
 *
 * Context: process.
 */
void cancel_dirty_page(struct page *page)
{
	if (test_and_clear_bit(PG_dirty, &page->flags))
		dec_page_dirty();
}

static unsigned long centisecs_to_jiffies(unsigned int cs)
{
	return (unsigned long)cs * HZ / 100;
}

/**
 * background_thresh - dirty memory above which writeback starts at once
 *
 * Return: dirty_background_ratio percent of the managed pages.
 */
unsigned long background_thresh(void)
{
	return zone_normal()->managed_pages * dirty_background_ratio / 100;
}

/**
 * dirty_thresh - dirty and writeback memory above which writers wait
 *
 * Return: vm_dirty_ratio percent of the managed pages.
 */
unsigned long dirty_thresh(void)
{
	return zone_normal()->managed_pages * vm_dirty_ratio / 100;
}

/*
 * In pdflush: write the oldest dirty inodes' pages and the oldest dirty
 * buffers until dirty memory is below the background threshold, and at
 * least @min_pages of them.
 */
static void background_writeout(unsigned long min_pages)
{
	unsigned long written = 0;

	stat_inc(&wb_stats.background_runs);
	while (nr_reclaimable() > background_thresh() ||
	       written < min_pages) {
		struct writeback_control wbc = {
			.sync_mode = WB_SYNC_NONE,
			.nr_to_write = MAX_WRITEBACK_PAGES,
			.for_background = true,
		};
		unsigned long n;

		writeback_inodes(&wbc);
		n = MAX_WRITEBACK_PAGES - wbc.nr_to_write;
		n += write_dirty_buffers(MAX_WRITEBACK_PAGES, jiffies + 1,
					 false);
		written += n;
		if (!n) {
			/* Only pages others hold locked: wait for a write
			 * to end, then look again; nothing at all: done. */
			if (!wbc.pages_skipped)
				break;
			congestion_wait();
		}
	}
	stat_add(&wb_stats.background_written, written);
	clear_bit(BACKGROUND_BUSY, &writeback_state);
}

/**
 * wakeup_pdflush - start background writeback in a pdflush thread
 * @nr_pages: write at least this many of the oldest dirty buffers (0:
 *            just get below the background threshold)
 *
 * Nothing happens if background writeback runs already, or if both
 * pdflush threads are busy (writing, then): the caller asks again the
 * next time it meets dirty buffers, as in Linux.
 * Context: process.
 */
void wakeup_pdflush(unsigned long nr_pages)
{
	if (test_and_set_bit(BACKGROUND_BUSY, &writeback_state))
		return;
	if (pdflush_operation(background_writeout, nr_pages) < 0)
		clear_bit(BACKGROUND_BUSY, &writeback_state);
}

/**
 * balance_dirty_buffers - a buffer became dirty: start writeback?
 *
 * Metadata buffers only start background writeback: they are dirtied
 * inside the file system's handles, where waiting for writeback could
 * wait for the handle's own commit.
 * Context: process (mark_buffer_dirty()).
 */
void balance_dirty_buffers(void)
{
	if (nr_reclaimable() > background_thresh())
		wakeup_pdflush(0);
}

/*
 * Linux 2.6: balance_dirty_pages().  Over vm_dirty_ratio (dirty and
 * writeback pages), the writer writes WRITE_CHUNK pages of the dirty
 * inodes itself, then waits for writes to end, until under the limit or
 * done its chunk.  Over the background ratio, pdflush is started too.
 */
static void balance_dirty_pages(struct address_space *mapping)
{
	unsigned long written = 0;
	bool throttled = false;

	for (;;) {
		struct writeback_control wbc = {
			.sync_mode = WB_SYNC_NONE,
			.nr_to_write = WRITE_CHUNK,
		};

		if (nr_reclaimable() + global_page_state_writeback() <=
		    dirty_thresh())
			break;
		if (!throttled) {
			stat_inc(&wb_stats.nr_dirty_throttled);
			throttled = true;
		}
		writeback_inodes(&wbc);
		written += WRITE_CHUNK - wbc.nr_to_write;
		if (written >= WRITE_CHUNK)
			break;
		congestion_wait();
	}
	stat_add(&wb_stats.throttle_written, written);
	if (nr_reclaimable() > background_thresh())
		wakeup_pdflush(0);
}

/**
 * balance_dirty_pages_ratelimited - a writer dirtied a page
 * @mapping: the file it wrote
 *
 * Every RATELIMIT_PAGES pages dirtied on a CPU, balance_dirty_pages()
 * looks at the dirty memory (looking at every page would cost more
 * than it saves).
 * Context: process, may sleep; no page locked, no journal handle.
 */
void balance_dirty_pages_ratelimited(struct address_space *mapping)
{
	unsigned long *p;
	bool due;

	preempt_disable();
	p = &__get_cpu_var(ratelimits);
	due = ++*p >= RATELIMIT_PAGES;
	if (due)
		*p = 0;
	preempt_enable();
	if (due)
		balance_dirty_pages(mapping);
}

/*
 * In pdflush, every dirty_writeback_centisecs: write what has been dirty
 * for longer than dirty_expire_centisecs, then set the next alarm.
 */
static void wb_kupdate(unsigned long unused)
{
	unsigned long expire = centisecs_to_jiffies(dirty_expire_centisecs);
	unsigned long interval =
		centisecs_to_jiffies(dirty_writeback_centisecs);
	unsigned long start = jiffies, oldest = start - expire;
	unsigned long next, n, written = 0;

	do {
		struct writeback_control wbc = {
			.sync_mode = WB_SYNC_NONE,
			.older_than_this = &oldest,
			.nr_to_write = MAX_WRITEBACK_PAGES,
			.for_kupdate = true,
		};

		writeback_inodes(&wbc);
		n = MAX_WRITEBACK_PAGES - wbc.nr_to_write;
		written += n;
	} while (n == MAX_WRITEBACK_PAGES);
	do {
		n = write_dirty_buffers(MAX_WRITEBACK_PAGES, oldest, false);
		written += n;
	} while (n == MAX_WRITEBACK_PAGES);
	stat_inc(&wb_stats.kupdate_runs);
	stat_add(&wb_stats.kupdate_written, written);

	if (!interval)
		return;
	next = start + interval;
	if (time_before_eq(next, jiffies))	/* writing took that long */
		next = jiffies + interval;
	mod_timer(&wb_timer, next);
}

/* wb_timer (TIMER_SOFTIRQ): the writing is pdflush's. */
static void wb_timer_fn(unsigned long unused)
{
	if (pdflush_operation(wb_kupdate, 0) < 0)
		mod_timer(&wb_timer, jiffies + HZ);	/* all busy: in 1 s */
}

/**
 * dirty_writeback_centisecs_handler - /proc/sys/vm/dirty_writeback_centisecs
 * @table: its ctl_table entry
 * @write: 0 to read, 1 to write
 * @buf: the text
 * @lenp: its size
 *
 * A new interval takes effect at once: the timer is set to fire one
 * interval from now, or stopped by 0 (Linux 2.6: the same handler).
 * A wb_kupdate() running meanwhile sets its next alarm from the new
 * value too.
 * Context: process.
 * Return: 0, or -EINVAL (the value stays).
 */
int dirty_writeback_centisecs_handler(struct ctl_table *table, int write,
				      char *buf, size_t *lenp)
{
	int err = proc_douintvec_minmax(table, write, buf, lenp);
	unsigned int cs = READ_ONCE(dirty_writeback_centisecs);

	if (err || !write)
		return err;
	if (cs)
		mod_timer(&wb_timer, jiffies + centisecs_to_jiffies(cs));
	else
		del_timer(&wb_timer);
	return 0;
}

/**
 * sync_all - write every dirty buffer and wait for all writes
 *
 * First each file system's sync_fs() (fs/super.c: a journaled ext3
 * commits and checkpoints).  Also waits for writes others started
 * (pdflush), so that when it returns everything dirtied before the call
 * is on the disk.  The sync(2)
 * system call and kernel_power_off() use it.
 * Context: process, may sleep.
 * Return: 0, or -EIO if a write failed (reported once).
 */
int sync_all(void)
{
	unsigned long written;
	int err;

	might_sleep();
	/* Data first (data=ordered wants it before the commit)... */
	writeback_inodes(&(struct writeback_control){
		.sync_mode = WB_SYNC_ALL, .nr_to_write = LONG_MAX });
	/* ...then a journal's metadata, not dirty until its commit. */
	sync_filesystems();
	written = write_dirty_buffers(~0UL, jiffies + 1, true);
	err = wait_on_all_buffers();
	/* Page writes pdflush started before the call, too. */
	while (global_page_state_writeback())
		congestion_wait();
	stat_inc(&wb_stats.syncs);
	stat_add(&wb_stats.sync_written, written);
	return err;
}

/**
 * page_writeback_init - arm the periodic writeback
 *
 * Context: pid 1, boot, after pdflush_init().
 */
void page_writeback_init(void)
{
	setup_timer(&wb_timer, wb_timer_fn, 0);
	if (dirty_writeback_centisecs)
		mod_timer(&wb_timer, jiffies +
			  centisecs_to_jiffies(dirty_writeback_centisecs));
	printk(KERN_INFO "pdflush: %d threads; dirty_writeback_centisecs %u, "
	       "dirty_expire_centisecs %u, dirty_background_ratio %u%% "
	       "(%lu pages), dirty_ratio %u%% (%lu pages)\n",
	       MIN_PDFLUSH_THREADS, dirty_writeback_centisecs,
	       dirty_expire_centisecs, dirty_background_ratio,
	       background_thresh(), vm_dirty_ratio, dirty_thresh());
}
