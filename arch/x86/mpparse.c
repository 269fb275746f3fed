// SPDX-License-Identifier: GPL-2.0
/*
 * arch/x86/mpparse.c - the machine's CPUs and IO APICs: ACPI first, the
 * Intel MP table next, the PC default last.
 *
 * Linux 2.6: arch/i386/kernel/mpparse.c (find_smp_config,
 * smp_read_mpc, MP_processor_info, mp_register_lapic/ioapic,
 * mp_override_legacy_irq); Understanding the Linux Kernel, 3rd ed.,
 * chapter 4, section "The Advanced Programmable Interrupt Controller
 * (APIC)".
 * find_smp_config() tries each source in turn: the ACPI MADT
 * (arch/x86/acpi.c), then the MP table the BIOS leaves for older systems
 * (parsed here), then the PC default: one CPU, one IO APIC at its
 * standard address, ISA IRQ n on pin n.  Both parsers report what they
 * read through mp_register_lapic(), mp_register_ioapic() and
 * mp_override_legacy_irq(), which check it; a table with anything wrong
 * is rejected as a whole, with a message, and the next source is tried,
 * so a broken BIOS costs CPUs, never the boot.  The parsers work on a
 * (pointer, length) pair: the host tests (tests/unit/smp_config_test.c)
 * and the fuzzer (tests/fuzz/smp_fuzz.c) hand them tables of their own.
 * The results in asm/mpspec.h go next to the APIC and IO APIC set-up and
 * to smp_boot_cpus().
 */
#include <acpi.h>
#include <asm/apic.h>
#include <asm/mpspec.h>
#include <asm/mpspec_def.h>
#include <cpumask.h>
#include <errno.h>
#include <kernel.h>
#include <mm.h>
#include <string.h>

unsigned int num_processors = 1;
u8 x86_cpu_to_apicid[NR_CPUS];
unsigned int boot_cpu_physical_apicid;
unsigned long mp_lapic_addr = APIC_DEFAULT_PHYS_BASE;
struct mp_ioapic mp_ioapics[MAX_IO_APICS] = {
	{ .apicid = 0, .addr = 0xFEC00000UL, .gsi_base = 0 },
};
int nr_ioapics = 1;
struct mp_irq_route mp_isa_irqs[NR_IRQS_LEGACY];
const char *mp_config_source = "default";

/* The interrupt flags' names, indexed by their two-bit fields. */
const char *const mp_polarity_names[4] = { "dfl", "high", "res", "low" };
const char *const mp_trigger_names[4] = { "dfl", "edge", "res", "level" };

/* The enabled APIC IDs seen so far in this table, to catch duplicates. */
static u32 apicids_seen[256 / 32];
static bool boot_cpu_seen;
static unsigned int nr_other_cpus;	/* in x86_cpu_to_apicid[1..] */

/**
 * mp_reset_config - forget what an earlier table said
 *
 * Before each source is read, and before the default is set up.
 * Context: boot, CPU 0.
 */
void mp_reset_config(void)
{
	num_processors = 0;
	memset(x86_cpu_to_apicid, BAD_APICID, sizeof(x86_cpu_to_apicid));
	memset(apicids_seen, 0, sizeof(apicids_seen));
	boot_cpu_seen = false;
	nr_other_cpus = 0;
	mp_lapic_addr = APIC_DEFAULT_PHYS_BASE;
	nr_ioapics = 0;
	for (unsigned int irq = 0; irq < NR_IRQS_LEGACY; irq++)
		mp_isa_irqs[irq] = (struct mp_irq_route){ .gsi = irq };
	cpu_present_map = cpumask_of_cpu(0);
}

/**
 * mp_register_lapic - a CPU the table lists
 * @apicid: its local APIC ID
 * @enabled: usable (a disabled entry is a CPU slot left empty)
 *
 * The boot CPU is CPU 0 wherever the table lists it; the others take
 * CPUs 1, 2, ... in table order, as far as NR_CPUS goes.
 * Context: boot, CPU 0.
 * Return: 0, or -EINVAL for an APIC ID listed twice, or 0xFF.
 */
