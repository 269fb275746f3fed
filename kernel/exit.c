// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/exit.c - do_exit(), reaping, and waiting for children.
 *
 * Linux 2.6: kernel/exit.c.
 * A task ends by calling do_exit(): it lets go of its address space, file
 * table and fs context, records its exit code, hands its children to init
 * (child_reaper), and becomes a zombie for its parent to reap with
 * do_wait(), or is reaped at once if its parent ignores SIGCHLD (kthreadd
 * does, so kernel threads made through kthread_create() clean up after
 * themselves).  It then calls schedule() one last time in state
 * TASK_DEAD.  Its stack cannot be freed while it runs on it: the task that
 * runs next drops the last reference in finish_task_switch().
 */
#include <completion.h>
#include <file.h>
#include <fs_struct.h>
#include <kernel.h>
#include <mm_types.h>
#include <percpu.h>
#include <sched.h>
#include <signal.h>
#include <spinlock.h>
#include <trace.h>

/* Who adopts orphans: init (pid 1) once it runs, process 0 before. */
struct task_struct *child_reaper = &init_task;

static void exit_mm(struct task_struct *tsk)
{
	struct mm_struct *mm = tsk->mm;

	if (!mm)
		return;
	/*
	 * The CPU still runs on this page directory until the next switch:
	 * keep the struct (mm_count) as a kernel thread would, and let
	 * finish_task_switch() drop it.  mmput() frees the user pages now.
	 */
	atomic_inc(&mm->mm_count);
	BUG_ON(mm != tsk->active_mm);
	/*
	 * The lazy state is this CPU's: no migration between giving up the
	 * mm and marking the CPU lazy on it.
	 */
	preempt_disable();
	task_lock(tsk);		/* get_task_mm() takes it or not at all */
	tsk->mm = NULL;
	task_unlock(tsk);
	enter_lazy_tlb(mm);
	preempt_enable();
	mmput(mm);
}

static void exit_fs(struct task_struct *tsk)
{
	struct fs_struct *fs = tsk->fs;

	if (fs) {
		tsk->fs = NULL;
		put_fs_struct(fs);
	}
}

/**
 * release_task - the last of a dead task: off every list, pid freed
 * @p: a task in EXIT_DEAD (reaped, or exiting with nobody to wait)
 *
 * Drops the parent's reference; the task's own reference goes when the
 * CPU has switched away from it.
 * Context: process.
 */
void release_task(struct task_struct *p)
{
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_del(&p->tasks);
	list_del(&p->sibling);
	nr_threads--;
	spin_unlock_irqrestore(&tasklist_lock, flags);

	free_pidmap(p->pid);
	sighand_put(p->sighand);
	signal_put(p->signal);
	p->sighand = NULL;
	p->signal = NULL;
	put_task_struct(p);
}

/*
 * Give the children to child_reaper, tell the parent, and decide whether
 * anyone will reap us.  Return: true if the task must reap itself.
 */
static bool exit_notify(struct task_struct *tsk)
{
	struct task_struct *child, *n, *parent;
	bool autoreap, zombie_orphans = false;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry_safe(child, n, &tsk->children, sibling) {
		child->parent = child_reaper;
		list_move_tail(&child->sibling, &child_reaper->children);
		zombie_orphans |= child->exit_state == EXIT_ZOMBIE;
	}
	parent = tsk->parent;
	/* A parent that ignores SIGCHLD never waits: no zombie (as Linux). */
	autoreap = parent->sighand->action[SIGCHLD].handler == SIG_IGN;
	tsk->exit_state = autoreap ? EXIT_DEAD : EXIT_ZOMBIE;
	/*
	 * Still under the lock, as Linux's do_notify_parent(): once it is
	 * dropped the parent may exit and be reaped, and its signal_struct
	 * (with the wait queue) freed.
	 */
	if (zombie_orphans)
		wake_up_interruptible(&child_reaper->signal->wait_chldexit);
	if (!autoreap)
		wake_up_interruptible(&parent->signal->wait_chldexit);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return autoreap;
}

/**
 * do_exit - end the current task
 * @code: the exit code its parent sees (for a kernel thread, the return
 *        value of its function; for a process, the wait status)
 *
 * Context: process, never from an interrupt; never returns.
 */
asmlinkage void do_exit(long code)
{
	struct task_struct *tsk = current;

	if (unlikely(in_interrupt()))
		panic("Aiee, killing interrupt handler!");
	/* Only an idle task can be this CPU's idle task: a stale id is fine. */
	if (unlikely(tsk == idle_task(raw_smp_processor_id())))
		panic("Attempted to kill the idle task!");
	if (unlikely(tsk == child_reaper))
		panic("Attempted to kill init! exit code %#lx", code);

	tsk->flags |= PF_EXITING;
	exit_mm(tsk);
	exit_files(tsk);
	exit_fs(tsk);
	tsk->exit_code = code;
	trace_sched_exit(tsk, code);

	/*
	 * Not preemptible from here to the last switch: whoever we wake
	 * (kthread_stop(), a parent in do_wait()) runs after it, when
	 * finish_task_switch() has dropped our own reference, so the last
	 * reference it drops frees our stack and task_struct at once.
	 */
	preempt_disable();
	if (tsk->vfork_done)
		complete(tsk->vfork_done);
	if (exit_notify(tsk))
		release_task(tsk);
	tsk->state = TASK_DEAD;
	schedule();
	BUG();			/* a dead task was scheduled again */
	for (;;)
		;
}

/**
 * do_wait - wait for a child to exit and reap it
 * @pid: the child, or -1 for any
 * @exit_code: where its exit code goes (may be NULL)
 * @options: WNOHANG: do not sleep
 *
 * Context: process, may sleep.
 * Return: the reaped child's pid; 0 with WNOHANG if none has exited;
 * -ECHILD if there is no such child; -ERESTARTSYS if a signal came.
 */
long do_wait(pid_t pid, long *exit_code, int options)
{
	struct task_struct *tsk = current, *p, *found;
	unsigned long flags;
	long retval;
	bool any;
	DEFINE_WAIT(wait);

	for (;;) {
		prepare_to_wait(&tsk->signal->wait_chldexit, &wait,
				TASK_INTERRUPTIBLE);
		found = NULL;
		any = false;
		spin_lock_irqsave(&tasklist_lock, flags);
		list_for_each_entry(p, &tsk->children, sibling) {
			if (pid > 0 && p->pid != pid)
				continue;
			any = true;
			if (p->exit_state == EXIT_ZOMBIE) {
				p->exit_state = EXIT_DEAD;
				found = p;
				break;
			}
		}
		spin_unlock_irqrestore(&tasklist_lock, flags);

		if (found) {
			retval = found->pid;
			if (exit_code)
				*exit_code = found->exit_code;
			/* times(2): children's time counts once reaped. */
			tsk->signal->cutime += found->utime +
					       found->signal->cutime;
			tsk->signal->cstime += found->stime +
					       found->signal->cstime;
			release_task(found);
			break;
		}
		if (!any) {
			retval = -ECHILD;
			break;
		}
		if (options & WNOHANG) {
			retval = 0;
			break;
		}
		if (signal_pending(tsk)) {
			retval = -ERESTARTSYS;
			break;
		}
		schedule();
	}
	finish_wait(&tsk->signal->wait_chldexit, &wait);
	return retval;
}
