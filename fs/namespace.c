// SPDX-License-Identifier: GPL-2.0
/*
 * fs/namespace.c - the mount tree: mount(2), umount(2), the root file
 * system, and each task's root and working directory.
 *
 * Linux 2.6: fs/namespace.c (lookup_mnt, do_mount, do_umount,
 * init_mount_tree, set_fs_root, set_fs_pwd), init/do_mounts.c.
 * Understanding the Linux Kernel, 3rd ed., chapter 12, sections
 * "Filesystem Mounting", "Mounting a Generic Filesystem", "Mounting the
 * Root Filesystem" and "Unmounting a Filesystem".
 * A struct vfsmount sits on a dentry of another mount (mnt_mountpoint in
 * mnt_parent) and shows its own super block's root there: path lookup
 * (fs/namei.c) asks lookup_mnt() at every dentry whose d_mounted is set
 * and steps from the covered dentry to the mount's root, and back up for
 * "..".  Mounts are found in mount_hashtable by (parent mount, dentry).
 *
 * Lifetime: mnt_count counts references -- one for being in the tree,
 * one per path held (a walk, an open file, a working directory).  umount
 * takes the mount out of the tree if nothing else holds it (-EBUSY
 * otherwise; MNT_DETACH takes it out anyway) and drops the tree's
 * reference; the last mntput() releases the super block
 * (deactivate_super()), whose last mount kills it.
 *
 * Boot (vfs_caches_init(), from start_kernel()): rootfs, a ramfs
 * instance, is mounted as the root of the tree and becomes process 0's
 * (and so every kernel thread's and init's) root and working directory.
 * Pid 1 then unpacks the initramfs into it (kernel/initramfs.c) and
 * calls vfs_boot_mounts(): /dev with its device nodes, ramfs on /tmp,
 * proc on /proc if registered; then the root becomes read-only, since
 * its files' data stay in the boot module.
 *
 * Locks: vfsmount_lock (a spinlock, taken after dcache_lock when both
 * are needed) protects the hash table, the mnt_mounts lists, mnt_parent
 * and mnt_mountpoint, and d_mounted; namespace_sem (a mutex) serializes
 * mount and umount as wholes.
 */
#include <asm/uaccess.h>
#include <capability.h>
#include <errno.h>
#include <ext3_fs.h>
#include <fs.h>
#include <fs_struct.h>
#include <kernel.h>
#include <mmzone.h>
#include <sched.h>
#include <slab.h>
#include <string.h>
#include <syscalls.h>
#include <writeback.h>

#define MNT_HASHSIZE	64

DEFINE_SPINLOCK(vfsmount_lock);
static struct mutex namespace_sem;
static struct list_head mount_hashtable[MNT_HASHSIZE];
static LIST_HEAD(vfsmntlist);		/* every mount in the tree */
static struct vfsmount *root_mnt;	/* rootfs */

static struct list_head *mnt_hash(struct vfsmount *mnt, struct dentry *d)
{
	unsigned long h = (unsigned long)mnt / sizeof(*mnt) +
			  (unsigned long)d / sizeof(*d);

	return &mount_hashtable[(h ^ (h >> 6)) & (MNT_HASHSIZE - 1)];
}

static struct vfsmount *alloc_vfsmnt(const char *name)
{
	struct vfsmount *mnt = kzalloc(sizeof(*mnt), GFP_KERNEL);

	if (!mnt)
		return NULL;
	atomic_set(&mnt->mnt_count, 1);
	INIT_LIST_HEAD(&mnt->mnt_hash);
	INIT_LIST_HEAD(&mnt->mnt_mounts);
	INIT_LIST_HEAD(&mnt->mnt_child);
	INIT_LIST_HEAD(&mnt->mnt_list);
	strlcpy(mnt->mnt_devname, name ? name : "none",
		sizeof(mnt->mnt_devname));
	return mnt;
}

