// SPDX-License-Identifier: GPL-2.0
/*
 * user/sh_edit.c - the shell's line editor: the terminal in raw mode,
 * the keys that move and edit, a history on Up and Down.
 *
 * Linux 2.6: no counterpart in the kernel, which gives a program either
 * lines (canonical mode: n_tty edits the line, read returns it whole) or
 * keys (raw mode).  Line editing with arrows needs the keys: the editor
 * clears ICANON, ECHO, ISIG and IEXTEN with tcsetattr() (termios), asks
 * for one byte per read (VMIN 1), echoes and edits the line itself, and
 * puts the terminal's modes back before the line runs, so that programs
 * get the terminal as it was.  ISIG is off so that ^C comes as a byte
 * (the line is dropped, as in bash) rather than a SIGINT to the shell.
 *
 * The screen is updated with nothing but printable characters, '\b' and
 * spaces, which both the serial terminal and the VGA console understand:
 * moving left is '\b', moving right is rewriting the character, and an
 * edit in the middle rewrites the rest of the line.  So the line must
 * fit on one row of the screen to look right (it still works if not).
 *
 * Keys: Left/Right, Home/End (and ^A/^E), Backspace, Delete, ^U (erase
 * to the start), ^K (erase to the end), ^W (erase a word), Up/Down (the
 * history), ^L (redraw), ^C (drop the line), ^D (end of input on an
 * empty line, else Delete).  The arrows come as escape sequences: ESC [
 * A, or ESC O A in the terminal's "application" mode; Home, End and
 * Delete as ESC [ H / F or ESC [ 1 ~ / 4 ~ / 3 ~.
 *
 * When there is no termios (tcgetattr fails: not a terminal, or a
 * kernel without TCGETS), the editor falls back to reading whole lines,
 * edited by the kernel's line discipline.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include "sh.h"

#define HISTORY_MAX	64	/* lines kept for Up and Down */
#define CTRL(c)		((c) & 0x1f)
#define KEY_ESC		0x1b
#define KEY_DEL		0x7f	/* what Backspace sends */

/* Keys that arrive as escape sequences, numbered above the bytes. */
enum {
	KEY_UP = 256,
	KEY_DOWN,
	KEY_RIGHT,
	KEY_LEFT,
	KEY_HOME,
	KEY_END,
	KEY_DELETE,
	KEY_UNKNOWN,
};

#define KEY_EOF		-1	/* read_key(): end of input */
#define KEY_ERROR	-2	/* read_key(): read failed, errno says why */
#define RAW_REFUSED	-100	/* edit_raw(): tcsetattr said no */

static struct termios shell_modes;	/* the terminal's modes at start */
static bool have_termios;
static int termios_errno;		/* why not, for the message */

static char *history[HISTORY_MAX];
static int history_len;

struct editor {
	char *buf;		/* the line, NUL-terminated */
	size_t size;		/* room in buf */
	size_t len, pos;	/* its length, the cursor */
	bool overflow;		/* characters were dropped: too long */
	int browse;		/* history line shown (history_len: none) */
	char *draft;		/* what was typed before browsing */
	char out[2 * SH_LINE_MAX + 64];	/* screen updates, one write */
	size_t out_len;
};

/**
 * edit_init - see whether the terminal can be put in raw mode
 *
 * Keeps the modes it has now, which each line and each job get back.
 */
void edit_init(void)
{
	have_termios = tcgetattr(STDIN_FILENO, &shell_modes) == 0;
	if (!have_termios)
		termios_errno = errno;
}

/**
 * edit_restore_terminal - give the terminal the shell's modes back
 *
 * After a job: a program killed in raw mode (an editor, say) would
 * otherwise leave the terminal without echo.
 */
void edit_restore_terminal(void)
{
	if (have_termios)
		tcsetattr(STDIN_FILENO, TCSADRAIN, &shell_modes);
}

static void put(struct editor *e, const char *s, size_t n)
{
	if (e->out_len + n > sizeof(e->out))
		n = sizeof(e->out) - e->out_len;
	memcpy(e->out + e->out_len, s, n);
	e->out_len += n;
}

static void put_repeat(struct editor *e, char c, size_t n)
{
	while (n--)
		put(e, &c, 1);
}

static void flush(struct editor *e)
{
	for (size_t done = 0; done < e->out_len;) {
		ssize_t n = write(STDERR_FILENO, e->out + done,
				  e->out_len - done);

		if (n <= 0)
			break;
		done += n;
	}
	e->out_len = 0;
}

/* Rewrites the line from the cursor on, erasing @erase more columns. */
static void redraw_tail(struct editor *e, size_t erase)
{
	put(e, e->buf + e->pos, e->len - e->pos);
	put_repeat(e, ' ', erase);
	put_repeat(e, '\b', e->len - e->pos + erase);
}

static void move_to(struct editor *e, size_t pos)
{
	if (pos < e->pos)
		put_repeat(e, '\b', e->pos - pos);
	else
		put(e, e->buf + e->pos, pos - e->pos);
	e->pos = pos;
}

