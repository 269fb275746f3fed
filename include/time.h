/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/time.h - jiffies, the TSC clock, and conversions between them.
 *
 * Linux 2.6: include/linux/jiffies.h, include/asm-i386/timex.h.
 * jiffies counts timer interrupts (HZ per second) since boot; it starts
 * 5 minutes before wrapping, as on Linux, so that code comparing jiffies
 * without time_after() breaks early instead of after 497 days.  The TSC,
 * calibrated against the PIT at boot (with the local APIC timer, which
 * drives the tick), gives nanoseconds for printk timestamps and
 * benchmarks.
 */
#ifndef _TIME_H
#define _TIME_H

#include <param.h>
#include <types.h>

#define INITIAL_JIFFIES ((unsigned long)(unsigned int)(-300 * HZ))

/* kernel/timer.c; jiffies is the low word of jiffies_64 (linker.ld) */
extern volatile u64 jiffies_64;
extern volatile unsigned long jiffies;

/* Wrap-safe comparisons: true if a is after b. */
#define time_after(a, b)	((long)((b) - (a)) < 0)
#define time_before(a, b)	time_after(b, a)
#define time_after_eq(a, b)	((long)((a) - (b)) >= 0)
#define time_before_eq(a, b)	time_after_eq(b, a)

static inline unsigned long msecs_to_jiffies(unsigned int ms)
{
	return ((unsigned long)ms * HZ + 999) / 1000;	/* round up */
}

static inline unsigned int jiffies_to_msecs(unsigned long j)
{
	return j * (1000 / HZ);
}

/* arch/x86/tsc.c: what tsc_calibrate() measured besides tsc_khz */
struct calibration {
	unsigned long other_hz;		/* the other clock's counts a second */
	unsigned int window_us;		/* the PIT window */
	unsigned int error_centipct;	/* error bound, 0.01% units */
};
extern unsigned long tsc_khz;
void tsc_calibrate(u32 (*read_other)(void), struct calibration *cal);
u64 cycles_to_ns(u64 cycles);
u64 sched_clock(void);

/* arch/x86/i8253.c */
void time_init(void);
unsigned int pit_read(void);

/* kernel/timer.c */
void do_timer(void);

/* drivers/rtc.c */
unsigned long rtc_read_seconds(void);

/* kernel/time.c */
void timekeeping_init(void);
struct timespec current_kernel_time(void);

#endif /* _TIME_H */