int mp_register_lapic(unsigned int apicid, bool enabled)
{
	if (!enabled)
		return 0;
	/* 0xFF is the broadcast address, no CPU's */
	if (apicid >= BAD_APICID ||
	    apicids_seen[apicid / 32] & (1U << apicid % 32)) {
		printk(KERN_ERR "SMP: APIC ID %#04x listed twice, or not a "
		       "CPU's\n", apicid);
		return -EINVAL;
	}
	apicids_seen[apicid / 32] |= 1U << apicid % 32;
	num_processors++;
	if (apicid == boot_cpu_physical_apicid) {
		boot_cpu_seen = true;
		x86_cpu_to_apicid[0] = apicid;
	} else if (nr_other_cpus < NR_CPUS - 1) {
		x86_cpu_to_apicid[++nr_other_cpus] = apicid;
	}
	return 0;
}

/**
 * mp_register_ioapic - an IO APIC the table lists
 * @apicid: its APIC ID
 * @addr: the physical address of its registers
 * @gsi_base: the global system interrupt of its pin 0
 *
 * Context: boot, CPU 0.
 * Return: 0, or -EINVAL when there are more than MAX_IO_APICS.
 */
int mp_register_ioapic(unsigned int apicid, unsigned long addr,
		       unsigned int gsi_base)
{
	if (nr_ioapics >= MAX_IO_APICS) {
		printk(KERN_ERR "SMP: more than %d IO APICs\n", MAX_IO_APICS);
		return -EINVAL;
	}
	mp_ioapics[nr_ioapics++] = (struct mp_ioapic){
		.apicid = apicid, .addr = addr, .gsi_base = gsi_base };
	return 0;
}

/* The IO APIC whose pins include @gsi, or -1. */
static int mp_find_ioapic(unsigned int gsi)
{
	for (int i = 0; i < nr_ioapics; i++)
		if (gsi >= mp_ioapics[i].gsi_base &&
		    gsi - mp_ioapics[i].gsi_base < MP_IOAPIC_PINS)
			return i;
	return -1;
}

/**
 * mp_override_legacy_irq - an ISA interrupt not wired the default way
 * @isa_irq: the ISA IRQ (0-15)
 * @gsi: the global system interrupt it arrives at
 * @inti_flags: polarity (bits 0-1) and trigger (bits 2-3), as the MP
 *	specification encodes them; "conforms" is the ISA default
 *
 * Context: boot, CPU 0, after the IO APICs are registered.
 * Return: 0, or -EINVAL for an IRQ, GSI or flag out of range.
 */
int mp_override_legacy_irq(unsigned int isa_irq, unsigned int gsi,
			   u16 inti_flags)
{
	unsigned int polarity = inti_flags & 3, trigger = inti_flags >> 2 & 3;

	if (isa_irq >= NR_IRQS_LEGACY || mp_find_ioapic(gsi) < 0 ||
	    polarity == 2 || trigger == 2) {
		printk(KERN_ERR "SMP: ISA IRQ %u -> GSI %u (%s %s): out of "
		       "range\n", isa_irq, gsi, mp_polarity_names[polarity],
		       mp_trigger_names[trigger]);
		return -EINVAL;
	}
	mp_isa_irqs[isa_irq] = (struct mp_irq_route){ .gsi = gsi,
		.active_low = polarity == 3, .level = trigger == 3 };
	return 0;
}

