/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/x86/include/asm/processor.h - control registers, the TSC, cpu_relax.
 *
 * Linux 2.6: include/asm-i386/processor.h, system.h, msr.h.
 */
#ifndef _ASM_PROCESSOR_H
#define _ASM_PROCESSOR_H

#include <types.h>

#define X86_CR0_WP	0x00010000	/* supervisor writes honour R/O pages */
#define X86_CR0_PG	0x80000000	/* paging on */
#define X86_CR4_PSE	0x00000010	/* 4 MiB pages in the page directory */

static inline unsigned long read_cr0(void)
{
	unsigned long v;

	__asm__ __volatile__("movl %%cr0, %0" : "=r"(v));
	return v;
}

static inline void write_cr0(unsigned long v)
{
	__asm__ __volatile__("movl %0, %%cr0" : : "r"(v) : "memory");
}

static inline unsigned long read_cr2(void)
{
	unsigned long v;

	__asm__ __volatile__("movl %%cr2, %0" : "=r"(v));
	return v;
}

static inline unsigned long read_cr3(void)
{
	unsigned long v;

	__asm__ __volatile__("movl %%cr3, %0" : "=r"(v));
	return v;
}

/* Loading CR3 also flushes every non-global TLB entry. */
static inline void write_cr3(unsigned long v)
{
	__asm__ __volatile__("movl %0, %%cr3" : : "r"(v) : "memory");
}

static inline unsigned long read_cr4(void)
{
	unsigned long v;

	__asm__ __volatile__("movl %%cr4, %0" : "=r"(v));
	return v;
}

static inline void __flush_tlb_one(unsigned long addr)
{
	__asm__ __volatile__("invlpg (%0)" : : "r"(addr) : "memory");
}

static inline u64 rdtsc(void)
{
	u32 lo, hi;

	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
	return ((u64)hi << 32) | lo;
}

/* CPUID leaf @op (Intel SDM vol. 2A, CPUID); ecx = 0. */
static inline void cpuid(u32 op, u32 *eax, u32 *ebx, u32 *ecx, u32 *edx)
{
	*eax = op;
	*ecx = 0;
	__asm__ __volatile__("cpuid"
			     : "+a"(*eax), "=b"(*ebx), "+c"(*ecx), "=d"(*edx));
}

/* A hint for spin loops: "rep; nop" is PAUSE. */
static inline void cpu_relax(void)
{
	__asm__ __volatile__("rep; nop" : : : "memory");
}

#endif /* _ASM_PROCESSOR_H */
