/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/resource.h - resource limits: what a new process starts with
 * (kernel/resource.c).
 *
 * Linux 2.6: include/asm-generic/resource.h (INIT_RLIMITS).  Process 0's
 * limits; fork copies them, execve keeps them.  Mostly RLIM_INFINITY, as
 * Linux's: only the stack (the 8 MiB area execve() gives every program,
 * USER_STACK_MAX in include/binfmts.h), open files (the fixed table of
 * include/file.h), core dumps (none) and locked memory have a value.
 */
#ifndef _RESOURCE_H
#define _RESOURCE_H

#include <binfmts.h>
#include <file.h>
#include <uapi/kt26.h>

#define INIT_RLIMITS							\
	{								\
		[RLIMIT_CPU]		= { RLIM_INFINITY, RLIM_INFINITY }, \
		[RLIMIT_FSIZE]		= { RLIM_INFINITY, RLIM_INFINITY }, \
		[RLIMIT_DATA]		= { RLIM_INFINITY, RLIM_INFINITY }, \
		[RLIMIT_STACK]		= { USER_STACK_MAX, USER_STACK_MAX }, \
		[RLIMIT_CORE]		= { 0, RLIM_INFINITY },		\
		[RLIMIT_RSS]		= { RLIM_INFINITY, RLIM_INFINITY }, \
		[RLIMIT_NPROC]		= { RLIM_INFINITY, RLIM_INFINITY }, \
		[RLIMIT_NOFILE]		= { NR_OPEN_DEFAULT, NR_OPEN_DEFAULT }, \
		[RLIMIT_MEMLOCK]	= { 65536, 65536 },		\
		[RLIMIT_AS]		= { RLIM_INFINITY, RLIM_INFINITY }, \
		[RLIMIT_LOCKS]		= { RLIM_INFINITY, RLIM_INFINITY }, \
		[RLIMIT_SIGPENDING]	= { RLIM_INFINITY, RLIM_INFINITY }, \
		[RLIMIT_MSGQUEUE]	= { 819200, 819200 },		\
		[RLIMIT_NICE]		= { 0, 0 },			\
		[RLIMIT_RTPRIO]		= { 0, 0 },			\
		[RLIMIT_RTTIME]		= { RLIM_INFINITY, RLIM_INFINITY }, \
	}

#endif /* _RESOURCE_H */
