// SPDX-License-Identifier: GPL-2.0
/*
 * arch/x86/i387.c - the FPU and SSE registers, switched lazily.
 *
 * Linux 2.6: arch/i386/kernel/i387.c (init_fpu, math_state_restore in
 * traps.c, __unlazy_fpu in include/asm-i386/i387.h).  Understanding the
 * Linux Kernel, 3rd ed., chapter 3, "Saving and Loading the FPU, MMX,
 * and XMM Registers".
 * The kernel itself never touches these registers (it is built with
 * -mgeneral-regs-only), but user programs do: glibc picks SSE2 versions
 * of strlen() and memcpy() when CPUID says the CPU has them, and a
 * program's floating point is x87 or SSE.  Saving 512 bytes at every
 * context switch would be wasted on the many switches between tasks that
 * never use them, so, as Linux 2.6, the switch is lazy:
 *   - CR0.TS ("task switched") set makes the next FPU/MMX/SSE
 *     instruction trap (#NM, "device not available", vector 7);
 *   - __switch_to() saves the registers only of a task that used them
 *     since it was switched in (TS_USEDFPU) and sets TS again
 *     (unlazy_fpu());
 *   - the trap (do_device_not_available()) clears TS, loads the task's
 *     saved registers -- or, the first time, a clean state (fninit) --
 *     and marks it TS_USEDFPU; the instruction then runs again.
 * So TS is clear only while the FPU holds the registers of the task
 * running, and a task that never uses the FPU never pays for it.
 * fork copies the parent's registers (saved first), execve forgets them.
 * fpu_init() prepares each CPU: CR0.EM off (no emulation), MP and NE on
 * (WAIT traps when TS is set; errors as #MF), CR4.OSFXSR and OSXMMEXCPT
 * when the CPU has FXSR and SSE (the OS saves the SSE state with
 * fxsave, and SSE errors are #XM), TS set.
 */
#include <asm/i387.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <kernel.h>
#include <preempt.h>
#include <sched.h>
#include <traps.h>

#define X86_CR0_MP	0x00000002	/* WAIT honours TS */
#define X86_CR0_EM	0x00000004	/* emulate the FPU: every use traps */
#define X86_CR0_TS	0x00000008	/* the next FPU use traps (#NM) */
#define X86_CR0_NE	0x00000020	/* FPU errors as #MF, not IRQ 13 */
#define X86_CR4_OSFXSR	0x00000200	/* fxsave/fxrstor save SSE too */
#define X86_CR4_OSXMMEXCPT 0x00000400	/* SSE errors as #XM */
#define CPUID_FXSR	(1U << 24)	/* leaf 1 edx */
#define CPUID_SSE	(1U << 25)
#define MXCSR_DEFAULT	0x1f80		/* every SSE exception masked */

static bool cpu_has_fxsr, cpu_has_sse;

static inline void stts(void)
{
	write_cr0(read_cr0() | X86_CR0_TS);
}

static inline void clts(void)
{
	__asm__ __volatile__("clts");
}

static void save_fpu(struct task_struct *tsk)
{
	if (cpu_has_fxsr)
		__asm__ __volatile__("fxsave %0; fnclex"
				     : "=m"(tsk->thread.i387.fxsave));
	else
		__asm__ __volatile__("fnsave %0; fwait"
				     : "=m"(tsk->thread.i387.fsave));
}

static void restore_fpu(struct task_struct *tsk)
{
	if (cpu_has_fxsr)
		__asm__ __volatile__("fxrstor %0"
				     : : "m"(tsk->thread.i387.fxsave));
	else
		__asm__ __volatile__("frstor %0"
				     : : "m"(tsk->thread.i387.fsave));
}

/**
 * fpu_init - make this CPU's FPU usable by user programs, lazily
 *
 * Context: boot, once per CPU (cpu_init()).
 */
void fpu_init(void)
{
	u32 eax, ebx, ecx, edx;
	unsigned long cr0;

	cpuid(1, &eax, &ebx, &ecx, &edx);
	cpu_has_fxsr = edx & CPUID_FXSR;	/* the same on every CPU */
	cpu_has_sse = cpu_has_fxsr && (edx & CPUID_SSE);
	cr0 = read_cr0();
	cr0 &= ~X86_CR0_EM;
	cr0 |= X86_CR0_MP | X86_CR0_NE | X86_CR0_TS;
	write_cr0(cr0);
	if (cpu_has_fxsr) {
		unsigned long cr4 = read_cr4() | X86_CR4_OSFXSR;

		if (cpu_has_sse)
			cr4 |= X86_CR4_OSXMMEXCPT;
		__asm__ __volatile__("movl %0, %%cr4" : : "r"(cr4));
	}
}

/**
 * unlazy_fpu - save a task's FPU registers if the FPU holds them
 * @tsk: current, or the task __switch_to() leaves
 *
 * Afterwards TS is set: the next FPU instruction on this CPU traps.
 * Context: interrupts off or preemption disabled.
 */
void unlazy_fpu(struct task_struct *tsk)
{
	if (tsk->thread.status & TS_USEDFPU) {
		save_fpu(tsk);
		tsk->thread.status &= ~TS_USEDFPU;
		stts();
	}
}

/**
 * clear_fpu - forget the FPU registers of current (execve())
 * @tsk: current
 *
 * Context: process.
 */
void clear_fpu(struct task_struct *tsk)
{
	preempt_disable();
	if (tsk->thread.status & TS_USEDFPU) {
		tsk->thread.status &= ~TS_USEDFPU;
		stts();
	}
	tsk->thread.used_math = false;
	preempt_enable();
}

/**
 * do_device_not_available - #NM: a task's first FPU instruction since it
 *                           was switched in
 * @regs: where it struck
 * @error_code: 0
 *
 * Linux 2.6: math_state_restore() in arch/i386/kernel/traps.c.
 * Context: exception, interrupts off; from user mode (the kernel never
 * uses the FPU: from kernel mode it is a bug).
 */
asmlinkage void do_device_not_available(struct pt_regs *regs,
					long error_code)
{
	struct task_struct *tsk = current;

	if (!user_mode(regs))
		die("device not available (FPU use in the kernel)", regs,
		    error_code);
	clts();
	if (tsk->thread.used_math) {
		restore_fpu(tsk);
	} else {
		u32 mxcsr = MXCSR_DEFAULT;

		__asm__ __volatile__("fninit");
		if (cpu_has_sse)
			__asm__ __volatile__("ldmxcsr %0" : : "m"(mxcsr));
		tsk->thread.used_math = true;
	}
	tsk->thread.status |= TS_USEDFPU;
}
