// SPDX-License-Identifier: GPL-2.0
/*
 * tests/bench/sched_bench.c - the cost of the process machinery: a
 * context switch between two kernel threads, creating and reaping a
 * kernel thread, and how the switch cost depends on the number of
 * runnable tasks (it should not: O(1)).
 */
#include <asm/processor.h>
#include <bench.h>
#include <kernel.h>
#include <sched.h>
#include <signal.h>
#include <slab.h>
#include <time.h>
#include <wait.h>
#include "../ktest/pingpong.h"

/*
 * Cycles per switch of one ping-pong run (2 * PING_PONG_ROUNDS switches).
 * The pair
 * is SCHED_FIFO: its slices never run out, so however many normal tasks
 * are runnable, they only wait in the queue.
 */
static u64 ping_pong_cycles(void)
{
	u64 t0;
	int a, b;

	ping_pong_start(0);
	t0 = rdtsc();
	a = kernel_thread(ping, NULL, 0);
	sched_setscheduler(find_task_by_pid(a), SCHED_FIFO, 50);
	b = kernel_thread(pong, NULL, 0);
	sched_setscheduler(find_task_by_pid(b), SCHED_FIFO, 50);
	do_wait(a, NULL, 0);
	do_wait(b, NULL, 0);
	return (rdtsc() - t0) / (2 * PING_PONG_ROUNDS);
}

static u64 median_ping_pong(void)
{
	u64 samples[BENCH_RUNS];

	for (int r = 0; r < BENCH_RUNS; r++)
		samples[r] = ping_pong_cycles();
	return bench_median(samples, BENCH_RUNS);
}

static bool background_stop;

/* Runnable the whole time: it never gets the CPU while the real-time
 * ping-pong pair has work. */
static int background(void *arg)
{
	while (!READ_ONCE(background_stop))
		cpu_relax();
	return 0;
}

static int return_zero(void *arg)
{
	return 0;
}

BENCH(sched)
{
	static int pids[1000];
	static const int queue_lengths[] = { 1, 10, 100, 1000 };
	u64 per_n[ARRAY_SIZE(queue_lengths)];
	u64 cycles, samples[BENCH_RUNS];

	/*
	 * Real time for the driver too: with a thousand runnable normal
	 * tasks, a normal driver would wait a whole round (up to a slice
	 * each) every time its own slice ran out.
	 */
	sched_setscheduler(current, SCHED_FIFO, 10);
	cycles = median_ping_pong();
	bench_row("context switch, kernel thread ping-pong", cycles, "cycles");
	bench_row("context switch, kernel thread ping-pong",
		  cycles_to_ns(cycles), "ns");

	for (int r = 0; r < BENCH_RUNS; r++) {
		u64 t0 = rdtsc();

		for (int i = 0; i < 100; i++)
			do_wait(kernel_thread(return_zero, NULL, 0), NULL, 0);
		samples[r] = (rdtsc() - t0) / 100;
	}
	bench_row("kernel_thread create + exit + reap",
		  bench_median(samples, BENCH_RUNS), "cycles");

	/* The same switch with 0, 9, 99, 999 other runnable tasks queued. */
	for (unsigned int q = 0; q < ARRAY_SIZE(queue_lengths); q++) {
		int extra = queue_lengths[q] - 1;
		char row[64];

		WRITE_ONCE(background_stop, false);
		for (int i = 0; i < extra; i++)
			pids[i] = kernel_thread(background, NULL, 0);
		per_n[q] = median_ping_pong();
		WRITE_ONCE(background_stop, true);
		for (int i = 0; i < extra; i++)
			do_wait(pids[i], NULL, 0);
		snprintf(row, sizeof(row),
			 "schedule()+switch, %d runnable", queue_lengths[q]);
		bench_row(row, per_n[q], "cycles");
	}
	bench_row("O(1) check: cost(1000 runnable) / cost(1) x 100",
		  per_n[3] * 100 / per_n[0], "%");
	sched_setscheduler(current, SCHED_NORMAL, 0);

	bench_row("memory per kernel thread: thread_union", THREAD_SIZE,
		  "bytes");
	bench_row("memory per kernel thread: task_struct",
		  sizeof(struct task_struct), "bytes");
	bench_row("memory per kernel thread: signal + sighand",
		  sizeof(struct signal_struct) + sizeof(struct sighand_struct),
		  "bytes");
}