/**
 * vfs_kern_mount - mount a file system, outside the tree
 * @type: the file system type
 * @flags: MS_* flags
 * @name: the device name (shown by /proc/mounts)
 * @data: the option string, or NULL
 *
 * Context: process, may sleep.
 * Return: the mount with one reference (its own root as mount point
 * until attached), or an ERR_PTR.
 */
struct vfsmount *vfs_kern_mount(struct file_system_type *type, int flags,
				const char *name, void *data)
{
	struct vfsmount *mnt = alloc_vfsmnt(name);
	int err;

	if (!mnt)
		return ERR_PTR(-ENOMEM);
	err = type->get_sb(type, flags, name, data, mnt);
	if (err) {
		kfree(mnt);
		return ERR_PTR(err);
	}
	mnt->mnt_mountpoint = mnt->mnt_root;
	mnt->mnt_parent = mnt;
	if (flags & MS_NOSUID)
		mnt->mnt_flags |= MNT_NOSUID;
	if (flags & MS_NODEV)
		mnt->mnt_flags |= MNT_NODEV;
	if (flags & MS_NOEXEC)
		mnt->mnt_flags |= MNT_NOEXEC;
	return mnt;
}

/**
 * kern_mount - mount @type for the kernel's own use
 * @type: the file system type
 *
 * Context: process, may sleep.
 * Return: the mount, or an ERR_PTR.
 */
struct vfsmount *kern_mount(struct file_system_type *type)
{
	return vfs_kern_mount(type, 0, type->name, NULL);
}

/**
 * mntput - drop a reference to a mount
 * @mnt: the mount, or NULL
 *
 * The last reference (the mount is out of the tree by then) releases
 * its root and its super block.
 * Context: process, may sleep.
 */
void mntput(struct vfsmount *mnt)
{
	struct super_block *sb;

	if (!mnt || !atomic_dec_and_test(&mnt->mnt_count))
		return;
	sb = mnt->mnt_sb;
	dput(mnt->mnt_root);
	kfree(mnt);
	deactivate_super(sb);
}

/**
 * lookup_mnt - the mount on @dentry of @mnt, if any
 * @mnt: the mount @dentry is seen in
 * @dentry: a dentry with d_mounted set
 *
 * Context: process.
 * Return: the child mount with a new reference, or NULL.
 */
struct vfsmount *lookup_mnt(struct vfsmount *mnt, struct dentry *dentry)
{
	struct list_head *head = mnt_hash(mnt, dentry);
	struct vfsmount *p, *found = NULL;

	spin_lock(&vfsmount_lock);
	list_for_each_entry(p, head, mnt_hash)
		if (p->mnt_parent == mnt && p->mnt_mountpoint == dentry) {
			found = mntget(p);
			break;
		}
	spin_unlock(&vfsmount_lock);
	return found;
}

/**
 * follow_down - step from a mount point to what is mounted on it
 * @path: a path; moved to the mounted root (references swapped)
 *
 * Context: process.
 * Return: true if something was mounted there.
 */
bool follow_down(struct path *path)
{
	struct vfsmount *mounted = lookup_mnt(path->mnt, path->dentry);

	if (!mounted)
		return false;
	dput(path->dentry);
	mntput(path->mnt);
	path->mnt = mounted;
	path->dentry = dget(mounted->mnt_root);
	return true;
}

/**
 * follow_up - step from a mount's root to the dentry it covers
 * @path: a path at a mount's root; moved to the mount point
 *
 * Context: process.
 * Return: false at the root of the tree (nothing above).
 */
bool follow_up(struct path *path)
{
	struct vfsmount *parent;
	struct dentry *mountpoint;

	spin_lock(&vfsmount_lock);
	parent = path->mnt->mnt_parent;
	if (parent == path->mnt) {
		spin_unlock(&vfsmount_lock);
		return false;
	}
	mntget(parent);
	mountpoint = dget(path->mnt->mnt_mountpoint);
	spin_unlock(&vfsmount_lock);
	dput(path->dentry);
	mntput(path->mnt);
	path->mnt = parent;
	path->dentry = mountpoint;
	return true;
}

