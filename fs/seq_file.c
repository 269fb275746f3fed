// SPDX-License-Identifier: GPL-2.0
/*
 * fs/seq_file.c - reading a file that a function prints: seq_read() and
 * the seq_printf() family.
 *
 * Linux 2.6: fs/seq_file.c.
 * A seq_file keeps one kernel buffer of whole records.  read() takes
 * what is left in it; when it is empty, seq_fill() asks the iterator
 * for the record at m->index and prints it with show(), then the next
 * ones while they fit and the reader wants more.  A print that does not
 * fit marks the buffer full (count == size, seq_has_overflowed()): a
 * record after the first is dropped and left for the next fill; the
 * first record alone in a buffer too small is printed again into one
 * twice as large (a page, two, four, ...), so show() never has to know
 * how long its text will be.  The records are printed afresh for each
 * fill: a file of /proc says what is true at read time.
 *
 * The file position counts bytes of text; a seek (or a read at a
 * position the buffer does not hold) prints the records again from the
 * first one until the position is reached (traverse()).
 *
 * Two tasks that share the open file (fork, dup) take turns on the seq
 * file's mutex, m->lock: a sleeping lock, since show() may sleep (to
 * allocate) and the copy to the user may fault.
 *
 * Next: fs/proc/ for the files that use it; docs/proc.md walks one read.
 */
#include <asm/uaccess.h>
#include <errno.h>
#include <file.h>
#include <kernel.h>
#include <sched.h>
#include <seq_file.h>
#include <slab.h>
#include <string.h>
#include <vsprintf.h>

/**
 * seq_open - make @file a seq_file over the records of @op
 * @file: the file being opened
 * @op: the iterator and show()
 *
 * The seq_file goes in file->private_data; seq_release() frees it.
 * Context: process.
 * Return: 0, or -ENOMEM.
 */
int seq_open(struct file *file, const struct seq_operations *op)
{
	struct seq_file *m = kzalloc(sizeof(*m), GFP_KERNEL);

	if (!m)
		return -ENOMEM;
	m->op = op;
	mutex_init(&m->lock);
	file->private_data = m;
	return 0;
}

