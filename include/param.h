/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/param.h - the kernel's fixed numbers, one line each.
 *
 * Linux 2.6: include/asm-i386/page.h, param.h, thread_info.h.
 * Every value mirrors Linux 2.6 on i386 (see docs/boot.md); the assembly
 * side keeps its own copy in arch/x86/asm-offsets.inc, which
 * arch/x86/asm-offsets.c checks against these at compile time.
 */
#ifndef _PARAM_H
#define _PARAM_H

#define PAGE_OFFSET	0xC0000000UL	/* kernel virtual base: 3 GiB user, 1 GiB kernel */
#define PAGE_SHIFT	12		/* 4 KiB pages */
#define PAGE_SIZE	(1UL << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))
#define PHYS_LOAD_ADDR	0x00100000UL	/* kernel loaded at 1 MiB (multiboot) */
#define LOWMEM_LIMIT	(896UL << 20)	/* ZONE_NORMAL ends at 896 MiB, as on i386 */
#define THREAD_SIZE	8192		/* thread_info + kernel stack: 8 KiB, aligned */
#define HZ		100		/* timer interrupts per second (PIT channel 0) */
#define TASK_SIZE	PAGE_OFFSET	/* user addresses are below this */
#define USER_IMAGE_BASE	0x08048000UL	/* where classic i386 ELF executables start */
#define NR_CPUS		8		/* per-CPU arrays are sized for SMP; CPU 0 runs now */
#define COMMAND_LINE_SIZE 512		/* bytes of kernel command line kept */

#endif /* _PARAM_H */
