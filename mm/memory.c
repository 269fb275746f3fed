// SPDX-License-Identifier: GPL-2.0
/*
 * mm/memory.c - user address spaces: mapping, copying, tearing down.
 *
 * Linux 2.6: mm/memory.c (copy_page_range, zap_page_range,
 * handle_mm_fault, change_protection of mm/mprotect.c), mm/mmap.c
 * (exit_mmap), kernel/fork.c (dup_mm).
 * execve() maps every page of the program and the top of its stack at
 * once, brk() every page of the heap as it grows.  The rest of a
 * process's memory (mm/mmap.c's areas: the stack's lower part,
 * anonymous mmap()s) is demand-zero: the first touch faults, and
 * handle_mm_fault() maps a zeroed page if the area allows the access; a
 * fault anywhere else is the program's error (SIGSEGV).  A program's
 * read-only pages come from the page cache of programs (mm/filemap.c),
 * one copy mapped by every process that runs it.  fork() shares every
 * read-only page (get_page(): one more reference) and copies every
 * writable one (no copy-on-write).  A shared page is never written: the
 * user cannot (it is read-only, and CR0.WP makes the kernel's own
 * copy_to_user() fault on it too), and before a page becomes writable --
 * mprotect(), or an ELF segment sharing the page -- unshare_user_page()
 * gives the address space its own copy.  Only the user half of a page directory (entries
 * 0..767) is ever touched here; the kernel half belongs to
 * swapper_pg_dir.  Another task may read a process's memory
 * (access_process_vm()) while the process unmaps some of it: both hold
 * page_table_lock while they look at a page table entry, and the page
 * is freed only after its entry is gone.
 */
#include <asm/processor.h>
#include <errno.h>
#include <gfp.h>
#include <kernel.h>
#include <mm.h>
#include <mm_types.h>
#include <pgtable.h>
#include <sched.h>
#include <string.h>
#include <syscalls.h>

#define _PAGE_USER_RW	(_PAGE_PRESENT | _PAGE_RW | _PAGE_USER)
#define _PAGE_USER_RO	(_PAGE_PRESENT | _PAGE_USER)

/*
 * The first address at or after @addr that may have a page table entry
 * in @mm: @addr itself, or the start of the next 4 MiB if @addr's page
 * table is missing (so that loops over huge, mostly empty ranges -- a
 * 1 GiB munmap() -- cost one step per 4 MiB).
 */
static unsigned long next_mapped(struct mm_struct *mm, unsigned long addr)
{
	if (mm->pgd[pgd_index(addr)] & _PAGE_PRESENT)
		return addr;
	return (addr | ((1UL << PGDIR_SHIFT) - 1)) + 1;
}

/* The PTE for @addr in @mm, making its page table if @create. */
static pte_t *user_pte(struct mm_struct *mm, unsigned long addr, bool create)
{
	pgd_t *pde = &mm->pgd[pgd_index(addr)];

	if (!(*pde & _PAGE_PRESENT)) {
		unsigned long table;

		if (!create)
			return NULL;
		table = get_zeroed_page(GFP_KERNEL);
		if (!table)
			return NULL;
		*pde = __pa(table) | _PAGE_TABLE;
	}
	return (pte_t *)__va(*pde & PAGE_MASK) + pte_index(addr);
}

/* The unused entry for @addr; ERR_PTR(-EFAULT, -ENOMEM or -EEXIST). */
static pte_t *empty_user_pte(struct mm_struct *mm, unsigned long addr)
{
	pte_t *pte;

	if (addr >= TASK_SIZE || (addr & ~PAGE_MASK))
		return ERR_PTR(-EFAULT);
	pte = user_pte(mm, addr, true);
	if (!pte)
		return ERR_PTR(-ENOMEM);
	if (*pte & _PAGE_PRESENT)
		return ERR_PTR(-EEXIST);
	return pte;
}

/**
 * map_user_page - give @mm a zeroed page at @addr
 * @mm: the address space
 * @addr: a page-aligned user address (below TASK_SIZE)
 * @writable: map it writable
 *
 * Context: process, may sleep.
 * Return: 0, -ENOMEM, -EEXIST (already mapped) or -EFAULT (not a user
 * address).
 */
