// SPDX-License-Identifier: GPL-2.0
/*
 * arch/x86/io_apic.c - the IO APIC: routing the ISA interrupts to a CPU.
 *
 * Linux 2.6: arch/i386/kernel/io_apic.c (setup_IO_APIC,
 * setup_IO_APIC_irqs, ioapic_edge_type and ioapic_level_type).
 * An IO APIC has a pin per interrupt input (24 on a PC) and, for each, a
 * 64-bit redirection entry: the vector to raise, how (fixed delivery),
 * to which local APIC (physical destination: an APIC ID), the pin's
 * trigger mode and polarity, and a mask bit.  Its registers are reached
 * through two words of memory: IOREGSEL, where the register's index is
 * written, and IOWIN, which then reads or writes it.  That pair is one
 * operation, so io_apic_lock covers it: two CPUs programming pins at once
 * would otherwise select each other's registers.
 *
 * The firmware tables (arch/x86/mpparse.c) say where each IO APIC is,
 * which pins it has (its first global system interrupt, GSI), and where
 * each ISA interrupt arrives: mp_isa_irqs[irq].gsi, which is not always
 * irq (QEMU and most PCs wire the PIT's IRQ 0 to GSI 2), with the
 * trigger and polarity the tables override.  setup_IO_APIC() maps every
 * IO APIC, prints what it is, masks every pin and closes the 8259s;
 * request_irq() (arch/x86/irq.c) then enables one line at a time, which
 * programs its entry: vector FIRST_EXTERNAL_VECTOR + irq, so the same
 * IDT stubs and do_IRQ() serve as with the 8259, delivered to the boot
 * CPU.  The interrupt then travels as a message to that CPU's local APIC
 * (arch/x86/apic.c), which raises the vector; do_IRQ() ends it with an
 * EOI to the local APIC, which for a level-triggered vector the local
 * APIC forwards to the IO APIC.  Intel 82093AA IO APIC datasheet.
 * Next: arch/x86/irq.c, do_IRQ().
 */
#include <asm/apic.h>
#include <asm/mpspec.h>
#include <irq.h>
#include <kernel.h>
#include <spinlock.h>

#define IO_APIC_REGSEL		0x00	/* register index */
#define IO_APIC_WINDOW		0x10	/* the selected register */

#define IO_APIC_ID		0x00
#define IO_APIC_VERSION		0x01	/* 7-0 version, 23-16 last pin */
#define IO_APIC_REDTBL(pin)	(0x10 + 2 * (pin))	/* low word; +1 high */

/* Redirection entry, low word. */
#define IO_APIC_DM_FIXED	(0 << 8)	/* delivery mode: fixed */
#define IO_APIC_DEST_PHYSICAL	(0 << 11)	/* destination: an APIC ID */
#define IO_APIC_ACTIVE_LOW	(1 << 13)
#define IO_APIC_LEVEL		(1 << 15)
#define IO_APIC_MASKED		(1 << 16)
/* High word: bits 31-24, the destination APIC ID. */
#define IO_APIC_DEST_SHIFT	24

struct io_apic_info {
	unsigned int version;
	unsigned int nr_pins;
};

static struct io_apic_info io_apic_info[MAX_IO_APICS];
static DEFINE_SPINLOCK(io_apic_lock);
/* Where every ISA interrupt goes: the boot CPU's local APIC. */
static unsigned int boot_cpu_apicid;
/* io_apic_lock: the lines whose routing was printed once already. */
static u16 routing_shown;

/* True once setup_IO_APIC() has taken the ISA interrupts over. */
bool io_apic_enabled;

static volatile u32 *io_apic_base(int apic)
{
	return (volatile u32 *)fix_to_virt(FIX_IO_APIC_BASE_0 + apic);
}

/* io_apic_lock held: IOREGSEL and IOWIN are one operation. */
static u32 io_apic_read(int apic, unsigned int reg)
{
	volatile u32 *base = io_apic_base(apic);

	base[IO_APIC_REGSEL / 4] = reg;
	return base[IO_APIC_WINDOW / 4];
}

