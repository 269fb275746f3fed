// SPDX-License-Identifier: GPL-2.0
/*
 * arch/x86/setup.c - read what the multiboot loader handed over.
 *
 * Linux 2.6: setup_arch() and the e820 code of arch/i386/kernel/setup.c.
 * The multiboot information lives in memory the page allocator will soon
 * hand out, so everything needed later is copied out of it here: the
 * command line (to kernel/params.c), the memory map (to e820, printed
 * like Linux's BIOS-e820 table), and the list of boot modules (the
 * initramfs).  The modules' contents stay where the loader put them and
 * mm/ keeps those pages reserved.  Next: mm/ builds mem_map from e820.
 */
#include <init.h>
#include <kernel.h>
#include <mm.h>
#include <multiboot.h>
#include <setup.h>
#include <string.h>

struct e820map e820;
struct boot_module boot_modules[MAX_BOOT_MODULES];
int nr_boot_modules;

/* A physical address the boot mapping covers, as a kernel pointer. */
static void *boot_va(u32 phys)
{
	if (phys >= LOWMEM_LIMIT)
		panic("setup_arch: multiboot data at %#x, above lowmem", phys);
	return __va(phys);
}

static void add_memory_region(u64 addr, u64 size, u32 type)
{
	if (e820.nr_map == E820MAX) {
		printk(KERN_WARNING "e820: too many entries, %#llx-%#llx "
		       "dropped\n", addr, addr + size);
		return;
	}
	e820.map[e820.nr_map++] = (struct e820entry){ addr, size, type };
}

static void print_memory_map(const char *who)
{
	printk(KERN_INFO "BIOS-provided physical RAM map (%s):\n", who);
	for (int i = 0; i < e820.nr_map; i++) {
		struct e820entry *e = &e820.map[i];

		printk(KERN_INFO " BIOS-e820: %016llx - %016llx (%s)\n",
		       e->addr, e->addr + e->size,
		       e->type == E820_RAM ? "usable" :
		       e->type == 3 ? "ACPI data" :
		       e->type == 4 ? "ACPI NVS" :
		       e->type == 5 ? "unusable" : "reserved");
	}
}

/**
 * e820_ram_total - bytes of usable RAM in the memory map
 *
 * Return: the sum of all E820_RAM ranges.
 */
u64 e820_ram_total(void)
{
	u64 total = 0;

	for (int i = 0; i < e820.nr_map; i++)
		if (e820.map[i].type == E820_RAM)
			total += e820.map[i].size;
	return total;
}

static void read_memory_map(struct multiboot_info *info)
{
	if (info->flags & MULTIBOOT_INFO_MEM_MAP) {
		u32 off = 0;

		while (off < info->mmap_length) {
			struct multiboot_mmap_entry *m =
				boot_va(info->mmap_addr + off);

			add_memory_region(m->addr, m->len, m->type);
			off += m->size + sizeof(m->size);
		}
		print_memory_map("multiboot");
	} else if (info->flags & MULTIBOOT_INFO_MEMORY) {
		/* No map: the two basic sizes, as old BIOSes reported. */
		add_memory_region(0, (u64)info->mem_lower << 10, E820_RAM);
		add_memory_region(1 << 20, (u64)info->mem_upper << 10,
				  E820_RAM);
		print_memory_map("mem_lower/mem_upper");
	} else {
		panic("setup_arch: the boot loader gave no memory size");
	}
	printk(KERN_INFO "e820: %lluk usable RAM in all\n", e820_ram_total() >> 10);
}

static void read_modules(struct multiboot_info *info)
{
	struct multiboot_module *mods;

	if (!(info->flags & MULTIBOOT_INFO_MODS) || !info->mods_count) {
		printk(KERN_INFO "Boot modules: none\n");
		return;
	}
	mods = boot_va(info->mods_addr);
	for (u32 i = 0; i < info->mods_count; i++) {
		struct boot_module *bm = &boot_modules[nr_boot_modules];

		if (nr_boot_modules == MAX_BOOT_MODULES) {
			printk(KERN_WARNING "Boot modules: more than %d, "
			       "the rest ignored\n", MAX_BOOT_MODULES);
			break;
		}
		if (mods[i].mod_end < mods[i].mod_start ||
		    mods[i].mod_end > LOWMEM_LIMIT) {
			printk(KERN_WARNING "Boot module %u at %#x-%#x is not "
			       "in low memory, ignored\n", i,
			       mods[i].mod_start, mods[i].mod_end);
			continue;
		}
		bm->start = mods[i].mod_start;
		bm->end = mods[i].mod_end;
		strlcpy(bm->name, mods[i].string ?
				  (char *)boot_va(mods[i].string) : "",
			sizeof(bm->name));
		printk(KERN_INFO "Boot module %d: %#010lx-%#010lx (%lu bytes) "
		       "%s\n", nr_boot_modules, bm->start, bm->end,
		       bm->end - bm->start, bm->name);
		nr_boot_modules++;
	}
}

/**
 * multiboot_cmdline - the command line the loader passed
 * @info_phys: physical address of struct multiboot_info
 *
 * Context: boot.
 * Return: the command line, in the loader's memory; "" if there is none.
 */
const char *multiboot_cmdline(unsigned long info_phys)
{
	struct multiboot_info *info = boot_va(info_phys);

	return info->flags & MULTIBOOT_INFO_CMDLINE ?
	       (char *)boot_va(info->cmdline) : "";
}

/**
 * setup_arch - copy the command line, memory map and modules out of the
 *              multiboot information, and parse the command line
 * @info_phys: physical address of struct multiboot_info
 *
 * Context: boot, interrupts off, before any allocator exists.
 */
void setup_arch(unsigned long info_phys)
{
	struct multiboot_info *info = boot_va(info_phys);

	if (info->flags & MULTIBOOT_INFO_LOADER)
		printk(KERN_INFO "Boot loader: %s\n",
		       (char *)boot_va(info->boot_loader_name));
	parse_kernel_cmdline(multiboot_cmdline(info_phys));
	read_memory_map(info);
	read_modules(info);
}
