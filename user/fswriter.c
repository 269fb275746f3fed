// SPDX-License-Identifier: GPL-2.0
/*
 * user/fswriter.c - /bin/fswriter: a file-system writer whose every byte
 * the host can recompute, for the crash and power-button tests, and the
 * file-system rows of `make bench`.
 *
 * Linux 2.6: no counterpart (a test tool, in the spirit of the
 * fsstress and fsx programs that are run against Linux's file systems).
 *
 *	fswriter SEED DIR [OPS]	creates, appends to and fsync()s files
 *				in DIR (made if missing), OPS operations
 *				(0 or none: until killed)
 *	fswriter -b DIR		the benchmark rows, "bench: NAME: VALUE UNIT"
 *
 * Every 4 KiB block of a file holds one 16-byte record repeated 256
 * times: the magic "KTFW" (0x5746544b little-endian), SEED, the file's
 * number and the block's number, four 32-bit words little-endian.  A
 * block is written whole, in one write(2), so after a crash each block
 * of a file is either that record (from this file, at this place) or
 * never written (a hole, zeros) -- never another file's or another
 * place's bytes, which the host would see as garbage.
 *
 * The operations come from a xorshift32 stream started at SEED, so a
 * seed always does the same thing: open (creating) file f<N>, append one
 * to four blocks, and, two times in three, fsync(2) it and print
 *	fswriter: fsync DIR/f<N> LENGTH
 * once fsync() has returned: from then on LENGTH bytes of that file must
 * survive any crash (tests/system/test_crash.py kills QEMU after a
 * varied number of these lines).  A write not followed by fsync prints
 *	fswriter: wrote DIR/f<N> LENGTH
 * (no promise before a sync).  One operation in eight instead makes
 * DIR/o<N>, writes two blocks to it and unlinks it while keeping it open
 * (up to MAX_OPEN at once; then the oldest is closed, which deletes it):
 * a crash leaves such inodes on ext3's orphan list, which the next mount
 * empties (fs/ext3/super.c: ext3_orphan_cleanup()); it prints
 *	fswriter: orphan DIR/o<N>
 * The first line is "fswriter: start SEED".
 *
 * The benchmark measures with the TSC (its frequency from the kernel
 * log, as /bin/pipebench does): a 16 MiB file written then fsync()ed,
 * read back after the caches are dropped (kt_drop_caches()), the median
 * latency of a one-block write + fsync, small files made then sync()ed
 * (and the journal's commits meanwhile, from /proc/fs/jbd2/hda1-8/info),
 * and the journal's commits per second while small files are made and
 * each fsync()ed -- a mail spool's load: every fsync() is a commit.
 */
#include <errno.h>
#include <fcntl.h>
#include <kt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <tsc.h>
#include <unistd.h>

#define BLOCK		4096
#define MAGIC		0x5746544bu	/* "KTFW" */
#define MAX_FILES	12
#define MAX_OPEN	4	/* unlinked files held open */

#define BENCH_BYTES	(16 << 20)
#define FSYNC_ROUNDS	31
#define SMALL_FILES	300
#define FSYNCED_FILES	100
#define JBD2_INFO	"/proc/fs/jbd2/hda1-8/info"

static uint32_t buf[BLOCK / 4];

static void die(const char *what)
{
	dprintf(STDERR_FILENO, "fswriter: %s: %s\n", what, strerror(errno));
	exit(1);
}

/* A call the C library has no wrapper for: -1 and errno on error. */
static int call(long nr, long a1, long a2)
{
	long ret = raw_syscall(nr, a1, a2, 0, 0, 0);

	if (ret < 0 && ret > -4096) {
		errno = -ret;
		return -1;
	}
	return 0;
}

static int do_fsync(int fd)
{
	return call(__NR_fsync, fd, 0);
}

static int do_mkdir(const char *path)
{
	return call(__NR_mkdir, (long)path, 0755);
}

static uint32_t next(uint32_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 17;
	*x ^= *x << 5;
	return *x;
}

