// SPDX-License-Identifier: GPL-2.0
/*
 * tests/ktest/percpu_threads_test.c - the per-CPU kernel threads
 * (ksoftirqd/N, events/N, kblockd/N) and the CPU that deferred work runs
 * on.
 *
 * Every online CPU N must have exactly one of each thread, bound to N
 * (cpus_allowed is N alone, task_cpu is N) and never seen elsewhere; work
 * queued by a thread bound to a CPU, or queued with schedule_work_on(),
 * runs on that CPU in its events/N; a tasklet scheduled on a CPU runs
 * there; flush_workqueue() waits for the work of every CPU; and
 * kthread_bind() keeps a thread on its CPU.  "Where it ran" is recorded
 * by the code that runs (raw_smp_processor_id() and current), never
 * guessed from the outside.
 *
 * On one CPU each test still checks what one CPU can show (the thread of
 * CPU 0, its mask, its name); with more CPUs online every loop covers
 * each of them.  To run code on CPU N the tests use a helper thread made
 * with kthread_create() and bound with kthread_bind() before its first
 * run.  Each test's threads, works and tasklets are static (a failed
 * assertion ends the test before they are stopped) and are stopped, run
 * out or killed in cleanup actions, so nothing outlives its test.  No
 * test waits for time to pass: each waits for a completion or for a
 * thread seen asleep by the scheduler.
 */
#include <completion.h>
#include <cpumask.h>
#include <hardirq.h>
#include <interrupt.h>
#include <blkdev.h>
#include <kernel.h>
#include <kthread.h>
#include <ktest.h>
#include <percpu.h>
#include <sched.h>
#include <spinlock.h>
#include <string.h>
#include <timer.h>
#include <wait.h>
#include <workqueue.h>

/* Only a broken kernel waits this long for work that takes a tick. */
#define EVENT_TIMEOUT	(10 * HZ)

/* Return: whether @done was completed before the (generous) timeout. */
static bool arrives(struct completion *done)
{
	return wait_for_completion_timeout(done, EVENT_TIMEOUT);
}

/* The three kinds of per-CPU thread, and how to find CPU N's. */
static const char *const kinds[] = { "ksoftirqd", "events", "kblockd" };
#define NR_KINDS	ARRAY_SIZE(kinds)

static struct task_struct *percpu_thread(unsigned int kind, unsigned int cpu)
{
	switch (kind) {
	case 0:
		return ksoftirqd_task(cpu);
	case 1:
		return workqueue_thread(keventd_wq, cpu);
	default:
		return kblockd_thread(cpu);
	}
}

/* @comm is "kind/N": Return: N, or -1 if it is not a thread of @kind. */
static int thread_cpu_of_name(const char *comm, const char *kind)
{
	size_t len = strlen(kind);
	int n = 0;

	if (strncmp(comm, kind, len) || comm[len] != '/' || !comm[len + 1])
		return -1;
	for (const char *c = comm + len + 1; *c; c++) {
		if (*c < '0' || *c > '9')
			return -1;
		n = n * 10 + (*c - '0');
	}
	return n;
}

/* A work that notes where it ran, and who ran it. */
struct work_probe {
	struct work_struct work;
	unsigned int cpu;
	struct task_struct *task;
	char comm[TASK_COMM_LEN];
	bool done;
	struct completion ran;
};

static void note_work(struct work_struct *work)
{
	struct work_probe *p = container_of(work, struct work_probe, work);

	p->cpu = raw_smp_processor_id();
	p->task = current;
	memcpy(p->comm, current->comm, sizeof(p->comm));
	WRITE_ONCE(p->done, true);
	complete(&p->ran);
}

static void work_probe_init(struct work_probe *p)
{
	memset(p, 0, sizeof(*p));
	INIT_WORK(&p->work, note_work);
	init_completion(&p->ran);
	p->cpu = NR_CPUS;
}

/* Cleanup action: nothing the test queued on "events" is left to run. */
static void flush_events(void *unused)
{
	flush_scheduled_work();
}

/*
 * A helper thread bound to one CPU before its first run: it runs @fn
 * there, notes where it was, and waits to be stopped.
 */
struct on_cpu {
	void (*fn)(struct on_cpu *oc);
	unsigned int cpu;		/* the CPU it is bound to */
	unsigned int started_on;	/* raw_smp_processor_id() at start */
	void *data;
	struct completion done;		/* @fn has returned */
};

