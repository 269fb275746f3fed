/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tests/unit/kernel_lib.h - the kernel's lib/ functions under their host
 * names (see tests/unit/host-renames.txt and the Makefile).
 */
#ifndef _KERNEL_LIB_H
#define _KERNEL_LIB_H

#include <stdarg.h>
#include <stddef.h>

void *kernel_memcpy(void *dst, const void *src, size_t n);
void *kernel_memmove(void *dst, const void *src, size_t n);
void *kernel_memset(void *s, int c, size_t n);
int kernel_memcmp(const void *a, const void *b, size_t n);
size_t kernel_strlen(const char *s);
size_t kernel_strnlen(const char *s, size_t max);
int kernel_strcmp(const char *a, const char *b);
int kernel_strncmp(const char *a, const char *b, size_t n);
char *kernel_strchr(const char *s, int c);
char *kernel_strstr(const char *haystack, const char *needle);
char *kernel_strrchr(const char *s, int c);
size_t kernel_strlcpy(char *dst, const char *src, size_t size);
int kernel_vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
int kernel_snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int kernel_scnprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif /* _KERNEL_LIB_H */
