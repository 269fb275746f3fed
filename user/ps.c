// SPDX-License-Identifier: GPL-2.0
/*
 * user/ps.c - /bin/ps: the tasks, read from /proc as procps does.
 *
 * Linux: procps' ps (readproc.c reads /proc/PID/stat, status, cmdline
 * and wchan; output.c formats the columns).  For each directory of /proc
 * whose name is a number, ps reads stat (state, parent, flags, times,
 * priority, size, CPU), status (the user), wchan (where it sleeps) and,
 * for -f, cmdline, then prints one row per task, in pid order:
 *
 *	ps        PID TTY TIME CMD: the caller's processes on its terminal
 *	ps -A/-e  every task
 *	ps -l     long: F S UID PID PPID C PRI NI ADDR SZ WCHAN TTY TIME CMD
 *	ps -f     full: UID PID PPID C STIME TTY TIME CMD, the command line
 *	ps -s     every task and its kernel stack (/proc/PID/stack)
 *
 * A kernel thread has no memory (SZ "-") and no terminal (TTY "?"); -f
 * shows it in [brackets], since it has no command line.  PRI is 60 + the
 * kernel's priority field (80 at nice 0; real-time tasks below 0, NI
 * "-"); C is the CPU share of its life in percent; F has 1 for "forked,
 * no exec" and 4 for "used root's powers", from the task's flags.
 *
 * Process 0 (the idle task of each CPU, swapper/N) has no /proc
 * directory, as in Linux; -A, -e and -s show it first, one row per CPU,
 * from the kernel's task list call (kt_tasks), when the kernel is kt26.
 */
#include <errno.h>
#include <fcntl.h>
#include <kt.h>
#include <kt26_fs.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_TASKS	1024
#define FILE_MAX	4096	/* /proc/PID/stat, status: a page at most */
#define CMD_MAX		256	/* a command line as -f shows it */
#define PF_FORKNOEXEC	0x00000040
#define PF_SUPERPRIV	0x00000100
#define PF_KTHREAD	0x00200000

struct task {
	int pid, ppid, tty, cpu, policy;
	char state;
	unsigned long flags, utime, stime, vsize;
	long priority, nice;
	unsigned long long start;	/* ticks after boot */
	unsigned int uid;
	char comm[64];
	char wchan[32];
	char cmd[CMD_MAX];
	int idle;			/* process 0 of CPU cpu */
};

static struct task tasks[MAX_TASKS];
static int nr_tasks;
static unsigned long long uptime_ticks;	/* USER_HZ */
static unsigned long btime;

static int opt_all, opt_long, opt_full, opt_stacks;

static void usage(void)
{
	dprintf(STDERR_FILENO, "usage: ps [-A|-e] [-l] [-f] [-s]\n");
	exit(1);
}

/* The whole of a small file, NUL-terminated; Return: its length or -1. */
static int read_file(const char *path, char *buf, int size)
{
	int fd = open(path, O_RDONLY), n = 0;

	if (fd < 0)
		return -1;
	while (n < size - 1) {
		ssize_t got = read(fd, buf + n, size - 1 - n);

		if (got <= 0) {
			if (got < 0)
				n = -1;
			break;
		}
		n += got;
	}
	close(fd);
	if (n >= 0)
		buf[n] = '\0';
	return n;
}

/* The next number of a stat line; *@p moves past it and its space. */
static long long next_number(char **p)
{
	long long v = strtol(*p, p, 10);

	while (**p == ' ')
		(*p)++;
	return v;
}

/*
 * /proc/PID/stat: "pid (comm) state ppid pgrp session tty_nr ...", the
 * name in parentheses (it may hold spaces and parentheses: the last ')'
 * ends it).  Return: 0, or -1 if the task is gone or the line is bad.
 */
static int read_stat(struct task *t, int pid)
{
	char path[32], buf[FILE_MAX], *open_paren, *close_paren, *p;
	long long field[52];
	int n;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	if (read_file(path, buf, sizeof(buf)) <= 0)
		return -1;
	open_paren = strchr(buf, '(');
	close_paren = strrchr(buf, ')');
	if (!open_paren || !close_paren || close_paren < open_paren ||
	    close_paren[1] != ' ')
		return -1;
	*close_paren = '\0';
	strlcpy(t->comm, open_paren + 1, sizeof(t->comm));
	t->pid = pid;
	t->state = close_paren[2];
	p = close_paren + 4;
	/* field[i] is proc(5)'s field i; 1 to 3 are read above. */
	for (n = 4; n < 52 && *p && *p != '\n'; n++)
		field[n] = next_number(&p);
	if (n < 42)
		return -1;
	t->ppid = field[4];
	t->tty = field[7];
	t->flags = field[9];
	t->utime = field[14];
	t->stime = field[15];
	t->priority = field[18];
	t->nice = field[19];
	t->start = field[22];
	t->vsize = field[23];
	t->cpu = field[39];
	t->policy = field[41];
	return 0;
}

