/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/hardirq.h - entering and leaving interrupt context.
 *
 * Linux 2.6: include/linux/hardirq.h.  irq_enter() raises the hardirq
 * count in preempt_count (so in_irq() is true and nothing schedules);
 * irq_exit() lowers it and is where deferred work runs.
 */
#ifndef _HARDIRQ_H
#define _HARDIRQ_H

#include <preempt.h>

#define irq_enter() add_preempt_count(HARDIRQ_OFFSET)

/* kernel/softirq.c */
void irq_exit(void);

#endif /* _HARDIRQ_H */
