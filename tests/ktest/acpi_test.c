// SPDX-License-Identifier: GPL-2.0
/*
 * tests/ktest/acpi_test.c - the DSDT scan for the S5 sleep type
 * (arch/x86/acpi.c: acpi_find_s5()) on hand-made AML bytes.
 *
 * QEMU's own DSDT has one encoding of \_S5 (ZeroOp elements); firmware
 * writes the others too: a BytePrefix value, OneOp, the root prefix, a
 * package length of two bytes.  A "_S5_" that is not a Name of a
 * package (a reference inside a method) must be passed over, and
 * bytes that end in the middle of the object must not be read past.
 * The power-off path itself is tests/system/test_acpi.py.
 */
#include <acpi.h>
#include <errno.h>
#include <kernel.h>
#include <ktest.h>

static int s5_of(const u8 *aml, unsigned long len)
{
	u8 typ = 0xEE;
	int err = acpi_find_s5(aml, len, &typ);

	return err ? err : typ;
}

KTEST(acpi_find_s5_reads_every_encoding)
{
	/* The 36-byte header is not looked at: two filler bytes stand in. */
	static const u8 byte_prefix[] = { 0, 0, 0x08, '_', 'S', '5', '_',
		0x12, 0x0A, 0x04, 0x0A, 0x07, 0x0A, 0x07, 0, 0 };
	static const u8 zero_op[] = { 0, 0, 0x08, '_', 'S', '5', '_',
		0x12, 0x06, 0x04, 0x00, 0x00, 0x00, 0x00 };
	static const u8 one_op_root[] = { 0, 0x08, '\\', '_', 'S', '5', '_',
		0x12, 0x06, 0x04, 0x01, 0x01, 0x00, 0x00 };
	/* PkgLength of two bytes: 0x4N then a second byte. */
	static const u8 long_pkglen[] = { 0, 0, 0x08, '_', 'S', '5', '_',
		0x12, 0x40, 0x01, 0x04, 0x0A, 0x05, 0x0A, 0x05, 0, 0 };

	KTEST_EXPECT_EQ(s5_of(byte_prefix, sizeof(byte_prefix)), 7);
	KTEST_EXPECT_EQ(s5_of(zero_op, sizeof(zero_op)), 0);
	KTEST_EXPECT_EQ(s5_of(one_op_root, sizeof(one_op_root)), 1);
	KTEST_EXPECT_EQ(s5_of(long_pkglen, sizeof(long_pkglen)), 5);
}

KTEST(acpi_find_s5_passes_over_what_is_not_the_package)
{
	/* A reference to _S5_ (no NameOp), then the real object. */
	static const u8 reference_first[] = { 0, 0, 0x70, '_', 'S', '5', '_',
		0x12, 0x06, 0x04, 0x0A, 0x03, 0, 0,
		0x08, '_', 'S', '5', '_', 0x12, 0x06, 0x04, 0x0A, 0x02, 0, 0 };
	/* A Name that is not a package. */
	static const u8 not_a_package[] = { 0, 0, 0x08, '_', 'S', '5', '_',
		0x0A, 0x05, 0, 0, 0, 0 };
	/* Cut in the middle: the element's byte is missing. */
	static const u8 truncated[] = { 0, 0, 0x08, '_', 'S', '5', '_',
		0x12, 0x06, 0x04, 0x0A };

	KTEST_EXPECT_EQ(s5_of(reference_first, sizeof(reference_first)), 2);
	KTEST_EXPECT_EQ(s5_of(not_a_package, sizeof(not_a_package)), -ENOENT);
	KTEST_EXPECT_EQ(s5_of(truncated, sizeof(truncated)), -ENOENT);
}

KTEST(acpi_fadt_was_read_at_boot)
{
	/* QEMU's PIIX4: the values tests/system/test_acpi.py prints. */
	KTEST_ASSERT(!acpi_disabled);
	KTEST_EXPECT_EQ(acpi_fadt.sci_irq, 9);
	KTEST_EXPECT_EQ(acpi_fadt.pm1a_evt_blk, 0x600);
	KTEST_EXPECT_EQ(acpi_fadt.pm1a_cnt_blk, 0x604);
	KTEST_EXPECT_EQ(acpi_fadt.pm1_evt_len, 4);
	KTEST_EXPECT_EQ(acpi_fadt.s5_found, true);
}
