// SPDX-License-Identifier: GPL-2.0
/*
 * tests/ktest/pipe_test.c - the pipe's ring and its sleepers, from the
 * inside (fs/pipe.c).
 *
 * The tests make a pipe with create_pipe_files() and move bytes with
 * do_pipe_read() and do_pipe_write() over kernel buffers (a memcpy in
 * place of copy_to_user()), so that they can look at the ring's start
 * and length between calls and choose exactly where it wraps.  Readers
 * and writers that must sleep are kernel threads forked by the test
 * (kernel_thread(): its children, with the default signal actions, so
 * that send_sig() reaches them); the test waits until the scheduler sees
 * one asleep (ktest_wait_sleeping()), acts, and reaps it with do_wait():
 * nothing depends on time.  Each thread holds a reference to its end of
 * the pipe, so the pipe outlives it even when a failed check ends the
 * test early; the test's own references are put by a cleanup action.
 * The runner's leak check then proves that the pipe's page, its
 * pipe_inode_info and its two files are freed with the last end.
 */
#include <file.h>
#include <kernel.h>
#include <ktest.h>
#include <pipe_fs_i.h>
#include <sched.h>
#include <signal.h>
#include <string.h>

static unsigned long kcopy(void *to, const void *from, unsigned long n)
{
	memcpy(to, from, n);
	return 0;
}

/*
 * A copy that gives up the CPU half way, as a copy_from_user() that
 * faulted and slept would: whoever else wants the ring runs meanwhile.
 */
static unsigned long yielding_copy(void *to, const void *from,
				   unsigned long n)
{
	memcpy(to, from, n / 2);
	yield();
	memcpy((char *)to + n / 2, (const char *)from + n / 2, n - n / 2);
	return 0;
}

/* A copy that faults at once: the user pointer was bad. */
static unsigned long fault_copy(void *to, const void *from, unsigned long n)
{
	return n;
}

static struct file *ends[2];	/* the test's read end, write end */

static void put_ends(void *unused)
{
	for (int i = 0; i < 2; i++) {
		if (ends[i])
			fput(ends[i]);
		ends[i] = NULL;
	}
}

/* Closes the test's read (0) or write (1) end. */
static void close_end(int i)
{
	fput(ends[i]);
	ends[i] = NULL;
}

static struct pipe_inode_info *make_pipe(void)
{
	KTEST_ASSERT_EQ(create_pipe_files(ends, 0), 0);
	ktest_add_action(put_ends, NULL);
	return ends[0]->private_data;
}

static void ring_state(struct pipe_inode_info *pipe, unsigned int *start,
		       unsigned int *len)
{
	spin_lock(&pipe->lock);
	*start = pipe->start;
	*len = pipe->len;
	spin_unlock(&pipe->lock);
}

static char pattern(size_t i, char tag)
{
	return (char)(i % 251) ^ tag;
}

static void fill(char *buf, size_t n, size_t from, char tag)
{
	for (size_t i = 0; i < n; i++)
		buf[i] = pattern(from + i, tag);
}

static bool holds(const char *buf, size_t n, size_t from, char tag)
{
	for (size_t i = 0; i < n; i++)
		if (buf[i] != pattern(from + i, tag))
			return false;
	return true;
}

static char in[2 * PIPE_SIZE], out[2 * PIPE_SIZE];

/*
 * 3000 bytes through and out, then 2000 more: 1096 go at the end of the
 * page, 904 at its start; one read returns all 2000, in order, and the
 * ring starts at 904.  Full, a write waits (-EAGAIN here: non-blocking)
 * unless all of it fits, for up to PIPE_BUF bytes; a larger one takes
 * what fits.  A faulting copy moves nothing and leaves the ring usable.
 */
