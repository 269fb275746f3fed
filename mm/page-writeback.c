// SPDX-License-Identifier: GPL-2.0
/*
 * mm/page-writeback.c - when dirty buffers go back to the disk: periodic
 * writeback, background writeback, and sync.
 *
 * Linux 2.6: mm/page-writeback.c (wb_timer, wb_kupdate,
 * background_writeout, balance_dirty_pages, the dirty_* sysctls),
 * fs/sync.c (sys_sync).
 * Three triggers, one engine (write_dirty_buffers() in mm/buffer.c):
 *
 *  - periodic: wb_timer fires every dirty_writeback_centisecs and hands
 *    wb_kupdate() to an idle pdflush thread, which writes every buffer
 *    dirty for longer than dirty_expire_centisecs and re-arms the timer.
 *    So no change stays only in memory for much longer than expire +
 *    writeback (35 s by default), even if nobody ever syncs.
 *  - background: mark_buffer_dirty() calls balance_dirty_pages(); above
 *    dirty_background_ratio percent of memory it starts
 *    background_writeout() in a pdflush thread, which writes the oldest
 *    buffers until they are below that again.  kswapd asks for the same
 *    (wakeup_pdflush()) when it meets dirty pages it cannot free.
 *  - sync_all(): the sync(2) system call and kernel_power_off() write
 *    everything now and wait for it.
 *
 * The timer runs in a softirq and cannot sleep; writing can.  That is why
 * the work goes to pdflush (mm/pdflush.c).  Next: mm/buffer.c.
 */
#include <atomic.h>
#include <buffer_head.h>
#include <fs.h>
#include <init.h>
#include <kernel.h>
#include <mmzone.h>
#include <sysctl.h>
#include <timer.h>
#include <writeback.h>

unsigned int dirty_writeback_centisecs = 5 * 100;
unsigned int dirty_expire_centisecs = 30 * 100;
unsigned int dirty_background_ratio = 10;

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

static unsigned long centisecs_to_jiffies(unsigned int cs)
{
	return (unsigned long)cs * HZ / 100;
}

/**
 * background_thresh - dirty buffers above which writeback starts at once
 *
 * Return: dirty_background_ratio percent of the managed pages.
 */
unsigned long background_thresh(void)
{
	return zone_normal()->managed_pages * dirty_background_ratio / 100;
}

/*
 * In pdflush: write the oldest dirty buffers until they are below the
 * background threshold, and at least @min_pages of them.
 */
static void background_writeout(unsigned long min_pages)
{
	unsigned long written = 0;

	stat_inc(&wb_stats.background_runs);
	while (READ_ONCE(buffer_stats.nr_dirty) > background_thresh() ||
	       written < min_pages) {
		unsigned long n = write_dirty_buffers(MAX_WRITEBACK_PAGES,
						      jiffies + 1, false);

		if (!n)
			break;		/* nothing left we could write */
		written += n;
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
 * balance_dirty_pages - a buffer became dirty: too many dirty ones now?
 *
 * Linux 2.6 also makes the dirtying task wait above vm_dirty_ratio; here
 * it only starts background writeback.
 * Context: process (mark_buffer_dirty()).
 */
void balance_dirty_pages(void)
{
	if (READ_ONCE(buffer_stats.nr_dirty) > background_thresh())
		wakeup_pdflush(0);
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
	/* A journal's metadata is not dirty until its commit: commit. */
	sync_filesystems();
	written = write_dirty_buffers(~0UL, jiffies + 1, true);
	err = wait_on_all_buffers();
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
	       "(%lu pages)\n", MIN_PDFLUSH_THREADS, dirty_writeback_centisecs,
	       dirty_expire_centisecs, dirty_background_ratio,
	       background_thresh());
}
