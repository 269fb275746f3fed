// SPDX-License-Identifier: GPL-2.0
/*
 * tests/ktest/invariants_test.c - the checks that are always on: the
 * end-of-stack word, the spinlock owner checks, the run-queue assertions.
 *
 * The KTESTs call what the checks are made of on real and crafted stacks
 * and locks, and survive: the end word of every task holds
 * STACK_END_MAGIC and a changed one is seen; a lock records its holder,
 * passes its assertions for the holder and not for anyone else; the
 * run-queue operations pass theirs under the lock.  The KTEST_NAMED_ONLY
 * tests break each invariant for real and crash the kernel:
 * tests/system/test_invariants.py boots each of them alone and checks the
 * report line, the oops and the panic status.
 * docs/processes.md ("Checks at run time") walks through the checks.
 */
#include <asm/apic.h>
#include <asm/io.h>
#include <asm/irqflags.h>
#include <completion.h>
#include <gfp.h>
#include <irq.h>
#include <kallsyms.h>
#include <kernel.h>
#include <kthread.h>
#include <ktest.h>
#include <percpu.h>
#include <sched.h>
#include <spinlock.h>
#include <stacktrace.h>
#include <string.h>

extern spinlock_t tasklist_lock;

static int sleep_until_stopped(void *unused)
{
	while (!kthread_should_stop()) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (!kthread_should_stop())
			schedule();
		__set_current_state(TASK_RUNNING);
	}
	return 0;
}

/* Process 0, this task, every task in the list, and a brand-new one. */
KTEST(stack_end_magic_marks_every_stack)
{
	struct task_struct *p, *k;
	unsigned long flags, new_task_word;
	int marked = 0, tasks = 0;

	KTEST_EXPECT_EQ(*end_of_stack(&init_task), STACK_END_MAGIC);
	KTEST_EXPECT_EQ(*end_of_stack(current), STACK_END_MAGIC);
	/* The lowest word a stack can reach: right above thread_info. */
	KTEST_EXPECT_EQ((unsigned long)end_of_stack(current),
			(unsigned long)current_thread_info() +
			sizeof(struct thread_info));

	k = kthread_create(sleep_until_stopped, NULL, "ktest-stackend");
	KTEST_ASSERT(!IS_ERR(k));
	new_task_word = *end_of_stack(k);
	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p) {
		tasks++;
		marked += !task_stack_end_corrupted(p);
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	kthread_stop(k);
	KTEST_EXPECT_EQ(new_task_word, STACK_END_MAGIC);
	KTEST_EXPECT_EQ(marked, tasks);
}

static void count_frame(void *data, unsigned long addr)
{
	(*(int *)data)++;
}

/*
 * A crafted stack: the check sees the end word changed, and the stack
 * walker never takes that word for a frame (a frame there would have
 * overwritten it).
 */
KTEST(stack_end_check_sees_an_overwritten_word)
{
	struct thread_info *ti =
		(struct thread_info *)__get_free_pages(GFP_KERNEL, 1);
	struct task_struct fake = { .thread_info = ti };
	bool clean_ok, zero_seen, one_bit_seen;
	int frames_at_end = 0, frames_above = 0;
	unsigned long *end;

	KTEST_ASSERT(ti != NULL);
	end = end_of_stack(&fake);
	set_task_stack_end_magic(&fake);
	clean_ok = !task_stack_end_corrupted(&fake);
	*end = 0;			/* a cleared local array ran over it */
	zero_seen = task_stack_end_corrupted(&fake);
	*end = STACK_END_MAGIC ^ 0x100;	/* one bit is enough */
	one_bit_seen = task_stack_end_corrupted(&fake);

	/* One frame right above the end word, one on it: */
	end[1] = 0;
	end[2] = (unsigned long)schedule;
	walk_stack(ti, (unsigned long)&end[1], count_frame, &frames_above);
	end[0] = 0;
	end[1] = (unsigned long)schedule;
	walk_stack(ti, (unsigned long)end, count_frame, &frames_at_end);
	free_pages((unsigned long)ti, 1);

	KTEST_ASSERT(clean_ok);
	KTEST_ASSERT(zero_seen);
	KTEST_ASSERT(one_bit_seen);
	KTEST_EXPECT_EQ(frames_above, 1);
	KTEST_EXPECT_EQ(frames_at_end, 0);
}

/*
 * spin_lock() records the holder, the CPU and the place; the assertions
 * pass for the holder; spin_trylock() of a lock we hold fails quietly
 * (no deadlock there, so no report); spin_unlock() clears the holder.
 */
