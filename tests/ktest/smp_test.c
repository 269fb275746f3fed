// SPDX-License-Identifier: GPL-2.0
/*
 * tests/ktest/smp_test.c - the other CPUs: their idle tasks, the
 * call-function IPI, TLB shootdown.
 *
 * Tests that need a second CPU say so in a "ktest: #" line and pass when
 * the machine has one CPU; `make test` runs the suite with -smp 1 and
 * with -smp 4 (tests/system/test_ktest.py), so each runs for real once.
 */
#include <asm/apic.h>
#include <asm/irqflags.h>
#include <asm/processor.h>
#include <completion.h>
#include <hardirq.h>
#include <kernel.h>
#include <kthread.h>
#include <ktest.h>
#include <mm.h>
#include <mm_types.h>
#include <pgtable.h>
#include <sched.h>
#include <smp.h>
#include <stacktrace.h>
#include <string.h>
#include <timer.h>
#include <asm/uaccess.h>

/* Needs @n online CPUs; with fewer, says so and passes. */
#define NEED_CPUS(n)							\
	do {								\
		if (num_online_cpus() < (n)) {				\
			printk(KERN_INFO "ktest: # %s: needs %d CPUs, "	\
			       "%u online\n", __func__, (n),		\
			       num_online_cpus());			\
			return;						\
		}							\
	} while (0)

/*
 * ULK 3rd ed., chapter 3, "Process 0": each CPU has its own process 0,
 * made by copy_process() with pid 0 (fork_idle()), bound to its CPU and
 * not on the task list.
 */
/*
 * Every CPU the firmware tables listed came online, up to maxcpus=: a
 * CPU left out means its start failed -- no idle task from fork_idle(),
 * or no answer to INIT-SIPI-SIPI -- which the boot only reports, and
 * goes on.
 */
KTEST(every_present_cpu_came_online)
{
	unsigned int want = min(cpus_weight(cpu_present_map), setup_max_cpus);

	if (num_online_cpus() != want)
		KTEST_FAIL("%u of %u CPUs online: a CPU's start failed "
			   "(fork_idle(), do_boot_cpu())", num_online_cpus(),
			   want);
}

KTEST(every_online_cpu_has_its_swapper)
{
	char name[TASK_COMM_LEN];
	unsigned int cpu;

	KTEST_EXPECT(idle_task(0) == &init_task);
	for_each_online_cpu(cpu) {
		struct task_struct *idle = idle_task(cpu);

		KTEST_ASSERT(idle != NULL);
		snprintf(name, sizeof(name), "swapper/%u", cpu);
		KTEST_EXPECT(!strcmp(idle->comm, name));
		KTEST_EXPECT_EQ(idle->pid, 0);
		KTEST_EXPECT_EQ(task_cpu(idle), cpu);
		KTEST_EXPECT(cpus_equal(idle->cpus_allowed,
					cpumask_of_cpu(cpu)));
		KTEST_EXPECT(!idle->mm);
		KTEST_EXPECT(!task_on_runqueue(idle));
		if (cpu)
			KTEST_EXPECT(list_empty(&idle->sibling));
	}
	KTEST_EXPECT(find_task_by_pid(0) == &init_task);
}

static atomic_t calls_on[NR_CPUS];
static atomic_t irqs_were_on;

static void count_call(void *info)
{
	if (!irqs_disabled())
		atomic_inc(&irqs_were_on);
	atomic_inc(&calls_on[raw_smp_processor_id()]);
}

static void reset_calls(void)
{
	for (int cpu = 0; cpu < NR_CPUS; cpu++)
		atomic_set(&calls_on[cpu], 0);
	atomic_set(&irqs_were_on, 0);
}

/*
 * smp_call_function(wait=1) returns once every other online CPU has run
 * the function, in its IPI handler (interrupts off), once; not here.
 */
KTEST(smp_call_function_runs_once_on_every_other_cpu)
{
	unsigned long before[NR_CPUS];
	unsigned int cpu, self;

	reset_calls();
	for_each_online_cpu(cpu)
		before[cpu] = READ_ONCE(per_cpu(irq_stat, cpu).irq_call_count);
	self = get_cpu();
	KTEST_EXPECT_EQ(smp_call_function(count_call, NULL, 1), 0);
	put_cpu();
	for_each_online_cpu(cpu) {
		KTEST_EXPECT_EQ(atomic_read(&calls_on[cpu]), cpu != self);
		if (cpu != self)
			KTEST_EXPECT(per_cpu(irq_stat, cpu).irq_call_count >
				     before[cpu]);
	}
	KTEST_EXPECT_EQ(atomic_read(&irqs_were_on), 0);
}

/* on_each_cpu() also runs it here, with interrupts off like the others. */
KTEST(on_each_cpu_runs_everywhere)
{
	unsigned int cpu;

	reset_calls();
	KTEST_EXPECT_EQ(on_each_cpu(count_call, NULL, 1), 0);
	for_each_online_cpu(cpu)
		KTEST_EXPECT_EQ(atomic_read(&calls_on[cpu]), 1);
	KTEST_EXPECT_EQ(atomic_read(&irqs_were_on), 0);
}

