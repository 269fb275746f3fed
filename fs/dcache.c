// SPDX-License-Identifier: GPL-2.0
/*
 * fs/dcache.c - the dentry cache: names in directories, and the hash
 * table path lookup finds them in.
 *
 * Linux 2.6: fs/dcache.c (d_alloc, d_instantiate, d_lookup, dput,
 * d_move, d_path).  Understanding the Linux Kernel, 3rd ed., chapter 12,
 * sections "Dentry Objects" and "The Dentry Cache".
 * A dentry names one entry of a directory: its parent, its name, and the
 * inode it stands for (none for a negative dentry: a name looked up and
 * found missing).  Every dentry in use is on its parent's d_subdirs list,
 * and, once a file system said what the name is (d_add(), d_rehash()), in
 * dentry_hashtable under (parent, name): d_lookup() finds it there and
 * path lookup never asks the file system again.
 *
 * References: d_count counts users (a walk, an open file, a working
 * directory, a child, a mount on it).  Where Linux keeps a dentry whose
 * count drops to zero on an LRU list for later lookups (and prunes it
 * under memory pressure), this kernel frees it at once: the cache holds
 * only what something holds.  The file systems that live in the dcache
 * (ramfs, rootfs: fs/ramfs.c) pin every name they create with one extra
 * reference, as Linux's ramfs does, so their names are always found here;
 * unlink drops that pin.  Negative dentries thus last only as long as the
 * walk that made them, which also keeps the ktest runner's slab counts
 * exact (docs/vfs.md).
 *
 * Locking: dcache_lock (a spinlock) protects the hash table, every
 * d_subdirs/d_child list, d_parent, d_name, d_flags, d_inode and the
 * transition of d_count to zero (dput() decrements under it, and
 * d_lookup() takes a reference under it, so a dentry found in the hash
 * is never one being freed).  Taking a reference on a dentry one already
 * holds (dget()) needs no lock.  Next: fs/namei.c walks paths with these.
 */
#include <asm/uaccess.h>
#include <errno.h>
#include <fs.h>
#include <fs_struct.h>
#include <kernel.h>
#include <sched.h>
#include <slab.h>
#include <string.h>
#include <syscalls.h>

#define D_HASHBITS	8
#define D_HASHSIZE	(1U << D_HASHBITS)

DEFINE_SPINLOCK(dcache_lock);

static struct list_head dentry_hashtable[D_HASHSIZE];
static struct kmem_cache *dentry_cache;
static unsigned long nr_dentry;		/* dcache_lock */

/**
 * full_name_hash - the hash of a name, as dentries store it
 * @name: the bytes (not NUL-terminated)
 * @len: how many
 *
 * Context: any.
 * Return: the hash.
 */
unsigned int full_name_hash(const char *name, unsigned int len)
{
	unsigned int hash = 0;

	while (len--)
		hash = (hash + (unsigned char)*name++) * 0x9e370001U;
	return hash;
}

static struct list_head *d_hash(const struct dentry *parent,
				unsigned int hash)
{
	hash += (unsigned long)parent / sizeof(struct dentry);
	hash ^= hash >> D_HASHBITS;
	return &dentry_hashtable[hash & (D_HASHSIZE - 1)];
}

/**
 * d_alloc - a new dentry for @name in @parent
 * @parent: the directory (the caller holds a reference), or NULL for a
 *	root
 * @name: the name; copied
 *
 * The dentry is unhashed (lookups cannot find it) and negative; it holds
 * a reference on @parent.
 * Context: process, may sleep.
 * Return: the dentry with one reference, or NULL (no memory).
 */
struct dentry *d_alloc(struct dentry *parent, const struct qstr *name)
{
	struct dentry *dentry = kmem_cache_zalloc(dentry_cache, GFP_KERNEL);
	char *dname = dentry ? dentry->d_iname : NULL;

