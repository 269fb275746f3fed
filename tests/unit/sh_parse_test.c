// SPDX-License-Identifier: GPL-2.0
/*
 * tests/unit/sh_parse_test.c - the shell's parser (user/sh_parse.c) on
 * the host: words and quoting, expansions, pipelines, redirections, ';'
 * and '&', and the errors a person makes typing.
 */
#include <stdlib.h>
#include <string.h>
#include "sh_parse.h"
#include "unit.h"

static struct sh_line line;

static char *test_getenv(const char *name)
{
	static char home[] = "/root", spaced[] = "a  b", big[2000];

	if (!strcmp(name, "HOME"))
		return home;
	if (!strcmp(name, "SPACED"))
		return spaced;
	if (!strcmp(name, "BIG")) {
		memset(big, 'x', sizeof(big) - 1);
		return big;
	}
	return NULL;
}

static const struct sh_params params = {
	.status = 42, .pid = 1234, .getenv = test_getenv,
};

static int parse(const char *text)
{
	return sh_parse(text, &params, &line);
}

/* The words of command @c of pipeline @p, joined by '|' for checking. */
static const char *words(int p, int c)
{
	static char joined[SH_TEXT_MAX];
	const struct sh_command *cmd = &line.pipelines[p].commands[c];

	joined[0] = '\0';
	for (int i = 0; i < cmd->argc; i++) {
		if (i)
			strcat(joined, "|");
		strcat(joined, cmd->argv[i]);
	}
	return cmd->argv[cmd->argc] == NULL ? joined : "(no NULL)";
}

UNIT_TEST(sh_parse_splits_words_at_blanks)
{
	CHECK_EQ(parse("  echo   a\tb  "), 0);
	CHECK_EQ(line.nr_pipelines, 1);
	CHECK_EQ(line.pipelines[0].nr_commands, 1);
	CHECK_EQ(line.pipelines[0].commands[0].argc, 3);
	CHECK_STR(words(0, 0), "echo|a|b");
	CHECK_STR(line.pipelines[0].text, "echo   a\tb");
	CHECK(!line.pipelines[0].background);
	CHECK_EQ(parse("ls\n"), 0);
	CHECK_STR(words(0, 0), "ls");
}

UNIT_TEST(sh_parse_blank_line_and_comment_are_nothing)
{
	CHECK_EQ(parse(""), 0);
	CHECK_EQ(line.nr_pipelines, 0);
	CHECK_EQ(parse("   \t \n"), 0);
	CHECK_EQ(line.nr_pipelines, 0);
	CHECK_EQ(parse("# a comment | with ; operators"), 0);
	CHECK_EQ(line.nr_pipelines, 0);
	CHECK_EQ(parse("echo a #b c"), 0);
	CHECK_STR(words(0, 0), "echo|a");
	/* Inside a word '#' is an ordinary character. */
	CHECK_EQ(parse("echo a#b"), 0);
	CHECK_STR(words(0, 0), "echo|a#b");
}

UNIT_TEST(sh_parse_quotes)
{
	CHECK_EQ(parse("echo 'a  b' \"c  d\" e\\ f"), 0);
	CHECK_STR(words(0, 0), "echo|a  b|c  d|e f");
	/* Pieces glued together make one word. */
	CHECK_EQ(parse("echo \"a\"'b'c\\d"), 0);
	CHECK_STR(words(0, 0), "echo|abcd");
	/* Operators and $ lose their meaning in single quotes... */
	CHECK_EQ(parse("echo '| ; & < > $? \\ \"'"), 0);
	CHECK_STR(words(0, 0), "echo|| ; & < > $? \\ \"");
	/* ...and in double quotes all but $ and four backslash escapes. */
	CHECK_EQ(parse("echo \"| ; & < > ' \\a \\\" \\\\ \\$\""), 0);
	CHECK_STR(words(0, 0), "echo|| ; & < > ' \\a \" \\ $");
	CHECK_EQ(parse("echo \\| \\; \\& \\< \\>"), 0);
	CHECK_STR(words(0, 0), "echo|||;|&|<|>");
	/* An empty pair of quotes is an empty word, still a word. */
	CHECK_EQ(parse("echo '' \"\""), 0);
	CHECK_EQ(line.pipelines[0].commands[0].argc, 3);
	CHECK_STR(line.pipelines[0].commands[0].argv[1], "");
	/* A backslash at the very end escapes nothing and goes away. */
	CHECK_EQ(parse("echo a\\"), 0);
	CHECK_STR(words(0, 0), "echo|a");
}

