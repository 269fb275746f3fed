// SPDX-License-Identifier: GPL-2.0
/*
 * tests/ktest/proc_test.c - /proc: the seq_file machinery, what the
 * files of /proc print, the vm sysctls, and reading a task's files while
 * it exits.
 *
 * The show functions are called as the files call them: through a
 * seq_file opened with single_open() on a struct file of the test's own,
 * read with seq_read_kernel() into a kernel buffer (a kernel thread has
 * no user memory).  What they print is compared with the kernel's own
 * numbers, read at the same moment: a task the test made and holds
 * asleep (its fields stay still), kswapd0 once seen asleep, the memory
 * totals re-read until two reads agree.  Every tunable a test writes is
 * put back by a cleanup action, every thread it starts is stopped by
 * one, so a failed check leaves nothing behind for the next test.
 */
#include <completion.h>
#include <file.h>
#include <fs.h>
#include <kernel.h>
#include <kthread.h>
#include <ktest.h>
#include <mm.h>
#include <mm_types.h>
#include <mmzone.h>
#include <sched.h>
#include <seq_file.h>
#include <slab.h>
#include <string.h>
#include <sysctl.h>
#include <time.h>
#include <vsprintf.h>
#include <writeback.h>
#include "../../fs/proc/internal.h"

#define TEXT_MAX	32768
#define BUF_SIZE	4096	/* a file's text in the tests */

/*
 * A buffer for one test, freed when it ends (however it ends): the
 * kernel image stays small, which the smallest machines need.
 */
static char *test_buffer(size_t size)
{
	char *buf = kzalloc(size, GFP_KERNEL);

	if (buf)
		ktest_add_action((void (*)(void *))kfree, buf);
	return buf;
}

/* The text of a show function, as a reader with @chunk-byte reads gets it. */
static int read_seq(const struct seq_operations *op, void *data, char *buf,
		    size_t size, size_t chunk)
{
	struct file f;
	size_t n = 0;
	int err;

	memset(&f, 0, sizeof(f));
	err = seq_open(&f, op);
	if (err)
		return err;
	((struct seq_file *)f.private_data)->private = data;
	while (n + 1 < size) {
		ssize_t got = seq_read_kernel(&f, buf + n,
					      min(chunk, size - 1 - n));

		if (got <= 0) {
			if (got < 0)
				n = got;
			break;
		}
		n += got;
	}
	seq_release(&f);
	if ((ssize_t)n >= 0)
		buf[n] = '\0';
	return n;
}

/* A show function of one record, read whole into @buf; Return: bytes. */
static int read_single(int (*show)(struct seq_file *, void *), void *data,
		       char *buf, size_t size)
{
	struct file f;
	ssize_t n;

	memset(&f, 0, sizeof(f));
	if (single_open(&f, show, data))
		return -ENOMEM;
	n = seq_read_kernel(&f, buf, size - 1);
	single_release(&f);
	if (n >= 0)
		buf[n] = '\0';
	return n;
}

/* A task's file: the show function with the task the test holds. */
static proc_pid_show_t pid_show;

static int show_task(struct seq_file *m, void *v)
{
	return pid_show(m, m->private);
}

static int read_task_file(proc_pid_show_t show, struct task_struct *task,
			  char *buf, size_t size)
{
	pid_show = show;
	return read_single(show_task, task, buf, size);
}

/* The decimal number at @p (a '-' allowed); *@end: where it stops. */
static long long number_at(const char *p, const char **end)
{
	bool negative = *p == '-';
	long long v = 0;

	if (negative)
		p++;
	*end = p;
	while (*p >= '0' && *p <= '9')
		v = v * 10 + *p++ - '0';
	if (p == *end)
		return 0;
	*end = p;
	return negative ? -v : v;
}

/* ---- seq_file ---- */

/*
 * Records 0..9: record i is i + 1 lines "record i line j", except 2 and
 * 5, more than the first buffer (a page) can hold, and 7, which show()
 * skips.  show() counts its calls per record.
 */
#define NR_RECORDS	10
#define BIG_RECORD	5
#define SKIPPED_RECORD	7
#define BIG_SIZE	10000
#define BIG_WRITTEN	2
#define BIG_WRITE	5000

static int shows[NR_RECORDS];

/*
 * The big records, more than a page each: 5 is 100 lines of 100 bytes by
 * seq_printf(), 2 is 5000 bytes by one seq_write(), so that both ways of
 * printing overflow.  Into @m, or into @buf for the expected text;
 * Return: its length.
 */
