// SPDX-License-Identifier: GPL-2.0
/*
 * tests/unit/smp_config_test.c - the ACPI MADT and MP table parsers
 * (arch/x86/acpi.c, arch/x86/mpparse.c) on hand-built tables.
 *
 * The parsers run on the host, over a 2 MiB arena that stands for the
 * machine's first 2 MiB of physical memory (tests/unit/host/param.h puts
 * __va(0) at its first byte).  The table builders below make good
 * tables; each test breaks one thing and checks the parser's answer, its
 * message, and for the whole chain (mp_read_config()) which source won:
 * ACPI, then the MP table, then the default.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <acpi.h>
#include <asm/mpspec.h>
#include <asm/mpspec_def.h>
#include <cpumask.h>
#include <kernel.h>
#include "unit.h"

#define ARENA_SIZE	(2UL << 20)

unsigned long host_page_offset;
unsigned long max_low_pfn;
cpumask_t cpu_present_map;
static u8 *arena;
static char printed[16384];
static size_t printed_len;

int kernel_vsnprintf(char *buf, size_t size, const char *fmt, va_list args);

/* printk: kept, formatted as the kernel does, for the tests to search. */
int printk(const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = kernel_vsnprintf(printed + printed_len,
			     sizeof(printed) - printed_len, fmt, args);
	va_end(args);
	if (n > 0)
		printed_len = strnlen(printed, sizeof(printed));
	if (getenv("SMP_HOST_VERBOSE")) {
		va_start(args, fmt);
		vprintf(fmt, args);
		va_end(args);
	}
	return n;
}

/* Everything the tests place is in the arena, below max_low_pfn. */
void set_fixmap_nocache(enum fixed_addresses idx, unsigned long phys)
{
	fprintf(stderr, "set_fixmap_nocache(%d, %#lx) called\n", idx, phys);
	abort();
}

static bool logged(const char *what)
{
	return strstr(printed, what) != NULL;
}

/* A fresh machine: zeroed memory, no EBDA, 639 KiB of base memory. */
static void machine(unsigned int boot_apicid)
{
	if (!arena)
		arena = malloc(ARENA_SIZE);
	memset(arena, 0, ARENA_SIZE);
	host_page_offset = (unsigned long)arena;
	max_low_pfn = ARENA_SIZE >> PAGE_SHIFT;
	arena[0x413] = 639 & 0xFF;
	arena[0x414] = 639 >> 8;
	printed_len = 0;
	printed[0] = 0;
	acpi_disabled = false;
	boot_cpu_physical_apicid = boot_apicid;
	mp_reset_config();
}

static void fix_checksum(void *table, size_t len, u8 *sum)
{
	*sum = 0;
	*sum = -mp_checksum(table, len);
}

/* The MADT builder: entries appended in order, then madt_done(). */
static u8 madt_buf[1024];
static size_t madt_len;

static void madt_start(void)
{
	struct acpi_table_madt *m = (void *)madt_buf;

	memset(madt_buf, 0, sizeof(madt_buf));
	memcpy(m->header.signature, "APIC", 4);
	memcpy(m->header.oem_id, "KT26  ", 6);
	m->header.revision = 1;
	m->address = 0xFEE00000;
	madt_len = sizeof(*m);
}

static void madt_add(const void *entry, size_t len)
{
	memcpy(madt_buf + madt_len, entry, len);
	madt_len += len;
}

static void madt_lapic(u8 id, bool enabled)
{
	struct acpi_madt_local_apic e = { { ACPI_MADT_TYPE_LOCAL_APIC,
		sizeof(e) }, id, id, enabled };

	madt_add(&e, sizeof(e));
}

static void madt_ioapic(u8 id, u32 addr, u32 gsi_base)
{
	struct acpi_madt_io_apic e = { { ACPI_MADT_TYPE_IO_APIC, sizeof(e) },
		id, 0, addr, gsi_base };

	madt_add(&e, sizeof(e));
}

static void madt_override(u8 irq, u32 gsi, u16 flags)
{
	struct acpi_madt_interrupt_override e = {
		{ ACPI_MADT_TYPE_INTERRUPT_OVERRIDE, sizeof(e) }, 0, irq, gsi,
		flags };

	madt_add(&e, sizeof(e));
}

static struct acpi_table_madt *madt_done(void)
{
	struct acpi_table_madt *m = (void *)madt_buf;

