// SPDX-License-Identifier: GPL-2.0
/*
 * arch/x86/i8253.c - the programmable interval timer, and time_init():
 * which clock drives the tick.
 *
 * Linux 2.6: arch/i386/kernel/i8253.c and time.c (time_init,
 * timer_interrupt).
 * With a local APIC (arch/x86/apic.c) its timer drives the tick on every
 * CPU: time_init() has setup_boot_APIC_clock() calibrate it (with the
 * TSC, against PIT channel 2: arch/x86/tsc.c) and start it, and stops
 * channel 0, which then has nothing to do.  Without one (a CPU without
 * an APIC, or nolapic) the PIT is the tick as on a uniprocessor PC:
 * channel 0 counts down 1.193182 MHz and raises IRQ 0, through the
 * 8259, each time it reaches zero; loaded with LATCH it does so HZ (100)
 * times a second, and timer_interrupt() calls do_timer() (kernel/timer.c),
 * which advances jiffies, and update_process_times(), which charges the
 * running task and runs the timers.  Registers: the Intel 8254 datasheet.
 */
#include <asm/apic.h>
#include <asm/io.h>
#include <irq.h>
#include <kernel.h>
#include <time.h>
#include <spinlock.h>
#include <timer.h>

#define PIT_CH0		0x40	/* channel 0 data: the tick */
#define PIT_MODE	0x43	/* mode/command register (write only) */
#define  PIT_SEL_CH0	 0x00	/* select channel 0 */
#define  PIT_LATCH	 0x00	/* access 00: latch the count for reading */
#define  PIT_ACCESS_LOHI 0x30	/* low byte, then high byte */
#define  PIT_MODE_ONESHOT 0x00	/* mode 0: interrupt on terminal count */
#define  PIT_MODE_RATE	 0x04	/* mode 2: rate generator */
#define  PIT_BINARY	 0x00	/* 16-bit binary counting */

#define CLOCK_TICK_RATE	1193182	/* PIT input clock, Hz */
#define LATCH		((CLOCK_TICK_RATE + HZ / 2) / HZ)	/* 11932 */

/* A latch and two reads are three port accesses: one reader at a time. */
static DEFINE_SPINLOCK(i8253_lock);

static void timer_interrupt(int irq, struct pt_regs *regs, void *dev_id)
{
	do_timer();
	update_process_times(user_mode(regs));
}

/*
 * Channel 0 quiet: mode 0 with a count of 0 (65536) raises its output
 * once, 55 ms from now, and never again; the line is masked anyway.
 */
static void pit_stop(void)
{
	unsigned long flags;

	spin_lock_irqsave(&i8253_lock, flags);
	outb(PIT_MODE, PIT_SEL_CH0 | PIT_ACCESS_LOHI | PIT_MODE_ONESHOT |
		       PIT_BINARY);
	outb(PIT_CH0, 0);
	outb(PIT_CH0, 0);
	spin_unlock_irqrestore(&i8253_lock, flags);
}

/**
 * time_init - calibrate the clocks, then start the HZ (100) tick
 *
 * Context: boot, interrupts off (the first tick comes after sti), after
 * init_IRQ().
 */
void time_init(void)
{
	if (lapic_enabled) {
		setup_boot_APIC_clock();
		pit_stop();
		return;
	}
	tsc_calibrate(NULL);
	outb(PIT_MODE, PIT_SEL_CH0 | PIT_ACCESS_LOHI | PIT_MODE_RATE |
		       PIT_BINARY);
	outb(PIT_CH0, LATCH & 0xFF);
	outb(PIT_CH0, LATCH >> 8);
	if (request_irq(0, timer_interrupt, "timer", NULL))
		panic("time_init: IRQ 0 is taken");
	printk(KERN_INFO "PIT: channel 0 at %d Hz (LATCH %d) drives the "
	       "tick\n", HZ, LATCH);
}

/**
 * pit_read - where channel 0 is in the current tick period
 *
 * Linux 2.6: pit_read() in arch/i386/kernel/i8253.c (the PIT
 * clocksource).  In mode 2 the count runs from LATCH down to 1; IRQ 0
 * comes as it reloads.
 * Context: any.
 * Return: the count, LATCH .. 1.
 */
unsigned int pit_read(void)
{
	unsigned long flags;
	u8 lo, hi;

	spin_lock_irqsave(&i8253_lock, flags);
	outb(PIT_MODE, PIT_SEL_CH0 | PIT_LATCH);
	lo = inb(PIT_CH0);
	hi = inb(PIT_CH0);
	spin_unlock_irqrestore(&i8253_lock, flags);
	return lo | hi << 8;
}
