// SPDX-License-Identifier: GPL-2.0
/*
 * user/sh.c - /bin/sh: reads command lines and runs built-ins and
 * programs; the window onto the kernel's tasks, memory and log.
 *
 * Linux 2.6: no counterpart in the kernel (busybox ash, with procps' ps
 * and free, is what a small Linux system runs).  The loop is the classic
 * one: prompt, read a line, split it into words, then either call a
 * built-in or fork + execve("/bin/WORD") + waitpid.  The kernel's line
 * discipline echoes what is typed and hands over a whole line per read,
 * so the shell itself never echoes.  ps, stack, free, pressure and trace
 * use the teaching calls (user/include/kt.h); on another kernel they say
 * so instead of printing garbage.  init (user/init.c) restarts the shell
 * when it exits.
 */
#include <errno.h>
#include <kt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/klog.h>
#include <sys/reboot.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define LINE_SIZE	256	/* longest command line, with its '\n' */
#define MAX_WORDS	32	/* words in one command */
#define MAX_TASKS	128	/* rows ps can show */
#define STACK_TEXT	2048	/* one kernel backtrace as text */
#define MEMINFO_TEXT	4096	/* the kt_meminfo report (a page at most) */
#define LOG_TEXT	32768	/* the kernel log ring (LOG_BUF_LEN) */

/* What a built-in tells the loop: done, or "print my usage line". */
enum builtin_result {
	BUILTIN_DONE,
	BUILTIN_USAGE,
};

struct builtin {
	const char *name;
	enum builtin_result (*run)(int argc, char **argv);
	const char *args;	/* the usage line, after the name */
	const char *help;	/* what it does, in one line */
};

/* "sh: ps: not supported by this kernel" rather than a misleading errno. */
static void report_error(const char *what)
{
	if (errno == ENOSYS)
		dprintf(STDERR_FILENO, "sh: %s: not supported by this kernel\n",
			what);
	else
		dprintf(STDERR_FILENO, "sh: %s: %s\n", what, strerror(errno));
}

/* A whole word as a decimal number, or -1: "12abc" is not 12. */
static int parse_number(const char *word, long *value)
{
	char *end;

	errno = 0;
	*value = strtol(word, &end, 10);
	return (end == word || *end || errno) ? -1 : 0;
}

/* "9", "KILL" or "SIGKILL" -> 9; -1 if it names no signal. */
static int parse_signal(const char *word)
{
	long number;

	if (parse_number(word, &number) == 0)
		return (number > 0 && number < _NSIG) ? number : -1;
	if (!strncmp(word, "SIG", 3))
		word += 3;
	for (int sig = 1; sig < _NSIG; sig++) {
		const char *name = signal_name(sig);

		if (name && !strcmp(name + 3, word))
			return sig;
	}
	return -1;
}

static const char *signal_label(int sig)
{
	const char *name = signal_name(sig);

	return name ? name : "unknown";
}

/*
 * Prints the @len bytes of report text a call put in @text.  Never more
 * than @size: a kernel that returned the whole report's length, not what
 * fitted, must not make us print what lies beyond the buffer.
 */
static void print_text(const char *text, int len, size_t size)
{
	write(STDOUT_FILENO, text, (size_t)len < size ? (size_t)len : size);
}

static enum builtin_result do_echo(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		printf("%s%s", argv[i], i + 1 < argc ? " " : "");
	printf("\n");
	return BUILTIN_DONE;
}

static void print_stack(pid_t pid)
{
	static char text[STACK_TEXT];
	int len = kt_stack(pid, text, sizeof(text));

	if (len < 0) {
		report_error("stack");
		return;
	}
	print_text(text, len, sizeof(text));
}

/* An mm pointer as ps shows it: '-' for none (a kernel thread's mm). */
static void format_mm(char *buf, size_t size, unsigned int mm)
{
	if (mm)
		snprintf(buf, size, "%08x", mm);
	else
		strlcpy(buf, "-", size);
}

static void print_task(const struct kt_task_info *t)
{
	unsigned int seconds = (t->utime + t->stime) / USER_HZ;
	char mm[12], active_mm[12], command[20];

	format_mm(mm, sizeof(mm), t->mm);
	format_mm(active_mm, sizeof(active_mm), t->active_mm);
	/* Kernel threads in brackets, as Linux's ps shows them. */
	snprintf(command, sizeof(command),
		 t->flags & KT_PF_KTHREAD ? "[%.16s]" : "%.16s", t->comm);
	printf("%3u %5d %5d %c %08x %8s %9s %3d %3u:%02u %s\n", t->cpu,
	       t->pid, t->ppid, t->state, t->flags, mm, active_mm, t->prio,
	       seconds / 60, seconds % 60, command);
}

