// SPDX-License-Identifier: GPL-2.0
/*
 * sched/migration.c - moving a task to another CPU on request: the
 * migration threads, set_cpus_allowed(), and the affinity calls.
 *
 * Linux 2.6: kernel/sched.c (2.6.11): migration_thread(),
 * migrate_task(), set_cpus_allowed(), sched_setaffinity(),
 * sched_getaffinity(), wait_task_inactive(); Understanding the Linux
 * Kernel, 3rd ed., chapter 7, "Runqueue Balancing in Multiprocessor
 * Systems" and "The migration kernel threads".
 *
 * A task the new mask leaves out must go.  If it is asleep or only
 * queued, the caller moves it at once, under both run-queue locks
 * (__migrate_task() in sched/core.c).  A task that is running cannot be
 * moved by another CPU: its stack is in use there.  Its CPU's migration
 * thread, migration/N, does it: a SCHED_FIFO 99 kernel thread bound to
 * CPU N, which preempts the task as soon as it is woken, finds it
 * queued and not running, moves it, and completes the request the
 * caller waits for.  So set_cpus_allowed() returns only when the task
 * is on an allowed CPU (or will be there when it next runs).  The
 * threads are started by migration_init(), once smp_init() has brought
 * the CPUs up.  Next: the receiving CPU runs the task from its queue
 * (schedule() in sched/core.c).
 */
#include <asm/uaccess.h>
#include <capability.h>
#include <errno.h>
#include <kernel.h>
#include <kthread.h>
#include <sched.h>
#include <smp.h>
#include <syscalls.h>
#include "sched.h"

/*
 * migration/N.  Requests come on its queue's migration_queue, under
 * rq->lock; the thread sets its sleeping state under the same lock
 * when it finds the list empty, so a request added after that look
 * finds it asleep and its wake_up_process() is not lost.
 */
static int migration_thread(void *data)
{
	unsigned int cpu = (unsigned long)data;
	struct runqueue *rq = cpu_rq(cpu);

	BUG_ON(task_cpu(current) != cpu);
	for (;;) {
		struct migration_req *req;

		spin_lock_irq(&rq->lock);
		if (list_empty(&rq->migration_queue)) {
			__set_current_state(TASK_INTERRUPTIBLE);
			spin_unlock_irq(&rq->lock);
			schedule();
			continue;
		}
		req = list_first_entry(&rq->migration_queue,
				       struct migration_req, list);
		list_del_init(&req->list);
		/* Interrupts stay off: __migrate_task() wants them so. */
		spin_unlock(&rq->lock);
		__migrate_task(req->task, cpu, req->dest_cpu);
		local_irq_enable();
		complete(&req->done);
	}
	return 0;
}

/**
 * migration_init - start migration/N on every online CPU
 *
 * Each is made asleep by kthread_create(), moved to its CPU while it
 * cannot run (the direct path of set_cpus_allowed(): nothing runs it),
 * made SCHED_FIFO 99, and woken.  CPU 0's first, so that it can serve
 * the others' moves should one be needed.
 * Context: process (init), after smp_init(), before do_basic_setup().
 * Return: 0, or the first error (the CPUs without a thread can still
 * run tasks; a running task there moves at its next wake-up instead).
 */
int migration_init(void)
{
	unsigned int cpu;
	int err = 0;

	for_each_online_cpu(cpu) {
		struct runqueue *rq = cpu_rq(cpu);
		struct task_struct *p;

		if (rq->migration_thread)
			continue;
		p = kthread_create(migration_thread, (void *)(unsigned long)cpu,
				   "migration/%u", cpu);
		if (IS_ERR(p)) {
			printk(KERN_ERR "migration_init: CPU%u: error %ld\n",
			       cpu, PTR_ERR(p));
			if (!err)
				err = PTR_ERR(p);
			continue;
		}
		wait_task_inactive(p);
		set_cpus_allowed(p, cpumask_of_cpu(cpu));
		sched_setscheduler(p, SCHED_FIFO, MAX_RT_PRIO - 1);
		WRITE_ONCE(rq->migration_thread, p);
		wake_up_process(p);
	}
	return err;
}

/**
 * wait_task_inactive - wait until @p is off its CPU
 * @p: a task that has stopped running for good or is about to sleep
 *
 * Spins (yielding the CPU to others) until @p is not the current task
 * of its run queue, seen under the queue's lock.  For a task that has
 * been told to sleep and will not be woken meanwhile: then, when this
 * returns, nothing runs it and its CPU may be changed.
 * Context: process, not @p itself.
 */
