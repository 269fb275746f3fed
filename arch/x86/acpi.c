// SPDX-License-Identifier: GPL-2.0
/*
 * arch/x86/acpi.c - the CPUs and IO APICs from the ACPI MADT; the power
 * management registers from the FADT and the DSDT.
 *
 * Linux 2.6: arch/i386/kernel/acpi/boot.c (acpi_boot_init,
 * acpi_parse_lapic, acpi_parse_ioapic, acpi_parse_int_src_ovr,
 * acpi_parse_fadt), drivers/acpi/tables.c (acpi_table_parse_madt).
 * The firmware leaves the Root System Description Pointer on a 16-byte
 * boundary in the first KiB of the EBDA or in 0xE0000-0xFFFFF; it points
 * to the RSDT (or, from ACPI 2.0, the XSDT: 64-bit pointers), a list of
 * tables, one of which is the MADT ("APIC").  Each structure's checksum
 * is checked before anything in it is believed.  The MADT's entries are
 * walked three times, as Linux does: the local APICs first (so CPU
 * numbers follow the table), then the IO APICs, then the interrupt
 * source overrides, which name GSIs that only the IO APICs give a
 * meaning to.  An entry whose length is too short for its type or runs
 * past the table stops the walk and rejects the MADT.  What the entries
 * say goes to arch/x86/mpparse.c's mp_register_*(), which fall back to
 * the MP table if this returns an error.
 * The FADT ("FACP") names the SCI's IRQ and the fixed registers (PM1a
 * event and control blocks, the SMI command port that switches the
 * chipset into ACPI mode); the DSDT it points to holds, in AML, the
 * sleep type to write for soft-off (\_S5).  There is no AML
 * interpreter here: the _S5_ package is found by its byte pattern, as
 * small kernels do.  What was found goes to acpi_fadt, read by
 * drivers/acpi/button.c (the power button's SCI, kacpid) and
 * arch/x86/reboot.c (machine_power_off()).
 */
#include <acpi.h>
#include <asm/mpspec.h>
#include <errno.h>
#include <init.h>
#include <kernel.h>
#include <mm.h>
#include <string.h>

bool acpi_disabled;
struct acpi_fadt_info acpi_fadt;

/* acpi=off: as on Linux, the MP table (or the default) is read instead. */
static int acpi_setup(char *arg)
{
	if (strcmp(arg, "off"))
		return -EINVAL;
	acpi_disabled = true;
	return 0;
}
__setup("acpi=", acpi_setup);

static void acpi_print_table(const char *name, unsigned long phys,
			     const struct acpi_table_header *h)
{
	printk(KERN_INFO "ACPI: %s %#010lx %06x (v%02d %.6s %.8s)\n", name,
	       phys, h->length, h->revision, h->oem_id, h->oem_table_id);
}

/* A table's signature, length (at least @min_len) and checksum. */
static int acpi_table_ok(const struct acpi_table_header *h,
			 unsigned long len, const char *sig,
			 unsigned long min_len)
{
	if (len < min_len || memcmp(h->signature, sig, 4) ||
	    h->length < min_len || h->length > len) {
		printk(KERN_ERR "ACPI: %.4s: bad signature or length\n", sig);
		return -EINVAL;
	}
	if (mp_checksum(h, h->length)) {
		printk(KERN_ERR "ACPI: %.4s: checksum error\n", sig);
		return -EINVAL;
	}
	return 0;
}

static int madt_lapic(const struct acpi_subtable_header *entry)
{
	const struct acpi_madt_local_apic *p = (const void *)entry;
	bool enabled = p->lapic_flags & ACPI_MADT_ENABLED;

	printk(KERN_INFO "ACPI: LAPIC (acpi_id[%#04x] lapic_id[%#04x] %s)\n",
	       p->processor_id, p->id, enabled ? "enabled" : "disabled");
	return mp_register_lapic(p->id, enabled);
}

static int madt_lapic_addr(const struct acpi_subtable_header *entry)
{
	const struct acpi_madt_local_apic_override *p = (const void *)entry;

	printk(KERN_INFO "ACPI: LAPIC_ADDR_OVR (address[%#llx])\n",
	       (unsigned long long)p->address);
	if (p->address > 0xFFFFFFFFULL) {
		printk(KERN_ERR "ACPI: local APIC above 4 GiB\n");
		return -EINVAL;
	}
	mp_lapic_addr = p->address;
	return 0;
}

