// SPDX-License-Identifier: GPL-2.0
/*
 * arch/x86/usercopy.c - copying between kernel and user memory.
 *
 * Linux 2.6: arch/i386/lib/usercopy.c.
 * Each copy is one "rep movsb" (or a byte loop for strings) whose
 * faulting instructions are in the exception table: on a fault at an
 * unmapped user address, execution continues at the fixup label, with
 * ecx still counting the bytes not copied.  See arch/x86/include/asm/uaccess.h.
 *
 * Kernel threads have no user address space at all: they run in kernel
 * mode only, on addresses above PAGE_OFFSET (Understanding the Linux
 * Kernel, 3rd ed., chapter 3, section "Kernel Threads").  Called from
 * one, these fail with -EFAULT and a warning instead of touching
 * whatever mm it borrowed.
 */
#include <asm/uaccess.h>
#include <errno.h>
#include <kernel.h>
#include <sched.h>

static bool user_context_ok(const char *what)
{
	if (likely(current->mm))
		return true;
	printk(KERN_WARNING "%s from kernel thread %s (pid %d): it has no "
	       "user address space\n", what, current->comm, current->pid);
	WARN_ON_ONCE(1);
	return false;
}

/* Copy with fixup; Return: bytes NOT copied. */
static unsigned long __copy_user(void *to, const void *from, unsigned long n)
{
	__asm__ __volatile__(
		"1:	rep movsb\n"
		"2:\n"
		".section .fixup, \"ax\"\n"
		"3:	jmp 2b\n"		/* ecx = what is left */
		".previous\n"
		".section __ex_table, \"a\"\n"
		"	.long 1b, 3b\n"
		".previous"
		: "+c"(n), "+D"(to), "+S"(from)
		:
		: "memory");
	return n;
}

/**
 * copy_from_user - copy @n bytes from user space
 * @to: kernel destination
 * @from: user source
 * @n: bytes
 *
 * Context: process with a user mm; may fault (and sleep, one day).
 * Return: the number of bytes that could NOT be copied (0: success).
 */
unsigned long copy_from_user(void *to, const void *from, unsigned long n)
{
	if (!user_context_ok("copy_from_user") || !access_ok(from, n))
		return n;
	return __copy_user(to, from, n);
}

/**
 * copy_to_user - copy @n bytes to user space
 * @to: user destination
 * @from: kernel source
 * @n: bytes
 *
 * Return: the number of bytes that could NOT be copied (0: success).
 */
unsigned long copy_to_user(void *to, const void *from, unsigned long n)
{
	if (!user_context_ok("copy_to_user") || !access_ok(to, n))
		return n;
	return __copy_user(to, from, n);
}

/**
 * clear_user - zero @n bytes of user memory
 * @to: user address
 * @n: bytes
 *
 * Return: the number of bytes that could NOT be cleared.
 */
unsigned long clear_user(void *to, unsigned long n)
{
	if (!user_context_ok("clear_user") || !access_ok(to, n))
		return n;
	__asm__ __volatile__(
		"1:	rep stosb\n"
		"2:\n"
		".section .fixup, \"ax\"\n"
		"3:	jmp 2b\n"
		".previous\n"
		".section __ex_table, \"a\"\n"
		"	.long 1b, 3b\n"
		".previous"
		: "+c"(n), "+D"(to)
		: "a"(0)
		: "memory");
	return n;
}

/* Read one user byte; Return: 0 or -EFAULT (a fault at label 1). */
static int get_user_byte(unsigned char *val, const char *ptr)
{
	unsigned char v;
	int err = 0;

	__asm__ __volatile__(
		"1:	movb %2, %1\n"
		"2:\n"
		".section .fixup, \"ax\"\n"
		"3:	movl %3, %0\n"
		"	xorb %1, %1\n"
		"	jmp 2b\n"
		".previous\n"
		".section __ex_table, \"a\"\n"
		"	.long 1b, 3b\n"
		".previous"
		: "+r"(err), "=q"(v)
		: "m"(*ptr), "i"(-EFAULT));
	*val = v;
	return err;
}

/**
 * strncpy_from_user - copy a NUL-terminated string from user space
 * @dst: kernel buffer of @count bytes
 * @src: user string
 * @count: the most bytes to copy, the NUL included
 *
 * Return: the string's length (without the NUL; @count if it did not
 * fit, and then @dst is not terminated), or -EFAULT.
 */
long strncpy_from_user(char *dst, const char *src, long count)
{
	long res;

	if (!user_context_ok("strncpy_from_user"))
		return -EFAULT;
	for (res = 0; res < count; res++) {
		unsigned char c;

		if (!access_ok(src + res, 1) || get_user_byte(&c, src + res))
			return -EFAULT;
		dst[res] = c;
		if (!c)
			return res;
	}
	return res;
}
