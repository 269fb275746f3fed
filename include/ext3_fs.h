/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/ext3_fs.h - the ext2/ext3 file system (fs/ext3/): its
 * structures on the disk and in memory.
 *
 * Linux 2.6: include/linux/ext3_fs.h, ext3_fs_sb.h, ext3_fs_i.h.
 * Understanding the Linux Kernel, 3rd ed., chapter 18 ("The Ext2 and
 * Ext3 Filesystems"), sections "Ext2 Disk Data Structures" and "Ext2
 * Memory Data Structures".
 *
 * On the disk, a file system is a row of blocks (1, 2 or 4 KiB); block
 * groups of s_blocks_per_group blocks follow the first data block.  The
 * super block is always at byte 1024; the group descriptors fill the
 * blocks after it (each says where its group's block bitmap, inode
 * bitmap and inode table are); inode N is entry (N-1) % s_inodes_per_group
 * of the inode table of group (N-1) / s_inodes_per_group.  An inode maps
 * its file's blocks through i_block[]: 12 direct block numbers, then one
 * indirect block (a block of block numbers), one double-indirect, one
 * triple-indirect; 0 is a hole.  A directory is a file of variable-length
 * entries (ext3_dir_entry_2), none crossing a block.  ext3 is ext2 plus a
 * journal, the file of inode 8 (s_journal_inum); which optional
 * structures a file system has is said by three feature masks:
 * "compat" (a kernel that does not know one may still write),
 * "ro_compat" (it may only read) and "incompat" (it must not mount).
 *
 * In memory, the super block's s_fs_info is a struct ext3_sb_info (the
 * geometry, computed once, and the buffers of the super block and the
 * group descriptors, held for the mount's life); each inode is the
 * struct inode inside a struct ext3_inode_info, which keeps its block
 * map.  Every number on the disk is little-endian (include/byteorder.h).
 */
#ifndef _EXT3_FS_H
#define _EXT3_FS_H

#include <byteorder.h>
#include <compiler.h>
#include <fs.h>
#include <mutex.h>
#include <types.h>

struct buffer_head;

#define EXT3_SUPER_MAGIC	0xEF53
#define EXT3_SUPERBLOCK_OFFSET	1024	/* bytes from the partition's start */
#define EXT3_MIN_BLOCK_LOG_SIZE	10	/* 1 KiB */
#define EXT3_MAX_BLOCK_LOG_SIZE	12	/* 4 KiB: a buffer (BLOCK_SIZE) */
#define EXT3_NAME_LEN		255

/* Reserved inode numbers */
#define EXT3_ROOT_INO		2	/* the root directory */
#define EXT3_JOURNAL_INO	8	/* the journal */
#define EXT3_GOOD_OLD_FIRST_INO	11	/* the first ordinary inode (rev 0) */

/* The block map in i_block[] */
#define EXT3_NDIR_BLOCKS	12
#define EXT3_IND_BLOCK		EXT3_NDIR_BLOCKS
#define EXT3_DIND_BLOCK		(EXT3_IND_BLOCK + 1)
#define EXT3_TIND_BLOCK		(EXT3_DIND_BLOCK + 1)
#define EXT3_N_BLOCKS		(EXT3_TIND_BLOCK + 1)

/* s_rev_level */
#define EXT3_GOOD_OLD_REV	0	/* fixed inode size, no features */
#define EXT3_DYNAMIC_REV	1	/* s_inode_size, features... */
#define EXT3_GOOD_OLD_INODE_SIZE 128

/* ext3_inode.i_flags (those this kernel looks at) */
#define EXT3_INDEX_FL		0x00001000	/* a hash-indexed directory */

/* s_errors: what an error found in the structures does */
#define EXT3_ERRORS_CONTINUE	1
#define EXT3_ERRORS_RO		2	/* remount read-only */
#define EXT3_ERRORS_PANIC	3

/* s_state */
#define EXT3_VALID_FS		0x0001	/* unmounted cleanly */
#define EXT3_ERROR_FS		0x0002	/* errors were detected */
/* ext3_sb_info.s_mount_state only, never on the disk: the mount is
 * deleting the orphans (ext3_iget() then reads inodes without links). */
#define EXT3_ORPHAN_FS		0x0004

/* s_feature_compat: a kernel that does not know them may still write */
#define EXT3_FEATURE_COMPAT_DIR_PREALLOC	0x0001
#define EXT3_FEATURE_COMPAT_IMAGIC_INODES	0x0002
#define EXT3_FEATURE_COMPAT_HAS_JOURNAL		0x0004
#define EXT3_FEATURE_COMPAT_EXT_ATTR		0x0008
#define EXT3_FEATURE_COMPAT_RESIZE_INODE	0x0010
#define EXT3_FEATURE_COMPAT_DIR_INDEX		0x0020

/* s_feature_ro_compat: a kernel that does not know them may only read */
#define EXT3_FEATURE_RO_COMPAT_SPARSE_SUPER	0x0001
#define EXT3_FEATURE_RO_COMPAT_LARGE_FILE	0x0002
#define EXT3_FEATURE_RO_COMPAT_BTREE_DIR	0x0004

/* s_feature_incompat: a kernel that does not know them must not mount */
#define EXT3_FEATURE_INCOMPAT_COMPRESSION	0x0001
#define EXT3_FEATURE_INCOMPAT_FILETYPE		0x0002
#define EXT3_FEATURE_INCOMPAT_RECOVER		0x0004	/* needs_recovery */
#define EXT3_FEATURE_INCOMPAT_JOURNAL_DEV	0x0008
#define EXT3_FEATURE_INCOMPAT_META_BG		0x0010

/*
 * What this kernel reads.  ext2 does not know a journal, so a file system
 * whose journal needs recovery is refused as ext2 (as Linux's ext2
 * refuses it); ext3 mounts it read-only, unreplayed (fs/ext3/super.c).
 */
#define EXT2_FEATURE_INCOMPAT_SUPP	EXT3_FEATURE_INCOMPAT_FILETYPE
#define EXT3_FEATURE_INCOMPAT_SUPP	(EXT3_FEATURE_INCOMPAT_FILETYPE | \
					 EXT3_FEATURE_INCOMPAT_RECOVER)
