// SPDX-License-Identifier: GPL-2.0
/*
 * tests/ktest/sched_test.c - the scheduler and kernel threads: preemption,
 * priorities and time slices, the idle task, lazy TLB, wake-ups,
 * sleeping and timers, kthreads, the task list and stack reports.
 *
 * Each test runs in a kernel thread of its own (kernel/ktest.c).  Nothing
 * here waits for a sleep to have been long enough: a test waits for the
 * state it needs (ktest_wait_sleeping(), a completion, a condition on a
 * wait queue), and a thread that must not run yet is made with
 * kthread_create().  Spinners and sleepers are stopped or released by
 * cleanup actions, so a failed assertion leaves none behind.  (Making and
 * reaping tasks is tests/ktest/fork_test.c.)
 *
 * Most of these tests are about what one CPU does -- who preempts whom,
 * who waits for whose slice -- and first bind their thread to the CPU
 * it runs on (run_on_this_cpu(); the two that count CR3 loads per CPU
 * to CPU 0, ktest_stay_on_cpu(0)); the threads they fork inherit the
 * mask, and those made by kthread_create() are bound by hand.  With
 * several CPUs the scheduler would otherwise run them side by side.
 * tests/ktest/smp_sched_test.c is about several CPUs.
 */
#include <completion.h>
#include <cpumask.h>
#include <gfp.h>
#include <irq.h>
#include <kernel.h>
#include <kthread.h>
#include <ktest.h>
#include <mm_types.h>
#include <percpu.h>
#include <preempt.h>
#include <sched.h>
#include <slab.h>
#include <spinlock.h>
#include <stacktrace.h>
#include <string.h>
#include <timer.h>
#include <wait.h>
#include "pingpong.h"

/* The test's thread, and what it forks, run on its current CPU alone. */
static void run_on_this_cpu(void)
{
	unsigned int cpu = raw_smp_processor_id();

	KTEST_ASSERT_EQ(set_cpus_allowed(current, cpumask_of_cpu(cpu)), 0);
}

/* Spinners: kernel threads that never sleep, until spin_stop is set. */
static bool spin_stop;

static int spin_forever(void *arg)
{
	while (!READ_ONCE(spin_stop))
		;
	return 0;
}

static void stop_spinners(void *unused)
{
	WRITE_ONCE(spin_stop, true);
}

/* Start a spinner; a cleanup action stops it however the test ends. */
static int start_spinner(void)
{
	int pid;

	WRITE_ONCE(spin_stop, false);
	ktest_add_action(stop_spinners, NULL);
	pid = kernel_thread(spin_forever, NULL, 0);
	KTEST_ASSERT(pid > 0);
	return pid;
}

#define PERIODS 20
static unsigned long period_stamps[PERIODS];

/*
 * The ticks this CPU has taken (its kstat, as /proc/stat counts them),
 * not jiffies: with several CPUs, a host that holds this vCPU back lets
 * the others' ticks run on, and jiffies with them, while this CPU takes
 * one late tick when it resumes.  A wait for a hog's slice is counted in
 * this CPU's ticks whatever the host does.
 */
static unsigned long this_cpu_ticks(void)
{
	struct cpu_usage_stat *t;
	unsigned long ticks;

	preempt_disable();
	t = &__get_cpu_var(kstat).cpustat;
	ticks = READ_ONCE(t->user) + READ_ONCE(t->nice) +
		READ_ONCE(t->system) + READ_ONCE(t->softirq) +
		READ_ONCE(t->irq) + READ_ONCE(t->idle);
	preempt_enable();
	return ticks;
}

/*
 * @arg: the nice value to run at, as a daemon sets its own.  It starts
 * with the sleep average of the test that forked it, which may have been
 * busy (pid 1 is, at boot): it sleeps until the average is full, the
 * best bonus, as a daemon's is, before the periods count.
 */
static int periodic_every_10ms(void *arg)
{
	set_user_nice(current, (long)arg);
	while (current->prio > current->static_prio - 5)
		msleep(10);
	for (int i = 0; i < PERIODS; i++) {
		msleep(10);
		period_stamps[i] = this_cpu_ticks();
	}
	return 0;
}

/*
 * msleep(10) is 2 ticks, and the wake-up may be served up to 2 ticks late:
 * a host that held QEMU back delivers the ticks it owes in a burst.  A
 * thread that waited for a hog's slice would take 10 of its CPU's ticks
 * (both threads run on the test's CPU).
 * Return: the first period that took longer, or 0.
 */