static void insert(struct editor *e, char c)
{
	if (e->len + 1 >= e->size) {
		e->overflow = true;	/* said when Enter is pressed */
		return;
	}
	memmove(e->buf + e->pos + 1, e->buf + e->pos, e->len - e->pos);
	e->buf[e->pos] = c;
	e->len++;
	put(e, &c, 1);
	e->pos++;
	redraw_tail(e, 0);
}

/* Removes the @n characters before the cursor. */
static void erase_before(struct editor *e, size_t n)
{
	if (n > e->pos)
		n = e->pos;
	move_to(e, e->pos - n);
	memmove(e->buf + e->pos, e->buf + e->pos + n, e->len - e->pos - n);
	e->len -= n;
	redraw_tail(e, n);
}

/* Removes the @n characters from the cursor on. */
static void erase_after(struct editor *e, size_t n)
{
	if (n > e->len - e->pos)
		n = e->len - e->pos;
	memmove(e->buf + e->pos, e->buf + e->pos + n, e->len - e->pos - n);
	e->len -= n;
	redraw_tail(e, n);
}

/* Replaces the whole line with @text (from the history). */
static void replace_line(struct editor *e, const char *text)
{
	size_t old_len = e->len, len = strlen(text);

	if (len >= e->size)
		len = e->size - 1;
	move_to(e, 0);
	memcpy(e->buf, text, len);
	e->len = len;
	put(e, e->buf, len);
	e->pos = len;
	if (old_len > len) {
		put_repeat(e, ' ', old_len - len);
		put_repeat(e, '\b', old_len - len);
	}
}

static char *copy_string(const char *s, size_t len)
{
	char *copy = malloc(len + 1);

	if (copy) {
		memcpy(copy, s, len);
		copy[len] = '\0';
	}
	return copy;
}

/* Up (@step -1) and Down (+1) through the history. */
static void browse_history(struct editor *e, int step)
{
	int to = e->browse + step;

	if (to < 0 || to > history_len)
		return;
	if (e->browse == history_len) {
		free(e->draft);
		e->draft = copy_string(e->buf, e->len);
	}
	e->browse = to;
	replace_line(e, to < history_len ? history[to] :
		     e->draft ? e->draft : "");
}

/* Keeps @line for Up, unless it is empty or the same as the last one. */
static void remember(const char *line, size_t len)
{
	char *copy;

	if (!len || (history_len &&
		     !strcmp(history[history_len - 1], line)))
		return;
	copy = copy_string(line, len);
	if (!copy)
		return;
	if (history_len == HISTORY_MAX) {
		free(history[0]);
		memmove(history, history + 1,
			(HISTORY_MAX - 1) * sizeof(history[0]));
		history_len--;
	}
	history[history_len++] = copy;
}

static int read_byte(unsigned char *c)
{
	ssize_t n = read(STDIN_FILENO, c, 1);

	return n == 1 ? 0 : n == 0 ? KEY_EOF : KEY_ERROR;
}

/*
 * One key: a byte, or one of the KEY_ codes of an escape sequence; or
 * KEY_EOF, KEY_ERROR.
 */
static int read_key(void)
{
	unsigned char c, param = 0;
	int err;

	if ((err = read_byte(&c)))
		return err;
	if (c != KEY_ESC)
		return c;
	if ((err = read_byte(&c)))
		return err;
	if (c != '[' && c != 'O')
		return KEY_UNKNOWN;
	/* Parameters (digits, ';'), then the final byte, @ to ~. */
	do {
		if ((err = read_byte(&c)))
			return err;
		if (c >= '0' && c <= '9' && !param)
			param = c;
	} while (c < '@' || c > '~');
	switch (c) {
	case 'A': return KEY_UP;
	case 'B': return KEY_DOWN;
	case 'C': return KEY_RIGHT;
	case 'D': return KEY_LEFT;
	case 'H': return KEY_HOME;
	case 'F': return KEY_END;
	case '~':
		if (param == '1' || param == '7')
			return KEY_HOME;
		if (param == '4' || param == '8')
			return KEY_END;
		if (param == '3')
			return KEY_DELETE;
		return KEY_UNKNOWN;
	default:
		return KEY_UNKNOWN;
	}
}

/* The length of the word before the cursor, with the blanks after it. */
static size_t word_before(const struct editor *e)
{
	size_t i = e->pos;

	while (i > 0 && e->buf[i - 1] == ' ')
		i--;
	while (i > 0 && e->buf[i - 1] != ' ')
		i--;
	return e->pos - i;
}

/*
 * Handles @key; returns 1 when the line is complete, an EDIT_ code to
 * end the line otherwise, 0 to go on.
 */
