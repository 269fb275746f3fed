/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/delay.h - busy-wait delays (arch/x86/delay.c).
 *
 * Linux 2.6: include/linux/delay.h.
 */
#ifndef _DELAY_H
#define _DELAY_H

void udelay(unsigned long usecs);
void mdelay(unsigned long msecs);

#endif /* _DELAY_H */