/* Pass 1 over an MP configuration table: processors, buses, IO APICs. */
static int mpc_device(const u8 *p, int *isa_bus)
{
	const struct mpc_config_processor *cpu = (const void *)p;
	const struct mpc_config_bus *bus = (const void *)p;
	const struct mpc_config_ioapic *ioapic = (const void *)p;
	unsigned int gsi_base = nr_ioapics * MP_IOAPIC_PINS;

	switch (*p) {
	case MP_PROCESSOR:
		printk(KERN_INFO "MP: LAPIC (apic_id[%#04x] %s%s)\n",
		       cpu->mpc_apicid, cpu->mpc_cpuflag & CPU_ENABLED ?
		       "enabled" : "disabled",
		       cpu->mpc_cpuflag & CPU_BOOTPROCESSOR ? " boot" : "");
		return mp_register_lapic(cpu->mpc_apicid,
					 cpu->mpc_cpuflag & CPU_ENABLED);
	case MP_BUS:
		if (!memcmp(bus->mpc_bustype, "ISA", 3))
			*isa_bus = bus->mpc_busid;
		return 0;
	case MP_IOAPIC:
		if (!(ioapic->mpc_flags & MPC_APIC_USABLE))
			return 0;
		printk(KERN_INFO "MP: IOAPIC (id[%#04x] address[%#010x] "
		       "gsi_base[%u])\n", ioapic->mpc_apicid,
		       ioapic->mpc_apicaddr, gsi_base);
		return mp_register_ioapic(ioapic->mpc_apicid,
					  ioapic->mpc_apicaddr, gsi_base);
	}
	return 0;
}

/*
 * Pass 2: an interrupt entry of the ISA bus, which names an IO APIC (by
 * its ID) and a pin.  Other buses' entries (PCI) are not needed yet.
 */
static int mpc_intsrc(const struct mpc_config_intsrc *irq, int isa_bus)
{
	unsigned int flags = irq->mpc_irqflag;
	int i;

	if (irq->mpc_irqtype != mp_INT || irq->mpc_srcbus != isa_bus)
		return 0;
	for (i = 0; i < nr_ioapics; i++)
		if (irq->mpc_dstapic == mp_ioapics[i].apicid ||
		    irq->mpc_dstapic == MP_APIC_ALL)
			break;
	if (i == nr_ioapics || irq->mpc_dstirq >= MP_IOAPIC_PINS) {
		printk(KERN_ERR "MP: ISA IRQ %u: no IO APIC %#04x pin %u\n",
		       irq->mpc_srcbusirq, irq->mpc_dstapic, irq->mpc_dstirq);
		return -EINVAL;
	}
	/* Like ACPI's overrides, only what differs from the default. */
	if (irq->mpc_srcbusirq != mp_ioapics[i].gsi_base + irq->mpc_dstirq ||
	    flags)
		printk(KERN_INFO "MP: INT_SRC (bus_irq %u ioapic[%#04x] pin %u "
		       "%s %s)\n", irq->mpc_srcbusirq, irq->mpc_dstapic,
		       irq->mpc_dstirq, mp_polarity_names[flags & 3],
		       mp_trigger_names[flags >> 2 & 3]);
	return mp_override_legacy_irq(irq->mpc_srcbusirq,
				      mp_ioapics[i].gsi_base + irq->mpc_dstirq,
				      flags);
}

/**
 * smp_read_mpc - read an MP configuration table ("PCMP")
 * @mpc: the table
 * @len: the bytes readable at @mpc
 *
 * Every entry's size follows from its type; an unknown type cannot be
 * stepped over and rejects the table.
 * Context: boot, CPU 0, after mp_reset_config().
 * Return: 0, or -EINVAL for a table that is broken anywhere.
 */
int smp_read_mpc(const void *mpc, unsigned long len)
{
	const struct mp_config_table *h = mpc;
	long size;
	int isa_bus = -1, ret = 0;
	const u8 *end;

	if (len < sizeof(*h) || memcmp(h->mpc_signature, MPC_SIGNATURE, 4) ||
	    h->mpc_length < sizeof(*h) || h->mpc_length > len) {
		printk(KERN_ERR "MP: bad configuration table header\n");
		return -EINVAL;
	}
	if (mp_checksum(h, h->mpc_length)) {
		printk(KERN_ERR "MP: configuration table checksum error\n");
		return -EINVAL;
	}
	mp_lapic_addr = h->mpc_lapic;
	end = (const u8 *)h + h->mpc_length;
	for (int pass = 1; pass <= 2; pass++) {
		for (const u8 *p = (const u8 *)(h + 1); p < end; p += size) {
			size = sizeof(struct mpc_config_bus);	/* 8 */
			if (*p == MP_PROCESSOR)
				size = sizeof(struct mpc_config_processor);
			if (*p > MP_LINTSRC || end - p < size) {
				printk(KERN_ERR "MP: entry type %u at offset "
				       "%u: unknown or past the table's end\n",
				       *p, (unsigned int)(p - (const u8 *)h));
				return -EINVAL;
			}
			if (pass == 1)
				ret = mpc_device(p, &isa_bus);
			else if (*p == MP_INTSRC)
				ret = mpc_intsrc((const void *)p, isa_bus);
			if (ret)
				return ret;
		}
	}
	return 0;
}

