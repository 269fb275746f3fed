/* SPDX-License-Identifier: GPL-2.0 */
/*
 * user/include/sys/mman.h - mmap(2), munmap(2), mprotect(2): anonymous
 * memory (PROT_* and MAP_* come from the ABI, include/uapi/kt26.h).
 *
 * Linux 2.6 + a C library: <sys/mman.h>.  mmap() is system call mmap2
 * (192), whose sixth argument goes in ebp (raw_syscall6()).
 */
#ifndef _USER_SYS_MMAN_H
#define _USER_SYS_MMAN_H

#include <kt26.h>
#include <sys/types.h>

void *mmap(void *addr, size_t len, int prot, int flags, int fd, long offset);
int munmap(void *addr, size_t len);
int mprotect(void *addr, size_t len, int prot);

#endif /* _USER_SYS_MMAN_H */
