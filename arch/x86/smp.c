// SPDX-License-Identifier: GPL-2.0
/*
 * arch/x86/smp.c - inter-processor interrupts: reschedule, call a
 * function, flush the TLB.
 *
 * Linux 2.6: arch/i386/kernel/smp.c.
 * A CPU asks another to act by sending it an IPI (arch/x86/ipi.c).
 * The reschedule IPI carries no message: its sender has set
 * TIF_NEED_RESCHED on the target's current task, and the interrupt's
 * return path (arch/x86/entry.asm) does the rest.
 */
#include <asm/apic.h>
#include <smp.h>

/**
 * smp_send_reschedule - make @cpu look at its run queue
 * @cpu: another online CPU, whose current task has TIF_NEED_RESCHED set
 *
 * Context: any.
 */
void smp_send_reschedule(int cpu)
{
	send_IPI_mask(cpumask_of_cpu(cpu), RESCHEDULE_VECTOR);
}
