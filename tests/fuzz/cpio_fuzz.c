// SPDX-License-Identifier: GPL-2.0
/*
 * tests/fuzz/cpio_fuzz.c - the initramfs's newc parser (kernel/initramfs.c)
 * under libFuzzer: any bytes, as the boot module.
 *
 * The input is copied to a block of exactly its size (reading one byte
 * past the archive is a sanitizer error) and initramfs_parse() indexes
 * it into a table of INITRAMFS_MAX_FILES entries, as populate_initramfs()
 * does at boot.  Then what the parser promises is checked:
 * - a corrupt archive is -EINVAL after exactly one KERN_ERR line, which
 *   begins "initramfs: "; otherwise the result is a file count between 0
 *   and the table's size, and nothing was printed at KERN_ERR;
 * - each file indexed has a non-empty name, NUL-terminated inside
 *   INITRAMFS_NAME_MAX, without a leading '/' or "./"; the mode of a
 *   regular file; and its data inside the archive, 4-byte aligned from
 *   the archive's start, as the ELF loader expects of it.
 * Built with libFuzzer by `make fuzz`, and with gcc and
 * tests/fuzz/replay.c for `make test` (docs/testing.md).
 */
#include <errno.h>
#include <initramfs.h>
#include <kernel.h>
#include <string.h>
#include "host/fuzz.h"

#define S_IFMT		0170000		/* as kernel/initramfs.c */
#define S_IFREG		0100000
#define LEVEL_ERR	3		/* KERN_ERR */

static void check_file(const struct initramfs_file *f, const char *base,
		       size_t size)
{
	size_t len = strnlen(f->name, INITRAMFS_NAME_MAX);

	FUZZ_ASSERT(len > 0 && len < INITRAMFS_NAME_MAX);
	FUZZ_ASSERT(f->name[0] != '/');
	FUZZ_ASSERT(!(f->name[0] == '.' && f->name[1] == '/'));
	FUZZ_ASSERT((f->mode & S_IFMT) == S_IFREG);
	FUZZ_ASSERT(f->data >= base && f->data <= base + size);
	FUZZ_ASSERT(f->size <= (size_t)(base + size - f->data));
	FUZZ_ASSERT((f->data - base) % 4 == 0);
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	struct initramfs_file *table;
	char *archive = malloc(size ? size : 1);
	int n;

	table = malloc(INITRAMFS_MAX_FILES * sizeof(*table));
	FUZZ_ASSERT(archive && table);
	memcpy(archive, data, size);
	fuzz_printk_reset(NULL);

	n = initramfs_parse(archive, size, table, INITRAMFS_MAX_FILES);
	fuzz_note("initramfs_parse: %d", n);
	if (n < 0) {
		FUZZ_ASSERT(n == -EINVAL);
		FUZZ_ASSERT(fuzz_printk_count(LEVEL_ERR) == 1);
		FUZZ_ASSERT(!strncmp(fuzz_printk_last(), "initramfs: ", 11));
	} else {
		FUZZ_ASSERT(n <= INITRAMFS_MAX_FILES);
		FUZZ_ASSERT(fuzz_printk_count(LEVEL_ERR) == 0);
		for (int i = 0; i < n; i++)
			check_file(&table[i], archive, size);
	}
	free(table);
	free(archive);
	return 0;
}
