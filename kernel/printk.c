// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/printk.c - printk(): format, timestamp, log, show.
 *
 * Linux 2.6: kernel/printk.c.
 * Every message is formatted once, prefixed with the time since boot
 * ("[    0.012345] ", from the TSC), appended to the log ring log_buf
 * (which the shell's dmesg and GDB's kdmesg read back) and, if its level
 * is below console_loglevel, written to every registered console (the
 * 16550 serial port and the VGA text screen).  All of it happens under
 * logbuf_lock with interrupts off, so printk() works from any context,
 * interrupt handlers included, and so one CPU's message is written whole
 * before another CPU's starts: lines never interleave, on the screen or
 * in the ring.  A line left open (a message without its newline) is
 * closed first when another task prints.
 *
 * During an oops the lock is only tried, for a bounded time: the CPU
 * that holds it may be the one that crashed (a fault inside printk) or
 * may be dead or stuck with interrupts off.  Then the lock is forced
 * free and taken ("zapped", Linux 2.6: zap_locks()), so the oops always
 * prints; at worst its lines mix with the stuck CPU's last message.
 */
#include <asm/processor.h>
#include <init.h>
#include <kernel.h>
#include <percpu.h>
#include <sched.h>
#include <spinlock.h>
#include <string.h>
#include <time.h>

#define LOG_BUF_MASK	(LOG_BUF_LEN - 1)
#define LOG_BUF(idx)	(log_buf[(idx) & LOG_BUF_MASK])
#define PRINTK_LINE_MAX	1024

int console_loglevel = DEFAULT_CONSOLE_LOGLEVEL;

/*
 * The log ring: log_end counts every character ever logged; the last
 * LOG_BUF_LEN of them are in log_buf at log_end & LOG_BUF_MASK.
 */
char log_buf[LOG_BUF_LEN];
unsigned long log_end;

/*
 * logbuf_lock, interrupts off: the ring (log_buf, log_end), printk_buf,
 * the open-line state, the console list, and every console's output
 * (the consoles' own state, the UART and VGA cursor, has no other lock).
 */
static DEFINE_SPINLOCK(logbuf_lock);
static struct console *console_drivers;
static bool printk_at_line_start = true;
static struct task_struct *printk_line_owner;	/* who left a line open */
static bool printk_line_shown;		/* ...and did the consoles get it */
static char printk_buf[PRINTK_LINE_MAX];

/* How long an oops waits for logbuf_lock before zapping it: 1 s. */
#define OOPS_LOCK_WAIT_SECONDS	1

static int loglevel_setup(char *val)
{
	unsigned long level;

	if (kstrtoul(val, 10, &level) || level > 8)
		return -EINVAL;
	console_loglevel = level;
	return 0;
}
/* Early: the filter must hold from the banner on, as the console shows it. */
early_param("loglevel=", loglevel_setup);

/*
 * quiet: only warnings and worse on the console (Linux 2.6's
 * console_loglevel 4); the KERN_NOTICE and KERN_INFO lines of the boot
 * still go to the log ring, for dmesg.  Each byte the console prints
 * costs the boot a few microseconds under QEMU (the UART's write to the
 * host), some 2 KiB of them before init.  The last of quiet and
 * loglevel= on the line counts.
 */
static int quiet_setup(char *unused)
{
	console_loglevel = QUIET_CONSOLE_LOGLEVEL;
	return 0;
}
early_param("quiet", quiet_setup);

/**
 * register_console - add a console that printk() writes to
 * @con: the console; must stay valid forever
 *
 * The new console first gets everything already in the log ring, so
 * messages printed before it existed are not lost.
 * Context: boot.
 */
void register_console(struct console *con)
{
	unsigned long flags, start;

	spin_lock_irqsave(&logbuf_lock, flags);
	con->next = console_drivers;
	console_drivers = con;
	start = log_end > LOG_BUF_LEN ? log_end - LOG_BUF_LEN : 0;
	for (unsigned long i = start; i < log_end; i++)
		con->write(con, &LOG_BUF(i), 1);
	spin_unlock_irqrestore(&logbuf_lock, flags);
}

static void emit(const char *s, unsigned int len, bool show)
{
	for (unsigned int i = 0; i < len; i++)
		LOG_BUF(log_end++) = s[i];
	if (!show)
		return;
	for (struct console *con = console_drivers; con; con = con->next)
		con->write(con, s, len);
}

/*
 * Take logbuf_lock during an oops: wait a bounded time, then force it.
 * A holder on this CPU is this CPU's own printk that crashed: it will
 * never let go, so the lock is forced at once.
 */
static void oops_lock_logbuf(void)
{
	unsigned long khz = tsc_khz ? tsc_khz : 1000000;
	u64 start = rdtsc();

	while (!spin_trylock(&logbuf_lock)) {
		bool mine = READ_ONCE(logbuf_lock.owner) == current &&
			    READ_ONCE(logbuf_lock.owner_cpu) ==
			    raw_smp_processor_id();

		if (mine || rdtsc() - start >
			    (u64)khz * 1000 * OOPS_LOCK_WAIT_SECONDS) {
			spin_lock_init(&logbuf_lock);
			continue;
		}
		cpu_relax();
	}
}

