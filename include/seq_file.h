/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/seq_file.h - text files made by a function: the seq_file
 * interface (fs/seq_file.c).
 *
 * Linux 2.6: include/linux/seq_file.h.
 * A file whose contents the kernel computes when it is read (every file
 * of /proc) is a sequence of records: an iterator (start, next, stop)
 * walks them, and show() prints one with seq_printf() into a kernel
 * buffer.  seq_read() copies the buffer out, however small the reader's
 * reads are; a record that does not fit the buffer is printed again
 * into a larger one, so show() never has to know how big its text is.
 * A file of one record (most of /proc) uses single_open(): the iterator
 * is done for it, only show() remains.  Understanding the Linux Kernel,
 * 3rd ed., chapter 12, "Special Filesystems" (procfs is the example).
 */
#ifndef _SEQ_FILE_H
#define _SEQ_FILE_H

#include <compiler.h>
#include <fs.h>
#include <mutex.h>
#include <stdarg.h>
#include <types.h>

struct file;
struct seq_file;

/* The iterator over a file's records; @pos counts records from 0. */
struct seq_operations {
	void *(*start)(struct seq_file *m, loff_t *pos);
	void (*stop)(struct seq_file *m, void *v);
	void *(*next)(struct seq_file *m, void *v, loff_t *pos);
	int (*show)(struct seq_file *m, void *v);	/* 0, SEQ_SKIP or -E */
};

/* show()'s "print nothing for this record" (what it printed is dropped). */
#define SEQ_SKIP	1

struct seq_file {
	char *buf;		/* the text of whole records */
	size_t size;		/* its size: a page, doubled on overflow */
	size_t from;		/* where the unread text starts in buf */
	size_t count;		/* bytes of unread text; size: overflowed */
	loff_t index;		/* the next record not yet in buf */
	loff_t read_pos;	/* the file position of buf + from */
	const struct seq_operations *op;
	void *private;		/* the file's object (single_open's data) */

	struct mutex lock;	/* one reader at a time (fork shares files) */
};

/* fs/seq_file.c: open, read, lseek and release of a file_operations */
int seq_open(struct file *file, const struct seq_operations *op);
ssize_t seq_read(struct file *file, char *buf, size_t size);
ssize_t seq_read_kernel(struct file *file, char *buf, size_t size);
off_t seq_lseek(struct file *file, off_t offset, int whence);
void seq_release(struct file *file);

int single_open(struct file *file, int (*show)(struct seq_file *, void *),
		void *data);
void single_release(struct file *file);

int seq_vprintf(struct seq_file *m, const char *fmt, va_list args);
int seq_printf(struct seq_file *m, const char *fmt, ...) __printf(2, 3);
int seq_puts(struct seq_file *m, const char *s);
int seq_putc(struct seq_file *m, char c);
int seq_write(struct seq_file *m, const void *data, size_t len);

/*
 * For a show() that formats with a function of its own (one that writes
 * into a char buffer): seq_get_buf() gives the free room, seq_commit()
 * takes the bytes written there, or -1 for "it did not fit".  Text that
 * fills the room up to its NUL counts as not fitting: a writer that cuts
 * its text short (scnprintf()) cannot tell the two apart, and the record
 * is then printed again into a larger buffer.
 */
static inline size_t seq_get_buf(struct seq_file *m, char **bufp)
{
	if (m->count < m->size) {
		*bufp = m->buf + m->count;
		return m->size - m->count;
	}
	*bufp = NULL;
	return 0;
}

static inline void seq_commit(struct seq_file *m, int num)
{
	if (num < 0 || m->count + num + 1 >= m->size)
		m->count = m->size;	/* overflowed */
	else
		m->count += num;
}

/* Did the last print not fit (the record is printed again, bigger)? */
static inline bool seq_has_overflowed(struct seq_file *m)
{
	return m->count == m->size;
}

#endif /* _SEQ_FILE_H */
