// SPDX-License-Identifier: GPL-2.0
/*
 * fs/partitions/check.c - a new disk's partitions become block devices.
 *
 * Linux 2.6: fs/partitions/check.c (check_partition(),
 * rescan_partitions(), add_partition(), put_partition()).
 * Understanding the Linux Kernel, 3rd ed., chapter 14, section "Block
 * Devices Handling" (disks and partitions).
 * When a driver adds a disk (block/ll_rw_blk.c: add_disk()), its table
 * is read -- the MBR is the only format known (msdos.c) -- and each
 * partition it lists becomes a struct block_device of its own: hda1 is
 * minor 1 of the disk's major, starts at the sector the table says, has
 * the size it says (cut at the end of the disk if it says more) and
 * shares the disk's request queue.  The boot log says what was found as
 * Linux says it, " hda: hda1", and then one line per partition with its
 * place on the disk; a disk without a table says why and is used whole.
 * Partitions are found once, when the disk is added: nothing rereads a
 * table (Linux's BLKRRPART ioctl), and neither a disk nor a partition
 * ever goes away.  Next: fs/devices.c opens /dev/hda1; fs/super.c mounts
 * a file system from it (get_sb_bdev()).
 */
#include <blkdev.h>
#include <errno.h>
#include <genhd.h>
#include <kernel.h>
#include <slab.h>
#include <string.h>

/**
 * put_partition - record what slot @n of a table says
 * @state: the table being read
 * @n: the slot, 1 to DISK_MAX_PARTS: the partition's minor
 * @from: its first sector on the disk
 * @size: its size in sectors
 * @type: its type (0x83: Linux)
 *
 * Context: process (a table's reader).
 */
void put_partition(struct parsed_partitions *state, int n, sector_t from,
		   sector_t size, u8 type)
{
	size_t len = strlen(state->pp_buf);

	if (n < 1 || n > DISK_MAX_PARTS)
		return;
	state->parts[n].from = from;
	state->parts[n].size = size;
	state->parts[n].type = type;
	scnprintf(state->pp_buf + len, sizeof(state->pp_buf) - len, " %s%d",
		  state->bdev->name, n);
}

/* Ask each table format; the MBR is the only one. */
static int check_partition(struct parsed_partitions *state)
{
	scnprintf(state->pp_buf, sizeof(state->pp_buf), " %s:",
		  state->bdev->name);
	return msdos_partition(state);
}

/*
 * The block device of partition @n of @disk.  A size past the end of
 * the disk was cut by the caller.
 */
static int make_partition(struct block_device *disk, int n, sector_t from,
			  sector_t size)
{
	struct block_device *part = kzalloc(sizeof(*part), GFP_KERNEL);

	if (!part)
		return -ENOMEM;
	scnprintf(part->name, sizeof(part->name), "%s%d", disk->name, n);
	part->bd_dev = disk->bd_dev + n;
	part->start_sect = from;
	part->nr_sectors = size;
	part->partno = n;
	part->bd_contains = disk;
	part->queue = disk->queue;
	add_partition(part);
	return 0;
}

/**
 * rescan_partitions - find @disk's partitions and register each
 * @disk: a whole disk, just added (minor 0)
 *
 * The table's reading errors and oddities are said and survived: a disk
 * whose sector 0 cannot be read or holds no table is used whole; a
 * partition that starts past the end of the disk is skipped, one that
 * ends past it is cut.
 * Context: process, may sleep (reads sector 0).
 * Return: the number of partitions registered.
 */
int rescan_partitions(struct block_device *disk)
{
	struct parsed_partitions *state = kzalloc(sizeof(*state), GFP_KERNEL);
	int res, registered = 0;

	if (!state) {
		printk(KERN_ERR " %s: no memory to read the partition table\n",
		       disk->name);
		return 0;
	}
	state->bdev = disk;
	res = check_partition(state);
	if (res < 0) {
		printk(KERN_WARNING " %s: unable to read partition table\n",
		       disk->name);
	} else if (res == 0) {
		printk(KERN_INFO " %s: unknown partition table (%s): the "
		       "whole disk only\n", disk->name, state->why);
	} else {
		printk(KERN_INFO "%s\n", state->pp_buf);
	}

	for (int n = 1; res > 0 && n <= DISK_MAX_PARTS; n++) {
		sector_t from = state->parts[n].from;
		sector_t size = state->parts[n].size;

		if (!size)
			continue;
		if (from >= disk->nr_sectors) {
			printk(KERN_WARNING "%s: p%d start %lu is beyond EOD "
			       "(%lu sectors), skipped\n", disk->name, n,
			       (unsigned long)from,
			       (unsigned long)disk->nr_sectors);
			continue;
		}
		if (size > disk->nr_sectors - from) {
			printk(KERN_WARNING "%s: p%d size %lu extends beyond "
			       "EOD, truncated\n", disk->name, n,
			       (unsigned long)size);
			size = disk->nr_sectors - from;
		}
		if (make_partition(disk, n, from, size)) {
			printk(KERN_ERR "%s: p%d: no memory\n", disk->name, n);
			continue;
		}
		registered++;
		printk(KERN_INFO "%s%d: sectors %lu-%lu (%lu sectors, %lu "
		       "KiB), type %#04x\n", disk->name, n, (unsigned long)from,
		       (unsigned long)(from + size - 1), (unsigned long)size,
		       (unsigned long)size / 2, state->parts[n].type);
	}
	kfree(state);
	return registered;
}