/* Put @mnt in the tree on @path (holds both; namespace_sem held). */
static void attach_mnt(struct vfsmount *mnt, struct path *path)
{
	struct vfsmount *parent = mntget(path->mnt);
	struct dentry *mountpoint = dget(path->dentry);

	spin_lock(&dcache_lock);
	spin_lock(&vfsmount_lock);
	mnt->mnt_parent = parent;
	mnt->mnt_mountpoint = mountpoint;
	list_add_tail(&mnt->mnt_hash, mnt_hash(parent, mountpoint));
	list_add_tail(&mnt->mnt_child, &parent->mnt_mounts);
	list_add_tail(&mnt->mnt_list, &vfsmntlist);
	mountpoint->d_mounted++;
	spin_unlock(&vfsmount_lock);
	spin_unlock(&dcache_lock);
}

/* Take @mnt out of the tree; Return in @old what it held there. */
static void detach_mnt(struct vfsmount *mnt, struct path *old)
{
	spin_lock(&dcache_lock);
	spin_lock(&vfsmount_lock);
	old->mnt = mnt->mnt_parent;
	old->dentry = mnt->mnt_mountpoint;
	mnt->mnt_parent = mnt;
	mnt->mnt_mountpoint = mnt->mnt_root;
	list_del_init(&mnt->mnt_hash);
	list_del_init(&mnt->mnt_child);
	list_del_init(&mnt->mnt_list);
	old->dentry->d_mounted--;
	spin_unlock(&vfsmount_lock);
	spin_unlock(&dcache_lock);
}

/**
 * mnt_is_readonly - are writes refused below @mnt?
 * @mnt: the mount
 *
 * Context: any.
 * Return: true if its super block is MS_RDONLY.
 */
bool mnt_is_readonly(struct vfsmount *mnt)
{
	return mnt->mnt_sb->s_flags & MS_RDONLY;
}

static int do_remount(struct path *path, unsigned long flags, void *data)
{
	struct super_block *sb = path->mnt->mnt_sb;
	int err = 0;

	if (path->dentry != path->mnt->mnt_root)
		return -EINVAL;
	/* rootfs keeps its files' data in the boot module: no writes. */
	if (path->mnt == root_mnt && !(flags & MS_RDONLY))
		return -EROFS;
	/* Read-only from now on: the files' dirty pages go first. */
	if ((flags & MS_RDONLY) && !(sb->s_flags & MS_RDONLY))
		sync_inodes_sb(sb);
	if (sb->s_op && sb->s_op->remount_fs) {
		int sflags = flags;

		err = sb->s_op->remount_fs(sb, &sflags, data);
	}
	if (!err)
		sb->s_flags = (sb->s_flags & ~MS_RDONLY) | (flags & MS_RDONLY);
	return err;
}

static int do_new_mount(struct path *path, const char *type_name,
			unsigned long flags, const char *name, void *data)
{
	struct file_system_type *type = get_fs_type(type_name);
	struct vfsmount *mnt;

	if (!type)
		return -ENODEV;
	if (!S_ISDIR(path->dentry->d_inode->i_mode))
		return -ENOTDIR;
	mnt = vfs_kern_mount(type, flags, name, data);
	if (IS_ERR(mnt))
		return PTR_ERR(mnt);
	/* A directory removed since the walk found it cannot be covered. */
	if (IS_DEADDIR(path->dentry->d_inode) ||
	    (d_unhashed(path->dentry) && !IS_ROOT(path->dentry))) {
		mntput(mnt);
		return -ENOENT;
	}
	attach_mnt(mnt, path);	/* the tree keeps our reference */
	return 0;
}

/**
 * do_mount - mount(2) with kernel strings
 * @dev_name: the device (or "none"); shown by /proc/mounts
 * @dir_name: the mount point
 * @type_page: the file system type
 * @flags: MS_* (MS_REMOUNT changes the flags of the mount at @dir_name)
 * @data_page: the option string, or NULL
 *
 * The mount point's walk crosses every mount already there, so a new
 * mount stacks on top of them.
 * Context: process, may sleep.
 * Return: 0, -EPERM (not root), -ENODEV (unknown type), -ENOTDIR,
 * -ENOENT, -EINVAL, -EROFS or another error of the walk or get_sb.
 */
