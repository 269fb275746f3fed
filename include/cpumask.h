/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/cpumask.h - sets of CPUs.
 *
 * Linux 2.6: include/linux/cpumask.h.
 * A cpumask_t has one bit per possible CPU (NR_CPUS, include/param.h).
 * It is a struct around the bitmap, not a bare array, so that it is
 * assigned, passed and returned by value like an int and never decays
 * to a pointer.  Its first user is task->cpus_allowed (include/sched.h),
 * the CPUs a task may run on: CPU_MASK_ALL for every task today, copied
 * by fork and reset by kthread_create(); an SMP scheduler reads it when
 * it chooses a run queue for a task.
 */
#ifndef _CPUMASK_H
#define _CPUMASK_H

#include <compiler.h>
#include <param.h>
#include <types.h>

/* One word holds every CPU; more CPUs would need an array of words. */
BUILD_BUG_ON(NR_CPUS > 32);

typedef struct {
	unsigned long bits[1];
} cpumask_t;

/* Every possible CPU: bits 0 .. NR_CPUS - 1. */
#define CPU_MASK_ALL	((cpumask_t){ { ~0UL >> (32 - NR_CPUS) } })
/* CPU @cpu alone. */
#define cpumask_of_cpu(cpu) ((cpumask_t){ { 1UL << (cpu) } })

static inline bool cpu_isset(unsigned int cpu, cpumask_t mask)
{
	return cpu < NR_CPUS && ((mask.bits[0] >> cpu) & 1);
}

static inline bool cpus_equal(cpumask_t a, cpumask_t b)
{
	return a.bits[0] == b.bits[0];
}

#endif /* _CPUMASK_H */