static int big_record(int i, struct seq_file *m, char *buf, size_t size)
{
	int n = 0;

	if (i == BIG_WRITTEN) {
		char *block = m ? kmalloc(BIG_WRITE, GFP_KERNEL) : buf;

		if (!block)
			return -ENOMEM;
		for (int j = 0; j < BIG_WRITE; j++)
			block[j] = j % 64 == 63 ? '\n' : 'a' + j % 26;
		if (m) {
			seq_write(m, block, BIG_WRITE);
			kfree(block);
		}
		return BIG_WRITE;
	}
	for (int j = 0; j < BIG_SIZE / 100; j++) {
		if (m)
			seq_printf(m, "big %05d %089d\n", j, 0);
		else
			n += scnprintf(buf + n, size - n, "big %05d %089d\n", j,
				       0);
	}
	return n;
}

static void *rec_start(struct seq_file *m, loff_t *pos)
{
	return *pos < NR_RECORDS ? (void *)(long)(*pos + 1) : NULL;
}

static void *rec_next(struct seq_file *m, void *v, loff_t *pos)
{
	++*pos;
	return rec_start(m, pos);
}

static void rec_stop(struct seq_file *m, void *v)
{
}

static int rec_show(struct seq_file *m, void *v)
{
	int i = (long)v - 1;

	shows[i]++;
	if (i == SKIPPED_RECORD) {
		seq_puts(m, "this text must not appear\n");
		return SEQ_SKIP;
	}
	if (i == BIG_RECORD || i == BIG_WRITTEN)
		return big_record(i, m, NULL, 0) < 0 ? -ENOMEM : 0;
	for (int j = 0; j <= i; j++)
		seq_printf(m, "record %d line %d\n", i, j);
	return 0;
}

static const struct seq_operations rec_ops = {
	.start = rec_start,
	.next = rec_next,
	.stop = rec_stop,
	.show = rec_show,
};

static int expected_records(char *buf, size_t size)
{
	int n = 0;

	for (int i = 0; i < NR_RECORDS; i++) {
		if (i == SKIPPED_RECORD)
			continue;
		if (i == BIG_RECORD || i == BIG_WRITTEN) {
			n += big_record(i, NULL, buf + n, size - n);
			continue;
		}
		for (int j = 0; j <= i; j++)
			n += scnprintf(buf + n, size - n,
				       "record %d line %d\n", i, j);
	}
	buf[n] = '\0';
	return n;
}

/*
 * The whole text arrives, in order, whatever the reads' size; the
 * skipped record prints nothing.  Read a byte at a time, each fill takes
 * one record: every record is shown once, but each big one twice: 2
 * overflows the page and fits in two, 5 overflows those and fits in
 * four.  Larger reads fill the buffer with several records: a big one
 * coming after others does not fit what is left and waits for the next
 * fill, where it may overflow and be printed once more; the buffer
 * never shrinks.
 */
KTEST(proc_seq_file_overflow_retry)
{
	static const size_t chunks[] = { 1, 7, 100, 4096, 20000 };
	char *want = kmalloc(TEXT_MAX * 2, GFP_KERNEL);
	char *got = want + TEXT_MAX;
	int len;

	KTEST_ASSERT(want);
	ktest_add_action((void (*)(void *))kfree, want);
	len = expected_records(want, TEXT_MAX);
	for (unsigned int c = 0; c < ARRAY_SIZE(chunks); c++) {
		memset(shows, 0, sizeof(shows));
		KTEST_EXPECT_EQ(read_seq(&rec_ops, NULL, got, TEXT_MAX,
					 chunks[c]), len);
		KTEST_EXPECT(!strcmp(got, want));
		KTEST_EXPECT(!strstr(got, "must not appear"));
		KTEST_EXPECT(shows[BIG_RECORD] >= 2 && shows[BIG_RECORD] <= 3);
		KTEST_EXPECT(shows[BIG_WRITTEN] >= 2 &&
			     shows[BIG_WRITTEN] <= 3);
		for (int i = 0; i < NR_RECORDS; i++)
			if (chunks[c] == 1)
				KTEST_EXPECT_EQ(shows[i], i == BIG_RECORD ||
						i == BIG_WRITTEN ? 2 : 1);
	}
}

