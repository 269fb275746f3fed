// SPDX-License-Identifier: GPL-2.0
/*
 * mm/paging.c - the kernel page tables: swapper_pg_dir.
 *
 * Linux 2.6: arch/i386/mm/init.c (paging_init, kernel_physical_mapping_init)
 * and arch/i386/mm/pgtable.c (pgd_alloc).
 * boot/head.asm turned paging on with 4 MiB pages and an identity entry.
 * paging_init() builds the permanent master page directory: all of low
 * memory at PAGE_OFFSET with 4 KiB pages, so that each page can have its
 * own rights: the kernel's code and read-only data are mapped read-only
 * (with CR0.WP a stray kernel write to them faults), and nothing is mapped
 * below PAGE_OFFSET (a NULL pointer faults).  Every later page directory
 * copies swapper_pg_dir's kernel entries (pgd_alloc), so any of them can
 * run the kernel: this is why a kernel thread may borrow whatever address
 * space was active (lazy TLB, mm/mmu_context.c).
 */
#include <asm/fixmap.h>
#include <asm/processor.h>
#include <gfp.h>
#include <kernel.h>
#include <mm.h>
#include <pgtable.h>
#include <sections.h>
#include <setup.h>
#include <string.h>

pgd_t swapper_pg_dir[PTRS_PER_PGD] __aligned(PAGE_SIZE);

/* The page table of the fixed addresses (asm/fixmap.h): the last 4 MiB. */
static pte_t fixmap_pte[PTRS_PER_PTE] __aligned(PAGE_SIZE);

static bool pfn_is_kernel_readonly(unsigned long pfn)
{
	return pfn >= PFN_DOWN(__pa(_text)) && pfn < PFN_UP(__pa(_erodata));
}

/**
 * paging_init - build swapper_pg_dir and switch to it
 *
 * Maps physical [0, max_low_pfn) (and any boot module above it) at
 * PAGE_OFFSET with 4 KiB pages; page tables come from the boot allocator.
 * Context: boot, after setup_memory().
 */
void paging_init(void)
{
	unsigned long end_pfn = max_low_pfn, nr_tables;
	pte_t *tables;

	for (int i = 0; i < nr_boot_modules; i++)
		end_pfn = max(end_pfn, PFN_UP(boot_modules[i].end));
	nr_tables = DIV_ROUND_UP(end_pfn, PTRS_PER_PTE);
	tables = alloc_bootmem_pages(nr_tables * PAGE_SIZE);

	for (unsigned long pfn = 0; pfn < end_pfn; pfn++)
		tables[pfn] = PFN_PHYS(pfn) | (pfn_is_kernel_readonly(pfn) ?
					      PAGE_KERNEL_RO : PAGE_KERNEL);
	for (unsigned long i = 0; i < nr_tables; i++)
		swapper_pg_dir[USER_PTRS_PER_PGD + i] =
			__pa(&tables[i * PTRS_PER_PTE]) | _KERNPG_TABLE;

	swapper_pg_dir[pgd_index(FIXADDR_TOP)] = __pa(fixmap_pte) | _KERNPG_TABLE;

	write_cr3(__pa(swapper_pg_dir));
	printk(KERN_INFO "paging: swapper_pg_dir at %#lx maps %lu MiB at "
	       "%#lx with %lu page tables; kernel text read-only\n",
	       __pa(swapper_pg_dir), PFN_PHYS(end_pfn) >> 20, PAGE_OFFSET,
	       nr_tables);
}

/**
 * set_fixmap_nocache - map a page of device registers at a fixed address
 * @idx: which fixed address (asm/fixmap.h)
 * @phys: the registers' physical address (page aligned)
 *
 * Uncached (PCD|PWT): a read must reach the device each time.
 * Context: boot, before the registers are used.
 */
void set_fixmap_nocache(enum fixed_addresses idx, unsigned long phys)
{
	unsigned long addr = fix_to_virt(idx);

	BUILD_BUG_ON(fix_to_virt(__end_of_fixed_addresses - 1) <
		     (FIXADDR_TOP & ~((PTRS_PER_PTE << PAGE_SHIFT) - 1)));
	fixmap_pte[pte_index(addr)] = (phys & PAGE_MASK) | PAGE_KERNEL |
				      _PAGE_PCD | _PAGE_PWT;
	__flush_tlb_one(addr);
}

/**
 * pgd_alloc - a new page directory sharing the kernel's mappings
 *
 * Context: process, may sleep.
 * Return: the page directory (user half empty), or NULL.
 */
pgd_t *pgd_alloc(void)
{
	pgd_t *pgd = (pgd_t *)get_zeroed_page(GFP_KERNEL);

	if (pgd)
		memcpy(pgd + USER_PTRS_PER_PGD,
		       swapper_pg_dir + USER_PTRS_PER_PGD,
		       KERNEL_PGD_PTRS * sizeof(pgd_t));
	return pgd;
}

/**
 * pgd_free - free a page directory from pgd_alloc()
 * @pgd: the directory; its user page tables must be gone already
 */
void pgd_free(pgd_t *pgd)
{
	BUG_ON(pgd == swapper_pg_dir);
	free_page((unsigned long)pgd);
}

/**
 * lookup_address - find the page table entry that maps @addr
 * @pgd: page directory
 * @addr: virtual address
 *
 * Return: a pointer to the PTE, or NULL if no page table covers @addr.
 */
pte_t *lookup_address(pgd_t *pgd, unsigned long addr)
{
	pgd_t pde = pgd[pgd_index(addr)];
	pte_t *table;

	if (!(pde & _PAGE_PRESENT) || (pde & _PAGE_PSE))
		return NULL;
	table = __va(pde & PAGE_MASK);
	return &table[pte_index(addr)];
}
