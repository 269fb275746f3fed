// SPDX-License-Identifier: GPL-2.0
/*
 * user/sleep.c - /bin/sleep: wait for a number of seconds.
 *
 * Linux 2.6: coreutils' sleep.  One nanosleep(2): the kernel puts the
 * task to sleep on a timer (kernel/timer.c: schedule_timeout()) and it
 * uses no CPU meanwhile.  Seconds may have a fraction, "0.5"; several
 * arguments add up.  A signal that interrupts the sleep without ending
 * the process (SIGCONT after ^Z and fg) leaves the rest to sleep.
 *
 *	sleep SECONDS...
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define NSEC_PER_SEC	1000000000L

static int usage(void)
{
	dprintf(STDERR_FILENO, "usage: sleep SECONDS...\n");
	return 1;
}

/* "12" or "0.25" into @t; -1 if it is not such a number. */
static int parse_seconds(const char *s, struct kt_timespec *t)
{
	long scale = NSEC_PER_SEC / 10;
	const char *p = s;

	t->tv_sec = t->tv_nsec = 0;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (t->tv_sec > (__LONG_MAX__ - 9) / 10)
			return -1;
		t->tv_sec = t->tv_sec * 10 + (*p - '0');
	}
	if (*p == '.') {
		for (p++; *p >= '0' && *p <= '9'; p++, scale /= 10)
			t->tv_nsec += (*p - '0') * scale;
	}
	/* Digits somewhere, and nothing after them. */
	return *p || p == s || !strcmp(s, ".") ? -1 : 0;
}

int main(int argc, char **argv)
{
	struct kt_timespec total = { 0, 0 };

	if (argc < 2)
		return usage();
	for (int i = 1; i < argc; i++) {
		struct kt_timespec t;

		if (parse_seconds(argv[i], &t) < 0) {
			dprintf(STDERR_FILENO, "sleep: invalid time "
				"interval '%s'\n", argv[i]);
			return usage();
		}
		total.tv_sec += t.tv_sec;
		total.tv_nsec += t.tv_nsec;
		if (total.tv_nsec >= NSEC_PER_SEC) {
			total.tv_sec++;
			total.tv_nsec -= NSEC_PER_SEC;
		}
	}
	while (nanosleep(&total, &total) < 0) {
		if (errno != EINTR) {
			dprintf(STDERR_FILENO, "sleep: %s\n", strerror(errno));
			return 1;
		}
	}
	return 0;
}