static int late_period(void)
{
	for (int i = 1; i < PERIODS; i++)
		if (period_stamps[i] - period_stamps[i - 1] > 4)
			return i;
	return 0;
}

KTEST(preemption_spinner_cannot_stop_periodic_thread)
{
	int spinner_pid, periodic_pid, late;

	run_on_this_cpu();

	spinner_pid = start_spinner();
	/* At a daemon's priority (kthreadd and events run at nice -5). */
	periodic_pid = kernel_thread(periodic_every_10ms, (void *)-5L, 0);
	KTEST_ASSERT(periodic_pid > 0);

	/* We sleep; the spinner has the CPU except when preempted. */
	KTEST_ASSERT_EQ(do_wait(periodic_pid, NULL, 0), periodic_pid);
	ktest_release_action(stop_spinners, NULL);
	KTEST_ASSERT_EQ(do_wait(spinner_pid, NULL, 0), spinner_pid);

	late = late_period();
	if (late)
		KTEST_FAIL("period %d took %lu ticks: the spinner was not "
			   "preempted", late,
			   period_stamps[late] - period_stamps[late - 1]);
}

/*
 * While a spinner is runnable the idle task never runs, however long we
 * sleep; with nothing runnable it gets the ticks.  The first sleep proves
 * that something does not happen: its length only has to be a few ticks.
 */
KTEST(idle_task_gets_ticks_only_when_nothing_runs)
{
	struct task_struct *idle;
	unsigned long idle_before;
	int pid;

	run_on_this_cpu();
	idle = idle_task(raw_smp_processor_id());

	pid = start_spinner();
	idle_before = idle->stime;
	msleep(100);			/* the spinner runs, not idle */
	KTEST_EXPECT_EQ(idle->stime, idle_before);
	ktest_release_action(stop_spinners, NULL);
	KTEST_ASSERT_EQ(do_wait(pid, NULL, 0), pid);

	idle_before = idle->stime;
	msleep(100);			/* nothing runnable: idle's turn */
	KTEST_EXPECT(idle->stime - idle_before >= 5);
}

static void stop_ping_pong(void *unused)
{
	ping_pong_stop();
}

static void put_mm(void *mm)
{
	mmput(mm);
}

static void stop_using_mm(void *mm)
{
	unuse_mm(mm);
}

/*
 * CR3 loads and context switches are counted per CPU: the test and the
 * threads it forks (fork copies the mask) stay on CPU 0 to count them.
 */
/*
 * 10,000 switches between two kernel threads forked after use_mm(): with
 * CLONE_VM they share the test's mm, so switch_mm() sees the same mm on
 * both sides and loads CR3 zero times.  (docs/gdb.md and test_gdb.py
 * watch this test's switches; lazy TLB has the test below.)
 */
KTEST(ping_pong_switches_load_cr3_zero_times)
{
	struct mm_struct *mm = mm_alloc();
	unsigned long long switches;
	unsigned long loads;
	int a, b;

	KTEST_ASSERT(mm != NULL);
	ktest_add_action(put_mm, mm);
	ktest_stay_on_cpu(0);
	use_mm(mm);
	ktest_add_action(stop_using_mm, mm);
	ping_pong_start(0);
	ktest_add_action(stop_ping_pong, NULL);
	loads = cr3_load_count();
	switches = nr_context_switches();
	a = kernel_thread(ping, NULL, 0);
	KTEST_ASSERT(a > 0);
	b = kernel_thread(pong, NULL, 0);
	KTEST_ASSERT(b > 0);
	KTEST_EXPECT_EQ(do_wait(a, NULL, 0), a);
	KTEST_EXPECT_EQ(do_wait(b, NULL, 0), b);
	KTEST_EXPECT_EQ(cr3_load_count(), loads);
	KTEST_EXPECT(nr_context_switches() - switches >= 2 * PING_PONG_ROUNDS);
	ktest_release_action(stop_using_mm, mm);
	ktest_release_action(put_mm, mm);
}

/*
 * Lazy TLB: the same ping-pong between threads forked before use_mm(),
 * so without an mm of their own.  Each switch to one borrows the mm that
 * is loaded, a process's and not init_mm, and must not load CR3; each
 * borrow takes an mm_count that finish_task_switch() gives back.
 */
