// SPDX-License-Identifier: GPL-2.0
/*
 * arch/x86/apic.c - the local APIC: this CPU's interrupt controller and
 * its timer, the tick.
 *
 * Linux 2.6: arch/i386/kernel/apic.c (init_bsp_APIC, setup_local_APIC,
 * calibrate_APIC_clock, setup_APIC_timer, smp_apic_timer_interrupt,
 * smp_spurious_interrupt, smp_error_interrupt).
 * Every CPU has a local APIC at the same physical address; each sees its
 * own there.  It takes the IO APIC's messages (arch/x86/io_apic.c),
 * other CPUs' IPIs (arch/x86/ipi.c, smp.c) and its own timer's
 * interrupts, raises their vectors on its CPU in priority order (the
 * vector's upper four bits), and must be told when a handler is done
 * (ack_APIC_irq(), the EOI) before it raises another of the same or a
 * lower class.
 *
 * init_bsp_APIC() (boot CPU, from init_IRQ()) maps the registers at
 * FIX_APIC_BASE and installs the IDT gates of the local vectors;
 * setup_local_APIC() then programs the APIC of the CPU it runs on, first
 * the boot CPU, later each other CPU from start_secondary(): software
 * enable with the spurious vector, task priority 0 (accept everything),
 * LINT0 masked (the 8259s are closed: the IO APIC carries the ISA
 * interrupts), LINT1 the NMI on the boot CPU only, the error vector.
 * Nothing in it is special to one CPU but that LINT1 choice.
 *
 * The tick: setup_boot_APIC_clock() calibrates the APIC timer (bus
 * clock / 16) in the same PIT window as the TSC (arch/x86/tsc.c), once,
 * and starts it periodic at HZ; setup_secondary_APIC_clock() starts
 * another CPU's with the same count.  Every CPU's timer interrupt calls
 * update_process_times() (its scheduler tick and timers); only CPU 0's
 * also calls do_timer() (jiffies).  Intel SDM vol. 3A, chapter 10.
 * Next: kernel/timer.c.
 */
#include <asm/apic.h>
#include <asm/desc.h>
#include <asm/mpspec.h>
#include <hardirq.h>
#include <init.h>
#include <irq.h>
#include <kernel.h>
#include <percpu.h>
#include <time.h>
#include <timer.h>

#define MSR_IA32_APICBASE		0x1B
#define  MSR_IA32_APICBASE_ENABLE	(1 << 11)	/* global enable */
#define X86_FEATURE_APIC_EDX		(1 << 9)	/* CPUID 1, EDX */

/* True once init_bsp_APIC() has found and mapped a local APIC. */
bool lapic_enabled;
/* nolapic: run on the 8259 and the PIT as a uniprocessor PC does. */
static bool disable_apic;
/*
 * The APIC timer's count for one tick (HZ), divide by 16: measured once
 * by setup_boot_APIC_clock(), used by every CPU.
 */
unsigned int lapic_timer_counts;

static int nolapic_setup(char *unused)
{
	disable_apic = true;
	return 0;
}
__setup("nolapic", nolapic_setup);

static bool cpu_has_apic(void)
{
	u32 eax = 1, ebx, ecx = 0, edx;

	__asm__ __volatile__("cpuid"
			     : "+a"(eax), "=b"(ebx), "+c"(ecx), "=d"(edx));
	return edx & X86_FEATURE_APIC_EDX;
}