KTEST(pipe_ring_wraps_around_in_order)
{
	struct pipe_inode_info *pipe = make_pipe();
	unsigned int start, len;

	fill(in, sizeof(in), 0, 0);
	KTEST_ASSERT_EQ(do_pipe_write(pipe, in, 3000, true, kcopy), 3000);
	KTEST_ASSERT_EQ(do_pipe_read(pipe, out, 3000, true, kcopy), 3000);
	KTEST_EXPECT(holds(out, 3000, 0, 0));
	ring_state(pipe, &start, &len);
	KTEST_EXPECT_EQ(start, 3000);
	KTEST_EXPECT_EQ(len, 0);

	KTEST_ASSERT_EQ(do_pipe_write(pipe, in + 3000, 2000, true, kcopy),
			2000);
	/* The last 904 bytes went to the start of the page. */
	KTEST_EXPECT(holds(pipe->base, 904, 3000 + 1096, 0));
	memset(out, 0, sizeof(out));
	KTEST_ASSERT_EQ(do_pipe_read(pipe, out, sizeof(out), true, kcopy),
			2000);
	KTEST_EXPECT(holds(out, 2000, 3000, 0));
	ring_state(pipe, &start, &len);
	KTEST_EXPECT_EQ(start, 904);
	KTEST_EXPECT_EQ(len, 0);

	KTEST_EXPECT_EQ(do_pipe_read(pipe, out, 1, true, kcopy), -EAGAIN);
	KTEST_ASSERT_EQ(do_pipe_write(pipe, in, PIPE_SIZE, true, kcopy),
			PIPE_SIZE);
	KTEST_EXPECT_EQ(do_pipe_write(pipe, in, 1, true, kcopy), -EAGAIN);
	KTEST_ASSERT_EQ(do_pipe_read(pipe, out, 1, true, kcopy), 1);
	/* Room for one byte: two go in together or not at all. */
	KTEST_EXPECT_EQ(do_pipe_write(pipe, in, 2, true, kcopy), -EAGAIN);
	KTEST_EXPECT_EQ(do_pipe_write(pipe, in, 1, true, kcopy), 1);
	KTEST_ASSERT_EQ(do_pipe_read(pipe, out, sizeof(out), true, kcopy),
			PIPE_SIZE);
	/* More than PIPE_BUF: what fits. */
	KTEST_EXPECT_EQ(do_pipe_write(pipe, in, PIPE_BUF + 904, true, kcopy),
			PIPE_SIZE);

	KTEST_EXPECT_EQ(do_pipe_read(pipe, out, 10, true, fault_copy),
			-EFAULT);
	ring_state(pipe, &start, &len);
	KTEST_EXPECT_EQ(len, PIPE_SIZE);
	KTEST_EXPECT_EQ(do_pipe_read(pipe, out, sizeof(out), true, kcopy),
			PIPE_SIZE);
	KTEST_EXPECT(holds(out, PIPE_SIZE, 0, 0));
	KTEST_EXPECT_EQ(do_pipe_write(pipe, in, 10, true, fault_copy),
			-EFAULT);
	ring_state(pipe, &start, &len);
	KTEST_EXPECT_EQ(len, 0);
	/* The last writer gone, an empty pipe is at its end. */
	close_end(1);
	KTEST_EXPECT_EQ(do_pipe_read(pipe, out, 1, true, kcopy), 0);
}

/* What a reader or writer thread does, and what it got. */
struct pipe_job {
	struct file *f;		/* the thread's own reference to its end */
	char *buf;
	size_t count;
	ssize_t ret;
	bool sigpipe;		/* SIGPIPE was pending after the call */
};

static struct pipe_job job;

static int pipe_reader(void *arg)
{
	struct pipe_job *j = arg;

	j->ret = do_pipe_read(j->f->private_data, j->buf, j->count, false,
			      kcopy);
	fput(j->f);
	return 0;
}

static int pipe_writer(void *arg)
{
	struct pipe_job *j = arg;

	j->ret = do_pipe_write(j->f->private_data, j->buf, j->count, false,
			       kcopy);
	j->sigpipe = current->pending & sigmask(SIGPIPE);
	fput(j->f);
	return 0;
}

/*
 * Forks a thread running @fn on @j with end @end of the pipe, and waits
 * until it sleeps.  Return: its pid (the caller reaps it).
 */
static pid_t start_blocked(int (*fn)(void *), struct pipe_job *j, int end,
			   char *buf, size_t count)
{
	struct task_struct *p;
	pid_t pid;

	j->f = get_file(ends[end]);
	j->buf = buf;
	j->count = count;
	j->ret = -1000;
	j->sigpipe = false;
	pid = kernel_thread(fn, j, 0);
	if (pid < 0)
		fput(j->f);
	KTEST_ASSERT(pid > 0);
	p = find_task_by_pid(pid);
	KTEST_ASSERT(p);
	/* Dead (returned without sleeping) or asleep: no waiting forever. */
	ktest_wait_sleeping(p, TASK_NORMAL | TASK_DEAD);
	KTEST_ASSERT_EQ(READ_ONCE(p->state), TASK_INTERRUPTIBLE);
	return pid;
}

