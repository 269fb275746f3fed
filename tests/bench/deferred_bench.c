// SPDX-License-Identifier: GPL-2.0
/*
 * tests/bench/deferred_bench.c - how long deferred work waits: from
 * schedule_work() or tasklet_schedule() in an interrupt handler to the
 * function running (TSC cycles, median and maximum of 1,000).
 */
#include <asm/processor.h>
#include <bench.h>
#include <completion.h>
#include <interrupt.h>
#include <kernel.h>
#include <ktest.h>
#include <workqueue.h>

#define SAMPLES 1000

static u64 queued_at, latency[SAMPLES];
static struct work_struct bench_work;
static struct completion ran;

static void bench_work_fn(struct work_struct *work)
{
	u64 now = rdtsc();

	latency[0] = now - queued_at;	/* copied out by the caller */
	complete(&ran);
}

static void queue_work_irq(int irq, struct pt_regs *regs, void *dev)
{
	queued_at = rdtsc();
	schedule_work(&bench_work);
}

static void bench_tasklet_fn(unsigned long data)
{
	latency[0] = rdtsc() - queued_at;
	complete(&ran);
}

static DECLARE_TASKLET(bench_tasklet, bench_tasklet_fn, 0);

static void schedule_tasklet_irq(int irq, struct pt_regs *regs, void *dev)
{
	queued_at = rdtsc();
	tasklet_schedule(&bench_tasklet);
}

static void measure(const char *what,
		    void (*irq)(int irq, struct pt_regs *regs, void *dev))
{
	static u64 samples[SAMPLES];
	char row[80];
	u64 worst = 0;

	init_completion(&ran);
	for (int i = 0; i < SAMPLES; i++) {
		ktest_fake_interrupt(irq);
		wait_for_completion(&ran);
		samples[i] = latency[0];
		worst = max(worst, samples[i]);
	}
	snprintf(row, sizeof(row), "%s, interrupt to function, median", what);
	bench_row(row, bench_median(samples, SAMPLES), "cycles");
	snprintf(row, sizeof(row), "%s, interrupt to function, max", what);
	bench_row(row, worst, "cycles");
}

BENCH(deferred_work)
{
	INIT_WORK(&bench_work, bench_work_fn);
	measure("schedule_work", queue_work_irq);
	measure("tasklet_schedule", schedule_tasklet_irq);
}
