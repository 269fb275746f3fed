// SPDX-License-Identifier: GPL-2.0
/*
 * block/ll_rw_blk.c - request queues: merging, plugging, kblockd, and
 * completion through BLOCK_SOFTIRQ.
 *
 * Linux 2.6: drivers/block/ll_rw_blk.c (2.6.11; block/ll_rw_blk.c from
 * 2.6.15), blk_done_softirq() from 2.6.16.
 * generic_make_request() turns a buffer into disk work: the elevator
 * (block/elevator.c) either merges it into a pending request for the
 * neighbouring sectors or a new request joins the queue in sweep order.
 * A queue that was empty gets "plugged": the driver is left alone for
 * BLK_UNPLUG_DELAY_MS (or until BLK_UNPLUG_THRESH requests wait, or a
 * task waits for one of the buffers), so that a burst of adjacent
 * buffers becomes one command.  Unplugging is always kblockd's job: the
 * timer, the threshold and the waiter only queue q->unplug_work, and the
 * worker runs the driver's request_fn in process context.  kblockd is a
 * workqueue with one worker per CPU, kblockd/N, bound to CPU N: the unplug
 * runs on the CPU that asked for it (kblockd_schedule_work()), and the
 * work's pending bit keeps one queue's unplug from being queued on two
 * CPUs at once.  (Linux
 * 2.6 unplugs directly from the submitter for the threshold and the
 * waiter; routing every unplug through kblockd costs a switch and shows
 * kblockd at its work, "activating the block device driver":
 * Understanding the Linux Kernel, 3rd ed., chapter 14.)
 *
 * The driver's interrupt hands a finished request to
 * blk_complete_request(); BLOCK_SOFTIRQ ends its buffers, which wakes the
 * tasks waiting for them, and starts the next request unless the queue is
 * plugged.  Next: drivers/ata.c, the driver; mm/buffer.c, the callers.
 *
 * A partition (hda1, found by fs/partitions/check.c when the disk is
 * added) is a block_device of its own that shares the disk's queue: its
 * buffers are numbered from the partition's start, and
 * generic_make_request() checks each against the partition's size and
 * moves it onto the disk (blk_partition_remap()) before the elevator
 * sees it, so the elevator and the driver only ever deal in the disk's
 * sectors.
 */
#include <blkdev.h>
#include <buffer_head.h>
#include <genhd.h>
#include <interrupt.h>
#include <kernel.h>
#include <percpu.h>
#include <sched.h>
#include <slab.h>
#include <string.h>
#include <workqueue.h>

static struct workqueue_struct *kblockd_workqueue;

/*
 * Disks and partitions.  Interrupts off: the memory report looks up hda
 * from a magic key.
 */
static LIST_HEAD(all_bdevs);
static DEFINE_SPINLOCK(all_bdevs_lock);

/* Requests the driver finished, waiting for BLOCK_SOFTIRQ (irqs off). */
static DEFINE_PER_CPU(struct list_head, blk_cpu_done);

/**
 * kblockd_schedule_work - queue work for this CPU's kblockd
 * @work: the work (a queue's unplug_work)
 *
 * It runs in kblockd/N of the CPU this is called on (queue_work()).
 * Context: any.
 * Return: 1 if queued, 0 if it was already pending.
 */
int kblockd_schedule_work(struct work_struct *work)
{
	return queue_work(kblockd_workqueue, work);
}

/**
 * kblockd_thread - the kblockd worker of @cpu
 * @cpu: an online CPU
 *
 * Context: any, after blk_dev_init().
 * Return: kblockd/@cpu (for the tests).
 */
struct task_struct *kblockd_thread(int cpu)
{
	return workqueue_thread(kblockd_workqueue, cpu);
}

/* Keep the driver away from @q for a little while.  queue_lock held. */
static void blk_plug_device(struct request_queue *q)
{
	assert_spin_locked_by_current(&q->queue_lock);
	if (q->plugged)
		return;
	q->plugged = true;
	mod_timer(&q->unplug_timer, jiffies + q->unplug_delay);
}

