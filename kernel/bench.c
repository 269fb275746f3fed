// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/bench.c - the benchmark runner.
 *
 * bench=all runs every BENCH() (include/bench.h) after boot and prints
 * their rows; then QEMU exits.  Benchmarks measure with the TSC.  Under
 * QEMU's -icount shift=0 guest time advances one nanosecond per
 * instruction, so the same rows become instruction counts that do not
 * change from run to run: `make bench` prints both.
 */
#include <init.h>
#include <bench.h>
#include <kernel.h>
#include <reboot.h>
#include <string.h>
#include <time.h>

static bool bench_all;

static const char *bench_only;	/* bench=NAME: that BENCH() alone */

static int bench_setup(char *val)
{
	if (!*val)
		return -EINVAL;
	if (strcmp(val, "all"))
		bench_only = val;
	bench_all = true;
	return 0;
}
__setup("bench=", bench_setup);

/* Return: whether bench=all (or bench=NAME) was given. */
bool bench_requested(void)
{
	return bench_all;
}

/**
 * bench_row - report one measured value
 * @row: what was measured
 * @value: the number
 * @unit: its unit ("cycles", "ns", "KiB/s", ...)
 */
void bench_row(const char *row, u64 value, const char *unit)
{
	printk(KERN_INFO "bench: %s: %llu %s\n", row, value, unit);
}

/**
 * bench_median - the median of @n samples (sorts them in place)
 * @samples: the values
 * @n: how many, at least 1
 *
 * Return: the middle value.
 */
u64 bench_median(u64 *samples, int n)
{
	for (int i = 1; i < n; i++) {
		u64 v = samples[i];
		int j = i;

		while (j > 0 && samples[j - 1] > v) {
			samples[j] = samples[j - 1];
			j--;
		}
		samples[j] = v;
	}
	return samples[n / 2];
}

/**
 * bench_run - run every benchmark, then leave QEMU
 *
 * Context: process (pid 1), may sleep.
 */
void bench_run(void)
{
	printk(KERN_INFO "bench: begin tsc_khz=%lu\n", tsc_khz);
	for (const struct bench *b = __start_bench; b < __stop_bench; b++)
		if (!bench_only || !strcmp(bench_only, b->name))
			b->fn();
	printk(KERN_INFO "bench: end\n");
	machine_debug_exit(EXIT_KTEST_PASS);
}
