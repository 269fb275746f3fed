// SPDX-License-Identifier: GPL-2.0
/*
 * fs/pipe.c - pipes: pipe(2), pipe2(2), and the read and write of their
 * two ends.
 *
 * Linux 2.6: fs/pipe.c (pipe_read, pipe_write, pipe_wait, do_pipe,
 * pipe_release); Understanding the Linux Kernel, 3rd ed., chapter 19,
 * Section "Pipes".
 * A pipe is one page used as a ring (struct pipe_inode_info,
 * include/pipe_fs_i.h): @start is where the unread bytes begin, @len how
 * many there are; a write appends at start + len, a read takes from
 * start, both modulo PIPE_SIZE.  pipe() makes two struct files over it:
 * the read end (O_RDONLY) and the write end (O_WRONLY), which fork() and
 * dup() share like any file; @readers and @writers count the ends still
 * open, and the page goes when both are zero.
 *
 * Who sleeps and who wakes them -- one wait queue, pipe->wait, for both
 * sides (as Linux 2.6's PIPE_WAIT):
 * - a reader finding the ring empty sleeps while a writer exists; with
 *   none left the read returns 0, end of file;
 * - a writer sleeps while the ring has no room: a write of at most
 *   PIPE_BUF bytes waits until all of it fits and goes in as one piece
 *   (never interleaved with another writer's bytes); a larger one goes
 *   in as room appears;
 * - a writer with no reader left gets SIGPIPE, and -EPIPE;
 * - every change -- bytes in, bytes out, an end closed -- wakes every
 *   sleeper, and each looks again at what it waits for.
 * The sleeps are interruptible: a signal ends the call with
 * -ERESTARTSYS, or with the count of bytes already moved, and the signal
 * code on the way back to user mode (kernel/signal.c:
 * do_notify_resume()) restarts the call or makes it -EINTR.  O_NONBLOCK
 * turns every sleep for data or room into -EAGAIN.  ioctl(FIONREAD) on
 * either end says how many bytes a read would find.
 *
 * The lock: pipe->lock, a spinlock, guards the counts and positions, but
 * is never held across the copy to or from user memory, which may fault
 * (and a fault may sleep).  Instead a reader marks the ring @reading
 * while it copies bytes already counted in @len, and a writer marks it
 * @writing while it copies into room beyond them; a second reader (or
 * writer) waits for its turn, but a reader and a writer copy at the
 * same time, on two CPUs, without touching the same bytes.  Only then,
 * under the lock again, are start and len moved.  (Linux 2.6 holds a
 * sleeping lock, the inode's semaphore and later pipe->mutex, across the
 * copies instead.)
 */
#include <asm/uaccess.h>
#include <errno.h>
#include <file.h>
#include <gfp.h>
#include <kernel.h>
#include <pipe_fs_i.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <slab.h>
#include <syscalls.h>
#include <uapi/termbits.h>

/* Sleep until an event on the pipe; called and returns with the lock. */
static void pipe_wait(struct pipe_inode_info *pipe)
{
	DEFINE_WAIT(wait);

	/* Queued before the lock goes: no wake-up can slip in between. */
	prepare_to_wait(&pipe->wait, &wait, TASK_INTERRUPTIBLE);
	spin_unlock(&pipe->lock);
	schedule();
	finish_wait(&pipe->wait, &wait);
	spin_lock(&pipe->lock);
}

/**
 * do_pipe_read - take bytes out of a pipe, sleeping for them if need be
 * @pipe: the pipe
 * @buf: where they go
 * @count: room in @buf
 * @nonblock: -EAGAIN instead of sleeping (O_NONBLOCK)
 * @copy: copies from the ring to @buf (copy_to_user() for read())
 *
 * Returns as soon as it has some bytes: it does not wait to fill @buf.
 * Context: process, may sleep.
 * Return: the bytes read; 0 at end of file (empty, and no writer left);
 * -EAGAIN, -ERESTARTSYS (a signal came before any byte), -EFAULT.
 */
ssize_t do_pipe_read(struct pipe_inode_info *pipe, char *buf, size_t count,
		     bool nonblock, pipe_copy_t copy)
{
	ssize_t ret = 0;

	if (!count)
		return 0;
	spin_lock(&pipe->lock);
	for (;;) {
		if (pipe->len && !pipe->reading) {
			unsigned int start = pipe->start;
			size_t n = min(count - ret, (size_t)pipe->len);
			unsigned long left;

			/* Up to the end of the page; the rest next round. */
			n = min(n, PIPE_SIZE - start);
			pipe->reading = true;
			spin_unlock(&pipe->lock);
			left = copy(buf + ret, pipe->base + start, n);
			spin_lock(&pipe->lock);
			pipe->reading = false;
			n -= left;
			pipe->start = (start + n) % PIPE_SIZE;
			pipe->len -= n;
			ret += n;
			/* Room for writers; the turn for other readers. */
			wake_up_interruptible_all(&pipe->wait);
			if (left) {
				if (!ret)
					ret = -EFAULT;
				break;
			}
			if ((size_t)ret == count)
				break;
			continue;
		}
		if (ret)
			break;
		if (!pipe->len) {
			if (!pipe->writers)
				break;			/* end of file */
			if (nonblock) {
				ret = -EAGAIN;
				break;
			}
		}
		/* Empty, or another reader is copying: wait. */
		if (signal_pending(current)) {
			ret = -ERESTARTSYS;
			break;
		}
		pipe_wait(pipe);
	}
	spin_unlock(&pipe->lock);
	return ret;
}