	m->header.length = madt_len;
	fix_checksum(m, madt_len, &m->header.checksum);
	return m;
}

/* QEMU's shape: CPUs 0..n-1, IO APIC 0, IRQ 0 on GSI 2, 9 level. */
static struct acpi_table_madt *madt_qemu(unsigned int n)
{
	madt_start();
	for (unsigned int i = 0; i < n; i++)
		madt_lapic(i, true);
	madt_ioapic(0, 0xFEC00000, 0);
	madt_override(0, 2, 0);
	madt_override(9, 9, ACPI_MADT_POLARITY_ACTIVE_HIGH |
		      ACPI_MADT_TRIGGER_LEVEL);
	return madt_done();
}

UNIT_TEST(madt_good)
{
	machine(0);
	madt_qemu(4);
	CHECK_EQ(acpi_parse_madt((void *)madt_buf, madt_len), 0);
	CHECK_EQ(num_processors, 4);
	for (int i = 0; i < 4; i++)
		CHECK_EQ(x86_cpu_to_apicid[i], i);
	CHECK_EQ(x86_cpu_to_apicid[4], BAD_APICID);
	CHECK_EQ(nr_ioapics, 1);
	CHECK_EQ(mp_ioapics[0].addr, 0xFEC00000);
	CHECK_EQ(mp_lapic_addr, 0xFEE00000);
	CHECK_EQ(mp_isa_irqs[0].gsi, 2);
	CHECK(!mp_isa_irqs[0].level && !mp_isa_irqs[0].active_low);
	CHECK_EQ(mp_isa_irqs[1].gsi, 1);
	CHECK(mp_isa_irqs[9].level && !mp_isa_irqs[9].active_low);
	CHECK(logged("ACPI: LAPIC (acpi_id[0x03] lapic_id[0x03] enabled)"));
	CHECK(logged("ACPI: IOAPIC (id[0x00] address[0xfec00000] "
		     "gsi_base[0])"));
	CHECK(logged("ACPI: INT_SRC_OVR (bus 0 bus_irq 9 global_irq 9 high "
		     "level)"));
}

/* The boot CPU is CPU 0 wherever it is listed; disabled entries skipped. */
UNIT_TEST(madt_boot_cpu_is_cpu0)
{
	machine(5);
	madt_start();
	madt_lapic(1, true);
	madt_lapic(9, false);
	madt_lapic(5, true);
	madt_lapic(3, true);
	madt_ioapic(0, 0xFEC00000, 0);
	CHECK_EQ(acpi_parse_madt(madt_done(), madt_len), 0);
	CHECK_EQ(num_processors, 3);
	CHECK_EQ(x86_cpu_to_apicid[0], 5);
	CHECK_EQ(x86_cpu_to_apicid[1], 1);
	CHECK_EQ(x86_cpu_to_apicid[2], 3);
	CHECK(logged("lapic_id[0x09] disabled"));
}

UNIT_TEST(madt_more_cpus_than_nr_cpus)
{
	machine(9);
	madt_qemu(NR_CPUS + 2);
	CHECK_EQ(acpi_parse_madt((void *)madt_buf, madt_len), 0);
	CHECK_EQ(num_processors, NR_CPUS + 2);
	CHECK_EQ(x86_cpu_to_apicid[0], 9);	/* the last listed */
	for (int i = 1; i < NR_CPUS; i++)
		CHECK_EQ(x86_cpu_to_apicid[i], i - 1);
}

UNIT_TEST(madt_bad_checksum)
{
	struct acpi_table_madt *m;

	machine(0);
	m = madt_qemu(2);
	m->header.checksum++;
	CHECK_EQ(acpi_parse_madt(m, madt_len), -EINVAL);
	CHECK(logged("ACPI: APIC: checksum error"));
}

UNIT_TEST(madt_bad_signature_and_header_length)
{
	struct acpi_table_madt *m;

	machine(0);
	m = madt_qemu(2);
	CHECK_EQ(acpi_parse_madt(m, madt_len - 1), -EINVAL);	/* past end */
	m->header.signature[0] = 'X';
	fix_checksum(m, madt_len, &m->header.checksum);
	CHECK_EQ(acpi_parse_madt(m, madt_len), -EINVAL);
	CHECK_EQ(acpi_parse_madt(m, 10), -EINVAL);		/* no header */
	CHECK(logged("bad signature or length"));
}

