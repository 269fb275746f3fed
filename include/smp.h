/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/smp.h - more than one CPU: start-up and cross-CPU calls.
 *
 * Linux 2.6: include/linux/smp.h.
 */
#ifndef _SMP_H
#define _SMP_H

#include <cpumask.h>
#include <percpu.h>
#include <preempt.h>

struct task_struct;

/* This CPU's number, kept ours until put_cpu(): preemption is off. */
#define get_cpu()	({ preempt_disable(); smp_processor_id(); })
#define put_cpu()	preempt_enable()

/* arch/x86/smpboot.c */
void smp_init(void);
/* arch/x86/smpboot.c: the CPUs to run, NR_CPUS unless nosmp/maxcpus= */
extern unsigned int setup_max_cpus;
asmlinkage void __noreturn start_secondary(void);
struct task_struct *fork_idle(int cpu);

/* arch/x86/smp.c: the IPIs */
void smp_intr_init(void);
void smp_send_reschedule(int cpu);
int smp_call_function(void (*func)(void *info), void *info, int wait);
int on_each_cpu(void (*func)(void *info), void *info, int wait);
void smp_send_stop(void);

#endif /* _SMP_H */