UNIT_TEST(sh_parse_expands_parameters)
{
	CHECK_EQ(parse("echo $? $$ $HOME ${HOME}/x \"$?\" '$?'"), 0);
	CHECK_STR(words(0, 0), "echo|42|1234|/root|/root/x|42|$?");
	CHECK_EQ(parse("echo a$HOME.b"), 0);
	CHECK_STR(words(0, 0), "echo|a/root.b");
	/* No word splitting of values. */
	CHECK_EQ(parse("echo $SPACED"), 0);
	CHECK_STR(words(0, 0), "echo|a  b");
	/* An unset variable is no word unless quoted. */
	CHECK_EQ(parse("echo $UNSET x"), 0);
	CHECK_STR(words(0, 0), "echo|x");
	CHECK_EQ(parse("echo \"$UNSET\" x"), 0);
	CHECK_EQ(line.pipelines[0].commands[0].argc, 3);
	/* A $ that starts nothing stays. */
	CHECK_EQ(parse("echo $ a$ $1 \"$\""), 0);
	CHECK_STR(words(0, 0), "echo|$|a$|$1|$");
	/* A command of nothing but an unset variable is an empty one. */
	CHECK_EQ(parse("$UNSET"), 0);
	CHECK_EQ(line.nr_pipelines, 1);
	CHECK_EQ(line.pipelines[0].commands[0].argc, 0);
	CHECK(line.pipelines[0].commands[0].argv[0] == NULL);
}

UNIT_TEST(sh_parse_pipelines)
{
	CHECK_EQ(parse("ls /bin | grep -c . | wc -l|head -n 1|cat"), 0);
	CHECK_EQ(line.nr_pipelines, 1);
	CHECK_EQ(line.pipelines[0].nr_commands, 5);
	CHECK_STR(words(0, 0), "ls|/bin");
	CHECK_STR(words(0, 1), "grep|-c|.");
	CHECK_STR(words(0, 2), "wc|-l");
	CHECK_STR(words(0, 3), "head|-n|1");
	CHECK_STR(words(0, 4), "cat");
	CHECK_STR(line.pipelines[0].text,
		  "ls /bin | grep -c . | wc -l|head -n 1|cat");
}

UNIT_TEST(sh_parse_semicolons_and_background)
{
	CHECK_EQ(parse("spin 1 & echo a; echo b ;sleep 2&"), 0);
	CHECK_EQ(line.nr_pipelines, 4);
	CHECK_STR(words(0, 0), "spin|1");
	CHECK(line.pipelines[0].background);
	CHECK_STR(line.pipelines[0].text, "spin 1");
	CHECK_STR(words(1, 0), "echo|a");
	CHECK(!line.pipelines[1].background);
	CHECK_STR(words(2, 0), "echo|b");
	CHECK_STR(line.pipelines[2].text, "echo b");
	CHECK_STR(words(3, 0), "sleep|2");
	CHECK(line.pipelines[3].background);
	/* Where each one's successor starts, to parse it again later. */
	CHECK_STR(line.pipelines[0].rest, " echo a; echo b ;sleep 2&");
	CHECK_STR(line.pipelines[2].rest, "sleep 2&");
	CHECK_STR(line.pipelines[3].rest, "");
	CHECK_EQ(parse("a | b &"), 0);
	CHECK_EQ(line.nr_pipelines, 1);
	CHECK_EQ(line.pipelines[0].nr_commands, 2);
	CHECK(line.pipelines[0].background);
	CHECK_STR(line.pipelines[0].text, "a | b");
	CHECK_EQ(parse("echo a;"), 0);
	CHECK_EQ(line.nr_pipelines, 1);
}

