/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/irq.h - hardware interrupt lines and the controllers behind
 * them (arch/x86/irq.c, io_apic.c, i8259.c, apic.c).
 *
 * Linux 2.6: include/linux/irq.h, include/linux/interrupt.h,
 * include/linux/kernel_stat.h.
 * A driver asks for its line with request_irq(); the line's controller
 * (struct hw_interrupt_type: the IO APIC, or the two 8259s when there is
 * none) unmasks it.  do_IRQ() acknowledges the controller, calls the
 * handler with interrupts off, ends the interrupt, and on the way out
 * (irq_exit) runs pending softirqs.  Each CPU counts the interrupts it
 * took on each line (kstat); show_interrupts() prints them all.
 * docs/interrupts.md follows one interrupt from the device to the EOI.
 */
#ifndef _IRQ_H
#define _IRQ_H

#include <asm/ptrace.h>
#include <compiler.h>
#include <percpu.h>
#include <types.h>

#define NR_IRQS		16	/* the ISA lines */
#define FIRST_EXTERNAL_VECTOR 0x20	/* IRQ n arrives as vector 0x20 + n */
#define SYSCALL_VECTOR	0x80	/* int $0x80: system calls */

typedef void (*irq_handler_t)(int irq, struct pt_regs *regs, void *dev_id);

/*
 * A controller's operations on one of its lines (Linux 2.6:
 * struct hw_interrupt_type).  ack() runs before the handler and returns
 * false if the interrupt was spurious (nothing to handle, nothing to
 * end); end() runs after it.  Edge-triggered IO APIC lines acknowledge
 * the local APIC in ack(), level-triggered ones in end(), once the
 * device has dropped the line; the 8259 is acknowledged in end().
 */
struct hw_interrupt_type {
	const char *typename;		/* shown by show_interrupts() */
	void (*enable)(unsigned int irq);
	void (*disable)(unsigned int irq);
	bool (*ack)(unsigned int irq);
	void (*end)(unsigned int irq);
};

/*
 * Where a CPU's ticks went, by kind (/proc/stat; Linux 2.6:
 * include/linux/kernel_stat.h).  Bumped by its own CPU's tick
 * (sched/core.c: account_tick()), read unlocked by anyone.
 */
struct cpu_usage_stat {
	unsigned long user;	/* user mode, nice <= 0 */
	unsigned long nice;	/* user mode, nice > 0 */
	unsigned long system;	/* kernel mode, in a task */
	unsigned long softirq;	/* in a softirq */
	unsigned long irq;	/* in another interrupt handler */
	unsigned long idle;	/* in the idle task */
};

/* Per-CPU counts (Linux 2.6: kstat_cpu(cpu)): ticks, interrupts per line. */
struct kernel_stat {
	struct cpu_usage_stat cpustat;
	unsigned long irqs[NR_IRQS];
};
DECLARE_PER_CPU(struct kernel_stat, kstat);

/* arch/x86/entry.asm: the 16 IRQ stubs, which call do_IRQ() */
extern void *const irq_entries[NR_IRQS];

/* arch/x86/entry.asm: the local APIC's own vectors (asm/apic.h) */
void apic_timer_interrupt(void);
void error_interrupt(void);
void spurious_interrupt(void);

/* arch/x86/irq.c */
int request_irq(unsigned int irq, irq_handler_t handler, const char *name,
		void *dev_id);
void free_irq(unsigned int irq, void *dev_id);
void enable_irq(unsigned int irq);
void disable_irq(unsigned int irq);
void init_IRQ(void);
asmlinkage void do_IRQ(struct pt_regs *regs, int irq);
unsigned long irq_count_of(unsigned int irq);
const char *irq_chip_name(unsigned int irq);
void show_interrupt_rows(void (*emit)(void *data, const char *row),
			 void *data);
void show_interrupts(void);

/* arch/x86/apic.c */
extern bool lapic_enabled;
extern unsigned int lapic_timer_counts;
asmlinkage void smp_apic_timer_interrupt(struct pt_regs *regs);
asmlinkage void smp_error_interrupt(struct pt_regs *regs);
asmlinkage void smp_spurious_interrupt(struct pt_regs *regs);

/* arch/x86/io_apic.c */
extern struct hw_interrupt_type ioapic_edge_type, ioapic_level_type;
extern bool io_apic_enabled;
void setup_IO_APIC(void);
struct hw_interrupt_type *io_apic_irq_type(unsigned int irq);
int io_apic_irq_pin(unsigned int irq, int *apic, int *pin);
u32 io_apic_read_entry(unsigned int irq);

/* arch/x86/idt.c */
void *idt_gate_handler(unsigned int vector);

/* arch/x86/i8259.c */
extern struct hw_interrupt_type i8259A_irq_type;
void init_8259A(void);
void mask_8259A(void);
u16 i8259A_read_imr(void);

#endif /* _IRQ_H */
