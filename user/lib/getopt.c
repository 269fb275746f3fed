// SPDX-License-Identifier: GPL-2.0
/*
 * user/lib/getopt.c - getopt(), the option parser of every Unix program.
 *
 * Linux 2.6 + a C library: POSIX getopt(), as in glibc's posix/getopt.c
 * without GNU's reordering: options come first, "--" ends them, "-"
 * alone is an operand.  Letters may be grouped ("-cv"), and an option
 * that takes an argument takes the rest of its word or the next word
 * ("-n5" or "-n 5").  An unknown option or a missing argument is
 * reported on stderr in glibc's words and returned as '?', so that the
 * program prints its usage line.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

char *optarg;		/* the argument of the option just returned */
int optind = 1;		/* the next word of argv to look at */
int opterr = 1;		/* print the error messages */
int optopt;		/* the option that was wrong */

/**
 * getopt - the next option letter of argv
 * @argc: the word count
 * @argv: the words; argv[0] names the program in messages
 * @optstring: the option letters, each followed by ':' if it takes an
 *	argument
 *
 * Return: the letter, '?' for an unknown one or a missing argument, or
 * -1 when the options are over (argv[optind] is then the first operand).
 */
int getopt(int argc, char *const argv[], const char *optstring)
{
	static int next;	/* the letter within argv[optind] */
	const char *spec;
	char *word;

	if (optind >= argc)
		return -1;
	word = argv[optind];
	if (!next) {
		if (word[0] != '-' || !word[1])
			return -1;
		if (!strcmp(word, "--")) {
			optind++;
			return -1;
		}
		next = 1;
	}
	optopt = word[next++];
	spec = optopt != ':' ? strchr(optstring, optopt) : NULL;
	if (!spec) {
		if (opterr)
			dprintf(STDERR_FILENO, "%s: invalid option -- '%c'\n",
				argv[0], optopt);
		if (!word[next]) {
			next = 0;
			optind++;
		}
		return '?';
	}
	if (spec[1] != ':') {
		if (!word[next]) {
			next = 0;
			optind++;
		}
		return optopt;
	}
	/* Its argument: the rest of this word, or the next word. */
	optind++;
	if (word[next]) {
		optarg = word + next;
	} else if (optind < argc) {
		optarg = argv[optind++];
	} else {
		next = 0;
		if (opterr)
			dprintf(STDERR_FILENO, "%s: option requires an "
				"argument -- '%c'\n", argv[0], optopt);
		return '?';
	}
	next = 0;
	return optopt;
}
