/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/x86/include/asm/mpspec.h - the machine's CPUs and IO APICs as the
 * firmware describes them.
 *
 * Linux 2.6: include/asm-i386/mpspec.h, arch/i386/kernel/mpparse.c,
 * acpi/boot.c.
 * find_smp_config() reads the ACPI MADT (arch/x86/acpi.c), or the Intel
 * MP table when there is no usable ACPI (arch/x86/mpparse.c), or falls
 * back to the PC default, and fills these in; everything after it (the
 * APIC set-up, the IO APIC routing, smp_boot_cpus()) reads only them.
 * Both parsers report what they find through the mp_register_*()
 * functions below, so the checks (duplicate APIC IDs, too many IO APICs,
 * a GSI no IO APIC has) are made once, the same for both tables.
 */
#ifndef _ASM_MPSPEC_H
#define _ASM_MPSPEC_H

#include <asm/fixmap.h>
#include <param.h>
#include <types.h>

#define NR_IRQS_LEGACY	16	/* the ISA interrupts */
#define BAD_APICID	0xFFu	/* x86_cpu_to_apicid[] of an absent CPU */
/*
 * Pins per IO APIC.  Neither table says how many an IO APIC has (its
 * version register does); the 82093AA and QEMU's have 24.
 */
#define MP_IOAPIC_PINS	24

/* CPUs the tables list, enabled ones, even beyond NR_CPUS. */
extern unsigned int num_processors;
/* Logical CPU number -> APIC ID; CPU 0 is the boot CPU. */
extern u8 x86_cpu_to_apicid[NR_CPUS];
/* The boot CPU's APIC ID (CPUID leaf 1), read by find_smp_config(). */
extern unsigned int boot_cpu_physical_apicid;
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

/* arch/x86/mpparse.c, for the parsers (and their host tests) */
void mp_reset_config(void);
void mp_read_config(void);
int mp_register_lapic(unsigned int apicid, bool enabled);
int mp_register_ioapic(unsigned int apicid, unsigned long addr,
		       unsigned int gsi_base);
int mp_override_legacy_irq(unsigned int isa_irq, unsigned int gsi,
			   u16 inti_flags);
/* Names of the interrupt flags' polarity and trigger fields ("dfl", ...) */
extern const char *const mp_polarity_names[4];
extern const char *const mp_trigger_names[4];
int smp_read_mpc(const void *mpc, unsigned long len);
const void *mp_map_table(unsigned long phys, unsigned long len, int window);

/*
 * The checksum of ACPI and MP tables alike: all bytes of a good table
 * sum to 0 (mod 256).
 */
static inline u8 mp_checksum(const void *table, unsigned long len)
{
	const u8 *p = table;
	u8 sum = 0;

	while (len--)
		sum += *p++;
	return sum;
}

#endif /* _ASM_MPSPEC_H */
