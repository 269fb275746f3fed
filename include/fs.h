/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/fs.h - the virtual file system: super blocks, inodes, dentries,
 * mounts, path lookup, and what a file system provides to plug in.
 *
 * Linux 2.6: include/linux/fs.h, dcache.h, namei.h, mount.h.
 * Understanding the Linux Kernel, 3rd ed., chapter 12 ("The Virtual
 * Filesystem"), section "VFS Data Structures".  Four objects:
 *  - struct super_block: one mounted file system instance (s_op, s_root);
 *  - struct inode: one file (its type, size, owner, times), with the
 *    operations on it as a name space member (i_op: lookup, create,
 *    mkdir...) and the operations its open files get (i_fop);
 *  - struct dentry: one name in a directory, linking to its inode (or
 *    none: a negative dentry, "this name does not exist"), its parent and
 *    children; all live dentries are in a hash table, the dentry cache,
 *    where path lookup finds them without asking the file system;
 *  - struct file: an open file (include/file.h), which holds its dentry
 *    and mount.
 * A struct vfsmount joins a super block's root dentry to a directory of
 * another mount (the mount point); path lookup crosses from one to the
 * other (fs/namei.c).  A file system is a struct file_system_type,
 * registered by name with register_filesystem(); mount(2) calls its
 * get_sb(), which builds the super block (fill_super) and its root.
 *
 * Locks (the full rules are at the top of fs/namei.c and in docs/vfs.md):
 * dcache_lock (spinlock) for the dentry tree, hash and reference counts
 * reaching zero; vfsmount_lock (spinlock) for the mount table;
 * inode->i_mutex (sleeping) around every change to a directory and to a
 * file's data; namespace_sem (sleeping) around mount and umount.
 *
 * A file system for /proc (fs/proc/) plugs in thus: a file_system_type
 * whose get_sb is get_sb_single(..., fill_super) with a fill_super that
 * makes the root inode with new_inode(), sets i_op/i_fop, and
 * d_alloc_root()s it; directories give i_op->lookup (which d_add()s the
 * inode it makes, or NULL) and i_fop->readdir (calling filldir per name);
 * files give i_fop->open/read/release.  register_filesystem() it before
 * pid 1 runs populate_initramfs(): vfs_boot_mounts() (fs/namespace.c)
 * mounts a registered "proc" on /proc.  Or mount it later with
 * do_mount("proc", "/proc", "proc", 0, NULL) or mount(2).
 */
#ifndef _FS_H
#define _FS_H

#include <atomic.h>
#include <file.h>
#include <kdev_t.h>
#include <list.h>
#include <mutex.h>
#include <pagemap.h>
#include <spinlock.h>
#include <types.h>
#include <uapi/kt26_fs.h>

typedef long long loff_t;	/* a 64-bit offset: _llseek, stat sizes */
typedef unsigned short umode_t;	/* file type and permission bits */

#define OFF_T_MAX	((off_t)(~0UL >> 1))	/* the largest file size */

/* Symbolic links: nesting (a link inside a link's body) and in all. */
#define MAX_NESTED_LINKS	8
#define MAX_LINK_COUNT		40

/* permission() masks */
#define MAY_EXEC	1
#define MAY_WRITE	2
#define MAY_READ	4
#define MAY_APPEND	8

struct dentry;
struct file_system_type;
struct inode;
struct kstat;
struct nameidata;
struct super_block;
struct vfsmount;

struct timespec {
	long tv_sec;
	long tv_nsec;
};

/* A name in a directory: not NUL-terminated; hash from full_name_hash(). */
struct qstr {
	const char *name;
	unsigned int len;
	unsigned int hash;
};

/* A place in the tree: both parts hold a reference (path_get/path_put). */
struct path {
	struct vfsmount *mnt;
	struct dentry *dentry;
};

/* ---- super blocks (fs/super.c) ---- */

/* What statfs(2) reports of a file system (vfs_statfs()). */
struct kstatfs {
	unsigned long f_type;		/* its magic number */
	unsigned long f_bsize;		/* the unit of the block counts */
	u64 f_blocks, f_bfree, f_bavail; /* all, free, free to non-root */
	u64 f_files, f_ffree;		/* inodes: all, free */
	int f_fsid[2];
	unsigned long f_namelen;	/* the longest name */
	unsigned long f_frsize;
	unsigned long f_flags;		/* ST_* (vfs_statfs() fills it) */
};

struct super_operations {
	struct inode *(*alloc_inode)(struct super_block *sb);
	void (*destroy_inode)(struct inode *inode);
	/* The last iput() of an inode with no links left: free its data. */
	void (*delete_inode)(struct inode *inode);
	/* The last iput() of any inode, before it is freed. */
	void (*clear_inode)(struct inode *inode);
	/* The file system goes away (kill_sb): its private data. */
	void (*put_super)(struct super_block *sb);
	int (*remount_fs)(struct super_block *sb, int *flags, char *data);
	/* sync(2): put what the file system keeps aside on the disk (a
	 * journal's transactions), before the dirty buffers are written. */
	int (*sync_fs)(struct super_block *sb, int wait);
	/* statfs(2): the counts; NULL: only the magic number and sizes */
	int (*statfs)(struct dentry *dentry, struct kstatfs *buf);
	int (*show_options)(char *buf, int len, struct vfsmount *mnt);
};

struct super_block {
	struct list_head s_list;	/* on super_blocks */
	dev_t s_dev;			/* st_dev of its files */
	unsigned long s_blocksize;
	unsigned long s_flags;		/* MS_RDONLY, MS_NOEXEC, ... */
	unsigned long s_magic;
	struct file_system_type *s_type;
	const struct super_operations *s_op;
	struct dentry *s_root;
	int s_active;			/* mounts of it (sb_lock) */
	struct list_head s_inodes;	/* its inodes (inode_lock) */
	struct list_head s_dirty;	/* inodes with dirty pages, oldest
					 * first (fs/fs-writeback.c) */
	struct list_head s_io;		/* ...taken by a writeback pass */
	struct list_head s_instances;	/* on s_type->fs_supers */
	struct mutex s_vfs_rename_mutex; /* one cross-directory rename */
	char s_id[32];			/* the device name, for messages */
	struct block_device *s_bdev;	/* a disk file system's partition */
	void *s_fs_info;		/* the file system's own */
};

struct file_system_type {
	const char *name;		/* as mount(2) -t names it */
	int fs_flags;			/* FS_REQUIRES_DEV */
	int (*get_sb)(struct file_system_type *type, int flags,
		      const char *dev_name, void *data, struct vfsmount *mnt);
	void (*kill_sb)(struct super_block *sb);
	struct file_system_type *next;	/* file_systems list */
	struct list_head fs_supers;	/* its super blocks */
};

#define FS_REQUIRES_DEV	1

/* ---- inodes (fs/inode.c) ---- */

/* notify_change(): which fields of a struct iattr to apply */
#define ATTR_MODE	1
#define ATTR_UID	2
#define ATTR_GID	4
#define ATTR_SIZE	8
#define ATTR_ATIME	16
#define ATTR_MTIME	32
#define ATTR_CTIME	64
#define ATTR_FORCE	0x8000	/* the kernel's own change: no checks */

struct iattr {
	unsigned int ia_valid;
	umode_t ia_mode;
	uid_t ia_uid;
	gid_t ia_gid;
	off_t ia_size;
	struct timespec ia_atime, ia_mtime, ia_ctime;
};

struct inode_operations {
	int (*create)(struct inode *dir, struct dentry *dentry, int mode,
		      struct nameidata *nd);
	struct dentry *(*lookup)(struct inode *dir, struct dentry *dentry,
				 struct nameidata *nd);
	int (*link)(struct dentry *old, struct inode *dir,
		    struct dentry *dentry);
	int (*unlink)(struct inode *dir, struct dentry *dentry);
	int (*symlink)(struct inode *dir, struct dentry *dentry,
		       const char *target);
	int (*mkdir)(struct inode *dir, struct dentry *dentry, int mode);
	int (*rmdir)(struct inode *dir, struct dentry *dentry);
	int (*mknod)(struct inode *dir, struct dentry *dentry, int mode,
		     dev_t dev);
	int (*rename)(struct inode *old_dir, struct dentry *old_dentry,
		      struct inode *new_dir, struct dentry *new_dentry);
	int (*readlink)(struct dentry *dentry, char *ubuf, int len);
	/*
	 * Puts the link's body with nd_set_link() and returns a cookie
	 * for put_link (or an ERR_PTR); a link that is no text (proc's
	 * /proc/PID/cwd) may instead move nd->path itself and set NULL.
	 */
	void *(*follow_link)(struct dentry *dentry, struct nameidata *nd);
	void (*put_link)(struct dentry *dentry, struct nameidata *nd,
			 void *cookie);
	int (*permission)(struct inode *inode, int mask);
	int (*setattr)(struct dentry *dentry, struct iattr *attr);
	int (*getattr)(struct vfsmount *mnt, struct dentry *dentry,
		       struct kstat *stat);
};

/* inode->i_flags */
#define S_DEAD		1	/* a removed directory: nothing more in it */

struct inode {
	struct list_head i_sb_list;	/* on i_sb->s_inodes */
	struct list_head i_lru;		/* on inode_unused (fs/inode.c) */
	struct list_head i_hash;	/* on inode_hashtable: ilookup() */
	struct list_head i_dentry;	/* its dentries (d_alias) */
	unsigned long i_ino;
	atomic_t i_count;
	umode_t i_mode;
	unsigned int i_nlink;		/* names of it (0: deleted) */
	uid_t i_uid;
	gid_t i_gid;
	dev_t i_rdev;			/* a device node's device */
	off_t i_size;
	struct timespec i_atime, i_mtime, i_ctime;
	unsigned long i_blocks;		/* 512-byte units */
	unsigned int i_flags;		/* S_DEAD */
	struct mutex i_mutex;
	const struct inode_operations *i_op;
	const struct file_operations *i_fop;
	struct super_block *i_sb;
	void *i_private;		/* the file system's own */

	/* Its data in the page cache (include/pagemap.h). */
	struct address_space *i_mapping;	/* &i_data */
	struct address_space i_data;
	/* fs/fs-writeback.c, under inode_wb_lock: */
	unsigned long i_state;		/* I_DIRTY_PAGES */
	unsigned long dirtied_when;	/* jiffies it first became dirty */
	struct list_head i_list;	/* on i_sb->s_dirty or s_io */
};

/* inode->i_state: the inode has dirty pages; its place on s_dirty holds
 * a reference (fs/fs-writeback.c) */
#define I_DIRTY_PAGES	1

/* What stat(2) and statx(2) report (vfs_getattr()). */
struct kstat {
	unsigned long ino;
	dev_t dev;
	umode_t mode;
	unsigned int nlink;
	uid_t uid;
	gid_t gid;
	dev_t rdev;
	loff_t size;
	struct timespec atime, mtime, ctime;
	unsigned long blksize;
	unsigned long long blocks;
	bool mount_root;
};

/* ---- dentries (fs/dcache.c) ---- */

struct dentry_operations {
	/* Is the cached dentry still right?  0: forget it, look up again. */
	int (*d_revalidate)(struct dentry *dentry, struct nameidata *nd);
	void (*d_release)(struct dentry *dentry);
	void (*d_iput)(struct dentry *dentry, struct inode *inode);
};

#define DNAME_INLINE_LEN	24

/* dentry->d_flags */
#define DCACHE_UNHASHED		1	/* not (or no longer) findable */
#define DCACHE_CURSOR		2	/* a readdir position, not a name */

struct dentry {
	atomic_t d_count;
	unsigned int d_flags;		/* DCACHE_* (dcache_lock) */
	struct inode *d_inode;		/* NULL: a negative dentry */
	struct list_head d_hash;	/* in dentry_hashtable */
	struct dentry *d_parent;	/* itself for a root; holds a ref */
	struct qstr d_name;
	struct list_head d_child;	/* in the parent's d_subdirs */
	struct list_head d_subdirs;	/* its children */
	struct list_head d_alias;	/* in d_inode->i_dentry */
	int d_mounted;			/* mounts on it */
	const struct dentry_operations *d_op;
	struct super_block *d_sb;
	void *d_fsdata;			/* the file system's own */
	char d_iname[DNAME_INLINE_LEN];	/* a short name lives here */
};

/* ---- mounts (fs/namespace.c) ---- */

/* vfsmount->mnt_flags */
#define MNT_NOSUID	1
#define MNT_NODEV	2
#define MNT_NOEXEC	4

struct vfsmount {
	struct list_head mnt_hash;	/* in mount_hashtable */
	struct vfsmount *mnt_parent;	/* mounted on; itself for the root */
	struct dentry *mnt_mountpoint;	/* the dentry it covers */
	struct dentry *mnt_root;	/* its super block's root */
	struct super_block *mnt_sb;
	struct list_head mnt_mounts;	/* mounts on it */
	struct list_head mnt_child;	/* in the parent's mnt_mounts */
	struct list_head mnt_list;	/* on the mount list (/proc/mounts) */
	atomic_t mnt_count;
	int mnt_flags;			/* MNT_* */
	char mnt_devname[32];		/* what mount(2) was given */
};

/* ---- path lookup (fs/namei.c) ---- */

/* nameidata->flags: what the caller wants of the walk */
#define LOOKUP_FOLLOW		0x0001	/* follow a final symlink */
#define LOOKUP_DIRECTORY	0x0002	/* the end must be a directory */
#define LOOKUP_PARENT		0x0010	/* stop at the last name's parent */
#define LOOKUP_OPEN		0x0100
#define LOOKUP_CREATE		0x0200
#define LOOKUP_EMPTY		0x4000	/* "" names the start (AT_EMPTY_PATH) */

/* nameidata->last_type after LOOKUP_PARENT */
enum { LAST_NORM, LAST_ROOT, LAST_DOT, LAST_DOTDOT };

struct nameidata {
	struct path path;		/* where the walk stands */
	struct qstr last;		/* LOOKUP_PARENT: the last name */
	struct path root;		/* the walker's "/" */
	unsigned int flags;		/* LOOKUP_* */
	int last_type;			/* LAST_* */
	unsigned int depth;		/* symlinks being followed, nested */
	unsigned int total_links;	/* symlinks followed by this walk */
	char *saved_names[MAX_NESTED_LINKS + 1];
};

static inline void nd_set_link(struct nameidata *nd, char *path)
{
	nd->saved_names[nd->depth] = path;
}

static inline char *nd_get_link(struct nameidata *nd)
{
	return nd->saved_names[nd->depth];
}

static inline bool d_unhashed(const struct dentry *dentry)
{
	return dentry->d_flags & DCACHE_UNHASHED;
}

static inline bool d_mountpoint(const struct dentry *dentry)
{
	return dentry->d_mounted > 0;
}

static inline bool IS_ROOT(const struct dentry *dentry)
{
	return dentry == dentry->d_parent;
}

static inline bool IS_RDONLY(const struct inode *inode)
{
	return inode->i_sb->s_flags & MS_RDONLY;
}

static inline bool IS_DEADDIR(const struct inode *inode)
{
	return inode->i_flags & S_DEAD;
}

static inline struct dentry *dget(struct dentry *dentry)
{
	if (dentry)
		atomic_inc(&dentry->d_count);
	return dentry;
}

static inline struct vfsmount *mntget(struct vfsmount *mnt)
{
	if (mnt)
		atomic_inc(&mnt->mnt_count);
	return mnt;
}

static inline struct inode *ihold(struct inode *inode)
{
	atomic_inc(&inode->i_count);
	return inode;
}

/* The i_mode bits a d_type shows (DT_*). */
static inline unsigned int dt_type(const struct inode *inode)
{
	return (inode->i_mode >> 12) & 15;
}

/* fs/dcache.c */
extern spinlock_t dcache_lock;
void dcache_init(void);
struct dentry *d_alloc(struct dentry *parent, const struct qstr *name);
struct dentry *d_alloc_name(struct dentry *parent, const char *name);
struct dentry *d_alloc_root(struct inode *root_inode);
void d_instantiate(struct dentry *dentry, struct inode *inode);
void d_add(struct dentry *dentry, struct inode *inode);
void d_rehash(struct dentry *dentry);
void d_drop(struct dentry *dentry);
void d_delete(struct dentry *dentry);
void d_move(struct dentry *dentry, struct dentry *target);
struct dentry *d_lookup(struct dentry *parent, const struct qstr *name);
struct dentry *dget_parent(struct dentry *dentry);
void dput(struct dentry *dentry);
void d_genocide(struct dentry *root);
bool is_subdir(struct dentry *dentry, struct dentry *ancestor);
bool have_submounts(struct dentry *parent);
char *d_path(const struct path *path, const struct path *root, char *buf,
	     int buflen);
unsigned int full_name_hash(const char *name, unsigned int len);
unsigned long nr_dentries(void);

/* fs/inode.c */
void inode_init(void);
struct inode *new_inode(struct super_block *sb);
void iput(struct inode *inode);
struct inode *ilookup(struct super_block *sb, unsigned long ino);
unsigned long get_next_ino(void);
void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev);
struct timespec current_fs_time(struct super_block *sb);
int generic_permission(struct inode *inode, int mask);
int permission(struct inode *inode, int mask);
int inode_change_ok(struct inode *inode, struct iattr *attr);
int inode_setattr(struct inode *inode, struct iattr *attr);
int notify_change(struct dentry *dentry, struct iattr *attr);
void generic_fillattr(struct inode *inode, struct kstat *stat);
void inc_nlink(struct inode *inode);
void drop_nlink(struct inode *inode);
unsigned long nr_inodes(void);
unsigned long nr_unused_inodes(void);
void __iget(struct inode *inode);
void insert_inode_hash(struct inode *inode);
void invalidate_inodes(struct super_block *sb);
unsigned long prune_icache(unsigned long nr_to_scan);
extern spinlock_t inode_lock;