/* Hand the unplug to this CPU's kblockd now.  queue_lock held. */
static void blk_unplug_now(struct request_queue *q)
{
	assert_spin_locked_by_current(&q->queue_lock);
	del_timer(&q->unplug_timer);
	kblockd_schedule_work(&q->unplug_work);
}

/* Runs in kblockd/N: remove the plug and let the driver start. */
static void blk_unplug_work(struct work_struct *work)
{
	struct request_queue *q = container_of(work, struct request_queue,
					       unplug_work);
	unsigned long flags;

	spin_lock_irqsave(&q->queue_lock, flags);
	q->plugged = false;
	del_timer(&q->unplug_timer);
	q->stats.unplug_runs++;
	q->request_fn(q);
	spin_unlock_irqrestore(&q->queue_lock, flags);
}

/* The plug timer (TIMER_SOFTIRQ): nobody unplugged; kblockd does. */
static void blk_unplug_timeout(unsigned long data)
{
	struct request_queue *q = (struct request_queue *)data;
	unsigned long flags;

	spin_lock_irqsave(&q->queue_lock, flags);
	q->stats.unplug_timer++;
	spin_unlock_irqrestore(&q->queue_lock, flags);
	kblockd_schedule_work(&q->unplug_work);
}

/**
 * blk_run_queue_async - a task is about to wait for I/O on @q: unplug now
 * @q: the queue
 *
 * Without this, a task reading one block would sleep through the whole
 * plug delay for nothing.  The unplug itself still happens in kblockd.
 * Context: any.
 */
void blk_run_queue_async(struct request_queue *q)
{
	unsigned long flags;

	spin_lock_irqsave(&q->queue_lock, flags);
	if (q->plugged) {
		q->stats.unplug_wait++;
		blk_unplug_now(q);
	}
	spin_unlock_irqrestore(&q->queue_lock, flags);
}

/*
 * Every request of the pool is in use: sleep until one comes back.
 * Called and returns with queue_lock held; drops it to sleep.
 */
static void wait_for_free_request(struct request_queue *q,
				  unsigned long *flags)
{
	assert_spin_locked_by_current(&q->queue_lock);
	/* Whatever fills the pool must get to the disk first. */
	if (q->plugged)
		blk_unplug_now(q);
	spin_unlock_irqrestore(&q->queue_lock, *flags);
	wait_event(q->wait_for_requests, !list_empty(&q->free_list));
	spin_lock_irqsave(&q->queue_lock, *flags);
}

/* Merge @bh into a pending request, or queue a new one for it. */
static void __make_request(struct request_queue *q, int rw,
			   struct buffer_head *bh)
{
	sector_t sector = bh->b_rsector;
	unsigned long flags;
	struct request *rq;
	bool front;

	spin_lock_irqsave(&q->queue_lock, flags);
	q->stats.bhs[rw]++;
	for (;;) {
		rq = elv_merge(q, rw, sector, BLOCK_SECTORS, &front);
		if (rq)
			goto merge;
		if (!list_empty(&q->free_list))
			break;
		/* Sleeping may let others queue or merge: look again. */
		wait_for_free_request(q, &flags);
	}

