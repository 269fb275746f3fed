// SPDX-License-Identifier: GPL-2.0
/*
 * tests/ktest/vfs_test.c - the virtual file system from inside: path
 * walks with ".", ".." and mount points, the dentry cache, symbolic links
 * and their limits, mount and umount, and ramfs's data pages.
 *
 * The tests walk the tree pid 1 unpacked (rootfs, read-only) and work in
 * a directory of their own under /tmp (ramfs), which a cleanup action
 * removes however the test ends (and unmounts what it mounted), so no
 * test sees another's files and the runner's counts of pages and slab
 * objects come back exact: a leaked dentry, inode or data page fails the
 * test.  A kernel thread has no user memory, so the data test borrows a
 * fresh address space with one page (use_mm()) for the buffers that
 * read() and write() copy through.  The last test has two kernel threads
 * on two CPUs (when there are two) rename names across two directories in
 * opposite directions while the test walks and reads them; the threads
 * are stopped by cleanup actions.
 */
#include <asm/uaccess.h>
#include <atomic.h>
#include <completion.h>
#include <cpumask.h>
#include <errno.h>
#include <fs.h>
#include <kernel.h>
#include <kthread.h>
#include <ktest.h>
#include <mm.h>
#include <mm_types.h>
#include <sched.h>
#include <slab.h>
#include <string.h>
#include <vsprintf.h>

#define USER_BUF	0x08048000UL	/* where the borrowed page is mapped */

/* What a test made, undone in reverse: umount, unlink or rmdir. */
struct cleanup {
	const char *const *paths;	/* NULL-terminated, last made first */
};

static void remove_paths(void *data)
{
	const char *const *p = data;

	for (; *p; p++) {
		(void)do_umount_path(*p, MNT_DETACH | UMOUNT_NOFOLLOW);
		if (do_unlinkat(AT_FDCWD, *p, 0))
			(void)do_unlinkat(AT_FDCWD, *p, AT_REMOVEDIR);
	}
}

/* Is @name the same place as @other?  Both must exist. */
static bool same_place(const char *name, const char *other)
{
	struct path a, b;
	bool same;

	if (kern_path(name, LOOKUP_FOLLOW, &a))
		return false;
	if (kern_path(other, LOOKUP_FOLLOW, &b)) {
		path_put(&a);
		return false;
	}
	same = a.mnt == b.mnt && a.dentry == b.dentry;
	path_put(&a);
	path_put(&b);
	return same;
}

static int walk_error(const char *name, unsigned int flags)
{
	struct path p;
	int err = kern_path(name, flags, &p);

	if (!err)
		path_put(&p);
	return err;
}

