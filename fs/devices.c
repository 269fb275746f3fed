// SPDX-License-Identifier: GPL-2.0
/*
 * fs/devices.c - device nodes: from a (major, minor) number to a driver;
 * /dev/null, /dev/zero; the nodes of /dev.
 *
 * Linux 2.6: fs/char_dev.c (chrdev_open, register_chrdev), fs/
 * block_dev.c (blkdev_open), drivers/char/mem.c (null, zero),
 * devtmpfs for the nodes the kernel makes itself.  Understanding the
 * Linux Kernel, 3rd ed., chapter 13 ("I/O Architecture and Device
 * Drivers"), section "Device Files".
 * A device node is an inode of type S_IFCHR or S_IFBLK whose i_rdev
 * names the device (init_special_inode()).  Opening it runs
 * def_chr_fops.open (chrdev_open()), which finds the driver's file
 * operations registered for that number and makes them the file's, or
 * def_blk_fops.open, which gives the file to the disk's driver
 * (block/blkdev_file.c).  The numbers are Linux's: 1,3 null; 1,5 zero;
 * 5,0 tty; 5,1 console (drivers/tty.c); 3,0 hda, 3,1-3,4 its partitions
 * hda1-hda4 (fs/partitions/check.c).  make_dev_nodes() creates the
 * nodes in /dev at boot, since the initramfs is built by an unprivileged
 * user who cannot mknod; like a static /dev, it makes every partition's
 * node whether the disk has that partition or not: opening a missing
 * one is -ENXIO.
 */
#include <asm/uaccess.h>
#include <blkdev.h>
#include <errno.h>
#include <fs.h>
#include <kernel.h>
#include <tty.h>

#define MAX_CHRDEVS	16

static struct {
	dev_t dev;
	const struct file_operations *fops;
} chrdevs[MAX_CHRDEVS];
static DEFINE_SPINLOCK(chrdevs_lock);

/**
 * register_chrdev_fops - give the character device @dev its driver
 * @dev: MKDEV(major, minor)
 * @fops: the file operations an open node of it gets (static)
 *
 * Context: any process context.
 * Return: 0, -EBUSY (taken) or -ENOSPC (table full).
 */
int register_chrdev_fops(dev_t dev, const struct file_operations *fops)
{
	int err = -ENOSPC;

	spin_lock(&chrdevs_lock);
	for (int i = 0; i < MAX_CHRDEVS; i++)
		if (chrdevs[i].fops && chrdevs[i].dev == dev) {
			err = -EBUSY;
			break;
		}
	if (err != -EBUSY)
		for (int i = 0; i < MAX_CHRDEVS; i++)
			if (!chrdevs[i].fops) {
				chrdevs[i].dev = dev;
				chrdevs[i].fops = fops;
				err = 0;
				break;
			}
	spin_unlock(&chrdevs_lock);
	return err;
}

static int chrdev_open(struct inode *inode, struct file *f)
{
	const struct file_operations *fops = NULL;

	spin_lock(&chrdevs_lock);
	for (int i = 0; i < MAX_CHRDEVS; i++)
		if (chrdevs[i].fops && chrdevs[i].dev == inode->i_rdev)
			fops = chrdevs[i].fops;
	spin_unlock(&chrdevs_lock);
	if (!fops)
		return -ENXIO;
	f->f_op = fops;
	return fops->open ? fops->open(inode, f) : 0;
}

const struct file_operations def_chr_fops = {
	.open = chrdev_open,
};

static int blkdev_open(struct inode *inode, struct file *f)
{
	struct block_device *bdev = bdget(inode->i_rdev);

	/* No disk, or no such partition on it. */
	if (!bdev)
		return -ENXIO;
	return blkdev_file_open(f, bdev);
}

const struct file_operations def_blk_fops = {
	.open = blkdev_open,
};

static ssize_t null_read(struct file *f, char *ubuf, size_t count)
{
	return 0;
}

static ssize_t null_write(struct file *f, const char *ubuf, size_t count)
{
	return count;
}

/* Seeking a device with no data always lands at 0, as on Linux. */
static off_t null_lseek(struct file *f, off_t offset, int whence)
{
	f->f_pos = 0;
	return 0;
}

static ssize_t zero_read(struct file *f, char *ubuf, size_t count)
{
	return clear_user(ubuf, count) ? -EFAULT : (ssize_t)count;
}

static const struct file_operations null_fops = {
	.read = null_read,
	.write = null_write,
	.llseek = null_lseek,
};

static const struct file_operations zero_fops = {
	.read = zero_read,
	.write = null_write,
	.llseek = null_lseek,
};

/**
 * chrdev_init - the character devices the kernel has
 *
 * Context: boot (vfs_caches_init()).
 */
void chrdev_init(void)
{
	if (register_chrdev_fops(MKDEV(1, 3), &null_fops) ||
	    register_chrdev_fops(MKDEV(1, 5), &zero_fops) ||
	    register_chrdev_fops(MKDEV(5, 0), &tty_fops) ||
	    register_chrdev_fops(MKDEV(5, 1), &tty_fops))
		panic("chrdev_init: cannot register the devices");
}

static const struct {
	const char *path;
	int mode;
	dev_t dev;
} dev_nodes[] = {
	{ "/dev/console", S_IFCHR | 0600, MKDEV(5, 1) },
	{ "/dev/tty", S_IFCHR | 0666, MKDEV(5, 0) },
	{ "/dev/null", S_IFCHR | 0666, MKDEV(1, 3) },
	{ "/dev/zero", S_IFCHR | 0666, MKDEV(1, 5) },
	{ "/dev/hda", S_IFBLK | 0660, MKDEV(IDE0_MAJOR, 0) },
	{ "/dev/hda1", S_IFBLK | 0660, MKDEV(IDE0_MAJOR, 1) },
	{ "/dev/hda2", S_IFBLK | 0660, MKDEV(IDE0_MAJOR, 2) },
	{ "/dev/hda3", S_IFBLK | 0660, MKDEV(IDE0_MAJOR, 3) },
	{ "/dev/hda4", S_IFBLK | 0660, MKDEV(IDE0_MAJOR, 4) },
};

/**
 * make_dev_nodes - the nodes of /dev
 *
 * A node the initramfs already has is kept.
 * Context: pid 1, boot, while rootfs is still writable.
 * Return: 0, or the first error other than -EEXIST.
 */
int make_dev_nodes(void)
{
	int first_err = 0;

	for (unsigned int i = 0; i < ARRAY_SIZE(dev_nodes); i++) {
		long err = do_mknodat(AT_FDCWD, dev_nodes[i].path,
				      dev_nodes[i].mode, dev_nodes[i].dev);

		if (err && err != -EEXIST) {
			printk(KERN_ERR "VFS: cannot make %s (%ld)\n",
			       dev_nodes[i].path, err);
			if (!first_err)
				first_err = err;
		}
	}
	return first_err;
}
