// SPDX-License-Identifier: GPL-2.0
/*
 * tests/unit/namei_test.c - path lookup (fs/namei.c) on the host.
 *
 * The kernel's own fs/namei.c, fs/dcache.c, fs/namespace.c and
 * fs/inode.c, compiled for the host (tests/unit/vfs_host.c has the
 * machine under them: the task, malloc, mutexes as owner fields), walk
 * the trees of "treefs", a file system of this test whose lookup() serves
 * a fixed table of names and counts its calls.  The root is a treefs
 * mounted by the kernel's mnt_init(); a second treefs is mounted on /mnt
 * by do_mount(), so walks cross mounts both ways.
 *
 * This kernel's dentry cache has no LRU: a dentry dies with its last
 * reference.  treefs pins each dentry it d_add()s (positive or negative),
 * as ramfs pins its tree, so that the cache keeps what lookup() found;
 * kill_sb lets them go.  Every walk is checked for references: after
 * path_put() (or the error), each dentry's d_count and each mount's
 * mnt_count are where they were, a dentry new to the cache holds only its
 * pin, no kmalloc()ed byte is left and no mutex is held.
 *
 * Linux 2.6 has no such test; Understanding the Linux Kernel, 3rd ed.,
 * chapter 12, section "Pathname Lookup" describes what is checked.
 */
#include <errno.h>
#include <fs.h>
#include <fs_struct.h>
#include <kernel.h>
#include <sched.h>
#include <slab.h>
#include <string.h>
#include "unit.h"
#include "vfs_host.h"

/* ---- treefs: a fixed tree, looked up by name ---- */

struct tnode {
	const char *path;	/* its tag: the path in its own tree */
	int parent;		/* index of its directory */
	umode_t mode;
	const char *link;	/* a symlink's body */
};

#define DIR	(S_IFDIR | 0755)
#define REG	(S_IFREG | 0644)
#define LNK	(S_IFLNK | 0777)

static const struct tnode root_tree[] = {
	{ "/", 0, DIR, NULL },			/* 0 */
	{ "/a", 0, DIR, NULL },			/* 1 */
	{ "/a/b", 1, DIR, NULL },		/* 2 */
	{ "/a/b/f", 2, REG, NULL },		/* 3 */
	{ "/file", 0, REG, NULL },		/* 4 */
	{ "/mnt", 0, DIR, NULL },		/* 5 */
	{ "/rel", 0, LNK, "a/b" },		/* 6 */
	{ "/abs", 0, LNK, "/a/b" },		/* 7 */
	{ "/a/up", 1, LNK, "../file" },		/* 8 */
	{ "/loop1", 0, LNK, "loop2" },		/* 9 */
	{ "/loop2", 0, LNK, "loop1" },		/* 10 */
	{ "/dangle", 0, LNK, "nope" },		/* 11 */
	{ "/tomnt", 0, LNK, "/mnt/x" },		/* 12 */
	{ "/cache", 0, DIR, NULL },		/* 13 */
	{ "/cache/one", 13, REG, NULL },	/* 14 */
	{ "/a/b/home", 2, LNK, "/a" },		/* 15 */
	/* MAX_NESTED_LINKS (8) links, each naming the next: allowed */
	{ "/c1", 0, LNK, "c2" }, { "/c2", 0, LNK, "c3" },
	{ "/c3", 0, LNK, "c4" }, { "/c4", 0, LNK, "c5" },
	{ "/c5", 0, LNK, "c6" }, { "/c6", 0, LNK, "c7" },
	{ "/c7", 0, LNK, "c8" }, { "/c8", 0, LNK, "a" },
	/* one more: too deep */
	{ "/d1", 0, LNK, "d2" }, { "/d2", 0, LNK, "d3" },
	{ "/d3", 0, LNK, "d4" }, { "/d4", 0, LNK, "d5" },
	{ "/d5", 0, LNK, "d6" }, { "/d6", 0, LNK, "d7" },
	{ "/d7", 0, LNK, "d8" }, { "/d8", 0, LNK, "d9" },
	{ "/d9", 0, LNK, "a" },
};

static const struct tnode mnt_tree[] = {
	{ "mnt:/", 0, DIR, NULL },
	{ "mnt:/x", 0, DIR, NULL },
	{ "mnt:/y", 0, REG, NULL },
	{ "mnt:/x/back", 1, LNK, "../../a" },
};

