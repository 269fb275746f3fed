// SPDX-License-Identifier: GPL-2.0
/*
 * fs/partitions/msdos.c - the PC's partition table, the MBR.
 *
 * Linux 2.6: fs/partitions/msdos.c (msdos_partition(),
 * msdos_magic_present(), is_extended_partition()).
 * Sector 0 of a PC disk ends with the two bytes 55 aa; before them, at
 * byte 0x1be, four 16-byte entries describe up to four primary
 * partitions: a type (0x83: Linux), a first sector and a size, both in
 * 512-byte sectors counted from the start of the disk (LBA; the CHS
 * fields beside them are for old BIOSes and are ignored here, as Linux
 * ignores them).  Entry N is partition N: hda1 ... hda4.
 *
 * A sector that only looks like a table is refused: the signature must
 * be there, and each entry's boot indicator must be 0 or 0x80 (a FAT
 * boot sector also ends in 55 aa, but has code where the entries would
 * be).  An extended partition (types 0x05, 0x0f, 0x85) holds a chain of
 * further tables for logical partitions, hda5 on; they are not read
 * here, and its slot is skipped.  A GPT disk's protective entry (0xee)
 * is shown like any other.  Called by fs/partitions/check.c.
 */
#include <buffer_head.h>
#include <genhd.h>
#include <kernel.h>
#include <string.h>

static bool msdos_magic_present(const u8 *p)
{
	return p[0] == (MSDOS_LABEL_MAGIC & 0xff) &&
	       p[1] == (MSDOS_LABEL_MAGIC >> 8);
}

static bool is_extended_partition(const struct partition *p)
{
	return p->sys_ind == DOS_EXTENDED_PARTITION ||
	       p->sys_ind == WIN98_EXTENDED_PARTITION ||
	       p->sys_ind == LINUX_EXTENDED_PARTITION;
}

/**
 * msdos_partition - read the MBR of state->bdev into @state
 * @state: the disk (state->bdev); its slots are filled with
 *         put_partition(), state->why says why a sector is no table
 *
 * Sector 0 is read through the buffer cache (the disk's first 4 KiB
 * block), as Linux reads it through the disk's page cache.
 * Context: process, may sleep.
 * Return: 1 if sector 0 holds a table, 0 if it does not, -1 if it could
 * not be read.
 */
int msdos_partition(struct parsed_partitions *state)
{
	struct buffer_head *bh = bread(state->bdev, 0);
	const struct partition *p;
	const u8 *data;
	int slot;

	if (!bh)
		return -1;
	data = (const u8 *)bh->b_data;
	if (!msdos_magic_present(data + 510)) {
		state->why = "no 55 aa signature at the end of sector 0";
		brelse(bh);
		return 0;
	}
	p = (const struct partition *)(data + MSDOS_PART_OFFSET);
	for (slot = 1; slot <= DISK_MAX_PARTS; slot++, p++)
		if (p->boot_ind != 0 && p->boot_ind != 0x80) {
			state->why = "a boot indicator is neither 0 nor 0x80";
			brelse(bh);
			return 0;
		}

	p = (const struct partition *)(data + MSDOS_PART_OFFSET);
	for (slot = 1; slot <= DISK_MAX_PARTS; slot++, p++) {
		size_t len = strlen(state->pp_buf);

		if (!le32_to_cpu(p->nr_sects))
			continue;		/* an empty slot */
		if (is_extended_partition(p)) {
			scnprintf(state->pp_buf + len,
				  sizeof(state->pp_buf) - len,
				  " <p%d: extended, not read>", slot);
			continue;
		}
		put_partition(state, slot, le32_to_cpu(p->start_sect),
			      le32_to_cpu(p->nr_sects), p->sys_ind);
	}
	brelse(bh);
	return 1;
}
