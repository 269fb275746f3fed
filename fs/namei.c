// SPDX-License-Identifier: GPL-2.0
/*
 * fs/namei.c - path lookup, and the calls that change names: create,
 * mkdir, mknod, symlink, link, unlink, rmdir, rename; open's lookup.
 *
 * Linux 2.6: fs/namei.c (link_path_walk, do_lookup, follow_dotdot,
 * do_follow_link, lookup_create, vfs_create ... vfs_rename, lock_rename,
 * open_namei/do_filp_open).  Understanding the Linux Kernel, 3rd ed.,
 * chapter 12, section "Pathname Lookup" (and its subsections "Standard
 * Pathname Lookup", "Parent Pathname Lookup", "Lookup of Symbolic
 * Links"), section "Implementations of VFS System Calls".
 *
 * The walk.  A struct nameidata holds where the walk stands (nd->path:
 * a mount and a dentry, both referenced) and the walker's root.
 * link_path_walk() takes one name between slashes at a time: it checks
 * search (x) permission on the directory, handles "." and ".."
 * (follow_dotdot(), which climbs out of a mount's root to the dentry it
 * covers), finds the name's dentry in the dentry cache or asks the
 * directory's i_op->lookup (do_lookup()), steps onto whatever is mounted
 * there (follow_mount()), and follows a symbolic link by walking its
 * body from the link's directory, or from the root for an absolute one
 * (do_follow_link(), recursive: MAX_NESTED_LINKS deep, MAX_LINK_COUNT in
 * all, else -ELOOP).  The last name is followed if it is a link only with
 * LOOKUP_FOLLOW; with LOOKUP_PARENT the walk stops at its directory and
 * leaves the name in nd->last for the caller (create, unlink, rename).
 * A name longer than NAME_MAX is -ENAMETOOLONG, a path longer than
 * PATH_MAX too (getname()); a name after a non-directory is -ENOTDIR.
 *
 * Locking, for the whole VFS (docs/vfs.md has the reasons):
 *  1. dcache_lock (spinlock, fs/dcache.c): the dentry hash and tree,
 *     d_inode, d_name, d_parent, d_mounted, d_count reaching zero.
 *  2. vfsmount_lock (spinlock, fs/namespace.c): the mount hash and
 *     tree, taken inside dcache_lock when both are held.
 *  3. inode_lock (spinlock, fs/inode.c): super blocks' inode lists and
 *     i_count reaching zero.  Also sb_lock and file_systems_lock
 *     (fs/super.c) for their lists.  Spinlocks are innermost: nothing
 *     sleeps or takes a mutex under them.
 *  4. inode->i_mutex (mutex): held on a directory while a name in it is
 *     looked up by the file system, created, removed or renamed, and
 *     while it is read (readdir); held on a regular file while its data
 *     or size change or are read (fs/ramfs.c).  Order: parent before
 *     child; two directories of a rename are taken by lock_rename():
 *     the super block's s_vfs_rename_mutex first, then ancestor before
 *     descendant (any order for unrelated ones: only a renamer holds
 *     two directories, and renamers are serialized).  A walk holds no
 *     i_mutex between names, so it never waits while holding one.
 *  5. namespace_sem (mutex, fs/namespace.c) around mount and umount;
 *     it may be held while taking i_mutex, never the other way round.
 * References are counted (d_count, i_count, mnt_count, f_count), so an
 * object found under a spinlock stays valid after it is dropped.
 * Next: fs/open.c makes the struct file; fs/ramfs.c is a file system.
 */
#include <asm/uaccess.h>
#include <capability.h>
#include <errno.h>
#include <fs.h>
#include <fs_struct.h>
#include <kernel.h>
#include <sched.h>
#include <slab.h>
#include <string.h>
#include <syscalls.h>

/**
 * getname - copy a path from user space
 * @uname: the user pointer
 *
 * Context: process, may sleep.
 * Return: a kernel copy (putname() it), or ERR_PTR(-EFAULT) /
 * ERR_PTR(-ENAMETOOLONG) (PATH_MAX bytes without a NUL) /
 * ERR_PTR(-ENOMEM).  "" is returned as is: the walk decides.
 */
char *getname(const char *uname)
{
	char *name = kmalloc(PATH_MAX, GFP_KERNEL);
	long len;

	if (!name)
		return ERR_PTR(-ENOMEM);
	len = strncpy_from_user(name, uname, PATH_MAX);
	if (len < 0 || len == PATH_MAX) {
		kfree(name);
		return ERR_PTR(len < 0 ? len : -ENAMETOOLONG);
	}
	return name;
}

/**
 * putname - free what getname() returned
 * @name: the copy
 *
 * Context: any.
 */
void putname(char *name)
{
	kfree(name);
}

/**
 * path_get - take a reference on both parts of @path
 * @path: the path
 *
 * Context: any; the caller already holds one.
 */
void path_get(const struct path *path)
{
	mntget(path->mnt);
	dget(path->dentry);
}

/**
 * path_put - drop the references of @path
 * @path: the path
 *
 * Context: process, may sleep.
 */
void path_put(const struct path *path)
{
	dput(path->dentry);
	mntput(path->mnt);
}

/* Cross every mount stacked on @path's dentry. */
static void follow_mount(struct path *path)
{
	while (d_mountpoint(path->dentry) && follow_down(path))
		;
}

static void path_to_nameidata(struct path *path, struct nameidata *nd)
{
	path_put(&nd->path);
	nd->path = *path;
}

/*
 * "..": up one directory, but never above the walker's root; at the root
 * of a mount first out to the dentry it covers (maybe several stacked
 * mounts), then up; and onto whatever is mounted on where we land.
 */
static void follow_dotdot(struct nameidata *nd)
{
	for (;;) {
		if (nd->path.dentry == nd->root.dentry &&
		    nd->path.mnt == nd->root.mnt)
			break;
		if (nd->path.dentry != nd->path.mnt->mnt_root) {
			struct dentry *parent = dget_parent(nd->path.dentry);

			dput(nd->path.dentry);
			nd->path.dentry = parent;
			break;
		}
		if (!follow_up(&nd->path))
			break;
	}
	follow_mount(&nd->path);
}

