// SPDX-License-Identifier: GPL-2.0
/*
 * arch/x86/idt.c - the interrupt descriptor table.
 *
 * Linux 2.6: idt_table and _set_gate() in arch/i386/kernel/traps.c.
 * 256 gates; trap_init() (arch/x86/traps.c) fills vectors 0-31 with the
 * exception stubs of arch/x86/entry.asm, init_IRQ() (arch/x86/irq.c)
 * vectors 0x20-0x2F with the IRQ stubs, init_bsp_APIC()
 * (arch/x86/apic.c) the local APIC's vectors at the top (0xEF, 0xFE,
 * 0xFF; the IPIs' next to them), and vector 0x80 is the system call
 * gate, the only one user mode may raise with int (DPL 3).  Every gate
 * but the double fault's task gate (arch/x86/doublefault.c) is an
 * interrupt gate, so handlers start with interrupts off and choose when
 * to turn them on.  Next: arch/x86/entry.asm.
 */
#include <asm/desc.h>
#include <asm/segment.h>
#include <irq.h>

static struct desc_struct idt_table[256] __aligned(8);

static void set_gate(unsigned int vector, unsigned int type, unsigned int dpl,
		     void *handler)
{
	u32 addr = (u32)handler;

	/* offset 15..0 | selector; offset 31..16 | P | DPL | type */
	idt_table[vector].a = (__KERNEL_CS << 16) | (addr & 0xFFFF);
	idt_table[vector].b = (addr & 0xFFFF0000) | 0x8000 | (dpl << 13) |
			      (type << 8);
}

/**
 * set_intr_gate - install a kernel-only interrupt gate
 * @vector: IDT index
 * @handler: entry stub in arch/x86/entry.asm
 *
 * Context: boot, interrupts off.
 */
void set_intr_gate(unsigned int vector, void *handler)
{
	set_gate(vector, GATE_INTERRUPT, 0, handler);
}

/**
 * set_system_gate - install an interrupt gate user mode may call with int
 * @vector: IDT index (0x80 for system calls)
 * @handler: entry stub in arch/x86/entry.asm
 *
 * Context: boot, interrupts off.
 */
void set_system_gate(unsigned int vector, void *handler)
{
	set_gate(vector, GATE_INTERRUPT, 3, handler);
}

/**
 * set_task_gate - make @vector switch to the task whose TSS is in the GDT
 * @vector: IDT index
 * @gdt_entry: GDT index of the TSS descriptor
 *
 * Context: boot, interrupts off.
 */
void set_task_gate(unsigned int vector, unsigned int gdt_entry)
{
	idt_table[vector].a = (gdt_entry * 8) << 16;
	idt_table[vector].b = 0x8000 | (GATE_TASK << 8);
}

/**
 * idt_gate_handler - where an interrupt gate leads
 * @vector: IDT index
 *
 * For tests: reads the gate back as the CPU will.
 * Return: the handler's address, NULL if the gate is not present.
 */
void *idt_gate_handler(unsigned int vector)
{
	struct desc_struct *gate = &idt_table[vector & 0xFF];

	if (!(gate->b & 0x8000))
		return NULL;
	return (void *)((gate->b & 0xFFFF0000) | (gate->a & 0xFFFF));
}

/**
 * idt_init - load the IDT register
 *
 * Vectors without a handler stay not-present: raising one is a general
 * protection fault, which does have a handler, so nothing is silent.
 * Context: boot, interrupts off.
 */
void idt_init(void)
{
	struct desc_ptr idt_descr = {
		.size = sizeof(idt_table) - 1,
		.address = (u32)idt_table,
	};

	__asm__ __volatile__("lidt %0" : : "m"(idt_descr));
}
