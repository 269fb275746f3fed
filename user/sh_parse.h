/* SPDX-License-Identifier: GPL-2.0 */
/*
 * user/sh_parse.h - the shell's command-line parser: from the text of a
 * line to pipelines of commands with their words and redirections.
 *
 * Linux 2.6: no counterpart in the kernel (this is the grammar of
 * POSIX's "Shell Command Language", a small part of it).  The parser is
 * a pure function of the line and of the values $? and $$ stand for: no
 * system call, no allocation (everything lands in struct sh_line), so
 * the same file is compiled for the host and tested there
 * (tests/unit/sh_parse_test.c).  user/sh_run.c runs what it produces.
 */
#ifndef _USER_SH_PARSE_H
#define _USER_SH_PARSE_H

#include <stdbool.h>
#include <stddef.h>

#define SH_LINE_MAX	1024	/* a command line's room, with its NUL */
#define SH_TEXT_MAX	(4 * SH_LINE_MAX)	/* the words, expanded */
#define SH_FD_MAX	9	/* the highest fd a redirection names */

/*
 * Every word, operator or redirection takes at least one character of
 * the line, and a command or pipeline at least one more: so a line of
 * SH_LINE_MAX characters fits in these, and only a $VAR expanding into
 * more than SH_TEXT_MAX characters can make a parse fail for room.
 */
#define SH_ITEMS_MAX	(SH_LINE_MAX / 2 + 1)

enum sh_redir_type {
	SH_REDIR_IN,		/* N<path: read (N = 0) */
	SH_REDIR_OUT,		/* N>path: create or truncate (N = 1) */
	SH_REDIR_APPEND,	/* N>>path: create, write at the end (N = 1) */
	SH_REDIR_DUP,		/* N>&M or N<&M: N becomes a copy of M */
};

struct sh_redir {
	enum sh_redir_type type;
	int fd;			/* the descriptor it sets up */
	int dup_fd;		/* SH_REDIR_DUP: the descriptor copied */
	const char *path;	/* the others: the file */
};

/* One program (or built-in) with its arguments and redirections. */
struct sh_command {
	int argc;		/* may be 0: only redirections ("> file") */
	char **argv;		/* argc words, then NULL */
	int nr_redirs;
	struct sh_redir *redirs;	/* in the order typed */
};

/* Commands joined by '|', each one's stdout the next one's stdin. */
struct sh_pipeline {
	int nr_commands;
	struct sh_command *commands;
	bool background;	/* ended by '&' */
	const char *text;	/* as typed, without the ';' or '&' (jobs) */
	const char *rest;	/* in the line: what follows its ';' or '&' */
};

/* What sh_parse() makes of a line: pipelines to run one after another. */
struct sh_line {
	int nr_pipelines;
	struct sh_pipeline pipelines[SH_ITEMS_MAX];
	char error[96];		/* why it was refused (no "sh: ") */

	/* The storage the pipelines point into. */
	struct sh_command commands[SH_ITEMS_MAX];
	struct sh_redir redirs[SH_ITEMS_MAX];
	char *words[2 * SH_ITEMS_MAX];
	char text[SH_TEXT_MAX];
	int nr_commands, nr_redirs, nr_words;
	size_t text_len;
};

/* The values of the shell's parameters, for the expansions. */
struct sh_params {
	int status;		/* $?: the last pipeline's exit status */
	int pid;		/* $$: the shell's process id */
	/* $NAME and ${NAME}: the environment's value, or NULL (empty). */
	char *(*getenv)(const char *name);
};

int sh_parse(const char *line, const struct sh_params *params,
	     struct sh_line *out);

#endif /* _USER_SH_PARSE_H */
