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
 * then at most half of each moment's bracket (under a microsecond on
 * QEMU) plus one PIT count (0.84 us), over the window: CALIBRATE_MS
 * (1 ms) is enough for 0.2% -- the clock runs 2 seconds a quarter of an
 * hour off at worst -- and the boot, whose clock starts with the window,
 * waits no longer.  A host that
 * widened every bracket of a moment beyond CALIBRATE_MAX_ERROR_PPM of
 * the window has the window measured again.  Then sched_clock() gives
 * nanoseconds since boot for printk timestamps, traces and benchmarks.
 */
#include <asm/io.h>
#include <asm/processor.h>
#include <kernel.h>
#include <time.h>

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
#define CALIBRATE_MS	1
#define CALIBRATE_COUNTS (CLOCK_TICK_RATE * CALIBRATE_MS / 1000)
#define CALIBRATE_READS	5		/* reads at each moment */
#define CALIBRATE_MAX_ERROR_PPM 2000	/* 0.2%: else measure again, */
#define CALIBRATE_TRIES	5		/* at most this many times */

unsigned long tsc_khz;		/* TSC cycles per millisecond */
static u64 tsc_at_boot;

/*
 * One moment: a TSC value, the PIT channel 2 count and the other clock
 * (the APIC timer) read with it.
 */
struct tsc_ref {
	u64 tsc;
	u64 width;		/* of the bracket: TSC cycles */
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
	struct tsc_ref best = { 0, ~0ULL, 0, 0 };

	for (int i = 0; i < CALIBRATE_READS; i++) {
		u64 before = rdtsc();
		u16 count = pit_read_count();
		u32 other = read_other ? read_other() : 0;
		u64 after = rdtsc();

		if (after - before < best.width) {
			best.width = after - before;
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
 * @cal: filled with the other clock's rate and the window's length and
 *	error bound, for the caller's message
 *
 * Sets tsc_khz and starts the clock of sched_clock().
 * Context: boot, interrupts off; busy-waits about CALIBRATE_MS ms (more
 * on a host that takes the CPU away in the middle).
 */
void tsc_calibrate(u32 (*read_other)(void), struct calibration *cal)
{
	u8 portb = inb(PORT_B);
	struct tsc_ref start, end;
	unsigned int counts, error_ppm, tries = 0;
	u64 cycles;

	tsc_at_boot = rdtsc();
	outb(PORT_B, (portb & ~PORTB_SPEAKER) | PORTB_CH2_GATE);
	for (;;) {
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
		if (inb(PORT_B) & PORTB_CH2_OUT)
			continue;
		counts = (u16)(start.count - end.count);
		cycles = end.tsc - start.tsc;
		/* Half of each bracket, and one PIT count, in the window. */
		error_ppm = (unsigned int)((start.width + end.width) / 2 *
					   1000000 / cycles) +
			    1000000 / counts + 1;
		if (error_ppm <= CALIBRATE_MAX_ERROR_PPM ||
		    ++tries == CALIBRATE_TRIES)
			break;
	}
	outb(PORT_B, portb);

	tsc_khz = (unsigned long)(cycles * CLOCK_TICK_RATE / counts / 1000);
	cal->other_hz = read_other ?
		(unsigned long)((u64)(start.other - end.other) *
				CLOCK_TICK_RATE / counts) : 0;
	cal->window_us = counts * 1000 / (CLOCK_TICK_RATE / 1000);
	/* Rounded up to hundredths of a percent. */
	cal->error_centipct = (error_ppm + 99) / 100;
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
