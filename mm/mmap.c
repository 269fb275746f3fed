// SPDX-License-Identifier: GPL-2.0
/*
 * mm/mmap.c - the areas of an address space: mmap2(), munmap(),
 * mprotect(), brk().
 *
 * Linux 2.6: mm/mmap.c (find_vma, do_mmap_pgoff, get_unmapped_area,
 * do_munmap, split_vma, do_brk, sys_brk), mm/mprotect.c (sys_mprotect,
 * mprotect_fixup).  Understanding the Linux Kernel, 3rd ed., chapter 9,
 * "Memory Regions" and "Creating and Deleting a Memory Region".
 * An address space is a sorted list of areas (struct vm_area_struct,
 * include/mm_types.h), each a page-aligned range with one set of rights:
 * the program's PT_LOAD segments (kernel/binfmt_elf.c), the heap (brk),
 * each anonymous mmap(), and the stack (kernel/exec.c).  The list says
 * what a page fault may map (mm/memory.c: handle_mm_fault()); the page
 * tables say what is mapped.  Linux keeps the areas in a red-black tree
 * too, for a fast find_vma(); a list is enough for the handful a program
 * here has.
 *
 * Only anonymous private memory: MAP_ANONYMOUS | MAP_PRIVATE, zero-filled
 * on first touch; no file mappings (-ENODEV) and no shared ones
 * (-EINVAL).  Areas with the same rights that touch are merged (so the
 * heap stays one area however often brk() moves); munmap() and
 * mprotect() split an area at their range's ends.  A range mmap() picks
 * itself is the first hole from TASK_UNMAPPED_BASE up, as Linux 2.6's
 * "legacy" layout.  PROT_EXEC is recorded but means nothing to the CPU:
 * i386 page tables without PAE have no no-execute bit.
 *
 * Locking: only a task using the mm changes its list, and only one does
 * at a time (kernel/fork.c: CLONE_VM only with CLONE_VFORK), so it may
 * read the list and allocate (and sleep) freely; every change of the
 * links is made under mm->page_table_lock, which another task that wants
 * to walk the list takes too.
 */
#include <asm/uaccess.h>
#include <errno.h>
#include <gfp.h>
#include <kernel.h>
#include <mm.h>
#include <mm_types.h>
#include <sched.h>
#include <slab.h>
#include <syscalls.h>

/* Where mmap() looks for room first (Linux 2.6: TASK_SIZE / 3). */
#define TASK_UNMAPPED_BASE	0x40000000UL

static struct kmem_cache *vm_area_cachep;

/**
 * mmap_init - create the vm_area_struct cache
 *
 * Context: boot (mm_struct_init()).
 */
void mmap_init(void)
{
	vm_area_cachep = kmem_cache_create("vm_area_struct",
					   sizeof(struct vm_area_struct), 0, 0,
					   NULL);
	if (!vm_area_cachep)
		panic("mmap_init: no memory");
}

/**
 * find_vma - the first area that ends above @addr
 * @mm: the address space
 * @addr: a user address
 *
 * As Linux's: the area may begin above @addr too; the caller checks
 * vm_start to know whether @addr is inside.
 * Context: a task using @mm, or page_table_lock held.
 * Return: the area, or NULL if none ends above @addr.
 */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;

	for (vma = mm->mmap; vma; vma = vma->vm_next)
		if (addr < vma->vm_end)
			return vma;
	return NULL;
}

/* The area just below @vma (NULL if it is the first). */
static struct vm_area_struct *vma_prev(struct mm_struct *mm,
				       struct vm_area_struct *vma)
{
	struct vm_area_struct *prev = NULL;

	for (struct vm_area_struct *v = mm->mmap; v != vma; v = v->vm_next)
		prev = v;
	return prev;
}

/* Is any of [start, end) in an area? */
static bool range_in_use(struct mm_struct *mm, unsigned long start,
			 unsigned long end)
{
	struct vm_area_struct *vma = find_vma(mm, start);

	return vma && vma->vm_start < end;
}

/* Put @vma after @prev (NULL: first), merging it with equal neighbours. */
static void vma_link(struct mm_struct *mm, struct vm_area_struct *vma,
		     struct vm_area_struct *prev)
{
	struct vm_area_struct *next = prev ? prev->vm_next : mm->mmap;
	struct vm_area_struct *gone1 = NULL, *gone2 = NULL;