#define EXT3_FEATURE_RO_COMPAT_SUPP	(EXT3_FEATURE_RO_COMPAT_SPARSE_SUPER | \
					 EXT3_FEATURE_RO_COMPAT_LARGE_FILE | \
					 EXT3_FEATURE_RO_COMPAT_BTREE_DIR)

/* The super block: 1024 bytes at byte 1024 of the partition. */
struct ext3_super_block {
	__le32 s_inodes_count;		/* inodes in all */
	__le32 s_blocks_count;		/* blocks in all */
	__le32 s_r_blocks_count;	/* reserved for root */
	__le32 s_free_blocks_count;
	__le32 s_free_inodes_count;
	__le32 s_first_data_block;	/* the super block's block: 1 or 0 */
	__le32 s_log_block_size;	/* block size = 1024 << this */
	__le32 s_log_frag_size;
	__le32 s_blocks_per_group;
	__le32 s_frags_per_group;
	__le32 s_inodes_per_group;
	__le32 s_mtime;			/* last mount */
	__le32 s_wtime;			/* last write */
	__le16 s_mnt_count;
	__le16 s_max_mnt_count;
	__le16 s_magic;			/* EXT3_SUPER_MAGIC */
	__le16 s_state;			/* EXT3_VALID_FS, EXT3_ERROR_FS */
	__le16 s_errors;		/* what to do on an error */
	__le16 s_minor_rev_level;
	__le32 s_lastcheck;
	__le32 s_checkinterval;
	__le32 s_creator_os;
	__le32 s_rev_level;		/* EXT3_GOOD_OLD_REV, _DYNAMIC_REV */
	__le16 s_def_resuid;
	__le16 s_def_resgid;
	/* EXT3_DYNAMIC_REV only: */
	__le32 s_first_ino;		/* the first ordinary inode */
	__le16 s_inode_size;		/* bytes per inode on the disk */
	__le16 s_block_group_nr;	/* this copy's group */
	__le32 s_feature_compat;
	__le32 s_feature_incompat;
	__le32 s_feature_ro_compat;
	u8 s_uuid[16];
	char s_volume_name[16];		/* the label */
	char s_last_mounted[64];
	__le32 s_algorithm_usage_bitmap;
	u8 s_prealloc_blocks;
	u8 s_prealloc_dir_blocks;
	__le16 s_reserved_gdt_blocks;	/* room for the table to grow */
	/* The journal (COMPAT_HAS_JOURNAL): */
	u8 s_journal_uuid[16];
	__le32 s_journal_inum;		/* its inode (8) */
	__le32 s_journal_dev;		/* or an external device */
	__le32 s_last_orphan;		/* inodes to delete at recovery */
	__le32 s_hash_seed[4];		/* directory indexes' hash */
	u8 s_def_hash_version;
	u8 s_reserved_char_pad;
	__le16 s_reserved_word_pad;
	__le32 s_default_mount_opts;
	__le32 s_first_meta_bg;
	__le32 s_reserved[190];
};

