// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/signal.c - signals: sending, ignoring, the handler tables.
 *
 * Linux 2.6: kernel/signal.c.
 * A signal is a bit in the target's pending mask plus TIF_SIGPENDING,
 * which makes the target act on it on its way back to user mode
 * (do_notify_resume(), called from resume_userspace in
 * arch/x86/entry.asm) or wakes it from an interruptible sleep.  There
 * are no user handlers: a signal's action is its default (end the
 * process, with the signal number as its wait status; SIGCHLD and SIGCONT
 * are ignored) or SIG_IGN.  A signal whose action is SIG_IGN is dropped
 * when it is sent.  Kernel threads ignore all signals: kthreadd calls
 * ignore_signals() and the threads it creates copy its table.  init
 * (pid 1) cannot be killed by a default action, as in Linux.  kill(2)
 * reaches only the caller's own user's processes, unless it is root.
 */
#include <asm/ptrace.h>
#include <capability.h>
#include <kernel.h>
#include <sched.h>
#include <signal.h>
#include <slab.h>
#include <string.h>

struct sighand_struct init_sighand = {
	.count = ATOMIC_INIT(1),
	.siglock = __SPIN_LOCK_UNLOCKED,
};

struct signal_struct init_signals = {
	.count = ATOMIC_INIT(1),
	.wait_chldexit = __WAIT_QUEUE_HEAD_INITIALIZER(
		init_signals.wait_chldexit),
};

static struct kmem_cache *sighand_cachep, *signal_cachep;

/**
 * signals_init - create the sighand and signal caches
 *
 * Context: boot.
 */
void signals_init(void)
{
	sighand_cachep = kmem_cache_create("sighand_cache",
					   sizeof(struct sighand_struct), 0,
					   0, NULL);
	signal_cachep = kmem_cache_create("signal_cache",
					  sizeof(struct signal_struct), 0, 0,
					  NULL);
	if (!sighand_cachep || !signal_cachep)
		panic("signals_init: no memory");
}

/**
 * sighand_alloc - a handler table with one reference
 *
 * Return: the table, or NULL.
 */
struct sighand_struct *sighand_alloc(void)
{
	struct sighand_struct *sh = kmem_cache_zalloc(sighand_cachep,
						      GFP_KERNEL);

	if (sh) {
		atomic_set(&sh->count, 1);
		spin_lock_init(&sh->siglock);
	}
	return sh;
}

/**
 * sighand_put - drop a reference to a handler table
 * @sighand: the table
 */
void sighand_put(struct sighand_struct *sighand)
{
	if (atomic_dec_and_test(&sighand->count)) {
		BUG_ON(sighand == &init_sighand);
		kmem_cache_free(sighand_cachep, sighand);
	}
}

/**
 * signal_alloc - a signal_struct with one reference
 *
 * Return: it, or NULL.
 */
struct signal_struct *signal_alloc(void)
{
	struct signal_struct *sig = kmem_cache_zalloc(signal_cachep,
						      GFP_KERNEL);

	if (sig) {
		atomic_set(&sig->count, 1);
		init_waitqueue_head(&sig->wait_chldexit);
	}
	return sig;
}

/**
 * signal_put - drop a reference to a signal_struct
 * @sig: it
 */
void signal_put(struct signal_struct *sig)
{
	if (atomic_dec_and_test(&sig->count)) {
		BUG_ON(sig == &init_signals);
		kmem_cache_free(signal_cachep, sig);
	}
}

/**
 * ignore_signals - make a task ignore every signal (kernel threads)
 * @t: the task; its handler table must not be shared
 */
void ignore_signals(struct task_struct *t)
{
	unsigned long flags;

	spin_lock_irqsave(&t->sighand->siglock, flags);
	for (int sig = 1; sig < _NSIG; sig++)
		t->sighand->action[sig].handler = SIG_IGN;
	spin_unlock_irqrestore(&t->sighand->siglock, flags);
	flush_signals(t);
}

/**
 * allow_signal - let the current kernel thread receive @sig after all
 * @sig: the signal
 *
 * The thread must check signal_pending() itself: kernel threads never
 * return to user mode, where signals are acted on.
 */
void allow_signal(int sig)
{
	unsigned long flags;

	if (sig < 1 || sig >= _NSIG)
		return;
	spin_lock_irqsave(&current->sighand->siglock, flags);
	current->sighand->action[sig].handler = SIG_DFL;
	spin_unlock_irqrestore(&current->sighand->siglock, flags);
}

/**
 * flush_signals - forget every pending signal of @t
 * @t: the task
 */
void flush_signals(struct task_struct *t)
{
	unsigned long flags;

	spin_lock_irqsave(&t->sighand->siglock, flags);
	t->pending = 0;
	clear_ti_thread_flag(task_thread_info(t), TIF_SIGPENDING);
	spin_unlock_irqrestore(&t->sighand->siglock, flags);
}

