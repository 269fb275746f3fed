// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/vga.c - a mirror of the console on the VGA text screen.
 *
 * Linux 2.6: drivers/video/console/vgacon.c (much reduced).
 * 80x25 cells of (character, attribute) at physical 0xB8000, reached
 * through the kernel's direct mapping.  Lines scroll up when the screen
 * is full; the hardware cursor follows the text through the CRT
 * controller's cursor-location registers.  For people who watch QEMU's
 * window rather than the serial port.
 */
#include <asm/io.h>
#include <kernel.h>
#include <param.h>
#include <serial.h>
#include <string.h>

#define VGA_TEXT_PHYS	0xB8000		/* colour text-mode buffer */
#define VGA_COLS	80
#define VGA_ROWS	25
#define VGA_ATTR	0x0700		/* light grey on black */

#define VGA_CRTC_INDEX	0x3D4		/* CRT controller index register */
#define VGA_CRTC_DATA	0x3D5
#define  CRTC_CURSOR_HI	 0x0E		/* cursor location, high byte */
#define  CRTC_CURSOR_LO	 0x0F		/* cursor location, low byte */

static u16 *const vga_mem = (u16 *)(PAGE_OFFSET + VGA_TEXT_PHYS);
static unsigned int vga_row, vga_col;

static void vga_set_cursor(void)
{
	unsigned int pos = vga_row * VGA_COLS + vga_col;

	outb(VGA_CRTC_INDEX, CRTC_CURSOR_HI);
	outb(VGA_CRTC_DATA, pos >> 8);
	outb(VGA_CRTC_INDEX, CRTC_CURSOR_LO);
	outb(VGA_CRTC_DATA, pos & 0xFF);
}

static void vga_newline(void)
{
	vga_col = 0;
	if (++vga_row < VGA_ROWS)
		return;
	/*
	 * Scroll with 32-bit moves: every access to video memory is a trip
	 * into QEMU's VGA emulation, and a byte-wise memmove() made four
	 * times as many (most of the boot's time went here).
	 */
	for (unsigned int i = 0; i < (VGA_ROWS - 1) * VGA_COLS / 2; i++)
		((volatile u32 *)vga_mem)[i] =
			((volatile u32 *)vga_mem)[i + VGA_COLS / 2];
	for (unsigned int i = 0; i < VGA_COLS; i++)
		vga_mem[(VGA_ROWS - 1) * VGA_COLS + i] = VGA_ATTR | ' ';
	vga_row = VGA_ROWS - 1;
}

static void vga_console_write(struct console *con, const char *s,
			      unsigned int len)
{
	for (unsigned int i = 0; i < len; i++) {
		char c = s[i];

		if (c == '\n') {
			vga_newline();
		} else if (c == '\r') {
			vga_col = 0;
		} else if (c == '\b') {
			if (vga_col)
				vga_col--;
		} else {
			vga_mem[vga_row * VGA_COLS + vga_col] =
				VGA_ATTR | (unsigned char)c;
			if (++vga_col == VGA_COLS)
				vga_newline();
		}
	}
	vga_set_cursor();
}

static struct console vga_console = {
	.name = "tty0",
	.write = vga_console_write,
};

/**
 * vga_init - clear the text screen and register it as a console
 *
 * Context: boot.
 */
void vga_init(void)
{
	for (unsigned int i = 0; i < VGA_ROWS * VGA_COLS; i++)
		vga_mem[i] = VGA_ATTR | ' ';
	vga_row = vga_col = 0;
	register_console(&vga_console);
}
