/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/hung_task.h - khungtaskd, the watchdog of tasks stuck in
 * TASK_UNINTERRUPTIBLE (kernel/hung_task.c).
 *
 * Linux 2.6: include/linux/sched.h (sysctl_hung_task_timeout_secs).
 */
#ifndef _HUNG_TASK_H
#define _HUNG_TASK_H

#define HUNG_TASK_TIMEOUT_MAX	(24 * 60 * 60UL)	/* a day */

/* Seconds a task may sit in D state unswitched; 0: no checks. */
extern unsigned long sysctl_hung_task_timeout_secs;
/* Walks of the task list done, and tasks reported, since boot. */
extern unsigned long hung_task_checks, hung_task_reports;

void hung_task_init(void);
void hung_task_timeout_changed(void);

#endif /* _HUNG_TASK_H */
