/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tests/unit/host/sched.h - the little of the task that mm/page_alloc.c
 * asks about, for the host build: current->flags (PF_MEMALLOC),
 * current->make_it_fail (fault injection's task filter) and
 * in_interrupt().  The tests set host_task.flags to play kswapd.
 */
#ifndef _SCHED_H
#define _SCHED_H

struct task_struct {
	unsigned long flags;
	int make_it_fail;	/* fault injection's task filter */
};

extern struct task_struct host_task;

#define current		(&host_task)
#define PF_MEMALLOC	0x00000800	/* as in include/sched.h */
#define in_interrupt()	0

#endif /* _SCHED_H */