/* Each CPU's CR3, and the page directory of the mm it runs on. */
static unsigned long cr3_seen[NR_CPUS], cr3_wanted[NR_CPUS];

static void note_cr3(void *unused)
{
	unsigned int cpu = smp_processor_id();

	cr3_seen[cpu] = read_cr3();
	cr3_wanted[cpu] = __pa(current->active_mm->pgd);
}

/*
 * A CPU turns paging on with trampoline_pg_dir, whose PDE 0 maps low
 * memory for the trampoline's jump (arch/x86/trampoline.asm);
 * start_secondary() moves it to swapper_pg_dir.  So every CPU runs on
 * the page directory of its mm (process 0's: swapper_pg_dir), and
 * swapper_pg_dir maps nothing below PAGE_OFFSET: a NULL pointer faults.
 */
KTEST(every_cpu_left_the_trampoline_page_directory)
{
	unsigned int cpu, low = 0;

	KTEST_EXPECT_EQ(on_each_cpu(note_cr3, NULL, 1), 0);
	for_each_online_cpu(cpu)
		KTEST_EXPECT_EQ(cr3_seen[cpu], cr3_wanted[cpu]);
	for (unsigned int i = 0; i < USER_PTRS_PER_PGD; i++)
		low += swapper_pg_dir[i] != 0;
	KTEST_EXPECT_EQ(low, 0);
}

/*
 * Without wait the call returns once every CPU has started the function:
 * each finishes on its own; we wait for each count, not for a time.
 */
KTEST(smp_call_function_without_wait_still_runs_everywhere)
{
	unsigned int cpu, self;
	int total = 0;

	reset_calls();
	self = get_cpu();
	smp_call_function(count_call, NULL, 0);
	put_cpu();
	for_each_online_cpu(cpu) {
		if (cpu == self)
			continue;
		while (!atomic_read(&calls_on[cpu]))
			cpu_relax();
		total += atomic_read(&calls_on[cpu]);
	}
	KTEST_EXPECT_EQ(total, (int)num_online_cpus() - 1);
}

#define TLB_TEST_ADDR	0x08048000UL
#define TLB_MARKER	0x5ca1ab1eU

struct tlb_probe {
	struct mm_struct *mm;
	struct completion loaded, unmapped, checked;
	u32 before, after;
	int after_err;
	bool stay_lazy;		/* give the mm back and sleep on it */
};

static int read_marker(struct tlb_probe *t, u32 *val)
{
	return copy_from_user(val, (void *)TLB_TEST_ADDR, sizeof(*val)) ?
	       -EFAULT : 0;
}

/*
 * On its own CPU: read the page through the mm (its TLB now holds the
 * translation), then, once the page is unmapped elsewhere, read again.
 */
static int tlb_reader(void *arg)
{
	struct tlb_probe *t = arg;

	use_mm(t->mm);
	if (read_marker(t, &t->before))
		t->before = 0;
	if (t->stay_lazy) {
		/* Kernel thread again: the CPU keeps the mm, lazily. */
		unuse_mm(t->mm);
		complete(&t->loaded);
	} else {
		complete(&t->loaded);
		wait_for_completion(&t->unmapped);
		t->after_err = read_marker(t, &t->after);
		unuse_mm(t->mm);
		complete(&t->checked);
	}
	ktest_wait_for_stop();
	return 0;
}

static void put_mm(void *mm)
{
	mmput(mm);
}

static void put_task_struct_action(void *p)
{
	put_task_struct(p);
}

/*
 * A page with a marker in a fresh mm; this test runs on CPU 0 and the
 * reader on CPU 1 (both bound).  Return: the reader, not yet woken.
 */
static struct task_struct *start_tlb_probe(struct tlb_probe *t)
{
	struct task_struct *k;
	u32 marker = TLB_MARKER;

	memset(t, 0, sizeof(*t));
	init_completion(&t->loaded);
	init_completion(&t->unmapped);
	init_completion(&t->checked);
	t->mm = mm_alloc();
	KTEST_ASSERT(t->mm != NULL);
	ktest_add_action(put_mm, t->mm);
	KTEST_ASSERT_EQ(map_user_page(t->mm, TLB_TEST_ADDR, true), 0);
	KTEST_ASSERT_EQ(access_process_vm(t->mm, TLB_TEST_ADDR, &marker,
					  sizeof(marker), true),
			(int)sizeof(marker));
	ktest_stay_on_cpu(0);
	KTEST_ASSERT_EQ(raw_smp_processor_id(), 0U);
	k = kthread_create(tlb_reader, t, "ktest-tlb");
	KTEST_ASSERT(!IS_ERR(k));
	kthread_bind(k, 1);
	ktest_add_action(ktest_kthread_stop, k);
	return k;
}