/**
 * mp_map_table - a firmware table's bytes, wherever they are
 * @phys: its physical address
 * @len: its length in bytes
 * @window: 0 or 1: two tables can be mapped at once (one pointing to
 *	the other); mapping another table in a window replaces the last
 *
 * Below max_low_pfn the kernel's own mapping at PAGE_OFFSET has it.
 * Above (QEMU's ACPI tables sit in reserved memory at the top of RAM,
 * beyond the last frame the kernel maps) the window's fixmap pages map
 * it, at most FIX_ACPI_PAGES.
 * Context: boot, CPU 0, after paging_init().
 * Return: a pointer to the table, or NULL (with a message) if too big.
 */
const void *mp_map_table(unsigned long phys, unsigned long len, int window)
{
	unsigned long offset = phys & ~PAGE_MASK, pages = PFN_UP(offset + len);
	unsigned int last = FIX_ACPI_BEGIN + (window + 1) * FIX_ACPI_PAGES - 1;

	if (len <= PFN_PHYS(max_low_pfn) && phys <= PFN_PHYS(max_low_pfn) - len)
		return __va(phys);
	if (len > FIX_ACPI_PAGES * PAGE_SIZE || pages > FIX_ACPI_PAGES ||
	    phys > ~0UL - len) {
		printk(KERN_ERR "SMP: table at %#010lx: %lu bytes, more than "
		       "can be mapped\n", phys, len);
		return NULL;
	}
	/* Fixed addresses run downwards: the last slot is the lowest. */
	for (unsigned long i = 0; i < pages; i++)
		set_fixmap_nocache(last - i, (phys & PAGE_MASK) + PFN_PHYS(i));
	return (const void *)(fix_to_virt(last) + offset);
}

/* A valid floating pointer in [@base, @base + @len), or NULL. */
static const struct intel_mp_floating *mpf_scan(unsigned long base,
						unsigned long len)
{
	const u8 *area = mp_map_table(base, len, 0);

	for (unsigned long off = 0; area && off + 16 <= len; off += 16) {
		const struct intel_mp_floating *mpf = (const void *)&area[off];

		if (memcmp(mpf->mpf_signature, MPF_SIGNATURE, 4) ||
		    mpf->mpf_length != 1)
			continue;
		if (mp_checksum(mpf, 16) || (mpf->mpf_specification != 1 &&
					     mpf->mpf_specification != 4)) {
			printk(KERN_ERR "MP: floating pointer at %#010lx: bad "
			       "checksum or version, ignored\n", base + off);
			continue;
		}
		printk(KERN_INFO "MP: _MP_ %#010lx (v1.%d)\n", base + off,
		       mpf->mpf_specification);
		return mpf;
	}
	return NULL;
}

/* The Intel MP table: 0, or -ENODEV/-EINVAL (the next source is tried). */
static int find_intel_smp(void)
{
	unsigned long ebda = *(const u16 *)__va(0x40E) << 4;
	const u8 *bda_kb = __va(0x413);		/* a word, at an odd address */
	unsigned long base_kb = bda_kb[0] | bda_kb[1] << 8;
	const struct intel_mp_floating *mpf = NULL;
	const struct mp_config_table *mpc;
	unsigned long phys, len;

	/* The spec's three places: EBDA, top of base memory, BIOS ROM. */
	if (ebda)
		mpf = mpf_scan(ebda, 1024);
	if (!mpf && base_kb > 1)
		mpf = mpf_scan((base_kb - 1) * 1024, 1024);
	if (!mpf)
		mpf = mpf_scan(0xF0000, 0x10000);
	if (!mpf) {
		printk(KERN_INFO "MP: no MP table found\n");
		return -ENODEV;
	}
	if (mpf->mpf_feature1 || !mpf->mpf_physptr) {
		printk(KERN_ERR "MP: default configuration %u is not "
		       "supported\n", mpf->mpf_feature1);
		return -ENODEV;
	}
	phys = mpf->mpf_physptr;
	mpc = mp_map_table(phys, sizeof(*mpc), 0);
	if (!mpc)
		return -EINVAL;
	len = max((unsigned long)mpc->mpc_length, sizeof(*mpc));
	mpc = mp_map_table(phys, len, 0);
	if (!mpc)
		return -EINVAL;
	printk(KERN_INFO "MP: PCMP %#010lx %06x (v1.%d %.8s %.12s)\n", phys,
	       mpc->mpc_length, mpc->mpc_spec, mpc->mpc_oem,
	       mpc->mpc_productid);
	return smp_read_mpc(mpc, len);
}