long do_mount(const char *dev_name, const char *dir_name,
	      const char *type_page, unsigned long flags, void *data_page)
{
	struct path path;
	long err;

	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	if ((flags & MS_MGC_MSK) == MS_MGC_VAL)
		flags &= ~MS_MGC_MSK;
	err = kern_path(dir_name, LOOKUP_FOLLOW, &path);
	if (err)
		return err;
	mutex_lock(&namespace_sem);
	if (flags & MS_REMOUNT)
		err = do_remount(&path, flags, data_page);
	else if (!type_page)
		err = -EINVAL;
	else
		err = do_new_mount(&path, type_page, flags, dev_name,
				   data_page);
	mutex_unlock(&namespace_sem);
	path_put(&path);
	return err;
}

static int do_umount(struct path *path, int flags)
{
	struct vfsmount *mnt = path->mnt;
	struct path old;

	if (path->dentry != mnt->mnt_root)
		return -EINVAL;		/* not a mount point */
	if (mnt == root_mnt || mnt->mnt_parent == mnt)
		return -EINVAL;		/* the root, or not in the tree */
	if (!(flags & MNT_DETACH)) {
		/* One reference for the tree, one for our walk. */
		if (!list_empty(&mnt->mnt_mounts) ||
		    atomic_read(&mnt->mnt_count) > 2)
			return -EBUSY;
		detach_mnt(mnt, &old);
		path_put(&old);
		mntput(mnt);		/* the tree's; ours kills it */
		return 0;
	}
	/* Lazy: the subtree leaves the tree now, dies when unused. */
	while (!list_empty(&mnt->mnt_mounts)) {
		struct vfsmount *leaf = mnt;

		while (!list_empty(&leaf->mnt_mounts))
			leaf = list_first_entry(&leaf->mnt_mounts,
						struct vfsmount, mnt_child);
		detach_mnt(leaf, &old);
		path_put(&old);
		mntput(leaf);
	}
	detach_mnt(mnt, &old);
	path_put(&old);
	mntput(mnt);
	return 0;
}

/**
 * do_umount_path - umount2(2) with a kernel string
 * @name: the mount point
 * @flags: MNT_DETACH, MNT_FORCE (taken as nothing more), UMOUNT_NOFOLLOW
 *
 * Context: process, may sleep.
 * Return: 0, -EPERM, -EINVAL (not a mount point, bad flags), -EBUSY
 * (in use: an open file, a working directory, a mount below), or an
 * error of the walk.
 */
long do_umount_path(const char *name, int flags)
{
	struct path path;
	long err;

	if (flags & ~(MNT_FORCE | MNT_DETACH | UMOUNT_NOFOLLOW))
		return -EINVAL;
	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	err = kern_path(name, flags & UMOUNT_NOFOLLOW ? 0 : LOOKUP_FOLLOW,
			&path);
	if (err)
		return err;
	mutex_lock(&namespace_sem);
	err = do_umount(&path, flags);
	mutex_unlock(&namespace_sem);
	path_put(&path);
	return err;
}

/* Copy a short string argument of mount(2): device or type. */
static char *copy_mount_string(const char *ustr)
{
	char *s;
	long len;

	if (!ustr)
		return NULL;
	s = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!s)
		return ERR_PTR(-ENOMEM);
	len = strncpy_from_user(s, ustr, PAGE_SIZE);
	if (len < 0 || len == PAGE_SIZE) {
		kfree(s);
		return ERR_PTR(len < 0 ? len : -EINVAL);
	}
	return s;
}

