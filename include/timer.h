/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/timer.h - kernel timers and sleeping for a time
 * (kernel/timer.c).
 *
 * Linux 2.6: include/linux/timer.h.
 * A timer_list calls function(data) once jiffies reaches expires, in
 * softirq context (it must not sleep).  schedule_timeout() puts the
 * current task to sleep with such a timer as its alarm clock; msleep()
 * and msleep_interruptible() are built on it.
 */
#ifndef _TIMER_H
#define _TIMER_H

#include <list.h>
#include <time.h>

struct timer_base;

struct timer_list {
	struct list_head entry;		/* on the pending list, by expires */
	unsigned long expires;		/* jiffies when it fires */
	void (*function)(unsigned long data);
	unsigned long data;
	bool pending;
	struct timer_base *base;	/* the CPU's list it is on or ran on */
};

#define MAX_SCHEDULE_TIMEOUT	((long)(~0UL >> 1))

/* kernel/timer.c: the timer's base is this CPU's until it is queued */
void init_timer(struct timer_list *timer);

static inline void setup_timer(struct timer_list *timer,
			       void (*function)(unsigned long),
			       unsigned long data)
{
	init_timer(timer);
	timer->function = function;
	timer->data = data;
}

static inline bool timer_pending(const struct timer_list *timer)
{
	return READ_ONCE(timer->pending);
}

/* kernel/timer.c */
void init_timers(void);
void add_timer(struct timer_list *timer);
int mod_timer(struct timer_list *timer, unsigned long expires);
int del_timer(struct timer_list *timer);
int del_timer_sync(struct timer_list *timer);
void update_process_times(int user_tick);
long schedule_timeout(long timeout);
long schedule_timeout_interruptible(long timeout);
long schedule_timeout_uninterruptible(long timeout);
void msleep(unsigned int msecs);
unsigned long msleep_interruptible(unsigned int msecs);

#endif /* _TIMER_H */
