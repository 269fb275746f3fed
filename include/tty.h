/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/tty.h - the terminal: struct tty_struct, its line discipline
 * (N_TTY, drivers/n_tty.c) and the tty layer (drivers/tty.c): file
 * operations, termios and job-control ioctls, the controlling terminal.
 *
 * Linux 2.6: include/linux/tty.h, drivers/char/n_tty.c,
 * drivers/char/tty_io.c, drivers/char/tty_ioctl.c (much reduced: one
 * terminal, the console, fed by the serial port and the PS/2 keyboard).
 */
#ifndef _TTY_H
#define _TTY_H

#include <file.h>
#include <poll.h>
#include <spinlock.h>
#include <types.h>
#include <uapi/termbits.h>
#include <wait.h>

#define N_TTY_BUF_SIZE	4096	/* typed-ahead input: a power of two */
#define TTY_SHOWN_MAX	512	/* the output line kept for a redraw */

struct tty_struct;

/* The device under the terminal (Linux: struct tty_operations). */
struct tty_operations {
	/* Put processed bytes on the device; any context, must not sleep. */
	void (*write)(struct tty_struct *tty, const char *buf,
		      unsigned int len);
};

struct tty_struct {
	const char *name;
	const struct tty_operations *ops;
	spinlock_t lock;		/* termios and the N_TTY input state */
	spinlock_t output_lock;		/* output: column, shown line, order */
	struct termios termios;
	struct winsize winsize;

	/* Job control (tasklist_lock): */
	pid_t pgrp;			/* the foreground group; 0: none */
	pid_t session;			/* the session it controls; 0: none */

	/*
	 * N_TTY input (lock): a ring of N_TTY_BUF_SIZE bytes, indices that
	 * only grow.  [read_tail, canon_head) holds finished lines (each
	 * ends at a bit in read_flags: '\n', EOL, or an EOF mark that is not
	 * copied out); [canon_head, read_head) the line being edited.  In
	 * non-canonical mode everything up to read_head is readable.
	 */
	char read_buf[N_TTY_BUF_SIZE];
	unsigned long read_flags[N_TTY_BUF_SIZE / (8 * sizeof(unsigned long))];
	unsigned int read_head, read_tail, canon_head;
	unsigned int canon_data;	/* finished lines not yet read */
	unsigned int canon_column;	/* where the edited line began */
	bool lnext;			/* ^V: the next byte is literal */
	wait_queue_head_t read_wait;

	/* Output (output_lock): */
	unsigned int column;		/* the cursor's, as far as we know */
	char shown[TTY_SHOWN_MAX];	/* the output since the last newline */
	unsigned int shown_len;
	bool shown_overflow;		/* ... longer than TTY_SHOWN_MAX */
};

/* drivers/n_tty.c: the line discipline */
void n_tty_init(struct tty_struct *tty, const char *name,
		const struct tty_operations *ops);
void n_tty_receive_char(struct tty_struct *tty, unsigned char c);
ssize_t n_tty_read(struct tty_struct *tty, char *buf, size_t nr,
		   bool nonblock, bool to_user);
void n_tty_write(struct tty_struct *tty, const char *buf, size_t len);
void n_tty_set_termios(struct tty_struct *tty, const struct termios *new);
void n_tty_flush_input(struct tty_struct *tty);
unsigned int n_tty_chars_in_buffer(struct tty_struct *tty);
void n_tty_redraw(struct tty_struct *tty, bool before);
unsigned int n_tty_poll(struct tty_struct *tty, struct file *f,
			poll_table *wait);

/* drivers/tty.c: the console terminal and the tty layer */
extern struct tty_struct console_tty;
extern const struct file_operations tty_fops;
void tty_init(void);
void tty_receive_char(char c);
void tty_signal_fg(struct tty_struct *tty, int sig);
void disassociate_ctty(int on_exit);

/* drivers/keyboard.c */
void keyboard_init(void);

#endif /* _TTY_H */