/* fs/drop_caches.c */
unsigned long drop_file_pages(bool unused_only);
unsigned long drop_icache(void);

/* fs/super.c */
int register_filesystem(struct file_system_type *fs);
int unregister_filesystem(struct file_system_type *fs);
struct file_system_type *get_fs_type(const char *name);
int get_sb_nodev(struct file_system_type *type, int flags, void *data,
		 int (*fill_super)(struct super_block *sb, void *data,
				   int silent),
		 struct vfsmount *mnt);
int get_sb_single(struct file_system_type *type, int flags, void *data,
		  int (*fill_super)(struct super_block *sb, void *data,
				    int silent),
		  struct vfsmount *mnt);
int get_sb_bdev(struct file_system_type *type, int flags,
		const char *dev_name, void *data,
		int (*fill_super)(struct super_block *sb, void *data,
				  int silent),
		struct vfsmount *mnt);
void kill_anon_super(struct super_block *sb);
void kill_litter_super(struct super_block *sb);
void kill_block_super(struct super_block *sb);
void deactivate_super(struct super_block *sb);
void sync_filesystems(void);
void iterate_supers(void (*f)(struct super_block *, void *), void *arg);
int simple_set_mnt(struct vfsmount *mnt, struct super_block *sb);

/* fs/namespace.c */
extern spinlock_t vfsmount_lock;
struct vfsmount *vfs_kern_mount(struct file_system_type *type, int flags,
				const char *name, void *data);