struct treefs {
	struct file_system_type type;
	const struct tnode *nodes;
	unsigned int nr;
};

static struct treefs rootfs_tree, mntfs_tree;

#define MAX_PINNED	1024
static struct dentry *pinned[MAX_PINNED];
static unsigned int nr_pinned;
static unsigned long lookup_calls;	/* treefs_lookup() calls */

static const struct tnode *node_of(struct inode *inode)
{
	return inode->i_private;
}

static const char *basename_of(const char *path)
{
	return strrchr(path, '/') + 1;
}

static struct dentry *treefs_lookup(struct inode *dir, struct dentry *dentry,
				    struct nameidata *nd);
static void *treefs_follow_link(struct dentry *dentry, struct nameidata *nd);

static const struct inode_operations treefs_dir_iops = {
	.lookup = treefs_lookup,
};

static const struct inode_operations treefs_link_iops = {
	.follow_link = treefs_follow_link,
};

static const struct inode_operations treefs_file_iops;

static struct inode *treefs_inode(struct super_block *sb,
				  const struct tnode *n)
{
	struct treefs *fs = sb->s_fs_info;
	struct inode *inode = new_inode(sb);

	if (!inode)
		return NULL;
	inode->i_ino = n - fs->nodes + 1;
	inode->i_mode = n->mode;
	inode->i_private = (void *)n;
	if (S_ISDIR(n->mode))
		inode->i_op = &treefs_dir_iops;
	else if (S_ISLNK(n->mode))
		inode->i_op = &treefs_link_iops;
	else
		inode->i_op = &treefs_file_iops;
	return inode;
}

static void pin(struct dentry *dentry)
{
	BUG_ON(nr_pinned == MAX_PINNED);
	pinned[nr_pinned++] = dget(dentry);
}

static struct dentry *treefs_lookup(struct inode *dir, struct dentry *dentry,
				    struct nameidata *nd)
{
	const struct tnode *parent = node_of(dir);
	struct treefs *fs = dir->i_sb->s_fs_info;
	struct inode *inode = NULL;

	lookup_calls++;
	for (unsigned int i = 1; i < fs->nr; i++) {
		const struct tnode *n = &fs->nodes[i];
		const char *name = basename_of(n->path);

		if (&fs->nodes[n->parent] == parent &&
		    strlen(name) == dentry->d_name.len &&
		    !memcmp(name, dentry->d_name.name, dentry->d_name.len)) {
			inode = treefs_inode(dir->i_sb, n);
			if (!inode)
				return ERR_PTR(-ENOMEM);
			break;
		}
	}
	d_add(dentry, inode);		/* negative if not found */
	pin(dentry);
	return NULL;
}

static void *treefs_follow_link(struct dentry *dentry, struct nameidata *nd)
{
	nd_set_link(nd, (char *)node_of(dentry->d_inode)->link);
	return NULL;
}

static int treefs_get_sb(struct file_system_type *type, int flags,
			 const char *dev_name, void *data,
			 struct vfsmount *mnt)
{
	struct super_block *sb = kzalloc(sizeof(*sb), GFP_KERNEL);
	struct treefs *fs = container_of(type, struct treefs, type);
	struct inode *root;

	if (!sb)
		return -ENOMEM;
	INIT_LIST_HEAD(&sb->s_inodes);
	sb->s_type = type;
	sb->s_fs_info = fs;
	root = treefs_inode(sb, &fs->nodes[0]);
	sb->s_root = root ? d_alloc_root(root) : NULL;
	if (!sb->s_root) {
		iput(root);
		kfree(sb);
		return -ENOMEM;
	}
	mnt->mnt_sb = sb;
	mnt->mnt_root = sb->s_root;
	return 0;
}

/* The last mount went: unpin its dentries, which frees them all. */
static void treefs_kill_sb(struct super_block *sb)
{
	unsigned int i, kept = 0;

	for (i = 0; i < nr_pinned; i++) {
		if (pinned[i]->d_sb == sb)
			dput(pinned[i]);
		else
			pinned[kept++] = pinned[i];
	}
	nr_pinned = kept;
	BUG_ON(!list_empty(&sb->s_inodes));
	kfree(sb);
}

