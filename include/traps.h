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

/* arch/x86/traps.c: the C handlers the stubs above call, from error_code */
asmlinkage void do_divide_error(struct pt_regs *regs, long error_code);
asmlinkage void do_debug(struct pt_regs *regs, long error_code);
asmlinkage void do_nmi(struct pt_regs *regs, long error_code);
asmlinkage void do_int3(struct pt_regs *regs, long error_code);
asmlinkage void do_overflow(struct pt_regs *regs, long error_code);
asmlinkage void do_bounds(struct pt_regs *regs, long error_code);
asmlinkage void do_invalid_op(struct pt_regs *regs, long error_code);
asmlinkage void do_device_not_available(struct pt_regs *regs, long error_code);
asmlinkage void do_coprocessor_segment_overrun(struct pt_regs *regs,
					       long error_code);
asmlinkage void do_invalid_TSS(struct pt_regs *regs, long error_code);
asmlinkage void do_segment_not_present(struct pt_regs *regs, long error_code);
asmlinkage void do_stack_segment(struct pt_regs *regs, long error_code);
asmlinkage void do_general_protection(struct pt_regs *regs, long error_code);
asmlinkage void do_spurious_interrupt_bug(struct pt_regs *regs,
					  long error_code);
asmlinkage void do_coprocessor_error(struct pt_regs *regs, long error_code);
asmlinkage void do_alignment_check(struct pt_regs *regs, long error_code);
asmlinkage void do_machine_check(struct pt_regs *regs, long error_code);
asmlinkage void do_simd_coprocessor_error(struct pt_regs *regs,
					  long error_code);
asmlinkage void do_reserved(struct pt_regs *regs, long error_code);
void trap_init(void);

/* arch/x86/doublefault.c */
void doublefault_init(void);

/* mm/fault.c */
asmlinkage void do_page_fault(struct pt_regs *regs, long error_code);

#endif /* _TRAPS_H */
