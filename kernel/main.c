// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/main.c - start_kernel(): from the boot stack to a running system.
 *
 * Linux 2.6: init/main.c.
 * boot/head.asm calls start_kernel() on process 0's stack with interrupts
 * off.  It brings the machine up in dependency order: the consoles first
 * (so everything after can speak), the exception table (so a bug oopses),
 * the loader's information and the command line, memory (the boot
 * allocator, swapper_pg_dir, the buddy allocator, the slab), interrupts
 * and the clock; then it turns interrupts on.  docs/boot.md walks through it.
 */
#include <asm/desc.h>
#include <asm/irqflags.h>
#include <bench.h>
#include <init.h>
#include <irq.h>
#include <kernel.h>
#include <ktest.h>
#include <mm.h>
#include <mm_types.h>
#include <multiboot.h>
#include <serial.h>
#include <setup.h>
#include <slab.h>
#include <time.h>
#include <traps.h>
#include <version.h>

/**
 * start_kernel - the first C function
 * @magic: eax at _start; MULTIBOOT_BOOTLOADER_MAGIC from a multiboot loader
 * @info_phys: ebx at _start: physical address of the multiboot information
 *
 * Context: process 0, interrupts off.  Never returns.
 */
asmlinkage void __noreturn start_kernel(unsigned long magic,
					unsigned long info_phys)
{
	cpu_init();
	serial_init();
	vga_init();
	printk(KERN_NOTICE "%s\n", linux_banner);

	if (magic != MULTIBOOT_BOOTLOADER_MAGIC)
		panic("not started by a multiboot loader: eax = %#lx, "
		      "expected %#x", magic, MULTIBOOT_BOOTLOADER_MAGIC);
	trap_init();
	setup_arch(info_phys);

	setup_memory();
	paging_init();
	mem_init();
	kmem_cache_init();
	mm_struct_init();
	show_mem();

	init_IRQ();
	time_init();
	local_irq_enable();

	if (ktest_requested())
		ktest_run();
	if (bench_requested())
		bench_run();

	for (;;)
		safe_halt();
}
