/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/string.h - memory and string routines (lib/string.c).
 *
 * Linux 2.6: include/linux/string.h.  gcc emits calls to memcpy, memset,
 * memmove and memcmp even in freestanding code, so these must exist.
 */
#ifndef _STRING_H
#define _STRING_H

#include <types.h>

/* lib/string.c */
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *s, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strstr(const char *haystack, const char *needle);
char *strrchr(const char *s, int c);
size_t strlcpy(char *dst, const char *src, size_t size);

#endif /* _STRING_H */
