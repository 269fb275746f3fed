/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/bench.h - in-kernel benchmarks (kernel/bench.c, tests/bench/).
 *
 * BENCH(name) { ... } registers a benchmark in the .bench linker section,
 * as KTEST() does for tests.  bench=all on the command line runs them all;
 * each reports rows with bench_row(), printed as
 *
 *	bench: <row>: <value> <unit>
 *
 * which `make bench` (tools/bench.py) collects into a table.  Values are
 * never asserted anywhere: they are for people to read.
 */
#ifndef _BENCH_H
#define _BENCH_H

#include <compiler.h>
#include <types.h>

struct bench {
	const char *name;
	void (*fn)(void);
};

#define BENCH(bname)							\
	static void bench_fn_##bname(void);				\
	static const struct bench __bench_##bname			\
		__used __section(".bench") __aligned(4) = {		\
			.name = #bname,					\
			.fn = bench_fn_##bname,				\
		};							\
	static void bench_fn_##bname(void)

/* linker.ld: every BENCH(), gathered from the .bench sections */
extern const struct bench __start_bench[], __stop_bench[];

#define BENCH_RUNS	7	/* a row is the median of this many runs */

/* kernel/bench.c */
void bench_row(const char *row, u64 value, const char *unit);
u64 bench_median(u64 *samples, int n);
bool bench_requested(void);
void bench_run(void);

#endif /* _BENCH_H */