static struct treefs rootfs_tree = {
	.type = { .name = "rootfs", .get_sb = treefs_get_sb,
		  .kill_sb = treefs_kill_sb },
	.nodes = root_tree, .nr = ARRAY_SIZE(root_tree),
};

static struct treefs mntfs_tree = {
	.type = { .name = "treefs", .get_sb = treefs_get_sb,
		  .kill_sb = treefs_kill_sb },
	.nodes = mnt_tree, .nr = ARRAY_SIZE(mnt_tree),
};

/**
 * host_get_fs_type - the file system types fs/namespace.c may mount here
 * @name: "rootfs" (the root, from mnt_init()) or "treefs" (/mnt)
 *
 * Context: the test's one task.
 * Return: the type, or NULL for any other name.
 */
struct file_system_type *host_get_fs_type(const char *name)
{
	if (!strcmp(name, "rootfs"))
		return &rootfs_tree.type;
	if (!strcmp(name, "treefs"))
		return &mntfs_tree.type;
	return NULL;
}

/* ---- the VFS, as at boot: rootfs on "/", a treefs on /mnt ---- */

static struct vfsmount *mnt_mnt;	/* the mount on /mnt */

static void setup(void)
{
	static bool done;
	struct path p;

	if (done)
		return;
	done = true;
	host_task.fs = &host_fs;
	dcache_init();
	inode_init();
	mnt_init();
	BUG_ON(do_mount("none", "/mnt", "treefs", 0, NULL));
	BUG_ON(kern_path("/mnt", LOOKUP_FOLLOW, &p));
	mnt_mnt = p.mnt;
	path_put(&p);
}

/* ---- references: a snapshot before a walk, compared after it ---- */

struct snapshot {
	unsigned int nr_pinned;
	int d_count[MAX_PINNED];
	int root_count[2], mnt_count[2];
	unsigned long unpinned;		/* dentries alive but not pinned */
	long kmalloc_alive;
};

static void take_snapshot(struct snapshot *s)
{
	s->nr_pinned = nr_pinned;
	for (unsigned int i = 0; i < nr_pinned; i++)
		s->d_count[i] = atomic_read(&pinned[i]->d_count);
	s->root_count[0] = atomic_read(&host_fs.root.mnt->mnt_root->d_count);
	s->root_count[1] = atomic_read(&mnt_mnt->mnt_root->d_count);
	s->mnt_count[0] = atomic_read(&host_fs.root.mnt->mnt_count);
	s->mnt_count[1] = atomic_read(&mnt_mnt->mnt_count);
	s->unpinned = nr_dentries() - nr_pinned;
	s->kmalloc_alive = host_kmalloc_alive;
}

/* Dentries new since @s that are children of @dentry: each holds it. */
static int new_children(const struct snapshot *s, struct dentry *dentry)
{
	int n = 0;

	for (unsigned int i = s->nr_pinned; i < nr_pinned; i++)
		if (pinned[i]->d_parent == dentry)
			n++;
	return n;
}

/*
 * Return: NULL, or what differs.  A dentry's count is what it was, plus
 * one for each child new in the cache; a new one holds only its pin.
 */
static const char *snapshot_differs(const struct snapshot *s)
{
	struct dentry *root = host_fs.root.mnt->mnt_root;
	long kmalloced = 0;
	unsigned int i;

	for (i = 0; i < nr_pinned; i++) {
		int was = i < s->nr_pinned ? s->d_count[i] : 1;

		if (atomic_read(&pinned[i]->d_count) !=
		    was + new_children(s, pinned[i]))
			return pinned[i]->d_inode ?
			       node_of(pinned[i]->d_inode)->path :
			       "a negative dentry";
	}
	if (atomic_read(&root->d_count) !=
	    s->root_count[0] + new_children(s, root))
		return "d_count of /";
	if (atomic_read(&mnt_mnt->mnt_root->d_count) !=
	    s->root_count[1] + new_children(s, mnt_mnt->mnt_root))
		return "d_count of /mnt's root";
	if (atomic_read(&host_fs.root.mnt->mnt_count) != s->mnt_count[0])
		return "mnt_count of the root mount";
	if (atomic_read(&mnt_mnt->mnt_count) != s->mnt_count[1])
		return "mnt_count of /mnt";
	if (nr_dentries() - nr_pinned != s->unpinned)
		return "a dentry neither pinned nor freed";
	/* A name too long for d_iname is kmalloc()ed, and lives with it. */
	for (i = s->nr_pinned; i < nr_pinned; i++)
		if (pinned[i]->d_name.name != pinned[i]->d_iname)
			kmalloced++;
	if (host_kmalloc_alive != s->kmalloc_alive + kmalloced)
		return "kmalloc()ed memory left";
	if (host_mutexes_held)
		return "a mutex still held";
	return NULL;
}