int map_user_page(struct mm_struct *mm, unsigned long addr, bool writable)
{
	pte_t *pte = empty_user_pte(mm, addr);
	unsigned long page;

	if (IS_ERR(pte))
		return PTR_ERR(pte);
	page = get_zeroed_page(GFP_KERNEL);
	if (!page)
		return -ENOMEM;
	*pte = __pa(page) | (writable ? _PAGE_USER_RW : _PAGE_USER_RO);
	mm->rss++;
	return 0;
}

/**
 * install_user_page - map @page read-only at @addr (a shared page)
 * @mm: the address space
 * @addr: a page-aligned user address (below TASK_SIZE)
 * @page: the page; the mapping takes over the caller's reference
 *
 * Context: process, may sleep.
 * Return: 0, -ENOMEM, -EEXIST (already mapped: the reference stays the
 * caller's) or -EFAULT (not a user address).
 */
int install_user_page(struct mm_struct *mm, unsigned long addr,
		      struct page *page)
{
	pte_t *pte = empty_user_pte(mm, addr);

	if (IS_ERR(pte))
		return PTR_ERR(pte);
	*pte = PFN_PHYS(page_to_pfn(page)) | _PAGE_USER_RO;
	mm->rss++;
	return 0;
}

/*
 * Give @mm a copy of its own of the page @pte maps at @addr, if other
 * address spaces (or the page cache) map it too.  Return: 0 or -ENOMEM.
 */
static int unshare_user_page(struct mm_struct *mm, unsigned long addr,
			     pte_t *pte)
{
	struct page *old = pfn_to_page(*pte >> PAGE_SHIFT);
	unsigned long copy;

	if (page_count(old) == 1)
		return 0;
	copy = __get_free_page(GFP_KERNEL);
	if (!copy)
		return -ENOMEM;
	memcpy((void *)copy, page_address(old), PAGE_SIZE);
	spin_lock(&mm->page_table_lock);
	*pte = __pa(copy) | (*pte & ~PAGE_MASK);
	spin_unlock(&mm->page_table_lock);
	flush_tlb_page(mm, addr);
	put_page(old);
	return 0;
}

/**
 * make_user_page_private - make a mapped page @mm's own, maybe writable
 * @mm: the address space
 * @addr: a mapped, page-aligned user address
 * @writable: let the user write it too
 *
 * For execve(), where two ELF segments share a page: the second one's
 * bytes go into a page of this address space alone.
 * Return: 0, -ENOMEM, or -EFAULT if nothing is mapped there.
 */
int make_user_page_private(struct mm_struct *mm, unsigned long addr,
			   bool writable)
{
	pte_t *pte = user_pte(mm, addr, false);
	int err;

	if (!pte || !(*pte & _PAGE_PRESENT))
		return -EFAULT;
	err = unshare_user_page(mm, addr, pte);
	if (err || !writable)
		return err;
	*pte |= _PAGE_RW;
	flush_tlb_page(mm, addr);
	return 0;
}

/**
 * access_process_vm - read or write another address space's memory
 * @mm: the address space (need not be the current one)
 * @addr: user address
 * @buf: kernel buffer
 * @len: bytes
 * @write: true to copy @buf into @mm, false to copy out of it
 *
 * Goes through the page tables and the kernel's direct mapping of each
 * page, so it works on an mm no CPU has loaded: execve() fills the new
 * program's memory this way before switching to it.
 * Context: process.
 * Return: the number of bytes copied (less than @len at an unmapped page).
 */
