// SPDX-License-Identifier: GPL-2.0
/*
 * tests/ktest/sched_test.c - processes and the scheduler: fork, exit and
 * reaping, a thousand threads, leaks under fault injection, preemption,
 * the idle task, lazy TLB, wake-up preemption, sleeping, kthreads.
 *
 * The tests run in pid 1 (init), a kernel thread.  Threads made with
 * kernel_thread() here are init's children and are reaped with
 * do_wait(); kthread_create() threads belong to kthreadd.
 */
#include <bitops.h>
#include <completion.h>
#include <file.h>
#include <fs_struct.h>
#include <gfp.h>
#include <kernel.h>
#include <kthread.h>
#include <ktest.h>
#include <mm_types.h>
#include <sched.h>
#include <signal.h>
#include <slab.h>
#include <spinlock.h>
#include <stacktrace.h>
#include <string.h>
#include <timer.h>
#include <wait.h>
#include "pingpong.h"

extern spinlock_t tasklist_lock;

/*
 * Free pages with the slab's cached empty slabs given back.  The sleep
 * first lets a reaped child that was preempted between exit_notify() and
 * its last schedule() finish: its task_struct and stack go only then.
 */
static unsigned long settled_free_pages(void)
{
	msleep(10);
	kmem_cache_shrink_all();
	return nr_free_pages();
}

static int return_arg(void *arg)
{
	return (int)(long)arg;
}

static int exit_seven(void *arg)
{
	do_exit(7);
}

KTEST(kernel_thread_return_value_reaches_do_exit)
{
	long code = 0;
	int pid = kernel_thread(return_arg, (void *)42, 0);

	KTEST_ASSERT(pid > 0);
	KTEST_EXPECT_EQ(do_wait(pid, &code, 0), pid);
	KTEST_EXPECT_EQ(code, 42);
	/* The pid went back to the bitmap when the child was reaped. */
	KTEST_ASSERT(!pid_in_use(pid));
}

KTEST(fork_exit_codes_and_wait)
{
	static const long codes[] = { 0, 255, -5, 123456 };
	int pids[ARRAY_SIZE(codes) + 1];
	long code;
	int left;

	for (unsigned int i = 0; i < ARRAY_SIZE(codes); i++) {
		pids[i] = kernel_thread(return_arg, (void *)codes[i], 0);
		KTEST_ASSERT(pids[i] > 0);
	}
	pids[ARRAY_SIZE(codes)] = kernel_thread(exit_seven, NULL, 0);
	/* Reap in any order: each pid comes back with its own code. */
	for (left = ARRAY_SIZE(codes) + 1; left; left--) {
		long pid = do_wait(-1, &code, 0);
		unsigned int i;

		KTEST_ASSERT(pid > 0);
		for (i = 0; i < ARRAY_SIZE(pids) && pids[i] != pid; i++)
			;
		KTEST_ASSERT(i < ARRAY_SIZE(pids));
		KTEST_EXPECT_EQ(code, i < ARRAY_SIZE(codes) ? codes[i] : 7);
		pids[i] = 0;
	}
	KTEST_EXPECT_EQ(do_wait(-1, &code, 0), -ECHILD);
	KTEST_EXPECT_EQ(do_wait(2, &code, 0), -ECHILD);	/* not a child */
}

static DECLARE_WAIT_QUEUE_HEAD(hold_wq);
static bool hold_release;
static atomic_t hold_alive;

static int hold_until_released(void *arg)
{
	atomic_inc(&hold_alive);
	wait_event(hold_wq, READ_ONCE(hold_release));
	atomic_dec(&hold_alive);
	return (int)(long)arg;
}

#define MANY 1000

KTEST(thousand_kernel_threads_alive_at_once)
{
	static int pids[MANY];
	int threads_before = nr_threads;
	long code;

	WRITE_ONCE(hold_release, false);
	atomic_set(&hold_alive, 0);
	for (int i = 0; i < MANY; i++) {
		pids[i] = kernel_thread(hold_until_released, (void *)(long)i,
					0);
		KTEST_ASSERT(pids[i] > 0);
	}
	for (int waited = 0; atomic_read(&hold_alive) < MANY; waited++) {
		KTEST_ASSERT(waited < 1000);
		msleep(10);
	}
	KTEST_EXPECT_EQ(nr_threads, threads_before + MANY);
	WRITE_ONCE(hold_release, true);
	wake_up_all(&hold_wq);
	for (int i = 0; i < MANY; i++) {
		KTEST_EXPECT_EQ(do_wait(pids[i], &code, 0), pids[i]);
		KTEST_EXPECT_EQ(code, i);
	}
	KTEST_EXPECT_EQ(nr_threads, threads_before);
}

