// SPDX-License-Identifier: GPL-2.0
/*
 * fs/libfs.c - the pieces of a file system whose names live in the
 * dentry cache: lookup, link, unlink, rmdir, rename, readdir.
 *
 * Linux 2.6: fs/libfs.c (simple_lookup, simple_link, simple_unlink,
 * simple_rmdir, simple_rename, simple_empty, dcache_dir_open,
 * dcache_readdir, generic_read_dir).
 * Such a file system (ramfs, rootfs; procfs's fixed entries) has no
 * directory data of its own: a directory's entries are its dentry's
 * children, each pinned by one extra reference from the moment it is
 * created until it is unlinked (fs/dcache.c).  So a lookup that misses
 * the dentry cache means "no such name" (simple_lookup() adds a negative
 * dentry), and readdir walks d_subdirs.  An open directory keeps its
 * place with a cursor: a dentry with no name on the list that readdir
 * moves along, so that names created or removed between two getdents
 * calls neither repeat nor vanish.
 */
#include <errno.h>
#include <fs.h>
#include <kernel.h>
#include <string.h>

/**
 * simple_lookup - i_op->lookup of a dcache-only directory
 * @dir: the directory
 * @dentry: the name, not in the cache: so it does not exist
 * @nd: the walk
 *
 * Context: process; @dir's i_mutex held.
 * Return: NULL (@dentry is now a hashed negative dentry) or
 * ERR_PTR(-ENAMETOOLONG).
 */
struct dentry *simple_lookup(struct inode *dir, struct dentry *dentry,
			     struct nameidata *nd)
{
	if (dentry->d_name.len > NAME_MAX)
		return ERR_PTR(-ENAMETOOLONG);
	d_add(dentry, NULL);
	return NULL;
}

/**
 * simple_link - i_op->link: one more name, pinned, for the same inode
 * @old: a name of the file
 * @dir: the new name's directory
 * @dentry: the new name (negative)
 *
 * Context: process; @dir's and the inode's i_mutex held.
 * Return: 0.
 */
int simple_link(struct dentry *old, struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = old->d_inode;

	inode->i_ctime = dir->i_ctime = dir->i_mtime = current_fs_time(dir->i_sb);
	inc_nlink(inode);
	ihold(inode);
	dget(dentry);		/* the pin */
	d_instantiate(dentry, inode);
	return 0;
}

/**
 * simple_empty - has a directory no names left?
 * @dentry: the directory
 *
 * Context: process; its i_mutex held.
 * Return: true if no positive, hashed child is left.
 */
bool simple_empty(struct dentry *dentry)
{
	struct dentry *child;
	bool empty = true;

	spin_lock(&dcache_lock);
	list_for_each_entry(child, &dentry->d_subdirs, d_child)
		if (child->d_inode && !d_unhashed(child)) {
			empty = false;
			break;
		}
	spin_unlock(&dcache_lock);
	return empty;
}

/**
 * simple_unlink - i_op->unlink: the name loses its pin
 * @dir: the directory
 * @dentry: the name
 *
 * Context: process; @dir's i_mutex held.
 * Return: 0.
 */
int simple_unlink(struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = dentry->d_inode;

	inode->i_ctime = dir->i_ctime = dir->i_mtime = current_fs_time(dir->i_sb);
	drop_nlink(inode);
	dput(dentry);		/* the pin; the caller still holds one */
	return 0;
}

/**
 * simple_rmdir - i_op->rmdir of a dcache-only directory
 * @dir: the parent
 * @dentry: the directory to remove
 *
 * Context: process; both i_mutexes held.
 * Return: 0 or -ENOTEMPTY.
 */
int simple_rmdir(struct inode *dir, struct dentry *dentry)
{
	if (!simple_empty(dentry))
		return -ENOTEMPTY;
	drop_nlink(dentry->d_inode);	/* its "." */
	simple_unlink(dir, dentry);
	drop_nlink(dir);		/* its ".." */
	return 0;
}

/**
 * simple_rename - i_op->rename of a dcache-only file system
 * @old_dir: the source directory
 * @old_dentry: the source
 * @new_dir: the target directory
 * @new_dentry: the target (its file, if any, is replaced)
 *
 * The VFS then d_move()s the dentry (with its pin) to the new name.
 * Context: process; lock_rename() held.
 * Return: 0 or -ENOTEMPTY.
 */
int simple_rename(struct inode *old_dir, struct dentry *old_dentry,
		  struct inode *new_dir, struct dentry *new_dentry)
{
	struct inode *inode = old_dentry->d_inode;
	bool is_dir = S_ISDIR(inode->i_mode);

	if (new_dentry->d_inode && !simple_empty(new_dentry))
		return -ENOTEMPTY;
	if (new_dentry->d_inode) {
		if (is_dir)
			drop_nlink(new_dentry->d_inode);
		simple_unlink(new_dir, new_dentry);
		if (is_dir)
			drop_nlink(old_dir);
	} else if (is_dir) {
		drop_nlink(old_dir);
		inc_nlink(new_dir);
	}
	old_dir->i_ctime = old_dir->i_mtime = new_dir->i_ctime =
		new_dir->i_mtime = inode->i_ctime =
		current_fs_time(old_dir->i_sb);
	return 0;
}

