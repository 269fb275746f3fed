// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/initramfs.c - unpacking the initramfs, a cpio "newc" archive,
 * into rootfs.
 *
 * Linux 2.6: init/initramfs.c (populate_rootfs, unpack_to_rootfs,
 * do_name, do_symlink).
 * A newc archive is a sequence of entries, each a 110-byte ASCII header
 * ("070701" and thirteen 8-digit hex fields: inode, mode, uid, gid,
 * nlink, mtime, filesize, dev/rdev numbers, namesize, check), the name
 * (NUL-terminated, padded so that header + name is a multiple of 4), and
 * the data (padded to 4).  The name "TRAILER!!!" ends it.  Every field is
 * checked against the archive's bounds: a corrupt archive is reported
 * and ignored as a whole, and the kernel runs on without user space.
 * initramfs_parse() reads the archive and hands each member to an actor,
 * nothing else, so the host fuzzer (tests/fuzz/cpio_fuzz.c) runs it as
 * it is.  populate_initramfs() (pid 1, boot) reads the boot module
 * once, keeping each member (keep_member()) until the trailer says the
 * archive is whole -- a corrupt one is then dropped with nothing made.
 * A plain file or symbolic link whose directory exists is then only
 * noted on that directory (defer_entry(), fs/ramfs.c:
 * rootfs_defer_member()) and made at the directory's first lookup or
 * readdir: Linux makes every member at boot, but kt26 keeps the archive
 * in memory for good, and boot need not pay a dentry and an inode for
 * each of busybox's 256 links.  Every other member goes to
 * unpack_entry(), which makes it in rootfs through the
 * VFS as a system call would -- directories
 * (do_mkdirat()), symbolic links (do_symlinkat()), device nodes
 * (do_mknodat()), and regular files whose bytes stay where the boot
 * loader put them (fs/ramfs.c: rootfs_add_file(), read by initramfs_fops
 * below).  Hard links (members sharing an inode number, the data with
 * the last) become links of one file.  Owners are not applied: the
 * archive is built owned by root.  Then vfs_boot_mounts() (fs/
 * namespace.c) adds /dev, /tmp, /proc and makes rootfs read-only.
 */
#include <asm/uaccess.h>
#include <errno.h>
#include <fs.h>
#include <fs_struct.h>
#include <initramfs.h>
#include <kernel.h>
#include <list.h>
#include <mm.h>
#include <sched.h>
#include <setup.h>
#include <slab.h>
#include <string.h>

#define NEWC_MAGIC	"070701"
#define NEWC_HDR_LEN	110
#define NEWC_FIELDS	13
#define NEWC_INO	0	/* field indexes */
#define NEWC_MODE	1
#define NEWC_UID	2
#define NEWC_GID	3
#define NEWC_NLINK	4
#define NEWC_MTIME	5
#define NEWC_FILESIZE	6
#define NEWC_RDEVMAJOR	9
#define NEWC_RDEVMINOR	10
#define NEWC_NAMESIZE	11

/*
 * Each byte's value as a hex digit, plus one: every other byte is left
 * at 0, which becomes 0xffffffff once the one is taken off.
 */
static const u8 hex_value[256] = {
	['0'] = 1, ['1'] = 2, ['2'] = 3, ['3'] = 4, ['4'] = 5,
	['5'] = 6, ['6'] = 7, ['7'] = 8, ['8'] = 9, ['9'] = 10,
	['a'] = 11, ['b'] = 12, ['c'] = 13, ['d'] = 14, ['e'] = 15, ['f'] = 16,
	['A'] = 11, ['B'] = 12, ['C'] = 13, ['D'] = 14, ['E'] = 15, ['F'] = 16,
};

/*
 * One 8-digit field, unrolled: a loop over the digits cost four more
 * instructions a digit (its counter, its branch) than the digits
 * themselves, and gcc at -Og does not unroll it.  @seen collects every
 * digit's value, to be checked once for the whole header.
 */
static __always_inline unsigned long hex_field(const char *s,
					       unsigned int *seen)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned int d0 = hex_value[u[0]] - 1U, d1 = hex_value[u[1]] - 1U;
	unsigned int d2 = hex_value[u[2]] - 1U, d3 = hex_value[u[3]] - 1U;
	unsigned int d4 = hex_value[u[4]] - 1U, d5 = hex_value[u[5]] - 1U;
	unsigned int d6 = hex_value[u[6]] - 1U, d7 = hex_value[u[7]] - 1U;

	*seen |= d0 | d1 | d2 | d3 | d4 | d5 | d6 | d7;
	return (unsigned long)d0 << 28 | d1 << 24 | d2 << 20 | d3 << 16 |
	       d4 << 12 | d5 << 8 | d6 << 4 | d7;
}

