// SPDX-License-Identifier: GPL-2.0
/*
 * fs/ramfs.c - ramfs, a file system in memory (/tmp), and rootfs, the
 * ramfs instance at the root that holds the initramfs.
 *
 * Linux 2.6: fs/ramfs/inode.c (ramfs_get_inode, ramfs_mknod,
 * ramfs_symlink, ramfs_fill_super, rootfs), fs/ramfs/file-mmu.c; tmpfs
 * (mm/shmem.c) for the size= limit.  Understanding the Linux Kernel, 3rd
 * ed., chapter 12, section "Special Filesystems" ("rootfs").
 * Names live in the dentry cache only (fs/libfs.c): every name is a
 * dentry pinned by one extra reference, so a lookup that misses the cache
 * means "no such file".  A regular file's data are whole pages from the
 * page allocator, found through a two-level table of page addresses in
 * pages too (i_private -> index page -> leaf pages -> data pages: 1024 x
 * 1024 x 4 KiB, more than an off_t reaches); a hole reads as zeros.  Every
 * page a super block holds, tables included, is counted against its
 * size limit (size= on mount, a quarter of RAM by default), so a runaway
 * writer gets -ENOSPC while the rest of the system still has memory.
 * Pages go back on truncate and when the inode dies: after its last name
 * is unlinked and its last open file closed, or at umount
 * (kill_litter_super() drops every pin).  A symlink's body is a
 * kmalloc()ed string.  i_mutex orders a file's reads, writes and
 * truncates.
 *
 * rootfs is the same code under another name.  Its regular files from the
 * initramfs do not copy their data: the inode points at the bytes in the
 * boot module (struct initramfs_file, read by initramfs_fops), which is
 * why rootfs is made read-only once unpacked (fs/namespace.c:
 * vfs_boot_mounts()) and why execve() can map a program straight from it
 * (open_exec()).
 */
#include <errno.h>
#include <fs.h>
#include <gfp.h>
#include <init.h>
#include <initramfs.h>
#include <kernel.h>
#include <mm.h>
#include <mmzone.h>
#include <slab.h>
#include <spinlock.h>
#include <string.h>
#include <asm/uaccess.h>

#define RAMFS_MAGIC	0x858458f6
#define PTRS_PER_PAGE	(PAGE_SIZE / sizeof(unsigned long))

struct ramfs_fs_info {
	spinlock_t lock;		/* protects used_pages */
	unsigned long max_pages;	/* size= */
	unsigned long used_pages;	/* data and table pages held */
	umode_t root_mode;		/* mode= */
};

static atomic_t ramfs_pages = ATOMIC_INIT(0);	/* every instance's */

static const struct inode_operations ramfs_dir_inode_operations;
static const struct inode_operations ramfs_file_inode_operations;
static const struct inode_operations ramfs_symlink_inode_operations;
static const struct inode_operations ramfs_archive_inode_operations;
static const struct file_operations ramfs_file_operations;

static struct ramfs_fs_info *RAMFS_SB(struct super_block *sb)
{
	return sb->s_fs_info;
}

/* One more page for @sb, if its limit allows; Return: the page or 0. */
static unsigned long ramfs_alloc_page(struct super_block *sb)
{
	struct ramfs_fs_info *fsi = RAMFS_SB(sb);
	unsigned long page;
	bool room;

	spin_lock(&fsi->lock);
	room = fsi->used_pages < fsi->max_pages;
	if (room)
		fsi->used_pages++;
	spin_unlock(&fsi->lock);
	if (!room)
		return 0;
	page = get_zeroed_page(GFP_KERNEL);
	if (page) {
		atomic_inc(&ramfs_pages);
	} else {
		spin_lock(&fsi->lock);
		fsi->used_pages--;
		spin_unlock(&fsi->lock);
	}
	return page;
}

static void ramfs_free_page(struct super_block *sb, unsigned long page)
{
	struct ramfs_fs_info *fsi = RAMFS_SB(sb);

	free_page(page);
	atomic_dec(&ramfs_pages);
	spin_lock(&fsi->lock);
	fsi->used_pages--;
	spin_unlock(&fsi->lock);
}

/*
 * The data page at @index of a regular file, made (with its tables) if
 * @create.  Return: its address, 0 for a hole, or 0 with *@err set.
 */