/**
 * send_sig - post signal @sig to task @p
 * @sig: 1 .. _NSIG - 1
 * @p: the target
 *
 * An ignored signal is dropped.  SIGKILL cannot be ignored by a process,
 * but kernel threads ignore it too, and init drops every signal it has
 * no handler for (as in Linux).
 * Context: any.
 * Return: 0 (also when the signal was ignored), -EINVAL for a bad number.
 */
int send_sig(int sig, struct task_struct *p)
{
	unsigned long flags;

	if (sig < 1 || sig >= _NSIG)
		return -EINVAL;
	spin_lock_irqsave(&p->sighand->siglock, flags);
	if ((p->sighand->action[sig].handler == SIG_IGN &&
	     (sig != SIGKILL || (p->flags & PF_KTHREAD))) ||
	    (p == child_reaper && p->sighand->action[sig].handler == SIG_DFL)) {
		spin_unlock_irqrestore(&p->sighand->siglock, flags);
		return 0;
	}
	p->pending |= sigmask(sig);
	set_ti_thread_flag(task_thread_info(p), TIF_SIGPENDING);
	spin_unlock_irqrestore(&p->sighand->siglock, flags);
	/* An interruptible sleeper must come back to notice. */
	try_to_wake_up(p, TASK_INTERRUPTIBLE);
	return 0;
}

/**
 * force_sig - post a signal that cannot be ignored (a fault's SIGSEGV)
 * @sig: the signal
 * @p: the task, normally current
 *
 * Context: exception handler.
 */
void force_sig(int sig, struct task_struct *p)
{
	unsigned long flags;

	spin_lock_irqsave(&p->sighand->siglock, flags);
	p->sighand->action[sig].handler = SIG_DFL;
	p->blocked &= ~sigmask(sig);
	p->pending |= sigmask(sig);
	set_ti_thread_flag(task_thread_info(p), TIF_SIGPENDING);
	spin_unlock_irqrestore(&p->sighand->siglock, flags);
}

static bool sig_default_ignored(int sig)
{
	return sig == SIGCHLD || sig == SIGCONT;
}

/* The lowest pending, unblocked signal, taken off the mask; 0 if none. */
static int dequeue_signal(struct task_struct *tsk)
{
	unsigned long flags, ready;
	int sig = 0;

	spin_lock_irqsave(&tsk->sighand->siglock, flags);
	ready = tsk->pending & ~tsk->blocked;
	if (ready) {
		sig = __builtin_ctzl(ready) + 1;
		tsk->pending &= ~sigmask(sig);
	}
	if (!(tsk->pending & ~tsk->blocked))
		clear_ti_thread_flag(task_thread_info(tsk), TIF_SIGPENDING);
	spin_unlock_irqrestore(&tsk->sighand->siglock, flags);
	return sig;
}

/**
 * do_notify_resume - act on pending signals before returning to user mode
 * @regs: the user context about to be restored
 *
 * A signal whose action is the default ends the process (do_exit() with
 * the signal number: the status waitpid() reports as "killed by").  If a
 * system call was interrupted by a signal that turned out to be ignored,
 * it is restarted: eip is moved back over the two-byte int $0x80.
 * Context: process, interrupts on, from resume_userspace.
 */
asmlinkage void do_notify_resume(struct pt_regs *regs)
{
	int sig;

	while ((sig = dequeue_signal(current))) {
		if (current->sighand->action[sig].handler == SIG_IGN ||
		    sig_default_ignored(sig) || current == child_reaper)
			continue;
		do_exit(sig);
	}
	if (regs->orig_eax >= 0 && regs->eax == -ERESTARTSYS) {
		regs->eax = regs->orig_eax;
		regs->eip -= 2;
	}
}

/*
 * May the current task signal @p?  Linux's check_kill_permission(): root
 * (CAP_KILL) may signal anyone; any other task only the processes of its
 * own user, whose real id is its real or effective id.
 */
static bool kill_permitted(struct task_struct *p)
{
	return capable(CAP_KILL) || current->uid == p->uid ||
	       current->euid == p->uid;
}

/**
 * kill_pid - kill(2): send @sig to the task with pid @pid
 * @pid: the target; no process groups here, so it must be > 0
 * @sig: the signal; 0 only checks that the task exists and may be
 *       signalled
 *
 * The task is looked up and signalled under tasklist_lock: once the lock
 * is dropped it may be reaped, and release_task() takes its sighand away.
 * Context: process.
 * Return: 0, -EINVAL (bad signal or pid <= 0), -ESRCH (no such task),
 * -EPERM (another user's task, and the caller is not root).
 */
int kill_pid(pid_t pid, int sig)
{
	struct task_struct *p;
	unsigned long flags;
	int ret;

	if (pid <= 0 || sig < 0 || sig >= _NSIG)
		return -EINVAL;
	spin_lock_irqsave(&tasklist_lock, flags);
	p = find_task_by_pid_locked(pid);
	if (!p)
		ret = -ESRCH;
	else if (!kill_permitted(p))
		ret = -EPERM;
	else
		ret = sig ? send_sig(sig, p) : 0;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}