KTEST(ten_thousand_create_exit_cycles_leak_nothing)
{
	unsigned long before = settled_free_pages();
	unsigned long objects = kmem_cache_active_objects();
	long code;

	for (int i = 0; i < 10000; i++) {
		int pid = kernel_thread(return_arg, (void *)(long)i, 0);

		KTEST_ASSERT(pid > 0);
		KTEST_EXPECT_EQ(do_wait(pid, &code, 0), pid);
		KTEST_EXPECT_EQ(code, i);
	}
	KTEST_EXPECT_EQ(settled_free_pages(), before);
	KTEST_EXPECT_EQ(kmem_cache_active_objects(), objects);
}

/*
 * Fork with fork_one() while the n-th allocation from now fails, for
 * n = 1, 2, ... until a fork gets through with every allocation made:
 * each failure must be -ENOMEM and give back every page and slab object
 * it took.  *@failures: how many allocations a fork makes.
 */
static void fork_failures_leak_nothing(long (*fork_one)(void), int *failures)
{
	*failures = 0;
	for (int n = 1; n < 100; n++) {
		unsigned long before = settled_free_pages();
		unsigned long objects = kmem_cache_active_objects();
		int threads = nr_threads;
		long pid;

		fail_alloc_after(n);
		pid = fork_one();
		if (pid > 0) {
			KTEST_EXPECT_EQ(do_wait(pid, NULL, 0), pid);
			if (fail_alloc_pending()) {
				/* Every allocation of a fork has been failed. */
				fail_alloc_after(0);
				return;
			}
		} else {
			KTEST_EXPECT_EQ(pid, -ENOMEM);
			(*failures)++;
		}
		fail_alloc_after(0);
		KTEST_EXPECT_EQ(nr_threads, threads);
		if (settled_free_pages() != before)
			KTEST_FAIL("failing allocation %d of a fork leaked %ld "
				   "pages", n,
				   (long)before - (long)settled_free_pages());
		if (kmem_cache_active_objects() != objects)
			KTEST_FAIL("failing allocation %d of a fork leaked %ld "
				   "slab objects", n,
				   (long)kmem_cache_active_objects() -
				   (long)objects);
	}
	KTEST_FAIL("no fork got through in 99 tries");
}

static long fork_kernel_thread(void)
{
	return kernel_thread(return_arg, NULL, 0);
}

KTEST(failed_forks_leak_nothing)
{
	int failures;

	fork_failures_leak_nothing(fork_kernel_thread, &failures);
	printk(KERN_INFO "ktest: a fork makes %d allocations; each failure "
	       "was unwound\n", failures);
	/* task_struct, stack, files, fs, sighand, signal at least */
	KTEST_ASSERT(failures >= 6);
}

static long fork_process(void)
{
	struct pt_regs regs;

	kernel_thread_regs(&regs, return_arg, NULL);
	return do_fork(0, 0, &regs, 0);
}

/*
 * A process's fork (no CLONE_VM) also copies its address space in
 * dup_mm(): the mm_struct, the page directory, each page table and each
 * page is one more allocation that can fail, and copy_process() must
 * unwind past copy_mm() too.  Pid 1 takes a small address space of its
 * own (use_mm()) with pages under two page tables, and forks children
 * that start like kernel threads but each get a copy of it.
 */
KTEST(failed_process_forks_leak_nothing)
{
	static const unsigned long addrs[] = { 0x08048000, 0x08049000,
					       0xbffff000 };
	struct mm_struct *mm = mm_alloc();
	int failures;

	KTEST_ASSERT(mm != NULL);
	for (unsigned int i = 0; i < ARRAY_SIZE(addrs); i++)
		KTEST_EXPECT_EQ(map_user_page(mm, addrs[i], true), 0);
	use_mm(mm);
	fork_failures_leak_nothing(fork_process, &failures);
	unuse_mm(mm);
	mmput(mm);
	printk(KERN_INFO "ktest: a process's fork makes %d allocations; each "
	       "failure was unwound\n", failures);
	/* the kernel thread's 6, then mm, pgd, 2 page tables, 3 pages */
	KTEST_ASSERT(failures >= 6 + 2 + 2 + (int)ARRAY_SIZE(addrs));
}

static bool spin_stop;

