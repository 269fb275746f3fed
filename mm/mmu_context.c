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
#include <asm/irqflags.h>
#include <asm/processor.h>
#include <kernel.h>
#include <mm.h>
#include <mm_types.h>
#include <percpu.h>
#include <sched.h>

static DEFINE_PER_CPU(unsigned long, cr3_loads);

/*
 * What each CPU's TLB holds: TLBSTATE_OK while a task that owns the mm
 * runs, TLBSTATE_LAZY while a kernel thread borrows it.  A CPU is in the
 * mm's cpu_vm_mask from the moment it loads CR3 for it until it loads
 * another: flush_tlb_*() (arch/x86/tlb.c) interrupts only those CPUs, and
 * a lazy one among them leaves the mm (leave_mm()) instead of flushing,
 * so that it is not interrupted again for an mm it does not use.
 * Every CPU starts lazy on init_mm, process 0's.
 */
DEFINE_PER_CPU(struct tlb_state, cpu_tlbstate) = {
	[0 ... NR_CPUS - 1] = { .active_mm = &init_mm, .state = TLBSTATE_LAZY },
};

static void load_mm(unsigned int cpu, struct mm_struct *mm)
{
	write_cr3(__pa(mm->pgd));
	per_cpu(cr3_loads, cpu)++;
}

/**
 * switch_mm - run on another address space
 * @prev: the mm in use
 * @next: the mm to use
 *
 * The CPU joins @next's cpu_vm_mask before it loads CR3, so that a
 * flush of @next from another CPU from then on includes it.  The same mm
 * again costs nothing -- unless this CPU left it while lazy (leave_mm():
 * its bit is clear and CR3 holds swapper_pg_dir): then it is reloaded.
 * Context: scheduler, interrupts off.
 */
void switch_mm(struct mm_struct *prev, struct mm_struct *next)
{
	unsigned int cpu = raw_smp_processor_id();
	struct tlb_state *tlb = &per_cpu(cpu_tlbstate, cpu);

	tlb->state = TLBSTATE_OK;
	if (prev != next) {
		cpu_clear(cpu, &prev->cpu_vm_mask);
		tlb->active_mm = next;
		cpu_set(cpu, &next->cpu_vm_mask);
		load_mm(cpu, next);
	} else if (!cpu_isset(cpu, READ_ONCE(next->cpu_vm_mask))) {
		cpu_set(cpu, &next->cpu_vm_mask);
		load_mm(cpu, next);
	}
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
	per_cpu(cpu_tlbstate, raw_smp_processor_id()).state = TLBSTATE_LAZY;
}

/**
 * leave_mm - a lazy CPU stops using the mm it holds
 * @cpu: this CPU
 *
 * The kernel thread running here keeps its reference (active_mm): only
 * the TLB lets go.  CR3 moves to swapper_pg_dir, which maps the kernel
 * alone, and the CPU leaves the mm's cpu_vm_mask: no flush of that mm
 * interrupts it again.  Linux 2.6: leave_mm() in arch/i386/kernel/smp.c.
 * Context: interrupts off (the TLB-flush IPI).
 */
void leave_mm(unsigned int cpu)
{
	struct tlb_state *tlb = &per_cpu(cpu_tlbstate, cpu);

	BUG_ON(tlb->state == TLBSTATE_OK);
	cpu_clear(cpu, &tlb->active_mm->cpu_vm_mask);
	write_cr3(__pa(swapper_pg_dir));
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
 * drop_borrowed_mm - a kernel thread lets go of the mm it borrowed
 *
 * A kernel thread runs on whichever mm was loaded when it was switched
 * in, and holds a reference (mm_count) on it until it is switched out:
 * an mm whose last user has gone stays allocated meanwhile.  A thread
 * that must not keep one alive (the ktest runner, before it counts free
 * pages) moves to init_mm, the kernel's own page directory.
 * (leave_mm() above only unloads the mm; the reference stays.)
 * Context: process, a kernel thread (no mm of its own).
 */
void drop_borrowed_mm(void)
{
	struct task_struct *tsk = current;
	struct mm_struct *borrowed;
	unsigned long flags;

	BUG_ON(tsk->mm);
	/*
	 * The scheduler reads and swaps active_mm, and a TLB-flush IPI
	 * may unload this CPU's mm: not in between.
	 */
	local_irq_save(flags);
	borrowed = tsk->active_mm;
	if (borrowed != &init_mm) {
		atomic_inc(&init_mm.mm_count);
		tsk->active_mm = &init_mm;
		switch_mm(borrowed, &init_mm);
		enter_lazy_tlb(&init_mm);
	}
	local_irq_restore(flags);
	if (borrowed != &init_mm)
		mmdrop(borrowed);
}

/* Return: how many times this CPU has loaded CR3 through switch_mm(). */
unsigned long cr3_load_count(void)
{
	return per_cpu(cr3_loads, raw_smp_processor_id());
}