UNIT_TEST(madt_zero_length_entry)
{
	u8 zero[2] = { 7, 0 };

	machine(0);
	madt_start();
	madt_lapic(0, true);
	madt_add(zero, 2);
	madt_ioapic(0, 0xFEC00000, 0);
	CHECK_EQ(acpi_parse_madt(madt_done(), madt_len), -EINVAL);
	CHECK(logged("MADT entry type 7 at offset 52: bad length 0"));
}

UNIT_TEST(madt_entry_past_end)
{
	u8 big[4] = { 4, 200, 0, 0 };

	machine(0);
	madt_start();
	madt_lapic(0, true);
	madt_ioapic(0, 0xFEC00000, 0);
	madt_add(big, 4);
	CHECK_EQ(acpi_parse_madt(madt_done(), madt_len), -EINVAL);
	CHECK(logged("bad length 200"));
}

UNIT_TEST(madt_entry_too_short_for_its_type)
{
	u8 lapic[4] = { ACPI_MADT_TYPE_LOCAL_APIC, 4, 0, 0 };

	machine(0);
	madt_start();
	madt_add(lapic, 4);
	madt_ioapic(0, 0xFEC00000, 0);
	CHECK_EQ(acpi_parse_madt(madt_done(), madt_len), -EINVAL);
	CHECK(logged("MADT entry type 0 at offset 44: bad length 4"));
}

/* Types the kernel does not use are stepped over by their length. */
UNIT_TEST(madt_unknown_entries_skipped)
{
	u8 nmi[6] = { 4, 6, 0xFF, 0, 0, 1 }, odd[3] = { 0x7F, 3, 0 };
	struct acpi_madt_local_apic_override ovr = {
		{ ACPI_MADT_TYPE_LOCAL_APIC_OVERRIDE, sizeof(ovr) }, 0,
		0xFED00000 };

	machine(0);
	madt_start();
	madt_add(odd, 3);
	madt_lapic(0, true);
	madt_add(nmi, 6);
	madt_add(&ovr, sizeof(ovr));
	madt_lapic(1, true);
	madt_ioapic(0, 0xFEC00000, 0);
	CHECK_EQ(acpi_parse_madt(madt_done(), madt_len), 0);
	CHECK_EQ(num_processors, 2);
	CHECK_EQ(mp_lapic_addr, 0xFED00000);
}

UNIT_TEST(madt_duplicate_apic_id)
{
	machine(0);
	madt_start();
	madt_lapic(0, true);
	madt_lapic(1, true);
	madt_lapic(1, true);
	madt_ioapic(0, 0xFEC00000, 0);
	CHECK_EQ(acpi_parse_madt(madt_done(), madt_len), -EINVAL);
	CHECK(logged("SMP: APIC ID 0x01 listed twice"));
}

UNIT_TEST(madt_too_many_ioapics)
{
	machine(0);
	madt_start();
	madt_lapic(0, true);
	for (int i = 0; i <= MAX_IO_APICS; i++)
		madt_ioapic(i, 0xFEC00000 + i * 0x1000, i * 24);
	CHECK_EQ(acpi_parse_madt(madt_done(), madt_len), -EINVAL);
	CHECK(logged("SMP: more than 2 IO APICs"));
}

UNIT_TEST(madt_override_out_of_range)
{
	machine(0);
	madt_start();
	madt_lapic(0, true);
	madt_ioapic(0, 0xFEC00000, 0);
	madt_ioapic(1, 0xFEC01000, 24);
	madt_override(4, 47, 0);			/* IO APIC 1, pin 23 */
	CHECK_EQ(acpi_parse_madt(madt_done(), madt_len), 0);
	CHECK_EQ(mp_isa_irqs[4].gsi, 47);

	machine(0);
	madt_start();
	madt_lapic(0, true);
	madt_ioapic(0, 0xFEC00000, 0);
	madt_override(4, 24, 0);			/* no such pin */
	CHECK_EQ(acpi_parse_madt(madt_done(), madt_len), -EINVAL);
	CHECK(logged("SMP: ISA IRQ 4 -> GSI 24 (dfl dfl): out of range"));

	machine(0);
	madt_start();
	madt_lapic(0, true);
	madt_ioapic(0, 0xFEC00000, 0);
	madt_override(16, 16, 0);			/* not an ISA IRQ */
	CHECK_EQ(acpi_parse_madt(madt_done(), madt_len), -EINVAL);
}