/* What every table must give: the boot CPU, and an IO APIC for ISA IRQs. */
static int mp_check_config(void)
{
	if (!boot_cpu_seen) {
		printk(KERN_ERR "SMP: the boot CPU (APIC ID %#04x) is not in "
		       "the table\n", boot_cpu_physical_apicid);
		return -EINVAL;
	}
	if (!nr_ioapics) {
		printk(KERN_ERR "SMP: no IO APIC in the table\n");
		return -EINVAL;
	}
	for (unsigned int irq = 0; irq < NR_IRQS_LEGACY; irq++)
		if (mp_find_ioapic(mp_isa_irqs[irq].gsi) < 0) {
			printk(KERN_ERR "SMP: ISA IRQ %u: GSI %u is on no IO "
			       "APIC\n", irq, mp_isa_irqs[irq].gsi);
			return -EINVAL;
		}
	return 0;
}

/**
 * mp_read_config - read the first usable source: ACPI, MP, default
 *
 * Fills asm/mpspec.h and cpu_present_map and prints the summary line.
 * Context: boot, CPU 0, boot_cpu_physical_apicid set.
 */
void mp_read_config(void)
{
	const char *what;
	unsigned int n;

	mp_reset_config();
	if (acpi_disabled)
		printk(KERN_INFO "ACPI: disabled (acpi=off)\n");
	else if (!acpi_boot_init() && !mp_check_config()) {
		mp_config_source = "ACPI";
		what = "ACPI MADT";
		goto found;
	}
	mp_reset_config();
	if (!find_intel_smp() && !mp_check_config()) {
		mp_config_source = "MP";
		what = "MP table";
		goto found;
	}
	mp_reset_config();
	printk(KERN_NOTICE "SMP: no usable firmware table: one CPU, the PC "
	       "default\n");
	mp_register_lapic(boot_cpu_physical_apicid, true);
	mp_register_ioapic(0, 0xFEC00000UL, 0);
	mp_config_source = what = "default";
found:
	n = min(num_processors, (unsigned int)NR_CPUS);
	for (unsigned int cpu = 0; cpu < n; cpu++)
		cpu_set(cpu, &cpu_present_map);
	printk(KERN_INFO "SMP: %u CPU%s, %d IO APIC%s (%s)\n", num_processors,
	       num_processors == 1 ? "" : "s", nr_ioapics,
	       nr_ioapics == 1 ? "" : "s", what);
	if (num_processors > NR_CPUS)
		printk(KERN_WARNING "SMP: %u CPUs found, NR_CPUS is %d: %u "
		       "ignored\n", num_processors, NR_CPUS,
		       num_processors - NR_CPUS);
}

/**
 * find_smp_config - read the CPUs and IO APICs from the firmware
 *
 * The boot CPU's APIC ID comes from CPUID leaf 1 (EBX bits 31-24): no
 * local APIC register needs mapping to know which entry is CPU 0.
 * Context: boot, CPU 0, after paging_init() (the tables may lie above
 * the boot mapping), before the local APIC is set up.
 */
void find_smp_config(void)
{
	u32 eax = 1, ebx, ecx = 0, edx;

	asm volatile("cpuid" : "+a"(eax), "=b"(ebx), "+c"(ecx), "=d"(edx));
	boot_cpu_physical_apicid = ebx >> 24;
	mp_read_config();
}
