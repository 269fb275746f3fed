// SPDX-License-Identifier: GPL-2.0
/*
 * arch/x86/reboot.c - ending the machine: debug exit and power off.
 *
 * Linux 2.6: arch/i386/kernel/reboot.c (machine_power_off via ACPI).
 * machine_debug_exit() reports a status to QEMU's isa-debug-exit device,
 * which the test harness attaches; without that device the write does
 * nothing.  machine_power_off() asks the chipset's ACPI power management
 * block to enter soft-off (S5), which makes QEMU exit with status 0.
 */
#include <asm/io.h>
#include <asm/irqflags.h>
#include <reboot.h>

#define PIIX4_PM1A_CNT		0x604	/* ACPI PM1a control (QEMU's PIIX4 PM) */
#define  ACPI_SLP_EN		 0x2000	/* enter the sleep type below */
#define  ACPI_SLP_TYP_S5	 0x0000	/* QEMU's S5 (soft-off) sleep type */
#define BOCHS_POWER_OFF_PORT	0xB004	/* older QEMU and Bochs */

/**
 * machine_debug_exit - end QEMU with a status the host can read
 * @code: EXIT_* from include/reboot.h
 *
 * Returns only if no isa-debug-exit device is present.
 * Context: any.
 */
void machine_debug_exit(u8 code)
{
	outb(QEMU_DEBUG_EXIT_PORT, code);
}

/**
 * machine_power_off - switch the machine off
 *
 * Context: any; interrupts are turned off first.
 */
void machine_power_off(void)
{
	local_irq_disable();
	outw(PIIX4_PM1A_CNT, ACPI_SLP_EN | ACPI_SLP_TYP_S5);
	outw(BOCHS_POWER_OFF_PORT, 0x2000);
	for (;;)
		halt();
}
