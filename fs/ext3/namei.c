// SPDX-License-Identifier: GPL-2.0
/*
 * fs/ext3/namei.c - ext3 directories as name spaces: lookup, and the
 * operations that add and remove names (create, mkdir, unlink, rmdir,
 * rename, link, symlink).
 *
 * Linux 2.6: fs/ext3/namei.c (ext3_lookup(), ext3_find_entry(),
 * search_dirblock(), add_dirent_to_buf(), ext3_add_entry(),
 * ext3_delete_entry(), empty_dir(), ext3_create(), ext3_mkdir(),
 * ext3_unlink(), ext3_rmdir(), ext3_rename(), ext3_link(),
 * ext3_symlink()).  Understanding the Linux Kernel, 3rd ed., chapter 12,
 * section "Standard Pathname Lookup" (what the VFS asks) and chapter 18,
 * sections "How Various File Types Use Disk Blocks" and "Creating
 * Inodes".
 *
 * The VFS asks i_op->lookup when a name is not in the dentry cache
 * (fs/namei.c: real_lookup(), with the directory's i_mutex held).
 * ext3_find_entry() reads the directory's blocks in order, checking each
 * entry as readdir does (fs/ext3/dir.c: ext3_check_dir_entry()), until
 * an entry of that name; its inode number goes to ext3_iget(), and the
 * dentry gets the inode -- or none, a negative dentry.  A name longer
 * than EXT3_NAME_LEN cannot be in an ext3 directory: -ENAMETOOLONG.
 *
 * A directory block is a chain of entries whose rec_len add up to the
 * block; an entry may be longer than its name needs.  ext3_add_entry()
 * puts a new name into the first entry with room: an unused one (inode
 * 0) long enough, or the slack after a used entry's name, which is split
 * off; with no room anywhere the directory grows by a block holding the
 * one entry.  ext3_delete_entry() merges the entry into the one before it
 * in its block (rec_len grows), or, first in its block, sets its inode to
 * 0.  Entries carry the file's type when the file system has the
 * filetype feature.  A hash-indexed directory (dir_index) is searched
 * linearly: its index hides in entries a linear reader skips, and a
 * change clears EXT3_INDEX_FL, as Linux does without the index code,
 * so that e2fsck and Linux no longer trust the index.  Every change of a
 * directory block, an inode or a count goes through include/ext3_jbd.h
 * inside one handle per operation.
 *
 * A file unlinked while a process still has it open keeps its inode and
 * blocks until the last close (fs/ext3/super.c: ext3_delete_orphan()).
 * Should the system stop before that, nothing on the disk would name
 * them: so the unlink that takes the last name puts the inode on the
 * orphan list (ext3_orphan_add()) in the same handle -- the super
 * block's s_last_orphan names it, and its i_dtime, unused while it
 * lives, names the next -- and the delete takes it off
 * (ext3_orphan_del()), again in the handle that frees it.  The next mount
 * deletes whatever the list still holds (ext3_orphan_cleanup()).
 * Next: fs/ext3/file.c.
 */
#include <buffer_head.h>
#include <errno.h>
#include <ext3_fs.h>
#include <ext3_jbd.h>
#include <kernel.h>
#include <string.h>

#define EXT3_LINK_MAX	32000		/* links of one inode */

/* Credits: two directories, two inodes, bitmaps, map blocks. */
#define EXT3_RENAME_CREDITS	(2 * EXT3_DATA_TRANS_BLOCKS + \
				 EXT3_INDEX_EXTRA_TRANS_BLOCKS + 2)

/* Where an entry was found: its block's buffer (held) and bytes. */
struct ext3_dir_loc {
	struct buffer_head *bh;
	char *block;
	struct ext3_dir_entry_2 *de;
};

static void ext3_dir_loc_release(struct ext3_dir_loc *loc)
{
	brelse(loc->bh);
	loc->bh = NULL;
}

/*
 * Block @iblock of directory @dir (*bhp holds it).  A hole in a directory
 * is a corruption.  Return: its bytes, or an ERR_PTR.
 */
static char *ext3_dir_bread(struct inode *dir, unsigned long iblock,
			    struct buffer_head **bhp)
{
	struct super_block *sb = dir->i_sb;
	unsigned long phys;
	int err = ext3_get_block(NULL, dir, iblock, &phys, NULL);

