// SPDX-License-Identifier: GPL-2.0
/*
 * arch/x86/tlb.c - TLB shootdown: flushing another CPU's TLB.
 *
 * Linux 2.6: arch/i386/kernel/smp.c (flush_tlb_mm, flush_tlb_page,
 * flush_tlb_others, smp_invalidate_interrupt).
 * A CPU caches translations in its own TLB, and invlpg or a CR3 load
 * clears only its own.  When a page table entry of an mm changes (a page
 * unmapped, made read-only), every other CPU that may hold the old entry
 * must drop it before the page is reused, or a thread there goes on
 * reading the freed page.  So the CPU that changed it flushes its own
 * TLB and sends INVALIDATE_TLB_VECTOR to the CPUs in the mm's
 * cpu_vm_mask (mm/mmu_context.c), and waits until each has answered.
 * A CPU that only holds the mm lazily (a kernel thread borrowed it)
 * answers by leaving the mm (leave_mm()): it is off the mask for the
 * next flush.  One flush at a time: tlbstate_lock.
 */
#include <asm/apic.h>
#include <asm/irqflags.h>
#include <asm/processor.h>
#include <hardirq.h>
#include <kernel.h>
#include <mm_types.h>
#include <sched.h>
#include <smp.h>

#define FLUSH_ALL	0xFFFFFFFFUL

static DEFINE_SPINLOCK(tlbstate_lock);
/* The request being served, under tlbstate_lock: */
static struct mm_struct *flush_mm;
static unsigned long flush_va;
static cpumask_t flush_cpumask;		/* CPUs yet to answer */

static void local_flush(unsigned long va)
{
	if (va == FLUSH_ALL)
		write_cr3(read_cr3());
	else
		__flush_tlb_one(va);
}

/**
 * smp_invalidate_interrupt - the TLB-flush IPI
 * @regs: the interrupted context
 * @vector: INVALIDATE_TLB_VECTOR
 *
 * Context: hard interrupt.
 */
asmlinkage void smp_invalidate_interrupt(struct pt_regs *regs, long vector)
{
	unsigned int cpu = smp_processor_id();
	struct tlb_state *tlb = &per_cpu(cpu_tlbstate, cpu);

	if (cpu_isset(cpu, READ_ONCE(flush_cpumask))) {
		if (tlb->active_mm == flush_mm) {
			if (tlb->state == TLBSTATE_OK)
				local_flush(flush_va);
			else
				leave_mm(cpu);
		}
		cpu_clear(cpu, &flush_cpumask);
	}
	inc_irq_stat(irq_tlb_count);
	ack_APIC_irq();
}

/* Have the CPUs of @cpumask flush @va of @mm, and wait for them. */
static void flush_tlb_others(cpumask_t cpumask, struct mm_struct *mm,
			     unsigned long va)
{
	/* An IPI to a CPU spinning here with interrupts off never lands. */
	WARN_ON(irqs_disabled());
	spin_lock(&tlbstate_lock);
	flush_mm = mm;
	flush_va = va;
	WRITE_ONCE(flush_cpumask, cpumask);
	send_IPI_mask(cpumask, INVALIDATE_TLB_VECTOR);
	while (!cpus_empty(READ_ONCE(flush_cpumask)))
		cpu_relax();
	flush_mm = NULL;
	spin_unlock(&tlbstate_lock);
}

/* Flush @va of @mm here, and on the other CPUs that hold @mm. */
static void flush_tlb_mm_va(struct mm_struct *mm, unsigned long va)
{
	unsigned int cpu;
	cpumask_t others;

	preempt_disable();
	cpu = smp_processor_id();
	others = READ_ONCE(mm->cpu_vm_mask);
	cpu_clear(cpu, &others);
	if (current->active_mm == mm) {
		if (current->mm)
			local_flush(va);
		else
			leave_mm(cpu);	/* a kernel thread: no need for it */
	}
	if (!cpus_empty(others))
		flush_tlb_others(others, mm, va);
	preempt_enable();
}

/**
 * flush_tlb_mm - forget every translation of @mm, on every CPU
 * @mm: the address space whose page tables changed
 *
 * Context: process, interrupts on.
 */
void flush_tlb_mm(struct mm_struct *mm)
{
	flush_tlb_mm_va(mm, FLUSH_ALL);
}

/**
 * flush_tlb_page - forget the translation of one page of @mm
 * @mm: the address space
 * @addr: the user address whose page table entry changed
 *
 * Context: process, interrupts on.
 */
void flush_tlb_page(struct mm_struct *mm, unsigned long addr)
{
	flush_tlb_mm_va(mm, addr & PAGE_MASK);
}

static void do_flush_tlb_all(void *unused)
{
	write_cr3(read_cr3());
}

/**
 * flush_tlb_all - flush the whole TLB of every CPU
 *
 * For a change to the kernel's own mappings (the page directory every
 * mm shares), which no cpu_vm_mask tracks.
 * Context: process, interrupts on.
 */
void flush_tlb_all(void)
{
	on_each_cpu(do_flush_tlb_all, NULL, 1);
}
