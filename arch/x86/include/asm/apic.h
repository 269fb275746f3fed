/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/x86/include/asm/apic.h - the local APIC: registers, vectors,
 * inter-processor interrupts.
 *
 * Linux 2.6: include/asm-i386/apic.h, apicdef.h, mach-default/irq_vectors.h.
 * Every CPU has a local APIC at the same physical address (0xFEE00000 by
 * default), mapped at fix_to_virt(FIX_APIC_BASE): a CPU reaching it sees
 * its own.  It takes interrupts for its CPU (its timer, the IO APIC's
 * messages, other CPUs' IPIs) and sends IPIs through the interrupt
 * command register (ICR).  Intel SDM vol. 3A, chapter 10.
 */
#ifndef _ASM_APIC_H
#define _ASM_APIC_H

#include <asm/fixmap.h>
#include <compiler.h>
#include <cpumask.h>
#include <types.h>

#define APIC_DEFAULT_PHYS_BASE	0xFEE00000UL

/* Register offsets. */
#define APIC_ID		0x020	/* bits 31-24: this CPU's APIC ID */
#define APIC_LVR	0x030	/* version; bits 23-16: max LVT entry */
#define APIC_TASKPRI	0x080
#define APIC_EOI	0x0B0
#define APIC_LDR	0x0D0
#define APIC_DFR	0x0E0
#define APIC_SPIV	0x0F0	/* spurious vector; bit 8: APIC enabled */
#define  APIC_SPIV_APIC_ENABLED	(1 << 8)
#define APIC_ESR	0x280	/* error status */
#define APIC_ICR	0x300	/* interrupt command, low word (sends) */
#define APIC_ICR2	0x310	/* high word: bits 31-24 destination */
#define  APIC_DEST_ALLBUT	0xC0000
#define  APIC_ICR_BUSY		0x01000
#define  APIC_INT_ASSERT	0x04000
#define  APIC_INT_LEVELTRIG	0x08000
#define  APIC_DM_FIXED		0x00000
#define  APIC_DM_INIT		0x00500
#define  APIC_DM_STARTUP	0x00600
#define APIC_LVTT	0x320	/* timer */
#define  APIC_LVT_TIMER_PERIODIC (1 << 17)
#define APIC_LVTPC	0x340
#define APIC_LVT0	0x350
#define APIC_LVT1	0x360
#define APIC_LVTERR	0x370
#define  APIC_LVT_MASKED	(1 << 16)
#define  APIC_DM_NMI		0x00400
#define  APIC_DM_EXTINT		0x00700
#define APIC_TMICT	0x380	/* timer initial count */
#define APIC_TMCCT	0x390	/* timer current count */
#define APIC_TDCR	0x3E0	/* timer divide configuration */
#define  APIC_TDR_DIV_16	0x3

/*
 * Vectors, as on Linux 2.6 i386: the system vectors at the top, above
 * every device interrupt (a higher vector is a higher priority class).
 */
#define SPURIOUS_APIC_VECTOR	0xFF
#define ERROR_APIC_VECTOR	0xFE
#define INVALIDATE_TLB_VECTOR	0xFD
#define RESCHEDULE_VECTOR	0xFC
#define CALL_FUNCTION_VECTOR	0xFB
#define REBOOT_VECTOR		0xF8
#define LOCAL_TIMER_VECTOR	0xEF

static inline u32 apic_read(u32 reg)
{
	return *(volatile u32 *)(fix_to_virt(FIX_APIC_BASE) + reg);
}

static inline void apic_write(u32 reg, u32 val)
{
	*(volatile u32 *)(fix_to_virt(FIX_APIC_BASE) + reg) = val;
}

/* This CPU's APIC ID: how the IO APIC and other CPUs name it. */
static inline unsigned int hard_smp_processor_id(void)
{
	return apic_read(APIC_ID) >> 24;
}

/* End of interrupt: the APIC may deliver the next of this class. */
static inline void ack_APIC_irq(void)
{
	apic_write(APIC_EOI, 0);
}

/* arch/x86/apic.c */
void init_bsp_APIC(void);
void setup_local_APIC(void);
void setup_boot_APIC_clock(void);
void setup_secondary_APIC_clock(void);

/* arch/x86/ipi.c */
void apic_wait_icr_idle(void);
void send_IPI_mask(cpumask_t mask, int vector);
void send_IPI_allbutself(int vector);
int wakeup_secondary_cpu_via_init(unsigned int apicid, unsigned long start_eip);

/* The IPI handlers (arch/x86/smp.c, tlb.c), called from arch/x86/entry.asm */
struct pt_regs;
asmlinkage void smp_reschedule_interrupt(struct pt_regs *regs, long vector);
asmlinkage void smp_call_function_interrupt(struct pt_regs *regs,
					    long vector);
asmlinkage void smp_invalidate_interrupt(struct pt_regs *regs, long vector);
asmlinkage void __noreturn smp_reboot_interrupt(struct pt_regs *regs,
						long vector);

#endif /* _ASM_APIC_H */