	if (err)
		return ERR_PTR(err);
	if (!phys) {
		ext3_error(sb, "ext3_find_entry", "directory #%lu contains a "
			   "hole at offset %lu", dir->i_ino,
			   iblock << EXT3_SB(sb)->s_blocksize_bits);
		return ERR_PTR(-EUCLEAN);
	}
	return ext3_sb_bread(sb, phys, bhp);
}

static unsigned long ext3_dir_blocks(struct inode *dir)
{
	return DIV_ROUND_UP((unsigned long)dir->i_size, dir->i_sb->s_blocksize);
}

static bool ext3_match(const struct ext3_dir_entry_2 *de, const char *name,
		       unsigned int len)
{
	return le32_to_cpu(de->inode) && de->name_len == len &&
	       !memcmp(de->name, name, len);
}

/*
 * Linux 2.6: search_dirblock().  Return: the entry of @name in @block, or
 * NULL, or ERR_PTR(-EUCLEAN) at a bad entry.
 */
static struct ext3_dir_entry_2 *
ext3_search_dirblock(struct inode *dir, char *block, unsigned long pos,
		     const char *name, unsigned int len)
{
	unsigned long bs = dir->i_sb->s_blocksize;

	for (unsigned long offset = 0; offset < bs &&
	     pos + offset < (unsigned long)dir->i_size; ) {
		struct ext3_dir_entry_2 *de = (void *)(block + offset);

		if (!ext3_check_dir_entry("ext3_find_entry", dir, de, offset,
					  pos + offset))
			return ERR_PTR(-EUCLEAN);
		if (ext3_match(de, name, len))
			return de;
		offset += le16_to_cpu(de->rec_len);
	}
	return NULL;
}

/*
 * Linux 2.6: ext3_find_entry(), without the index.  Fills @loc (release
 * it) with the entry of @name in @dir.  Return: 0, -ENOENT, or another
 * negative errno.
 */
static int ext3_find_entry(struct inode *dir, const char *name,
			   unsigned int len, struct ext3_dir_loc *loc)
{
	unsigned long nblocks = ext3_dir_blocks(dir);
	unsigned int bits = EXT3_SB(dir->i_sb)->s_blocksize_bits;

	loc->bh = NULL;
	for (unsigned long iblock = 0; iblock < nblocks; iblock++) {
		struct ext3_dir_entry_2 *de;
		struct buffer_head *bh;
		char *block = ext3_dir_bread(dir, iblock, &bh);

		if (IS_ERR(block))
			return PTR_ERR(block);
		de = ext3_search_dirblock(dir, block, iblock << bits, name,
					  len);
		if (IS_ERR(de)) {
			brelse(bh);
			return PTR_ERR(de);
		}
		if (de) {
			loc->bh = bh;
			loc->block = block;
			loc->de = de;
			return 0;
		}
		brelse(bh);
	}
	return -ENOENT;
}

static struct dentry *ext3_lookup(struct inode *dir, struct dentry *dentry,
				  struct nameidata *nd)
{
	struct inode *inode = NULL;
	struct ext3_dir_loc loc;
	int err;

	if (dentry->d_name.len > EXT3_NAME_LEN)
		return ERR_PTR(-ENAMETOOLONG);
	err = ext3_find_entry(dir, dentry->d_name.name, dentry->d_name.len,
			      &loc);
	if (err && err != -ENOENT)
		return ERR_PTR(err);
	if (!err) {
		unsigned long ino = le32_to_cpu(loc.de->inode);

		ext3_dir_loc_release(&loc);
		inode = ext3_iget(dir->i_sb, ino);
		if (IS_ERR(inode))
			return ERR_CAST(inode);
	}
	d_add(dentry, inode);
	return NULL;
}

/* The EXT3_FT_* of a mode, if the file system records types. */
static u8 ext3_file_type(struct super_block *sb, umode_t mode)
{
	static const u8 types[16] = {
		[S_IFREG >> 12] = EXT3_FT_REG_FILE,
		[S_IFDIR >> 12] = EXT3_FT_DIR,
		[S_IFCHR >> 12] = EXT3_FT_CHRDEV,
		[S_IFBLK >> 12] = EXT3_FT_BLKDEV,
		[S_IFIFO >> 12] = EXT3_FT_FIFO,
		[S_IFSOCK >> 12] = EXT3_FT_SOCK,
		[S_IFLNK >> 12] = EXT3_FT_SYMLINK,
	};

	if (!(EXT3_SB(sb)->s_feature_incompat &
	      EXT3_FEATURE_INCOMPAT_FILETYPE))
		return EXT3_FT_UNKNOWN;
	return types[(mode >> 12) & 15];
}

