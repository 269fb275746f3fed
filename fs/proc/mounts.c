// SPDX-License-Identifier: GPL-2.0
/*
 * fs/proc/mounts.c - /proc/mounts and /proc/partitions: the mount table
 * and the disks with their partitions.
 *
 * Linux 2.6: fs/proc/base.c (/proc/PID/mounts, which /proc/mounts links
 * to) with fs/namespace.c's show_vfsmnt(); block/genhd.c's
 * show_partition() for /proc/partitions.
 * Both texts are written by the files that own the lists
 * (fs/namespace.c: show_mounts(), under namespace_sem;
 * block/ll_rw_blk.c: show_partitions(), under all_bdevs_lock): what
 * `mount` (busybox's, with no arguments) and `cat /proc/partitions` show.
 */
#include <blkdev.h>
#include <fs.h>
#include <seq_file.h>
#include "internal.h"

/**
 * mounts_proc_show - print /proc/mounts
 * @m: the seq_file
 * @v: unused
 *
 * One line per mount: device, mount point, type, "ro" or "rw", "0 0".
 * Context: process.
 * Return: 0.
 */
int mounts_proc_show(struct seq_file *m, void *v)
{
	char *buf;
	size_t room = seq_get_buf(m, &buf);

	if (room)
		seq_commit(m, show_mounts(buf, room));
	return 0;
}

/**
 * partitions_proc_show - print /proc/partitions
 * @m: the seq_file
 * @v: unused
 *
 * Linux's columns: major, minor, size in 1 KiB blocks, name.
 * Context: process.
 * Return: 0.
 */
int partitions_proc_show(struct seq_file *m, void *v)
{
	char *buf;
	size_t room = seq_get_buf(m, &buf);

	if (room)
		seq_commit(m, show_partitions(buf, room));
	return 0;
}
