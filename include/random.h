/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/random.h - the kernel's source of unpredictable-looking bytes
 * (drivers/random.c).
 *
 * Linux 2.6: include/linux/random.h.  Not cryptographic: see
 * drivers/random.c.
 */
#ifndef _RANDOM_H
#define _RANDOM_H

#include <compiler.h>
#include <types.h>

/* getrandom(2) flags, as Linux's include/uapi/linux/random.h */
#define GRND_NONBLOCK	0x0001
#define GRND_RANDOM	0x0002
#define GRND_INSECURE	0x0004

void get_random_bytes(void *buf, size_t nbytes);
u32 get_random_u32(void);

#endif /* _RANDOM_H */