/* A block group's descriptor: 32 bytes, in the blocks after the super. */
struct ext3_group_desc {
	__le32 bg_block_bitmap;		/* the block of its block bitmap */
	__le32 bg_inode_bitmap;		/* ...of its inode bitmap */
	__le32 bg_inode_table;		/* the first block of its inodes */
	__le16 bg_free_blocks_count;
	__le16 bg_free_inodes_count;
	__le16 bg_used_dirs_count;
	__le16 bg_pad;
	__le32 bg_reserved[3];
};

/* An inode on the disk: the first 128 bytes of s_inode_size. */
struct ext3_inode {
	__le16 i_mode;			/* type and permissions (S_IF*) */
	__le16 i_uid;			/* owner, low 16 bits */
	__le32 i_size;			/* bytes (low 32 bits) */
	__le32 i_atime;			/* seconds since the epoch */
	__le32 i_ctime;
	__le32 i_mtime;
	__le32 i_dtime;			/* when it was deleted */
	__le16 i_gid;			/* group, low 16 bits */
	__le16 i_links_count;		/* names; 0: deleted */
	__le32 i_blocks;		/* 512-byte units held (maps too) */
	__le32 i_flags;
	__le32 l_i_reserved1;
	__le32 i_block[EXT3_N_BLOCKS];	/* the block map; a short symlink */
	__le32 i_generation;
	__le32 i_file_acl;		/* a block of extended attributes */
	__le32 i_dir_acl;		/* a regular file's size >> 32 */
	__le32 i_faddr;
	u8 l_i_frag;
	u8 l_i_fsize;
	__le16 i_pad1;
	__le16 l_i_uid_high;
	__le16 l_i_gid_high;
	__le32 l_i_reserved2;
};

/* A directory entry: 8 bytes, the name, padding to 4. */
struct ext3_dir_entry_2 {
	__le32 inode;			/* 0: an unused entry */
	__le16 rec_len;			/* bytes to the next entry */
	u8 name_len;
	u8 file_type;			/* EXT3_FT_* (INCOMPAT_FILETYPE) */
	char name[EXT3_NAME_LEN];	/* not NUL-terminated */
};

/* The smallest entry that holds a name of @len bytes. */
#define EXT3_DIR_REC_LEN(len)	(((len) + 8 + 3) & ~3U)

/* ext3_dir_entry_2.file_type */
enum {
	EXT3_FT_UNKNOWN, EXT3_FT_REG_FILE, EXT3_FT_DIR, EXT3_FT_CHRDEV,
	EXT3_FT_BLKDEV, EXT3_FT_FIFO, EXT3_FT_SOCK, EXT3_FT_SYMLINK,
	EXT3_FT_MAX
};

