// SPDX-License-Identifier: GPL-2.0
/*
 * user/kill.c - /bin/kill: send a signal to processes.
 *
 * Linux 2.6: procps' kill, and sys_kill() in kernel/signal.c on the
 * other side: a pid > 0 is one process, a negative pid -N every process
 * of group N (a job of the shell), 0 the caller's own group.  The
 * signal is named by number or by name, with or without "SIG":
 * -9, -KILL, -SIGKILL, -s KILL; the default is SIGTERM.  -l lists the
 * names, or gives the name of a number.
 *
 *	kill [-SIG | -s SIG] PID...
 *	kill -l [SIG]
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int usage(void)
{
	dprintf(STDERR_FILENO, "usage: kill [-SIG | -s SIG] PID...\n"
		"       kill -l [SIG]\n");
	return 1;
}

/* A whole word as a decimal number: "12abc" is not 12. */
static int parse_number(const char *word, long *value)
{
	char *end;

	errno = 0;
	*value = strtol(word, &end, 10);
	return (end == word || *end || errno) ? -1 : 0;
}

/* "9", "KILL" or "SIGKILL" -> 9; -1 if it names no signal. */
static int parse_signal(const char *word)
{
	long number;

	if (parse_number(word, &number) == 0)
		return (number >= 0 && number < _NSIG) ? number : -1;
	if (!strncmp(word, "SIG", 3))
		word += 3;
	for (int sig = 1; sig < _NSIG; sig++) {
		const char *name = signal_name(sig);

		if (name && !strcmp(name + 3, word))
			return sig;
	}
	return -1;
}

/* kill -l: every name; kill -l N: the name of N. */
static int list_signals(int argc, char **argv)
{
	if (argc > 3)
		return usage();
	if (argc == 3) {
		int sig = parse_signal(argv[2]);

		if (sig <= 0 || !signal_name(sig)) {
			dprintf(STDERR_FILENO, "kill: %s: no such signal\n",
				argv[2]);
			return 1;
		}
		printf("%s\n", signal_name(sig) + 3);
		return 0;
	}
	for (int sig = 1; sig < _NSIG; sig++)
		if (signal_name(sig))
			printf("%s%s", sig > 1 ? " " : "",
			       signal_name(sig) + 3);
	printf("\n");
	return 0;
}

int main(int argc, char **argv)
{
	int sig = SIGTERM, first = 1, status = 0;

	if (argc >= 2 && !strcmp(argv[1], "-l"))
		return list_signals(argc, argv);
	if (argc >= 2 && !strcmp(argv[1], "-s")) {
		if (argc < 3)
			return usage();
		sig = parse_signal(argv[2]);
		first = 3;
	} else if (argc >= 2 && !strcmp(argv[1], "--")) {
		first = 2;
	} else if (argc >= 2 && argv[1][0] == '-') {
		sig = parse_signal(argv[1] + 1);
		first = 2;
	}
	if (sig < 0) {
		dprintf(STDERR_FILENO, "kill: %s: no such signal\n",
			argv[first - 1] + (first == 2));
		return usage();
	}
	/* A pid of -N after the signal is a group, not an option. */
	if (first < argc && !strcmp(argv[first], "--"))
		first++;
	if (first >= argc)
		return usage();
	for (int i = first; i < argc; i++) {
		long pid;

		if (parse_number(argv[i], &pid) < 0) {
			dprintf(STDERR_FILENO, "kill: %s: not a process id\n",
				argv[i]);
			status = 1;
			continue;
		}
		if (kill(pid, sig) < 0) {
			dprintf(STDERR_FILENO, "kill: %ld: %s\n", pid,
				strerror(errno));
			status = 1;
		}
	}
	return status;
}