static void reap(pid_t pid)
{
	KTEST_ASSERT_EQ(do_wait(pid, NULL, 0), pid);
}

/*
 * 4086 bytes in the ring, a writer of 100 sleeps: not one of its bytes
 * goes in while there is room for only 10, then 60; with room for 110 it
 * writes all 100, after the bytes already there, across the page's end.
 */
KTEST(pipe_writer_waits_for_room_for_whole_write)
{
	static char record[100];
	struct pipe_inode_info *pipe = make_pipe();
	unsigned int start, len;
	pid_t pid;

	fill(in, PIPE_SIZE - 10, 0, 0);
	fill(record, sizeof(record), 0, 'w');
	KTEST_ASSERT_EQ(do_pipe_write(pipe, in, PIPE_SIZE - 10, true, kcopy),
			PIPE_SIZE - 10);
	pid = start_blocked(pipe_writer, &job, 1, record, sizeof(record));
	ring_state(pipe, &start, &len);
	KTEST_EXPECT_EQ(len, PIPE_SIZE - 10);

	KTEST_ASSERT_EQ(do_pipe_read(pipe, out, 50, true, kcopy), 50);
	ktest_wait_sleeping(find_task_by_pid(pid), TASK_NORMAL | TASK_DEAD);
	ring_state(pipe, &start, &len);
	KTEST_EXPECT_EQ(len, PIPE_SIZE - 60);
	KTEST_EXPECT_EQ(job.ret, -1000);

	KTEST_ASSERT_EQ(do_pipe_read(pipe, out + 50, 50, true, kcopy), 50);
	reap(pid);
	KTEST_EXPECT_EQ(job.ret, sizeof(record));
	KTEST_ASSERT_EQ(do_pipe_read(pipe, out + 100, PIPE_SIZE - 110, true,
				     kcopy), PIPE_SIZE - 110);
	KTEST_EXPECT(holds(out, PIPE_SIZE - 10, 0, 0));
	KTEST_ASSERT_EQ(do_pipe_read(pipe, out, sizeof(out), true, kcopy),
			sizeof(record));
	KTEST_EXPECT(holds(out, sizeof(record), 0, 'w'));
	ring_state(pipe, &start, &len);
	KTEST_EXPECT_EQ(start, 90);
}

/*
 * A reader of an empty pipe sleeps until bytes come (and returns those,
 * without waiting for all it asked for), or until the last write end is
 * closed (0: end of file).
 */
KTEST(pipe_reader_sleeps_until_data_or_last_writer)
{
	struct pipe_inode_info *pipe = make_pipe();
	pid_t pid;

	pid = start_blocked(pipe_reader, &job, 0, out, 10);
	fill(in, 3, 0, 0);
	KTEST_ASSERT_EQ(do_pipe_write(pipe, in, 3, true, kcopy), 3);
	reap(pid);
	KTEST_EXPECT_EQ(job.ret, 3);
	KTEST_EXPECT(holds(out, 3, 0, 0));

	pid = start_blocked(pipe_reader, &job, 0, out, 10);
	close_end(1);
	reap(pid);
	KTEST_EXPECT_EQ(job.ret, 0);
}

/*
 * A writer asleep on a full ring when the last reader goes returns
 * -EPIPE and has SIGPIPE pending; one that had written part of a large
 * write returns that part, with SIGPIPE all the same.
 */
KTEST(pipe_writer_gets_epipe_and_sigpipe_without_reader)
{
	struct pipe_inode_info *pipe = make_pipe();
	pid_t pid;

	fill(in, sizeof(in), 0, 0);
	KTEST_ASSERT_EQ(do_pipe_write(pipe, in, PIPE_SIZE, true, kcopy),
			PIPE_SIZE);
	pid = start_blocked(pipe_writer, &job, 1, in, 10);
	KTEST_ASSERT_EQ(do_pipe_read(pipe, out, 5, true, kcopy), 5);
	/* Room for 5 of its 10 bytes: it went back to sleep. */
	ktest_wait_sleeping(find_task_by_pid(pid), TASK_NORMAL | TASK_DEAD);
	KTEST_EXPECT_EQ(job.ret, -1000);
	close_end(0);
	reap(pid);
	KTEST_EXPECT_EQ(job.ret, -EPIPE);
	KTEST_EXPECT(job.sigpipe);
	put_ends(NULL);

	pipe = make_pipe();
	pid = start_blocked(pipe_writer, &job, 1, in, PIPE_SIZE + 1000);
	close_end(0);
	reap(pid);
	KTEST_EXPECT_EQ(job.ret, PIPE_SIZE);
	KTEST_EXPECT(job.sigpipe);
}