/* A cached dentry that its file system says is stale: forget it. */
static struct dentry *revalidate(struct dentry *dentry, struct nameidata *nd)
{
	if (dentry && dentry->d_op && dentry->d_op->d_revalidate &&
	    !dentry->d_op->d_revalidate(dentry, nd)) {
		if (!d_mountpoint(dentry))
			d_drop(dentry);
		dput(dentry);
		return NULL;
	}
	return dentry;
}

/*
 * @name in @base, with @base's i_mutex held: the dentry cache, else the
 * file system's lookup (which d_add()s the dentry, positive or negative).
 */
static struct dentry *__lookup_hash(const struct qstr *name,
				    struct dentry *base, struct nameidata *nd)
{
	struct inode *dir = base->d_inode;
	struct dentry *dentry, *new;

	dentry = revalidate(d_lookup(base, name), nd);
	if (dentry)
		return dentry;
	if (IS_DEADDIR(dir))
		return ERR_PTR(-ENOENT);
	if (!dir->i_op || !dir->i_op->lookup)
		return ERR_PTR(-ENOTDIR);
	new = d_alloc(base, name);
	if (!new)
		return ERR_PTR(-ENOMEM);
	dentry = dir->i_op->lookup(dir, new, nd);
	if (dentry)
		dput(new);	/* the file system had another one, or failed */
	else
		dentry = new;
	return dentry;
}

/* The dentry cache missed: ask the file system, under i_mutex. */
static struct dentry *real_lookup(struct dentry *parent,
				  const struct qstr *name,
				  struct nameidata *nd)
{
	struct inode *dir = parent->d_inode;
	struct dentry *dentry;

	mutex_lock(&dir->i_mutex);
	/* Another walker may have looked it up while we waited. */
	dentry = __lookup_hash(name, parent, nd);
	mutex_unlock(&dir->i_mutex);
	return dentry;
}

static int do_lookup(struct nameidata *nd, const struct qstr *name,
		     struct path *path)
{
	struct dentry *dentry;

	dentry = revalidate(d_lookup(nd->path.dentry, name), nd);
	if (!dentry) {
		dentry = real_lookup(nd->path.dentry, name, nd);
		if (IS_ERR(dentry))
			return PTR_ERR(dentry);
	}
	path->mnt = mntget(nd->path.mnt);
	path->dentry = dentry;
	follow_mount(path);
	return 0;
}

/*
 * Walk a link's body: from the root for "/...", else from the link's
 * directory, where nd->path stands.
 */
static int __vfs_follow_link(struct nameidata *nd, const char *link)
{
	if (*link == '/') {
		path_put(&nd->path);
		nd->path = nd->root;
		path_get(&nd->path);
	}
	return link_path_walk(link, nd);
}

/*
 * Follow the symlink @link (whose directory nd->path is).  Consumes
 * @link; on error nd->path is released too, as link_path_walk() does.
 */
static int do_follow_link(struct path *link, struct nameidata *nd)
{
	struct inode *inode = link->dentry->d_inode;
	void *cookie;
	int err;

	if (nd->depth >= MAX_NESTED_LINKS ||
	    nd->total_links >= MAX_LINK_COUNT) {
		path_put(link);
		path_put(&nd->path);
		return -ELOOP;
	}
	nd->depth++;
	nd->total_links++;
	nd_set_link(nd, NULL);
	cookie = inode->i_op->follow_link(link->dentry, nd);
	if (IS_ERR(cookie)) {
		err = PTR_ERR(cookie);
		path_put(&nd->path);
	} else {
		char *body = nd_get_link(nd);

		/* No body: follow_link moved nd->path itself (proc). */
		err = body ? __vfs_follow_link(nd, body) : 0;
		if (inode->i_op->put_link)
			inode->i_op->put_link(link->dentry, nd, cookie);
	}
	nd->depth--;
	path_put(link);
	return err;
}

static bool is_symlink(struct inode *inode)
{
	return inode && inode->i_op && inode->i_op->follow_link;
}

static int last_type_of(const struct qstr *name)
{
	if (name->name[0] == '.' && name->len == 1)
		return LAST_DOT;
	if (name->name[0] == '.' && name->name[1] == '.' && name->len == 2)
		return LAST_DOTDOT;
	return LAST_NORM;
}

/**
 * link_path_walk - walk @name from nd->path
 * @name: the path (kernel memory), relative to nd->path; leading
 *	slashes skipped (the caller set nd->path to the root for them)
 * @nd: the walk: nd->path and nd->root set and referenced
 *
 * Context: process, may sleep; no lock held.
 * Return: 0 with nd->path at the result (or, with LOOKUP_PARENT, at the
 * last name's directory and nd->last/last_type set); or an error with
 * nd->path released: -ENOENT, -ENOTDIR, -ENAMETOOLONG, -ELOOP, -EACCES,
 * -ENOMEM.
 */
int link_path_walk(const char *name, struct nameidata *nd)
{
	/* Inside a link's body the end is always followed, never a parent. */
	unsigned int lookup_flags = nd->depth ? LOOKUP_FOLLOW : nd->flags;
	struct inode *inode;
	struct path next;
	int err;

	while (*name == '/')
		name++;
	if (!*name)
		return 0;

	for (;;) {
		struct qstr this;
		unsigned int len;

		inode = nd->path.dentry->d_inode;
		err = permission(inode, MAY_EXEC);
		if (err)
			break;
		for (len = 0; name[len] && name[len] != '/'; len++)
			;
		if (len > NAME_MAX) {
			err = -ENAMETOOLONG;
			break;
		}
		this.name = name;
		this.len = len;
		this.hash = full_name_hash(name, len);
		name += len;
		if (!*name)
			goto last_component;
		while (*name == '/')
			name++;
		if (!*name)
			goto last_with_slashes;

		/* A directory on the way. */
		if (last_type_of(&this) == LAST_DOT)
			continue;
		if (last_type_of(&this) == LAST_DOTDOT) {
			follow_dotdot(nd);
			continue;
		}
		err = do_lookup(nd, &this, &next);
		if (err)
			break;
		inode = next.dentry->d_inode;
		if (!inode) {
			path_put(&next);
			err = -ENOENT;
			break;
		}
		if (is_symlink(inode)) {
			err = do_follow_link(&next, nd);
			if (err)
				return err;
			inode = nd->path.dentry->d_inode;
		} else {
			path_to_nameidata(&next, nd);
		}
		err = -ENOTDIR;
		if (!inode->i_op || !inode->i_op->lookup)
			break;
		continue;

last_with_slashes:
		lookup_flags |= LOOKUP_FOLLOW | LOOKUP_DIRECTORY;
last_component:
		if (lookup_flags & LOOKUP_PARENT) {
			nd->last = this;
			nd->last_type = last_type_of(&this);
			return 0;
		}
		if (last_type_of(&this) == LAST_DOTDOT) {
			follow_dotdot(nd);
			inode = nd->path.dentry->d_inode;
		} else if (last_type_of(&this) == LAST_NORM) {
			err = do_lookup(nd, &this, &next);
			if (err)
				break;
			inode = next.dentry->d_inode;
			if (is_symlink(inode) && (lookup_flags & LOOKUP_FOLLOW)) {
				err = do_follow_link(&next, nd);
				if (err)
					return err;
				inode = nd->path.dentry->d_inode;
			} else {
				path_to_nameidata(&next, nd);
			}
		}
		err = -ENOENT;
		if (!inode)
			break;
		err = -ENOTDIR;
		if ((lookup_flags & LOOKUP_DIRECTORY) &&
		    (!inode->i_op || !inode->i_op->lookup))
			break;
		return 0;
	}
	path_put(&nd->path);
	return err;
}

