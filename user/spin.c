// SPDX-License-Identifier: GPL-2.0
/*
 * user/spin.c - /bin/spin: burn CPU in user mode, forever or for N
 * seconds, printing nothing.
 *
 * Linux 2.6: no counterpart (a `while :; do :; done` in a shell).  It
 * never sleeps and makes no system call for long stretches, so the only
 * way the CPU leaves it is the timer interrupt: scheduler_tick() charges
 * its time slice and the return to user mode switches to someone else.
 * `ps` shows its TIME growing and the shell stays responsive while it
 * runs: preemption at work.  With an argument it looks at the clock
 * (times(2)) between rounds of a pure user-mode loop and stops when the
 * time is up.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/times.h>
#include <unistd.h>

/* Iterations between two looks at the clock: a few ms of work. */
#define ROUND		1000000

static void burn(void)
{
	/* volatile: the compiler must not delete the empty loop. */
	for (volatile unsigned int i = 0; i < ROUND; i++)
		;
}

int main(int argc, char **argv)
{
	struct kt_tms tms;
	clock_t end;
	long seconds;
	char *rest;

	if (argc == 1) {
		for (;;)
			burn();
	}
	seconds = strtol(argv[1], &rest, 10);
	if (argc > 2 || rest == argv[1] || *rest || seconds < 0) {
		dprintf(STDERR_FILENO, "usage: spin [SECONDS]\n");
		return 2;
	}
	/* Differences of tick counts stay right when the counter wraps. */
	end = times(&tms) + seconds * USER_HZ;
	while (times(&tms) - end < 0)
		burn();
	return 0;
}
