// SPDX-License-Identifier: GPL-2.0
/*
 * user/wc.c - /bin/wc: count the lines, words and bytes of files.
 *
 * Linux 2.6: coreutils' wc.  A line is a '\n' (a last line without one
 * is not counted, as everywhere), a word a run of characters between
 * blanks.  With no option all three counts are printed; with several
 * files, a total line too.
 *
 *	wc [-l] [-w] [-c] [FILE...]
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct counts {
	unsigned long lines, words, bytes;
};

static bool show_lines, show_words, show_bytes;

static void usage(void)
{
	dprintf(STDERR_FILENO, "usage: wc [-l] [-w] [-c] [FILE...]\n");
	exit(1);
}

/* Counts what @fd holds into @c; 0, or -1 (errno) on a read error. */
static int count(int fd, struct counts *c)
{
	static char buf[4096];
	bool in_word = false;
	ssize_t n;

	while ((n = read(fd, buf, sizeof(buf))) > 0) {
		c->bytes += n;
		for (ssize_t i = 0; i < n; i++) {
			if (buf[i] == '\n')
				c->lines++;
			if (isspace((unsigned char)buf[i])) {
				in_word = false;
			} else if (!in_word) {
				in_word = true;
				c->words++;
			}
		}
	}
	return n < 0 ? -1 : 0;
}

/*
 * One line of counts.  A single number for a single input stands
 * alone; otherwise each is right-aligned in 7 columns, as coreutils
 * does.
 */
static void print(const struct counts *c, const char *name, bool alone)
{
	int width = alone ? 1 : 7;
	const char *sep = "";

	if (show_lines) {
		printf("%*lu", width, c->lines);
		sep = " ";
	}
	if (show_words) {
		printf("%s%*lu", sep, width, c->words);
		sep = " ";
	}
	if (show_bytes)
		printf("%s%*lu", sep, width, c->bytes);
	printf("%s%s\n", name ? " " : "", name ? name : "");
}

int main(int argc, char **argv)
{
	struct counts total = { 0 };
	int status = 0, opt, files;
	bool alone;

	while ((opt = getopt(argc, argv, "lwc")) != -1) {
		if (opt == 'l')
			show_lines = true;
		else if (opt == 'w')
			show_words = true;
		else if (opt == 'c')
			show_bytes = true;
		else
			usage();
	}
	if (!show_lines && !show_words && !show_bytes)
		show_lines = show_words = show_bytes = true;
	files = argc - optind;
	alone = files <= 1 && show_lines + show_words + show_bytes == 1;
	if (!files) {
		if (count(STDIN_FILENO, &total) < 0) {
			dprintf(STDERR_FILENO, "wc: -: %s\n", strerror(errno));
			return 1;
		}
		print(&total, NULL, alone);
		return 0;
	}
	for (int i = optind; i < argc; i++) {
		struct counts c = { 0 };
		int fd = open(argv[i], O_RDONLY);

		if (fd < 0 || count(fd, &c) < 0) {
			dprintf(STDERR_FILENO, "wc: %s: %s\n", argv[i],
				strerror(errno));
			status = 1;
			if (fd >= 0)
				close(fd);
			continue;
		}
		close(fd);
		print(&c, argv[i], alone);
		total.lines += c.lines;
		total.words += c.words;
		total.bytes += c.bytes;
	}
	if (files > 1)
		print(&total, "total", false);
	return status;
}
