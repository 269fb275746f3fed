/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/errno.h - error numbers, and error values carried in pointers.
 *
 * Linux 2.6: include/asm-generic/errno-base.h, include/linux/err.h.
 * The numbers are Linux's (include/uapi/kt26.h, shared with user space),
 * so user programs see the errors they expect; ERESTARTSYS never leaves
 * the kernel.
 * A pointer in the top 4095 bytes of the address space is an error code
 * (nothing is ever mapped there): ERR_PTR(-ENOMEM), IS_ERR(p), PTR_ERR(p).
 */
#ifndef _ERRNO_H
#define _ERRNO_H

#include <compiler.h>
#include <types.h>
#include <uapi/kt26.h>

/* The numbers user space sees are in the ABI header. */
/*
 * A system call interrupted by a signal returns one of these; the way
 * back to user mode (arch/x86/signal.c: do_signal()) turns it into a
 * restart (eip back over int $0x80) or -EINTR, so users never see them.
 */
#define ERESTARTSYS	512	/* restart unless the handler lacks SA_RESTART */
#define ERESTARTNOINTR	513	/* always restart */
#define ERESTARTNOHAND	514	/* restart only if no handler ran */

#define MAX_ERRNO	4095

#define IS_ERR_VALUE(x) unlikely((unsigned long)(x) >= (unsigned long)-MAX_ERRNO)

static inline void *ERR_PTR(long error)
{
	return (void *)error;
}

static inline long PTR_ERR(const void *ptr)
{
	return (long)ptr;
}

static inline bool IS_ERR(const void *ptr)
{
	return IS_ERR_VALUE((unsigned long)ptr);
}

/* The error of an ERR_PTR, 0 for a real pointer. */
static inline int PTR_ERR_OR_ZERO(const void *ptr)
{
	return IS_ERR(ptr) ? (int)PTR_ERR(ptr) : 0;
}

/* An error pointer of one type passed on as another's. */
static inline void *ERR_CAST(const void *ptr)
{
	return (void *)ptr;
}

#endif /* _ERRNO_H */
