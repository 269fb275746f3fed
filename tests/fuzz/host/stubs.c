// SPDX-License-Identifier: GPL-2.0
/*
 * tests/fuzz/host/stubs.c - the kernel functions and data that the
 * fuzzed files refer to and that have no place on the host.
 *
 * Built against the kernel's headers, so every stand-in has the kernel's
 * prototype.  What signals a broken invariant (BUG_ON, WARN_ON, panic)
 * fails the run: the fuzzer reports it like a sanitizer error.  What the
 * parsers never call (an open file's read() and lseek(), in the same
 * file as the initramfs parser; the VFS calls that unpack the archive
 * into rootfs) fails it too, so a harness cannot reach it unnoticed;
 * populate_initramfs()'s boot modules exist but stay empty.
 */
#include <asm/uaccess.h>
#include <file.h>
#include <fs.h>
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

void *kmalloc(size_t size, gfp_t flags)
{
	return malloc(size);
}

void kfree(const void *ptr)
{
	free((void *)ptr);
}

/* The VFS side of populate_initramfs(): never reached by a harness. */
long do_mkdirat(int dfd, const char *pathname, int mode)
{
	fuzz_fail("do_mkdirat() called while parsing");
}

long do_mknodat(int dfd, const char *pathname, int mode, dev_t dev)
{
	fuzz_fail("do_mknodat() called while parsing");
}

long do_symlinkat(const char *target, int newdfd, const char *newname)
{
	fuzz_fail("do_symlinkat() called while parsing");
}

long do_linkat(int olddfd, const char *oldname, int newdfd,
	       const char *newname, int flags)
{
	fuzz_fail("do_linkat() called while parsing");
}

int rootfs_add_file(const char *path, int mode, const void *data,
		    size_t size, struct timespec mtime)
{
	fuzz_fail("rootfs_add_file() called while parsing");
}

int kern_path(const char *name, unsigned int flags, struct path *path)
{
	fuzz_fail("kern_path() called while parsing");
}

void path_put(const struct path *path)
{
	fuzz_fail("path_put() called while parsing");
}

int rootfs_defer_member(struct dentry *parent, const struct cpio_entry *e)
{
	fuzz_fail("rootfs_defer_member() called while parsing");
}

void vfs_boot_mounts(void)
{
	fuzz_fail("vfs_boot_mounts() called while parsing");
}
