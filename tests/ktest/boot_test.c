// SPDX-License-Identifier: GPL-2.0
/*
 * tests/ktest/boot_test.c - what start_kernel() set up: the tick, the
 * higher-half mapping, the boot information, the symbol table; and the
 * oops self-tests.
 */
#include <asm/apic.h>
#include <asm/io.h>
#include <asm/irqflags.h>
#include <asm/processor.h>
#include <asm/thread_info.h>
#include <hardirq.h>
#include <irq.h>
#include <kallsyms.h>
#include <kernel.h>
#include <ktest.h>
#include <mm.h>
#include <sched.h>
#include <sections.h>
#include <setup.h>
#include <string.h>
#include <time.h>
#include <timer.h>

#define PIT_INPUT_HZ	1193182	/* the 8254's input clock (its datasheet) */
#define PERIOD_TRIES	10

/* The tick's down-counter: the APIC timer's, or the PIT's channel 0. */
static unsigned int tick_counter(void)
{
	return lapic_enabled ? apic_read(APIC_TMCCT) : pit_read();
}

/* The interrupts that were ticks: LOC on CPU 0, or IRQ 0. */
static unsigned long tick_interrupts(void)
{
	return lapic_enabled ? per_cpu(irq_stat, 0).apic_timer_irqs :
			       irq_count_of(0);
}

/*
 * The largest and smallest count the tick's counter shows in two tick
 * periods of TSC time.  Return: how many counts were read.
 */
static unsigned long counter_range(unsigned int *max, unsigned int *min)
{
	u64 end = rdtsc() + 2 * (u64)tsc_khz * 1000 / HZ;
	unsigned long reads = 0, flags;

	*max = 0;
	*min = ~0U;
	/*
	 * Interrupts off: the tick's own handler, right after the reload,
	 * would hide the top of the count (under -icount it runs for more
	 * than 5% of a period).  The timer counts and reloads regardless.
	 */
	local_irq_save(flags);
	while (rdtsc() < end) {
		unsigned int count = tick_counter();

		*max = max(*max, count);
		*min = min(*min, count);
		reads++;
	}
	local_irq_restore(flags);
	return reads;
}

/*
 * The tick's period, as its own counter counts it: the local APIC timer
 * (or, without one, PIT channel 0) runs down from its reload value --
 * lapic_timer_counts, or PIT_INPUT_HZ / HZ (11932) -- to 0 or 1 and
 * interrupts as it reloads.  Its count is computed from the machine's
 * time, so a host that keeps QEMU off the CPU cannot distort it, unlike
 * a count of the interrupts in some TSC time (QEMU drops the ticks it
 * could not deliver: a quarter of them, beside two busy loops on a busy
 * host).  Over two periods the largest count seen is the reload value,
 * less what one read takes, and the smallest is near 0; a window whose
 * reads the host spaced too far apart proves nothing, and the test tries
 * another, PERIOD_TRIES at most.  A periodic timer reloaded with a wrong
 * count, or a one-shot one, fails.  And each tick is one timer interrupt
 * (on CPU 0, which alone advances jiffies).
 */
KTEST(tick_period_is_one_tick)
{
	const unsigned int reload = lapic_enabled ? lapic_timer_counts :
						    PIT_INPUT_HZ / HZ;
	unsigned int max = 0, min = 0;
	unsigned long flags, start, irqs;

	KTEST_ASSERT(tsc_khz > 0);
	/* On CPU 0, whose handler counts LOC and jiffies together. */
	set_cpus_allowed(current, cpumask_of_cpu(0));
	for (int i = 0; i < PERIOD_TRIES; i++) {
		unsigned long reads = counter_range(&max, &min);

		printk(KERN_INFO "ktest: the tick's counter goes %u .. %u "
		       "(reload %u) in %lu reads\n", min, max, reload, reads);
		KTEST_EXPECT(max <= reload + 1);
		if (max >= reload / 100 * 95 && min <= reload / 100 * 5)
			break;
	}
	KTEST_EXPECT(max >= reload / 100 * 95 && max <= reload + 1);
	KTEST_EXPECT(min <= reload / 100 * 5);

	local_irq_save(flags);
	start = jiffies;
	irqs = tick_interrupts();
	local_irq_restore(flags);
	while (jiffies - start < 5)
		schedule_timeout_uninterruptible(1);
	local_irq_save(flags);
	KTEST_EXPECT_EQ(tick_interrupts() - irqs, jiffies - start);
	local_irq_restore(flags);
}