KTEST(kernel_threads_borrow_the_loaded_mm_without_cr3_loads)
{
	struct mm_struct *mm = mm_alloc();
	unsigned long loads;
	int a, b, mm_count;

	KTEST_ASSERT(mm != NULL);
	ktest_add_action(put_mm, mm);
	ktest_stay_on_cpu(0);
	ping_pong_start(-1);		/* nobody's turn until we are set */
	ktest_add_action(stop_ping_pong, NULL);
	a = kernel_thread(ping, NULL, 0);
	KTEST_ASSERT(a > 0);
	b = kernel_thread(pong, NULL, 0);
	KTEST_ASSERT(b > 0);
	KTEST_EXPECT(find_task_by_pid(a)->mm == NULL);
	use_mm(mm);
	ktest_add_action(stop_using_mm, mm);
	mm_count = atomic_read(&mm->mm_count);
	loads = cr3_load_count();
	WRITE_ONCE(ping_pong_turn, 0);
	wake_up(&ping_wq);
	KTEST_EXPECT_EQ(do_wait(a, NULL, 0), a);
	KTEST_EXPECT_EQ(do_wait(b, NULL, 0), b);
	KTEST_EXPECT_EQ(cr3_load_count(), loads);
	/* We run: nobody holds a borrowed reference any more. */
	KTEST_EXPECT_EQ(atomic_read(&mm->mm_count), mm_count);
	ktest_release_action(stop_using_mm, mm);
	ktest_release_action(put_mm, mm);
}

/* urgent(): a thread that waits for urgent_go, then notes that it ran. */
static DECLARE_WAIT_QUEUE_HEAD(urgent_wq);
static bool urgent_go, urgent_ran;

static int urgent(void *arg)
{
	wait_event(urgent_wq, READ_ONCE(urgent_go));
	WRITE_ONCE(urgent_ran, true);
	return 0;
}

static void release_urgent(void *unused)
{
	WRITE_ONCE(urgent_go, true);
	wake_up(&urgent_wq);
}

/*
 * Start urgent() at nice -10 and wait until it sleeps.  (It preempts us
 * at once -- set_user_nice() is a preemption point -- but a tick can end
 * its time slice, half of ours, before it reaches its wait: then it runs
 * after us.)
 */
static struct task_struct *start_urgent(int *pid)
{
	struct task_struct *t;

	urgent_go = urgent_ran = false;
	ktest_add_action(release_urgent, NULL);
	*pid = kernel_thread(urgent, NULL, 0);
	KTEST_ASSERT(*pid > 0);
	t = find_task_by_pid(*pid);
	set_user_nice(t, -10);
	ktest_wait_sleeping(t, TASK_UNINTERRUPTIBLE);
	return t;
}

KTEST(higher_priority_wakeup_preempts_at_once)
{
	int pid;

	run_on_this_cpu();

	start_urgent(&pid);
	WRITE_ONCE(urgent_go, true);
	wake_up(&urgent_wq);
	/* No sleep, no yield in between: the wake-up itself switched. */
	KTEST_EXPECT(READ_ONCE(urgent_ran));
	KTEST_EXPECT_EQ(do_wait(pid, NULL, 0), pid);
}

/*
 * The race every wait loop has: a wake-up that preempts us after we set
 * a sleeping state but before schedule().  We must stay on the run queue
 * (PREEMPT_ACTIVE) and run again with no wake-up of our own; the switch
 * counts as involuntary, never as voluntary (a tick may preempt us once
 * more in between: that one is involuntary too).  With trace=sched, the
 * run's dump must show it so (tests/system/test_trace.py).
 */
KTEST(preempted_sleeper_stays_runnable)
{
	unsigned long nivcsw, nvcsw;
	int pid;

	run_on_this_cpu();

	start_urgent(&pid);
	nivcsw = current->nivcsw;
	nvcsw = current->nvcsw;
	set_current_state(TASK_INTERRUPTIBLE);
	WRITE_ONCE(urgent_go, true);
	wake_up(&urgent_wq);		/* preempts us, asleep in name only */
	__set_current_state(TASK_RUNNING);
	KTEST_EXPECT(READ_ONCE(urgent_ran));
	KTEST_EXPECT(current->nivcsw >= nivcsw + 1);
	KTEST_EXPECT_EQ(current->nvcsw, nvcsw);
	KTEST_EXPECT_EQ(do_wait(pid, NULL, 0), pid);
}

/*
 * A more important task woken inside preempt_disable() or spin_lock()
 * waits until the section ends; preempt_enable() and spin_unlock() are
 * preemption points: it has run by the next line, without a sleep or a
 * yield.
 */