static int spin_forever(void *arg)
{
	/* A kernel thread that never sleeps, interrupts on: for(;;). */
	while (!READ_ONCE(spin_stop))
		;
	return 0;
}

#define PERIODS 20
static unsigned long period_stamps[PERIODS];

static int periodic_every_10ms(void *arg)
{
	for (int i = 0; i < PERIODS; i++) {
		msleep(10);
		period_stamps[i] = jiffies;
	}
	return 0;
}

/*
 * msleep(10) is 2 ticks; a third for the wake-up to be served.
 * Return: the first period that took longer, or 0.
 */
static int late_period(void)
{
	for (int i = 1; i < PERIODS; i++)
		if (period_stamps[i] - period_stamps[i - 1] > 3)
			return i;
	return 0;
}

KTEST(preemption_spinner_cannot_stop_periodic_thread)
{
	struct task_struct *periodic;
	int spinner_pid, periodic_pid, late;

	WRITE_ONCE(spin_stop, false);
	spinner_pid = kernel_thread(spin_forever, NULL, 0);
	periodic_pid = kernel_thread(periodic_every_10ms, NULL, 0);
	KTEST_ASSERT(spinner_pid > 0 && periodic_pid > 0);
	periodic = find_task_by_pid(periodic_pid);
	/* A daemon's priority (kthreadd and events run at nice -5 too). */
	set_user_nice(periodic, -5);

	/* We sleep; the spinner has the CPU except when preempted. */
	KTEST_EXPECT_EQ(do_wait(periodic_pid, NULL, 0), periodic_pid);
	WRITE_ONCE(spin_stop, true);
	KTEST_EXPECT_EQ(do_wait(spinner_pid, NULL, 0), spinner_pid);

	late = late_period();
	if (late)
		KTEST_FAIL("period %d took %lu ticks: the spinner was not "
			   "preempted", late,
			   period_stamps[late] - period_stamps[late - 1]);
}

KTEST(idle_task_gets_ticks_only_when_nothing_runs)
{
	struct task_struct *idle = idle_task(0);
	unsigned long idle_before;
	int pid;

	WRITE_ONCE(spin_stop, false);
	pid = kernel_thread(spin_forever, NULL, 0);
	KTEST_ASSERT(pid > 0);
	idle_before = idle->stime;
	msleep(100);			/* the spinner runs, not idle */
	KTEST_EXPECT_EQ(idle->stime, idle_before);
	WRITE_ONCE(spin_stop, true);
	KTEST_EXPECT_EQ(do_wait(pid, NULL, 0), pid);

	idle_before = idle->stime;
	msleep(100);			/* nothing runnable: idle's turn */
	KTEST_ASSERT(idle->stime - idle_before >= 5);
}

/*
 * 10,000 switches between two kernel threads forked after use_mm(): with
 * CLONE_VM they share the process's mm, so switch_mm() sees the same mm
 * on both sides and loads CR3 zero times.  (docs/gdb.md and test_gdb.py
 * watch this test's switches; lazy TLB has the test below.)
 */
KTEST(ping_pong_switches_load_cr3_zero_times)
{
	struct mm_struct *mm = mm_alloc();
	unsigned long long switches;
	unsigned long loads;
	int a, b;

	KTEST_ASSERT(mm != NULL);
	use_mm(mm);
	WRITE_ONCE(ping_pong_turn, 0);
	loads = cr3_load_count();
	switches = nr_context_switches();
	a = kernel_thread(ping, NULL, 0);
	b = kernel_thread(pong, NULL, 0);
	KTEST_ASSERT(a > 0 && b > 0);
	KTEST_EXPECT_EQ(do_wait(a, NULL, 0), a);
	KTEST_EXPECT_EQ(do_wait(b, NULL, 0), b);
	KTEST_EXPECT_EQ(cr3_load_count(), loads);
	KTEST_ASSERT(nr_context_switches() - switches >= 2 * PING_PONG_ROUNDS);
	unuse_mm(mm);
	mmput(mm);
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
	WRITE_ONCE(ping_pong_turn, -1);		/* nobody's turn until we are set */
	a = kernel_thread(ping, NULL, 0);
	b = kernel_thread(pong, NULL, 0);
	KTEST_ASSERT(a > 0 && b > 0);
	KTEST_ASSERT(find_task_by_pid(a)->mm == NULL);
	use_mm(mm);
	mm_count = atomic_read(&mm->mm_count);
	loads = cr3_load_count();
	WRITE_ONCE(ping_pong_turn, 0);
	wake_up(&ping_wq);
	KTEST_EXPECT_EQ(do_wait(a, NULL, 0), a);
	KTEST_EXPECT_EQ(do_wait(b, NULL, 0), b);
	KTEST_EXPECT_EQ(cr3_load_count(), loads);
	/* We run: nobody holds a borrowed reference any more. */
	KTEST_EXPECT_EQ(atomic_read(&mm->mm_count), mm_count);
	unuse_mm(mm);
	mmput(mm);
}