/*
 * After an unmap on CPU 0, a thread on CPU 1 using the same mm must not
 * reach the page through a stale TLB entry: unmap_user_range() shoots
 * the entry down on every CPU in the mm's cpu_vm_mask before it frees
 * the page.  (Without the shootdown the second read returns the marker
 * from the freed page.)
 */
KTEST(unmap_shoots_down_the_tlb_of_other_cpus)
{
	static struct tlb_probe t;
	struct task_struct *k;
	unsigned long tlb_irqs;

	NEED_CPUS(2);
	k = start_tlb_probe(&t);
	wake_up_process(k);
	wait_for_completion(&t.loaded);
	KTEST_ASSERT_EQ(t.before, TLB_MARKER);
	KTEST_EXPECT(cpu_isset(1, READ_ONCE(t.mm->cpu_vm_mask)));

	tlb_irqs = READ_ONCE(per_cpu(irq_stat, 1).irq_tlb_count);
	unmap_user_range(t.mm, TLB_TEST_ADDR, TLB_TEST_ADDR + PAGE_SIZE);
	KTEST_EXPECT(per_cpu(irq_stat, 1).irq_tlb_count > tlb_irqs);
	complete(&t.unmapped);
	wait_for_completion(&t.checked);
	KTEST_EXPECT(t.after_err || t.after != TLB_MARKER);
}

/*
 * A CPU that only holds the mm lazily (its kernel thread gave it back,
 * its idle task borrowed it) answers the first shootdown by leaving the
 * mm, and gets no second one.
 */
KTEST(lazy_cpu_gets_at_most_one_shootdown)
{
	static struct tlb_probe t;
	struct task_struct *k;
	unsigned long first, second, third;

	NEED_CPUS(2);
	k = start_tlb_probe(&t);
	t.stay_lazy = true;
	wake_up_process(k);
	wait_for_completion(&t.loaded);
	KTEST_ASSERT_EQ(t.before, TLB_MARKER);
	ktest_wait_sleeping(k, TASK_UNINTERRUPTIBLE);
	KTEST_ASSERT(cpu_isset(1, READ_ONCE(t.mm->cpu_vm_mask)));

	first = READ_ONCE(per_cpu(irq_stat, 1).irq_tlb_count);
	flush_tlb_page(t.mm, TLB_TEST_ADDR);
	second = READ_ONCE(per_cpu(irq_stat, 1).irq_tlb_count);
	flush_tlb_page(t.mm, TLB_TEST_ADDR);
	flush_tlb_mm(t.mm);
	third = READ_ONCE(per_cpu(irq_stat, 1).irq_tlb_count);
	KTEST_EXPECT_EQ(second - first, 1UL);
	KTEST_EXPECT_EQ(third - second, 0UL);
	KTEST_EXPECT(!cpu_isset(1, READ_ONCE(t.mm->cpu_vm_mask)));
}

static bool spin_stop;

static int spin_until_stopped(void *arg)
{
	WRITE_ONCE(*(bool *)arg, true);
	while (!READ_ONCE(spin_stop))
		cpu_relax();
	return 0;
}

static void stop_spinning(void *unused)
{
	WRITE_ONCE(spin_stop, true);
}

/*
 * The stack of a task running on another CPU changes while it would be
 * read: sprint_task_stack() (ps -s, Ctrl-B) names the CPU instead of
 * walking a stale frame chain.
 */
KTEST(running_task_on_another_cpu_has_no_stack_walk)
{
	static char buf[256];
	static bool running;
	struct task_struct *k;

	NEED_CPUS(2);
	WRITE_ONCE(spin_stop, false);
	WRITE_ONCE(running, false);
	k = kthread_create(spin_until_stopped, &running, "ktest-spin");
	KTEST_ASSERT(!IS_ERR(k));
	kthread_bind(k, 1);
	get_task_struct(k);
	ktest_add_action(put_task_struct_action, k);
	ktest_add_action(stop_spinning, NULL);
	wake_up_process(k);
	while (!READ_ONCE(running))
		schedule_timeout_uninterruptible(1);
	/*
	 * A per-CPU daemon of CPU 1 may preempt the spinner for a moment:
	 * look until it ran on through the whole sprint_task_stack() (on
	 * the CPU before and after, and not switched out in between).
	 */
	for (int tries = 0;; tries++) {
		unsigned long switches = READ_ONCE(k->nvcsw) +
					 READ_ONCE(k->nivcsw);

		if (task_curr(k)) {
			sprint_task_stack(k, buf, sizeof(buf));
			if (task_curr(k) && READ_ONCE(k->nvcsw) +
			    READ_ONCE(k->nivcsw) == switches)
				break;
		}
		if (tries == 100)
			KTEST_FAIL("the spinner is never seen running on CPU 1");
		schedule_timeout_uninterruptible(1);
	}
	KTEST_EXPECT(!strcmp(buf, "(running on CPU 1)\n"));
	ktest_release_action(stop_spinning, NULL);
	ktest_wait_sleeping(k, TASK_DEAD);
	KTEST_EXPECT(!task_curr(k));
}
