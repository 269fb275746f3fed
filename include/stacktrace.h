/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/stacktrace.h - walking kernel stacks (arch/x86/dumpstack.c).
 *
 * Linux 2.6: arch/i386/kernel/traps.c (print_context_stack).
 * Kernel code is built with frame pointers: every frame starts with the
 * caller's ebp followed by the return address, so [ebp] -> previous
 * frame, [ebp + 4] -> where it returns.  The walk only follows frames that
 * lie inside the task's own stack and move strictly upwards, so a
 * corrupt chain ends the trace instead of faulting.
 */
#ifndef _STACKTRACE_H
#define _STACKTRACE_H

#include <asm/thread_info.h>

#define STACKTRACE_MAX_DEPTH	64

typedef void (*stack_fn_t)(void *data, unsigned long return_address);

struct task_struct;

/* arch/x86/switch_to.asm: where a switched-out task resumes */
void thread_return(void);

/* arch/x86/dumpstack.c */
int sprint_task_stack(struct task_struct *p, char *buf, int len);
void show_task_stack(struct task_struct *p);
int walk_stack(struct thread_info *ti, unsigned long ebp, stack_fn_t fn,
	       void *data);
void show_trace(struct thread_info *ti, unsigned long ebp);
unsigned long get_wchan(struct task_struct *p);

#endif /* _STACKTRACE_H */