/*
 * Walk @path with @flags (through user_path_at(), which copies it as
 * getname() does); expect @err, or success at the node tagged @tag in
 * @mnt; then check the references.
 */
static bool walk_is(int line, const char *path, unsigned int flags, int err,
		    const char *tag, struct vfsmount *mnt)
{
	struct snapshot s;
	struct path p;
	const char *why;
	int got;

	take_snapshot(&s);
	got = user_path_at(AT_FDCWD, path, flags, &p);
	if (got != err) {
		if (!got)
			path_put(&p);
		unit_fail(__FILE__, line, "\"%.60s\": %d, expected %d",
			  path, got, err);
		return false;
	}
	if (!got) {
		const char *found = p.dentry->d_inode ?
				    node_of(p.dentry->d_inode)->path :
				    "(negative)";
		bool same_mnt = p.mnt == mnt;

		path_put(&p);
		if (strcmp(found, tag)) {
			unit_fail(__FILE__, line, "\"%s\": %s, expected %s",
				  path, found, tag);
			return false;
		}
		if (!same_mnt) {
			unit_fail(__FILE__, line, "\"%s\": wrong vfsmount",
				  path);
			return false;
		}
	}
	why = snapshot_differs(&s);
	if (why) {
		unit_fail(__FILE__, line, "\"%.60s\": references: %s", path,
			  why);
		return false;
	}
	return true;
}

#define ROOT_MNT	(host_fs.root.mnt)
#define FOLLOW		LOOKUP_FOLLOW

/* Found: @path is @tag in @mnt. */
#define WALK(path, flags, tag, mnt)					\
	do {								\
		if (!walk_is(__LINE__, path, flags, 0, tag, mnt))	\
			return;						\
	} while (0)

/* Refused with -@err. */
#define WALK_ERR(path, flags, err)					\
	do {								\
		if (!walk_is(__LINE__, path, flags, -(err), NULL, NULL)) \
			return;						\
	} while (0)

/* The working directory for the relative walks. */
static bool chdir_to(const char *path)
{
	struct path p;

	if (kern_path(path, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &p))
		return false;
	set_fs_pwd(&host_fs, &p);
	path_put(&p);
	return true;
}

/* ---- the tests ---- */

UNIT_TEST(namei_absolute_paths)
{
	setup();
	WALK("/", FOLLOW, "/", ROOT_MNT);
	WALK("/a", FOLLOW, "/a", ROOT_MNT);
	WALK("/a/b/f", FOLLOW, "/a/b/f", ROOT_MNT);
	WALK("/a/./b/../b/f", FOLLOW, "/a/b/f", ROOT_MNT);
	WALK("/a/b/..", FOLLOW, "/a", ROOT_MNT);
	WALK("/a/b/.", FOLLOW, "/a/b", ROOT_MNT);
}

UNIT_TEST(namei_relative_paths)
{
	setup();
	CHECK(chdir_to("/a"));
	WALK("b/f", FOLLOW, "/a/b/f", ROOT_MNT);
	WALK(".", FOLLOW, "/a", ROOT_MNT);
	WALK("..", FOLLOW, "/", ROOT_MNT);
	WALK("./b/../b", FOLLOW, "/a/b", ROOT_MNT);
	WALK("../file", FOLLOW, "/file", ROOT_MNT);
	WALK("/file", FOLLOW, "/file", ROOT_MNT);
	WALK_ERR("f", FOLLOW, ENOENT);
	CHECK(chdir_to("/"));
	WALK("a/b", FOLLOW, "/a/b", ROOT_MNT);
}