struct vfsmount *kern_mount(struct file_system_type *type);
void mntput(struct vfsmount *mnt);
struct vfsmount *lookup_mnt(struct vfsmount *mnt, struct dentry *dentry);
bool follow_down(struct path *path);
bool follow_up(struct path *path);
long do_mount(const char *dev_name, const char *dir_name,
	      const char *type_page, unsigned long flags, void *data_page);
long do_umount_path(const char *name, int flags);
void mnt_init(void);
void vfs_caches_init(void);
void vfs_boot_mounts(void);
bool mnt_is_readonly(struct vfsmount *mnt);
int show_mounts(char *buf, int len);

/* fs/open.c */
int vfs_statfs(struct path *path, struct kstatfs *buf);

/* fs/namei.c */
void path_get(const struct path *path);
void path_put(const struct path *path);
int path_lookup(const char *name, unsigned int flags, struct nameidata *nd);
int path_lookupat(int dfd, const char *name, unsigned int flags,
		  struct nameidata *nd);
int kern_path(const char *name, unsigned int flags, struct path *path);
int user_path_at(int dfd, const char *uname, unsigned int flags,
		 struct path *path);
int link_path_walk(const char *name, struct nameidata *nd);
struct dentry *lookup_one_len(const char *name, struct dentry *base,
			      int len);
