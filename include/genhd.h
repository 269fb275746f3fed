/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/genhd.h - partition tables (fs/partitions/).
 *
 * Linux 2.6: include/linux/genhd.h (struct partition),
 * fs/partitions/check.h (struct parsed_partitions).
 * When a disk is added (block/ll_rw_blk.c: add_disk()), its partition
 * table is noted (rescan_partitions_later()) and read by
 * rescan_partitions() when a partition is first looked for -- an MBR is
 * the only kind known: msdos_partition() -- into a struct
 * parsed_partitions, and makes each partition it lists a block device
 * of its own (hda1...), which shares the disk's queue and is moved by
 * its start on the way to it.
 */
#ifndef _GENHD_H
#define _GENHD_H

#include <blkdev.h>
#include <byteorder.h>
#include <compiler.h>
#include <types.h>

#define MSDOS_LABEL_MAGIC	0xAA55	/* bytes 510-511: 55 aa */
#define MSDOS_PART_OFFSET	0x1be	/* the four entries */
#define DISK_MAX_PARTS		4	/* primary partitions: minors 1-4 */

/* Partition types (sys_ind) that hold other partitions: not read. */
#define DOS_EXTENDED_PARTITION	0x05
#define LINUX_EXTENDED_PARTITION 0x85
#define WIN98_EXTENDED_PARTITION 0x0f
#define EFI_PMBR_OSTYPE_EFI_GPT	0xee	/* a GPT disk's protective MBR */

/* One entry of an MBR's table: 16 bytes, little-endian. */
struct partition {
	u8 boot_ind;			/* 0x80: active (boot from it); or 0 */
	u8 head, sector, cyl;		/* where it starts, in CHS: unused */
	u8 sys_ind;			/* its type: 0x83 Linux */
	u8 end_head, end_sector, end_cyl; /* where it ends, in CHS */
	__le32 start_sect;		/* its first sector (LBA) */
	__le32 nr_sects;		/* its size in sectors */
} __packed;

/* What a table lists: slot N (1-4) is partition N, hdaN. */
struct parsed_partitions {
	struct block_device *bdev;	/* the disk */
	struct {
		sector_t from;		/* first sector */
		sector_t size;		/* sectors; 0: the slot is empty */
		u8 type;		/* sys_ind */
	} parts[DISK_MAX_PARTS + 1];
	char pp_buf[80];		/* " hda: hda1 hda2", the boot line */
	const char *why;		/* why the table was not recognized */
};

/* fs/partitions/check.c */
void put_partition(struct parsed_partitions *state, int n, sector_t from,
		   sector_t size, u8 type);
int rescan_partitions(struct block_device *disk);
void rescan_partitions_later(struct block_device *disk);
bool partition_scans_pending(void);
void read_partition_tables(void);

/* fs/partitions/msdos.c */
int msdos_partition(struct parsed_partitions *state);

#endif /* _GENHD_H */