	rq = list_first_entry(&q->free_list, struct request, queuelist);
	list_del_init(&rq->queuelist);
	rq->cmd = rw;
	rq->sector = sector;
	rq->nr_sectors = BLOCK_SECTORS;
	rq->bh = rq->bhtail = bh;
	rq->nr_bhs = 1;
	rq->failed = 0;
	rq->q = q;
	bh->b_reqnext = NULL;
	q->stats.requests[rw]++;
	/* Linux 2.6: plug when the queue was empty, and wait for company. */
	if (list_empty(&q->queue_head))
		blk_plug_device(q);
	elv_add_request(q, rq);
	if (q->plugged && q->nr_pending >= BLK_UNPLUG_THRESH) {
		q->stats.unplug_thresh++;
		blk_unplug_now(q);
	}
	spin_unlock_irqrestore(&q->queue_lock, flags);
	return;

merge:
	if (front) {
		bh->b_reqnext = rq->bh;
		rq->bh = bh;
		rq->sector = sector;
	} else {
		bh->b_reqnext = NULL;
		rq->bhtail->b_reqnext = bh;
		rq->bhtail = bh;
	}
	rq->nr_sectors += BLOCK_SECTORS;
	rq->nr_bhs++;
	q->stats.merges[rw]++;
	/* The grown request may now touch its neighbour: one command. */
	elv_merge_requests(q, rq);
	spin_unlock_irqrestore(&q->queue_lock, flags);
}

/*
 * Linux 2.6: blk_partition_remap().  A buffer of a partition is numbered
 * from the partition's first sector; the disk's queue wants the disk's.
 */
static void blk_partition_remap(struct buffer_head *bh)
{
	bh->b_rsector = bh->b_blocknr * BLOCK_SECTORS +
			bh->b_bdev->start_sect;
}

/**
 * generic_make_request - hand a locked buffer to its disk's queue
 * @rw: READ or WRITE
 * @bh: the buffer: locked, b_bdev, b_blocknr and b_end_io set
 *
 * A block past the end of the disk or partition is refused here, as
 * Linux does ("attempt to access beyond end of device"): its b_end_io is
 * called at once with an error, and the queue never sees it.  So a
 * partition's buffers never reach the sectors of another.  The others
 * get their sector on the whole disk, bh->b_rsector.
 * Context: process, may sleep (waiting for a free request).
 * Return: 0 if queued, -EIO if refused (b_end_io has then already run).
 */
int generic_make_request(int rw, struct buffer_head *bh)
{
	struct block_device *bdev = bh->b_bdev;
	sector_t blocks = bdev->nr_sectors / BLOCK_SECTORS;

	might_sleep();
	if (bh->b_blocknr >= blocks) {
		printk(KERN_ERR "attempt to access beyond end of device\n");
		printk(KERN_ERR "%s: rw=%d, block=%lu, limit=%lu blocks\n",
		       bdev->name, rw, (unsigned long)bh->b_blocknr,
		       (unsigned long)blocks);
		bh->b_end_io(bh, 0);
		return -EIO;
	}
	blk_partition_remap(bh);
	__make_request(bdev->queue, rw, bh);
	return 0;
}

/**
 * blk_complete_request - the driver is done with @rq
 * @rq: a request taken with blkdev_dequeue_request(); rq->failed marks
 *      the buffers that failed
 *
 * The buffers are ended later, in BLOCK_SOFTIRQ: the interrupt handler
 * stays short.
 * Context: the driver's interrupt (or any context with interrupts off).
 */
void blk_complete_request(struct request *rq)
{
	BUG_ON(!irqs_disabled());
	list_add_tail(&rq->queuelist, &__get_cpu_var(blk_cpu_done));
	raise_softirq_irqoff(BLOCK_SOFTIRQ);
}

/* End each buffer of @rq: its b_end_io unlocks it and wakes waiters. */
static void end_request(struct request *rq)
{
	struct buffer_head *bh = rq->bh, *next;

	for (unsigned int i = 0; bh; i++, bh = next) {
		next = bh->b_reqnext;
		bh->b_reqnext = NULL;
		bh->b_end_io(bh, !(rq->failed & (1UL << i)));
	}
}

