// SPDX-License-Identifier: GPL-2.0
/*
 * arch/x86/smpboot.c - starting the other CPUs.
 *
 * Linux 2.6: arch/i386/kernel/smpboot.c (smp_boot_cpus, do_boot_cpu,
 * start_secondary), init/main.c (smp_init, nosmp, maxcpus=).
 * ULK 3rd ed., chapter 3, "Process 0": on a multiprocessor each CPU has
 * its own process 0.  The BIOS starts one CPU; the kernel runs on it
 * until init calls smp_init(), which starts the others:
 *
 *   smp_boot_cpus() -> do_boot_cpu(cpu), for each CPU:
 *     fork_idle(cpu)            the CPU's process 0, "swapper/N", made by
 *                               copy_process() with pid 0 (kernel/fork.c)
 *     stack_start[cpu]          the top of that task's stack
 *     wakeup_secondary_cpu_via_init()
 *                               INIT, STARTUP, STARTUP (arch/x86/ipi.c)
 *   the new CPU: arch/x86/trampoline.asm, real mode -> protected mode ->
 *   paging on trampoline_pg_dir -> start_secondary() on the idle stack:
 *     cpu_init()                its own GDT, TSS and segment registers
 *     idt_init()                the one IDT every CPU shares
 *     setup_local_APIC(), setup_secondary_APIC_clock()
 *                               its interrupts and its tick
 *     cpu_set(cpu, cpu_online_map), wake_up(&cpu_callin_wait),
 *     then cpu_idle() forever.
 *
 * Linux 2.6 waits for each CPU before it starts the next; here
 * do_boot_cpu() does not wait, and the new CPUs come up side by side
 * while the boot CPU sleeps in smp_boot_cpus() until all of them are
 * online, at most a second: under -icount a CPU's INIT moves QEMU's
 * clock to its next timer deadline (docs/interrupts.md, "Boot time"),
 * and the CPUs then take their INITs at one idle, not one per CPU.  A CPU
 * that does not answer is reported, put back to sleep with an INIT IPI,
 * and left out, and the boot goes on.
 */
#include <asm/apic.h>
#include <asm/desc.h>
#include <asm/irqflags.h>
#include <asm/mpspec.h>
#include <asm/processor.h>
#include <delay.h>
#include <init.h>
#include <irq.h>
#include <kernel.h>
#include <mm.h>
#include <mm_types.h>
#include <pgtable.h>
#include <sched.h>
#include <smp.h>
#include <string.h>
#include <time.h>
#include <timer.h>
#include <wait.h>

#define TRAMPOLINE_BASE	0x1000UL	/* arch/x86/trampoline.asm */
#define CALLIN_TIMEOUT	HZ		/* a CPU that takes longer is dead */

/* arch/x86/trampoline.asm */
extern const char trampoline_data[], trampoline_end[];

/* The stack each CPU starts on: read by the trampoline. */
unsigned long stack_start[NR_CPUS];
/*
 * The page directory a starting CPU turns paging on with: the kernel's
 * entries, and the first 4 MiB one to one for the jump out of the
 * trampoline page.  start_secondary() moves to swapper_pg_dir at once,
 * so no CPU running the kernel ever sees that low mapping, and nothing
 * has to be flushed from the others' TLBs afterwards.  (Linux 2.6.3x:
 * trampoline_pg_dir.)
 */
pgd_t trampoline_pg_dir[PTRS_PER_PGD] __aligned(PAGE_SIZE);
/* Woken by each new CPU once it is online. */
static DECLARE_WAIT_QUEUE_HEAD(cpu_callin_wait);

/* CPUs to run: NR_CPUS unless nosmp or maxcpus= says fewer. */
unsigned int setup_max_cpus = NR_CPUS;

static int nosmp_setup(char *unused)
{
	setup_max_cpus = 1;
	return 0;
}
__setup("nosmp", nosmp_setup);

static int maxcpus_setup(char *val)
{
	unsigned long n;

	if (kstrtoul(val, 10, &n) || n < 1)
		return -EINVAL;
	setup_max_cpus = min(n, (unsigned long)NR_CPUS);
	return 0;
}
__setup("maxcpus=", maxcpus_setup);

/*
 * Fault injection: CPU n gets no STARTUP IPI, as if it were dead, so
 * that the time-out path can be seen and tested (tests/system/test_smp.py).
 */
static unsigned int fail_cpu_boot = NR_CPUS;

static int fail_cpu_boot_setup(char *val)
{
	unsigned long n;

	if (kstrtoul(val, 10, &n) || n == 0 || n >= NR_CPUS)
		return -EINVAL;
	fail_cpu_boot = n;
	return 0;
}
__setup("fail_cpu_boot=", fail_cpu_boot_setup);

/**
 * start_secondary - the first C code of a CPU other than the boot CPU
 *
 * Reached from arch/x86/trampoline.asm on the stack of this CPU's idle
 * task, with interrupts off.  preempt_count is 1 (sched_fork()): the
 * idle task runs with preemption disabled, as process 0 does.
 * Context: a new CPU, its process 0.
 */