static int madt_ioapic(const struct acpi_subtable_header *entry)
{
	const struct acpi_madt_io_apic *p = (const void *)entry;

	printk(KERN_INFO "ACPI: IOAPIC (id[%#04x] address[%#010x] "
	       "gsi_base[%u])\n", p->id, p->address, p->global_irq_base);
	return mp_register_ioapic(p->id, p->address, p->global_irq_base);
}

static int madt_int_src_ovr(const struct acpi_subtable_header *entry)
{
	const struct acpi_madt_interrupt_override *p = (const void *)entry;

	printk(KERN_INFO "ACPI: INT_SRC_OVR (bus %u bus_irq %u global_irq %u "
	       "%s %s)\n", p->bus, p->source_irq, p->global_irq,
	       mp_polarity_names[p->inti_flags & ACPI_MADT_POLARITY_MASK],
	       mp_trigger_names[(p->inti_flags & ACPI_MADT_TRIGGER_MASK) >> 2]);
	return mp_override_legacy_irq(p->source_irq, p->global_irq,
				      p->inti_flags);
}

/*
 * Calls @handler for each entry of @type, at least @size bytes long;
 * steps over the other types by their length fields.
 */
static int madt_walk(const struct acpi_table_madt *madt, u8 type,
		     unsigned int size,
		     int (*handler)(const struct acpi_subtable_header *))
{
	const u8 *p = (const u8 *)(madt + 1);
	const u8 *end = (const u8 *)madt + madt->header.length;
	int ret;

	while (p < end) {
		const struct acpi_subtable_header *entry = (const void *)p;

		/* A length of 0 or 1 would never move on. */
		if (end - p < 2 || entry->length < 2 ||
		    entry->length > end - p ||
		    (entry->type == type && entry->length < size)) {
			printk(KERN_ERR "ACPI: MADT entry type %u at offset "
			       "%u: bad length %u\n", entry->type,
			       (unsigned int)(p - (const u8 *)madt),
			       end - p < 2 ? 0 : entry->length);
			return -EINVAL;
		}
		if (entry->type == type) {
			ret = handler(entry);
			if (ret)
				return ret;
		}
		p += entry->length;
	}
	return 0;
}

/**
 * acpi_parse_madt - read the CPUs, IO APICs and ISA overrides of a MADT
 * @madt: the table
 * @len: the bytes readable at @madt
 *
 * Context: boot, CPU 0, after mp_reset_config().
 * Return: 0, or -EINVAL for a table that is broken anywhere.
 */
int acpi_parse_madt(const struct acpi_table_madt *madt, unsigned long len)
{
	if (acpi_table_ok(&madt->header, len, "APIC", sizeof(*madt)))
		return -EINVAL;
	mp_lapic_addr = madt->address;
	if (madt_walk(madt, ACPI_MADT_TYPE_LOCAL_APIC,
		      sizeof(struct acpi_madt_local_apic), madt_lapic) ||
	    madt_walk(madt, ACPI_MADT_TYPE_LOCAL_APIC_OVERRIDE,
		      sizeof(struct acpi_madt_local_apic_override),
		      madt_lapic_addr) ||
	    madt_walk(madt, ACPI_MADT_TYPE_IO_APIC,
		      sizeof(struct acpi_madt_io_apic), madt_ioapic) ||
	    madt_walk(madt, ACPI_MADT_TYPE_INTERRUPT_OVERRIDE,
		      sizeof(struct acpi_madt_interrupt_override),
		      madt_int_src_ovr))
		return -EINVAL;
	return 0;
}

/**
 * acpi_parse_fadt - read the fixed hardware registers from a FADT
 * @fadt: the table
 * @len: the bytes readable at @fadt
 *
 * Fills acpi_fadt (all but the S5 sleep type, which is in the DSDT).
 * The register blocks are I/O ports on a PC: only their low 16 bits
 * mean anything.
 * Context: boot, CPU 0.
 * Return: 0, or -EINVAL for a broken table or one without a PM1a block.
 */
int acpi_parse_fadt(const struct acpi_table_fadt *fadt, unsigned long len)
{
	if (acpi_table_ok(&fadt->header, len, "FACP", sizeof(*fadt)))
		return -EINVAL;
	/* Each half of PM1_EVT holds 2 bytes at least: PM1_STS, PM1_EN. */
	if (!fadt->pm1a_event_block || !fadt->pm1a_control_block ||
	    fadt->pm1_event_length < 4 || fadt->sci_interrupt >= 16) {
		printk(KERN_ERR "ACPI: FADT: no usable PM1a registers or "
		       "SCI\n");
		return -EINVAL;
	}
	acpi_fadt.sci_irq = fadt->sci_interrupt;
	acpi_fadt.smi_cmd = fadt->smi_command;
	acpi_fadt.acpi_enable = fadt->acpi_enable;
	acpi_fadt.pm1a_evt_blk = fadt->pm1a_event_block;
	acpi_fadt.pm1a_cnt_blk = fadt->pm1a_control_block;
	acpi_fadt.pm1_evt_len = fadt->pm1_event_length;
	return 0;
}