/* The screen's top left cell: the CRT controller's start address. */
static unsigned int vga_screen_start(void)
{
	unsigned int start;

	outb(0x3D4, 0x0C);
	start = inb(0x3D5) << 8;
	outb(0x3D4, 0x0D);
	return start | inb(0x3D5);
}

/*
 * Kernel addresses are physical + PAGE_OFFSET; low addresses are gone.
 * printk's VGA console writes through the direct mapping, in the window
 * of text memory the CRT controller shows (the console scrolls by moving
 * it): the marker must be on the screen a person sees.
 */
KTEST(page_offset_mapping)
{
	const char *marker = "vga-mapping-marker";
	volatile u16 *vga = __va(0xB8000);
	unsigned int start;
	int found = 0;

	KTEST_EXPECT_EQ((unsigned long)_text, PAGE_OFFSET + PHYS_LOAD_ADDR);
	KTEST_EXPECT_EQ(__pa(_text), PHYS_LOAD_ADDR);
	KTEST_ASSERT((unsigned long)__va(__pa(_end)) == (unsigned long)_end);
	printk(KERN_INFO "%s\n", marker);
	start = vga_screen_start();
	KTEST_ASSERT(start + 80 * 25 <= 0x8000 / 2);
	for (int i = 0; i < 80 * 25 && !found; i += 80) {
		int j = 0;

		while (marker[j] &&
		       (vga[start + i + 15 + j] & 0xFF) == marker[j])
			j++;
		found = !marker[j];
	}
	KTEST_ASSERT(found);
	KTEST_EXPECT_EQ(read_cr3() & 0xFFF, 0);
	KTEST_ASSERT(read_cr0() & X86_CR0_PG);
}

/* Process 0 runs on init_thread_union, found by masking esp. */
KTEST(init_thread_union_is_stack)
{
	unsigned long esp0 = READ_ONCE(init_task.thread.esp);

	/* Ours: esp masked is our own thread_info, which points back. */
	KTEST_EXPECT(current_thread_info() == current->thread_info);
	KTEST_EXPECT(current_thread_info()->task == current);
	/*
	 * Process 0 is switched out while we run: the stack pointer it
	 * saved lies in init_thread_union, and masked gives its start.
	 */
	KTEST_EXPECT_EQ(esp0 & ~(THREAD_SIZE - 1),
			(unsigned long)&init_thread_union);
	KTEST_EXPECT(esp0 > (unsigned long)(&init_thread_union.thread_info + 1));
	KTEST_EXPECT_EQ((unsigned long)&init_thread_union % THREAD_SIZE, 0);
	KTEST_EXPECT_EQ(init_task.pid, 0);
	KTEST_ASSERT(init_thread_union.thread_info.task == &init_task);
}

KTEST(multiboot_memory_map)
{
	u64 total = e820_ram_total();

	KTEST_ASSERT(e820.nr_map > 0);
	/* QEMU's -m is at least 16 MiB in every test. */
	KTEST_ASSERT(total >= (15ULL << 20));
}

/* Crash on purpose: the system tests check the oops that follows. */

/*
 * An oops names each address by the function it is in, its offset and
 * the function's size: every address of a function must give the same
 * name and size, the next byte the next symbol at offset 0.
 */