	if (!dentry)
		return NULL;
	if (name->len >= DNAME_INLINE_LEN) {
		dname = kmalloc(name->len + 1, GFP_KERNEL);
		if (!dname) {
			kmem_cache_free(dentry_cache, dentry);
			return NULL;
		}
	}
	memcpy(dname, name->name, name->len);
	dname[name->len] = '\0';
	dentry->d_name.name = dname;
	dentry->d_name.len = name->len;
	dentry->d_name.hash = name->hash;
	atomic_set(&dentry->d_count, 1);
	dentry->d_flags = DCACHE_UNHASHED;
	INIT_LIST_HEAD(&dentry->d_hash);
	INIT_LIST_HEAD(&dentry->d_child);
	INIT_LIST_HEAD(&dentry->d_subdirs);
	INIT_LIST_HEAD(&dentry->d_alias);

	spin_lock(&dcache_lock);
	if (parent) {
		dentry->d_parent = dget(parent);
		dentry->d_sb = parent->d_sb;
		dentry->d_op = parent->d_op;
		list_add(&dentry->d_child, &parent->d_subdirs);
	} else {
		dentry->d_parent = dentry;
	}
	nr_dentry++;
	spin_unlock(&dcache_lock);
	return dentry;
}

/**
 * d_alloc_name - d_alloc() for a NUL-terminated name
 * @parent: the directory
 * @name: the name
 *
 * Context: process, may sleep.
 * Return: the dentry, or NULL.
 */
struct dentry *d_alloc_name(struct dentry *parent, const char *name)
{
	struct qstr q = { .name = name, .len = strlen(name) };

	q.hash = full_name_hash(name, q.len);
	return d_alloc(parent, &q);
}

/**
 * d_alloc_root - the root dentry of a new super block
 * @root_inode: its root directory's inode; the dentry takes the
 *	caller's reference
 *
 * Context: process (fill_super), may sleep.
 * Return: the dentry ("/", its own parent), or NULL; on NULL the caller
 * still owns its inode reference.
 */
struct dentry *d_alloc_root(struct inode *root_inode)
{
	static const struct qstr name = { .name = "/", .len = 1 };
	struct dentry *root = d_alloc(NULL, &name);

	if (root) {
		root->d_sb = root_inode->i_sb;
		d_instantiate(root, root_inode);
	}
	return root;
}

/**
 * d_instantiate - give a negative dentry its inode
 * @dentry: the dentry
 * @inode: the inode, or NULL; the dentry takes the caller's reference
 *
 * Context: process; the parent directory's i_mutex held (a create).
 */
void d_instantiate(struct dentry *dentry, struct inode *inode)
{
	spin_lock(&dcache_lock);
	BUG_ON(dentry->d_inode);
	if (inode)
		list_add(&dentry->d_alias, &inode->i_dentry);
	dentry->d_inode = inode;
	spin_unlock(&dcache_lock);
}

static void __d_rehash(struct dentry *dentry)
{
	list_add(&dentry->d_hash,
		 d_hash(dentry->d_parent, dentry->d_name.hash));
	dentry->d_flags &= ~DCACHE_UNHASHED;
}

static void __d_drop(struct dentry *dentry)
{
	if (!(dentry->d_flags & DCACHE_UNHASHED)) {
		list_del_init(&dentry->d_hash);
		dentry->d_flags |= DCACHE_UNHASHED;
	}
}

/**
 * d_rehash - make a dentry findable by d_lookup()
 * @dentry: an unhashed dentry
 *
 * Context: any process context.
 */
void d_rehash(struct dentry *dentry)
{
	spin_lock(&dcache_lock);
	__d_rehash(dentry);
	spin_unlock(&dcache_lock);
}

/**
 * d_add - d_instantiate() then d_rehash(): what a lookup found
 * @dentry: the dentry i_op->lookup was given
 * @inode: the inode of the name, or NULL if it does not exist
 *
 * Context: process; i_op->lookup, the directory's i_mutex held.
 */
void d_add(struct dentry *dentry, struct inode *inode)
{
	d_instantiate(dentry, inode);
	d_rehash(dentry);
}

/**
 * d_drop - make a dentry unfindable
 * @dentry: the dentry; it lives on until its last dput()
 *
 * Context: any process context.
 */