KTEST(vfs_path_walk_dot_dotdot_and_errors)
{
	static char long_name[NAME_MAX + 8];
	struct path tmp, root;

	KTEST_EXPECT(same_place("/bin/../etc/./motd", "/etc/motd"));
	KTEST_EXPECT(same_place("//etc///motd", "/etc/motd"));
	KTEST_EXPECT(same_place("/..", "/"));
	KTEST_EXPECT(same_place("/../../etc/..", "/"));
	/* Out of the ramfs on /tmp, back into rootfs. */
	KTEST_EXPECT(same_place("/tmp/..", "/"));
	KTEST_EXPECT(same_place("/tmp/../etc/../tmp", "/tmp"));

	KTEST_ASSERT_EQ(kern_path("/tmp", LOOKUP_FOLLOW, &tmp), 0);
	KTEST_ASSERT_EQ(kern_path("/", LOOKUP_FOLLOW, &root), 0);
	/* Into the mount: its root, not the rootfs directory it covers. */
	KTEST_EXPECT(tmp.mnt != root.mnt);
	KTEST_EXPECT(tmp.dentry == tmp.mnt->mnt_root);
	KTEST_EXPECT(!strcmp(tmp.mnt->mnt_sb->s_type->name, "ramfs"));
	KTEST_EXPECT(!strcmp(root.mnt->mnt_sb->s_type->name, "rootfs"));
	path_put(&tmp);
	path_put(&root);

	KTEST_EXPECT_EQ(walk_error("/etc/motd/x", LOOKUP_FOLLOW), -ENOTDIR);
	KTEST_EXPECT_EQ(walk_error("/etc/motd/", LOOKUP_FOLLOW), -ENOTDIR);
	KTEST_EXPECT_EQ(walk_error("/etc/motd", LOOKUP_DIRECTORY), -ENOTDIR);
	KTEST_EXPECT_EQ(walk_error("/no-such", LOOKUP_FOLLOW), -ENOENT);
	KTEST_EXPECT_EQ(walk_error("/no-such/x", LOOKUP_FOLLOW), -ENOENT);
	KTEST_EXPECT_EQ(walk_error("", LOOKUP_FOLLOW), -ENOENT);
	memset(long_name, 'a', sizeof(long_name) - 1);
	long_name[0] = '/';
	long_name[NAME_MAX + 1] = '\0';		/* "/" + 255 letters */
	KTEST_EXPECT_EQ(walk_error(long_name, LOOKUP_FOLLOW), -ENOENT);
	long_name[NAME_MAX + 1] = 'a';		/* 256 */
	long_name[NAME_MAX + 2] = '\0';
	KTEST_EXPECT_EQ(walk_error(long_name, LOOKUP_FOLLOW), -ENAMETOOLONG);
}

static void path_put_action(void *data)
{
	path_put(data);
}

KTEST(vfs_dcache_hit_and_no_negative_dentry_kept)
{
	struct qstr motd = { .name = "motd", .len = 4 };
	struct qstr none = { .name = "none", .len = 4 };
	/* Static: the action that puts it runs after this returns. */
	static struct path etc;
	struct path file;
	struct dentry *hit;
	unsigned long before;

	motd.hash = full_name_hash(motd.name, motd.len);
	none.hash = full_name_hash(none.name, none.len);
	KTEST_ASSERT_EQ(kern_path("/etc", LOOKUP_FOLLOW, &etc), 0);
	ktest_add_action(path_put_action, &etc);

	/* Unpacked names are in the cache, found without the file system. */
	hit = d_lookup(etc.dentry, &motd);
	KTEST_ASSERT(hit != NULL);
	KTEST_EXPECT(hit->d_inode && S_ISREG(hit->d_inode->i_mode));
	KTEST_ASSERT_EQ(kern_path("/etc/motd", 0, &file), 0);
	KTEST_EXPECT(file.dentry == hit);
	path_put(&file);
	dput(hit);

	/* A miss leaves nothing behind: the negative dentry dies with the
	 * walk that made it. */
	before = nr_dentries();
	KTEST_EXPECT_EQ(walk_error("/etc/none", LOOKUP_FOLLOW), -ENOENT);
	KTEST_EXPECT_EQ(nr_dentries(), before);
	KTEST_EXPECT(d_lookup(etc.dentry, &none) == NULL);
}

#define LNK "/tmp/kt-link"