/* Where a walk of @name starts; Return: 0 or an error (nothing held). */
static int path_init(int dfd, const char *name, unsigned int flags,
		     struct nameidata *nd)
{
	struct path pwd;
	int err = 0;

	nd->flags = flags;
	nd->depth = 0;
	nd->total_links = 0;
	nd->last_type = LAST_ROOT;
	nd->last.name = NULL;
	if (!current->fs)
		return -ENOENT;
	get_fs_root_and_pwd(current->fs, &nd->root, &pwd);
	if (!nd->root.dentry)
		return -ENOENT;		/* before the VFS has a root */
	if (*name == '/') {
		nd->path = nd->root;
		path_get(&nd->path);
	} else if (dfd == AT_FDCWD) {
		nd->path = pwd;
		path_get(&nd->path);
	} else {
		struct file *f = fget(dfd);

		if (!f)
			err = -EBADF;
		else if (!f->f_dentry)
			err = -ENOTDIR;
		else if (*name && !S_ISDIR(f->f_dentry->d_inode->i_mode))
			err = -ENOTDIR;
		if (!err) {
			nd->path.mnt = mntget(f->f_vfsmnt);
			nd->path.dentry = dget(f->f_dentry);
		}
		if (f)
			fput(f);
	}
	path_put(&pwd);
	if (err)
		path_put(&nd->root);
	return err;
}

/**
 * path_lookupat - walk @name from @dfd (or the working directory)
 * @dfd: a directory descriptor, or AT_FDCWD
 * @name: the path, in kernel memory ("" only with LOOKUP_EMPTY)
 * @flags: LOOKUP_*
 * @nd: filled: on success nd->path holds the result
 *
 * Context: process, may sleep.
 * Return: 0 or an error of link_path_walk(), -EBADF, -ENOENT.
 */
int path_lookupat(int dfd, const char *name, unsigned int flags,
		  struct nameidata *nd)
{
	int err = path_init(dfd, name, flags, nd);

	if (err)
		return err;
	if (!*name && !(flags & LOOKUP_EMPTY)) {
		path_put(&nd->path);
		err = -ENOENT;
	} else {
		err = link_path_walk(name, nd);
	}
	path_put(&nd->root);
	nd->root.mnt = NULL;
	nd->root.dentry = NULL;
	return err;
}

/**
 * path_lookup - path_lookupat() from the working directory
 * @name: the path (kernel memory)
 * @flags: LOOKUP_*
 * @nd: filled
 *
 * Context: process, may sleep.
 * Return: 0 or an error.
 */
int path_lookup(const char *name, unsigned int flags, struct nameidata *nd)
{
	return path_lookupat(AT_FDCWD, name, flags, nd);
}

/**
 * kern_path - the path a kernel string names
 * @name: the path
 * @flags: LOOKUP_FOLLOW, LOOKUP_DIRECTORY
 * @path: filled with references (path_put() it)
 *
 * Context: process, may sleep.
 * Return: 0 or an error.
 */
int kern_path(const char *name, unsigned int flags, struct path *path)
{
	struct nameidata nd;
	int err = path_lookupat(AT_FDCWD, name, flags, &nd);

	if (!err)
		*path = nd.path;
	return err;
}

/**
 * user_path_at - the path a user string names, from @dfd
 * @dfd: a directory descriptor or AT_FDCWD
 * @uname: the user pointer
 * @flags: LOOKUP_*
 * @path: filled with references
 *
 * Context: process, may sleep.
 * Return: 0 or an error (-EFAULT for a bad pointer).
 */
int user_path_at(int dfd, const char *uname, unsigned int flags,
		 struct path *path)
{
	char *name = getname(uname);
	struct nameidata nd;
	int err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = path_lookupat(dfd, name, flags, &nd);
	if (!err)
		*path = nd.path;
	putname(name);
	return err;
}

/**
 * lookup_one_len - look up one name in a directory, for kernel code
 * @name: the name (no slashes)
 * @base: the directory; its i_mutex held by the caller
 * @len: the name's length
 *
 * Context: process, may sleep.
 * Return: the dentry (maybe negative) or an ERR_PTR.
 */
struct dentry *lookup_one_len(const char *name, struct dentry *base,
			      int len)
{
	struct qstr this = { .name = name, .len = len };

	if (!len || len > NAME_MAX)
		return ERR_PTR(len ? -ENAMETOOLONG : -EACCES);
	for (int i = 0; i < len; i++)
		if (name[i] == '/')
			return ERR_PTR(-EACCES);
	this.hash = full_name_hash(name, len);
	return __lookup_hash(&this, base, NULL);
}

/* ---- the checks every change of a name makes ---- */

static int may_create(struct inode *dir, struct dentry *child)
{
	if (child->d_inode)
		return -EEXIST;
	if (IS_DEADDIR(dir))
		return -ENOENT;
	return permission(dir, MAY_WRITE | MAY_EXEC);
}

