// SPDX-License-Identifier: GPL-2.0
/*
 * tests/ktest/apic_test.c - the local APIC, its timer, and the IO APIC
 * routing (arch/x86/apic.c, io_apic.c, irq.c).
 *
 * What the hardware is told is read back from the hardware: the LVT and
 * timer registers of the CPU the test runs on, the IO APIC's redirection
 * entries, the 8259s' mask registers, the IDT's gates.  What it does is
 * seen in the per-CPU counts: LOC rising with jiffies on every online
 * CPU, the disk's interrupt counted under IRQ 14.  Each wait is for the
 * event itself (jiffies moving, a read finishing), never for some time.
 */
#include <asm/apic.h>
#include <asm/irqflags.h>
#include <blkdev.h>
#include <buffer_head.h>
#include <hardirq.h>
#include <irq.h>
#include <kernel.h>
#include <ktest.h>
#include <percpu.h>
#include <sched.h>
#include <timer.h>
#include <time.h>

#define TICKS		3	/* jiffies to wait for */
#define ATA_IRQ		14
#define IO_APIC_VECTOR_MASK	0xFF
#define IO_APIC_MASKED	(1 << 16)

/* Wait until jiffies has moved by @ticks (sleeping, a tick at a time). */
static void wait_ticks(unsigned long ticks)
{
	unsigned long start = jiffies;

	while (jiffies - start < ticks)
		schedule_timeout_uninterruptible(1);
}

/*
 * Every online CPU's timer interrupts, counted as LOC, rise while
 * jiffies rises; on CPU 0, whose handler also advances jiffies, by
 * exactly as much.  And the CPU the test runs on has its timer
 * programmed as setup_local_APIC()/setup_APIC_timer() say: enabled with
 * the spurious vector, periodic, LOCAL_TIMER_VECTOR, unmasked, reloaded
 * with the calibrated count.
 */
KTEST(local_timer_ticks_on_every_cpu)
{
	unsigned int before[NR_CPUS], cpu;
	unsigned long flags, j0, j1;
	u32 lvtt;

	KTEST_ASSERT(lapic_enabled);
	KTEST_ASSERT(lapic_timer_counts > 0);
	/* On CPU 0, whose handler counts its LOC and jiffies together. */
	set_cpus_allowed(current, cpumask_of_cpu(0));
	preempt_disable();
	lvtt = apic_read(APIC_LVTT);
	KTEST_EXPECT(apic_read(APIC_SPIV) & APIC_SPIV_APIC_ENABLED);
	KTEST_EXPECT_EQ(apic_read(APIC_SPIV) & 0xFF, SPURIOUS_APIC_VECTOR);
	KTEST_EXPECT_EQ(apic_read(APIC_TMICT), lapic_timer_counts);
	preempt_enable();
	KTEST_EXPECT_EQ(lvtt & 0xFF, LOCAL_TIMER_VECTOR);
	KTEST_EXPECT(lvtt & APIC_LVT_TIMER_PERIODIC);
	KTEST_EXPECT(!(lvtt & APIC_LVT_MASKED));

	local_irq_save(flags);
	for_each_online_cpu(cpu)
		before[cpu] = READ_ONCE(per_cpu(irq_stat, cpu).apic_timer_irqs);
	j0 = jiffies;
	local_irq_restore(flags);
	wait_ticks(TICKS);
	for_each_online_cpu(cpu) {
		unsigned int now = READ_ONCE(per_cpu(irq_stat, cpu).apic_timer_irqs);

		printk(KERN_INFO "ktest: CPU%u: LOC %u -> %u\n", cpu,
		       before[cpu], now);
		KTEST_EXPECT(now - before[cpu] >= 1);
	}
	local_irq_save(flags);
	j1 = jiffies;
	KTEST_EXPECT_EQ(per_cpu(irq_stat, 0).apic_timer_irqs - before[0],
			j1 - j0);
	local_irq_restore(flags);
}

/*
 * Under the IO APIC the 8259s have no line open, the cascade included
 * (an open one would deliver a second copy through LINT0), and LINT0 is
 * masked on this CPU.
 */
KTEST(i8259_fully_masked_under_io_apic)
{
	u32 lvt0;

	KTEST_ASSERT(io_apic_enabled);
	KTEST_EXPECT_EQ(i8259A_read_imr(), 0xFFFF);
	preempt_disable();
	lvt0 = apic_read(APIC_LVT0);
	preempt_enable();
	KTEST_EXPECT(lvt0 & APIC_LVT_MASKED);
	for (unsigned int irq = 0; irq < NR_IRQS; irq++)
		if (irq_count_of(irq))
			KTEST_EXPECT(irq_chip_name(irq)[0] == 'I');
}

/*
 * A disk read ends with IRQ 14, which must now come through the IO APIC:
 * its pin programmed with vector 0x2E and unmasked, its controller the
 * IO APIC's, and the interrupt counted on CPU 0 (the destination of every
 * ISA line).
 */
KTEST(disk_interrupt_counted_through_io_apic)
{
	struct block_device *bdev = lookup_bdev("hda");
	struct buffer_head *bh;
	unsigned long before;
	u32 entry;

	KTEST_ASSERT(io_apic_enabled);
	KTEST_ASSERT(bdev != NULL);
	KTEST_EXPECT(irq_chip_name(ATA_IRQ)[0] == 'I');
	entry = io_apic_read_entry(ATA_IRQ);
	KTEST_EXPECT_EQ(entry & IO_APIC_VECTOR_MASK,
			FIRST_EXTERNAL_VECTOR + ATA_IRQ);
	KTEST_EXPECT(!(entry & IO_APIC_MASKED));

	invalidate_bdev(bdev);
	before = READ_ONCE(per_cpu(kstat, 0).irqs[ATA_IRQ]);
	bh = bread(bdev, 123);
	KTEST_ASSERT(bh != NULL);
	brelse(bh);
	KTEST_EXPECT(READ_ONCE(per_cpu(kstat, 0).irqs[ATA_IRQ]) > before);
}

/*
 * The local APIC's own vectors lead to their stubs, and the stubs to the
 * handlers: a software int on each vector is counted once, on this CPU.
 * (The error handler finds nothing in the ESR and says so; neither
 * vector is in service, so the error handler's EOI ends nothing.)
 */
KTEST(apic_vectors_have_handlers)
{
	unsigned int spurious, errors;

	KTEST_ASSERT(lapic_enabled);
	KTEST_EXPECT(idt_gate_handler(LOCAL_TIMER_VECTOR) ==
		     (void *)apic_timer_interrupt);
	KTEST_EXPECT(idt_gate_handler(ERROR_APIC_VECTOR) ==
		     (void *)error_interrupt);
	KTEST_EXPECT(idt_gate_handler(SPURIOUS_APIC_VECTOR) ==
		     (void *)spurious_interrupt);

	preempt_disable();
	spurious = __get_cpu_var(irq_stat).irq_spurious_count;
	errors = __get_cpu_var(irq_stat).irq_error_count;
	__asm__ __volatile__("int $0xFF");	/* SPURIOUS_APIC_VECTOR */
	__asm__ __volatile__("int $0xFE");	/* ERROR_APIC_VECTOR */
	KTEST_EXPECT_EQ(__get_cpu_var(irq_stat).irq_spurious_count,
			spurious + 1);
	KTEST_EXPECT_EQ(__get_cpu_var(irq_stat).irq_error_count, errors + 1);
	preempt_enable();
}
