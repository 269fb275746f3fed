// SPDX-License-Identifier: GPL-2.0
/*
 * lib/string.c - memory and string routines.
 *
 * Linux 2.6: lib/string.c (the generic C versions), and the i386
 * memcpy() and memset() of include/asm-i386/string.h, which move four
 * bytes at a time ("rep movsl", "rep stosl").
 * Plain loops a reader can check at a glance; only memcpy() and memset()
 * go a word at a time: every object the slab zeroes, every task fork
 * copies, goes through them -- a byte at a time they were a third of the
 * instructions the kernel runs from its clock's start to init's exec.
 * The same file is compiled into the host unit tests.
 */
#include <string.h>

/*
 * Four bytes of memory at any address, holding any type: x86 reads and
 * writes a word at any alignment, and the attributes tell the compiler
 * so -- and that such an access may touch any object (no assumption
 * from the strict aliasing rules).
 */
typedef u32 __attribute__((__may_alias__, __aligned__(1))) word_t;

void *memcpy(void *dst, const void *src, size_t n)
{
	char *d = dst;
	const char *s = src;

	/* Forward, each word read before it is written: memmove() counts
	 * on it for a destination below its source. */
	for (; n >= 4; n -= 4, d += 4, s += 4)
		*(word_t *)d = *(const word_t *)s;
	while (n--)
		*d++ = *s++;
	return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
	char *d = dst;
	const char *s = src;

	if (d <= s || d >= s + n)
		return memcpy(dst, src, n);
	/* Overlap with the destination above the source: copy backwards. */
	while (n--)
		d[n] = s[n];
	return dst;
}

void *memset(void *s, int c, size_t n)
{
	unsigned char *p = s;
	u32 word = (unsigned char)c * 0x01010101U;	/* c in all four */

	for (; n >= 4; n -= 4, p += 4)
		*(word_t *)p = word;
	while (n--)
		*p++ = (unsigned char)c;
	return s;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;

	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}

size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return p - s;
}

size_t strnlen(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}

int strcmp(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return (unsigned char)*a - (unsigned char)*b;
}

int strncmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		if (*a != *b)
			return (unsigned char)*a - (unsigned char)*b;
		if (!*a)
			break;
	}
	return 0;
}

char *strchr(const char *s, int c)
{
	for (; *s; s++)
		if (*s == (char)c)
			return (char *)s;
	return c ? NULL : (char *)s;
}

/**
 * strlcpy - copy a string into a sized buffer, always terminated
 * @dst: destination buffer
 * @src: source string
 * @size: size of @dst in bytes
 *
 * Return: strlen(@src); a value >= @size means the copy was truncated.
 */
size_t strlcpy(char *dst, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size) {
		size_t n = len >= size ? size - 1 : len;

		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return len;
}

/**
 * strstr - find the first occurrence of @needle in @haystack
 * @haystack: the string searched
 * @needle: the string looked for ("" matches at once)
 *
 * Return: a pointer to the match, or NULL.
 */
char *strstr(const char *haystack, const char *needle)
{
	size_t n = strlen(needle);

	for (; *haystack; haystack++)
		if (!strncmp(haystack, needle, n))
			return (char *)haystack;
	return n ? NULL : (char *)haystack;
}

/**
 * strrchr - the last occurrence of @c in @s
 * @s: the string
 * @c: the character (may be '\0')
 *
 * Return: a pointer to it, or NULL.
 */
char *strrchr(const char *s, int c)
{
	const char *last = NULL;

	do {
		if (*s == (char)c)
			last = s;
	} while (*s++);
	return (char *)last;
}
