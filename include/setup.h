/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/setup.h - what the boot loader told us (arch/x86/setup.c).
 *
 * Linux 2.6: include/asm-i386/e820.h, setup.h.
 * The memory map as a list of typed physical ranges (the BIOS e820
 * format, which multiboot passes on), and the boot modules (the
 * initramfs).  mm/ builds the page allocator from these.
 */
#ifndef _SETUP_H
#define _SETUP_H

#include <types.h>

#define E820MAX		32	/* entries kept */
#define E820_RAM	1	/* usable memory */

struct e820entry {
	u64 addr;
	u64 size;
	u32 type;
};

struct e820map {
	int nr_map;
	struct e820entry map[E820MAX];
};

#define MAX_BOOT_MODULES 4

struct boot_module {
	unsigned long start;	/* physical, first byte */
	unsigned long end;	/* physical, one past the last byte */
	char name[64];
};

/* arch/x86/setup.c */
extern struct e820map e820;
extern struct boot_module boot_modules[MAX_BOOT_MODULES];
extern int nr_boot_modules;

const char *multiboot_cmdline(unsigned long info_phys);
void setup_arch(unsigned long info_phys);
u64 e820_ram_total(void);

#endif /* _SETUP_H */