UNIT_TEST(namei_slashes)
{
	setup();
	WALK("//a//b/", FOLLOW, "/a/b", ROOT_MNT);
	WALK("/a/b///", 0, "/a/b", ROOT_MNT);
	WALK("a//b//f", FOLLOW, "/a/b/f", ROOT_MNT);
	WALK("///", FOLLOW, "/", ROOT_MNT);
}

UNIT_TEST(namei_trailing_slash_on_file_is_enotdir)
{
	setup();
	WALK("/file", 0, "/file", ROOT_MNT);
	WALK_ERR("/file/", 0, ENOTDIR);
	WALK_ERR("/a/b/f//", FOLLOW, ENOTDIR);
	WALK_ERR("/file", LOOKUP_DIRECTORY, ENOTDIR);
}

UNIT_TEST(namei_dotdot_at_root_stays)
{
	setup();
	WALK("/..", FOLLOW, "/", ROOT_MNT);
	WALK("/../../..", FOLLOW, "/", ROOT_MNT);
	WALK("/../a/../../a/b", FOLLOW, "/a/b", ROOT_MNT);
	WALK("..", FOLLOW, "/", ROOT_MNT);
}

UNIT_TEST(namei_missing_middle_is_enoent)
{
	setup();
	WALK_ERR("/nope/f", FOLLOW, ENOENT);
	WALK_ERR("/a/nope/f", FOLLOW, ENOENT);
	WALK_ERR("/a/b/nope", FOLLOW, ENOENT);
	WALK_ERR("/a/nope/", FOLLOW, ENOENT);
	WALK_ERR("", FOLLOW, ENOENT);
}

UNIT_TEST(namei_file_in_middle_is_enotdir)
{
	setup();
	WALK_ERR("/file/x", FOLLOW, ENOTDIR);
	WALK_ERR("/a/b/f/x/y", FOLLOW, ENOTDIR);
	WALK_ERR("/file/..", FOLLOW, ENOTDIR);
	WALK_ERR("/a/up/x", FOLLOW, ENOTDIR);	/* a link to a file */
}

UNIT_TEST(namei_name_too_long)
{
	static char name[NAME_MAX + 8], path[PATH_MAX + 8];

	setup();
	/* NAME_MAX bytes: a name like any other, just not there */
	name[0] = '/';
	memset(name + 1, 'n', NAME_MAX);
	name[NAME_MAX + 1] = '\0';
	WALK_ERR(name, FOLLOW, ENOENT);
	memcpy(name + NAME_MAX + 1, "/x", 3);
	WALK_ERR(name, FOLLOW, ENOENT);
	/* NAME_MAX + 1 bytes, last or in the middle */
	name[NAME_MAX + 1] = 'n';
	name[NAME_MAX + 2] = '\0';
	WALK_ERR(name, FOLLOW, ENAMETOOLONG);
	memcpy(name + NAME_MAX + 2, "/x", 3);
	WALK_ERR(name, FOLLOW, ENAMETOOLONG);
	/* A path of PATH_MAX - 1 bytes ("/a/././..."), then PATH_MAX */
	memcpy(path, "/a", 2);
	for (size_t len = 2; len < PATH_MAX - 1; len += 2)
		memcpy(path + len, "/.", 2);
	path[PATH_MAX - 1] = '\0';
	CHECK_EQ(strlen(path), PATH_MAX - 1);
	WALK(path, FOLLOW, "/a", ROOT_MNT);
	path[PATH_MAX - 1] = '.';
	path[PATH_MAX] = '\0';
	WALK_ERR(path, FOLLOW, ENAMETOOLONG);
}

UNIT_TEST(namei_symlink_targets)
{
	setup();
	WALK("/rel", FOLLOW, "/a/b", ROOT_MNT);		/* relative */
	WALK("/abs", FOLLOW, "/a/b", ROOT_MNT);		/* absolute */
	WALK("/a/up", FOLLOW, "/file", ROOT_MNT);	/* "../file" */
	WALK("/a/b/home", FOLLOW, "/a", ROOT_MNT);	/* "/a", from /a/b */
	WALK("/a/b/home/b/home/b/f", 0, "/a/b/f", ROOT_MNT);
	CHECK(chdir_to("/a/b"));
	WALK("../up", FOLLOW, "/file", ROOT_MNT);	/* from elsewhere */
	CHECK(chdir_to("/"));
}