static void ext3_set_de(struct ext3_dir_entry_2 *de, const char *name,
			unsigned int len, struct inode *inode)
{
	de->inode = cpu_to_le32(inode->i_ino);
	de->name_len = len;
	de->file_type = ext3_file_type(inode->i_sb, inode->i_mode);
	memcpy(de->name, name, len);
}

/* A directory changed: times, no index any more, written back. */
static int ext3_dir_changed(handle_t *handle, struct inode *dir)
{
	dir->i_mtime = dir->i_ctime = current_fs_time(dir->i_sb);
	EXT3_I(dir)->i_flags &= ~EXT3_INDEX_FL;
	return ext3_mark_inode_dirty(handle, dir);
}

/*
 * Linux 2.6: add_dirent_to_buf().  Put @name -> @inode into @block if it
 * has room.  Return: 1 (done), 0 (no room), -EEXIST, -EUCLEAN, or the
 * journal's error.
 */
static int ext3_add_to_block(handle_t *handle, struct inode *dir,
			     struct buffer_head *bh, char *block,
			     unsigned long pos, const char *name,
			     unsigned int len, struct inode *inode)
{
	unsigned long bs = dir->i_sb->s_blocksize;
	unsigned int need = EXT3_DIR_REC_LEN(len);
	struct ext3_dir_entry_2 *de = NULL;
	unsigned long offset;
	int err;

	for (offset = 0; offset < bs; ) {
		unsigned int rlen, used;

		de = (void *)(block + offset);
		if (!ext3_check_dir_entry("ext3_add_entry", dir, de, offset,
					  pos + offset))
			return -EUCLEAN;
		if (ext3_match(de, name, len))
			return -EEXIST;
		rlen = le16_to_cpu(de->rec_len);
		used = le32_to_cpu(de->inode) ? EXT3_DIR_REC_LEN(de->name_len)
					       : 0;
		if (rlen >= used + need)
			break;
		offset += rlen;
	}
	if (offset >= bs)
		return 0;
	err = ext3_journal_get_write_access(handle, bh);
	if (err)
		return err;
	if (le32_to_cpu(de->inode)) {
		/* Split the slack after the used entry's name off. */
		unsigned int used = EXT3_DIR_REC_LEN(de->name_len);
		struct ext3_dir_entry_2 *de1 = (void *)((char *)de + used);

		de1->rec_len = cpu_to_le16(le16_to_cpu(de->rec_len) - used);
		de->rec_len = cpu_to_le16(used);
		de = de1;
	}
	ext3_set_de(de, name, len, inode);
	err = ext3_journal_dirty_metadata(handle, bh);
	return err ?: 1;
}

/*
 * Block @iblock of directory @dir, new to it: allocated, announced to the
 * journal as new (get_create_access) and zeroed.  *@bhp holds it: the
 * caller fills in its entries, dirties it and brelse()s it.
 * Return: the block's bytes, or an ERR_PTR().
 */
static char *ext3_new_dir_block(handle_t *handle, struct inode *dir,
				unsigned long iblock, struct buffer_head **bhp)
{
	unsigned long phys;
	bool created;
	char *block;
	int err = ext3_get_block(handle, dir, iblock, &phys, &created);

	if (err)
		return ERR_PTR(err);
	block = ext3_sb_bread(dir->i_sb, phys, bhp);
	if (IS_ERR(block))
		return block;
	err = ext3_journal_get_create_access(handle, *bhp);
	if (err) {
		brelse(*bhp);
		return ERR_PTR(err);
	}
	memset(block, 0, dir->i_sb->s_blocksize);
	return block;
}

/*
 * Linux 2.6: ext3_add_entry().  Add the name @name -> @inode to @dir: in
 * the first block with room, else in a new block at its end.
 * Return: 0, -EEXIST, -ENOSPC, -EUCLEAN, -EIO.
 */
static int ext3_add_entry(handle_t *handle, struct inode *dir,
			  const char *name, unsigned int len,
			  struct inode *inode)
{
	struct super_block *sb = dir->i_sb;
	unsigned long nblocks = ext3_dir_blocks(dir);
	unsigned int bits = EXT3_SB(sb)->s_blocksize_bits;
	struct ext3_dir_entry_2 *de;
	struct buffer_head *bh;
	char *block;
	int err;

