// SPDX-License-Identifier: GPL-2.0
/*
 * tests/unit/jbd2_layout_test.c - include/jbd2.h: the journal's blocks
 * as e2fsprogs and Linux lay them out on the disk (sizes, offsets of
 * every field the kernel reads or writes, the magic and block types).
 *
 * The numbers are those of the on-disk format (Linux 2.6.28's
 * include/linux/jbd2.h, e2fsprogs' lib/ext2fs/kernel-jbd.h): a field at
 * the wrong offset would write a log that e2fsck and Linux cannot read.
 */
#include <stddef.h>
#include <jbd2.h>
#include "unit.h"

UNIT_TEST(jbd2_header_and_tag)
{
	CHECK_EQ(sizeof(journal_header_t), 12);
	CHECK_EQ(offsetof(journal_header_t, h_magic), 0);
	CHECK_EQ(offsetof(journal_header_t, h_blocktype), 4);
	CHECK_EQ(offsetof(journal_header_t, h_sequence), 8);
	CHECK_EQ(JBD2_MAGIC_NUMBER, 0xc03b3998U);
	CHECK_EQ(JBD2_DESCRIPTOR_BLOCK, 1);
	CHECK_EQ(JBD2_COMMIT_BLOCK, 2);
	CHECK_EQ(JBD2_SUPERBLOCK_V2, 4);
	CHECK_EQ(JBD2_REVOKE_BLOCK, 5);
	/* 32-bit block numbers: an 8-byte tag (JBD2_TAG_SIZE32). */
	CHECK_EQ(sizeof(journal_block_tag_t), 8);
	CHECK_EQ(offsetof(journal_block_tag_t, t_blocknr), 0);
	CHECK_EQ(offsetof(journal_block_tag_t, t_flags), 4);
	CHECK_EQ(JBD2_FLAG_ESCAPE | JBD2_FLAG_SAME_UUID | JBD2_FLAG_DELETED |
		 JBD2_FLAG_LAST_TAG, 0xf);
}

UNIT_TEST(jbd2_superblock)
{
	CHECK_EQ(sizeof(journal_superblock_t), 1024);
	CHECK_EQ(offsetof(journal_superblock_t, s_blocksize), 0x0c);
	CHECK_EQ(offsetof(journal_superblock_t, s_maxlen), 0x10);
	CHECK_EQ(offsetof(journal_superblock_t, s_first), 0x14);
	CHECK_EQ(offsetof(journal_superblock_t, s_sequence), 0x18);
	CHECK_EQ(offsetof(journal_superblock_t, s_start), 0x1c);
	CHECK_EQ(offsetof(journal_superblock_t, s_errno), 0x20);
	CHECK_EQ(offsetof(journal_superblock_t, s_feature_compat), 0x24);
	CHECK_EQ(offsetof(journal_superblock_t, s_feature_incompat), 0x28);
	CHECK_EQ(offsetof(journal_superblock_t, s_feature_ro_compat), 0x2c);
	CHECK_EQ(offsetof(journal_superblock_t, s_uuid), 0x30);
	CHECK_EQ(offsetof(journal_superblock_t, s_nr_users), 0x40);
	CHECK_EQ(offsetof(journal_superblock_t, s_max_transaction), 0x48);
	CHECK_EQ(offsetof(journal_superblock_t, s_users), 0x100);
	CHECK_EQ(JBD2_FEATURE_INCOMPAT_REVOKE, 1);
	CHECK_EQ(JBD2_FEATURE_INCOMPAT_64BIT, 2);
}

UNIT_TEST(jbd2_commit_and_revoke_blocks)
{
	CHECK_EQ(offsetof(struct commit_header, h_chksum_type), 12);
	CHECK_EQ(offsetof(struct commit_header, h_chksum), 16);
	CHECK_EQ(offsetof(struct commit_header, h_commit_sec), 48);
	CHECK_EQ(offsetof(struct commit_header, h_commit_nsec), 56);
	CHECK_EQ(sizeof(struct commit_header), 60);
	CHECK_EQ(sizeof(jbd2_journal_revoke_header_t), 16);
	CHECK_EQ(offsetof(jbd2_journal_revoke_header_t, r_count), 12);
	CHECK_EQ(JBD2_REVOKES_PER_BLOCK, 1020);
}

UNIT_TEST(jbd2_big_endian)
{
	__be32 x = cpu_to_be32(JBD2_MAGIC_NUMBER);
	const unsigned char *b = (const unsigned char *)&x;

	CHECK(b[0] == 0xc0 && b[1] == 0x3b && b[2] == 0x39 && b[3] == 0x98);
	CHECK_EQ(be32_to_cpu(x), JBD2_MAGIC_NUMBER);
}