	spin_lock(&mm->page_table_lock);
	if (prev && prev->vm_end == vma->vm_start &&
	    prev->vm_flags == vma->vm_flags) {
		prev->vm_end = vma->vm_end;
		gone1 = vma;
		vma = prev;
	} else {
		vma->vm_next = next;
		if (prev)
			prev->vm_next = vma;
		else
			mm->mmap = vma;
		mm->map_count++;
	}
	if (next && vma->vm_end == next->vm_start &&
	    vma->vm_flags == next->vm_flags) {
		vma->vm_end = next->vm_end;
		vma->vm_next = next->vm_next;
		mm->map_count--;
		gone2 = next;
	}
	spin_unlock(&mm->page_table_lock);
	if (gone1)
		kmem_cache_free(vm_area_cachep, gone1);
	if (gone2)
		kmem_cache_free(vm_area_cachep, gone2);
}

static struct vm_area_struct *vma_alloc(struct mm_struct *mm,
					unsigned long start, unsigned long end,
					unsigned long vm_flags)
{
	struct vm_area_struct *vma = kmem_cache_alloc(vm_area_cachep,
						      GFP_KERNEL);

	if (!vma)
		return NULL;
	vma->vm_mm = mm;
	vma->vm_start = start;
	vma->vm_end = end;
	vma->vm_next = NULL;
	vma->vm_flags = vm_flags;
	return vma;
}

/* Cut @vma in two at @addr (inside it); the upper part is a new area. */
static int split_vma(struct mm_struct *mm, struct vm_area_struct *vma,
		     unsigned long addr)
{
	struct vm_area_struct *new = vma_alloc(mm, addr, vma->vm_end,
					       vma->vm_flags);

	if (!new)
		return -ENOMEM;
	spin_lock(&mm->page_table_lock);
	new->vm_next = vma->vm_next;
	vma->vm_next = new;
	vma->vm_end = addr;
	mm->map_count++;
	spin_unlock(&mm->page_table_lock);
	return 0;
}

/*
 * Give [start, end), inside @vma, the rights @newflags: split @vma at the
 * range's ends, then change the page table entries already there.
 * Linux 2.6: mm/mprotect.c: mprotect_fixup().
 */
static int mprotect_fixup(struct mm_struct *mm, struct vm_area_struct *vma,
			  unsigned long start, unsigned long end,
			  unsigned long newflags)
{
	int err;

	if (vma->vm_flags == newflags)
		return 0;
	if (start > vma->vm_start) {
		err = split_vma(mm, vma, start);
		if (err)
			return err;
		vma = vma->vm_next;
	}
	if (end < vma->vm_end) {
		err = split_vma(mm, vma, end);
		if (err)
			return err;
	}
	vma->vm_flags = newflags;	/* one word: readers see old or new */
	return change_user_range_prot(mm, start, end, newflags);
}

/**
 * vma_add - make [start, end) part of the address space
 * @mm: the address space (new, or the caller's own)
 * @start: page-aligned
 * @end: page-aligned, above @start
 * @vm_flags: VM_* rights
 *
 * Where an area is there already, it gains @vm_flags (two ELF segments
 * that share a page: the page gets both segments' rights, as Linux's
 * loader gives it the later one's); the holes become new areas.  Maps
 * no page.
 * Context: process, may sleep.
 * Return: 0, or -ENOMEM.
 */
int vma_add(struct mm_struct *mm, unsigned long start, unsigned long end,
	    unsigned long vm_flags)
{
	unsigned long addr = start;

	while (addr < end) {
		struct vm_area_struct *vma = find_vma(mm, addr), *new;
		unsigned long stop;
		int err;

		if (vma && vma->vm_start <= addr) {
			stop = min(vma->vm_end, end);
			err = mprotect_fixup(mm, vma, addr, stop,
					     vma->vm_flags | vm_flags);
			if (err)
				return err;
			addr = stop;
			continue;
		}
		stop = vma ? min(vma->vm_start, end) : end;
		new = vma_alloc(mm, addr, stop, vm_flags);
		if (!new)
			return -ENOMEM;
		vma_link(mm, new, vma ? vma_prev(mm, vma) :
				 vma_prev(mm, NULL));
		addr = stop;
	}
	return 0;
}