static char *ramfs_page(struct inode *inode, unsigned long index,
			bool create, int *err)
{
	unsigned long *top = inode->i_private, *leaf;
	unsigned long slot = index / PTRS_PER_PAGE;

	if (slot >= PTRS_PER_PAGE) {
		*err = -EFBIG;
		return NULL;
	}
	if (!top) {
		if (!create)
			return NULL;
		top = (unsigned long *)ramfs_alloc_page(inode->i_sb);
		if (!top)
			goto nospace;
		inode->i_private = top;
	}
	leaf = (unsigned long *)top[slot];
	if (!leaf) {
		if (!create)
			return NULL;
		leaf = (unsigned long *)ramfs_alloc_page(inode->i_sb);
		if (!leaf)
			goto nospace;
		top[slot] = (unsigned long)leaf;
	}
	if (!leaf[index % PTRS_PER_PAGE] && create) {
		leaf[index % PTRS_PER_PAGE] = ramfs_alloc_page(inode->i_sb);
		if (!leaf[index % PTRS_PER_PAGE])
			goto nospace;
		inode->i_blocks += PAGE_SIZE / 512;
	}
	return (char *)leaf[index % PTRS_PER_PAGE];
nospace:
	*err = -ENOSPC;
	return NULL;
}

/* Free every data page from @first on, and the tables left empty. */
static void ramfs_truncate_pages(struct inode *inode, unsigned long first)
{
	unsigned long *top = inode->i_private;

	if (!top)
		return;
	for (unsigned long slot = 0; slot < PTRS_PER_PAGE; slot++) {
		unsigned long *leaf = (unsigned long *)top[slot];
		unsigned long base = slot * PTRS_PER_PAGE;

		if (!leaf || base + PTRS_PER_PAGE <= first)
			continue;
		for (unsigned long i = 0; i < PTRS_PER_PAGE; i++)
			if (base + i >= first && leaf[i]) {
				ramfs_free_page(inode->i_sb, leaf[i]);
				leaf[i] = 0;
				inode->i_blocks -= PAGE_SIZE / 512;
			}
		if (base >= first) {
			ramfs_free_page(inode->i_sb, (unsigned long)leaf);
			top[slot] = 0;
		}
	}
	if (!first) {
		ramfs_free_page(inode->i_sb, (unsigned long)top);
		inode->i_private = NULL;
	}
}

/* Size change under i_mutex: free what lies past it, zero a tail. */
static void ramfs_truncate(struct inode *inode, off_t size)
{
	int err = 0;

	if (size < inode->i_size) {
		char *page = size % PAGE_SIZE ?
			     ramfs_page(inode, size / PAGE_SIZE, false, &err) :
			     NULL;

		/* A later extension must read zeros there. */
		if (page)
			memset(page + size % PAGE_SIZE, 0,
			       PAGE_SIZE - size % PAGE_SIZE);
		ramfs_truncate_pages(inode, DIV_ROUND_UP(size, PAGE_SIZE));
	}
	inode->i_size = size;
}

static ssize_t ramfs_read(struct file *f, char *ubuf, size_t count)
{
	struct inode *inode = f->f_dentry->d_inode;
	size_t done = 0;
	int err = 0;

	mutex_lock(&inode->i_mutex);
	if (f->f_pos < inode->i_size)
		count = min(count, (size_t)(inode->i_size - f->f_pos));
	else
		count = 0;
	while (done < count) {
		unsigned long off = f->f_pos % PAGE_SIZE;
		size_t n = min(count - done, PAGE_SIZE - off);
		char *page = ramfs_page(inode, f->f_pos / PAGE_SIZE, false,
					&err);
		unsigned long left = page ?
			copy_to_user(ubuf + done, page + off, n) :
			clear_user(ubuf + done, n);

		n -= left;
		f->f_pos += n;
		done += n;
		if (left) {
			err = -EFAULT;
			break;
		}
	}
	mutex_unlock(&inode->i_mutex);
	return done ? (ssize_t)done : err;
}