/* The MP configuration table builder. */
static u8 mpc_buf[1024];
static size_t mpc_len;

static void mpc_add(const void *entry, size_t len)
{
	memcpy(mpc_buf + mpc_len, entry, len);
	mpc_len += len;
}

static void mpc_cpu(u8 id, u8 flags)
{
	struct mpc_config_processor e = { .mpc_type = MP_PROCESSOR,
		.mpc_apicid = id, .mpc_apicver = 0x14, .mpc_cpuflag = flags };

	mpc_add(&e, sizeof(e));
}

static void mpc_intsrc(u8 bus, u8 irq, u8 apic, u8 pin, u16 flags)
{
	struct mpc_config_intsrc e = { MP_INTSRC, mp_INT, flags, bus, irq,
		apic, pin };

	mpc_add(&e, sizeof(e));
}

static struct mp_config_table *mpc_done(void)
{
	struct mp_config_table *h = (void *)mpc_buf;

	h->mpc_length = mpc_len;
	fix_checksum(h, mpc_len, &h->mpc_checksum);
	return h;
}

/* SeaBIOS's shape: PCI bus 0, ISA bus 1, IO APIC 8, IRQ 0 on pin 2. */
static struct mp_config_table *mpc_seabios(unsigned int n)
{
	struct mp_config_table *h = (void *)mpc_buf;
	struct mpc_config_bus pci = { MP_BUS, 0, "PCI   " };
	struct mpc_config_bus isa = { MP_BUS, 1, "ISA   " };
	struct mpc_config_ioapic io = { MP_IOAPIC, 8, 0x11, MPC_APIC_USABLE,
		0xFEC00000 };

	memset(mpc_buf, 0, sizeof(mpc_buf));
	memcpy(h->mpc_signature, MPC_SIGNATURE, 4);
	h->mpc_spec = 4;
	h->mpc_lapic = 0xFEE00000;
	mpc_len = sizeof(*h);
	for (unsigned int i = 0; i < n; i++)
		mpc_cpu(i, CPU_ENABLED | (i ? 0 : CPU_BOOTPROCESSOR));
	mpc_add(&pci, sizeof(pci));
	mpc_add(&isa, sizeof(isa));
	mpc_add(&io, sizeof(io));
	mpc_intsrc(0, 4, 8, 16, 0xF);		/* a PCI interrupt: not ISA */
	mpc_intsrc(1, 0, 8, 2, 0);
	mpc_intsrc(1, 1, 8, 1, 0);
	mpc_intsrc(1, 9, MP_APIC_ALL, 9, 0xF);	/* active low, level */
	return mpc_done();
}

UNIT_TEST(mpc_good)
{
	machine(0);
	mpc_seabios(4);
	CHECK_EQ(smp_read_mpc(mpc_buf, mpc_len), 0);
	CHECK_EQ(num_processors, 4);
	CHECK_EQ(x86_cpu_to_apicid[3], 3);
	CHECK_EQ(nr_ioapics, 1);
	CHECK_EQ(mp_ioapics[0].apicid, 8);
	CHECK_EQ(mp_isa_irqs[0].gsi, 2);
	CHECK_EQ(mp_isa_irqs[4].gsi, 4);	/* the PCI entry left it */
	CHECK(mp_isa_irqs[9].level && mp_isa_irqs[9].active_low);
	CHECK(logged("MP: LAPIC (apic_id[0x00] enabled boot)"));
	CHECK(logged("MP: INT_SRC (bus_irq 0 ioapic[0x08] pin 2 dfl dfl)"));
	CHECK(!logged("bus_irq 1 "));		/* the default: not shown */
}

UNIT_TEST(mpc_bad_checksum_and_header)
{
	struct mp_config_table *h;

	machine(0);
	h = mpc_seabios(2);
	h->mpc_checksum ^= 1;
	CHECK_EQ(smp_read_mpc(h, mpc_len), -EINVAL);
	CHECK(logged("MP: configuration table checksum error"));
	h = mpc_seabios(2);
	CHECK_EQ(smp_read_mpc(h, mpc_len - 1), -EINVAL);
	CHECK_EQ(smp_read_mpc(h, 20), -EINVAL);
	CHECK(logged("MP: bad configuration table header"));
}

