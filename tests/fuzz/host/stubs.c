// SPDX-License-Identifier: GPL-2.0
/*
 * tests/fuzz/host/stubs.c - the kernel functions and data that the
 * fuzzed files refer to and that have no place on the host.
 *
 * Built against the kernel's headers, so every stand-in has the kernel's
 * prototype.  What signals a broken invariant (BUG_ON, WARN_ON, panic)
 * fails the run: the fuzzer reports it like a sanitizer error.  What the
 * parsers never call (an open file's read() and lseek(), in the same
 * file as the initramfs parser) fails it too, so a harness cannot reach
 * it unnoticed; populate_initramfs()'s boot modules exist but stay empty.
 */
#include <asm/uaccess.h>
#include <file.h>
#include <kernel.h>
#include <setup.h>
#include <slab.h>
#include <string.h>
#include "fuzz.h"

struct boot_module boot_modules[MAX_BOOT_MODULES];
int nr_boot_modules;

void panic(const char *fmt, ...)
{
	fuzz_fail("panic: %s", fmt);
}

void __bug(const char *file, int line, const char *cond)
{
	fuzz_fail("BUG at %s:%d: %s", file, line, cond ? cond : "");
}

void __warn(const char *file, int line, const char *cond)
{
	fuzz_fail("WARNING at %s:%d: %s", file, line, cond);
}

void dump_stack(void)
{
}

void __might_sleep(const char *file, int line)
{
}

void *kzalloc(size_t size, gfp_t flags)
{
	void *p = malloc(size);

	return p ? memset(p, 0, size) : NULL;
}

unsigned long copy_to_user(void *to, const void *from, unsigned long n)
{
	fuzz_fail("copy_to_user() called while parsing");
}

off_t generic_file_llseek_size(struct file *f, off_t offset, int whence,
			       off_t size)
{
	fuzz_fail("generic_file_llseek_size() called while parsing");
}
