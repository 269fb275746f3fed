// SPDX-License-Identifier: GPL-2.0
/*
 * arch/x86/mpparse.c - the machine's CPUs and IO APICs.
 *
 * Linux 2.6: arch/i386/kernel/mpparse.c.
 * Until find_smp_config() has read the firmware's tables, the machine is
 * the PC default: one CPU with APIC ID 0, the local APIC and one IO APIC
 * at their standard addresses, ISA interrupt n on pin n.
 */
#include <asm/apic.h>
#include <asm/mpspec.h>

unsigned int num_processors = 1;
u8 x86_cpu_to_apicid[NR_CPUS];
unsigned long mp_lapic_addr = APIC_DEFAULT_PHYS_BASE;
struct mp_ioapic mp_ioapics[MAX_IO_APICS] = {
	{ .apicid = 0, .addr = 0xFEC00000UL, .gsi_base = 0 },
};
int nr_ioapics = 1;
struct mp_irq_route mp_isa_irqs[NR_IRQS_LEGACY];
const char *mp_config_source = "default";

/**
 * find_smp_config - read the CPUs and IO APICs from the firmware
 *
 * Context: boot, CPU 0, before the local APIC is set up.
 */
void find_smp_config(void)
{
	for (unsigned int irq = 0; irq < NR_IRQS_LEGACY; irq++)
		mp_isa_irqs[irq].gsi = irq;
}
