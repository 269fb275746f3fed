/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/acpi.h - the ACPI tables the kernel reads at boot: the RSDP,
 * the RSDT/XSDT and the MADT (arch/x86/acpi.c).
 *
 * Linux 2.6: include/acpi/actbl.h, actbl1.h (the layouts),
 * arch/i386/kernel/acpi/boot.c (acpi_boot_init).
 * The layouts are the ACPI specification's (3.0, chapter 5.2), byte for
 * byte: every structure is packed, because the firmware lays the fields
 * out with no padding.  Every table starts with acpi_table_header, whose
 * length covers the whole table and whose checksum makes all its bytes
 * sum to 0 (mod 256).  The MADT, signature "APIC", lists the local APICs
 * (the CPUs), the IO APICs and how ISA interrupts reach them.
 */
#ifndef _ACPI_H
#define _ACPI_H

#include <compiler.h>
#include <types.h>

/* Root System Description Pointer: found by a search of the BIOS areas. */
struct acpi_table_rsdp {
	char signature[8];		/* "RSD PTR " */
	u8 checksum;			/* of the first 20 bytes (ACPI 1.0) */
	char oem_id[6];
	u8 revision;			/* 0: ACPI 1.0; 2 and up: all below */
	u32 rsdt_physical_address;
	u32 length;			/* of this structure (36) */
	u64 xsdt_physical_address;
	u8 extended_checksum;		/* of all @length bytes */
	u8 reserved[3];
} __packed;

#define ACPI_RSDP_SIG		"RSD PTR "
#define ACPI_RSDP_V1_SIZE	20	/* what revision 0 has */

struct acpi_table_header {
	char signature[4];		/* "RSDT", "XSDT", "APIC", ... */
	u32 length;			/* of the whole table, this included */
	u8 revision;
	u8 checksum;
	char oem_id[6];
	char oem_table_id[8];
	u32 oem_revision;
	char asl_compiler_id[4];
	u32 asl_compiler_revision;
} __packed;

/*
 * The RSDT's header is followed by 32-bit physical addresses of the
 * other tables, the XSDT's by 64-bit ones.
 */

/* Multiple APIC Description Table. */
struct acpi_table_madt {
	struct acpi_table_header header;	/* signature "APIC" */
	u32 address;			/* the local APICs' registers */
	u32 flags;			/* bit 0: there are 8259s too */
	/* then entries: acpi_subtable_header + a body, to header.length */
} __packed;

struct acpi_subtable_header {
	u8 type;
	u8 length;			/* of the whole entry */
} __packed;

enum acpi_madt_type {
	ACPI_MADT_TYPE_LOCAL_APIC = 0,
	ACPI_MADT_TYPE_IO_APIC = 1,
	ACPI_MADT_TYPE_INTERRUPT_OVERRIDE = 2,
	ACPI_MADT_TYPE_LOCAL_APIC_OVERRIDE = 5,
};

struct acpi_madt_local_apic {
	struct acpi_subtable_header header;
	u8 processor_id;		/* ACPI's number for the CPU */
	u8 id;				/* its local APIC ID */
	u32 lapic_flags;
} __packed;

#define ACPI_MADT_ENABLED	1	/* lapic_flags: the CPU is usable */

struct acpi_madt_io_apic {
	struct acpi_subtable_header header;
	u8 id;
	u8 reserved;
	u32 address;			/* its registers */
	u32 global_irq_base;		/* the GSI of its pin 0 */
} __packed;

struct acpi_madt_interrupt_override {
	struct acpi_subtable_header header;
	u8 bus;				/* 0: ISA */
	u8 source_irq;			/* the ISA IRQ */
	u32 global_irq;			/* the GSI it arrives at instead */
	u16 inti_flags;			/* ACPI_MADT_POLARITY/TRIGGER */
} __packed;

/*
 * inti_flags, as the Intel MP specification's interrupt entries have
 * them: "conforms" means the bus's default (ISA: active high, edge).
 */
