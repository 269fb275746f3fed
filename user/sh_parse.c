// SPDX-License-Identifier: GPL-2.0
/*
 * user/sh_parse.c - the shell's parser: a command line becomes pipelines
 * of commands, each with its words and redirections.
 *
 * Linux 2.6: no counterpart in the kernel; the grammar is a small part
 * of POSIX's Shell Command Language (what busybox ash and bash accept):
 *
 *	line      := pipeline { (';' | '&') pipeline } [';' | '&'] ['#' ...]
 *	pipeline  := command { '|' command }
 *	command   := { word | redirection }
 *	redirection := [N] ('<' | '>' | '>>') word  |  [N] ('>&' | '<&') M
 *
 * One pass from left to right, no tokens kept: each word is copied into
 * out->text as it is read, with its quotes removed ('...' keeps
 * everything, "..." expands $ and honours \" \\ \$, a backslash outside
 * quotes keeps the next character) and $?, $$, $NAME, ${NAME} replaced
 * by their values.  A word of digits glued to '<' or '>' is the
 * descriptor of the redirection (2>file, 2>&1), as in every Unix shell.
 * There is no word splitting of expanded values and no globbing.
 *
 * No system call and no allocation: the result points into struct
 * sh_line, so the parser is tested on the host (tests/unit/
 * sh_parse_test.c).  Next: user/sh_run.c runs the pipelines.
 */
#include <stdio.h>
#include <string.h>
#include "sh_parse.h"

#define NAME_MAX_LEN	64	/* the longest $NAME looked up */

struct parser {
	const char *p;			/* the next character to read */
	const struct sh_params *params;
	struct sh_line *out;
	struct sh_pipeline *pipeline;	/* being built, or NULL */
	struct sh_command *command;	/* being built, or NULL */
	const char *pipeline_start;	/* where its text starts */
};

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static bool is_end(char c)
{
	return c == '\0' || c == '\n';
}

/* The characters that end an unquoted word. */
static bool is_operator(char c)
{
	return c == '|' || c == ';' || c == '&' || c == '<' || c == '>';
}

static bool is_name_char(char c, bool first)
{
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (!first && c >= '0' && c <= '9');
}

static int fail(struct parser *ps, const char *fmt, const char *what)
{
	snprintf(ps->out->error, sizeof(ps->out->error), fmt, what);
	return -1;
}

static int put_char(struct parser *ps, char c)
{
	struct sh_line *out = ps->out;

	if (out->text_len >= sizeof(out->text))
		return fail(ps, "%s", "line too long once expanded");
	out->text[out->text_len++] = c;
	return 0;
}

static int put_string(struct parser *ps, const char *s)
{
	for (; *s; s++)
		if (put_char(ps, *s) < 0)
			return -1;
	return 0;
}

static int put_number(struct parser *ps, int value)
{
	char digits[16];

	snprintf(digits, sizeof(digits), "%d", value);
	return put_string(ps, digits);
}

/*
 * At a '$': puts its value into the word and steps past it.  A '$'
 * followed by nothing it knows stays a '$' (as "$ 5" in other shells).
 */
static int expand(struct parser *ps)
{
	const char *p = ps->p + 1, *start, *end;
	char name[NAME_MAX_LEN + 1];
	const char *value;

	if (*p == '?' || *p == '$') {
		ps->p = p + 1;
		return put_number(ps, *p == '?' ? ps->params->status :
				  ps->params->pid);
	}
	if (*p == '{') {
		start = p + 1;
		end = strchr(start, '}');
		if (!end)
			return fail(ps, "%s", "unterminated ${");
		ps->p = end + 1;
	} else if (is_name_char(*p, true)) {
		start = end = p;
		while (is_name_char(*end, false))
			end++;
		ps->p = end;
	} else {
		ps->p = p;
		return put_char(ps, '$');
	}
	if (end == start || !is_name_char(*start, true))
		return fail(ps, "%s", "bad substitution");
	for (p = start; p < end; p++)
		if (!is_name_char(*p, false))
			return fail(ps, "%s", "bad substitution");
	if (end - start > NAME_MAX_LEN)
		return fail(ps, "%s", "variable name too long");
	memcpy(name, start, end - start);
	name[end - start] = '\0';
	value = ps->params->getenv ? ps->params->getenv(name) : NULL;
	return value ? put_string(ps, value) : 0;
}