UNIT_TEST(namei_symlink_in_middle)
{
	setup();
	WALK("/rel/f", 0, "/a/b/f", ROOT_MNT);
	WALK("/abs/f", 0, "/a/b/f", ROOT_MNT);
	WALK("/rel/../b/f", 0, "/a/b/f", ROOT_MNT);	/* ".." of a/b */
	WALK("/abs/", 0, "/a/b", ROOT_MNT);	/* a trailing "/" follows */
	WALK_ERR("/dangle/x", 0, ENOENT);
	WALK_ERR("/rel/nope", FOLLOW, ENOENT);
}

UNIT_TEST(namei_symlink_last_follow_or_not)
{
	setup();
	WALK("/rel", 0, "/rel", ROOT_MNT);
	WALK("/rel", FOLLOW, "/a/b", ROOT_MNT);
	WALK("/dangle", 0, "/dangle", ROOT_MNT);
	WALK_ERR("/dangle", FOLLOW, ENOENT);
	WALK_ERR("/rel", LOOKUP_DIRECTORY, ENOTDIR);
	WALK("/rel", FOLLOW | LOOKUP_DIRECTORY, "/a/b", ROOT_MNT);
}

UNIT_TEST(namei_symlink_loop_is_eloop)
{
	setup();
	WALK_ERR("/loop1", FOLLOW, ELOOP);
	WALK_ERR("/loop1/x", 0, ELOOP);
	WALK("/loop1", 0, "/loop1", ROOT_MNT);
}

UNIT_TEST(namei_symlink_nesting_limit)
{
	setup();
	WALK("/c1", FOLLOW, "/a", ROOT_MNT);		/* 8 deep */
	WALK("/c1/b/f", FOLLOW, "/a/b/f", ROOT_MNT);
	WALK_ERR("/d1", FOLLOW, ELOOP);			/* 9 deep */
	WALK_ERR("/d1/b", FOLLOW, ELOOP);
	WALK("/d2", FOLLOW, "/a", ROOT_MNT);
}

UNIT_TEST(namei_symlink_total_limit)
{
	setup();
	/* MAX_LINK_COUNT (40) links in one walk, none nested deeper than 8 */
	WALK("/c1/../c1/../c1/../c1/../c1", FOLLOW, "/a", ROOT_MNT);
	WALK_ERR("/c1/../c1/../c1/../c1/../c1/../rel", FOLLOW, ELOOP);
}

UNIT_TEST(namei_crosses_into_mount)
{
	setup();
	WALK("/mnt", FOLLOW, "mnt:/", mnt_mnt);
	WALK("/mnt/", 0, "mnt:/", mnt_mnt);
	WALK("/mnt/x", FOLLOW, "mnt:/x", mnt_mnt);
	WALK("/mnt/./y", FOLLOW, "mnt:/y", mnt_mnt);
	WALK("/tomnt", FOLLOW, "mnt:/x", mnt_mnt);	/* through a link */
	WALK_ERR("/mnt/nope", FOLLOW, ENOENT);
	WALK_ERR("/mnt/y/", FOLLOW, ENOTDIR);
	CHECK(chdir_to("/mnt/x"));
	WALK("../y", FOLLOW, "mnt:/y", mnt_mnt);
	CHECK(chdir_to("/"));
}

UNIT_TEST(namei_dotdot_leaves_mount)
{
	setup();
	WALK("/mnt/..", FOLLOW, "/", ROOT_MNT);
	WALK("/mnt/../a", FOLLOW, "/a", ROOT_MNT);
	WALK("/mnt/x/../..", FOLLOW, "/", ROOT_MNT);
	WALK("/mnt/x/back", FOLLOW, "/a", ROOT_MNT);	/* "../../a" */
	WALK("/mnt/../mnt/x", FOLLOW, "mnt:/x", mnt_mnt);
	CHECK(chdir_to("/mnt"));
	WALK("..", FOLLOW, "/", ROOT_MNT);
	WALK("../mnt/..", FOLLOW, "/", ROOT_MNT);
	CHECK(chdir_to("/"));
}

