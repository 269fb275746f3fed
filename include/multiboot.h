/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/multiboot.h - what a multiboot (v1) loader hands the kernel.
 *
 * From the Multiboot Specification 0.6.96, section 3.3 ("Boot
 * information format").  Every address in it is physical.
 */
#ifndef _MULTIBOOT_H
#define _MULTIBOOT_H

#include <compiler.h>
#include <types.h>

#define MULTIBOOT_BOOTLOADER_MAGIC 0x2BADB002	/* in eax at _start */

/* multiboot_info.flags: which fields are valid */
#define MULTIBOOT_INFO_MEMORY	0x001	/* mem_lower, mem_upper */
#define MULTIBOOT_INFO_CMDLINE	0x004	/* cmdline */
#define MULTIBOOT_INFO_MODS	0x008	/* mods_count, mods_addr */
#define MULTIBOOT_INFO_MEM_MAP	0x040	/* mmap_length, mmap_addr */
#define MULTIBOOT_INFO_LOADER	0x200	/* boot_loader_name */

struct multiboot_info {
	u32 flags;
	u32 mem_lower;		/* KiB below 1 MiB */
	u32 mem_upper;		/* KiB above 1 MiB, up to the first hole */
	u32 boot_device;
	u32 cmdline;		/* physical address of a C string */
	u32 mods_count;
	u32 mods_addr;		/* physical address of multiboot_module[] */
	u32 syms[4];
	u32 mmap_length;	/* bytes of memory map */
	u32 mmap_addr;		/* physical address of the first entry */
	u32 drives_length;
	u32 drives_addr;
	u32 config_table;
	u32 boot_loader_name;	/* physical address of a C string */
} __packed;

#define MULTIBOOT_MEMORY_AVAILABLE 1	/* usable RAM; anything else is not */

struct multiboot_mmap_entry {
	u32 size;		/* of the rest of this entry: usually 20 */
	u64 addr;
	u64 len;
	u32 type;
} __packed;

struct multiboot_module {
	u32 mod_start;		/* physical, first byte */
	u32 mod_end;		/* physical, one past the last byte */
	u32 string;		/* physical address of its command line */
	u32 reserved;
} __packed;

#endif /* _MULTIBOOT_H */