/* Inside "...", from after the opening quote to after the closing one. */
static int read_double_quoted(struct parser *ps)
{
	for (;;) {
		char c = *ps->p;

		if (c == '\0')
			return fail(ps, "%s", "unterminated quote");
		if (c == '"') {
			ps->p++;
			return 0;
		}
		if (c == '$') {
			if (expand(ps) < 0)
				return -1;
			continue;
		}
		/* Only these lose their backslash inside double quotes. */
		if (c == '\\' && ps->p[1] && strchr("\"\\$`", ps->p[1]))
			c = *++ps->p;
		if (put_char(ps, c) < 0)
			return -1;
		ps->p++;
	}
}

/*
 * Reads the word at ps->p into out->text, NUL-terminated, at *@word.
 * *@digits: it was nothing but unquoted digits (maybe a descriptor);
 * *@dropped: it expanded to nothing and had no quotes (so it is no word
 * at all, as an unset $VAR in other shells).
 */
static int read_word(struct parser *ps, char **word, bool *digits,
		     bool *dropped)
{
	struct sh_line *out = ps->out;
	size_t start = out->text_len;
	bool quoted = false;

	*digits = true;
	while (!is_end(*ps->p) && !is_blank(*ps->p) && !is_operator(*ps->p)) {
		char c = *ps->p;

		if (c < '0' || c > '9')
			*digits = false;
		if (c == '\'') {
			const char *close = strchr(ps->p + 1, '\'');

			if (!close)
				return fail(ps, "%s", "unterminated quote");
			for (const char *q = ps->p + 1; q < close; q++)
				if (put_char(ps, *q) < 0)
					return -1;
			ps->p = close + 1;
			quoted = true;
		} else if (c == '"') {
			ps->p++;
			if (read_double_quoted(ps) < 0)
				return -1;
			quoted = true;
		} else if (c == '$') {
			if (expand(ps) < 0)
				return -1;
		} else if (c == '\\') {
			/* A backslash at the very end escapes nothing. */
			if (!is_end(ps->p[1]) && put_char(ps, ps->p[1]) < 0)
				return -1;
			ps->p += is_end(ps->p[1]) ? 1 : 2;
			quoted = true;
		} else {
			if (put_char(ps, c) < 0)
				return -1;
			ps->p++;
		}
	}
	if (put_char(ps, '\0') < 0)
		return -1;
	*word = out->text + start;
	*dropped = !quoted && out->text_len == start + 1;
	return 0;
}

/* The command that words and redirections go to, started if need be. */
static struct sh_command *current_command(struct parser *ps,
					  const char *at)
{
	struct sh_line *out = ps->out;

	if (!ps->pipeline) {
		ps->pipeline = &out->pipelines[out->nr_pipelines];
		memset(ps->pipeline, 0, sizeof(*ps->pipeline));
		ps->pipeline->commands = &out->commands[out->nr_commands];
		ps->pipeline_start = at;
	}
	if (!ps->command) {
		ps->command = &out->commands[out->nr_commands++];
		memset(ps->command, 0, sizeof(*ps->command));
		ps->command->argv = &out->words[out->nr_words];
		ps->command->redirs = &out->redirs[out->nr_redirs];
		ps->pipeline->nr_commands++;
	}
	return ps->command;
}

/* Adds @word, which starts at @at in the line, to the command. */
static void add_word(struct parser *ps, char *word, const char *at)
{
	current_command(ps, at)->argc++;
	ps->out->words[ps->out->nr_words++] = word;
}

static void end_command(struct parser *ps)
{
	ps->out->words[ps->out->nr_words++] = NULL;
	ps->command = NULL;
}

/* Ends the pipeline at @end (its ';', '&' or the end of the line). */
static int end_pipeline(struct parser *ps, const char *end, bool background)
{
	struct sh_line *out = ps->out;
	const char *start = ps->pipeline_start;
	size_t len;

	end_command(ps);
	while (end > start && is_blank(end[-1]))
		end--;
	len = end - start;
	if (out->text_len + len + 1 > sizeof(out->text))
		return fail(ps, "%s", "line too long once expanded");
	memcpy(out->text + out->text_len, start, len);
	out->text[out->text_len + len] = '\0';
	ps->pipeline->text = out->text + out->text_len;
	out->text_len += len + 1;
	ps->pipeline->background = background;
	ps->pipeline->rest = ps->p;
	out->nr_pipelines++;
	ps->pipeline = NULL;
	return 0;
}

/*
 * At '<' or '>': reads the operator and its file (or descriptor) into a
 * redirection of descriptor @fd (-1: the operator's default).
 */
