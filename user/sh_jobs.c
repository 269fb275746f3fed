// SPDX-License-Identifier: GPL-2.0
/*
 * user/sh_jobs.c - the shell's jobs: process groups, the terminal's
 * foreground, waiting, stopped jobs, and what the shell says of them.
 *
 * Linux 2.6: the kernel side is the process group and session of each
 * task (kernel/sys.c: sys_setpgid(), the tty's foreground group set by
 * TIOCSPGRP in drivers/char/tty_io.c), the keyboard's signals sent to
 * that group by n_tty (isig()), and do_wait() in kernel/exit.c, which
 * reports a child that stopped (WUNTRACED) as well as one that ended.
 * See "Understanding the Linux Kernel", 3rd ed., chapter 3, section
 * "How Processes Are Organized", for the groups and sessions.
 *
 * A job is one pipeline; all its processes share one process group, the
 * group of its first process.  Both the shell and the child call
 * setpgid() (whichever runs first wins the race the other would lose),
 * and a foreground job's children give the terminal to that group before
 * they execve, so a ^C typed at once already reaches them.  The shell
 * then waits until every process of the job has ended or stopped, takes
 * the terminal back, and reports as bash does: nothing for an ordinary
 * end, "Killed" or "Segmentation fault" for a signal (only a newline for
 * ^C), "[1]+  Stopped  cmd" for a job stopped by ^Z, which `fg` or `bg`
 * continue with SIGCONT.  Background jobs ("cmd &") are reaped without
 * blocking before each prompt, and their end reported then ("[1]+
 * Done  cmd").  Without wait4 or WUNTRACED in the kernel the shell waits
 * with waitpid() and stopped jobs are simply never seen.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "sh.h"

#define MAX_JOBS	32

struct process {
	pid_t pid;
	int status;		/* what wait last said of it */
	bool done;		/* it exited or was killed */
	bool stopped;
};

struct job {
	int id;			/* [N]; 0: the slot is free */
	pid_t pgid;		/* its group: its first process's pid */
	int nr_procs;
	struct process *procs;	/* room for one per command */
	char *text;		/* the pipeline as typed */
	bool foreground;	/* has the terminal; the shell waits for it */
	bool notified;		/* its Stopped line was printed */
	unsigned long seq;	/* when it last went to the background */
};

static struct job jobs[MAX_JOBS];
static unsigned long job_seq;	/* the + job has the highest seq, then - */

static bool job_is_done(const struct job *job)
{
	for (int i = 0; i < job->nr_procs; i++)
		if (!job->procs[i].done)
			return false;
	return true;
}

static bool job_is_running(const struct job *job)
{
	for (int i = 0; i < job->nr_procs; i++)
		if (!job->procs[i].done && !job->procs[i].stopped)
			return true;
	return false;
}

static bool job_is_stopped(const struct job *job)
{
	return !job_is_done(job) && !job_is_running(job);
}

/* A stopped process of @job, whose signal names the stop. */
static const struct process *stopped_process(const struct job *job)
{
	for (int i = job->nr_procs - 1; i >= 0; i--)
		if (job->procs[i].stopped)
			return &job->procs[i];
	return NULL;
}

/* $? for @job: its last process's status, 128 + N for signal N. */
static int job_status(const struct job *job)
{
	const struct process *p = &job->procs[job->nr_procs - 1];

	if (job_is_stopped(job))
		return 128 + WSTOPSIG(stopped_process(job)->status);
	if (WIFSIGNALED(p->status))
		return 128 + WTERMSIG(p->status);
	return WEXITSTATUS(p->status);
}

/* Like bash's job table column: Running, Stopped, Done, Exit 3, Killed. */
static void job_state(const struct job *job, char *buf, size_t size)
{
	const struct process *p = &job->procs[job->nr_procs - 1];

	if (job_is_running(job))
		snprintf(buf, size, "Running");
	else if (job_is_stopped(job))
		snprintf(buf, size, "%s",
			 strsignal(WSTOPSIG(stopped_process(job)->status)));
	else if (WIFSIGNALED(p->status))
		snprintf(buf, size, "%s%s", strsignal(WTERMSIG(p->status)),
			 WCOREDUMP(p->status) ? " (core dumped)" : "");
	else if (WEXITSTATUS(p->status))
		snprintf(buf, size, "Exit %d", WEXITSTATUS(p->status));
	else
		snprintf(buf, size, "Done");
}