/* In a sticky directory (/tmp) only a file's or the directory's owner. */
static bool check_sticky(struct inode *dir, struct inode *inode)
{
	if (!(dir->i_mode & S_ISVTX))
		return false;
	if (inode->i_uid == current->euid || dir->i_uid == current->euid)
		return false;
	return !capable(CAP_FOWNER);
}

static int may_delete(struct inode *dir, struct dentry *victim, bool isdir)
{
	struct inode *inode = victim->d_inode;
	int err;

	if (!inode)
		return -ENOENT;
	BUG_ON(victim->d_parent->d_inode != dir);
	err = permission(dir, MAY_WRITE | MAY_EXEC);
	if (err)
		return err;
	if (check_sticky(dir, inode))
		return -EPERM;
	if (isdir) {
		if (!S_ISDIR(inode->i_mode))
			return -ENOTDIR;
		if (IS_ROOT(victim))
			return -EBUSY;
	} else if (S_ISDIR(inode->i_mode)) {
		return -EISDIR;
	}
	if (IS_DEADDIR(dir))
		return -ENOENT;
	return 0;
}

/**
 * vfs_create - create a regular file
 * @dir: the directory; its i_mutex held
 * @dentry: the negative dentry of the name
 * @mode: permission bits (umask already applied)
 * @nd: the walk, or NULL
 *
 * Context: process, may sleep.
 * Return: 0 (the dentry is positive), -EEXIST, -EACCES, -EROFS, -ENOENT
 * (a removed directory), -ENOSPC, -ENOMEM.
 */
int vfs_create(struct inode *dir, struct dentry *dentry, int mode,
	       struct nameidata *nd)
{
	int err = may_create(dir, dentry);

	if (err)
		return err;
	if (!dir->i_op->create)
		return -EACCES;
	return dir->i_op->create(dir, dentry, (mode & 07777) | S_IFREG, nd);
}

/**
 * vfs_mkdir - create a directory
 * @dir: the parent; its i_mutex held
 * @dentry: the negative dentry
 * @mode: permission bits
 *
 * Context: process, may sleep.
 * Return: 0 or as vfs_create(); -EPERM if the file system has no mkdir.
 */
int vfs_mkdir(struct inode *dir, struct dentry *dentry, int mode)
{
	int err = may_create(dir, dentry);

	if (err)
		return err;
	if (!dir->i_op->mkdir)
		return -EPERM;
	return dir->i_op->mkdir(dir, dentry, mode & 07777);
}

/**
 * vfs_mknod - create a device node, FIFO or regular file
 * @dir: the parent; its i_mutex held
 * @dentry: the negative dentry
 * @mode: type and permission bits
 * @dev: the device number
 *
 * Context: process, may sleep.
 * Return: 0, -EPERM (a device node without CAP_MKNOD), or as vfs_create().
 */
int vfs_mknod(struct inode *dir, struct dentry *dentry, int mode, dev_t dev)
{
	int err = may_create(dir, dentry);

	if (err)
		return err;
	if ((S_ISCHR(mode) || S_ISBLK(mode)) && !capable(CAP_MKNOD))
		return -EPERM;
	if (!dir->i_op->mknod)
		return -EPERM;
	return dir->i_op->mknod(dir, dentry, mode, dev);
}

/**
 * vfs_symlink - create a symbolic link
 * @dir: the parent; its i_mutex held
 * @dentry: the negative dentry
 * @target: the link's body
 *
 * Context: process, may sleep.
 * Return: 0 or as vfs_create().
 */
int vfs_symlink(struct inode *dir, struct dentry *dentry, const char *target)
{
	int err = may_create(dir, dentry);

	if (err)
		return err;
	if (!dir->i_op->symlink)
		return -EPERM;
	return dir->i_op->symlink(dir, dentry, target);
}

/**
 * vfs_link - give an existing file a second name
 * @old: the file's dentry
 * @dir: the new name's directory; its i_mutex held
 * @new: the negative dentry of the new name
 *
 * Context: process, may sleep.
 * Return: 0, -EXDEV, -EPERM (a directory), or as vfs_create().
 */
int vfs_link(struct dentry *old, struct inode *dir, struct dentry *new)
{
	struct inode *inode = old->d_inode;
	int err;

	if (!inode)
		return -ENOENT;
	err = may_create(dir, new);
	if (err)
		return err;
	if (dir->i_sb != inode->i_sb)
		return -EXDEV;
	if (S_ISDIR(inode->i_mode) || !dir->i_op->link)
		return -EPERM;
	mutex_lock(&inode->i_mutex);
	err = inode->i_nlink ? dir->i_op->link(old, dir, new) : -ENOENT;
	mutex_unlock(&inode->i_mutex);
	return err;
}

/**
 * vfs_rmdir - remove an empty directory
 * @dir: the parent; its i_mutex held
 * @dentry: the directory's dentry
 *
 * Context: process, may sleep.
 * Return: 0, -ENOTEMPTY, -EBUSY (a mount point or a root), -ENOTDIR,
 * -EACCES, -EPERM (sticky), -EROFS.
 */
int vfs_rmdir(struct inode *dir, struct dentry *dentry)
{
	int err = may_delete(dir, dentry, true);

	if (err)
		return err;
	if (!dir->i_op->rmdir)
		return -EPERM;
	mutex_lock(&dentry->d_inode->i_mutex);
	if (d_mountpoint(dentry)) {
		err = -EBUSY;
	} else {
		err = dir->i_op->rmdir(dir, dentry);
		if (!err)
			dentry->d_inode->i_flags |= S_DEAD;
	}
	mutex_unlock(&dentry->d_inode->i_mutex);
	if (!err)
		d_delete(dentry);
	return err;
}

/**
 * vfs_unlink - remove a name of a non-directory
 * @dir: the parent; its i_mutex held
 * @dentry: the name's dentry
 *
 * The file itself goes when its last name and last user are gone.
 * Context: process, may sleep.
 * Return: 0, -EISDIR, -EBUSY (a mount point), -EACCES, -EPERM, -EROFS.
 */
int vfs_unlink(struct inode *dir, struct dentry *dentry)
{
	int err = may_delete(dir, dentry, false);

	if (err)
		return err;
	if (!dir->i_op->unlink)
		return -EPERM;
	if (d_mountpoint(dentry))
		return -EBUSY;
	err = dir->i_op->unlink(dir, dentry);
	if (!err)
		d_delete(dentry);
	return err;
}