static DECLARE_WAIT_QUEUE_HEAD(urgent_wq);
static bool urgent_go, urgent_ran;

static int urgent(void *arg)
{
	wait_event(urgent_wq, READ_ONCE(urgent_go));
	WRITE_ONCE(urgent_ran, true);
	return 0;
}

KTEST(higher_priority_wakeup_preempts_at_once)
{
	struct task_struct *t;
	int pid;

	urgent_go = urgent_ran = false;
	pid = kernel_thread(urgent, NULL, 0);
	KTEST_ASSERT(pid > 0);
	t = find_task_by_pid(pid);
	set_user_nice(t, -10);		/* preempts us: it runs and sleeps */
	KTEST_EXPECT_EQ(t->state, TASK_UNINTERRUPTIBLE);
	WRITE_ONCE(urgent_go, true);
	wake_up(&urgent_wq);
	/* No sleep, no yield in between: the wake-up itself switched. */
	KTEST_ASSERT(READ_ONCE(urgent_ran));
	KTEST_EXPECT_EQ(do_wait(pid, NULL, 0), pid);
}

/*
 * The race every wait loop has: a wake-up that preempts us after we set
 * a sleeping state but before schedule().  We must stay on the run queue
 * (PREEMPT_ACTIVE) and run again with no wake-up of our own; the switch
 * counts as involuntary.  With trace=sched, the run's dump must show it
 * so (tests/system/test_trace.py).
 */
KTEST(preempted_sleeper_stays_runnable)
{
	unsigned long nivcsw;
	struct task_struct *t;
	int pid;

	urgent_go = urgent_ran = false;
	pid = kernel_thread(urgent, NULL, 0);
	KTEST_ASSERT(pid > 0);
	t = find_task_by_pid(pid);
	set_user_nice(t, -10);		/* it runs at once and waits */
	nivcsw = current->nivcsw;
	set_current_state(TASK_INTERRUPTIBLE);
	WRITE_ONCE(urgent_go, true);
	wake_up(&urgent_wq);		/* preempts us, asleep in name only */
	__set_current_state(TASK_RUNNING);
	KTEST_ASSERT(READ_ONCE(urgent_ran));
	KTEST_EXPECT_EQ(current->nivcsw, nivcsw + 1);
	KTEST_EXPECT_EQ(do_wait(pid, NULL, 0), pid);
}

KTEST(msleep_100ms_at_most_two_ticks_late)
{
	unsigned long start = jiffies;
	u64 t0 = sched_clock(), ns;
	unsigned long ticks;

	msleep(100);
	ticks = jiffies - start;
	ns = sched_clock() - t0;
	printk(KERN_INFO "ktest: msleep(100) took %lu ticks, %llu us\n", ticks,
	       ns / 1000);
	KTEST_ASSERT(ns >= 100000000ULL);
	KTEST_ASSERT(ticks >= 10 && ticks <= 12);
}

static int stoppable(void *arg)
{
	while (!kthread_should_stop())
		msleep(5);
	return 77;
}

KTEST(kthread_stop_returns_value)
{
	struct task_struct *k = kthread_run(stoppable, NULL, "ktest-stop/%d",
					    3);
	int pid;

	KTEST_ASSERT(!IS_ERR(k));
	KTEST_ASSERT(!strcmp(k->comm, "ktest-stop/3"));
	/* What makes it a kernel thread (kernel/kthread.c). */
	KTEST_ASSERT(k->mm == NULL);
	KTEST_ASSERT(k->flags & PF_KTHREAD);
	KTEST_ASSERT(k->files == NULL);
	KTEST_ASSERT(k->parent == kthreadd_task);
	KTEST_ASSERT(k->clone_flags & CLONE_VM);
	KTEST_ASSERT(k->clone_flags & CLONE_UNTRACED);
	msleep(20);
	pid = k->pid;
	KTEST_EXPECT_EQ(kthread_stop(k), 77);
	/* kthreadd ignores SIGCHLD: its child reaped itself, pid freed. */
	msleep(10);
	KTEST_ASSERT(find_task_by_pid(pid) == NULL);
	KTEST_ASSERT(!pid_in_use(pid));
}