/**
 * do_munmap - remove [start, start + len) from the address space
 * @mm: the caller's
 * @start: page-aligned
 * @len: bytes, a multiple of the page size
 *
 * Areas that straddle an end are split there; the pages go.  A range
 * with nothing mapped is not an error.
 * Linux 2.6: mm/mmap.c: do_munmap().
 * Context: process, may sleep.
 * Return: 0, or -ENOMEM (a split needed memory; nothing was removed).
 */
int do_munmap(struct mm_struct *mm, unsigned long start, size_t len)
{
	unsigned long end = start + len;
	struct vm_area_struct *vma, *prev, *last, *gone;
	int err;

	vma = find_vma(mm, start);
	if (!vma || vma->vm_start >= end)
		return 0;
	if (vma->vm_start < start) {
		err = split_vma(mm, vma, start);
		if (err)
			return err;
		vma = vma->vm_next;
	}
	last = find_vma(mm, end - 1);
	if (last && last->vm_start < end && last->vm_end > end) {
		err = split_vma(mm, last, end);
		if (err)
			return err;
	}

	/* Unlink every area inside [start, end); free them after. */
	prev = vma_prev(mm, vma);
	spin_lock(&mm->page_table_lock);
	gone = vma;
	for (last = vma; last->vm_next && last->vm_next->vm_start < end;
	     last = last->vm_next)
		mm->map_count--;
	mm->map_count--;
	if (prev)
		prev->vm_next = last->vm_next;
	else
		mm->mmap = last->vm_next;
	last->vm_next = NULL;
	spin_unlock(&mm->page_table_lock);

	unmap_user_range(mm, start, end);
	while (gone) {
		struct vm_area_struct *next = gone->vm_next;

		kmem_cache_free(vm_area_cachep, gone);
		gone = next;
	}
	return 0;
}

/**
 * dup_mmap - copy the areas of @oldmm into @mm (fork)
 * @mm: the new address space, no areas yet
 * @oldmm: the parent's
 *
 * Context: process, may sleep.
 * Return: 0, or -ENOMEM (@mm keeps what was copied; mmput() frees it).
 */
int dup_mmap(struct mm_struct *mm, struct mm_struct *oldmm)
{
	struct vm_area_struct *prev = NULL;

	for (struct vm_area_struct *v = oldmm->mmap; v; v = v->vm_next) {
		struct vm_area_struct *new = vma_alloc(mm, v->vm_start,
						       v->vm_end, v->vm_flags);

		if (!new)
			return -ENOMEM;
		if (prev)
			prev->vm_next = new;
		else
			mm->mmap = new;
		prev = new;
		mm->map_count++;
	}
	return 0;
}

/**
 * exit_mmap_areas - free every area of an mm nobody uses any more
 * @mm: the address space (exit_mmap())
 *
 * Context: process.
 */
void exit_mmap_areas(struct mm_struct *mm)
{
	struct vm_area_struct *vma;

	spin_lock(&mm->page_table_lock);
	vma = mm->mmap;
	mm->mmap = NULL;
	mm->map_count = 0;
	spin_unlock(&mm->page_table_lock);
	while (vma) {
		struct vm_area_struct *next = vma->vm_next;

		kmem_cache_free(vm_area_cachep, vma);
		vma = next;
	}
}

/*
 * A free range of @len bytes: @hint if it is free (and page-aligned),
 * else the lowest hole from TASK_UNMAPPED_BASE up that ends below the
 * stack.  Linux 2.6: arch_get_unmapped_area().  Return: it, or -ENOMEM.
 */
static long get_unmapped_area(struct mm_struct *mm, unsigned long hint,
			      unsigned long len)
{
	unsigned long limit = mm->start_stack, addr;

	if (len > limit)
		return -ENOMEM;
	if (hint && !(hint & ~PAGE_MASK) && hint >= PAGE_SIZE &&
	    hint <= limit - len && !range_in_use(mm, hint, hint + len))
		return hint;
	addr = TASK_UNMAPPED_BASE;
	for (struct vm_area_struct *vma = find_vma(mm, addr); ;
	     vma = vma->vm_next) {
		if (addr > limit - len)
			return -ENOMEM;
		if (!vma || addr + len <= vma->vm_start)
			return addr;
		addr = max(addr, vma->vm_end);
	}
}