	if (!len)
		return -EINVAL;
	for (unsigned long iblock = 0; iblock < nblocks; iblock++) {
		block = ext3_dir_bread(dir, iblock, &bh);
		if (IS_ERR(block))
			return PTR_ERR(block);
		err = ext3_add_to_block(handle, dir, bh, block, iblock << bits,
					name, len, inode);
		brelse(bh);
		if (err < 0)
			return err;
		if (err)
			return ext3_dir_changed(handle, dir);
	}
	/* No room: a new block, one entry spanning it. */
	block = ext3_new_dir_block(handle, dir, nblocks, &bh);
	if (IS_ERR(block))
		return PTR_ERR(block);
	de = (void *)block;
	de->rec_len = cpu_to_le16(sb->s_blocksize);
	ext3_set_de(de, name, len, inode);
	err = ext3_journal_dirty_metadata(handle, bh);
	brelse(bh);
	dir->i_size += sb->s_blocksize;
	return ext3_dir_changed(handle, dir) ?: err;
}

/*
 * Linux 2.6: ext3_delete_entry().  Remove the entry @loc found: merged
 * into the entry before it, or made unused if first in its block.
 * Return: 0 or a negative errno.
 */
static int ext3_delete_entry(handle_t *handle, struct inode *dir,
			     struct ext3_dir_loc *loc)
{
	struct ext3_dir_entry_2 *prev = NULL, *de = (void *)loc->block;
	int err = ext3_journal_get_write_access(handle, loc->bh);

	if (err)
		return err;
	while (de != loc->de) {
		prev = de;
		de = (void *)((char *)de + le16_to_cpu(de->rec_len));
	}
	if (prev)
		le16_add_cpu(&prev->rec_len, le16_to_cpu(de->rec_len));
	else
		de->inode = 0;
	err = ext3_journal_dirty_metadata(handle, loc->bh);
	return ext3_dir_changed(handle, dir) ?: err;
}

/*
 * Linux 2.6: empty_dir().  Return: 1 if @inode holds only "." and "..",
 * 0 if it holds more, or a negative errno (a broken directory).
 */
static int ext3_empty_dir(struct inode *inode)
{
	unsigned long nblocks = ext3_dir_blocks(inode);
	unsigned long bs = inode->i_sb->s_blocksize;

	for (unsigned long iblock = 0; iblock < nblocks; iblock++) {
		struct buffer_head *bh;
		char *block = ext3_dir_bread(inode, iblock, &bh);

		if (IS_ERR(block))
			return PTR_ERR(block);
		for (unsigned long offset = 0; offset < bs; ) {
			struct ext3_dir_entry_2 *de = (void *)(block + offset);

			if (!ext3_check_dir_entry("empty_dir", inode, de,
						  offset, iblock * bs + offset)) {
				brelse(bh);
				return -EUCLEAN;
			}
			if (le32_to_cpu(de->inode) &&
			    !(de->name_len == 1 && de->name[0] == '.') &&
			    !(de->name_len == 2 && de->name[0] == '.' &&
			      de->name[1] == '.')) {
				brelse(bh);
				return 0;
			}
			offset += le16_to_cpu(de->rec_len);
		}
		brelse(bh);
	}
	return 1;
}

/*
 * Name a new non-directory @inode by @dentry; on failure the inode loses
 * its only link and goes.  Linux 2.6: ext3_add_nondir().
 */
static int ext3_add_nondir(handle_t *handle, struct dentry *dentry,
			   struct inode *inode)
{
	struct inode *dir = dentry->d_parent->d_inode;
	int err = ext3_add_entry(handle, dir, dentry->d_name.name,
				 dentry->d_name.len, inode);

	if (err) {
		inode->i_nlink = 0;
		ext3_mark_inode_dirty(handle, inode);
		iput(inode);
		return err;
	}
	d_instantiate(dentry, inode);
	return 0;
}

static int ext3_create(struct inode *dir, struct dentry *dentry, int mode,
		       struct nameidata *nd)
{
	handle_t *handle = ext3_journal_start(dir, EXT3_DATA_TRANS_BLOCKS +
					      EXT3_INDEX_EXTRA_TRANS_BLOCKS +
					      3);
	struct inode *inode;
	int err;

	if (IS_ERR(handle))
		return PTR_ERR(handle);
	inode = ext3_new_inode(handle, dir, mode);
	err = PTR_ERR_OR_ZERO(inode);
	if (!err) {
		inode->i_op = &ext3_file_inode_operations;
		inode->i_fop = &ext3_file_operations;
		ext3_set_aops(inode);
		err = ext3_add_nondir(handle, dentry, inode);
	}
	ext3_journal_stop(handle);
	return err;
}

