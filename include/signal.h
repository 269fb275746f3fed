/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/signal.h - signal handlers and delivery (kernel/signal.c).
 *
 * Linux 2.6: include/linux/signal.h, include/linux/sched.h.
 * This kernel has no user signal handlers: a signal's action is default
 * (SIG_DFL: for most signals, terminate) or ignored (SIG_IGN).  Kernel
 * threads ignore every signal (kthreadd calls ignore_signals() and its
 * children inherit that) unless they call allow_signal(), as in Linux.
 */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <atomic.h>
#include <compiler.h>
#include <spinlock.h>
#include <uapi/kt26.h>
#include <wait.h>

typedef void (*__sighandler_t)(int);
#define SIG_DFL	((__sighandler_t)0)	/* default action */
#define SIG_IGN	((__sighandler_t)1)	/* ignore */

#define sigmask(sig)	(1UL << ((sig) - 1))

struct k_sigaction {
	__sighandler_t handler;
};

struct sighand_struct {
	atomic_t count;			/* tasks sharing it (CLONE_SIGHAND) */
	spinlock_t siglock;
	struct k_sigaction action[_NSIG];
};

struct signal_struct {
	atomic_t count;
	wait_queue_head_t wait_chldexit;	/* do_wait() sleeps here */
	unsigned long cutime, cstime;		/* reaped children's ticks */
};

struct pt_regs;
struct task_struct;

/* kernel/signal.c */
extern struct sighand_struct init_sighand;
extern struct signal_struct init_signals;
void signals_init(void);
int send_sig(int sig, struct task_struct *p);
void force_sig(int sig, struct task_struct *p);
int kill_pid(pid_t pid, int sig);
void ignore_signals(struct task_struct *t);
void allow_signal(int sig);
void flush_signals(struct task_struct *t);
struct sighand_struct *sighand_alloc(void);
void sighand_put(struct sighand_struct *sighand);
struct signal_struct *signal_alloc(void);
void signal_put(struct signal_struct *sig);
asmlinkage void do_notify_resume(struct pt_regs *regs);

#endif /* _SIGNAL_H */