/* The current (+) job, or with @previous the one before it (-). */
static struct job *job_by_seq(bool previous)
{
	struct job *best = NULL, *second = NULL;

	for (int i = 0; i < MAX_JOBS; i++) {
		struct job *job = &jobs[i];

		if (!job->id || job->foreground)
			continue;
		if (!best || job->seq > best->seq) {
			second = best;
			best = job;
		} else if (!second || job->seq > second->seq) {
			second = job;
		}
	}
	return previous ? second : best;
}

/* "[1]+  Stopped                 cat", as bash prints its job lines. */
static void print_job(const struct job *job)
{
	char state[48];
	char mark = job == job_by_seq(false) ? '+' :
		    job == job_by_seq(true) ? '-' : ' ';

	job_state(job, state, sizeof(state));
	dprintf(STDERR_FILENO, "[%d]%c  %-24s%s%s\n", job->id, mark, state,
		job->text, job_is_running(job) ? " &" : "");
}

static void job_free(struct job *job)
{
	free(job->procs);
	free(job->text);
	memset(job, 0, sizeof(*job));
}

/**
 * job_new - a job for the processes of @pipeline, in the table
 * @pipeline: what it runs (its text is copied)
 *
 * The number is one above the highest in use, as in bash, or the first
 * free one when that is too high.
 * Return: the job, or NULL (the table is full, or no memory: said so).
 */
struct job *job_new(const struct sh_pipeline *pipeline)
{
	struct job *job = NULL;
	int id = 1;

	for (int i = 0; i < MAX_JOBS; i++)
		if (jobs[i].id >= id)
			id = jobs[i].id + 1;
	if (id > MAX_JOBS)
		for (id = 1; id <= MAX_JOBS && jobs[id - 1].id; id++)
			;
	if (id > MAX_JOBS) {
		dprintf(STDERR_FILENO, "sh: too many jobs (max %d)\n",
			MAX_JOBS);
		return NULL;
	}
	job = &jobs[id - 1];
	job->procs = malloc(pipeline->nr_commands * sizeof(*job->procs));
	job->text = malloc(strlen(pipeline->text) + 1);
	if (!job->procs || !job->text) {
		dprintf(STDERR_FILENO, "sh: out of memory\n");
		job_free(job);
		return NULL;
	}
	strlcpy(job->text, pipeline->text, strlen(pipeline->text) + 1);
	job->id = id;
	job->foreground = !pipeline->background;
	return job;
}

/**
 * job_add_process - record that child @pid runs a command of @job
 * @job: from job_new()
 * @pid: the child
 *
 * The first process's pid names the job's group.
 */
void job_add_process(struct job *job, pid_t pid)
{
	if (!job->pgid)
		job->pgid = pid;
	/* The child does the same: whoever comes first, it is done. */
	if (sh_job_control)
		setpgid(pid, job->pgid);
	job->procs[job->nr_procs++] = (struct process){ .pid = pid };
}

/**
 * job_enter_child - what a child of @job does before anything else
 * @job: its job (the child's copy, as fork left it)
 * @foreground: the job gets the terminal
 *
 * Joins the job's group (a new one named after itself if it is the
 * first), takes the terminal for a foreground job, and undoes the
 * shell's ignoring of the keyboard's signals: ignored signals would
 * stay ignored across execve.
 */
void job_enter_child(const struct job *job, bool foreground)
{
	static const int job_signals[] = {
		SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU,
	};

	if (sh_job_control) {
		pid_t pgid = job->pgid ? job->pgid : getpid();

		setpgid(0, pgid);
		if (foreground)
			tcsetpgrp(STDIN_FILENO, pgid);
	}
	if (sh_interactive)
		for (size_t i = 0; i < sizeof(job_signals) / sizeof(int); i++)
			signal(job_signals[i], SIG_DFL);
}

/*
 * wait4(-1) for a child that ended or, with job control, stopped.  A
 * kernel without wait4 or WUNTRACED gets plain waitpid(): no stops.
 */
static pid_t wait_any(int *status, int options)
{
	static bool no_wait4;
	pid_t pid;

	if (!no_wait4) {
		pid = wait4(-1, status, options | WUNTRACED, NULL);
		if (pid >= 0 || (errno != ENOSYS && errno != EINVAL))
			return pid;
		no_wait4 = true;
	}
	return waitpid(-1, status, options);
}

