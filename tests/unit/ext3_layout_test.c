// SPDX-License-Identifier: GPL-2.0
/*
 * tests/unit/ext3_layout_test.c - include/ext3_fs.h: the ext2/ext3
 * structures as they lie on the disk (the super block, a group
 * descriptor, an inode, a directory entry): sizes, the offset of every
 * field the kernel reads or writes, the magic and the reserved inodes.
 *
 * The numbers are those of the on-disk format (the ext2/ext3 layout as
 * e2fsprogs' lib/ext2fs/ext2_fs.h and Linux 2.6's
 * include/linux/ext3_fs.h give it, and the tests of
 * tests/system/test_corrupt.py and test_ext3.py break structures at
 * them): a field at the wrong offset would mount a file system that
 * mke2fs and e2fsck do not recognise as what they wrote.
 */
#include <stddef.h>
#include <ext3_fs.h>
#include "unit.h"

UNIT_TEST(ext3_super_block_layout)
{
	CHECK_EQ(sizeof(struct ext3_super_block), 1024);
	CHECK_EQ(offsetof(struct ext3_super_block, s_inodes_count), 0x00);
	CHECK_EQ(offsetof(struct ext3_super_block, s_blocks_count), 0x04);
	CHECK_EQ(offsetof(struct ext3_super_block, s_free_blocks_count),
		 0x0c);
	CHECK_EQ(offsetof(struct ext3_super_block, s_free_inodes_count),
		 0x10);
	CHECK_EQ(offsetof(struct ext3_super_block, s_first_data_block), 0x14);
	CHECK_EQ(offsetof(struct ext3_super_block, s_log_block_size), 0x18);
	CHECK_EQ(offsetof(struct ext3_super_block, s_blocks_per_group), 0x20);
	CHECK_EQ(offsetof(struct ext3_super_block, s_inodes_per_group), 0x28);
	CHECK_EQ(offsetof(struct ext3_super_block, s_mtime), 0x2c);
	CHECK_EQ(offsetof(struct ext3_super_block, s_wtime), 0x30);
	CHECK_EQ(offsetof(struct ext3_super_block, s_mnt_count), 0x34);
	CHECK_EQ(offsetof(struct ext3_super_block, s_magic), 0x38);
	CHECK_EQ(offsetof(struct ext3_super_block, s_state), 0x3a);
	CHECK_EQ(offsetof(struct ext3_super_block, s_errors), 0x3c);
	CHECK_EQ(offsetof(struct ext3_super_block, s_rev_level), 0x4c);
	CHECK_EQ(offsetof(struct ext3_super_block, s_first_ino), 0x54);
	CHECK_EQ(offsetof(struct ext3_super_block, s_inode_size), 0x58);
	CHECK_EQ(offsetof(struct ext3_super_block, s_feature_compat), 0x5c);
	CHECK_EQ(offsetof(struct ext3_super_block, s_feature_incompat), 0x60);
	CHECK_EQ(offsetof(struct ext3_super_block, s_feature_ro_compat),
		 0x64);
	CHECK_EQ(offsetof(struct ext3_super_block, s_uuid), 0x68);
	CHECK_EQ(offsetof(struct ext3_super_block, s_volume_name), 0x78);
	CHECK_EQ(offsetof(struct ext3_super_block, s_last_mounted), 0x88);
	CHECK_EQ(offsetof(struct ext3_super_block, s_reserved_gdt_blocks),
		 0xce);
	CHECK_EQ(offsetof(struct ext3_super_block, s_journal_uuid), 0xd0);
	CHECK_EQ(offsetof(struct ext3_super_block, s_journal_inum), 0xe0);
	CHECK_EQ(offsetof(struct ext3_super_block, s_last_orphan), 0xe8);
	CHECK_EQ(offsetof(struct ext3_super_block, s_hash_seed), 0xec);
	CHECK_EQ(offsetof(struct ext3_super_block, s_def_hash_version), 0xfc);
	CHECK_EQ(offsetof(struct ext3_super_block, s_default_mount_opts),
		 0x100);
	CHECK_EQ(offsetof(struct ext3_super_block, s_first_meta_bg), 0x104);
	CHECK_EQ(EXT3_SUPER_MAGIC, 0xef53);
	CHECK_EQ(EXT3_VALID_FS | EXT3_ERROR_FS, 3);
	CHECK_EQ(EXT3_ERRORS_RO, 2);
	CHECK_EQ(EXT3_FEATURE_COMPAT_HAS_JOURNAL, 0x4);
	CHECK_EQ(EXT3_FEATURE_INCOMPAT_FILETYPE, 0x2);
	CHECK_EQ(EXT3_FEATURE_INCOMPAT_RECOVER, 0x4);
}

