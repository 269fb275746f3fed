// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/serial.c - the 16550 UART on COM1: the kernel's main console.
 *
 * Linux 2.6: drivers/serial/8250.c (much reduced), and the early
 * serial console of arch/i386.
 * Output polls the transmit-holding-register-empty bit, so it works with
 * interrupts off, in an oops, before anything else is set up; each look
 * at it that finds the transmit FIFO empty lets 16 bytes go.  Input is
 * interrupt-driven: IRQ 4 fires for each received byte, which goes to the
 * terminal's line discipline (drivers/tty.c).  QEMU's
 * -serial connects this port to the terminal or a file: the tests read
 * everything the kernel says from here.  Registers: the National
 * Semiconductor PC16550D datasheet.
 */
#include <asm/io.h>
#include <irq.h>
#include <kernel.h>
#include <serial.h>
#include <spinlock.h>
#include <tty.h>

#define COM1_BASE	0x3F8
#define COM1_IRQ	4
#define UART_CLOCK	115200		/* base clock / 16, in baud */
#define SERIAL_BAUD	115200

#define UART_RX		0	/* receive buffer (read, DLAB=0) */
#define UART_TX		0	/* transmit holding (write, DLAB=0) */
#define UART_DLL	0	/* divisor latch low (DLAB=1) */
#define UART_IER	1	/* interrupt enable (DLAB=0) */
#define  UART_IER_RDI	 0x01	/* interrupt when data is received */
#define UART_DLM	1	/* divisor latch high (DLAB=1) */
#define UART_FCR	2	/* FIFO control (write) */
#define  UART_FCR_ENABLE 0x01	/* FIFOs on */
#define  UART_FCR_CLEAR	 0x06	/* clear receive and transmit FIFOs */
#define  UART_FCR_TRIG1	 0x00	/* receive interrupt after 1 byte */
#define UART_LCR	3	/* line control */
#define  UART_LCR_WLEN8	 0x03	/* 8 data bits, 1 stop bit, no parity */
#define  UART_LCR_DLAB	 0x80	/* divisor latch access */
#define UART_MCR	4	/* modem control */
#define  UART_MCR_DTR	 0x01
#define  UART_MCR_RTS	 0x02
#define  UART_MCR_OUT2	 0x08	/* gates the IRQ line to the PIC */
#define UART_LSR	5	/* line status */
#define  UART_LSR_DR	 0x01	/* a received byte is waiting */
#define  UART_LSR_THRE	 0x20	/* transmit holding register empty */

#define UART_FIFO_SIZE	16	/* the 16550's transmit FIFO */

/*
 * Transmit through the FIFO: THRE set means the whole transmit FIFO is
 * empty (datasheet, "FIFO Interrupt Mode Operation"), so one look at the
 * line status buys room for 16 bytes, not one.  Under QEMU every inb is
 * a trip into the device model, and the boot prints some 2 KiB.
 * @room carries what is left of the last look from one call to the next.
 */
static void serial_putc(char c, unsigned int *room)
{
	if (!*room) {
		while (!(inb(COM1_BASE + UART_LSR) & UART_LSR_THRE))
			;
		*room = UART_FIFO_SIZE;
	}
	outb(COM1_BASE + UART_TX, c);
	--*room;
}

static void serial_console_write(struct console *con, const char *s,
				 unsigned int len)
{
	unsigned int room = 0;

	for (unsigned int i = 0; i < len; i++) {
		if (s[i] == '\n')
			serial_putc('\r', &room);	/* terminals want CR LF */
		serial_putc(s[i], &room);
	}
}

/* The terminal's output, already processed by its ONLCR (drivers/n_tty.c). */
static void serial_console_write_raw(struct console *con, const char *s,
				     unsigned int len)
{
	unsigned int room = 0;

	for (unsigned int i = 0; i < len; i++)
		serial_putc(s[i], &room);
}

static struct console serial_console = {
	.name = "ttyS0",
	.write = serial_console_write,
	.write_raw = serial_console_write_raw,
};

/**
 * serial_init - program COM1 for 115200 8N1 and register it as a console
 *
 * Context: boot, first thing in start_kernel().
 */
void serial_init(void)
{
	unsigned int divisor = UART_CLOCK / SERIAL_BAUD;

	outb(COM1_BASE + UART_IER, 0);
	outb(COM1_BASE + UART_LCR, UART_LCR_DLAB);
	outb(COM1_BASE + UART_DLL, divisor & 0xFF);
	outb(COM1_BASE + UART_DLM, divisor >> 8);
	outb(COM1_BASE + UART_LCR, UART_LCR_WLEN8);
	outb(COM1_BASE + UART_FCR,
	     UART_FCR_ENABLE | UART_FCR_CLEAR | UART_FCR_TRIG1);
	outb(COM1_BASE + UART_MCR, UART_MCR_DTR | UART_MCR_RTS | UART_MCR_OUT2);
	register_console(&serial_console);
}

/*
 * serial_rx_lock (in the interrupt, interrupts off): the receive side of
 * the UART, so that two CPUs never both drain it and reorder the bytes.
 * The transmit side is serialised by printk's logbuf_lock, the only way
 * to the console.
 */
static DEFINE_SPINLOCK(serial_rx_lock);

static void serial_interrupt(int irq, struct pt_regs *regs, void *dev_id)
{
	spin_lock(&serial_rx_lock);
	while (inb(COM1_BASE + UART_LSR) & UART_LSR_DR)
		tty_receive_char(inb(COM1_BASE + UART_RX));
	spin_unlock(&serial_rx_lock);
}

/**
 * serial_input_init - take input from COM1 by interrupt
 *
 * Context: boot, after init_IRQ().
 */
void serial_input_init(void)
{
	if (request_irq(COM1_IRQ, serial_interrupt, "serial", NULL))
		panic("serial_input_init: IRQ %d is taken", COM1_IRQ);
	outb(COM1_BASE + UART_IER, UART_IER_RDI);
}