static void io_apic_write(int apic, unsigned int reg, u32 value)
{
	volatile u32 *base = io_apic_base(apic);

	base[IO_APIC_REGSEL / 4] = reg;
	base[IO_APIC_WINDOW / 4] = value;
}

/**
 * io_apic_irq_pin - which IO APIC pin an ISA interrupt arrives on
 * @irq: ISA line 0-15
 * @apic: set to the index in mp_ioapics[]
 * @pin: set to the pin on that IO APIC
 *
 * Context: any, after setup_IO_APIC().
 * Return: 0, or -ENODEV if no IO APIC has the line's GSI.
 */
int io_apic_irq_pin(unsigned int irq, int *apic, int *pin)
{
	unsigned int gsi;

	if (irq >= NR_IRQS_LEGACY)
		return -ENODEV;
	gsi = mp_isa_irqs[irq].gsi;
	for (int i = 0; i < nr_ioapics; i++) {
		unsigned int base = mp_ioapics[i].gsi_base;

		if (gsi >= base && gsi < base + io_apic_info[i].nr_pins) {
			*apic = i;
			*pin = gsi - base;
			return 0;
		}
	}
	return -ENODEV;
}

/**
 * io_apic_read_entry - the low word of an ISA line's redirection entry
 * @irq: ISA line 0-15
 *
 * For tests and reports: vector, trigger, polarity, mask bit.
 * Context: any, after setup_IO_APIC().
 * Return: the word, or IO_APIC_MASKED if the line has no pin.
 */
u32 io_apic_read_entry(unsigned int irq)
{
	unsigned long flags;
	int apic, pin;
	u32 low;

	if (io_apic_irq_pin(irq, &apic, &pin))
		return IO_APIC_MASKED;
	spin_lock_irqsave(&io_apic_lock, flags);
	low = io_apic_read(apic, IO_APIC_REDTBL(pin));
	spin_unlock_irqrestore(&io_apic_lock, flags);
	return low;
}

/*
 * Program @irq's pin and unmask it.  The high word (destination) goes
 * first, the low word (with the mask bit clear) last: the pin must not
 * fire towards a half-written destination.
 */
static void enable_io_apic_irq(unsigned int irq)
{
	struct mp_irq_route *route = &mp_isa_irqs[irq];
	unsigned long flags;
	int apic, pin;
	u32 low;

	if (io_apic_irq_pin(irq, &apic, &pin)) {
		printk(KERN_WARNING "IO APIC: IRQ %u (GSI %u) is on no IO "
		       "APIC; not enabled\n", irq, route->gsi);
		return;
	}
	low = (FIRST_EXTERNAL_VECTOR + irq) | IO_APIC_DM_FIXED |
	      IO_APIC_DEST_PHYSICAL |
	      (route->active_low ? IO_APIC_ACTIVE_LOW : 0) |
	      (route->level ? IO_APIC_LEVEL : 0);
	spin_lock_irqsave(&io_apic_lock, flags);
	io_apic_write(apic, IO_APIC_REDTBL(pin) + 1,
		      boot_cpu_apicid << IO_APIC_DEST_SHIFT);
	io_apic_write(apic, IO_APIC_REDTBL(pin), low);
	if (!(routing_shown & 1u << irq)) {
		routing_shown |= 1u << irq;
		printk(KERN_INFO "IO APIC: IRQ %u -> GSI %u (IO APIC %d pin "
		       "%d), vector %#x, %s, active %s, to APIC ID %u\n", irq,
		       route->gsi, apic, pin, FIRST_EXTERNAL_VECTOR + irq,
		       route->level ? "level" : "edge",
		       route->active_low ? "low" : "high", boot_cpu_apicid);
	}
	spin_unlock_irqrestore(&io_apic_lock, flags);
}

static void disable_io_apic_irq(unsigned int irq)
{
	unsigned long flags;
	int apic, pin;

	if (io_apic_irq_pin(irq, &apic, &pin))
		return;
	spin_lock_irqsave(&io_apic_lock, flags);
	io_apic_write(apic, IO_APIC_REDTBL(pin),
		      io_apic_read(apic, IO_APIC_REDTBL(pin)) | IO_APIC_MASKED);
	spin_unlock_irqrestore(&io_apic_lock, flags);
}

