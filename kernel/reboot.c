// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/reboot.c - switching the machine off cleanly.
 *
 * Linux 2.6: kernel_power_off() in kernel/sys.c (2.6.13 onwards).
 * Dirty buffers live only in memory until pdflush writes them; switching
 * off without writing them loses them.  kernel_power_off() dumps the
 * scheduler trace if trace=sched recorded one, writes everything
 * (sync_all()), then asks the chipset to cut the power
 * (machine_power_off(), arch/x86/reboot.c).  The shell's poweroff and
 * the reboot(2) system call end here.
 */
#include <kernel.h>
#include <percpu.h>
#include <reboot.h>
#include <trace.h>
#include <writeback.h>

/**
 * kernel_power_off - sync the disks, then power the machine off
 *
 * Context: process (sync_all() sleeps).  Does not return.
 */
void kernel_power_off(void)
{
	int err;

	trace_dump();		/* trace=sched: the last events, before the end */
	/* Said once at boot with a backtrace; the total, at the end. */
	if (smp_processor_id_bugs)
		printk(KERN_ERR "BUG: smp_processor_id() in preemptible code "
		       "%lu times since boot\n", smp_processor_id_bugs);
	err = sync_all();

	if (err)
		printk(KERN_EMERG "System halted: syncing disks... failed "
		       "(%d). Power down.\n", err);
	else
		printk(KERN_EMERG "System halted: syncing disks... done. "
		       "Power down.\n");
	machine_power_off();
}