/* The mounted file system (sb->s_fs_info). */
struct ext3_sb_info {
	const char *s_name;		/* "EXT3-fs" or "EXT2-fs": messages */
	/* Set at mount, then only read: */
	unsigned long s_blocks_count;
	unsigned long s_inodes_count;
	unsigned long s_first_data_block;
	unsigned long s_blocks_per_group;
	unsigned long s_inodes_per_group;
	unsigned long s_inodes_per_block;
	unsigned long s_groups_count;
	unsigned long s_desc_per_block;	/* group descriptors per block */
	unsigned long s_gdb_count;	/* blocks of group descriptors */
	unsigned long s_addr_per_block;	/* block numbers per block */
	unsigned int s_addr_per_block_bits;
	unsigned int s_blocksize_bits;
	unsigned int s_buffer_shift;	/* log2(fs blocks per buffer) */
	unsigned int s_inode_size;
	unsigned long s_first_ino;
	u32 s_feature_incompat;
	u32 s_feature_ro_compat;
	u32 s_feature_compat;
	struct buffer_head *s_sbh;	/* holds the super block */
	struct ext3_super_block *s_es;	/* ...in s_sbh->b_data */
	struct buffer_head **s_group_desc_bh; /* s_gdb_count, held */
	struct ext3_group_desc **s_group_desc; /* each block's first */
	unsigned long s_itb_per_group;	/* inode table blocks per group */
	/* One ext3_iget() at a time: an inode is read in once. */
	struct mutex s_iget_mutex;
	/* The journal (fs/ext3/ext3_jbd.c), NULL if not journaled */
	struct journal_s *s_journal;
	/*
	 * The bitmaps, the group descriptors' counts and the super block's
	 * free counts change together under it (balloc.c, ialloc.c).
	 * Linux 2.6 has a spinlock per group and per-CPU counters instead.
	 */
	struct mutex s_alloc_mutex;
	u16 s_mount_state;		/* s_state as it was at mount */
	u32 s_next_generation;		/* i_generation of new inodes */
	/*
	 * The orphans in memory, newest first: the order of the chain on
	 * the disk (s_last_orphan, then each inode's i_dtime), so that an
	 * inode's predecessor there is the one before it here.  Under
	 * s_orphan_lock (fs/ext3/namei.c: ext3_orphan_add()).
	 */
	struct list_head s_orphan;
	struct mutex s_orphan_lock;
};

/* ext3_inode_info.i_state */
#define EXT3_STATE_NEW		0x0001	/* not written yet: clear its slot */

/*
 * An inode in memory.  i_data, i_size and i_blocks change under the
 * inode's i_mutex (write, truncate, the directory operations), or with no
 * other user left (delete).
 */
struct ext3_inode_info {
	__le32 i_data[EXT3_N_BLOCKS];	/* i_block[]: the block map */
	u32 i_flags;
	u32 i_file_acl;
	u32 i_dtime;
	u32 i_generation;
	unsigned int i_state;		/* EXT3_STATE_* */
	unsigned long i_block_group;	/* where it lives */
	/* Writing in order: the file block expected next, and its goal. */
	unsigned long i_next_alloc_block;
	unsigned long i_next_alloc_goal;
	/*
	 * On the orphan list (ext3_sb_info.s_orphan) while it has no name
	 * but is still open; then i_dtime holds the next orphan's number
	 * on the disk.  next == NULL: not on it (the structure is zeroed
	 * at allocation).
	 */
	struct list_head i_orphan;
	struct inode vfs_inode;
};

/*
 * The bitmaps: bit n of a group's bitmap is bit n % 8 of byte n / 8
 * (little-endian bit order, whatever the CPU), set when the block or
 * inode is in use.  Linux 2.6: ext3_set_bit() and friends.  Changed only
 * under s_alloc_mutex, hence the plain (non-atomic) forms.
 */
static inline bool ext3_test_bit(unsigned long nr, const void *map)
{
	return ((const u8 *)map)[nr >> 3] & (1U << (nr & 7));
}

static inline void ext3_set_bit(unsigned long nr, void *map)
{
	((u8 *)map)[nr >> 3] |= 1U << (nr & 7);
}

static inline void ext3_clear_bit(unsigned long nr, void *map)
{
	((u8 *)map)[nr >> 3] &= ~(1U << (nr & 7));
}

/* The first clear bit of @map at or after @offset, or @size if none. */
static inline unsigned long ext3_find_next_zero_bit(const void *map,
						    unsigned long size,
						    unsigned long offset)
{
	const u8 *p = map;

	while (offset < size) {
		if (!(offset & 7) && p[offset >> 3] == 0xff) {
			offset += 8;	/* a byte of eight used: skip it */
			continue;
		}
		if (!ext3_test_bit(offset, map))
			return offset;
		offset++;
	}
	return size;
}

