// SPDX-License-Identifier: GPL-2.0
/*
 * tests/bench/smp_bench.c - what several CPUs cost and give: an IPI's
 * round trip, a wake-up across CPUs, and how kernel_thread() creation
 * scales with the CPUs that do it.
 *
 * tools/bench.py runs it in a boot of its own with -smp 4 (bench=smp);
 * with one CPU online it has nothing to measure and prints no row.
 */
#include <asm/processor.h>
#include <bench.h>
#include <completion.h>
#include <kernel.h>
#include <kthread.h>
#include <sched.h>
#include <smp.h>
#include <time.h>
#include <timer.h>
#include <wait.h>

#define WAKE_ROUNDS	1000
#define CREATE_ROUNDS	50

static void noop(void *info)
{
}

/* Cycles of one smp_call_function(wait) to every other CPU. */
static u64 call_function_cycles(void)
{
	u64 samples[BENCH_RUNS];

	for (int r = 0; r < BENCH_RUNS; r++) {
		u64 t0 = rdtsc();

		for (int i = 0; i < 100; i++)
			smp_call_function(noop, NULL, 1);
		samples[r] = (rdtsc() - t0) / 100;
	}
	return bench_median(samples, BENCH_RUNS);
}

struct cross_wake {
	struct completion ping, pong;
	struct task_struct *partner;
};

/* On CPU 1: answer each ping with a pong. */
static int ponger(void *arg)
{
	struct cross_wake *w = arg;

	for (int i = 0; i < WAKE_ROUNDS; i++) {
		wait_for_completion(&w->ping);
		complete(&w->pong);
	}
	return 0;
}

/*
 * Cycles per wake-up across CPUs: this thread on CPU 0 and one on CPU 1
 * wake each other in turn; each wake-up is a reschedule IPI and a
 * switch on the other CPU.
 */
static u64 cross_cpu_wake_cycles(void)
{
	struct cross_wake w;
	struct task_struct *k;
	u64 t0, cycles;

	init_completion(&w.ping);
	init_completion(&w.pong);
	k = kthread_create(ponger, &w, "bench-pong");
	if (IS_ERR(k))
		return 0;
	kthread_bind(k, 1);
	get_task_struct(k);
	wake_up_process(k);
	t0 = rdtsc();
	for (int i = 0; i < WAKE_ROUNDS; i++) {
		complete(&w.ping);
		wait_for_completion(&w.pong);
	}
	cycles = (rdtsc() - t0) / (2 * WAKE_ROUNDS);
	while (!task_sleeping(k, TASK_DEAD))
		schedule_timeout_uninterruptible(1);
	put_task_struct(k);
	return cycles;
}

static int return_zero(void *arg)
{
	return 0;
}

static struct completion creators_done;
static atomic_t creators_left;

/* On its own CPU: CREATE_ROUNDS kernel_thread() + reap. */
static int creator(void *arg)
{
	for (int i = 0; i < CREATE_ROUNDS; i++)
		do_wait(kernel_thread(return_zero, NULL, 0), NULL, 0);
	if (atomic_dec_and_test(&creators_left))
		complete(&creators_done);
	return 0;
}

/* Cycles for @n CPUs to do CREATE_ROUNDS create+exit+reap each. */
static u64 create_cycles(unsigned int n)
{
	struct task_struct *k[NR_CPUS];
	u64 t0;

	init_completion(&creators_done);
	atomic_set(&creators_left, n);
	for (unsigned int cpu = 0; cpu < n; cpu++) {
		k[cpu] = kthread_create(creator, NULL, "bench-create/%u", cpu);
		if (IS_ERR(k[cpu]))
			return 0;
		kthread_bind(k[cpu], cpu);
	}
	t0 = rdtsc();
	for (unsigned int cpu = 0; cpu < n; cpu++)
		wake_up_process(k[cpu]);
	wait_for_completion(&creators_done);
	return rdtsc() - t0;
}

BENCH(smp)
{
	unsigned int cpus = num_online_cpus();
	u64 one, cycles;

	if (cpus < 2)
		return;
	/* The driver stays on CPU 0; the partners are bound elsewhere. */
	set_cpus_allowed(current, cpumask_of_cpu(0));

	cycles = call_function_cycles();
	bench_row("smp_call_function() round trip, wait", cycles, "cycles");
	bench_row("smp_call_function() round trip, wait",
		  cycles_to_ns(cycles), "ns");

	cycles = cross_cpu_wake_cycles();
	bench_row("wake-up across CPUs (ping-pong CPU 0 <-> 1)", cycles,
		  "cycles");
	bench_row("wake-up across CPUs (ping-pong CPU 0 <-> 1)",
		  cycles_to_ns(cycles), "ns");

	one = create_cycles(1);
	bench_row("kernel_thread create+exit+reap, 1 CPU busy",
		  one / CREATE_ROUNDS, "cycles");
	for (unsigned int n = 2; n <= cpus && one; n *= 2) {
		char row[64];

		cycles = create_cycles(n);
		snprintf(row, sizeof(row), "  throughput with %u CPUs busy, "
			 "vs 1 CPU", n);
		/* n times the work in cycles: the ratio of the rates. */
		bench_row(row, cycles ? one * n * 100 / cycles : 0, "%");
	}
	set_cpus_allowed(current, CPU_MASK_ALL);
}