static int on_cpu_thread(void *arg)
{
	struct on_cpu *oc = arg;

	oc->started_on = raw_smp_processor_id();
	oc->fn(oc);
	complete(&oc->done);
	ktest_wait_for_stop();
	return 0;
}

/* Run @fn on @cpu in a bound thread and wait until it has returned. */
static void run_on_cpu(struct on_cpu *oc, unsigned int cpu,
		       void (*fn)(struct on_cpu *oc), void *data)
{
	struct task_struct *k;

	oc->fn = fn;
	oc->cpu = cpu;
	oc->started_on = NR_CPUS;
	oc->data = data;
	init_completion(&oc->done);
	k = kthread_create(on_cpu_thread, oc, "ktest-on/%u", cpu);
	KTEST_ASSERT(!IS_ERR(k));
	ktest_add_action(ktest_kthread_stop, k);
	kthread_bind(k, cpu);
	wake_up_process(k);
	KTEST_ASSERT(arrives(&oc->done));
	KTEST_EXPECT_EQ(oc->started_on, cpu);
	ktest_release_action(ktest_kthread_stop, k);
}

/*
 * Check that each per-CPU thread of CPU @cpu is bound to it and is on
 * it.  A sleeping thread is not moving (only its wake-up may choose a
 * CPU): its CPU is read between two looks of the scheduler under the
 * run-queue lock that both see it asleep.  A running one is read as is.
 */
static void expect_on_own_cpu(unsigned int cpu)
{
	for (unsigned int kind = 0; kind < NR_KINDS; kind++) {
		struct task_struct *p = percpu_thread(kind, cpu);
		unsigned int seen;
		bool asleep;

		if (!p) {
			KTEST_FAIL("no %s/%u", kinds[kind], cpu);
			return;
		}
		asleep = task_sleeping(p, TASK_INTERRUPTIBLE);
		seen = task_cpu(p);
		asleep = asleep && task_sleeping(p, TASK_INTERRUPTIBLE);
		if (seen != cpu)
			ktest_fail(__FILE__, __LINE__, "%s on CPU %u (%s)",
				   p->comm, seen, asleep ? "asleep" : "awake");
		if (!cpus_equal(p->cpus_allowed, cpumask_of_cpu(cpu)))
			ktest_fail(__FILE__, __LINE__,
				   "%s: cpus_allowed %#lx", p->comm,
				   p->cpus_allowed.bits[0]);
	}
}

#define SAMPLE_ROUNDS	20

static struct work_probe sample_probes[NR_CPUS];

