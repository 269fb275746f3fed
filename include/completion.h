/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/completion.h - "wait until this is done" (sched/completion.c).
 *
 * Linux 2.6: include/linux/completion.h, kernel/sched.c.
 * A counter of completions plus a wait queue: complete() adds one and
 * wakes one waiter, wait_for_completion() sleeps until the counter is
 * positive and takes one.  Unlike a bare wait queue it remembers a
 * complete() that happened before anyone waited.  kthread_create() uses
 * one to wait for the new thread, kthread_stop() to wait for its exit.
 */
#ifndef _COMPLETION_H
#define _COMPLETION_H

#include <wait.h>

struct completion {
	unsigned int done;
	wait_queue_head_t wait;
};

#define COMPLETION_INITIALIZER(work) \
	{ 0, __WAIT_QUEUE_HEAD_INITIALIZER((work).wait) }
#define DECLARE_COMPLETION(work) \
	struct completion work = COMPLETION_INITIALIZER(work)

static inline void init_completion(struct completion *x)
{
	x->done = 0;
	init_waitqueue_head(&x->wait);
}

/* sched/completion.c */
void complete(struct completion *x);
void complete_all(struct completion *x);
void wait_for_completion(struct completion *x);
unsigned long wait_for_completion_timeout(struct completion *x,
					  unsigned long timeout);

#endif /* _COMPLETION_H */