KTEST(spinlock_records_its_holder)
{
	static DEFINE_SPINLOCK(lock);
	struct task_struct *owner;
	unsigned long ip, size, offset, flags;
	bool by_me, again;
	unsigned int cpu, here;
	const char *name;

	KTEST_ASSERT(!spin_is_locked(&lock) && lock.owner == NULL);
	spin_lock(&lock);
	owner = lock.owner;
	cpu = lock.owner_cpu;
	ip = lock.owner_ip;
	by_me = spin_is_locked_by_current(&lock);
	here = smp_processor_id();	/* the holder cannot migrate */
	assert_spin_locked(&lock);
	assert_spin_locked_by_current(&lock);
	again = spin_trylock(&lock);
	spin_unlock(&lock);

	KTEST_ASSERT(owner == current);
	KTEST_EXPECT_EQ(cpu, here);
	name = kallsyms_lookup(ip, &size, &offset);
	KTEST_ASSERT(name && !strcmp(name, __func__));
	KTEST_ASSERT(by_me);
	KTEST_ASSERT(!again);
	KTEST_ASSERT(!spin_is_locked(&lock) && lock.owner == NULL);

	/* The _irqsave form records the same. */
	spin_lock_irqsave(&lock, flags);
	owner = lock.owner;
	spin_unlock_irqrestore(&lock, flags);
	KTEST_ASSERT(owner == current);
	KTEST_ASSERT(lock.owner == NULL);
}

/* A crafted lock that process 0 holds: held, but not by us. */
KTEST(spinlock_held_by_another_task_is_not_ours)
{
	spinlock_t lock = __SPIN_LOCK_UNLOCKED;
	bool locked, mine, got;

	KTEST_ASSERT(current != idle_task(0));
	lock.slock = 1;
	lock.owner = idle_task(0);
	lock.owner_ip = (unsigned long)schedule;
	locked = spin_is_locked(&lock);
	mine = spin_is_locked_by_current(&lock);
	got = spin_trylock(&lock);
	KTEST_ASSERT(locked);
	KTEST_ASSERT(!mine);
	KTEST_ASSERT(!got);
	KTEST_ASSERT(lock.owner == idle_task(0));

	/* Free, with a stale holder left in it: not ours either. */
	lock.slock = 0;
	lock.owner = current;
	KTEST_ASSERT(!spin_is_locked_by_current(&lock));
}

/* The run-queue operations, called right: their checks stay quiet. */
KTEST(runqueue_checks_pass_under_the_lock)
{
	unsigned long flags;

	local_irq_save(flags);
	sched_selftest_requeue(true);
	local_irq_restore(flags);
	KTEST_ASSERT(task_on_runqueue(current));
}

/*
 * The crashes.  Each one below is meant to end in a BUG report and a
 * panic; the line after it fails the test if the kernel survived.
 */

static DECLARE_COMPLETION(hog_survived);
static bool hog_reached_end;

/*
 * The last few hundred bytes, carved with alloca() one 16-byte step at a
 * time (gcc rounds each piece to the 16-byte stack alignment and aligns
 * it, as the end word is: thread_info is 16 bytes at an 8 KiB boundary).
 * The carving stops on the end-of-stack word and is filled with zeros,
 * as a cleared local buffer is.  A real overflow would go on into
 * thread_info and take `current` with it; then nothing could say which
 * task it was.
 * Return: whether the carving met the end word exactly.
 */
static noinline bool stack_hog_last(unsigned long *end)
{
	unsigned long *top = __builtin_alloca(1), *low = top;

	while (low > end)
		low = __builtin_alloca(1);
	if (low != end)
		return false;
	for (volatile unsigned long *w = low; w < top; w++)
		*w = 0;
	return true;
}

/*
 * Recursion that eats the stack: each level fills a 64-byte local array
 * and calls itself again, until less than 512 bytes are left above the
 * end word; stack_hog_last() uses those.
 */
static noinline bool stack_hog_descend(unsigned long depth)
{
	volatile unsigned long frame[16];
	unsigned long *end = end_of_stack(current);
	bool reached;

	for (int i = 0; i < 16; i++)
		frame[i] = depth;
	if ((unsigned long)frame - (unsigned long)end > 512)
		reached = stack_hog_descend(depth + 1);
	else
		reached = stack_hog_last(end);
	return reached && frame[15] == depth;
}

static int stack_hog(void *unused)
{
	unsigned long flags;

	/* An interrupt taken this deep would push its frame on thread_info. */
	local_irq_save(flags);
	hog_reached_end = stack_hog_descend(0);
	/* Leave the CPU: schedule() checks the end word of the task leaving. */
	schedule();
	local_irq_restore(flags);
	complete(&hog_survived);
	return sleep_until_stopped(NULL);
}

