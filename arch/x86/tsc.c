// SPDX-License-Identifier: GPL-2.0
/*
 * arch/x86/tsc.c - the time-stamp counter as the kernel's fine clock.
 *
 * Linux 2.6: arch/i386/kernel/timers/common.c (calibrate_tsc),
 * apic.c (calibrate_APIC_clock) and tsc.c (sched_clock, cycles_2_ns).
 * The TSC counts CPU cycles, and the local APIC timer counts down its
 * bus clock; how fast each runs is measured once at boot, both in the
 * same window, against PIT channel 2, whose input clock is known
 * exactly: channel 2 counts down from 0xffff with its gate open, and
 * both clocks are read at two moments CALIBRATE_MS milliseconds of PIT
 * counts apart.  Under QEMU the virtual CPU can lose the host CPU for
 * milliseconds at any time (on a loaded host, waiting for the count to
 * run out and reading the TSC after it read up to 70% too many cycles,
 * three times in a row).  So, as Linux's tsc_read_refs() does, each
 * moment is one read of every clock back to back -- PIT count, APIC
 * timer -- bracketed by a TSC read on either side; of CALIBRATE_READS
 * such reads the one with the narrowest bracket counts.  A delay
 * between the two moments moves all clocks alike and does no harm; a
 * delay inside a bracket widens it, and that read loses.  The error is
 * then at most the narrowest brackets' widths (a few microseconds) plus
 * one PIT count (0.84 us) over the window: below 0.2% in 5 ms, where the
 * former TSC-only calibration took 10 ms.  Then sched_clock() gives
 * nanoseconds since boot for printk timestamps, traces and benchmarks.
 */
#include <asm/io.h>
#include <asm/processor.h>
#include <kernel.h>
#include <time.h>
#include <vsprintf.h>

#define PIT_CH2		0x42	/* channel 2 data */
#define PIT_MODE	0x43
#define  PIT_SEL_CH2	 0x80	/* select channel 2 */
#define  PIT_LATCH	 0x00	/* access 00: latch the count for reading */
#define  PIT_ACCESS_LOHI 0x30
#define  PIT_MODE_ONESHOT 0x00	/* mode 0: interrupt on terminal count */
#define PORT_B		0x61	/* system control port B */
#define  PORTB_CH2_GATE	 0x01	/* channel 2 gate */
#define  PORTB_SPEAKER	 0x02	/* keep the speaker off */
#define  PORTB_CH2_OUT	 0x20	/* channel 2 output (read only) */

#define CLOCK_TICK_RATE	1193182		/* PIT input clock, Hz */
#define CALIBRATE_MS	5
#define CALIBRATE_COUNTS (CLOCK_TICK_RATE * CALIBRATE_MS / 1000)
#define CALIBRATE_READS	5		/* pairs read at each moment */

unsigned long tsc_khz;		/* TSC cycles per millisecond */
static u64 tsc_at_boot;

/*
 * One moment: a TSC value, the PIT channel 2 count and the other clock
 * (the APIC timer) read with it.
 */
struct tsc_ref {
	u64 tsc;
	u16 count;
	u32 other;
};

static u16 pit_read_count(void)
{
	u8 lo, hi;

	outb(PIT_MODE, PIT_SEL_CH2 | PIT_LATCH);
	lo = inb(PIT_CH2);
	hi = inb(PIT_CH2);
	return lo | hi << 8;
}

/*
 * The pair with the narrowest bracket of CALIBRATE_READS: its TSC value
 * is the middle of the bracket, at most half its width from the moment
 * the count was latched.
 */
static struct tsc_ref tsc_read_refs(u32 (*read_other)(void))
{
	struct tsc_ref best = { 0, 0, 0 };
	u64 narrowest = ~0ULL;

	for (int i = 0; i < CALIBRATE_READS; i++) {
		u64 before = rdtsc();
		u16 count = pit_read_count();
		u32 other = read_other ? read_other() : 0;
		u64 after = rdtsc();

		if (after - before < narrowest) {
			narrowest = after - before;
			best.tsc = before + (after - before) / 2;
			best.count = count;
			best.other = other;
		}
	}
	return best;
}

/**
 * tsc_calibrate - measure the TSC, and another clock, against PIT channel 2
 * @read_other: NULL, or reads a clock that counts down (the local APIC
 *	timer's current count) to calibrate in the same window
 *
 * Sets tsc_khz and starts the clock of sched_clock().
 * Context: boot, interrupts off; busy-waits about CALIBRATE_MS ms.
 * Return: how many counts per second @read_other went down, 0 if NULL.
 */
unsigned long tsc_calibrate(u32 (*read_other)(void))
{
	u8 portb = inb(PORT_B);
	struct tsc_ref start, end;
	unsigned long other_hz = 0;
	unsigned int counts;
	char apic[40] = "";

	tsc_at_boot = rdtsc();
	outb(PORT_B, (portb & ~PORTB_SPEAKER) | PORTB_CH2_GATE);
	do {
		outb(PIT_MODE, PIT_SEL_CH2 | PIT_ACCESS_LOHI |
		     PIT_MODE_ONESHOT);
		outb(PIT_CH2, 0xff);
		outb(PIT_CH2, 0xff);	/* counts down from here, 55 ms */
		start = tsc_read_refs(read_other);
		while ((u16)(start.count - pit_read_count()) <
		       CALIBRATE_COUNTS)
			cpu_relax();
		end = tsc_read_refs(read_other);
		/*
		 * The output goes high at zero: the count went round while
		 * the host kept us off the CPU for 45 ms.  Measure again.
		 */
	} while (inb(PORT_B) & PORTB_CH2_OUT);
	outb(PORT_B, portb);

	counts = (u16)(start.count - end.count);
	tsc_khz = (unsigned long)((end.tsc - start.tsc) * CLOCK_TICK_RATE /
				  counts / 1000);
	if (read_other) {
		other_hz = (unsigned long)((u64)(start.other - end.other) *
					   CLOCK_TICK_RATE / counts);
		snprintf(apic, sizeof(apic), "; APIC timer: %lu.%03lu MHz",
			 other_hz / 1000000, other_hz / 1000 % 1000);
	}
	printk(KERN_INFO "TSC: %lu.%03lu MHz%s (calibrated against PIT "
	       "channel 2 over %u us)\n", tsc_khz / 1000, tsc_khz % 1000, apic,
	       counts * 1000 / (CLOCK_TICK_RATE / 1000));
	return other_hz;
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