static enum builtin_result do_ps(int argc, char **argv)
{
	static struct kt_task_info tasks[MAX_TASKS];
	int with_stacks = argc == 2 && !strcmp(argv[1], "-s");
	int count;

	if (argc > 2 || (argc == 2 && !with_stacks))
		return BUILTIN_USAGE;
	count = kt_tasks(tasks, MAX_TASKS);
	if (count < 0) {
		report_error("ps");
		return BUILTIN_DONE;
	}
	/* The idle task of each CPU first: swapper/0, swapper/1, ... */
	printf("%3s %5s %5s %s %8s %8s %9s %3s %6s %s\n", "CPU", "PID",
	       "PPID", "S", "FLAGS", "MM", "ACTIVE_MM", "PRI", "TIME",
	       "COMMAND");
	for (int i = 0; i < count && i < MAX_TASKS; i++) {
		print_task(&tasks[i]);
		if (!with_stacks)
			continue;
		/* kt_stack finds a task by pid: pid 0 is CPU 0's idle task. */
		if (tasks[i].pid == 0 && tasks[i].cpu != 0)
			printf("(the idle task of CPU %u: no stack by pid)\n",
			       tasks[i].cpu);
		else
			print_stack(tasks[i].pid);
	}
	return BUILTIN_DONE;
}

static enum builtin_result do_stack(int argc, char **argv)
{
	long pid;

	if (argc != 2 || parse_number(argv[1], &pid) < 0)
		return BUILTIN_USAGE;
	print_stack(pid);
	return BUILTIN_DONE;
}

static enum builtin_result do_free(int argc, char **argv)
{
	static char text[MEMINFO_TEXT];
	int drop = argc == 2 && !strcmp(argv[1], "-d");
	int len;

	if (argc > 2 || (argc == 2 && !drop))
		return BUILTIN_USAGE;
	/* -d: caches dropped first, so that two reports compare. */
	if (drop && kt_drop_caches() < 0) {
		report_error("free");
		return BUILTIN_DONE;
	}
	len = kt_meminfo(text, sizeof(text));
	if (len < 0) {
		report_error("free");
		return BUILTIN_DONE;
	}
	print_text(text, len, sizeof(text));
	return BUILTIN_DONE;
}

static enum builtin_result do_dmesg(int argc, char **argv)
{
	static char text[LOG_TEXT];
	int len;

	if (argc != 1)
		return BUILTIN_USAGE;
	len = klogctl(SYSLOG_ACTION_READ_ALL, text, sizeof(text));
	if (len < 0) {
		report_error("dmesg");
		return BUILTIN_DONE;
	}
	print_text(text, len, sizeof(text));
	return BUILTIN_DONE;
}

static enum builtin_result do_kill(int argc, char **argv)
{
	int sig = SIGTERM, first = 1;

	if (argc >= 2 && argv[1][0] == '-') {
		sig = parse_signal(argv[1] + 1);
		if (sig < 0) {
			dprintf(STDERR_FILENO, "sh: kill: %s: no such signal\n",
				argv[1] + 1);
			return BUILTIN_USAGE;
		}
		first = 2;
	}
	if (first >= argc)
		return BUILTIN_USAGE;
	for (int i = first; i < argc; i++) {
		long pid;

		if (parse_number(argv[i], &pid) < 0)
			return BUILTIN_USAGE;
		if (kill(pid, sig) < 0)
			dprintf(STDERR_FILENO, "sh: kill: %ld: %s\n", pid,
				strerror(errno));
	}
	return BUILTIN_DONE;
}

static enum builtin_result do_sleep(int argc, char **argv)
{
	struct kt_timespec duration = { 0, 0 };
	long seconds;

	if (argc != 2 || parse_number(argv[1], &seconds) < 0 || seconds < 0)
		return BUILTIN_USAGE;
	duration.tv_sec = seconds;
	if (nanosleep(&duration, NULL) < 0)
		report_error("sleep");
	return BUILTIN_DONE;
}

static enum builtin_result do_sync(int argc, char **argv)
{
	if (argc != 1)
		return BUILTIN_USAGE;
	sync();
	return BUILTIN_DONE;
}

static enum builtin_result do_pressure(int argc, char **argv)
{
	long pages;
	int reclaimed;

	if (argc != 2 || parse_number(argv[1], &pages) < 0 || pages <= 0)
		return BUILTIN_USAGE;
	reclaimed = kt_pressure(pages);
	if (reclaimed < 0) {
		report_error("pressure");
		return BUILTIN_DONE;
	}
	printf("pressure: kswapd reclaimed %d pages\n", reclaimed);
	return BUILTIN_DONE;
}