static ssize_t ramfs_write(struct file *f, const char *ubuf, size_t count)
{
	struct inode *inode = f->f_dentry->d_inode;
	size_t done = 0;
	off_t pos;
	int err = 0;

	mutex_lock(&inode->i_mutex);
	pos = f->f_flags & O_APPEND ? inode->i_size : f->f_pos;
	if (pos >= OFF_T_MAX && count) {
		err = -EFBIG;
		goto out;
	}
	count = min(count, (size_t)(OFF_T_MAX - pos));
	while (done < count) {
		unsigned long off = pos % PAGE_SIZE, left;
		size_t n = min(count - done, PAGE_SIZE - off);
		char *page = ramfs_page(inode, pos / PAGE_SIZE, true, &err);

		if (!page)
			break;
		left = copy_from_user(page + off, ubuf + done, n);
		n -= left;
		pos += n;
		done += n;
		if (pos > inode->i_size)
			inode->i_size = pos;
		if (left) {
			err = -EFAULT;
			break;
		}
	}
	if (done) {
		inode->i_mtime = inode->i_ctime = current_fs_time(inode->i_sb);
		f->f_pos = pos;
	}
out:
	mutex_unlock(&inode->i_mutex);
	return done ? (ssize_t)done : err;
}

static int ramfs_setattr(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = dentry->d_inode;
	int err = inode_change_ok(inode, attr);

	if (err)
		return err;
	if (attr->ia_valid & ATTR_SIZE) {
		ramfs_truncate(inode, attr->ia_size);
		attr->ia_valid &= ~ATTR_SIZE;
	}
	return inode_setattr(inode, attr);
}

/* Archive files are read-only whatever the mount says. */
static int ramfs_archive_setattr(struct dentry *dentry, struct iattr *attr)
{
	if (attr->ia_valid & ATTR_SIZE)
		return -EPERM;
	return inode_change_ok(dentry->d_inode, attr) ?:
	       inode_setattr(dentry->d_inode, attr);
}

static void *ramfs_follow_link(struct dentry *dentry, struct nameidata *nd)
{
	nd_set_link(nd, dentry->d_inode->i_private);
	return NULL;
}

/**
 * ramfs_get_inode - a new inode of a ramfs (or rootfs) super block
 * @sb: the super block
 * @mode: type and permission bits
 * @dev: the device number of a device node
 *
 * Context: process, may sleep.
 * Return: the inode, or NULL (no memory).
 */
struct inode *ramfs_get_inode(struct super_block *sb, int mode, dev_t dev)
{
	struct inode *inode = new_inode(sb);

	if (!inode)
		return NULL;
	inode->i_ino = get_next_ino();
	inode->i_mode = mode;
	switch (mode & S_IFMT) {
	case S_IFREG:
		inode->i_op = &ramfs_file_inode_operations;
		inode->i_fop = &ramfs_file_operations;
		break;
	case S_IFDIR:
		inode->i_op = &ramfs_dir_inode_operations;
		inode->i_fop = &simple_dir_operations;
		inc_nlink(inode);	/* "." */
		break;
	case S_IFLNK:
		inode->i_op = &ramfs_symlink_inode_operations;
		break;
	default:
		init_special_inode(inode, mode, dev);
		break;
	}
	return inode;
}

/* Make the inode for a new name; the name is pinned (fs/libfs.c). */
static int ramfs_mknod(struct inode *dir, struct dentry *dentry, int mode,
		       dev_t dev)
{
	struct inode *inode = ramfs_get_inode(dir->i_sb, mode, dev);

	if (!inode)
		return -ENOSPC;
	if (dir->i_mode & S_ISGID) {
		inode->i_gid = dir->i_gid;
		if (S_ISDIR(mode))
			inode->i_mode |= S_ISGID;
	}
	d_instantiate(dentry, inode);
	dget(dentry);
	dir->i_mtime = dir->i_ctime = current_fs_time(dir->i_sb);
	return 0;
}

static int ramfs_mkdir(struct inode *dir, struct dentry *dentry, int mode)
{
	int err = ramfs_mknod(dir, dentry, mode | S_IFDIR, 0);

	if (!err)
		inc_nlink(dir);		/* the new ".." */
	return err;
}

static int ramfs_create(struct inode *dir, struct dentry *dentry, int mode,
			struct nameidata *nd)
{
	return ramfs_mknod(dir, dentry, mode | S_IFREG, 0);
}

static int ramfs_symlink(struct inode *dir, struct dentry *dentry,
			 const char *target)
{
	size_t len = strlen(target);
	struct inode *inode;
	char *body;

	if (len >= PAGE_SIZE)
		return -ENAMETOOLONG;
	body = kmalloc(len + 1, GFP_KERNEL);
	if (!body)
		return -ENOSPC;
	memcpy(body, target, len + 1);
	inode = ramfs_get_inode(dir->i_sb, S_IFLNK | 0777, 0);
	if (!inode) {
		kfree(body);
		return -ENOSPC;
	}
	inode->i_private = body;
	inode->i_size = len;
	d_instantiate(dentry, inode);
	dget(dentry);
	dir->i_mtime = dir->i_ctime = current_fs_time(dir->i_sb);
	return 0;
}