static inline struct ext3_sb_info *EXT3_SB(struct super_block *sb)
{
	return sb->s_fs_info;
}

static inline struct ext3_inode_info *EXT3_I(struct inode *inode)
{
	return container_of(inode, struct ext3_inode_info, vfs_inode);
}

struct jbd2_journal_handle;

/* fs/ext3/super.c */
void ext3_error(struct super_block *sb, const char *function,
		const char *fmt, ...) __printf(3, 4);
void ext3_warning(struct super_block *sb, const char *function,
		  const char *fmt, ...) __printf(3, 4);
int ext3_journal_get_sb_write_access(struct jbd2_journal_handle *handle,
				     struct super_block *sb);
void ext3_dirty_sb(struct jbd2_journal_handle *handle,
		   struct super_block *sb);
struct buffer_head *ext3_group_desc_bh(struct super_block *sb,
				       unsigned long group);
void *ext3_sb_bread(struct super_block *sb, unsigned long block,
		    struct buffer_head **bhp);
struct ext3_group_desc *ext3_get_group_desc(struct super_block *sb,
					    unsigned long group);
void init_ext3_fs(void);

/* fs/ext3/balloc.c */
unsigned long ext3_new_block(struct jbd2_journal_handle *handle,
			     struct inode *inode, unsigned long goal,
			     int *errp);
void ext3_free_blocks(struct jbd2_journal_handle *handle,
		      struct inode *inode, unsigned long block,
		      unsigned long count);
unsigned long ext3_count_free_blocks(struct super_block *sb);
unsigned long ext3_group_first_block(struct super_block *sb,
				     unsigned long group);

/* fs/ext3/ialloc.c */
struct inode *ext3_new_inode(struct jbd2_journal_handle *handle,
			     struct inode *dir, int mode);
void ext3_free_inode(struct jbd2_journal_handle *handle,
		     struct inode *inode);
unsigned long ext3_count_free_inodes(struct super_block *sb);

/* fs/ext3/inode.c */
struct inode *ext3_iget(struct super_block *sb, unsigned long ino);
int ext3_get_block(struct jbd2_journal_handle *handle, struct inode *inode,
		   unsigned long iblock, unsigned long *phys, bool *created);
int ext3_mark_inode_dirty(struct jbd2_journal_handle *handle,
			  struct inode *inode);
int ext3_truncate(struct jbd2_journal_handle *handle, struct inode *inode);
void ext3_delete_inode(struct inode *inode);
int ext3_setattr(struct dentry *dentry, struct iattr *attr);
void ext3_set_aops(struct inode *inode);
struct inode *ext3_alloc_inode(struct super_block *sb);
void ext3_destroy_inode(struct inode *inode);
int ext3_init_inodecache(void);

/* fs/ext3/dir.c */
extern const struct file_operations ext3_dir_operations;
int ext3_check_dir_entry(const char *function, struct inode *dir,
			 const struct ext3_dir_entry_2 *de,
			 unsigned long offset, unsigned long pos);
unsigned char ext3_filetype_to_dtype(struct super_block *sb, u8 file_type);

/* fs/ext3/ext3_jbd.c */
int ext3_load_journal(struct super_block *sb, void *data);
void ext3_destroy_journal(struct super_block *sb);
int ext3_sync_fs(struct super_block *sb, int wait);
void ext3_mark_recovery_complete(struct super_block *sb);

/* fs/ext3/namei.c */
extern const struct inode_operations ext3_dir_inode_operations;
int ext3_orphan_add(struct jbd2_journal_handle *handle, struct inode *inode);
int ext3_orphan_del(struct jbd2_journal_handle *handle, struct inode *inode);

/* fs/ext3/file.c */
extern const struct file_operations ext3_file_operations;
extern const struct inode_operations ext3_file_inode_operations;

/* fs/ext3/symlink.c */
extern const struct inode_operations ext3_symlink_inode_operations;
extern const struct inode_operations ext3_fast_symlink_inode_operations;

#endif /* _EXT3_FS_H */
