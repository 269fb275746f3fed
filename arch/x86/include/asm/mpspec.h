/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/x86/include/asm/mpspec.h - the machine's CPUs and IO APICs as the
 * firmware describes them.
 *
 * Linux 2.6: include/asm-i386/mpspec.h, arch/i386/kernel/mpparse.c,
 * acpi/boot.c.
 * find_smp_config() reads the ACPI MADT, or the Intel MP table when
 * there is no ACPI, and fills these in; everything after it (the APIC
 * set-up, the IO APIC routing, smp_boot_cpus()) reads only them.
 */
#ifndef _ASM_MPSPEC_H
#define _ASM_MPSPEC_H

#include <asm/fixmap.h>
#include <param.h>
#include <types.h>

#define NR_IRQS_LEGACY	16	/* the ISA interrupts */

/* CPUs the tables list, enabled ones, even beyond NR_CPUS. */
extern unsigned int num_processors;
/* Logical CPU number -> APIC ID; CPU 0 is the boot CPU. */
extern u8 x86_cpu_to_apicid[NR_CPUS];
/* The local APICs' physical address (the same for every CPU). */
extern unsigned long mp_lapic_addr;

struct mp_ioapic {
	unsigned int apicid;
	unsigned long addr;		/* physical address of its registers */
	unsigned int gsi_base;		/* its first pin's global interrupt */
};
extern struct mp_ioapic mp_ioapics[MAX_IO_APICS];
extern int nr_ioapics;

/*
 * How an ISA interrupt reaches an IO APIC pin: its global system
 * interrupt (GSI: the pin counted across IO APICs) and, when the tables
 * override the ISA default (edge, active high), its trigger and polarity.
 */
struct mp_irq_route {
	unsigned int gsi;
	bool level;			/* level triggered (else edge) */
	bool active_low;		/* (else active high) */
};
extern struct mp_irq_route mp_isa_irqs[NR_IRQS_LEGACY];

/* Which table the data came from: "ACPI", "MP", or "default". */
extern const char *mp_config_source;

void find_smp_config(void);

#endif /* _ASM_MPSPEC_H */
