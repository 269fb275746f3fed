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
#include <acpi.h>
#include <asm/desc.h>
#include <asm/mpspec.h>
#include <asm/irqflags.h>
#include <ata.h>
#include <bench.h>
#include <binfmts.h>
#include <blkdev.h>
#include <buffer_head.h>
#include <fs.h>
#include <genhd.h>
#include <hung_task.h>
#include <init.h>
#include <initramfs.h>
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
#include <proc_fs.h>
#include <multiboot.h>
#include <sched.h>
#include <serial.h>
#include <setup.h>
#include <slab.h>
#include <smp.h>
#include <start_kernel.h>
#include <swap.h>
#include <syscalls.h>
#include <trace.h>
#include <tty.h>
#include <time.h>
#include <traps.h>
#include <version.h>
#include <writeback.h>

/*
 * The set-up that needs a process context: kernel threads are created
 * with kthread_create(), which sleeps until kthreadd has made them.
 *
 * The per-CPU threads -- ksoftirqd/N, events/N, kblockd/N, each bound to
 * CPU N before it first runs -- are made for every CPU in cpu_online_map
 * now: the other CPUs were started before (smp_init()), and none comes
 * later, so each kind has exactly one thread per online CPU.  They are
 * made kind by kind (all the ksoftirqd, then all the events, ...), each
 * kind in CPU order, after the migration threads of migration_init().
 */
static void do_basic_setup(void)
{
	if (spawn_ksoftirqd())
		panic("do_basic_setup: cannot start ksoftirqd");
	init_workqueues();

	/*
	 * The disk and the memory daemons (docs/memory-daemons.md): kblockd/N
	 * (the disk's queue is unplugged through it), the buffer cache, the
	 * disk (its partition table read through it), the threads that keep
	 * the cache in check: kswapd0 frees clean pages, pdflush dirty ones.
	 */
	blk_dev_init();
	buffer_init();
	ata_init();
	filemap_init();
	kswapd_init();
	pdflush_init();
	page_writeback_init();
	hung_task_init();	/* the watchdog of tasks stuck in D state */
	acpi_button_init();	/* the SCI, and kacpid that handles it */
}

static const char *execute_command = "/sbin/init";	/* init= */

static int init_setup(char *path)
{
	if (path[0] != '/')
		return -EINVAL;
	execute_command = path;
	return 0;
}
__setup("init=", init_setup);

/*
 * Process 1 (Understanding the Linux Kernel, 3rd ed., chapter 3, section
 * "Process 1"): execve() the init program, and the kernel thread becomes
 * an ordinary process with its own address space.  Its first three file
 * descriptors are the console, as for any Unix init.
 */
static int run_init_process(const char *path)
{
	static const char *envp[] = { "HOME=/", "TERM=linux", NULL };
	const char *argv[] = { path, NULL };

	return kernel_execve(path, argv, envp);
}

/*
 * pid 1.  It finishes the set-up that may sleep (and so cannot run in
 * process 0), runs the in-kernel tests and benchmarks when asked, and
 * then becomes the first user process.  If there is nothing to execute
 * it says why and stays a kernel thread that adopts and reaps orphans:
 * the kernel keeps running.
 */
static int init(void *unused)
{
	int err;

	child_reaper = current;
	set_task_comm(current, "init");
	/* Session 1 and process group 1, as on every Unix. */
	set_special_pids(1);
	/* Forked by process 0, init stays on its CPU, and so does kthreadd,
	 * for the set-up: kthread_boot_done() says why and lets them go. */
	system_state = SYSTEM_RUNNING;
	smp_init();
	migration_init();
	do_basic_setup();
	populate_initramfs();
	kthread_boot_done();
	/* The tests and benchmarks count memory and time: the partition
	 * tables are read and rootfs filled before them, not inside the
	 * first that asks. */
	if (ktest_requested() || bench_requested()) {
		read_partition_tables();
		rootfs_populate_all();
	}
	if (ktest_requested())
		ktest_run();
	if (bench_requested())
		bench_run();

	if (do_sys_open("/dev/console", O_RDWR) != 0 || sys_dup2(0, 1) != 1 ||
	    sys_dup2(0, 2) != 2)
		printk(KERN_WARNING "init: unable to open an initial console\n");
	printk(KERN_INFO "init: executing %s\n", execute_command);
	err = run_init_process(execute_command);
	printk(KERN_ERR "init: cannot execute %s (error %d); pid 1 stays a "
	       "kernel thread, reaping orphans\n", execute_command, err);
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
	if (pid < 0)
		panic("rest_init: cannot create init: %d", pid);
	printk(KERN_INFO "rest_init: pid %d (init) created\n", pid);
	pid = kernel_thread(kthreadd, NULL, CLONE_FS | CLONE_FILES);
	if (pid < 0)
		panic("rest_init: cannot create kthreadd: %d", pid);
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
	/* Process 0's stack is the one we are on: mark its end first. */
	set_task_stack_end_magic(&init_task);
	cpu_init();
	kallsyms_init();
	serial_init();
	vga_init();
	/*
	 * loglevel= filters from the first message on.  A wrong magic means
	 * ebx is no multiboot information: nothing to read.
	 */
	if (magic == MULTIBOOT_BOOTLOADER_MAGIC)
		parse_early_param(multiboot_cmdline(info_phys));
	printk(KERN_NOTICE "%s\n", linux_banner);

	if (magic != MULTIBOOT_BOOTLOADER_MAGIC)
		panic("not started by a multiboot loader: eax = %#lx, "
		      "expected %#x", magic, MULTIBOOT_BOOTLOADER_MAGIC);
	trap_init();
	setup_arch(info_phys);

	setup_memory();
	paging_init();
	mem_init();
	find_smp_config();	/* the tables may lie above the boot mapping */
	kmem_cache_init();
	mm_struct_init();
	trace_init();
	show_mem();

	sched_init();
	softirq_init();
	init_timers();
	fork_init();
	vfs_caches_init();	/* rootfs mounted: process 0's root and cwd */
	proc_root_init();	/* "proc" registered: pid 1 mounts it */
	/*
	 * The interrupt controllers as the firmware tables described them
	 * (find_smp_config() above), then the tick: the local APIC timer,
	 * calibrated with the TSC (docs/interrupts.md).
	 */
	init_IRQ();
	time_init();
	tty_init();
	timekeeping_init();
	serial_input_init();
	keyboard_init();
	local_irq_enable();

	rest_init();
}
