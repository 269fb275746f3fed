/* SPDX-License-Identifier: GPL-2.0 */
/*
 * user/include/stdio.h - formatted output and line input.
 *
 * Linux 2.6 + a C library: <stdio.h>, without FILE: output is
 * unbuffered (one write(2) per call, so it never needs flushing before
 * fork or exit), and input is read_line() on fd 0.  The formatting is the
 * kernel's lib/vsprintf.c, so %d, %x, %s ... behave as in printk.
 */
#ifndef _USER_STDIO_H
#define _USER_STDIO_H

#include <stdarg.h>
#include <sys/types.h>

#define __user_printf(a, b) __attribute__((format(printf, a, b)))

/* lib/vsprintf.c */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
int snprintf(char *buf, size_t size, const char *fmt, ...) __user_printf(3, 4);

/* user/lib/stdio.c */
int vdprintf(int fd, const char *fmt, va_list args);
int dprintf(int fd, const char *fmt, ...) __user_printf(2, 3);
int printf(const char *fmt, ...) __user_printf(1, 2);
int puts(const char *s);
int putchar(int c);
ssize_t read_line(char *buf, size_t size);

#endif /* _USER_STDIO_H */