/*
 * The header's thirteen 8-digit fields, without a branch per digit:
 * boot reads 104 digits for each of some 300 members.  The OR of all
 * the values is above 15 only if a byte was no digit.
 * Return: 0, or -EINVAL for a non-hex byte (@field is then garbage).
 */
static int parse_fields(const char *s, unsigned long *field)
{
	unsigned int seen = 0;

	for (int i = 0; i < NEWC_FIELDS; i++)
		field[i] = hex_field(s + 8 * i, &seen);
	return seen > 15 ? -EINVAL : 0;
}

/**
 * initramfs_parse - read a newc archive, member by member
 * @base: the archive's first byte
 * @size: its size in bytes
 * @actor: called for each member but the root ("." or "/"), or NULL to
 *	check the archive only
 * @priv: @actor's first argument
 *
 * Each member's name and data point into the archive, which must stay.
 * A corrupt archive gets one KERN_ERR line saying what is wrong and
 * where; @actor may have seen the members before that point.
 * Context: any (boot, for the kernel).
 * Return: the number of members handed to @actor (or that would be), or
 * -EINVAL (corrupt archive).
 */
int initramfs_parse(const char *base, size_t size, cpio_actor_t actor,
		    void *priv)
{
	size_t off = 0;
	int count = 0;

	while (off + NEWC_HDR_LEN <= size) {
		const char *hdr = base + off, *name;
		unsigned long field[NEWC_FIELDS];
		size_t name_off, data_off, end;
		struct cpio_entry entry;

		if (memcmp(hdr, NEWC_MAGIC, 6)) {
			printk(KERN_ERR "initramfs: bad magic at offset %zu\n",
			       off);
			return -EINVAL;
		}
		if (parse_fields(hdr + 6, field)) {
			printk(KERN_ERR "initramfs: bad header field at offset "
			       "%zu\n", off);
			return -EINVAL;
		}
		name_off = off + NEWC_HDR_LEN;
		data_off = ALIGN(name_off + field[NEWC_NAMESIZE], 4);
		end = data_off + field[NEWC_FILESIZE];
		name = base + name_off;
		if (!field[NEWC_NAMESIZE] || field[NEWC_NAMESIZE] > size ||
		    field[NEWC_FILESIZE] > size || end > size ||
		    name[field[NEWC_NAMESIZE] - 1] != '\0') {
			printk(KERN_ERR "initramfs: entry at offset %zu runs past "
			       "the end of the archive\n", off);
			return -EINVAL;
		}
		if (!strcmp(name, "TRAILER!!!"))
			return count;

		while (*name == '/' || (name[0] == '.' && name[1] == '/'))
			name += *name == '/' ? 1 : 2;
		if (*name && strcmp(name, ".")) {
			entry = (struct cpio_entry) {
				.name = name,
				.offset = off,
				.mode = field[NEWC_MODE],
				.uid = field[NEWC_UID],
				.gid = field[NEWC_GID],
				.nlink = field[NEWC_NLINK],
				.mtime = field[NEWC_MTIME],
				.ino = field[NEWC_INO],
				.rdev_major = field[NEWC_RDEVMAJOR],
				.rdev_minor = field[NEWC_RDEVMINOR],
				.data = base + data_off,
				.size = field[NEWC_FILESIZE],
			};
			if (actor)
				actor(priv, &entry);
			count++;
		}
		off = ALIGN(end, 4);
	}
	printk(KERN_ERR "initramfs: archive ends without a trailer\n");
	return -EINVAL;
}

/* A hard link seen before the member that carries the data. */
struct pending_link {
	struct list_head list;
	unsigned long ino;
	char name[];
};

struct unpack_state {
	struct list_head links;		/* pending_link */
	int files, dirs, symlinks, nodes, errors;
};

static void unpack_warn(struct unpack_state *s, const struct cpio_entry *e,
			const char *what, long err)
{
	printk(KERN_WARNING "initramfs: %s: %s (error %ld)\n", e->name, what,
	       err);
	s->errors++;
}

