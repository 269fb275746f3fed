// SPDX-License-Identifier: GPL-2.0
/*
 * user/lib/stdlib.c - exit and abort, number parsing, the environment,
 * sorting.
 *
 * Linux 2.6 + a C library: glibc's stdlib/.  exit() has nothing to flush
 * (stdio.c writes at once and there is no atexit), so it is _exit();
 * crt0 calls it with main's return value.  The parsers follow C's strtol
 * rules, which the shell, kill and dd rely on to reject "12abc".
 */
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Set by crt0 from the stack execve built. */
char **environ;

/**
 * exit - end the process
 * @status: exit code for the parent's waitpid
 *
 * Return: does not return.
 */
void exit(int status)
{
	_exit(status);
}

/**
 * abort - end the process with SIGABRT, as after a failed check
 *
 * Return: does not return.
 */
void abort(void)
{
	kill(getpid(), SIGABRT);
	/* Only if the signal did not end us: exit as a shell would report. */
	_exit(128 + SIGABRT);
}

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	return 99;	/* larger than any base */
}

/*
 * The common part of strtol and strtoul: spaces, a sign, a base prefix
 * ("0x" for 16, "0" for 8 when @base is 0), then digits.  A magnitude
 * above @limit (which depends on the sign for strtol) saturates and sets
 * ERANGE.  With no digits at all, *@end is @s itself.
 */
static unsigned long parse_number(const char *s, char **end, int base,
				  bool is_signed, bool *negative)
{
	const char *p = s;
	unsigned long value = 0, limit;
	bool any = false, overflow = false;

	while (*p == ' ' || *p == '\t' || *p == '\n')
		p++;
	*negative = *p == '-';
	if (*p == '-' || *p == '+')
		p++;
	if ((base == 0 || base == 16) && p[0] == '0' &&
	    (p[1] == 'x' || p[1] == 'X') && digit_value(p[2]) < 16) {
		p += 2;
		base = 16;
	} else if (base == 0) {
		base = *p == '0' ? 8 : 10;
	}

	if (!is_signed)
		limit = __LONG_MAX__ * 2UL + 1;		/* ULONG_MAX */
	else if (*negative)
		limit = (unsigned long)__LONG_MAX__ + 1;	/* -LONG_MIN */
	else
		limit = __LONG_MAX__;

	for (; digit_value(*p) < base; p++) {
		unsigned int d = digit_value(*p);

		any = true;
		if (value > (limit - d) / base)
			overflow = true;
		else
			value = value * base + d;
	}
	if (end)
		*end = (char *)(any ? p : s);
	if (overflow) {
		errno = ERANGE;
		value = limit;
	}
	return value;
}

/**
 * strtol - parse a signed number
 * @s: text, leading blanks allowed
 * @end: if not NULL, set to the first character not used
 * @base: 2..36, or 0 to accept 0x (hex), 0 (octal) or decimal
 *
 * Return: the value, saturated to LONG_MIN/LONG_MAX with errno ERANGE.
 */
long strtol(const char *s, char **end, int base)
{
	bool negative;
	unsigned long value = parse_number(s, end, base, true, &negative);

	return negative ? (long)(0UL - value) : (long)value;
}

/**
 * strtoul - parse an unsigned number
 * @s: text, leading blanks allowed
 * @end: if not NULL, set to the first character not used
 * @base: 2..36, or 0 to accept 0x (hex), 0 (octal) or decimal
 *
 * As in C, a leading '-' negates the result.
 * Return: the value, saturated to ULONG_MAX with errno ERANGE.
 */
unsigned long strtoul(const char *s, char **end, int base)
{
	bool negative;
	unsigned long value = parse_number(s, end, base, false, &negative);

	return negative ? 0UL - value : value;
}

/**
 * getenv - look up a variable in the environment
 * @name: variable name, without '='
 *
 * Return: its value, or NULL when it is not set.
 */
char *getenv(const char *name)
{
	size_t len = strlen(name);

	for (char **e = environ; e && *e; e++)
		if (!strncmp(*e, name, len) && (*e)[len] == '=')
			return *e + len + 1;
	return NULL;
}

/**
 * qsort - sort an array
 * @base: the first element
 * @count: how many elements
 * @size: the size of one element
 * @compare: negative, 0 or positive as its first argument sorts before,
 *	with or after its second
 *
 * An insertion sort, not a quicksort: short and stable, and quick
 * enough for the few hundred names of a directory (it takes count^2/4
 * comparisons on average).
 */
void qsort(void *base, size_t count, size_t size,
	   int (*compare)(const void *, const void *))
{
	char *a = base;

	for (size_t i = 1; i < count; i++) {
		/* Swap element i down until its left neighbour is smaller. */
		for (size_t j = i; j > 0; j--) {
			char *left = a + (j - 1) * size, *right = a + j * size;

			if (compare(left, right) <= 0)
				break;
			for (size_t k = 0; k < size; k++) {
				char t = left[k];

				left[k] = right[k];
				right[k] = t;
			}
		}
	}
}
