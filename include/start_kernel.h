/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/start_kernel.h - the first C function (kernel/main.c).
 *
 * Linux 2.6: include/linux/start_kernel.h.
 * _start (boot/head.asm) calls it on process 0's stack, paging on,
 * interrupts off, with what the loader left in eax and ebx pushed as
 * cdecl arguments: hence asmlinkage.
 */
#ifndef _START_KERNEL_H
#define _START_KERNEL_H

#include <compiler.h>

/* kernel/main.c */
asmlinkage void __noreturn start_kernel(unsigned long magic,
					unsigned long info_phys);

#endif /* _START_KERNEL_H */
