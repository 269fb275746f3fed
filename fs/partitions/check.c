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
 * ever goes away.
 *
 * The table is read when a partition is first looked for, not when
 * the disk is added (rescan_partitions_later()): reading sector 0 costs
 * the boot several milliseconds -- the driver's and the buffer cache's
 * first run, a wait for the disk -- and nothing before init's exec uses
 * a partition.  lookup_bdev() and bdget(), for a name or number not
 * known yet, and /proc/partitions read the tables still unread first
 * (read_partition_tables()), as Linux waits for the devices' probing
 * before it mounts the root (wait_for_device_probe()); the whole disk
 * is known at once.  Next: fs/devices.c opens /dev/hda1; fs/super.c
 * mounts a file system from it (get_sb_bdev()).
 */
#include <blkdev.h>
#include <errno.h>
#include <genhd.h>
#include <kernel.h>
#include <sched.h>
#include <slab.h>
#include <string.h>
#include <wait.h>

/*
 * The disks whose table is not read yet, and whether a task is reading
 * one now (partition_scan_lock); partition_scan_wait wakes who waits
 * for it.
 */
struct unread_table {
	struct list_head list;
	struct block_device *disk;
};
static LIST_HEAD(unread_tables);
static bool partition_scan_running;
static DEFINE_SPINLOCK(partition_scan_lock);
static DECLARE_WAIT_QUEUE_HEAD(partition_scan_wait);

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

/**
 * rescan_partitions_later - read @disk's partition table when a
 *                           partition is first looked for
 * @disk: a whole disk, just added (minor 0)
 *
 * Without memory to note it, the table is read at once.
 * Context: process, may sleep.
 */
void rescan_partitions_later(struct block_device *disk)
{
	struct unread_table *t = kmalloc(sizeof(*t), GFP_KERNEL);

	if (!t) {
		rescan_partitions(disk);
		return;
	}
	t->disk = disk;
	spin_lock(&partition_scan_lock);
	list_add_tail(&t->list, &unread_tables);
	spin_unlock(&partition_scan_lock);
}

/**
 * partition_scans_pending - is a partition table not read yet?
 *
 * Context: process or softirq, not an interrupt handler (the lock is
 * taken with interrupts on); the answer may be stale at once.
 * Return: true while a table noted by rescan_partitions_later() is
 * unread or being read.
 */
bool partition_scans_pending(void)
{
	bool pending;

	spin_lock(&partition_scan_lock);
	pending = partition_scan_running || !list_empty(&unread_tables);
	spin_unlock(&partition_scan_lock);
	return pending;
}

/**
 * read_partition_tables - read every table still unread
 *
 * One task reads them, one disk at a time; another that comes meanwhile
 * waits for it, then looks again.  On return each disk added before the
 * call has its partitions registered.  Linux 2.6: the root mount's
 * wait_for_device_probe().
 * Context: process, may sleep.
 */
void read_partition_tables(void)
{
	might_sleep();
	spin_lock(&partition_scan_lock);
	for (;;) {
		struct unread_table *t;

		if (partition_scan_running) {
			spin_unlock(&partition_scan_lock);
			wait_event(partition_scan_wait,
				   !READ_ONCE(partition_scan_running));
			spin_lock(&partition_scan_lock);
			continue;
		}
		if (list_empty(&unread_tables))
			break;
		t = list_first_entry(&unread_tables, struct unread_table, list);
		list_del(&t->list);
		partition_scan_running = true;
		spin_unlock(&partition_scan_lock);

		rescan_partitions(t->disk);
		kfree(t);

		spin_lock(&partition_scan_lock);
		partition_scan_running = false;
		wake_up(&partition_scan_wait);
	}
	spin_unlock(&partition_scan_lock);
}