/**
 * acpi_find_s5 - the SLP_TYPa of the S5 (soft-off) state, from AML bytes
 * @aml: the DSDT (its header included)
 * @len: its length
 * @slp_typ: where the value goes
 *
 * Without an AML interpreter, the object "Name (_S5_, Package () { a,
 * b, ... })" is found by its encoding: NameOp 0x08 (perhaps then the
 * root prefix '\\'), the name "_S5_", PackageOp 0x12, the package
 * length (1 to 4 bytes: the top two bits of the first say how many
 * follow), the element count, then the first element: BytePrefix 0x0A
 * and a byte, or ZeroOp 0x00 / OneOp 0x01.
 * Context: any.
 * Return: 0, or -ENOENT if there is no such object.
 */
int acpi_find_s5(const u8 *aml, unsigned long len, u8 *slp_typ)
{
	for (unsigned long i = 2; i + 4 < len; i++) {
		const u8 *p = aml + i;
		unsigned long rest = len - i;
		unsigned int pkglen_bytes;

		if (memcmp(p, "_S5_", 4))
			continue;
		if (p[-1] != 0x08 && !(p[-1] == '\\' && p[-2] == 0x08))
			continue;
		if (rest < 6 || p[4] != 0x12)
			continue;
		pkglen_bytes = 1 + (p[5] >> 6);
		/* name, PackageOp, PkgLength, NumElements, element */
		if (rest < 4 + 1 + pkglen_bytes + 1 + 2)
			continue;
		p += 4 + 1 + pkglen_bytes + 1;
		if (p[0] == 0x0A)
			*slp_typ = p[1];
		else if (p[0] == 0x00 || p[0] == 0x01)
			*slp_typ = p[0];
		else
			continue;
		return 0;
	}
	return -ENOENT;
}

/* The FADT at @phys, then the S5 sleep type in the DSDT it points to. */
static void acpi_boot_fadt(unsigned long phys)
{
	const struct acpi_table_fadt *fadt;
	const struct acpi_table_header *dsdt;
	unsigned long len, dsdt_phys;

	fadt = mp_map_table(phys, sizeof(*fadt), 1);
	if (!fadt)
		return;
	acpi_print_table("FADT", phys, &fadt->header);
	len = max((unsigned long)fadt->header.length, sizeof(*fadt));
	fadt = mp_map_table(phys, len, 1);
	if (!fadt || acpi_parse_fadt(fadt, len))
		return;
	dsdt_phys = fadt->dsdt;
	printk(KERN_INFO "ACPI: SCI IRQ %u, PM1a_EVT_BLK %#x (%u bytes), "
	       "PM1a_CNT_BLK %#x, SMI_CMD %#x\n", acpi_fadt.sci_irq,
	       acpi_fadt.pm1a_evt_blk, acpi_fadt.pm1_evt_len,
	       acpi_fadt.pm1a_cnt_blk, acpi_fadt.smi_cmd);

	/* The DSDT, in the same window: the FADT is no longer needed. */
	dsdt = dsdt_phys ? mp_map_table(dsdt_phys, sizeof(*dsdt), 1) : NULL;
	if (!dsdt)
		goto no_s5;
	acpi_print_table("DSDT", dsdt_phys, dsdt);
	len = max((unsigned long)dsdt->length, sizeof(*dsdt));
	dsdt = mp_map_table(dsdt_phys, len, 1);
	if (!dsdt || acpi_table_ok(dsdt, len, "DSDT", sizeof(*dsdt)) ||
	    acpi_find_s5((const u8 *)dsdt, len, &acpi_fadt.slp_typa_s5))
		goto no_s5;
	acpi_fadt.s5_found = true;
	printk(KERN_INFO "ACPI: S5 SLP_TYP %u (from the DSDT)\n",
	       acpi_fadt.slp_typa_s5);
	return;
no_s5:
	printk(KERN_WARNING "ACPI: no \\_S5 in the DSDT: power-off uses "
	       "SLP_TYP %u\n", acpi_fadt.slp_typa_s5);
}