UNIT_TEST(namei_dcache_hit_skips_lookup)
{
	unsigned long calls;

	setup();
	calls = lookup_calls;
	WALK("/cache/one", FOLLOW, "/cache/one", ROOT_MNT);
	CHECK_EQ(lookup_calls - calls, 2);	/* "cache", "one" */
	calls = lookup_calls;
	WALK("/cache/one", FOLLOW, "/cache/one", ROOT_MNT);
	WALK("/cache/../cache/one", FOLLOW, "/cache/one", ROOT_MNT);
	CHECK_EQ(lookup_calls - calls, 0);
}

UNIT_TEST(namei_negative_dentry_skips_lookup)
{
	unsigned long calls;

	setup();
	calls = lookup_calls;
	WALK_ERR("/cache/none", FOLLOW, ENOENT);
	CHECK_EQ(lookup_calls - calls, 1);
	calls = lookup_calls;
	WALK_ERR("/cache/none", FOLLOW, ENOENT);
	WALK_ERR("/cache/none/x", FOLLOW, ENOENT);
	WALK_ERR("/cache/none/", FOLLOW, ENOENT);
	CHECK_EQ(lookup_calls - calls, 0);
}

/*
 * LOOKUP_PARENT: the walk stops at the last name's directory and leaves
 * the name, and last_type_of()'s verdict, for create/unlink/rename.
 */
static bool parent_is(int line, const char *path, const char *dir,
		      const char *last, int last_type)
{
	struct nameidata nd;
	struct snapshot s;
	const char *why = NULL;
	int err;

	take_snapshot(&s);
	err = path_lookup(path, LOOKUP_PARENT, &nd);
	if (err) {
		unit_fail(__FILE__, line, "\"%s\": %d", path, err);
		return false;
	}
	if (strcmp(node_of(nd.path.dentry->d_inode)->path, dir))
		why = "the directory";
	else if (nd.last_type != last_type)
		why = "last_type";
	else if (last && (nd.last.len != strlen(last) ||
			  memcmp(nd.last.name, last, nd.last.len)))
		why = "the last name";
	path_put(&nd.path);
	if (!why)
		why = snapshot_differs(&s);
	if (why) {
		unit_fail(__FILE__, line, "\"%s\": %s", path, why);
		return false;
	}
	return true;
}

#define PARENT(path, dir, last, type)					\
	do {								\
		if (!parent_is(__LINE__, path, dir, last, type))	\
			return;						\
	} while (0)

UNIT_TEST(namei_parent_and_last_type)
{
	setup();
	PARENT("/a/b/f", "/a/b", "f", LAST_NORM);
	PARENT("/a/b/nope", "/a/b", "nope", LAST_NORM);
	PARENT("a/b/", "/a", "b", LAST_NORM);
	PARENT("/a/b/..", "/a/b", "..", LAST_DOTDOT);
	PARENT("/a/.", "/a", ".", LAST_DOT);
	PARENT("/", "/", NULL, LAST_ROOT);
	PARENT("/rel/f", "/a/b", "f", LAST_NORM);	/* a link on the way */
	PARENT("/rel", "/", "rel", LAST_NORM);		/* not followed */
	PARENT("/mnt/x/y", "mnt:/x", "y", LAST_NORM);
}

UNIT_TEST(namei_umount_frees_the_tree)
{
	long alive;

	setup();
	WALK("/mnt/x/back", FOLLOW, "/a", ROOT_MNT);
	alive = host_cache_alive;
	/* The tree holds one reference to the mount, the walk another. */
	CHECK_EQ(atomic_read(&mnt_mnt->mnt_count), 1);
	CHECK_EQ(do_umount_path("/mnt", 0), 0);
	mnt_mnt = NULL;
	/* mnt:/, x, y, back, and the negative "nope": dentries and inodes */
	CHECK_EQ(alive - host_cache_alive, 5 + 4);
	CHECK_EQ(host_mutexes_held, 0);
	/* /mnt is the directory of the root file system again */
	{
		struct path p;

		CHECK_EQ(kern_path("/mnt", FOLLOW, &p), 0);
		CHECK_STR(node_of(p.dentry->d_inode)->path, "/mnt");
		CHECK(p.mnt == ROOT_MNT);
		path_put(&p);
		CHECK_EQ(kern_path("/mnt/x", FOLLOW, &p), -ENOENT);
	}
}
