// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/signal.c - signals: sending, blocking, handler tables, the
 * default actions (terminate, ignore, stop, continue), and the system
 * calls that set them up.
 *
 * Linux 2.6: kernel/signal.c.  Understanding the Linux Kernel, 3rd ed.,
 * chapter 11, sections "Generating a Signal" and "Delivering a Signal".
 * Sending (send_signal()) sets a bit in the target's pending set, keeps
 * who sent it (struct ksiginfo), and -- unless the signal is blocked --
 * sets TIF_SIGPENDING and wakes the target from an interruptible sleep
 * (a system call it sleeps in returns -ERESTARTSYS or -EINTR).  A signal
 * whose action is to be ignored is dropped at once.  SIGCONT and the stop
 * signals act when sent, as in Linux: SIGCONT wakes a stopped process and
 * throws away pending stop signals, a stop signal throws away a pending
 * SIGCONT.
 *
 * Delivering happens on the target's way back to user mode
 * (arch/x86/signal.c: do_signal(), from resume_userspace):
 * get_signal_to_deliver() takes the pending, unblocked signals one by
 * one, lowest first.  A user handler is returned to the caller, which
 * builds its stack frame; a default action is carried out here: ignore
 * (SIGCHLD, SIGCONT, SIGURG, SIGWINCH), stop (SIGSTOP, SIGTSTP,
 * SIGTTIN, SIGTTOU: TASK_STOPPED until SIGCONT, the parent told by
 * SIGCHLD and wait4(WUNTRACED)), or terminate (do_exit() with the signal
 * as the wait status; the "core" signals too, without a core file and
 * without the core flag).  init (pid 1) has no default actions: only a
 * handler it installed reaches it.  Kernel threads ignore every signal
 * unless they allow_signal(); they never return to user mode, so they
 * look at signal_pending() themselves.
 *
 * Process groups and sessions (kernel/sys.c) make kill(0, sig) and
 * kill(-pgrp, sig) reach a group, and let the terminal (drivers/tty.c)
 * signal its foreground group (^C, ^Z).  Locks: sighand->siglock guards
 * the pending, blocked and action sets and the job-control flags; the
 * group walks hold tasklist_lock outside it.
 */
#include <asm/uaccess.h>
#include <capability.h>
#include <errno.h>
#include <kernel.h>
#include <sched.h>
#include <signal.h>
#include <slab.h>
#include <string.h>
#include <syscalls.h>

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
	it_real_init(&init_signals);
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
 * signal_alloc - a new process's signal_struct, with one reference
 *
 * fork() gives the child the caller's process group, session and
 * controlling terminal (Linux copies them in copy_process()), but not its
 * session leadership, its job-control state or its alarm (a child starts
 * with none, as POSIX says).
 * Context: process (fork).
 * Return: it, or NULL.
 */
struct signal_struct *signal_alloc(void)
{
	struct signal_struct *sig = kmem_cache_zalloc(signal_cachep,
						      GFP_KERNEL);
	unsigned long flags;

	if (!sig)
		return NULL;
	atomic_set(&sig->count, 1);
	init_waitqueue_head(&sig->wait_chldexit);
	it_real_init(sig);
	spin_lock_irqsave(&tasklist_lock, flags);
	sig->pgrp = current->signal->pgrp;
	sig->session = current->signal->session;
	sig->tty = current->signal->tty;
	spin_unlock_irqrestore(&tasklist_lock, flags);
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
		/* do_exit() stopped it (exit_itimers()). */
		WARN_ON(timer_pending(&sig->real_timer));
		kmem_cache_free(signal_cachep, sig);
	}
}

/* TIF_SIGPENDING says: a pending signal is not blocked.  Under siglock. */
static void recalc_sigpending_tsk(struct task_struct *t)
{
	if (t->pending & ~t->blocked)
		set_ti_thread_flag(task_thread_info(t), TIF_SIGPENDING);
	else
		clear_ti_thread_flag(task_thread_info(t), TIF_SIGPENDING);
}

/**
 * recalc_sigpending - make TIF_SIGPENDING of current true again
 *
 * Context: process, with current's siglock held.
 */
void recalc_sigpending(void)
{
	recalc_sigpending_tsk(current);
}

