// SPDX-License-Identifier: GPL-2.0
/*
 * arch/x86/irq.c - hardware interrupt dispatch.
 *
 * Linux 2.6: arch/i386/kernel/irq.c (do_IRQ) and kernel/irq/handle.c.
 * The IRQ stubs of arch/x86/entry.asm build a struct pt_regs and call
 * do_IRQ(), which counts the interrupt, runs the handler a driver
 * registered with request_irq() (interrupts stay off: handlers are short
 * and never nest), tells the PIC the interrupt is done and leaves through
 * irq_exit(), where deferred work may run.  Next: entry.asm's
 * ret_from_intr, where preemption happens.
 */
#include <asm/desc.h>
#include <hardirq.h>
#include <irq.h>
#include <kernel.h>

struct irq_desc {
	irq_handler_t handler;
	const char *name;
	void *dev_id;
	unsigned long count;	/* interrupts taken on this line */
};

static struct irq_desc irq_desc[NR_IRQS];

/**
 * init_IRQ - remap the PICs and point vectors 0x20-0x2F at the IRQ stubs
 *
 * Context: boot, interrupts off.
 */
void init_IRQ(void)
{
	init_8259A();
	for (unsigned int irq = 0; irq < NR_IRQS; irq++)
		set_intr_gate(FIRST_EXTERNAL_VECTOR + irq, irq_entries[irq]);
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
	if (irq >= NR_IRQS || !handler)
		return -EINVAL;
	if (irq_desc[irq].handler)
		return -EBUSY;
	irq_desc[irq].name = name;
	irq_desc[irq].dev_id = dev_id;
	irq_desc[irq].handler = handler;
	enable_8259A_irq(irq);
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
	if (irq >= NR_IRQS || irq_desc[irq].dev_id != dev_id)
		return;
	disable_8259A_irq(irq);
	irq_desc[irq].handler = NULL;
}

/**
 * irq_count_of - how many interrupts a line has delivered
 * @irq: line 0-15
 *
 * Return: the count, 0 for a line out of range.
 */
unsigned long irq_count_of(unsigned int irq)
{
	return irq < NR_IRQS ? READ_ONCE(irq_desc[irq].count) : 0;
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
	if (i8259A_irq_real(irq)) {
		desc->count++;
		if (desc->handler)
			desc->handler(irq, regs, desc->dev_id);
		else
			printk(KERN_WARNING "IRQ %d has no handler\n", irq);
		ack_8259A_irq(irq);
	}
	irq_exit();
}