/*
 * A kernel thread runs its stack over its end and calls schedule():
 * "BUG: stack overflow in task stack_hog (pid N): ...", the oops, panic.
 */
KTEST_NAMED_ONLY(stack_overflow_in_a_kthread)
{
	struct task_struct *hog = kthread_create(stack_hog, NULL, "stack_hog");

	KTEST_ASSERT(!IS_ERR(hog));
	wake_up_process(hog);
	wait_for_completion(&hog_survived);
	kthread_stop(hog);
	KTEST_ASSERT(hog_reached_end);
	KTEST_FAIL("a stack run over its end went unnoticed");
}

static DEFINE_SPINLOCK(twice_lock);

static noinline void take_twice_second(void)
{
	spin_lock(&twice_lock);		/* we hold it: a certain deadlock */
	spin_unlock(&twice_lock);
}

static noinline void take_twice_first(void)
{
	spin_lock(&twice_lock);
	take_twice_second();
	spin_unlock(&twice_lock);
}

/* "BUG: spinlock recursion ..." naming both spin_lock() calls. */
KTEST_NAMED_ONLY(spinlock_recursion)
{
	take_twice_first();
	KTEST_FAIL("a spinlock taken twice went unnoticed");
}

static DEFINE_SPINLOCK(stolen_lock);
static DECLARE_COMPLETION(thief_done);

static int spin_thief(void *unused)
{
	preempt_disable();		/* the count a holder would raise */
	spin_unlock(&stolen_lock);	/* the test's lock, not ours */
	complete(&thief_done);
	return sleep_until_stopped(NULL);
}

static noinline void hold_stolen_lock(void)
{
	spin_lock(&stolen_lock);
}

/*
 * "BUG: spinlock wrong owner ...": another task releases our lock.  To
 * let it run while we hold the lock, we give back the preemption count
 * the lock raised -- which no real code may do -- and sleep.
 */
KTEST_NAMED_ONLY(spinlock_wrong_owner)
{
	struct task_struct *thief = kthread_create(spin_thief, NULL,
						   "spin_thief");

	KTEST_ASSERT(!IS_ERR(thief));
	hold_stolen_lock();
	preempt_enable_no_resched();
	wake_up_process(thief);
	wait_for_completion(&thief_done);
	kthread_stop(thief);
	KTEST_FAIL("a spinlock released by another task went unnoticed");
}

/* "BUG: spinlock already unlocked ...": an unlock without a lock. */
KTEST_NAMED_ONLY(spinlock_unlock_unlocked)
{
	static DEFINE_SPINLOCK(lock);

	preempt_disable();		/* the count spin_lock() would raise */
	spin_unlock(&lock);
	KTEST_FAIL("a spinlock released twice went unnoticed");
}

/* dequeue_task() without rq->lock: "BUG: spinlock not locked ...". */
KTEST_NAMED_ONLY(runqueue_op_without_the_lock)
{
	unsigned long flags;

	local_irq_save(flags);
	sched_selftest_requeue(false);
	local_irq_restore(flags);
	KTEST_FAIL("a run-queue operation without the lock went unnoticed");
}

/*
 * dequeue_task() under rq->lock but with interrupts on: BUG_ON().  Every
 * interrupt is held back first, with EFLAGS.IF still on: otherwise a
 * timer tick inside that window would take rq->lock in scheduler_tick()
 * and be reported first, as the spinlock recursion it also is -- whether
 * a tick comes there is a matter of timing.  With a local APIC, its task
 * priority 0xEF holds back every vector up to the timer's (0xEF) on this
 * CPU, the device interrupts among them; without one, every line is
 * masked at the 8259.
 */
KTEST_NAMED_ONLY(runqueue_op_with_interrupts_on)
{
	unsigned int tpr = 0;

	KTEST_ASSERT(!irqs_disabled());
	preempt_disable();		/* the task priority is this CPU's */
	if (lapic_enabled) {
		tpr = apic_read(APIC_TASKPRI);
		apic_write(APIC_TASKPRI, LOCAL_TIMER_VECTOR);
	} else {
		for (unsigned int irq = 0; irq < NR_IRQS; irq++)
			disable_irq(irq);
	}
	sched_selftest_requeue(true);
	if (lapic_enabled)
		apic_write(APIC_TASKPRI, tpr);
	preempt_enable();
	KTEST_FAIL("a run-queue operation with interrupts on went unnoticed");
}
