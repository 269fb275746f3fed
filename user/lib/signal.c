// SPDX-License-Identifier: GPL-2.0
/*
 * user/lib/signal.c - signal handlers and the blocked mask: sigaction,
 * signal, sigprocmask, sigpending, sigsuspend, raise, killpg.
 *
 * Linux 2.6 + a C library: glibc's sysdeps/unix/sysv/linux/i386/
 * sigaction.c.  sigaction() calls rt_sigaction(2) with the kernel's
 * struct sigaction and SA_RESTORER: the handler returns into a restorer
 * of ours (user/lib/sigreturn.asm) that makes the sigreturn call, rather
 * than into code the kernel wrote on the stack.  A handler with
 * SA_SIGINFO gets the rt frame (siginfo, ucontext) and returns through
 * rt_sigreturn; any other the old frame and sigreturn -- the kernel
 * picks the frame the same way (arch/x86/signal.c on kt26).  signal()
 * has BSD's meaning, as glibc's: the handler stays and interrupted
 * calls restart (SA_RESTART).
 */
#include <errno.h>
#include <signal.h>
#include <unistd.h>

/* user/lib/sigreturn.asm */
void __restore(void);
void __restore_rt(void);

static long syscall_result(long ret)
{
	if ((unsigned long)ret >= (unsigned long)-4095) {
		errno = -ret;
		return -1;
	}
	return ret;
}

/**
 * sigaction - examine and change what a signal does
 * @sig: the signal (not SIGKILL or SIGSTOP, to change it)
 * @act: the new action, or NULL to keep it
 * @oact: where the old one goes, or NULL
 *
 * Return: 0, or -1 (EINVAL, EFAULT).
 */
int sigaction(int sig, const struct sigaction *act, struct sigaction *oact)
{
	struct sigaction kact;

	if (act) {
		kact = *act;
		kact.sa_flags |= SA_RESTORER;
		kact.sa_restorer = (kact.sa_flags & SA_SIGINFO) ? __restore_rt
							       : __restore;
	}
	return syscall_result(raw_syscall(__NR_rt_sigaction, sig,
					  act ? (long)&kact : 0, (long)oact,
					  sizeof(sigset_t), 0));
}

/**
 * signal - set a signal's handler, BSD style
 * @sig: the signal
 * @handler: a function, SIG_DFL or SIG_IGN
 *
 * Return: the previous handler, or SIG_ERR.
 */
sighandler_t signal(int sig, sighandler_t handler)
{
	struct sigaction act = { .sa_handler = handler,
				 .sa_flags = SA_RESTART }, old;

	sigemptyset(&act.sa_mask);
	sigaddset(&act.sa_mask, sig);
	if (sigaction(sig, &act, &old) < 0)
		return SIG_ERR;
	return old.sa_handler;
}

/**
 * sigprocmask - examine and change the blocked signals
 * @how: SIG_BLOCK, SIG_UNBLOCK or SIG_SETMASK
 * @set: the signals, or NULL to change nothing
 * @oset: where the old mask goes, or NULL
 *
 * A signal it unblocks that is pending is delivered before it returns.
 * Return: 0, or -1 (EINVAL, EFAULT).
 */
int sigprocmask(int how, const sigset_t *set, sigset_t *oset)
{
	return syscall_result(raw_syscall(__NR_rt_sigprocmask, how, (long)set,
					  (long)oset, sizeof(sigset_t), 0));
}

/**
 * sigpending - the signals sent to the caller while it blocks them
 * @set: where they go
 *
 * Return: 0, or -1 (EFAULT).
 */
int sigpending(sigset_t *set)
{
	return syscall_result(raw_syscall(__NR_rt_sigpending, (long)set,
					  sizeof(sigset_t), 0, 0, 0));
}

/**
 * sigsuspend - wait for a signal with @mask blocked meanwhile
 * @mask: the blocked set while waiting; the old one comes back after
 *
 * Return: -1 with errno EINTR, once a handler has run.
 */
int sigsuspend(const sigset_t *mask)
{
	return syscall_result(raw_syscall(__NR_rt_sigsuspend, (long)mask,
					  sizeof(sigset_t), 0, 0, 0));
}

/**
 * raise - send @sig to the caller
 * @sig: the signal
 *
 * Return: 0, or -1 (EINVAL).
 */
int raise(int sig)
{
	return kill(getpid(), sig);
}

/**
 * killpg - send @sig to every process of group @pgrp
 * @pgrp: the group (> 0)
 * @sig: the signal
 *
 * Return: 0, or -1 (ESRCH, EPERM, EINVAL).
 */
int killpg(pid_t pgrp, int sig)
{
	if (pgrp <= 0) {
		errno = EINVAL;
		return -1;
	}
	return kill(-pgrp, sig);
}
