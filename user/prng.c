// SPDX-License-Identifier: GPL-2.0
/*
 * user/prng.c - /bin/prng: a reproducible stream of pseudo-random bytes.
 *
 * Linux 2.6: no counterpart (a test tool, like `openssl rand` with a
 * seed).  Writes SIZE bytes of Marsaglia's xorshift32 generator started
 * at SEED -- each step x ^= x << 13, x ^= x >> 17, x ^= x << 5, its four
 * bytes little-endian -- to standard output, CHUNK bytes per write(2)
 * (3000 unless told: writes that start and end inside a file system's
 * blocks).  The same arithmetic on the host gives the same bytes, so a
 * file written in the guest can be checked there byte for byte
 * (tests/system/test_ext3_write.py).
 *
 *	prng SEED SIZE [CHUNK]
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_CHUNK	65536

static char buf[MAX_CHUNK];

static void usage(void)
{
	dprintf(STDERR_FILENO, "usage: prng SEED SIZE [CHUNK]\n");
	exit(1);
}

int main(int argc, char **argv)
{
	unsigned long size, chunk = 3000;
	uint32_t x;
	unsigned int have = 0;	/* bytes of x not given out yet */

	if (argc < 3 || argc > 4)
		usage();
	x = strtoul(argv[1], NULL, 0);
	size = strtoul(argv[2], NULL, 0);
	if (argc == 4)
		chunk = strtoul(argv[3], NULL, 0);
	if (!x || !chunk || chunk > MAX_CHUNK)
		usage();
	while (size) {
		unsigned long n = size < chunk ? size : chunk;
		const char *p = buf;

		for (unsigned long i = 0; i < n; i++) {
			if (!have) {
				x ^= x << 13;
				x ^= x >> 17;
				x ^= x << 5;
				have = 4;
			}
			buf[i] = (char)(x >> (8 * (4 - have)));
			have--;
		}
		while (n) {
			ssize_t w = write(STDOUT_FILENO, p, n);

			if (w <= 0) {
				dprintf(STDERR_FILENO, "prng: write: %s\n",
					strerror(errno));
				return 1;
			}
			p += w;
			n -= w;
			size -= w;
		}
	}
	return 0;
}