/**
 * vprintk - print a message to the log and the consoles
 * @fmt: format, optionally starting with a KERN_* level
 * @args: arguments
 *
 * Context: any; never sleeps.
 * Return: the number of characters of the message.
 */
int vprintk(const char *fmt, va_list args)
{
	unsigned long flags;
	int level = DEFAULT_MESSAGE_LOGLEVEL;
	bool show;
	char *p;
	int len;

	local_irq_save(flags);
	if (oops_in_progress)
		oops_lock_logbuf();
	else
		spin_lock(&logbuf_lock);

	len = vscnprintf(printk_buf, sizeof(printk_buf), fmt, args);
	p = printk_buf;
	if (p[0] == '<' && p[1] >= '0' && p[1] <= '7' && p[2] == '>') {
		level = p[1] - '0';
		p += 3;
		len -= 3;
	}
	show = level < console_loglevel;

	/* Another task's unfinished line ends here, not inside ours. */
	if (!printk_at_line_start && printk_line_owner != current && *p) {
		emit("\n", 1, printk_line_shown);
		printk_at_line_start = true;
	}
	while (*p) {
		char *eol = strchr(p, '\n');
		unsigned int n = eol ? (unsigned int)(eol - p + 1) : strlen(p);

		if (printk_at_line_start) {
			char stamp[24];
			u64 ns = sched_clock();
			int m = scnprintf(stamp, sizeof(stamp), "[%5lu.%06lu] ",
					  (unsigned long)(ns / 1000000000),
					  (unsigned long)(ns % 1000000000) / 1000);

			emit(stamp, m, show);
		}
		emit(p, n, show);
		printk_at_line_start = eol != NULL;
		p += n;
	}
	printk_line_owner = current;
	printk_line_shown = show;

	spin_unlock(&logbuf_lock);
	local_irq_restore(flags);
	return len;
}

int printk(const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vprintk(fmt, args);
	va_end(args);
	return n;
}

/**
 * printk_lines - printk a multi-line text, one message per line
 * @level: KERN_* for every line
 * @indent: put before each line
 * @text: the text; its newlines are replaced by NULs
 *
 * For reports built in a buffer (the memory report, a task's stack):
 * each line gets its own timestamp.
 * Context: any.
 */
void printk_lines(const char *level, const char *indent, char *text)
{
	while (*text) {
		char *eol = strchr(text, '\n');

		if (eol)
			*eol = '\0';
		printk("%s%s%s\n", level, indent, text);
		if (!eol)
			break;
		text = eol + 1;
	}
}

/**
 * console_write - write bytes to every console, as they are
 * @s: the bytes
 * @len: how many
 *
 * For what user programs write to the console and for the terminal's
 * echo: no timestamp, no log ring.  Serialised with printk by
 * logbuf_lock, so a line of output is never cut by a kernel message.
 * Context: any.
 */
void console_write(const char *s, unsigned int len)
{
	unsigned long flags;

	spin_lock_irqsave(&logbuf_lock, flags);
	for (struct console *con = console_drivers; con; con = con->next)
		con->write(con, s, len);
	spin_unlock_irqrestore(&logbuf_lock, flags);
}

/**
 * console_write_raw - write bytes to every console, without translation
 * @s: the bytes
 * @len: how many
 *
 * For the terminal (drivers/n_tty.c), whose output processing (ONLCR)
 * decides whether a newline gets a carriage return: a console with a
 * write_raw() gets the bytes exactly.
 * Context: any.
 */
void console_write_raw(const char *s, unsigned int len)
{
	unsigned long flags;

	spin_lock_irqsave(&logbuf_lock, flags);
	for (struct console *con = console_drivers; con; con = con->next) {
		if (con->write_raw)
			con->write_raw(con, s, len);
		else
			con->write(con, s, len);
	}
	spin_unlock_irqrestore(&logbuf_lock, flags);
}

/**
 * log_buf_copy - copy the newest part of the log ring
 * @dest: buffer
 * @len: its size; at most the last @len bytes are copied
 *
 * Context: process; takes logbuf_lock with interrupts off.
 * Return: the number of bytes copied.
 */
unsigned long log_buf_copy(char *dest, unsigned long len)
{
	unsigned long flags, start, n = 0;

	spin_lock_irqsave(&logbuf_lock, flags);
	start = log_end > LOG_BUF_LEN ? log_end - LOG_BUF_LEN : 0;
	if (log_end - start > len)
		start = log_end - len;
	for (unsigned long i = start; i < log_end; i++)
		dest[n++] = LOG_BUF(i);
	spin_unlock_irqrestore(&logbuf_lock, flags);
	return n;
}
