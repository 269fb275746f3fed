// SPDX-License-Identifier: GPL-2.0
/*
 * fs/super.c - file system types and super blocks.
 *
 * Linux 2.6: fs/filesystems.c (register_filesystem, get_fs_type),
 * fs/super.c (sget, get_sb_nodev, get_sb_single, kill_anon_super,
 * kill_litter_super, deactivate_super).  Understanding the Linux Kernel,
 * 3rd ed., chapter 12, sections "Superblock Objects" and "Filesystem
 * Type Registration".
 * A file system registers a struct file_system_type by name.  Mounting
 * one (fs/namespace.c: vfs_kern_mount()) calls its get_sb(), which for
 * the file systems here -- none needs a device yet -- is get_sb_nodev()
 * (a new super block per mount: ramfs) or get_sb_single() (one shared by
 * every mount: proc), each with the file system's fill_super() to make
 * the root inode and dentry.  s_active counts the mounts of a super
 * block; the last umount calls the type's kill_sb(), which drops the root
 * dentry (and for ramfs first every pinned name: kill_litter_super()).
 * Anonymous super blocks get a device number of major 0, as in Linux, so
 * stat() tells their files apart.  file_systems_lock guards the type
 * list, sb_lock the super block lists and s_active.
 */
#include <bitops.h>
#include <errno.h>
#include <fs.h>
#include <kernel.h>
#include <mm.h>
#include <slab.h>
#include <string.h>

#define ANON_DEVS	256		/* minors of major 0 */

static struct file_system_type *file_systems;
static DEFINE_SPINLOCK(file_systems_lock);

static LIST_HEAD(super_blocks);
static DEFINE_SPINLOCK(sb_lock);
static unsigned long anon_devs[ANON_DEVS / BITS_PER_LONG];	/* sb_lock */

/**
 * register_filesystem - make a file system type known to mount(2)
 * @fs: the type (static; its name must be unique)
 *
 * Context: process or boot.
 * Return: 0, or -EBUSY if the name is taken.
 */
int register_filesystem(struct file_system_type *fs)
{
	struct file_system_type **p;
	int err = 0;

	INIT_LIST_HEAD(&fs->fs_supers);
	spin_lock(&file_systems_lock);
	for (p = &file_systems; *p; p = &(*p)->next)
		if (!strcmp((*p)->name, fs->name)) {
			err = -EBUSY;
			break;
		}
	if (!err) {
		fs->next = NULL;
		*p = fs;
	}
	spin_unlock(&file_systems_lock);
	return err;
}

/**
 * unregister_filesystem - forget a file system type
 * @fs: a registered type with no super block left
 *
 * Context: process.
 * Return: 0, or -EINVAL if it was not registered.
 */
int unregister_filesystem(struct file_system_type *fs)
{
	struct file_system_type **p;
	int err = -EINVAL;

	spin_lock(&file_systems_lock);
	for (p = &file_systems; *p; p = &(*p)->next)
		if (*p == fs) {
			*p = fs->next;
			err = 0;
			break;
		}
	spin_unlock(&file_systems_lock);
	return err;
}

/**
 * get_fs_type - the registered file system type called @name
 * @name: "ramfs", "proc", ...
 *
 * Types are static and never freed, so no reference is taken.
 * Context: any.
 * Return: the type, or NULL.
 */
struct file_system_type *get_fs_type(const char *name)
{
	struct file_system_type *fs;

	spin_lock(&file_systems_lock);
	for (fs = file_systems; fs; fs = fs->next)
		if (!strcmp(fs->name, name))
			break;
	spin_unlock(&file_systems_lock);
	return fs;
}

static struct super_block *alloc_super(struct file_system_type *type,
				       int flags)
{
	struct super_block *sb = kzalloc(sizeof(*sb), GFP_KERNEL);
	int minor;

	if (!sb)
		return NULL;
	INIT_LIST_HEAD(&sb->s_inodes);
	mutex_init(&sb->s_vfs_rename_mutex);
	sb->s_type = type;
	sb->s_flags = flags & (MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC);
	sb->s_blocksize = PAGE_SIZE;
	sb->s_active = 1;
	strlcpy(sb->s_id, type->name, sizeof(sb->s_id));

	spin_lock(&sb_lock);
	for (minor = 1; minor < ANON_DEVS; minor++)
		if (!test_bit(minor, anon_devs))
			break;
	if (minor < ANON_DEVS) {
		set_bit(minor, anon_devs);
		sb->s_dev = MKDEV(0, minor);
		list_add_tail(&sb->s_list, &super_blocks);
		list_add_tail(&sb->s_instances, &type->fs_supers);
	}
	spin_unlock(&sb_lock);
	if (minor == ANON_DEVS) {
		kfree(sb);
		return NULL;
	}
	return sb;
}