asmlinkage void __noreturn start_secondary(void)
{
	unsigned int cpu = smp_processor_id();

	write_cr3(__pa(swapper_pg_dir));	/* off trampoline_pg_dir */
	cpu_init();
	idt_init();
	setup_local_APIC();
	setup_secondary_APIC_clock();

	/* Process 0 runs on init_mm lazily, on every CPU. */
	atomic_inc(&init_mm.mm_count);
	current->active_mm = &init_mm;
	enter_lazy_tlb(&init_mm);

	cpu_set(cpu, &cpu_online_map);
	wake_up(&cpu_callin_wait);
	local_irq_enable();
	cpu_idle();
}

/*
 * Make @cpu's idle task and wake the CPU; it comes online by itself
 * (start_secondary()).  Return: 0, or an error if it was not woken.
 */
static int do_boot_cpu(unsigned int cpu)
{
	unsigned int apicid = x86_cpu_to_apicid[cpu];
	struct task_struct *idle;

	idle = fork_idle(cpu);
	if (IS_ERR(idle)) {
		printk(KERN_ERR "SMP: no idle task for CPU#%u (error %ld)\n",
		       cpu, PTR_ERR(idle));
		return PTR_ERR(idle);
	}
	stack_start[cpu] = (unsigned long)task_thread_info(idle) + THREAD_SIZE;
	printk(KERN_INFO "SMP: booting CPU#%u (APIC %u), idle task %s at "
	       "%p\n", cpu, apicid, idle->comm, idle);
	if (cpu == fail_cpu_boot)
		return 0;		/* it is never woken */
	return wakeup_secondary_cpu_via_init(apicid, TRAMPOLINE_BASE);
}

/* Halt a CPU that did not come online: it could start later. */
static void park_cpu(unsigned int cpu)
{
	unsigned int apicid = x86_cpu_to_apicid[cpu];

	printk(KERN_ERR "SMP: CPU#%u (APIC %u) did not answer; going on "
	       "without it\n", cpu, apicid);
	apic_write(APIC_ICR2, apicid << 24);
	apic_write(APIC_ICR, APIC_INT_LEVELTRIG | APIC_INT_ASSERT |
			     APIC_DM_INIT);
	apic_wait_icr_idle();
	/* Its idle task stays allocated: the CPU may have used it. */
}

/*
 * Start every present CPU (up to setup_max_cpus), then sleep until all of
 * them are online.  They turn paging on with trampoline_pg_dir, whose
 * PDE 0 maps the first 4 MiB one to one for the start-up jump only
 * (arch/x86/trampoline.asm).
 */
static void smp_boot_cpus(void)
{
	cpumask_t booting = CPU_MASK_NONE;
	unsigned int cpu, started = 1;

	memcpy(__va(TRAMPOLINE_BASE), trampoline_data,
	       trampoline_end - trampoline_data);
	memcpy(trampoline_pg_dir, swapper_pg_dir, sizeof(swapper_pg_dir));
	trampoline_pg_dir[0] = swapper_pg_dir[pgd_index(PAGE_OFFSET)];

	for_each_cpu_mask(cpu, cpu_present_map) {
		if (cpu == 0)
			continue;
		if (started >= setup_max_cpus) {
			printk(KERN_INFO "SMP: CPU#%u left out (maxcpus=%u)\n",
			       cpu, setup_max_cpus);
			continue;
		}
		started++;
		if (!do_boot_cpu(cpu))
			cpu_set(cpu, &booting);
		else
			park_cpu(cpu);
	}
	/* Asleep meanwhile: this CPU halts while the new ones start. */
	wait_event_timeout(cpu_callin_wait,
			   cpus_equal(cpus_and(cpu_online_map, booting),
				      booting), CALLIN_TIMEOUT);
	for_each_cpu_mask(cpu, booting)
		if (!cpu_online(cpu))
			park_cpu(cpu);
}

/**
 * smp_init - bring up the other CPUs
 *
 * Context: init (pid 1), before do_basic_setup() starts the per-CPU
 * kernel threads.
 */
void smp_init(void)
{
	char names[NR_CPUS * (TASK_COMM_LEN + 1)];
	unsigned int cpu;
	size_t len = 0;

	BUILD_BUG_ON(TRAMPOLINE_BASE >= (1UL << 20));
	smp_intr_init();
	if (!lapic_enabled && setup_max_cpus > 1)
		printk(KERN_INFO "SMP: no local APIC (nolapic): one CPU\n");
	else if (setup_max_cpus > 1 && cpus_weight(cpu_present_map) > 1)
		smp_boot_cpus();	/* nothing to start on one CPU */
	for_each_online_cpu(cpu)
		len += scnprintf(names + len, sizeof(names) - len, " %s",
				 idle_task(cpu)->comm);
	printk(KERN_INFO "SMP: %u CPU%s online:%s\n", num_online_cpus(),
	       num_online_cpus() == 1 ? "" : "s", names);
}