KTEST(preempt_enable_and_spin_unlock_are_preemption_points)
{
	static DEFINE_SPINLOCK(lock);

	run_on_this_cpu();

	for (int locked = 0; locked < 2; locked++) {
		bool ran_inside;
		int pid;

		start_urgent(&pid);
		if (locked)
			spin_lock(&lock);
		else
			preempt_disable();
		WRITE_ONCE(urgent_go, true);
		wake_up(&urgent_wq);
		ran_inside = READ_ONCE(urgent_ran);
		if (locked)
			spin_unlock(&lock);
		else
			preempt_enable();
		KTEST_EXPECT(!ran_inside);
		KTEST_EXPECT(READ_ONCE(urgent_ran));
		KTEST_ASSERT_EQ(do_wait(pid, NULL, 0), pid);
	}
}

/*
 * wake_up_interruptible() wakes only TASK_INTERRUPTIBLE sleepers: a
 * thread in wait_event() (TASK_UNINTERRUPTIBLE) sleeps on even though
 * its condition is true, until a wake_up().  A wake-up is synchronous:
 * had it woken the thread, the thread would be runnable on return.
 */
KTEST(wake_up_interruptible_leaves_uninterruptible_sleepers)
{
	struct task_struct *t;
	int pid;

	urgent_go = urgent_ran = false;
	ktest_add_action(release_urgent, NULL);
	pid = kernel_thread(urgent, NULL, 0);
	KTEST_ASSERT(pid > 0);
	t = find_task_by_pid(pid);
	ktest_wait_sleeping(t, TASK_UNINTERRUPTIBLE);
	KTEST_EXPECT_EQ(task_state_char(t), 'D');
	WRITE_ONCE(urgent_go, true);
	wake_up_interruptible(&urgent_wq);
	KTEST_EXPECT(task_sleeping(t, TASK_UNINTERRUPTIBLE));
	wake_up(&urgent_wq);
	KTEST_EXPECT_EQ(do_wait(pid, NULL, 0), pid);
	KTEST_EXPECT(READ_ONCE(urgent_ran));
}

KTEST(msleep_100ms_at_most_two_ticks_late)
{
	unsigned long start = jiffies;
	u64 t0 = sched_clock(), ns;
	unsigned long ticks;

	msleep(100);
	ticks = jiffies - start;
	ns = sched_clock() - t0;
	/*
	 * Wall time is information only: a host that held QEMU back delivers
	 * the ticks it owes in a burst, so 11 ticks may take 93 ms.
	 */
	printk(KERN_INFO "ktest: msleep(100) took %lu ticks, %llu us\n", ticks,
	       ns / 1000);
	KTEST_EXPECT(ticks >= 10 && ticks <= 12);
}

static int stop_result;

static void stop_kthread(void *k)
{
	stop_result = kthread_stop(k);
}

/* Wait until a kthread that has ended is gone: reaped, its pid free. */
static void wait_kthread_gone(struct task_struct *k)
{
	ktest_wait_sleeping(k, TASK_DEAD);
	put_task_struct(k);
}

static DECLARE_COMPLETION(stoppable_started);

static int stoppable(void *arg)
{
	complete(&stoppable_started);
	while (!kthread_should_stop())
		msleep(5);
	return 77;
}

KTEST(kthread_stop_returns_value)
{
	struct task_struct *k;
	int pid;

	init_completion(&stoppable_started);
	k = kthread_run(stoppable, NULL, "ktest-stop/%d", 3);
	KTEST_ASSERT(!IS_ERR(k));
	ktest_add_action(stop_kthread, k);
	KTEST_EXPECT(!strcmp(k->comm, "ktest-stop/3"));
	/* What makes it a kernel thread (ULK 3rd ed., ch. 3, Kernel Threads). */
	KTEST_EXPECT(k->mm == NULL);
	KTEST_EXPECT(k->flags & PF_KTHREAD);
	KTEST_EXPECT(k->files == NULL);
	KTEST_EXPECT(k->parent == kthreadd_task);
	KTEST_EXPECT(k->clone_flags & CLONE_VM);
	KTEST_EXPECT(k->clone_flags & CLONE_UNTRACED);
	/* Its function runs: stopping it now must return what it returns. */
	wait_for_completion(&stoppable_started);
	pid = k->pid;
	get_task_struct(k);
	ktest_release_action(stop_kthread, k);
	KTEST_EXPECT_EQ(stop_result, 77);
	/* kthreadd ignores SIGCHLD: its child reaped itself, pid freed. */
	wait_kthread_gone(k);
	KTEST_EXPECT(find_task_by_pid(pid) == NULL);
	KTEST_EXPECT(!pid_in_use(pid));
}

static int must_not_run(void *arg)
{
	*(bool *)arg = true;
	return 0;
}

