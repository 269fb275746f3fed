// SPDX-License-Identifier: GPL-2.0
/*
 * tests/fuzz/smp_fuzz.c - the firmware-table parsers (arch/x86/acpi.c,
 * arch/x86/mpparse.c) under libFuzzer: any bytes, as an ACPI MADT or an
 * Intel MP configuration table.
 *
 * Byte 0 of the input chooses: bit 0 the parser (0: acpi_parse_madt(),
 * 1: smp_read_mpc()), bit 1 whether the harness fixes the table's
 * checksum first, so that most inputs reach the entries instead of
 * stopping at the checksum.  Byte 1 is the boot CPU's APIC ID.  The rest
 * is the table, copied to a block of exactly its size (reading one byte
 * past it is a sanitizer error).  Checked:
 * - the result is 0, or -EINVAL with at least one KERN_ERR line; 0 comes
 *   with none;
 * - after a 0: at most MAX_IO_APICS IO APICs; x86_cpu_to_apicid[] holds
 *   min(num_processors, NR_CPUS) different APIC IDs, the boot CPU's
 *   first if it was listed, then BAD_APICID; every ISA IRQ is on its
 *   own pin (the default) or on a pin of a registered IO APIC.
 * Built with libFuzzer by `make fuzz`, and with gcc and
 * tests/fuzz/replay.c for `make test` (docs/testing.md).
 */
#include <acpi.h>
#include <asm/mpspec.h>
#include <asm/mpspec_def.h>
#include <cpumask.h>
#include <errno.h>
#include <kernel.h>
#include <string.h>
#include "host/fuzz.h"

#define LEVEL_ERR	3		/* KERN_ERR */

/* What arch/x86/mpparse.c refers to outside the parsers. */
unsigned long max_low_pfn;
cpumask_t cpu_present_map;

void set_fixmap_nocache(enum fixed_addresses idx, unsigned long phys)
{
	fuzz_fail("set_fixmap_nocache() called while parsing");
}

/* Makes @table's bytes sum to 0 through the byte at @at, if it is there. */
static void fix_checksum(u8 *table, size_t size, size_t len, size_t at)
{
	if (at >= size)
		return;
	table[at] = 0;
	table[at] = -mp_checksum(table, len < size ? len : size);
}

/*
 * x86_cpu_to_apicid[]: the boot CPU's ID or BAD_APICID in slot 0, the
 * others' in slots 1.. without a gap, every ID once.
 */
static void check_cpus(void)
{
	bool boot = x86_cpu_to_apicid[0] != BAD_APICID;
	unsigned int others = 0, want = num_processors - boot;

	FUZZ_ASSERT(!boot || x86_cpu_to_apicid[0] == boot_cpu_physical_apicid);
	FUZZ_ASSERT(num_processors >= (unsigned int)boot);
	for (int cpu = 1; cpu < NR_CPUS; cpu++) {
		if (x86_cpu_to_apicid[cpu] == BAD_APICID)
			break;
		for (int other = 0; other < cpu; other++)
			FUZZ_ASSERT(x86_cpu_to_apicid[other] !=
				    x86_cpu_to_apicid[cpu]);
		others++;
	}
	for (int cpu = 1 + others; cpu < NR_CPUS; cpu++)
		FUZZ_ASSERT(x86_cpu_to_apicid[cpu] == BAD_APICID);
	FUZZ_ASSERT(others == (want < NR_CPUS - 1 ? want : NR_CPUS - 1));
}

static void check_config(void)
{
	FUZZ_ASSERT(nr_ioapics >= 0 && nr_ioapics <= MAX_IO_APICS);
	check_cpus();
	for (unsigned int isa = 0; isa < NR_IRQS_LEGACY; isa++) {
		unsigned int gsi = mp_isa_irqs[isa].gsi;
		bool on_pin = gsi == isa;

		for (int i = 0; i < nr_ioapics; i++)
			if (gsi >= mp_ioapics[i].gsi_base &&
			    gsi < mp_ioapics[i].gsi_base + MP_IOAPIC_PINS)
				on_pin = true;
		FUZZ_ASSERT(on_pin);
	}
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	bool mpc, fix;
	u8 *table;
	int ret;

	if (size < 2)
		return 0;
	mpc = data[0] & 1;
	fix = data[0] & 2;
	boot_cpu_physical_apicid = data[1];
	data += 2;
	size -= 2;
	table = malloc(size ? size : 1);
	FUZZ_ASSERT(table);
	memcpy(table, data, size);
	if (fix && !mpc && size >= 8)
		fix_checksum(table, size, table[4] | table[5] << 8 |
			     table[6] << 16 | (u32)table[7] << 24, 9);
	if (fix && mpc && size >= 6)
		fix_checksum(table, size, table[4] | table[5] << 8, 7);

	mp_reset_config();
	fuzz_printk_reset(NULL);
	if (mpc)
		ret = smp_read_mpc(table, size);
	else
		ret = acpi_parse_madt((const void *)table, size);
	fuzz_note("%s: %d, %u CPUs, %d IO APICs", mpc ? "smp_read_mpc" :
		  "acpi_parse_madt", ret, num_processors, nr_ioapics);
	if (ret) {
		FUZZ_ASSERT(ret == -EINVAL);
		FUZZ_ASSERT(fuzz_printk_count(LEVEL_ERR) >= 1);
	} else {
		FUZZ_ASSERT(fuzz_printk_count(LEVEL_ERR) == 0);
		check_config();
	}
	free(table);
	return 0;
}