/* A buffer twice as big, empty; Return: 0 or -ENOMEM. */
static int seq_grow(struct seq_file *m)
{
	size_t size = m->size ? m->size * 2 : PAGE_SIZE;
	char *buf = kmalloc(size, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	kfree(m->buf);
	m->buf = buf;
	m->size = size;
	m->from = 0;
	m->count = 0;
	return 0;
}

/*
 * The empty buffer gets the record at m->index, whole, then the next
 * ones while the buffer holds fewer than @want bytes and they fit.
 * m->index moves past every record taken (or skipped).  Return: 0 (no
 * text left at all: the end of the file) or -E from the iterator, show()
 * or the allocation.
 */
static int seq_fill(struct seq_file *m, size_t want)
{
	loff_t pos, after;
	void *p;
	int err;

	m->from = 0;
	m->count = 0;
	if (!m->buf && seq_grow(m))
		return -ENOMEM;
	/* The first record: printed again, bigger, until it fits. */
	for (;;) {
		pos = m->index;
		p = m->op->start(m, &pos);
		if (!p || IS_ERR(p)) {
			m->op->stop(m, p);
			m->index = pos;
			return IS_ERR(p) ? PTR_ERR(p) : 0;
		}
		err = m->op->show(m, p);
		if (err < 0) {
			m->count = 0;
			m->op->stop(m, p);
			return err;
		}
		if (!seq_has_overflowed(m))
			break;
		m->op->stop(m, p);
		err = seq_grow(m);
		if (err)
			return err;
	}
	if (err == SEQ_SKIP)
		m->count = 0;
	after = pos + 1;
	/* More records while the reader wants more and they fit. */
	while (m->count < want) {
		size_t kept = m->count;

		p = m->op->next(m, p, &pos);
		after = pos;
		if (!p || IS_ERR(p))
			break;		/* an error shows at the next fill */
		err = m->op->show(m, p);
		if (err < 0 || seq_has_overflowed(m)) {
			m->count = kept;
			break;		/* this one is for the next fill */
		}
		if (err == SEQ_SKIP)
			m->count = kept;
		after = pos + 1;
	}
	m->op->stop(m, p);
	m->index = after;
	return 0;
}

/*
 * Make the buffer start at byte @offset of the text: print the records
 * from the first one, dropping whole records before @offset and the head
 * of the one it falls in.  An offset past the end leaves the buffer empty
 * there (reads return 0).  Return: 0 or -E (the position is then 0).
 */
static int traverse(struct seq_file *m, loff_t offset)
{
	int err = 0;

	m->index = 0;
	m->read_pos = 0;
	m->count = 0;
	while (m->read_pos < offset) {
		err = seq_fill(m, 1);
		if (err || !m->count)
			break;
		if (m->read_pos + (loff_t)m->count > offset) {
			m->from = offset - m->read_pos;
			m->count -= m->from;
			m->read_pos = offset;
			return 0;
		}
		m->read_pos += m->count;
		m->count = 0;
	}
	if (err) {
		m->index = 0;
		m->read_pos = 0;
		m->count = 0;
		return err;
	}
	m->read_pos = offset;
	return 0;
}

static int copy_out(char *to, const char *from, size_t n, bool to_user)
{
	if (!to_user) {
		memcpy(to, from, n);
		return 0;
	}
	return copy_to_user(to, from, n) ? -EFAULT : 0;
}

static ssize_t do_seq_read(struct seq_file *m, char *buf, size_t size,
			   loff_t *ppos, bool to_user)
{
	size_t copied = 0;
	int err = 0;

	mutex_lock(&m->lock);
	if (*ppos != m->read_pos)
		err = traverse(m, *ppos);
	while (!err && copied < size) {
		size_t n;

		if (!m->count) {
			err = seq_fill(m, size - copied);
			if (err || !m->count)
				break;		/* the end, or an error */
		}
		n = min(m->count, size - copied);
		err = copy_out(buf + copied, m->buf + m->from, n, to_user);
		if (err)
			break;
		m->from += n;
		m->count -= n;
		copied += n;
	}
	m->read_pos += copied;
	*ppos += copied;
	mutex_unlock(&m->lock);
	/* As read(2): what was copied counts, an error only if nothing was. */
	return copied ? (ssize_t)copied : err;
}

/* The file position as the seq_file counts it, and back. */
static ssize_t seq_read_at_f_pos(struct file *file, char *buf, size_t size,
				 bool to_user)
{
	loff_t pos = file->f_pos;
	ssize_t n = do_seq_read(file->private_data, buf, size, &pos, to_user);

	file->f_pos = pos;
	return n;
}

/**
 * seq_read - read() of a seq_file
 * @file: the file (seq_open() or single_open() made it)
 * @buf: the user buffer
 * @size: its size
 *
 * Reads from file->f_pos, in bytes of text, and advances it.
 * Context: process, may sleep.
 * Return: bytes copied (0 at the end), or -EFAULT, -ENOMEM, or an error
 * from the file's iterator or show().
 */
ssize_t seq_read(struct file *file, char *buf, size_t size)
{
	return seq_read_at_f_pos(file, buf, size, true);
}

/**
 * seq_read_kernel - seq_read() into a kernel buffer
 * @file: the file
 * @buf: the kernel buffer
 * @size: its size
 *
 * For readers inside the kernel (the tests), which have no user buffer.
 * Context: process, may sleep.
 * Return: as seq_read().
 */
ssize_t seq_read_kernel(struct file *file, char *buf, size_t size)
{
	return seq_read_at_f_pos(file, buf, size, false);
}

/**
 * seq_lseek - lseek() of a seq_file
 * @file: the file
 * @offset: the offset
 * @whence: SEEK_SET or SEEK_CUR (the text's end is not known in advance)
 *
 * Context: process, may sleep (the records up to @offset are printed).
 * Return: the new position, or -EINVAL (bad @whence, negative position),
 * or an error from printing; then the position is 0.
 */
off_t seq_lseek(struct file *file, off_t offset, int whence)
{
	struct seq_file *m = file->private_data;
	off_t ret = -EINVAL;

	mutex_lock(&m->lock);
	if (whence == SEEK_CUR) {
		if (__builtin_add_overflow(offset, file->f_pos, &offset))
			goto out;
	} else if (whence != SEEK_SET) {
		goto out;
	}
	if (offset < 0)
		goto out;
	ret = offset;
	if (offset != m->read_pos) {
		int err = traverse(m, offset);

		if (err) {
			ret = err;
			offset = 0;
		}
	}
	file->f_pos = offset;
out:
	mutex_unlock(&m->lock);
	return ret;
}

/**
 * seq_release - free what seq_open() made
 * @file: the file
 *
 * Context: process (the file's last close).
 */
void seq_release(struct file *file)
{
	struct seq_file *m = file->private_data;

	kfree(m->buf);
	kfree(m);
	file->private_data = NULL;
}

/* single_open()'s iterator: one record, at position 0. */
static void *single_start(struct seq_file *m, loff_t *pos)
{
	return *pos == 0 ? (void *)1 : NULL;
}

static void *single_next(struct seq_file *m, void *v, loff_t *pos)
{
	++*pos;
	return NULL;
}

static void single_stop(struct seq_file *m, void *v)
{
}

/**
 * single_open - a seq_file of one record printed by @show
 * @file: the file being opened
 * @show: prints the whole text; m->private is @data
 * @data: what @show prints
 *
 * Context: process.
 * Return: 0, or -ENOMEM.
 */
int single_open(struct file *file, int (*show)(struct seq_file *, void *),
		void *data)
{
	struct seq_operations *op = kmalloc(sizeof(*op), GFP_KERNEL);
	int err;

	if (!op)
		return -ENOMEM;
	op->start = single_start;
	op->next = single_next;
	op->stop = single_stop;
	op->show = show;
	err = seq_open(file, op);
	if (err) {
		kfree(op);
		return err;
	}
	((struct seq_file *)file->private_data)->private = data;
	return 0;
}

/**
 * single_release - free what single_open() made
 * @file: the file
 *
 * Context: process (the file's last close).
 */
void single_release(struct file *file)
{
	const struct seq_operations *op =
		((struct seq_file *)file->private_data)->op;

	seq_release(file);
	kfree(op);
}

/* The text did not fit: mark the buffer full, show() will run again. */
static int seq_set_overflow(struct seq_file *m)
{
	m->count = m->size;
	return -1;
}

/**
 * seq_vprintf - print into a seq_file's buffer
 * @m: the seq_file
 * @fmt: the format
 * @args: its arguments
 *
 * Context: inside show().
 * Return: 0, or -1 if the text did not fit (the record is printed again
 * into a larger buffer: show() goes on regardless).
 */
int seq_vprintf(struct seq_file *m, const char *fmt, va_list args)
{
	size_t room;
	int len;

	if (seq_has_overflowed(m))
		return -1;
	room = m->size - m->count;
	len = vsnprintf(m->buf + m->count, room, fmt, args);
	/* vsnprintf() needs room for its NUL too: a text of room bytes
	 * is as good as one too long. */
	if (len < 0 || (size_t)len >= room)
		return seq_set_overflow(m);
	m->count += len;
	return 0;
}

/**
 * seq_printf - print into a seq_file's buffer
 * @m: the seq_file
 * @fmt: the format, printf-style
 *
 * Context: inside show().
 * Return: as seq_vprintf().
 */
int seq_printf(struct seq_file *m, const char *fmt, ...)
{
	va_list args;
	int ret;

	va_start(args, fmt);
	ret = seq_vprintf(m, fmt, args);
	va_end(args);
	return ret;
}

/**
 * seq_write - put bytes (NULs too) into a seq_file's buffer
 * @m: the seq_file
 * @data: the bytes
 * @len: how many
 *
 * Context: inside show().
 * Return: 0, or -1 if they did not fit.
 */
int seq_write(struct seq_file *m, const void *data, size_t len)
{
	/* Strictly less than the room: a full buffer means "overflowed". */
	if (m->count + len >= m->size)
		return seq_set_overflow(m);
	memcpy(m->buf + m->count, data, len);
	m->count += len;
	return 0;
}

/**
 * seq_puts - put a string into a seq_file's buffer
 * @m: the seq_file
 * @s: the string
 *
 * Context: inside show().
 * Return: 0, or -1 if it did not fit.
 */
int seq_puts(struct seq_file *m, const char *s)
{
	return seq_write(m, s, strlen(s));
}

/**
 * seq_putc - put one character into a seq_file's buffer
 * @m: the seq_file
 * @c: the character
 *
 * Context: inside show().
 * Return: 0, or -1 if it did not fit.
 */
int seq_putc(struct seq_file *m, char c)
{
	return seq_write(m, &c, 1);
}
