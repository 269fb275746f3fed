/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/printk.h - kernel messages (kernel/printk.c) and consoles.
 *
 * Linux 2.6: include/linux/kernel.h (KERN_*), include/linux/console.h.
 * A message starts with its level, "<0>" (emergency) to "<7>" (debug);
 * it is stored in the log ring (for dmesg) and written to every console
 * if its level is below console_loglevel (the loglevel= option).
 */
#ifndef _PRINTK_H
#define _PRINTK_H

#include <compiler.h>
#include <stdarg.h>
#include <types.h>

#define KERN_EMERG	"<0>"	/* system is unusable */
#define KERN_ALERT	"<1>"	/* action must be taken immediately */
#define KERN_CRIT	"<2>"	/* critical conditions */
#define KERN_ERR	"<3>"	/* error conditions */
#define KERN_WARNING	"<4>"	/* warning conditions */
#define KERN_NOTICE	"<5>"	/* normal but significant condition */
#define KERN_INFO	"<6>"	/* informational */
#define KERN_DEBUG	"<7>"	/* debug-level messages */

#define DEFAULT_MESSAGE_LOGLEVEL 4	/* printk() without a level: warning */
#define DEFAULT_CONSOLE_LOGLEVEL 7	/* everything above debug is shown */
#define QUIET_CONSOLE_LOGLEVEL	4	/* quiet: warnings and worse */

#define LOG_BUF_SHIFT	15		/* the log ring keeps 32 KiB */
#define LOG_BUF_LEN	(1 << LOG_BUF_SHIFT)

struct console {
	const char *name;
	/* Writes @len bytes; called with interrupts off, must not sleep. */
	void (*write)(struct console *con, const char *s, unsigned int len);
	/*
	 * The same, without the newline translation a terminal needs for
	 * kernel messages (the UART's CR before LF): for the tty, whose
	 * ONLCR already made it.  NULL: write() is used.
	 */
	void (*write_raw)(struct console *con, const char *s, unsigned int len);
	struct console *next;
};

/* kernel/printk.c */
extern int console_loglevel;
extern char log_buf[LOG_BUF_LEN];
extern unsigned long log_end;

int printk(const char *fmt, ...) __printf(1, 2);
int vprintk(const char *fmt, va_list args);
void register_console(struct console *con);
void console_write(const char *s, unsigned int len);
void console_write_raw(const char *s, unsigned int len);
void printk_lines(const char *level, const char *indent, char *text);
unsigned long log_buf_copy(char *dest, unsigned long len);

#endif /* _PRINTK_H */
