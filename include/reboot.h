/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/reboot.h - leaving the machine (arch/x86/reboot.c).
 *
 * Under QEMU the kernel can end the emulator with a status the host
 * sees: the isa-debug-exit device (the tests add it at port 0xf4) turns
 * a byte v written to it into the exit status (v << 1) | 1.
 * kernel_power_off() is the clean way out: it syncs the disks first.
 */
#ifndef _REBOOT_H
#define _REBOOT_H

#include <compiler.h>
#include <types.h>

#define QEMU_DEBUG_EXIT_PORT	0xF4	/* -device isa-debug-exit,iobase=0xf4 */

#define EXIT_KTEST_PASS	0x10	/* host sees 33: every test passed */
#define EXIT_KTEST_FAIL	0x11	/* host sees 35: some test failed */
#define EXIT_PANIC	0x12	/* host sees 37: the kernel panicked */

/* arch/x86/reboot.c */
void machine_debug_exit(u8 code);
void machine_power_off(void) __noreturn;

/* kernel/reboot.c */
void kernel_power_off(void) __noreturn;
int orderly_poweroff(bool force);

#endif /* _REBOOT_H */