static unsigned long prot_to_vm_flags(unsigned long prot)
{
	return (prot & PROT_READ ? VM_READ : 0) |
	       (prot & PROT_WRITE ? VM_WRITE : 0) |
	       (prot & PROT_EXEC ? VM_EXEC : 0);
}

/*
 * Linux 2.6: mm/mmap.c: do_mmap_pgoff(), anonymous private mappings
 * only.  Return: the address, or -E.
 */
static long do_mmap(unsigned long addr, unsigned long len,
		    unsigned long prot, unsigned long flags, unsigned long fd)
{
	struct mm_struct *mm = current->mm;
	long ret;

	if (!mm)
		return -EINVAL;
	if (!len || (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC)))
		return -EINVAL;
	switch (flags & (MAP_SHARED | MAP_PRIVATE)) {
	case MAP_PRIVATE:
		break;
	case MAP_SHARED:
		return flags & MAP_ANONYMOUS ? -EINVAL : -ENODEV;
	default:
		return -EINVAL;
	}
	if (!(flags & MAP_ANONYMOUS))
		return -ENODEV;		/* no file mappings */
	if (len > TASK_SIZE - PAGE_SIZE)
		return -ENOMEM;
	len = PAGE_ALIGN(len);

	if (flags & MAP_FIXED) {
		if ((addr & ~PAGE_MASK) || addr > TASK_SIZE - len)
			return -EINVAL;
		if (addr < PAGE_SIZE)
			return -EPERM;	/* page 0 stays unmapped: NULL faults */
		ret = do_munmap(mm, addr, len);
		if (ret)
			return ret;
	} else {
		ret = get_unmapped_area(mm, addr, len);
		if (ret < 0)
			return ret;
		addr = ret;
	}
	ret = vma_add(mm, addr, addr + len, prot_to_vm_flags(prot));
	return ret ? ret : (long)addr;
}

/**
 * sys_mmap2 - mmap2(2): a new anonymous private mapping
 * @addr: a hint, or with MAP_FIXED the exact (page-aligned) address
 * @len: bytes
 * @prot: PROT_READ, PROT_WRITE, PROT_EXEC
 * @flags: MAP_PRIVATE | MAP_ANONYMOUS, optionally MAP_FIXED
 * @fd: ignored (anonymous)
 * @pgoff: ignored (anonymous); the offset in pages, for files
 *
 * The pages are mapped, zero-filled, when first touched.  MAP_FIXED
 * replaces whatever was in the range.
 * Context: process (a system call).
 * Return: the address, -EINVAL, -ENOMEM, -EPERM (page 0), -ENODEV
 * (a file mapping).
 */
asmlinkage long sys_mmap2(unsigned long addr, unsigned long len,
			  unsigned long prot, unsigned long flags,
			  unsigned long fd, unsigned long pgoff)
{
	return do_mmap(addr, len, prot, flags, fd);
}

/* old_mmap's single argument (Linux: struct mmap_arg_struct). */
struct mmap_arg_struct {
	unsigned long addr, len, prot, flags, fd, offset;
};

/**
 * sys_old_mmap - mmap(2) number 90: the arguments in a struct in memory
 * @arg: them; the offset in bytes
 *
 * Context: process (a system call).
 * Return: as sys_mmap2(), or -EFAULT.
 */
asmlinkage long sys_old_mmap(struct mmap_arg_struct *arg)
{
	struct mmap_arg_struct a;

	if (copy_from_user(&a, arg, sizeof(a)))
		return -EFAULT;
	if (a.offset & ~PAGE_MASK)
		return -EINVAL;
	return do_mmap(a.addr, a.len, a.prot, a.flags, a.fd);
}

/**
 * sys_munmap - munmap(2)
 * @addr: page-aligned
 * @len: bytes, rounded up to pages
 *
 * Context: process (a system call).
 * Return: 0, -EINVAL (misaligned, empty, or not user space), -ENOMEM.
 */
