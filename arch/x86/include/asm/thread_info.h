/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/x86/include/asm/thread_info.h - the low-level per-task data under
 * the stack.
 *
 * Linux 2.6: include/asm-i386/thread_info.h.
 * Every task owns an 8 KiB, 8 KiB-aligned block: struct thread_info at the
 * bottom, the kernel stack growing down from the top.  Masking esp with
 * ~(THREAD_SIZE - 1) therefore finds thread_info from any kernel code
 * in one instruction, and thread_info->task is `current`.  Offsets are
 * mirrored in arch/x86/asm-offsets.inc for the entry code.
 */
#ifndef _ASM_THREAD_INFO_H
#define _ASM_THREAD_INFO_H

#include <compiler.h>
#include <param.h>
#include <types.h>

struct task_struct;

struct thread_info {
	struct task_struct *task;	/* main task structure */
	unsigned long flags;		/* TIF_* bits below, atomic */
	unsigned int cpu;		/* CPU this task runs on */
	int preempt_count;		/* 0: preemptible; see include/preempt.h */
};

/* thread_info->flags */
#define TIF_SIGPENDING		2	/* a signal is pending */
#define TIF_NEED_RESCHED	3	/* schedule() at the next chance */

#define _TIF_SIGPENDING		(1UL << TIF_SIGPENDING)
#define _TIF_NEED_RESCHED	(1UL << TIF_NEED_RESCHED)
/* Work to do before returning to user mode. */
#define _TIF_WORK_MASK		(_TIF_SIGPENDING | _TIF_NEED_RESCHED)

union thread_union {
	struct thread_info thread_info;
	unsigned long stack[THREAD_SIZE / sizeof(long)];
};

/* arch/x86/init_task.c: process 0's, the boot stack (boot/head.asm) */
extern union thread_union init_thread_union;

static inline struct thread_info *current_thread_info(void)
{
	unsigned long esp;

	__asm__("movl %%esp, %0" : "=r"(esp));
	return (struct thread_info *)(esp & ~(THREAD_SIZE - 1UL));
}

static inline void set_ti_thread_flag(struct thread_info *ti, int flag)
{
	__asm__ __volatile__("lock; btsl %1, %0"
			     : "+m"(ti->flags) : "Ir"(flag) : "memory");
}

static inline void clear_ti_thread_flag(struct thread_info *ti, int flag)
{
	__asm__ __volatile__("lock; btrl %1, %0"
			     : "+m"(ti->flags) : "Ir"(flag) : "memory");
}

static inline bool test_ti_thread_flag(struct thread_info *ti, int flag)
{
	return (READ_ONCE(ti->flags) >> flag) & 1;
}

#endif /* _ASM_THREAD_INFO_H */
