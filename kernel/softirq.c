// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/softirq.c - leaving interrupt context.
 *
 * Linux 2.6: kernel/softirq.c (irq_exit).
 */
#include <hardirq.h>

/**
 * irq_exit - leave hard interrupt context
 *
 * Context: end of do_IRQ(), interrupts off.
 */
void irq_exit(void)
{
	sub_preempt_count(HARDIRQ_OFFSET);
}