/*
 * Job control (drivers/tty.c; docs/user-mode.md): each program runs in a
 * process group of its own, which has the terminal while it runs in the
 * foreground, so that ^C and ^Z reach it and not the shell.  The shell
 * ignores the terminal's stop signals, and catches SIGINT without
 * SA_RESTART: a ^C at the prompt interrupts read(), and the prompt comes
 * again.  Off when stdin is not our controlling terminal.
 */
static int job_control;

static void on_sigint(int sig)
{
}

static void job_control_init(void)
{
	struct sigaction act = { .sa_handler = on_sigint };

	if (tcgetpgrp(STDIN_FILENO) < 0)
		return;
	job_control = 1;
	if (getpgrp() != getpid())
		setpgid(0, 0);
	signal(SIGTSTP, SIG_IGN);
	signal(SIGTTIN, SIG_IGN);
	signal(SIGTTOU, SIG_IGN);
	sigaction(SIGINT, &act, NULL);
	tcsetpgrp(STDIN_FILENO, getpgrp());
}

/* Both sides do it, so it is done whichever runs first after fork(). */
static void job_setpgrp(pid_t pid, int foreground)
{
	if (!job_control)
		return;
	setpgid(pid, pid);
	if (foreground)
		tcsetpgrp(STDIN_FILENO, pid);
}

/* In the child, before execve(): an ignored signal would stay ignored. */
static void job_child(int foreground)
{
	job_setpgrp(getpid(), foreground);
	signal(SIGTSTP, SIG_DFL);
	signal(SIGTTIN, SIG_DFL);
	signal(SIGTTOU, SIG_DFL);
	signal(SIGINT, SIG_DFL);
}

/* Waits for the foreground job to end or stop; the terminal comes back. */
static pid_t job_wait(pid_t pid, int *status)
{
	pid_t ret;

	while ((ret = waitpid(pid, status, WUNTRACED)) < 0 && errno == EINTR)
		;
	if (job_control)
		tcsetpgrp(STDIN_FILENO, getpgrp());
	if (ret == pid && WIFSTOPPED(*status))
		dprintf(STDERR_FILENO, "sh: pid %d stopped (%s): kill -CONT %d "
			"runs it on in the background\n", pid,
			signal_label(WSTOPSIG(*status)), pid);
	return ret;
}

/* Runs in a forked child: becomes @path, or explains and exits. */
static void exec_child(const char *path, char **argv)
{
	execve(path, argv, environ);
	/* A bare word that names no program is the common typo. */
	if (errno == ENOENT && !strchr(argv[0], '/')) {
		dprintf(STDERR_FILENO, "sh: %s: command not found\n", argv[0]);
		_exit(127);
	}
	dprintf(STDERR_FILENO, "sh: %s: %s\n", argv[0], strerror(errno));
	_exit(126);
}

static enum builtin_result do_spin(int argc, char **argv)
{
	char *spin_argv[] = { "spin", argc == 2 ? argv[1] : NULL, NULL };
	long seconds;
	pid_t pid;

	if (argc > 2 || (argc == 2 && parse_number(argv[1], &seconds) < 0))
		return BUILTIN_USAGE;
	pid = fork();
	if (pid < 0) {
		report_error("spin");
		return BUILTIN_DONE;
	}
	if (pid == 0) {
		job_child(0);
		exec_child("/bin/spin", spin_argv);
	}
	job_setpgrp(pid, 0);
	/* Not waited for: reap_background() collects it later. */
	printf("spin: started pid %d\n", pid);
	return BUILTIN_DONE;
}

static enum builtin_result do_trace(int argc, char **argv)
{
	if (argc != 1)
		return BUILTIN_USAGE;
	if (kt_trace() < 0)
		report_error("trace");
	return BUILTIN_DONE;
}

static enum builtin_result do_poweroff(int argc, char **argv)
{
	if (argc != 1)
		return BUILTIN_USAGE;
	/* The same call would stop a Linux host (or its container). */
	if (!kt26_running()) {
		dprintf(STDERR_FILENO,
			"sh: poweroff: only on kt26, not on this kernel\n");
		return BUILTIN_DONE;
	}
	sync();
	reboot(LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2,
	       LINUX_REBOOT_CMD_POWER_OFF, NULL);
	report_error("poweroff");
	return BUILTIN_DONE;
}

static enum builtin_result do_exit(int argc, char **argv)
{
	long status = 0;

	if (argc > 2 || (argc == 2 && parse_number(argv[1], &status) < 0))
		return BUILTIN_USAGE;
	exit(status);
}

static enum builtin_result do_help(int argc, char **argv);

