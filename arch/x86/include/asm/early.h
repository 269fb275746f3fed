/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/x86/include/asm/early.h - the code that runs before trap_init():
 * the CPU check, the early serial output and the early exception table.
 *
 * Linux 2.6: arch/x86/boot/cpucheck.c, arch/x86/kernel/early_printk.c,
 * and setup_idt / early_idt_handler in arch/i386/kernel/head.S.
 * docs/boot.md, section 3, walks through them.
 */
#ifndef _ASM_EARLY_H
#define _ASM_EARLY_H

#include <compiler.h>

/* boot/cpucheck.asm: called from _start before paging */
void check_cpu(void);

/* boot/early_serial.asm: COM1, polled, no state */
void early_serial_init(void);
void early_serial_write(const char *s);

/* boot/early_idt.asm: called from _start once paging is on */
void setup_idt(void);

/* arch/x86/early_exception.c: called by early_idt_handler */
asmlinkage void __noreturn do_early_exception(unsigned long vector,
					      unsigned long error_code,
					      unsigned long eip,
					      unsigned long cr2);

#endif /* _ASM_EARLY_H */
