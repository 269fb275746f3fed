/* SPDX-License-Identifier: GPL-2.0 */
/*
 * user/include/string.h - memory and string routines, strerror and
 * strsignal.
 *
 * Linux 2.6 + a C library: <string.h>.  Everything but strerror and
 * strsignal is the kernel's own lib/string.c, compiled a second time for
 * user space (see the Makefile), so both sides share one tested
 * implementation.
 */
#ifndef _USER_STRING_H
#define _USER_STRING_H

#include <stddef.h>

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

/* user/lib/strerror.c */
const char *strerror(int errnum);
const char *strsignal(int sig);

#endif /* _USER_STRING_H */