#define ACPI_MADT_POLARITY_MASK		0x3
#define ACPI_MADT_POLARITY_CONFORMS	0x0
#define ACPI_MADT_POLARITY_ACTIVE_HIGH	0x1
#define ACPI_MADT_POLARITY_ACTIVE_LOW	0x3
#define ACPI_MADT_TRIGGER_MASK		0xC
#define ACPI_MADT_TRIGGER_CONFORMS	0x0
#define ACPI_MADT_TRIGGER_EDGE		0x4
#define ACPI_MADT_TRIGGER_LEVEL		0xC

struct acpi_madt_local_apic_override {
	struct acpi_subtable_header header;
	u16 reserved;
	u64 address;			/* replaces acpi_table_madt.address */
} __packed;

/*
 * Fixed ACPI Description Table, signature "FACP": where the fixed
 * hardware registers are (ACPI 1.0 layout: the fields up to the ones
 * read here; later revisions only add fields after them).
 */
struct acpi_table_fadt {
	struct acpi_table_header header;	/* signature "FACP" */
	u32 facs;			/* 36 */
	u32 dsdt;			/* 40: the DSDT's physical address */
	u8 model;			/* 44 */
	u8 preferred_profile;		/* 45 */
	u16 sci_interrupt;		/* 46: the SCI's ISA IRQ */
	u32 smi_command;		/* 48: port for ACPI_ENABLE, 0: none */
	u8 acpi_enable;			/* 52: written to SMI_CMD */
	u8 acpi_disable;		/* 53 */
	u8 s4_bios_request;		/* 54 */
	u8 pstate_control;		/* 55 */
	u32 pm1a_event_block;		/* 56: PM1a_STS then PM1a_EN */
	u32 pm1b_event_block;		/* 60 */
	u32 pm1a_control_block;		/* 64: PM1a_CNT (SCI_EN, SLP_TYP) */
	u32 pm1b_control_block;		/* 68 */
	u32 pm2_control_block;		/* 72 */
	u32 pm_timer_block;		/* 76 */
	u32 gpe0_block;			/* 80 */
	u32 gpe1_block;			/* 84 */
	u8 pm1_event_length;		/* 88: both halves, in bytes */
	u8 pm1_control_length;		/* 89 */
} __packed;

/* PM1_STS and PM1_EN: the fixed events (ACPI 3.0, 4.7.3.1). */
#define ACPI_BITMASK_POWER_BUTTON	0x0100	/* PWRBTN_STS, PWRBTN_EN */
/* PM1_CNT (ACPI 3.0, 4.7.3.2). */
#define ACPI_BITMASK_SCI_ENABLE		0x0001	/* SCI_EN: ACPI mode */
#define ACPI_SLP_TYP_SHIFT		10	/* SLP_TYP: bits 10-12 */
#define ACPI_BITMASK_SLEEP_ENABLE	0x2000	/* SLP_EN: go to SLP_TYP */

/*
 * What the FADT and the DSDT's \_S5 said (arch/x86/acpi.c), for the
 * power button (drivers/acpi/button.c) and the power-off
 * (arch/x86/reboot.c).  Ports are 0 when the tables did not say.
 */
struct acpi_fadt_info {
	unsigned int sci_irq;
	u16 smi_cmd;
	u8 acpi_enable;
	u16 pm1a_evt_blk;
	u16 pm1a_cnt_blk;
	u8 pm1_evt_len;
	bool s5_found;			/* slp_typa_s5 came from the DSDT */
	u8 slp_typa_s5;
};
extern struct acpi_fadt_info acpi_fadt;

/* acpi=off on the command line: the MP table or the default instead. */
extern bool acpi_disabled;

int acpi_parse_madt(const struct acpi_table_madt *madt, unsigned long len);
int acpi_parse_fadt(const struct acpi_table_fadt *fadt, unsigned long len);
int acpi_find_s5(const u8 *aml, unsigned long len, u8 *slp_typ);
int acpi_boot_init(void);

/* drivers/acpi/button.c */
int acpi_button_init(void);
extern unsigned long acpi_button_events;

#endif /* _ACPI_H */