asmlinkage long sys_munmap(unsigned long addr, size_t len)
{
	struct mm_struct *mm = current->mm;

	if (!mm || (addr & ~PAGE_MASK) || !len || addr >= TASK_SIZE ||
	    len > TASK_SIZE - addr)
		return -EINVAL;
	return do_munmap(mm, addr, PAGE_ALIGN(len));
}

/**
 * sys_mprotect - mprotect(2): new rights for a range of areas
 * @start: page-aligned
 * @len: bytes, rounded up to pages
 * @prot: PROT_READ, PROT_WRITE, PROT_EXEC, or none (PROT_NONE)
 *
 * The whole range must be mapped (-ENOMEM otherwise, and nothing
 * changes); areas are split at its ends.  glibc uses it at start-up to
 * make its relocated data read-only (PT_GNU_RELRO).
 * Linux 2.6: mm/mprotect.c: sys_mprotect().
 * Context: process (a system call).
 * Return: 0, -EINVAL, -ENOMEM.
 */
asmlinkage long sys_mprotect(unsigned long start, size_t len,
			     unsigned long prot)
{
	struct mm_struct *mm = current->mm;
	unsigned long end, addr, newflags = prot_to_vm_flags(prot);
	struct vm_area_struct *vma;

	if (!mm || (start & ~PAGE_MASK) ||
	    (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC)))
		return -EINVAL;
	if (len > TASK_SIZE || start > TASK_SIZE - PAGE_ALIGN(len))
		return -ENOMEM;
	end = start + PAGE_ALIGN(len);
	if (end == start)
		return 0;
	/* Holes first: refuse before anything changes. */
	for (addr = start, vma = find_vma(mm, start); addr < end;
	     addr = vma->vm_end, vma = vma->vm_next)
		if (!vma || vma->vm_start > addr)
			return -ENOMEM;
	for (addr = start; addr < end;) {
		unsigned long stop;
		int err;

		vma = find_vma(mm, addr);
		stop = min(vma->vm_end, end);
		err = mprotect_fixup(mm, vma, addr, stop,
				     (vma->vm_flags & ~(VM_READ | VM_WRITE |
							VM_EXEC)) | newflags);
		if (err)
			return err;
		addr = stop;
	}
	return 0;
}

/**
 * sys_brk - brk(2): move the end of the heap
 * @brk: the new end; 0 (or anything outside the heap's range) only asks
 *
 * The heap is an area from mm->start_brk (just above the program's
 * data) to the page above brk; its pages are mapped or unmapped at once
 * (Linux maps them on first touch: a heap grown far beyond what is
 * touched would then fill memory only as it is used; here what brk()
 * grants is memory the process has).  It may grow up to one page below
 * the stack's area, not into an mmap()ed one, and not by more pages
 * than are free (Linux's overcommit heuristic: refuse what cannot fit).
 * Linux 2.6: mm/mmap.c: sys_brk(), do_brk().
 * Context: process (a system call).
 * Return: the new end, or the old one if the request was refused.
 */
asmlinkage unsigned long sys_brk(unsigned long brk)
{
	struct mm_struct *mm = current->mm;
	unsigned long old, new;

	if (!mm)
		return 0;
	/* Check before rounding: PAGE_ALIGN(0xffffffff) wraps to 0. */
	if (brk < mm->start_brk || brk >= mm->start_stack - PAGE_SIZE)
		return mm->brk;
	old = PAGE_ALIGN(mm->brk);
	new = PAGE_ALIGN(brk);
	if (new < old) {
		if (do_munmap(mm, new, old - new))
			return mm->brk;
	} else if (new > old) {
		if ((new - old) / PAGE_SIZE > nr_free_pages() ||
		    range_in_use(mm, old, new) ||
		    vma_add(mm, old, new, VM_READ | VM_WRITE))
			return mm->brk;
		for (unsigned long addr = old; addr < new; addr += PAGE_SIZE)
			if (map_user_page(mm, addr, true)) {
				do_munmap(mm, old, new - old);
				return mm->brk;
			}
	}
	mm->brk = brk;
	return brk;
}
