// SPDX-License-Identifier: GPL-2.0
/*
 * arch/x86/early_exception.c - report an exception taken before
 * trap_init(), and stop.
 *
 * Linux 2.6: arch/i386/kernel/head.S, early_idt_handler (its message:
 * "PANIC: early exception %02lx rip %lx:%lx error %lx cr2 %lx").
 * boot/early_idt.asm routes vectors 0-31 here from the moment _start
 * turns paging on until trap_init() (arch/x86/traps.c) loads the real
 * IDT.  At that moment the console may not exist yet, printk's lock may
 * be held, nothing can be allocated, and .bss may be all there is of
 * the kernel's state: so this prints one line straight to COM1 through
 * boot/early_serial.asm (which programs the port itself), with the
 * function's name when kallsyms_lookup() (kernel/kallsyms.c: constant
 * tables only) knows the address, ends QEMU with the panic status and
 * halts.  There is nothing to return to: the kernel is not set up to
 * survive anything yet.  The CPU check has passed by now, so this is
 * ordinary -march=i686 C.
 */
#include <asm/early.h>
#include <asm/irqflags.h>
#include <kallsyms.h>
#include <reboot.h>
#include <vsprintf.h>

/**
 * do_early_exception - print an early exception on COM1 and stop
 * @vector: the exception's vector, 0-31
 * @error_code: the CPU's error code, or 0 for a vector without one
 * @eip: the address of the faulting instruction
 * @cr2: CR2 at the exception: the faulting address of a page fault
 *
 * The line: "early exception 0e error 00000002 eip c0101234 cr2 dead0000"
 * and, when the address is in the kernel's text, " (name+off/size)".
 * Context: from early_idt_handler (boot/early_idt.asm), interrupts off,
 * on the stack that faulted.  Never returns.
 */
asmlinkage void __noreturn do_early_exception(unsigned long vector,
					      unsigned long error_code,
					      unsigned long eip,
					      unsigned long cr2)
{
	char line[160];
	unsigned long size, offset;
	const char *name;
	int len;

	len = scnprintf(line, sizeof(line),
			"early exception %02lx error %08lx eip %08lx cr2 %08lx",
			vector, error_code, eip, cr2);
	name = kallsyms_lookup(eip, &size, &offset);
	if (name)
		len += scnprintf(line + len, sizeof(line) - len,
				 " (%s+%#lx/%#lx)", name, offset, size);
	scnprintf(line + len, sizeof(line) - len, "\n");

	early_serial_init();
	early_serial_write(line);
	machine_debug_exit(EXIT_PANIC);
	for (;;)
		halt();
}
