/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/blkdev.h - disks and their request queues (block/, drivers/ata.c).
 *
 * Linux 2.6: include/linux/blkdev.h, include/linux/elevator.h,
 * include/linux/genhd.h.
 * A disk is a struct block_device: a name ("hda"), a size in 512-byte
 * sectors, and a request queue.  The buffer cache (include/buffer_head.h)
 * hands buffers to generic_make_request(), which merges each one into a
 * pending request or makes a new one; the elevator (block/elevator.c)
 * keeps the pending requests in the order the disk head will sweep them.
 * While a queue is "plugged" the driver is not called, so that requests
 * arriving close together can be merged first; kblockd/N (the worker of
 * the CPU that asked) unplugs it and runs the driver's request_fn.  The
 * driver finishes a request from its interrupt with blk_complete_request();
 * BLOCK_SOFTIRQ then ends each buffer (waking its waiters) and starts the
 * next request.
 * docs/memory-daemons.md follows one buffer through all of it.
 */
#ifndef _BLKDEV_H
#define _BLKDEV_H

#include <kdev_t.h>
#include <list.h>
#include <spinlock.h>
#include <timer.h>
#include <types.h>
#include <wait.h>
#include <workqueue.h>

typedef u32 sector_t;		/* a 512-byte sector number (LBA28 fits) */

#define SECTOR_SHIFT	9	/* 512-byte sectors */
#define SECTOR_SIZE	(1U << SECTOR_SHIFT)

/* The direction of a transfer (Linux's READ/WRITE) */
#define READ		0
#define WRITE		1

#define BLKDEV_MAX_RQ	64	/* requests per queue (Linux: 128) */
#define BLK_MAX_SECTORS	128	/* sectors per request: 64 KiB, 16 buffers */
#define BLK_UNPLUG_THRESH 4	/* pending requests that unplug at once */
#define BLK_UNPLUG_DELAY_MS 3	/* a plugged queue waits this long (Linux) */

struct buffer_head;
struct request_queue;

/*
 * One transfer the driver performs with one command: adjacent buffers of
 * one direction, in sector order, linked through bh->b_reqnext.
 */
struct request {
	struct list_head queuelist;	/* pending, free or done list */
	int cmd;			/* READ or WRITE */
	sector_t sector;		/* first sector */
	unsigned long nr_sectors;	/* sectors, all buffers together */
	struct buffer_head *bh;		/* first buffer */
	struct buffer_head *bhtail;	/* last buffer */
	unsigned int nr_bhs;		/* buffers, at most 32 (failed) */
	unsigned long failed;		/* bit i: the i-th buffer failed */
	struct request_queue *q;
};

/* Called with q->queue_lock held and interrupts off: start requests. */
typedef void (request_fn_proc)(struct request_queue *q);

/* What a queue has done since boot (show_mem, the tests). */
struct blk_queue_stats {
	unsigned long bhs[2];		/* buffers submitted, READ/WRITE */
	unsigned long done[2];		/* ...and ended: the rest in flight */
	unsigned long requests[2];	/* requests made */
	unsigned long merges[2];	/* buffers merged into a request */
	unsigned long dispatched[2];	/* requests handed to the driver */
	unsigned long sectors[2];	/* sectors transferred */
	unsigned long errors;		/* buffers ended with an error */
	unsigned long unplug_timer;	/* unplugs by the 3 ms timer */
	unsigned long unplug_thresh;	/* unplugs at BLK_UNPLUG_THRESH */
	unsigned long unplug_wait;	/* unplugs for a waiting task */
	unsigned long unplug_runs;	/* unplugs kblockd carried out */
};

struct request_queue {
	/* queue_lock, interrupts off (the driver's interrupt takes it): */
	spinlock_t queue_lock;
	struct list_head queue_head;	/* pending requests, elevator order */
	unsigned int nr_pending;
	sector_t head_sector;		/* where the last dispatch ended */
	bool plugged;			/* the driver waits for an unplug */
	struct list_head free_list;	/* unused requests of pool[] */
	struct blk_queue_stats stats;

	/* Set up once by blk_init_queue(): */
	request_fn_proc *request_fn;
	void *queuedata;		/* the driver's */
	struct timer_list unplug_timer;	/* fires unplug_delay after plug */
	struct work_struct unplug_work;	/* what kblockd/N runs */
	unsigned long unplug_delay;	/* jiffies */
	wait_queue_head_t wait_for_requests; /* pool[] is empty */
	struct request pool[BLKDEV_MAX_RQ];
};

#define IDE0_MAJOR	3	/* hda: minor 0 the disk, 1-4 its partitions */
#define BDEVNAME_SIZE	8	/* "hda1" and its NUL, with room */

/*
 * A disk, or a partition of one.  Linux 2.6 splits this into struct
 * gendisk (the disk, with its partitions' struct hd_struct: start and
 * size) and struct block_device (an opened disk or partition); here one
 * structure serves for all three.  A partition shares its disk's queue:
 * generic_make_request() moves each of its buffers by start_sect onto
 * the disk (blk_partition_remap()).  Neither a disk nor a partition ever
 * goes away, so nobody counts references to them.
 */
struct block_device {
	char name[BDEVNAME_SIZE];	/* "hda", "hda1" */
	dev_t bd_dev;			/* MKDEV(IDE0_MAJOR, minor) */
	sector_t start_sect;		/* a partition's first sector; 0 */
	sector_t nr_sectors;		/* size in 512-byte sectors */
	int partno;			/* 1-4: its MBR slot; 0: a disk */
	struct block_device *bd_contains; /* the disk (itself for a disk) */
	struct request_queue *queue;	/* the disk's */
	struct list_head list;		/* on all_bdevs */
	/* bdev_lock (block/blkdev_file.c): */
	void *bd_holder;		/* who claimed it (a mounted fs type) */
	int bd_holders;			/* claims by bd_holder */
};

/* block/ll_rw_blk.c */
void blk_dev_init(void);
struct request_queue *blk_init_queue(request_fn_proc *rfn, void *queuedata);
void add_disk(struct block_device *bdev);
void add_partition(struct block_device *part);
struct block_device *lookup_bdev(const char *name);
struct block_device *bdget(dev_t dev);
int show_partitions(char *buf, int len);
int generic_make_request(int rw, struct buffer_head *bh);
void blk_run_queue_async(struct request_queue *q);
void blk_complete_request(struct request *rq);
int kblockd_schedule_work(struct work_struct *work);
struct task_struct *kblockd_thread(int cpu);

/* block/blkdev_file.c */
struct file;
struct file *blkdev_open_file(const char *name, int flags);
int blkdev_file_open(struct file *f, struct block_device *bdev);
struct block_device *open_bdev_excl(const char *path, int flags,
				    void *holder);
void close_bdev_excl(struct block_device *bdev);

/* block/elevator.c */
struct request *elv_merge(struct request_queue *q, int rw, sector_t sector,
			  unsigned long nr_sectors, bool *front);
void elv_merge_requests(struct request_queue *q, struct request *rq);
void elv_add_request(struct request_queue *q, struct request *rq);
struct request *elv_next_request(struct request_queue *q);
void blkdev_dequeue_request(struct request *rq);

#endif /* _BLKDEV_H */