static int must_not_run(void *arg)
{
	*(bool *)arg = true;
	return 0;
}

KTEST(kthread_stop_before_wakeup_gives_eintr)
{
	static bool ran;
	struct task_struct *k = kthread_create(must_not_run, &ran, "ktest-eintr");

	KTEST_ASSERT(!IS_ERR(k));
	KTEST_EXPECT_EQ(k->state, TASK_UNINTERRUPTIBLE);
	KTEST_EXPECT_EQ(kthread_stop(k), -EINTR);
	KTEST_ASSERT(!ran);
}

/*
 * A fork that fails in kthreadd reaches the creator as ERR_PTR(): the
 * first allocation from now is kthreadd's task_struct.
 */
KTEST(kthread_create_failure_is_err_ptr)
{
	struct task_struct *k;

	fail_alloc_after(1);
	k = kthread_create(must_not_run, NULL, "ktest-enomem");
	fail_alloc_after(0);
	KTEST_ASSERT(IS_ERR(k));
	KTEST_EXPECT_EQ(PTR_ERR(k), -ENOMEM);
}

KTEST(init_task_is_pid0_and_never_queued)
{
	KTEST_EXPECT_EQ(init_task.pid, 0);
	KTEST_ASSERT(!strcmp(init_task.comm, "swapper/0"));
	KTEST_ASSERT(idle_task(0) == &init_task);
	KTEST_ASSERT(!task_on_runqueue(&init_task));
	KTEST_ASSERT(init_task.mm == NULL);
	KTEST_ASSERT(init_task.thread_info == &init_thread_union.thread_info);
	KTEST_EXPECT_EQ(init_task.prio, MAX_PRIO);
	/* We are pid 1, running: on the run queue, a child of process 0. */
	KTEST_EXPECT_EQ(current->pid, 1);
	KTEST_ASSERT(task_on_runqueue(current));
	KTEST_ASSERT(current->parent == &init_task);
	KTEST_ASSERT(kthreadd_task && kthreadd_task->pid == 2);
}

static bool timer_fired;
static unsigned long timer_fired_at;

static void note_timer(unsigned long data)
{
	timer_fired = true;
	timer_fired_at = jiffies;
}

KTEST(timers_fire_and_can_be_cancelled)
{
	struct timer_list t, never;
	unsigned long start = jiffies;

	timer_fired = false;
	setup_timer(&t, note_timer, 0);
	t.expires = start + 5;
	add_timer(&t);
	setup_timer(&never, note_timer, 0);
	mod_timer(&never, start + 3);
	KTEST_EXPECT_EQ(mod_timer(&never, start + 4), 1);
	KTEST_EXPECT_EQ(del_timer(&never), 1);
	KTEST_EXPECT_EQ(del_timer(&never), 0);
	msleep(100);
	KTEST_ASSERT(timer_fired);
	KTEST_ASSERT(time_after_eq(timer_fired_at, start + 5));
	KTEST_ASSERT(!timer_pending(&t));
}

