/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/vsprintf.h - formatted output into buffers (lib/vsprintf.c).
 *
 * Linux 2.6: include/linux/kernel.h (vsnprintf, snprintf, scnprintf).
 * Conversions: %d %i %u %x %X %o %c %s %p %% with the l, ll, z and h
 * length modifiers, flags '-' '0' '+' ' ' '#', a width and a precision
 * (either may be '*').  %pS prints a kernel address as symbol+off/size,
 * %pB a return address the same way (looked up one byte back).
 */
#ifndef _VSPRINTF_H
#define _VSPRINTF_H

#include <compiler.h>
#include <stdarg.h>
#include <types.h>

/* lib/vsprintf.c */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
int snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
int vscnprintf(char *buf, size_t size, const char *fmt, va_list args);
int scnprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);

/*
 * Symbol lookup for %pS, provided by kernel/kallsyms.c; lib/ only calls
 * it through this pointer so that the host tests need no symbol table.
 */
extern int (*vsprintf_symbol_hook)(char *buf, size_t size, unsigned long addr,
				   bool backtrace);

#endif /* _VSPRINTF_H */
