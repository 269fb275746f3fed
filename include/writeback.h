/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/writeback.h - writing dirty buffers back: pdflush, the periodic
 * and background writeback, and sync (mm/pdflush.c, mm/page-writeback.c).
 *
 * Linux 2.6: include/linux/writeback.h.
 * Dirty buffers do not stay in memory forever: every
 * dirty_writeback_centisecs a timer hands wb_kupdate() to an idle pdflush
 * thread, which writes the buffers dirty for longer than
 * dirty_expire_centisecs; when dirty buffers pass dirty_background_ratio
 * percent of memory, a pdflush thread writes the oldest until they are
 * below it again.  sync_all() writes everything and waits.  All three
 * tunables are boot options (bad values are warned about and ignored)
 * and files of /proc/sys/vm (kernel/sysctl.c).
 */
#ifndef _WRITEBACK_H
#define _WRITEBACK_H

#include <types.h>

#define MIN_PDFLUSH_THREADS	2	/* as Linux 2.6 (which grows to 8) */
#define MAX_WRITEBACK_PAGES	1024	/* buffers per writeback chunk */
#define DIRTY_CENTISECS_MAX	(60 * 60 * 100)	/* an hour at most */

/* mm/page-writeback.c: the tunables, with Linux 2.6's defaults */
extern unsigned int dirty_writeback_centisecs;	/* 500: every 5 s */
extern unsigned int dirty_expire_centisecs;	/* 3000: older than 30 s */
extern unsigned int dirty_background_ratio;	/* 10: percent of memory */
extern unsigned int vm_dirty_ratio;		/* 40: writers wait above */

/* What writeback has done since boot (show_mem, the tests). */
/* Bumped with stat_add(): the pdflush threads run on any CPU. */
struct writeback_stats {
	unsigned long kupdate_runs;	/* periodic wb_kupdate() runs */
	unsigned long kupdate_written;	/* ...buffers they wrote */
	unsigned long background_runs;	/* background_writeout() runs */
	unsigned long background_written; /* ...buffers they wrote */
	unsigned long syncs;		/* sync_all() calls */
	unsigned long sync_written;	/* ...buffers they wrote */
	unsigned long pages_written;	/* file pages whose write began */
	unsigned long nr_dirty_throttled; /* balance_dirty_pages() waits */
	unsigned long throttle_written;	/* ...pages the writers wrote */
};

extern struct writeback_stats wb_stats;

/* mm/page-writeback.c */
void page_writeback_init(void);
void balance_dirty_buffers(void);
void wakeup_pdflush(unsigned long nr_pages);
unsigned long background_thresh(void);
int sync_all(void);

/* mm/page-writeback.c: file pages */
struct writeback_control;
unsigned long dirty_thresh(void);
void congestion_wait(void);
void writeback_done(void);
void inc_page_dirty(void);
void dec_page_dirty(void);
void inc_page_writeback(void);
void dec_page_writeback(void);

/* fs/fs-writeback.c */
struct inode;
struct super_block;
void __mark_inode_dirty(struct inode *inode);
void writeback_inodes(struct writeback_control *wbc);
void sync_inodes_sb(struct super_block *sb);
int write_inode_now(struct inode *inode);
void inode_wb_forget(struct inode *inode);

/* mm/pdflush.c */
int pdflush_operation(void (*fn)(unsigned long), unsigned long arg0);
void pdflush_init(void);

#endif /* _WRITEBACK_H */