/**
 * vfs_rename - rename @old_dentry to @new_dentry
 * @old_dir: the source directory
 * @old_dentry: the source name
 * @new_dir: the target directory
 * @new_dentry: the target name (negative, or a file it replaces)
 *
 * Context: process, may sleep; lock_rename() held on both directories.
 * Return: 0, -ENOTEMPTY, -EISDIR, -ENOTDIR, -EBUSY, -EACCES, -EPERM,
 * -EROFS.
 */
int vfs_rename(struct inode *old_dir, struct dentry *old_dentry,
	       struct inode *new_dir, struct dentry *new_dentry)
{
	struct inode *source = old_dentry->d_inode;
	struct inode *target = new_dentry->d_inode;
	bool is_dir;
	int err;

	if (source == target)
		return 0;
	if (!source)
		return -ENOENT;
	is_dir = S_ISDIR(source->i_mode);
	err = may_delete(old_dir, old_dentry, is_dir);
	if (err)
		return err;
	err = target ? may_delete(new_dir, new_dentry, is_dir)
		     : may_create(new_dir, new_dentry);
	if (err)
		return err;
	if (!old_dir->i_op->rename)
		return -EPERM;
	/* A directory that moves rewrites its "..": it must be writable. */
	if (is_dir && new_dir != old_dir) {
		err = permission(source, MAY_WRITE);
		if (err)
			return err;
	}
	if (d_mountpoint(old_dentry) || d_mountpoint(new_dentry))
		return -EBUSY;
	if (target && is_dir)
		mutex_lock(&target->i_mutex);
	err = old_dir->i_op->rename(old_dir, old_dentry, new_dir, new_dentry);
	if (!err) {
		if (target && is_dir)
			target->i_flags |= S_DEAD;
		d_move(old_dentry, new_dentry);
	}
	if (target && is_dir)
		mutex_unlock(&target->i_mutex);
	return err;
}

/**
 * lock_rename - take the i_mutex of a rename's two directories
 * @p1: one directory
 * @p2: the other (maybe the same)
 *
 * Context: process, may sleep.
 * Return: NULL, or, when one is an ancestor of the other, the child of
 * the ancestor on the way to the other: a rename of that would put a
 * directory inside itself (the caller's -EINVAL / -ENOTEMPTY).
 */
struct dentry *lock_rename(struct dentry *p1, struct dentry *p2)
{
	struct dentry *p;

	if (p1 == p2) {
		mutex_lock(&p1->d_inode->i_mutex);
		return NULL;
	}
	mutex_lock(&p1->d_inode->i_sb->s_vfs_rename_mutex);
	/* d_parent changes only in a cross-directory rename: we exclude
	 * them all now, so these walks up are stable. */
	for (p = p2; !IS_ROOT(p); p = p->d_parent)
		if (p->d_parent == p1) {
			mutex_lock(&p1->d_inode->i_mutex);
			mutex_lock_nested(&p2->d_inode->i_mutex, 1);
			return p;
		}
	for (p = p1; !IS_ROOT(p); p = p->d_parent)
		if (p->d_parent == p2) {
			mutex_lock(&p2->d_inode->i_mutex);
			mutex_lock_nested(&p1->d_inode->i_mutex, 1);
			return p;
		}
	mutex_lock(&p1->d_inode->i_mutex);
	mutex_lock_nested(&p2->d_inode->i_mutex, 1);
	return NULL;
}

/**
 * unlock_rename - undo lock_rename()
 * @p1: as given to lock_rename()
 * @p2: likewise
 *
 * Context: process.
 */
void unlock_rename(struct dentry *p1, struct dentry *p2)
{
	mutex_unlock(&p1->d_inode->i_mutex);
	if (p1 != p2) {
		mutex_unlock(&p2->d_inode->i_mutex);
		mutex_unlock(&p1->d_inode->i_sb->s_vfs_rename_mutex);
	}
}

/* A name followed by a slash ("dir/"): the name must be a directory. */
static bool trailing_slash(const struct nameidata *nd)
{
	return nd->last.name && nd->last.name[nd->last.len] != '\0';
}

/*
 * The negative dentry for a new name, with the parent's i_mutex taken
 * (also on error: the caller unlocks).  -EEXIST if it exists.
 */
static struct dentry *lookup_create(struct nameidata *nd, bool is_dir)
{
	struct dentry *dentry;

	mutex_lock(&nd->path.dentry->d_inode->i_mutex);
	if (nd->last_type != LAST_NORM)
		return ERR_PTR(-EEXIST);
	dentry = __lookup_hash(&nd->last, nd->path.dentry, nd);
	if (IS_ERR(dentry))
		return dentry;
	if (dentry->d_inode) {
		dput(dentry);
		return ERR_PTR(-EEXIST);
	}
	if (!is_dir && trailing_slash(nd)) {
		dput(dentry);
		return ERR_PTR(-ENOENT);
	}
	return dentry;
}

static void unlock_dir(struct nameidata *nd)
{
	mutex_unlock(&nd->path.dentry->d_inode->i_mutex);
}

/* ---- open ---- */

/* May the file at @path be opened with @flags?  Truncates for O_TRUNC. */
static int may_open(struct path *path, int flags)
{
	struct dentry *dentry = path->dentry;
	struct inode *inode = dentry->d_inode;
	int acc = flags & O_ACCMODE, mask = 0, err;

	if (!inode)
		return -ENOENT;
	if (S_ISLNK(inode->i_mode))
		return -ELOOP;
	if (S_ISDIR(inode->i_mode) && (acc != O_RDONLY || (flags & O_TRUNC)))
		return -EISDIR;
	if ((flags & O_DIRECTORY) && !S_ISDIR(inode->i_mode))
		return -ENOTDIR;
	if ((S_ISCHR(inode->i_mode) || S_ISBLK(inode->i_mode)) &&
	    (path->mnt->mnt_flags & MNT_NODEV))
		return -EACCES;
	if (acc != O_WRONLY)
		mask |= MAY_READ;
	if (acc != O_RDONLY || (flags & O_TRUNC))
		mask |= MAY_WRITE;
	err = permission(inode, mask);
	if (err)
		return err;
	if ((flags & O_TRUNC) && S_ISREG(inode->i_mode))
		err = do_truncate(dentry, 0);
	return err;
}

