/* SPDX-License-Identifier: GPL-2.0 */
/*
 * user/include/sys/reboot.h - reboot(2) in its raw Linux form: two magic
 * numbers guard against a stray call, then the command.
 *
 * Linux 2.6: sys_reboot() in kernel/sys.c (the C library's reboot(howto)
 * adds the magic numbers itself; the raw form shows them).
 */
#ifndef _USER_SYS_REBOOT_H
#define _USER_SYS_REBOOT_H

#include <kt26.h>

int reboot(unsigned int magic1, unsigned int magic2, unsigned int cmd,
	   void *arg);

#endif /* _USER_SYS_REBOOT_H */
