// SPDX-License-Identifier: GPL-2.0
/*
 * user/lib/stdio.c - printf and friends, and a line reader for fd 0.
 *
 * Linux 2.6 + a C library: glibc's stdio, without its FILE buffers.
 * Output is formatted by the kernel's own vsnprintf (lib/vsprintf.c,
 * compiled again for user space) and written at once: one write(2) per
 * call, so nothing is ever left in a buffer across fork() or exit(), and
 * a parent's and a child's lines come out in the order they were
 * printed.  Input is read_line(), which the shell and cat's stdin use.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Writes all of @buf: a write may take fewer bytes than asked. */
static int write_all(int fd, const char *buf, size_t len)
{
	size_t done = 0;

	while (done < len) {
		ssize_t n = write(fd, buf + done, len - done);

		if (n <= 0)
			return -1;
		done += n;
	}
	return len;
}

/**
 * vdprintf - format and write to a file descriptor
 * @fd: where to write
 * @fmt: format, as lib/vsprintf.c understands it
 * @args: the values
 *
 * Most output fits a buffer on the stack; longer output is formatted
 * again into a heap buffer of the exact size.
 *
 * Return: characters written, or -1 on error.
 */
int vdprintf(int fd, const char *fmt, va_list args)
{
	char small[256];
	va_list again;
	char *big;
	int len, ret;

	va_copy(again, args);
	len = vsnprintf(small, sizeof(small), fmt, args);
	if (len < (int)sizeof(small)) {
		va_end(again);
		return write_all(fd, small, len);
	}
	big = malloc(len + 1);
	if (!big) {
		va_end(again);
		/* Better the start of the message than nothing. */
		write_all(fd, small, sizeof(small) - 1);
		errno = ENOMEM;
		return -1;
	}
	vsnprintf(big, len + 1, fmt, again);
	va_end(again);
	ret = write_all(fd, big, len);
	free(big);
	return ret;
}

/**
 * dprintf - format and write to a file descriptor
 * @fd: where to write (2 for error messages)
 * @fmt: format
 *
 * Return: characters written, or -1 on error.
 */
int dprintf(int fd, const char *fmt, ...)
{
	va_list args;
	int ret;

	va_start(args, fmt);
	ret = vdprintf(fd, fmt, args);
	va_end(args);
	return ret;
}

/**
 * printf - format and write to standard output
 * @fmt: format
 *
 * Return: characters written, or -1 on error.
 */
int printf(const char *fmt, ...)
{
	va_list args;
	int ret;

	va_start(args, fmt);
	ret = vdprintf(STDOUT_FILENO, fmt, args);
	va_end(args);
	return ret;
}

/**
 * puts - write a string and a newline to standard output
 * @s: the string
 *
 * Return: a non-negative number, or -1 on error.
 */
int puts(const char *s)
{
	return printf("%s\n", s);
}

/**
 * putchar - write one character to standard output
 * @c: the character
 *
 * Return: @c, or -1 on error.
 */
int putchar(int c)
{
	char ch = c;

	return write(STDOUT_FILENO, &ch, 1) == 1 ? (unsigned char)ch : -1;
}

/*
 * What read() returned beyond the last line handed out.  On the console
 * the kernel returns exactly one line per read, so this stays empty; from
 * a pipe or a file one read brings several lines.
 */
static char stdin_buf[512];
static size_t stdin_start, stdin_end;

/**
 * read_line - read one line from standard input (fd 0)
 * @buf: destination, always NUL-terminated
 * @size: room in @buf, at least 2
 *
 * Stops after a '\n' (which is kept), at end of file, or when @buf is
 * full; in that last case the rest of the line comes with the next call.
 * Reads ahead through a private buffer, so fd 0 must not be read
 * directly as well.
 *
 * Return: characters stored (0 at end of file), or -1 on error.
 */
ssize_t read_line(char *buf, size_t size)
{
	size_t len = 0;

	while (len + 1 < size) {
		char c;

		if (stdin_start == stdin_end) {
			ssize_t n = read(STDIN_FILENO, stdin_buf,
					 sizeof(stdin_buf));

			if (n < 0)
				return -1;
			if (n == 0)
				break;
			stdin_start = 0;
			stdin_end = n;
		}
		c = stdin_buf[stdin_start++];
		buf[len++] = c;
		if (c == '\n')
			break;
	}
	buf[len] = '\0';
	return len;
}
