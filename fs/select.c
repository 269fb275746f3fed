// SPDX-License-Identifier: GPL-2.0
/*
 * fs/select.c - poll(2): sleep until one of several files is ready.
 *
 * Linux 2.6: fs/select.c (sys_poll, do_sys_poll, do_poll, do_pollfd,
 * __pollwait, poll_freewait).  A shell with line editing waits this way
 * for a key (busybox ash calls poll() on the terminal before each read),
 * and a program reading a pipe and the terminal at once waits for both.
 *
 * The loop of do_poll():
 *   1. set_current_state(TASK_INTERRUPTIBLE), then ask each file's
 *      ->poll() (include/poll.h) for its POLL* bits.  On the first pass
 *      the poll_table goes along and __pollwait() puts one wait queue
 *      entry per queue the file names, each pointing at this task;
 *   2. if a file is ready, a signal is pending or the time is up, stop;
 *   3. else schedule_timeout().  A wake_up() on any of those queues --
 *      bytes into a pipe, a key typed -- makes the task runnable, and
 *      the loop asks every file again (without the table: the entries
 *      stay queued until poll_freewait()).
 * The state is set before the files are asked, as prepare_to_wait()
 * does (include/wait.h): a wake-up between the question and
 * schedule_timeout() sets the task running again, so it is not lost.
 * Each entry holds a reference to its file, so that the wait queue it is
 * on cannot be freed under it by another thread closing the descriptor.
 */
#include <asm/uaccess.h>
#include <errno.h>
#include <file.h>
#include <kernel.h>
#include <list.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <slab.h>
#include <syscalls.h>
#include <time.h>
#include <timer.h>

/* One queue the polling task waits on (Linux: struct poll_table_entry). */
struct poll_table_entry {
	struct list_head list;
	struct file *filp;
	wait_queue_t wait;
	wait_queue_head_t *wait_address;
};

struct poll_wqueues {
	poll_table pt;
	struct list_head entries;
	int error;			/* -ENOMEM: an entry could not be made */
};

/* The poll_table's qproc: queue current on @whead for @filp. */
static void __pollwait(struct file *filp, wait_queue_head_t *whead,
		       poll_table *pt)
{
	struct poll_wqueues *pwq = container_of(pt, struct poll_wqueues, pt);
	struct poll_table_entry *entry = kmalloc(sizeof(*entry), GFP_KERNEL);

	if (!entry) {
		pwq->error = -ENOMEM;
		return;
	}
	entry->filp = get_file(filp);
	entry->wait_address = whead;
	entry->wait.flags = 0;
	entry->wait.task = current;
	entry->wait.func = default_wake_function;	/* stays queued */
	add_wait_queue(whead, &entry->wait);
	list_add_tail(&entry->list, &pwq->entries);
}

static void poll_initwait(struct poll_wqueues *pwq)
{
	pwq->pt.qproc = __pollwait;
	INIT_LIST_HEAD(&pwq->entries);
	pwq->error = 0;
}

static void poll_freewait(struct poll_wqueues *pwq)
{
	struct poll_table_entry *entry, *next;

	list_for_each_entry_safe(entry, next, &pwq->entries, list) {
		remove_wait_queue(entry->wait_address, &entry->wait);
		fput(entry->filp);
		kfree(entry);
	}
}

/* The bits of @pfd true now (POLLNVAL: no such descriptor). */
static unsigned int do_pollfd(struct pollfd *pfd, poll_table *pt)
{
	unsigned int mask = 0;
	struct file *f;

	if (pfd->fd >= 0) {
		f = fget(pfd->fd);
		if (!f) {
			mask = POLLNVAL;
		} else {
			mask = f->f_op->poll ? f->f_op->poll(f, pt)
					     : DEFAULT_POLLMASK;
			/* Errors and hang-ups are reported unasked. */
			mask &= (unsigned short)pfd->events | POLLERR | POLLHUP;
			fput(f);
		}
	}
	pfd->revents = mask;
	return mask;
}

/* Return: how many descriptors are ready; 0 when @timeout ran out;
 * -EINTR on a signal; -ENOMEM. */
static int do_poll(struct pollfd *fds, unsigned int nfds,
		   struct poll_wqueues *wait, long timeout)
{
	poll_table *pt = &wait->pt;
	int count = 0;

	for (;;) {
		unsigned int i;

		set_current_state(TASK_INTERRUPTIBLE);
		for (i = 0; i < nfds; i++) {
			if (do_pollfd(&fds[i], pt)) {
				count++;
				pt = NULL;	/* no need to wait any more */
			}
		}
		pt = NULL;	/* queued on everything: just look, from now */
		if (count || !timeout)
			break;
		if (wait->error) {
			count = wait->error;
			break;
		}
		if (signal_pending(current)) {
			count = -EINTR;
			break;
		}
		timeout = schedule_timeout(timeout);
	}
	__set_current_state(TASK_RUNNING);
	return count;
}

/**
 * sys_poll - poll(2): wait until one of @nfds descriptors is ready
 * @ufds: the user's array of struct pollfd; each revents is written
 * @nfds: its length, at most RLIMIT_NOFILE
 * @timeout_msecs: how long to wait at most: < 0 forever, 0 not at all
 *
 * The wait is at least @timeout_msecs: a jiffy more than they round up
 * to, since the first jiffy is already partly gone.
 * Return: the number of descriptors with a non-zero revents; 0 if the
 * time ran out; -EINTR on a signal (restarted instead when waiting
 * forever and no handler runs: -ERESTARTNOHAND); -EINVAL, -EFAULT,
 * -ENOMEM.
 */
asmlinkage long sys_poll(struct pollfd *ufds, unsigned int nfds,
			 long timeout_msecs)
{
	size_t size = nfds * sizeof(struct pollfd);
	long timeout = MAX_SCHEDULE_TIMEOUT;
	struct poll_wqueues table;
	struct pollfd *fds = NULL;
	unsigned int i;
	int ret;

	if (nfds > current->rlim[RLIMIT_NOFILE].rlim_cur)
		return -EINVAL;
	if (timeout_msecs >= 0)
		timeout = timeout_msecs / 1000 * HZ +
			  msecs_to_jiffies(timeout_msecs % 1000) +
			  (timeout_msecs ? 1 : 0);
	if (nfds) {
		fds = kmalloc(size, GFP_KERNEL);
		if (!fds)
			return -ENOMEM;
		if (copy_from_user(fds, ufds, size)) {
			kfree(fds);
			return -EFAULT;
		}
	}
	poll_initwait(&table);
	ret = do_poll(fds, nfds, &table, timeout);
	poll_freewait(&table);
	for (i = 0; i < nfds && ret >= 0; i++) {
		if (copy_to_user(&ufds[i].revents, &fds[i].revents,
				 sizeof(fds[i].revents)))
			ret = -EFAULT;
	}
	kfree(fds);
	if (ret == -EINTR && timeout_msecs < 0)
		ret = -ERESTARTNOHAND;
	return ret;
}
