// SPDX-License-Identifier: GPL-2.0
/*
 * tests/fuzz/replay.c - run a fuzz harness over saved inputs, without
 * libFuzzer.
 *
 * Linked with a harness (tests/fuzz/NAME_fuzz.c) in place of libFuzzer's
 * main(), and built with gcc and the address and undefined-behaviour
 * sanitizers, so that `make test` replays the corpus and every input
 * that once crashed on a machine with no fuzzing runtime:
 *
 *     build/replay/elf_fuzz tests/fuzz/corpus/elf tests/fuzz/regressions/elf
 *
 * Each argument is a file or a directory (its files, in name order).
 * Each input is read into a block of exactly its size, as libFuzzer
 * passes it, and given to LLVMFuzzerTestOneInput(); its name goes to
 * stderr first, so a sanitizer report follows the name of the input that
 * caused it, and "ok N - NAME" to stdout after.  A sanitizer error or a
 * failed check aborts the run (status non-zero); tests/unit/
 * test_fuzz_replay.py replays one input per run, to report each.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int replayed;

static void replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint8_t *data;
	long size;

	if (!f || fseek(f, 0, SEEK_END) || (size = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET)) {
		perror(path);
		exit(2);
	}
	/* Exactly @size bytes: one more would hide a read past the end. */
	data = malloc(size ? size : 1);
	if (!data || fread(data, 1, size, f) != (size_t)size) {
		perror(path);
		exit(2);
	}
	fclose(f);
	fprintf(stderr, "replay: %s (%ld bytes)\n", path, size);
	LLVMFuzzerTestOneInput(data, size);
	free(data);
	printf("ok %d - %s\n", ++replayed, path);
	fflush(stdout);
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static void replay(const char *path)
{
	struct dirent **names;
	struct stat st;
	int n;

	if (stat(path, &st)) {
		perror(path);
		exit(2);
	}
	if (!S_ISDIR(st.st_mode)) {
		replay_file(path);
		return;
	}
	n = scandir(path, &names, NULL, by_name);
	if (n < 0) {
		perror(path);
		exit(2);
	}
	for (int i = 0; i < n; i++) {
		char child[4096];

		/* Regular files, not hidden ones (.gitignore, ...). */
		if (names[i]->d_name[0] != '.') {
			snprintf(child, sizeof(child), "%s/%s", path,
				 names[i]->d_name);
			if (!stat(child, &st) && S_ISREG(st.st_mode))
				replay_file(child);
		}
		free(names[i]);
	}
	free(names);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE|DIR...\n", argv[0]);
		return 2;
	}
	for (int i = 1; i < argc; i++)
		replay(argv[i]);
	printf("1..%d\n", replayed);
	return 0;
}