/* The effective uid of /proc/PID/status's "Uid:" line. */
static void read_uid(struct task *t)
{
	char path[32], buf[FILE_MAX], *p;

	snprintf(path, sizeof(path), "/proc/%d/status", t->pid);
	if (read_file(path, buf, sizeof(buf)) <= 0)
		return;
	p = strstr(buf, "\nUid:");
	if (!p)
		return;
	p += 5;
	strtoul(p, &p, 10);		/* the real uid */
	t->uid = strtoul(p, NULL, 10);
}

/* Where the task sleeps: /proc/PID/wchan, "-" while it runs. */
static void read_wchan(struct task *t)
{
	char path[32];

	snprintf(path, sizeof(path), "/proc/%d/wchan", t->pid);
	if (read_file(path, t->wchan, sizeof(t->wchan)) <= 0 ||
	    !strcmp(t->wchan, "0"))
		strlcpy(t->wchan, "-", sizeof(t->wchan));
}

/* -f's command: the arguments with spaces, or [comm] if there are none. */
static void read_cmdline(struct task *t)
{
	char path[32];
	int n;

	snprintf(path, sizeof(path), "/proc/%d/cmdline", t->pid);
	n = read_file(path, t->cmd, sizeof(t->cmd));
	if (n <= 0) {
		snprintf(t->cmd, sizeof(t->cmd), "[%s]", t->comm);
		return;
	}
	/* NUL after each argument: spaces between, none at the end. */
	while (n > 0 && t->cmd[n - 1] == '\0')
		n--;
	for (int i = 0; i < n; i++)
		if (t->cmd[i] == '\0')
			t->cmd[i] = ' ';
	t->cmd[n] = '\0';
}

static int is_kthread(const struct task *t)
{
	return t->idle || (t->flags & PF_KTHREAD);
}

/* The pids of /proc: its directories whose names are numbers. */
static void scan_proc(void)
{
	static char buf[4096];
	int fd = open("/proc", O_RDONLY);

	if (fd < 0) {
		dprintf(STDERR_FILENO, "ps: /proc: %s\n", strerror(errno));
		exit(1);
	}
	for (;;) {
		long n = raw_syscall(__NR_getdents64, fd, (long)buf,
				     sizeof(buf), 0, 0);

		if (n <= 0) {
			if (n < 0) {
				dprintf(STDERR_FILENO, "ps: /proc: %s\n",
					strerror(-n));
				exit(1);
			}
			break;
		}
		for (long off = 0; off < n;) {
			struct linux_dirent64 *d = (void *)(buf + off);
			char *end;
			long pid = strtol(d->d_name, &end, 10);

			off += d->d_reclen;
			if (*end || end == d->d_name || pid <= 0)
				continue;
			if (nr_tasks == MAX_TASKS) {
				dprintf(STDERR_FILENO,
					"ps: more than %d tasks\n", MAX_TASKS);
				break;
			}
			/* A task that exits meanwhile is left out. */
			if (read_stat(&tasks[nr_tasks], pid) == 0)
				nr_tasks++;
		}
	}
	close(fd);
}

/* Process 0 of each CPU, from kt26's task list call: before the rest. */
static void add_idle_tasks(void)
{
	static struct kt_task_info info[MAX_TASKS];
	int n, idle = 0;

	if (!kt26_running())
		return;
	n = kt_tasks(info, MAX_TASKS);
	for (int i = 0; i < n && info[i].pid == 0; i++)
		idle++;
	if (!idle || nr_tasks + idle > MAX_TASKS)
		return;
	memmove(tasks + idle, tasks, nr_tasks * sizeof(tasks[0]));
	for (int i = 0; i < idle; i++) {
		struct task *t = &tasks[i];

		memset(t, 0, sizeof(*t));
		t->idle = 1;
		t->state = info[i].state;
		t->flags = info[i].flags;
		t->utime = info[i].utime;
		t->stime = info[i].stime;
		t->priority = info[i].prio - 100;
		t->nice = info[i].static_prio - 120;
		t->cpu = info[i].cpu;
		strlcpy(t->comm, info[i].comm, sizeof(t->comm));
		strlcpy(t->wchan, "-", sizeof(t->wchan));
		snprintf(t->cmd, sizeof(t->cmd), "[%s]", t->comm);
	}
	nr_tasks += idle;
}

