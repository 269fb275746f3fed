// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/n_tty.c - N_TTY, the line discipline: what a terminal does
 * with the bytes typed at it and the bytes written to it.
 *
 * Linux 2.6: drivers/char/n_tty.c (n_tty_receive_char(), eraser(),
 * isig(), read_chan(), opost()); POSIX's "General Terminal Interface".
 * Input arrives a byte at a time, in an interrupt (the UART's or the
 * keyboard's, through drivers/tty.c: tty_receive_char()), and is handled
 * as the termios settings say:
 *
 *	c_iflag	ISTRIP, IGNCR, ICRNL (Enter's CR becomes NL), INLCR
 *	c_lflag	ISIG: INTR (^C), QUIT (^\), SUSP (^Z) throw away the input
 *		(unless NOFLSH), echo as ^C and a newline, and send SIGINT,
 *		SIGQUIT, SIGTSTP to the foreground process group
 *		ICANON: canonical mode -- the line is edited here, ERASE
 *		(DEL), KILL (^U), WERASE (^W, IEXTEN), REPRINT (^R), LNEXT
 *		(^V), and a read() gets whole lines; EOF (^D) ends the line
 *		without a newline, and on an empty line makes read()
 *		return 0: end of file.  Without ICANON, every byte is
 *		readable at once; VMIN and VTIME say how long read() waits.
 *		ECHO, ECHOE, ECHOK, ECHOKE, ECHONL, ECHOCTL: what is shown
 *	c_oflag	OPOST, ONLCR (NL goes out as CR NL), OCRNL
 *
 * A read() sleeps on tty->read_wait until its data is there (a whole
 * line in canonical mode): a program reading the keyboard uses no CPU
 * while a person thinks.  Writing (n_tty_write()) runs the same output
 * processing as the echo, then the device's write (the consoles).  The
 * output since the last newline is kept (shown[]) so that after a
 * report key has printed over the screen the line -- a shell's prompt
 * and what was typed after it -- can be put back (n_tty_redraw()).
 *
 * Locking: tty->lock (interrupts off) guards termios and the input
 * state; output goes under tty->output_lock, taken inside it by the echo.
 * Signals are sent after tty->lock is dropped (tty_signal_fg() takes
 * tasklist_lock).
 */
#include <asm/uaccess.h>
#include <errno.h>
#include <kernel.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <timer.h>
#include <tty.h>
#include <wait.h>

#define BUF_MASK	(N_TTY_BUF_SIZE - 1)
#define EOF_MARK	'\0'	/* stored for EOF, with its line-end bit */
#define BITS		(8 * sizeof(unsigned long))
#define DEL		0x7f
#define CTRL(c)		((c) & 0x1f)

#define L_FLAG(tty, f)	((tty)->termios.c_lflag & (f))
#define I_FLAG(tty, f)	((tty)->termios.c_iflag & (f))
#define O_FLAG(tty, f)	((tty)->termios.c_oflag & (f))

/* Is @c the control character c_cc[@v] (a 0 there is switched off)? */
static bool is_cc(const struct tty_struct *tty, unsigned char c, int v)
{
	cc_t cc = tty->termios.c_cc[v];

	return cc != _POSIX_VDISABLE && c == cc;
}

static bool is_cntrl(unsigned char c)
{
	return c < ' ' || c == DEL;
}

static bool is_alnum(unsigned char c)
{
	unsigned char lower = c | 0x20;

	return (c >= '0' && c <= '9') || (lower >= 'a' && lower <= 'z');
}

static unsigned int read_cnt(const struct tty_struct *tty)
{
	return tty->read_head - tty->read_tail;
}

static bool line_end(const struct tty_struct *tty, unsigned int i)
{
	i &= BUF_MASK;
	return tty->read_flags[i / BITS] & (1UL << (i % BITS));
}

static void set_line_end(struct tty_struct *tty, unsigned int i, bool on)
{
	i &= BUF_MASK;
	if (on)
		tty->read_flags[i / BITS] |= 1UL << (i % BITS);
	else
		tty->read_flags[i / BITS] &= ~(1UL << (i % BITS));
}

/* Output ------------------------------------------------------------- */

/* Bytes as the device gets them: the column, and the line kept. */
static void put_shown(struct tty_struct *tty, const char *s, unsigned int n)
{
	for (unsigned int i = 0; i < n; i++) {
		unsigned char c = s[i];

		if (c == '\n') {
			tty->shown_len = 0;
			tty->shown_overflow = false;
			continue;
		}
		if (tty->shown_len < TTY_SHOWN_MAX)
			tty->shown[tty->shown_len++] = c;
		else
			tty->shown_overflow = true;
		if (c == '\r')
			tty->column = 0;
		else if (c == '\b')
			tty->column -= tty->column > 0;
		else if (c == '\t')
			tty->column = (tty->column | 7) + 1;
		else if (!is_cntrl(c) && c != 0x1b)
			tty->column++;
	}
	tty->ops->write(tty, s, n);
}

/*
 * Output processing (Linux: opost()): OPOST with ONLCR turns a newline
 * into CR NL, OCRNL a CR into NL.  Under output_lock.
 */
static void opost_block(struct tty_struct *tty, const char *s, size_t len)
{
	size_t start = 0;

	for (size_t i = 0; i < len; i++) {
		unsigned char c = s[i];

		if (!O_FLAG(tty, OPOST))
			break;
		if (c == '\n' && O_FLAG(tty, ONLCR)) {
			put_shown(tty, s + start, i - start);
			put_shown(tty, "\r\n", 2);
			start = i + 1;
		} else if (c == '\r' && O_FLAG(tty, OCRNL)) {
			put_shown(tty, s + start, i - start);
			put_shown(tty, "\n", 1);
			start = i + 1;
		}
	}
	put_shown(tty, s + start, len - start);
}

static void output(struct tty_struct *tty, const char *s, size_t len)
{
	unsigned long flags;

	spin_lock_irqsave(&tty->output_lock, flags);
	opost_block(tty, s, len);
	spin_unlock_irqrestore(&tty->output_lock, flags);
}

/**
 * n_tty_write - what a program writes, through output processing
 * @tty: the terminal
 * @buf: kernel bytes
 * @len: how many
 *
 * Context: any (also the echo, from the interrupt).
 */
void n_tty_write(struct tty_struct *tty, const char *buf, size_t len)
{
	output(tty, buf, len);
}

/* The echo of one input byte: ^X for a control character (ECHOCTL). */
static void echo_char(struct tty_struct *tty, unsigned char c)
{
	char ctl[2] = { '^', c ^ 0x40 };

	if (L_FLAG(tty, ECHOCTL) && is_cntrl(c) && c != '\t' && c != '\n')
		output(tty, ctl, 2);
	else
		output(tty, (const char *)&c, 1);
}

static void echo_erase_one(struct tty_struct *tty)
{
	output(tty, "\b \b", 3);
}

/**
 * n_tty_redraw - put the current line back after a report printed over it
 * @tty: the terminal
 * @before: true before the report (end the line if the cursor is in it),
 *          false after it (print the line kept: prompt and typed text)
 *
 * A report key (^P, ^F, ^B) prints from the interrupt, wherever the
 * cursor is.  Linux's n_tty knows the column but not the text; this
 * keeps the text since the last newline (what the program wrote and the
 * echo of what was typed, erasures included) and writes it again, so
 * the user sees the prompt and the line being typed where they were.
 * Context: any.
 */
void n_tty_redraw(struct tty_struct *tty, bool before)
{
	unsigned long flags;

	spin_lock_irqsave(&tty->output_lock, flags);
	if (before) {
		if (tty->column)
			tty->ops->write(tty, "\r\n", 2);
	} else if (!tty->shown_overflow) {
		tty->ops->write(tty, tty->shown, tty->shown_len);
	}
	spin_unlock_irqrestore(&tty->output_lock, flags);
}

/* Input ------------------------------------------------------------ */

/**
 * n_tty_flush_input - throw away all input, typed ahead or being edited
 * @tty: the terminal
 *
 * Context: any; takes tty->lock.
 */
void n_tty_flush_input(struct tty_struct *tty)
{
	unsigned long flags;

	spin_lock_irqsave(&tty->lock, flags);
	tty->read_head = tty->read_tail = tty->canon_head = 0;
	tty->canon_data = 0;
	memset(tty->read_flags, 0, sizeof(tty->read_flags));
	spin_unlock_irqrestore(&tty->lock, flags);
}

/* Store one byte; @eol: it ends a line.  Room: see the callers. */
static void put_char(struct tty_struct *tty, unsigned char c, bool eol)
{
	set_line_end(tty, tty->read_head, eol);
	tty->read_buf[tty->read_head++ & BUF_MASK] = c;
	if (eol) {
		tty->canon_head = tty->read_head;
		tty->canon_data++;
	}
}

/*
 * Erase the character, the word or the line before the cursor (Linux:
 * eraser()).  A word is a run of letters, digits and '_', with the
 * non-word characters after it.  On the screen a character goes as
 * "\b \b", a ^X as two of those, a tab as the backspaces back to where
 * it began (worked out from the column the line began at).
 */
static void eraser(struct tty_struct *tty, unsigned char c)
{
	enum { ERASE, WERASE, KILL } kind;
	unsigned int seen_alnums = 0;

	if (tty->read_head == tty->canon_head)
		return;
	if (is_cc(tty, c, VERASE))
		kind = ERASE;
	else if (is_cc(tty, c, VWERASE))
		kind = WERASE;
	else
		kind = KILL;

	if (kind == KILL && (!L_FLAG(tty, ECHO) || !L_FLAG(tty, ECHOK) ||
			     !L_FLAG(tty, ECHOKE) || !L_FLAG(tty, ECHOE))) {
		tty->read_head = tty->canon_head;
		if (L_FLAG(tty, ECHO)) {
			echo_char(tty, c);
			if (L_FLAG(tty, ECHOK))
				output(tty, "\n", 1);
		}
		return;
	}

	while (tty->read_head != tty->canon_head) {
		unsigned char prev = tty->read_buf[(tty->read_head - 1) &
						   BUF_MASK];

		if (kind == WERASE) {
			if (is_alnum(prev) || prev == '_')
				seen_alnums++;
			else if (seen_alnums)
				break;
		}
		tty->read_head--;
		if (!L_FLAG(tty, ECHO)) {
			/* nothing shown */
		} else if (kind == ERASE && !L_FLAG(tty, ECHOE)) {
			echo_char(tty, c);
		} else if (prev == '\t') {
			unsigned int col = tty->canon_column;

			for (unsigned int i = tty->canon_head;
			     i != tty->read_head; i++) {
				unsigned char ch = tty->read_buf[i & BUF_MASK];

				if (ch == '\t')
					col = (col | 7) + 1;
				else if (is_cntrl(ch))
					col += L_FLAG(tty, ECHOCTL) ? 2 : 0;
				else
					col++;
			}
			while (tty->column > col)
				output(tty, "\b", 1);
		} else {
			if (is_cntrl(prev) && L_FLAG(tty, ECHOCTL))
				echo_erase_one(tty);
			if (!is_cntrl(prev) || L_FLAG(tty, ECHOCTL))
				echo_erase_one(tty);
		}
		if (kind == ERASE)
			break;
	}
}

/*
 * A signal character: the input goes unless NOFLSH, the echo is ^C and
 * a newline.  Return: the signal for tty_signal_fg(), once unlocked.
 */
static int isig(struct tty_struct *tty, unsigned char c, int sig)
{
	if (!L_FLAG(tty, NOFLSH)) {
		tty->read_head = tty->read_tail = tty->canon_head = 0;
		tty->canon_data = 0;
		memset(tty->read_flags, 0, sizeof(tty->read_flags));
	}
	if (L_FLAG(tty, ECHO)) {
		echo_char(tty, c);
		output(tty, "\n", 1);
	}
	return sig;
}

/* ^R: the line being edited, again, on a line of its own. */
static void reprint(struct tty_struct *tty, unsigned char c)
{
	echo_char(tty, c);
	output(tty, "\n", 1);
	tty->canon_column = tty->column;
	for (unsigned int i = tty->canon_head; i != tty->read_head; i++)
		echo_char(tty, tty->read_buf[i & BUF_MASK]);
}

/* Canonical mode's line ends: room is kept for them (the last slot). */
static bool receive_line_end(struct tty_struct *tty, unsigned char c,
			     bool echo)
{
	if (read_cnt(tty) >= N_TTY_BUF_SIZE)
		return false;
	if (echo && (L_FLAG(tty, ECHO) || (c == '\n' && L_FLAG(tty, ECHONL))))
		echo_char(tty, c);
	put_char(tty, c, true);
	return true;
}

/*
 * One input byte, under tty->lock.  Return: a signal to send the
 * foreground group, or 0; *@wake: a reader may go on.
 */
static int receive_char(struct tty_struct *tty, unsigned char c, bool *wake)
{
	bool canon = L_FLAG(tty, ICANON);

	if (I_FLAG(tty, ISTRIP))
		c &= 0x7f;
	if (canon && tty->lnext) {
		tty->lnext = false;
		if (L_FLAG(tty, ECHO))
			output(tty, "\b", 1);	/* over the ^ shown for ^V */
		goto ordinary;
	}
	if (c == '\r') {
		if (I_FLAG(tty, IGNCR))
			return 0;
		if (I_FLAG(tty, ICRNL))
			c = '\n';
	} else if (c == '\n' && I_FLAG(tty, INLCR)) {
		c = '\r';
	}

	if (L_FLAG(tty, ISIG)) {
		if (is_cc(tty, c, VINTR))
			return isig(tty, c, SIGINT);
		if (is_cc(tty, c, VQUIT))
			return isig(tty, c, SIGQUIT);
		if (is_cc(tty, c, VSUSP))
			return isig(tty, c, SIGTSTP);
	}

	if (canon) {
		if (is_cc(tty, c, VERASE) || is_cc(tty, c, VKILL) ||
		    (is_cc(tty, c, VWERASE) && L_FLAG(tty, IEXTEN))) {
			eraser(tty, c);
			return 0;
		}
		if (is_cc(tty, c, VLNEXT) && L_FLAG(tty, IEXTEN)) {
			tty->lnext = true;
			if (L_FLAG(tty, ECHO))
				output(tty, "^", 1);
			return 0;
		}
		if (is_cc(tty, c, VREPRINT) && L_FLAG(tty, ECHO) &&
		    L_FLAG(tty, IEXTEN)) {
			reprint(tty, c);
			return 0;
		}
		if (c == '\n' || is_cc(tty, c, VEOL) ||
		    (is_cc(tty, c, VEOL2) && L_FLAG(tty, IEXTEN))) {
			*wake = receive_line_end(tty, c, true);
			return 0;
		}
		if (is_cc(tty, c, VEOF)) {
			/* Not echoed; not copied out: it only ends the line. */
			*wake = receive_line_end(tty, EOF_MARK, false);
			return 0;
		}
	}

ordinary:
	/* In canonical mode the last slot is for the line's end. */
	if (read_cnt(tty) >= N_TTY_BUF_SIZE - (canon ? 1 : 0))
		return 0;
	if (L_FLAG(tty, ECHO)) {
		if (tty->canon_head == tty->read_head)
			tty->canon_column = tty->column;
		echo_char(tty, c);
	}
	put_char(tty, c, false);
	if (!canon)
		*wake = true;
	return 0;
}

/**
 * n_tty_receive_char - one byte typed at the terminal
 * @tty: the terminal
 * @c: the byte
 *
 * Context: interrupt (or a test's thread); takes tty->lock, then sends
 * the signal of a signal character to the foreground process group.
 */
void n_tty_receive_char(struct tty_struct *tty, unsigned char c)
{
	unsigned long flags;
	bool wake = false;
	int sig;

	spin_lock_irqsave(&tty->lock, flags);
	sig = receive_char(tty, c, &wake);
	spin_unlock_irqrestore(&tty->lock, flags);
	if (sig)
		tty_signal_fg(tty, sig);
	if (wake)
		wake_up_interruptible(&tty->read_wait);
}

/**
 * n_tty_set_termios - new settings, and what they mean for the input
 * @tty: the terminal
 * @new: the settings
 *
 * Leaving canonical mode makes the line being edited readable at once;
 * entering it makes what was typed ahead a line of its own (as Linux
 * does), so that no input is lost either way.
 * Context: process; takes tty->lock.
 */
void n_tty_set_termios(struct tty_struct *tty, const struct termios *new)
{
	unsigned long flags;
	bool was_canon, canon;

	spin_lock_irqsave(&tty->lock, flags);
	was_canon = L_FLAG(tty, ICANON);
	/* Output processing reads c_oflag under output_lock alone. */
	spin_lock(&tty->output_lock);
	tty->termios = *new;
	spin_unlock(&tty->output_lock);
	canon = L_FLAG(tty, ICANON);
	if (was_canon != canon) {
		memset(tty->read_flags, 0, sizeof(tty->read_flags));
		tty->canon_data = 0;
		tty->lnext = false;
		tty->canon_head = tty->read_tail;
		if (canon && read_cnt(tty)) {
			set_line_end(tty, tty->read_head - 1, true);
			tty->canon_head = tty->read_head;
			tty->canon_data = 1;
		}
	}
	spin_unlock_irqrestore(&tty->lock, flags);
	/* Non-canonical readers may now have enough. */
	wake_up_interruptible(&tty->read_wait);
}

/**
 * n_tty_chars_in_buffer - what a read would get now (FIONREAD)
 * @tty: the terminal
 *
 * Context: process.
 * Return: the bytes of the finished lines (canonical mode), or of all
 * the input (non-canonical).
 */
unsigned int n_tty_chars_in_buffer(struct tty_struct *tty)
{
	unsigned long flags;
	unsigned int n;

	spin_lock_irqsave(&tty->lock, flags);
	if (L_FLAG(tty, ICANON))
		n = tty->canon_head - tty->read_tail;
	else
		n = read_cnt(tty);
	spin_unlock_irqrestore(&tty->lock, flags);
	return n;
}

static bool input_available(struct tty_struct *tty, bool canon)
{
	return canon ? READ_ONCE(tty->canon_data) != 0
		     : READ_ONCE(tty->read_head) != READ_ONCE(tty->read_tail);
}

/**
 * n_tty_poll - poll(2) on the terminal (drivers/tty.c's ->poll())
 * @tty: the terminal
 * @f: the file polled
 * @wait: the poll table (NULL after poll's first look)
 *
 * Readable when a read would not sleep: a finished line (or an end of
 * file) in canonical mode, any byte in non-canonical mode.  Output
 * never sleeps here: always writable.  A key typed wakes read_wait.
 * Return: the POLL* bits.
 */
unsigned int n_tty_poll(struct tty_struct *tty, struct file *f,
			poll_table *wait)
{
	unsigned int mask = POLLOUT | POLLWRNORM;
	unsigned long flags;
	bool canon;

	poll_wait(f, &tty->read_wait, wait);
	spin_lock_irqsave(&tty->lock, flags);
	canon = L_FLAG(tty, ICANON);
	if (input_available(tty, canon))
		mask |= POLLIN | POLLRDNORM;
	spin_unlock_irqrestore(&tty->lock, flags);
	return mask;
}

/*
 * Take up to @max bytes into @kbuf; in canonical mode at most to the end
 * of the first line (*@line_done then), whose EOF mark is not copied.
 */
static size_t take_input(struct tty_struct *tty, char *kbuf, size_t max,
			 bool canon, bool *line_done)
{
	unsigned long flags;
	size_t n = 0;

	spin_lock_irqsave(&tty->lock, flags);
	while (n < max && tty->read_tail != tty->read_head) {
		unsigned int i = tty->read_tail;
		unsigned char c = tty->read_buf[i & BUF_MASK];

		if (canon && i == tty->canon_head)
			break;		/* the line still being edited */
		tty->read_tail++;
		if (canon && line_end(tty, i)) {
			set_line_end(tty, i, false);
			tty->canon_data--;
			*line_done = true;
			if (c != EOF_MARK)
				kbuf[n++] = c;
			break;
		}
		kbuf[n++] = c;
	}
	spin_unlock_irqrestore(&tty->lock, flags);
	return n;
}

/**
 * n_tty_read - read() on the terminal
 * @tty: the terminal
 * @buf: where the bytes go
 * @nr: room there
 * @nonblock: O_NONBLOCK: -EAGAIN rather than sleep
 * @to_user: @buf is a user address (else a kernel one: the tests)
 *
 * Canonical mode: one line at most, sleeping until one is finished; an
 * EOF mark at its start returns 0.  Non-canonical: VMIN bytes (at most
 * @nr), with VTIME a timeout between them -- or, with VMIN 0, for the
 * first one; VMIN 0 and VTIME 0 returns what is there, maybe nothing.
 * Context: process, may sleep.
 * Return: bytes read; 0 at end of file; -EAGAIN; -ERESTARTSYS when a
 * signal came before any byte (restarted, or -EINTR, on the way out:
 * arch/x86/signal.c); -EFAULT.
 */
ssize_t n_tty_read(struct tty_struct *tty, char *buf, size_t nr,
		   bool nonblock, bool to_user)
{
	long timeout = MAX_SCHEDULE_TIMEOUT, inter = 0;
	size_t done = 0, minimum = 1;
	unsigned long flags;
	ssize_t ret = 0;
	char kbuf[128];
	bool canon;
	DEFINE_WAIT(wait);

	spin_lock_irqsave(&tty->lock, flags);
	canon = L_FLAG(tty, ICANON);
	if (!canon) {
		unsigned int vmin = tty->termios.c_cc[VMIN];
		long vtime = tty->termios.c_cc[VTIME] * HZ / 10;

		if (vmin) {
			minimum = min((size_t)vmin, nr);
			inter = vtime;
		} else {
			minimum = vtime ? 1 : 0;
			timeout = vtime;
		}
	}
	spin_unlock_irqrestore(&tty->lock, flags);

	while (done < nr) {
		bool line_done = false;
		size_t n;

		prepare_to_wait(&tty->read_wait, &wait, TASK_INTERRUPTIBLE);
		if (!input_available(tty, canon)) {
			if (done >= minimum || !timeout)
				break;
			if (nonblock) {
				ret = -EAGAIN;
				break;
			}
			if (signal_pending(current)) {
				ret = -ERESTARTSYS;
				break;
			}
			timeout = schedule_timeout(timeout);
			continue;
		}
		/* Copying to the user may fault and sleep: be runnable. */
		__set_current_state(TASK_RUNNING);
		n = take_input(tty, kbuf, min(nr - done, sizeof(kbuf)), canon,
			       &line_done);
		if (to_user) {
			if (copy_to_user(buf + done, kbuf, n)) {
				ret = -EFAULT;
				break;
			}
		} else {
			memcpy(buf + done, kbuf, n);
		}
		done += n;
		if (canon ? line_done : done >= minimum)
			break;
		if (inter)
			timeout = inter;
	}
	finish_wait(&tty->read_wait, &wait);
	return done ? (ssize_t)done : ret;
}

/**
 * n_tty_init - a terminal with Linux's default settings
 * @tty: the terminal (static: the console, or a test's)
 * @name: its name
 * @ops: its device
 *
 * Canonical mode with echo and the signal characters, CR to NL on input
 * and NL to CR NL on output (Linux: tty_std_termios), 80 x 25.  No
 * XON/XOFF flow control (IXON is off): ^S and ^Q are plain bytes here.
 * Context: boot, or a test.
 */
void n_tty_init(struct tty_struct *tty, const char *name,
		const struct tty_operations *ops)
{
	static const cc_t init_cc[NCCS] = {
		[VINTR] = CTRL('C'), [VQUIT] = CTRL('\\'), [VERASE] = DEL,
		[VKILL] = CTRL('U'), [VEOF] = CTRL('D'), [VTIME] = 0,
		[VMIN] = 1, [VSTART] = CTRL('Q'), [VSTOP] = CTRL('S'),
		[VSUSP] = CTRL('Z'), [VREPRINT] = CTRL('R'),
		[VDISCARD] = CTRL('O'), [VWERASE] = CTRL('W'),
		[VLNEXT] = CTRL('V'),
	};

	memset(tty, 0, sizeof(*tty));
	tty->name = name;
	tty->ops = ops;
	spin_lock_init(&tty->lock);
	spin_lock_init(&tty->output_lock);
	init_waitqueue_head(&tty->read_wait);
	tty->termios.c_iflag = ICRNL;
	tty->termios.c_oflag = OPOST | ONLCR;
	tty->termios.c_cflag = B115200 | CS8 | CREAD | HUPCL | CLOCAL;
	tty->termios.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK |
			       ECHOCTL | ECHOKE | IEXTEN;
	memcpy(tty->termios.c_cc, init_cc, sizeof(init_cc));
	tty->winsize.ws_row = 25;
	tty->winsize.ws_col = 80;
}
