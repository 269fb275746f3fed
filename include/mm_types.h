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

struct mm_struct;
struct page;

/*
 * One range of an address space with the same permissions (Linux 2.6:
 * struct vm_area_struct in include/linux/mm.h; Understanding the Linux
 * Kernel, 3rd ed., chapter 9, "Memory Regions").  An mm's areas are a
 * list sorted by address, mm->mmap; they never overlap.  mm/mmap.c keeps
 * them; the page-fault handler maps a page only inside one that allows
 * the access.
 */
struct vm_area_struct {
	struct mm_struct *vm_mm;	/* the address space it belongs to */
	unsigned long vm_start;		/* first address, page-aligned */
	unsigned long vm_end;		/* first address after, page-aligned */
	struct vm_area_struct *vm_next;	/* the next area up, or NULL */
	unsigned long vm_flags;		/* VM_* below */
};

/* vm_flags: what the program may do there (mmap's PROT_* bits) */
#define VM_READ		0x00000001
#define VM_WRITE	0x00000002
#define VM_EXEC		0x00000004
#define VM_GROWSDOWN	0x00000100	/* the stack (it does not grow here) */

struct mm_struct {
	/*
	 * The areas, sorted.  Only the tasks using the mm change them, and
	 * only one at a time (a user task shares its mm only with a vfork
	 * child, which runs while its parent sleeps: kernel/fork.c); list
	 * changes are made under page_table_lock so that another task may
	 * walk the list holding it.
	 */
	struct vm_area_struct *mmap;
	int map_count;			/* how many areas */
	pgd_t *pgd;			/* page directory (CR3 = __pa(pgd)) */
	atomic_t mm_users;		/* address space users */
	atomic_t mm_count;		/* references to this struct */
	spinlock_t page_table_lock;	/* protects the user page tables */
	cpumask_t cpu_vm_mask;		/* CPUs whose TLB may hold its entries */
	unsigned long rss;		/* user pages mapped */

	/* The layout execve() gave it: */
	unsigned long start_code, end_code;	/* the program's segments */
	unsigned long start_brk, brk;		/* the heap */
	unsigned long start_stack;		/* bottom of the stack's area */
	unsigned long arg_start, arg_end;	/* argv's strings */
	unsigned long env_start, env_end;	/* envp's strings */
};

/* mm/mm_struct.c: process 0's mm, on swapper_pg_dir */
extern struct mm_struct init_mm;

/* mm/memory.c */
int map_user_page(struct mm_struct *mm, unsigned long addr, bool writable);
int install_user_page(struct mm_struct *mm, unsigned long addr,
		      struct page *page);
int make_user_page_private(struct mm_struct *mm, unsigned long addr,
			   bool writable);
int access_process_vm(struct mm_struct *mm, unsigned long addr, void *buf,
		      int len, bool write);
void unmap_user_range(struct mm_struct *mm, unsigned long start,
		      unsigned long end);
void exit_mmap(struct mm_struct *mm);
struct mm_struct *dup_mm(struct mm_struct *oldmm);
int change_user_range_prot(struct mm_struct *mm, unsigned long start,
			   unsigned long end, unsigned long vm_flags);
int handle_mm_fault(struct mm_struct *mm, unsigned long address,
		    bool write, bool protection);

/* mm/mmap.c */
void mmap_init(void);
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
int vma_add(struct mm_struct *mm, unsigned long start, unsigned long end,
	    unsigned long vm_flags);
int do_munmap(struct mm_struct *mm, unsigned long start, size_t len);
int dup_mmap(struct mm_struct *mm, struct mm_struct *oldmm);
void exit_mmap_areas(struct mm_struct *mm);

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