void d_drop(struct dentry *dentry)
{
	spin_lock(&dcache_lock);
	__d_drop(dentry);
	spin_unlock(&dcache_lock);
}

/**
 * d_delete - the name was removed (unlink, rmdir)
 * @dentry: its dentry
 *
 * The dentry leaves the hash; whoever still holds it (an open file)
 * keeps it and its inode until the last dput(), so the data outlives the
 * name, as Unix promises.
 * Context: process; the parent's i_mutex held.
 */
void d_delete(struct dentry *dentry)
{
	d_drop(dentry);
}

/**
 * d_lookup - find @name in @parent in the dentry cache
 * @parent: the directory
 * @name: the name, hashed (full_name_hash())
 *
 * Context: process.
 * Return: the dentry with a new reference (it may be negative), or NULL
 * when the cache does not know the name.
 */
struct dentry *d_lookup(struct dentry *parent, const struct qstr *name)
{
	struct list_head *head = d_hash(parent, name->hash);
	struct dentry *dentry, *found = NULL;

	spin_lock(&dcache_lock);
	list_for_each_entry(dentry, head, d_hash) {
		if (dentry->d_parent != parent ||
		    dentry->d_name.hash != name->hash ||
		    dentry->d_name.len != name->len ||
		    memcmp(dentry->d_name.name, name->name, name->len))
			continue;
		found = dget(dentry);
		break;
	}
	spin_unlock(&dcache_lock);
	return found;
}

/**
 * dget_parent - a reference on @dentry's parent
 * @dentry: a dentry the caller holds
 *
 * Context: process.
 * Return: the parent (dput() it).
 */
struct dentry *dget_parent(struct dentry *dentry)
{
	struct dentry *parent;

	spin_lock(&dcache_lock);
	parent = dget(dentry->d_parent);
	spin_unlock(&dcache_lock);
	return parent;
}

/* The last reference went: free @dentry; Return: its parent to put. */
static struct dentry *d_kill(struct dentry *dentry)
{
	struct dentry *parent = NULL;
	struct inode *inode;

	__d_drop(dentry);
	BUG_ON(!list_empty(&dentry->d_subdirs));
	BUG_ON(dentry->d_mounted);
	if (!IS_ROOT(dentry)) {
		list_del(&dentry->d_child);
		parent = dentry->d_parent;
	}
	inode = dentry->d_inode;
	if (inode) {
		list_del_init(&dentry->d_alias);
		dentry->d_inode = NULL;
	}
	nr_dentry--;
	spin_unlock(&dcache_lock);

	if (inode) {
		if (dentry->d_op && dentry->d_op->d_iput)
			dentry->d_op->d_iput(dentry, inode);
		else
			iput(inode);
	}
	if (dentry->d_op && dentry->d_op->d_release)
		dentry->d_op->d_release(dentry);
	if (dentry->d_name.name != dentry->d_iname)
		kfree(dentry->d_name.name);
	kmem_cache_free(dentry_cache, dentry);
	return parent;
}

/**
 * dput - drop a reference to a dentry; free it on the last one
 * @dentry: the dentry, or NULL
 *
 * Freeing a dentry drops its inode and its reference on its parent,
 * which may free the parent in turn (a loop, not recursion).
 * Context: process, may sleep (iput() may free a file's data); no
 * spinlock held.
 */
void dput(struct dentry *dentry)
{
	while (dentry) {
		spin_lock(&dcache_lock);
		BUG_ON(atomic_read(&dentry->d_count) <= 0);
		if (!atomic_dec_and_test(&dentry->d_count)) {
			spin_unlock(&dcache_lock);
			return;
		}
		dentry = d_kill(dentry);	/* drops dcache_lock */
	}
}

/**
 * d_move - a rename: @dentry takes @target's name and place
 * @dentry: the renamed dentry
 * @target: the dentry of the new name (negative, or the replaced file)
 *
 * @target leaves the hash (it dies with its last reference); @dentry is
 * rehashed under the new parent and name.
 * Context: process; lock_rename() held on both parents.
 */
