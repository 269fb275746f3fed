// SPDX-License-Identifier: GPL-2.0
/*
 * user/ls.c - /bin/ls: list directories, or show files.
 *
 * Linux 2.6: coreutils' ls, a few of its options.  A directory is read
 * with getdents64(2) (through readdir(), user/lib/dirent.c), which the
 * kernel answers from the directory's dentries (fs/readdir.c); -l asks
 * lstat64(2) about each name for the inode's mode, link count and size,
 * and readlink(2) for where a symbolic link points.  Names are sorted
 * byte by byte (the "C" locale); those starting with '.' are hidden
 * unless -a.  On a terminal the names go in columns; into a pipe, one
 * per line, so that `ls | wc -l` counts them (-1 asks for that always).
 *
 *	ls [-l] [-a] [-1] [PATH...]
 */
#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#define PATH_LEN	512

static bool long_format, all, one_per_line;
static int status;

static void usage(void)
{
	dprintf(STDERR_FILENO, "usage: ls [-l] [-a] [-1] [PATH...]\n");
	exit(1);
}

static void fail(const char *name)
{
	dprintf(STDERR_FILENO, "ls: %s: %s\n", name, strerror(errno));
	status = 1;
}

/* "drwxr-xr-x": the type, then read/write/execute for user, group, other. */
static void mode_string(unsigned int mode, char *s)
{
	static const char types[] = "?pc?d?b?-?l?s???";
	static const char rwx[] = "rwxrwxrwx";

	s[0] = types[(mode & S_IFMT) >> 12];
	for (int i = 0; i < 9; i++)
		s[1 + i] = mode & (0400 >> i) ? rwx[i] : '-';
	if (mode & 04000)
		s[3] = s[3] == 'x' ? 's' : 'S';
	if (mode & 02000)
		s[6] = s[6] == 'x' ? 's' : 'S';
	if (mode & 01000)
		s[9] = s[9] == 'x' ? 't' : 'T';
	s[10] = '\0';
}

/* One -l line for @name, whose path is @path. */
static void print_long(const char *path, const char *name)
{
	char mode[11], target[PATH_LEN];
	struct stat st;
	ssize_t len;

	if (lstat(path, &st) < 0) {
		fail(path);
		return;
	}
	mode_string(st.st_mode, mode);
	printf("%s %3u %8lld %s", mode, st.st_nlink, st.st_size, name);
	if (S_ISLNK(st.st_mode)) {
		len = readlink(path, target, sizeof(target) - 1);
		if (len >= 0) {
			target[len] = '\0';
			printf(" -> %s", target);
		}
	}
	printf("\n");
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The terminal's width, or 80. */
static int screen_columns(void)
{
	unsigned short winsize[4];	/* rows, columns, xpixel, ypixel */

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, winsize) == 0 && winsize[1])
		return winsize[1];
	return 80;
}

/* Names in columns, down then across, as ls does on a terminal. */
static void print_columns(char **names, int count)
{
	int width = 1, columns, rows;

	for (int i = 0; i < count; i++)
		if ((int)strlen(names[i]) + 2 > width)
			width = strlen(names[i]) + 2;
	columns = screen_columns() / width;
	if (columns < 1)
		columns = 1;
	rows = (count + columns - 1) / columns;
	for (int r = 0; r < rows; r++) {
		for (int c = 0; c < columns; c++) {
			int i = c * rows + r;

			if (i >= count)
				break;
			/* The last one on its row needs no padding. */
			if (i + rows >= count || c == columns - 1)
				printf("%s", names[i]);
			else
				printf("%-*s", width, names[i]);
		}
		printf("\n");
	}
}

/* Prints the sorted @names, short or long; @dir is where they are. */
static void print_names(const char *dir, char **names, int count)
{
	qsort(names, count, sizeof(*names), compare_names);
	if (long_format) {
		for (int i = 0; i < count; i++) {
			char path[PATH_LEN];

			snprintf(path, sizeof(path), "%s%s%s", dir ? dir : "",
				 dir ? "/" : "", names[i]);
			print_long(path, names[i]);
		}
	} else if (one_per_line) {
		for (int i = 0; i < count; i++)
			printf("%s\n", names[i]);
	} else {
		print_columns(names, count);
	}
}

static void list_directory(const char *path)
{
	char **names = NULL;
	int count = 0;
	struct dirent *d;
	DIR *dir = opendir(path);

	if (!dir) {
		fail(path);
		return;
	}
	for (errno = 0; (d = readdir(dir)); errno = 0) {
		char **more;

		if (d->d_name[0] == '.' && !all)
			continue;
		more = realloc(names, (count + 1) * sizeof(*names));
		if (!more || !(more[count] = malloc(strlen(d->d_name) + 1))) {
			names = more ? more : names;
			errno = ENOMEM;
			break;
		}
		names = more;
		strlcpy(names[count], d->d_name, strlen(d->d_name) + 1);
		count++;
	}
	if (errno)
		fail(path);
	closedir(dir);
	print_names(path, names, count);
	for (int i = 0; i < count; i++)
		free(names[i]);
	free(names);
}

int main(int argc, char **argv)
{
	char *here[] = { ".", NULL };
	char **files, **dirs;
	int nr_files = 0, nr_dirs = 0, opt, count;

	while ((opt = getopt(argc, argv, "la1")) != -1) {
		if (opt == 'l')
			long_format = true;
		else if (opt == 'a')
			all = true;
		else if (opt == '1')
			one_per_line = true;
		else
			usage();
	}
	if (!isatty(STDOUT_FILENO))
		one_per_line = true;
	argv += optind;
	count = argc - optind;
	if (!count) {
		argv = here;
		count = 1;
	}
	/* Files first, then each directory's contents, as ls does. */
	files = malloc(count * sizeof(char *));
	dirs = malloc(count * sizeof(char *));
	if (!files || !dirs) {
		dprintf(STDERR_FILENO, "ls: out of memory\n");
		return 1;
	}
	for (int i = 0; i < count; i++) {
		struct stat st;

		if (stat(argv[i], &st) < 0 &&
		    (errno != ENOENT || lstat(argv[i], &st) < 0))
			fail(argv[i]);
		else if (S_ISDIR(st.st_mode))
			dirs[nr_dirs++] = argv[i];
		else
			files[nr_files++] = argv[i];
	}
	print_names(NULL, files, nr_files);
	qsort(dirs, nr_dirs, sizeof(*dirs), compare_names);
	for (int i = 0; i < nr_dirs; i++) {
		/* Several: each under its name, blank lines between. */
		if (nr_files || nr_dirs > 1)
			printf("%s%s:\n", nr_files || i ? "\n" : "", dirs[i]);
		list_directory(dirs[i]);
	}
	return status;
}
