// SPDX-License-Identifier: GPL-2.0
/*
 * fs/ext3/symlink.c - ext3 symbolic links: short ones in the inode, long
 * ones in a block.
 *
 * Linux 2.6: fs/ext3/symlink.c (ext3_symlink_inode_operations,
 * ext3_fast_symlink_inode_operations, ext3_follow_link()), fs/namei.c
 * (page_follow_link_light()).  Understanding the Linux Kernel, 3rd ed.,
 * chapter 18, section "How Various File Types Use Disk Blocks"
 * ("Symbolic link").
 *
 * A link's text of fewer than 60 bytes is kept in the inode itself, in
 * the 60 bytes of i_block[] that a file uses for its block map (a "fast"
 * symlink: no block at all, i_blocks 0); ext3_iget() made it a C string
 * there.  A longer one is the contents of the link's first block (a
 * "slow" symlink), read on each follow into a copy that put_link frees.
 * readlink(2) is generic_readlink(), which follows and copies.
 */
#include <buffer_head.h>
#include <errno.h>
#include <ext3_fs.h>
#include <kernel.h>
#include <slab.h>
#include <string.h>

static void *ext3_fast_follow_link(struct dentry *dentry,
				   struct nameidata *nd)
{
	nd_set_link(nd, (char *)EXT3_I(dentry->d_inode)->i_data);
	return NULL;
}

/* The text of a slow symlink, a copy of its first block's start. */
static void *ext3_follow_link(struct dentry *dentry, struct nameidata *nd)
{
	struct inode *inode = dentry->d_inode;
	struct super_block *sb = inode->i_sb;
	struct buffer_head *bh;
	unsigned long phys;
	char *block, *link;
	int err;

	if (inode->i_size <= 0 || inode->i_size >= (off_t)sb->s_blocksize) {
		ext3_error(sb, "ext3_follow_link", "symlink #%lu of %ld "
			   "bytes", inode->i_ino, (long)inode->i_size);
		return ERR_PTR(-EUCLEAN);
	}
	err = ext3_get_block(NULL, inode, 0, &phys, NULL);
	if (!err && !phys) {
		ext3_error(sb, "ext3_follow_link", "symlink #%lu has no block",
			   inode->i_ino);
		err = -EUCLEAN;
	}
	if (err)
		return ERR_PTR(err);
	link = kmalloc(inode->i_size + 1, GFP_KERNEL);
	if (!link)
		return ERR_PTR(-ENOMEM);
	block = ext3_sb_bread(sb, phys, &bh);
	if (IS_ERR(block)) {
		kfree(link);
		return block;
	}
	memcpy(link, block, inode->i_size);
	link[inode->i_size] = '\0';
	brelse(bh);
	nd_set_link(nd, link);
	return link;
}

static void ext3_put_link(struct dentry *dentry, struct nameidata *nd,
			  void *cookie)
{
	kfree(cookie);
}

const struct inode_operations ext3_symlink_inode_operations = {
	.readlink = generic_readlink,
	.follow_link = ext3_follow_link,
	.put_link = ext3_put_link,
	.setattr = ext3_setattr,
};

const struct inode_operations ext3_fast_symlink_inode_operations = {
	.readlink = generic_readlink,
	.follow_link = ext3_fast_follow_link,
	.setattr = ext3_setattr,
};