static u64 rdmsr(u32 msr)
{
	u32 lo, hi;

	__asm__ __volatile__("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return (u64)hi << 32 | lo;
}

static void wrmsr(u32 msr, u64 val)
{
	__asm__ __volatile__("wrmsr"
			     : : "c"(msr), "a"((u32)val), "d"((u32)(val >> 32)));
}

/* Number of LVT entries, from the version register. */
static unsigned int lapic_maxlvt(void)
{
	return ((apic_read(APIC_LVR) >> 16) & 0xFF) + 1;
}

/**
 * init_bsp_APIC - find the boot CPU's local APIC, map it, install its
 * vectors, and set it up
 *
 * After it lapic_enabled says whether there is one (a CPU without an
 * APIC, or nolapic, leaves it false: the 8259 and the PIT then do
 * everything).  The IO APIC's set-up comes between the mapping and
 * setup_local_APIC(), so that LINT0 can follow what it decided.
 * Context: boot, CPU 0, interrupts off; from init_IRQ().
 */
void init_bsp_APIC(void)
{
	u64 base;

	if (disable_apic || !cpu_has_apic()) {
		printk(KERN_INFO "Local APIC: %s; the 8259 and the PIT take "
		       "the interrupts and the tick\n",
		       disable_apic ? "disabled by nolapic" : "none");
		return;
	}
	/* A firmware may leave the APIC globally disabled: turn it on. */
	base = rdmsr(MSR_IA32_APICBASE);
	if (!(base & MSR_IA32_APICBASE_ENABLE))
		wrmsr(MSR_IA32_APICBASE, base | MSR_IA32_APICBASE_ENABLE);
	set_fixmap_nocache(FIX_APIC_BASE, mp_lapic_addr);
	lapic_enabled = true;

	set_intr_gate(LOCAL_TIMER_VECTOR, apic_timer_interrupt);
	set_intr_gate(ERROR_APIC_VECTOR, error_interrupt);
	set_intr_gate(SPURIOUS_APIC_VECTOR, spurious_interrupt);

	printk(KERN_INFO "Local APIC: ID %u, version %#x, %u LVT entries, at "
	       "%#lx\n", hard_smp_processor_id(), apic_read(APIC_LVR) & 0xFF,
	       lapic_maxlvt(), mp_lapic_addr);
}

/**
 * setup_local_APIC - program the local APIC of the CPU we run on
 *
 * Enables it (spurious vector SPURIOUS_APIC_VECTOR), accepts every
 * priority, masks LINT0 (virtual wire to the 8259 only when there is no
 * IO APIC, on the boot CPU), makes LINT1 the NMI on the boot CPU (masked
 * elsewhere: one CPU is enough to hear it), points the error LVT at
 * ERROR_APIC_VECTOR and clears the error status.  The timer stays masked
 * until setup_boot_APIC_clock() or setup_secondary_APIC_clock().
 * Context: boot CPU from init_IRQ(), or another CPU from
 * start_secondary(); interrupts off.
 */
void setup_local_APIC(void)
{
	unsigned int cpu = smp_processor_id();
	u32 value;

	BUG_ON(!lapic_enabled);
	/* Task priority 0: every vector class may interrupt. */
	apic_write(APIC_TASKPRI, apic_read(APIC_TASKPRI) & ~0xFF);

	value = apic_read(APIC_SPIV) & ~0xFF;
	apic_write(APIC_SPIV, value | APIC_SPIV_APIC_ENABLED |
			      SPURIOUS_APIC_VECTOR);

	/*
	 * LINT0 is where the 8259's INTR arrives.  With the IO APIC routing
	 * the ISA interrupts it is masked on every CPU; without one, the
	 * boot CPU takes the 8259 through it (virtual wire, ExtINT: the
	 * 8259 itself gives the vector).
	 */
	if (cpu == 0 && !io_apic_enabled)
		apic_write(APIC_LVT0, APIC_DM_EXTINT);
	else
		apic_write(APIC_LVT0, APIC_DM_EXTINT | APIC_LVT_MASKED);
	/* LINT1 is the NMI line: the boot CPU hears it, as on Linux. */
	if (cpu == 0)
		apic_write(APIC_LVT1, APIC_DM_NMI);
	else
		apic_write(APIC_LVT1, APIC_DM_NMI | APIC_LVT_MASKED);

	apic_write(APIC_LVTT, APIC_LVT_MASKED | LOCAL_TIMER_VECTOR);
	apic_write(APIC_LVTERR, ERROR_APIC_VECTOR);
	/* The ESR is latched by a write: two writes clear old errors. */
	apic_write(APIC_ESR, 0);
	apic_write(APIC_ESR, 0);

	printk(KERN_INFO "CPU%u: local APIC ID %u enabled: spurious vector "
	       "%#x, error vector %#x, LINT0 %s, LINT1 %s\n", cpu,
	       hard_smp_processor_id(), SPURIOUS_APIC_VECTOR,
	       ERROR_APIC_VECTOR,
	       apic_read(APIC_LVT0) & APIC_LVT_MASKED ? "masked" : "ExtINT",
	       apic_read(APIC_LVT1) & APIC_LVT_MASKED ? "masked" : "NMI");
}

/* Periodic, HZ times a second, on this CPU. */
static void setup_APIC_timer(unsigned int counts)
{
	apic_write(APIC_TDCR, APIC_TDR_DIV_16);
	apic_write(APIC_LVTT, APIC_LVT_TIMER_PERIODIC | LOCAL_TIMER_VECTOR);
	apic_write(APIC_TMICT, counts);
}

static u32 apic_timer_current(void)
{
	return apic_read(APIC_TMCCT);
}

/**
 * setup_boot_APIC_clock - calibrate the APIC timer and start the tick
 *
 * The timer runs one-shot and masked from the largest count while
 * tsc_calibrate() reads it beside the TSC in one PIT window; its rate
 * over HZ is the periodic count every CPU uses.
 * Context: boot, CPU 0, interrupts off; from time_init().
 */
void setup_boot_APIC_clock(void)
{
	unsigned long hz;

	apic_write(APIC_TDCR, APIC_TDR_DIV_16);
	apic_write(APIC_LVTT, APIC_LVT_MASKED | LOCAL_TIMER_VECTOR);
	apic_write(APIC_TMICT, 0xFFFFFFFF);
	hz = tsc_calibrate(apic_timer_current);
	lapic_timer_counts = (hz + HZ / 2) / HZ;
	if (!lapic_timer_counts)
		panic("APIC timer does not count (%lu Hz)", hz);
	setup_APIC_timer(lapic_timer_counts);
	printk(KERN_INFO "APIC timer: %u counts per tick (HZ %d, divide by "
	       "16), periodic on vector %#x: the tick\n", lapic_timer_counts,
	       HZ, LOCAL_TIMER_VECTOR);
}

/**
 * setup_secondary_APIC_clock - start this CPU's tick with the boot
 * CPU's calibration
 *
 * Context: another CPU, from start_secondary(), after
 * setup_local_APIC(); interrupts off.
 */
void setup_secondary_APIC_clock(void)
{
	BUG_ON(!lapic_timer_counts);
	setup_APIC_timer(lapic_timer_counts);
}

/**
 * disable_local_APIC_timer - mask this CPU's tick
 *
 * For code that must see no tick on this CPU while interrupts stay on.
 * Context: preemption off (the timer is this CPU's).
 */
void disable_local_APIC_timer(void)
{
	apic_write(APIC_LVTT, apic_read(APIC_LVTT) | APIC_LVT_MASKED);
}

/**
 * enable_local_APIC_timer - unmask this CPU's tick
 *
 * Context: preemption off.
 */
void enable_local_APIC_timer(void)
{
	apic_write(APIC_LVTT, apic_read(APIC_LVTT) & ~APIC_LVT_MASKED);
}

/**
 * smp_apic_timer_interrupt - one tick on this CPU
 * @regs: the interrupted context
 *
 * The EOI comes first: the timer is periodic and its next interrupt
 * is wanted even if this one's work (timers, softirqs at irq_exit)
 * runs long.  CPU 0 alone advances jiffies; every CPU charges its
 * running task and runs its timers.
 * Context: hard interrupt, interrupts off.
 */
asmlinkage void smp_apic_timer_interrupt(struct pt_regs *regs)
{
	unsigned int cpu = smp_processor_id();

	ack_APIC_irq();
	irq_enter();
	per_cpu(irq_stat, cpu).apic_timer_irqs++;
	if (cpu == 0)
		do_timer();
	update_process_times(user_mode(regs));
	irq_exit();
}

/**
 * smp_error_interrupt - the local APIC found an error
 * @regs: the interrupted context
 *
 * Reads the error status (written first: the register shows the errors
 * latched by a write), clears it, counts and says what it was.
 * Context: hard interrupt, interrupts off.
 */
asmlinkage void smp_error_interrupt(struct pt_regs *regs)
{
	static const char *const reasons[8] = {
		"send checksum", "receive checksum", "send accept",
		"receive accept", "redirectable IPI", "send illegal vector",
		"received illegal vector", "illegal register address",
	};
	u32 esr;

	irq_enter();
	apic_write(APIC_ESR, 0);
	esr = apic_read(APIC_ESR);
	apic_write(APIC_ESR, 0);
	ack_APIC_irq();
	inc_irq_stat(irq_error_count);
	printk(KERN_WARNING "APIC error on CPU%u: ESR %#x\n",
	       smp_processor_id(), esr);
	for (int bit = 0; bit < 8; bit++)
		if (esr & 1u << bit)
			printk(KERN_WARNING "  %s\n", reasons[bit]);
	irq_exit();
}

/**
 * smp_spurious_interrupt - an interrupt vanished before it was taken
 * @regs: the interrupted context
 *
 * The local APIC raises SPURIOUS_APIC_VECTOR when the interrupt it was
 * about to deliver was masked meanwhile (by the task priority).  It is
 * never in service, so there must be no EOI (an EOI would end some
 * other interrupt that is); only counted.
 * Context: hard interrupt, interrupts off.
 */
asmlinkage void smp_spurious_interrupt(struct pt_regs *regs)
{
	irq_enter();
	inc_irq_stat(irq_spurious_count);
	irq_exit();
}
