/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/percpu.h - per-CPU variables and the current CPU number.
 *
 * Linux 2.6: include/asm-generic/percpu.h, include/linux/smp.h.
 * A per-CPU variable is an array with one slot per CPU; code names the
 * slot through per_cpu(var, cpu) or this_cpu(var) and never assumes
 * there is only one.  Today CPU 0 is the only one running; the run queue,
 * the idle task, the TSS and the softirq bits already live here, so SMP
 * start-up will not change their users.
 */
#ifndef _PERCPU_H
#define _PERCPU_H

#include <asm/thread_info.h>
#include <param.h>

#define DEFINE_PER_CPU(type, name)  __typeof__(type) per_cpu__##name[NR_CPUS]
#define DECLARE_PER_CPU(type, name) extern __typeof__(type) per_cpu__##name[NR_CPUS]

#define per_cpu(var, cpu)	(per_cpu__##var[(cpu)])
#define this_cpu(var)		per_cpu(var, smp_processor_id())

/*
 * The CPU we run on, from thread_info: correct as long as the caller
 * cannot migrate (preemption off, or a per-CPU thread).
 */
static inline unsigned int smp_processor_id(void)
{
	return current_thread_info()->cpu;
}

#define for_each_online_cpu(cpu) for ((cpu) = 0; (cpu) < num_online_cpus(); (cpu)++)

static inline unsigned int num_online_cpus(void)
{
	return 1;
}

#endif /* _PERCPU_H */
