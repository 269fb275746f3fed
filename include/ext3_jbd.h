/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/ext3_jbd.h - how ext3 changes its blocks: every change of a
 * metadata block goes through these calls, inside a handle.
 *
 * Linux 2.6: include/linux/ext3_jbd.h, fs/ext3/ext3_jbd.c.
 * Understanding the Linux Kernel, 3rd ed., chapter 18, section "The Ext3
 * Journaling Filesystem" ("Atomic operation handles").
 *
 * An operation that changes the file system (create a file, write a
 * block, rename) is one atomic operation: it starts a handle saying how
 * many blocks it may change at most, announces each metadata block
 * before it changes it (get_write_access, or get_create_access for a
 * block new to the file system), marks it changed (dirty_metadata), and
 * stops the handle.  With a journal, the changed blocks join the running
 * transaction, which the journal thread later commits as a whole, so
 * that after a crash either all of an operation's blocks are on the
 * disk or none.  Data blocks are not journaled (data=ordered):
 * dirty_data writes them before the commit that makes them reachable.
 *
 * Without a journal (an ext2 file system, which has no has_journal
 * feature) the handle is NULL and each call simply marks the buffer
 * dirty: pdflush writes it in place later, as ext2 does.
 */
#ifndef _EXT3_JBD_H
#define _EXT3_JBD_H

#include <fs.h>

struct buffer_head;
struct jbd2_journal_handle;
typedef struct jbd2_journal_handle handle_t;

/*
 * Credits: the most blocks one operation may change.  Changing one file
 * block may need its indirect blocks (3 levels), a block bitmap, a group
 * descriptor, the inode's table block and the super block.
 */
#define EXT3_SINGLEDATA_TRANS_BLOCKS	8
/* A file's directory entry, its inode, the parent's inode and bitmaps */
#define EXT3_DATA_TRANS_BLOCKS		(EXT3_SINGLEDATA_TRANS_BLOCKS + 3)
/* Two directories changed, two inodes, their bitmaps: rename, mkdir */
#define EXT3_INDEX_EXTRA_TRANS_BLOCKS	8

handle_t *ext3_journal_start(struct inode *inode, int nblocks);
int ext3_journal_stop(handle_t *handle);
int ext3_journal_get_write_access(handle_t *handle, struct buffer_head *bh);
int ext3_journal_get_create_access(handle_t *handle,
				   struct buffer_head *bh);
int ext3_journal_dirty_metadata(handle_t *handle, struct buffer_head *bh);
int ext3_journal_dirty_data(handle_t *handle, struct buffer_head *bh);
int ext3_journal_forget(handle_t *handle, struct buffer_head *bh);
int ext3_force_commit(struct super_block *sb);

#endif /* _EXT3_JBD_H */