asmlinkage long sys_mount(const char *dev_name, const char *dir_name,
			  const char *type, unsigned long flags,
			  const void *data)
{
	char *kdev = NULL, *kdir, *ktype = NULL, *kdata = NULL;
	long err;

	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	kdir = getname(dir_name);
	if (IS_ERR(kdir))
		return PTR_ERR(kdir);
	kdev = copy_mount_string(dev_name);
	ktype = copy_mount_string(type);
	kdata = copy_mount_string(data);
	if (IS_ERR(kdev))
		err = PTR_ERR(kdev);
	else if (IS_ERR(ktype))
		err = PTR_ERR(ktype);
	else if (IS_ERR(kdata))
		err = PTR_ERR(kdata);
	else
		err = do_mount(kdev ? kdev : "none", kdir, ktype, flags,
			       kdata);
	if (!IS_ERR(kdata))
		kfree(kdata);
	if (!IS_ERR(ktype))
		kfree(ktype);
	if (!IS_ERR(kdev))
		kfree(kdev);
	putname(kdir);
	return err;
}

asmlinkage long sys_umount(const char *name, int flags)
{
	char *kname = getname(name);
	long err;

	if (IS_ERR(kname))
		return PTR_ERR(kname);
	err = do_umount_path(kname, flags);
	putname(kname);
	return err;
}

asmlinkage long sys_oldumount(const char *name)
{
	return sys_umount(name, 0);
}

/**
 * show_mounts - the mount table as /proc/mounts shows it
 * @buf: where to write
 * @len: room
 *
 * One line per mount: device, mount point, type, rw/ro, "0 0".
 * Context: process, may sleep.
 * Return: bytes written (truncated at @len).
 */
int show_mounts(char *buf, int len)
{
	struct path root = { .mnt = root_mnt, .dentry = root_mnt->mnt_root };
	char *page = kmalloc(PAGE_SIZE, GFP_KERNEL);
	struct vfsmount *mnt;
	int n = 0;

	if (!page)
		return -ENOMEM;
	mutex_lock(&namespace_sem);
	n += scnprintf(buf, len, "rootfs / rootfs %s 0 0\n",
		       mnt_is_readonly(root_mnt) ? "ro" : "rw");
	list_for_each_entry(mnt, &vfsmntlist, mnt_list) {
		struct path where = { .mnt = mnt->mnt_parent,
				      .dentry = mnt->mnt_mountpoint };
		char *p = d_path(&where, &root, page, PAGE_SIZE);

		if (IS_ERR(p))
			continue;
		n += scnprintf(buf + n, len - n, "%s %s %s %s 0 0\n",
			       mnt->mnt_devname, p, mnt->mnt_sb->s_type->name,
			       mnt_is_readonly(mnt) ? "ro" : "rw");
	}
	mutex_unlock(&namespace_sem);
	kfree(page);
	return n;
}

/* ---- a task's root and working directory ---- */

/**
 * set_fs_root - make @path the root of every task sharing @fs
 * @fs: the fs_struct
 * @path: the new root; a reference is taken
 *
 * Context: process.
 */
void set_fs_root(struct fs_struct *fs, struct path *path)
{
	struct path old;

	path_get(path);
	spin_lock(&fs->lock);
	old = fs->root;
	fs->root = *path;
	spin_unlock(&fs->lock);
	if (old.dentry)
		path_put(&old);
}

/**
 * set_fs_pwd - make @path the working directory of @fs
 * @fs: the fs_struct
 * @path: the new directory; a reference is taken
 *
 * Context: process.
 */
void set_fs_pwd(struct fs_struct *fs, struct path *path)
{
	struct path old;

	path_get(path);
	spin_lock(&fs->lock);
	old = fs->pwd;
	fs->pwd = *path;
	spin_unlock(&fs->lock);
	if (old.dentry)
		path_put(&old);
}

/**
 * get_fs_root_and_pwd - references on a task's root and working directory
 * @fs: the fs_struct
 * @root: filled (path_put() it); mnt NULL if there is none yet
 * @pwd: filled likewise
 *
 * Context: process.
 */
void get_fs_root_and_pwd(struct fs_struct *fs, struct path *root,
			 struct path *pwd)
{
	spin_lock(&fs->lock);
	*root = fs->root;
	*pwd = fs->pwd;
	if (root->dentry)
		path_get(root);
	if (pwd->dentry)
		path_get(pwd);
	spin_unlock(&fs->lock);
}

