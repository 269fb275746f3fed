// SPDX-License-Identifier: GPL-2.0
/*
 * user/sh_run.c - running a pipeline: redirections, pipes, fork and
 * execve, the search of $PATH.
 *
 * Linux 2.6: no counterpart in the kernel; what it exercises there is
 * sys_pipe() (fs/pipe.c), sys_dup2(), do_fork() and do_execve().  For
 * "a | b | c" the shell makes a pipe between each pair of neighbours and
 * forks one child per command; each child moves its pipe ends onto
 * descriptors 0 and 1 with dup2, closes every other end (a reader sees
 * end of file only once the last write end is closed, in every process),
 * applies its own redirections left to right (so "> f 2>&1" sends both
 * to f) and calls execve.  The shell closes its copies as it goes and
 * then waits for the whole job (sh_jobs.c).
 *
 * A built-in alone in the foreground runs in the shell itself, so that
 * cd, exit and fg can change the shell; its redirections are undone
 * afterwards from copies of the descriptors kept at 10 and up.  In a
 * pipeline or in the background a built-in runs in a child, like a
 * program.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sh.h"

/* Where a built-in's redirection keeps the descriptor it replaces. */
#define SAVED_FD(fd)	((fd) + 10)
#define PATH_LEN	256	/* the longest directory/name tried */

static int open_redirection(const struct sh_redir *r)
{
	switch (r->type) {
	case SH_REDIR_IN:
		return open(r->path, O_RDONLY);
	case SH_REDIR_OUT:
		return open(r->path, O_WRONLY | O_CREAT | O_TRUNC, 0666);
	case SH_REDIR_APPEND:
		return open(r->path, O_WRONLY | O_CREAT | O_APPEND, 0666);
	default:
		errno = EINVAL;
		return -1;
	}
}

/* Sets up @c's redirections in order; says what failed and returns -1. */
static int apply_redirections(const struct sh_command *c)
{
	for (int i = 0; i < c->nr_redirs; i++) {
		const struct sh_redir *r = &c->redirs[i];
		int fd;

		if (r->type == SH_REDIR_DUP) {
			if (dup2(r->dup_fd, r->fd) < 0) {
				dprintf(STDERR_FILENO, "sh: %d: %s\n",
					r->dup_fd, strerror(errno));
				return -1;
			}
			continue;
		}
		fd = open_redirection(r);
		if (fd < 0) {
			dprintf(STDERR_FILENO, "sh: %s: %s\n", r->path,
				strerror(errno));
			return -1;
		}
		if (fd != r->fd) {
			dup2(fd, r->fd);
			close(fd);
		}
	}
	return 0;
}

/*
 * Calls @fn(@path, @arg) for each place $PATH (default "/bin") says a
 * program @name may be, until it returns true.  An empty entry is the
 * current directory, as in every shell.
 */
static bool for_each_path(const char *name,
			  bool (*fn)(const char *path, void *arg), void *arg)
{
	const char *dirs = getenv("PATH");
	char path[PATH_LEN];

	if (!dirs)
		dirs = "/bin";
	for (;;) {
		const char *end = strchr(dirs, ':');
		int len = end ? end - dirs : (int)strlen(dirs);

		if (snprintf(path, sizeof(path), "%.*s%s%s", len, dirs,
			     len ? "/" : "", name) < (int)sizeof(path) &&
		    fn(path, arg))
			return true;
		if (!end)
			return false;
		dirs = end + 1;
	}
}

static bool can_open(const char *path, void *unused)
{
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return false;
	close(fd);
	return true;
}

/**
 * program_exists - is there a program @name in $PATH?
 * @name: a command name without '/'
 *
 * Return: true if a file of that name can be opened in one of the
 * directories.
 */
bool program_exists(const char *name)
{
	return for_each_path(name, can_open, NULL);
}

struct exec_attempt {
	char **argv;
	int error;	/* the first failure other than "not here", or 0 */
};

/* Tries one place of $PATH: returns only if execve failed. */
static bool try_execve(const char *path, void *arg)
{
	struct exec_attempt *attempt = arg;

	execve(path, attempt->argv, environ);
	if (errno != ENOENT && errno != ENOTDIR && !attempt->error)
		attempt->error = errno;
	return false;
}

