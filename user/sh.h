/* SPDX-License-Identifier: GPL-2.0 */
/*
 * user/sh.h - what the parts of /bin/sh share.
 *
 * Linux 2.6: no counterpart in the kernel (a shell is a user program;
 * busybox ash is what small Linux systems run).  The shell is split by
 * job: sh.c reads lines and runs them, sh_parse.c parses them,
 * sh_run.c starts pipelines (fork, pipe, dup2, execve), sh_jobs.c keeps
 * the job table and waits (process groups, the terminal's foreground
 * group, stopped jobs), sh_edit.c edits the line in raw mode with a
 * history, sh_builtins.c has the built-in commands and sh_kernel.c those
 * that show the kernel's insides.
 */
#ifndef _USER_SH_H
#define _USER_SH_H

#include <stdbool.h>
#include <sys/types.h>
#include "sh_parse.h"

/* user/sh.c: the shell's state */
extern int sh_status;		/* $?: the last pipeline's exit status */
extern bool sh_interactive;	/* stdin is a terminal */
extern bool sh_job_control;	/* jobs get groups and the terminal */
extern pid_t sh_pgid;		/* the shell's own process group */

/* user/sh_builtins.c */
struct builtin;
const struct builtin *find_builtin(const char *name);
int run_builtin(const struct builtin *b, int argc, char **argv);

/* user/sh_kernel.c: the built-ins that show the kernel's insides */
int do_ps(int argc, char **argv);
int do_stack(int argc, char **argv);
int do_free(int argc, char **argv);
int do_dmesg(int argc, char **argv);
int do_sync(int argc, char **argv);
int do_pressure(int argc, char **argv);
int do_trace(int argc, char **argv);
int do_poweroff(int argc, char **argv);

/* user/sh_run.c */
int run_pipeline(const struct sh_pipeline *pipeline);
bool program_exists(const char *name);

/* user/sh_jobs.c */
struct job;
struct job *job_new(const struct sh_pipeline *pipeline);
void job_add_process(struct job *job, pid_t pid);
void job_enter_child(const struct job *job, bool foreground);
int job_abandon(struct job *job);
int job_run_foreground(struct job *job);
void job_run_background(struct job *job);
void jobs_notify(void);
int do_jobs(int argc, char **argv);
int do_fg(int argc, char **argv);
int do_bg(int argc, char **argv);
int do_wait(int argc, char **argv);

/* user/sh_edit.c: edit_line()'s results other than a line's length */
#define EDIT_EOF	-1	/* end of input (^D on an empty line) */
#define EDIT_ERROR	-2	/* read failed: errno says why */
#define EDIT_TOO_LONG	-3	/* the line did not fit: thrown away */
#define EDIT_INTERRUPT	-4	/* ^C: the line was abandoned */

void edit_init(void);
void edit_restore_terminal(void);
int edit_line(const char *prompt, char *buf, size_t size);

/* A built-in's result when it was used wrongly: print its usage line. */
#define BUILTIN_USAGE	-1

#endif /* _USER_SH_H */