KTEST(vfs_symlinks_relative_absolute_nested_and_loops)
{
	static const char *const made[] = {
		LNK "/c0", LNK "/c1", LNK "/c2", LNK "/c3", LNK "/c4",
		LNK "/c5", LNK "/c6", LNK "/c7", LNK "/c8", LNK "/a",
		LNK "/b", LNK "/rel", LNK "/etc", LNK, NULL
	};
	char body[32], name[32];
	struct path p;

	ktest_add_action(remove_paths, (void *)made);
	KTEST_ASSERT_EQ(do_mkdirat(AT_FDCWD, LNK, 0755), 0);
	KTEST_ASSERT_EQ(do_symlinkat("/etc", AT_FDCWD, LNK "/etc"), 0);
	KTEST_ASSERT_EQ(do_symlinkat("../kt-link/etc", AT_FDCWD, LNK "/rel"), 0);
	KTEST_EXPECT(same_place(LNK "/etc/motd", "/etc/motd"));
	KTEST_EXPECT(same_place(LNK "/rel/motd", "/etc/motd"));
	KTEST_EXPECT(same_place(LNK "/rel/", "/etc"));

	/* Without LOOKUP_FOLLOW the last name is the link itself. */
	KTEST_ASSERT_EQ(kern_path(LNK "/rel", 0, &p), 0);
	KTEST_EXPECT(S_ISLNK(p.dentry->d_inode->i_mode));
	KTEST_EXPECT_EQ(p.dentry->d_inode->i_size, 14);	/* the body */
	path_put(&p);

	KTEST_ASSERT_EQ(do_symlinkat("b", AT_FDCWD, LNK "/a"), 0);
	KTEST_ASSERT_EQ(do_symlinkat("a", AT_FDCWD, LNK "/b"), 0);
	KTEST_EXPECT_EQ(walk_error(LNK "/a", LOOKUP_FOLLOW), -ELOOP);
	KTEST_EXPECT_EQ(walk_error(LNK "/a/x", 0), -ELOOP);
	KTEST_EXPECT_EQ(walk_error(LNK "/a", 0), 0);

	/* c1 -> c2 -> ... -> c8 -> /etc/motd: eight links, nested. */
	KTEST_ASSERT_EQ(do_symlinkat("/etc/motd", AT_FDCWD, LNK "/c8"), 0);
	for (int i = 7; i >= 0; i--) {
		snprintf(body, sizeof(body), LNK "/c%d", i + 1);
		snprintf(name, sizeof(name), LNK "/c%d", i);
		KTEST_ASSERT_EQ(do_symlinkat(body, AT_FDCWD, name), 0);
	}
	KTEST_EXPECT(same_place(LNK "/c1", "/etc/motd"));
	KTEST_EXPECT_EQ(walk_error(LNK "/c0", LOOKUP_FOLLOW), -ELOOP);
}

#define MNT "/tmp/kt-mnt"

KTEST(vfs_mount_crossing_umount_busy_and_read_only)
{
	static const char *const made[] = {
		MNT "/m/f", MNT "/m", MNT, NULL
	};
	unsigned long inodes;
	struct file *f;
	struct path p;

	ktest_add_action(remove_paths, (void *)made);
	KTEST_ASSERT_EQ(do_mkdirat(AT_FDCWD, MNT, 0755), 0);
	KTEST_ASSERT_EQ(do_mkdirat(AT_FDCWD, MNT "/m", 0755), 0);
	inodes = nr_inodes();
	KTEST_ASSERT_EQ(do_mount("none", MNT "/m", "ramfs", 0, NULL), 0);
	KTEST_EXPECT_EQ(do_mount("none", MNT "/m", "nosuchfs", 0, NULL),
			-ENODEV);
	KTEST_ASSERT_EQ(kern_path(MNT "/m", LOOKUP_FOLLOW, &p), 0);
	KTEST_EXPECT(p.dentry == p.mnt->mnt_root);
	KTEST_EXPECT(p.mnt->mnt_parent != p.mnt);
	path_put(&p);

	f = filp_open(MNT "/m/f", O_CREAT | O_RDWR, 0644);
	KTEST_ASSERT(!IS_ERR(f));
	KTEST_EXPECT(same_place(MNT "/m/..", MNT));
	KTEST_EXPECT(same_place(MNT "/m/../m/f", MNT "/m/f"));
	/* An open file and the covered directory keep it in place. */
	KTEST_EXPECT_EQ(do_umount_path(MNT "/m", 0), -EBUSY);
	KTEST_EXPECT_EQ(do_unlinkat(AT_FDCWD, MNT "/m", AT_REMOVEDIR), -EBUSY);
	KTEST_EXPECT_EQ(do_umount_path(MNT, 0), -EINVAL);
	fput(f);
	KTEST_EXPECT_EQ(do_umount_path(MNT "/m", 0), 0);
	/* Its files went with it; the directory below shows again. */
	KTEST_EXPECT_EQ(walk_error(MNT "/m/f", LOOKUP_FOLLOW), -ENOENT);
	KTEST_EXPECT_EQ(nr_inodes(), inodes);

	/* Read-only: no new names, whoever asks. */
	KTEST_ASSERT_EQ(do_mount("none", MNT "/m", "ramfs", MS_RDONLY, NULL),
			0);
	f = filp_open(MNT "/m/f", O_CREAT | O_RDWR, 0644);
	KTEST_EXPECT_EQ(PTR_ERR(f), -EROFS);
	if (!IS_ERR(f))
		fput(f);
	KTEST_EXPECT_EQ(do_mkdirat(AT_FDCWD, MNT "/m/d", 0755), -EROFS);
	KTEST_EXPECT_EQ(do_symlinkat("x", AT_FDCWD, MNT "/m/l"), -EROFS);
	/* Remounted writable, it takes them. */
	KTEST_EXPECT_EQ(do_mount(NULL, MNT "/m", NULL, MS_REMOUNT, NULL), 0);
	KTEST_EXPECT_EQ(do_mkdirat(AT_FDCWD, MNT "/m/d", 0755), 0);

	/* Lazy: out of the tree at once, alive while a file is open. */
	f = filp_open(MNT "/m/d", O_RDONLY, 0);
	KTEST_ASSERT(!IS_ERR(f));
	KTEST_EXPECT_EQ(do_umount_path(MNT "/m", MNT_DETACH), 0);
	KTEST_EXPECT_EQ(walk_error(MNT "/m/d", LOOKUP_FOLLOW), -ENOENT);
	KTEST_EXPECT(nr_inodes() > inodes);
	fput(f);
	KTEST_EXPECT_EQ(nr_inodes(), inodes);
	/* The root file system cannot go. */
	KTEST_EXPECT_EQ(do_umount_path("/", 0), -EINVAL);
}