/* The first block of a new directory: "." and "..". */
static int ext3_make_dir_block(handle_t *handle, struct inode *inode,
			       struct inode *dir)
{
	struct super_block *sb = inode->i_sb;
	struct ext3_dir_entry_2 *de;
	struct buffer_head *bh;
	char *block;
	int err;

	block = ext3_new_dir_block(handle, inode, 0, &bh);
	if (IS_ERR(block))
		return PTR_ERR(block);
	de = (void *)block;
	ext3_set_de(de, ".", 1, inode);
	de->rec_len = cpu_to_le16(EXT3_DIR_REC_LEN(1));
	de = (void *)(block + EXT3_DIR_REC_LEN(1));
	ext3_set_de(de, "..", 2, dir);
	de->rec_len = cpu_to_le16(sb->s_blocksize - EXT3_DIR_REC_LEN(1));
	err = ext3_journal_dirty_metadata(handle, bh);
	brelse(bh);
	inode->i_size = sb->s_blocksize;
	return err;
}

static int ext3_mkdir(struct inode *dir, struct dentry *dentry, int mode)
{
	struct inode *inode;
	handle_t *handle;
	int err;

	if (dir->i_nlink >= EXT3_LINK_MAX)
		return -EMLINK;
	handle = ext3_journal_start(dir, EXT3_RENAME_CREDITS);
	if (IS_ERR(handle))
		return PTR_ERR(handle);
	inode = ext3_new_inode(handle, dir, S_IFDIR | mode);
	err = PTR_ERR_OR_ZERO(inode);
	if (err)
		goto out;
	inode->i_op = &ext3_dir_inode_operations;
	inode->i_fop = &ext3_dir_operations;
	inode->i_nlink = 2;		/* its name and its "." */
	err = ext3_make_dir_block(handle, inode, dir) ?:
	      ext3_mark_inode_dirty(handle, inode) ?:
	      ext3_add_entry(handle, dir, dentry->d_name.name,
			     dentry->d_name.len, inode);
	if (err) {
		inode->i_nlink = 0;
		ext3_mark_inode_dirty(handle, inode);
		iput(inode);
		goto out;
	}
	inc_nlink(dir);			/* the new ".." */
	err = ext3_mark_inode_dirty(handle, dir);
	d_instantiate(dentry, inode);
out:
	ext3_journal_stop(handle);
	return err;
}

/*
 * Find @dentry's entry in @dir and check that it still names the inode
 * the dentry has.  Return: 0 (@loc filled), or a negative errno.
 */
static int ext3_find_dentry(struct inode *dir, struct dentry *dentry,
			    struct ext3_dir_loc *loc)
{
	int err = ext3_find_entry(dir, dentry->d_name.name,
				  dentry->d_name.len, loc);

	if (err)
		return err;
	if (le32_to_cpu(loc->de->inode) != dentry->d_inode->i_ino) {
		ext3_dir_loc_release(loc);
		return -ENOENT;
	}
	return 0;
}

/* ----- the orphan list --------------------------------------------- */

/**
 * ext3_orphan_add - put an inode without links on the orphan list
 * @handle: the running handle (that of the unlink, rmdir or rename)
 * @inode: the inode whose last name went
 *
 * Linux 2.6: fs/ext3/namei.c: ext3_orphan_add().  The inode becomes the
 * list's head: s_last_orphan names it, its i_dtime the old head.  A
 * file system without a journal keeps no list (ext2: e2fsck frees what a
 * crash leaves).
 * Context: process, may sleep.
 * Return: 0, or the journal's error.
 */
int ext3_orphan_add(handle_t *handle, struct inode *inode)
{
	struct super_block *sb = inode->i_sb;
	struct ext3_sb_info *sbi = EXT3_SB(sb);
	struct ext3_inode_info *ei = EXT3_I(inode);
	int err = 0;

	if (!sbi->s_journal)
		return 0;
	mutex_lock(&sbi->s_orphan_lock);
	if (ei->i_orphan.next)
		goto out;		/* already on it */
	err = ext3_journal_get_sb_write_access(handle, sb);
	if (err)
		goto out;
	ei->i_dtime = le32_to_cpu(sbi->s_es->s_last_orphan);
	sbi->s_es->s_last_orphan = cpu_to_le32(inode->i_ino);
	ext3_dirty_sb(handle, sb);
	err = ext3_mark_inode_dirty(handle, inode);
	list_add(&ei->i_orphan, &sbi->s_orphan);
out:
	mutex_unlock(&sbi->s_orphan_lock);
	return err;
}

