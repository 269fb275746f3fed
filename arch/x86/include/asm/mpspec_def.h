/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/x86/include/asm/mpspec_def.h - the Intel MultiProcessor
 * Specification's tables (version 1.4, chapter 4), byte for byte.
 *
 * Linux 2.6: include/asm-i386/mpspec_def.h.
 * The BIOS leaves a 16-byte floating pointer, signature "_MP_", on a
 * 16-byte boundary in one of three areas; it points to the configuration
 * table, signature "PCMP": a header and entries whose size follows from
 * their type (processor 20 bytes, the others 8).  arch/x86/mpparse.c
 * reads them when there is no usable ACPI.
 */
#ifndef _ASM_MPSPEC_DEF_H
#define _ASM_MPSPEC_DEF_H

#include <compiler.h>
#include <types.h>

struct intel_mp_floating {
	char mpf_signature[4];		/* "_MP_" */
	u32 mpf_physptr;		/* the configuration table */
	u8 mpf_length;			/* in 16-byte units: 1 */
	u8 mpf_specification;		/* 1 (1.1) or 4 (1.4) */
	u8 mpf_checksum;
	u8 mpf_feature1;		/* non-zero: a default configuration */
	u8 mpf_feature2;		/* bit 7: IMCR present */
	u8 mpf_feature3[3];
} __packed;

#define MPF_SIGNATURE	"_MP_"

struct mp_config_table {
	char mpc_signature[4];		/* "PCMP" */
	u16 mpc_length;			/* header and entries */
	u8 mpc_spec;
	u8 mpc_checksum;
	char mpc_oem[8];
	char mpc_productid[12];
	u32 mpc_oemptr;
	u16 mpc_oemsize;
	u16 mpc_oemcount;		/* the number of entries */
	u32 mpc_lapic;			/* the local APICs' registers */
	u16 mpe_length;			/* the extended table's (ignored) */
	u8 mpe_checksum;
	u8 reserved;
} __packed;

#define MPC_SIGNATURE	"PCMP"

enum mp_entry_type {
	MP_PROCESSOR = 0,
	MP_BUS = 1,
	MP_IOAPIC = 2,
	MP_INTSRC = 3,
	MP_LINTSRC = 4,
};

struct mpc_config_processor {
	u8 mpc_type;
	u8 mpc_apicid;
	u8 mpc_apicver;
	u8 mpc_cpuflag;			/* CPU_ENABLED, CPU_BOOTPROCESSOR */
	u32 mpc_cpufeature;
	u32 mpc_featureflag;
	u32 mpc_reserved[2];
} __packed;

#define CPU_ENABLED		1
#define CPU_BOOTPROCESSOR	2

struct mpc_config_bus {
	u8 mpc_type;
	u8 mpc_busid;
	char mpc_bustype[6];		/* "ISA   ", "PCI   ", ... */
} __packed;

struct mpc_config_ioapic {
	u8 mpc_type;
	u8 mpc_apicid;
	u8 mpc_apicver;
	u8 mpc_flags;			/* MPC_APIC_USABLE */
	u32 mpc_apicaddr;
} __packed;

#define MPC_APIC_USABLE		1

/* An interrupt source: a bus's IRQ wired to an IO APIC pin. */
struct mpc_config_intsrc {
	u8 mpc_type;
	u8 mpc_irqtype;			/* mp_INT, mp_NMI, mp_SMI, mp_ExtINT */
	u16 mpc_irqflag;		/* polarity, trigger: as ACPI's */
	u8 mpc_srcbus;
	u8 mpc_srcbusirq;
	u8 mpc_dstapic;			/* IO APIC ID; MP_APIC_ALL: every one */
	u8 mpc_dstirq;			/* its pin */
} __packed;

#define mp_INT		0		/* a vectored interrupt */
#define MP_APIC_ALL	0xFF

#endif /* _ASM_MPSPEC_DEF_H */