/* A seek prints the records again up to the offset, then reads go on. */
KTEST(proc_seq_file_lseek)
{
	char *want = kmalloc(TEXT_MAX * 2, GFP_KERNEL);
	char *got = want + TEXT_MAX;
	static const off_t offsets[] = { 0, 1, 30, 5000, 15600 };
	struct file f;
	int len;

	KTEST_ASSERT(want);
	ktest_add_action((void (*)(void *))kfree, want);
	len = expected_records(want, TEXT_MAX);
	memset(&f, 0, sizeof(f));
	KTEST_ASSERT_EQ(seq_open(&f, &rec_ops), 0);
	for (unsigned int i = 0; i < ARRAY_SIZE(offsets); i++) {
		off_t at = offsets[i];
		ssize_t n;

		KTEST_EXPECT_EQ(seq_lseek(&f, at, SEEK_SET), at);
		n = seq_read_kernel(&f, got, 50);
		KTEST_EXPECT_EQ(n, min(50, len - (int)at));
		KTEST_EXPECT(n > 0 && !memcmp(got, want + at, n));
		KTEST_EXPECT_EQ(f.f_pos, at + n);
	}
	KTEST_EXPECT_EQ(seq_lseek(&f, -1, SEEK_SET), -EINVAL);
	KTEST_EXPECT_EQ(seq_lseek(&f, 0, SEEK_END), -EINVAL);
	KTEST_EXPECT_EQ(seq_lseek(&f, len + 10, SEEK_SET), len + 10);
	KTEST_EXPECT_EQ(seq_read_kernel(&f, got, 50), 0);
	seq_release(&f);
}

/* ---- the files of /proc/PID ---- */

/* Asleep as most kernel threads are, interruptibly (ps: S). */
static int sleep_until_stopped(void *unused)
{
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (kthread_should_stop())
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	return 0;
}

/* A kernel thread of the test's, at nice 7, asleep: its fields stay. */
static struct task_struct *sleeping_kthread(void)
{
	struct task_struct *k = kthread_run(sleep_until_stopped, NULL,
					    "ktest-proc");

	if (IS_ERR(k))
		return k;
	ktest_add_action(ktest_kthread_stop, k);
	set_user_nice(k, 7);
	ktest_wait_sleeping(k, TASK_INTERRUPTIBLE);
	return k;
}

/* Field @n (1-based, after the ") " that ends comm) of a stat line. */
static bool stat_field(const char *stat, int n, long long *value)
{
	const char *p = strrchr(stat, ')');
	const char *end;

	if (!p || n < 3)
		return false;
	p += 2;
	for (int i = 3; i < n; i++) {
		p = strchr(p, ' ');
		if (!p)
			return false;
		p++;
	}
	if (n == 3) {
		*value = *p;
		return true;
	}
	*value = number_at(p, &end);
	return end != p && (*end == ' ' || *end == '\n');
}

static int count_fields(const char *s)
{
	const char *p = strrchr(s, ')');
	int n = 2;

	for (; p && *p && *p != '\n'; p++)
		if (*p == ' ')
			n++;
	return n;
}

/*
 * proc(5)'s order: pid (comm) state ppid ... flags (9) ... utime (14)
 * stime (15) ... priority (18) nice (19) num_threads (20) itrealvalue
 * (21) starttime (22) ... processor (39) rt_priority (40) policy (41).
 */
KTEST(proc_stat_field_order_of_kthread)
{
	char *buf = test_buffer(BUF_SIZE);
	struct task_struct *k = sleeping_kthread();
	char head[40];
	long long v;

	KTEST_ASSERT(buf);
	KTEST_ASSERT(!IS_ERR(k));
	KTEST_ASSERT(read_task_file(proc_pid_stat, k, buf, BUF_SIZE) > 0);
	snprintf(head, sizeof(head), "%d (ktest-proc) S %d ", k->pid,
		 kthreadd_task->pid);
	KTEST_EXPECT(!strncmp(buf, head, strlen(head)));
	KTEST_EXPECT_EQ(count_fields(buf), 42);
	KTEST_EXPECT(buf[strlen(buf) - 1] == '\n');
	KTEST_EXPECT(stat_field(buf, 9, &v) && v == (long long)k->flags);
	KTEST_EXPECT(stat_field(buf, 14, &v) && v == (long long)k->utime);
	KTEST_EXPECT(stat_field(buf, 15, &v) && v == (long long)k->stime);
	KTEST_EXPECT(stat_field(buf, 18, &v) && v == k->prio - 100);
	KTEST_EXPECT(stat_field(buf, 19, &v) && v == 7);
	KTEST_EXPECT(stat_field(buf, 20, &v) && v == 1);
	KTEST_EXPECT(stat_field(buf, 21, &v) && v == 0);
	KTEST_EXPECT(stat_field(buf, 22, &v) &&
		     v == (long long)(k->start_time - INITIAL_JIFFIES));
	KTEST_EXPECT(stat_field(buf, 23, &v) && v == 0);	/* vsize */
	KTEST_EXPECT(stat_field(buf, 39, &v) && v == task_cpu(k));
	KTEST_EXPECT(stat_field(buf, 41, &v) && v == SCHED_NORMAL);
}

