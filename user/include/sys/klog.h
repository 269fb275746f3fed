/* SPDX-License-Identifier: GPL-2.0 */
/*
 * user/include/sys/klog.h - the kernel log ring (dmesg).
 *
 * Linux 2.6 + a C library: <sys/klog.h>.  System call 103 is "syslog" in
 * the kernel; C libraries call it klogctl because syslog(3) is the
 * unrelated logging function.
 */
#ifndef _USER_SYS_KLOG_H
#define _USER_SYS_KLOG_H

#include <kt26.h>

int klogctl(int type, char *buf, int len);

#endif /* _USER_SYS_KLOG_H */