KTEST(kthread_stop_before_wakeup_gives_eintr)
{
	static bool ran;
	struct task_struct *k;

	ran = false;
	k = kthread_create(must_not_run, &ran, "ktest-eintr");
	KTEST_ASSERT(!IS_ERR(k));
	KTEST_EXPECT_EQ(k->state, TASK_UNINTERRUPTIBLE);
	get_task_struct(k);
	KTEST_EXPECT_EQ(kthread_stop(k), -EINTR);
	wait_kthread_gone(k);
	KTEST_EXPECT(!ran);
}

KTEST(init_task_is_pid0_and_never_queued)
{
	KTEST_EXPECT_EQ(init_task.pid, 0);
	KTEST_EXPECT(!strcmp(init_task.comm, "swapper/0"));
	KTEST_EXPECT(idle_task(0) == &init_task);
	KTEST_EXPECT(!task_on_runqueue(&init_task));
	KTEST_EXPECT(init_task.mm == NULL);
	KTEST_EXPECT(init_task.thread_info == &init_thread_union.thread_info);
	KTEST_EXPECT_EQ(init_task.prio, MAX_PRIO);
	/* We run: on the run queue, a child of init, which process 0 made. */
	KTEST_EXPECT(task_on_runqueue(current));
	KTEST_EXPECT(current->parent == child_reaper);
	KTEST_EXPECT_EQ(child_reaper->pid, 1);
	KTEST_EXPECT(child_reaper->parent == &init_task);
	KTEST_EXPECT(kthreadd_task && kthreadd_task->pid == 2);
	KTEST_EXPECT(kthreadd_task->parent == &init_task);
}

static DECLARE_COMPLETION(timer_done);
static unsigned long timer_fired_at;

static void note_timer(unsigned long data)
{
	timer_fired_at = jiffies;
	complete(&timer_done);
}

static void cancel_timer(void *timer)
{
	del_timer_sync(timer);
}

KTEST(timers_fire_and_can_be_cancelled)
{
	/* Static: cleanup actions run after this function has returned. */
	static struct timer_list t, never;
	unsigned long start = jiffies;

	timer_fired_at = 0;
	init_completion(&timer_done);
	setup_timer(&t, note_timer, 0);
	setup_timer(&never, note_timer, 0);
	/* They must not outlive the test, however it ends. */
	ktest_add_action(cancel_timer, &t);
	ktest_add_action(cancel_timer, &never);
	t.expires = start + 5;
	add_timer(&t);
	/* Far enough ahead that no delay of ours lets it fire first. */
	KTEST_EXPECT_EQ(mod_timer(&never, start + 10 * HZ), 0);
	KTEST_EXPECT_EQ(mod_timer(&never, start + 20 * HZ), 1);
	KTEST_EXPECT_EQ(del_timer(&never), 1);
	KTEST_EXPECT_EQ(del_timer(&never), 0);
	wait_for_completion(&timer_done);
	KTEST_EXPECT(time_after_eq(timer_fired_at, start + 5));
	KTEST_EXPECT(!timer_pending(&t));
}

KTEST(wait_event_timeout_and_completions)
{
	static DECLARE_WAIT_QUEUE_HEAD(never_wq);
	struct completion done;
	unsigned long start = jiffies;

	KTEST_EXPECT_EQ(wait_event_timeout(never_wq, false, 5), 0);
	KTEST_EXPECT(jiffies - start >= 5);
	init_completion(&done);
	complete(&done);		/* before anyone waits: remembered */
	KTEST_EXPECT_EQ(wait_for_completion_timeout(&done, 100) > 0, 1);
	KTEST_EXPECT_EQ(wait_for_completion_timeout(&done, 3), 0);
}

static bool fifo_ran;

static int note_fifo_run(void *arg)
{
	WRITE_ONCE(fifo_ran, true);
	return 0;
}

/*
 * The thread is made asleep (kthread_create()), so it cannot have run
 * before it is made real-time; once woken it beats us, nice 0, at once.
 */
KTEST(sched_fifo_runs_before_normal_tasks)
{
	struct task_struct *t;

	run_on_this_cpu();

	fifo_ran = false;
	t = kthread_create(note_fifo_run, NULL, "ktest-fifo");
	KTEST_ASSERT(!IS_ERR(t));
	get_task_struct(t);
	KTEST_ASSERT_EQ(set_cpus_allowed(t, current->cpus_allowed), 0);
	KTEST_EXPECT_EQ(sched_setscheduler(t, SCHED_FIFO, 0), -EINVAL);
	KTEST_EXPECT_EQ(sched_setscheduler(t, SCHED_NORMAL, 3), -EINVAL);
	KTEST_EXPECT_EQ(sched_setscheduler(t, 7, 1), -EINVAL);
	KTEST_EXPECT_EQ(sched_setscheduler(t, SCHED_FIFO, 20), 0);
	KTEST_EXPECT(!READ_ONCE(fifo_ran));
	wake_up_process(t);
	/* Real time beats nice 0 at once: it has run already. */
	KTEST_EXPECT(READ_ONCE(fifo_ran));
	wait_kthread_gone(t);
}

