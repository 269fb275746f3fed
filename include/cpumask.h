/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/cpumask.h - sets of CPUs.
 *
 * Linux 2.6: include/linux/cpumask.h.
 * A cpumask_t has one bit per possible CPU (NR_CPUS, include/param.h).
 * It is a struct around the bitmap, not a bare array, so that it is
 * assigned, passed and returned by value like an int and never decays
 * to a pointer.  Its first user is task->cpus_allowed (include/sched.h),
 * the CPUs a task may run on, copied by fork and reset by
 * kthread_create(); the scheduler reads it when it chooses a run queue
 * for a task.  The other users are the maps of kernel/cpu.c: the CPUs
 * that exist (cpu_possible_map), that were found (cpu_present_map) and
 * that run (cpu_online_map).
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

#define CPU_MASK_NONE	((cpumask_t){ { 0 } })

static inline void cpu_set(unsigned int cpu, cpumask_t *mask)
{
	__atomic_or_fetch(&mask->bits[0], 1UL << cpu, __ATOMIC_SEQ_CST);
}

static inline void cpu_clear(unsigned int cpu, cpumask_t *mask)
{
	__atomic_and_fetch(&mask->bits[0], ~(1UL << cpu), __ATOMIC_SEQ_CST);
}

static inline cpumask_t cpus_and(cpumask_t a, cpumask_t b)
{
	return (cpumask_t){ { a.bits[0] & b.bits[0] } };
}

static inline bool cpus_empty(cpumask_t mask)
{
	return mask.bits[0] == 0;
}

static inline unsigned int cpus_weight(cpumask_t mask)
{
	return __builtin_popcountl(mask.bits[0]);
}

/* The first CPU in @mask at or after @cpu; NR_CPUS if there is none. */
static inline unsigned int next_cpu(unsigned int cpu, cpumask_t mask)
{
	unsigned long rest = cpu < NR_CPUS ? mask.bits[0] >> cpu << cpu : 0;

	return rest ? (unsigned int)__builtin_ctzl(rest) : NR_CPUS;
}

#define first_cpu(mask)	next_cpu(0, (mask))

#define for_each_cpu_mask(cpu, mask)					\
	for ((cpu) = first_cpu(mask); (cpu) < NR_CPUS;			\
	     (cpu) = next_cpu((cpu) + 1, (mask)))

/* kernel/cpu.c: CPUs that can exist, that were found, that run. */
extern cpumask_t cpu_possible_map, cpu_present_map, cpu_online_map;

#define cpu_online(cpu)		cpu_isset((cpu), READ_ONCE(cpu_online_map))
#define num_online_cpus()	cpus_weight(READ_ONCE(cpu_online_map))
#define num_possible_cpus()	cpus_weight(cpu_possible_map)
#define for_each_online_cpu(cpu) for_each_cpu_mask((cpu), READ_ONCE(cpu_online_map))
#define for_each_possible_cpu(cpu) for_each_cpu_mask((cpu), cpu_possible_map)

#endif /* _CPUMASK_H */
