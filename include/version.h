/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/version.h - the kernel's name and version (kernel/version.c).
 */
#ifndef _VERSION_H
#define _VERSION_H

#define KERNEL_NAME	"kt26"
#define KERNEL_VERSION	"0.1"

/* kernel/version.c */
extern const char linux_banner[];

#endif /* _VERSION_H */
