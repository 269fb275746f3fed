// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/kthread.c - kthreadd and the kthread API.
 *
 * Linux 2.6: kernel/kthread.c (2.6.22+, with the per-thread struct kthread
 * of later kernels).
 * Every kernel thread after the first two is made by kthreadd (pid 2), not
 * by its requester: kthread_create() queues a request and wakes kthreadd,
 * which forks the thread with kernel_thread().  So every kernel thread is
 * a child of kthreadd, starts from the same clean state (no address space,
 * no files, all signals ignored) whoever asked for it, and is reaped by
 * kthreadd's SIGCHLD-ignoring exit path when it ends.  What fork copies
 * from kthreadd itself -- its nice -5, its policy, its CPU mask -- is
 * reset by kthread_create(), as Linux resets it ("the kernel thread
 * should not inherit these properties"): every new thread starts at
 * SCHED_NORMAL, on any CPU, at nice 0 (Linux 2.6.23-2.6.34 put them all
 * at KTHREAD_NICE_LEVEL, -5).  A thread that wants another priority sets
 * it itself (ksoftirqd nice 19, workqueue workers nice -5).
 *
 * A new thread runs kthread(), which reports back and sleeps until it is
 * woken (kthread_run() does that) or stopped (kthread_stop() before the
 * first wake-up: the function never runs and the result is -EINTR).
 * Between creation and that first wake-up, kthread_bind() may tie it to
 * one CPU: that is how the per-CPU threads (ksoftirqd/N, events/N,
 * kblockd/N) are made (Linux 2.6: kthread_bind()).
 * kthreadd is event-driven, sleeping in wait_event_interruptible() until
 * a request arrives (Understanding the Linux Kernel, 3rd ed., chapter 3,
 * section "Kernel Threads").
 */
#include <asm/irqflags.h>
#include <completion.h>
#include <cpumask.h>
#include <file.h>
#include <kernel.h>
#include <kthread.h>
#include <sched.h>
#include <signal.h>
#include <spinlock.h>
#include <stdarg.h>
#include <trace.h>
#include <wait.h>

struct kthread_create_info {
	int (*threadfn)(void *data);
	void *data;
	struct completion done;		/* the thread exists (or failed) */
	struct task_struct *result;	/* the thread, or ERR_PTR() */
	struct list_head list;		/* on kthread_create_list */
};

/* Per thread, on the thread's own stack for its whole life. */
struct kthread {
	bool should_stop;
	struct completion exited;	/* task->vfork_done points here */
};

struct task_struct *kthreadd_task;
static DEFINE_SPINLOCK(kthread_create_lock);
static LIST_HEAD(kthread_create_list);
static DECLARE_WAIT_QUEUE_HEAD(kthreadd_wait);

static struct kthread *to_kthread(struct task_struct *k)
{
	return container_of(k->vfork_done, struct kthread, exited);
}

/* The first function of every kthread_create()d thread. */
static int kthread(void *_create)
{
	struct kthread_create_info *create = _create;
	int (*threadfn)(void *data) = create->threadfn;
	void *data = create->data;
	struct kthread self;
	int ret;

	self.should_stop = false;
	init_completion(&self.exited);
	current->vfork_done = &self.exited;
	/* Kernel threads open no files: no file table to keep alive. */
	exit_files(current);

	/* Tell the creator, then sleep until woken or stopped. */
	create->result = current;
	local_irq_disable();		/* up to schedule(): kthread_bind() */
	__set_current_state(TASK_UNINTERRUPTIBLE);
	complete(&create->done);	/* from here on *create is gone */
	schedule();
	ret = -EINTR;
	if (!self.should_stop)
		ret = threadfn(data);
	do_exit(ret);
}

static void create_kthread(struct kthread_create_info *create)
{
	int pid = kernel_thread(kthread, create,
				CLONE_FS | CLONE_FILES | SIGCHLD);

	if (pid < 0) {
		create->result = ERR_PTR(pid);
		complete(&create->done);
	}
}

/**
 * kthreadd - pid 2: makes the kernel threads others ask for
 * @unused: nothing
 *
 * Context: kernel thread, forever.
 * Return: never.
 */
int kthreadd(void *unused)
{
	struct task_struct *tsk = current;

	set_task_comm(tsk, "kthreadd");
	tsk->flags |= PF_KTHREAD;
	/* Ignoring SIGCHLD also means its children reap themselves. */
	ignore_signals(tsk);
	set_user_nice(tsk, -5);
	/* Forked by process 0, it stays on its CPU until kthread_boot_done()
	 * lets it go. */

	for (;;) {
		wait_event_interruptible(kthreadd_wait,
					 !list_empty(&kthread_create_list));
		spin_lock(&kthread_create_lock);
		while (!list_empty(&kthread_create_list)) {
			struct kthread_create_info *create;

			create = list_first_entry(&kthread_create_list,
						  struct kthread_create_info,
						  list);
			list_del_init(&create->list);
			spin_unlock(&kthread_create_lock);
			create_kthread(create);
			spin_lock(&kthread_create_lock);
		}
		spin_unlock(&kthread_create_lock);
	}
	return 0;
}

/**
 * kthread_create - ask kthreadd for a new kernel thread
 * @threadfn: the function it runs; its return value is the thread's exit
 *            code (and what kthread_stop() returns)
 * @data: its argument; must outlive the thread
 * @namefmt: printf-style name (TASK_COMM_LEN - 1 characters at most)
 *
 * The thread is created asleep: wake_up_process() starts it
 * (kthread_run() does both).  It has mm == NULL, PF_KTHREAD, no files,
 * ignores signals, and is a child of kthreadd; it runs at nice 0,
 * SCHED_NORMAL, with every CPU allowed, whatever kthreadd runs at.
 * Context: process, may sleep.
 * Return: the task, or ERR_PTR(-ENOMEM / -EAGAIN).
 */
struct task_struct *kthread_create(int (*threadfn)(void *data), void *data,
				   const char *namefmt, ...)
{
	struct kthread_create_info create;
	va_list args;

	create.threadfn = threadfn;
	create.data = data;
	init_completion(&create.done);

	spin_lock(&kthread_create_lock);
	list_add_tail(&create.list, &kthread_create_list);
	spin_unlock(&kthread_create_lock);
	wake_up(&kthreadd_wait);
	wait_for_completion(&create.done);

	if (!IS_ERR(create.result)) {
		va_start(args, namefmt);
		vsnprintf(create.result->comm, sizeof(create.result->comm),
			  namefmt, args);
		va_end(args);
		/*
		 * Fork copied kthreadd's nice -5 and whatever policy or CPU
		 * mask it was given: the new thread must not depend on them.
		 */
		sched_setscheduler(create.result, SCHED_NORMAL, 0);
		set_user_nice(create.result, 0);
		set_cpus_allowed(create.result, CPU_MASK_ALL);
		trace_sched_comm(create.result);
		printk(KERN_INFO "kthread_create: pid %d (%s)\n",
		       create.result->pid, create.result->comm);
	}
	return create.result;
}

/**
 * kthread_bind - tie a thread that has not run its function yet to @cpu
 * @k: a thread from kthread_create(), not yet woken
 * @cpu: an online CPU
 *
 * Must come before the first wake_up_process() (kthread_run() is too
 * late): a thread that already runs would have to be migrated, which is
 * set_cpus_allowed()'s business.  kthread_create() returns as soon as
 * the new thread has said it exists, maybe before it has left its CPU:
 * on SMP it may still be on its way into schedule() on another CPU.
 * kthread() keeps interrupts off from its complete() to the switch, so
 * nothing can preempt it half-way and leave it queued but not running:
 * it gets there without a pause.  wait_task_inactive() waits for that,
 * spinning a few microseconds at most, never sleeping a tick for it to
 * run again; then the scheduler sees it asleep, nobody but our
 * wake-up moves it, and setting its CPU and mask is safe without the
 * run-queue lock.  It will then be woken on @cpu's run queue and never
 * be allowed anywhere else.  (Linux 2.6 also waits with
 * wait_task_inactive().)
 * Context: process, may sleep.
 */
void kthread_bind(struct task_struct *k, unsigned int cpu)
{
	BUG_ON(cpu >= NR_CPUS || !cpu_online(cpu));
	wait_task_inactive(k);
	/* Off its CPU and its run queue: asleep in kthread()'s schedule(). */
	BUG_ON(!task_sleeping(k, TASK_UNINTERRUPTIBLE));
	set_task_cpu(k, cpu);
	k->cpus_allowed = cpumask_of_cpu(cpu);
}

/**
 * kthread_boot_done - the boot's set-up is done: init and kthreadd may
 *	run on any CPU
 *
 * Until now both had process 0's mask, CPU 0 alone.  So each
 * kthread_create() of the set-up (some twenty threads at -smp 4) was a
 * hand-over between tasks of one CPU: init wakes kthreadd, which forks
 * the thread, which wakes init.  With their masks open, each of those
 * wake-ups would go to another CPU -- wake_cpu() prefers an idle CPU to
 * the busy one of the waker -- and wait for it to come out of hlt: on
 * QEMU, for the host to run that CPU's thread, up to milliseconds on a
 * busy host, twice per thread.  (Linux 2.6's wake-affine rule keeps a
 * waker and its wakee together by itself.)  The threads made meanwhile
 * got every CPU from kthread_create() all the same.
 * Context: init (pid 1), once, after populate_initramfs().
 */
void kthread_boot_done(void)
{
	set_cpus_allowed(current, CPU_MASK_ALL);
	set_cpus_allowed(kthreadd_task, CPU_MASK_ALL);
}

/**
 * kthread_should_stop - has kthread_stop() been called on this thread?
 *
 * Context: a kthread_create()d thread.
 * Return: true if the thread should return now.
 */
bool kthread_should_stop(void)
{
	/* LAB 5: kthread_should_stop BEGIN */
	return READ_ONCE(to_kthread(current)->should_stop);
	/* LAB 5: kthread_should_stop END */
}

/**
 * kthread_stop - stop a kernel thread and collect its return value
 * @k: a thread from kthread_create() that has not exited by itself
 *
 * Sets the thread's should_stop, wakes it, and waits for it to exit.  A
 * thread that may be stopped must not return before kthread_should_stop()
 * says so (its struct kthread is gone once it has).
 * Context: process, may sleep.
 * Return: the thread function's return value, or -EINTR if the thread
 * was stopped before it was ever woken.
 */
int kthread_stop(struct task_struct *k)
{
	/* LAB 5: kthread_stop BEGIN */
	struct kthread *kthread = to_kthread(k);
	int ret;

	get_task_struct(k);	/* keep the task (and its stack) until we read */
	WRITE_ONCE(kthread->should_stop, true);
	wake_up_process(k);
	wait_for_completion(&kthread->exited);
	ret = k->exit_code;
	put_task_struct(k);
	return ret;
	/* LAB 5: kthread_stop END */
}