/* The borrowed address space goes however the test ends. */
static void drop_user_page(void *data)
{
	struct mm_struct *mm = data;

	unuse_mm(mm);
	mmput(mm);
}

static void fput_action(void *data)
{
	fput(data);
}

#define DATA "/tmp/kt-data"

KTEST(vfs_ramfs_write_read_truncate_unlink_no_leak)
{
	static const char *const made[] = {
		DATA "/small/x", DATA "/small", DATA "/x", DATA, NULL
	};
	static char pattern[PAGE_SIZE], back[PAGE_SIZE];
	char *ubuf = (char *)USER_BUF;
	unsigned long pages;
	struct mm_struct *mm;
	struct file *f;
	ssize_t n;

	mm = mm_alloc();
	KTEST_ASSERT(mm != NULL);
	if (map_user_page(mm, USER_BUF, true)) {
		mmput(mm);
		KTEST_FAIL("cannot map a user page");
	}
	use_mm(mm);
	ktest_add_action(drop_user_page, mm);
	ktest_add_action(remove_paths, (void *)made);
	for (unsigned int i = 0; i < PAGE_SIZE; i++)
		pattern[i] = (char)(i * 7 + 1);
	KTEST_ASSERT_EQ(copy_to_user(ubuf, pattern, PAGE_SIZE), 0);

	KTEST_ASSERT_EQ(do_mkdirat(AT_FDCWD, DATA, 0755), 0);
	pages = ramfs_pages_in_use();
	f = filp_open(DATA "/x", O_CREAT | O_EXCL | O_RDWR, 0600);
	KTEST_ASSERT(!IS_ERR(f));
	KTEST_EXPECT_EQ(PTR_ERR(filp_open(DATA "/x", O_CREAT | O_EXCL |
					  O_RDWR, 0600)), -EEXIST);
	/* Three writes straddling page boundaries: 3 data pages + the
	 * index page + one leaf page. */
	for (int i = 0; i < 3; i++)
		KTEST_EXPECT_EQ(f->f_op->write(f, ubuf, PAGE_SIZE - 100),
				PAGE_SIZE - 100);
	KTEST_EXPECT_EQ(f->f_dentry->d_inode->i_size, 3 * (PAGE_SIZE - 100));
	KTEST_EXPECT_EQ(ramfs_pages_in_use() - pages, 5);
	KTEST_ASSERT_EQ(f->f_op->llseek(f, PAGE_SIZE - 100, SEEK_SET),
			PAGE_SIZE - 100);
	n = f->f_op->read(f, ubuf, PAGE_SIZE);
	KTEST_EXPECT_EQ(n, PAGE_SIZE);
	KTEST_ASSERT_EQ(copy_from_user(back, ubuf, PAGE_SIZE), 0);
	KTEST_EXPECT(!memcmp(back, pattern, PAGE_SIZE - 100));
	KTEST_EXPECT(!memcmp(back + PAGE_SIZE - 100, pattern, 100));

	/* A hole reads as zeros; a write past it fills one page only. */
	KTEST_ASSERT_EQ(f->f_op->llseek(f, 6 * PAGE_SIZE, SEEK_SET),
			6 * PAGE_SIZE);
	KTEST_EXPECT_EQ(f->f_op->write(f, ubuf, 1), 1);
	KTEST_EXPECT_EQ(ramfs_pages_in_use() - pages, 6);
	KTEST_ASSERT_EQ(f->f_op->llseek(f, 4 * PAGE_SIZE, SEEK_SET),
			4 * PAGE_SIZE);
	KTEST_EXPECT_EQ(f->f_op->read(f, ubuf, PAGE_SIZE), PAGE_SIZE);
	KTEST_ASSERT_EQ(copy_from_user(back, ubuf, PAGE_SIZE), 0);
	KTEST_EXPECT(back[0] == 0 && !memcmp(back, back + 1, PAGE_SIZE - 1));

	/* Truncate frees what lies past the new end. */
	KTEST_EXPECT_EQ(do_truncate(f->f_dentry, 10), 0);
	KTEST_EXPECT_EQ(f->f_dentry->d_inode->i_size, 10);
	KTEST_EXPECT_EQ(ramfs_pages_in_use() - pages, 3);

	/* Unlinked while open: the data stay until the last close. */
	KTEST_EXPECT_EQ(do_unlinkat(AT_FDCWD, DATA "/x", 0), 0);
	KTEST_EXPECT_EQ(walk_error(DATA "/x", LOOKUP_FOLLOW), -ENOENT);
	KTEST_ASSERT_EQ(f->f_op->llseek(f, 0, SEEK_SET), 0);
	KTEST_EXPECT_EQ(f->f_op->read(f, ubuf, 100), 10);
	KTEST_EXPECT_EQ(ramfs_pages_in_use() - pages, 3);
	fput(f);
	KTEST_EXPECT_EQ(ramfs_pages_in_use(), pages);

	/* A size limit of 4 pages: the tables take 2, then -ENOSPC. */
	KTEST_ASSERT_EQ(do_mkdirat(AT_FDCWD, DATA "/small", 0755), 0);
	KTEST_ASSERT_EQ(do_mount("none", DATA "/small", "ramfs", 0,
				 "size=16k"), 0);
	f = filp_open(DATA "/small/x", O_CREAT | O_WRONLY, 0600);
	KTEST_ASSERT(!IS_ERR(f));
	ktest_add_action(fput_action, f);
	for (int i = 0; i < 2; i++)
		KTEST_EXPECT_EQ(f->f_op->write(f, ubuf, PAGE_SIZE), PAGE_SIZE);
	KTEST_EXPECT_EQ(f->f_op->write(f, ubuf, PAGE_SIZE), -ENOSPC);
	ktest_release_action(fput_action, f);
	KTEST_EXPECT_EQ(do_umount_path(DATA "/small", 0), 0);
	KTEST_EXPECT_EQ(ramfs_pages_in_use(), pages);
}