/**
 * dcache_dir_open - f_op->open of a dcache-only directory: a cursor
 * @inode: the directory
 * @file: the file
 *
 * Context: process, may sleep.
 * Return: 0 or -ENOMEM.
 */
int dcache_dir_open(struct inode *inode, struct file *file)
{
	struct dentry *cursor = d_alloc_name(file->f_dentry, ".");

	if (!cursor)
		return -ENOMEM;
	spin_lock(&dcache_lock);
	cursor->d_flags |= DCACHE_CURSOR;
	spin_unlock(&dcache_lock);
	file->private_data = cursor;
	return 0;
}

/**
 * dcache_dir_close - f_op->release: the cursor goes
 * @file: the directory file
 *
 * Context: process, may sleep.
 */
void dcache_dir_close(struct file *file)
{
	dput(file->private_data);
}

/* The first name after @from on @parent's list, or NULL (dcache_lock). */
static struct dentry *next_positive(struct dentry *parent,
				    struct list_head *from)
{
	struct list_head *p;

	for (p = from->next; p != &parent->d_subdirs; p = p->next) {
		struct dentry *d = list_entry(p, struct dentry, d_child);

		if (d->d_inode && !d_unhashed(d))
			return d;
	}
	return NULL;
}

/**
 * dcache_dir_lseek - f_op->llseek of a dcache-only directory
 * @file: the directory file
 * @offset: the position (0 ".", 1 "..", then one per name)
 * @whence: SEEK_SET or SEEK_CUR
 *
 * Context: process, may sleep.
 * Return: the new position, or -EINVAL.
 */
off_t dcache_dir_lseek(struct file *file, off_t offset, int whence)
{
	struct dentry *dir = file->f_dentry, *cursor = file->private_data;
	struct inode *inode = dir->d_inode;

	if (whence == SEEK_CUR)
		offset += file->f_pos;
	else if (whence != SEEK_SET)
		return -EINVAL;
	if (offset < 0)
		return -EINVAL;
	mutex_lock(&inode->i_mutex);
	if (offset != file->f_pos) {
		struct list_head *p = &dir->d_subdirs;
		off_t n = offset - 2;

		file->f_pos = offset;
		spin_lock(&dcache_lock);
		list_del(&cursor->d_child);
		while (n-- > 0) {
			struct dentry *next = next_positive(dir, p);

			if (!next)
				break;
			p = &next->d_child;
		}
		list_add(&cursor->d_child, p);
		spin_unlock(&dcache_lock);
	}
	mutex_unlock(&inode->i_mutex);
	return offset;
}

/**
 * dcache_readdir - f_op->readdir of a dcache-only directory
 * @file: the directory file (private_data: its cursor)
 * @buf: @filldir's state
 * @filldir: called per name
 *
 * ".", "..", then every positive name after the cursor, which moves
 * past each name @filldir took.
 * Context: process, may sleep; the directory's i_mutex held
 * (vfs_readdir()), so no name of it is created or removed meanwhile.
 * Return: 0.
 */
int dcache_readdir(struct file *file, void *buf, filldir_t filldir)
{
	struct dentry *dir = file->f_dentry, *cursor = file->private_data;
	unsigned long ino;

	if (file->f_pos == 0) {
		if (filldir(buf, ".", 1, 0, dir->d_inode->i_ino, DT_DIR))
			return 0;
		file->f_pos++;
	}
	if (file->f_pos == 1) {
		spin_lock(&dcache_lock);
		ino = dir->d_parent->d_inode->i_ino;
		spin_unlock(&dcache_lock);
		if (filldir(buf, "..", 2, 1, ino, DT_DIR))
			return 0;
		file->f_pos++;
	}
	spin_lock(&dcache_lock);
	if (file->f_pos == 2)
		list_move(&cursor->d_child, &dir->d_subdirs);
	for (;;) {
		struct dentry *next = next_positive(dir, &cursor->d_child);
		struct inode *inode;

		if (!next)
			break;
		dget(next);
		spin_unlock(&dcache_lock);
		inode = next->d_inode;
		if (filldir(buf, next->d_name.name, next->d_name.len,
			    file->f_pos, inode->i_ino, dt_type(inode))) {
			dput(next);
			return 0;
		}
		spin_lock(&dcache_lock);
		list_move(&cursor->d_child, &next->d_child);
		file->f_pos++;
		spin_unlock(&dcache_lock);
		dput(next);
		spin_lock(&dcache_lock);
	}
	spin_unlock(&dcache_lock);
	return 0;
}

/**
 * generic_read_dir - f_op->read of a directory
 * @file: the directory file
 * @ubuf: unused
 * @count: unused
 *
 * Context: process.
 * Return: -EISDIR.
 */
ssize_t generic_read_dir(struct file *file, char *ubuf, size_t count)
{
	return -EISDIR;
}

const struct file_operations simple_dir_operations = {
	.open = dcache_dir_open,
	.release = dcache_dir_close,
	.llseek = dcache_dir_lseek,
	.read = generic_read_dir,
	.readdir = dcache_readdir,
};

const struct inode_operations simple_dir_inode_operations = {
	.lookup = simple_lookup,
};