static int read_redirection(struct parser *ps, int fd, const char *at)
{
	struct sh_redir *r;
	char op[4] = { *ps->p };
	bool digits, dropped;
	char *word;

	r = &ps->out->redirs[ps->out->nr_redirs];
	r->type = *ps->p == '<' ? SH_REDIR_IN : SH_REDIR_OUT;
	ps->p++;
	if (op[0] == '>' && *ps->p == '>') {
		r->type = SH_REDIR_APPEND;
		op[1] = *ps->p++;
	} else if (*ps->p == '&') {
		r->type = SH_REDIR_DUP;
		op[1] = *ps->p++;
	}
	if (fd < 0)
		fd = op[0] == '<' ? 0 : 1;
	r->fd = fd;
	while (is_blank(*ps->p))
		ps->p++;
	if (is_end(*ps->p) || is_operator(*ps->p) || *ps->p == '#')
		return fail(ps, r->type == SH_REDIR_DUP ?
			    "missing descriptor after `%s'" :
			    "missing file name after `%s'", op);
	if (read_word(ps, &word, &digits, &dropped) < 0)
		return -1;
	if (r->type == SH_REDIR_DUP) {
		if (!digits || strlen(word) > 1)
			return fail(ps, "`%s' needs a descriptor from 0 to 9",
				    op);
		r->dup_fd = word[0] - '0';
	} else {
		if (dropped || !*word)
			return fail(ps, "missing file name after `%s'", op);
		r->path = word;
	}
	current_command(ps, at)->nr_redirs++;
	ps->out->nr_redirs++;
	return 0;
}

/* At '|', ';' or '&', outside a word. */
static int read_operator(struct parser *ps)
{
	char c = *ps->p;
	const char *at = ps->p;

	if ((c == '&' || c == '|') && ps->p[1] == c)
		return fail(ps, "%s", "`&&' and `||' are not supported");
	ps->p++;
	if (!ps->command) {
		char op[2] = { c };

		/* "a | ;": the '|' waits for a command that never came. */
		if (ps->pipeline)
			return fail(ps, "%s", "missing command after `|'");
		return fail(ps, "syntax error near `%s'", op);
	}
	if (c == '|') {
		end_command(ps);
		return 0;
	}
	return end_pipeline(ps, at, c == '&');
}

/**
 * sh_parse - make pipelines of a command line
 * @line: the text typed, NUL-terminated (a '\n' ends it too)
 * @params: the values of $? and $$, and the environment for $NAME
 * @out: filled in; its pipelines point into its own storage
 *
 * Context: pure: no system call, no allocation, callable on the host.
 * Return: 0 with out->nr_pipelines pipelines (0 for a blank line or a
 * comment), or -1 with the reason in out->error: "unterminated quote",
 * "syntax error near `;'", "missing command after `|'", "missing file
 * name after `>'", ...
 */
int sh_parse(const char *line, const struct sh_params *params,
	     struct sh_line *out)
{
	struct parser ps = { .p = line, .params = params, .out = out };

	out->nr_pipelines = out->nr_commands = 0;
	out->nr_redirs = out->nr_words = 0;
	out->text_len = 0;
	out->error[0] = '\0';
	if (strnlen(line, SH_LINE_MAX) >= SH_LINE_MAX) {
		snprintf(out->error, sizeof(out->error),
			 "line too long (max %d characters)", SH_LINE_MAX - 1);
		return -1;
	}
	for (;;) {
		const char *at;
		bool digits, dropped;
		char *word;

		while (is_blank(*ps.p))
			ps.p++;
		at = ps.p;
		if (is_end(*ps.p) || *ps.p == '#')
			break;
		if (*ps.p == '|' || *ps.p == ';' || *ps.p == '&') {
			if (read_operator(&ps) < 0)
				return -1;
			continue;
		}
		if (*ps.p == '<' || *ps.p == '>') {
			if (read_redirection(&ps, -1, at) < 0)
				return -1;
			continue;
		}
		if (read_word(&ps, &word, &digits, &dropped) < 0)
			return -1;
		if (digits && (*ps.p == '<' || *ps.p == '>')) {
			int fd = strlen(word) == 1 ? word[0] - '0' : -1;

			/* Not a word: the descriptor of "2>". */
			ps.out->text_len = word - ps.out->text;
			if (fd < 0)
				return fail(&ps, "descriptor %s out of range "
					    "(0-9)", word);
			if (read_redirection(&ps, fd, at) < 0)
				return -1;
		} else if (dropped) {
			/* "$UNSET | cat": still a command, if an empty one. */
			current_command(&ps, at);
		} else {
			add_word(&ps, word, at);
		}
	}
	if (ps.pipeline && !ps.command)
		return fail(&ps, "%s", "missing command after `|'");
	if (ps.command)
		return end_pipeline(&ps, ps.p, false);
	return 0;
}