/* Records what wait said of @pid in its job's process. */
static void note_status(pid_t pid, int status)
{
	for (int i = 0; i < MAX_JOBS; i++) {
		struct job *job = &jobs[i];

		for (int k = 0; job->id && k < job->nr_procs; k++) {
			struct process *p = &job->procs[k];

			if (p->pid != pid)
				continue;
			p->status = status;
			p->stopped = WIFSTOPPED(status);
			p->done = !p->stopped && !WIFCONTINUED(status);
			if (p->stopped)
				job->notified = false;
			return;
		}
	}
}

/* Blocks until no process of @job runs any more. */
static void wait_job(struct job *job)
{
	while (job_is_running(job)) {
		int status;
		pid_t pid = wait_any(&status, 0);

		if (pid > 0) {
			note_status(pid, status);
		} else if (errno != EINTR) {
			/* ECHILD: nothing left to wait for; stop pretending. */
			for (int i = 0; i < job->nr_procs; i++)
				job->procs[i].done = true;
		}
	}
}

/* Sends SIGCONT to @job's stopped processes. */
static void continue_job(struct job *job)
{
	for (int i = 0; i < job->nr_procs; i++) {
		struct process *p = &job->procs[i];

		if (p->done || !p->stopped)
			continue;
		p->stopped = false;
		kill(p->pid, SIGCONT);
	}
}

/* Gives @job the terminal, waits, takes the terminal back; its $?. */
static int foreground(struct job *job, bool resume)
{
	const struct process *last = &job->procs[job->nr_procs - 1];
	int status;

	job->foreground = true;
	if (sh_job_control)
		tcsetpgrp(STDIN_FILENO, job->pgid);
	if (resume)
		continue_job(job);
	wait_job(job);
	if (sh_job_control)
		tcsetpgrp(STDIN_FILENO, sh_pgid);
	/* A program may have left the terminal raw, or without echo. */
	edit_restore_terminal();
	status = job_status(job);
	if (job_is_stopped(job)) {
		job->foreground = false;
		job->seq = ++job_seq;
		job->notified = true;
		dprintf(STDERR_FILENO, "\n");
		print_job(job);
		return status;
	}
	/* As bash: nothing for ^C and for a reader gone (SIGPIPE). */
	if (WIFSIGNALED(last->status)) {
		int sig = WTERMSIG(last->status);

		if (sig == SIGINT)
			dprintf(STDERR_FILENO, "\n");
		else if (sig != SIGPIPE)
			dprintf(STDERR_FILENO, "%s%s\n", strsignal(sig),
				WCOREDUMP(last->status) ?
				" (core dumped)" : "");
	}
	job_free(job);
	return status;
}

/**
 * job_run_foreground - give @job the terminal and wait for it
 * @job: its processes all started
 *
 * Return: its exit status: the last command's, or 128 + N for signal N
 * (ended or stopped by it).  A stopped job stays in the table.
 */
int job_run_foreground(struct job *job)
{
	return foreground(job, false);
}

/**
 * job_run_background - leave @job running and say so: "[1] 42"
 * @job: its processes all started
 */
void job_run_background(struct job *job)
{
	job->foreground = false;
	job->seq = ++job_seq;
	dprintf(STDERR_FILENO, "[%d] %d\n", job->id,
		job->procs[job->nr_procs - 1].pid);
}

/**
 * job_abandon - the pipeline of @job could not all be started
 * @job: the job, with the processes that did start
 *
 * Those run to their end (in the foreground or not, as asked); the
 * job's status is a failure whatever they do.
 * Return: 1, for $?.
 */
int job_abandon(struct job *job)
{
	if (!job->nr_procs)
		job_free(job);
	else if (job->foreground)
		foreground(job, false);
	else
		job_run_background(job);
	return 1;
}

/* Collects, without blocking, whatever children ended or stopped. */
static void reap(void)
{
	int status;
	pid_t pid;

	while ((pid = wait_any(&status, WNOHANG)) > 0)
		note_status(pid, status);
}

/**
 * jobs_notify - report the background jobs that ended or stopped
 *
 * Called before each prompt: "[1]+  Done  spin 1", then the job leaves
 * the table; a stopped one is reported once and stays.
 */
void jobs_notify(void)
{
	reap();
	for (int i = 0; i < MAX_JOBS; i++) {
		struct job *job = &jobs[i];

		if (!job->id || job->foreground)
			continue;
		if (job_is_done(job)) {
			print_job(job);
			job_free(job);
		} else if (job_is_stopped(job) && !job->notified) {
			print_job(job);
			job->notified = true;
		}
	}
}