/**
 * ext3_orphan_del - take an inode off the orphan list
 * @handle: the running handle (that of the delete), or NULL when the
 *          file system cannot be written: then only the list in memory
 *          lets it go, and the next mount finds it on the disk
 * @inode: the inode
 *
 * Linux 2.6: fs/ext3/namei.c: ext3_orphan_del().  Its predecessor on
 * the disk -- the super block's s_last_orphan, or the i_dtime of the
 * orphan before it in memory -- gets its successor.
 * Context: process, may sleep.
 * Return: 0, or the journal's error.
 */
int ext3_orphan_del(handle_t *handle, struct inode *inode)
{
	struct super_block *sb = inode->i_sb;
	struct ext3_sb_info *sbi = EXT3_SB(sb);
	struct ext3_inode_info *ei = EXT3_I(inode);
	struct list_head *prev;
	u32 next;
	int err = 0;

	mutex_lock(&sbi->s_orphan_lock);
	if (!ei->i_orphan.next)
		goto out;
	prev = ei->i_orphan.prev;
	next = ei->i_dtime;
	list_del(&ei->i_orphan);
	ei->i_orphan.next = ei->i_orphan.prev = NULL;
	ei->i_dtime = 0;
	if (!handle)
		goto out;
	if (prev == &sbi->s_orphan) {
		err = ext3_journal_get_sb_write_access(handle, sb);
		if (err)
			goto out;
		sbi->s_es->s_last_orphan = cpu_to_le32(next);
		ext3_dirty_sb(handle, sb);
	} else {
		struct ext3_inode_info *p =
			list_entry(prev, struct ext3_inode_info, i_orphan);

		p->i_dtime = next;
		err = ext3_mark_inode_dirty(handle, &p->vfs_inode);
	}
out:
	mutex_unlock(&sbi->s_orphan_lock);
	return err;
}

static int ext3_unlink(struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = dentry->d_inode;
	struct ext3_dir_loc loc;
	handle_t *handle;
	int err;

	handle = ext3_journal_start(dir, EXT3_DATA_TRANS_BLOCKS);
	if (IS_ERR(handle))
		return PTR_ERR(handle);
	err = ext3_find_dentry(dir, dentry, &loc);
	if (err)
		goto out;
	if (!inode->i_nlink) {
		ext3_warning(inode->i_sb, "ext3_unlink", "Deleting "
			     "nonexistent file (%lu), %u", inode->i_ino,
			     inode->i_nlink);
		inode->i_nlink = 1;
	}
	err = ext3_delete_entry(handle, dir, &loc);
	ext3_dir_loc_release(&loc);
	if (err)
		goto out;
	/* Its link count against a link() or a write() of it elsewhere
	 * (Linux's vfs_unlink() takes this lock). */
	mutex_lock(&inode->i_mutex);
	inode->i_ctime = dir->i_ctime;
	drop_nlink(inode);
	err = ext3_mark_inode_dirty(handle, inode);
	if (!inode->i_nlink && !err)
		err = ext3_orphan_add(handle, inode);
	mutex_unlock(&inode->i_mutex);
out:
	ext3_journal_stop(handle);
	return err;
}

static int ext3_rmdir(struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = dentry->d_inode;
	struct ext3_dir_loc loc;
	handle_t *handle;
	int err;

	handle = ext3_journal_start(dir, EXT3_DATA_TRANS_BLOCKS);
	if (IS_ERR(handle))
		return PTR_ERR(handle);
	err = ext3_empty_dir(inode);
	if (err <= 0) {
		err = err ?: -ENOTEMPTY;
		goto out;
	}
	err = ext3_find_dentry(dir, dentry, &loc);
	if (err)
		goto out;
	err = ext3_delete_entry(handle, dir, &loc);
	ext3_dir_loc_release(&loc);
	if (err)
		goto out;
	if (inode->i_nlink != 2)
		ext3_warning(inode->i_sb, "ext3_rmdir", "empty directory has "
			     "nlink!=2 (%u)", inode->i_nlink);
	inode->i_nlink = 0;
	inode->i_size = 0;
	inode->i_ctime = dir->i_ctime;
	err = ext3_mark_inode_dirty(handle, inode) ?:
	      ext3_orphan_add(handle, inode);
	drop_nlink(dir);		/* its ".." */
	err = ext3_mark_inode_dirty(handle, dir) ?: err;
out:
	ext3_journal_stop(handle);
	return err;
}