/* A line "Name:\tvalue" of a status text; Return: the value or NULL. */
static const char *status_line(const char *status, const char *name,
			       char *value, size_t size)
{
	char key[32];
	const char *p, *end;

	snprintf(key, sizeof(key), "\n%s:\t", name);
	p = strstr(status, key);
	if (!p && !strncmp(status, key + 1, strlen(key + 1)))
		p = status - 1;
	if (!p)
		return NULL;
	p += strlen(key);
	end = strchr(p, '\n');
	if (!end)
		return NULL;
	strlcpy(value, p, min((size_t)(end - p + 1), size));
	return value;
}

static bool status_is(const char *status, const char *name,
		      const char *want)
{
	char value[64];

	return status_line(status, name, value, sizeof(value)) &&
	       !strcmp(value, want);
}

KTEST(proc_status_matches_task)
{
	char *buf = test_buffer(BUF_SIZE);
	struct task_struct *k = sleeping_kthread();
	char want[64];

	KTEST_ASSERT(buf);
	KTEST_ASSERT(!IS_ERR(k));
	KTEST_ASSERT(read_task_file(proc_pid_status, k, buf, BUF_SIZE) > 0);
	KTEST_EXPECT(!strncmp(buf, "Name:\tktest-proc\n", 17));
	KTEST_EXPECT(status_is(buf, "State", "S (sleeping)"));
	snprintf(want, sizeof(want), "%d", k->pid);
	KTEST_EXPECT(status_is(buf, "Pid", want));
	KTEST_EXPECT(status_is(buf, "Tgid", want));
	snprintf(want, sizeof(want), "%d", kthreadd_task->pid);
	KTEST_EXPECT(status_is(buf, "PPid", want));
	KTEST_EXPECT(status_is(buf, "Uid", "0\t0\t0\t0"));
	/* Kernel threads have no address space: no Vm lines. */
	KTEST_EXPECT(!strstr(buf, "VmSize"));
	snprintf(want, sizeof(want), "%lu", k->nvcsw);
	KTEST_EXPECT(status_is(buf, "voluntary_ctxt_switches", want));
	snprintf(want, sizeof(want), "%lu", k->nivcsw);
	KTEST_EXPECT(status_is(buf, "nonvoluntary_ctxt_switches", want));
	snprintf(want, sizeof(want), "%0*lx", (NR_CPUS + 3) / 4,
		 k->cpus_allowed.bits[0]);
	KTEST_EXPECT(status_is(buf, "Cpus_allowed", want));
	snprintf(want, sizeof(want), "0-%d", NR_CPUS - 1);
	KTEST_EXPECT(status_is(buf, "Cpus_allowed_list", want));

	/* The running reader: its state, its own CPU list. */
	set_cpus_allowed(k, cpumask_of_cpu(0));
	KTEST_ASSERT(read_task_file(proc_pid_status, k, buf, BUF_SIZE) > 0);
	KTEST_EXPECT(status_is(buf, "Cpus_allowed_list", "0"));
	KTEST_ASSERT(read_task_file(proc_pid_status, current, buf,
				    BUF_SIZE) > 0);
	KTEST_EXPECT(status_is(buf, "State", "R (running)"));
}

/* One "[<c0123456>] name+0x1c/0x80" line; Return: false if not one. */
static bool stack_line(const char *line, char *name, size_t size)
{
	const char *p = line, *plus;

	if (strncmp(p, "[<c", 3) || strlen(p) < 13 || strncmp(p + 11, "] ", 2))
		return false;
	p += 13;
	plus = strchr(p, '+');
	if (!plus || strncmp(plus, "+0x", 3) || !strstr(plus, "/0x"))
		return false;
	strlcpy(name, p, min((size_t)(plus - p + 1), size));
	return true;
}

/*
 * kswapd0, seen asleep in its wait: its stack is frames of known
 * functions, the first where switch_to() stopped it, the last
 * kernel_thread_helper (where every kernel thread starts); its wchan is
 * kswapd, the function that chose to sleep (schedule_timeout() and
 * schedule() are skipped).  It may wake between the look and the walk:
 * then it shows "(running on CPU N)", or a walk from where it slept
 * that no longer holds, and the test looks again.
 */
