/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/tty.h - the console terminal: line discipline and /dev/console
 * (drivers/tty.c), fed by the serial port and the PS/2 keyboard.
 *
 * Linux 2.6: drivers/char/n_tty.c (much reduced).
 */
#ifndef _TTY_H
#define _TTY_H

#include <file.h>

/* drivers/tty.c */
extern const struct file_operations tty_fops;
void tty_receive_char(char c);

/* drivers/keyboard.c */
void keyboard_init(void);

#endif /* _TTY_H */
