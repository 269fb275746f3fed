// SPDX-License-Identifier: GPL-2.0
/*
 * lib/cmdline.c - splitting the kernel command line and reading numbers.
 *
 * Linux 2.6: next_arg() and parse_one() in kernel/params.c, memparse()
 * in lib/cmdline.c, simple_strtoul() in lib/vsprintf.c.
 * Pure functions over strings, so the host unit tests (tests/unit/)
 * exercise them directly; kernel/params.c connects them to the __setup
 * table and prints the warnings.
 */
#include <ctype.h>
#include <errno.h>
#include <init.h>
#include <string.h>

/**
 * next_arg - cut the next "param" or "param=value" off a command line
 * @args: the rest of the command line (modified in place), no leading spaces
 * @param: set to the parameter name
 * @val: set to the value, or NULL for a bare word
 *
 * Double quotes group words: name="a b" gives the value a b.
 * Return: the rest of the line after this argument, spaces skipped.
 */
char *next_arg(char *args, char **param, char **val)
{
	bool in_quote = false, quoted = false;
	char *equals = NULL;
	char *next;
	int i;

	if (*args == '"') {
		args++;
		in_quote = quoted = true;
	}

	for (i = 0; args[i]; i++) {
		if (isspace(args[i]) && !in_quote)
			break;
		if (!equals && args[i] == '=')
			equals = args + i;
		if (args[i] == '"')
			in_quote = !in_quote;
	}

	*param = args;
	if (!equals) {
		*val = NULL;
	} else {
		*equals = '\0';
		*val = equals + 1;
		/* Drop the quotes around a value: name="a b" */
		if (**val == '"') {
			(*val)++;
			if (args[i - 1] == '"')
				args[i - 1] = '\0';
		}
	}
	if (quoted && i > 0 && args[i - 1] == '"')
		args[i - 1] = '\0';

	if (args[i]) {
		args[i] = '\0';
		next = args + i + 1;
	} else {
		next = args + i;
	}
	while (isspace(*next))
		next++;
	return next;
}

/**
 * parse_one - hand one option to the handler registered for it
 * @param: option name
 * @val: its value, or NULL for a bare word
 * @start: first entry of the __setup table
 * @end: one past the last entry
 *
 * "name=" entries take options with a value, "name" entries bare words.
 * Return: PARAM_OK, PARAM_UNKNOWN or PARAM_INVALID.
 */
enum param_result parse_one(char *param, char *val,
			    const struct obs_kernel_param *start,
			    const struct obs_kernel_param *end)
{
	size_t len = strlen(param);

	for (const struct obs_kernel_param *p = start; p < end; p++) {
		size_t n = strlen(p->str);
		bool wants_value = n > 0 && p->str[n - 1] == '=';

		if (wants_value) {
			if (!val || n - 1 != len || strncmp(p->str, param, len))
				continue;
		} else {
			if (val || strcmp(p->str, param))
				continue;
		}
		return p->setup_func(val) ? PARAM_INVALID : PARAM_OK;
	}
	return PARAM_UNKNOWN;
}

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return 99;
}

/*
 * Parse digits at *s in @base (0: 0x -> 16, 0 -> 8, else 10).  Stops at
 * the first non-digit.  Return: -EINVAL if there were no digits, -ERANGE
 * on overflow, else 0.
 */
static int parse_digits(const char **s, unsigned int base,
			unsigned long long *res)
{
	const char *p = *s;
	unsigned long long v = 0;
	bool any = false;

	if (base == 0) {
		if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X') &&
		    digit_value(p[2]) < 16) {
			base = 16;
			p += 2;
		} else if (p[0] == '0' && p[1]) {
			base = 8;
		} else {
			base = 10;
		}
	} else if (base == 16 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
		p += 2;
	}

	for (; digit_value(*p) < (int)base; p++) {
		unsigned int d = digit_value(*p);

		if (v > (~0ULL - d) / base)
			return -ERANGE;
		v = v * base + d;
		any = true;
	}
	*s = p;
	*res = v;
	return any ? 0 : -EINVAL;
}

/**
 * memparse - read a size such as 64M, 512k or 1G
 * @ptr: the string
 * @retptr: if not NULL, set to the first character not used
 *
 * A size that does not fit in 64 bits, in its digits or once multiplied
 * by its suffix (0x1000000000040M), is no size: it would wrap around to
 * a small one.
 * Return: the size in bytes (0 if there are no digits or the size
 * overflows, with *@retptr = @ptr).
 */
unsigned long long memparse(const char *ptr, char **retptr)
{
	unsigned long long v = 0;
	const char *p = ptr;
	int shift = 0;

	if (parse_digits(&p, 0, &v))
		goto no_size;
	switch (*p) {
	case 'G': case 'g':
		shift += 10;
		/* fall through */
	case 'M': case 'm':
		shift += 10;
		/* fall through */
	case 'K': case 'k':
		shift += 10;
		p++;
		break;
	default:
		break;
	}
	if (v > ~0ULL >> shift)
		goto no_size;
	if (retptr)
		*retptr = (char *)p;
	return v << shift;

no_size:
	if (retptr)
		*retptr = (char *)ptr;
	return 0;
}

/**
 * kstrtoul - read a whole string as an unsigned long
 * @s: the string; nothing but digits (and one trailing newline) allowed
 * @base: 0 for C-style prefixes, else 8, 10 or 16
 * @res: where the value goes (only on success)
 *
 * Return: 0, -EINVAL for anything that is not a number, -ERANGE if the
 * value does not fit.
 */
int kstrtoul(const char *s, unsigned int base, unsigned long *res)
{
	unsigned long long v;
	int err;

	if (!s)
		return -EINVAL;
	if (*s == '+')
		s++;
	err = parse_digits(&s, base, &v);
	if (err)
		return err;
	if (*s == '\n')
		s++;
	if (*s)
		return -EINVAL;
	if (v != (unsigned long)v)
		return -ERANGE;
	*res = (unsigned long)v;
	return 0;
}

/**
 * kstrtol - read a whole string as a signed long
 * @s: the string, with an optional sign (one: "-+5" is no number)
 * @base: as for kstrtoul()
 * @res: where the value goes (only on success)
 *
 * Return: 0, -EINVAL or -ERANGE.
 */
int kstrtol(const char *s, unsigned int base, long *res)
{
	unsigned long v;
	bool negative = false;
	int err;

	if (s && *s == '-') {
		negative = true;
		s++;
		/* One sign only: kstrtoul() would take the '+' of "-+5". */
		if (*s == '+')
			return -EINVAL;
	}
	err = kstrtoul(s, base, &v);
	if (err)
		return err;
	if (negative) {
		if (v > (~0UL >> 1) + 1)	/* |LONG_MIN| */
			return -ERANGE;
		*res = (long)(0UL - v);
	} else {
		if (v > ~0UL >> 1)
			return -ERANGE;
		*res = (long)v;
	}
	return 0;
}
