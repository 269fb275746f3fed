// SPDX-License-Identifier: GPL-2.0
/*
 * block/elevator.c - the elevator: pending requests in sweep order, and
 * merging.
 *
 * Linux 2.6: block/elevator.c is a framework for the noop, deadline,
 * anticipatory and CFQ schedulers; this one elevator is closest to 2.4's
 * "Linus elevator" (drivers/block/elevator.c): one sorted list, merging
 * at both ends of a request.
 * A disk head that moves as little as possible serves requests in
 * sector order.  The queue is kept in one-way sweep order (C-LOOK):
 * first the requests at or past the head (where the last dispatched
 * request ended), ascending, then those behind it, ascending; the head
 * sweeps up, then jumps back once.  Unlike a plain sort, a stream of
 * requests just past the head cannot starve those behind it forever:
 * they wait at most one sweep.  A buffer next to a pending request of the
 * same direction joins it ("back merge" at its end, "front merge" at its
 * start), so adjacent buffers go to the disk as one command.
 * All functions run with q->queue_lock held.  Next: block/ll_rw_blk.c.
 */
#include <blkdev.h>
#include <buffer_head.h>
#include <kernel.h>
#include <sched.h>

/* Sweep position of @sector: behind the head sorts after all ahead. */
static u64 elv_key(struct request_queue *q, sector_t sector)
{
	if (sector >= q->head_sector)
		return sector;
	return sector + (1ULL << 32);
}

/**
 * elv_merge - find a pending request @sector can join
 * @q: the queue (queue_lock held)
 * @rw: READ or WRITE: only requests of the same direction merge
 * @sector: first sector of the new buffer
 * @nr_sectors: its length
 * @front: set to true for a front merge (the buffer goes before the
 *         request), false for a back merge
 *
 * Return: the request, or NULL if none is adjacent or the merge would
 * make it longer than BLK_MAX_SECTORS.
 */
struct request *elv_merge(struct request_queue *q, int rw, sector_t sector,
			  unsigned long nr_sectors, bool *front)
{
	struct request *rq;

	assert_spin_locked_by_current(&q->queue_lock);
	list_for_each_entry(rq, &q->queue_head, queuelist) {
		if (rq->cmd != rw ||
		    rq->nr_sectors + nr_sectors > BLK_MAX_SECTORS)
			continue;
		if (rq->sector + rq->nr_sectors == sector) {
			*front = false;
			return rq;
		}
		if (sector + nr_sectors == rq->sector) {
			*front = true;
			return rq;
		}
	}
	return NULL;
}

/* Append @next's buffers to @rq and give @next back to the pool. */
static void merge_two(struct request_queue *q, struct request *rq,
		      struct request *next)
{
	rq->bhtail->b_reqnext = next->bh;
	rq->bhtail = next->bhtail;
	rq->nr_sectors += next->nr_sectors;
	rq->nr_bhs += next->nr_bhs;
	q->stats.merges[rq->cmd] += next->nr_bhs;
	list_del_init(&next->queuelist);
	q->nr_pending--;
	list_add(&next->queuelist, &q->free_list);
	wake_up(&q->wait_for_requests);
}

static bool can_merge(struct request *rq, struct request *next)
{
	return rq->cmd == next->cmd &&
	       rq->sector + rq->nr_sectors == next->sector &&
	       rq->nr_sectors + next->nr_sectors <= BLK_MAX_SECTORS;
}

/**
 * elv_merge_requests - @rq grew: re-sort it and join it with a neighbour
 * @q: the queue (queue_lock held)
 * @rq: a pending request that a buffer was just merged into
 *
 * Writing blocks 0, 2, then 1 first makes two requests; block 1 fills
 * the gap, and the two become one.
 */
void elv_merge_requests(struct request_queue *q, struct request *rq)
{
	struct request *prev, *next;

	assert_spin_locked_by_current(&q->queue_lock);
	/* A front merge may move it past the head: place it again. */
	list_del_init(&rq->queuelist);
	q->nr_pending--;
	elv_add_request(q, rq);

	if (rq->queuelist.prev != &q->queue_head) {
		prev = list_entry(rq->queuelist.prev, struct request,
				  queuelist);
		if (can_merge(prev, rq)) {
			merge_two(q, prev, rq);
			rq = prev;
		}
	}
	if (rq->queuelist.next != &q->queue_head) {
		next = list_entry(rq->queuelist.next, struct request,
				  queuelist);
		if (can_merge(rq, next))
			merge_two(q, rq, next);
	}
}

/**
 * elv_add_request - queue a new request in sweep order
 * @q: the queue (queue_lock held)
 * @rq: the request
 */
void elv_add_request(struct request_queue *q, struct request *rq)
{
	u64 key = elv_key(q, rq->sector);
	struct request *pos;

	assert_spin_locked_by_current(&q->queue_lock);
	list_for_each_entry(pos, &q->queue_head, queuelist)
		if (elv_key(q, pos->sector) > key)
			break;
	/* Before pos; at the tail if the walk ended at the head. */
	list_add_tail(&rq->queuelist, &pos->queuelist);
	q->nr_pending++;
}

/**
 * elv_next_request - the request the driver should start next
 * @q: the queue (queue_lock held)
 *
 * Return: the first request in sweep order, still queued, or NULL.
 */
struct request *elv_next_request(struct request_queue *q)
{
	assert_spin_locked_by_current(&q->queue_lock);
	if (list_empty(&q->queue_head))
		return NULL;
	return list_first_entry(&q->queue_head, struct request, queuelist);
}

/**
 * blkdev_dequeue_request - the driver takes @rq off the queue to start it
 * @rq: what elv_next_request() returned (queue_lock held)
 *
 * The head moves to the end of @rq: the sweep goes on from there.
 */
void blkdev_dequeue_request(struct request *rq)
{
	struct request_queue *q = rq->q;

	assert_spin_locked_by_current(&q->queue_lock);
	list_del_init(&rq->queuelist);
	q->nr_pending--;
	q->head_sector = rq->sector + rq->nr_sectors;
	q->stats.dispatched[rq->cmd]++;
}
