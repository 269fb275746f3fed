/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/percpu.h - per-CPU variables and the current CPU number.
 *
 * Linux 2.6: include/asm-generic/percpu.h, include/linux/smp.h,
 * lib/smp_processor_id.c.
 * A per-CPU variable is an array with one slot per possible CPU; code
 * names a slot through per_cpu(var, cpu), or its own CPU's through
 * __get_cpu_var(var).  Its own CPU is only its own while it cannot
 * migrate: preemption or interrupts off, or a task bound to one CPU.
 * smp_processor_id() checks that (debug_smp_processor_id(), in every
 * build); raw_smp_processor_id() is for the few callers that know a
 * stale answer is harmless.
 */
#ifndef _PERCPU_H
#define _PERCPU_H

#include <asm/thread_info.h>
#include <cpumask.h>
#include <param.h>

#define DEFINE_PER_CPU(type, name)  __typeof__(type) per_cpu__##name[NR_CPUS]
#define DECLARE_PER_CPU(type, name) extern __typeof__(type) per_cpu__##name[NR_CPUS]

#define per_cpu(var, cpu)	(per_cpu__##var[(cpu)])
#define __get_cpu_var(var)	per_cpu(var, smp_processor_id())

/* The CPU we run on, from thread_info (set_task_cpu() keeps it). */
static __always_inline unsigned int raw_smp_processor_id(void)
{
	return current_thread_info()->cpu;
}

unsigned int debug_smp_processor_id(void);
extern unsigned long smp_processor_id_bugs;	/* misuses since boot */
#define smp_processor_id()	debug_smp_processor_id()

#endif /* _PERCPU_H */
