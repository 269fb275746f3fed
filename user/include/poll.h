/* SPDX-License-Identifier: GPL-2.0 */
/*
 * user/include/poll.h - poll(2): wait until one of several descriptors
 * is ready.
 *
 * Linux 2.6 + a C library: <poll.h>.  struct pollfd and the POLL* bits
 * are the ABI's (<kt26_fs.h>); the kernel's side is fs/select.c.
 */
#ifndef _USER_POLL_H
#define _USER_POLL_H

#include <kt26_fs.h>

int poll(struct pollfd *fds, unsigned long nfds, int timeout);

#endif /* _USER_POLL_H */
