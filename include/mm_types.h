/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/mm_types.h - struct mm_struct, an address space.
 *
 * Linux 2.6: struct mm_struct in include/linux/sched.h.
 * Two reference counts, as in Linux:
 *	mm_users  tasks that own this address space (a process and the
 *	          threads sharing it with CLONE_VM); at 0 the user
 *	          mappings go (mmput)
 *	mm_count  references to the struct itself: all users together
 *	          hold one, and every kernel thread running on it in lazy
 *	          TLB mode holds one more; at 0 the page directory and the
 *	          struct go (mmdrop)
 * So a kernel thread that borrowed a dying process's mm keeps its page
 * directory (whose kernel half it runs on) alive until it switches away.
 */
#ifndef _MM_TYPES_H
#define _MM_TYPES_H

#include <atomic.h>
#include <cpumask.h>
#include <percpu.h>
#include <pgtable.h>
#include <spinlock.h>

struct mm_struct {
	pgd_t *pgd;			/* page directory (CR3 = __pa(pgd)) */
	atomic_t mm_users;		/* address space users */
	atomic_t mm_count;		/* references to this struct */
	spinlock_t page_table_lock;	/* protects the user page tables */
	cpumask_t cpu_vm_mask;		/* CPUs whose TLB may hold its entries */
	unsigned long rss;		/* user pages mapped */

	/* The layout execve() gave it (mm/memory.c maps it eagerly): */
	unsigned long start_code, end_code;	/* the program's segments */
	unsigned long start_brk, brk;		/* the heap */
	unsigned long start_stack;		/* lowest stack address */
	unsigned long arg_start, arg_end;	/* argv's strings */
	unsigned long env_start, env_end;	/* envp's strings */
};

/* mm/mm_struct.c: process 0's mm, on swapper_pg_dir */
extern struct mm_struct init_mm;

/* mm/memory.c */
int map_user_page(struct mm_struct *mm, unsigned long addr, bool writable);
int make_user_page_writable(struct mm_struct *mm, unsigned long addr);
int access_process_vm(struct mm_struct *mm, unsigned long addr, void *buf,
		      int len, bool write);
void unmap_user_range(struct mm_struct *mm, unsigned long start,
		      unsigned long end);
void exit_mmap(struct mm_struct *mm);
struct mm_struct *dup_mm(struct mm_struct *oldmm);

/* mm/mm_struct.c */
void mm_struct_init(void);
struct mm_struct *mm_alloc(void);
void mmput(struct mm_struct *mm);
void __mmdrop(struct mm_struct *mm);

/**
 * mmdrop - drop a reference to the struct (mm_count)
 * @mm: the mm
 *
 * Context: process or scheduler (finish_task_switch()).
 */
static inline void mmdrop(struct mm_struct *mm)
{
	if (atomic_dec_and_test(&mm->mm_count))
		__mmdrop(mm);
}

/* mm/mmu_context.c */
#define TLBSTATE_OK	1	/* the running task owns the loaded mm */
#define TLBSTATE_LAZY	2	/* a kernel thread borrows it */

/* What one CPU's TLB holds (Linux 2.6: struct tlb_state). */
struct tlb_state {
	struct mm_struct *active_mm;	/* the mm CR3 was last loaded for */
	int state;			/* TLBSTATE_OK or TLBSTATE_LAZY */
};
DECLARE_PER_CPU(struct tlb_state, cpu_tlbstate);

void switch_mm(struct mm_struct *prev, struct mm_struct *next);
void enter_lazy_tlb(struct mm_struct *mm);
void leave_mm(unsigned int cpu);
void use_mm(struct mm_struct *mm);
void unuse_mm(struct mm_struct *mm);
void drop_borrowed_mm(void);
unsigned long cr3_load_count(void);

/* arch/x86/tlb.c: flushes that reach every CPU using the mm */
void flush_tlb_mm(struct mm_struct *mm);
void flush_tlb_page(struct mm_struct *mm, unsigned long addr);
void flush_tlb_all(void);

#endif /* _MM_TYPES_H */