/* A valid RSDP in [@base, @base + @len), or 0. */
static unsigned long acpi_scan_rsdp(unsigned long base, unsigned long len)
{
	const u8 *area = mp_map_table(base, len, 0);

	for (unsigned long off = 0; area && off + sizeof(struct acpi_table_rsdp)
	     <= len; off += 16) {
		const struct acpi_table_rsdp *rsdp = (const void *)(area + off);

		if (memcmp(rsdp->signature, ACPI_RSDP_SIG, 8))
			continue;
		if (mp_checksum(rsdp, ACPI_RSDP_V1_SIZE) ||
		    (rsdp->revision >= 2 && mp_checksum(rsdp, sizeof(*rsdp)))) {
			printk(KERN_ERR "ACPI: RSDP %#010lx: checksum error, "
			       "ignored\n", base + off);
			continue;
		}
		return base + off;
	}
	return 0;
}

/**
 * acpi_boot_init - find the MADT and read it
 *
 * Context: boot, CPU 0, after paging_init() and mp_reset_config().
 * Return: 0, -ENODEV if there is no ACPI or no MADT, -EINVAL if what
 * there is is broken.
 */
int acpi_boot_init(void)
{
	unsigned long ebda = *(const u16 *)__va(0x40E) << 4;
	unsigned long phys = 0, root, count, len, entry_size = 4;
	const struct acpi_table_rsdp *rsdp;
	const struct acpi_table_header *h;
	const char *root_name = "RSDT";
	unsigned long madt_phys = 0, fadt_phys = 0;

	if (ebda)
		phys = acpi_scan_rsdp(ebda, 1024);
	if (!phys)
		phys = acpi_scan_rsdp(0xE0000, 0x20000);
	if (!phys) {
		printk(KERN_INFO "ACPI: no RSDP found\n");
		return -ENODEV;
	}
	rsdp = mp_map_table(phys, sizeof(*rsdp), 0);
	printk(KERN_INFO "ACPI: RSDP %#010lx (v%02d %.6s)\n", phys,
	       rsdp->revision, rsdp->oem_id);
	root = rsdp->rsdt_physical_address;
	/* The XSDT is the one to use when there is one we can reach. */
	if (rsdp->revision >= 2 && rsdp->xsdt_physical_address &&
	    rsdp->xsdt_physical_address < 0xFFFFFFFFULL) {
		root = rsdp->xsdt_physical_address;
		root_name = "XSDT";
		entry_size = 8;
	}

	/* The root in window 0, each table it lists in window 1. */
	h = mp_map_table(root, sizeof(*h), 0);
	if (!h)
		return -EINVAL;
	len = max((unsigned long)h->length, sizeof(*h));
	h = mp_map_table(root, len, 0);
	if (!h)
		return -EINVAL;
	acpi_print_table(root_name, root, h);
	if (acpi_table_ok(h, len, root_name, sizeof(*h)))
		return -EINVAL;
	count = (h->length - sizeof(*h)) / entry_size;
	for (unsigned long i = 0; i < count; i++) {
		const struct acpi_table_header *t;
		u64 addr = 0;

		/* 4 or 8 bytes, little endian, the XSDT's not 8-aligned */
		memcpy(&addr, (const u8 *)(h + 1) + i * entry_size, entry_size);

		if (addr > 0xFFFFFFFFULL - sizeof(struct acpi_table_fadt))
			continue;	/* out of reach; not a table we know */
		t = mp_map_table(addr, sizeof(*t), 1);
		if (!t)
			continue;
		if (!memcmp(t->signature, "APIC", 4) && !madt_phys)
			madt_phys = addr;
		else if (!memcmp(t->signature, "FACP", 4) && !fadt_phys)
			fadt_phys = addr;
	}
	/* The root's window is reused below: nothing of it is needed. */
	if (fadt_phys)
		acpi_boot_fadt(fadt_phys);
	else
		printk(KERN_INFO "ACPI: no FADT: no power button\n");
	if (madt_phys) {
		const struct acpi_table_madt *madt;

		madt = mp_map_table(madt_phys, sizeof(*madt), 1);
		acpi_print_table("MADT", madt_phys, &madt->header);
		len = max((unsigned long)madt->header.length, sizeof(*madt));
		madt = mp_map_table(madt_phys, len, 1);
		return madt ? acpi_parse_madt(madt, len) : -EINVAL;
	}
	printk(KERN_INFO "ACPI: no MADT\n");
	return -ENODEV;
}