/**
 * copy_fs_paths - a forked child's fs_struct starts where its parent's is
 * @new: the child's, with its lock initialized
 * @old: the parent's
 *
 * Context: process (kernel/fork.c: copy_fs()).
 */
void copy_fs_paths(struct fs_struct *new, struct fs_struct *old)
{
	get_fs_root_and_pwd(old, &new->root, &new->pwd);
}

/**
 * release_fs_paths - the last user of an fs_struct lets go of its paths
 * @fs: the fs_struct
 *
 * Context: process (kernel/fork.c: put_fs_struct()).
 */
void release_fs_paths(struct fs_struct *fs)
{
	if (fs->root.dentry)
		path_put(&fs->root);
	if (fs->pwd.dentry)
		path_put(&fs->pwd);
}

/* ---- boot ---- */

static void init_mount_tree(void)
{
	struct file_system_type *type = get_fs_type("rootfs");
	struct path root;

	BUG_ON(!type);
	root_mnt = kern_mount(type);
	if (IS_ERR(root_mnt))
		panic("VFS: cannot mount rootfs (%ld)", PTR_ERR(root_mnt));
	root.mnt = root_mnt;
	root.dentry = root_mnt->mnt_root;
	set_fs_pwd(current->fs, &root);
	set_fs_root(current->fs, &root);
}

/**
 * mnt_init - the mount table, and rootfs at the root of it
 *
 * Context: boot, process 0 (its init_fs gets the root).
 */
void mnt_init(void)
{
	mutex_init(&namespace_sem);
	for (unsigned int i = 0; i < MNT_HASHSIZE; i++)
		INIT_LIST_HEAD(&mount_hashtable[i]);
	init_rootfs();
	init_ramfs_fs();
	init_mount_tree();
}

/**
 * vfs_caches_init - the VFS at boot: caches, devices, the root
 *
 * Context: boot, process 0 (start_kernel()), after kmem_cache_init().
 */
void vfs_caches_init(void)
{
	dcache_init();
	inode_init();
	chrdev_init();
	mnt_init();
	init_ext3_fs();		/* "ext3", "ext2": /sbin/init mounts hda1 */
}

/* mkdir at boot; an existing directory (from the archive) is fine. */
static void boot_mkdir(const char *path, int mode)
{
	long err = do_mkdirat(AT_FDCWD, path, mode);

	if (err && err != -EEXIST)
		printk(KERN_ERR "VFS: cannot create %s (%ld)\n", path, err);
}

static void boot_mount(const char *dev, const char *dir, const char *type,
		       unsigned long flags, const char *data)
{
	char options[32];
	long err;

	strlcpy(options, data ? data : "", sizeof(options));
	err = do_mount(dev, dir, type, flags, data ? options : NULL);
	if (err)
		printk(KERN_ERR "VFS: cannot mount %s on %s (%ld)\n", type,
		       dir, err);
}

/**
 * vfs_boot_mounts - the name space init finds
 *
 * After the initramfs is unpacked: /dev with its nodes, /proc, /tmp (a
 * ramfs: writable, sticky, not for programs), /mnt; proc on /proc if a
 * file system of that name is registered; then rootfs goes read-only.
 * Context: pid 1, boot, before anything else runs in user space.
 */
void vfs_boot_mounts(void)
{
	struct super_block *sb = root_mnt->mnt_sb;

	boot_mkdir("/dev", 0755);
	boot_mkdir("/proc", 0555);
	boot_mkdir("/tmp", 01777);
	boot_mkdir("/mnt", 0755);
	make_dev_nodes();
	boot_mount("ramfs", "/tmp", "ramfs", MS_NOSUID | MS_NODEV | MS_NOEXEC,
		   "mode=1777");
	if (get_fs_type("proc"))
		boot_mount("proc", "/proc", "proc",
			   MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL);
	sb->s_flags |= MS_RDONLY;
	printk(KERN_INFO "VFS: rootfs read-only on /, ramfs on /tmp%s\n",
	       get_fs_type("proc") ? ", proc on /proc" : "");
}
