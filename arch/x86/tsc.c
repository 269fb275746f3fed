// SPDX-License-Identifier: GPL-2.0
/*
 * arch/x86/tsc.c - the time-stamp counter as the kernel's fine clock.
 *
 * Linux 2.6: arch/i386/kernel/timers/common.c (calibrate_tsc) and
 * tsc.c (sched_clock, cycles_2_ns).
 * The TSC counts CPU cycles; how many per second is measured once at boot
 * against PIT channel 2, whose input clock is known exactly: channel 2
 * counts down CALIBRATE_MS milliseconds with its gate open and raises its
 * output bit in port 0x61 at zero.  Under QEMU the virtual CPU can lose
 * the host CPU for milliseconds during that wait (on a loaded host one
 * 10 ms measurement read 58% too many cycles), so, as later Linux's
 * native_calibrate_tsc() does, the measurement is made CALIBRATE_TRIES
 * times and the smallest count wins: a delay can only add cycles.  Then
 * sched_clock() gives nanoseconds since boot for printk timestamps,
 * traces and benchmarks.
 */
#include <asm/io.h>
#include <asm/processor.h>
#include <kernel.h>
#include <time.h>

#define PIT_CH2		0x42	/* channel 2 data */
#define PIT_MODE	0x43
#define  PIT_SEL_CH2	 0x80	/* select channel 2 */
#define  PIT_ACCESS_LOHI 0x30
#define  PIT_MODE_ONESHOT 0x00	/* mode 0: interrupt on terminal count */
#define PORT_B		0x61	/* system control port B */
#define  PORTB_CH2_GATE	 0x01	/* channel 2 gate */
#define  PORTB_SPEAKER	 0x02	/* keep the speaker off */
#define  PORTB_CH2_OUT	 0x20	/* channel 2 output (read only) */

#define CLOCK_TICK_RATE	1193182
#define CALIBRATE_MS	5
#define CALIBRATE_LATCH	(CLOCK_TICK_RATE * CALIBRATE_MS / 1000)
#define CALIBRATE_TRIES	3

unsigned long tsc_khz;		/* TSC cycles per millisecond */
static u64 tsc_at_boot;

/*
 * TSC cycles while PIT channel 2 counts CALIBRATE_MS down.  The start is
 * read before the count is loaded and the end after the output was seen
 * high, so the interval measured is never shorter than the true one.
 */
static u64 pit_calibrate_tsc(void)
{
	u64 start;

	outb(PIT_MODE, PIT_SEL_CH2 | PIT_ACCESS_LOHI | PIT_MODE_ONESHOT);
	outb(PIT_CH2, CALIBRATE_LATCH & 0xFF);
	start = rdtsc();
	outb(PIT_CH2, CALIBRATE_LATCH >> 8);	/* the count starts here */
	while (!(inb(PORT_B) & PORTB_CH2_OUT))
		cpu_relax();
	return rdtsc() - start;
}

/**
 * tsc_calibrate - measure the TSC frequency against PIT channel 2
 *
 * Context: boot, interrupts off; busy-waits CALIBRATE_TRIES times
 * CALIBRATE_MS milliseconds.
 */
void tsc_calibrate(void)
{
	u8 portb = inb(PORT_B);
	u64 cycles = ~0ULL;

	tsc_at_boot = rdtsc();
	outb(PORT_B, (portb & ~PORTB_SPEAKER) | PORTB_CH2_GATE);
	for (int i = 0; i < CALIBRATE_TRIES; i++) {
		u64 c = pit_calibrate_tsc();

		if (c < cycles)
			cycles = c;
	}
	outb(PORT_B, portb);

	tsc_khz = (unsigned long)(cycles / CALIBRATE_MS);
	printk(KERN_INFO "TSC: %lu.%03lu MHz (calibrated against PIT channel "
	       "2, best of %d x %d ms)\n", tsc_khz / 1000, tsc_khz % 1000,
	       CALIBRATE_TRIES, CALIBRATE_MS);
}

/**
 * cycles_to_ns - convert TSC cycles to nanoseconds
 * @cycles: a TSC difference
 *
 * Return: nanoseconds, 0 before calibration.
 */
u64 cycles_to_ns(u64 cycles)
{
	if (!tsc_khz)
		return 0;
	/* Split so that cycles * 10^6 cannot overflow 64 bits. */
	return (cycles / tsc_khz) * 1000000 +
	       (cycles % tsc_khz) * 1000000 / tsc_khz;
}

/**
 * sched_clock - nanoseconds since the kernel started
 *
 * Context: any.
 * Return: the time, 0 until the TSC is calibrated.
 */
u64 sched_clock(void)
{
	if (!tsc_khz)
		return 0;
	return cycles_to_ns(rdtsc() - tsc_at_boot);
}
