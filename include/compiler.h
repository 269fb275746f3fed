/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/compiler.h - attributes and helpers every file may use.
 *
 * Linux 2.6: include/linux/compiler.h, compiler-gcc.h, stddef.h.
 * Kept tiny on purpose: each macro here is one gcc feature with a name.
 */
#ifndef _COMPILER_H
#define _COMPILER_H

#include <stddef.h>

#define __section(s)	__attribute__((section(s)))
#define __used		__attribute__((used))
#define __unused	__attribute__((unused))
#define __noreturn	__attribute__((noreturn))
#define __aligned(x)	__attribute__((aligned(x)))
#define __packed	__attribute__((packed))
#define __printf(a, b)	__attribute__((format(printf, a, b)))
#define __weak		__attribute__((weak))
#define noinline	__attribute__((noinline))
/*
 * Inlined even at -Og: for helpers of a few instructions on hot paths.
 * (The host C library has the same macro; the unit tests see both.)
 */
#ifndef __always_inline
#define __always_inline	inline __attribute__((always_inline))
#endif
/* Entry points called from assembly: arguments always on the stack. */
#define asmlinkage	__attribute__((regparm(0)))

#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)

/* Stops the compiler from moving memory accesses across this point. */
#define barrier()	__asm__ __volatile__("" ::: "memory")

/* Forces exactly one load/store: for data another context may change. */
#define READ_ONCE(x)	 (*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, v) (*(volatile __typeof__(x) *)&(x) = (v))

/*
 * The address of this point in the code, for reports only ("taken at
 * foo+0x12/0x40"): a label's address.  Used in macros, so that it is an
 * address in the function that expands them.
 */
#define _THIS_IP_ ({ __label__ __here; __here: (unsigned long)&&__here; })

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))

#define BUILD_BUG_ON(cond) _Static_assert(!(cond), #cond)

#endif /* _COMPILER_H */
