// SPDX-License-Identifier: GPL-2.0
/*
 * arch/x86/ipi.c - sending inter-processor interrupts.
 *
 * Linux 2.6: arch/i386/kernel/smp.c (send_IPI_mask_bitmask),
 * smpboot.c (wakeup_secondary_cpu).
 * A CPU interrupts another by writing the target's APIC ID into ICR2 and
 * the vector and delivery mode into ICR, which sends.  The write pair
 * must not be split by an interrupt whose handler sends an IPI itself,
 * so both happen with interrupts off (a per-CPU register: no lock).
 * Intel SDM vol. 3A, 10.6 "Issuing interprocessor interrupts".
 */
#include <asm/apic.h>
#include <asm/irqflags.h>
#include <asm/mpspec.h>
#include <asm/processor.h>
#include <delay.h>
#include <kernel.h>
#include <percpu.h>

/**
 * apic_wait_icr_idle - wait until the previous IPI left this CPU's APIC
 */
void apic_wait_icr_idle(void)
{
	while (apic_read(APIC_ICR) & APIC_ICR_BUSY)
		cpu_relax();
}

static void __send_IPI_dest(unsigned int apicid, u32 icr)
{
	apic_wait_icr_idle();
	apic_write(APIC_ICR2, apicid << 24);
	apic_write(APIC_ICR, icr);
}

/**
 * send_IPI_mask - send @vector to every CPU in @mask
 * @mask: online CPUs (may include this one)
 * @vector: the interrupt vector (asm/apic.h)
 *
 * Context: any.
 */
void send_IPI_mask(cpumask_t mask, int vector)
{
	unsigned long flags;
	unsigned int cpu;

	local_irq_save(flags);
	for_each_cpu_mask(cpu, mask)
		__send_IPI_dest(x86_cpu_to_apicid[cpu], APIC_DM_FIXED | vector);
	local_irq_restore(flags);
}

/**
 * send_IPI_allbutself - send @vector to every other online CPU
 * @vector: the interrupt vector
 *
 * Context: any.
 */
void send_IPI_allbutself(int vector)
{
	unsigned long flags;
	cpumask_t mask;

	local_irq_save(flags);
	mask = READ_ONCE(cpu_online_map);
	cpu_clear(raw_smp_processor_id(), &mask);
	send_IPI_mask(mask, vector);
	local_irq_restore(flags);
}

/*
 * The MP specification's pauses (10 ms after INIT, 200 us after each
 * STARTUP) are for the external 82489DX APIC and the first integrated
 * ones.  A P6-family or later CPU (CPUID family >= 6) needs none, and
 * Linux (arch/x86/kernel/smpboot.c: smp_quirk_init_udelay()) waits only
 * 10 us there; 10 ms per CPU would be most of the boot.
 */
static bool cpu_needs_init_delay(void)
{
	u32 eax = 1, ebx, ecx = 0, edx;

	__asm__ __volatile__("cpuid" : "+a"(eax), "=b"(ebx), "+c"(ecx),
					"=d"(edx));
	return ((eax >> 8) & 0xF) < 6;
}

/**
 * wakeup_secondary_cpu_via_init - start a halted CPU at @start_eip
 * @apicid: the CPU's APIC ID
 * @start_eip: the real-mode entry, page aligned and below 1 MiB
 *
 * The universal start-up algorithm of the MP specification (B.4): an
 * INIT IPI (assert, then deassert), then two STARTUP IPIs whose vector
 * is the entry's page number.
 * Context: boot, CPU 0.
 * Return: 0, or -EIO if the APIC reported a send error.
 */
int wakeup_secondary_cpu_via_init(unsigned int apicid, unsigned long start_eip)
{
	bool legacy = cpu_needs_init_delay();
	u32 esr;

	apic_write(APIC_ESR, 0);
	__send_IPI_dest(apicid, APIC_INT_LEVELTRIG | APIC_INT_ASSERT |
				APIC_DM_INIT);
	__send_IPI_dest(apicid, APIC_INT_LEVELTRIG | APIC_DM_INIT);
	if (legacy)
		mdelay(10);
	for (int i = 0; i < 2; i++) {
		__send_IPI_dest(apicid, APIC_DM_STARTUP | (start_eip >> 12));
		udelay(legacy ? 200 : 10);
		apic_wait_icr_idle();
	}
	apic_write(APIC_ESR, 0);
	esr = apic_read(APIC_ESR) & 0xEF;
	return esr ? -EIO : 0;
}
