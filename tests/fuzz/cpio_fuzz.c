// SPDX-License-Identifier: GPL-2.0
/*
 * tests/fuzz/cpio_fuzz.c - the initramfs's newc parser (kernel/initramfs.c)
 * under libFuzzer: any bytes, as the boot module.
 *
 * The input is copied to a block of exactly its size (reading one byte
 * past the archive is a sanitizer error) and initramfs_parse() hands each
 * member to check_entry(), as populate_initramfs() hands them to rootfs
 * at boot; then again with no actor, which must give the same result.
 * What the parser promises is checked:
 * - a corrupt archive is -EINVAL after exactly one KERN_ERR line, which
 *   begins "initramfs: "; otherwise the result is the number of members
 *   the actor saw, and nothing was printed at KERN_ERR;
 * - each member has a non-empty name, NUL-terminated inside the archive,
 *   without a leading '/' or "./", never "."; its header offset is
 *   4-byte aligned inside the archive; and its data lie inside the
 *   archive, 4-byte aligned from the archive's start, as the ELF loader
 *   expects of a program.
 * Built with libFuzzer by `make fuzz`, and with gcc and
 * tests/fuzz/replay.c for `make test` (docs/testing.md).
 */
#include <errno.h>
#include <initramfs.h>
#include <kernel.h>
#include <string.h>
#include "host/fuzz.h"

#define LEVEL_ERR	3		/* KERN_ERR */

struct archive {
	const char *base;
	size_t size;
	int seen;
};

static void check_entry(void *priv, const struct cpio_entry *e)
{
	const struct archive *a = priv;
	size_t len;

	FUZZ_ASSERT(e->name > a->base && e->name < a->base + a->size);
	len = strnlen(e->name, a->base + a->size - e->name);
	FUZZ_ASSERT(e->name + len < a->base + a->size);	/* its NUL */
	FUZZ_ASSERT(len > 0);
	FUZZ_ASSERT(e->name[0] != '/');
	FUZZ_ASSERT(!(e->name[0] == '.' && e->name[1] == '/'));
	FUZZ_ASSERT(strcmp(e->name, "."));
	FUZZ_ASSERT(e->offset % 4 == 0 && e->offset < a->size);
	FUZZ_ASSERT(e->data >= a->base && e->data <= a->base + a->size);
	FUZZ_ASSERT(e->size <= (size_t)(a->base + a->size - e->data));
	FUZZ_ASSERT((e->data - a->base) % 4 == 0);
	((struct archive *)priv)->seen++;
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	char *copy = malloc(size ? size : 1);
	struct archive a = { .base = copy, .size = size };
	int n;

	FUZZ_ASSERT(copy);
	memcpy(copy, data, size);
	fuzz_printk_reset(NULL);

	n = initramfs_parse(copy, size, check_entry, &a);
	fuzz_note("initramfs_parse: %d", n);
	if (n < 0) {
		FUZZ_ASSERT(n == -EINVAL);
		FUZZ_ASSERT(fuzz_printk_count(LEVEL_ERR) == 1);
		FUZZ_ASSERT(!strncmp(fuzz_printk_last(), "initramfs: ", 11));
	} else {
		FUZZ_ASSERT(n == a.seen);
		FUZZ_ASSERT(fuzz_printk_count(LEVEL_ERR) == 0);
	}
	/* The checking pass populate_initramfs() makes first agrees. */
	FUZZ_ASSERT(initramfs_parse(copy, size, NULL, NULL) == n);
	free(copy);
	return 0;
}