/* Runs in a child: becomes the program @argv[0], or explains and exits. */
static void exec_program(char **argv)
{
	struct exec_attempt attempt = { .argv = argv };

	if (strchr(argv[0], '/')) {
		execve(argv[0], argv, environ);
		dprintf(STDERR_FILENO, "sh: %s: %s\n", argv[0],
			strerror(errno));
		_exit(errno == ENOENT ? 127 : 126);
	}
	for_each_path(argv[0], try_execve, &attempt);
	/* Found, but not runnable (EACCES, ENOEXEC ...): 126, as POSIX says. */
	if (attempt.error) {
		dprintf(STDERR_FILENO, "sh: %s: %s\n", argv[0],
			strerror(attempt.error));
		_exit(126);
	}
	dprintf(STDERR_FILENO, "sh: %s: command not found\n", argv[0]);
	_exit(127);
}

/* Moves @fd onto @target (0 or 1) unless it is there already. */
static void move_fd(int fd, int target)
{
	if (fd < 0 || fd == target)
		return;
	dup2(fd, target);
	close(fd);
}

/*
 * The child for command @c of @job: @in is the read end of the pipe from
 * the previous command (or -1), @out[] the pipe to the next (or -1s).
 */
static void run_child(const struct job *job, const struct sh_command *c,
		      int in, const int out[2], bool foreground)
{
	const struct builtin *b;

	job_enter_child(job, foreground);
	move_fd(in, STDIN_FILENO);
	if (out[0] >= 0)
		close(out[0]);
	move_fd(out[1], STDOUT_FILENO);
	if (apply_redirections(c) < 0)
		_exit(1);
	if (c->argc == 0)
		_exit(0);
	b = find_builtin(c->argv[0]);
	if (b)
		_exit(run_builtin(b, c->argc, c->argv));
	exec_program(c->argv);
}

/*
 * A built-in (or a command of redirections alone, @b NULL) in the shell
 * itself: the descriptors it redirects are saved and put back.
 */
static int run_here(const struct builtin *b, const struct sh_command *c)
{
	bool saved[SH_FD_MAX + 1] = { false }, was_open[SH_FD_MAX + 1];
	int status;

	for (int i = 0; i < c->nr_redirs; i++) {
		int fd = c->redirs[i].fd;

		if (saved[fd])
			continue;
		saved[fd] = true;
		was_open[fd] = dup2(fd, SAVED_FD(fd)) >= 0;
	}
	if (apply_redirections(c) < 0)
		status = 1;
	else
		status = b ? run_builtin(b, c->argc, c->argv) : 0;
	for (int fd = 0; fd <= SH_FD_MAX; fd++) {
		if (!saved[fd])
			continue;
		if (was_open[fd]) {
			dup2(SAVED_FD(fd), fd);
			close(SAVED_FD(fd));
		} else {
			close(fd);
		}
	}
	return status;
}

/* Forks the commands of @pipeline as one job, joined by pipes. */
static int run_job(const struct sh_pipeline *pipeline)
{
	struct job *job = job_new(pipeline);
	bool foreground = !pipeline->background;
	int in = -1, started = 0;

	if (!job)
		return 1;
	for (int i = 0; i < pipeline->nr_commands; i++) {
		int out[2] = { -1, -1 };
		pid_t pid;

		if (i + 1 < pipeline->nr_commands && pipe(out) < 0) {
			dprintf(STDERR_FILENO, "sh: pipe: %s\n",
				strerror(errno));
			break;
		}
		pid = fork();
		if (pid == 0)
			run_child(job, &pipeline->commands[i], in, out,
				  foreground);
		if (in >= 0)
			close(in);
		if (out[1] >= 0)
			close(out[1]);
		in = out[0];
		if (pid < 0) {
			dprintf(STDERR_FILENO, "sh: fork: %s\n",
				strerror(errno));
			break;
		}
		job_add_process(job, pid);
		started++;
	}
	if (in >= 0)
		close(in);
	/* A pipeline cut short: what started runs to its end, with $? 1. */
	if (started < pipeline->nr_commands)
		return job_abandon(job);
	if (!foreground) {
		job_run_background(job);
		return 0;
	}
	return job_run_foreground(job);
}

/**
 * run_pipeline - run one pipeline of a command line
 * @pipeline: from sh_parse()
 *
 * Return: its exit status ($?): the last command's, 128 + N if a signal
 * N ended or stopped it, 0 for one started in the background.
 */
int run_pipeline(const struct sh_pipeline *pipeline)
{
	const struct sh_command *first = &pipeline->commands[0];

	if (pipeline->nr_commands == 1 && !pipeline->background) {
		const struct builtin *b = first->argc ?
			find_builtin(first->argv[0]) : NULL;

		if (b || first->argc == 0)
			return run_here(b, first);
	}
	return run_job(pipeline);
}
