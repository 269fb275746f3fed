// SPDX-License-Identifier: GPL-2.0
/*
 * arch/x86/traps.c - the CPU's exceptions.
 *
 * Linux 2.6: arch/i386/kernel/traps.c.
 * trap_init() points IDT vectors 0-31 at the stubs of
 * arch/x86/entry.asm, which call the do_<name>() handlers below with the
 * saved registers and the error code.  An exception in user mode is the
 * program's fault: it gets the signal Linux sends (SIGFPE for a divide
 * error, SIGILL for an invalid opcode, SIGSEGV for a protection fault
 * such as hlt or cli in ring 3) and a line in the log, and everything
 * else goes on.  In kernel mode an exception is a kernel bug -- unless it
 * hit one of the user-copy instructions listed in the exception table
 * (arch/x86/extable.c) -- and die() prints an oops and panics.  (Page
 * faults go to mm/fault.c.)  Vector 0x80 is the system call gate.  The
 * double fault, which usually means the kernel stack is gone, arrives
 * through a task gate on a stack of its own (arch/x86/doublefault.c), so
 * even it is reported and never becomes a silent triple fault.
 */
#include <asm/desc.h>
#include <asm/ptrace.h>
#include <asm/uaccess.h>
#include <irq.h>
#include <kernel.h>
#include <sched.h>
#include <signal.h>
#include <traps.h>

static void do_trap(int trapnr, int signr, const char *str,
		    struct pt_regs *regs, long error_code)
{
	/* LAB 1: do_trap BEGIN */
	if (user_mode(regs)) {
		printk(KERN_INFO "%s[%d] trap %s ip:%08lx sp:%08lx error:%lx\n",
		       current->comm, current->pid, str, regs->eip, regs->esp,
		       error_code);
		force_sig(signr, current);
		return;
	}
	if (fixup_exception(regs))
		return;
	die(str, regs, error_code);
	/* LAB 1: do_trap END */
}

#define DO_ERROR(trapnr, signr, str, name)				\
	asmlinkage void do_##name(struct pt_regs *regs, long error_code)	\
	{								\
		do_trap(trapnr, signr, str, regs, error_code);		\
	}

DO_ERROR(0, SIGFPE, "divide error", divide_error)
DO_ERROR(1, SIGTRAP, "debug", debug)
DO_ERROR(3, SIGTRAP, "int3", int3)
DO_ERROR(4, SIGSEGV, "overflow", overflow)
DO_ERROR(5, SIGSEGV, "bounds", bounds)
DO_ERROR(6, SIGILL, "invalid opcode", invalid_op)
DO_ERROR(9, SIGFPE, "coprocessor segment overrun", coprocessor_segment_overrun)
DO_ERROR(10, SIGSEGV, "invalid TSS", invalid_TSS)
DO_ERROR(11, SIGBUS, "segment not present", segment_not_present)
DO_ERROR(12, SIGBUS, "stack segment", stack_segment)
DO_ERROR(13, SIGSEGV, "general protection fault", general_protection)
DO_ERROR(15, SIGSEGV, "spurious interrupt bug", spurious_interrupt_bug)
DO_ERROR(16, SIGFPE, "coprocessor error", coprocessor_error)
DO_ERROR(17, SIGBUS, "alignment check", alignment_check)
DO_ERROR(18, SIGBUS, "machine check", machine_check)
DO_ERROR(19, SIGFPE, "SIMD coprocessor error", simd_coprocessor_error)
DO_ERROR(20, SIGSEGV, "reserved exception", reserved)

/* A non-maskable interrupt is a hardware report, not a kernel bug. */
asmlinkage void do_nmi(struct pt_regs *regs, long error_code)
{
	printk(KERN_WARNING "Uhhuh. NMI received at %pS. Dazed and confused, "
	       "but trying to continue\n", (void *)regs->eip);
}

/**
 * trap_init - install the exception gates and load the IDT
 *
 * Context: boot, interrupts off.
 */
void trap_init(void)
{
	set_intr_gate(0, divide_error);
	set_intr_gate(1, debug);
	set_intr_gate(2, nmi);
	set_system_gate(3, int3);	/* int3 may come from user mode */
	set_system_gate(4, overflow);	/* and into */
	set_intr_gate(5, bounds);
	set_intr_gate(6, invalid_op);
	set_intr_gate(7, device_not_available);
	doublefault_init();		/* vector 8: a task gate */
	set_intr_gate(9, coprocessor_segment_overrun);
	set_intr_gate(10, invalid_TSS);
	set_intr_gate(11, segment_not_present);
	set_intr_gate(12, stack_segment);
	set_intr_gate(13, general_protection);
	set_intr_gate(14, page_fault);
	set_intr_gate(15, spurious_interrupt_bug);
	set_intr_gate(16, coprocessor_error);
	set_intr_gate(17, alignment_check);
	set_intr_gate(18, machine_check);
	set_intr_gate(19, simd_coprocessor_error);
	set_intr_gate(20, virtualization_exception);
	set_intr_gate(21, control_protection);
	for (unsigned int v = 22; v < 29; v++)
		set_intr_gate(v, reserved_exception);
	set_intr_gate(29, vmm_communication);
	set_intr_gate(30, security_exception);
	set_intr_gate(31, reserved_exception);
	set_system_gate(SYSCALL_VECTOR, system_call);
	idt_init();
}
