// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/tty.c - the console terminal: a line discipline and the file
 * operations of /dev/console.
 *
 * Linux 2.6: drivers/char/n_tty.c ("canonical mode"), drivers/char/tty_io.c.
 * Characters arrive one at a time from interrupt handlers (the serial
 * port, drivers/serial.c, and the PS/2 keyboard, drivers/keyboard.c) and
 * go to tty_receive_char().  It answers the magic keys (^P task list,
 * ^F memory report, ^B every task's stack), edits the line being typed --
 * echo, backspace, ^U to erase the line -- and when Enter completes it, moves
 * the line to the read buffer and wakes readers.  read() on the console
 * sleeps in wait_event_interruptible() until a whole line is there, so a
 * program reading from the keyboard uses no CPU while a person thinks.
 * Writing goes straight to the consoles (console_write()).
 */
#include <asm/uaccess.h>
#include <errno.h>
#include <irq.h>
#include <kernel.h>
#include <mm.h>
#include <sched.h>
#include <spinlock.h>
#include <string.h>
#include <tty.h>
#include <wait.h>

#define TTY_BUF_SIZE	1024	/* bytes of typed-ahead input kept */
#define LINE_MAX	256	/* the longest line being edited */

#define CTRL(c)		((c) & 0x1F)
#define KEY_ERASE	0x7F	/* DEL, what terminals send for backspace */
#define KEY_BS		'\b'
#define KEY_KILL	CTRL('U')	/* erase the whole line */

/*
 * Magic keys, like Linux's SysRq and xv6's ^P: answered at once, in the
 * interrupt, whatever the system is doing.
 */
#define KEY_SHOW_TASKS	CTRL('P')	/* the task list (show_tasks) */
#define KEY_SHOW_MEM	CTRL('F')	/* the memory report (show_mem) */
#define KEY_SHOW_STACKS	CTRL('B')	/* every task's kernel stack */

/* tty_lock, interrupts off (characters arrive in interrupts): */
static DEFINE_SPINLOCK(tty_lock);
static char line[LINE_MAX];		/* the line being typed */
static unsigned int line_len;
static char read_buf[TTY_BUF_SIZE];	/* finished lines, not yet read */
static unsigned int read_head, read_tail; /* ring indices, ever growing */

static DECLARE_WAIT_QUEUE_HEAD(tty_read_wait);

static void echo(const char *s, unsigned int len)
{
	console_write(s, len);
}

/*
 * magic_lock: one magic-key report at a time, so that the keyboard's and
 * the serial port's interrupts, on two CPUs, cannot each save the other's
 * raised console_loglevel and leave it raised.
 */
static DEFINE_SPINLOCK(magic_lock);

/* Runs a magic key's report, in the interrupt that brought the key. */
static void magic_key(void (*show)(void))
{
	unsigned long flags;
	int loglevel;

	spin_lock_irqsave(&magic_lock, flags);
	loglevel = console_loglevel;
	/* Asked for on the console: shown there, whatever loglevel= says. */
	console_loglevel = DEFAULT_CONSOLE_LOGLEVEL;
	show();
	console_loglevel = loglevel;
	spin_unlock_irqrestore(&magic_lock, flags);
}

/**
 * tty_receive_char - one character from the keyboard or the serial port
 * @c: the character
 *
 * Context: interrupt.
 */
void tty_receive_char(char c)
{
	unsigned long flags;
	bool line_done = false;

	switch (c) {
	case KEY_SHOW_TASKS:
		magic_key(show_tasks);
		magic_key(show_interrupts);	/* per CPU, arch/x86/irq.c */
		return;
	case KEY_SHOW_MEM:
		magic_key(show_mem);
		return;
	case KEY_SHOW_STACKS:
		magic_key(show_all_stacks);
		return;
	}

	spin_lock_irqsave(&tty_lock, flags);
	if (c == '\r')
		c = '\n';
	if (c == KEY_ERASE || c == KEY_BS) {
		if (line_len) {
			line_len--;
			echo("\b \b", 3);
		}
	} else if (c == KEY_KILL) {
		for (; line_len; line_len--)
			echo("\b \b", 3);
	} else if (c == '\n') {
		line[line_len++] = '\n';
		/* A full read buffer drops the line: typing ahead has limits. */
		if (read_head - read_tail + line_len <= TTY_BUF_SIZE)
			for (unsigned int i = 0; i < line_len; i++)
				read_buf[read_head++ % TTY_BUF_SIZE] = line[i];
		line_len = 0;
		echo("\n", 1);
		line_done = true;
	} else if ((c >= ' ' && c < 0x7F) || c == '\t') {
		if (line_len < LINE_MAX - 1) {
			line[line_len++] = c;
			echo(&c, 1);
		}
	}
	spin_unlock_irqrestore(&tty_lock, flags);
	if (line_done)
		wake_up_interruptible(&tty_read_wait);
}

static bool line_ready(void)
{
	return READ_ONCE(read_head) != READ_ONCE(read_tail);
}

/* read(): one line at most, sleeping until there is one. */
static ssize_t tty_read(struct file *f, char *ubuf, size_t count)
{
	char kbuf[LINE_MAX];
	unsigned long flags;
	size_t n = 0;
	int err;

	if (!count)
		return 0;
	/*
	 * Two readers (on two CPUs) may both wake for one line: the one that
	 * finds it gone under the lock waits again, rather than return 0,
	 * which would read as end of file.
	 */
	for (;;) {
		err = wait_event_interruptible(tty_read_wait, line_ready());
		if (err)
			return err;
		spin_lock_irqsave(&tty_lock, flags);
		if (read_tail != read_head)
			break;
		spin_unlock_irqrestore(&tty_lock, flags);
	}
	while (n < count && n < sizeof(kbuf) && read_tail != read_head) {
		char c = read_buf[read_tail++ % TTY_BUF_SIZE];

		kbuf[n++] = c;
		if (c == '\n')
			break;
	}
	spin_unlock_irqrestore(&tty_lock, flags);
	if (copy_to_user(ubuf, kbuf, n))
		return -EFAULT;
	return n;
}

static ssize_t tty_write(struct file *f, const char *ubuf, size_t count)
{
	char kbuf[256];
	size_t done = 0;

	while (done < count) {
		size_t n = min(count - done, sizeof(kbuf));

		if (copy_from_user(kbuf, ubuf + done, n))
			return done ? (ssize_t)done : -EFAULT;
		console_write(kbuf, n);
		done += n;
	}
	return done;
}

const struct file_operations tty_fops = {
	.read = tty_read,
	.write = tty_write,
};
