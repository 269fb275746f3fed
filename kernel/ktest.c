// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/ktest.c - the in-kernel test runner.
 *
 * Tests are registered with KTEST() (include/ktest.h) anywhere in the
 * kernel, mostly in tests/ktest/; the linker gathers them between
 * __start_ktest and __stop_ktest.  ktest_run() runs the ones the ktest=
 * option asks for, in link order, prints the protocol of README.md
 * ("Testing") and ends QEMU with a status that says pass or fail.  The
 * tested kernel is the one `make run` boots: only the command line
 * differs.  A test that has not returned after ktest_timeout= seconds
 * (60 unless told) is reported by a watchdog timer, which ends the run:
 * a hang names the test and shows the tasks instead of waiting for the
 * host's timeout.
 */
#include <init.h>
#include <irq.h>
#include <kernel.h>
#include <ktest.h>
#include <reboot.h>
#include <sched.h>
#include <string.h>
#include <timer.h>
#include <trace.h>

static char ktest_list[COMMAND_LINE_SIZE];
static bool current_failed;
static char fail_reason[256];
static unsigned long ktest_timeout = 60;	/* seconds, per test */
static struct timer_list ktest_watchdog;
static const struct ktest *running;	/* for the watchdog's report */
static int nr_run, nr_passed, nr_failed;

static int ktest_setup(char *val)
{
	if (!*val)
		return -EINVAL;
	strlcpy(ktest_list, val, sizeof(ktest_list));
	return 0;
}
__setup("ktest=", ktest_setup);

static int ktest_timeout_setup(char *val)
{
	if (kstrtoul(val, 10, &ktest_timeout) || !ktest_timeout ||
	    ktest_timeout > 3600)
		return -EINVAL;
	return 0;
}
__setup("ktest_timeout=", ktest_timeout_setup);

static void ktest_finish(void)
{
	printk(KERN_INFO "ktest: %d passed, %d failed\n", nr_passed,
	       nr_failed);
	machine_debug_exit(nr_failed ? EXIT_KTEST_FAIL : EXIT_KTEST_PASS);
}

/*
 * The watchdog fires from TIMER_SOFTIRQ, so it works whatever the hung
 * test's task is doing, as long as the timer interrupt still comes: it
 * counts the test as failed, shows who is stuck where, and ends the run.
 */
static void ktest_watchdog_fn(unsigned long data)
{
	printk(KERN_INFO "ktest: not ok %d - %s: still running after %lu s\n",
	       nr_run, running->name, ktest_timeout);
	show_tasks();
	nr_failed++;
	ktest_finish();
}

/**
 * ktest_fake_interrupt - run @handler in hard-interrupt context, now
 * @handler: called from do_IRQ() like a device's handler
 *
 * For tests of what happens "in an interrupt": the handler is installed
 * on IRQ line KTEST_IRQ (no device uses it under QEMU) and `int` raises
 * that line's vector, which enters through the same stub, do_IRQ() and
 * irq_exit() as a device interrupt.  When this returns, the interrupt and
 * the softirqs it raised have run.
 * Context: process, interrupts on.
 */
void ktest_fake_interrupt(irq_handler_t handler)
{
	if (request_irq(KTEST_IRQ, handler, "ktest", NULL))
		panic("ktest_fake_interrupt: IRQ %d is taken", KTEST_IRQ);
	__asm__ __volatile__("int %0"
			     : : "i"(FIRST_EXTERNAL_VECTOR + KTEST_IRQ)
			     : "memory");
	free_irq(KTEST_IRQ, NULL);
}

/**
 * ktest_fail - record why the running test failed
 * @file: source file of the check
 * @line: its line
 * @fmt: reason, printf-style
 *
 * Only the first failure of a test is kept.
 * Context: a test function.
 */
void ktest_fail(const char *file, int line, const char *fmt, ...)
{
	va_list args;
	int n;

	if (current_failed)
		return;
	current_failed = true;
	n = scnprintf(fail_reason, sizeof(fail_reason), "%s:%d: ", file, line);
	va_start(args, fmt);
	vscnprintf(fail_reason + n, sizeof(fail_reason) - n, fmt, args);
	va_end(args);
}

/* Return: whether the running test has failed so far. */
bool ktest_failed(void)
{
	return current_failed;
}

/* Return: whether ktest= was given. */
bool ktest_requested(void)
{
	return ktest_list[0] != '\0';
}

static const struct ktest *find_ktest(const char *name, size_t len)
{
	for (const struct ktest *t = __start_ktest; t < __stop_ktest; t++)
		if (strlen(t->name) == len && !strncmp(t->name, name, len))
			return t;
	return NULL;
}

static void run_one(const struct ktest *t, const char *name, size_t len)
{
	nr_run++;
	if (!t) {
		printk(KERN_INFO "ktest: not ok %d - %.*s: no such test\n",
		       nr_run, (int)len, name);
		nr_failed++;
		return;
	}
	current_failed = false;
	running = t;
	mod_timer(&ktest_watchdog, jiffies + ktest_timeout * HZ);
	t->fn();
	del_timer_sync(&ktest_watchdog);
	if (current_failed) {
		printk(KERN_INFO "ktest: not ok %d - %s: %s\n", nr_run, t->name,
		       fail_reason);
		nr_failed++;
	} else {
		printk(KERN_INFO "ktest: ok %d - %s\n", nr_run, t->name);
		nr_passed++;
	}
}

/**
 * ktest_run - run the tests named by ktest= and leave QEMU
 *
 * Context: process (pid 1), interrupts on, may sleep.  Does not return
 * when QEMU has an isa-debug-exit device.
 */
void ktest_run(void)
{
	const char *p = ktest_list;

	setup_timer(&ktest_watchdog, ktest_watchdog_fn, 0);
	if (!strcmp(ktest_list, "all")) {
		int total = 0;

		for (const struct ktest *t = __start_ktest; t < __stop_ktest; t++)
			total += !(t->flags & KTEST_EXPLICIT);
		printk(KERN_INFO "ktest: 1..%d\n", total);
		for (const struct ktest *t = __start_ktest; t < __stop_ktest; t++)
			if (!(t->flags & KTEST_EXPLICIT))
				run_one(t, t->name, strlen(t->name));
	} else {
		int total = 1;

		for (const char *c = ktest_list; *c; c++)
			total += *c == ',';
		printk(KERN_INFO "ktest: 1..%d\n", total);
		while (*p) {
			const char *end = strchr(p, ',');
			size_t len = end ? (size_t)(end - p) : strlen(p);

			run_one(find_ktest(p, len), p, len);
			p += len + (end ? 1 : 0);
		}
	}
	trace_dump();	/* trace=sched: the run's events, as at power-off */
	ktest_finish();
}
