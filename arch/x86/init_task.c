// SPDX-License-Identifier: GPL-2.0
/*
 * arch/x86/init_task.c - process 0's statically allocated structures.
 *
 * Linux 2.6: arch/i386/kernel/init_task.c, include/linux/init_task.h.
 * Every other task is allocated by do_fork(); process 0 exists before
 * any allocator, so its task_struct and its thread_union are static.
 * init_thread_union is the boot stack (boot/head.asm points esp at its
 * top) and lives in its own section, aligned to THREAD_SIZE by
 * linker.ld, so that esp masking finds its thread_info like any task's.
 */
#include <sched.h>

/*
 * preempt_count starts at 1: nothing may preempt process 0 until the
 * scheduler is ready to run something else.
 */
union thread_union init_thread_union __section(".data..init_task") = {
	.thread_info = {
		.task = &init_task,
		.cpu = 0,
		.preempt_count = 1,
	},
};

struct task_struct init_task = {
	.thread_info = &init_thread_union.thread_info,
	.pid = 0,
	.comm = "swapper/0",
};
