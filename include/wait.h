/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/wait.h - wait queues: sleeping until something happens.
 *
 * Linux 2.6: include/linux/wait.h, kernel/wait.c (here sched/wait.c).
 * A wait queue head is a locked list of sleepers.  The sleeper's side:
 *
 *	DEFINE_WAIT(wait);
 *	for (;;) {
 *		prepare_to_wait(&wq, &wait, TASK_INTERRUPTIBLE);
 *		if (condition)
 *			break;
 *		schedule();
 *	}
 *	finish_wait(&wq, &wait);
 *
 * prepare_to_wait() queues the task and sets its state *before* the
 * condition is tested, so a wake_up() between the test and schedule()
 * sets the state back to TASK_RUNNING and schedule() returns at once:
 * no wake-up is lost.  The wait_event*() macros are this loop.  The waker
 * makes the condition true, then calls wake_up(&wq).
 */
#ifndef _WAIT_H
#define _WAIT_H

#include <list.h>
#include <spinlock.h>

struct task_struct;
typedef struct __wait_queue wait_queue_t;
typedef int (*wait_queue_func_t)(wait_queue_t *wait, unsigned int mode);

struct __wait_queue {
	unsigned int flags;
#define WQ_FLAG_EXCLUSIVE	0x01	/* wake only one of these */
	struct task_struct *task;
	wait_queue_func_t func;
	struct list_head task_list;
};

typedef struct {
	spinlock_t lock;
	struct list_head task_list;
} wait_queue_head_t;

#define __WAIT_QUEUE_HEAD_INITIALIZER(name) \
	{ __SPIN_LOCK_UNLOCKED, LIST_HEAD_INIT((name).task_list) }
#define DECLARE_WAIT_QUEUE_HEAD(name) \
	wait_queue_head_t name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

#define DEFINE_WAIT(name)						\
	wait_queue_t name = {						\
		.task = current,					\
		.func = autoremove_wake_function,			\
		.task_list = LIST_HEAD_INIT((name).task_list),		\
	}

/* sched/wait.c */
void init_waitqueue_head(wait_queue_head_t *q);
void add_wait_queue(wait_queue_head_t *q, wait_queue_t *wait);
void remove_wait_queue(wait_queue_head_t *q, wait_queue_t *wait);
void prepare_to_wait(wait_queue_head_t *q, wait_queue_t *wait, long state);
void prepare_to_wait_exclusive(wait_queue_head_t *q, wait_queue_t *wait,
			       long state);
void finish_wait(wait_queue_head_t *q, wait_queue_t *wait);
int autoremove_wake_function(wait_queue_t *wait, unsigned int mode);
int default_wake_function(wait_queue_t *wait, unsigned int mode);
void __wake_up(wait_queue_head_t *q, unsigned int mode, int nr_exclusive);
void __wake_up_locked(wait_queue_head_t *q, unsigned int mode,
		      int nr_exclusive);

static inline bool waitqueue_active(wait_queue_head_t *q)
{
	return !list_empty(&q->task_list);
}

#define wake_up(q)		__wake_up(q, TASK_NORMAL, 1)
#define wake_up_all(q)		__wake_up(q, TASK_NORMAL, 0)
#define wake_up_interruptible(q) __wake_up(q, TASK_INTERRUPTIBLE, 1)
#define wake_up_interruptible_all(q) __wake_up(q, TASK_INTERRUPTIBLE, 0)

/* Sleep until @condition; not interruptible by signals. */
#define wait_event(wq, condition)					\
	do {								\
		DEFINE_WAIT(__wait);					\
		if (condition)						\
			break;						\
		for (;;) {						\
			prepare_to_wait(&(wq), &__wait,			\
					TASK_UNINTERRUPTIBLE);		\
			if (condition)					\
				break;					\
			schedule();					\
		}							\
		finish_wait(&(wq), &__wait);				\
	} while (0)

/* Return: 0 once @condition holds, -ERESTARTSYS if a signal came first. */
#define wait_event_interruptible(wq, condition)				\
	({								\
		int __ret = 0;						\
		DEFINE_WAIT(__wait);					\
		if (!(condition)) {					\
			for (;;) {					\
				prepare_to_wait(&(wq), &__wait,		\
						TASK_INTERRUPTIBLE);	\
				if (condition)				\
					break;				\
				if (signal_pending(current)) {		\
					__ret = -ERESTARTSYS;		\
					break;				\
				}					\
				schedule();				\
			}						\
			finish_wait(&(wq), &__wait);			\
		}							\
		__ret;							\
	})

/* Return: 0 if @timeout jiffies passed first, else the jiffies left. */
#define wait_event_timeout(wq, condition, timeout)			\
	({								\
		long __ret = (timeout);					\
		DEFINE_WAIT(__wait);					\
		if (!(condition)) {					\
			for (;;) {					\
				prepare_to_wait(&(wq), &__wait,		\
						TASK_UNINTERRUPTIBLE);	\
				if (condition)				\
					break;				\
				__ret = schedule_timeout(__ret);	\
				if (!__ret)				\
					break;				\
			}						\
			finish_wait(&(wq), &__wait);			\
		}							\
		__ret;							\
	})

/*
 * Return: 0 if @timeout passed, -ERESTARTSYS on a signal, else the
 * jiffies left when @condition became true.
 */
#define wait_event_interruptible_timeout(wq, condition, timeout)	\
	({								\
		long __ret = (timeout);					\
		DEFINE_WAIT(__wait);					\
		if (!(condition)) {					\
			for (;;) {					\
				prepare_to_wait(&(wq), &__wait,		\
						TASK_INTERRUPTIBLE);	\
				if (condition)				\
					break;				\
				if (signal_pending(current)) {		\
					__ret = -ERESTARTSYS;		\
					break;				\
				}					\
				__ret = schedule_timeout(__ret);	\
				if (!__ret)				\
					break;				\
			}						\
			finish_wait(&(wq), &__wait);			\
		}							\
		__ret;							\
	})

#endif /* _WAIT_H */
