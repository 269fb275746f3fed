/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/trace.h - the scheduler trace (kernel/trace.c).
 *
 * trace=sched on the command line records every switch, wake-up, fork,
 * exit and rename with a TSC timestamp and the CPU it happened on in a
 * ring buffer that all CPUs share; trace_dump()
 * prints it on the console in the format tools/trace2perfetto.py reads
 * (docs/trace.md).  When tracing is off each hook costs one test.
 */
#ifndef _TRACE_H
#define _TRACE_H

#include <compiler.h>
#include <types.h>

struct task_struct;

/* kernel/trace.c */
extern bool trace_sched_enabled;
void trace_init(void);
void __trace_sched_switch(struct task_struct *prev, struct task_struct *next);
void __trace_sched_wakeup(struct task_struct *p);
void __trace_sched_fork(struct task_struct *parent, struct task_struct *child);
void __trace_sched_exit(struct task_struct *p, long code);
void __trace_sched_comm(struct task_struct *p);
long trace_dump(void);

#define TRACE_HOOK(call)			\
	do {					\
		if (unlikely(trace_sched_enabled))	\
			call;			\
	} while (0)

#define trace_sched_switch(prev, next) TRACE_HOOK(__trace_sched_switch(prev, next))
#define trace_sched_wakeup(p)	TRACE_HOOK(__trace_sched_wakeup(p))
#define trace_sched_fork(parent, child) TRACE_HOOK(__trace_sched_fork(parent, child))
#define trace_sched_exit(p, code) TRACE_HOOK(__trace_sched_exit(p, code))
#define trace_sched_comm(p)	TRACE_HOOK(__trace_sched_comm(p))

#endif /* _TRACE_H */
