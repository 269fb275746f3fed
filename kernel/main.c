// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/main.c - start_kernel(): from the boot stack to a running system.
 *
 * Linux 2.6: init/main.c.
 * boot/head.asm calls start_kernel() on process 0's stack with interrupts
 * off.  It brings the machine up in dependency order: the consoles first
 * (so everything after can speak), the exception table (so a bug oopses),
 * the loader's information and the command line, memory (the boot
 * allocator, swapper_pg_dir, the buddy allocator, the slab), interrupts
 * and the clock; then it turns interrupts on.  docs/boot.md walks through it.
 */
#include <asm/desc.h>
#include <asm/irqflags.h>
#include <ata.h>
#include <bench.h>
#include <blkdev.h>
#include <buffer_head.h>
#include <init.h>
#include <interrupt.h>
#include <kallsyms.h>
#include <kthread.h>
#include <signal.h>
#include <timer.h>
#include <wait.h>
#include <workqueue.h>
#include <irq.h>
#include <kernel.h>
#include <ktest.h>
#include <mm.h>
#include <mm_types.h>
#include <multiboot.h>
#include <sched.h>
#include <serial.h>
#include <setup.h>
#include <slab.h>
#include <swap.h>
#include <time.h>
#include <traps.h>
#include <version.h>
#include <writeback.h>

/*
 * The set-up that needs a process context: kernel threads are created
 * with kthread_create(), which sleeps until kthreadd has made them.
 */
static void do_basic_setup(void)
{
	if (spawn_ksoftirqd())
		panic("do_basic_setup: cannot start ksoftirqd");
	init_workqueues();

	/*
	 * The disk and the memory daemons (docs/memory-daemons.md):
	 * kblockd/0 first (the disk's queue is unplugged through it), then
	 * the disk, the buffer cache over it, and the threads that keep
	 * the cache in check: kswapd0 frees its clean pages when memory
	 * runs low, two pdflush threads write its dirty ones back.
	 */
	blk_dev_init();
	ata_init();
	buffer_init();
	kswapd_init();
	pdflush_init();
	page_writeback_init();
}

/*
 * pid 1.  It finishes the set-up that may sleep (and so cannot run in
 * process 0), then runs the in-kernel tests and benchmarks when asked.
 * Then it adopts orphans and reaps them.
 */
static int init(void *unused)
{
	child_reaper = current;
	set_task_comm(current, "init");
	system_state = SYSTEM_RUNNING;
	do_basic_setup();

	if (ktest_requested())
		ktest_run();
	if (bench_requested())
		bench_run();

	printk(KERN_INFO "init: no user space to run; reaping orphans\n");
	for (;;) {
		wait_event_interruptible(current->signal->wait_chldexit,
					 !list_empty(&current->children));
		do_wait(-1, NULL, 0);
	}
	return 0;
}

/*
 * The end of start_kernel(): process 0 makes pid 1 (init) and pid 2
 * (kthreadd) with kernel_thread(), exactly as Linux 2.6 does, and becomes
 * the idle task.  noinline: it must stay a frame of its own in
 * backtraces of process 0.
 */
static noinline void __noreturn rest_init(void)
{
	int pid;

	pid = kernel_thread(init, NULL, CLONE_FS | CLONE_SIGHAND);
	printk(KERN_INFO "rest_init: pid %d (init) created\n", pid);
	pid = kernel_thread(kthreadd, NULL, CLONE_FS | CLONE_FILES);
	kthreadd_task = find_task_by_pid(pid);
	printk(KERN_INFO "rest_init: pid %d (kthreadd) created\n", pid);

	/* The boot thread must run schedule() once to hand over. */
	preempt_enable_no_resched();
	schedule();
	preempt_disable();
	cpu_idle();
}

/**
 * start_kernel - the first C function
 * @magic: eax at _start; MULTIBOOT_BOOTLOADER_MAGIC from a multiboot loader
 * @info_phys: ebx at _start: physical address of the multiboot information
 *
 * Context: process 0, interrupts off.  Never returns.
 */
asmlinkage void __noreturn start_kernel(unsigned long magic,
					unsigned long info_phys)
{
	cpu_init();
	kallsyms_init();
	serial_init();
	vga_init();
	printk(KERN_NOTICE "%s\n", linux_banner);

	if (magic != MULTIBOOT_BOOTLOADER_MAGIC)
		panic("not started by a multiboot loader: eax = %#lx, "
		      "expected %#x", magic, MULTIBOOT_BOOTLOADER_MAGIC);
	trap_init();
	setup_arch(info_phys);

	setup_memory();
	paging_init();
	mem_init();
	kmem_cache_init();
	mm_struct_init();
	show_mem();

	sched_init();
	softirq_init();
	init_timers();
	fork_init();
	init_IRQ();
	time_init();
	local_irq_enable();

	rest_init();
}
