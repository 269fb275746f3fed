/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/byteorder.h - the byte order of on-disk structures.
 *
 * Linux 2.6: include/linux/byteorder/generic.h, include/linux/types.h
 * (__le16, __le32).  A disk's structures (an MBR's partition entries,
 * ext3's super block, inodes and directory entries) are little-endian
 * whatever the CPU.  On i386, the only CPU kt26 runs on, the conversion
 * is the identity; the types, le*_to_cpu() and cpu_to_le*() mark every
 * place where bytes of a disk become numbers and back, as in Linux.
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

static inline __le16 cpu_to_le16(u16 x)
{
	return x;
}

static inline __le32 cpu_to_le32(u32 x)
{
	return x;
}

/* Add @val (maybe negative) to a little-endian counter on a disk. */
static inline void le16_add_cpu(__le16 *var, u16 val)
{
	*var = cpu_to_le16(le16_to_cpu(*var) + val);
}

static inline void le32_add_cpu(__le32 *var, u32 val)
{
	*var = cpu_to_le32(le32_to_cpu(*var) + val);
}

#endif /* _BYTEORDER_H */
