// SPDX-License-Identifier: GPL-2.0
/*
 * mm/fault.c - page faults.
 *
 * Linux 2.6: arch/i386/mm/fault.c (do_page_fault).
 * CR2 holds the address that faulted; the error code says whether the
 * page was present, whether it was a write, and whether the CPU was in
 * user mode.  A fault at a user address first goes to handle_mm_fault()
 * (mm/memory.c): a page not yet mapped inside an area that allows the
 * access (an anonymous mmap(), the stack's lower part) is mapped then,
 * zero-filled, and the instruction runs again -- also when it was the
 * kernel's copy_to_user() into such a page.  Anything else from user
 * mode is the program's error: SIGSEGV, and a "segfault at" line like
 * Linux's.  In kernel mode, a fault at one of the user-copy instructions
 * continues at its fixup (copy_from_user() returns an error); any other
 * is a kernel bug, reported in Linux's words, and ends in die().
 */
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/irqflags.h>
#include <asm/uaccess.h>
#include <kernel.h>
#include <mm_types.h>
#include <preempt.h>
#include <param.h>
#include <sched.h>
#include <signal.h>
#include <traps.h>

/* Page-fault error code bits (Intel SDM vol. 3A, 4.7) */
#define PF_PROT		0x1	/* 0: page not present, 1: protection */
#define PF_WRITE	0x2	/* 0: read, 1: write */
#define PF_USER		0x4	/* 0: kernel mode, 1: user mode */

/**
 * do_page_fault - handle a page fault
 * @regs: the faulting context
 * @error_code: the CPU's PF_* bits
 *
 * Context: exception, interrupts off (back on, if they were on where it
 * struck, to map a page: that may sleep).
 */
asmlinkage void do_page_fault(struct pt_regs *regs, long error_code)
{
	unsigned long address = read_cr2();
	struct mm_struct *mm = current->mm;

	/* Not from an interrupt, a spinlock, or with interrupts off. */
	if (address < TASK_SIZE && mm && (regs->eflags & X86_EFLAGS_IF) &&
	    !in_atomic()) {
		local_irq_enable();
		if (!handle_mm_fault(mm, address, error_code & PF_WRITE,
				     error_code & PF_PROT))
			return;
		local_irq_disable();
	}
	if (error_code & PF_USER) {
		printk(KERN_INFO "%s[%d]: segfault at %lx ip %08lx sp %08lx "
		       "error %lx\n", current->comm, current->pid, address,
		       regs->eip, regs->esp, error_code);
		force_sig(SIGSEGV, current);
		return;
	}
	if (fixup_exception(regs))
		return;

	printk(KERN_ALERT "BUG: unable to handle kernel %s at virtual address "
	       "%08lx\n", address < PAGE_SIZE ? "NULL pointer dereference"
					      : "paging request", address);
	printk(KERN_ALERT "%s for a %s in %s mode\n",
	       error_code & PF_PROT ? "protection violation" : "no page",
	       error_code & PF_WRITE ? "write" : "read",
	       error_code & PF_USER ? "user" : "kernel");
	die("Oops", regs, error_code);
}
