/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tests/fuzz/host/fuzz.h - what the harnesses (tests/fuzz/NAME_fuzz.c)
 * share: libFuzzer's entry point, the host's allocator, a way to fail,
 * and what the kernel printed (tests/fuzz/host/host.c).
 *
 * The harnesses are built like kernel files, against include/ and not
 * the host C library's headers (whose ssize_t and off_t differ from the
 * kernel's on i386), so the few host functions they use are declared
 * here.  fuzz_fail() aborts: libFuzzer and the replay runner
 * (tests/fuzz/replay.c) report an abort like any sanitizer error.
 */
#ifndef _FUZZ_H
#define _FUZZ_H

#include <compiler.h>
#include <types.h>

/* The harness: one input, any bytes; returns 0 (libFuzzer's contract). */
int LLVMFuzzerTestOneInput(const u8 *data, size_t size);

/* The host C library's allocator: AddressSanitizer guards each block. */
void *malloc(size_t size);
void free(void *ptr);

/* Prints "fuzz: <what>" and aborts. */
void fuzz_fail(const char *fmt, ...) __printf(1, 2) __noreturn;
/* Prints "fuzz: <what>" if FUZZ_VERBOSE is set: what became of an input. */
void fuzz_note(const char *fmt, ...) __printf(1, 2);

#define FUZZ_ASSERT(cond)						\
	do {								\
		if (!(cond))						\
			fuzz_fail("%s:%d: %s", __FILE__, __LINE__, #cond); \
	} while (0)

/*
 * printk() formats every message with the kernel's vsnprintf() and
 * counts it by level (KERN_ERR is 3), and if it begins with @watch (not
 * NULL) of the last fuzz_printk_reset(), in fuzz_printk_watched();
 * FUZZ_VERBOSE=1 in the environment prints it too.
 */
void fuzz_printk_reset(const char *watch);
int fuzz_printk_count(int level);
int fuzz_printk_watched(void);
const char *fuzz_printk_last(void);	/* the last message, level stripped */

/*
 * A transcript of what happens while parsing: from fuzz_transcript(@buf,
 * @size) on, each printk() message ("<level>text") and each
 * fuzz_transcript_add() is appended to @buf (cut at @size), until
 * fuzz_transcript(NULL, 0).  Two runs that should behave alike compare
 * their transcripts.
 */
void fuzz_transcript(char *buf, size_t size);
void fuzz_transcript_add(const char *fmt, ...) __printf(1, 2);

/*
 * A reference for the number parsers of lib/cmdline.c: the host C
 * library's strtoull() on @s in @base (0: C prefixes), but only from a
 * digit (no spaces or signs, which strtoull() would skip).
 * Return: 0 with *@v and *@end (after the digits) set, -EINVAL if @s
 * does not start with a digit, -ERANGE if the digits overflow 64 bits.
 */
int fuzz_strtoull(const char *s, unsigned int base, unsigned long long *v,
		  const char **end);

#endif /* _FUZZ_H */
