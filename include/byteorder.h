/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/byteorder.h - the byte order of on-disk structures.
 *
 * Linux 2.6: include/linux/byteorder/generic.h, include/linux/types.h
 * (__le16, __le32).  A disk's structures (an MBR's partition entries,
 * ext3's super block, inodes and directory entries) are little-endian
 * whatever the CPU.  On i386, the only CPU kt26 runs on, the conversion
 * is the identity; the types and le*_to_cpu() mark every place where
 * bytes of a disk become numbers, as in Linux.
 */
#ifndef _BYTEORDER_H
#define _BYTEORDER_H

#include <types.h>

typedef u16 __le16;
typedef u32 __le32;

static inline u16 le16_to_cpu(__le16 x)
{
	return x;
}

static inline u32 le32_to_cpu(__le32 x)
{
	return x;
}

#endif /* _BYTEORDER_H */
