// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/initramfs.c - unpacking the initramfs: a cpio "newc" archive.
 *
 * Linux 2.6: init/initramfs.c (which unpacks into a RAM file system;
 * here the files stay where the boot loader put them and only an index
 * is built).
 * A newc archive is a sequence of entries, each a 110-byte ASCII header
 * ("070701" and thirteen 8-digit hex fields: inode, mode, uid, gid,
 * nlink, mtime, filesize, dev/rdev numbers, namesize, check), the name
 * (NUL-terminated, padded so that header + name is a multiple of 4), and
 * the data (padded to 4).  The name "TRAILER!!!" ends it.  Every field is
 * checked against the archive's bounds: a corrupt archive is reported
 * and ignored as a whole, and the kernel runs on without user space.
 * initramfs_parse() reads the archive and fills a table, nothing else,
 * so the host fuzzer (tests/fuzz/cpio_fuzz.c) runs it as it is;
 * populate_initramfs() gives it the boot module and keeps the table for
 * initramfs_lookup() (execve) and initramfs_fops (open, read).
 */
#include <asm/uaccess.h>
#include <errno.h>
#include <initramfs.h>
#include <kernel.h>
#include <mm.h>
#include <setup.h>
#include <slab.h>
#include <string.h>

#define NEWC_MAGIC	"070701"
#define NEWC_HDR_LEN	110
#define NEWC_FIELDS	13
#define NEWC_MODE	1	/* field index of the mode */
#define NEWC_FILESIZE	6
#define NEWC_NAMESIZE	11
#define S_IFMT		0170000	/* file type bits of mode */
#define S_IFREG		0100000	/* a regular file */

static struct initramfs_file *files;
static int nr_files;

/* Parse 8 hex digits.  Return: 0, or -EINVAL for a non-hex character. */
static int parse_hex8(const char *s, unsigned long *v)
{
	*v = 0;
	for (int i = 0; i < 8; i++) {
		char c = s[i];
		int d = c >= '0' && c <= '9' ? c - '0' :
			c >= 'a' && c <= 'f' ? c - 'a' + 10 :
			c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;

		if (d < 0)
			return -EINVAL;
		*v = *v << 4 | d;
	}
	return 0;
}

/**
 * initramfs_parse - index the regular files of a newc archive
 * @base: the archive's first byte
 * @size: its size in bytes
 * @table: the table to fill
 * @max: room in @table; more files are skipped with a warning
 *
 * Each file's data points into the archive, which must stay.  A corrupt
 * archive gets one KERN_ERR line saying what is wrong and where.
 * Context: any (boot, for the kernel).
 * Return: the number of files in @table, or -EINVAL (corrupt archive;
 * @table may hold some entries).
 */
int initramfs_parse(const char *base, size_t size,
		    struct initramfs_file *table, int max)
{
	size_t off = 0;
	int nr_files = 0;

	while (off + NEWC_HDR_LEN <= size) {
		const char *hdr = base + off, *name;
		unsigned long field[NEWC_FIELDS];
		size_t name_off, data_off, end;

		if (memcmp(hdr, NEWC_MAGIC, 6)) {
			printk(KERN_ERR "initramfs: bad magic at offset %zu\n",
			       off);
			return -EINVAL;
		}
		for (int i = 0; i < NEWC_FIELDS; i++)
			if (parse_hex8(hdr + 6 + i * 8, &field[i])) {
				printk(KERN_ERR "initramfs: bad header field at "
				       "offset %zu\n", off);
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
			return nr_files;

		while (*name == '/' || (name[0] == '.' && name[1] == '/'))
			name += *name == '/' ? 1 : 2;
		if ((field[NEWC_MODE] & S_IFMT) == S_IFREG && *name) {
			struct initramfs_file *f = &table[nr_files];

			if (nr_files == max ||
			    strlen(name) >= INITRAMFS_NAME_MAX) {
				printk(KERN_WARNING "initramfs: %s skipped (too "
				       "many files or name too long)\n", name);
			} else {
				strlcpy(f->name, name, sizeof(f->name));
				f->data = base + data_off;
				f->size = field[NEWC_FILESIZE];
				f->mode = field[NEWC_MODE];
				nr_files++;
			}
		}
		off = ALIGN(end, 4);
	}
	printk(KERN_ERR "initramfs: archive ends without a trailer\n");
	return -EINVAL;
}

/**
 * populate_initramfs - index the files of the first boot module
 *
 * Context: process (pid 1), boot.
 * Return: the number of files, or a negative error (no module, corrupt).
 */
int populate_initramfs(void)
{
	const char *base;
	size_t size;
	int err;

	if (!nr_boot_modules) {
		printk(KERN_WARNING "initramfs: no boot module: no user space "
		       "(QEMU: -initrd build/initramfs.cpio)\n");
		return -ENOENT;
	}
	base = __va(boot_modules[0].start);
	size = boot_modules[0].end - boot_modules[0].start;
	files = kzalloc(INITRAMFS_MAX_FILES * sizeof(*files), GFP_KERNEL);
	if (!files)
		return -ENOMEM;
	err = initramfs_parse(base, size, files, INITRAMFS_MAX_FILES);
	if (err < 0) {
		printk(KERN_ERR "initramfs: corrupt cpio archive (%zu bytes); "
		       "ignored\n", size);
		return err;
	}
	nr_files = err;
	printk(KERN_INFO "initramfs: %d files from a %zu-byte cpio archive\n",
	       nr_files, size);
	return nr_files;
}

/**
 * initramfs_lookup - find a file by path
 * @path: "/bin/sh" or "bin/sh"
 *
 * Return: the file, or NULL.
 */
const struct initramfs_file *initramfs_lookup(const char *path)
{
	while (*path == '/')
		path++;
	for (int i = 0; i < nr_files; i++)
		if (!strcmp(files[i].name, path))
			return &files[i];
	return NULL;
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

/* Read-only: open() refuses write access, so there is no write. */
const struct file_operations initramfs_fops = {
	.read = initramfs_read,
	.llseek = initramfs_llseek,
};