/* O_CREAT: the parent walk, then the name created or found. */
static int open_create(int dfd, const char *pathname, int flags, int mode,
		       struct path *path)
{
	struct nameidata nd;
	struct dentry *dir, *dentry;
	int err;

	err = path_lookupat(dfd, pathname, LOOKUP_PARENT | LOOKUP_CREATE |
			    LOOKUP_OPEN, &nd);
	if (err)
		return err;
	if (nd.last_type != LAST_NORM || trailing_slash(&nd)) {
		path_put(&nd.path);
		return -EISDIR;
	}
	dir = nd.path.dentry;
	mutex_lock(&dir->d_inode->i_mutex);
	dentry = __lookup_hash(&nd.last, dir, &nd);
	if (IS_ERR(dentry)) {
		mutex_unlock(&dir->d_inode->i_mutex);
		path_put(&nd.path);
		return PTR_ERR(dentry);
	}
	if (!dentry->d_inode) {
		mode &= ~current->fs->umask;
		err = vfs_create(dir->d_inode, dentry, mode, &nd);
		mutex_unlock(&dir->d_inode->i_mutex);
		if (err) {
			dput(dentry);
			path_put(&nd.path);
			return err;
		}
		path->mnt = mntget(nd.path.mnt);
		path->dentry = dentry;
		path_put(&nd.path);
		return 1;		/* created: no permission check, no trunc */
	}
	mutex_unlock(&dir->d_inode->i_mutex);
	path->mnt = mntget(nd.path.mnt);
	path->dentry = dentry;
	path_put(&nd.path);
	if (flags & O_EXCL) {
		path_put(path);
		return -EEXIST;
	}
	follow_mount(path);
	if (is_symlink(path->dentry->d_inode)) {
		/* The file the link names, which must exist: a dangling
		 * link is -ENOENT here, where Linux creates its target. */
		path_put(path);
		if (flags & O_NOFOLLOW)
			return -ELOOP;
		err = path_lookupat(dfd, pathname, LOOKUP_FOLLOW, &nd);
		if (err)
			return err;
		*path = nd.path;
	}
	if (S_ISDIR(path->dentry->d_inode->i_mode)) {
		path_put(path);
		return -EISDIR;
	}
	return 0;
}

/**
 * do_filp_open - open(2)'s work: walk, create, check, open
 * @dfd: a directory descriptor or AT_FDCWD
 * @pathname: the path (kernel memory)
 * @flags: O_* flags
 * @mode: permission bits for O_CREAT
 *
 * Context: process, may sleep.
 * Return: the file, or an ERR_PTR: -ENOENT, -EEXIST, -EISDIR, -ENOTDIR,
 * -ELOOP, -EACCES, -EROFS, -ENAMETOOLONG, -EINVAL, -ENXIO, -ENOMEM ...
 */
struct file *do_filp_open(int dfd, const char *pathname, int flags,
			  int mode)
{
	struct nameidata nd;
	struct path path;
	int err;

	if ((flags & O_ACCMODE) == O_ACCMODE)
		return ERR_PTR(-EINVAL);
	if (flags & O_CREAT) {
		err = open_create(dfd, pathname, flags, mode, &path);
		if (err < 0)
			return ERR_PTR(err);
		if (err == 1)
			return dentry_open(path.dentry, path.mnt, flags);
	} else {
		unsigned int lf = flags & O_NOFOLLOW ? 0 : LOOKUP_FOLLOW;

		if (flags & O_DIRECTORY)
			lf |= LOOKUP_DIRECTORY;
		err = path_lookupat(dfd, pathname, lf | LOOKUP_OPEN, &nd);
		if (err)
			return ERR_PTR(err);
		path = nd.path;
	}
	err = may_open(&path, flags);
	if (err) {
		path_put(&path);
		return ERR_PTR(err);
	}
	return dentry_open(path.dentry, path.mnt, flags);
}

/**
 * filp_open - open a file by a kernel path, for kernel code
 * @filename: the path
 * @flags: O_* flags
 * @mode: permission bits for O_CREAT
 *
 * Context: process, may sleep.
 * Return: the file or an ERR_PTR.
 */
struct file *filp_open(const char *filename, int flags, int mode)
{
	return do_filp_open(AT_FDCWD, filename, flags, mode);
}

/* ---- the calls that change names ---- */

/**
 * do_mkdirat - mkdirat(2) with a kernel path
 * @dfd: a directory descriptor or AT_FDCWD
 * @pathname: the new directory
 * @mode: its permission bits (the umask is applied)
 *
 * Context: process, may sleep.
 * Return: 0 or an error.
 */
long do_mkdirat(int dfd, const char *pathname, int mode)
{
	struct nameidata nd;
	struct dentry *dentry;
	long err;

	err = path_lookupat(dfd, pathname, LOOKUP_PARENT, &nd);
	if (err)
		return err;
	dentry = lookup_create(&nd, true);
	err = PTR_ERR(dentry);
	if (!IS_ERR(dentry)) {
		err = vfs_mkdir(nd.path.dentry->d_inode, dentry,
				mode & ~current->fs->umask & 07777);
		dput(dentry);
	}
	unlock_dir(&nd);
	path_put(&nd.path);
	return err;
}

/**
 * do_mknodat - mknodat(2) with a kernel path
 * @dfd: a directory descriptor or AT_FDCWD
 * @pathname: the new node
 * @mode: type (S_IFCHR, S_IFBLK, S_IFIFO, S_IFREG or 0) and bits
 * @dev: the device number
 *
 * Context: process, may sleep.
 * Return: 0 or an error (-EPERM for a directory).
 */
