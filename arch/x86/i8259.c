// SPDX-License-Identifier: GPL-2.0
/*
 * arch/x86/i8259.c - the two cascaded 8259A interrupt controllers.
 *
 * Linux 2.6: arch/i386/kernel/i8259.c.
 * The BIOS leaves IRQ 0-7 on vectors 8-15, where the CPU's own exceptions
 * live; init_8259A() moves the master to 0x20-0x27 and the slave (on the
 * master's IRQ 2) to 0x28-0x2F.  Every line starts masked.  When there
 * is an IO APIC (arch/x86/io_apic.c) the 8259s take no part: mask_8259A()
 * closes all 16 lines and the IO APIC delivers the ISA interrupts.
 * Without one, i8259A_irq_type is the controller of every line:
 * request_irq() unmasks a line once it has a handler.  Registers and
 * initialisation words: the Intel 8259A datasheet.
 */
#include <asm/io.h>
#include <irq.h>
#include <spinlock.h>

#define PIC_MASTER_CMD	0x20
#define PIC_MASTER_DATA	0x21	/* interrupt mask register (OCW1) */
#define PIC_SLAVE_CMD	0xA0
#define PIC_SLAVE_DATA	0xA1

#define ICW1_INIT	0x10	/* start initialisation */
#define ICW1_ICW4	0x01	/* an ICW4 follows */
#define ICW3_MASTER_SLAVE_ON_IRQ2 0x04	/* bit mask: slave on line 2 */
#define ICW3_SLAVE_ID	0x02	/* slave's cascade identity */
#define ICW4_8086	0x01	/* 8086 mode */
#define OCW2_EOI	0x20	/* non-specific end of interrupt */
#define OCW3_READ_ISR	0x0B	/* next read of the command port: ISR */
#define PIC_CASCADE_IRQ	2

static DEFINE_SPINLOCK(i8259A_lock);
static unsigned int cached_irq_mask = 0xFFFF;	/* all masked */

static void write_masks(void)
{
	outb(PIC_MASTER_DATA, cached_irq_mask & 0xFF);
	outb(PIC_SLAVE_DATA, cached_irq_mask >> 8);
}

/**
 * init_8259A - remap both PICs to vectors 0x20-0x2F, all lines masked
 *
 * Context: boot, interrupts off.
 */
void init_8259A(void)
{
	outb(PIC_MASTER_DATA, 0xFF);
	outb(PIC_SLAVE_DATA, 0xFF);

	outb(PIC_MASTER_CMD, ICW1_INIT | ICW1_ICW4);
	io_delay();
	outb(PIC_MASTER_DATA, FIRST_EXTERNAL_VECTOR);	/* ICW2: vector base */
	io_delay();
	outb(PIC_MASTER_DATA, ICW3_MASTER_SLAVE_ON_IRQ2);
	io_delay();
	outb(PIC_MASTER_DATA, ICW4_8086);
	io_delay();

	outb(PIC_SLAVE_CMD, ICW1_INIT | ICW1_ICW4);
	io_delay();
	outb(PIC_SLAVE_DATA, FIRST_EXTERNAL_VECTOR + 8);
	io_delay();
	outb(PIC_SLAVE_DATA, ICW3_SLAVE_ID);
	io_delay();
	outb(PIC_SLAVE_DATA, ICW4_8086);
	io_delay();

	/* The cascade line must stay open for the slave's interrupts. */
	cached_irq_mask = 0xFFFF & ~(1u << PIC_CASCADE_IRQ);
	write_masks();
}

static void enable_8259A_irq(unsigned int irq)
{
	unsigned long flags;

	spin_lock_irqsave(&i8259A_lock, flags);
	cached_irq_mask &= ~(1u << irq);
	write_masks();
	spin_unlock_irqrestore(&i8259A_lock, flags);
}

static void disable_8259A_irq(unsigned int irq)
{
	unsigned long flags;

	spin_lock_irqsave(&i8259A_lock, flags);
	cached_irq_mask |= 1u << irq;
	write_masks();
	spin_unlock_irqrestore(&i8259A_lock, flags);
}

/*
 * End of interrupt for @irq, after its handler.  A slave line needs an
 * EOI on both chips.
 */
static void end_8259A_irq(unsigned int irq)
{
	if (irq >= 8)
		outb(PIC_SLAVE_CMD, OCW2_EOI);
	outb(PIC_MASTER_CMD, OCW2_EOI);
}

/*
 * Before the handler: was @irq really raised?  IRQ 7 and IRQ 15 also
 * arrive when a request disappears before the CPU acknowledges it
 * ("spurious"); then the line's in-service bit is clear and no EOI must
 * be sent (for 15: only to the master).  Returns false if spurious.
 */
static bool i8259A_irq_real(unsigned int irq)
{
	u16 port = irq < 8 ? PIC_MASTER_CMD : PIC_SLAVE_CMD;

	if ((irq & 7) != 7)
		return true;
	outb(port, OCW3_READ_ISR);
	if (inb(port) & 0x80)
		return true;
	if (irq == 15)
		outb(PIC_MASTER_CMD, OCW2_EOI);
	return false;
}

struct hw_interrupt_type i8259A_irq_type = {
	.typename = "XT-PIC",
	.enable = enable_8259A_irq,
	.disable = disable_8259A_irq,
	.ack = i8259A_irq_real,
	.end = end_8259A_irq,
};

/**
 * mask_8259A - close all 16 lines, the cascade too
 *
 * The IO APIC delivers the ISA interrupts from now on; a line left open
 * here would raise a second, unexpected interrupt through the local
 * APIC's LINT0 if that were ever unmasked.
 * Context: boot, interrupts off.
 */
void mask_8259A(void)
{
	unsigned long flags;

	spin_lock_irqsave(&i8259A_lock, flags);
	cached_irq_mask = 0xFFFF;
	write_masks();
	spin_unlock_irqrestore(&i8259A_lock, flags);
}

/**
 * i8259A_read_imr - the two interrupt mask registers, as the chips hold them
 *
 * Context: any.
 * Return: slave IMR << 8 | master IMR; a set bit is a masked line.
 */
u16 i8259A_read_imr(void)
{
	unsigned long flags;
	u16 imr;

	spin_lock_irqsave(&i8259A_lock, flags);
	/* With no OCW3 read command pending, the data port reads the IMR. */
	imr = inb(PIC_MASTER_DATA) | inb(PIC_SLAVE_DATA) << 8;
	spin_unlock_irqrestore(&i8259A_lock, flags);
	return imr;
}
