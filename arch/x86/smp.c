// SPDX-License-Identifier: GPL-2.0
/*
 * arch/x86/smp.c - inter-processor interrupts: reschedule and call a
 * function.
 *
 * Linux 2.6: arch/i386/kernel/smp.c.
 * A CPU asks another to act by sending it an IPI (arch/x86/ipi.c); the
 * TLB flush has its own file (arch/x86/tlb.c).
 * The reschedule IPI carries no message: its sender has set
 * TIF_NEED_RESCHED on the target's current task, and the return from
 * the interrupt (arch/x86/entry.asm, ret_from_intr) calls schedule().
 * The call-function IPI runs a function on the other CPUs: the request
 * sits in call_data, one at a time under call_lock, and the sender
 * counts the CPUs that started and (if it waits) finished it.
 * The stop IPI, sent by panic(), halts the other CPUs for good.
 */
#include <asm/apic.h>
#include <asm/desc.h>
#include <asm/irqflags.h>
#include <delay.h>
#include <atomic.h>
#include <hardirq.h>
#include <kernel.h>
#include <sched.h>
#include <smp.h>
#include <spinlock.h>

/* arch/x86/entry.asm */
void reschedule_interrupt(void);
void call_function_interrupt(void);
void invalidate_interrupt(void);
void reboot_interrupt(void);

/**
 * smp_intr_init - install the IPI handlers in the IDT
 *
 * Context: boot, before a second CPU starts.
 */
void smp_intr_init(void)
{
	set_intr_gate(RESCHEDULE_VECTOR, reschedule_interrupt);
	set_intr_gate(CALL_FUNCTION_VECTOR, call_function_interrupt);
	set_intr_gate(INVALIDATE_TLB_VECTOR, invalidate_interrupt);
	set_intr_gate(REBOOT_VECTOR, reboot_interrupt);
}

/*
 * This CPU leaves the system: offline, its tick masked, interrupts off,
 * halted.  Only an NMI or a reset brings it out of the hlt.
 */
static void __noreturn stop_this_cpu(void)
{
	local_irq_disable();
	cpu_clear(raw_smp_processor_id(), &cpu_online_map);
	apic_write(APIC_LVTT, apic_read(APIC_LVTT) | APIC_LVT_MASKED);
	for (;;)
		halt();
}

/**
 * smp_reboot_interrupt - the stop IPI: this CPU halts for good
 * @regs: the interrupted context
 * @vector: REBOOT_VECTOR
 *
 * Context: hard interrupt.  Never returns.
 */
asmlinkage void __noreturn smp_reboot_interrupt(struct pt_regs *regs,
						long vector)
{
	ack_APIC_irq();
	stop_this_cpu();
}

/**
 * smp_send_stop - halt every other CPU, for panic()
 *
 * Once the kernel has panicked nothing else may run: a task on another
 * CPU could go on writing to the disk or the console.  The stop IPI has
 * a vector of its own, so it does not wait for call_lock (the panic may
 * have come from inside smp_call_function()); a CPU that runs with
 * interrupts off does not take it, and is named after a second.
 * Context: panic, interrupts off.
 */
void smp_send_stop(void)
{
	unsigned int others = num_online_cpus() - 1;

	if (!others)
		return;
	send_IPI_allbutself(REBOOT_VECTOR);
	for (int us = 0; us < 1000000 && num_online_cpus() > 1; us += 10)
		udelay(10);
	if (num_online_cpus() > 1)
		printk(KERN_EMERG "SMP: %u of %u other CPUs did not stop "
		       "(interrupts off): online %#lx\n",
		       num_online_cpus() - 1, others,
		       cpu_online_map.bits[0]);
	else
		printk(KERN_EMERG "SMP: %u other CPU%s stopped\n", others,
		       others == 1 ? "" : "s");
}

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

/**
 * smp_reschedule_interrupt - the reschedule IPI
 * @regs: the interrupted context
 * @vector: RESCHEDULE_VECTOR
 *
 * Nothing to do but acknowledge: the interrupt return path reschedules.
 * Context: hard interrupt.
 */
asmlinkage void smp_reschedule_interrupt(struct pt_regs *regs, long vector)
{
	inc_irq_stat(irq_resched_count);
	ack_APIC_irq();
}

struct call_data_struct {
	void (*func)(void *info);
	void *info;
	atomic_t started;
	atomic_t finished;
	int wait;
};

static DEFINE_SPINLOCK(call_lock);
static struct call_data_struct *call_data;	/* under call_lock */

/**
 * smp_call_function - run @func on every other online CPU
 * @func: the function; it runs in interrupt context, interrupts off,
 *        and must be fast and not sleep
 * @info: its argument
 * @wait: also wait until every CPU has returned from @func (else only
 *        until each has started it: @info may then not be on the stack)
 *
 * Not with interrupts off: two CPUs calling each other with interrupts
 * off would wait for each other forever.
 * Context: process or softirq, interrupts on.
 * Return: 0.
 */
int smp_call_function(void (*func)(void *info), void *info, int wait)
{
	struct call_data_struct data = { .func = func, .info = info,
					 .wait = wait };
	int cpus;

	WARN_ON(irqs_disabled());
	spin_lock(&call_lock);
	cpus = num_online_cpus() - 1;
	if (cpus <= 0) {
		spin_unlock(&call_lock);
		return 0;
	}
	atomic_set(&data.started, 0);
	atomic_set(&data.finished, 0);
	WRITE_ONCE(call_data, &data);
	send_IPI_allbutself(CALL_FUNCTION_VECTOR);
	while (atomic_read(&data.started) != cpus)
		cpu_relax();
	if (wait)
		while (atomic_read(&data.finished) != cpus)
			cpu_relax();
	spin_unlock(&call_lock);
	return 0;
}

/**
 * smp_call_function_interrupt - the call-function IPI
 * @regs: the interrupted context
 * @vector: CALL_FUNCTION_VECTOR
 *
 * Context: hard interrupt.
 */
asmlinkage void smp_call_function_interrupt(struct pt_regs *regs,
					    long vector)
{
	struct call_data_struct *data = READ_ONCE(call_data);
	void (*func)(void *info) = data->func;
	void *info = data->info;
	int wait = data->wait;

	ack_APIC_irq();
	/* After this the sender may return: data may be gone unless wait. */
	atomic_inc(&data->started);
	irq_enter();
	inc_irq_stat(irq_call_count);
	func(info);
	irq_exit();
	if (wait)
		atomic_inc(&data->finished);
}

/**
 * on_each_cpu - run @func on every online CPU, this one included
 * @func: the function (see smp_call_function())
 * @info: its argument
 * @wait: wait until every CPU has run it
 *
 * Context: process, interrupts on.
 * Return: 0.
 */
int on_each_cpu(void (*func)(void *info), void *info, int wait)
{
	int ret;

	preempt_disable();
	ret = smp_call_function(func, info, wait);
	local_irq_disable();
	func(info);
	local_irq_enable();
	preempt_enable();
	return ret;
}
