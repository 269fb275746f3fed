// SPDX-License-Identifier: GPL-2.0
/*
 * user/lib/signal.c - signal(): what a signal does to the caller.
 *
 * Linux 2.6 + a C library: glibc's signal() over sigaction(), and on the
 * kernel's side sys_rt_sigaction() in kernel/signal.c.  Only the
 * dispositions that need no code of ours: SIG_DFL and SIG_IGN.  A
 * handler would need a restorer, the code that calls sigreturn when it
 * returns (SA_RESTORER), which this C library does not have.
 */
#include <errno.h>
#include <signal.h>
#include <unistd.h>

/*
 * The kernel's struct sigaction for rt_sigaction (Linux:
 * arch/x86/include/asm/signal.h), not the C library's: the mask is the
 * kernel's 64 bits, and a handler would need sa_restorer (SA_RESTORER).
 */
struct kernel_sigaction {
	sighandler_t handler;
	unsigned long flags;
	void (*restorer)(void);
	unsigned long mask[2];
};

/**
 * signal - set what signal @sig does to the caller
 * @sig: the signal
 * @handler: SIG_DFL (the default action) or SIG_IGN (ignore it)
 *
 * Only the two dispositions that need no handler code: this C library
 * has no signal trampoline.  Ignored signals stay ignored across execve,
 * so a shell that ignores ^C must reset it in each child.
 * Return: the previous disposition, or SIG_ERR with errno (EINVAL).
 */
sighandler_t signal(int sig, sighandler_t handler)
{
	struct kernel_sigaction act = { .handler = handler }, old;
	long ret;

	if (handler != SIG_DFL && handler != SIG_IGN) {
		errno = EINVAL;
		return SIG_ERR;
	}
	ret = raw_syscall(__NR_rt_sigaction, sig, (long)&act, (long)&old,
			  sizeof(act.mask), 0);
	if (ret < 0 && ret >= -4095) {
		errno = -ret;
		return SIG_ERR;
	}
	return old.handler;
}
