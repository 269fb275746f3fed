/* SPDX-License-Identifier: GPL-2.0 */
/*
 * user/include/stdlib.h - exit, number parsing, the environment,
 * sorting and the heap.
 *
 * Linux 2.6 + a C library: <stdlib.h>.
 */
#ifndef _USER_STDLIB_H
#define _USER_STDLIB_H

#include <stddef.h>

/* user/lib/stdlib.c */
void exit(int status) __attribute__((noreturn));
void abort(void) __attribute__((noreturn));
long strtol(const char *s, char **end, int base);
unsigned long strtoul(const char *s, char **end, int base);
char *getenv(const char *name);
void qsort(void *base, size_t count, size_t size,
	   int (*compare)(const void *, const void *));

/* user/lib/malloc.c */
void *malloc(size_t size);
void free(void *ptr);
void *realloc(void *ptr, size_t size);

#endif /* _USER_STDLIB_H */