void d_move(struct dentry *dentry, struct dentry *target)
{
	struct dentry *old_parent = NULL;
	char *name = NULL, *old_name = NULL;

	if (target->d_name.len >= DNAME_INLINE_LEN) {
		name = kmalloc(target->d_name.len + 1, GFP_KERNEL);
		if (!name) {
			/* Unfindable under either name; the next lookup
			 * asks the file system (which has the new one). */
			d_drop(dentry);
			d_drop(target);
			return;
		}
	}
	spin_lock(&dcache_lock);
	__d_drop(dentry);
	__d_drop(target);
	if (dentry->d_name.name != dentry->d_iname)
		old_name = (char *)dentry->d_name.name;
	if (!name)
		name = dentry->d_iname;
	memcpy(name, target->d_name.name, target->d_name.len);
	name[target->d_name.len] = '\0';
	dentry->d_name.name = name;
	dentry->d_name.len = target->d_name.len;
	dentry->d_name.hash = target->d_name.hash;
	if (dentry->d_parent != target->d_parent) {
		old_parent = dentry->d_parent;
		dentry->d_parent = dget(target->d_parent);
	}
	list_move(&dentry->d_child, &dentry->d_parent->d_subdirs);
	__d_rehash(dentry);
	spin_unlock(&dcache_lock);
	kfree(old_name);
	dput(old_parent);
}

/* First positive, hashed child of @parent (a dir not yet emptied). */
static struct dentry *first_live_child(struct dentry *parent)
{
	struct dentry *child;

	list_for_each_entry(child, &parent->d_subdirs, d_child)
		if (child->d_inode && !d_unhashed(child))
			return child;
	return NULL;
}

/**
 * d_genocide - drop the pin of every name under @root
 * @root: a super block's root, at umount of a file system that pins
 *	its dentries (ramfs: kill_litter_super())
 *
 * Leaf first: each dentry leaves the hash and loses the reference its
 * file system held, so it is freed, and its inode with it, unless
 * something else still holds it.  Iterative, so a deep tree cannot
 * overflow the kernel stack.
 * Context: process, may sleep; nothing else uses the file system.
 */
void d_genocide(struct dentry *root)
{
	for (;;) {
		struct dentry *leaf = root, *child;

		spin_lock(&dcache_lock);
		while ((child = first_live_child(leaf)))
			leaf = child;
		if (leaf == root) {
			spin_unlock(&dcache_lock);
			return;
		}
		__d_drop(leaf);
		spin_unlock(&dcache_lock);
		dput(leaf);
	}
}

/**
 * is_subdir - is @dentry @ancestor or below it?
 * @dentry: the dentry
 * @ancestor: the possible ancestor
 *
 * Context: process.  Stable only while renames are excluded (the
 * super block's s_vfs_rename_mutex).
 * Return: true if so.
 */
bool is_subdir(struct dentry *dentry, struct dentry *ancestor)
{
	bool found = false;

	spin_lock(&dcache_lock);
	for (;;) {
		if (dentry == ancestor) {
			found = true;
			break;
		}
		if (IS_ROOT(dentry))
			break;
		dentry = dentry->d_parent;
	}
	spin_unlock(&dcache_lock);
	return found;
}

static int prepend(char **end, int *left, const char *s, int len)
{
	if (*left < len)
		return -ENAMETOOLONG;
	*left -= len;
	*end -= len;
	memcpy(*end, s, len);
	return 0;
}

/**
 * d_path - the path of @path as seen from @root
 * @path: the place
 * @root: the caller's root (a path above it is shown from the global
 *	root)
 * @buf: where to build it; the result ends at @buf + @buflen
 * @buflen: room
 *
 * Built from the end, walking d_parent and, at the root of each mount,
 * mnt_mountpoint.  A removed name gets " (deleted)" after it.
 * Context: process.
 * Return: the start of the path in @buf, or ERR_PTR(-ENAMETOOLONG).
 */
