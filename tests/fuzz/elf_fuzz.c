// SPDX-License-Identifier: GPL-2.0
/*
 * tests/fuzz/elf_fuzz.c - the ELF loader (kernel/binfmt_elf.c) under
 * libFuzzer: any bytes, as the file an execve() names.
 *
 * The input becomes an initramfs file -- 4-byte aligned, as in the
 * archive, and exactly as long as the input, so that reading one byte
 * past its end is a sanitizer error -- and goes through load_elf_binary()
 * as do_execve() calls it, into a fresh address space
 * (tests/fuzz/host/user_pages.c).  Then what the loader promises is
 * checked:
 * - elf_check_headers() and load_elf_binary() agree: both refuse with
 *   -ENOEXEC and a reason, or neither does; -ENOMEM only when the
 *   machine's pages ran out;
 * - after a load, the pages mapped are exactly those of the PT_LOAD
 *   segments, all between page 1 and the stack (never at PAGE_OFFSET),
 *   each writable if and only if a PF_W segment covers it; the entry
 *   point is on one, inside [start_code, end_code); the heap starts
 *   page-aligned past every segment, below the stack; and a segment that
 *   shares no page with another holds the file's bytes, then zeros.
 * Built with libFuzzer by `make fuzz`, and with gcc and
 * tests/fuzz/replay.c for `make test` (docs/testing.md).
 */
#include <binfmts.h>
#include <elf.h>
#include <errno.h>
#include <kernel.h>
#include <mm.h>
#include <mm_types.h>
#include <string.h>
#include "host/fuzz.h"
#include "host/user_pages.h"

#define STACK_BOTTOM	(USER_STACK_TOP - USER_STACK_MAX)

static unsigned long seg_first(const Elf32_Phdr *ph)
{
	return ph->p_vaddr & PAGE_MASK;
}

/* One past the segment's last page; the checks made it < STACK_BOTTOM. */
static unsigned long seg_end(const Elf32_Phdr *ph)
{
	return PAGE_ALIGN((unsigned long)ph->p_vaddr + ph->p_memsz);
}

static bool covers(const Elf32_Phdr *ph, unsigned long page)
{
	return ph->p_type == PT_LOAD && page >= seg_first(ph) &&
	       page < seg_end(ph);
}

static bool shares_a_page(const Elf32_Phdr *ph, int n, int i)
{
	for (int j = 0; j < n; j++)
		if (j != i && ph[j].p_type == PT_LOAD &&
		    seg_first(&ph[j]) < seg_end(&ph[i]) &&
		    seg_first(&ph[i]) < seg_end(&ph[j]))
			return true;
	return false;
}

/* Its pages hold the file's bytes at [p_vaddr, + p_filesz), zeros around. */
static void check_segment_bytes(const Elf32_Phdr *ph, const char *file)
{
	unsigned long data = ph->p_vaddr, data_end = data + ph->p_filesz;

	for (unsigned long a = seg_first(ph); a < seg_end(ph); a += PAGE_SIZE) {
		const char *page = user_page_find(a)->data;

		for (unsigned long b = a; b < a + PAGE_SIZE; b++)
			FUZZ_ASSERT(page[b - a] == (b >= data && b < data_end ?
				    file[ph->p_offset + (b - data)] : 0));
	}
}

static void check_loaded(const struct linux_binprm *bprm, const char *file)
{
	const Elf32_Ehdr *eh = (const Elf32_Ehdr *)file;
	const Elf32_Phdr *ph = (const Elf32_Phdr *)(file + eh->e_phoff);
	const struct mm_struct *mm = bprm->mm;
	unsigned long union_pages = 0, last_end = 0;
	struct user_page *entry_page;

	for (int i = 0; i < user_pages_count(); i++) {
		struct user_page *page = user_page_nth(i);
		bool covered = false, writable = false;

		FUZZ_ASSERT(page->addr >= PAGE_SIZE &&
			    page->addr < STACK_BOTTOM);
		for (int j = 0; j < eh->e_phnum; j++) {
			if (covers(&ph[j], page->addr)) {
				covered = true;
				writable |= !!(ph[j].p_flags & PF_W);
			}
		}
		FUZZ_ASSERT(covered);
		FUZZ_ASSERT(page->writable == writable);
	}
	/* Every page of every segment is there: count their union. */
	for (unsigned long a = PAGE_SIZE; a < STACK_BOTTOM;) {
		unsigned long next = STACK_BOTTOM;
		bool in = false;

		for (int j = 0; j < eh->e_phnum; j++) {
			if (covers(&ph[j], a))
				in = true;
			else if (ph[j].p_type == PT_LOAD &&
				 seg_first(&ph[j]) > a && seg_end(&ph[j]) > a)
				next = min(next, seg_first(&ph[j]));
		}
		if (in) {
			FUZZ_ASSERT(user_page_find(a));
			union_pages++;
			a += PAGE_SIZE;
		} else {
			a = next;
		}
	}
	FUZZ_ASSERT(union_pages == (unsigned long)user_pages_count());
	FUZZ_ASSERT(mm->rss == union_pages);

	for (int j = 0; j < eh->e_phnum; j++) {
		if (ph[j].p_type != PT_LOAD)
			continue;
		last_end = max(last_end,
			       (unsigned long)ph[j].p_vaddr + ph[j].p_memsz);
		if (!shares_a_page(ph, eh->e_phnum, j))
			check_segment_bytes(&ph[j], file);
	}
	entry_page = user_page_find(bprm->entry);
	FUZZ_ASSERT(bprm->entry == eh->e_entry && entry_page);
	FUZZ_ASSERT(mm->start_code <= bprm->entry &&
		    bprm->entry < mm->end_code);
	FUZZ_ASSERT(mm->start_brk == mm->brk && !(mm->brk & ~PAGE_MASK));
	FUZZ_ASSERT(mm->brk >= last_end && mm->brk <= STACK_BOTTOM);
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	struct initramfs_file file = { .size = size };
	struct mm_struct mm = { .rss = 0 };
	struct linux_binprm bprm = { .file = &file, .mm = &mm };
	/* malloc(0) may return NULL; the loader must not read the byte. */
	char *copy = malloc(size ? size : 1);
	const char *why = NULL;
	int checked, err;

	FUZZ_ASSERT(copy);
	memcpy(copy, data, size);
	file.data = copy;
	user_pages_reset();

	checked = elf_check_headers(copy, size, &why);
	FUZZ_ASSERT(checked == 0 || checked == -ENOEXEC);
	FUZZ_ASSERT(!checked == !why);
	err = load_elf_binary(&bprm);
	if (err)
		fuzz_note("load_elf_binary: %d (%s)", err, why ? why : "-");
	else
		fuzz_note("load_elf_binary: entry %#lx, %d pages, brk %#lx",
			  bprm.entry, user_pages_count(), mm.brk);
	if (checked)
		FUZZ_ASSERT(err == checked && !user_pages_count());
	else if (err)
		FUZZ_ASSERT(err == -ENOMEM && user_pages_exhausted());
	else
		check_loaded(&bprm, copy);
	free(copy);
	return 0;
}