int access_process_vm(struct mm_struct *mm, unsigned long addr, void *buf,
		      int len, bool write)
{
	int done = 0;

	while (done < len) {
		unsigned long offset = (addr + done) & ~PAGE_MASK;
		int n = min((unsigned long)(len - done), PAGE_SIZE - offset);
		pte_t *pte;
		char *page;

		spin_lock(&mm->page_table_lock);
		pte = (addr + done < TASK_SIZE) ?
		      user_pte(mm, addr + done, false) : NULL;
		if (!pte || !(*pte & _PAGE_PRESENT)) {
			spin_unlock(&mm->page_table_lock);
			break;
		}
		page = (char *)__va(*pte & PAGE_MASK) + offset;
		if (write)
			memcpy(page, (char *)buf + done, n);
		else
			memcpy((char *)buf + done, page, n);
		spin_unlock(&mm->page_table_lock);
		done += n;
	}
	return done;
}

/**
 * unmap_user_range - free the user pages of @mm in [@start, @end)
 * @mm: the address space (current's or one no CPU uses)
 * @start: page-aligned
 * @end: page-aligned
 *
 * Page tables are kept; exit_mmap() frees them.
 * Context: process.
 */
void unmap_user_range(struct mm_struct *mm, unsigned long start,
		      unsigned long end)
{
	for (unsigned long addr = start; addr < end; addr += PAGE_SIZE) {
		pte_t *pte;
		unsigned long page;

		addr = next_mapped(mm, addr);
		if (addr >= end || !addr)
			break;
		pte = user_pte(mm, addr, false);
		if (!pte || !(*pte & _PAGE_PRESENT))
			continue;
		spin_lock(&mm->page_table_lock);
		page = *pte & PAGE_MASK;
		*pte = 0;
		mm->rss--;
		spin_unlock(&mm->page_table_lock);
		/* No CPU may reach the page through its TLB once it is free. */
		flush_tlb_page(mm, addr);
		free_page((unsigned long)__va(page));
	}
}

/**
 * exit_mmap - free every user page and page table of @mm
 * @mm: an address space nobody will run user code in again
 *
 * Context: process (mmput()).
 */
void exit_mmap(struct mm_struct *mm)
{
	exit_mmap_areas(mm);
	for (unsigned long i = 0; i < USER_PTRS_PER_PGD; i++) {
		pte_t *table;

		if (!(mm->pgd[i] & _PAGE_PRESENT))
			continue;
		table = __va(mm->pgd[i] & PAGE_MASK);
		for (int j = 0; j < PTRS_PER_PTE; j++)
			if (table[j] & _PAGE_PRESENT)
				free_page((unsigned long)__va(table[j] &
							      PAGE_MASK));
		free_page((unsigned long)table);
		mm->pgd[i] = 0;
	}
	mm->rss = 0;
}

/**
 * dup_mm - a copy of an address space, for fork() without CLONE_VM
 * @oldmm: the parent's
 *
 * The areas are copied; each read-only page is shared (one more
 * reference) and each writable page copied (no copy-on-write), with its
 * protection (mprotect() may have changed it).
 * Context: process, may sleep.
 * Return: the new mm (mm_users = mm_count = 1), or NULL.
 */
struct mm_struct *dup_mm(struct mm_struct *oldmm)
{
	struct mm_struct *mm = mm_alloc();

	if (!mm)
		return NULL;
	mm->start_code = oldmm->start_code;
	mm->end_code = oldmm->end_code;
	mm->start_brk = oldmm->start_brk;
	mm->brk = oldmm->brk;
	mm->start_stack = oldmm->start_stack;
	mm->arg_start = oldmm->arg_start;
	mm->arg_end = oldmm->arg_end;
	mm->env_start = oldmm->env_start;
	mm->env_end = oldmm->env_end;
	if (dup_mmap(mm, oldmm))
		goto fail;

