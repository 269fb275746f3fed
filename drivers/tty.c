// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/tty.c - the console terminal: the tty layer over the line
 * discipline -- read, write and ioctl on /dev/console, the controlling
 * terminal of a session and its foreground process group, and the
 * report keys.
 *
 * Linux 2.6: drivers/char/tty_io.c (tty_read(), tty_write(),
 * tiocsctty(), tiocspgrp(), disassociate_ctty()), drivers/char/
 * tty_ioctl.c (TCGETS, TCSETS ...), the job_control() check of
 * drivers/char/n_tty.c; Understanding the Linux Kernel, 3rd ed.,
 * chapter 11, section "The Role of Signals" (SIGTTIN, SIGTTOU).
 *
 * The path of a key: the UART's interrupt (drivers/serial.c) or the
 * keyboard's (drivers/keyboard.c) hands each byte to tty_receive_char().
 * The report keys are answered there, in the interrupt, whatever the
 * system is doing (^P the task list and the interrupt counts, ^F the
 * memory report, ^B every task's kernel stack), and then the line the
 * user was on is drawn again (n_tty_redraw()).  Every other byte goes to
 * the line discipline (drivers/n_tty.c: n_tty_receive_char()), which
 * edits, echoes, signals the foreground group, and wakes a reader; its
 * read() returns through tty_read() below.
 *
 * Job control, as Linux's: the terminal belongs to at most one session
 * (tty->session), made its controlling terminal by the session leader
 * (TIOCSCTTY; user/init.c does it for each shell it starts), and has one
 * foreground process group (tty->pgrp, TIOCSPGRP: what a shell sets
 * around each job).  ^C, ^\ and ^Z signal that group.  A process of the
 * session but of another group that reads is sent SIGTTIN (it stops),
 * one that changes the settings or the foreground group SIGTTOU -- unless
 * it blocks or ignores that signal, as shells do.  When the session
 * leader exits, the terminal is free again and its foreground group gets
 * SIGHUP (disassociate_ctty()).  tty->session and tty->pgrp are guarded
 * by tasklist_lock, with the ids they name.
 */
#include <asm/uaccess.h>
#include <capability.h>
#include <errno.h>
#include <fs.h>
#include <irq.h>
#include <kernel.h>
#include <mm.h>
#include <sched.h>
#include <signal.h>
#include <spinlock.h>
#include <string.h>
#include <tty.h>

#define CTRL(c)		((c) & 0x1F)

/*
 * Report keys, like Linux's SysRq and xv6's ^P: answered at once, in the
 * interrupt, whatever the system is doing.
 */
#define KEY_SHOW_TASKS	CTRL('P')	/* the task list (show_tasks) */
#define KEY_SHOW_MEM	CTRL('F')	/* the memory report (show_mem) */
#define KEY_SHOW_STACKS	CTRL('B')	/* every task's kernel stack */

struct tty_struct console_tty;

static void console_tty_write(struct tty_struct *tty, const char *buf,
			      unsigned int len)
{
	console_write_raw(buf, len);
}

static const struct tty_operations console_tty_ops = {
	.write = console_tty_write,
};

/**
 * tty_init - set up the console terminal
 *
 * Context: boot, before the serial port and the keyboard send input.
 */
void tty_init(void)
{
	n_tty_init(&console_tty, "console", &console_tty_ops);
}

/*
 * magic_lock: one report at a time, so that the keyboard's and the
 * serial port's interrupts, on two CPUs, cannot each save the other's
 * raised console_loglevel and leave it raised.
 */
static DEFINE_SPINLOCK(magic_lock);

static void show_tasks_and_irqs(void)
{
	show_tasks();
	show_interrupts();	/* per CPU, arch/x86/irq.c */
}

/* Runs a report, in the interrupt that brought the key; then the line. */
static void magic_key(void (*show)(void))
{
	unsigned long flags;
	int loglevel;

	spin_lock_irqsave(&magic_lock, flags);
	n_tty_redraw(&console_tty, true);
	loglevel = console_loglevel;
	/* Asked for on the console: shown there, whatever loglevel= says. */
	console_loglevel = DEFAULT_CONSOLE_LOGLEVEL;
	show();
	console_loglevel = loglevel;
	n_tty_redraw(&console_tty, false);
	spin_unlock_irqrestore(&magic_lock, flags);
}

/**
 * tty_receive_char - one byte from the keyboard or the serial port
 * @c: the byte
 *
 * Context: interrupt.
 */
void tty_receive_char(char c)
{
	switch (c) {
	case KEY_SHOW_TASKS:
		magic_key(show_tasks_and_irqs);
		return;
	case KEY_SHOW_MEM:
		magic_key(show_mem);
		return;
	case KEY_SHOW_STACKS:
		magic_key(show_all_stacks);
		return;
	}
	n_tty_receive_char(&console_tty, c);
}

/**
 * tty_signal_fg - a signal character was typed: signal the foreground
 * @tty: the terminal
 * @sig: SIGINT, SIGQUIT or SIGTSTP
 *
 * No foreground group (no session has the terminal): nobody.
 * Context: any (the input interrupt); takes tasklist_lock.
 */
void tty_signal_fg(struct tty_struct *tty, int sig)
{
	pid_t pgrp = READ_ONCE(tty->pgrp);

	if (pgrp > 0)
		kill_pgrp(pgrp, sig, 1);
}

static struct tty_struct *file_tty(struct file *f)
{
	return f->private_data ? f->private_data : &console_tty;
}

/*
 * /dev/tty (5, 0) is the opener's controlling terminal, whichever it is:
 * without one, -ENXIO (Linux: tty_open()), which is how a shell learns
 * that it cannot do job control.  /dev/console (5, 1) is the console.
 */
static int tty_open(struct inode *inode, struct file *f)
{
	struct tty_struct *tty;

	if (inode->i_rdev != MKDEV(5, 0))
		return 0;
	tty = READ_ONCE(current->signal->tty);
	if (!tty)
		return -ENXIO;
	f->private_data = tty;
	return 0;
}

/* Is @tty current's controlling terminal? */
static bool is_ctty(struct tty_struct *tty)
{
	return READ_ONCE(current->signal->tty) == tty;
}

/*
 * A process of the terminal's session outside the foreground group may
 * not read: it is stopped by SIGTTIN, and reads again once continued
 * (-ERESTARTSYS).  If it ignores SIGTTIN, or no shell could continue its
 * group, the read fails (Linux: job_control()).
 */
static int job_control(struct tty_struct *tty)
{
	pid_t pgrp = READ_ONCE(current->signal->pgrp);
	pid_t fg = READ_ONCE(tty->pgrp);

	if (!is_ctty(tty) || fg <= 0 || pgrp == fg)
		return 0;
	if (is_ignored(SIGTTIN) || is_current_pgrp_orphaned())
		return -EIO;
	kill_pgrp(pgrp, SIGTTIN, 1);
	return -ERESTARTSYS;
}

/*
 * The same for changing the terminal (settings, foreground group),
 * with SIGTTOU; a process that ignores or blocks it may (Linux:
 * tty_check_change()).
 */
static int tty_check_change(struct tty_struct *tty)
{
	pid_t pgrp = READ_ONCE(current->signal->pgrp);
	pid_t fg = READ_ONCE(tty->pgrp);

	if (!is_ctty(tty) || fg <= 0 || pgrp == fg)
		return 0;
	if (is_ignored(SIGTTOU))
		return 0;
	if (is_current_pgrp_orphaned())
		return -EIO;
	kill_pgrp(pgrp, SIGTTOU, 1);
	return -ERESTARTSYS;
}

static ssize_t tty_read(struct file *f, char *ubuf, size_t count)
{
	struct tty_struct *tty = file_tty(f);
	int err;

	if (!count)
		return 0;
	err = job_control(tty);
	if (err)
		return err;
	return n_tty_read(tty, ubuf, count, f->f_flags & O_NONBLOCK, true);
}

static ssize_t tty_write(struct file *f, const char *ubuf, size_t count)
{
	struct tty_struct *tty = file_tty(f);
	char kbuf[256];
	size_t done = 0;

	if (tty->termios.c_lflag & TOSTOP) {
		int err = tty_check_change(tty);

		if (err)
			return err;
	}
	while (done < count) {
		size_t n = min(count - done, sizeof(kbuf));

		if (copy_from_user(kbuf, ubuf + done, n))
			return done ? (ssize_t)done : -EFAULT;
		n_tty_write(tty, kbuf, n);
		done += n;
	}
	return done;
}

/* TIOCSCTTY: the caller, a session leader without one, takes @tty. */
static long tiocsctty(struct tty_struct *tty, unsigned long steal)
{
	struct signal_struct *sig = current->signal;
	struct task_struct *p;
	unsigned long flags;
	long ret = 0;

	spin_lock_irqsave(&tasklist_lock, flags);
	if (sig->leader && sig->tty == tty && tty->session == sig->session)
		goto out;		/* ours already */
	ret = -EPERM;
	if (!sig->leader || sig->tty)
		goto out;
	if (tty->session > 0) {
		/* Another session's: only root, asking, takes it away. */
		if (steal != 1 || !capable(CAP_SYS_ADMIN))
			goto out;
		for_each_process(p)
			if (p->signal->tty == tty)
				p->signal->tty = NULL;
	}
	sig->tty = tty;
	tty->session = sig->session;
	tty->pgrp = sig->pgrp;
	ret = 0;
out:
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

/* TIOCSPGRP: a group of the terminal's session becomes the foreground. */
static long tiocspgrp(struct tty_struct *tty, const pid_t *upgrp)
{
	struct task_struct *p;
	unsigned long flags;
	pid_t pgrp;
	long ret;

	ret = tty_check_change(tty);
	if (ret)
		return ret;
	if (copy_from_user(&pgrp, upgrp, sizeof(pgrp)))
		return -EFAULT;
	if (pgrp < 0)
		return -EINVAL;
	spin_lock_irqsave(&tasklist_lock, flags);
	ret = -ENOTTY;
	if (current->signal->tty != tty ||
	    tty->session != current->signal->session)
		goto out;
	ret = -EPERM;
	for_each_process(p) {
		if (p->signal->pgrp == pgrp &&
		    p->signal->session == tty->session) {
			tty->pgrp = pgrp;
			ret = 0;
			break;
		}
	}
out:
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

/**
 * disassociate_ctty - the session leader lets go of its terminal
 * @on_exit: it is exiting (1), or gave the terminal up (TIOCNOTTY, 0)
 *
 * The foreground group is hung up (SIGHUP, and SIGCONT if the leader
 * lives on, so that a stopped job sees it), no process of the session
 * has a controlling terminal any more, and the terminal is free for the
 * next session (init's next shell).
 * Context: process (do_exit(), ioctl); takes tasklist_lock.
 */
void disassociate_ctty(int on_exit)
{
	struct signal_struct *sig = current->signal;
	struct tty_struct *tty;
	struct task_struct *p;
	unsigned long flags;
	pid_t fg;

	spin_lock_irqsave(&tasklist_lock, flags);
	tty = sig->tty;
	if (!tty || tty->session != sig->session) {
		sig->tty = NULL;
		goto out;
	}
	fg = tty->pgrp;
	tty->session = 0;
	tty->pgrp = 0;
	for_each_process(p)
		if (p->signal->session == sig->session)
			p->signal->tty = NULL;
	if (fg > 0) {
		kill_pgrp_locked(fg, SIGHUP);
		if (!on_exit)
			kill_pgrp_locked(fg, SIGCONT);
	}
out:
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

static long put_int(unsigned long arg, int value)
{
	return copy_to_user((void *)arg, &value, sizeof(value)) ? -EFAULT : 0;
}

static long tty_set_termios(struct tty_struct *tty, unsigned int cmd,
			    unsigned long arg)
{
	struct termios t;
	long ret = tty_check_change(tty);

	if (ret)
		return ret;
	if (copy_from_user(&t, (void *)arg, sizeof(t)))
		return -EFAULT;
	/* TCSETSW would wait for the output to drain: it is never queued. */
	if (cmd == TCSETSF)
		n_tty_flush_input(tty);
	n_tty_set_termios(tty, &t);
	return 0;
}

static long tty_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct tty_struct *tty = file_tty(f);
	struct winsize ws;
	struct termios t;
	unsigned long flags;
	long ret;

	switch (cmd) {
	case TCGETS:
		spin_lock_irqsave(&tty->lock, flags);
		t = tty->termios;
		spin_unlock_irqrestore(&tty->lock, flags);
		return copy_to_user((void *)arg, &t, sizeof(t)) ? -EFAULT : 0;
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		return tty_set_termios(tty, cmd, arg);
	case TCFLSH:
		ret = tty_check_change(tty);
		if (ret)
			return ret;
		if (arg > TCIOFLUSH)
			return -EINVAL;
		if (arg != TCOFLUSH)	/* output is never queued */
			n_tty_flush_input(tty);
		return 0;
	case TIOCGWINSZ:
		return copy_to_user((void *)arg, &tty->winsize,
				    sizeof(tty->winsize)) ? -EFAULT : 0;
	case TIOCSWINSZ:
		if (copy_from_user(&ws, (void *)arg, sizeof(ws)))
			return -EFAULT;
		if (memcmp(&ws, &tty->winsize, sizeof(ws))) {
			tty->winsize = ws;
			tty_signal_fg(tty, SIGWINCH);
		}
		return 0;
	case TIOCGPGRP:
		if (!is_ctty(tty))
			return -ENOTTY;
		return put_int(arg, READ_ONCE(tty->pgrp));
	case TIOCSPGRP:
		return tiocspgrp(tty, (const pid_t *)arg);
	case TIOCGSID:
		if (!is_ctty(tty) || READ_ONCE(tty->session) <= 0)
			return -ENOTTY;
		return put_int(arg, READ_ONCE(tty->session));
	case TIOCSCTTY:
		return tiocsctty(tty, arg);
	case TIOCNOTTY:
		if (!is_ctty(tty))
			return -ENOTTY;
		if (current->signal->leader)
			disassociate_ctty(0);
		else
			WRITE_ONCE(current->signal->tty, NULL);
		return 0;
	case TIOCOUTQ:
		return put_int(arg, 0);		/* written synchronously */
	case FIONREAD:
		return put_int(arg, n_tty_chars_in_buffer(tty));
	default:
		return -ENOTTY;
	}
}

static unsigned int tty_poll(struct file *f, poll_table *wait)
{
	return n_tty_poll(file_tty(f), f, wait);
}

const struct file_operations tty_fops = {
	.open = tty_open,
	.read = tty_read,
	.write = tty_write,
	.unlocked_ioctl = tty_ioctl,
	.poll = tty_poll,
};
