/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/pgtable.h - i386 two-level page tables.
 *
 * Linux 2.6: include/asm-i386/pgtable.h, pgtable-2level.h.
 * A 32-bit virtual address splits 10/10/12: page directory index, page
 * table index, offset.  Entries 768..1023 of every page directory map the
 * kernel (PAGE_OFFSET and up) and are copied from swapper_pg_dir, so
 * every address space contains the same kernel; entries 0..767 belong to
 * the process (and are empty for kernel threads' borrowed mm: they never
 * look there).  Bits: Intel SDM vol. 3A, 4.3.
 */
#ifndef _PGTABLE_H
#define _PGTABLE_H

#include <param.h>
#include <types.h>

typedef unsigned long pgd_t;
typedef unsigned long pte_t;

#define PTRS_PER_PGD		1024
#define PTRS_PER_PTE		1024
#define PGDIR_SHIFT		22		/* one PDE maps 4 MiB */
#define USER_PTRS_PER_PGD	(TASK_SIZE >> PGDIR_SHIFT)	/* 768 */
#define KERNEL_PGD_PTRS		(PTRS_PER_PGD - USER_PTRS_PER_PGD)	/* 256 */

#define _PAGE_PRESENT	0x001	/* the entry is valid */
#define _PAGE_RW	0x002	/* writable (else read-only) */
#define _PAGE_USER	0x004	/* ring 3 may use it */
#define _PAGE_PWT	0x008	/* write-through */
#define _PAGE_PCD	0x010	/* cache disabled: device registers */
#define _PAGE_ACCESSED	0x020	/* set by the CPU on any access */
#define _PAGE_DIRTY	0x040	/* set by the CPU on a write */
#define _PAGE_PSE	0x080	/* PDE: a 4 MiB page */

#define _PAGE_TABLE	  (_PAGE_PRESENT | _PAGE_RW | _PAGE_USER)
#define _KERNPG_TABLE	  (_PAGE_PRESENT | _PAGE_RW)
#define PAGE_KERNEL	  (_PAGE_PRESENT | _PAGE_RW)
#define PAGE_KERNEL_RO	  (_PAGE_PRESENT)

#define pgd_index(addr)	(((unsigned long)(addr) >> PGDIR_SHIFT) & 1023)
#define pte_index(addr)	(((unsigned long)(addr) >> PAGE_SHIFT) & 1023)

/* mm/paging.c: the master kernel page directory */
extern pgd_t swapper_pg_dir[PTRS_PER_PGD];

struct mm_struct;

/* mm/paging.c */
pgd_t *pgd_alloc(void);
void pgd_free(pgd_t *pgd);
pte_t *lookup_address(pgd_t *pgd, unsigned long addr);

#endif /* _PGTABLE_H */
