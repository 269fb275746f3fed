/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/kthread.h - creating and stopping kernel threads
 * (kernel/kthread.c).
 *
 * Linux 2.6: include/linux/kthread.h.
 *
 *	struct task_struct *tsk = kthread_run(my_fn, data, "mythread/%d", n);
 *	if (IS_ERR(tsk))
 *		return PTR_ERR(tsk);
 *	...
 *	ret = kthread_stop(tsk);	   // my_fn's return value
 *
 * my_fn loops until kthread_should_stop(), sleeping in between.  A
 * per-CPU thread is kthread_create()d, kthread_bind()ed to its CPU, and
 * only then woken with wake_up_process().  @data
 * must outlive the thread (it may start after the creator returns): not
 * a local variable of the creator.
 */
#ifndef _KTHREAD_H
#define _KTHREAD_H

#include <compiler.h>
#include <errno.h>
#include <sched.h>

/* kernel/kthread.c */
extern struct task_struct *kthreadd_task;
int kthreadd(void *unused);
struct task_struct *kthread_create(int (*threadfn)(void *data), void *data,
				   const char *namefmt, ...) __printf(3, 4);
void kthread_bind(struct task_struct *k, unsigned int cpu);
void kthread_boot_done(void);
int kthread_stop(struct task_struct *k);
bool kthread_should_stop(void);

/* Create and start at once. */
#define kthread_run(threadfn, data, namefmt, ...)			\
	({								\
		struct task_struct *__k = kthread_create(threadfn, data,	\
						namefmt, ##__VA_ARGS__); \
		if (!IS_ERR(__k))					\
			wake_up_process(__k);				\
		__k;							\
	})

#endif /* _KTHREAD_H */