void wait_task_inactive(struct task_struct *p)
{
	unsigned long flags;
	struct runqueue *rq;
	bool running;

	BUG_ON(p == current);
	for (;;) {
		rq = task_rq_lock(p, &flags);
		running = task_running(rq, p);
		task_rq_unlock(rq, &flags);
		if (!running)
			return;
		cpu_relax();
	}
}

/**
 * set_cpus_allowed - choose the CPUs a task may run on, and move it
 * @p: the task
 * @new_mask: its new cpus_allowed
 *
 * If @p is on a CPU @new_mask leaves out, it goes to the first online
 * CPU of the mask: at once if it does not run (__migrate_task()), else
 * through its CPU's migration thread, whose work this waits for.
 * Context: process, may sleep.
 * Return: 0, or -EINVAL if @new_mask holds no online CPU (the mask is
 * then left as it was).
 */
int set_cpus_allowed(struct task_struct *p, cpumask_t new_mask)
{
	struct migration_req req;
	unsigned int src, dest;
	unsigned long flags;
	struct runqueue *rq;

	for (;;) {
		rq = task_rq_lock(p, &flags);
		if (cpus_empty(cpus_and(new_mask, READ_ONCE(cpu_online_map)))) {
			task_rq_unlock(rq, &flags);
			return -EINVAL;
		}
		p->cpus_allowed = new_mask;
		src = task_cpu(p);
		if (cpu_isset(src, new_mask))
			break;
		dest = first_cpu(cpus_and(new_mask, cpu_online_map));
		if (task_running(rq, p)) {
			if (unlikely(!rq->migration_thread)) {
				/* Early boot: it moves when next woken. */
				break;
			}
			req.task = p;
			req.dest_cpu = dest;
			init_completion(&req.done);
			list_add_tail(&req.list, &rq->migration_queue);
			task_rq_unlock(rq, &flags);
			wake_up_process(rq->migration_thread);
			wait_for_completion(&req.done);
			/* Done, or it had moved meanwhile: look again. */
			continue;
		}
		/* Queued or asleep: move it ourselves, with both locks. */
		spin_unlock(&rq->lock);
		__migrate_task(p, src, dest);
		local_irq_restore(flags);
		/* It may have started running on @src meanwhile: look. */
	}
	task_rq_unlock(rq, &flags);
	return 0;
}

/*
 * The task an affinity call is about: @pid, or the caller for 0, with a
 * reference.  Return: the task, or NULL if there is none.
 */
static struct task_struct *find_process_by_pid(pid_t pid)
{
	struct task_struct *p;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	p = pid ? find_task_by_pid_locked(pid) : current;
	if (p)
		get_task_struct(p);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return p;
}

/**
 * sched_setaffinity - set the CPU mask of a task, as a user asks
 * @pid: the task, 0 for the caller
 * @new_mask: the CPUs it may run on
 *
 * The caller must own the task (its effective uid is the task's real or
 * effective uid) or have CAP_SYS_NICE, as in Linux 2.6.
 * Context: process, may sleep.
 * Return: 0, -ESRCH, -EPERM, or -EINVAL for a mask without an online
 * CPU.
 */
long sched_setaffinity(pid_t pid, cpumask_t new_mask)
{
	struct task_struct *p = find_process_by_pid(pid);
	long ret;

	if (!p)
		return -ESRCH;
	ret = -EPERM;
	if (current->euid != p->euid && current->euid != p->uid &&
	    !capable(CAP_SYS_NICE))
		goto out;
	ret = set_cpus_allowed(p, cpus_and(new_mask, cpu_possible_map));
out:
	put_task_struct(p);
	return ret;
}

/**
 * sched_getaffinity - the CPUs a task may run on
 * @pid: the task, 0 for the caller
 * @mask: where to put its mask (the online CPUs of it, as Linux)
 *
 * Context: process.
 * Return: 0 or -ESRCH.
 */
long sched_getaffinity(pid_t pid, cpumask_t *mask)
{
	struct task_struct *p = find_process_by_pid(pid);
	unsigned long flags;
	struct runqueue *rq;

	if (!p)
		return -ESRCH;
	rq = task_rq_lock(p, &flags);
	*mask = task_online_cpus(p);
	task_rq_unlock(rq, &flags);
	put_task_struct(p);
	return 0;
}