UNIT_TEST(sh_parse_redirections)
{
	const struct sh_command *c;

	CHECK_EQ(parse("cat < in > out 2>>log"), 0);
	c = &line.pipelines[0].commands[0];
	CHECK_STR(words(0, 0), "cat");
	CHECK_EQ(c->nr_redirs, 3);
	CHECK_EQ(c->redirs[0].type, SH_REDIR_IN);
	CHECK_EQ(c->redirs[0].fd, 0);
	CHECK_STR(c->redirs[0].path, "in");
	CHECK_EQ(c->redirs[1].type, SH_REDIR_OUT);
	CHECK_EQ(c->redirs[1].fd, 1);
	CHECK_STR(c->redirs[1].path, "out");
	CHECK_EQ(c->redirs[2].type, SH_REDIR_APPEND);
	CHECK_EQ(c->redirs[2].fd, 2);
	CHECK_STR(c->redirs[2].path, "log");
	/* Glued or spaced, anywhere among the words, in typed order. */
	CHECK_EQ(parse("echo>a x >>b y 2>&1 <&3"), 0);
	c = &line.pipelines[0].commands[0];
	CHECK_STR(words(0, 0), "echo|x|y");
	CHECK_EQ(c->nr_redirs, 4);
	CHECK_EQ(c->redirs[0].type, SH_REDIR_OUT);
	CHECK_STR(c->redirs[0].path, "a");
	CHECK_EQ(c->redirs[1].type, SH_REDIR_APPEND);
	CHECK_STR(c->redirs[1].path, "b");
	CHECK_EQ(c->redirs[2].type, SH_REDIR_DUP);
	CHECK_EQ(c->redirs[2].fd, 2);
	CHECK_EQ(c->redirs[2].dup_fd, 1);
	CHECK_EQ(c->redirs[3].type, SH_REDIR_DUP);
	CHECK_EQ(c->redirs[3].fd, 0);
	CHECK_EQ(c->redirs[3].dup_fd, 3);
	/* Digits are a descriptor only glued to the operator... */
	CHECK_EQ(parse("echo 2 >x a2>y '2'>z"), 0);
	c = &line.pipelines[0].commands[0];
	CHECK_STR(words(0, 0), "echo|2|a2|2");
	CHECK_EQ(c->redirs[0].fd, 1);
	CHECK_EQ(c->redirs[1].fd, 1);
	CHECK_EQ(c->redirs[2].fd, 1);
	/* ...and a quoted file name is taken as it is. */
	CHECK_EQ(parse("echo > 'a b' >$HOME/x"), 0);
	c = &line.pipelines[0].commands[0];
	CHECK_STR(c->redirs[0].path, "a b");
	CHECK_STR(c->redirs[1].path, "/root/x");
	/* Each command of a pipeline has its own. */
	CHECK_EQ(parse("a 2>&1 | b > f"), 0);
	CHECK_EQ(line.pipelines[0].commands[0].nr_redirs, 1);
	CHECK_EQ(line.pipelines[0].commands[1].nr_redirs, 1);
	CHECK_STR(line.pipelines[0].commands[1].redirs[0].path, "f");
	/* Redirections alone make a command (it creates the file). */
	CHECK_EQ(parse("> empty"), 0);
	CHECK_EQ(line.pipelines[0].commands[0].argc, 0);
	CHECK_EQ(line.pipelines[0].commands[0].nr_redirs, 1);
	CHECK_STR(line.pipelines[0].text, "> empty");
}

