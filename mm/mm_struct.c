// SPDX-License-Identifier: GPL-2.0
/*
 * mm/mm_struct.c - creating and dropping address spaces.
 *
 * Linux 2.6: mm_alloc(), mmput(), __mmdrop() in kernel/fork.c, INIT_MM in
 * include/linux/init_task.h.
 * init_mm is process 0's address space: swapper_pg_dir, nothing below
 * PAGE_OFFSET.  mm_alloc() makes a new one whose page directory shares
 * the kernel half (pgd_alloc()).  See include/mm_types.h for the two
 * reference counts.
 */
#include <kernel.h>
#include <mm_types.h>
#include <slab.h>

struct mm_struct init_mm = {
	.pgd = swapper_pg_dir,
	.mm_users = ATOMIC_INIT(2),
	.mm_count = ATOMIC_INIT(1),
	.page_table_lock = __SPIN_LOCK_UNLOCKED,
};

static struct kmem_cache *mm_cachep;

/**
 * mm_struct_init - create the mm_struct and vm_area_struct caches
 *
 * Context: boot, after kmem_cache_init().
 */
void mm_struct_init(void)
{
	mm_cachep = kmem_cache_create("mm_struct", sizeof(struct mm_struct),
				      0, SLAB_HWCACHE_ALIGN, NULL);
	if (!mm_cachep)
		panic("mm_struct_init: no memory");
	mmap_init();
}

/**
 * mm_alloc - a new, empty address space
 *
 * Context: process, may sleep.
 * Return: the mm with mm_users = mm_count = 1, or NULL.
 */
struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kmem_cache_zalloc(mm_cachep, GFP_KERNEL);

	if (!mm)
		return NULL;
	mm->pgd = pgd_alloc();
	if (!mm->pgd) {
		kmem_cache_free(mm_cachep, mm);
		return NULL;
	}
	atomic_set(&mm->mm_users, 1);
	atomic_set(&mm->mm_count, 1);
	spin_lock_init(&mm->page_table_lock);
	return mm;
}

/**
 * __mmdrop - free an mm whose last reference went (mmdrop())
 * @mm: the mm; never init_mm
 *
 * Context: process or scheduler; does not sleep.
 */
void __mmdrop(struct mm_struct *mm)
{
	BUG_ON(mm == &init_mm);
	pgd_free(mm->pgd);
	kmem_cache_free(mm_cachep, mm);
}

/**
 * mmput - a task stops using an address space
 * @mm: the mm
 *
 * The last user unmaps the user pages and takes the users' shared
 * mm_count reference with it; the page directory lives on while a kernel
 * thread still borrows it.
 * Context: process.
 */
void mmput(struct mm_struct *mm)
{
	if (atomic_dec_and_test(&mm->mm_users)) {
		exit_mmap(mm);
		mmdrop(mm);
	}
}