KTEST(proc_stack_of_kswapd_ends_in_kernel_thread_helper)
{
	char *buf = test_buffer(BUF_SIZE), *wchan = test_buffer(BUF_SIZE);
	struct task_struct *kswapd = NODE_DATA(0)->kswapd;
	char name[64] = "", first[64] = "";
	int tries;

	KTEST_ASSERT(buf && wchan);
	KTEST_ASSERT(kswapd);
	for (tries = 0; tries < 100; tries++) {
		char *line, *next;
		bool ok = true;

		ktest_wait_sleeping(kswapd, TASK_INTERRUPTIBLE);
		KTEST_ASSERT(read_task_file(proc_pid_stack, kswapd, buf,
					    BUF_SIZE) > 0);
		read_task_file(proc_pid_wchan, kswapd, wchan, BUF_SIZE);
		first[0] = '\0';
		for (line = buf; *line; line = next) {
			next = strchr(line, '\n');
			if (!next)
				break;
			*next++ = '\0';
			ok &= stack_line(line, name, sizeof(name));
			if (!first[0])
				strlcpy(first, name, sizeof(first));
		}
		if (ok && !strcmp(name, "kernel_thread_helper") &&
		    !strcmp(wchan, "kswapd"))
			break;
	}
	KTEST_EXPECT(tries < 100);
	KTEST_EXPECT(!strcmp(first, "switch_to"));
	KTEST_EXPECT(!strcmp(name, "kernel_thread_helper"));
	KTEST_EXPECT(!strcmp(wchan, "kswapd"));
}

/* A task reading its own files sees itself running: no wait channel. */
KTEST(proc_wchan_and_stack_of_the_reader)
{
	char *buf = test_buffer(BUF_SIZE);

	KTEST_ASSERT(buf);
	KTEST_ASSERT(read_task_file(proc_pid_wchan, current, buf,
				    BUF_SIZE) == 1);
	KTEST_EXPECT(!strcmp(buf, "0"));
	KTEST_ASSERT(read_task_file(proc_pid_stack, current, buf,
				    BUF_SIZE) > 0);
	KTEST_EXPECT(strstr(buf, "] proc_pid_stack+0x"));
	KTEST_EXPECT(strstr(buf, "] kernel_thread_helper+0x"));
	KTEST_EXPECT_EQ(read_task_file(proc_pid_cmdline, current, buf,
				       BUF_SIZE), 0);
	KTEST_ASSERT(read_task_file(proc_pid_comm, current, buf,
				    BUF_SIZE) > 0);
	KTEST_EXPECT(!strcmp(buf, "ktest\n"));
}

/* ---- the global files ---- */

/* Is there a number after @name in @text, and is it positive? */
#define POSITIVE_AFTER(text, name)					\
	({								\
		unsigned long __v = kb_after(text, name);		\
		__v != ~0UL && __v > 0;					\
	})

/* The number after @name in @text, spaces skipped; ~0UL if none. */
static unsigned long kb_after(const char *text, const char *name)
{
	const char *p = strstr(text, name), *end;
	unsigned long v;

	if (!p)
		return ~0UL;
	for (p += strlen(name); *p == ' '; p++)
		;
	v = number_at(p, &end);
	return end == p ? ~0UL : v;
}

/*
 * /proc/meminfo's numbers are the allocator's: read between two looks
 * at the free page count that agree (nothing allocated meanwhile).
 */
KTEST(proc_meminfo_matches_kernel)
{
	char *buf = test_buffer(BUF_SIZE), *report = test_buffer(BUF_SIZE);
	unsigned long before, after;
	int tries = 0;

	KTEST_ASSERT(buf && report);
	do {
		before = nr_free_pages();
		KTEST_ASSERT(read_single(meminfo_proc_show, NULL, buf,
					 BUF_SIZE) > 0);
		after = nr_free_pages();
	} while (before != after && ++tries < 1000);
	KTEST_ASSERT(before == after);
	KTEST_EXPECT_EQ(kb_after(buf, "MemTotal:"),
			zone_normal()->managed_pages << (PAGE_SHIFT - 10));
	KTEST_EXPECT_EQ(kb_after(buf, "MemFree:"),
			before << (PAGE_SHIFT - 10));
	KTEST_EXPECT_EQ(kb_after(buf, "SwapTotal:"), 0);
	KTEST_EXPECT(strstr(buf, "\nSlab:"));
	/* The same lines begin the kernel's own report (free, Ctrl-F). */
	meminfo_report(report, BUF_SIZE);
	KTEST_EXPECT_EQ(kb_after(report, "MemTotal:"),
			kb_after(buf, "MemTotal:"));
	KTEST_EXPECT(!strncmp(report, buf, strstr(buf, "MemFree:") - buf));
}