static int ext3_link(struct dentry *old_dentry, struct inode *dir,
		     struct dentry *dentry)
{
	struct inode *inode = old_dentry->d_inode;
	handle_t *handle;
	int err;

	if (inode->i_nlink >= EXT3_LINK_MAX)
		return -EMLINK;
	handle = ext3_journal_start(dir, EXT3_DATA_TRANS_BLOCKS +
				    EXT3_INDEX_EXTRA_TRANS_BLOCKS);
	if (IS_ERR(handle))
		return PTR_ERR(handle);
	err = ext3_add_entry(handle, dir, dentry->d_name.name,
			     dentry->d_name.len, inode);
	if (!err) {
		inode->i_ctime = current_fs_time(inode->i_sb);
		inc_nlink(inode);
		err = ext3_mark_inode_dirty(handle, inode);
		d_instantiate(dentry, ihold(inode));
	}
	ext3_journal_stop(handle);
	return err;
}

static int ext3_symlink(struct inode *dir, struct dentry *dentry,
			const char *target)
{
	struct super_block *sb = dir->i_sb;
	size_t len = strlen(target) + 1;	/* with its NUL */
	struct inode *inode;
	handle_t *handle;
	int err;

	if (len > sb->s_blocksize)
		return -ENAMETOOLONG;
	handle = ext3_journal_start(dir, EXT3_DATA_TRANS_BLOCKS +
				    EXT3_INDEX_EXTRA_TRANS_BLOCKS + 5);
	if (IS_ERR(handle))
		return PTR_ERR(handle);
	inode = ext3_new_inode(handle, dir, S_IFLNK | 0777);
	err = PTR_ERR_OR_ZERO(inode);
	if (err)
		goto out;
	if (len > sizeof(EXT3_I(inode)->i_data)) {
		/* A slow symlink: the text in its first block. */
		struct buffer_head *bh;
		unsigned long phys;
		bool created;
		char *block;

		inode->i_op = &ext3_symlink_inode_operations;
		err = ext3_get_block(handle, inode, 0, &phys, &created);
		block = err ? ERR_PTR(err) : ext3_sb_bread(sb, phys, &bh);
		if (IS_ERR(block)) {
			err = PTR_ERR(block);
			inode->i_nlink = 0;
			ext3_mark_inode_dirty(handle, inode);
			iput(inode);
			goto out;
		}
		memset(block, 0, sb->s_blocksize);
		memcpy(block, target, len);
		err = ext3_journal_dirty_data(handle, bh);
		brelse(bh);
	} else {
		/* A fast one: the text, NUL-terminated, in i_data. */
		inode->i_op = &ext3_fast_symlink_inode_operations;
		memcpy(EXT3_I(inode)->i_data, target, len);
	}
	inode->i_size = len - 1;
	err = ext3_mark_inode_dirty(handle, inode) ?: err;
	err = ext3_add_nondir(handle, dentry, inode) ?: err;
out:
	ext3_journal_stop(handle);
	return err;
}

/* The ".." entry of directory @inode: the second entry of its block 0. */
static int ext3_dotdot(struct inode *inode, struct ext3_dir_loc *loc)
{
	struct ext3_dir_entry_2 *de;
	char *block = ext3_dir_bread(inode, 0, &loc->bh);

	if (IS_ERR(block)) {
		loc->bh = NULL;
		return PTR_ERR(block);
	}
	de = (void *)block;
	de = (void *)(block + le16_to_cpu(de->rec_len));
	if (le16_to_cpu(((struct ext3_dir_entry_2 *)block)->rec_len) >=
	    inode->i_sb->s_blocksize ||
	    !ext3_check_dir_entry("ext3_rename", inode, de,
				  (char *)de - block, (char *)de - block) ||
	    de->name_len != 2 || memcmp(de->name, "..", 2)) {
		ext3_error(inode->i_sb, "ext3_rename", "directory #%lu: no "
			   "\"..\" second in its first block", inode->i_ino);
		ext3_dir_loc_release(loc);
		return -EUCLEAN;
	}
	loc->block = block;
	loc->de = de;
	return 0;
}

/*
 * Linux 2.6: ext3_rename().  The VFS checked permissions, that a
 * directory does not move into itself, and that a replaced target is of
 * the same kind; here an existing target must be empty if a directory.
 * The new name is made (or the target's entry pointed at the source),
 * the old one removed, and a moved directory's ".." pointed at its new
 * parent, the two parents' link counts following.
 */