KTEST(percpu_threads_one_per_online_cpu_bound_to_it)
{
	cpumask_t online = cpu_online_map, seen[NR_KINDS];
	struct task_struct *p;
	unsigned long flags;
	unsigned int cpu;
	int dups = 0, strays = 0, wrong = 0;

	KTEST_ASSERT(cpu_isset(0, online));
	/* Every thread of each kind, by name, from the task list. */
	for (unsigned int kind = 0; kind < NR_KINDS; kind++)
		seen[kind] = CPU_MASK_NONE;
	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p) {
		for (unsigned int kind = 0; kind < NR_KINDS; kind++) {
			int n = thread_cpu_of_name(p->comm, kinds[kind]);

			if (n < 0)
				continue;
			if (n >= NR_CPUS || !cpu_isset(n, online))
				strays++;
			else if (cpu_isset(n, seen[kind]))
				dups++;
			else if (p != percpu_thread(kind, n))
				wrong++;
			else
				cpu_set(n, &seen[kind]);
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	KTEST_EXPECT_EQ(strays, 0);
	KTEST_EXPECT_EQ(dups, 0);
	KTEST_EXPECT_EQ(wrong, 0);
	for (unsigned int kind = 0; kind < NR_KINDS; kind++)
		if (!cpus_equal(seen[kind], online))
			ktest_fail(__FILE__, __LINE__, "%s threads for CPUs "
				   "%#lx, online %#lx", kinds[kind],
				   seen[kind].bits[0], online.bits[0]);

	/*
	 * Keep the events threads busy, one work per CPU per round, and
	 * look at every thread between rounds: none is ever found off its
	 * CPU, and each work ran on its CPU in its events/N.
	 */
	ktest_add_action(flush_events, NULL);
	for (int round = 0; round < SAMPLE_ROUNDS; round++) {
		for_each_cpu_mask(cpu, online) {
			work_probe_init(&sample_probes[cpu]);
			KTEST_EXPECT_EQ(schedule_work_on(cpu,
					&sample_probes[cpu].work), 1);
			expect_on_own_cpu(cpu);
		}
		for_each_cpu_mask(cpu, online) {
			struct work_probe *w = &sample_probes[cpu];

			KTEST_ASSERT(arrives(&w->ran));
			KTEST_EXPECT_EQ(w->cpu, cpu);
			KTEST_EXPECT(w->task == percpu_thread(1, cpu));
		}
		for_each_cpu_mask(cpu, online)
			expect_on_own_cpu(cpu);
		/* Every worker out of note_work() before the probes are reused. */
		flush_scheduled_work();
	}
}

static struct on_cpu queuers[NR_CPUS];
static struct work_probe events_probes[NR_CPUS], kblockd_probes[NR_CPUS];

/* On the bound helper's CPU: queue both works the plain way. */
static void queue_two_works(struct on_cpu *oc)
{
	schedule_work(&events_probes[oc->cpu].work);
	kblockd_schedule_work(&kblockd_probes[oc->cpu].work);
}

KTEST(work_queued_by_a_bound_thread_runs_on_its_cpu)
{
	unsigned int cpu;
	char name[TASK_COMM_LEN];

	ktest_add_action(flush_events, NULL);
	for_each_online_cpu(cpu) {
		struct work_probe *e = &events_probes[cpu];
		struct work_probe *b = &kblockd_probes[cpu];

		work_probe_init(e);
		work_probe_init(b);
		run_on_cpu(&queuers[cpu], cpu, queue_two_works, NULL);
		KTEST_ASSERT(arrives(&e->ran));
		KTEST_ASSERT(arrives(&b->ran));
		KTEST_EXPECT_EQ(e->cpu, cpu);
		KTEST_EXPECT_EQ(b->cpu, cpu);
		snprintf(name, sizeof(name), "events/%u", cpu);
		if (strcmp(e->comm, name))
			ktest_fail(__FILE__, __LINE__, "schedule_work() on "
				   "CPU %u ran in %s", cpu, e->comm);
		snprintf(name, sizeof(name), "kblockd/%u", cpu);
		if (strcmp(b->comm, name))
			ktest_fail(__FILE__, __LINE__, "kblockd_schedule_work()"
				   " on CPU %u ran in %s", cpu, b->comm);
	}
}

static struct work_probe on_probes[NR_CPUS];

KTEST(schedule_work_on_runs_on_that_cpu)
{
	cpumask_t online = cpu_online_map;
	char name[TASK_COMM_LEN];
	unsigned int cpu;

	ktest_add_action(flush_events, NULL);
	/* All queued first, from wherever the test runs, then checked. */
	for_each_cpu_mask(cpu, online) {
		work_probe_init(&on_probes[cpu]);
		KTEST_EXPECT_EQ(schedule_work_on(cpu, &on_probes[cpu].work), 1);
	}
	for_each_cpu_mask(cpu, online) {
		struct work_probe *w = &on_probes[cpu];

		KTEST_ASSERT(arrives(&w->ran));
		KTEST_EXPECT_EQ(w->cpu, cpu);
		KTEST_EXPECT(w->task == workqueue_thread(keventd_wq, cpu));
		snprintf(name, sizeof(name), "events/%u", cpu);
		if (strcmp(w->comm, name))
			ktest_fail(__FILE__, __LINE__, "schedule_work_on(%u) "
				   "ran in %s", cpu, w->comm);
	}
}

/* A tasklet that notes where it ran and in which context. */
struct tasklet_probe {
	struct tasklet_struct tasklet;
	unsigned int cpu;
	bool in_softirq;
	struct task_struct *task;
	bool done;
	struct completion ran;
};

static void note_tasklet(unsigned long data)
{
	struct tasklet_probe *p = (struct tasklet_probe *)data;

	p->cpu = raw_smp_processor_id();
	p->in_softirq = in_softirq();
	p->task = current;
	WRITE_ONCE(p->done, true);
	complete(&p->ran);
}

/* Cleanup action: the tasklet @data neither scheduled nor running. */
static void kill_tasklet(void *data)
{
	tasklet_kill(data);
}

static struct on_cpu raisers[NR_CPUS];
static struct tasklet_probe from_task[NR_CPUS], from_irq[NR_CPUS];
static unsigned long runs_before[NR_CPUS];

static void schedule_from_irq(int irq, struct pt_regs *regs, void *dev)
{
	tasklet_schedule(&from_irq[raw_smp_processor_id()].tasklet);
}

/*
 * On the bound helper's CPU: schedule one tasklet from process context
 * (nobody is in irq_exit() to run it: ksoftirqd/N is woken, unless an
 * interrupt gets there first) and one from an interrupt handler (run at
 * that interrupt's irq_exit()).
 */
static void raise_both(struct on_cpu *oc)
{
	runs_before[oc->cpu] = softirq_count_on(TASKLET_SOFTIRQ, oc->cpu);
	tasklet_schedule(&from_task[oc->cpu].tasklet);
	ktest_fake_interrupt(schedule_from_irq);
}

static void tasklet_probe_init(struct tasklet_probe *p)
{
	memset(p, 0, sizeof(*p));
	tasklet_init(&p->tasklet, note_tasklet, (unsigned long)p);
	init_completion(&p->ran);
	p->cpu = NR_CPUS;
	ktest_add_action(kill_tasklet, &p->tasklet);
}

KTEST(softirq_raised_on_a_cpu_runs_there)
{
	unsigned int cpu;

	for_each_online_cpu(cpu) {
		struct tasklet_probe *t = &from_task[cpu], *i = &from_irq[cpu];

		tasklet_probe_init(t);
		tasklet_probe_init(i);
		run_on_cpu(&raisers[cpu], cpu, raise_both, NULL);
		/* ktest_fake_interrupt() returned: its softirqs have run. */
		KTEST_EXPECT(READ_ONCE(i->done));
		KTEST_ASSERT(arrives(&t->ran));
		KTEST_ASSERT(arrives(&i->ran));
		KTEST_EXPECT_EQ(t->cpu, cpu);
		KTEST_EXPECT_EQ(i->cpu, cpu);
		KTEST_EXPECT(t->in_softirq && i->in_softirq);
		/* If a ksoftirqd ran it, that CPU's. */
		if (!strncmp(t->task->comm, "ksoftirqd/", 10))
			KTEST_EXPECT(t->task == ksoftirqd_task(cpu));
		/* Counted on that CPU (one run may have run both). */
		KTEST_EXPECT(softirq_count_on(TASKLET_SOFTIRQ, cpu) -
			     runs_before[cpu] >= 1);
	}
}

/*
 * flush_workqueue() on every CPU: in round r, one work on each online
 * CPU, the one on CPU r held at a gate.  The flusher must still be
 * waiting once all the others have run, and must return once the gate
 * opens, whichever CPU r is: a flush that forgot any CPU returns early
 * in that CPU's round.
 */
static struct {
	struct work_struct works[NR_CPUS];
	unsigned int gated;		/* the CPU whose work waits */
	bool open;
	wait_queue_head_t gate;
	atomic_t done;			/* works that have run */
	struct completion all_but_gated;
	bool flushed;
	int done_at_flush;
	struct completion flush_returned;
} fa;

static void flush_round_work(struct work_struct *work)
{
	unsigned int cpu = work - fa.works;

	if (cpu == fa.gated)
		wait_event(fa.gate, READ_ONCE(fa.open));
	if (atomic_add_return(1, &fa.done) == (int)num_online_cpus() - 1 &&
	    cpu != fa.gated)
		complete(&fa.all_but_gated);
}

static int flush_all_thread(void *unused)
{
	flush_scheduled_work();
	fa.done_at_flush = atomic_read(&fa.done);
	WRITE_ONCE(fa.flushed, true);
	complete(&fa.flush_returned);
	ktest_wait_for_stop();
	return 0;
}

/* Cleanup action: open the gate and let the round's works finish. */
static void open_gate(void *unused)
{
	WRITE_ONCE(fa.open, true);
	wake_up_all(&fa.gate);
	flush_scheduled_work();
}

KTEST(flush_workqueue_waits_for_work_on_every_cpu)
{
	cpumask_t online = cpu_online_map;
	unsigned int nr = cpus_weight(online), cpu, r;

	init_waitqueue_head(&fa.gate);
	for_each_cpu_mask(r, online) {
		struct task_struct *k;

		fa.gated = r;
		WRITE_ONCE(fa.open, false);
		atomic_set(&fa.done, 0);
		fa.flushed = false;
		fa.done_at_flush = -1;
		init_completion(&fa.all_but_gated);
		init_completion(&fa.flush_returned);
		for_each_cpu_mask(cpu, online) {
			INIT_WORK(&fa.works[cpu], flush_round_work);
			KTEST_EXPECT_EQ(schedule_work_on(cpu, &fa.works[cpu]),
					1);
		}
		k = kthread_create(flush_all_thread, NULL, "ktest-flush");
		KTEST_ASSERT(!IS_ERR(k));
		ktest_add_action(ktest_kthread_stop, k);
		/* Runs first: the flusher cannot be stopped while it flushes. */
		ktest_add_action(open_gate, NULL);
		wake_up_process(k);
		if (nr > 1)
			KTEST_ASSERT(arrives(&fa.all_but_gated));
		/* Asleep in the flush (or, if it did not wait, after it). */
		ktest_wait_sleeping(k, TASK_UNINTERRUPTIBLE |
				       TASK_INTERRUPTIBLE);
		if (READ_ONCE(fa.flushed))
			ktest_fail(__FILE__, __LINE__, "the flush returned "
				   "with the work of CPU %u not run", r);
		WRITE_ONCE(fa.open, true);
		wake_up_all(&fa.gate);
		KTEST_ASSERT(arrives(&fa.flush_returned));
		KTEST_EXPECT_EQ(fa.done_at_flush, (int)nr);
		ktest_release_action(open_gate, NULL);
		ktest_release_action(ktest_kthread_stop, k);
	}
}

/* What a kthread_bind()ed thread saw of its CPU while it slept and ran. */
#define BIND_SAMPLES	20

static struct bind_probe {
	unsigned int cpu;
	unsigned int off_cpu;		/* samples not on @cpu */
	unsigned int last_seen;
	struct completion done;
} bind_probes[NR_CPUS];

static int bound_fn(void *arg)
{
	struct bind_probe *b = arg;

	for (int i = 0; i < BIND_SAMPLES; i++) {
		/* Bound: smp_processor_id() is legal while preemptible. */
		unsigned int cpu = smp_processor_id();

		b->last_seen = cpu;
		if (cpu != b->cpu)
			b->off_cpu++;
		/* Be switched out both ways: by yielding and by sleeping. */
		if (i & 1)
			schedule_timeout_uninterruptible(1);
		else
			yield();
	}
	complete(&b->done);
	ktest_wait_for_stop();
	return 0;
}

KTEST(kthread_bind_runs_the_thread_on_that_cpu_only)
{
	unsigned int cpu;

	for_each_online_cpu(cpu) {
		struct bind_probe *b = &bind_probes[cpu];
		struct task_struct *k;

		memset(b, 0, sizeof(*b));
		b->cpu = cpu;
		init_completion(&b->done);
		k = kthread_create(bound_fn, b, "ktest-bind/%u", cpu);
		KTEST_ASSERT(!IS_ERR(k));
		ktest_add_action(ktest_kthread_stop, k);
		/* kthread_create() leaves it free to run anywhere. */
		KTEST_EXPECT(cpus_equal(k->cpus_allowed, CPU_MASK_ALL));
		kthread_bind(k, cpu);
		KTEST_EXPECT(task_sleeping(k, TASK_UNINTERRUPTIBLE));
		KTEST_EXPECT(cpus_equal(k->cpus_allowed,
					cpumask_of_cpu(cpu)));
		KTEST_EXPECT_EQ(task_cpu(k), cpu);
		wake_up_process(k);
		KTEST_ASSERT(arrives(&b->done));
		KTEST_EXPECT_EQ(b->off_cpu, 0);
		KTEST_EXPECT_EQ(b->last_seen, cpu);
		KTEST_EXPECT_EQ(task_cpu(k), cpu);
		ktest_release_action(ktest_kthread_stop, k);
	}
}

static struct work_probe any_probe, irq_probe;
static struct tasklet_probe any_tasklet;
static struct workqueue_struct *single_wq;

static void queue_from_irq(int irq, struct pt_regs *regs, void *dev)
{
	schedule_work(&irq_probe.work);
}

/* Cleanup action: destroy the test's queue (flushes, stops its worker). */
static void destroy_single(void *unused)
{
	struct task_struct *worker = workqueue_thread(single_wq, 0);

	get_task_struct(worker);
	destroy_workqueue(single_wq);
	ktest_wait_sleeping(worker, TASK_DEAD);
	put_task_struct(worker);
}

/* Cleanup action: back to the policy the test started with. */
static void back_to_normal(void *unused)
{
	sched_setscheduler(current, SCHED_NORMAL, 0);
}

/*
 * The deferred-work calls from a task free to run on any CPU, preempt-
 * ible: each picks its CPU where it cannot move (interrupts or preemption
 * off), so none is reported by the smp_processor_id() check.  The check
 * only counts, for the whole machine: so the calls are made in a window
 * where nothing else runs on this CPU (SCHED_FIFO, no sleep), and the
 * count is compared only with one CPU online -- with more, a task on
 * another CPU could add to it meanwhile.
 */
KTEST(deferred_work_apis_pick_their_cpu_safely)
{
	unsigned long bugs;

	KTEST_ASSERT(cpus_equal(current->cpus_allowed, CPU_MASK_ALL));
	ktest_add_action(flush_events, NULL);
	work_probe_init(&any_probe);
	work_probe_init(&irq_probe);
	tasklet_probe_init(&any_tasklet);
	ktest_add_action(back_to_normal, NULL);
	KTEST_ASSERT(sched_setscheduler(current, SCHED_FIFO, 1) == 0);

	KTEST_ASSERT(!preempt_count() && !irqs_disabled());
	bugs = READ_ONCE(smp_processor_id_bugs);
	KTEST_EXPECT_EQ(schedule_work(&any_probe.work), 1);
	tasklet_schedule(&any_tasklet.tasklet);
	ktest_fake_interrupt(queue_from_irq);
	local_bh_disable();
	local_bh_enable();
	bugs = READ_ONCE(smp_processor_id_bugs) - bugs;
	ktest_release_action(back_to_normal, NULL);
	if (num_online_cpus() == 1)
		KTEST_EXPECT_EQ(bugs, 0);

	KTEST_ASSERT(arrives(&any_probe.ran));
	KTEST_ASSERT(arrives(&irq_probe.ran));
	KTEST_ASSERT(arrives(&any_tasklet.ran));
	/* Whatever CPU each chose, the work ran in that CPU's events. */
	KTEST_EXPECT(any_probe.task ==
		     workqueue_thread(keventd_wq, any_probe.cpu));
	KTEST_EXPECT(irq_probe.task ==
		     workqueue_thread(keventd_wq, irq_probe.cpu));

	/* A single-thread queue: one worker, "name", allowed everywhere. */
	single_wq = create_singlethread_workqueue("ktest_single");
	KTEST_ASSERT(single_wq != NULL);
	ktest_add_action(destroy_single, NULL);
	KTEST_EXPECT(!strcmp(workqueue_thread(single_wq, 0)->comm,
			     "ktest_single"));
	KTEST_EXPECT(cpus_equal(workqueue_thread(single_wq, 0)->cpus_allowed,
				CPU_MASK_ALL));
	flush_scheduled_work();		/* events is done with any_probe */
	work_probe_init(&any_probe);
	KTEST_EXPECT_EQ(queue_work(single_wq, &any_probe.work), 1);
	flush_workqueue(single_wq);
	KTEST_EXPECT(READ_ONCE(any_probe.done));
	KTEST_EXPECT(any_probe.task == workqueue_thread(single_wq, 0));
}

#define BIND_ROUNDS	25

static struct {
	unsigned int ran_on;
	struct completion done;
} quick;

static int note_cpu_and_wait(void *unused)
{
	quick.ran_on = raw_smp_processor_id();
	complete(&quick.done);
	ktest_wait_for_stop();
	return 0;
}

/*
 * kthread_bind() straight after kthread_create(), many times: the new
 * thread may still be on its way into schedule() on another CPU, and
 * the bind must wait for it to be off that CPU before moving it -- by
 * spinning for those few instructions, never by sleeping (a sleep is a
 * tick: 10 ms of boot for each per-CPU thread).
 */
KTEST(kthread_bind_right_after_create_is_safe)
{
	unsigned int cpu, wrong = 0;
	unsigned long slept = 0;

	for (int round = 0; round < BIND_ROUNDS; round++) {
		for_each_online_cpu(cpu) {
			struct task_struct *k;

			init_completion(&quick.done);
			quick.ran_on = NR_CPUS;
			k = kthread_create(note_cpu_and_wait, NULL, "ktest-quick");
			KTEST_ASSERT(!IS_ERR(k));
			ktest_add_action(ktest_kthread_stop, k);
			slept -= current->nvcsw;
			kthread_bind(k, cpu);
			slept += current->nvcsw;
			wake_up_process(k);
			KTEST_ASSERT(arrives(&quick.done));
			if (quick.ran_on != cpu || task_cpu(k) != cpu)
				wrong++;
			ktest_release_action(ktest_kthread_stop, k);
		}
	}
	KTEST_EXPECT_EQ(wrong, 0);
	KTEST_EXPECT_EQ(slept, 0);
}
