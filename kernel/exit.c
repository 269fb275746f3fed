// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/exit.c - do_exit(), reaping, and waiting for children.
 *
 * Linux 2.6: kernel/exit.c.
 * A task ends by calling do_exit(): it lets go of its address space, file
 * table and fs context, stops its alarm, gives up its controlling
 * terminal if it led a session, records its exit code, hands its children
 * to init (child_reaper), sends its parent SIGCHLD (exit_signal), and
 * becomes a zombie for its parent to reap with do_wait(), or is reaped at
 * once if its parent ignores SIGCHLD (kthreadd does, so kernel threads
 * made through kthread_create() clean up after themselves).  It then calls
 * schedule() one last time in state TASK_DEAD.  Its stack cannot be freed
 * while it runs on it: the task that runs next drops the last reference in
 * finish_task_switch().
 *
 * do_wait() (wait4(2), waitpid(2)) reaps zombies and, when asked, reports
 * children that stopped (WUNTRACED) or were continued (WCONTINUED): job
 * control, whose stops and continues are in kernel/signal.c.  A process
 * group whose members have no parent left in another group of their
 * session is "orphaned" (no shell can continue it): the terminal's stop
 * signals spare it, and if it is orphaned with stopped members, it gets
 * SIGHUP and SIGCONT (POSIX; Linux's will_become_orphaned_pgrp()).
 */
#include <asm/uaccess.h>
#include <completion.h>
#include <errno.h>
#include <file.h>
#include <fs_struct.h>
#include <kernel.h>
#include <mm_types.h>
#include <percpu.h>
#include <sched.h>
#include <signal.h>
#include <spinlock.h>
#include <syscalls.h>
#include <trace.h>
#include <tty.h>

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
	mm_release(tsk, mm);
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
 * Would group @pgrp be orphaned without @ignored: has none of its
 * members (but @ignored, the dead, and init's children) a parent in
 * another group of the same session?  An empty group counts as orphaned.
 * Under tasklist_lock.
 */
static bool will_become_orphaned_pgrp(pid_t pgrp, struct task_struct *ignored)
{
	struct task_struct *p;

	for_each_process(p) {
		if (p->signal->pgrp != pgrp || p == ignored || p->exit_state ||
		    p->parent == child_reaper)
			continue;
		if (p->parent->signal->pgrp != pgrp &&
		    p->parent->signal->session == p->signal->session)
			return false;
	}
	return true;
}

/**
 * is_current_pgrp_orphaned - is the caller's process group orphaned?
 *
 * Context: process; takes tasklist_lock.
 * Return: nonzero if it is.
 */
int is_current_pgrp_orphaned(void)
{
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&tasklist_lock, flags);
	ret = will_become_orphaned_pgrp(current->signal->pgrp, NULL);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

/* Has group @pgrp a stopped member?  Under tasklist_lock. */
static bool has_stopped_jobs(pid_t pgrp)
{
	struct task_struct *p;

	for_each_process(p)
		if (p->signal->pgrp == pgrp && p->state == TASK_STOPPED)
			return true;
	return false;
}

/*
 * @pgrp, which @parent's death may have orphaned: if it now is, and a
 * member is stopped, nobody could ever continue it -- so hang it up and
 * continue it (POSIX 3.2.2.2).  Under tasklist_lock.
 */
static void kill_orphaned_pgrp(struct task_struct *tsk, pid_t pgrp,
			       pid_t parent_pgrp, pid_t session,
			       struct task_struct *ignored)
{
	if (pgrp > 0 && pgrp != parent_pgrp &&
	    session == tsk->signal->session &&
	    will_become_orphaned_pgrp(pgrp, ignored) &&
	    has_stopped_jobs(pgrp)) {
		kill_pgrp_locked(pgrp, SIGHUP);
		kill_pgrp_locked(pgrp, SIGCONT);
	}
}

/*
 * Give the children to child_reaper, tell the parent, and decide whether
 * anyone will reap us.  Return: true if the task must reap itself.
 */
static bool exit_notify(struct task_struct *tsk)
{
	struct task_struct *child, *n, *parent;
	struct k_sigaction *ka;
	bool autoreap, zombie_orphans = false;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	parent = tsk->parent;
	/* Our own group, if our going orphans it (we were its link). */
	kill_orphaned_pgrp(tsk, tsk->signal->pgrp, parent->signal->pgrp,
			   parent->signal->session, tsk);
	list_for_each_entry_safe(child, n, &tsk->children, sibling) {
		child->parent = child_reaper;
		list_move_tail(&child->sibling, &child_reaper->children);
		zombie_orphans |= child->exit_state == EXIT_ZOMBIE;
		/* Each child's group, if we were its link. */
		kill_orphaned_pgrp(tsk, child->signal->pgrp,
				   tsk->signal->pgrp, child->signal->session,
				   NULL);
	}
	/*
	 * A parent that ignores SIGCHLD, or asked for no zombies
	 * (SA_NOCLDWAIT), never waits: no zombie (as Linux).
	 */
	ka = &parent->sighand->action[SIGCHLD];
	autoreap = ka->handler == SIG_IGN || (ka->flags & SA_NOCLDWAIT);
	tsk->exit_state = autoreap ? EXIT_DEAD : EXIT_ZOMBIE;
	/*
	 * Still under the lock, as Linux's do_notify_parent(): once it is
	 * dropped the parent may exit and be reaped, and its signal_struct
	 * (with the wait queue) freed.
	 */
	if (tsk->exit_signal)
		do_notify_parent(tsk, tsk->exit_signal);
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
	exit_itimers(tsk->signal);
	exit_mm(tsk);
	exit_files(tsk);
	exit_fs(tsk);
	/* A session leader's terminal is free for the next session. */
	if (tsk->signal->leader)
		disassociate_ctty(1);
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

/* What do_wait() found: the status word, and a reaped child's times. */
struct wait_result {
	long status;
	unsigned long utime, stime;
};

/* Is @p one of the children @pid asks for?  Under tasklist_lock. */
static bool eligible_child(pid_t pid, struct task_struct *p)
{
	if (pid > 0)
		return p->pid == pid;
	if (pid == -1)
		return true;
	if (pid == 0)
		return p->signal->pgrp == current->signal->pgrp;
	/* -pid of the smallest int is no group: nothing matches it. */
	return pid != -__INT_MAX__ - 1 && p->signal->pgrp == -pid;
}

/*
 * A child stopped (WUNTRACED) or continued (WCONTINUED) since the last
 * report: its status word, once; 0 if neither.  Under tasklist_lock.
 */
static long job_control_status(struct task_struct *p, int options)
{
	struct signal_struct *sig = p->signal;
	long status = 0;

	spin_lock(&p->sighand->siglock);
	if ((options & WUNTRACED) && (sig->flags & SIGNAL_STOP_STOPPED) &&
	    sig->stop_code) {
		status = (sig->stop_code << 8) | 0x7f;
		sig->stop_code = 0;
	} else if ((options & WCONTINUED) &&
		   (sig->flags & SIGNAL_STOP_CONTINUED)) {
		status = 0xffff;
		sig->flags &= ~SIGNAL_STOP_CONTINUED;
	}
	spin_unlock(&p->sighand->siglock);
	return status;
}

static long __do_wait(pid_t pid, int options, struct wait_result *res)
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
		retval = 0;
		spin_lock_irqsave(&tasklist_lock, flags);
		list_for_each_entry(p, &tsk->children, sibling) {
			if (!eligible_child(pid, p))
				continue;
			any = true;
			if (p->exit_state == EXIT_ZOMBIE) {
				p->exit_state = EXIT_DEAD;
				found = p;
				break;
			}
			if (p->exit_state)
				continue;
			res->status = job_control_status(p, options);
			if (res->status) {
				res->utime = res->stime = 0;
				retval = p->pid;
				break;
			}
		}
		spin_unlock_irqrestore(&tasklist_lock, flags);

		if (found) {
			retval = found->pid;
			res->status = found->exit_code;
			res->utime = found->utime;
			res->stime = found->stime;
			/* times(2): children's time counts once reaped. */
			tsk->signal->cutime += found->utime +
					       found->signal->cutime;
			tsk->signal->cstime += found->stime +
					       found->signal->cstime;
			release_task(found);
			break;
		}
		if (retval)
			break;
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

/**
 * do_wait - wait for a child to exit and reap it, or to stop or go on
 * @pid: the child (> 0), any child (-1), any child of the caller's
 *       process group (0), or of group -@pid (< -1)
 * @exit_code: where its wait status goes (may be NULL): the exit code,
 *             (sig << 8) | 0x7f for a stop, 0xffff for a continue
 * @options: WNOHANG: do not sleep; WUNTRACED: report a stopped child;
 *           WCONTINUED: report a continued one
 *
 * Context: process, may sleep.
 * Return: the child's pid; 0 with WNOHANG if none is ready; -ECHILD if
 * there is no such child; -ERESTARTSYS if a signal came.
 */
long do_wait(pid_t pid, long *exit_code, int options)
{
	struct wait_result res;
	long ret = __do_wait(pid, options, &res);

	if (ret > 0 && exit_code)
		*exit_code = res.status;
	return ret;
}

/* The clone-related options Linux accepts, which mean nothing here. */
#define __WNOTHREAD	0x20000000
#define __WALL		0x40000000
#define __WCLONE	0x80000000

static void ticks_to_timeval(unsigned long ticks, struct kt_timeval *tv)
{
	tv->tv_sec = ticks / HZ;
	tv->tv_usec = (ticks % HZ) * (1000000 / HZ);
}

asmlinkage long sys_wait4(pid_t pid, int *stat_addr, int options,
			  struct kt_rusage *ru)
{
	struct wait_result res;
	long ret;

	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD |
			__WALL | __WCLONE))
		return -EINVAL;
	ret = __do_wait(pid, options, &res);
	if (ret <= 0)
		return ret;
	if (stat_addr) {
		int status = res.status;

		if (copy_to_user(stat_addr, &status, sizeof(status)))
			return -EFAULT;
	}
	if (ru) {
		struct kt_rusage r = { 0 };

		ticks_to_timeval(res.utime, &r.ru_utime);
		ticks_to_timeval(res.stime, &r.ru_stime);
		if (copy_to_user(ru, &r, sizeof(r)))
			return -EFAULT;
	}
	return ret;
}

asmlinkage long sys_waitpid(pid_t pid, int *stat_addr, int options)
{
	return sys_wait4(pid, stat_addr, options, NULL);
}