UNIT_TEST(mpc_unknown_type_and_short_entry)
{
	u8 odd[8] = { 9 };

	machine(0);
	mpc_seabios(1);
	mpc_add(odd, 8);
	CHECK_EQ(smp_read_mpc(mpc_done(), mpc_len), -EINVAL);
	CHECK(logged("MP: entry type 9 at offset"));

	machine(0);
	mpc_seabios(1);
	mpc_add(odd, 1);
	mpc_buf[mpc_len - 1] = MP_PROCESSOR;	/* 1 byte of 20 */
	CHECK_EQ(smp_read_mpc(mpc_done(), mpc_len), -EINVAL);
}

UNIT_TEST(mpc_bad_pin_or_ioapic)
{
	machine(0);
	mpc_seabios(1);
	mpc_intsrc(1, 3, 8, MP_IOAPIC_PINS, 0);
	CHECK_EQ(smp_read_mpc(mpc_done(), mpc_len), -EINVAL);
	CHECK(logged("MP: ISA IRQ 3: no IO APIC 0x08 pin 24"));

	machine(0);
	mpc_seabios(1);
	mpc_intsrc(1, 3, 7, 3, 0);
	CHECK_EQ(smp_read_mpc(mpc_done(), mpc_len), -EINVAL);
}

UNIT_TEST(mpc_duplicate_apic_id)
{
	machine(0);
	mpc_seabios(2);
	mpc_cpu(1, CPU_ENABLED);
	CHECK_EQ(smp_read_mpc(mpc_done(), mpc_len), -EINVAL);
	CHECK(logged("SMP: APIC ID 0x01 listed twice"));
}

/*
 * The whole chain over the arena: an RSDP in the BIOS area pointing to
 * an RSDT, pointing to the MADT; a floating pointer in the BIOS area
 * pointing to the MP table.
 */
#define RSDP_AT	0xF5A40UL
#define RSDT_AT	0x100000UL
#define MADT_AT	0x100100UL
#define MPF_AT	0xF0100UL
#define MPC_AT	0x101000UL

static void put_acpi(unsigned int n)
{
	struct acpi_table_rsdp *rsdp = (void *)(arena + RSDP_AT);
	struct acpi_table_header *rsdt = (void *)(arena + RSDT_AT);
	u32 *entries = (u32 *)(rsdt + 1);

	memcpy(rsdp->signature, ACPI_RSDP_SIG, 8);
	memcpy(rsdp->oem_id, "KT26  ", 6);
	rsdp->rsdt_physical_address = RSDT_AT;
	fix_checksum(rsdp, ACPI_RSDP_V1_SIZE, &rsdp->checksum);

	memcpy(rsdt->signature, "RSDT", 4);
	rsdt->length = sizeof(*rsdt) + 8;
	entries[0] = 0x100080;			/* some other table */
	memcpy(arena + 0x100080, "FACP", 4);
	entries[1] = MADT_AT;
	fix_checksum(rsdt, rsdt->length, &rsdt->checksum);

	madt_qemu(n);
	memcpy(arena + MADT_AT, madt_buf, madt_len);
}

static void put_mp(unsigned int n)
{
	struct intel_mp_floating *mpf = (void *)(arena + MPF_AT);

	memcpy(mpf->mpf_signature, MPF_SIGNATURE, 4);
	mpf->mpf_physptr = MPC_AT;
	mpf->mpf_length = 1;
	mpf->mpf_specification = 4;
	fix_checksum(mpf, 16, &mpf->mpf_checksum);
	mpc_seabios(n);
	memcpy(arena + MPC_AT, mpc_buf, mpc_len);
}

UNIT_TEST(chain_acpi)
{
	machine(0);
	put_acpi(10);
	put_mp(2);
	mp_read_config();
	CHECK_STR(mp_config_source, "ACPI");
	CHECK_EQ(num_processors, 10);
	CHECK_EQ(cpu_present_map.bits[0], 0xFF);
	CHECK(logged("ACPI: RSDP 0x000f5a40 (v00 KT26  )"));
	CHECK(logged("ACPI: RSDT 0x00100000 00002c (v00"));
	CHECK(logged("ACPI: MADT 0x00100100 "));
	CHECK(logged("SMP: 10 CPUs, 1 IO APIC (ACPI MADT)"));
	CHECK(logged("SMP: 10 CPUs found, NR_CPUS is 8: 2 ignored"));
	CHECK(!logged("MP: _MP_"));
}