static void check_error(const char *text, const char *error)
{
	line.error[0] = '\0';
	if (parse(text) != -1)
		unit_fail(__FILE__, __LINE__, "%s: no error", text);
	else if (strcmp(line.error, error))
		unit_fail(__FILE__, __LINE__, "%s: \"%s\" != \"%s\"", text,
			  line.error, error);
}

UNIT_TEST(sh_parse_errors)
{
	check_error("echo 'abc", "unterminated quote");
	check_error("echo \"abc", "unterminated quote");
	check_error("echo \"a'b", "unterminated quote");
	check_error("echo a |", "missing command after `|'");
	check_error("echo a | ;", "missing command after `|'");
	check_error("echo a | &", "missing command after `|'");
	check_error("| echo", "syntax error near `|'");
	check_error("; echo", "syntax error near `;'");
	check_error("echo a;;", "syntax error near `;'");
	check_error("& echo", "syntax error near `&'");
	check_error("a && b", "`&&' and `||' are not supported");
	check_error("a || b", "`&&' and `||' are not supported");
	check_error("echo >", "missing file name after `>'");
	check_error("echo >> ", "missing file name after `>>'");
	check_error("cat <", "missing file name after `<'");
	check_error("echo > | cat", "missing file name after `>'");
	check_error("echo > ;", "missing file name after `>'");
	check_error("echo > $UNSET", "missing file name after `>'");
	check_error("echo 2>&", "missing descriptor after `>&'");
	check_error("echo 2>&x", "`>&' needs a descriptor from 0 to 9");
	check_error("echo 2>&12", "`>&' needs a descriptor from 0 to 9");
	check_error("echo 12>x", "descriptor 12 out of range (0-9)");
	check_error("echo ${HOME", "unterminated ${");
	check_error("echo ${}", "bad substitution");
	check_error("echo ${a-b}", "bad substitution");
	check_error("echo ${1x}", "bad substitution");
	check_error("echo $A2345678901234567890123456789012345678901234567890"
		    "12345678901234567890", "variable name too long");
}

UNIT_TEST(sh_parse_long_lines)
{
	static char text[SH_LINE_MAX + 100];

	/* The longest line, as many commands as fit: all kept. */
	for (int i = 0; i < SH_LINE_MAX - 1; i++)
		text[i] = i % 2 ? '|' : 'a';
	text[SH_LINE_MAX - 1] = '\0';
	CHECK_EQ(parse(text), 0);
	CHECK_EQ(line.pipelines[0].nr_commands, SH_LINE_MAX / 2);
	for (int i = 0; i < SH_LINE_MAX - 1; i++)
		text[i] = i % 2 ? ';' : 'a';
	CHECK_EQ(parse(text), 0);
	CHECK_EQ(line.nr_pipelines, SH_LINE_MAX / 2);
	for (int i = 0; i < SH_LINE_MAX - 1; i++)
		text[i] = i % 2 ? '<' : 'a';
	CHECK_EQ(parse(text), 0);
	CHECK_EQ(line.pipelines[0].commands[0].nr_redirs, SH_LINE_MAX / 2 - 1);
	for (int i = 0; i < SH_LINE_MAX - 1; i++)
		text[i] = i % 2 ? ' ' : 'a';
	CHECK_EQ(parse(text), 0);
	CHECK_EQ(line.pipelines[0].commands[0].argc, SH_LINE_MAX / 2);
	/* One more character is refused, whole. */
	memset(text, 'a', SH_LINE_MAX);
	text[SH_LINE_MAX] = '\0';
	check_error(text, "line too long (max 1023 characters)");
	/* Expansions past the room for words are refused too. */
	strcpy(text, "echo $BIG $BIG");
	CHECK_EQ(parse(text), 0);
	strcpy(text, "echo");
	for (int i = 0; i < 3; i++)
		strcat(text, " $BIG");
	check_error(text, "line too long once expanded");
}