/*
 * The sleeps are interruptible: a signal ends an empty read with
 * -ERESTARTSYS, and a large write that had moved 4096 bytes with 4096.
 */
KTEST(pipe_sleep_interrupted_by_signal)
{
	pid_t pid;

	make_pipe();
	pid = start_blocked(pipe_reader, &job, 0, out, 10);
	send_sig(SIGUSR1, find_task_by_pid(pid));
	reap(pid);
	KTEST_EXPECT_EQ(job.ret, -ERESTARTSYS);

	pid = start_blocked(pipe_writer, &job, 1, in, PIPE_SIZE + 1000);
	send_sig(SIGUSR1, find_task_by_pid(pid));
	reap(pid);
	KTEST_EXPECT_EQ(job.ret, PIPE_SIZE);
}

#define STREAM_RECORDS	16	/* per writer */
#define STREAM_WRITERS	2
#define STREAM_BYTES	(STREAM_WRITERS * STREAM_RECORDS * PIPE_BUF)

static char records[STREAM_WRITERS][PIPE_BUF];
static struct file *stream_ends[STREAM_WRITERS + 1];
/* Per reader: the bytes it read, and their sum. */
static unsigned long stream_count[2], stream_sum[2];

static char stream_tag(long w)
{
	return 0x55 * (w + 1);
}

static int stream_writer(void *arg)
{
	long w = (long)arg;
	struct file *f = stream_ends[w + 1];

	for (int i = 0; i < STREAM_RECORDS; i++) {
		fill(records[w], PIPE_BUF, i * PIPE_BUF, stream_tag(w));
		if (do_pipe_write(f->private_data, records[w], PIPE_BUF, false,
				  yielding_copy) != PIPE_BUF)
			break;
	}
	fput(f);
	return 0;
}

/*
 * Reads pieces of 777 or 1234 bytes to the end, or past all that was
 * written (a broken ring's length need not come down to 0); counts and
 * sums them.
 */
static int stream_reader(void *arg)
{
	static unsigned char buf[2][1234];
	long r = (long)arg;
	size_t piece = r ? 1234 : 777;
	struct file *f = stream_ends[0];
	ssize_t n;

	while (stream_count[0] + stream_count[1] <= STREAM_BYTES &&
	       (n = do_pipe_read(f->private_data, (char *)buf[r], piece,
				 false, yielding_copy)) > 0) {
		stream_count[r] += n;
		for (ssize_t i = 0; i < n; i++)
			stream_sum[r] += buf[r][i];
	}
	return 0;
}

/*
 * Two writers and two readers at once, each giving up the CPU in the
 * middle of every copy (and on several CPUs when there are): a reader
 * and a writer copy at the same time, a second one of either kind waits
 * its turn.  Every byte is read exactly once: over both readers, the
 * bytes and their sum are what the writers wrote (a region read twice
 * and another never would change the sum).
 */
KTEST(pipe_readers_and_writers_at_once)
{
	unsigned long expected = 0;
	pid_t pids[STREAM_WRITERS];
	int r1;

	memset(stream_count, 0, sizeof(stream_count));
	memset(stream_sum, 0, sizeof(stream_sum));
	for (long w = 0; w < STREAM_WRITERS; w++)
		for (size_t i = 0; i < STREAM_RECORDS * PIPE_BUF; i++)
			expected += (unsigned char)pattern(i, stream_tag(w));
	make_pipe();
	stream_ends[0] = get_file(ends[0]);
	for (long w = 0; w < STREAM_WRITERS; w++) {
		stream_ends[w + 1] = get_file(ends[1]);
		pids[w] = kernel_thread(stream_writer, (void *)w, 0);
		KTEST_ASSERT(pids[w] > 0);
	}
	/* Only the writers' references keep the write end open now. */
	close_end(1);
	r1 = kernel_thread(stream_reader, (void *)1L, 0);
	KTEST_ASSERT(r1 > 0);
	stream_reader((void *)0L);
	for (int w = 0; w < STREAM_WRITERS; w++)
		reap(pids[w]);
	reap(r1);
	fput(stream_ends[0]);
	KTEST_EXPECT_EQ(stream_count[0] + stream_count[1], STREAM_BYTES);
	KTEST_EXPECT_EQ(stream_sum[0] + stream_sum[1], expected);
}
