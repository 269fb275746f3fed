/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/ata.h - the ATA PIO disk driver (drivers/ata.c).
 *
 * Linux 2.6: drivers/ide/ (ide-disk.c, ide-io.c, ide-probe.c).
 * The driver finds the disk on the primary IDE channel at boot, registers
 * it as "hda" (lookup_bdev("hda")) and serves its request queue.  What it
 * counts is here for the tests and the memory report.
 */
#ifndef _ATA_H
#define _ATA_H

#include <blkdev.h>
#include <types.h>

struct ata_stats {
	unsigned long commands;		/* READ/WRITE SECTORS issued */
	unsigned long interrupts;	/* IRQ 14s that moved a sector */
	unsigned long spurious;		/* IRQ 14s with nothing to do */
	unsigned long errors;		/* buffers failed by the device */
	unsigned long timeouts;		/* commands that never interrupted */
	unsigned long resets;		/* software resets that ended */
};

/* drivers/ata.c */
void ata_init(void);
void ata_set_bad_sector(long sector);
void ata_get_stats(struct ata_stats *stats);

#endif /* _ATA_H */
