// SPDX-License-Identifier: GPL-2.0
/*
 * lib/vsprintf.c - printf-style formatting into a bounded buffer.
 *
 * Linux 2.6: lib/vsprintf.c.
 * One pass over the format; every character goes through emit(), which
 * counts it and stores it only while there is room, so the return value is
 * the length the full output would have had (C99 snprintf semantics) and
 * the buffer is never overrun.  printk(), the shell's ps and the ktest
 * runner all format through here.  Host-tested in tests/unit/.
 */
#include <string.h>
#include <vsprintf.h>

int (*vsprintf_symbol_hook)(char *buf, size_t size, unsigned long addr,
			    bool backtrace);

struct out {
	char *buf;
	size_t size;	/* room, including the terminating NUL */
	size_t len;	/* characters produced so far */
};

#define FLAG_LEFT	0x01	/* '-': pad on the right */
#define FLAG_ZERO	0x02	/* '0': pad numbers with zeros */
#define FLAG_PLUS	0x04	/* '+': always print a sign */
#define FLAG_SPACE	0x08	/* ' ': space where '+' would go */
#define FLAG_ALT	0x10	/* '#': 0x / 0 prefix */
#define FLAG_UPPER	0x20	/* %X */

static void emit(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void emit_padding(struct out *o, char c, int n)
{
	while (n-- > 0)
		emit(o, c);
}

static void emit_string(struct out *o, const char *s, int width, int prec,
			int flags)
{
	int len;

	if (!s)
		s = "(null)";
	len = prec < 0 ? (int)strlen(s) : (int)strnlen(s, prec);
	if (!(flags & FLAG_LEFT))
		emit_padding(o, ' ', width - len);
	for (int i = 0; i < len; i++)
		emit(o, s[i]);
	if (flags & FLAG_LEFT)
		emit_padding(o, ' ', width - len);
}

static void emit_number(struct out *o, unsigned long long num, bool negative,
			unsigned int base, int width, int prec, int flags)
{
	const char *digits = (flags & FLAG_UPPER) ? "0123456789ABCDEF"
						   : "0123456789abcdef";
	char tmp[24];	/* 2^64 in octal has 22 digits */
	const char *prefix = "";
	char sign = 0;
	int n = 0, pad;

	do {
		tmp[n++] = digits[num % base];
		num /= base;
	} while (num);

	if (negative)
		sign = '-';
	else if (flags & FLAG_PLUS)
		sign = '+';
	else if (flags & FLAG_SPACE)
		sign = ' ';
	if (flags & FLAG_ALT) {
		if (base == 16)
			prefix = (flags & FLAG_UPPER) ? "0X" : "0x";
		else if (base == 8 && tmp[n - 1] != '0')
			prefix = "0";
	}

	if (prec < n)
		prec = n;
	pad = width - prec - (sign ? 1 : 0) - (int)strlen(prefix);
	if (!(flags & FLAG_LEFT) && !(flags & FLAG_ZERO))
		emit_padding(o, ' ', pad);
	if (sign)
		emit(o, sign);
	for (const char *p = prefix; *p; p++)
		emit(o, *p);
	if (!(flags & FLAG_LEFT) && (flags & FLAG_ZERO))
		emit_padding(o, '0', pad);
	emit_padding(o, '0', prec - n);
	while (n)
		emit(o, tmp[--n]);
	if (flags & FLAG_LEFT)
		emit_padding(o, ' ', pad);
}

static int parse_int(const char **fmt)
{
	int n = 0;

	while (**fmt >= '0' && **fmt <= '9')
		n = n * 10 + *(*fmt)++ - '0';
	return n;
}

/**
 * vsnprintf - format a string into a buffer
 * @buf: destination
 * @size: size of @buf; at most @size - 1 characters and a NUL are written
 * @fmt: format string
 * @args: arguments
 *
 * Context: any, including interrupts; never sleeps.
 * Return: the number of characters the whole output has (without the NUL),
 * which may be more than were stored.
 */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	struct out o = { buf, size, 0 };

	for (; *fmt; fmt++) {
		int flags = 0, width = -1, prec = -1, qualifier = 0;
		unsigned long long num;
		unsigned int base = 10;
		bool is_signed = false;

		if (*fmt != '%') {
			emit(&o, *fmt);
			continue;
		}

		for (;;) {
			char f = *++fmt;

			if (f == '-')
				flags |= FLAG_LEFT;
			else if (f == '0')
				flags |= FLAG_ZERO;
			else if (f == '+')
				flags |= FLAG_PLUS;
			else if (f == ' ')
				flags |= FLAG_SPACE;
			else if (f == '#')
				flags |= FLAG_ALT;
			else
				break;
		}

		if (*fmt == '*') {
			width = va_arg(args, int);
			fmt++;
			if (width < 0) {
				flags |= FLAG_LEFT;
				width = -width;
			}
		} else if (*fmt >= '0' && *fmt <= '9') {
			width = parse_int(&fmt);
		}

		if (*fmt == '.') {
			fmt++;
			if (*fmt == '*') {
				prec = va_arg(args, int);
				fmt++;
			} else {
				prec = parse_int(&fmt);
			}
			if (prec < 0)
				prec = 0;
		}

		/* 'L' = long long, 'l' = long, 'z' = size_t, 'h' = short */
		if (*fmt == 'l' && fmt[1] == 'l') {
			qualifier = 'L';
			fmt += 2;
		} else if (*fmt == 'l' || *fmt == 'z' || *fmt == 'h') {
			qualifier = *fmt++;
		}

		switch (*fmt) {
		case 'c':
			if (!(flags & FLAG_LEFT))
				emit_padding(&o, ' ', width - 1);
			emit(&o, (char)va_arg(args, int));
			if (flags & FLAG_LEFT)
				emit_padding(&o, ' ', width - 1);
			continue;
		case 's':
			emit_string(&o, va_arg(args, const char *), width,
				    prec, flags);
			continue;
		case 'p': {
			unsigned long addr = (unsigned long)va_arg(args, void *);

			/*
			 * %pS: a symbol.  %pB: a return address, looked up
			 * one byte back, for a call that is the last
			 * instruction of a function (a noreturn callee).
			 */
			if ((fmt[1] == 'S' || fmt[1] == 'B') &&
			    vsprintf_symbol_hook) {
				char sym[64];

				fmt++;
				vsprintf_symbol_hook(sym, sizeof(sym), addr,
						     *fmt == 'B');
				emit_string(&o, sym, width, -1, flags);
				continue;
			}
			if (fmt[1] == 'S' || fmt[1] == 'B')
				fmt++;
			/* %p: fixed 8 hex digits, as Linux i386 prints */
			emit_number(&o, addr, false, 16, 8, -1,
				    flags | FLAG_ZERO);
			continue;
		}
		case '%':
			emit(&o, '%');
			continue;
		case 'o':
			base = 8;
			break;
		case 'X':
			flags |= FLAG_UPPER;
			/* fall through */
		case 'x':
			base = 16;
			break;
		case 'd':
		case 'i':
			is_signed = true;
			break;
		case 'u':
			break;
		default:
			/* Unknown conversion: print it as is, so it is seen. */
			emit(&o, '%');
			if (!*fmt)
				goto out;
			emit(&o, *fmt);
			continue;
		}

		/* A precision turns off zero padding, as in C. */
		if (prec >= 0)
			flags &= ~FLAG_ZERO;

		if (qualifier == 'L') {
			num = va_arg(args, unsigned long long);
			if (is_signed && (long long)num < 0) {
				emit_number(&o, 0ULL - num, true, base,
					    width, prec, flags);
				continue;
			}
		} else {
			if (qualifier == 'l' || qualifier == 'z')
				num = va_arg(args, unsigned long);
			else
				num = va_arg(args, unsigned int);
			if (qualifier == 'h')
				num = is_signed ? (unsigned long long)(short)num
						: (unsigned short)num;
			if (is_signed) {
				long v = (qualifier == 'l' || qualifier == 'z')
						 ? (long)num : (int)num;

				if (qualifier == 'h')
					v = (short)num;
				if (v < 0) {
					emit_number(&o, 0ULL - (unsigned long long)v, true,
						    base, width, prec, flags);
					continue;
				}
				num = (unsigned long long)v;
			}
		}
		emit_number(&o, num, false, base, width, prec, flags);
	}
out:
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}

/**
 * vscnprintf - like vsnprintf, but returns what was stored
 * @buf: destination
 * @size: size of @buf
 * @fmt: format string
 * @args: arguments
 *
 * Return: the number of characters written to @buf (without the NUL).
 */
int vscnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	int n = vsnprintf(buf, size, fmt, args);

	if (!size)
		return 0;
	return (size_t)n < size ? n : (int)size - 1;
}

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vscnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}
