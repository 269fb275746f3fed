// SPDX-License-Identifier: GPL-2.0
/*
 * tests/bench/mm_bench.c - the cost of the memory allocators, in TSC
 * cycles per operation (median of BENCH_RUNS runs of LOOPS operations).
 */
#include <asm/processor.h>
#include <bench.h>
#include <gfp.h>
#include <slab.h>

#define LOOPS 1000

static u64 cycles_per_op(void (*op)(void))
{
	u64 samples[BENCH_RUNS];

	for (int r = 0; r < BENCH_RUNS; r++) {
		u64 t0 = rdtsc();

		for (int i = 0; i < LOOPS; i++)
			op();
		samples[r] = (rdtsc() - t0) / LOOPS;
	}
	return bench_median(samples, BENCH_RUNS);
}

static void order0(void)
{
	__free_pages(alloc_pages(GFP_KERNEL, 0), 0);
}

static void order1(void)
{
	__free_pages(alloc_pages(GFP_KERNEL, 1), 1);
}

static void kmalloc64(void)
{
	kfree(kmalloc(64, GFP_KERNEL));
}

BENCH(mm_allocators)
{
	bench_row("alloc_pages+__free_pages, order 0", cycles_per_op(order0),
		  "cycles");
	bench_row("alloc_pages+__free_pages, order 1", cycles_per_op(order1),
		  "cycles");
	bench_row("kmalloc(64)+kfree", cycles_per_op(kmalloc64), "cycles");
}