char *getname(const char *uname);
void putname(char *name);
int vfs_create(struct inode *dir, struct dentry *dentry, int mode,
	       struct nameidata *nd);
int vfs_mkdir(struct inode *dir, struct dentry *dentry, int mode);
int vfs_mknod(struct inode *dir, struct dentry *dentry, int mode, dev_t dev);
int vfs_symlink(struct inode *dir, struct dentry *dentry, const char *target);
int vfs_link(struct dentry *old, struct inode *dir, struct dentry *new);
int vfs_rmdir(struct inode *dir, struct dentry *dentry);
int vfs_unlink(struct inode *dir, struct dentry *dentry);
int vfs_rename(struct inode *old_dir, struct dentry *old_dentry,
	       struct inode *new_dir, struct dentry *new_dentry);
int vfs_readlink(struct dentry *dentry, char *ubuf, int len,
		 const char *link);
int generic_readlink(struct dentry *dentry, char *ubuf, int len);
struct file *do_filp_open(int dfd, const char *pathname, int flags,
			  int mode);
struct file *filp_open(const char *filename, int flags, int mode);
long do_mkdirat(int dfd, const char *pathname, int mode);
long do_mknodat(int dfd, const char *pathname, int mode, dev_t dev);
long do_symlinkat(const char *target, int newdfd, const char *newname);
long do_linkat(int olddfd, const char *oldname, int newdfd,
	       const char *newname, int flags);