	for (unsigned long i = 0; i < USER_PTRS_PER_PGD; i++) {
		pte_t *table;

		if (!(oldmm->pgd[i] & _PAGE_PRESENT))
			continue;
		table = __va(oldmm->pgd[i] & PAGE_MASK);
		for (unsigned long j = 0; j < PTRS_PER_PTE; j++) {
			unsigned long addr = (i << PGDIR_SHIFT) |
					     (j << PAGE_SHIFT);
			pte_t *pte;

			if (!(table[j] & _PAGE_PRESENT))
				continue;
			if (!(table[j] & _PAGE_RW)) {
				struct page *page = pfn_to_page(table[j] >>
								PAGE_SHIFT);

				get_page(page);
				if (install_user_page(mm, addr, page)) {
					put_page(page);
					goto fail;
				}
				pte = user_pte(mm, addr, false);
				*pte = (*pte & PAGE_MASK) |
				       (table[j] & _PAGE_USER_RW);
				continue;
			}
			if (map_user_page(mm, addr, true))
				goto fail;
			pte = user_pte(mm, addr, false);
			*pte = (*pte & PAGE_MASK) | (table[j] & _PAGE_USER_RW);
			memcpy(__va(*pte & PAGE_MASK),
			       __va(table[j] & PAGE_MASK), PAGE_SIZE);
		}
	}
	return mm;

fail:
	mmput(mm);
	return NULL;
}

/* The page table bits for an area's permissions: PROT_NONE is a page
 * ring 3 cannot use (the kernel still can: a copy_from_user() from it
 * succeeds, where Linux would refuse). */
static pte_t vm_pte_flags(unsigned long vm_flags)
{
	if (vm_flags & VM_WRITE)
		return _PAGE_USER_RW;
	if (vm_flags & (VM_READ | VM_EXEC))
		return _PAGE_USER_RO;
	return _PAGE_PRESENT;
}

/**
 * change_user_range_prot - give the mapped pages of a range new rights
 * @mm: the address space (the caller's own)
 * @start: page-aligned
 * @end: page-aligned
 * @vm_flags: the area's new VM_READ/VM_WRITE/VM_EXEC
 *
 * Linux 2.6: mm/mprotect.c: change_protection().  Pages not yet touched
 * stay unmapped: the fault that maps them reads the area's new flags.
 * A shared page about to become writable is copied first.
 * Context: process, may sleep.
 * Return: 0, or -ENOMEM (the pages before the one that failed have the
 * new rights).
 */
int change_user_range_prot(struct mm_struct *mm, unsigned long start,
			   unsigned long end, unsigned long vm_flags)
{
	pte_t prot = vm_pte_flags(vm_flags);

	for (unsigned long addr = start; addr < end; addr += PAGE_SIZE) {
		pte_t *pte;

		addr = next_mapped(mm, addr);
		if (addr >= end || !addr)
			break;
		pte = user_pte(mm, addr, false);
		if (!pte || !(*pte & _PAGE_PRESENT))
			continue;
		if ((prot & _PAGE_RW) && unshare_user_page(mm, addr, pte))
			return -ENOMEM;
		spin_lock(&mm->page_table_lock);
		*pte = (*pte & PAGE_MASK) | prot;
		spin_unlock(&mm->page_table_lock);
		flush_tlb_page(mm, addr);
	}
	return 0;
}

/**
 * handle_mm_fault - map a demand-zero page, if the fault allows it
 * @mm: the faulting task's address space
 * @address: the address that faulted (CR2)
 * @write: the access was a write
 * @protection: the page was present (a rights violation, not a miss)
 *
 * Linux 2.6: mm/memory.c: handle_mm_fault(), do_anonymous_page(), and
 * the area checks of do_page_fault().  A present page is never changed
 * here (no copy-on-write): a protection fault is always refused.  A
 * missing page inside an area that allows the access gets a new zeroed
 * page with the area's rights.
 * Context: process, interrupts on, may sleep; the task uses @mm.
 * Return: 0 (the access can be retried), -EFAULT (no area, or one that
 * forbids it: SIGSEGV or the uaccess fixup), or -ENOMEM.
 */
int handle_mm_fault(struct mm_struct *mm, unsigned long address,
		    bool write, bool protection)
{
	struct vm_area_struct *vma = find_vma(mm, address);
	int err;

	if (!vma || vma->vm_start > address || protection)
		return -EFAULT;
	if (write ? !(vma->vm_flags & VM_WRITE)
		  : !(vma->vm_flags & (VM_READ | VM_EXEC | VM_WRITE)))
		return -EFAULT;
	err = map_user_page(mm, address & PAGE_MASK,
			    vma->vm_flags & VM_WRITE);
	return err == -EEXIST ? 0 : err;
}