/* ACPI 2.0: the XSDT, with 64-bit pointers, and the EBDA's RSDP. */
UNIT_TEST(chain_xsdt_in_ebda)
{
	struct acpi_table_rsdp *rsdp;
	struct acpi_table_header *xsdt;

	machine(0);
	rsdp = (void *)(arena + 0x9FC10);
	xsdt = (void *)(arena + 0x100040);
	put_acpi(3);
	*(u16 *)(arena + 0x40E) = 0x9FC0;
	memcpy(rsdp, arena + RSDP_AT, ACPI_RSDP_V1_SIZE);
	rsdp->revision = 2;
	rsdp->rsdt_physical_address = 0;	/* the XSDT must be used */
	rsdp->length = sizeof(*rsdp);
	rsdp->xsdt_physical_address = 0x100040;
	fix_checksum(rsdp, ACPI_RSDP_V1_SIZE, &rsdp->checksum);
	fix_checksum(rsdp, sizeof(*rsdp), &rsdp->extended_checksum);
	memcpy(xsdt->signature, "XSDT", 4);
	xsdt->length = sizeof(*xsdt) + 8;
	memcpy(xsdt + 1, &(u64){ MADT_AT }, 8);	/* at offset 36 */
	fix_checksum(xsdt, xsdt->length, &xsdt->checksum);
	mp_read_config();
	CHECK_STR(mp_config_source, "ACPI");
	CHECK(logged("ACPI: RSDP 0x0009fc10 (v02"));
	CHECK(logged("ACPI: XSDT 0x00100040 "));
	CHECK_EQ(num_processors, 3);
}

/* Anything wrong in ACPI: the MP table; anything wrong there: default. */
UNIT_TEST(chain_fallbacks)
{
	machine(0);
	put_acpi(4);
	put_mp(2);
	arena[MADT_AT + 9]++;			/* the MADT's checksum */
	mp_read_config();
	CHECK_STR(mp_config_source, "MP");
	CHECK_EQ(num_processors, 2);
	CHECK_EQ(cpu_present_map.bits[0], 0x3);
	CHECK(logged("SMP: 2 CPUs, 1 IO APIC (MP table)"));

	machine(0);
	put_acpi(4);
	put_mp(2);
	arena[RSDT_AT + 9]++;			/* the RSDT's checksum */
	arena[MPC_AT + 7]++;			/* the MP table's */
	mp_read_config();
	CHECK_STR(mp_config_source, "default");
	CHECK_EQ(num_processors, 1);
	CHECK_EQ(nr_ioapics, 1);
	CHECK_EQ(mp_isa_irqs[0].gsi, 0);
	CHECK_EQ(cpu_present_map.bits[0], 0x1);
	CHECK(logged("ACPI: RSDT: checksum error"));
	CHECK(logged("SMP: 1 CPU, 1 IO APIC (default)"));

	machine(0);
	put_acpi(4);
	arena[RSDP_AT + 8]++;			/* the RSDP's checksum */
	mp_read_config();
	CHECK_STR(mp_config_source, "default");
	CHECK(logged("ACPI: RSDP 0x000f5a40: checksum error, ignored"));
	CHECK(logged("ACPI: no RSDP found"));
	CHECK(logged("MP: no MP table found"));
}

UNIT_TEST(chain_acpi_off_and_boot_cpu_missing)
{
	machine(0);
	put_acpi(4);
	put_mp(3);
	acpi_disabled = true;
	mp_read_config();
	CHECK_STR(mp_config_source, "MP");
	CHECK_EQ(num_processors, 3);
	CHECK(!logged("ACPI: RSDP"));

	machine(7);				/* in neither table */
	put_acpi(4);
	put_mp(3);
	mp_read_config();
	CHECK_STR(mp_config_source, "default");
	CHECK_EQ(x86_cpu_to_apicid[0], 7);
	CHECK(logged("SMP: the boot CPU (APIC ID 0x07) is not in the table"));
}

UNIT_TEST(chain_mp_default_configuration)
{
	struct intel_mp_floating *mpf;

	machine(0);
	put_mp(2);
	mpf = (void *)(arena + MPF_AT);
	mpf->mpf_feature1 = 5;
	fix_checksum(mpf, 16, &mpf->mpf_checksum);
	mp_read_config();
	CHECK_STR(mp_config_source, "default");
	CHECK(logged("MP: default configuration 5 is not supported"));
}
