// SPDX-License-Identifier: GPL-2.0
/*
 * arch/x86/extable.c - the exception table: faults the kernel expects.
 *
 * Linux 2.6: arch/i386/mm/extable.c.
 * The linker gathers every (instruction, fixup) pair of the user-copy
 * routines into __ex_table.  When kernel code faults, do_page_fault()
 * (and the general-protection handler) asks here first: a listed
 * instruction continues at its fixup, which makes the copy return an
 * error; anything else is a kernel bug and oopses.
 */
#include <asm/ptrace.h>
#include <asm/uaccess.h>
#include <kernel.h>

/**
 * fixup_exception - continue after an expected fault
 * @regs: the faulting context (kernel mode)
 *
 * Context: exception handler.
 * Return: true if regs->eip was listed and now points at the fixup.
 */
bool fixup_exception(struct pt_regs *regs)
{
	/* LAB 1: fixup_exception BEGIN */
	for (const struct exception_table_entry *e = __start___ex_table;
	     e < __stop___ex_table; e++)
		if (e->insn == (unsigned long)regs->eip) {
			regs->eip = e->fixup;
			return true;
		}
	return false;
	/* LAB 1: fixup_exception END */
}
