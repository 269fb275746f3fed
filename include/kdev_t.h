/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/kdev_t.h - device numbers: a major (the driver) and a minor
 * (which of its devices: a disk's partition, a terminal).
 *
 * Linux 2.6: include/linux/kdev_t.h.  12 bits of major, 20 of minor, as
 * Linux's in-kernel dev_t; stat() shows them through new_encode_dev()'s
 * layout (fs/stat.c).  The numbers are Linux's: 1,3 /dev/null; 3,0 hda,
 * 3,1 hda1 (include/blkdev.h: IDE0_MAJOR); 5,1 /dev/console.
 */
#ifndef _KDEV_T_H
#define _KDEV_T_H

#include <types.h>

typedef u32 dev_t;		/* MKDEV(major, minor) */

#define MINORBITS	20
#define MINORMASK	((1U << MINORBITS) - 1)
#define MAJOR(dev)	((unsigned int)((dev) >> MINORBITS))
#define MINOR(dev)	((unsigned int)((dev) & MINORMASK))
#define MKDEV(ma, mi)	(((dev_t)(ma) << MINORBITS) | (dev_t)(mi))

#endif /* _KDEV_T_H */
