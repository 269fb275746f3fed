/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/poll.h - the driver's side of poll(2): poll_wait().
 *
 * Linux 2.6: include/linux/poll.h.  A file's ->poll() method (struct
 * file_operations) does two things: it calls poll_wait() on every wait
 * queue that is woken when its readiness changes, and it returns the
 * POLL* bits true now (struct pollfd and the bits: <uapi/kt26_fs.h>).
 * poll_wait() hands the queue to the poll_table's qproc -- fs/select.c's
 * __pollwait(), which queues the polling task there -- or does nothing
 * when the table is NULL: sys_poll() passes a table only on its first
 * look at the files, and after that asks ->poll() just for the bits.
 */
#ifndef _POLL_H
#define _POLL_H

#include <file.h>
#include <uapi/kt26_fs.h>
#include <wait.h>

typedef struct poll_table_struct {
	void (*qproc)(struct file *f, wait_queue_head_t *q,
		      struct poll_table_struct *pt);
} poll_table;

static inline void poll_wait(struct file *f, wait_queue_head_t *q,
			     poll_table *pt)
{
	if (pt && q)
		pt->qproc(f, q, pt);
}

/* A file without ->poll() (a regular file, /proc): never blocks. */
#define DEFAULT_POLLMASK (POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM)

#endif /* _POLL_H */
