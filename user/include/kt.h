/* SPDX-License-Identifier: GPL-2.0 */
/*
 * user/include/kt.h - the teaching calls: what ps, free, pressure, stack
 * and trace ask the kernel.
 *
 * No Linux counterpart: Linux shows the same things through /proc.  The
 * numbers 500-505 are above Linux's i386 table, so on another kernel
 * they are ENOSYS; every wrapper still checks kt26_running() first and
 * fails with ENOSYS rather than make a call that may mean something else
 * on some other kernel.
 */
#ifndef _USER_KT_H
#define _USER_KT_H

#include <kt26.h>
#include <sys/types.h>

int kt26_running(void);
int kt_tasks(struct kt_task_info *buf, int max);
int kt_meminfo(char *buf, int len);
int kt_pressure(int pages);
int kt_stack(pid_t pid, char *buf, int len);
int kt_trace(void);
int kt_drop_caches(void);

#endif /* _USER_KT_H */