/*
 * rootfs's directories filled on their first use.  The archive stays in
 * memory (the boot module is never freed), so a member need not become a
 * dentry and an inode until someone looks into its directory: at boot,
 * populate_initramfs() makes the directories and hands every plain file
 * and symbolic link to rootfs_defer_member(), which only notes it in a
 * list hung on its directory's inode (i_private, unused by directories
 * otherwise).  The first lookup that misses the dentry cache in such a
 * directory, or the first readdir of it, makes all its noted members at
 * once -- under the directory's i_mutex, which both hold (real_lookup(),
 * vfs_readdir()), so a second CPU waits and then finds them made -- and
 * frees the list.  From then on it is an ordinary ramfs directory.
 * rootfs is read-only by then, so no create, unlink or rename can race a
 * name not yet made; all of those look the name up first anyway.
 */
struct rootfs_lazy_dir {
	struct list_head list;		/* on rootfs_lazy_dirs */
	struct dentry *dentry;		/* the directory (a reference) */
	unsigned int nr, max;
	const struct cpio_entry **entry;	/* into the kept member list */
};

/* Every directory not yet filled, for rootfs_populate_all(). */
static LIST_HEAD(rootfs_lazy_dirs);
static DEFINE_SPINLOCK(rootfs_lazy_lock);	/* protects rootfs_lazy_dirs */

static const struct inode_operations rootfs_lazy_dir_inode_operations;
static const struct file_operations rootfs_lazy_dir_operations;

/* One deferred member as its own name in @parent (i_mutex held). */
static int rootfs_make_member(struct dentry *parent,
			      const struct cpio_entry *e)
{
	const char *leaf = strrchr(e->name, '/');
	struct initramfs_file *ifile = NULL;
	struct dentry *dentry;
	struct inode *inode;
	char *body = NULL;

	leaf = leaf ? leaf + 1 : e->name;
	dentry = d_alloc_name(parent, leaf);
	if (!dentry)
		return -ENOMEM;
	if (S_ISLNK(e->mode)) {
		body = kmalloc(e->size + 1, GFP_KERNEL);
		if (!body)
			goto no_memory;
		memcpy(body, e->data, e->size);
		body[e->size] = '\0';
		inode = ramfs_get_inode(parent->d_sb, S_IFLNK | 0777, 0);
		if (!inode)
			goto no_memory;
		inode->i_private = body;
		inode->i_size = e->size;
	} else {
		ifile = kzalloc(sizeof(*ifile), GFP_KERNEL);
		if (!ifile)
			goto no_memory;
		ifile->data = e->data;
		ifile->size = e->size;
		ifile->mode = S_IFREG | (e->mode & 07777);
		inode = ramfs_get_inode(parent->d_sb, ifile->mode, 0);
		if (!inode)
			goto no_memory;
		inode->i_op = &ramfs_archive_inode_operations;
		inode->i_fop = &initramfs_fops;
		inode->i_private = ifile;
		inode->i_size = e->size;
		inode->i_blocks = DIV_ROUND_UP(e->size, 512);
		inode->i_mtime.tv_sec = e->mtime;
		inode->i_mtime.tv_nsec = 0;
	}
	/* d_alloc()'s reference stays: it is the pin every ramfs name has. */
	d_add(dentry, inode);
	return 0;

no_memory:
	kfree(body);
	kfree(ifile);
	dput(dentry);
	return -ENOMEM;
}

