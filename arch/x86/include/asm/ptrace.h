/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/x86/include/asm/ptrace.h - struct pt_regs, the registers saved on entry.
 *
 * Linux 2.6.11: include/asm-i386/ptrace.h, exactly.
 * Layout = push order in arch/x86/entry.asm (SAVE_ALL below the frame
 * the CPU pushes); offsets mirrored in arch/x86/asm-offsets.inc and
 * checked by arch/x86/asm-offsets.c.  esp and xss are only pushed by the
 * CPU when the interrupt came from user mode (a privilege change).
 */
#ifndef _ASM_PTRACE_H
#define _ASM_PTRACE_H

#include <types.h>

struct pt_regs {
	long ebx;
	long ecx;
	long edx;
	long esi;
	long edi;
	long ebp;
	long eax;
	int xds;
	int xes;
	long orig_eax;	/* syscall number; -1 if not a syscall; ~irq for IRQs */
	long eip;	/* from here on pushed by the CPU */
	int xcs;
	long eflags;
	long esp;	/* user mode only */
	int xss;	/* user mode only */
};

/* The low two bits of the saved CS are the privilege level we came from. */
static inline bool user_mode(const struct pt_regs *regs)
{
	return (regs->xcs & 3) != 0;
}

#endif /* _ASM_PTRACE_H */
