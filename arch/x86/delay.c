// SPDX-License-Identifier: GPL-2.0
/*
 * arch/x86/delay.c - busy-wait delays.
 *
 * Linux 2.6: arch/i386/lib/delay.c (the TSC variant).
 * For hardware that needs a pause measured in microseconds (the INIT and
 * STARTUP IPIs of an AP's start): spin on the time-stamp counter, whose
 * rate tsc_calibrate() measured.
 */
#include <asm/processor.h>
#include <compiler.h>
#include <delay.h>
#include <time.h>

/**
 * udelay - spin for at least @usecs microseconds
 * @usecs: the delay
 *
 * Context: any; does not sleep.
 */
void udelay(unsigned long usecs)
{
	u64 start = rdtsc(), cycles = (u64)usecs * tsc_khz / 1000 + 1;

	/*
	 * No cpu_relax() (pause) in the loop: QEMU takes a pause as a hint
	 * to run another CPU, and under -icount a pause with the others
	 * halted lets its clock jump to the next timer: microseconds would
	 * become milliseconds.
	 */
	while (rdtsc() - start < cycles)
		barrier();
}

/**
 * mdelay - spin for at least @msecs milliseconds
 * @msecs: the delay
 */
void mdelay(unsigned long msecs)
{
	while (msecs--)
		udelay(1000);
}
