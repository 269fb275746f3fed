// SPDX-License-Identifier: GPL-2.0
/*
 * fs/super.c - file system types and super blocks.
 *
 * Linux 2.6: fs/filesystems.c (register_filesystem, get_fs_type),
 * fs/super.c (sget, get_sb_nodev, get_sb_single, get_sb_bdev,
 * kill_anon_super, kill_litter_super, kill_block_super,
 * deactivate_super).  Understanding the Linux Kernel,
 * 3rd ed., chapter 12, sections "Superblock Objects" and "Filesystem
 * Type Registration".
 * A file system registers a struct file_system_type by name.  Mounting
 * one (fs/namespace.c: vfs_kern_mount()) calls its get_sb(), which is
 * get_sb_nodev() (a new super block per mount: ramfs), get_sb_single()
 * (one shared by every mount: proc) or, for a file system on a disk,
 * get_sb_bdev() (one per partition: ext3), each with the file system's
 * fill_super() to make the root inode and dentry.  s_active counts the
 * mounts of a super block; the last umount calls the type's kill_sb(),
 * which drops the root dentry (and for ramfs first every pinned name:
 * kill_litter_super(); for a disk file system, then the claim on its
 * partition: kill_block_super()).  Anonymous super blocks get a device
 * number of major 0, as in Linux, so stat() tells their files apart; a
 * disk file system's files show their partition's number (3,1 for hda1).
 * file_systems_lock guards the type list, sb_lock the super block lists
 * and s_active.
 */
#include <bitops.h>
#include <blkdev.h>
#include <errno.h>
#include <fs.h>
#include <kernel.h>
#include <mm.h>
#include <slab.h>
#include <string.h>
#include <writeback.h>

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

/* A super block of @type, on the lists, without a device number yet. */
static struct super_block *alloc_super(struct file_system_type *type,
				       int flags)
{
	struct super_block *sb = kzalloc(sizeof(*sb), GFP_KERNEL);

	if (!sb)
		return NULL;
	INIT_LIST_HEAD(&sb->s_inodes);
	INIT_LIST_HEAD(&sb->s_dirty);
	INIT_LIST_HEAD(&sb->s_io);
	mutex_init(&sb->s_vfs_rename_mutex);
	sb->s_type = type;
	sb->s_flags = flags & (MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC);
	sb->s_blocksize = PAGE_SIZE;
	sb->s_active = 1;
	strlcpy(sb->s_id, type->name, sizeof(sb->s_id));

	spin_lock(&sb_lock);
	list_add_tail(&sb->s_list, &super_blocks);
	list_add_tail(&sb->s_instances, &type->fs_supers);
	spin_unlock(&sb_lock);
	return sb;
}

/* Off the lists, its device number free, its memory gone. */
static void destroy_super(struct super_block *sb)
{
	spin_lock(&sb_lock);
	list_del(&sb->s_list);
	list_del(&sb->s_instances);
	if (MAJOR(sb->s_dev) == 0 && MINOR(sb->s_dev))
		clear_bit(MINOR(sb->s_dev), anon_devs);
	spin_unlock(&sb_lock);
	kfree(sb);
}

