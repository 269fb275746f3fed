/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/kernel.h - what almost every file needs: printk, panic, BUG,
 * WARN, min/max and alignment helpers.
 *
 * Linux 2.6: include/linux/kernel.h, include/asm-generic/bug.h.
 * Three kinds of failure (docs/boot.md): an error the caller can handle
 * is a -E return value; a broken invariant is BUG_ON() or panic(), which
 * stop the machine with registers and a backtrace; something odd but
 * survivable is WARN_ON(), which prints a backtrace and carries on.
 */
#ifndef _KERNEL_H
#define _KERNEL_H

#include <compiler.h>
#include <errno.h>
#include <printk.h>
#include <types.h>
#include <vsprintf.h>

#define min(a, b) ((a) < (b) ? (a) : (b))
#define max(a, b) ((a) > (b) ? (a) : (b))
#define clamp(v, lo, hi) min(max(v, lo), hi)

#define ALIGN(x, a)	 (((x) + (a) - 1) & ~((a) - 1))
#define ALIGN_DOWN(x, a) ((x) & ~((a) - 1))
#define DIV_ROUND_UP(n, d) (((n) + (d) - 1) / (d))

/* lib/int_sqrt.c */
unsigned long int_sqrt(unsigned long x);

/* kernel/panic.c */
extern int oops_in_progress;
void panic(const char *fmt, ...) __printf(1, 2) __noreturn;
void __bug(const char *file, int line, const char *cond) __noreturn;
void __warn(const char *file, int line, const char *cond);

#define BUG() __bug(__FILE__, __LINE__, NULL)

#define BUG_ON(cond)						\
	do {							\
		if (unlikely(cond))				\
			__bug(__FILE__, __LINE__, #cond);	\
	} while (0)

#define WARN_ON(cond)						\
	({							\
		bool __w = !!(cond);				\
		if (unlikely(__w))				\
			__warn(__FILE__, __LINE__, #cond);	\
		unlikely(__w);					\
	})

#define WARN_ON_ONCE(cond)					\
	({							\
		static bool __warned;				\
		bool __w = !!(cond);				\
		if (unlikely(__w) && !__warned) {		\
			__warned = true;			\
			__warn(__FILE__, __LINE__, #cond);	\
		}						\
		unlikely(__w);					\
	})

/* sched/core.c: complain if code that may sleep runs where it must not */
void __might_sleep(const char *file, int line);
#define might_sleep() __might_sleep(__FILE__, __LINE__)

/* arch/x86/dumpstack.c */
struct pt_regs;
void dump_stack(void);
void show_regs(struct pt_regs *regs);
void die(const char *str, struct pt_regs *regs, long err) __noreturn;
void oops_begin(void);
void die_at_frame(unsigned long frame, const char *fmt, ...)
	__printf(2, 3) __noreturn;

#endif /* _KERNEL_H */
