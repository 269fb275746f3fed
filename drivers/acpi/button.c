// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/acpi/button.c - the ACPI power button: the SCI, and kacpid,
 * the kernel thread that handles it.
 *
 * Linux 2.6: drivers/acpi/osl.c (kacpid_wq, acpi_os_execute(),
 * acpi_os_install_interrupt_handler()), drivers/acpi/events/evevent.c
 * (acpi_ev_fixed_event_detect), drivers/acpi/hardware/hwacpi.c
 * (acpi_hw_set_mode), drivers/acpi/button.c; Understanding the Linux
 * Kernel, 3rd ed., chapter 3, Section "Kernel Threads" (kapmd, the APM
 * thread that ACPI's kacpid replaced).
 * The chipset signals its power-management events with one interrupt,
 * the SCI (System Control Interrupt), whose ISA line the FADT names
 * (arch/x86/acpi.c) and which is level-triggered, active high, as the
 * MADT's override for it says (the IO APIC routes it that way).  The
 * power button is a "fixed event": PWRBTN_STS in PM1_STS says it was
 * pressed, PWRBTN_EN in PM1_EN lets it raise the SCI.  Firmware may
 * keep the events to itself (legacy mode) until the OS writes
 * ACPI_ENABLE to the SMI command port and SCI_EN appears in PM1_CNT.
 *
 * What a press leads to -- stopping every process, writing the disks,
 * cutting the power -- sleeps, for seconds.  An interrupt handler must
 * not sleep (it runs on whatever task it interrupted, with interrupts
 * off), so acpi_irq() only reads the status, clears it (a level line
 * stays raised until it is cleared) and queues a work on the kacpid
 * workqueue; its thread, kacpid, runs acpi_power_button_work() in
 * process context, as kapmd did for APM events.  That work asks init
 * to shut down: orderly_poweroff() in kernel/reboot.c.
 */
#include <acpi.h>
#include <asm/io.h>
#include <delay.h>
#include <errno.h>
#include <irq.h>
#include <kernel.h>
#include <reboot.h>
#include <workqueue.h>

/* How long the firmware gets to switch to ACPI mode (Linux: 3 s). */
#define ACPI_ENABLE_TIMEOUT_MS	3000

/* Presses handled (for the tests); written by kacpid alone. */
unsigned long acpi_button_events;

static struct workqueue_struct *kacpid_wq;

/* PM1_STS is the first half of the event block, PM1_EN the second. */
static u16 pm1_sts_port(void)
{
	return acpi_fadt.pm1a_evt_blk;
}

static u16 pm1_en_port(void)
{
	return acpi_fadt.pm1a_evt_blk + acpi_fadt.pm1_evt_len / 2;
}

/* kacpid: process context, may sleep. */
static void acpi_power_button_work(struct work_struct *work)
{
	WRITE_ONCE(acpi_button_events, acpi_button_events + 1);
	printk(KERN_NOTICE "ACPI: power button pressed, kacpid: orderly "
	       "power-off\n");
	orderly_poweroff(true);
}

static struct work_struct acpi_power_button;

/*
 * The SCI.  Interrupts off, on any CPU the IO APIC sent it to; only the
 * status register and queue_work(), which takes the workqueue's lock.
 */
static void acpi_irq(int irq, struct pt_regs *regs, void *dev_id)
{
	u16 sts = inw(pm1_sts_port());

	if (!(sts & ACPI_BITMASK_POWER_BUTTON))
		return;		/* another event, not enabled by us */
	/* Status bits are cleared by writing 1 to them, and only them. */
	outw(pm1_sts_port(), ACPI_BITMASK_POWER_BUTTON);
	/* A second press while the first is queued adds nothing. */
	queue_work(kacpid_wq, &acpi_power_button);
}

/* Legacy mode to ACPI mode, if the firmware left it in legacy mode. */
static int acpi_enable(void)
{
	u16 cnt = acpi_fadt.pm1a_cnt_blk;

	if (inw(cnt) & ACPI_BITMASK_SCI_ENABLE)
		return 0;
	if (!acpi_fadt.smi_cmd || !acpi_fadt.acpi_enable) {
		printk(KERN_ERR "ACPI: not in ACPI mode and no SMI_CMD to "
		       "switch\n");
		return -ENODEV;
	}
	outb(acpi_fadt.smi_cmd, acpi_fadt.acpi_enable);
	for (int ms = 0; ms < ACPI_ENABLE_TIMEOUT_MS; ms++) {
		if (inw(cnt) & ACPI_BITMASK_SCI_ENABLE) {
			printk(KERN_INFO "ACPI: enabled ACPI mode (SMI_CMD "
			       "%#x <- %#x)\n", acpi_fadt.smi_cmd,
			       acpi_fadt.acpi_enable);
			return 0;
		}
		mdelay(1);
	}
	printk(KERN_ERR "ACPI: the firmware did not enter ACPI mode\n");
	return -EIO;
}

/**
 * acpi_button_init - start kacpid and let the power button raise the SCI
 *
 * Without the FADT's registers (acpi=off, no tables) it says that there
 * is no power button and does nothing else.
 * Context: process (pid 1's do_basic_setup(), after the workqueues).
 * Return: 0, -ENODEV (no ACPI), -EIO (the firmware kept legacy mode),
 * -ENOMEM, or request_irq()'s error.
 */
int acpi_button_init(void)
{
	int err;

	if (acpi_disabled || !acpi_fadt.pm1a_evt_blk) {
		printk(KERN_INFO "ACPI: power button not available%s\n",
		       acpi_disabled ? " (acpi=off)" : "");
		return -ENODEV;
	}
	err = acpi_enable();
	if (err)
		return err;
	kacpid_wq = create_singlethread_workqueue("kacpid");
	if (!kacpid_wq)
		return -ENOMEM;
	INIT_WORK(&acpi_power_button, acpi_power_button_work);

	/* A press from before the OS took over is not this boot's. */
	outw(pm1_en_port(), inw(pm1_en_port()) & ~ACPI_BITMASK_POWER_BUTTON);
	outw(pm1_sts_port(), ACPI_BITMASK_POWER_BUTTON);
	err = request_irq(acpi_fadt.sci_irq, acpi_irq, "acpi", NULL);
	if (err)
		goto out_wq;
	outw(pm1_en_port(), inw(pm1_en_port()) | ACPI_BITMASK_POWER_BUTTON);
	printk(KERN_INFO "ACPI: Power Button [PWRF] on SCI IRQ %u, handled "
	       "by kacpid\n", acpi_fadt.sci_irq);
	return 0;

out_wq:
	printk(KERN_ERR "ACPI: SCI IRQ %u: error %d\n", acpi_fadt.sci_irq,
	       err);
	destroy_workqueue(kacpid_wq);
	kacpid_wq = NULL;
	return err;
}