KTEST(proc_global_files_format)
{
	char *buf = test_buffer(BUF_SIZE);
	unsigned long up, now;
	const char *end;

	KTEST_ASSERT(buf);
	KTEST_ASSERT(read_single(loadavg_proc_show, NULL, buf,
				 BUF_SIZE) > 0);
	/* "0.00 0.00 0.00 1/23 45": three loads (any integer part). */
	end = buf;
	for (int i = 0; i < 3; i++) {
		number_at(end, &end);
		KTEST_EXPECT(end[0] == '.' && end[1] >= '0' && end[1] <= '9' &&
			     end[2] >= '0' && end[2] <= '9' && end[3] == ' ');
		end += 4;
	}
	KTEST_EXPECT(strchr(end, '/'));
	KTEST_ASSERT(read_single(uptime_proc_show, NULL, buf, BUF_SIZE) > 0);
	up = number_at(buf, &end);
	now = (jiffies - INITIAL_JIFFIES) / HZ;
	KTEST_EXPECT(*end == '.' && (up == now || up + 1 == now));
	KTEST_ASSERT(read_single(stat_proc_show, NULL, buf, BUF_SIZE) > 0);
	KTEST_EXPECT(!strncmp(buf, "cpu  ", 5));
	KTEST_EXPECT(strstr(buf, "\ncpu0 "));
	KTEST_EXPECT(POSITIVE_AFTER(buf, "\nprocesses ") &&
		     kb_after(buf, "\nprocesses ") >= (unsigned long)nr_threads);
	KTEST_EXPECT(POSITIVE_AFTER(buf, "\nctxt "));
	KTEST_EXPECT(kb_after(buf, "\nbtime ") == 0);
	KTEST_EXPECT(POSITIVE_AFTER(buf, "\nprocs_running "));
	KTEST_EXPECT(strstr(buf, "\nprocs_blocked "));
	KTEST_ASSERT(read_single(vmstat_proc_show, NULL, buf, BUF_SIZE) > 0);
	KTEST_EXPECT(!strncmp(buf, "nr_free_pages ", 14));
	/* Early in a shuffled run nothing may have been freed yet. */
	KTEST_EXPECT(POSITIVE_AFTER(buf, "\npgalloc_normal "));
	KTEST_EXPECT(kb_after(buf, "\npgfree ") != ~0UL);
	KTEST_EXPECT(strstr(buf, "\npageoutrun "));
	KTEST_EXPECT(strstr(buf, "\npdflush_kupdate_runs "));
	KTEST_ASSERT(read_single(interrupts_proc_show, NULL, buf,
				 BUF_SIZE) > 0);
	KTEST_EXPECT(strstr(buf, "CPU0"));
	KTEST_EXPECT(strstr(buf, "\n LOC:"));
	KTEST_ASSERT(read_single(softirqs_proc_show, NULL, buf,
				 BUF_SIZE) > 0);
	KTEST_EXPECT(POSITIVE_AFTER(buf, "       TIMER:"));
}

/* ---- /proc/sys/vm ---- */

static int sysctl_io(const char *path, int write, char *text, size_t *len)
{
	struct ctl_table *t = sysctl_lookup(path);

	return t ? t->proc_handler(t, write, text, len) : -ENOENT;
}

static int sysctl_write(const char *path, const char *value)
{
	char text[SYSCTL_TEXT_MAX + 8];
	size_t len = strlcpy(text, value, sizeof(text));

	return sysctl_io(path, 1, text, &len);
}

static unsigned long sysctl_read(const char *path)
{
	char text[SYSCTL_TEXT_MAX];
	size_t len = sizeof(text);

	const char *end;

	if (sysctl_io(path, 0, text, &len) || !len || text[len - 1] != '\n')
		return ~0UL;
	return number_at(text, &end);
}

static unsigned int saved_expire, saved_ratio;
static unsigned long saved_min_free_kbytes;

static void restore_tunables(void *unused)
{
	char text[24];

	dirty_expire_centisecs = saved_expire;
	dirty_background_ratio = saved_ratio;
	snprintf(text, sizeof(text), "%lu", saved_min_free_kbytes);
	sysctl_write("vm/min_free_kbytes", text);
}

/*
 * Written text reaches the variable (and what depends on it: the
 * watermarks), reads give it back; a bad number is refused and changes
 * nothing.
 */
