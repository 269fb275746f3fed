/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/atomic.h - counters that are safe against interrupts and other
 * CPUs.
 *
 * Linux 2.6: include/asm-i386/atomic.h.  A lock prefix makes each
 * read-modify-write one indivisible bus operation.  Reference counts
 * (mm_users, mm_count, task usage, fs/files/sighand counts) use these.
 * stat_inc()/stat_add() are the same locked add on a plain unsigned
 * long: for event counters (vm_events, buffer_stats, wb_stats) that
 * code on several CPUs bumps without holding one common lock, and that
 * readers read as ordinary fields.  (Linux 2.6 keeps such counters per
 * CPU and sums them, mm/vmstat.c: count_vm_event(); one locked add is
 * simpler here and costs little with this kernel's event rates.)
 */
#ifndef _ATOMIC_H
#define _ATOMIC_H

#include <compiler.h>
#include <types.h>

typedef struct {
	volatile int counter;
} atomic_t;

#define ATOMIC_INIT(i)	{ (i) }

static inline int atomic_read(const atomic_t *v)
{
	return READ_ONCE(v->counter);
}

static inline void atomic_set(atomic_t *v, int i)
{
	WRITE_ONCE(v->counter, i);
}

static inline void atomic_add(int i, atomic_t *v)
{
	__asm__ __volatile__("lock; addl %1, %0" : "+m"(v->counter) : "ir"(i)
			     : "memory");
}

static inline void atomic_sub(int i, atomic_t *v)
{
	__asm__ __volatile__("lock; subl %1, %0" : "+m"(v->counter) : "ir"(i)
			     : "memory");
}

static inline void atomic_inc(atomic_t *v)
{
	atomic_add(1, v);
}

static inline void atomic_dec(atomic_t *v)
{
	atomic_sub(1, v);
}

/* Return: true if the counter became zero. */
static inline bool atomic_dec_and_test(atomic_t *v)
{
	unsigned char zero;

	__asm__ __volatile__("lock; decl %0; sete %1"
			     : "+m"(v->counter), "=qm"(zero) : : "memory");
	return zero;
}

/* Return: the new value. */
static inline int atomic_add_return(int i, atomic_t *v)
{
	int old = i;

	__asm__ __volatile__("lock; xaddl %0, %1"
			     : "+r"(old), "+m"(v->counter) : : "memory");
	return old + i;
}

/* An event counter: add @n, never losing a concurrent update. */
static inline void stat_add(unsigned long *counter, unsigned long n)
{
	__atomic_fetch_add(counter, n, __ATOMIC_RELAXED);
}

static inline void stat_inc(unsigned long *counter)
{
	stat_add(counter, 1);
}

#endif /* _ATOMIC_H */
