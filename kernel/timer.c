// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/timer.c - jiffies and the tick.
 *
 * Linux 2.6: kernel/timer.c (do_timer).
 * The PIT interrupt (arch/x86/i8253.c) calls do_timer() HZ times a
 * second.
 */
#include <time.h>

volatile u64 jiffies_64 = INITIAL_JIFFIES;

/**
 * do_timer - one tick has passed
 *
 * Context: hard interrupt (IRQ 0), interrupts off.
 */
void do_timer(void)
{
	jiffies_64++;
}