/* Make @dir's noted members, once; its i_mutex held. */
static void rootfs_populate(struct dentry *dir)
{
	struct inode *inode = dir->d_inode;
	struct rootfs_lazy_dir *lazy = inode->i_private;
	struct qstr name;

	if (!lazy)
		return;
	inode->i_private = NULL;
	spin_lock(&rootfs_lazy_lock);
	list_del(&lazy->list);
	spin_unlock(&rootfs_lazy_lock);
	for (unsigned int i = 0; i < lazy->nr; i++) {
		const struct cpio_entry *e = lazy->entry[i];
		const char *leaf = strrchr(e->name, '/');
		struct dentry *old;
		int err;

		leaf = leaf ? leaf + 1 : e->name;
		name.name = leaf;
		name.len = strlen(leaf);
		name.hash = full_name_hash(leaf, name.len);
		/* A name the archive holds twice: the first one stays. */
		old = d_lookup(dir, &name);
		if (old) {
			dput(old);
			err = -EEXIST;
		} else {
			err = rootfs_make_member(dir, e);
		}
		if (err)
			printk(KERN_WARNING "initramfs: %s: skipped (error "
			       "%d)\n", e->name, err);
	}
	dput(lazy->dentry);		/* not the last: the name is pinned */
	kfree(lazy->entry);
	kfree(lazy);
}

/* i_op->lookup of a directory not yet filled: fill it, then look. */
static struct dentry *rootfs_lazy_lookup(struct inode *dir,
					 struct dentry *dentry,
					 struct nameidata *nd)
{
	struct dentry *found;

	if (dir->i_private) {
		rootfs_populate(dentry->d_parent);
		found = d_lookup(dentry->d_parent, &dentry->d_name);
		if (found)
			return found;	/* __lookup_hash() drops @dentry */
	}
	return simple_lookup(dir, dentry, nd);
}

/* f_op->readdir: the same, under vfs_readdir()'s i_mutex. */
static int rootfs_lazy_readdir(struct file *file, void *buf,
			       filldir_t filldir)
{
	rootfs_populate(file->f_dentry);
	return dcache_readdir(file, buf, filldir);
}

/**
 * rootfs_defer_member - note a member of the initramfs to be made when
 *	its directory is first used
 * @parent: its directory, a rootfs directory
 * @e: the member, a regular file (one link) or a symbolic link, kept in
 *	memory for good by the caller
 *
 * Context: pid 1, boot, before rootfs goes read-only.
 * Return: 0, or -ENOMEM (then the caller makes it itself).
 */
int rootfs_defer_member(struct dentry *parent, const struct cpio_entry *e)
{
	struct inode *dir = parent->d_inode;
	struct rootfs_lazy_dir *lazy;
	int err = 0;

	mutex_lock(&dir->i_mutex);
	lazy = dir->i_private;
	if (!lazy) {
		lazy = kzalloc(sizeof(*lazy), GFP_KERNEL);
		if (!lazy) {
			err = -ENOMEM;
			goto out;
		}
		lazy->dentry = dget(parent);
		spin_lock(&rootfs_lazy_lock);
		list_add_tail(&lazy->list, &rootfs_lazy_dirs);
		spin_unlock(&rootfs_lazy_lock);
		dir->i_private = lazy;
		dir->i_op = &rootfs_lazy_dir_inode_operations;
		dir->i_fop = &rootfs_lazy_dir_operations;
	}
	if (lazy->nr == lazy->max) {
		unsigned int max = lazy->max ? 2 * lazy->max : 64;
		const struct cpio_entry **bigger;

		bigger = kmalloc(max * sizeof(*bigger), GFP_KERNEL);
		if (!bigger) {
			err = -ENOMEM;
			goto out;
		}
		memcpy(bigger, lazy->entry, lazy->nr * sizeof(*bigger));
		kfree(lazy->entry);
		lazy->entry = bigger;
		lazy->max = max;
	}
	lazy->entry[lazy->nr++] = e;
out:
	mutex_unlock(&dir->i_mutex);
	return err;
}

/**
 * rootfs_populate_all - make every member of the initramfs still waiting
 *	for its directory's first use
 *
 * The in-kernel tests count dentries, inodes and slab objects before and
 * after each test: a directory filled inside one would count as its leak.
 * Each turn takes the first directory of rootfs_lazy_dirs and fills it
 * under its i_mutex, unless a lookup on another CPU did so meanwhile:
 * either way it leaves the list, so the loop ends.
 * Context: process, may sleep.
 */
void rootfs_populate_all(void)
{
	struct rootfs_lazy_dir *lazy;
	struct dentry *dir;

	for (;;) {
		spin_lock(&rootfs_lazy_lock);
		if (list_empty(&rootfs_lazy_dirs)) {
			spin_unlock(&rootfs_lazy_lock);
			return;
		}
		lazy = list_first_entry(&rootfs_lazy_dirs,
					struct rootfs_lazy_dir, list);
		dir = dget(lazy->dentry);
		spin_unlock(&rootfs_lazy_lock);
		mutex_lock(&dir->d_inode->i_mutex);
		rootfs_populate(dir);
		mutex_unlock(&dir->d_inode->i_mutex);
		dput(dir);
	}
}

