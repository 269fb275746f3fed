// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/main.c - start_kernel(): from the boot stack to a running system.
 *
 * Linux 2.6: init/main.c.
 * boot/head.asm calls start_kernel() on process 0's stack with interrupts
 * off.  It brings the machine up in dependency order: the consoles first
 * (so everything after can speak), the loader's information and the
 * command line, the CPU tables, interrupts and the clock; then it turns
 * interrupts on.  docs/boot.md walks through it.
 */
#include <asm/desc.h>
#include <asm/irqflags.h>
#include <init.h>
#include <irq.h>
#include <kernel.h>
#include <ktest.h>
#include <multiboot.h>
#include <serial.h>
#include <setup.h>
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
	setup_arch(info_phys);

	trap_init();
	init_IRQ();
	time_init();
	local_irq_enable();

	if (ktest_requested())
		ktest_run();

	for (;;)
		safe_halt();
}
