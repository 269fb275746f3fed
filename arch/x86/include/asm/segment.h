/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/x86/include/asm/segment.h - the GDT layout and segment selectors.
 *
 * Linux 2.6.11: include/asm-i386/segment.h.  The same entry numbers as
 * Linux, so selectors seen in GDB and in oopses (cs 0060, ds 007b) are
 * the ones a Linux 2.6 book shows.  Mirrored in arch/x86/asm-offsets.inc.
 */
#ifndef _ASM_SEGMENT_H
#define _ASM_SEGMENT_H

#define GDT_ENTRIES		32
#define GDT_ENTRY_KERNEL_CS	12
#define GDT_ENTRY_KERNEL_DS	13
#define GDT_ENTRY_USER_CS	14
#define GDT_ENTRY_USER_DS	15
#define GDT_ENTRY_TSS		16
#define GDT_ENTRY_DOUBLEFAULT_TSS 31

/* selector = index * 8 | requested privilege level */
#define __KERNEL_CS	(GDT_ENTRY_KERNEL_CS * 8)	/* 0x60 */
#define __KERNEL_DS	(GDT_ENTRY_KERNEL_DS * 8)	/* 0x68 */
#define __USER_CS	(GDT_ENTRY_USER_CS * 8 + 3)	/* 0x73 */
#define __USER_DS	(GDT_ENTRY_USER_DS * 8 + 3)	/* 0x7b */
#define __TSS_SEL	(GDT_ENTRY_TSS * 8)		/* 0x80 */

#endif /* _ASM_SEGMENT_H */