/**
 * set_current_blocked - replace the blocked set of current
 * @newset: the new set; SIGKILL and SIGSTOP are taken out of it
 *
 * A signal it unblocks is delivered on the way back to user mode.
 * Context: process.
 */
void set_current_blocked(sigset_t newset)
{
	struct sighand_struct *sighand = current->sighand;
	unsigned long flags;

	spin_lock_irqsave(&sighand->siglock, flags);
	current->blocked = newset & ~SIG_KERNEL_ONLY_MASK;
	recalc_sigpending();
	spin_unlock_irqrestore(&sighand->siglock, flags);
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

	if (!valid_signal(sig))
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

/*
 * Would @sig be thrown away if sent to @t now?  A blocked signal never
 * is: its action may change before it is unblocked (Linux: sig_ignored()).
 * SIGKILL cannot be ignored by a process, but kernel threads ignore it
 * too; init has no default actions at all.  Under siglock.
 */
static bool sig_ignored(struct task_struct *t, int sig)
{
	__sighandler_t handler = t->sighand->action[sig].handler;

	if (t->blocked & sigmask(sig))
		return false;
	if (handler == SIG_IGN)
		return sig != SIGKILL || (t->flags & PF_KTHREAD);
	if (handler != SIG_DFL)
		return false;
	return t == child_reaper || sig_kernel_ignore(sig);
}

/*
 * What SIGCONT and the stop signals do at the moment they are sent,
 * whether or not they are then ignored (Linux: handle_stop_signal()).
 * The continued task tells its parent itself, when it runs again
 * (get_signal_to_deliver()), so no parent lock is needed here.  Under
 * siglock.
 */
static void handle_stop_signal(int sig, struct task_struct *p)
{
	struct signal_struct *signal = p->signal;

	if (sig_kernel_stop(sig)) {
		p->pending &= ~sigmask(SIGCONT);
	} else if (sig == SIGCONT) {
		p->pending &= ~SIG_KERNEL_STOP_MASK;
		if (signal->flags & SIGNAL_STOP_STOPPED) {
			signal->flags &= ~SIGNAL_STOP_STOPPED;
			signal->flags |= SIGNAL_STOP_CONTINUED |
					 SIGNAL_CLD_CONTINUED;
			signal->stop_code = 0;
		}
		/* A stop already taken off the queue is cancelled too. */
		signal->flags &= ~SIGNAL_STOP_DEQUEUED;
		recalc_sigpending_tsk(p);
		try_to_wake_up(p, TASK_STOPPED);
	}
}

/*
 * Make @t notice its signal: TIF_SIGPENDING, and a wake-up from an
 * interruptible sleep; SIGKILL also ends a stop (Linux: signal_wake_up()).
 */
static void signal_wake_up(struct task_struct *t, bool resume)
{
	set_ti_thread_flag(task_thread_info(t), TIF_SIGPENDING);
	try_to_wake_up(t, TASK_INTERRUPTIBLE | (resume ? TASK_STOPPED : 0));
}

/*
 * Post @sig to @t.  A signal already pending is not posted twice (the
 * first one's ksiginfo stays): standard signals do not queue, and here
 * neither do the real-time ones.  Under siglock.
 */
static void send_signal(int sig, const struct ksiginfo *info,
			struct task_struct *t)
{
	handle_stop_signal(sig, t);
	if (sig_ignored(t, sig) || (t->pending & sigmask(sig)))
		return;
	t->pending |= sigmask(sig);
	t->signal->info[sig] = *info;
	if (!(t->blocked & sigmask(sig)))
		signal_wake_up(t, sig == SIGKILL);
}

/**
 * send_sig_info - post signal @sig to task @p, saying who sent it
 * @sig: 1 .. _NSIG - 1
 * @info: the sender, for an SA_SIGINFO handler
 * @p: the target
 *
 * An ignored signal is dropped; a blocked one stays pending, without
 * waking @p, until it is unblocked.
 * Context: any.
 * Return: 0 (also when the signal was ignored), -EINVAL for a bad number.
 */
int send_sig_info(int sig, const struct ksiginfo *info, struct task_struct *p)
{
	unsigned long flags;

	if (!valid_signal(sig))
		return -EINVAL;
	spin_lock_irqsave(&p->sighand->siglock, flags);
	send_signal(sig, info, p);
	spin_unlock_irqrestore(&p->sighand->siglock, flags);
	return 0;
}

/**
 * send_sig - post signal @sig to task @p, from the kernel
 * @sig: 1 .. _NSIG - 1
 * @p: the target
 *
 * Context: any.
 * Return: 0 (also when the signal was ignored), -EINVAL for a bad number.
 */
int send_sig(int sig, struct task_struct *p)
{
	struct ksiginfo info = { .code = SI_KERNEL };

	return send_sig_info(sig, &info, p);
}

/**
 * force_sig - post a signal the task cannot block or ignore (a fault's)
 * @sig: the signal
 * @p: the task, normally current
 *
 * Blocked or ignored, the signal gets its default action back (Linux:
 * force_sig_info()); a handler the program installed still runs.
 * Context: exception handler.
 */
void force_sig(int sig, struct task_struct *p)
{
	struct k_sigaction *ka = &p->sighand->action[sig];
	unsigned long flags;

	spin_lock_irqsave(&p->sighand->siglock, flags);
	if ((p->blocked & sigmask(sig)) || ka->handler == SIG_IGN) {
		ka->handler = SIG_DFL;
		p->blocked &= ~sigmask(sig);
	}
	if (!(p->pending & sigmask(sig))) {
		p->pending |= sigmask(sig);
		p->signal->info[sig] = (struct ksiginfo){ .code = SI_KERNEL };
	}
	signal_wake_up(p, sig == SIGKILL);
	spin_unlock_irqrestore(&p->sighand->siglock, flags);
}

/**
 * force_sigsegv - a handler's frame could not be written: SIGSEGV
 * @sig: the signal whose frame failed
 * @p: current
 *
 * If that signal was SIGSEGV itself, its handler is dropped, or the
 * next attempt would fail the same way for ever.
 * Context: process.
 */
void force_sigsegv(int sig, struct task_struct *p)
{
	unsigned long flags;

	if (sig == SIGSEGV) {
		spin_lock_irqsave(&p->sighand->siglock, flags);
		p->sighand->action[sig].handler = SIG_DFL;
		spin_unlock_irqrestore(&p->sighand->siglock, flags);
	}
	force_sig(SIGSEGV, p);
}

/**
 * is_ignored - would @sig reach current at all just now?
 * @sig: the signal
 *
 * For the terminal's job control: a background process that blocks or
 * ignores SIGTTIN or SIGTTOU is not stopped by it (Linux: is_ignored()
 * in drivers/char/tty_io.c).
 * Return: true if current blocks or ignores @sig.
 */
int is_ignored(int sig)
{
	return (current->blocked & sigmask(sig)) ||
	       current->sighand->action[sig].handler == SIG_IGN;
}

/*
 * May the current task signal @p?  Linux's check_kill_permission(): root
 * (CAP_KILL) may signal anyone; any other task the processes of its own
 * user, whose real id is its real or effective id; and SIGCONT anyone in
 * its own session (a shell continuing a job that changed user).  Under
 * tasklist_lock.
 */
static bool kill_permitted(struct task_struct *p, int sig)
{
	pid_t session = current->signal->session;

	return capable(CAP_KILL) || current->uid == p->uid ||
	       current->euid == p->uid ||
	       (sig == SIGCONT && p->signal->session == session);
}

static struct ksiginfo user_info(int code)
{
	return (struct ksiginfo){ .code = code, .pid = current->tgid,
				  .uid = current->uid };
}

/* One target of kill(): the permission, then the signal.  tasklist_lock. */
static int kill_one(struct task_struct *p, int sig,
		    const struct ksiginfo *info, bool priv)
{
	if (!priv && !kill_permitted(p, sig))
		return -EPERM;
	return sig ? send_sig_info(sig, info, p) : 0;
}

static int kill_pid_info(int sig, const struct ksiginfo *info, pid_t pid)
{
	struct task_struct *p;
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&tasklist_lock, flags);
	p = find_task_by_pid_locked(pid);
	ret = p ? kill_one(p, sig, info, false) : -ESRCH;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

/**
 * kill_pid - send @sig to the task with pid @pid, as kill(2) does
 * @pid: the target, > 0
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
	struct ksiginfo info = user_info(SI_USER);

	if (pid <= 0 || sig < 0 || sig >= _NSIG)
		return -EINVAL;
	return kill_pid_info(sig, &info, pid);
}

/* Every member of group @pgrp (> 0); under tasklist_lock. */
static int __kill_pgrp_info(int sig, const struct ksiginfo *info, pid_t pgrp,
			    bool priv)
{
	struct task_struct *p;
	int ret = -ESRCH;
	bool sent = false;

	for_each_process(p) {
		if (p->signal->pgrp != pgrp)
			continue;
		ret = kill_one(p, sig, info, priv);
		sent |= !ret;
	}
	return sent ? 0 : ret;
}

static int kill_pgrp_info(int sig, const struct ksiginfo *info, pid_t pgrp,
			  bool priv)
{
	unsigned long flags;
	int ret;

	if (pgrp <= 0)
		return -EINVAL;
	spin_lock_irqsave(&tasklist_lock, flags);
	ret = __kill_pgrp_info(sig, info, pgrp, priv);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

/**
 * kill_pgrp_locked - kill_pgrp() from the kernel, tasklist_lock held
 * @pgrp: the process group, > 0
 * @sig: the signal
 *
 * For exit_notify(): SIGHUP and SIGCONT to a group orphaned with
 * stopped members.
 * Context: tasklist_lock held.
 * Return: as kill_pgrp().
 */
int kill_pgrp_locked(pid_t pgrp, int sig)
{
	struct ksiginfo info = { .code = SI_KERNEL };

	return __kill_pgrp_info(sig, &info, pgrp, true);
}

/**
 * kill_pgrp - send @sig to every process of group @pgrp
 * @pgrp: the process group, > 0
 * @sig: the signal
 * @priv: nonzero: from the kernel (the terminal's ^C), no permission check
 *
 * Context: any (the terminal's interrupt); takes tasklist_lock.
 * Return: 0 if one member at least got it, else -ESRCH (no member),
 * -EPERM, or -EINVAL (@pgrp <= 0).
 */
int kill_pgrp(pid_t pgrp, int sig, int priv)
{
	struct ksiginfo info = { .code = SI_KERNEL };

	if (!priv)
		info = user_info(SI_USER);
	return kill_pgrp_info(sig, &info, pgrp, priv);
}

/* kill(-1, sig): every process but init and the caller (Linux 2.6). */
static int kill_all(int sig, const struct ksiginfo *info)
{
	struct task_struct *p;
	unsigned long flags;
	int count = 0, ret = 0;

	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p) {
		int err;

		if (p->pid <= 1 || p->tgid == current->tgid)
			continue;
		err = kill_one(p, sig, info, false);
		count++;
		if (err != -EPERM)
			ret = err;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return count ? ret : -ESRCH;
}

asmlinkage long sys_kill(pid_t pid, int sig)
{
	struct ksiginfo info = user_info(SI_USER);

	if (sig < 0 || sig >= _NSIG)
		return -EINVAL;
	if (pid > 0)
		return kill_pid_info(sig, &info, pid);
	if (pid == 0)
		return kill_pgrp_info(sig, &info,
				      READ_ONCE(current->signal->pgrp), false);
	if (pid == -1)
		return kill_all(sig, &info);
	if (pid == -__INT_MAX__ - 1)	/* -pid would not be a number */
		return -ESRCH;
	return kill_pgrp_info(sig, &info, -pid, false);
}

/* tkill(2), tgkill(2): one thread by its id (a thread is a task here). */
static long do_tkill(pid_t tgid, pid_t pid, int sig)
{
	struct ksiginfo info = user_info(SI_TKILL);
	struct task_struct *p;
	unsigned long flags;
	long ret;

	if (pid <= 0 || sig < 0 || sig >= _NSIG)
		return -EINVAL;
	spin_lock_irqsave(&tasklist_lock, flags);
	p = find_task_by_pid_locked(pid);
	if (!p || (tgid > 0 && p->tgid != tgid))
		ret = -ESRCH;
	else
		ret = kill_one(p, sig, &info, false);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

asmlinkage long sys_tkill(pid_t pid, int sig)
{
	return do_tkill(0, pid, sig);
}

asmlinkage long sys_tgkill(pid_t tgid, pid_t pid, int sig)
{
	if (tgid <= 0)
		return -EINVAL;
	return do_tkill(tgid, pid, sig);
}

/*
 * The lowest pending, unblocked signal, taken off the set with what it
 * was sent with; 0 if none.  A stop signal taken is marked, so that a
 * SIGCONT sent before the task stops cancels the stop.  Under siglock.
 */
static int dequeue_signal(struct task_struct *tsk, struct ksiginfo *info)
{
	sigset_t ready = tsk->pending & ~tsk->blocked;
	int sig;

	if (!ready)
		return 0;
	sig = __builtin_ctzll(ready) + 1;
	tsk->pending &= ~sigmask(sig);
	*info = tsk->signal->info[sig];
	if (sig_kernel_stop(sig))
		tsk->signal->flags |= SIGNAL_STOP_DEQUEUED;
	recalc_sigpending_tsk(tsk);
	return sig;
}

/*
 * Tell @tsk's parent that @tsk stopped (CLD_STOPPED, by @sig) or went on
 * (CLD_CONTINUED): SIGCHLD unless the parent ignores it or asked for
 * none (SA_NOCLDSTOP), and a wake-up of its wait4() in any case (Linux:
 * do_notify_parent_cldstop()).
 */
static void do_notify_parent_cldstop(struct task_struct *tsk, int why,
				     int sig)
{
	struct ksiginfo info = { .code = why, .pid = tsk->pid,
				 .uid = tsk->uid, .status = sig };
	struct task_struct *parent;
	struct k_sigaction *ka;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	parent = tsk->parent;
	spin_lock(&parent->sighand->siglock);
	ka = &parent->sighand->action[SIGCHLD];
	if (ka->handler != SIG_IGN && !(ka->flags & SA_NOCLDSTOP))
		send_signal(SIGCHLD, &info, parent);
	spin_unlock(&parent->sighand->siglock);
	wake_up_interruptible(&parent->signal->wait_chldexit);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

/**
 * do_notify_parent - a process has exited: send its parent @sig
 * @tsk: the dead process (a zombie from now on, or about to be reaped)
 * @sig: its exit_signal, normally SIGCHLD
 *
 * Context: exit_notify(), under tasklist_lock.
 */
void do_notify_parent(struct task_struct *tsk, int sig)
{
	bool killed = tsk->exit_code & 0x7f;
	struct ksiginfo info = {
		.code = killed ? CLD_KILLED : CLD_EXITED,
		.pid = tsk->pid,
		.uid = tsk->uid,
		.status = killed ? tsk->exit_code & 0x7f
				 : (tsk->exit_code >> 8) & 0xff,
	};

	send_sig_info(sig, &info, tsk->parent);
}

/*
 * A stop signal's default action: TASK_STOPPED until SIGCONT (or
 * SIGKILL) wakes us, the parent told first.  Not if a SIGCONT or a
 * SIGKILL came since the signal was taken (Linux: do_signal_stop()).
 */
static void do_signal_stop(int sig)
{
	struct sighand_struct *sighand = current->sighand;
	struct signal_struct *signal = current->signal;

	spin_lock_irq(&sighand->siglock);
	if (!(signal->flags & SIGNAL_STOP_DEQUEUED) ||
	    (current->pending & sigmask(SIGKILL))) {
		spin_unlock_irq(&sighand->siglock);
		return;
	}
	signal->flags = SIGNAL_STOP_STOPPED;
	signal->stop_code = sig;
	/* Under the lock: a SIGCONT now finds us TASK_STOPPED and wakes us. */
	set_current_state(TASK_STOPPED);
	spin_unlock_irq(&sighand->siglock);
	do_notify_parent_cldstop(current, CLD_STOPPED, sig);
	schedule();
}

/**
 * get_signal_to_deliver - act on current's pending signals
 * @info: where the sender of a signal with a handler goes
 * @return_ka: where that signal's action goes
 *
 * Takes the pending, unblocked signals lowest first: ignored ones are
 * dropped, default actions carried out -- ignore, stop (we sleep in
 * TASK_STOPPED here until continued), or terminate (do_exit() does not
 * return).  The first one with a handler is returned; its handler
 * becomes SIG_DFL if it was installed with SA_RESETHAND.  A task that
 * was continued tells its parent first.
 * Context: process, on the way back to user mode (do_signal()).
 * Return: the signal to build a handler's frame for, or 0.
 */
int get_signal_to_deliver(struct ksiginfo *info, struct k_sigaction *return_ka)
{
	struct sighand_struct *sighand = current->sighand;
	struct signal_struct *signal = current->signal;

	for (;;) {
		struct k_sigaction *ka;
		int sig;

		spin_lock_irq(&sighand->siglock);
		if (signal->flags & SIGNAL_CLD_CONTINUED) {
			signal->flags &= ~SIGNAL_CLD_CONTINUED;
			spin_unlock_irq(&sighand->siglock);
			do_notify_parent_cldstop(current, CLD_CONTINUED,
						 SIGCONT);
			continue;
		}
		sig = dequeue_signal(current, info);
		if (!sig) {
			spin_unlock_irq(&sighand->siglock);
			return 0;
		}
		ka = &sighand->action[sig];
		if (ka->handler == SIG_IGN) {
			spin_unlock_irq(&sighand->siglock);
			continue;
		}
		if (ka->handler != SIG_DFL) {
			*return_ka = *ka;
			if (ka->flags & SA_RESETHAND)
				ka->handler = SIG_DFL;
			spin_unlock_irq(&sighand->siglock);
			return sig;
		}
		spin_unlock_irq(&sighand->siglock);

		/* The default action. */
		if (sig_kernel_ignore(sig) || current == child_reaper)
			continue;
		if (sig_kernel_stop(sig)) {
			/*
			 * A group with no shell left to continue it is not
			 * stopped by the terminal's signals (POSIX), only
			 * by SIGSTOP.
			 */
			if (sig != SIGSTOP && is_current_pgrp_orphaned())
				continue;
			do_signal_stop(sig);
			continue;
		}
		/* Terminate; a "core" signal too, without a core file. */
		do_exit(sig);
	}
}

/*
 * Install and/or read the action of @sig.  Ignoring a pending signal
 * throws it away (POSIX).  SIGKILL and SIGSTOP keep their defaults.
 */
static int do_sigaction(int sig, const struct k_sigaction *act,
			struct k_sigaction *oact)
{
	struct sighand_struct *sighand = current->sighand;
	struct k_sigaction *k;

	if (!valid_signal(sig) || (act && sig_kernel_only(sig)))
		return -EINVAL;
	k = &sighand->action[sig];
	spin_lock_irq(&sighand->siglock);
	if (oact)
		*oact = *k;
	if (act) {
		*k = *act;
		k->mask &= ~SIG_KERNEL_ONLY_MASK;
		if (k->handler == SIG_IGN ||
		    (k->handler == SIG_DFL && sig_kernel_ignore(sig))) {
			current->pending &= ~sigmask(sig);
			recalc_sigpending();
		}
	}
	spin_unlock_irq(&sighand->siglock);
	return 0;
}

asmlinkage long sys_rt_sigaction(int sig, const struct sigaction *act,
				 struct sigaction *oact, size_t sigsetsize)
{
	struct k_sigaction new, old;
	struct sigaction sa;
	long ret;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (act) {
		if (copy_from_user(&sa, act, sizeof(sa)))
			return -EFAULT;
		new = (struct k_sigaction){ sa.sa_handler, sa.sa_flags,
					    sa.sa_restorer, sa.sa_mask };
	}
	ret = do_sigaction(sig, act ? &new : NULL, oact ? &old : NULL);
	if (!ret && oact) {
		sa = (struct sigaction){ .sa_handler = old.handler,
					 .sa_flags = old.flags,
					 .sa_restorer = old.restorer,
					 .sa_mask = old.mask };
		if (copy_to_user(oact, &sa, sizeof(sa)))
			return -EFAULT;
	}
	return ret;
}

/* sigaction(2), the old i386 form: a 32-bit mask, before the flags. */
struct old_sigaction {
	__sighandler_t sa_handler;
	unsigned long sa_mask;
	unsigned long sa_flags;
	__sigrestore_t sa_restorer;
};

asmlinkage long sys_sigaction(int sig, const struct old_sigaction *act,
			      struct old_sigaction *oact)
{
	struct k_sigaction new, old;
	struct old_sigaction sa;
	long ret;

	if (act) {
		if (copy_from_user(&sa, act, sizeof(sa)))
			return -EFAULT;
		new = (struct k_sigaction){ sa.sa_handler, sa.sa_flags,
					    sa.sa_restorer, sa.sa_mask };
	}
	ret = do_sigaction(sig, act ? &new : NULL, oact ? &old : NULL);
	if (!ret && oact) {
		sa = (struct old_sigaction){ old.handler,
					     (unsigned long)old.mask,
					     old.flags, old.restorer };
		if (copy_to_user(oact, &sa, sizeof(sa)))
			return -EFAULT;
	}
	return ret;
}

/* Change current's blocked set as @how says; the old one to @oldset. */
static int do_sigprocmask(int how, const sigset_t *set, sigset_t *oldset)
{
	sigset_t old = current->blocked, new;

	if (oldset)
		*oldset = old;
	if (!set)
		return 0;
	switch (how) {
	case SIG_BLOCK:
		new = old | *set;
		break;
	case SIG_UNBLOCK:
		new = old & ~*set;
		break;
	case SIG_SETMASK:
		new = *set;
		break;
	default:
		return -EINVAL;
	}
	set_current_blocked(new);
	return 0;
}

asmlinkage long sys_rt_sigprocmask(int how, const sigset_t *set,
				   sigset_t *oset, size_t sigsetsize)
{
	sigset_t new, old;
	long ret;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (set && copy_from_user(&new, set, sizeof(new)))
		return -EFAULT;
	ret = do_sigprocmask(how, set ? &new : NULL, &old);
	if (!ret && oset && copy_to_user(oset, &old, sizeof(old)))
		return -EFAULT;
	return ret;
}

/* sigprocmask(2), the old form: signals 1..32 only; SETMASK keeps 33..64. */
asmlinkage long sys_sigprocmask(int how, const unsigned long *set,
				unsigned long *oset)
{
	unsigned long word, oldword = (unsigned long)current->blocked;
	sigset_t new;
	long ret = 0;

	if (set) {
		if (copy_from_user(&word, set, sizeof(word)))
			return -EFAULT;
		new = word;
		if (how == SIG_SETMASK)
			new |= current->blocked & ~0xffffffffULL;
		ret = do_sigprocmask(how, &new, NULL);
	}
	if (!ret && oset && copy_to_user(oset, &oldword, sizeof(oldword)))
		return -EFAULT;
	return ret;
}

/* The signals pending while blocked; under the lock (64 bits, two words). */
static sigset_t blocked_pending(void)
{
	struct sighand_struct *sighand = current->sighand;
	sigset_t set;

	spin_lock_irq(&sighand->siglock);
	set = current->pending & current->blocked;
	spin_unlock_irq(&sighand->siglock);
	return set;
}

asmlinkage long sys_rt_sigpending(sigset_t *set, size_t sigsetsize)
{
	sigset_t pending;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	pending = blocked_pending();
	return copy_to_user(set, &pending, sizeof(pending)) ? -EFAULT : 0;
}

asmlinkage long sys_sigpending(unsigned long *set)
{
	unsigned long pending = (unsigned long)blocked_pending();

	return copy_to_user(set, &pending, sizeof(pending)) ? -EFAULT : 0;
}

/*
 * Sleep with @newset blocked until a signal comes.  The old mask goes
 * back on the way to user mode: after the handler's frame has saved it
 * (so the handler runs with @newset, and sigreturn restores the old), or
 * at once if no handler runs, and then the call restarts (Linux 2.6.18:
 * TIF_RESTORE_SIGMASK).
 */
static long sigsuspend(sigset_t newset)
{
	struct sighand_struct *sighand = current->sighand;

	spin_lock_irq(&sighand->siglock);
	current->saved_sigmask = current->blocked;
	current->blocked = newset & ~SIG_KERNEL_ONLY_MASK;
	recalc_sigpending();
	spin_unlock_irq(&sighand->siglock);

	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (signal_pending(current))
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	current->restore_sigmask = true;
	return -ERESTARTNOHAND;
}

asmlinkage long sys_rt_sigsuspend(const sigset_t *unewset, size_t sigsetsize)
{
	sigset_t newset;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&newset, unewset, sizeof(newset)))
		return -EFAULT;
	return sigsuspend(newset);
}

/* The old i386 form: two unused words, then the mask of signals 1..32. */
asmlinkage long sys_sigsuspend(int history0, int history1, unsigned long mask)
{
	return sigsuspend(mask);
}

/* Sleep until a signal's handler has run (or the signal ends us). */
asmlinkage long sys_pause(void)
{
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (signal_pending(current))
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	return -ERESTARTNOHAND;
}