KTEST(proc_sysctl_round_trip_and_bad_input)
{
	static const char *const bad[] = {
		"", "abc", "-1", "12abc", "1 2", "99999999999999999999",
		"360001", " 5",
	};

	saved_expire = dirty_expire_centisecs;
	saved_ratio = dirty_background_ratio;
	saved_min_free_kbytes = min_free_kbytes;
	ktest_add_action(restore_tunables, NULL);

	KTEST_EXPECT_EQ(sysctl_read("vm/dirty_expire_centisecs"),
			dirty_expire_centisecs);
	KTEST_EXPECT_EQ(sysctl_write("vm/dirty_expire_centisecs", "1234\n"), 0);
	KTEST_EXPECT_EQ(dirty_expire_centisecs, 1234);
	KTEST_EXPECT_EQ(sysctl_read("vm/dirty_expire_centisecs"), 1234);
	for (unsigned int i = 0; i < ARRAY_SIZE(bad); i++) {
		KTEST_EXPECT_EQ(sysctl_write("vm/dirty_expire_centisecs",
					     bad[i]), -EINVAL);
		KTEST_EXPECT_EQ(dirty_expire_centisecs, 1234);
	}

	KTEST_EXPECT_EQ(sysctl_write("vm/dirty_background_ratio", "101"),
			-EINVAL);
	KTEST_EXPECT_EQ(sysctl_write("vm/dirty_background_ratio", "20"), 0);
	KTEST_EXPECT_EQ(dirty_background_ratio, 20);
	KTEST_EXPECT_EQ(sysctl_read("vm/dirty_background_ratio"), 20);

	KTEST_EXPECT_EQ(sysctl_write("vm/min_free_kbytes", "127"), -EINVAL);
	KTEST_EXPECT_EQ(min_free_kbytes, saved_min_free_kbytes);
	KTEST_EXPECT_EQ(sysctl_write("vm/min_free_kbytes", "1024"), 0);
	KTEST_EXPECT_EQ(min_free_kbytes, 1024);
	KTEST_EXPECT_EQ(zone_normal()->pages_min, 256);
	KTEST_EXPECT_EQ(zone_normal()->pages_low, 320);
	KTEST_EXPECT_EQ(zone_normal()->pages_high, 384);
	KTEST_EXPECT_EQ(sysctl_read("vm/min_free_kbytes"), 1024);

	KTEST_EXPECT(!sysctl_lookup("vm/no_such_tunable"));
	KTEST_EXPECT(sysctl_lookup("vm") && sysctl_lookup("vm")->child);
}

/* ---- the files of /proc, through the VFS, against exiting tasks ---- */

/*
 * The race: the test forks a child and reaps it, while a reader thread
 * opens the child's stack and status, lets the child go (it exits after
 * 0 to 7 yields) and reads both files up to 8 times meanwhile.  Each
 * read gives the text (the child alive, exiting, or a zombie) or ESRCH
 * (reaped: the open files stay valid, the task is not looked at); once
 * the child is reaped the reader must see ESRCH, and its directory is
 * gone (ENOENT).  On several CPUs the reader has a CPU of its own, the
 * test and its children another: the child exits, the test reaps and
 * the reader reads at the same time.  The three hand over through flags
 * they wait for with yield() rather than by sleeping: a wake-up from
 * another CPU costs an IPI, and 1,000 rounds of them take long under
 * QEMU.
 */
static struct {
	int pid;			/* the child to read, 0: none yet */
	int opened;			/* the reader has its files open */
	int reaped;			/* the test has reaped pid */
	int done;			/* the reader is done with pid */
	int texts, esrch, early, bad;	/* what the reads gave */
	char *buf;			/* the reader's */
} race;

/* Wait, giving the CPU away, until *@flag is set (or the thread stops). */
static void yield_until(int *flag)
{
	while (!READ_ONCE(*flag) && !kthread_should_stop())
		yield();
}

/* Exits once the reader has opened its files, after 0 to 7 yields. */
static int exit_after_yields(void *arg)
{
	yield_until(&race.opened);
	for (long i = 0; i < (long)arg; i++)
		yield();
	return 0;
}

/* Open /proc/@pid/@name; Return: the file or an ERR_PTR. */
static struct file *open_proc(int pid, const char *name)
{
	char path[32];

	snprintf(path, sizeof(path), "/proc/%d/%s", pid, name);
	return filp_open(path, O_RDONLY, 0);
}

static ssize_t read_from_start(struct file *f, char *buf, size_t size)
{
	ssize_t n;

	if (seq_lseek(f, 0, SEEK_SET) != 0)
		return -EINVAL;
	n = seq_read_kernel(f, buf, size - 1);
	if (n >= 0)
		buf[n] = '\0';
	return n;
}

/* One read of each; Return: 1 text, 0 both ESRCH, -1 anything else. */
static int read_both(struct file *stack, struct file *status)
{
	ssize_t a = read_from_start(stack, race.buf, BUF_SIZE);
	ssize_t b = read_from_start(status, race.buf, BUF_SIZE);

	if ((a < 0 && a != -ESRCH) || (b <= 0 && b != -ESRCH))
		return -1;
	return a != -ESRCH || b != -ESRCH;
}

/*
 * Read while the child exits (a few times: each read costs a stack walk),
 * then, once the test has reaped it, read again: both must fail.
 * Return: false on anything but text or ESRCH, or text after the reap.
 */