long do_mknodat(int dfd, const char *pathname, int mode, dev_t dev)
{
	struct nameidata nd;
	struct dentry *dentry;
	long err;

	if (S_ISDIR(mode))
		return -EPERM;
	if (!(mode & S_IFMT))
		mode |= S_IFREG;
	err = path_lookupat(dfd, pathname, LOOKUP_PARENT, &nd);
	if (err)
		return err;
	dentry = lookup_create(&nd, false);
	err = PTR_ERR(dentry);
	if (!IS_ERR(dentry)) {
		mode = (mode & S_IFMT) | (mode & ~current->fs->umask & 07777);
		if (S_ISREG(mode))
			err = vfs_create(nd.path.dentry->d_inode, dentry,
					 mode, &nd);
		else
			err = vfs_mknod(nd.path.dentry->d_inode, dentry,
					mode, dev);
		dput(dentry);
	}
	unlock_dir(&nd);
	path_put(&nd.path);
	return err;
}

/**
 * do_symlinkat - symlinkat(2) with kernel strings
 * @target: the link's body (not looked up)
 * @newdfd: a directory descriptor or AT_FDCWD
 * @newname: the link's name
 *
 * Context: process, may sleep.
 * Return: 0 or an error (-ENOENT for an empty body).
 */
long do_symlinkat(const char *target, int newdfd, const char *newname)
{
	struct nameidata nd;
	struct dentry *dentry;
	long err;

	if (!*target)
		return -ENOENT;
	err = path_lookupat(newdfd, newname, LOOKUP_PARENT, &nd);
	if (err)
		return err;
	dentry = lookup_create(&nd, false);
	err = PTR_ERR(dentry);
	if (!IS_ERR(dentry)) {
		err = vfs_symlink(nd.path.dentry->d_inode, dentry, target);
		dput(dentry);
	}
	unlock_dir(&nd);
	path_put(&nd.path);
	return err;
}

/**
 * do_linkat - linkat(2) with kernel paths
 * @olddfd: a directory descriptor or AT_FDCWD
 * @oldname: the existing file
 * @newdfd: likewise for the new name
 * @newname: the new name
 * @flags: AT_SYMLINK_FOLLOW, AT_EMPTY_PATH
 *
 * Context: process, may sleep.
 * Return: 0, -EXDEV, -EPERM (a directory), -EEXIST, or an error of
 * the walks.
 */
long do_linkat(int olddfd, const char *oldname, int newdfd,
	       const char *newname, int flags)
{
	struct nameidata nd;
	struct dentry *dentry;
	struct path old;
	long err;

	if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	err = path_lookupat(olddfd, oldname,
			    (flags & AT_SYMLINK_FOLLOW ? LOOKUP_FOLLOW : 0) |
			    (flags & AT_EMPTY_PATH ? LOOKUP_EMPTY : 0), &nd);
	if (err)
		return err;
	old = nd.path;
	err = path_lookupat(newdfd, newname, LOOKUP_PARENT, &nd);
	if (err)
		goto out;
	err = -EXDEV;
	if (old.mnt != nd.path.mnt)
		goto out_nd;
	dentry = lookup_create(&nd, false);
	err = PTR_ERR(dentry);
	if (!IS_ERR(dentry)) {
		err = vfs_link(old.dentry, nd.path.dentry->d_inode, dentry);
		dput(dentry);
	}
	unlock_dir(&nd);
out_nd:
	path_put(&nd.path);
out:
	path_put(&old);
	return err;
}

static long do_rmdir(int dfd, const char *pathname)
{
	struct nameidata nd;
	struct dentry *dentry;
	long err;

	err = path_lookupat(dfd, pathname, LOOKUP_PARENT, &nd);
	if (err)
		return err;
	switch (nd.last_type) {
	case LAST_DOTDOT:
		err = -ENOTEMPTY;
		goto out;
	case LAST_DOT:
		err = -EINVAL;
		goto out;
	case LAST_ROOT:
		err = -EBUSY;
		goto out;
	}
	mutex_lock(&nd.path.dentry->d_inode->i_mutex);
	dentry = __lookup_hash(&nd.last, nd.path.dentry, &nd);
	err = PTR_ERR(dentry);
	if (!IS_ERR(dentry)) {
		err = vfs_rmdir(nd.path.dentry->d_inode, dentry);
		dput(dentry);
	}
	unlock_dir(&nd);
out:
	path_put(&nd.path);
	return err;
}

static long do_unlink(int dfd, const char *pathname)
{
	struct nameidata nd;
	struct dentry *dentry;
	struct inode *inode = NULL;
	long err;

	err = path_lookupat(dfd, pathname, LOOKUP_PARENT, &nd);
	if (err)
		return err;
	err = -EISDIR;
	if (nd.last_type != LAST_NORM)
		goto out;
	mutex_lock(&nd.path.dentry->d_inode->i_mutex);
	dentry = __lookup_hash(&nd.last, nd.path.dentry, &nd);
	err = PTR_ERR(dentry);
	if (!IS_ERR(dentry)) {
		inode = dentry->d_inode;
		if (inode && trailing_slash(&nd))
			err = S_ISDIR(inode->i_mode) ? -EISDIR : -ENOTDIR;
		else
			err = vfs_unlink(nd.path.dentry->d_inode, dentry);
	}
	unlock_dir(&nd);
	/* The last reference, and the file's data, go with the directory
	 * unlocked: freeing many pages need not hold up its other users. */
	if (!IS_ERR(dentry))
		dput(dentry);
out:
	path_put(&nd.path);
	return err;
}

/**
 * do_unlinkat - unlinkat(2) with a kernel path
 * @dfd: a directory descriptor or AT_FDCWD
 * @pathname: the name
 * @flags: 0, or AT_REMOVEDIR (rmdir)
 *
 * Context: process, may sleep.
 * Return: 0 or an error.
 */
long do_unlinkat(int dfd, const char *pathname, int flags)
{
	if (flags & ~AT_REMOVEDIR)
		return -EINVAL;
	if (flags & AT_REMOVEDIR)
		return do_rmdir(dfd, pathname);
	return do_unlink(dfd, pathname);
}

/**
 * do_renameat - renameat(2) with kernel paths
 * @olddfd: a directory descriptor or AT_FDCWD
 * @oldname: the existing name
 * @newdfd: likewise for the new name
 * @newname: the new name (replaced if it exists)
 *
 * Context: process, may sleep.
 * Return: 0, -EXDEV (another mount), -EBUSY ("." or ".."), -EINVAL (a
 * directory into itself), -ENOTEMPTY, or an error of vfs_rename().
 */
