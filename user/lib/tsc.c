// SPDX-License-Identifier: GPL-2.0
/*
 * user/lib/tsc.c - the TSC's frequency, as the kernel measured it.
 *
 * The kernel calibrates the TSC at boot and logs "TSC: 2993.201 MHz"
 * (arch/x86/tsc.c); a program that times itself with rdtsc reads that
 * line back through syslog(2) rather than calibrate again.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/klog.h>
#include <tsc.h>

#define LOG_SIZE	(64 * 1024)

/**
 * tsc_khz - the TSC's frequency from the kernel log
 *
 * Return: kHz, or 0 if the log has no "TSC:" line (or cannot be read).
 */
uint64_t tsc_khz(void)
{
	static char log[LOG_SIZE + 1];
	int len = klogctl(SYSLOG_ACTION_READ_ALL, log, LOG_SIZE);
	char *p, *end;
	uint64_t khz;

	if (len <= 0)
		return 0;
	log[len] = '\0';
	p = strstr(log, "TSC: ");
	if (!p)
		return 0;
	khz = strtoul(p + 5, &end, 10) * 1000;
	if (*end == '.')
		khz += strtoul(end + 1, NULL, 10);
	return khz;
}
