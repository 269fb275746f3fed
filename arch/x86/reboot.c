// SPDX-License-Identifier: GPL-2.0
/*
 * arch/x86/reboot.c - ending the machine: debug exit and power off.
 *
 * Linux 2.6: arch/i386/kernel/reboot.c (machine_power_off via ACPI).
 * machine_debug_exit() reports a status to QEMU's isa-debug-exit device,
 * which the test harness attaches; without that device the write does
 * nothing.  machine_power_off() asks the chipset's ACPI power management
 * block to enter soft-off (S5), which makes QEMU exit with status 0: it
 * writes SLP_TYPa | SLP_EN to PM1a_CNT, the port and the sleep type
 * that arch/x86/acpi.c read from the FADT and the DSDT's \_S5 package;
 * without them (acpi=off, no tables) it uses QEMU's PIIX4 values.
 */
#include <acpi.h>
#include <asm/io.h>
#include <asm/irqflags.h>
#include <reboot.h>

#define PIIX4_PM1A_CNT		0x604	/* PM1a control (QEMU's PIIX4 PM) */
#define  PIIX4_SLP_TYP_S5	 0	/* QEMU's S5 (soft-off) sleep type */
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
	u16 port = PIIX4_PM1A_CNT;
	u16 slp_typ = PIIX4_SLP_TYP_S5;

	local_irq_disable();
	if (!acpi_disabled && acpi_fadt.pm1a_cnt_blk) {
		port = acpi_fadt.pm1a_cnt_blk;
		if (acpi_fadt.s5_found)
			slp_typ = acpi_fadt.slp_typa_s5;
	}
	outw(port, ACPI_BITMASK_SLEEP_ENABLE |
	     (slp_typ << ACPI_SLP_TYP_SHIFT));
	outw(BOCHS_POWER_OFF_PORT, 0x2000);
	for (;;)
		halt();
}
