/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/serial.h - the COM1 console (drivers/serial.c) and the VGA
 * text console (drivers/vga.c).
 */
#ifndef _SERIAL_H
#define _SERIAL_H

/* drivers/serial.c */
void serial_init(void);
void serial_input_init(void);

/* drivers/vga.c */
void vga_init(void);

#endif /* _SERIAL_H */
