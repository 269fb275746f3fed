// SPDX-License-Identifier: GPL-2.0
/*
 * tests/ktest/tty_test.c - the line discipline (drivers/n_tty.c), fed a
 * byte at a time as the UART's interrupt would feed it, and read back.
 *
 * Linux 2.6: no in-tree counterpart (the tty selftests came later).
 * Each test uses a terminal of its own, set up with n_tty_init() as the
 * console is, whose device writes into a buffer instead of the screen:
 * what the echo showed can be compared byte for byte.  Reads are made
 * into kernel memory (n_tty_read(..., to_user = false)) and never sleep
 * here: the bytes are fed first, and an empty read is non-blocking
 * (-EAGAIN) or VMIN 0.  Covered: backspace, ^U, ^W, ^D at the start of a
 * line and after text, ^C's echo, flush and signal, NOFLSH, a partial
 * line not readable, raw mode (VMIN 1, VMIN 0), the switch between the
 * modes, ICRNL, ONLCR, and the redraw after a report key.
 */
#include <errno.h>
#include <kernel.h>
#include <ktest.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <tty.h>

static struct tty_struct tty;
static char shown[1024];
static unsigned int shown_len;

static void capture_write(struct tty_struct *t, const char *buf,
			  unsigned int len)
{
	for (unsigned int i = 0; i < len && shown_len < sizeof(shown) - 1; i++)
		shown[shown_len++] = buf[i];
	shown[shown_len] = '\0';
}

static const struct tty_operations capture_ops = {
	.write = capture_write,
};

static void setup(void)
{
	n_tty_init(&tty, "ktest", &capture_ops);
	shown_len = 0;
	shown[0] = '\0';
}

static void feed(const char *s)
{
	while (*s)
		n_tty_receive_char(&tty, *s++);
}

static void forget_shown(void)
{
	shown_len = 0;
	shown[0] = '\0';
}

/* @s with control characters as \xNN, for the failure messages. */
static const char *visible(const char *s, size_t n, char *buf, size_t size)
{
	size_t o = 0;

	for (size_t i = 0; i < n && o + 5 < size; i++) {
		unsigned char c = s[i];

		if (c >= ' ' && c < 0x7f)
			buf[o++] = c;
		else
			o += snprintf(buf + o, size - o, "\\x%02x", c);
	}
	buf[o] = '\0';
	return buf;
}

static void expect_bytes(int line, const char *what, const char *got,
			 ssize_t n, const char *want)
{
	char a[128], b[128];

	if (n == (ssize_t)strlen(want) && !memcmp(got, want, n))
		return;
	if (n < 0) {
		ktest_fail(__FILE__, line, "%s: %ld, expected \"%s\"", what,
			   (long)n, visible(want, strlen(want), b, sizeof(b)));
		return;
	}
	ktest_fail(__FILE__, line, "%s: \"%s\", expected \"%s\"", what,
		   visible(got, n, a, sizeof(a)),
		   visible(want, strlen(want), b, sizeof(b)));
}

/* One read, without sleeping: what is there, or -EAGAIN. */
#define EXPECT_READ(want)						\
	do {								\
		char buf_[128];						\
		ssize_t n_ = n_tty_read(&tty, buf_, sizeof(buf_), true,	\
					false);				\
		expect_bytes(__LINE__, "read", buf_, n_, want);		\
	} while (0)

/* Nothing to read: the non-blocking read says -EAGAIN. */
#define EXPECT_NOTHING()						\
	do {								\
		char buf_[8];						\
		KTEST_EXPECT_EQ(n_tty_read(&tty, buf_, sizeof(buf_), true, \
					   false), -EAGAIN);		\
	} while (0)

#define EXPECT_SHOWN(want)						\
	do {								\
		expect_bytes(__LINE__, "echo", shown, shown_len, want);	\
		forget_shown();						\
	} while (0)

static void set_lflag(tcflag_t on, tcflag_t off, int vmin, int vtime)
{
	struct termios t = tty.termios;

	t.c_lflag = (t.c_lflag | on) & ~off;
	t.c_cc[VMIN] = vmin;
	t.c_cc[VTIME] = vtime;
	n_tty_set_termios(&tty, &t);
}

KTEST(n_tty_canonical_mode_edits_the_line)
{
	char buf[8];

	setup();
	feed("ab\x7f" "c\n");
	EXPECT_READ("ac\n");
	EXPECT_SHOWN("ab\b \bc\r\n");

	/* ^U: the whole line; ^W: a word and the blanks after it. */
	feed("abc\x15" "def\n");
	EXPECT_READ("def\n");
	EXPECT_SHOWN("abc\b \b\b \b\b \bdef\r\n");
	feed("foo bar \x17" "\n");
	EXPECT_READ("foo \n");
	feed("foo bar\x17\x17" "x\n");
	EXPECT_READ("x\n");
	forget_shown();

	/* A control character is shown as ^X, and erased as two columns. */
	feed("a\x01\x7f" "\n");
	EXPECT_SHOWN("a^A\b \b\b \b\r\n");
	EXPECT_READ("a\n");

	/* Half a line is not readable; Enter's CR becomes NL (ICRNL). */
	feed("xyz");
	EXPECT_NOTHING();
	feed("\r");
	EXPECT_READ("xyz\n");

	/* Two lines typed ahead: one per read, a short read gets a part. */
	feed("one\ntwo\n");
	KTEST_EXPECT_EQ(n_tty_chars_in_buffer(&tty), 8);
	KTEST_EXPECT_EQ(n_tty_read(&tty, buf, 2, true, false), 2);
	EXPECT_READ("e\n");
	EXPECT_READ("two\n");
}