KTEST(kallsyms_lookup_finds_function_bounds)
{
	unsigned long addr = (unsigned long)schedule, size, offset, size2;
	const char *name;
	char buf[KSYM_NAME_LEN + 24], want[KSYM_NAME_LEN + 24];

	name = kallsyms_lookup(addr, &size, &offset);
	KTEST_ASSERT(name && !strcmp(name, "schedule"));
	KTEST_EXPECT_EQ(offset, 0);
	KTEST_ASSERT(size > 0);
	name = kallsyms_lookup(addr + size - 1, &size2, &offset);
	KTEST_ASSERT(name && !strcmp(name, "schedule"));
	KTEST_EXPECT_EQ(offset, size - 1);
	KTEST_EXPECT_EQ(size2, size);
	name = kallsyms_lookup(addr + size, &size2, &offset);
	KTEST_ASSERT(name && strcmp(name, "schedule"));
	KTEST_EXPECT_EQ(offset, 0);
	KTEST_EXPECT_EQ(kallsyms_lookup_name("schedule"), addr);

	/* %pS: an address; %pB: a return address, maybe just past the end. */
	snprintf(want, sizeof(want), "schedule+0x5/%#lx", size);
	sprint_symbol(buf, sizeof(buf), addr + 5, false);
	KTEST_ASSERT(!strcmp(buf, want));
	snprintf(want, sizeof(want), "schedule+%#lx/%#lx", size, size);
	sprint_symbol(buf, sizeof(buf), addr + size, true);
	KTEST_ASSERT(!strcmp(buf, want));

	/* Outside the kernel's text: no name, the address in hex. */
	KTEST_ASSERT(!kallsyms_lookup((unsigned long)_etext, &size, &offset));
	KTEST_ASSERT(!kallsyms_lookup((unsigned long)_text - 1, &size,
				      &offset));
	sprint_symbol(buf, sizeof(buf), 0x1234, false);
	KTEST_ASSERT(!strcmp(buf, "0x00001234"));
}

KTEST_NAMED_ONLY(oops_selftest)
{
	printk(KERN_INFO "ktest: writing to a NULL pointer\n");
	*(volatile int *)0 = 1;
	KTEST_FAIL("the NULL write did not fault");
}

KTEST_NAMED_ONLY(oops_divide_error)
{
	unsigned int quotient, divisor = 0;

	printk(KERN_INFO "ktest: dividing by zero\n");
	/* In asm: gcc may turn a C division by a known value into a compare. */
	__asm__ __volatile__("divl %2"
			     : "=a"(quotient)
			     : "a"(1), "r"(divisor), "d"(0));
	KTEST_FAIL("the division did not fault (quotient %u)", quotient);
}

/*
 * A kernel stack that has run into unmapped memory, as an overflow past
 * a guard page would: the push faults, and the page fault cannot push its
 * own frame on that stack either, so the CPU raises a double fault.  Its
 * task gate (arch/x86/doublefault.c) reports it from a stack of its own
 * and panics; test_boot.py checks the report.  esp goes to the top of
 * the NULL page, which no page directory maps.  Should the push succeed,
 * the epilogue restores esp from the frame pointer and the test fails.
 */
KTEST_NAMED_ONLY(double_fault_selftest)
{
	printk(KERN_INFO "ktest: pushing on a stack at %#lx\n", PAGE_SIZE);
	__asm__ __volatile__("movl %0, %%esp\n\t"
			     "pushl $0"
			     : : "i"(PAGE_SIZE) : "memory");
	KTEST_FAIL("the push on an unmapped stack did not fault");
}

/*
 * Hangs on purpose: the test's thread sleeps with nobody to wake it.  The
 * watchdog of kernel/ktest.c must report the test by name, show the
 * thread in state D and end the run (tests/system/test_boot.py, with
 * ktest_timeout=1).
 */
KTEST_NAMED_ONLY(watchdog_selftest)
{
	set_current_state(TASK_UNINTERRUPTIBLE);
	schedule();
	KTEST_FAIL("woken up, with nobody to wake it");
}