/* A regular member: a file of its own, or the data of earlier links. */
static void unpack_file(struct unpack_state *s, const struct cpio_entry *e)
{
	struct timespec mtime = { .tv_sec = e->mtime };
	struct pending_link *link, *next;
	long err;

	if (e->nlink > 1 && !e->size) {
		link = kmalloc(sizeof(*link) + strlen(e->name) + 1,
			       GFP_KERNEL);
		if (link) {
			link->ino = e->ino;
			memcpy(link->name, e->name, strlen(e->name) + 1);
			list_add_tail(&link->list, &s->links);
			return;
		}
	}
	err = rootfs_add_file(e->name, e->mode, e->data, e->size, mtime);
	if (err) {
		unpack_warn(s, e, "cannot create", err);
		return;
	}
	s->files++;
	list_for_each_entry_safe(link, next, &s->links, list) {
		if (e->nlink <= 1 || link->ino != e->ino)
			continue;
		err = do_linkat(AT_FDCWD, e->name, AT_FDCWD, link->name, 0);
		if (err)
			unpack_warn(s, e, "cannot link", err);
		list_del(&link->list);
		kfree(link);
	}
}

static void unpack_entry(void *priv, const struct cpio_entry *e)
{
	struct unpack_state *s = priv;
	char short_body[64], *body;
	long err = 0;

	switch (e->mode & S_IFMT) {
	case S_IFDIR:
		err = do_mkdirat(AT_FDCWD, e->name, e->mode & 07777);
		if (err == -EEXIST)
			err = 0;
		s->dirs += !err;
		break;
	case S_IFREG:
		unpack_file(s, e);
		break;
	case S_IFLNK:
		if (!e->size || e->size >= PATH_MAX) {
			err = -ENAMETOOLONG;
			break;
		}
		/*
		 * The body, NUL-terminated: on the stack when it is short,
		 * as busybox's "busybox" is for each of its 256 links.
		 */
		body = e->size < sizeof(short_body) ? short_body :
		       kmalloc(e->size + 1, GFP_KERNEL);
		if (!body) {
			err = -ENOMEM;
			break;
		}
		memcpy(body, e->data, e->size);
		body[e->size] = '\0';
		err = do_symlinkat(body, AT_FDCWD, e->name);
		if (body != short_body)
			kfree(body);
		s->symlinks += !err;
		break;
	case S_IFCHR:
	case S_IFBLK:
	case S_IFIFO:
		err = do_mknodat(AT_FDCWD, e->name, e->mode,
				 MKDEV(e->rdev_major, e->rdev_minor));
		s->nodes += !err;
		break;
	default:
		err = -EINVAL;
		break;
	}
	if (err)
		unpack_warn(s, e, "skipped", err);
}

/*
 * The members of a whole archive, in order: the one reading keeps them
 * all before anything is made of them (Linux 2.6's populate_rootfs()
 * reads the archive a first time "check_only" instead).
 */
struct member_list {
	struct cpio_entry *entry;	/* kmalloc()ed, grown by doubling */
	unsigned int nr, max;
	bool no_memory;			/* some were not kept */
};

static void keep_member(void *priv, const struct cpio_entry *e)
{
	struct member_list *m = priv;

	if (m->no_memory)
		return;
	if (m->nr == m->max) {
		unsigned int max = m->max ? 2 * m->max : PAGE_SIZE / sizeof(*e);
		struct cpio_entry *bigger = kmalloc(max * sizeof(*e),
						    GFP_KERNEL);

		if (!bigger) {
			m->no_memory = true;
			return;
		}
		memcpy(bigger, m->entry, m->nr * sizeof(*e));
		kfree(m->entry);
		m->entry = bigger;
		m->max = max;
	}
	m->entry[m->nr++] = *e;
}

/* The directory of the members deferred last, found once for a run. */
struct defer_state {
	struct path parent;
	const char *prefix;		/* its name in the last member's */
	size_t prefix_len;
	unsigned int deferred;
};

/*
 * A plain file or a symbolic link whose directory exists is only noted
 * there (fs/ramfs.c: rootfs_defer_member()), to be made when someone
 * first looks into the directory: boot makes no dentry and no inode for
 * busybox's 256 links.  Directories, device nodes and hard links are made
 * now, in the archive's order, by unpack_entry().
 * Return: true if @e was deferred (and counted).
 */
