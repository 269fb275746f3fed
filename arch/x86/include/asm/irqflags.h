/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/x86/include/asm/irqflags.h - turning interrupts off and on (EFLAGS.IF).
 *
 * Linux 2.6: include/asm-i386/system.h (local_irq_*, safe_halt).
 */
#ifndef _ASM_IRQFLAGS_H
#define _ASM_IRQFLAGS_H

#include <types.h>

#define X86_EFLAGS_IF	0x00000200	/* interrupt enable flag */

static inline unsigned long native_save_fl(void)
{
	unsigned long flags;

	__asm__ __volatile__("pushfl; popl %0" : "=rm"(flags) : : "memory");
	return flags;
}

static inline void local_irq_disable(void)
{
	__asm__ __volatile__("cli" : : : "memory");
}

static inline void local_irq_enable(void)
{
	__asm__ __volatile__("sti" : : : "memory");
}

#define local_irq_save(flags)			\
	do {					\
		(flags) = native_save_fl();	\
		local_irq_disable();		\
	} while (0)

/* Only IF is restored: the other flags belong to the code in between. */
#define local_irq_restore(flags)			\
	do {						\
		if ((flags) & X86_EFLAGS_IF)		\
			local_irq_enable();		\
		else					\
			local_irq_disable();		\
	} while (0)

static inline bool irqs_disabled(void)
{
	return !(native_save_fl() & X86_EFLAGS_IF);
}

/*
 * sti takes effect after the next instruction, so no interrupt can be
 * taken between sti and hlt: an interrupt that arrives after the caller's
 * last check (with interrupts off) still wakes the hlt.  This closes the
 * lost-wake-up race in the idle loop.
 */
static inline void safe_halt(void)
{
	__asm__ __volatile__("sti; hlt" : : : "memory");
}

static inline void halt(void)
{
	__asm__ __volatile__("hlt" : : : "memory");
}

#endif /* _ASM_IRQFLAGS_H */
