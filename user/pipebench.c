// SPDX-License-Identifier: GPL-2.0
/*
 * user/pipebench.c - /bin/pipebench: how fast a pipe carries bytes
 * between two processes.
 *
 * Linux 2.6: no counterpart in the tree; lmbench's bw_pipe and lat_pipe
 * measure the same two things.  Throughput: a child reads, in 4 KiB
 * reads until end of file, THROUGHPUT_BYTES the parent writes in 4 KiB
 * writes (MB/s, from the first write until the child has exited).
 * Latency: one byte goes to a child through one pipe and comes back
 * through another, LATENCY_ROUNDS times (ns per round trip).  With one
 * CPU every 4 KiB and every round trip costs two context switches: the
 * writer fills the ring (one page, fs/pipe.c) and sleeps, the reader
 * empties it and sleeps.  Each figure is the median of RUNS runs.
 *
 * Time is the TSC, read in ring 3 (rdtsc), turned into seconds with
 * its frequency in kHz: the first argument (the in-kernel benchmark,
 * tests/bench/pipe_bench.c, passes the kernel's tsc_khz) or, without
 * one, the "TSC: N.NNN MHz" line of the kernel log; if neither is
 * there, the rows are in TSC cycles.  The rows are `make bench`'s:
 * "bench: NAME: VALUE UNIT" (tools/bench.py).
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <tsc.h>
#include <unistd.h>

#define CHUNK			4096
#define THROUGHPUT_BYTES	(4 << 20)
#define LATENCY_ROUNDS		1000
#define RUNS			5

static uint64_t median(uint64_t *v, int n)
{
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0 && v[j - 1] > v[j]; j--) {
			uint64_t t = v[j];

			v[j] = v[j - 1];
			v[j - 1] = t;
		}
	return v[n / 2];
}

static void die(const char *what)
{
	dprintf(STDERR_FILENO, "pipebench: %s: %s\n", what, strerror(errno));
	exit(1);
}

/* Reads to end of file, then exits. */
static void drain(int fd)
{
	static char buf[CHUNK];

	while (read(fd, buf, sizeof(buf)) > 0)
		;
	_exit(0);
}

/* Cycles to move THROUGHPUT_BYTES to a child, 4 KiB a write. */
static uint64_t throughput_cycles(void)
{
	static char buf[CHUNK];
	uint64_t t0;
	int fds[2];
	pid_t pid;

	if (pipe(fds) < 0)
		die("pipe");
	pid = fork();
	if (pid < 0)
		die("fork");
	if (pid == 0) {
		close(fds[1]);
		drain(fds[0]);
	}
	close(fds[0]);
	memset(buf, 'x', sizeof(buf));
	t0 = rdtsc();
	for (int done = 0; done < THROUGHPUT_BYTES; done += CHUNK)
		if (write(fds[1], buf, CHUNK) != CHUNK)
			die("write");
	close(fds[1]);
	if (waitpid(pid, NULL, 0) != pid)
		die("waitpid");
	return rdtsc() - t0;
}

/* Sends back each byte it gets, until end of file. */
static void echo_bytes(int in, int out)
{
	char c;

	while (read(in, &c, 1) == 1)
		if (write(out, &c, 1) != 1)
			break;
	_exit(0);
}

/* Cycles of LATENCY_ROUNDS one-byte round trips through a child. */
static uint64_t latency_cycles(void)
{
	int to_child[2], to_parent[2];
	uint64_t t0, t1;
	char c = 'p';
	pid_t pid;

	if (pipe(to_child) < 0 || pipe(to_parent) < 0)
		die("pipe");
	pid = fork();
	if (pid < 0)
		die("fork");
	if (pid == 0) {
		close(to_child[1]);
		close(to_parent[0]);
		echo_bytes(to_child[0], to_parent[1]);
	}
	close(to_child[0]);
	close(to_parent[1]);
	t0 = rdtsc();
	for (int i = 0; i < LATENCY_ROUNDS; i++)
		if (write(to_child[1], &c, 1) != 1 ||
		    read(to_parent[0], &c, 1) != 1)
			die("round trip");
	t1 = rdtsc();
	close(to_child[1]);
	close(to_parent[0]);
	if (waitpid(pid, NULL, 0) != pid)
		die("waitpid");
	return t1 - t0;
}

int main(int argc, char **argv)
{
	uint64_t bw[RUNS], lat[RUNS], khz = 0, cycles;

	if (argc > 2 || (argc == 2 && !(khz = strtoul(argv[1], NULL, 10)))) {
		dprintf(STDERR_FILENO, "usage: pipebench [TSC_KHZ]\n");
		return 2;
	}
	if (!khz)
		khz = tsc_khz();
	for (int r = 0; r < RUNS; r++) {
		bw[r] = throughput_cycles();
		lat[r] = latency_cycles();
	}
	cycles = median(bw, RUNS);
	if (khz)
		/* bytes / (cycles / (kHz * 1000)) / 10^6 */
		printf("bench: pipe throughput, 4 KiB writes: %llu MB/s\n",
		       (unsigned long long)((uint64_t)THROUGHPUT_BYTES * khz /
					    1000 / cycles));
	else
		printf("bench: pipe throughput, 4 KiB writes: %llu "
		       "cycles/KiB\n", (unsigned long long)(cycles /
							 (THROUGHPUT_BYTES /
							  1024)));
	cycles = median(lat, RUNS) / LATENCY_ROUNDS;
	if (khz)
		printf("bench: pipe round trip, 1 byte: %llu ns\n",
		       (unsigned long long)(cycles * 1000000 / khz));
	else
		printf("bench: pipe round trip, 1 byte: %llu cycles\n",
		       (unsigned long long)cycles);
	return 0;
}