long do_unlinkat(int dfd, const char *pathname, int flags);
long do_renameat(int olddfd, const char *oldname, int newdfd,
		 const char *newname);
struct dentry *lock_rename(struct dentry *p1, struct dentry *p2);
void unlock_rename(struct dentry *p1, struct dentry *p2);

/* fs/open.c */
struct file *dentry_open(struct dentry *dentry, struct vfsmount *mnt,
			 int flags);
int do_truncate(struct dentry *dentry, off_t length);

/* fs/readdir.c */
int vfs_readdir(struct file *file, filldir_t filler, void *buf);

/* fs/stat.c */
int vfs_getattr(struct vfsmount *mnt, struct dentry *dentry,
		struct kstat *stat);

/* fs/libfs.c: the pieces of a file system that lives in the dcache */
struct dentry *simple_lookup(struct inode *dir, struct dentry *dentry,
			     struct nameidata *nd);
int simple_link(struct dentry *old, struct inode *dir,
		struct dentry *dentry);
int simple_unlink(struct inode *dir, struct dentry *dentry);
int simple_rmdir(struct inode *dir, struct dentry *dentry);
int simple_rename(struct inode *old_dir, struct dentry *old_dentry,
		  struct inode *new_dir, struct dentry *new_dentry);
bool simple_empty(struct dentry *dentry);
int dcache_dir_open(struct inode *inode, struct file *file);
void dcache_dir_close(struct file *file);
off_t dcache_dir_lseek(struct file *file, off_t offset, int whence);
int dcache_readdir(struct file *file, void *buf, filldir_t filldir);
ssize_t generic_read_dir(struct file *file, char *ubuf, size_t count);
extern const struct file_operations simple_dir_operations;
extern const struct inode_operations simple_dir_inode_operations;

/* fs/ramfs.c */
void init_ramfs_fs(void);
void init_rootfs(void);
struct inode *ramfs_get_inode(struct super_block *sb, int mode, dev_t dev);
int rootfs_add_file(const char *path, int mode, const void *data,
		    size_t size, struct timespec mtime);
struct cpio_entry;
int rootfs_defer_member(struct dentry *parent, const struct cpio_entry *e);
void rootfs_populate_all(void);
unsigned long ramfs_pages_in_use(void);

/* fs/devices.c */
void chrdev_init(void);
extern const struct file_operations def_chr_fops;
extern const struct file_operations def_blk_fops;
int register_chrdev_fops(dev_t dev, const struct file_operations *fops);
int make_dev_nodes(void);

#endif /* _FS_H */
