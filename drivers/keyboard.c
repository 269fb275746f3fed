// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/keyboard.c - the PS/2 keyboard: scancodes to characters.
 *
 * Linux 2.6: drivers/input/keyboard/atkbd.c and drivers/char/keyboard.c
 * (much reduced).
 * The 8042 controller raises IRQ 1 for every key press and release and
 * holds the scancode (set 1, as the controller translates it) in its
 * data port.  Shift and Ctrl are tracked; every other press becomes a
 * character for the terminal (drivers/tty.c) through a US layout table.
 * The keys send what Linux's console sends, so that the line discipline
 * (drivers/n_tty.c) sees the same bytes from the keyboard as from a
 * terminal on the serial port: Enter is CR (ICRNL makes it NL),
 * Backspace is DEL (VERASE), and the arrows (extended keys, prefix 0xE0)
 * are the escape sequences ESC [ A .. D a line editor reads in raw mode.
 * Releases and the other extended keys are ignored.
 */
#include <asm/io.h>
#include <irq.h>
#include <kernel.h>
#include <spinlock.h>
#include <tty.h>

#define KBD_DATA	0x60	/* scancode in, commands out */
#define KBD_STATUS	0x64	/* status register (read) */
#define  KBD_STAT_OBF	 0x01	/* output buffer full: a byte waits */
#define KBD_IRQ		1

#define SC_RELEASE	0x80	/* bit 7: the key went up */
#define SC_EXTENDED	0xE0	/* the next code is an extended key */
#define SC_LSHIFT	0x2A
#define SC_RSHIFT	0x36
#define SC_CTRL		0x1D
#define SC_UP		0x48	/* after SC_EXTENDED: the arrow keys */
#define SC_LEFT		0x4B
#define SC_RIGHT	0x4D
#define SC_DOWN		0x50
#define KEY_ENTER	'\r'	/* what a terminal's Enter sends */
#define KEY_BACKSPACE	0x7f	/* DEL, the default VERASE */

/* Scancode set 1, US layout: unshifted and shifted characters. */
static const char keymap[2][0x3A] = {
	{
		0, 27, '1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '-',
		'=', KEY_BACKSPACE, '\t', 'q', 'w', 'e', 'r', 't', 'y', 'u',
		'i', 'o', 'p', '[', ']', KEY_ENTER, 0, 'a', 's', 'd', 'f',
		'g', 'h', 'j', 'k', 'l', ';', '\'', '`', 0, '\\', 'z', 'x',
		'c', 'v', 'b', 'n', 'm', ',', '.', '/', 0, '*', 0, ' ',
	},
	{
		0, 27, '!', '@', '#', '$', '%', '^', '&', '*', '(', ')', '_',
		'+', KEY_BACKSPACE, '\t', 'Q', 'W', 'E', 'R', 'T', 'Y', 'U',
		'I', 'O', 'P', '{', '}', KEY_ENTER, 0, 'A', 'S', 'D', 'F',
		'G', 'H', 'J', 'K', 'L', ':', '"', '~', 0, '|', 'Z', 'X',
		'C', 'V', 'B', 'N', 'M', '<', '>', '?', 0, '*', 0, ' ',
	},
};

/*
 * kbd_lock (taken in the interrupt, interrupts off): the modifier state
 * and the controller's output buffer, so that if IRQ 1 is delivered to
 * two CPUs back to back their scancodes still go to the terminal in the
 * order the keyboard sent them.
 */
static DEFINE_SPINLOCK(kbd_lock);
static bool shift, ctrl, extended;

/* An arrow key: ESC [ and its letter, as a VT100 sends it. */
static void arrow_key(unsigned char code)
{
	static const char letters[] = {
		[SC_UP] = 'A', [SC_DOWN] = 'B',
		[SC_RIGHT] = 'C', [SC_LEFT] = 'D',
	};

	tty_receive_char(0x1b);
	tty_receive_char('[');
	tty_receive_char(letters[code]);
}

static void keyboard_interrupt(int irq, struct pt_regs *regs, void *dev_id)
{
	spin_lock(&kbd_lock);
	while (inb(KBD_STATUS) & KBD_STAT_OBF) {
		unsigned char sc = inb(KBD_DATA);
		bool released = sc & SC_RELEASE;
		unsigned char code = sc & ~SC_RELEASE;
		char c;

		if (sc == SC_EXTENDED) {
			extended = true;
			continue;
		}
		if (extended) {		/* right Ctrl is E0 1D */
			extended = false;
			if (code == SC_CTRL)
				ctrl = !released;
			else if (!released &&
				 (code == SC_UP || code == SC_DOWN ||
				  code == SC_LEFT || code == SC_RIGHT))
				arrow_key(code);
			continue;
		}
		if (code == SC_LSHIFT || code == SC_RSHIFT) {
			shift = !released;
			continue;
		}
		if (code == SC_CTRL) {
			ctrl = !released;
			continue;
		}
		if (released || code >= sizeof(keymap[0]))
			continue;
		c = keymap[shift][code];
		if (!c)
			continue;
		if (ctrl && c >= '@')
			c &= 0x1F;	/* Ctrl-A = 1 ... */
		tty_receive_char(c);
	}
	spin_unlock(&kbd_lock);
}

/**
 * keyboard_init - take input from the PS/2 keyboard
 *
 * Context: boot, after init_IRQ().
 */
void keyboard_init(void)
{
	/* Drop whatever the BIOS left in the buffer. */
	while (inb(KBD_STATUS) & KBD_STAT_OBF)
		inb(KBD_DATA);
	if (request_irq(KBD_IRQ, keyboard_interrupt, "keyboard", NULL))
		panic("keyboard_init: IRQ %d is taken", KBD_IRQ);
}
