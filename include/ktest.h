/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/ktest.h - in-kernel tests (kernel/ktest.c, tests/ktest/).
 *
 * KTEST(name) { ... } defines a test and registers it in the .ktest
 * linker section; nothing else needs to list it.  ktest=all on the
 * command line runs every test not marked KTEST_EXPLICIT, ktest=a,b runs
 * the named ones.  Each prints one TAP-shaped line on the console:
 *
 *	ktest: ok 3 - name
 *	ktest: not ok 4 - name: file.c:42: reason
 *
 * then "ktest: N passed, N failed", and QEMU exits with EXIT_KTEST_PASS
 * or EXIT_KTEST_FAIL (include/reboot.h).  Inside a test, KTEST_ASSERT()
 * and KTEST_EXPECT_EQ() record the first failure and return.
 */
#ifndef _KTEST_H
#define _KTEST_H

#include <compiler.h>
#include <types.h>

struct ktest {
	const char *name;
	void (*fn)(void);
	unsigned int flags;
};

#define KTEST_EXPLICIT	0x1	/* not in ktest=all: crashes on purpose */

#define __KTEST(tname, tflags)						\
	static void ktest_fn_##tname(void);				\
	static const struct ktest __ktest_##tname			\
		__used __section(".ktest") __aligned(4) = {		\
			.name = #tname,					\
			.fn = ktest_fn_##tname,				\
			.flags = (tflags),				\
		};							\
	static void ktest_fn_##tname(void)

#define KTEST(name)		__KTEST(name, 0)
#define KTEST_NAMED_ONLY(name)	__KTEST(name, KTEST_EXPLICIT)

extern const struct ktest __start_ktest[], __stop_ktest[];

#define KTEST_IRQ	5	/* the line ktest_fake_interrupt() uses */

/* kernel/ktest.c */
struct pt_regs;
void ktest_fake_interrupt(void (*handler)(int irq, struct pt_regs *regs,
					  void *dev_id));
void ktest_fail(const char *file, int line, const char *fmt, ...)
	__printf(3, 4);
bool ktest_failed(void);
bool ktest_requested(void);
void ktest_run(void);

#define KTEST_FAIL(...)							\
	do {								\
		ktest_fail(__FILE__, __LINE__, __VA_ARGS__);		\
		return;							\
	} while (0)

#define KTEST_ASSERT(cond)						\
	do {								\
		if (!(cond))						\
			KTEST_FAIL("%s", #cond);			\
	} while (0)

#define KTEST_EXPECT_EQ(a, b)						\
	do {								\
		long long __a = (long long)(a), __b = (long long)(b);	\
		if (__a != __b)						\
			KTEST_FAIL("%s == %s (%lld != %lld)", #a, #b,	\
				   __a, __b);				\
	} while (0)

#endif /* _KTEST_H */
