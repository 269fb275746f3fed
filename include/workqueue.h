/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/workqueue.h - work done later by a kernel thread
 * (kernel/workqueue.c).
 *
 * Linux 2.6: include/linux/workqueue.h (the 2.6.20 interface, where the
 * function gets its work_struct and finds its data with container_of()).
 * Unlike softirqs and tasklets, work functions run in process context: in
 * a worker thread (events/N for the default queue, keventd), so they may
 * sleep, take mutexes, allocate with GFP_KERNEL.  A work runs on the CPU
 * that queued it (queue_work(), schedule_work()) or on the one named
 * (queue_work_on(), schedule_work_on()), in that CPU's worker.
 */
#ifndef _WORKQUEUE_H
#define _WORKQUEUE_H

#include <bitops.h>
#include <list.h>
#include <timer.h>

struct work_struct;
typedef void (*work_func_t)(struct work_struct *work);

struct work_struct {
	unsigned long pending;		/* bit 0: queued, not yet started */
	struct list_head entry;
	work_func_t func;
};

/* Work that is queued after a delay, by a timer. */
struct delayed_work {
	struct work_struct work;
	struct timer_list timer;
	struct workqueue_struct *wq;
};

#define WORK_STRUCT_PENDING 0

#define INIT_WORK(_work, _func)						\
	do {								\
		(_work)->pending = 0;					\
		INIT_LIST_HEAD(&(_work)->entry);			\
		(_work)->func = (_func);				\
	} while (0)

#define INIT_DELAYED_WORK(_dwork, _func)				\
	do {								\
		INIT_WORK(&(_dwork)->work, (_func));			\
		init_timer(&(_dwork)->timer);				\
	} while (0)

static inline struct delayed_work *to_delayed_work(struct work_struct *w)
{
	return container_of(w, struct delayed_work, work);
}

struct workqueue_struct;

/* kernel/workqueue.c */
struct workqueue_struct *__create_workqueue(const char *name,
					    bool singlethread);
#define create_workqueue(name)		   __create_workqueue(name, false)
#define create_singlethread_workqueue(name) __create_workqueue(name, true)
void destroy_workqueue(struct workqueue_struct *wq);
int queue_work(struct workqueue_struct *wq, struct work_struct *work);
int queue_work_on(int cpu, struct workqueue_struct *wq,
		  struct work_struct *work);
int queue_delayed_work(struct workqueue_struct *wq,
		       struct delayed_work *dwork, unsigned long delay);
int cancel_delayed_work(struct delayed_work *dwork);
void flush_workqueue(struct workqueue_struct *wq);
struct task_struct *workqueue_thread(struct workqueue_struct *wq, int cpu);

void init_workqueues(void);
int schedule_work(struct work_struct *work);
int schedule_work_on(int cpu, struct work_struct *work);
int schedule_delayed_work(struct delayed_work *dwork, unsigned long delay);
void flush_scheduled_work(void);
extern struct workqueue_struct *keventd_wq;

#endif /* _WORKQUEUE_H */