/* The inode's last reference: its data, body or archive record go. */
static void ramfs_clear_inode(struct inode *inode)
{
	if (S_ISREG(inode->i_mode) && inode->i_fop == &ramfs_file_operations)
		ramfs_truncate_pages(inode, 0);
	else if (S_ISREG(inode->i_mode) || S_ISLNK(inode->i_mode))
		kfree(inode->i_private);
	inode->i_private = NULL;
}

static void ramfs_put_super(struct super_block *sb)
{
	kfree(sb->s_fs_info);
	sb->s_fs_info = NULL;
}

static const struct super_operations ramfs_ops = {
	.clear_inode = ramfs_clear_inode,
	.put_super = ramfs_put_super,
};

static const struct inode_operations ramfs_dir_inode_operations = {
	.create = ramfs_create,
	.lookup = simple_lookup,
	.link = simple_link,
	.unlink = simple_unlink,
	.symlink = ramfs_symlink,
	.mkdir = ramfs_mkdir,
	.rmdir = simple_rmdir,
	.mknod = ramfs_mknod,
	.rename = simple_rename,
};

static const struct inode_operations ramfs_file_inode_operations = {
	.setattr = ramfs_setattr,
};

static const struct inode_operations ramfs_symlink_inode_operations = {
	.readlink = generic_readlink,
	.follow_link = ramfs_follow_link,
};

static const struct inode_operations ramfs_archive_inode_operations = {
	.setattr = ramfs_archive_setattr,
};

static const struct inode_operations rootfs_lazy_dir_inode_operations = {
	.create = ramfs_create,
	.lookup = rootfs_lazy_lookup,
	.link = simple_link,
	.unlink = simple_unlink,
	.symlink = ramfs_symlink,
	.mkdir = ramfs_mkdir,
	.rmdir = simple_rmdir,
	.mknod = ramfs_mknod,
	.rename = simple_rename,
};

static const struct file_operations rootfs_lazy_dir_operations = {
	.open = dcache_dir_open,
	.release = dcache_dir_close,
	.llseek = dcache_dir_lseek,
	.read = generic_read_dir,
	.readdir = rootfs_lazy_readdir,
};

static const struct file_operations ramfs_file_operations = {
	.read = ramfs_read,
	.write = ramfs_write,
	.llseek = generic_file_llseek,
};

/* "size=64m,mode=1777" (a copy is cut up); Return: 0 or -EINVAL. */
static int ramfs_parse_options(const char *data, struct ramfs_fs_info *fsi)
{
	char opt[64];

	while (data && *data) {
		const char *comma = strchr(data, ',');
		size_t len = comma ? (size_t)(comma - data) : strlen(data);
		unsigned long mode;
		char *end;

		if (len >= sizeof(opt))
			return -EINVAL;
		memcpy(opt, data, len);
		opt[len] = '\0';
		data += len + (comma ? 1 : 0);
		if (!len)
			continue;
		if (!strncmp(opt, "size=", 5)) {
			unsigned long long bytes = memparse(opt + 5, &end);

			if (*end || !bytes)
				return -EINVAL;
			fsi->max_pages = DIV_ROUND_UP(bytes, PAGE_SIZE);
		} else if (!strncmp(opt, "mode=", 5)) {
			if (kstrtoul(opt + 5, 8, &mode) || mode > 07777)
				return -EINVAL;
			fsi->root_mode = mode;
		} else {
			return -EINVAL;
		}
	}
	return 0;
}

static int ramfs_fill_super(struct super_block *sb, void *data, int silent)
{
	struct ramfs_fs_info *fsi = kzalloc(sizeof(*fsi), GFP_KERNEL);
	struct inode *inode;
	int err;

	if (!fsi)
		return -ENOMEM;
	spin_lock_init(&fsi->lock);
	fsi->max_pages = zone_normal()->managed_pages / 4;
	fsi->root_mode = 0755;
	sb->s_fs_info = fsi;
	sb->s_op = &ramfs_ops;
	sb->s_magic = RAMFS_MAGIC;
	err = ramfs_parse_options(data, fsi);
	if (err)
		return err;		/* kill_sb frees fsi (put_super) */
	inode = ramfs_get_inode(sb, S_IFDIR | fsi->root_mode, 0);
	if (!inode)
		return -ENOMEM;
	sb->s_root = d_alloc_root(inode);
	if (!sb->s_root) {
		iput(inode);
		return -ENOMEM;
	}
	return 0;
}

