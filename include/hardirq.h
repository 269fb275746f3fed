/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/hardirq.h - entering and leaving interrupt context, and the
 * per-CPU counts of the interrupts that have no IRQ line.
 *
 * Linux 2.6: include/linux/hardirq.h, include/asm-i386/hardirq.h.
 * irq_enter() raises the hardirq count in preempt_count (so in_irq() is
 * true and nothing schedules); irq_exit() lowers it and is where deferred
 * work runs.  irq_stat counts, for each CPU, the interrupts its local
 * APIC raised itself or took from another CPU: its timer, spurious and
 * error interrupts, and the inter-processor interrupts by kind.  Each
 * CPU increments only its own slot, with interrupts off, so no lock is
 * needed; show_interrupts() (arch/x86/irq.c) reads them all.
 */
#ifndef _HARDIRQ_H
#define _HARDIRQ_H

#include <percpu.h>
#include <preempt.h>

typedef struct {
	unsigned int apic_timer_irqs;	/* LOC: local APIC timer ticks */
	unsigned int irq_spurious_count; /* SPU: SPURIOUS_APIC_VECTOR */
	unsigned int irq_error_count;	/* ERR: ERROR_APIC_VECTOR */
	unsigned int irq_resched_count;	/* RES: RESCHEDULE_VECTOR */
	unsigned int irq_call_count;	/* CAL: CALL_FUNCTION_VECTOR */
	unsigned int irq_tlb_count;	/* TLB: INVALIDATE_TLB_VECTOR */
} irq_cpustat_t;

/* arch/x86/irq.c */
DECLARE_PER_CPU(irq_cpustat_t, irq_stat);

/* This CPU's counter @member: from an interrupt handler (interrupts off). */
#define inc_irq_stat(member)	(__get_cpu_var(irq_stat).member++)

#define irq_enter() add_preempt_count(HARDIRQ_OFFSET)

/* kernel/softirq.c */
void irq_exit(void);

#endif /* _HARDIRQ_H */