#define SMP_DIR		"/tmp/kt-smp"
#define SMP_LOOPS	300

static struct {
	struct completion done;		/* one complete() per mover */
	atomic_t finished;		/* movers done */
	atomic_t failures;
} smp_names;

/*
 * Mover @n: creates n-names in directory dN, renames each into the other
 * directory, removes it there.  The two movers rename in opposite
 * directions at once: lock_rename() must not deadlock, the dcache must
 * not lose or double a name.
 */
static int name_mover(void *data)
{
	int n = (long)data;
	char from[48], to[48];

	for (int i = 0; i < SMP_LOOPS; i++) {
		struct file *f;

		snprintf(from, sizeof(from), SMP_DIR "/d%d/m%d-%d", n, n, i);
		snprintf(to, sizeof(to), SMP_DIR "/d%d/m%d-%d", !n, n, i);
		f = filp_open(from, O_CREAT | O_EXCL | O_WRONLY, 0600);
		if (IS_ERR(f)) {
			atomic_inc(&smp_names.failures);
			continue;
		}
		fput(f);
		if (do_renameat(AT_FDCWD, from, AT_FDCWD, to) ||
		    do_unlinkat(AT_FDCWD, to, 0))
			atomic_inc(&smp_names.failures);
	}
	atomic_inc(&smp_names.finished);
	complete(&smp_names.done);
	ktest_wait_for_stop();
	return 0;
}