char *d_path(const struct path *path, const struct path *root, char *buf,
	     int buflen)
{
	struct dentry *dentry = path->dentry;
	struct vfsmount *mnt = path->mnt;
	char *end = buf + buflen;
	int left = buflen, err;
	bool named = false;

	spin_lock(&dcache_lock);
	spin_lock(&vfsmount_lock);
	err = prepend(&end, &left, "", 1);
	if (!err && d_unhashed(dentry) && !IS_ROOT(dentry))
		err = prepend(&end, &left, " (deleted)", 10);
	while (!err) {
		if (dentry == root->dentry && mnt == root->mnt)
			break;
		if (dentry == mnt->mnt_root || IS_ROOT(dentry)) {
			if (mnt->mnt_parent == mnt)
				break;		/* the global root */
			dentry = mnt->mnt_mountpoint;
			mnt = mnt->mnt_parent;
			continue;
		}
		err = prepend(&end, &left, dentry->d_name.name,
			      dentry->d_name.len);
		if (!err)
			err = prepend(&end, &left, "/", 1);
		named = true;
		dentry = dentry->d_parent;
	}
	if (!err && !named)
		err = prepend(&end, &left, "/", 1);
	spin_unlock(&vfsmount_lock);
	spin_unlock(&dcache_lock);
	return err ? ERR_PTR(err) : end;
}

/*
 * getcwd(2): the working directory as seen from the task's root.
 * Return: its length with the NUL, -ENOENT if it was removed, -ERANGE if
 * @size is too small.
 */
asmlinkage long sys_getcwd(char *buf, unsigned long size)
{
	char *page = kmalloc(PATH_MAX, GFP_KERNEL);
	struct path root, pwd;
	long err;
	char *cwd;

	if (!page)
		return -ENOMEM;
	get_fs_root_and_pwd(current->fs, &root, &pwd);
	err = -ENOENT;
	if (!pwd.dentry || (d_unhashed(pwd.dentry) && !IS_ROOT(pwd.dentry)))
		goto out;
	cwd = d_path(&pwd, &root, page, PATH_MAX);
	err = PTR_ERR(cwd);
	if (IS_ERR(cwd))
		goto out;
	err = page + PATH_MAX - cwd;
	if ((unsigned long)err > size)
		err = -ERANGE;
	else if (copy_to_user(buf, cwd, err))
		err = -EFAULT;
out:
	if (root.dentry)
		path_put(&root);
	if (pwd.dentry)
		path_put(&pwd);
	kfree(page);
	return err;
}

/**
 * have_submounts - is anything mounted on @parent or below it?
 * @parent: a directory
 *
 * Context: process.
 * Return: true if a dentry at or under @parent is a mount point.
 */
bool have_submounts(struct dentry *parent)
{
	struct dentry *this = parent;
	bool found = false;

	spin_lock(&dcache_lock);
	/* Depth first over d_subdirs, climbing back by d_parent. */
	for (;;) {
		struct list_head *next;

		if (d_mountpoint(this)) {
			found = true;
			break;
		}
		next = this->d_subdirs.next;
		if (next != &this->d_subdirs) {
			this = list_entry(next, struct dentry, d_child);
			continue;
		}
		for (;;) {
			if (this == parent)
				goto out;
			next = this->d_child.next;
			this = this->d_parent;
			if (next != &this->d_subdirs) {
				this = list_entry(next, struct dentry, d_child);
				break;
			}
		}
	}
out:
	spin_unlock(&dcache_lock);
	return found;
}

/**
 * nr_dentries - dentries alive
 *
 * Context: any.
 * Return: the count (for tests and the memory report).
 */
unsigned long nr_dentries(void)
{
	return READ_ONCE(nr_dentry);
}

/**
 * dcache_init - the dentry cache and hash table
 *
 * Context: boot (vfs_caches_init()).
 */
void dcache_init(void)
{
	for (unsigned int i = 0; i < D_HASHSIZE; i++)
		INIT_LIST_HEAD(&dentry_hashtable[i]);
	dentry_cache = kmem_cache_create("dentry", sizeof(struct dentry), 0,
					 0, NULL);
	if (!dentry_cache)
		panic("dcache_init: no memory");
}