/*
 * Edge: the EOI may go before the handler, since the edge is already
 * latched and the handler runs with interrupts off; a new edge during it
 * is remembered by the local APIC (IRR) and delivered after.
 */
static bool ack_edge_ioapic_irq(unsigned int irq)
{
	ack_APIC_irq();
	return true;
}

static bool ack_level_ioapic_irq(unsigned int irq)
{
	return true;
}

/*
 * Level: the EOI only after the handler, which made the device drop the
 * line.  The local APIC passes a level vector's EOI on to the IO APIC
 * (its remote IRR bit), which only then will send the pin's next
 * message; an EOI before the handler would have the still-raised line
 * deliver the same interrupt again at once.
 */
static void end_level_ioapic_irq(unsigned int irq)
{
	ack_APIC_irq();
}

static void end_edge_ioapic_irq(unsigned int irq)
{
}

struct hw_interrupt_type ioapic_edge_type = {
	.typename = "IO-APIC-edge",
	.enable = enable_io_apic_irq,
	.disable = disable_io_apic_irq,
	.ack = ack_edge_ioapic_irq,
	.end = end_edge_ioapic_irq,
};

struct hw_interrupt_type ioapic_level_type = {
	.typename = "IO-APIC-level",
	.enable = enable_io_apic_irq,
	.disable = disable_io_apic_irq,
	.ack = ack_level_ioapic_irq,
	.end = end_level_ioapic_irq,
};

/**
 * io_apic_irq_type - the controller of an ISA line under the IO APIC
 * @irq: ISA line 0-15
 *
 * Return: ioapic_level_type or ioapic_edge_type, by the line's trigger.
 */
struct hw_interrupt_type *io_apic_irq_type(unsigned int irq)
{
	return mp_isa_irqs[irq].level ? &ioapic_level_type : &ioapic_edge_type;
}

/**
 * setup_IO_APIC - map the IO APICs, mask every pin, close the 8259s
 *
 * After it, io_apic_enabled is true and every line's controller is the
 * IO APIC; an IO APIC whose registers read as nothing is left out, and
 * with none left the 8259s keep the lines.
 * Context: boot, CPU 0, interrupts off, after init_bsp_APIC().
 */
void setup_IO_APIC(void)
{
	int found = 0;

	boot_cpu_apicid = hard_smp_processor_id();
	for (int i = 0; i < nr_ioapics; i++) {
		struct io_apic_info *info = &io_apic_info[i];
		u32 id, ver;

		set_fixmap_nocache(FIX_IO_APIC_BASE_0 + i, mp_ioapics[i].addr);
		id = io_apic_read(i, IO_APIC_ID);
		ver = io_apic_read(i, IO_APIC_VERSION);
		if (ver == 0xFFFFFFFF) {
			printk(KERN_WARNING "IO APIC %d at %#lx does not "
			       "answer; left out\n", i, mp_ioapics[i].addr);
			continue;
		}
		info->version = ver & 0xFF;
		info->nr_pins = ((ver >> 16) & 0xFF) + 1;
		for (unsigned int pin = 0; pin < info->nr_pins; pin++) {
			io_apic_write(i, IO_APIC_REDTBL(pin) + 1, 0);
			io_apic_write(i, IO_APIC_REDTBL(pin), IO_APIC_MASKED);
		}
		printk(KERN_INFO "IO APIC %d: ID %u, version %#x, %u pins, "
		       "GSI %u-%u at %#lx, all masked\n", i, id >> 24 & 0xF,
		       info->version, info->nr_pins, mp_ioapics[i].gsi_base,
		       mp_ioapics[i].gsi_base + info->nr_pins - 1,
		       mp_ioapics[i].addr);
		found++;
	}
	if (!found)
		return;
	mask_8259A();
	io_apic_enabled = true;
	printk(KERN_INFO "IO APIC: routes the ISA interrupts (vector %#x + "
	       "IRQ) to APIC ID %u; 8259s masked\n", FIRST_EXTERNAL_VECTOR,
	       boot_cpu_apicid);
}