/* Fills buf with block @block of file @file. */
static void fill(uint32_t seed, uint32_t file, uint32_t block)
{
	for (int i = 0; i < BLOCK / 4; i += 4) {
		buf[i] = MAGIC;
		buf[i + 1] = seed;
		buf[i + 2] = file;
		buf[i + 3] = block;
	}
}

static void write_all(int fd, const void *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);

		if (w <= 0)
			die("write");
		p = (const char *)p + w;
		n -= w;
	}
}

static int do_unlink(const char *path)
{
	return call(__NR_unlink, (long)path, 0);
}

/*
 * File o<n>: two blocks, then unlinked while open; the oldest of the
 * MAX_OPEN held is closed first.  Its blocks are those of file number
 * 1000 + n.
 */
static void orphan(uint32_t seed, const char *dir, uint32_t n, int *held)
{
	char path[256];
	int fd;

	snprintf(path, sizeof(path), "%s/o%u", dir, n);
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		die(path);
	for (uint32_t b = 0; b < 2; b++) {
		fill(seed, 1000 + n, b);
		write_all(fd, buf, BLOCK);
	}
	if (do_unlink(path) < 0)
		die("unlink");
	if (held[n % MAX_OPEN] >= 0 && close(held[n % MAX_OPEN]) < 0)
		die("close");
	held[n % MAX_OPEN] = fd;
	dprintf(STDOUT_FILENO, "fswriter: orphan %s\n", path);
}

static int writer(uint32_t seed, const char *dir, unsigned long ops)
{
	uint32_t blocks[MAX_FILES] = { 0 };
	uint32_t nfiles = 0, norphans = 0, x = seed;
	int held[MAX_OPEN] = { -1, -1, -1, -1 };
	char path[256];

	if (do_mkdir(dir) < 0 && errno != EEXIST)
		die(dir);
	dprintf(STDOUT_FILENO, "fswriter: start %u\n", seed);
	for (unsigned long op = 0; !ops || op < ops; op++) {
		uint32_t r = next(&x);
		uint32_t f, n;
		int fd;

		if ((r >> 4) % 8 == 7) {
			orphan(seed, dir, norphans++, held);
			continue;
		}

		/* A new file while there are few, else one of the others. */
		if (nfiles < 3 || (nfiles < MAX_FILES && r % 5 == 0))
			f = nfiles++;
		else
			f = (r >> 8) % nfiles;
		n = 1 + (r >> 16) % 4;
		snprintf(path, sizeof(path), "%s/f%u", dir, f);
		fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0644);
		if (fd < 0)
			die(path);
		for (uint32_t i = 0; i < n; i++) {
			fill(seed, f, blocks[f]++);
			write_all(fd, buf, BLOCK);
		}
		if ((r >> 24) % 3) {
			if (do_fsync(fd) < 0)
				die("fsync");
			dprintf(STDOUT_FILENO, "fswriter: fsync %s %u\n", path,
				blocks[f] * BLOCK);
		} else {
			dprintf(STDOUT_FILENO, "fswriter: wrote %s %u\n", path,
				blocks[f] * BLOCK);
		}
		if (close(fd) < 0)
			die("close");
	}
	dprintf(STDOUT_FILENO, "fswriter: done\n");
	return 0;
}

/* ----- the benchmark ------------------------------------------------- */

/* The journal's commit count, the first number of its info file. */
static unsigned long jbd2_commits(void)
{
	char text[512];
	int fd = open(JBD2_INFO, O_RDONLY);
	ssize_t n;

	if (fd < 0)
		die(JBD2_INFO);
	n = read(fd, text, sizeof(text) - 1);
	close(fd);
	if (n <= 0)
		die(JBD2_INFO);
	text[n] = '\0';
	return strtoul(text, NULL, 10);
}

static void sort(uint64_t *v, int n)
{
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0 && v[j - 1] > v[j]; j--) {
			uint64_t t = v[j];

			v[j] = v[j - 1];
			v[j - 1] = t;
		}
}

/* Bytes per cycle turned into KiB/s at @khz. */
static unsigned long long kib_per_s(uint64_t bytes, uint64_t cycles,
				    uint64_t khz)
{
	return cycles ? bytes * khz / cycles * 1000 / 1024 : 0;
}

