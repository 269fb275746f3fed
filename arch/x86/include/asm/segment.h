/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/x86/include/asm/segment.h - the GDT layout and segment selectors.
 *
 * Linux 2.6.11: include/asm-i386/segment.h.  The same entry numbers as
 * Linux, so selectors seen in GDB and in oopses (cs 0060, ds 007b) are
 * the ones a Linux 2.6 book shows.  Mirrored in arch/x86/asm-offsets.inc.
 * Entries 6-8 are the three thread-local-storage segments: each task's
 * own (thread.tls_array), copied in by __switch_to() (arch/x86/tls.c:
 * load_TLS()), so glibc's %gs = 6 * 8 + 3 = 0x33 means "my thread's
 * block" on whichever CPU the task runs.
 */
#ifndef _ASM_SEGMENT_H
#define _ASM_SEGMENT_H

#include <types.h>

#define GDT_ENTRIES		32
#define GDT_ENTRY_TLS_MIN	6
#define GDT_ENTRY_TLS_ENTRIES	3
#define GDT_ENTRY_TLS_MAX	(GDT_ENTRY_TLS_MIN + GDT_ENTRY_TLS_ENTRIES - 1)
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

/* Read a segment register (Linux 2.6: savesegment() in asm/system.h). */
#define savesegment(seg, value)						\
	__asm__ __volatile__("movl %%" #seg ", %0" : "=r"(value))

/*
 * Load a segment register with a selector that may be stale: the task's
 * %gs names a TLS entry it may have emptied since.  The load then takes
 * a general-protection (or segment-not-present) fault; the exception
 * table sends it to the fixup, which loads the null selector instead
 * (Linux 2.6: loadsegment() in asm/system.h).
 */
#define loadsegment(seg, value)						\
	do {								\
		u32 __sel = (value);					\
		__asm__ __volatile__(					\
			"1:	movl %k0, %%" #seg "\n"		\
			"2:\n"						\
			".section .fixup, \"ax\"\n"			\
			"3:	xorl %k0, %k0\n"			\
			"	movl %k0, %%" #seg "\n"		\
			"	jmp 2b\n"				\
			".previous\n"					\
			".section __ex_table, \"a\"\n"		\
			"	.long 1b, 3b\n"			\
			".previous"					\
			: "+r"(__sel) : : "memory");			\
	} while (0)

#endif /* _ASM_SEGMENT_H */
