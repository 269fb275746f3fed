/* SPDX-License-Identifier: GPL-2.0 */
/*
 * user/include/signal.h - kill(2), signal(2) and the names of the
 * signals.
 *
 * Linux 2.6 + a C library: <signal.h>.  The SIG numbers are the ABI's
 * (<kt26.h>).  signal() here sets only SIG_DFL or SIG_IGN: this C
 * library has no handlers (they would need a return trampoline), which
 * is all a shell needs to keep ^C for its jobs.
 */
#ifndef _USER_SIGNAL_H
#define _USER_SIGNAL_H

#include <kt26.h>
#include <sys/types.h>

typedef void (*sighandler_t)(int);

#ifndef SIG_DFL
#define SIG_DFL	((sighandler_t)0)	/* the default action */
#define SIG_IGN	((sighandler_t)1)	/* ignore the signal */
#define SIG_ERR	((sighandler_t)-1)	/* signal()'s error value */
#endif

int kill(pid_t pid, int sig);
sighandler_t signal(int sig, sighandler_t handler);
const char *signal_name(int sig);

#endif /* _USER_SIGNAL_H */