static int count_name(void *buf, const char *name, int namlen,
		      off_t offset, unsigned long ino, unsigned int d_type)
{
	(*(int *)buf)++;
	return 0;
}

KTEST(vfs_concurrent_renames_across_directories)
{
	static const char *const made[] = {
		SMP_DIR "/d0", SMP_DIR "/d1", SMP_DIR, NULL
	};
	unsigned int cpus = num_online_cpus();
	struct task_struct *p[2];
	struct file *dir;
	int names = 0;

	init_completion(&smp_names.done);
	atomic_set(&smp_names.finished, 0);
	atomic_set(&smp_names.failures, 0);
	ktest_add_action(remove_paths, (void *)made);
	KTEST_ASSERT_EQ(do_mkdirat(AT_FDCWD, SMP_DIR, 0755), 0);
	KTEST_ASSERT_EQ(do_mkdirat(AT_FDCWD, SMP_DIR "/d0", 0755), 0);
	KTEST_ASSERT_EQ(do_mkdirat(AT_FDCWD, SMP_DIR "/d1", 0755), 0);
	for (long i = 0; i < 2; i++) {
		p[i] = kthread_create(name_mover, (void *)i, "vfs-mover/%ld", i);
		KTEST_ASSERT(!IS_ERR(p[i]));
		ktest_add_action(ktest_kthread_stop, p[i]);
		set_cpus_allowed(p[i], cpumask_of_cpu(i % cpus));
	}
	wake_up_process(p[0]);
	wake_up_process(p[1]);
	/* Meanwhile, walks through both directories and reads them. */
	while (atomic_read(&smp_names.finished) < 2) {
		KTEST_EXPECT(same_place(SMP_DIR "/d0/../d1", SMP_DIR "/d1"));
		dir = filp_open(SMP_DIR "/d1", O_RDONLY | O_DIRECTORY, 0);
		KTEST_ASSERT(!IS_ERR(dir));
		names = 0;
		KTEST_EXPECT_EQ(vfs_readdir(dir, count_name, &names), 0);
		KTEST_EXPECT(names >= 2 && names <= 2 + 2);
		fput(dir);
		schedule();
	}
	wait_for_completion(&smp_names.done);
	wait_for_completion(&smp_names.done);
	KTEST_EXPECT_EQ(atomic_read(&smp_names.failures), 0);
	/* Every name came and went: both directories are empty again. */
	KTEST_EXPECT_EQ(do_unlinkat(AT_FDCWD, SMP_DIR "/d0", AT_REMOVEDIR), 0);
	KTEST_EXPECT_EQ(do_unlinkat(AT_FDCWD, SMP_DIR "/d1", AT_REMOVEDIR), 0);
}
