/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/irq.h - hardware interrupt lines (arch/x86/irq.c, i8259.c).
 *
 * Linux 2.6: include/linux/irq.h, include/linux/interrupt.h.
 * A driver asks for its line with request_irq(); do_IRQ() calls the
 * handler with interrupts off, acknowledges the PIC, and on the way out
 * (irq_exit) runs pending softirqs.
 */
#ifndef _IRQ_H
#define _IRQ_H

#include <asm/ptrace.h>
#include <compiler.h>
#include <types.h>

#define NR_IRQS		16	/* two cascaded 8259 PICs */
#define FIRST_EXTERNAL_VECTOR 0x20	/* IRQ 0 arrives as vector 0x20 */
#define SYSCALL_VECTOR	0x80	/* int $0x80: system calls */

typedef void (*irq_handler_t)(int irq, struct pt_regs *regs, void *dev_id);

/* arch/x86/entry.asm: the 16 IRQ stubs, which call do_IRQ() */
extern void *const irq_entries[NR_IRQS];

/* arch/x86/irq.c */
int request_irq(unsigned int irq, irq_handler_t handler, const char *name,
		void *dev_id);
void free_irq(unsigned int irq, void *dev_id);
void init_IRQ(void);
asmlinkage void do_IRQ(struct pt_regs *regs, int irq);
unsigned long irq_count_of(unsigned int irq);

/* arch/x86/i8259.c */
void init_8259A(void);
void enable_8259A_irq(unsigned int irq);
void disable_8259A_irq(unsigned int irq);
void ack_8259A_irq(unsigned int irq);
bool i8259A_irq_real(unsigned int irq);

#endif /* _IRQ_H */