static int ramfs_get_sb(struct file_system_type *type, int flags,
			const char *dev_name, void *data,
			struct vfsmount *mnt)
{
	return get_sb_nodev(type, flags, data, ramfs_fill_super, mnt);
}

static struct file_system_type ramfs_fs_type = {
	.name = "ramfs",
	.get_sb = ramfs_get_sb,
	.kill_sb = kill_litter_super,
};

static struct file_system_type rootfs_fs_type = {
	.name = "rootfs",
	.get_sb = ramfs_get_sb,
	.kill_sb = kill_litter_super,
};

/**
 * init_ramfs_fs - register ramfs
 *
 * Context: boot.
 */
void init_ramfs_fs(void)
{
	if (register_filesystem(&ramfs_fs_type))
		panic("ramfs: cannot register");
}

/**
 * init_rootfs - register rootfs, the root of the mount tree
 *
 * Context: boot.
 */
void init_rootfs(void)
{
	if (register_filesystem(&rootfs_fs_type))
		panic("rootfs: cannot register");
}

/**
 * rootfs_add_file - a file of the initramfs, its data left in place
 * @path: where (the directories exist)
 * @mode: its permission bits
 * @data: its bytes, in the boot module (which stays)
 * @size: how many
 * @mtime: its modification time from the archive
 *
 * Context: pid 1, boot (before rootfs goes read-only).
 * Return: 0 or an error of the create (-EEXIST, -ENOENT, -ENOMEM).
 */
int rootfs_add_file(const char *path, int mode, const void *data,
		    size_t size, struct timespec mtime)
{
	struct initramfs_file *ifile = kzalloc(sizeof(*ifile), GFP_KERNEL);
	struct path p;
	struct inode *inode;
	int err;

	if (!ifile)
		return -ENOMEM;
	ifile->data = data;
	ifile->size = size;
	ifile->mode = S_IFREG | (mode & 07777);
	err = do_mknodat(AT_FDCWD, path, S_IFREG | (mode & 07777), 0);
	if (!err)
		err = kern_path(path, 0, &p);
	if (err) {
		kfree(ifile);
		return err;
	}
	inode = p.dentry->d_inode;
	mutex_lock(&inode->i_mutex);
	inode->i_mode = S_IFREG | (mode & 07777);	/* not umasked */
	inode->i_op = &ramfs_archive_inode_operations;
	inode->i_fop = &initramfs_fops;
	inode->i_private = ifile;
	inode->i_size = size;
	inode->i_blocks = DIV_ROUND_UP(size, 512);
	inode->i_mtime = mtime;
	mutex_unlock(&inode->i_mutex);
	path_put(&p);
	return 0;
}

/**
 * open_exec - the program file execve() maps
 * @name: its path (links followed)
 *
 * It must be a regular file that someone may execute, on a mount without
 * noexec, and its bytes must lie in memory in one piece: a file of the
 * initramfs (rootfs never frees them).  /tmp is mounted noexec.
 * Context: process, may sleep.
 * Return: the file's bytes, or ERR_PTR(-ENOENT, -EACCES, -ENOTDIR,
 * -ELOOP, -ENAMETOOLONG).
 */
struct initramfs_file *open_exec(const char *name)
{
	struct initramfs_file *ifile = ERR_PTR(-EACCES);
	struct inode *inode;
	struct path path;
	int err;

	err = kern_path(name, LOOKUP_FOLLOW, &path);
	if (err)
		return ERR_PTR(err);
	inode = path.dentry->d_inode;
	if (S_ISREG(inode->i_mode) &&
	    !(path.mnt->mnt_flags & MNT_NOEXEC) &&
	    !permission(inode, MAY_EXEC) && inode->i_fop == &initramfs_fops)
		ifile = inode->i_private;
	path_put(&path);
	return ifile;
}

/**
 * ramfs_pages_in_use - pages every ramfs instance holds now
 *
 * Context: any.
 * Return: the count (data and tables).
 */
unsigned long ramfs_pages_in_use(void)
{
	return atomic_read(&ramfs_pages);
}
