/* SPDX-License-Identifier: GPL-2.0 */
/*
 * user/include/signal.h - kill(2) and the names of the signals.
 *
 * Linux 2.6 + a C library: <signal.h>.  The SIG numbers are the ABI's
 * (<kt26.h>).  This kernel has no signal handlers: a signal's default
 * action is all a program gets.
 */
#ifndef _USER_SIGNAL_H
#define _USER_SIGNAL_H

#include <kt26.h>
#include <sys/types.h>

int kill(pid_t pid, int sig);
const char *signal_name(int sig);

#endif /* _USER_SIGNAL_H */
