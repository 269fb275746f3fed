/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/x86/include/asm/io.h - x86 port I/O.
 *
 * Linux 2.6: include/asm-i386/io.h.  Only drivers touch ports; each
 * driver names its ports at the top of its file.
 */
#ifndef _ASM_IO_H
#define _ASM_IO_H

#include <types.h>

static inline void outb(u16 port, u8 value)
{
	__asm__ __volatile__("outb %0, %1" : : "a"(value), "Nd"(port));
}

static inline u8 inb(u16 port)
{
	u8 value;

	__asm__ __volatile__("inb %1, %0" : "=a"(value) : "Nd"(port));
	return value;
}

static inline void outw(u16 port, u16 value)
{
	__asm__ __volatile__("outw %0, %1" : : "a"(value), "Nd"(port));
}

static inline u16 inw(u16 port)
{
	u16 value;

	__asm__ __volatile__("inw %1, %0" : "=a"(value) : "Nd"(port));
	return value;
}

static inline void outl(u16 port, u32 value)
{
	__asm__ __volatile__("outl %0, %1" : : "a"(value), "Nd"(port));
}

static inline u32 inl(u16 port)
{
	u32 value;

	__asm__ __volatile__("inl %1, %0" : "=a"(value) : "Nd"(port));
	return value;
}

/* @count 16-bit words from @port into @buf: a disk's PIO data phase. */
static inline void insw(u16 port, void *buf, unsigned long count)
{
	__asm__ __volatile__("rep insw"
			     : "+D"(buf), "+c"(count) : "d"(port) : "memory");
}

/* @count 16-bit words from @buf out to @port. */
static inline void outsw(u16 port, const void *buf, unsigned long count)
{
	__asm__ __volatile__("rep outsw"
			     : "+S"(buf), "+c"(count) : "d"(port) : "memory");
}

/* Port 0x80 is the POST-code port: writing it takes about 1 us. */
static inline void io_delay(void)
{
	outb(0x80, 0);
}

#endif /* _ASM_IO_H */
