// SPDX-License-Identifier: GPL-2.0
/*
 * mm/mmu_context.c - switching address spaces, and lazy TLB.
 *
 * Linux 2.6: include/asm-i386/mmu_context.h (switch_mm, enter_lazy_tlb).
 * switch_mm() loads CR3, which also throws away the TLB: the cost every
 * switch between two processes pays.  A kernel thread never uses user
 * addresses, and the kernel half is the same in every page directory, so
 * the scheduler does not call switch_mm() for it: it keeps running on the
 * previous task's page directory ("lazy TLB mode", enter_lazy_tlb()).  The
 * per-CPU count of CR3 loads lets tests check that a switch between
 * kernel threads loads CR3 zero times.
 */
#include <asm/processor.h>
#include <kernel.h>
#include <mm.h>
#include <mm_types.h>
#include <percpu.h>
#include <sched.h>

static DEFINE_PER_CPU(unsigned long, cr3_loads);

/*
 * What this CPU's TLB holds: TLBSTATE_OK while a task that owns the mm
 * runs, TLBSTATE_LAZY while a kernel thread borrows it.  With SMP a flush
 * request for an mm can skip lazy CPUs (they switch CR3 before touching
 * user addresses again).
 */
static DEFINE_PER_CPU(int, cpu_tlbstate);

/**
 * switch_mm - run on another address space
 * @prev: the mm in use
 * @next: the mm to use
 *
 * Context: scheduler, interrupts off.
 */
void switch_mm(struct mm_struct *prev, struct mm_struct *next)
{
	__get_cpu_var(cpu_tlbstate) = TLBSTATE_OK;
	if (prev == next)
		return;
	write_cr3(__pa(next->pgd));
	__get_cpu_var(cr3_loads)++;
}

/**
 * enter_lazy_tlb - a kernel thread starts running on a borrowed mm
 * @mm: the mm it borrows
 *
 * CR3 stays as it is; the CPU is only marked lazy.
 * Context: scheduler, interrupts off.
 */
void enter_lazy_tlb(struct mm_struct *mm)
{
	__get_cpu_var(cpu_tlbstate) = TLBSTATE_LAZY;
}

/**
 * use_mm - let the current kernel thread run on a user address space
 * @mm: the address space; the caller holds an mm_users reference
 *
 * For kernel threads that must act in a process's address space (Linux
 * uses this for asynchronous I/O).  The mm becomes the thread's own until
 * unuse_mm().
 * Context: process (a kernel thread).
 */
void use_mm(struct mm_struct *mm)
{
	struct task_struct *tsk = current;
	struct mm_struct *active_mm;
	unsigned long flags;

	local_irq_save(flags);
	active_mm = tsk->active_mm;
	if (active_mm != mm) {
		atomic_inc(&mm->mm_count);
		tsk->active_mm = mm;
	}
	tsk->mm = mm;
	switch_mm(active_mm, mm);
	local_irq_restore(flags);
	if (active_mm != mm)
		mmdrop(active_mm);
}

/**
 * unuse_mm - give back the address space use_mm() took
 * @mm: that address space
 *
 * The thread stays on it lazily, like any kernel thread, until it is
 * switched out.
 * Context: process (a kernel thread).
 */
void unuse_mm(struct mm_struct *mm)
{
	current->mm = NULL;
	enter_lazy_tlb(mm);
}

/**
 * leave_mm - a kernel thread lets go of the mm it borrowed
 *
 * A kernel thread runs on whichever mm was loaded when it was switched
 * in, and holds a reference (mm_count) on it until it is switched out:
 * an mm whose last user has gone stays allocated meanwhile.  A thread
 * that must not keep one alive (the ktest runner, before it counts free
 * pages) moves to init_mm, the kernel's own page directory.
 * Linux 2.6: leave_mm() in arch/i386/kernel/smp.c, which loads
 * swapper_pg_dir on a lazy CPU.
 * Context: process, a kernel thread (no mm of its own).
 */
void leave_mm(void)
{
	struct task_struct *tsk = current;
	struct mm_struct *borrowed;

	BUG_ON(tsk->mm);
	/* The scheduler reads and swaps active_mm: not in between. */
	preempt_disable();
	borrowed = tsk->active_mm;
	if (borrowed != &init_mm) {
		atomic_inc(&init_mm.mm_count);
		tsk->active_mm = &init_mm;
		switch_mm(borrowed, &init_mm);
		enter_lazy_tlb(&init_mm);
	}
	preempt_enable();
	if (borrowed != &init_mm)
		mmdrop(borrowed);
}

/* Return: how many times this CPU has loaded CR3 through switch_mm(). */
unsigned long cr3_load_count(void)
{
	return __get_cpu_var(cr3_loads);
}