KTEST(show_tasks_lists_processes_and_kernel_threads)
{
	static char tail[8192];	/* the whole table at -smp 8 */
	struct task_struct *k = kthreadd_task;
	char line[96], me[32], active_mm[12];
	unsigned long n, seconds;

	/* kthreadd sleeps: its numbers hold still while they are printed. */
	ktest_wait_sleeping(k, TASK_INTERRUPTIBLE);
	/* And init waits for us (we may have run before it got there). */
	ktest_wait_sleeping(child_reaper, TASK_INTERRUPTIBLE);
	if (k->active_mm)
		snprintf(active_mm, sizeof(active_mm), "%08lx",
			 (unsigned long)k->active_mm);
	else
		snprintf(active_mm, sizeof(active_mm), "-");
	seconds = (k->utime + k->stime) / HZ;
	snprintf(line, sizeof(line), "    2     0 S %08lx        - %9s %3d "
		 "%3lu:%02lu [kthreadd]\n", k->flags, active_mm, k->prio,
		 seconds / 60, seconds % 60);
	snprintf(me, sizeof(me), "%5d %5d R ", current->pid,
		 current->parent->pid);
	show_tasks();
	n = log_buf_copy(tail, sizeof(tail) - 1);
	tail[n] = '\0';
	KTEST_EXPECT(strstr(tail, "  PID  PPID S    FLAGS       MM ACTIVE_MM PRI"
			    "   TIME COMMAND"));
	/* Process 0 and kthreadd are kernel threads: [name], no mm. */
	KTEST_EXPECT(strstr(tail, "[swapper/0]"));
	KTEST_EXPECT(strstr(tail, "[kthreadd]"));
	KTEST_EXPECT(strstr(tail, "    2     0 S 00200040        - "));
	/* Every column in its place: active_mm, prio, time. */
	if (!strstr(tail, line))
		KTEST_FAIL("no line \"%s\" in:\n%s", line, tail);
	/* We run; init, the runner, waits for us. */
	KTEST_EXPECT(strstr(tail, me));
	KTEST_EXPECT(strstr(tail, "    1     0 S "));
}

static bool names_in(const char *text, const char *const names[])
{
	for (int i = 0; names[i]; i++)
		if (!strstr(text, names[i]))
			return false;
	return true;
}

KTEST(task_stack_of_sleeping_kthread_shows_kernel_functions)
{
	static const char *const expected[] = {
		"] switch_to+", "] schedule+", "] kthreadd+",
		"] kernel_thread_helper+", NULL,
	};
	static char text[2048];

	/* kthreadd asleep, waiting for requests */
	ktest_wait_sleeping(kthreadd_task, TASK_INTERRUPTIBLE);
	KTEST_EXPECT_EQ(task_state_char(kthreadd_task), 'S');
	KTEST_ASSERT(sprint_task_stack(kthreadd_task, text, sizeof(text)) > 0);
	if (!names_in(text, expected))
		KTEST_FAIL("unexpected stack:\n%s", text);
	/* Nothing but kernel addresses on a kernel thread's stack. */
	for (const char *p = text; (p = strstr(p, "[<")); p += 2)
		KTEST_EXPECT(p[2] == 'c');
}

static void count_frame(void *data, unsigned long addr)
{
	(*(int *)data)++;
}

static void free_four_pages(void *addr)
{
	free_pages((unsigned long)addr, 2);
}