static void sort_by_pid(void)
{
	for (int i = 1; i < nr_tasks; i++) {
		struct task t = tasks[i];
		int j = i;

		for (; j > 0 && tasks[j - 1].pid > t.pid; j--)
			tasks[j] = tasks[j - 1];
		tasks[j] = t;
	}
}

/* Uptime and boot time: for C and STIME. */
static void read_clock(void)
{
	char buf[FILE_MAX], *p;

	if (read_file("/proc/uptime", buf, sizeof(buf)) > 0) {
		unsigned long s = strtoul(buf, &p, 10);

		uptime_ticks = (unsigned long long)s * USER_HZ;
		if (*p == '.')
			uptime_ticks += strtoul(p + 1, NULL, 10) *
					USER_HZ / 100;
	}
	if (read_file("/proc/stat", buf, sizeof(buf)) > 0) {
		p = strstr(buf, "\nbtime ");
		if (p)
			btime = strtoul(p + 7, NULL, 10);
	}
}

/* tty_nr as a name: major 4 is ttyN and ttySN, 5/1 the console. */
static void tty_name(int tty, char *buf, size_t size)
{
	unsigned int major = (tty >> 8) & 0xfff;
	unsigned int minor = (tty & 0xff) | ((tty >> 12) & 0xfff00);

	if (!tty)
		strlcpy(buf, "?", size);
	else if (major == 4 && minor >= 64)
		snprintf(buf, size, "ttyS%u", minor - 64);
	else if (major == 4)
		snprintf(buf, size, "tty%u", minor);
	else if (major == 5 && minor == 1)
		strlcpy(buf, "console", size);
	else if (major >= 136 && major <= 143)
		snprintf(buf, size, "pts/%u", (major - 136) * 256 + minor);
	else
		snprintf(buf, size, "%u,%u", major, minor);
}

/* CPU time as [DD-]HH:MM:SS. */
static void cpu_time(const struct task *t, char *buf, size_t size)
{
	unsigned long s = (t->utime + t->stime) / USER_HZ;

	if (s >= 86400)
		snprintf(buf, size, "%lu-%02lu:%02lu:%02lu", s / 86400,
			 s / 3600 % 24, s / 60 % 60, s % 60);
	else
		snprintf(buf, size, "%02lu:%02lu:%02lu", s / 3600,
			 s / 60 % 60, s % 60);
}

/* C: the percentage of its life the task spent on a CPU, 0 to 99. */
static unsigned int cpu_share(const struct task *t)
{
	unsigned long long life = uptime_ticks > t->start ?
				  uptime_ticks - t->start : 0;
	unsigned long long share;

	if (!life)
		return 0;
	share = (t->utime + t->stime) * 100ULL / life;
	return share > 99 ? 99 : share;
}

/* STIME: the hour and minute it started (UTC; btime 0 if no clock). */
static void start_time(const struct task *t, char *buf, size_t size)
{
	unsigned long at = btime + t->start / USER_HZ;

	snprintf(buf, size, "%02lu:%02lu", at / 3600 % 24, at / 60 % 60);
}

static void user_name(unsigned int uid, char *buf, size_t size)
{
	static char passwd[FILE_MAX];
	static int have = -1;
	char *line;

	if (have < 0)
		have = read_file("/etc/passwd", passwd, sizeof(passwd)) > 0;
	for (line = have ? passwd : NULL; line && *line;) {
		char *next = strchr(line, '\n'), *colon = strchr(line, ':');
		char *id = colon ? strchr(colon + 1, ':') : NULL;

		if (id && (!next || id < next) &&
		    strtoul(id + 1, NULL, 10) == uid &&
		    (size_t)(colon - line) < size) {
			memcpy(buf, line, colon - line);
			buf[colon - line] = '\0';
			return;
		}
		line = next ? next + 1 : NULL;
	}
	if (uid == 0)
		strlcpy(buf, "root", size);
	else
		snprintf(buf, size, "%u", uid);
}

/* Which tasks plain ps shows: the caller's user and terminal, no kthreads. */
static int selected(const struct task *t, const struct task *self)
{
	if (opt_all)
		return 1;
	return !is_kthread(t) && t->uid == self->uid && t->tty == self->tty;
}