/* Off the lists, its device number free, its memory gone. */
static void destroy_super(struct super_block *sb)
{
	spin_lock(&sb_lock);
	list_del(&sb->s_list);
	list_del(&sb->s_instances);
	clear_bit(MINOR(sb->s_dev), anon_devs);
	spin_unlock(&sb_lock);
	kfree(sb);
}

/**
 * simple_set_mnt - point a new mount at @sb
 * @mnt: the mount vfs_kern_mount() is building
 * @sb: the super block, with its s_root
 *
 * Context: process (get_sb).
 * Return: 0.
 */
int simple_set_mnt(struct vfsmount *mnt, struct super_block *sb)
{
	mnt->mnt_sb = sb;
	mnt->mnt_root = dget(sb->s_root);
	return 0;
}

/**
 * get_sb_nodev - a new super block for a mount of a device-less type
 * @type: the file system type
 * @flags: the mount flags (MS_RDONLY ...)
 * @data: the option string, or NULL
 * @fill_super: makes the root inode and dentry (s_root), reads @data
 * @mnt: the mount to point at it
 *
 * Context: process, may sleep.
 * Return: 0, or fill_super's error (-ENOMEM...).
 */
int get_sb_nodev(struct file_system_type *type, int flags, void *data,
		 int (*fill_super)(struct super_block *sb, void *data,
				   int silent),
		 struct vfsmount *mnt)
{
	struct super_block *sb = alloc_super(type, flags);
	int err;

	if (!sb)
		return -ENOMEM;
	err = fill_super(sb, data, 0);
	if (err) {
		/* What fill_super made so far goes with the root. */
		sb->s_active = 0;
		type->kill_sb(sb);
		return err;
	}
	return simple_set_mnt(mnt, sb);
}

/**
 * get_sb_single - the one super block of @type, made on first mount
 * @type: the file system type (proc)
 * @flags: the mount flags
 * @data: the option string
 * @fill_super: as for get_sb_nodev(), on the first mount only
 * @mnt: the mount to point at it
 *
 * Context: process, may sleep.
 * Return: 0 or an error.
 */
int get_sb_single(struct file_system_type *type, int flags, void *data,
		  int (*fill_super)(struct super_block *sb, void *data,
				    int silent),
		  struct vfsmount *mnt)
{
	struct super_block *sb = NULL;

	spin_lock(&sb_lock);
	if (!list_empty(&type->fs_supers)) {
		sb = list_first_entry(&type->fs_supers, struct super_block,
				      s_instances);
		sb->s_active++;
	}
	spin_unlock(&sb_lock);
	if (sb)
		return simple_set_mnt(mnt, sb);
	return get_sb_nodev(type, flags, data, fill_super, mnt);
}

/* Everything kill_sb variants share: the tree goes, then the block. */
static void generic_shutdown_super(struct super_block *sb)
{
	struct dentry *root = sb->s_root;

	sb->s_root = NULL;
	dput(root);
	if (sb->s_op && sb->s_op->put_super)
		sb->s_op->put_super(sb);
	if (!list_empty(&sb->s_inodes))
		printk(KERN_ERR "VFS: busy inodes after unmount of %s\n",
		       sb->s_id);
	else
		destroy_super(sb);
	/* With busy inodes the super block is leaked on purpose: freeing
	 * it would leave them pointing at freed memory. */
}

/**
 * kill_anon_super - kill_sb of a file system with an anonymous device
 * @sb: the super block; its last mount is gone
 *
 * Context: process, may sleep.
 */
void kill_anon_super(struct super_block *sb)
{
	generic_shutdown_super(sb);
}

/**
 * kill_litter_super - kill_sb of a file system that pins its dentries
 * @sb: the super block (ramfs)
 *
 * Every name's pin is dropped first (d_genocide()), so its dentries and
 * inodes, and the data of those, are freed.
 * Context: process, may sleep.
 */
void kill_litter_super(struct super_block *sb)
{
	if (sb->s_root)
		d_genocide(sb->s_root);
	kill_anon_super(sb);
}

/**
 * deactivate_super - one mount of @sb fewer; kill it after the last
 * @sb: the super block
 *
 * Context: process, may sleep (mntput() of the last reference).
 */
void deactivate_super(struct super_block *sb)
{
	bool last;

	spin_lock(&sb_lock);
	BUG_ON(sb->s_active <= 0);
	last = --sb->s_active == 0;
	spin_unlock(&sb_lock);
	if (last)
		sb->s_type->kill_sb(sb);
}
