/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/bitops.h - atomic operations on single bits.
 *
 * Linux 2.6: include/asm-i386/bitops.h.  The lock prefix makes each one
 * indivisible against interrupts and other CPUs: "is this tasklet already
 * scheduled?" is a test_and_set_bit(), never a read then a write.
 */
#ifndef _BITOPS_H
#define _BITOPS_H

#include <compiler.h>
#include <types.h>

#define BITS_PER_LONG		32
#define BITS_TO_LONGS(nr)	(((nr) + BITS_PER_LONG - 1) / BITS_PER_LONG)

static inline void set_bit(int nr, volatile unsigned long *addr)
{
	__asm__ __volatile__("lock; btsl %1, %0"
			     : "+m"(*addr) : "Ir"(nr) : "memory");
}

static inline void clear_bit(int nr, volatile unsigned long *addr)
{
	__asm__ __volatile__("lock; btrl %1, %0"
			     : "+m"(*addr) : "Ir"(nr) : "memory");
}

/* Return: the bit's old value. */
static inline bool test_and_set_bit(int nr, volatile unsigned long *addr)
{
	unsigned char old;

	__asm__ __volatile__("lock; btsl %2, %0; setc %1"
			     : "+m"(*addr), "=qm"(old) : "Ir"(nr) : "memory");
	return old;
}

/* Return: the bit's old value. */
static inline bool test_and_clear_bit(int nr, volatile unsigned long *addr)
{
	unsigned char old;

	__asm__ __volatile__("lock; btrl %2, %0; setc %1"
			     : "+m"(*addr), "=qm"(old) : "Ir"(nr) : "memory");
	return old;
}

/* Like the others, @nr may lie past the first word of a bitmap. */
static inline bool test_bit(int nr, const volatile unsigned long *addr)
{
	return (addr[nr / BITS_PER_LONG] >> (nr % BITS_PER_LONG)) & 1;
}

#endif /* _BITOPS_H */