static bool read_until_gone(struct file *stack, struct file *status)
{
	for (int tries = 0; tries < 8; tries++) {
		int r = read_both(stack, status);

		if (r < 0)
			return false;
		if (r == 0) {
			race.esrch++;
			race.early++;
			return true;
		}
		race.texts++;
		yield();
	}
	yield_until(&race.reaped);
	if (read_both(stack, status) != 0)
		return false;
	race.esrch++;
	return true;
}

static int race_reader(void *unused)
{
	for (;;) {
		struct file *stack, *status;
		int pid;

		yield_until(&race.pid);
		if (kthread_should_stop())
			return 0;
		pid = race.pid;
		stack = open_proc(pid, "stack");
		status = open_proc(pid, "status");
		WRITE_ONCE(race.opened, 1);	/* the child may go */
		if (IS_ERR(stack) || IS_ERR(status) ||
		    !read_until_gone(stack, status))
			race.bad++;
		if (!IS_ERR(stack))
			fput(stack);
		if (!IS_ERR(status))
			fput(status);
		race.pid = 0;
		WRITE_ONCE(race.done, 1);
	}
}

KTEST(proc_read_races_with_exit)
{
	struct task_struct *reader;

	memset(&race, 0, sizeof(race));
	race.buf = test_buffer(BUF_SIZE);
	KTEST_ASSERT(race.buf);
	ktest_stay_on_cpu(0);
	reader = kthread_create(race_reader, NULL, "ktest-proc-reader");
	KTEST_ASSERT(!IS_ERR(reader));
	ktest_add_action(ktest_kthread_stop, reader);
	kthread_bind(reader, num_online_cpus() - 1);
	wake_up_process(reader);
	for (int i = 0; i < 1000; i++) {
		int pid;

		race.opened = race.reaped = race.done = 0;
		pid = kernel_thread(exit_after_yields, (void *)(long)(i % 8),
				    0);
		KTEST_ASSERT(pid > 0);
		WRITE_ONCE(race.pid, pid);
		for (int j = 0; j < i % 3; j++)
			yield();
		KTEST_ASSERT_EQ(do_wait(pid, NULL, 0), pid);
		WRITE_ONCE(race.reaped, 1);
		yield_until(&race.done);
		KTEST_EXPECT_EQ(PTR_ERR(open_proc(pid, "stat")), -ENOENT);
	}
	KTEST_EXPECT_EQ(race.bad, 0);
	KTEST_EXPECT_EQ(race.esrch, 1000);
	printk(KERN_INFO "ktest: 1000 exits: %d reads gave text, then ESRCH "
	       "every time (%d before the reap was known)\n", race.texts,
	       race.early);
}

/* /proc lists the test's own thread, and /proc/self is the reader. */
static int count_pid(void *buf, const char *name, int namlen, off_t offset,
		     unsigned long ino, unsigned int d_type)
{
	char want[12];
	int *found = buf;

	snprintf(want, sizeof(want), "%d", current->pid);
	if (namlen == (int)strlen(want) && !memcmp(name, want, namlen))
		(*found)++;
	return 0;
}

KTEST(proc_root_lists_pids_and_self)
{
	char *buf = test_buffer(BUF_SIZE);
	struct file *f;
	int found = 0;

	KTEST_ASSERT(buf);
	f = filp_open("/proc", O_RDONLY, 0);
	KTEST_ASSERT(!IS_ERR(f));
	KTEST_EXPECT_EQ(vfs_readdir(f, count_pid, &found), 0);
	fput(f);
	KTEST_EXPECT_EQ(found, 1);
	f = filp_open("/proc/self/comm", O_RDONLY, 0);
	KTEST_ASSERT(!IS_ERR(f));
	KTEST_EXPECT(read_from_start(f, buf, BUF_SIZE) > 0);
	fput(f);
	KTEST_EXPECT(!strcmp(buf, "ktest\n"));
	f = filp_open("/proc/meminfo", O_RDONLY, 0);
	KTEST_ASSERT(!IS_ERR(f));
	KTEST_EXPECT(read_from_start(f, buf, BUF_SIZE) > 0);
	fput(f);
	KTEST_EXPECT(!strncmp(buf, "MemTotal:", 9));
	KTEST_EXPECT_EQ(PTR_ERR(filp_open("/proc/0/stat", O_RDONLY, 0)),
			-ENOENT);
	KTEST_EXPECT_EQ(PTR_ERR(filp_open("/proc/01/stat", O_RDONLY, 0)),
			-ENOENT);
	KTEST_EXPECT_EQ(PTR_ERR(filp_open("/proc/nosuchfile", O_RDONLY, 0)),
			-ENOENT);
}