/**
 * do_pipe_write - put bytes into a pipe, sleeping for room if need be
 * @pipe: the pipe
 * @buf: the bytes
 * @count: how many
 * @nonblock: -EAGAIN instead of sleeping (O_NONBLOCK)
 * @copy: copies from @buf into the ring (copy_from_user() for write())
 *
 * Up to PIPE_BUF bytes go in at once or not at all; more may be
 * interleaved with other writers' bytes.  With no reader left the
 * writer is sent SIGPIPE (which kills it unless it is ignored or
 * handled).
 * Context: process, may sleep.
 * Return: the bytes written (all of @count unless a signal, a fault, the
 * last reader's close or O_NONBLOCK stopped it half way); -EPIPE,
 * -EAGAIN, -ERESTARTSYS, -EFAULT if none were.
 */
ssize_t do_pipe_write(struct pipe_inode_info *pipe, const char *buf,
		      size_t count, bool nonblock, pipe_copy_t copy)
{
	/* The room to wait for: all of a small write, anything for a big. */
	size_t need = count <= PIPE_BUF ? count : 1;
	bool sigpipe = false;
	ssize_t ret = 0;

	if (!count)
		return 0;
	spin_lock(&pipe->lock);
	for (;;) {
		size_t room;

		if (!pipe->readers) {
			sigpipe = true;
			if (!ret)
				ret = -EPIPE;
			break;
		}
		room = PIPE_SIZE - pipe->len;
		if (room >= need && !pipe->writing) {
			unsigned int at = (pipe->start + pipe->len) % PIPE_SIZE;
			size_t n = min(count - ret, room);
			size_t first = min(n, PIPE_SIZE - at);
			unsigned long left;

			/* Beyond len: no reader looks there. */
			pipe->writing = true;
			spin_unlock(&pipe->lock);
			left = copy(pipe->base + at, buf + ret, first);
			if (left)
				left += n - first;
			else if (n > first)	/* wraps to the page's start */
				left = copy(pipe->base, buf + ret + first,
					    n - first);
			spin_lock(&pipe->lock);
			pipe->writing = false;
			n -= left;
			pipe->len += n;
			ret += n;
			/* Bytes for readers; the turn for other writers. */
			wake_up_interruptible_all(&pipe->wait);
			if (left) {
				if (!ret)
					ret = -EFAULT;
				break;
			}
			if ((size_t)ret == count)
				break;
			continue;
		}
		if (room < need && nonblock) {
			if (!ret)
				ret = -EAGAIN;
			break;
		}
		/* No room, or another writer is copying: wait. */
		if (signal_pending(current)) {
			if (!ret)
				ret = -ERESTARTSYS;
			break;
		}
		pipe_wait(pipe);
	}
	spin_unlock(&pipe->lock);
	if (sigpipe)
		send_sig(SIGPIPE, current);
	return ret;
}

static ssize_t pipe_read(struct file *f, char *ubuf, size_t count)
{
	return do_pipe_read(f->private_data, ubuf, count,
			    READ_ONCE(f->f_flags) & O_NONBLOCK, copy_to_user);
}

static ssize_t pipe_write(struct file *f, const char *ubuf, size_t count)
{
	return do_pipe_write(f->private_data, ubuf, count,
			     READ_ONCE(f->f_flags) & O_NONBLOCK,
			     copy_from_user);
}

/* ioctl(FIONREAD): the bytes in the ring; any other request -ENOTTY. */
static long pipe_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct pipe_inode_info *pipe = f->private_data;
	int count;

	if (cmd != FIONREAD)
		return -ENOTTY;
	spin_lock(&pipe->lock);
	count = pipe->len;
	spin_unlock(&pipe->lock);
	return copy_to_user((int *)arg, &count, sizeof(count)) ? -EFAULT : 0;
}

static void free_pipe_info(struct pipe_inode_info *pipe)
{
	free_page((unsigned long)pipe->base);
	kfree(pipe);
}

/* An end is closed (its last descriptor, in every process). */
static void pipe_release(struct pipe_inode_info *pipe, bool reader)
{
	bool last;

	spin_lock(&pipe->lock);
	if (reader)
		pipe->readers--;
	else
		pipe->writers--;
	last = !pipe->readers && !pipe->writers;
	/* Readers may now see end of file, writers no reader. */
	wake_up_interruptible_all(&pipe->wait);
	spin_unlock(&pipe->lock);
	if (last)
		free_pipe_info(pipe);
}

static void pipe_read_release(struct file *f)
{
	pipe_release(f->private_data, true);
}

static void pipe_write_release(struct file *f)
{
	pipe_release(f->private_data, false);
}

