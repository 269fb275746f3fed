/* SPDX-License-Identifier: GPL-2.0 */
/*
 * user/include/signal.h - kill(2), signal handlers (sigaction), the
 * blocked mask (sigprocmask), waiting for a signal, and signal names.
 *
 * Linux 2.6 + a C library: <signal.h>.  The numbers are the ABI's
 * (<kt26.h>); struct sigaction, sigset_t and siginfo_t are the kernel's
 * own (<signal-defs.h>): this libc hands them to rt_sigaction(2) as
 * they are, adding SA_RESTORER and its restorer, as glibc does on i386
 * (user/lib/signal.c, user/lib/sigreturn.asm).
 */
#ifndef _USER_SIGNAL_H
#define _USER_SIGNAL_H

#include <kt26.h>
#include <signal-defs.h>
#include <sys/types.h>

typedef __sighandler_t sighandler_t;

int kill(pid_t pid, int sig);
const char *signal_name(int sig);

/* user/lib/signal.c */
int sigaction(int sig, const struct sigaction *act, struct sigaction *oact);
sighandler_t signal(int sig, sighandler_t handler);
int sigprocmask(int how, const sigset_t *set, sigset_t *oset);
int sigpending(sigset_t *set);
int sigsuspend(const sigset_t *mask);
int raise(int sig);
int killpg(pid_t pgrp, int sig);

static inline int sigemptyset(sigset_t *set)
{
	*set = 0;
	return 0;
}

static inline int sigfillset(sigset_t *set)
{
	*set = ~(sigset_t)0;
	return 0;
}

static inline int sigaddset(sigset_t *set, int sig)
{
	*set |= 1ULL << (sig - 1);
	return 0;
}

static inline int sigdelset(sigset_t *set, int sig)
{
	*set &= ~(1ULL << (sig - 1));
	return 0;
}

static inline int sigismember(const sigset_t *set, int sig)
{
	return (*set >> (sig - 1)) & 1;
}

#endif /* _USER_SIGNAL_H */