/* Linux 2.6: set_anon_super().  Return: 0, or -EMFILE (all taken). */
static int set_anon_super(struct super_block *sb)
{
	int minor;

	spin_lock(&sb_lock);
	for (minor = 1; minor < ANON_DEVS; minor++)
		if (!test_bit(minor, anon_devs))
			break;
	if (minor < ANON_DEVS) {
		set_bit(minor, anon_devs);
		sb->s_dev = MKDEV(0, minor);
	}
	spin_unlock(&sb_lock);
	return minor < ANON_DEVS ? 0 : -EMFILE;
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

/*
 * A new super block: @fill_super reads it and makes its root; on error
 * what it made so far goes with the super block (its kill_sb).
 */
static int fill_and_mount(struct super_block *sb,
			  int (*fill_super)(struct super_block *sb,
					    void *data, int silent),
			  void *data, struct vfsmount *mnt)
{
	int err = fill_super(sb, data, 0);

	if (err) {
		sb->s_active = 0;
		sb->s_type->kill_sb(sb);
		return err;
	}
	return simple_set_mnt(mnt, sb);
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

	if (!sb)
		return -ENOMEM;
	if (set_anon_super(sb)) {
		destroy_super(sb);
		return -ENOMEM;
	}
	return fill_and_mount(sb, fill_super, data, mnt);
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
	/* Closed files' dirty pages hold their inodes (fs/fs-writeback.c). */
	sync_inodes_sb(sb);
	invalidate_inodes(sb);	/* the unused ones, kept with their pages */
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
 * get_sb_bdev - the super block of the file system on a partition
 * @type: the file system type (ext3)
 * @flags: the mount flags (MS_RDONLY ...)
 * @dev_name: the partition's device node, "/dev/hda1"
 * @data: the option string, or NULL
 * @fill_super: reads the file system's super block from sb->s_bdev and
 *              makes the root; called for the first mount only
 * @mnt: the mount to point at it
 *
 * Linux 2.6: get_sb_bdev() -> open_bdev_excl(), sget().  The partition
 * is claimed for @type (-EBUSY if another type has it mounted); a second
 * mount of it by the same type shares the first one's super block,
 * which must then agree on MS_RDONLY (-EBUSY).  The caller holds
 * namespace_sem (fs/namespace.c: do_mount()), so two mounts never look
 * for the same partition's super block at once.
 * Context: process, may sleep.
 * Return: 0, an error of open_bdev_excl() (-ENOENT, -ENOTBLK, -ENXIO,
 * -EBUSY, -EACCES), -ENOMEM, or fill_super's error (-EINVAL: no such
 * file system there).
 */
int get_sb_bdev(struct file_system_type *type, int flags,
		const char *dev_name, void *data,
		int (*fill_super)(struct super_block *sb, void *data,
				  int silent),
		struct vfsmount *mnt)
{
	struct block_device *bdev = open_bdev_excl(dev_name, flags, type);
	struct super_block *sb = NULL, *s;

	if (IS_ERR(bdev))
		return PTR_ERR(bdev);
	spin_lock(&sb_lock);
	list_for_each_entry(s, &type->fs_supers, s_instances)
		/* A super block being killed (s_active 0) is gone. */
		if (s->s_bdev == bdev && s->s_active > 0) {
			sb = s;
			break;
		}
	if (sb && ((sb->s_flags ^ flags) & MS_RDONLY))
		sb = ERR_PTR(-EBUSY);
	else if (sb)
		sb->s_active++;
	spin_unlock(&sb_lock);
	if (sb) {
		/* The super block holds one claim, whatever its mounts. */
		close_bdev_excl(bdev);
		return IS_ERR(sb) ? PTR_ERR(sb) : simple_set_mnt(mnt, sb);
	}

	sb = alloc_super(type, flags);
	if (!sb) {
		close_bdev_excl(bdev);
		return -ENOMEM;
	}
	sb->s_bdev = bdev;
	sb->s_dev = bdev->bd_dev;
	strlcpy(sb->s_id, bdev->name, sizeof(sb->s_id));
	return fill_and_mount(sb, fill_super, data, mnt);
}

/**
 * kill_block_super - kill_sb of a file system on a partition
 * @sb: the super block; its last mount is gone
 *
 * The tree goes (put_super releases the file system's buffers), then
 * the claim on the partition.  Linux 2.6 also writes the partition's
 * dirty buffers back here (sync_blockdev()): nothing writes yet.
 * Context: process, may sleep.
 */
void kill_block_super(struct super_block *sb)
{
	struct block_device *bdev = sb->s_bdev;

	generic_shutdown_super(sb);
	close_bdev_excl(bdev);
}

/**
 * iterate_supers - call @f for every mounted super block
 * @f: the function; may sleep
 * @arg: its second argument
 *
 * Linux 2.6.35: iterate_supers(); the walk of sync_filesystems().  A
 * super block is held active (s_active) while @f runs on it.
 * Context: process, may sleep.
 */
void iterate_supers(void (*f)(struct super_block *, void *), void *arg)
{
	struct super_block *sb, *prev = NULL;

	spin_lock(&sb_lock);
	list_for_each_entry(sb, &super_blocks, s_list) {
		if (!sb->s_active || !sb->s_root)
			continue;
		sb->s_active++;
		spin_unlock(&sb_lock);
		if (prev)
			deactivate_super(prev);
		f(sb, arg);
		prev = sb;
		spin_lock(&sb_lock);
	}
	spin_unlock(&sb_lock);
	if (prev)
		deactivate_super(prev);
}

/**
 * sync_filesystems - every mounted file system's sync_fs()
 *
 * Linux 2.6: fs/super.c: sync_filesystems().  A super block being
 * synced is held active (s_active), so an unmount meanwhile kills it
 * only when this is done with it.
 * Context: process, may sleep; not inside a journal handle.
 */
void sync_filesystems(void)
{
	struct super_block *sb, *prev = NULL;

	spin_lock(&sb_lock);
	list_for_each_entry(sb, &super_blocks, s_list) {
		if (!sb->s_active || !sb->s_root || !sb->s_op ||
		    !sb->s_op->sync_fs)
			continue;
		sb->s_active++;
		spin_unlock(&sb_lock);
		if (prev)
			deactivate_super(prev);
		sb->s_op->sync_fs(sb, 1);
		prev = sb;
		spin_lock(&sb_lock);
	}
	spin_unlock(&sb_lock);
	if (prev)
		deactivate_super(prev);
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
