/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/x86/include/asm/i387.h - the FPU/SSE registers of user programs:
 * saved per task, switched lazily (arch/x86/i387.c).
 *
 * Linux 2.6: include/asm-i386/i387.h, processor.h (union i387_union).
 */
#ifndef _ASM_I387_H
#define _ASM_I387_H

#include <compiler.h>
#include <types.h>

/* The fxsave image (Intel SDM vol. 1, 10.5.1): x87, MMX and SSE state. */
union i387_union {
	u8 fxsave[512];
	u8 fsave[108];		/* a CPU without FXSR: fnsave's image */
} __aligned(16);

/* thread_struct.status */
#define TS_USEDFPU	0x0001	/* the FPU holds this task's registers now */

struct task_struct;
struct pt_regs;

/* arch/x86/i387.c */
void fpu_init(void);
void unlazy_fpu(struct task_struct *tsk);
void clear_fpu(struct task_struct *tsk);
asmlinkage void do_device_not_available(struct pt_regs *regs,
					long error_code);

#endif /* _ASM_I387_H */