static int bench(const char *dir)
{
	uint64_t khz = tsc_khz(), t0, t1, lat[FSYNC_ROUNDS];
	unsigned long c0, c1;
	char path[256];
	int fd;

	if (!khz) {
		dprintf(STDERR_FILENO, "fswriter: no TSC frequency in the "
			"kernel log\n");
		return 1;
	}
	if (do_mkdir(dir) < 0 && errno != EEXIST)
		die(dir);

	snprintf(path, sizeof(path), "%s/seq", dir);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		die(path);
	fill(1, 0, 0);
	t0 = rdtsc();
	for (int i = 0; i < BENCH_BYTES / BLOCK; i++)
		write_all(fd, buf, BLOCK);
	if (do_fsync(fd) < 0)
		die("fsync");
	t1 = rdtsc();
	close(fd);
	dprintf(STDOUT_FILENO, "bench: ext3 write 16 MiB + fsync: %llu KiB/s\n",
		kib_per_s(BENCH_BYTES, t1 - t0, khz));

	kt_drop_caches();
	fd = open(path, O_RDONLY);
	if (fd < 0)
		die(path);
	t0 = rdtsc();
	for (int i = 0; i < BENCH_BYTES / BLOCK; i++)
		if (read(fd, buf, BLOCK) != BLOCK)
			die("read");
	t1 = rdtsc();
	close(fd);
	dprintf(STDOUT_FILENO, "bench: ext3 read 16 MiB, caches dropped: "
		"%llu KiB/s\n", kib_per_s(BENCH_BYTES, t1 - t0, khz));

	snprintf(path, sizeof(path), "%s/small", dir);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		die(path);
	for (int i = 0; i < FSYNC_ROUNDS; i++) {
		t0 = rdtsc();
		write_all(fd, buf, 512);
		if (do_fsync(fd) < 0)
			die("fsync");
		lat[i] = rdtsc() - t0;
	}
	close(fd);
	sort(lat, FSYNC_ROUNDS);
	dprintf(STDOUT_FILENO, "bench: ext3 512 B write + fsync, median: "
		"%llu ns\n",
		(unsigned long long)(lat[FSYNC_ROUNDS / 2] * 1000000 / khz));

	c0 = jbd2_commits();
	t0 = rdtsc();
	for (int i = 0; i < SMALL_FILES; i++) {
		snprintf(path, sizeof(path), "%s/s%d", dir, i);
		fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (fd < 0)
			die(path);
		write_all(fd, buf, 1000);
		close(fd);
	}
	sync();
	t1 = rdtsc();
	c1 = jbd2_commits();
	dprintf(STDOUT_FILENO, "bench: ext3 %d small files + sync: %llu "
		"files/s\n", SMALL_FILES, (unsigned long long)
		((uint64_t)SMALL_FILES * khz * 1000 / (t1 - t0)));
	dprintf(STDOUT_FILENO, "bench: jbd2 commits while making them: "
		"%lu commits\n", c1 - c0);

	c0 = jbd2_commits();
	t0 = rdtsc();
	for (int i = 0; i < FSYNCED_FILES; i++) {
		snprintf(path, sizeof(path), "%s/f%d", dir, i);
		fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (fd < 0)
			die(path);
		write_all(fd, buf, 1000);
		if (do_fsync(fd) < 0)
			die("fsync");
		close(fd);
	}
	t1 = rdtsc();
	c1 = jbd2_commits();
	dprintf(STDOUT_FILENO, "bench: jbd2 commit rate, small files "
		"fsync()ed: %llu commits/s\n", (unsigned long long)
		((uint64_t)(c1 - c0) * khz * 1000 / (t1 - t0)));
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "-b"))
		return bench(argv[2]);
	if (argc < 3 || argc > 4 || !strtoul(argv[1], NULL, 0)) {
		dprintf(STDERR_FILENO, "usage: fswriter SEED DIR [OPS] | "
			"fswriter -b DIR\n");
		return 1;
	}
	return writer(strtoul(argv[1], NULL, 0), argv[2],
		      argc == 4 ? strtoul(argv[3], NULL, 0) : 0);
}