/* BLOCK_SOFTIRQ: end finished requests, recycle them, start the next. */
static void blk_done_softirq(struct softirq_action *h)
{
	LIST_HEAD(local);

	local_irq_disable();
	list_splice_tail_init(&__get_cpu_var(blk_cpu_done), &local);
	local_irq_enable();

	while (!list_empty(&local)) {
		struct request *rq = list_first_entry(&local, struct request,
						      queuelist);
		struct request_queue *q = rq->q;
		unsigned long flags;

		list_del_init(&rq->queuelist);
		end_request(rq);

		spin_lock_irqsave(&q->queue_lock, flags);
		q->stats.sectors[rq->cmd] += rq->nr_sectors;
		q->stats.done[rq->cmd] += rq->nr_bhs;
		for (unsigned int i = 0; i < rq->nr_bhs; i++)
			q->stats.errors += (rq->failed >> i) & 1;
		list_add(&rq->queuelist, &q->free_list);
		if (!q->plugged)
			q->request_fn(q);
		spin_unlock_irqrestore(&q->queue_lock, flags);
		wake_up(&q->wait_for_requests);
	}
}

/**
 * blk_init_queue - make a request queue for a driver
 * @rfn: the driver's request_fn: called with queue_lock held and
 *       interrupts off, it takes requests with elv_next_request() and
 *       blkdev_dequeue_request() and starts them
 * @queuedata: the driver's data, kept in q->queuedata
 *
 * Context: process, may sleep.
 * Return: the queue, or NULL without memory.
 */
struct request_queue *blk_init_queue(request_fn_proc *rfn, void *queuedata)
{
	struct request_queue *q = kzalloc(sizeof(*q), GFP_KERNEL);

	BUILD_BUG_ON(BLK_MAX_SECTORS / BLOCK_SECTORS > 8 * sizeof(long));
	if (!q)
		return NULL;
	spin_lock_init(&q->queue_lock);
	INIT_LIST_HEAD(&q->queue_head);
	INIT_LIST_HEAD(&q->free_list);
	for (int i = 0; i < BLKDEV_MAX_RQ; i++)
		list_add_tail(&q->pool[i].queuelist, &q->free_list);
	q->request_fn = rfn;
	q->queuedata = queuedata;
	setup_timer(&q->unplug_timer, blk_unplug_timeout, (unsigned long)q);
	INIT_WORK(&q->unplug_work, blk_unplug_work);
	q->unplug_delay = max(msecs_to_jiffies(BLK_UNPLUG_DELAY_MS), 1UL);
	init_waitqueue_head(&q->wait_for_requests);
	return q;
}

static void add_bdev(struct block_device *bdev)
{
	unsigned long flags;

	spin_lock_irqsave(&all_bdevs_lock, flags);
	list_add_tail(&bdev->list, &all_bdevs);
	spin_unlock_irqrestore(&all_bdevs_lock, flags);
}

/**
 * add_disk - make a disk known to lookup_bdev() and bdget(), and read
 *            its partition table
 * @bdev: the disk, with its name, bd_dev (minor 0), size and queue set
 *
 * Linux 2.6: add_disk() -> register_disk() -> rescan_partitions(): each
 * partition found becomes a block device of its own, minor 1, 2, ...
 * The disk is known at once; its table is read when a partition is
 * first looked for (rescan_partitions_later(); through the buffer
 * cache).
 * Context: process, may sleep.
 */
void add_disk(struct block_device *bdev)
{
	bdev->bd_contains = bdev;
	bdev->start_sect = 0;
	bdev->partno = 0;
	add_bdev(bdev);
	rescan_partitions_later(bdev);
}

/**
 * add_partition - make a partition known to lookup_bdev() and bdget()
 * @part: the partition: name, bd_dev, start_sect, nr_sectors, partno,
 *        bd_contains and queue (its disk's) set
 *
 * Context: process (fs/partitions/check.c: rescan_partitions()).
 */
void add_partition(struct block_device *part)
{
	add_bdev(part);
}

static struct block_device *__lookup_bdev(const char *name);
static struct block_device *__bdget(dev_t dev);

/**
 * lookup_bdev - find a disk or partition by name
 * @name: "hda", "hda1"
 *
 * A name not known while a partition table is still unread is looked
 * for again once the tables are read (read_partition_tables()).
 * Context: any for a known device; process, may sleep, for one not
 * known while a table is unread.
 * Return: the block device, or NULL if there is none of that name.
 */
