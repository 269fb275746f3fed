/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/sched.h - the task: struct task_struct and `current`.
 *
 * Linux 2.6: include/linux/sched.h.
 */
#ifndef _SCHED_H
#define _SCHED_H

#include <asm/thread_info.h>
#include <types.h>

#define TASK_COMM_LEN	16

struct task_struct {
	struct thread_info *thread_info;	/* its stack and low-level flags */
	pid_t pid;
	char comm[TASK_COMM_LEN];		/* name, without the path */
};

/* Process 0, statically built (arch/x86/init_task.c). */
extern struct task_struct init_task;

#define current (current_thread_info()->task)

#endif /* _SCHED_H */
