/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/init_task.h - the initialisers of process 0's structures.
 *
 * Linux 2.6: include/linux/init_task.h.
 * Process 0 is built before any allocator exists, so everything it
 * points at is static and initialised by these macros: its task_struct
 * (INIT_TASK), its thread_info (INIT_THREAD_INFO, at the bottom of
 * init_thread_union, the boot stack), and the tables it will share with
 * the first tasks it creates: init_mm (INIT_MM, on swapper_pg_dir),
 * init_fs, init_files, init_signals, init_sighand.
 */
#ifndef _INIT_TASK_H
#define _INIT_TASK_H

#include <resource.h>
#include <sched.h>

/* preempt_count 1: nothing may preempt process 0 until it idles. */
#define INIT_THREAD_INFO(tsk)						\
	{								\
		.task = &(tsk),						\
		.flags = 0,						\
		.cpu = 0,						\
		.preempt_count = 1,					\
	}

#define INIT_TASK(tsk)							\
	{								\
		.state = TASK_RUNNING,					\
		.thread_info = &init_thread_union.thread_info,		\
		.usage = ATOMIC_INIT(2),				\
		.flags = PF_KTHREAD,					\
		.prio = MAX_PRIO,					\
		.static_prio = NICE_TO_PRIO(0),				\
		.run_list = LIST_HEAD_INIT((tsk).run_list),		\
		.time_slice = HZ,					\
		.cpus_allowed = CPU_MASK_ALL,				\
		.tasks = LIST_HEAD_INIT((tsk).tasks),			\
		.pid = 0,						\
		.tgid = 0,						\
		.parent = &(tsk),					\
		.children = LIST_HEAD_INIT((tsk).children),		\
		.sibling = LIST_HEAD_INIT((tsk).sibling),		\
		.mm = NULL,						\
		.active_mm = &init_mm,					\
		.comm = "swapper/0",					\
		.thread = {						\
			.esp0 = (unsigned long)&init_thread_union +	\
				THREAD_SIZE,				\
		},							\
		.fs = &init_fs,						\
		.files = &init_files,					\
		.signal = &init_signals,				\
		.sighand = &init_sighand,				\
		.rlim = INIT_RLIMITS,					\
		.alloc_lock = __SPIN_LOCK_UNLOCKED,			\
	}

#endif /* _INIT_TASK_H */
