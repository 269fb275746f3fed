// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/panic.c - when the kernel cannot go on: panic, BUG, WARN.
 *
 * Linux 2.6: kernel/panic.c, include/asm-generic/bug.h.
 * panic() prints why and stops this CPU for good.  Under the test harness
 * it also ends QEMU with the EXIT_PANIC status, so a crash is a visible
 * failure rather than a hang.  BUG_ON() reports the file and line, then
 * the registers and backtrace of an oops (arch/x86/dumpstack.c:
 * die_at_frame()) before panicking; WARN_ON() prints the line and a
 * backtrace and carries on.
 */
#include <asm/irqflags.h>
#include <kernel.h>
#include <reboot.h>
#include <smp.h>
#include <stdarg.h>

/* Set while an oops or panic prints: printk must not wait for locks. */
int oops_in_progress;

/**
 * panic - print a message and halt for good
 * @fmt: why, printf-style
 *
 * Context: any.
 */
void panic(const char *fmt, ...)
{
	static char buf[256];
	va_list args;

	oops_begin();		/* one CPU panics, the others wait */
	va_start(args, fmt);
	vsnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	printk(KERN_EMERG "Kernel panic - not syncing: %s\n", buf);
	smp_send_stop();
	machine_debug_exit(EXIT_PANIC);
	for (;;)
		halt();
}

/**
 * __bug - BUG() and BUG_ON(): report a broken invariant and panic
 * @file: the source file of the check
 * @line: its line
 * @cond: the condition that held, or NULL for BUG()
 *
 * The line, then the oops at the caller (registers, stack words, Call
 * Trace, "Process name (pid: N ...)"), then panic.
 * Context: any.
 */
void __bug(const char *file, int line, const char *cond)
{
	oops_begin();
	printk(KERN_EMERG "kernel BUG at %s:%d!%s%s\n", file, line,
	       cond ? " " : "", cond ? cond : "");
	die_at_frame((unsigned long)__builtin_frame_address(0), "BUG");
}

void __warn(const char *file, int line, const char *cond)
{
	printk(KERN_WARNING "WARNING: at %s:%d %s\n", file, line, cond);
	dump_stack();
}