UNIT_TEST(ext3_group_desc_layout)
{
	CHECK_EQ(sizeof(struct ext3_group_desc), 32);
	CHECK_EQ(offsetof(struct ext3_group_desc, bg_block_bitmap), 0);
	CHECK_EQ(offsetof(struct ext3_group_desc, bg_inode_bitmap), 4);
	CHECK_EQ(offsetof(struct ext3_group_desc, bg_inode_table), 8);
	CHECK_EQ(offsetof(struct ext3_group_desc, bg_free_blocks_count), 12);
	CHECK_EQ(offsetof(struct ext3_group_desc, bg_free_inodes_count), 14);
	CHECK_EQ(offsetof(struct ext3_group_desc, bg_used_dirs_count), 16);
}

UNIT_TEST(ext3_inode_layout)
{
	CHECK_EQ(sizeof(struct ext3_inode), 128);
	CHECK_EQ(offsetof(struct ext3_inode, i_mode), 0x00);
	CHECK_EQ(offsetof(struct ext3_inode, i_uid), 0x02);
	CHECK_EQ(offsetof(struct ext3_inode, i_size), 0x04);
	CHECK_EQ(offsetof(struct ext3_inode, i_atime), 0x08);
	CHECK_EQ(offsetof(struct ext3_inode, i_ctime), 0x0c);
	CHECK_EQ(offsetof(struct ext3_inode, i_mtime), 0x10);
	CHECK_EQ(offsetof(struct ext3_inode, i_dtime), 0x14);
	CHECK_EQ(offsetof(struct ext3_inode, i_gid), 0x18);
	CHECK_EQ(offsetof(struct ext3_inode, i_links_count), 0x1a);
	CHECK_EQ(offsetof(struct ext3_inode, i_blocks), 0x1c);
	CHECK_EQ(offsetof(struct ext3_inode, i_flags), 0x20);
	CHECK_EQ(offsetof(struct ext3_inode, i_block), 0x28);
	CHECK_EQ(offsetof(struct ext3_inode, i_generation), 0x64);
	CHECK_EQ(offsetof(struct ext3_inode, i_file_acl), 0x68);
	CHECK_EQ(offsetof(struct ext3_inode, i_dir_acl), 0x6c);
	CHECK_EQ(offsetof(struct ext3_inode, l_i_uid_high), 0x78);
	CHECK_EQ(offsetof(struct ext3_inode, l_i_gid_high), 0x7a);
	/* 12 direct blocks, then single, double, triple indirect. */
	CHECK_EQ(EXT3_NDIR_BLOCKS, 12);
	CHECK_EQ(EXT3_IND_BLOCK, 12);
	CHECK_EQ(EXT3_DIND_BLOCK, 13);
	CHECK_EQ(EXT3_TIND_BLOCK, 14);
	CHECK_EQ(EXT3_N_BLOCKS, 15);
	CHECK_EQ(EXT3_GOOD_OLD_INODE_SIZE, 128);
	CHECK_EQ(EXT3_ROOT_INO, 2);
	CHECK_EQ(EXT3_JOURNAL_INO, 8);
	CHECK_EQ(EXT3_INDEX_FL, 0x1000);
}

UNIT_TEST(ext3_dir_entry_layout)
{
	CHECK_EQ(offsetof(struct ext3_dir_entry_2, inode), 0);
	CHECK_EQ(offsetof(struct ext3_dir_entry_2, rec_len), 4);
	CHECK_EQ(offsetof(struct ext3_dir_entry_2, name_len), 6);
	CHECK_EQ(offsetof(struct ext3_dir_entry_2, file_type), 7);
	CHECK_EQ(offsetof(struct ext3_dir_entry_2, name), 8);
	CHECK_EQ(EXT3_NAME_LEN, 255);
	/* 8 bytes of header, the name, padded to 4. */
	CHECK_EQ(EXT3_DIR_REC_LEN(1), 12);
	CHECK_EQ(EXT3_DIR_REC_LEN(4), 12);
	CHECK_EQ(EXT3_DIR_REC_LEN(5), 16);
	CHECK_EQ(EXT3_DIR_REC_LEN(255), 264);
	CHECK_EQ(EXT3_FT_REG_FILE, 1);
	CHECK_EQ(EXT3_FT_DIR, 2);
	CHECK_EQ(EXT3_FT_SYMLINK, 7);
}
