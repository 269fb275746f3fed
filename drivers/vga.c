// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/vga.c - a mirror of the console on the VGA text screen.
 *
 * Linux 2.6: drivers/video/console/vgacon.c (much reduced).
 * 80x25 cells of (character, attribute) in the 32 KiB of text memory at
 * physical 0xB8000, reached through the kernel's direct mapping.  The
 * screen is a window on that memory that starts at `vga_origin`: a full
 * screen scrolls by moving the window down one line and telling the CRT
 * controller (its start-address registers), as vgacon_scroll() does,
 * instead of copying 24 lines.  Only when the window reaches the end of
 * the memory is the screen copied back to the top, once every 180 lines.
 * This matters on QEMU, where every access to video memory is a trip into
 * the emulated VGA: a copying scroll cost about a millisecond a line.
 * The hardware cursor follows the text through the cursor-location
 * registers.  For people who watch QEMU's window rather than the serial
 * port.
 */
#include <asm/io.h>
#include <kernel.h>
#include <param.h>
#include <serial.h>

#define VGA_TEXT_PHYS	0xB8000		/* colour text-mode buffer */
#define VGA_MEM_CELLS	(0x8000 / 2)	/* 32 KiB of text memory */
#define VGA_COLS	80
#define VGA_ROWS	25
#define VGA_SCREEN	(VGA_ROWS * VGA_COLS)
#define VGA_ATTR	0x0700		/* light grey on black */

#define VGA_CRTC_INDEX	0x3D4		/* CRT controller index register */
#define VGA_CRTC_DATA	0x3D5
#define  CRTC_START_HI	 0x0C		/* screen start address, high byte */
#define  CRTC_START_LO	 0x0D		/* screen start address, low byte */
#define  CRTC_CURSOR_HI	 0x0E		/* cursor location, high byte */
#define  CRTC_CURSOR_LO	 0x0F		/* cursor location, low byte */

static volatile u16 *const vga_mem = (u16 *)(PAGE_OFFSET + VGA_TEXT_PHYS);
static unsigned int vga_origin;		/* cell shown at the top left */
static unsigned int vga_row, vga_col;

/* Both CRTC addresses count cells from the start of text memory. */
static void vga_write_crtc16(u8 reg_hi, u8 reg_lo, unsigned int val)
{
	outb(VGA_CRTC_INDEX, reg_hi);
	outb(VGA_CRTC_DATA, val >> 8);
	outb(VGA_CRTC_INDEX, reg_lo);
	outb(VGA_CRTC_DATA, val & 0xFF);
}

static void vga_set_cursor(void)
{
	vga_write_crtc16(CRTC_CURSOR_HI, CRTC_CURSOR_LO,
			 vga_origin + vga_row * VGA_COLS + vga_col);
}

static void vga_clear(unsigned int from, unsigned int cells)
{
	for (unsigned int i = from; i < from + cells; i++)
		vga_mem[i] = VGA_ATTR | ' ';
}

static void vga_newline(void)
{
	vga_col = 0;
	if (++vga_row < VGA_ROWS)
		return;
	vga_row = VGA_ROWS - 1;
	if (vga_origin + VGA_SCREEN + VGA_COLS > VGA_MEM_CELLS) {
		/* Out of memory below the window: back to the top, once. */
		for (unsigned int i = 0; i < VGA_SCREEN - VGA_COLS; i++)
			vga_mem[i] = vga_mem[vga_origin + VGA_COLS + i];
		vga_origin = 0;
	} else {
		vga_origin += VGA_COLS;
	}
	vga_clear(vga_origin + VGA_SCREEN - VGA_COLS, VGA_COLS);
	vga_write_crtc16(CRTC_START_HI, CRTC_START_LO, vga_origin);
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
			vga_mem[vga_origin + vga_row * VGA_COLS + vga_col] =
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
	vga_clear(0, VGA_SCREEN);
	vga_origin = vga_row = vga_col = 0;
	/* A boot loader may have left the window elsewhere. */
	vga_write_crtc16(CRTC_START_HI, CRTC_START_LO, 0);
	register_console(&vga_console);
}
