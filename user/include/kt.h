/* SPDX-License-Identifier: GPL-2.0 */
/*
 * user/include/kt.h - the teaching calls: what ps, free, pressure, stack
 * and trace ask the kernel.
 *
 * No Linux counterpart: Linux shows the same things through /proc.  On a
 * kernel that is not kt26 the numbers 400-405 belong to other calls
 * (Linux i386: msgsnd, msgrcv, msgctl, clock_gettime64, clock_settime64,
 * clock_adjtime64),
 * so every wrapper first checks kt26_running() and fails with ENOSYS
 * rather than make a call that means something else there.
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
