// SPDX-License-Identifier: GPL-2.0
/*
 * user/sh.c - /bin/sh: reads command lines and runs them.
 *
 * Linux 2.6: no counterpart in the kernel (busybox ash, with procps' ps
 * and free, is what a small Linux system runs).  The loop is the classic
 * one: report the background jobs that ended, prompt, read a line (edited
 * in raw mode by sh_edit.c, or a whole line from the kernel's line
 * discipline when the terminal has no termios), parse it (sh_parse.c),
 * then run its pipelines one after another (sh_run.c), each one's exit
 * status becoming $?.
 *
 * On a terminal the shell is a job-control shell, as bash and ash are
 * (POSIX, "Shell Command Language", section Job Control): it takes a
 * process group of its own and the terminal's foreground, and ignores
 * the keyboard's signals (^C SIGINT, ^\ SIGQUIT, ^Z SIGTSTP) and those
 * a background group gets for using the terminal (SIGTTIN, SIGTTOU), so
 * that they reach the job it runs and never the shell.  Each job gets
 * its own group (sh_jobs.c).  When the kernel has no process groups
 * the calls fail and the shell runs jobs without them.  init
 * (user/init.c) restarts the shell when it exits.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sh.h"

int sh_status;
bool sh_interactive;
bool sh_job_control;
pid_t sh_pgid;

/* Only a terminal's shell keeps the keyboard's signals for its jobs. */
static void init_interactive(void)
{
	static const int job_signals[] = {
		SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU,
	};

	sh_interactive = isatty(STDIN_FILENO);
	if (!sh_interactive)
		return;
	for (size_t i = 0; i < sizeof(job_signals) / sizeof(int); i++)
		signal(job_signals[i], SIG_IGN);
	/* A group of our own (a session leader has one already). */
	if (getpgrp() != getpid())
		setpgid(0, 0);
	sh_pgid = getpgrp();
	sh_job_control = sh_pgid > 0 &&
			 tcsetpgrp(STDIN_FILENO, sh_pgid) == 0;
}

/*
 * Parses and runs one line.  The whole line is parsed first, so that a
 * syntax error anywhere stops all of it; then each pipeline runs, and
 * what follows it is parsed again, so that its $? is the status of the
 * pipeline just run ("false; echo $?" says 1), as in every shell.
 */
static void run_line(const char *text)
{
	static struct sh_line line;
	struct sh_params params = { .pid = getpid(), .getenv = getenv };

	for (;;) {
		params.status = sh_status;
		if (sh_parse(text, &params, &line) < 0) {
			dprintf(STDERR_FILENO, "sh: %s\n", line.error);
			sh_status = 2;
			return;
		}
		if (!line.nr_pipelines)
			return;
		sh_status = run_pipeline(&line.pipelines[0]);
		if (line.nr_pipelines == 1)
			return;
		text = line.pipelines[0].rest;
	}
}

int main(int argc, char **argv)
{
	static char text[SH_LINE_MAX];

	init_interactive();
	edit_init();
	/*
	 * Take the heap now (malloc gets it from brk 16 KiB at a time):
	 * the jobs and the history then come from it, and the shell's
	 * memory stays the same from one prompt to the next.
	 */
	free(malloc(1));
	for (;;) {
		int len;

		jobs_notify();
		/* The prompt on stderr, as other shells do. */
		len = edit_line("# ", text, sizeof(text));
		if (len == EDIT_EOF)
			return sh_status;
		if (len == EDIT_ERROR) {
			dprintf(STDERR_FILENO, "sh: read: %s\n",
				strerror(errno));
			return 1;
		}
		if (len == EDIT_TOO_LONG) {
			dprintf(STDERR_FILENO, "sh: line too long (max %d "
				"characters)\n", SH_LINE_MAX - 1);
			sh_status = 2;
			continue;
		}
		if (len == EDIT_INTERRUPT) {
			sh_status = 128 + SIGINT;
			continue;
		}
		run_line(text);
	}
}
