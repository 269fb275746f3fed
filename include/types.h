/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/types.h - fixed-size integer types and the kernel's basic types.
 *
 * Linux 2.6: include/linux/types.h, include/asm-i386/types.h.
 * The compiler's freestanding headers give the C99 types; the short
 * Linux names (u8 .. u64) are what the rest of the kernel uses.
 */
#ifndef _TYPES_H
#define _TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;

typedef int pid_t;
typedef long ssize_t;
typedef long off_t;
typedef unsigned int gfp_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;

#endif /* _TYPES_H */
