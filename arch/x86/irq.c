// SPDX-License-Identifier: GPL-2.0
/*
 * arch/x86/irq.c - hardware interrupt lines: dispatch, controllers,
 * per-CPU statistics.
 *
 * Linux 2.6: arch/i386/kernel/irq.c (do_IRQ, show_interrupts),
 * kernel/irq/handle.c, kernel/irq/manage.c (request_irq, enable_irq).
 * Each ISA line has a descriptor: the handler a driver registered with
 * request_irq() and the controller that delivers the line (its
 * struct hw_interrupt_type): the IO APIC when there is one
 * (arch/x86/io_apic.c), else the 8259s (arch/x86/i8259.c).  The IRQ
 * stubs of arch/x86/entry.asm build a struct pt_regs and call do_IRQ(),
 * which asks the controller to acknowledge (or to say the interrupt was
 * spurious), counts it for this CPU, runs the handler with interrupts
 * off (handlers are short and never nest), ends it at the controller,
 * and leaves through irq_exit(), where deferred work may run.  Every
 * count is per CPU (kstat, and irq_stat for the local APIC's own
 * vectors): a CPU only ever increments its own, so no lock and no shared
 * cache line; show_interrupts() adds up the picture.  Next: entry.asm's
 * ret_from_intr, where preemption happens.  docs/interrupts.md.
 */
#include <asm/apic.h>
#include <asm/desc.h>
#include <hardirq.h>
#include <irq.h>
#include <kernel.h>
#include <spinlock.h>
#include <vsprintf.h>

struct irq_desc {
	struct hw_interrupt_type *chip;
	irq_handler_t handler;
	const char *name;
	void *dev_id;
};

static struct irq_desc irq_desc[NR_IRQS];
/* Taken by request_irq()/free_irq() and the enables: process context. */
static DEFINE_SPINLOCK(irq_desc_lock);

DEFINE_PER_CPU(struct kernel_stat, kstat);
DEFINE_PER_CPU(irq_cpustat_t, irq_stat);

/**
 * init_IRQ - set up the interrupt controllers and the IRQ vectors
 *
 * The 8259s are initialised (remapped to 0x20-0x2F, masked) in any case;
 * with a local APIC, the IO APIC takes the lines over and the 8259s stay
 * masked.  Vectors 0x20-0x2F lead to the IRQ stubs under either.
 * Context: boot, CPU 0, interrupts off.
 */
void init_IRQ(void)
{
	struct hw_interrupt_type *chip = &i8259A_irq_type;

	init_8259A();
	init_bsp_APIC();
	if (lapic_enabled) {
		setup_IO_APIC();
		setup_local_APIC();
	}
	for (unsigned int irq = 0; irq < NR_IRQS; irq++) {
		if (io_apic_enabled)
			chip = io_apic_irq_type(irq);
		irq_desc[irq].chip = chip;
		set_intr_gate(FIRST_EXTERNAL_VECTOR + irq, irq_entries[irq]);
	}
}

/**
 * request_irq - install the handler for an interrupt line and unmask it
 * @irq: line 0-15
 * @handler: called with interrupts off for every interrupt on @irq
 * @name: shown in reports
 * @dev_id: passed to @handler
 *
 * Context: process or boot.
 * Return: 0, -EINVAL for a bad line, -EBUSY if it already has a handler.
 */
int request_irq(unsigned int irq, irq_handler_t handler, const char *name,
		void *dev_id)
{
	unsigned long flags;

	if (irq >= NR_IRQS || !handler)
		return -EINVAL;
	spin_lock_irqsave(&irq_desc_lock, flags);
	if (irq_desc[irq].handler) {
		spin_unlock_irqrestore(&irq_desc_lock, flags);
		return -EBUSY;
	}
	irq_desc[irq].name = name;
	irq_desc[irq].dev_id = dev_id;
	irq_desc[irq].handler = handler;
	irq_desc[irq].chip->enable(irq);
	spin_unlock_irqrestore(&irq_desc_lock, flags);
	return 0;
}

/**
 * free_irq - remove the handler of a line and mask it
 * @irq: line 0-15
 * @dev_id: what request_irq() was given (must match)
 *
 * Context: process.
 */
void free_irq(unsigned int irq, void *dev_id)
{
	unsigned long flags;

	if (irq >= NR_IRQS)
		return;
	spin_lock_irqsave(&irq_desc_lock, flags);
	if (irq_desc[irq].handler && irq_desc[irq].dev_id == dev_id) {
		irq_desc[irq].chip->disable(irq);
		irq_desc[irq].handler = NULL;
	}
	spin_unlock_irqrestore(&irq_desc_lock, flags);
}

/**
 * disable_irq - mask a line at its controller, handler kept
 * @irq: line 0-15
 *
 * Unlike Linux's, it does not wait for a handler running on another CPU
 * (every line goes to the boot CPU).
 * Context: any.
 */
void disable_irq(unsigned int irq)
{
	if (irq < NR_IRQS)
		irq_desc[irq].chip->disable(irq);
}

/**
 * enable_irq - unmask a line at its controller
 * @irq: line 0-15
 *
 * Context: any.
 */
void enable_irq(unsigned int irq)
{
	if (irq < NR_IRQS)
		irq_desc[irq].chip->enable(irq);
}

/**
 * irq_count_of - how many interrupts a line has delivered, on all CPUs
 * @irq: line 0-15
 *
 * Return: the count, 0 for a line out of range.
 */
