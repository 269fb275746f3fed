/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/traps.h - exception entry points and handlers.
 *
 * The stubs live in arch/x86/entry.asm, the C handlers in
 * arch/x86/traps.c and mm/fault.c.
 */
#ifndef _TRAPS_H
#define _TRAPS_H

#include <asm/ptrace.h>
#include <compiler.h>

/* arch/x86/entry.asm */
void divide_error(void);
void debug(void);
void nmi(void);
void int3(void);
void overflow(void);
void bounds(void);
void invalid_op(void);
void device_not_available(void);
void coprocessor_segment_overrun(void);
void invalid_TSS(void);
void segment_not_present(void);
void stack_segment(void);
void general_protection(void);
void page_fault(void);
void spurious_interrupt_bug(void);
void coprocessor_error(void);
void alignment_check(void);
void machine_check(void);
void simd_coprocessor_error(void);
void virtualization_exception(void);
void control_protection(void);
void reserved_exception(void);
void vmm_communication(void);
void security_exception(void);
void system_call(void);

/* arch/x86/traps.c */
void trap_init(void);

/* arch/x86/doublefault.c */
void doublefault_init(void);

/* mm/fault.c */
asmlinkage void do_page_fault(struct pt_regs *regs, long error_code);

#endif /* _TRAPS_H */