static int ext3_rename(struct inode *old_dir, struct dentry *old_dentry,
		       struct inode *new_dir, struct dentry *new_dentry)
{
	struct inode *old_inode = old_dentry->d_inode;
	struct inode *new_inode = new_dentry->d_inode;
	bool is_dir = S_ISDIR(old_inode->i_mode);
	struct ext3_dir_loc dotdot = { NULL, NULL, NULL }, loc;
	handle_t *handle;
	int err;

	handle = ext3_journal_start(old_dir, EXT3_RENAME_CREDITS);
	if (IS_ERR(handle))
		return PTR_ERR(handle);
	err = ext3_find_dentry(old_dir, old_dentry, &loc);
	if (err)
		goto out;
	ext3_dir_loc_release(&loc);
	if (is_dir) {
		if (new_inode) {
			err = ext3_empty_dir(new_inode);
			if (err <= 0) {
				err = err ?: -ENOTEMPTY;
				goto out;
			}
		}
		err = ext3_dotdot(old_inode, &dotdot);
		if (err)
			goto out;
		if (!new_inode && new_dir != old_dir &&
		    new_dir->i_nlink >= EXT3_LINK_MAX) {
			err = -EMLINK;
			goto out;
		}
	}
	if (!new_inode) {
		err = ext3_add_entry(handle, new_dir, new_dentry->d_name.name,
				     new_dentry->d_name.len, old_inode);
		if (err)
			goto out;
	} else {
		err = ext3_find_dentry(new_dir, new_dentry, &loc);
		if (err)
			goto out;
		err = ext3_journal_get_write_access(handle, loc.bh);
		if (!err) {
			loc.de->inode = cpu_to_le32(old_inode->i_ino);
			loc.de->file_type = ext3_file_type(old_inode->i_sb,
							   old_inode->i_mode);
			err = ext3_journal_dirty_metadata(handle, loc.bh);
		}
		ext3_dir_loc_release(&loc);
		if (err)
			goto out;
		err = ext3_dir_changed(handle, new_dir);
		if (err)
			goto out;
		/* A directory target is locked by vfs_rename() already. */
		if (!is_dir)
			mutex_lock(&new_inode->i_mutex);
		new_inode->i_ctime = current_fs_time(new_inode->i_sb);
		drop_nlink(new_inode);
		err = ext3_mark_inode_dirty(handle, new_inode);
		if (!is_dir)
			mutex_unlock(&new_inode->i_mutex);
		if (err)
			goto out;
	}
	old_inode->i_ctime = current_fs_time(old_inode->i_sb);
	err = ext3_mark_inode_dirty(handle, old_inode);
	if (err)
		goto out;
	/* The old name, found again: adding may have moved entries. */
	err = ext3_find_dentry(old_dir, old_dentry, &loc);
	if (!err) {
		err = ext3_delete_entry(handle, old_dir, &loc);
		ext3_dir_loc_release(&loc);
	}
	if (err)
		goto out;
	if (is_dir) {
		err = ext3_journal_get_write_access(handle, dotdot.bh);
		if (err)
			goto out;
		dotdot.de->inode = cpu_to_le32(new_dir->i_ino);
		err = ext3_journal_dirty_metadata(handle, dotdot.bh);
		drop_nlink(old_dir);
		if (new_inode)
			drop_nlink(new_inode);	/* its "." */
		else
			inc_nlink(new_dir);
		err = ext3_mark_inode_dirty(handle, old_dir) ?: err;
		err = ext3_mark_inode_dirty(handle, new_dir) ?: err;
	}
	if (new_inode && is_dir)
		err = ext3_mark_inode_dirty(handle, new_inode) ?: err;
	/* The target's last name went: it may still be open. */
	if (new_inode && !new_inode->i_nlink && !err)
		err = ext3_orphan_add(handle, new_inode);
out:
	ext3_dir_loc_release(&dotdot);
	ext3_journal_stop(handle);
	return err;
}

const struct inode_operations ext3_dir_inode_operations = {
	.lookup = ext3_lookup,
	.create = ext3_create,
	.link = ext3_link,
	.unlink = ext3_unlink,
	.symlink = ext3_symlink,
	.mkdir = ext3_mkdir,
	.rmdir = ext3_rmdir,
	.rename = ext3_rename,
	.setattr = ext3_setattr,
};