static const struct builtin builtins[] = {
	{ "help", do_help, "", "this list" },
	{ "echo", do_echo, "[WORD...]", "print the words" },
	{ "ps", do_ps, "[-s]", "list the tasks (-s: and their kernel stacks)" },
	{ "stack", do_stack, "PID", "kernel stack of a task" },
	{ "free", do_free, "[-d]",
	  "memory report (-d: drop the caches first)" },
	{ "dmesg", do_dmesg, "", "the kernel log" },
	{ "kill", do_kill, "[-SIG] PID...", "send a signal (default TERM)" },
	{ "sleep", do_sleep, "SECONDS", "sleep" },
	{ "sync", do_sync, "", "write dirty buffers back to disk" },
	{ "pressure", do_pressure, "PAGES",
	  "allocate PAGES pages to make kswapd reclaim" },
	{ "spin", do_spin, "[SECONDS]",
	  "start a CPU-bound child in the background" },
	{ "trace", do_trace, "", "dump the scheduler trace on ttyS0" },
	{ "poweroff", do_poweroff, "", "sync and power off" },
	{ "exit", do_exit, "[STATUS]", "leave the shell (init restarts it)" },
};

#define NR_BUILTINS	(sizeof(builtins) / sizeof(builtins[0]))

static enum builtin_result do_help(int argc, char **argv)
{
	if (argc != 1)
		return BUILTIN_USAGE;
	for (size_t i = 0; i < NR_BUILTINS; i++) {
		const struct builtin *b = &builtins[i];

		printf("  %-8s %-15s %s\n", b->name, b->args, b->help);
	}
	printf("Any other word runs /bin/WORD (hello, cat, dd, echo, spin,\n"
	       "usertests, fuzz); a word with a '/' runs that file.\n");
	return BUILTIN_DONE;
}

static void run_program(char **argv)
{
	char path[LINE_SIZE + 8];
	int status;
	pid_t pid;

	if (strchr(argv[0], '/'))
		strlcpy(path, argv[0], sizeof(path));
	else
		snprintf(path, sizeof(path), "/bin/%s", argv[0]);

	pid = fork();
	if (pid < 0) {
		report_error(argv[0]);
		return;
	}
	if (pid == 0) {
		job_child(1);
		exec_child(path, argv);
	}
	job_setpgrp(pid, 1);
	if (job_wait(pid, &status) < 0) {
		report_error(argv[0]);
		return;
	}
	if (WIFSIGNALED(status))
		dprintf(STDERR_FILENO, "sh: %s: killed by signal %d (%s)\n",
			argv[0], WTERMSIG(status),
			signal_label(WTERMSIG(status)));
}

static void run_command(int argc, char **argv)
{
	for (size_t i = 0; i < NR_BUILTINS; i++) {
		const struct builtin *b = &builtins[i];

		if (strcmp(argv[0], b->name))
			continue;
		if (b->run(argc, argv) == BUILTIN_USAGE)
			dprintf(STDERR_FILENO, "usage: %s %s\n", b->name,
				b->args);
		return;
	}
	run_program(argv);
}

/* Splits @line in place at blanks; returns the word count, -1 if > max. */
static int split_words(char *line, char **words, int max)
{
	int count = 0;
	char *p = line;

	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == '\n')
			*p++ = '\0';
		if (!*p)
			break;
		if (count == max)
			return -1;
		words[count++] = p;
		while (*p && *p != ' ' && *p != '\t' && *p != '\n')
			p++;
	}
	words[count] = NULL;
	return count;
}

/* Background children (spin) are collected here, without a word. */
static void reap_background(void)
{
	int status;

	while (waitpid(-1, &status, WNOHANG) > 0)
		;
}

/* Reads one line; drops the rest of one that does not fit. */
static ssize_t read_command(char *line, size_t size)
{
	ssize_t len = read_line(line, size);

	if (len <= 0 || line[len - 1] == '\n' || len < (ssize_t)size - 1)
		return len;
	while ((len = read_line(line, size)) > 0 && line[len - 1] != '\n')
		;
	dprintf(STDERR_FILENO, "sh: line too long (max %d characters)\n",
		LINE_SIZE - 1);
	line[0] = '\0';
	return len < 0 ? len : 1;
}

int main(int argc, char **argv)
{
	char line[LINE_SIZE];
	char *words[MAX_WORDS + 1];

	job_control_init();
	for (;;) {
		ssize_t len;
		int count;

		reap_background();
		/* On stderr, as other shells do: stdout stays the commands'. */
		dprintf(STDERR_FILENO, "# ");
		len = read_command(line, sizeof(line));
		if (len < 0 && errno == EINTR)
			continue;	/* ^C at the prompt: a new one */
		if (len < 0) {
			report_error("read");
			return 1;
		}
		if (len == 0)
			return 0;	/* end of input */
		count = split_words(line, words, MAX_WORDS);
		if (count < 0)
			dprintf(STDERR_FILENO, "sh: too many words (max %d)\n",
				MAX_WORDS);
		else if (count > 0)
			run_command(count, words);
	}
}