/*
 * The job @spec names: %N or N, %+ or %% (the current one), %- (the
 * previous one); NULL means the current one.  Says so when there is
 * none, as `@who: %N: no such job`.
 */
static struct job *find_job(const char *who, const char *spec)
{
	struct job *job = NULL;
	const char *s = spec;

	if (!s || !strcmp(s, "%+") || !strcmp(s, "%%")) {
		job = job_by_seq(false);
	} else if (!strcmp(s, "%-")) {
		job = job_by_seq(true);
	} else {
		char *end;
		long id;

		if (*s == '%')
			s++;
		id = strtol(s, &end, 10);
		if (end != s && !*end && id >= 1 && id <= MAX_JOBS &&
		    jobs[id - 1].id)
			job = &jobs[id - 1];
	}
	if (!job)
		dprintf(STDERR_FILENO, "sh: %s: %s: no such job\n", who,
			spec ? spec : "current");
	return job;
}

/**
 * do_jobs - the jobs built-in: list the jobs
 * @argc: 1
 * @argv: "jobs"
 *
 * Ended jobs are listed once more ("Done") and leave the table.
 * Return: 0, or BUILTIN_USAGE.
 */
int do_jobs(int argc, char **argv)
{
	if (argc != 1)
		return BUILTIN_USAGE;
	reap();
	for (int i = 0; i < MAX_JOBS; i++) {
		struct job *job = &jobs[i];

		if (!job->id || job->foreground)
			continue;
		print_job(job);
		if (job_is_done(job))
			job_free(job);
		else if (job_is_stopped(job))
			job->notified = true;
	}
	return 0;
}

/**
 * do_fg - the fg built-in: continue a job in the foreground
 * @argc: 1 or 2
 * @argv: "fg" [JOB]
 *
 * Return: the job's status once it ends or stops again, 1 if there is
 * no such job, or BUILTIN_USAGE.
 */
int do_fg(int argc, char **argv)
{
	struct job *job;

	if (argc > 2)
		return BUILTIN_USAGE;
	job = find_job("fg", argv[1]);
	if (!job)
		return 1;
	dprintf(STDERR_FILENO, "%s\n", job->text);
	return foreground(job, true);
}

/**
 * do_bg - the bg built-in: continue a stopped job in the background
 * @argc: 1 or 2
 * @argv: "bg" [JOB]
 *
 * Return: 0, 1 if there is no such job, or BUILTIN_USAGE.
 */
int do_bg(int argc, char **argv)
{
	struct job *job;

	if (argc > 2)
		return BUILTIN_USAGE;
	job = find_job("bg", argv[1]);
	if (!job)
		return 1;
	continue_job(job);
	job->seq = ++job_seq;
	dprintf(STDERR_FILENO, "[%d]+ %s &\n", job->id, job->text);
	return 0;
}

/* The job with a process @pid, or NULL. */
static struct job *job_of_pid(pid_t pid)
{
	for (int i = 0; i < MAX_JOBS; i++)
		for (int k = 0; jobs[i].id && k < jobs[i].nr_procs; k++)
			if (jobs[i].procs[k].pid == pid)
				return &jobs[i];
	return NULL;
}

/**
 * do_wait - the wait built-in: wait for background jobs to end
 * @argc: 1 or more
 * @argv: "wait" [%N | PID]...
 *
 * Without arguments it waits for every running job.  Stopped jobs are
 * not waited for: nothing would ever continue them.
 * Return: the last job's status (0 without arguments), 127 for a pid
 * that is not a child of the shell, 1 for no such job.
 */
int do_wait(int argc, char **argv)
{
	int status = 0;

	if (argc == 1) {
		for (int i = 0; i < MAX_JOBS; i++)
			if (jobs[i].id)
				wait_job(&jobs[i]);
		return 0;
	}
	for (int i = 1; i < argc; i++) {
		struct job *job;

		if (argv[i][0] == '%') {
			job = find_job("wait", argv[i]);
			if (!job) {
				status = 1;
				continue;
			}
		} else {
			char *end;
			long pid = strtol(argv[i], &end, 10);

			if (end == argv[i] || *end)
				return BUILTIN_USAGE;
			job = job_of_pid(pid);
			if (!job) {
				dprintf(STDERR_FILENO, "sh: wait: pid %ld is "
					"not a child of this shell\n", pid);
				status = 127;
				continue;
			}
		}
		wait_job(job);
		status = job_status(job);
	}
	return status;
}
