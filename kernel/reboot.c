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
 *
 * orderly_poweroff() (Linux 2.6.22's name, in kernel/sys.c) is the way
 * there from an event the kernel sees first: the power button
 * (drivers/acpi/button.c, from kacpid).  The kernel does not stop the
 * processes itself: it asks init, with SIGTERM, as kill_cad_pid() asks it
 * with SIGINT for Ctrl-Alt-Del.  init (user/init.c) stops the other
 * processes, syncs, unmounts and calls reboot(2), which comes back here.
 */
#include <errno.h>
#include <kernel.h>
#include <percpu.h>
#include <reboot.h>
#include <sched.h>
#include <signal.h>
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

/**
 * orderly_poweroff - ask init to stop everything and power off
 * @force: power off at once if init cannot be asked (it has no SIGTERM
 *	   handler, so the signal would be dropped: init ignores what it
 *	   does not catch)
 *
 * Context: process (kacpid's work); may not return if @force.
 * Return: 0 when init was sent SIGTERM, -ESRCH if it would drop it.
 */
int orderly_poweroff(bool force)
{
	struct task_struct *init = child_reaper;
	/* A snapshot: only init changes it, and only to catch the signal. */
	__sighandler_t handler =
		READ_ONCE(init->sighand->action[SIGTERM].handler);

	if (handler != SIG_DFL && handler != SIG_IGN) {
		printk(KERN_INFO "orderly_poweroff: SIGTERM to init (pid %d)\n",
		       init->pid);
		return send_sig(SIGTERM, init);
	}
	printk(KERN_WARNING "orderly_poweroff: init does not catch "
	       "SIGTERM%s\n", force ? ": powering off now" : "");
	if (force)
		kernel_power_off();
	return -ESRCH;
}