static void print_stack(const struct task *t)
{
	char path[32], buf[FILE_MAX];

	if (t->idle) {
		int n;

		/* kt_stack finds a task by pid: pid 0 is CPU 0's idle task. */
		if (t->cpu != 0) {
			printf("(the idle task of CPU %d: no stack by pid)\n",
			       t->cpu);
			return;
		}
		n = kt_stack(0, buf, sizeof(buf) - 1);
		if (n > 0)
			write(STDOUT_FILENO, buf, n);
		return;
	}
	snprintf(path, sizeof(path), "/proc/%d/stack", t->pid);
	if (read_file(path, buf, sizeof(buf)) >= 0)
		printf("%s", buf);
}

static void print_header(void)
{
	if (opt_stacks)
		printf("CPU   PID  PPID S    FLAGS PRI     TIME COMMAND\n");
	else if (opt_long && opt_full)
		printf("F S UID        PID  PPID  C PRI  NI ADDR SZ WCHAN  "
		       "STIME TTY          TIME CMD\n");
	else if (opt_long)
		printf("F S   UID   PID  PPID  C PRI  NI ADDR SZ WCHAN  TTY"
		       "          TIME CMD\n");
	else if (opt_full)
		printf("UID        PID  PPID  C STIME TTY          TIME CMD\n");
	else
		printf("  PID TTY          TIME CMD\n");
}

static void print_task(const struct task *t)
{
	char tty[16], time[16], ni[8], sz[16], user[16], stime[8];
	const char *cmd = opt_full ? t->cmd : t->comm;

	tty_name(t->tty, tty, sizeof(tty));
	cpu_time(t, time, sizeof(time));
	if (opt_stacks) {
		printf("%3d %5d %5d %c %08lx %3ld %8s %s%s%s\n", t->cpu,
		       t->pid, t->ppid, t->state, t->flags, t->priority + 100,
		       time, is_kthread(t) ? "[" : "", t->comm,
		       is_kthread(t) ? "]" : "");
		print_stack(t);
		return;
	}
	if (t->policy)
		strlcpy(ni, "-", sizeof(ni));
	else
		snprintf(ni, sizeof(ni), "%ld", t->nice);
	if (is_kthread(t))
		strlcpy(sz, "-", sizeof(sz));
	else
		snprintf(sz, sizeof(sz), "%lu", t->vsize / 4096);
	user_name(t->uid, user, sizeof(user));
	start_time(t, stime, sizeof(stime));
	if (opt_long && opt_full)
		printf("%lx %c %-8s %5d %5d %2u %3ld %3s - %5s %-6.6s %5s "
		       "%-8.8s %8s %s\n", (t->flags >> 6) & 7, t->state, user,
		       t->pid, t->ppid, cpu_share(t), 60 + t->priority, ni,
		       sz, t->wchan, stime, tty, time, cmd);
	else if (opt_long)
		printf("%lx %c %5u %5d %5d %2u %3ld %3s - %5s %-6.6s %-8.8s "
		       "%8s %s\n", (t->flags >> 6) & 7, t->state, t->uid,
		       t->pid, t->ppid, cpu_share(t), 60 + t->priority, ni,
		       sz, t->wchan, tty, time, cmd);
	else if (opt_full)
		printf("%-8s %5d %5d %2u %5s %-8.8s %8s %s\n", user, t->pid,
		       t->ppid, cpu_share(t), stime, tty, time, cmd);
	else
		printf("%5d %-8.8s %8s %s\n", t->pid, tty, time, cmd);
}

static void parse_options(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		const char *p = argv[i];

		if (*p++ != '-' || !*p)
			usage();
		for (; *p; p++) {
			switch (*p) {
			case 'A':
			case 'e':
				opt_all = 1;
				break;
			case 'l':
				opt_long = 1;
				break;
			case 'f':
				opt_full = 1;
				break;
			case 's':
				opt_stacks = opt_all = 1;
				break;
			default:
				usage();
			}
		}
	}
}

int main(int argc, char **argv)
{
	struct task self = { 0 };

	parse_options(argc, argv);
	read_clock();
	scan_proc();
	sort_by_pid();
	if (opt_all)
		add_idle_tasks();
	if (read_stat(&self, getpid()) == 0)
		read_uid(&self);
	print_header();
	for (int i = 0; i < nr_tasks; i++) {
		struct task *t = &tasks[i];

		if (!t->idle) {
			read_uid(t);
			if (!selected(t, &self))
				continue;
			if (opt_long)
				read_wchan(t);
			if (opt_full)
				read_cmdline(t);
		}
		print_task(t);
	}
	return 0;
}
