/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/x86/include/asm/desc.h - GDT, IDT and TSS formats.
 *
 * Linux 2.6: include/asm-i386/desc.h, processor.h (struct tss_struct).
 * Formats from the Intel SDM vol. 3A: 3.4.5 (segment descriptors),
 * 6.11 (IDT gate descriptors), 7.2.1 (32-bit TSS).
 */
#ifndef _ASM_DESC_H
#define _ASM_DESC_H

#include <asm/segment.h>
#include <compiler.h>
#include <percpu.h>
#include <types.h>

/* An 8-byte segment or gate descriptor. */
struct desc_struct {
	u32 a, b;
} __packed;

/* The operand of lgdt/lidt. */
struct desc_ptr {
	u16 size;	/* limit: bytes - 1 */
	u32 address;
} __packed;

/* Gate types (descriptor byte 5, with P and DPL) */
#define GATE_TASK	0x5	/* switches to the TSS it names */
#define GATE_INTERRUPT	0xE	/* clears IF on entry */
#define GATE_TRAP	0xF	/* leaves IF alone */

/*
 * The 32-bit task state segment.  Only esp0/ss0 matter: they are the
 * stack the CPU switches to on an interrupt from user mode, so
 * __switch_to() writes the next task's stack top into esp0.  No
 * hardware task switching: threads are switched in software.
 */
struct tss_struct {
	u16 back_link, __blh;
	u32 esp0;
	u16 ss0, __ss0h;
	u32 esp1;
	u16 ss1, __ss1h;
	u32 esp2;
	u16 ss2, __ss2h;
	u32 cr3, eip, eflags;
	u32 eax, ecx, edx, ebx, esp, ebp, esi, edi;
	u16 es, __esh, cs, __csh, ss, __ssh, ds, __dsh, fs, __fsh, gs, __gsh;
	u16 ldt, __ldth;
	u16 trace;
	u16 io_bitmap_base;	/* past the limit: no I/O bitmap */
} __packed;

/* arch/x86/idt.c */
void set_intr_gate(unsigned int vector, void *handler);
void set_system_gate(unsigned int vector, void *handler);
void set_task_gate(unsigned int vector, unsigned int gdt_entry);
void idt_init(void);

/* arch/x86/gdt.c */
DECLARE_PER_CPU(struct desc_struct[GDT_ENTRIES], cpu_gdt_table);
DECLARE_PER_CPU(struct tss_struct, init_tss);
void cpu_init(void);
void set_tss_desc(unsigned int gdt_entry, struct tss_struct *tss);

/**
 * load_esp0 - set the stack a CPU switches to on entry from user mode
 * @cpu: the calling CPU
 * @esp0: top of the next task's kernel stack
 *
 * Inline, as Linux 2.6's: __switch_to() is the one caller, on every
 * context switch.
 * Context: __switch_to(), interrupts off.
 */
static __always_inline void load_esp0(unsigned int cpu, unsigned long esp0)
{
	per_cpu(init_tss, cpu).esp0 = esp0;
}

#endif /* _ASM_DESC_H */