long do_renameat(int olddfd, const char *oldname, int newdfd,
		 const char *newname)
{
	struct dentry *old_dir, *new_dir, *old_dentry, *new_dentry, *trap;
	struct nameidata oldnd, newnd;
	long err;

	err = path_lookupat(olddfd, oldname, LOOKUP_PARENT, &oldnd);
	if (err)
		return err;
	err = path_lookupat(newdfd, newname, LOOKUP_PARENT, &newnd);
	if (err)
		goto out_old;
	err = -EXDEV;
	if (oldnd.path.mnt != newnd.path.mnt)
		goto out_new;
	err = -EBUSY;
	if (oldnd.last_type != LAST_NORM || newnd.last_type != LAST_NORM)
		goto out_new;

	old_dir = oldnd.path.dentry;
	new_dir = newnd.path.dentry;
	trap = lock_rename(new_dir, old_dir);
	old_dentry = __lookup_hash(&oldnd.last, old_dir, &oldnd);
	err = PTR_ERR(old_dentry);
	if (IS_ERR(old_dentry))
		goto out_unlock;
	err = -ENOENT;
	if (!old_dentry->d_inode)
		goto out_dput_old;
	err = -ENOTDIR;
	if (!S_ISDIR(old_dentry->d_inode->i_mode) &&
	    (trailing_slash(&oldnd) || trailing_slash(&newnd)))
		goto out_dput_old;
	err = -EINVAL;
	if (old_dentry == trap)
		goto out_dput_old;
	new_dentry = __lookup_hash(&newnd.last, new_dir, &newnd);
	err = PTR_ERR(new_dentry);
	if (IS_ERR(new_dentry))
		goto out_dput_old;
	err = -ENOTEMPTY;
	if (new_dentry != trap)
		err = vfs_rename(old_dir->d_inode, old_dentry,
				 new_dir->d_inode, new_dentry);
	dput(new_dentry);
out_dput_old:
	dput(old_dentry);
out_unlock:
	unlock_rename(new_dir, old_dir);
out_new:
	path_put(&newnd.path);
out_old:
	path_put(&oldnd.path);
	return err;
}

/* ---- links: reading ---- */

/**
 * vfs_readlink - copy a link's body to user space, as readlink(2) does
 * @dentry: the link
 * @ubuf: the user buffer
 * @len: its size
 * @link: the body
 *
 * Context: process.
 * Return: bytes copied (no NUL; cut at @len), or -EFAULT.
 */
int vfs_readlink(struct dentry *dentry, char *ubuf, int len,
		 const char *link)
{
	int n;

	if (IS_ERR(link))
		return PTR_ERR(link);
	n = strlen(link);
	if (n > len)
		n = len;
	if (copy_to_user(ubuf, link, n))
		return -EFAULT;
	return n;
}

/**
 * generic_readlink - i_op->readlink for a link with a follow_link
 * @dentry: the link
 * @ubuf: the user buffer
 * @len: its size
 *
 * Context: process, may sleep.
 * Return: as vfs_readlink().
 */
int generic_readlink(struct dentry *dentry, char *ubuf, int len)
{
	struct inode *inode = dentry->d_inode;
	struct nameidata nd = { .depth = 0 };
	void *cookie;
	int res;

	nd_set_link(&nd, NULL);
	cookie = inode->i_op->follow_link(dentry, &nd);
	if (IS_ERR(cookie))
		return PTR_ERR(cookie);
	res = nd_get_link(&nd) ? vfs_readlink(dentry, ubuf, len,
					      nd_get_link(&nd)) : -EINVAL;
	if (inode->i_op->put_link)
		inode->i_op->put_link(dentry, &nd, cookie);
	return res;
}

/* ---- system calls ---- */

asmlinkage long sys_mkdirat(int dfd, const char *pathname, int mode)
{
	char *name = getname(pathname);
	long err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = do_mkdirat(dfd, name, mode);
	putname(name);
	return err;
}

asmlinkage long sys_mkdir(const char *pathname, int mode)
{
	return sys_mkdirat(AT_FDCWD, pathname, mode);
}

asmlinkage long sys_unlinkat(int dfd, const char *pathname, int flags)
{
	char *name = getname(pathname);
	long err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = do_unlinkat(dfd, name, flags);
	putname(name);
	return err;
}

asmlinkage long sys_unlink(const char *pathname)
{
	return sys_unlinkat(AT_FDCWD, pathname, 0);
}

asmlinkage long sys_rmdir(const char *pathname)
{
	return sys_unlinkat(AT_FDCWD, pathname, AT_REMOVEDIR);
}

asmlinkage long sys_symlinkat(const char *oldname, int newdfd,
			      const char *newname)
{
	char *from = getname(oldname), *to;
	long err;

	if (IS_ERR(from))
		return PTR_ERR(from);
	to = getname(newname);
	err = PTR_ERR(to);
	if (!IS_ERR(to)) {
		err = do_symlinkat(from, newdfd, to);
		putname(to);
	}
	putname(from);
	return err;
}

asmlinkage long sys_symlink(const char *oldname, const char *newname)
{
	return sys_symlinkat(oldname, AT_FDCWD, newname);
}

asmlinkage long sys_linkat(int olddfd, const char *oldname, int newdfd,
			   const char *newname, int flags)
{
	char *from = getname(oldname), *to;
	long err;

	if (IS_ERR(from))
		return PTR_ERR(from);
	to = getname(newname);
	err = PTR_ERR(to);
	if (!IS_ERR(to)) {
		err = do_linkat(olddfd, from, newdfd, to, flags);
		putname(to);
	}
	putname(from);
	return err;
}

asmlinkage long sys_link(const char *oldname, const char *newname)
{
	return sys_linkat(AT_FDCWD, oldname, AT_FDCWD, newname, 0);
}

asmlinkage long sys_renameat(int olddfd, const char *oldname, int newdfd,
			     const char *newname)
{
	char *from = getname(oldname), *to;
	long err;

	if (IS_ERR(from))
		return PTR_ERR(from);
	to = getname(newname);
	err = PTR_ERR(to);
	if (!IS_ERR(to)) {
		err = do_renameat(olddfd, from, newdfd, to);
		putname(to);
	}
	putname(from);
	return err;
}

asmlinkage long sys_rename(const char *oldname, const char *newname)
{
	return sys_renameat(AT_FDCWD, oldname, AT_FDCWD, newname);
}
