/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/ktest.h - in-kernel tests (kernel/ktest.c, tests/ktest/).
 *
 * KTEST(name) { ... } defines a test and registers it in the .ktest
 * linker section; nothing else needs to list it.  ktest=all on the
 * command line runs every test not marked KTEST_NAMED_ONLY, ktest=a,b
 * runs the named ones, ktest_seed=N shuffles the order.  Each prints one
 * TAP-shaped line on the console:
 *
 *	ktest: ok 3 - name
 *	ktest: not ok 4 - name: file.c:42: reason
 *
 * then "ktest: N passed, N failed", and QEMU exits with EXIT_KTEST_PASS
 * or EXIT_KTEST_FAIL (include/reboot.h).
 *
 * Each test runs in a kernel thread of its own, a child of the runner
 * (pid 1), and is checked afterwards for what it left behind: tasks,
 * free pages, slab objects, pids.  Inside a test, as in Linux's KUnit:
 *
 *	KTEST_EXPECT(cond), KTEST_EXPECT_EQ(a, b)
 *		record a failure and go on;
 *	KTEST_ASSERT(cond), KTEST_ASSERT_EQ(a, b), KTEST_FAIL(fmt, ...)
 *		record a failure and end the test: its thread runs the
 *		cleanup actions and exits, from however deep it is;
 *	ktest_wait_sleeping(p, states), ktest_wait_exits()
 *		wait for a task to be asleep, for exiting tasks to be gone;
 *	ktest_wait_for_stop(), ktest_kthread_stop(k)
 *		in a kthread the test started: sleep until kthread_stop();
 *		the cleanup action that stops it and waits until it is gone;
 *	ktest_add_action(fn, data)
 *		have fn(data) run when the test ends, however it ends (last
 *		added, first run): stop the threads it started, give back
 *		what it borrowed.  The actions run after the test function
 *		has returned: @data must not live on its stack.
 *
 * An assertion cannot end a test from an interrupt handler or with
 * preemption off: there, use the EXPECT forms.
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

/* The linker gathers the descriptors here (linker.ld). */
extern const struct ktest __start_ktest[], __stop_ktest[];

#define KTEST_IRQ	5	/* the line ktest_fake_interrupt() uses */

struct pt_regs;
struct task_struct;

/* kernel/ktest.c */
void ktest_fake_interrupt(void (*handler)(int irq, struct pt_regs *regs,
					  void *dev_id));
void ktest_fail(const char *file, int line, const char *fmt, ...)
	__printf(3, 4);
void __noreturn ktest_abort(void);
void ktest_add_action(void (*fn)(void *data), void *data);
void ktest_release_action(void (*fn)(void *data), void *data);
void ktest_wait_sleeping(struct task_struct *p, unsigned int states);
void ktest_wait_exits(void);
void ktest_wait_for_stop(void);
void ktest_kthread_stop(void *k);
void ktest_stay_on_cpu(unsigned int cpu);
bool ktest_requested(void);
void ktest_run(void);

#define KTEST_FAIL(...)							\
	do {								\
		ktest_fail(__FILE__, __LINE__, __VA_ARGS__);		\
		ktest_abort();						\
	} while (0)

#define KTEST_EXPECT(cond)						\
	do {								\
		if (!(cond))						\
			ktest_fail(__FILE__, __LINE__, "%s", #cond);	\
	} while (0)

#define KTEST_ASSERT(cond)						\
	do {								\
		if (!(cond))						\
			KTEST_FAIL("%s", #cond);			\
	} while (0)

#define __KTEST_EQ(a, b, on_failure)					\
	do {								\
		long long __a = (long long)(a), __b = (long long)(b);	\
		if (__a != __b) {					\
			ktest_fail(__FILE__, __LINE__,			\
				   "%s == %s (%lld != %lld)", #a, #b,	\
				   __a, __b);				\
			on_failure;					\
		}							\
	} while (0)

#define KTEST_EXPECT_EQ(a, b)	__KTEST_EQ(a, b, )
#define KTEST_ASSERT_EQ(a, b)	__KTEST_EQ(a, b, ktest_abort())

#endif /* _KTEST_H */