/* Frames that point anywhere: the walk must stop, never fault. */
KTEST(stack_walk_survives_a_corrupt_chain)
{
	/* Two more pages above the stack, for a frame just outside it. */
	struct thread_info *ti =
		(struct thread_info *)__get_free_pages(GFP_KERNEL, 2);
	unsigned long *stack = (unsigned long *)ti;
	unsigned long top = (unsigned long)ti + THREAD_SIZE;
	int words = THREAD_SIZE / sizeof(long), frames = 0;

	KTEST_ASSERT(ti != NULL);
	ktest_add_action(free_four_pages, ti);
	/* A loop: frame A -> frame B -> frame A. */
	stack[words - 8] = (unsigned long)&stack[words - 4];
	stack[words - 7] = (unsigned long)schedule;
	stack[words - 4] = (unsigned long)&stack[words - 8];
	stack[words - 3] = (unsigned long)schedule;
	KTEST_EXPECT(walk_stack(ti, (unsigned long)&stack[words - 8],
				count_frame, &frames) <= 2);
	/* Pointers out of the stack, unaligned, into the thread_info. */
	KTEST_EXPECT_EQ(walk_stack(ti, 0xdeadbeef, count_frame, &frames), 0);
	KTEST_EXPECT_EQ(walk_stack(ti, top - 2, count_frame, &frames), 0);
	KTEST_EXPECT_EQ(walk_stack(ti, (unsigned long)ti, count_frame,
				   &frames), 0);
	stack[words - 8] = 0x12345678;	/* leads outside: one frame, stop */
	KTEST_EXPECT_EQ(walk_stack(ti, (unsigned long)&stack[words - 8],
				   count_frame, &frames), 1);
	/* Upwards but past the top, into a well-formed frame: stop too. */
	stack[words] = (unsigned long)&stack[words + 4];
	stack[words + 1] = (unsigned long)schedule;
	stack[words - 8] = (unsigned long)&stack[words];
	KTEST_EXPECT_EQ(walk_stack(ti, (unsigned long)&stack[words - 8],
				   count_frame, &frames), 1);
}

/*
 * Same nice value, different behaviour: the hog's sleep average runs down
 * and its priority with it, the thread that mostly sleeps gains a bonus
 * and preempts the hog each time it wakes (Linux 2.6's interactivity).
 */
KTEST(sleep_average_lets_a_sleeper_preempt_a_hog)
{
	struct task_struct *hog;
	int spinner_pid, periodic_pid, late;

	run_on_this_cpu();

	spinner_pid = start_spinner();
	hog = find_task_by_pid(spinner_pid);
	/* Its sleep average (ours, when it was forked) runs out. */
	while (READ_ONCE(hog->prio) <= hog->static_prio)
		schedule_timeout_uninterruptible(1);

	periodic_pid = kernel_thread(periodic_every_10ms, (void *)0L, 0);
	KTEST_ASSERT(periodic_pid > 0);
	KTEST_ASSERT_EQ(do_wait(periodic_pid, NULL, 0), periodic_pid);
	KTEST_EXPECT(hog->prio > NICE_TO_PRIO(0));
	ktest_release_action(stop_spinners, NULL);
	KTEST_ASSERT_EQ(do_wait(spinner_pid, NULL, 0), spinner_pid);

	late = late_period();
	if (late)
		KTEST_FAIL("period %d took %lu ticks: the sleeper waited for "
			   "the hog's slice", late,
			   period_stamps[late] - period_stamps[late - 1]);
}

/*
 * Spin with preemption off until scheduler_tick() has ended our slice
 * (it refills it: time_slice goes up), and say which array it put us on.
 */
static bool expired_after_slice_end(void)
{
	unsigned int before = READ_ONCE(current->time_slice), now;
	bool expired;

	preempt_disable();
	while ((now = READ_ONCE(current->time_slice)) <= before) {
		before = now;
		cpu_relax();
	}
	expired = task_expired(current);
	preempt_enable();
	return expired;
}

/* @arg: where to say whether its slice ended on the expired array. */
static int sleeper_then_spinner(void *arg)
{
	/* Asleep until its sleep average is full: the best bonus, -5. */
	while (current->prio > current->static_prio - 5)
		msleep(50);
	*(bool *)arg = expired_after_slice_end();
	return 0;
}

static int hog_then_spinner(void *arg)
{
	/* On the CPU until its sleep average has run down: a penalty. */
	while (READ_ONCE(current->prio) <= current->static_prio)
		cpu_relax();
	*(bool *)arg = expired_after_slice_end();
	return 0;
}

/*
 * Linux 2.6's interactivity rule: a task whose slice runs out goes to the
 * expired array and waits for the round to end -- unless it mostly sleeps
 * (TASK_INTERACTIVE()): then it goes back to the active array, so that a
 * hog's slice never delays it.  Each thread spins past the end of its
 * slice with preemption off, so that it sees where scheduler_tick() put
 * it before anything can move it again.
 */
