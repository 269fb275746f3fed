/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/x86/include/asm/fixmap.h - fixed kernel addresses for device
 * registers.
 *
 * Linux 2.6: include/asm-i386/fixmap.h.
 * The local APIC's and the IO APICs' registers are memory at physical
 * addresses near 4 GiB, far above the 896 MiB the kernel maps at
 * PAGE_OFFSET.  Each gets one page at a compile-time virtual address,
 * counted down from FIXADDR_TOP, mapped uncached by set_fixmap_nocache().
 * Their page table is made by paging_init() before the first pgd_alloc(),
 * so every page directory shares it and a mapping made later is seen in
 * every address space.
 */
#ifndef _ASM_FIXMAP_H
#define _ASM_FIXMAP_H

#include <param.h>

#define MAX_IO_APICS	2
/*
 * Firmware tables above the kernel's mapping (arch/x86/mpparse.c:
 * mp_map_table()): two windows of FIX_ACPI_PAGES pages each, one for a
 * table and one for the table it points to.
 */
#define FIX_ACPI_PAGES	4

enum fixed_addresses {
	FIX_APIC_BASE,
	FIX_IO_APIC_BASE_0,
	FIX_IO_APIC_BASE_END = FIX_IO_APIC_BASE_0 + MAX_IO_APICS - 1,
	FIX_ACPI_BEGIN,
	FIX_ACPI_END = FIX_ACPI_BEGIN + 2 * FIX_ACPI_PAGES - 1,
	__end_of_fixed_addresses
};

#define FIXADDR_TOP	0xFFFFF000UL
#define fix_to_virt(idx) (FIXADDR_TOP - ((unsigned long)(idx) << PAGE_SHIFT))

void set_fixmap_nocache(enum fixed_addresses idx, unsigned long phys);

#endif /* _ASM_FIXMAP_H */