unsigned long irq_count_of(unsigned int irq)
{
	unsigned long sum = 0;
	unsigned int cpu;

	if (irq >= NR_IRQS)
		return 0;
	for_each_possible_cpu(cpu)
		sum += READ_ONCE(per_cpu(kstat, cpu).irqs[irq]);
	return sum;
}

/**
 * irq_chip_name - the controller that delivers a line
 * @irq: line 0-15
 *
 * Return: "IO-APIC-edge", "IO-APIC-level" or "XT-PIC".
 */
const char *irq_chip_name(unsigned int irq)
{
	return irq < NR_IRQS ? irq_desc[irq].chip->typename : "none";
}

/**
 * do_IRQ - handle one hardware interrupt
 * @regs: the interrupted context, saved by common_interrupt
 * @irq: the line, 0-15
 *
 * Context: hard interrupt, interrupts off.
 */
asmlinkage void do_IRQ(struct pt_regs *regs, int irq)
{
	struct irq_desc *desc = &irq_desc[irq];

	irq_enter();
	if (desc->chip->ack(irq)) {
		__get_cpu_var(kstat).irqs[irq]++;
		if (desc->handler)
			desc->handler(irq, regs, desc->dev_id);
		else
			printk(KERN_WARNING "IRQ %d has no handler\n", irq);
		desc->chip->end(irq);
	}
	irq_exit();
}

/* One row: a title, one count per online CPU, a description. */
#define ROW_MAX	(16 + 11 * NR_CPUS + 40)

typedef void (*row_fn_t)(void *data, const char *row);

static void emit_row(row_fn_t emit, void *data, const char *title,
		     unsigned long *counts, const char *what)
{
	char row[ROW_MAX];
	unsigned int cpu;
	int len;

	len = scnprintf(row, sizeof(row), "%4s:", title);
	for_each_online_cpu(cpu)
		len += scnprintf(row + len, sizeof(row) - len, " %10lu",
				 counts[cpu]);
	scnprintf(row + len, sizeof(row) - len, "   %s", what);
	emit(data, row);
}

/* A row of irq_stat: @field's offset in irq_cpustat_t. */
static void emit_stat_row(row_fn_t emit, void *data, const char *title,
			  size_t field, const char *what)
{
	unsigned long counts[NR_CPUS];
	unsigned int cpu;

	for_each_online_cpu(cpu)
		counts[cpu] = READ_ONCE(*(unsigned int *)
				((char *)&per_cpu(irq_stat, cpu) + field));
	emit_row(emit, data, title, counts, what);
}

/**
 * show_interrupt_rows - the interrupt counts, one column per online CPU
 * @emit: called with each line of the table, without its newline
 * @data: passed to @emit
 *
 * Like Linux's /proc/interrupts: a header of CPU names, a row for each
 * line that has a handler (its controller and name), then the local
 * APIC's own: LOC (timer), SPU (spurious), ERR (APIC errors), RES, CAL
 * and TLB (the reschedule, call-function and TLB-flush IPIs).  A count
 * may be a tick behind while another CPU takes interrupts: each is read
 * once, unlocked.  show_interrupts() prints the rows, /proc/interrupts
 * (fs/proc/interrupts.c) is made of them.
 * Context: any (the ^P key calls it from an interrupt).
 */
void show_interrupt_rows(row_fn_t emit, void *data)
{
	char head[ROW_MAX];
	unsigned long counts[NR_CPUS];
	unsigned int cpu;
	int len;

	len = scnprintf(head, sizeof(head), "     ");
	for_each_online_cpu(cpu)
		len += scnprintf(head + len, sizeof(head) - len, "       CPU%u",
				 cpu);
	emit(data, head);
	for (unsigned int irq = 0; irq < NR_IRQS; irq++) {
		char title[4], what[40];

		if (!READ_ONCE(irq_desc[irq].handler))
			continue;
		for_each_online_cpu(cpu)
			counts[cpu] = READ_ONCE(per_cpu(kstat, cpu).irqs[irq]);
		snprintf(title, sizeof(title), "%u", irq);
		snprintf(what, sizeof(what), "%-14s %s",
			 irq_desc[irq].chip->typename, irq_desc[irq].name);
		emit_row(emit, data, title, counts, what);
	}
	emit_stat_row(emit, data, "LOC",
		      offsetof(irq_cpustat_t, apic_timer_irqs),
		      "Local timer interrupts");
	emit_stat_row(emit, data, "SPU",
		      offsetof(irq_cpustat_t, irq_spurious_count),
		      "Spurious interrupts");
	emit_stat_row(emit, data, "ERR",
		      offsetof(irq_cpustat_t, irq_error_count),
		      "APIC error interrupts");
	emit_stat_row(emit, data, "RES",
		      offsetof(irq_cpustat_t, irq_resched_count),
		      "Rescheduling interrupts");
	emit_stat_row(emit, data, "CAL",
		      offsetof(irq_cpustat_t, irq_call_count),
		      "Function call interrupts");
	emit_stat_row(emit, data, "TLB",
		      offsetof(irq_cpustat_t, irq_tlb_count),
		      "TLB shootdowns");
}

static void printk_row(void *data, const char *row)
{
	printk(KERN_INFO "%s\n", row);
}

/**
 * show_interrupts - print the interrupt counts on the console
 *
 * The table of show_interrupt_rows().
 * Context: any (the ^P key calls it from an interrupt).
 */
void show_interrupts(void)
{
	show_interrupt_rows(printk_row, NULL);
}