static int handle_key(struct editor *e, const char *prompt, int key)
{
	switch (key) {
	case '\r':
	case '\n':
		put(e, "\n", 1);
		return 1;
	case CTRL('C'):
		put(e, "^C\n", 3);
		return EDIT_INTERRUPT;
	case CTRL('D'):
		if (!e->len) {
			put(e, "\n", 1);
			return EDIT_EOF;
		}
		erase_after(e, 1);
		break;
	case KEY_DEL:
	case '\b':
		erase_before(e, 1);
		break;
	case KEY_DELETE:
		erase_after(e, 1);
		break;
	case KEY_LEFT:
	case CTRL('B'):
		if (e->pos > 0)
			move_to(e, e->pos - 1);
		break;
	case KEY_RIGHT:
	case CTRL('F'):
		if (e->pos < e->len)
			move_to(e, e->pos + 1);
		break;
	case KEY_HOME:
	case CTRL('A'):
		move_to(e, 0);
		break;
	case KEY_END:
	case CTRL('E'):
		move_to(e, e->len);
		break;
	case CTRL('U'):
		erase_before(e, e->pos);
		break;
	case CTRL('K'):
		erase_after(e, e->len - e->pos);
		break;
	case CTRL('W'):
		erase_before(e, word_before(e));
		break;
	case KEY_UP:
	case CTRL('P'):
		browse_history(e, -1);
		break;
	case KEY_DOWN:
	case CTRL('N'):
		browse_history(e, +1);
		break;
	case CTRL('L'):
		/* Redraw on a fresh line, e.g. after a kernel report. */
		put(e, "\n", 1);
		put(e, prompt, strlen(prompt));
		put(e, e->buf, e->len);
		put_repeat(e, '\b', e->len - e->pos);
		break;
	default:
		/* Printable ASCII only: others would confuse the cursor. */
		if (key >= ' ' && key < KEY_DEL)
			insert(e, key);
		break;
	}
	return 0;
}

/* Reads and edits one line with the terminal in raw mode. */
static int edit_raw(const char *prompt, char *buf, size_t size)
{
	static struct editor e;
	struct termios raw = shell_modes;
	int result;

	raw.c_lflag &= ~(ICANON | ECHO | ISIG | IEXTEN);
	raw.c_cc[VMIN] = 1;
	raw.c_cc[VTIME] = 0;
	if (tcsetattr(STDIN_FILENO, TCSADRAIN, &raw) < 0)
		return RAW_REFUSED;
	e = (struct editor){ .buf = buf, .size = size,
			     .browse = history_len };
	buf[0] = '\0';
	put(&e, prompt, strlen(prompt));
	for (;;) {
		int key;

		flush(&e);
		key = read_key();
		if (key == KEY_ERROR && errno == EINTR)
			continue;
		if (key == KEY_ERROR) {
			result = EDIT_ERROR;
			break;
		}
		if (key == KEY_EOF) {
			/* What was typed before the end still counts. */
			result = e.len ? 1 : EDIT_EOF;
			put(&e, "\n", 1);
			break;
		}
		result = handle_key(&e, prompt, key);
		if (result)
			break;
	}
	flush(&e);
	tcsetattr(STDIN_FILENO, TCSADRAIN, &shell_modes);
	free(e.draft);
	buf[e.len] = '\0';
	if (result != 1)
		return result;
	if (e.overflow)
		return EDIT_TOO_LONG;
	remember(buf, e.len);
	return e.len;
}

/*
 * Reads one line as the kernel's line discipline hands it over; a line
 * too long for @buf is read to its end and thrown away.
 */
static int edit_plain(const char *prompt, char *buf, size_t size)
{
	ssize_t len;

	dprintf(STDERR_FILENO, "%s", prompt);
	len = read_line(buf, size);
	if (len < 0)
		return EDIT_ERROR;
	if (len == 0)
		return EDIT_EOF;
	if (buf[len - 1] == '\n') {
		buf[--len] = '\0';
	} else if ((size_t)len == size - 1) {
		while ((len = read_line(buf, size)) > 0 &&
		       buf[len - 1] != '\n')
			;
		buf[0] = '\0';
		return EDIT_TOO_LONG;
	}
	/* Arrow keys typed without raw mode arrive as text. */
	if (strchr(buf, KEY_ESC)) {
		dprintf(STDERR_FILENO, "sh: no line editing here (the "
			"terminal's modes: %s)\n", strerror(termios_errno));
		buf[0] = '\0';
		return 0;
	}
	return len;
}

/**
 * edit_line - print @prompt and read one line, edited
 * @prompt: the prompt, printed on stderr
 * @buf: the line, NUL-terminated, without its newline
 * @size: room in @buf
 *
 * In raw mode when the terminal allows it, else line by line.
 * Return: the line's length, or EDIT_EOF, EDIT_ERROR (errno set),
 * EDIT_TOO_LONG, EDIT_INTERRUPT.
 */
int edit_line(const char *prompt, char *buf, size_t size)
{
	if (have_termios) {
		int len = edit_raw(prompt, buf, size);

		if (len != RAW_REFUSED)
			return len;
		/* tcsetattr refused raw mode: do without from now on. */
		termios_errno = errno;
		have_termios = false;
	}
	return edit_plain(prompt, buf, size);
}