KTEST(n_tty_eof_ends_a_line_and_reads_zero_at_its_start)
{
	char buf[8];

	setup();
	feed("\x04");
	KTEST_EXPECT_EQ(n_tty_read(&tty, buf, sizeof(buf), true, false), 0);
	/* After text: the line ends there, without a newline. */
	feed("ab\x04");
	EXPECT_READ("ab");
	feed("\x04");
	KTEST_EXPECT_EQ(n_tty_read(&tty, buf, sizeof(buf), true, false), 0);
	/* ^D is not echoed. */
	EXPECT_SHOWN("ab");
	/* Nothing left: no more end of file. */
	EXPECT_NOTHING();
}

KTEST(n_tty_intr_echoes_flushes_and_signals_the_foreground)
{
	sigset_t pending;

	setup();
	/* This thread's own group is the terminal's foreground. */
	current->signal->pgrp = current->pid;
	tty.pgrp = current->pid;

	feed("done\nxy\x03");
	EXPECT_SHOWN("done\r\nxy^C\r\n");
	/* Everything typed, finished lines too, is gone (no NOFLSH). */
	EXPECT_NOTHING();
	pending = READ_ONCE(current->pending);
	KTEST_EXPECT(pending & sigmask(SIGINT));
	KTEST_EXPECT(signal_pending(current));
	flush_signals(current);

	/* ^\ is SIGQUIT, ^Z SIGTSTP; with NOFLSH the lines stay. */
	set_lflag(NOFLSH, 0, 1, 0);
	feed("kept\n\x1c\x1a");
	EXPECT_SHOWN("kept\r\n^\\\r\n^Z\r\n");
	EXPECT_READ("kept\n");
	pending = READ_ONCE(current->pending);
	KTEST_EXPECT(pending & sigmask(SIGQUIT));
	KTEST_EXPECT(pending & sigmask(SIGTSTP));
	flush_signals(current);

	/* Without ISIG ^C is a byte like any other. */
	set_lflag(0, ISIG, 1, 0);
	feed("\x03\n");
	EXPECT_READ("\x03\n");
	KTEST_EXPECT(!signal_pending(current));
	current->signal->pgrp = 0;
}

KTEST(n_tty_raw_mode_reads_keys_one_by_one)
{
	char buf[8];

	setup();
	/* cfmakeraw()'s local modes: no ICANON, no ECHO, no ISIG. */
	set_lflag(0, ICANON | ECHO | ISIG | IEXTEN, 1, 0);
	feed("a");
	EXPECT_READ("a");
	/* VMIN 1: what is there, at once, without a line's end. */
	feed("xyz");
	EXPECT_READ("xyz");
	feed("\x7f\x15\x04\x03");
	EXPECT_READ("\x7f\x15\x04\x03");
	EXPECT_SHOWN("");

	/* VMIN 0, VTIME 0: a blocking read returns 0 at once. */
	set_lflag(0, 0, 0, 0);
	KTEST_EXPECT_EQ(n_tty_read(&tty, buf, sizeof(buf), false, false), 0);
	feed("k");
	KTEST_EXPECT_EQ(n_tty_read(&tty, buf, sizeof(buf), false, false), 1);
	KTEST_EXPECT_EQ(buf[0], 'k');

	/* Back to canonical mode: what was typed ahead is a line of its own. */
	feed("q");
	set_lflag(ICANON | ECHO | ISIG | IEXTEN, 0, 1, 0);
	EXPECT_READ("q");
	feed("ab\n");
	EXPECT_READ("ab\n");
}

KTEST(n_tty_output_onlcr_and_redraw)
{
	struct termios t;

	setup();
	n_tty_write(&tty, "a\nb", 3);
	EXPECT_SHOWN("a\r\nb");
	t = tty.termios;
	t.c_oflag &= ~ONLCR;
	n_tty_set_termios(&tty, &t);
	n_tty_write(&tty, "\nc\n", 3);
	EXPECT_SHOWN("\nc\n");
	setup();

	/* A prompt, a word typed; a report prints; the line comes back. */
	n_tty_write(&tty, "done\n# ", 7);
	feed("ec");
	forget_shown();
	n_tty_redraw(&tty, true);
	EXPECT_SHOWN("\r\n");
	n_tty_redraw(&tty, false);
	EXPECT_SHOWN("# ec");
	/* At the start of a line there is no line to end. */
	n_tty_write(&tty, "\n", 1);
	forget_shown();
	n_tty_redraw(&tty, true);
	EXPECT_SHOWN("");
}
