// SPDX-License-Identifier: GPL-2.0
/*
 * block/blkdev_file.c - the whole disk as a file: /dev/hda.
 *
 * Linux 2.6: fs/block_dev.c (blkdev_file_operations), much reduced.
 * open("/dev/hda") gives a file whose position is a byte offset on the
 * disk.  read() and write() go through the buffer cache one 4 KiB block
 * at a time: a read that finds the block cached never touches the disk;
 * a write copies into the cached block and marks it dirty, and the disk
 * sees it later -- when pdflush finds it old enough, when sync() or
 * power-off writes everything, or when kswapd needs the page.  A write of
 * a whole block does not read it first (getblk() instead of bread()).
 * /dev/hda1 is the same for a partition: its position 0 is the
 * partition's first byte, and it ends where the partition does.
 *
 * A file system mounted from a partition claims it first
 * (open_bdev_excl(), Linux's bd_claim()): a second mount of another type
 * is refused with -EBUSY while the first stands.  Opening the node is
 * still allowed, as in Linux: writing /dev/hda under a mounted hda1 is
 * the writer's business.
 */
#include <asm/uaccess.h>
#include <blkdev.h>
#include <buffer_head.h>
#include <errno.h>
#include <file.h>
#include <fs.h>
#include <kernel.h>

/*
 * The largest file position is an off_t's, a long's: 2 GiB - 1.  A disk
 * that big or bigger is seen up to the last whole block below that, as
 * Linux shows a process without O_LARGEFILE at most 2 GiB - 1 of a
 * file; the rest of it is reached only through the buffer cache.
 */
#define BDEV_FILE_MAX	((off_t)((~0UL >> 1) & ~(BLOCK_SIZE - 1)))

static off_t bdev_size(struct block_device *bdev)
{
	/* In 64 bits: nr_sectors * SECTOR_SIZE overflows a long. */
	u64 bytes = (u64)bdev->nr_sectors * SECTOR_SIZE;

	return bytes < (u64)BDEV_FILE_MAX ? (off_t)bytes : BDEV_FILE_MAX;
}

static ssize_t blkdev_read(struct file *f, char *ubuf, size_t count)
{
	struct block_device *bdev = f->private_data;
	size_t done = 0;

	if (f->f_pos >= bdev_size(bdev))
		return 0;
	count = min(count, (size_t)(bdev_size(bdev) - f->f_pos));
	while (done < count) {
		size_t off = f->f_pos % BLOCK_SIZE;
		size_t n = min(count - done, BLOCK_SIZE - off);
		struct buffer_head *bh = bread(bdev, f->f_pos / BLOCK_SIZE);
		bool fault;

		if (!bh)
			return done ? (ssize_t)done : -EIO;
		fault = copy_to_user(ubuf + done, bh->b_data + off, n);
		brelse(bh);
		if (fault)
			return done ? (ssize_t)done : -EFAULT;
		f->f_pos += n;
		done += n;
	}
	return done;
}

static ssize_t blkdev_write(struct file *f, const char *ubuf, size_t count)
{
	struct block_device *bdev = f->private_data;
	size_t done = 0;

	if (f->f_pos >= bdev_size(bdev))
		return count ? -ENOSPC : 0;
	count = min(count, (size_t)(bdev_size(bdev) - f->f_pos));
	while (done < count) {
		size_t off = f->f_pos % BLOCK_SIZE;
		size_t n = min(count - done, BLOCK_SIZE - off);
		sector_t block = f->f_pos / BLOCK_SIZE;
		/* A partial block must be read first; a whole one need not. */
		struct buffer_head *bh = n == BLOCK_SIZE ? getblk(bdev, block)
							 : bread(bdev, block);

		if (!bh)
			return done ? (ssize_t)done : -EIO;
		if (copy_from_user(bh->b_data + off, ubuf + done, n)) {
			brelse(bh);
			return done ? (ssize_t)done : -EFAULT;
		}
		set_buffer_uptodate(bh);
		mark_buffer_dirty(bh);
		brelse(bh);
		f->f_pos += n;
		done += n;
	}
	return done;
}

static off_t blkdev_llseek(struct file *f, off_t offset, int whence)
{
	return generic_file_llseek_size(f, offset, whence,
					bdev_size((struct block_device *)f->private_data));
}

