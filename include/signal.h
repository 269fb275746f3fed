/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/signal.h - signals: handler tables, the per-process signal
 * state (job control, sessions, the real-time timer), sending and
 * delivering (kernel/signal.c, arch/x86/signal.c, kernel/itimer.c).
 *
 * Linux 2.6: include/linux/signal.h, include/linux/sched.h (struct
 * sighand_struct, struct signal_struct), include/asm-i386/signal.h.
 * Each signal has an action (struct k_sigaction): the default
 * (SIG_DFL: terminate, ignore, or stop, by signal: sig_kernel_*() below),
 * SIG_IGN, or a user handler with its flags and mask.  A task's pending
 * and blocked sets are in its task_struct; what it was sent with (struct
 * ksiginfo) is kept in its signal_struct, one slot per signal.  Kernel
 * threads ignore every signal (kthreadd calls ignore_signals() and its
 * children inherit that) unless they call allow_signal(), as in Linux.
 */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <atomic.h>
#include <compiler.h>
#include <spinlock.h>
#include <timer.h>
#include <uapi/kt26.h>
#include <uapi/signal-defs.h>
#include <wait.h>

#define sigmask(sig)	(1ULL << ((sig) - 1))

/* Linux's classes of signals, by what their default action does. */
#define SIG_KERNEL_ONLY_MASK	(sigmask(SIGKILL) | sigmask(SIGSTOP))
#define SIG_KERNEL_STOP_MASK	(sigmask(SIGSTOP) | sigmask(SIGTSTP) | \
				 sigmask(SIGTTIN) | sigmask(SIGTTOU))
#define SIG_KERNEL_IGNORE_MASK	(sigmask(SIGCHLD) | sigmask(SIGCONT) | \
				 sigmask(SIGURG) | sigmask(SIGWINCH))
#define SIG_KERNEL_COREDUMP_MASK (sigmask(SIGQUIT) | sigmask(SIGILL) | \
				  sigmask(SIGTRAP) | sigmask(SIGABRT) | \
				  sigmask(SIGBUS) | sigmask(SIGFPE) | \
				  sigmask(SIGSEGV) | sigmask(SIGXCPU) | \
				  sigmask(SIGXFSZ) | sigmask(SIGSYS))

/* Signals 32..64 are in no class: their default is to terminate. */
#define sig_in_mask(sig, mask)	((sig) < SIGRTMIN && (sigmask(sig) & (mask)))
#define sig_kernel_only(sig)	sig_in_mask(sig, SIG_KERNEL_ONLY_MASK)
#define sig_kernel_stop(sig)	sig_in_mask(sig, SIG_KERNEL_STOP_MASK)
#define sig_kernel_ignore(sig)	sig_in_mask(sig, SIG_KERNEL_IGNORE_MASK)
#define sig_kernel_coredump(sig) sig_in_mask(sig, SIG_KERNEL_COREDUMP_MASK)

static inline bool valid_signal(unsigned long sig)
{
	return sig >= 1 && sig < _NSIG;
}

/* A signal's action: struct sigaction's fields, by the kernel's names. */
struct k_sigaction {
	__sighandler_t handler;		/* SIG_DFL, SIG_IGN or a function */
	unsigned long flags;		/* SA_* */
	__sigrestore_t restorer;	/* SA_RESTORER: where handlers return */
	sigset_t mask;			/* blocked as well while it runs */
};

struct sighand_struct {
	atomic_t count;			/* tasks sharing it (CLONE_SIGHAND) */
	spinlock_t siglock;		/* this, and its tasks' signal state */
	struct k_sigaction action[_NSIG];	/* by number; [0] unused */
};

/*
 * Who sent a pending signal and why: what an SA_SIGINFO handler gets
 * (Linux queues a struct sigqueue per signal; a standard signal is
 * pending at most once, so one slot each is enough).
 */
struct ksiginfo {
	int code;			/* SI_USER, SI_KERNEL, CLD_* ... */
	pid_t pid;			/* the sender (SIGCHLD: the child) */
	uid_t uid;
	int status;			/* SIGCHLD: exit code or signal */
};

/* signal_struct->flags: job control (under siglock) */
#define SIGNAL_STOP_STOPPED	0x01	/* stopped */
#define SIGNAL_STOP_DEQUEUED	0x02	/* a stop signal taken, not acted on */
#define SIGNAL_STOP_CONTINUED	0x04	/* continued, not yet told by wait */
#define SIGNAL_CLD_CONTINUED	0x08	/* continued, parent not yet signalled */

struct tty_struct;

/*
 * The signal state of a process.  No task shares it (there is no
 * CLONE_THREAD), so "the process" and "the task" are one here.
 */
struct signal_struct {
	atomic_t count;
	wait_queue_head_t wait_chldexit;	/* do_wait() sleeps here */
	unsigned long cutime, cstime;		/* reaped children's ticks */

	/* Job control (siglock): */
	unsigned int flags;		/* SIGNAL_* */
	int stop_code;			/* a stop wait has yet to report */

	/* Sessions and process groups (tasklist_lock; kernel/sys.c): */
	pid_t pgrp;			/* process group id */
	pid_t session;			/* session id */
	int leader;			/* a session leader (setsid()) */
	struct tty_struct *tty;		/* the controlling terminal, or NULL */

	/* ITIMER_REAL, alarm(2) (kernel/itimer.c): */
	struct timer_list real_timer;	/* sends SIGALRM */
	unsigned long it_real_incr;	/* jiffies to reload; 0: once */

	struct ksiginfo info[_NSIG];	/* of each pending signal (siglock) */
};

struct pt_regs;
struct task_struct;

/* kernel/signal.c */
extern struct sighand_struct init_sighand;
extern struct signal_struct init_signals;
void signals_init(void);
int send_sig(int sig, struct task_struct *p);
int send_sig_info(int sig, const struct ksiginfo *info,
		  struct task_struct *p);
void force_sig(int sig, struct task_struct *p);
void force_sigsegv(int sig, struct task_struct *p);
int kill_pid(pid_t pid, int sig);
int kill_pgrp(pid_t pgrp, int sig, int priv);
int kill_pgrp_locked(pid_t pgrp, int sig);
int is_ignored(int sig);
void ignore_signals(struct task_struct *t);
void allow_signal(int sig);
void flush_signals(struct task_struct *t);
void recalc_sigpending(void);
void set_current_blocked(sigset_t newset);
struct sighand_struct *sighand_alloc(void);
void sighand_put(struct sighand_struct *sighand);
struct signal_struct *signal_alloc(void);
void signal_put(struct signal_struct *sig);
int get_signal_to_deliver(struct ksiginfo *info, struct k_sigaction *ka);
void do_notify_parent(struct task_struct *tsk, int sig);

/* arch/x86/signal.c: the way back to user mode acts on signals */
asmlinkage void do_notify_resume(struct pt_regs *regs);

/* kernel/itimer.c */
void it_real_init(struct signal_struct *sig);
void exit_itimers(struct signal_struct *sig);

/* kernel/sys.c */
void set_special_pids(pid_t pid);

/* kernel/exit.c: process groups that lost their link to a shell */
int is_current_pgrp_orphaned(void);

#endif /* _SIGNAL_H */