KTEST(interactive_task_stays_on_the_active_array)
{
	static bool sleeper_expired, hog_expired;
	int pid;

	run_on_this_cpu();

	sleeper_expired = hog_expired = true;
	pid = kernel_thread(sleeper_then_spinner, &sleeper_expired, 0);
	KTEST_ASSERT(pid > 0);
	KTEST_ASSERT_EQ(do_wait(pid, NULL, 0), pid);
	KTEST_EXPECT(!sleeper_expired);

	hog_expired = false;
	pid = kernel_thread(hog_then_spinner, &hog_expired, 0);
	KTEST_ASSERT(pid > 0);
	KTEST_ASSERT_EQ(do_wait(pid, NULL, 0), pid);
	KTEST_EXPECT(hog_expired);
}

/*
 * yield() puts the caller behind every other runnable task: two threads
 * that yield in a loop take turns.  Without it each loop would finish in
 * one go (it is far shorter than a time slice).
 */
#define YIELDS 100
static DECLARE_WAIT_QUEUE_HEAD(yield_wq);
static bool yield_go;
static int yield_last, yield_turns;

static int yield_in_a_loop(void *arg)
{
	int me = (int)(long)arg;

	wait_event(yield_wq, READ_ONCE(yield_go));
	for (int i = 0; i < YIELDS; i++) {
		if (READ_ONCE(yield_last) != me) {
			WRITE_ONCE(yield_last, me);
			yield_turns++;
		}
		yield();
	}
	return 0;
}

static void release_yielders(void *unused)
{
	WRITE_ONCE(yield_go, true);
	wake_up_all(&yield_wq);
}

KTEST(yield_lets_the_other_task_run)
{
	int a, b;

	run_on_this_cpu();

	yield_go = false;
	yield_last = yield_turns = 0;
	ktest_add_action(release_yielders, NULL);
	a = kernel_thread(yield_in_a_loop, (void *)1, 0);
	KTEST_ASSERT(a > 0);
	b = kernel_thread(yield_in_a_loop, (void *)2, 0);
	KTEST_ASSERT(b > 0);
	/* Both asleep on yield_wq, so that they start together. */
	ktest_wait_sleeping(find_task_by_pid(a), TASK_UNINTERRUPTIBLE);
	ktest_wait_sleeping(find_task_by_pid(b), TASK_UNINTERRUPTIBLE);
	ktest_release_action(release_yielders, NULL);
	KTEST_EXPECT_EQ(do_wait(a, NULL, 0), a);
	KTEST_EXPECT_EQ(do_wait(b, NULL, 0), b);
	printk(KERN_INFO "ktest: %d turns in %d yields each\n", yield_turns,
	       YIELDS);
	/* Strict alternation gives 2 * YIELDS; unequal priorities half. */
	KTEST_EXPECT(yield_turns >= YIELDS / 2);
}

/*
 * Ticks the two hogs share, about 10 rounds: the first round is not a
 * fair sample (each hog starts with half of its parent's slice, up to 5
 * ticks, whatever its nice value), and fewer rounds let it decide.
 */
#define SHARED_TICKS	110

/*
 * Two CPU hogs, nice 0 and nice 19: each round the first runs its 100 ms
 * slice, the second its one-tick (10 ms) one (task_timeslice()), so the
 * first gets about ten times the ticks -- and the second still gets some:
 * the expired array makes sure every runnable task has a turn each round.
 * Measured over SHARED_TICKS of their time, not over a sleep of ours.
 */
KTEST(time_slice_scales_with_nice)
{
	struct task_struct *fast, *slow;
	unsigned long fast_ticks, slow_ticks;
	int fast_pid, slow_pid;

	run_on_this_cpu();

	fast_pid = start_spinner();
	slow_pid = kernel_thread(spin_forever, NULL, 0);
	KTEST_ASSERT(slow_pid > 0);
	fast = find_task_by_pid(fast_pid);
	slow = find_task_by_pid(slow_pid);
	set_user_nice(slow, 19);
	fast_ticks = fast->stime;
	slow_ticks = slow->stime;
	while (fast->stime - fast_ticks + slow->stime - slow_ticks <
	       SHARED_TICKS)
		schedule_timeout_uninterruptible(1);
	fast_ticks = fast->stime - fast_ticks;
	slow_ticks = slow->stime - slow_ticks;
	ktest_release_action(stop_spinners, NULL);
	KTEST_EXPECT_EQ(do_wait(fast_pid, NULL, 0), fast_pid);
	KTEST_EXPECT_EQ(do_wait(slow_pid, NULL, 0), slow_pid);
	printk(KERN_INFO "ktest: nice 0 had %lu ticks, nice 19 %lu\n",
	       fast_ticks, slow_ticks);
	KTEST_EXPECT(slow_ticks >= 1);
	KTEST_EXPECT(fast_ticks >= 4 * slow_ticks);
}