struct block_device *lookup_bdev(const char *name)
{
	struct block_device *found = __lookup_bdev(name);

	if (!found && partition_scans_pending()) {
		read_partition_tables();
		found = __lookup_bdev(name);
	}
	return found;
}

/**
 * bdget - find a disk or partition by device number
 * @dev: MKDEV(IDE0_MAJOR, 1) for hda1
 *
 * Linux 2.6: bdget() finds or makes the block_device of a number; here
 * they are all made when the disk is added (its partitions when its
 * table is read: a number not known yet reads the unread tables first,
 * as in lookup_bdev()).
 * Context: any for a known device; process, may sleep, for one not
 * known while a table is unread.
 * Return: the block device, or NULL if no disk or partition has @dev.
 */
struct block_device *bdget(dev_t dev)
{
	struct block_device *found = __bdget(dev);

	if (!found && partition_scans_pending()) {
		read_partition_tables();
		found = __bdget(dev);
	}
	return found;
}

/* lookup_bdev() of the devices known now. */
static struct block_device *__lookup_bdev(const char *name)
{
	struct block_device *bdev, *found = NULL;
	unsigned long flags;

	spin_lock_irqsave(&all_bdevs_lock, flags);
	list_for_each_entry(bdev, &all_bdevs, list)
		if (!strcmp(bdev->name, name)) {
			found = bdev;
			break;
		}
	spin_unlock_irqrestore(&all_bdevs_lock, flags);
	return found;
}

/* bdget() of the devices known now. */
static struct block_device *__bdget(dev_t dev)
{
	struct block_device *bdev, *found = NULL;
	unsigned long flags;

	spin_lock_irqsave(&all_bdevs_lock, flags);
	list_for_each_entry(bdev, &all_bdevs, list)
		if (bdev->bd_dev == dev) {
			found = bdev;
			break;
		}
	spin_unlock_irqrestore(&all_bdevs_lock, flags);
	return found;
}

/**
 * show_partitions - the disks and partitions, as /proc/partitions shows
 *                   them
 * @buf: where to write
 * @len: room
 *
 * Linux 2.6: block/genhd.c: show_partition().  A header, an empty line,
 * then major, minor, size in 1 KiB blocks and name, one a line, in the
 * order they were added (a disk before its partitions).
 * The tables not read yet are read first.
 * Context: process, may sleep.
 * Return: bytes written (cut at @len).
 */
int show_partitions(char *buf, int len)
{
	struct block_device *bdev;
	unsigned long flags;
	int n;

	read_partition_tables();
	n = scnprintf(buf, len, "major minor  #blocks  name\n\n");
	spin_lock_irqsave(&all_bdevs_lock, flags);
	list_for_each_entry(bdev, &all_bdevs, list)
		n += scnprintf(buf + n, len - n, "%4u  %4u %10lu %s\n",
			       MAJOR(bdev->bd_dev), MINOR(bdev->bd_dev),
			       (unsigned long)bdev->nr_sectors / 2,
			       bdev->name);
	spin_unlock_irqrestore(&all_bdevs_lock, flags);
	return n;
}

/**
 * blk_dev_init - the block layer: kblockd/N and BLOCK_SOFTIRQ
 *
 * Linux 2.6: blk_dev_init() creates the "kblockd" workqueue, one worker
 * per online CPU, kblockd/0, kblockd/1, ...
 * Context: pid 1, boot, after init_workqueues().
 */
void blk_dev_init(void)
{
	unsigned int cpu;

	for_each_online_cpu(cpu)
		INIT_LIST_HEAD(&per_cpu(blk_cpu_done, cpu));
	open_softirq(BLOCK_SOFTIRQ, blk_done_softirq, NULL);
	kblockd_workqueue = create_workqueue("kblockd");
	if (!kblockd_workqueue)
		panic("blk_dev_init: cannot create kblockd");
}
