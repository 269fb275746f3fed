/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/pipe_fs_i.h - pipes: a one-page ring between two open files
 * (fs/pipe.c).
 *
 * Linux 2.6: include/linux/pipe_fs_i.h (struct pipe_inode_info).
 * pipe() makes two struct files, a read end and a write end, whose
 * private_data is the same pipe_inode_info: the ring, how much of it
 * holds data, and how many ends of each kind are still open.
 */
#ifndef _PIPE_FS_I_H
#define _PIPE_FS_I_H

#include <compiler.h>
#include <param.h>
#include <spinlock.h>
#include <types.h>
#include <wait.h>

#define PIPE_SIZE	PAGE_SIZE	/* the ring: one page */

struct file;

struct pipe_inode_info {
	spinlock_t lock;		/* every field below */
	wait_queue_head_t wait;		/* readers and writers sleep here */
	char *base;			/* the ring's page */
	unsigned int start;		/* offset of the first unread byte */
	unsigned int len;		/* bytes written and not yet read */
	unsigned int readers;		/* open read ends */
	unsigned int writers;		/* open write ends */
	bool reading;			/* a reader copies out of the ring */
	bool writing;			/* a writer copies into it */
};

/*
 * How bytes cross between the ring and the caller's buffer: the pipe's
 * read and write pass copy_to_user() and copy_from_user(); a kernel
 * caller (the in-kernel tests) a copy between kernel buffers.  Return:
 * the bytes NOT copied.
 */
typedef unsigned long (*pipe_copy_t)(void *to, const void *from,
				     unsigned long n);

/* fs/pipe.c */
int create_pipe_files(struct file *res[2], int flags);
ssize_t do_pipe_read(struct pipe_inode_info *pipe, char *buf, size_t count,
		     bool nonblock, pipe_copy_t copy);
ssize_t do_pipe_write(struct pipe_inode_info *pipe, const char *buf,
		      size_t count, bool nonblock, pipe_copy_t copy);

#endif /* _PIPE_FS_I_H */