static bool defer_entry(struct unpack_state *s, struct defer_state *d,
			const struct cpio_entry *e)
{
	const char *slash = strrchr(e->name, '/');
	size_t len = slash ? slash - e->name : 0;
	char dir[128];

	if (S_ISLNK(e->mode)) {
		if (!e->size || e->size >= PATH_MAX)
			return false;
	} else if (!S_ISREG(e->mode) || e->nlink > 1) {
		return false;
	}
	if (!d->parent.dentry || len != d->prefix_len ||
	    memcmp(e->name, d->prefix, len)) {
		if (d->parent.dentry)
			path_put(&d->parent);
		d->parent.dentry = NULL;
		if (len >= sizeof(dir) - 1)
			return false;
		dir[0] = '/';
		memcpy(dir + 1, e->name, len);
		dir[len + 1] = '\0';
		if (kern_path(dir, 0, &d->parent)) {
			d->parent.dentry = NULL;
			return false;
		}
		d->prefix = e->name;
		d->prefix_len = len;
	}
	/* Only rootfs's own directories, never a file or another mount. */
	if (!S_ISDIR(d->parent.dentry->d_inode->i_mode) ||
	    d->parent.dentry->d_sb != current->fs->root.dentry->d_sb ||
	    rootfs_defer_member(d->parent.dentry, e))
		return false;
	if (S_ISLNK(e->mode))
		s->symlinks++;
	else
		s->files++;
	d->deferred++;
	return true;
}

/**
 * populate_initramfs - unpack the first boot module into rootfs, then
 *	make the rest of the boot name space
 *
 * With no module or a corrupt one, the tree holds only what
 * vfs_boot_mounts() makes (/dev/console among it).
 * Context: process (pid 1), boot.
 * Return: the number of members unpacked, or a negative error (no
 * module, corrupt archive).
 */
int populate_initramfs(void)
{
	struct unpack_state s = { .links = LIST_HEAD_INIT(s.links) };
	struct member_list members = { 0 };
	struct pending_link *link, *next;
	const char *base = NULL;
	size_t size = 0;
	int umask, ret;

	/* The archive's modes are meant as they are. */
	umask = current->fs->umask;
	current->fs->umask = 0;
	if (!nr_boot_modules) {
		printk(KERN_WARNING "initramfs: no boot module: no user space "
		       "(QEMU: -initrd build/initramfs.cpio)\n");
		ret = -ENOENT;
		goto boot_mounts;
	}
	base = __va(boot_modules[0].start);
	size = boot_modules[0].end - boot_modules[0].start;
	ret = initramfs_parse(base, size, keep_member, &members);
	if (ret < 0) {
		printk(KERN_ERR "initramfs: corrupt cpio archive (%zu bytes); "
		       "ignored\n", size);
		goto boot_mounts;
	}
	if (members.no_memory) {	/* read it again as we go */
		initramfs_parse(base, size, unpack_entry, &s);
	} else {
		struct defer_state d = { 0 };

		for (unsigned int i = 0; i < members.nr; i++)
			if (!defer_entry(&s, &d, &members.entry[i]))
				unpack_entry(&s, &members.entry[i]);
		if (d.parent.dentry)
			path_put(&d.parent);
		/* The deferred members point into the list: it stays. */
		if (d.deferred)
			members.entry = NULL;
	}
	/* Links whose data never came: empty files, as cpio -i makes. */
	list_for_each_entry_safe(link, next, &s.links, list) {
		struct timespec zero = { 0 };

		if (rootfs_add_file(link->name, 0644, NULL, 0, zero))
			s.errors++;
		kfree(link);
	}
	printk(KERN_INFO "initramfs: %d files, %d directories, %d symlinks, "
	       "%d device nodes from a %zu-byte cpio archive%s\n", s.files,
	       s.dirs, s.symlinks, s.nodes, size,
	       s.errors ? " (some skipped)" : "");
boot_mounts:
	kfree(members.entry);
	vfs_boot_mounts();
	current->fs->umask = umask;
	return ret;
}

static int initramfs_open(struct inode *inode, struct file *f)
{
	f->private_data = inode->i_private;
	return 0;
}

static ssize_t initramfs_read(struct file *f, char *ubuf, size_t count)
{
	const struct initramfs_file *ifile = f->private_data;
	size_t n;

	if (f->f_pos >= (off_t)ifile->size)
		return 0;
	n = min(count, ifile->size - f->f_pos);
	if (copy_to_user(ubuf, ifile->data + f->f_pos, n))
		return -EFAULT;
	f->f_pos += n;
	return n;
}

static off_t initramfs_llseek(struct file *f, off_t offset, int whence)
{
	return generic_file_llseek_size(f, offset, whence,
					((const struct initramfs_file *)f->private_data)->size);
}

/* Read-only: rootfs refuses write access, so there is no write. */
const struct file_operations initramfs_fops = {
	.open = initramfs_open,
	.read = initramfs_read,
	.llseek = initramfs_llseek,
};
