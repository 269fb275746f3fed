// SPDX-License-Identifier: GPL-2.0
/*
 * fs/ext3/namei.c - looking a name up in an ext3 directory.
 *
 * Linux 2.6: fs/ext3/namei.c (ext3_lookup(), ext3_find_entry(),
 * search_dirblock(), ext3_match()).  Understanding the Linux Kernel, 3rd
 * ed., chapter 12, section "Standard Pathname Lookup" (what the VFS asks)
 * and chapter 18, section "How Various File Types Use Disk Blocks".
 *
 * The VFS asks i_op->lookup when a name is not in the dentry cache
 * (fs/namei.c: real_lookup(), with the directory's i_mutex held).
 * ext3_lookup() reads the directory's blocks in order, checking each
 * entry as readdir does (fs/ext3/dir.c: ext3_check_dir_entry()), until
 * an entry of that name; its inode number goes to ext3_iget(), and the
 * dentry gets the inode -- or none, a negative dentry, when no entry has
 * the name.  A name longer than EXT3_NAME_LEN cannot be in an ext3
 * directory: -ENAMETOOLONG, as in Linux.  A hash-indexed directory
 * (dir_index) is searched linearly too: Linux uses the index to read one
 * block instead of all.  No dentry is kept after its last user (the VFS
 * frees it), so a second lookup reads the blocks again, from the buffer
 * cache.  Next: fs/ext3/file.c.
 */
#include <buffer_head.h>
#include <errno.h>
#include <ext3_fs.h>
#include <kernel.h>
#include <string.h>

/*
 * Linux 2.6: search_dirblock().  Return: the inode number of @name in
 * @block (0: not there), or -EUCLEAN at a bad entry.
 */
static long ext3_search_dirblock(struct inode *dir, const char *block,
				 unsigned long pos, const struct qstr *name)
{
	unsigned long bs = dir->i_sb->s_blocksize;

	for (unsigned long offset = 0; offset < bs &&
	     pos + offset < (unsigned long)dir->i_size; ) {
		const struct ext3_dir_entry_2 *de = (const void *)(block +
								   offset);

		if (!ext3_check_dir_entry("ext3_find_entry", dir, de, offset,
					  pos + offset))
			return -EUCLEAN;
		if (le32_to_cpu(de->inode) && de->name_len == name->len &&
		    !memcmp(de->name, name->name, name->len))
			return le32_to_cpu(de->inode);
		offset += le16_to_cpu(de->rec_len);
	}
	return 0;
}

/*
 * Linux 2.6: ext3_find_entry(), without the index.  Return: the inode
 * number of @name in @dir, 0 if there is none, or a negative error.
 */
static long ext3_inode_by_name(struct inode *dir, const struct qstr *name)
{
	struct super_block *sb = dir->i_sb;
	unsigned long nblocks = DIV_ROUND_UP((unsigned long)dir->i_size,
					     sb->s_blocksize);

	for (unsigned long iblock = 0; iblock < nblocks; iblock++) {
		struct buffer_head *bh;
		unsigned long phys;
		long ino;
		char *block;
		int err = ext3_get_block(dir, iblock, &phys);

		if (err)
			return err;
		if (!phys) {
			ext3_error(sb, "ext3_find_entry", "directory #%lu "
				   "contains a hole at offset %lu", dir->i_ino,
				   iblock << EXT3_SB(sb)->s_blocksize_bits);
			return -EUCLEAN;
		}
		block = ext3_sb_bread(sb, phys, &bh);
		if (IS_ERR(block))
			return PTR_ERR(block);
		ino = ext3_search_dirblock(dir, block, iblock <<
					   EXT3_SB(sb)->s_blocksize_bits, name);
		brelse(bh);
		if (ino)
			return ino;
	}
	return 0;
}

static struct dentry *ext3_lookup(struct inode *dir, struct dentry *dentry,
				  struct nameidata *nd)
{
	struct inode *inode = NULL;
	long ino;

	if (dentry->d_name.len > EXT3_NAME_LEN)
		return ERR_PTR(-ENAMETOOLONG);
	ino = ext3_inode_by_name(dir, &dentry->d_name);
	if (ino < 0)
		return ERR_PTR(ino);
	if (ino) {
		inode = ext3_iget(dir->i_sb, ino);
		if (IS_ERR(inode))
			return ERR_CAST(inode);
	}
	d_add(dentry, inode);
	return NULL;
}

const struct inode_operations ext3_dir_inode_operations = {
	.lookup = ext3_lookup,
};