/*
 * poll(2) (fs/select.c): every change to the pipe wakes pipe->wait.  The
 * read end is ready with bytes in the ring, and hung up (POLLHUP) with
 * no writer left -- a read returns 0 then; the write end is ready with
 * room for a byte (a larger write may still wait, as on Linux 2.6), and
 * in error (POLLERR) with no reader left -- a write gets SIGPIPE.
 */
static unsigned int pipe_poll(struct file *f, poll_table *wait)
{
	struct pipe_inode_info *pipe = f->private_data;
	unsigned int mask = 0;

	poll_wait(f, &pipe->wait, wait);
	spin_lock(&pipe->lock);
	if ((f->f_flags & O_ACCMODE) == O_RDONLY) {
		if (pipe->len)
			mask |= POLLIN | POLLRDNORM;
		if (!pipe->writers)
			mask |= POLLHUP;
	} else {
		if (pipe->len < PIPE_SIZE)
			mask |= POLLOUT | POLLWRNORM;
		if (!pipe->readers)
			mask |= POLLERR;
	}
	spin_unlock(&pipe->lock);
	return mask;
}

/* No llseek: lseek() on a pipe is -ESPIPE. */
static const struct file_operations read_pipe_fops = {
	.read = pipe_read,
	.release = pipe_read_release,
	.unlocked_ioctl = pipe_ioctl,
	.poll = pipe_poll,
};

static const struct file_operations write_pipe_fops = {
	.write = pipe_write,
	.release = pipe_write_release,
	.unlocked_ioctl = pipe_ioctl,
	.poll = pipe_poll,
};

static struct pipe_inode_info *alloc_pipe_info(void)
{
	struct pipe_inode_info *pipe = kzalloc(sizeof(*pipe), GFP_KERNEL);

	if (!pipe)
		return NULL;
	pipe->base = (char *)__get_free_page(GFP_KERNEL);
	if (!pipe->base) {
		kfree(pipe);
		return NULL;
	}
	spin_lock_init(&pipe->lock);
	init_waitqueue_head(&pipe->wait);
	pipe->readers = 1;
	pipe->writers = 1;
	return pipe;
}

/**
 * create_pipe_files - a new pipe and its two open ends
 * @res: gets the read end ([0]) and the write end ([1])
 * @flags: O_NONBLOCK, or 0
 *
 * Each end holds one reference; the pipe is freed once both are put.
 * Context: process.
 * Return: 0, or -ENOMEM.
 */
int create_pipe_files(struct file *res[2], int flags)
{
	struct pipe_inode_info *pipe = alloc_pipe_info();
	unsigned int nonblock = flags & O_NONBLOCK;

	if (!pipe)
		return -ENOMEM;
	res[0] = alloc_file(&read_pipe_fops, O_RDONLY | nonblock, pipe);
	if (!res[0]) {
		free_pipe_info(pipe);
		return -ENOMEM;
	}
	res[1] = alloc_file(&write_pipe_fops, O_WRONLY | nonblock, pipe);
	if (!res[1]) {
		pipe->writers = 0;	/* the read end's put frees it */
		fput(res[0]);
		return -ENOMEM;
	}
	return 0;
}

/* A pipe, its ends at the two lowest free descriptors; Return: 0 or -E. */
static int do_pipe_flags(int fd[2], int flags)
{
	struct file *files[2];
	int err;

	err = create_pipe_files(files, flags);
	if (err)
		return err;
	fd[0] = fd_alloc(files[0], 0, flags);
	if (fd[0] < 0) {
		err = fd[0];
		goto out_put_both;
	}
	fd[1] = fd_alloc(files[1], 0, flags);
	if (fd[1] < 0) {
		err = fd[1];
		sys_close(fd[0]);	/* puts files[0] */
		fput(files[1]);
		return err;
	}
	return 0;

out_put_both:
	fput(files[0]);
	fput(files[1]);
	return err;
}

/**
 * sys_pipe2 - pipe2(2): a pipe, with flags for both descriptors
 * @fildes: user memory for two ints: the read end, then the write end
 * @flags: O_CLOEXEC (both descriptors are closed by execve), O_NONBLOCK
 *         (both ends)
 *
 * Context: process (a system call).
 * Return: 0; -EINVAL for other flags, -EMFILE if two descriptors are not
 * free, -ENOMEM, -EFAULT (no descriptor is left open then).
 */
asmlinkage long sys_pipe2(int *fildes, int flags)
{
	int fd[2];
	int err;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK))
		return -EINVAL;
	err = do_pipe_flags(fd, flags);
	if (err)
		return err;
	if (copy_to_user(fildes, fd, sizeof(fd))) {
		sys_close(fd[0]);
		sys_close(fd[1]);
		return -EFAULT;
	}
	return 0;
}

/**
 * sys_pipe - pipe(2)
 * @fildes: user memory for two ints: the read end, then the write end
 *
 * Context: process (a system call).
 * Return: as sys_pipe2() with no flags.
 */
asmlinkage long sys_pipe(int *fildes)
{
	return sys_pipe2(fildes, 0);
}
