/* SPDX-License-Identifier: GPL-2.0 */
/*
 * user/include/tsc.h - the time stamp counter, for the benchmark programs
 * (/bin/pipebench, /bin/fswriter -b).
 *
 * No Linux counterpart in a C library: benchmarks such as lmbench read
 * the TSC themselves too.  rdtsc works in ring 3 (CR4.TSD is clear), and
 * the kernel prints the counter's frequency at boot ("TSC: N.NNN MHz",
 * arch/x86/tsc.c), which tsc_khz() reads back from the log.
 */
#ifndef _USER_TSC_H
#define _USER_TSC_H

#include <stdint.h>

static inline uint64_t rdtsc(void)
{
	uint64_t t;

	asm volatile("rdtsc" : "=A"(t));
	return t;
}

uint64_t tsc_khz(void);

#endif /* _USER_TSC_H */