KTEST(wait_event_timeout_and_completions)
{
	static DECLARE_WAIT_QUEUE_HEAD(never_wq);
	struct completion done;
	unsigned long start = jiffies;

	KTEST_EXPECT_EQ(wait_event_timeout(never_wq, false, 5), 0);
	KTEST_ASSERT(jiffies - start >= 5);
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

KTEST(sched_fifo_runs_before_normal_tasks)
{
	struct task_struct *t;
	int pid;

	fifo_ran = false;
	pid = kernel_thread(note_fifo_run, NULL, 0);
	KTEST_ASSERT(pid > 0);
	t = find_task_by_pid(pid);
	KTEST_EXPECT_EQ(sched_setscheduler(t, SCHED_FIFO, 0), -EINVAL);
	KTEST_EXPECT_EQ(sched_setscheduler(t, SCHED_NORMAL, 3), -EINVAL);
	KTEST_EXPECT_EQ(sched_setscheduler(t, 7, 1), -EINVAL);
	KTEST_ASSERT(!READ_ONCE(fifo_ran));
	KTEST_EXPECT_EQ(sched_setscheduler(t, SCHED_FIFO, 20), 0);
	/* Real time beats nice 0 at once: it has run already. */
	KTEST_ASSERT(READ_ONCE(fifo_ran));
	KTEST_EXPECT_EQ(do_wait(pid, NULL, 0), pid);
}

KTEST(show_tasks_lists_processes_and_kernel_threads)
{
	static char tail[4096];
	struct task_struct *k = kthreadd_task;
	char line[96];
	unsigned long n;

	msleep(20);			/* let kthreadd run and name itself */
	/* kthreadd sleeps: its numbers hold still while they are printed. */
	snprintf(line, sizeof(line), "    2     0 S %08lx        - %08lx %3d "
		 "%6lu %7lu [kthreadd]\n", k->flags,
		 (unsigned long)k->active_mm, k->prio, k->utime + k->stime,
		 k->nvcsw + k->nivcsw);
	show_tasks();
	n = log_buf_copy(tail, sizeof(tail) - 1);
	tail[n] = '\0';
	KTEST_ASSERT(strstr(tail, "  PID  PPID S    FLAGS       MM ACTIVEMM"));
	/* Process 0 and kthreadd are kernel threads: [name], no mm. */
	KTEST_ASSERT(strstr(tail, "[swapper/0]"));
	KTEST_ASSERT(strstr(tail, "[kthreadd]"));
	KTEST_ASSERT(strstr(tail, "    2     0 S 00200040        - "));
	/* Every column in its place: active_mm, prio, ticks, switches. */
	if (!strstr(tail, line))
		KTEST_FAIL("no line \"%s\" in:\n%s", line, tail);
	KTEST_ASSERT(strstr(tail, "    1     0 R "));
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

	msleep(20);		/* kthreadd asleep, waiting for requests */
	KTEST_EXPECT_EQ(task_state_char(kthreadd_task), 'S');
	KTEST_ASSERT(sprint_task_stack(kthreadd_task, text, sizeof(text)) > 0);
	if (!names_in(text, expected))
		KTEST_FAIL("unexpected stack:\n%s", text);
	/* Nothing but kernel addresses on a kernel thread's stack. */
	for (const char *p = text; (p = strstr(p, "[<")); p += 2)
		KTEST_ASSERT(p[2] == 'c');
}

static void count_frame(void *data, unsigned long addr)
{
	(*(int *)data)++;
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
	/* A loop: frame A -> frame B -> frame A. */
	stack[words - 8] = (unsigned long)&stack[words - 4];
	stack[words - 7] = (unsigned long)schedule;
	stack[words - 4] = (unsigned long)&stack[words - 8];
	stack[words - 3] = (unsigned long)schedule;
	KTEST_ASSERT(walk_stack(ti, (unsigned long)&stack[words - 8],
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
	free_pages((unsigned long)ti, 2);
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

	WRITE_ONCE(spin_stop, false);
	spinner_pid = kernel_thread(spin_forever, NULL, 0);
	KTEST_ASSERT(spinner_pid > 0);
	hog = find_task_by_pid(spinner_pid);
	msleep(300);			/* its sleep average runs out */
	KTEST_ASSERT(hog->prio > hog->static_prio);

	periodic_pid = kernel_thread(periodic_every_10ms, NULL, 0);
	KTEST_ASSERT(periodic_pid > 0);
	KTEST_EXPECT_EQ(do_wait(periodic_pid, NULL, 0), periodic_pid);
	KTEST_ASSERT(hog->prio > NICE_TO_PRIO(0));
	WRITE_ONCE(spin_stop, true);
	KTEST_EXPECT_EQ(do_wait(spinner_pid, NULL, 0), spinner_pid);

	late = late_period();
	if (late)
		KTEST_FAIL("period %d took %lu ticks: the sleeper waited for "
			   "the hog's slice", late,
			   period_stamps[late] - period_stamps[late - 1]);
}

static int orphan_pid;

static int short_lived_parent(void *arg)
{
	/* Its child outlives it: init (pid 1, us) must adopt it. */
	orphan_pid = kernel_thread(return_arg, (void *)99, 0);
	return 0;
}

KTEST(orphans_are_reparented_to_init)
{
	long code;
	int parent = kernel_thread(short_lived_parent, NULL, 0);

	KTEST_ASSERT(parent > 0);
	KTEST_EXPECT_EQ(do_wait(parent, &code, 0), parent);
	KTEST_ASSERT(orphan_pid > 0);
	KTEST_EXPECT_EQ(do_wait(orphan_pid, &code, 0), orphan_pid);
	KTEST_EXPECT_EQ(code, 99);
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

KTEST(yield_lets_the_other_task_run)
{
	int a, b;

	yield_go = false;
	yield_last = yield_turns = 0;
	a = kernel_thread(yield_in_a_loop, (void *)1, 0);
	b = kernel_thread(yield_in_a_loop, (void *)2, 0);
	KTEST_ASSERT(a > 0 && b > 0);
	msleep(10);			/* both asleep on yield_wq */
	WRITE_ONCE(yield_go, true);
	wake_up_all(&yield_wq);
	KTEST_EXPECT_EQ(do_wait(a, NULL, 0), a);
	KTEST_EXPECT_EQ(do_wait(b, NULL, 0), b);
	printk(KERN_INFO "ktest: %d turns in %d yields each\n", yield_turns,
	       YIELDS);
	/* Strict alternation gives 2 * YIELDS; unequal priorities half. */
	KTEST_ASSERT(yield_turns >= YIELDS / 2);
}

/*
 * Two CPU hogs, nice 0 and nice 19: each round the first runs its 100 ms
 * slice, the second its 10 ms one (task_timeslice()), so the first gets
 * about ten times the ticks -- and the second still gets some: the
 * expired array makes sure every runnable task has a turn each round.
 */
KTEST(time_slice_scales_with_nice)
{
	struct task_struct *fast, *slow;
	unsigned long fast_ticks, slow_ticks;
	int fast_pid, slow_pid;

	WRITE_ONCE(spin_stop, false);
	fast_pid = kernel_thread(spin_forever, NULL, 0);
	slow_pid = kernel_thread(spin_forever, NULL, 0);
	KTEST_ASSERT(fast_pid > 0 && slow_pid > 0);
	fast = find_task_by_pid(fast_pid);
	slow = find_task_by_pid(slow_pid);
	set_user_nice(slow, 19);
	fast_ticks = fast->stime;
	slow_ticks = slow->stime;
	msleep(400);
	fast_ticks = fast->stime - fast_ticks;
	slow_ticks = slow->stime - slow_ticks;
	WRITE_ONCE(spin_stop, true);
	KTEST_EXPECT_EQ(do_wait(fast_pid, NULL, 0), fast_pid);
	KTEST_EXPECT_EQ(do_wait(slow_pid, NULL, 0), slow_pid);
	printk(KERN_INFO "ktest: nice 0 had %lu ticks, nice 19 %lu\n",
	       fast_ticks, slow_ticks);
	KTEST_ASSERT(slow_ticks >= 1);
	KTEST_ASSERT(fast_ticks >= 4 * slow_ticks);
}

/*
 * With every pid taken, a fork fails with -EAGAIN and gives back all it
 * had taken; a pid given back by free_pidmap() is the next one handed
 * out.  The test takes the free pids itself, so nothing may fail between
 * taking them and giving them back: it records, then checks.
 */
KTEST(fork_without_a_free_pid_fails_and_freed_pids_are_reused)
{
	static unsigned long mine[PID_MAX_DEFAULT / (8 * sizeof(long))];
	unsigned long before = settled_free_pages(), after;
	unsigned long objects = kmem_cache_active_objects();
	int taken = 0, pid, no_pid, reused, highest = 0;
	long code = -1;

	memset(mine, 0, sizeof(mine));
	while ((pid = alloc_pidmap()) > 0) {
		set_bit(pid, mine);
		highest = max(highest, pid);
		taken++;
	}
	if (!taken)
		KTEST_FAIL("no free pid to take");
	no_pid = kernel_thread(return_arg, (void *)5, 0);
	after = settled_free_pages();

	/*
	 * One pid back: the next fork must find exactly that one, by
	 * wrapping around (below RESERVED_PIDS it would not look).
	 */
	free_pidmap(highest);
	clear_bit(highest, mine);
	reused = kernel_thread(return_arg, (void *)5, 0);
	if (reused > 0)
		do_wait(reused, &code, 0);

	for (pid = 0; pid < PID_MAX_DEFAULT; pid++)
		if (test_bit(pid, mine))
			free_pidmap(pid);

	KTEST_EXPECT_EQ(no_pid, -EAGAIN);
	KTEST_EXPECT_EQ(after, before);
	KTEST_EXPECT_EQ(kmem_cache_active_objects(), objects);
	KTEST_EXPECT_EQ(reused, highest);
	KTEST_EXPECT_EQ(code, 5);
}

/*
 * CLONE_FS, CLONE_FILES, CLONE_SIGHAND: the child shares the parent's
 * structure and holds a reference on it; without the flag it gets a copy
 * of its own.  Reaping the sharing child gives its references back.
 */
KTEST(clone_flags_share_with_a_reference_or_copy)
{
	struct task_struct *shared, *copied;
	int fs_users = atomic_read(&current->fs->count);
	int files_users = atomic_read(&current->files->count);
	int sighand_users = atomic_read(&current->sighand->count);
	int s, c;

	WRITE_ONCE(hold_release, false);
	s = kernel_thread(hold_until_released, NULL,
			  CLONE_FS | CLONE_FILES | CLONE_SIGHAND);
	c = kernel_thread(hold_until_released, NULL, 0);
	KTEST_ASSERT(s > 0 && c > 0);
	shared = find_task_by_pid(s);
	copied = find_task_by_pid(c);

	KTEST_ASSERT(shared->fs == current->fs);
	KTEST_ASSERT(shared->files == current->files);
	KTEST_ASSERT(shared->sighand == current->sighand);
	KTEST_EXPECT_EQ(atomic_read(&current->fs->count), fs_users + 1);
	KTEST_EXPECT_EQ(atomic_read(&current->files->count), files_users + 1);
	KTEST_EXPECT_EQ(atomic_read(&current->sighand->count),
			sighand_users + 1);
	KTEST_ASSERT(copied->fs != current->fs);
	KTEST_ASSERT(copied->files != current->files);
	KTEST_ASSERT(copied->sighand != current->sighand);
	KTEST_EXPECT_EQ(atomic_read(&copied->fs->count), 1);
	KTEST_EXPECT_EQ(atomic_read(&copied->files->count), 1);
	/* Every task has a signal_struct of its own (no CLONE_THREAD). */
	KTEST_ASSERT(shared->signal != current->signal);
	/* kernel_thread() adds these two whatever the caller asks. */
	KTEST_ASSERT(copied->clone_flags & CLONE_VM);
	KTEST_ASSERT(copied->clone_flags & CLONE_UNTRACED);

	WRITE_ONCE(hold_release, true);
	wake_up_all(&hold_wq);
	KTEST_EXPECT_EQ(do_wait(s, NULL, 0), s);
	KTEST_EXPECT_EQ(do_wait(c, NULL, 0), c);
	KTEST_EXPECT_EQ(atomic_read(&current->fs->count), fs_users);
	KTEST_EXPECT_EQ(atomic_read(&current->files->count), files_users);
	KTEST_EXPECT_EQ(atomic_read(&current->sighand->count), sighand_users);
}

/*
 * wake_up_interruptible() wakes only TASK_INTERRUPTIBLE sleepers: a
 * thread in wait_event() (TASK_UNINTERRUPTIBLE) sleeps on even though
 * its condition is true, until a wake_up().
 */
static DECLARE_WAIT_QUEUE_HEAD(mode_wq);
static bool mode_go;

static int wait_uninterruptibly(void *arg)
{
	wait_event(mode_wq, READ_ONCE(mode_go));
	return 0;
}

KTEST(wake_up_interruptible_leaves_uninterruptible_sleepers)
{
	struct task_struct *t;
	char state_after;
	int pid;

	mode_go = false;
	pid = kernel_thread(wait_uninterruptibly, NULL, 0);
	KTEST_ASSERT(pid > 0);
	t = find_task_by_pid(pid);
	msleep(10);
	KTEST_EXPECT_EQ(task_state_char(t), 'D');
	WRITE_ONCE(mode_go, true);
	wake_up_interruptible(&mode_wq);
	msleep(10);
	state_after = task_state_char(t);
	wake_up(&mode_wq);
	KTEST_EXPECT_EQ(do_wait(pid, NULL, 0), pid);
	KTEST_EXPECT_EQ(state_after, 'D');
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

	for (int locked = 0; locked < 2; locked++) {
		struct task_struct *t;
		bool ran_inside;
		int pid;

		urgent_go = urgent_ran = false;
		pid = kernel_thread(urgent, NULL, 0);
		KTEST_ASSERT(pid > 0);
		t = find_task_by_pid(pid);
		set_user_nice(t, -10);	/* it runs and sleeps */
		KTEST_EXPECT_EQ(t->state, TASK_UNINTERRUPTIBLE);

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
		KTEST_ASSERT(!ran_inside);
		KTEST_ASSERT(READ_ONCE(urgent_ran));
		KTEST_EXPECT_EQ(do_wait(pid, NULL, 0), pid);
	}
}