static const struct file_operations blkdev_fops = {
	.read = blkdev_read,
	.write = blkdev_write,
	.llseek = blkdev_llseek,
};

/**
 * blkdev_file_open - make an open file read and write a disk or partition
 * @f: the file the VFS opened on the device node (/dev/hda, /dev/hda1)
 * @bdev: the disk or partition (fs/devices.c: bdget() of the node's
 *        number)
 *
 * Context: process (fs/devices.c: the block device node's open).
 * Return: 0.
 */
int blkdev_file_open(struct file *f, struct block_device *bdev)
{
	f->f_op = &blkdev_fops;
	f->private_data = bdev;
	return 0;
}

/* bd_holder, bd_holders of every block device. */
static DEFINE_SPINLOCK(bdev_lock);

/* Linux 2.6: bd_claim().  Return: 0, or -EBUSY (another holder). */
static int bd_claim(struct block_device *bdev, void *holder)
{
	int err = -EBUSY;

	spin_lock(&bdev_lock);
	if (!bdev->bd_holder || bdev->bd_holder == holder) {
		bdev->bd_holder = holder;
		bdev->bd_holders++;
		err = 0;
	}
	spin_unlock(&bdev_lock);
	return err;
}

/**
 * open_bdev_excl - the block device a path names, claimed for @holder
 * @path: a device node ("/dev/hda1"), links followed
 * @flags: MS_RDONLY (nothing else means anything yet)
 * @holder: who claims it: the file system type mounting it.  The same
 *          holder may claim it again (a second mount of the same file
 *          system shares its super block: fs/super.c: get_sb_bdev())
 *
 * Linux 2.6: fs/block_dev.c: open_bdev_excl() -> lookup_bdev() (a path
 * walk) -> bd_claim().
 * Context: process, may sleep.
 * Return: the block device (close_bdev_excl() releases the claim), or
 * ERR_PTR(-ENOTBLK) (not a block device node), -EACCES (on a nodev
 * mount), -ENXIO (no such disk or partition), -EBUSY (claimed by
 * another holder), or the walk's error (-ENOENT...).
 */
struct block_device *open_bdev_excl(const char *path, int flags,
				    void *holder)
{
	struct block_device *bdev;
	struct inode *inode;
	struct path p;
	dev_t dev;
	int err;

	if (!path || !*path)
		return ERR_PTR(-EINVAL);
	err = kern_path(path, LOOKUP_FOLLOW, &p);
	if (err)
		return ERR_PTR(err);
	inode = p.dentry->d_inode;
	dev = inode->i_rdev;
	err = !S_ISBLK(inode->i_mode) ? -ENOTBLK :
	      (p.mnt->mnt_flags & MNT_NODEV) ? -EACCES : 0;
	path_put(&p);
	if (err)
		return ERR_PTR(err);
	bdev = bdget(dev);
	if (!bdev)
		return ERR_PTR(-ENXIO);
	err = bd_claim(bdev, holder);
	return err ? ERR_PTR(err) : bdev;
}

/**
 * close_bdev_excl - release a claim open_bdev_excl() took
 * @bdev: the block device
 *
 * Context: process.
 */
void close_bdev_excl(struct block_device *bdev)
{
	spin_lock(&bdev_lock);
	BUG_ON(bdev->bd_holders <= 0);
	if (!--bdev->bd_holders)
		bdev->bd_holder = NULL;
	spin_unlock(&bdev_lock);
}

/**
 * blkdev_open_file - open a whole disk as a file
 * @name: the disk ("hda")
 * @flags: the open() flags (O_CREAT and O_TRUNC mean nothing for a disk)
 *
 * Context: process.
 * Return: the file, ERR_PTR(-ENXIO) if there is no such disk, or
 * ERR_PTR(-ENOMEM).
 */
struct file *blkdev_open_file(const char *name, int flags)
{
	struct block_device *bdev = lookup_bdev(name);
	struct file *f;

	if (!bdev)
		return ERR_PTR(-ENXIO);
	f = alloc_file(&blkdev_fops, flags, bdev);
	return f ? f : ERR_PTR(-ENOMEM);
}
