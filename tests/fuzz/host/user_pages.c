// SPDX-License-Identifier: GPL-2.0
/*
 * tests/fuzz/host/user_pages.c - map_user_page(), make_user_page_private()
 * and access_process_vm() of mm/memory.c, and map_exec_page() of
 * mm/filemap.c, over a table of pages instead of page tables and the
 * page cache, for the host build of kernel/binfmt_elf.c.
 *
 * Every mapped page has 4 KiB of its own, zeroed when mapped as
 * get_zeroed_page() gives it, so the loader's copies really happen (the
 * address sanitizer checks each byte it reads from the file) and the
 * harness can read the result back; a page of the program (the page
 * cache's, shared in the kernel) is a read-only page with a copy of the
 * file's bytes at its offset.  The table holds USER_PAGES_MAX
 * pages; asking for one more is -ENOMEM, as on a machine out of memory,
 * so that a segment of 3 GiB ends there instead of being mapped.
 * Arguments the real functions would refuse with -EFAULT (an address in
 * the kernel half, not page-aligned) fail the run instead: the loader's
 * checks are meant to make them impossible.
 */
#include <errno.h>
#include <initramfs.h>
#include <kernel.h>
#include <mm.h>
#include <mm_types.h>
#include <string.h>
#include "fuzz.h"
#include "user_pages.h"

/* Open addressing on the page number; a slot holds a page index + 1. */
#define HASH_SLOTS	(4 * USER_PAGES_MAX)

static struct user_page pages[USER_PAGES_MAX];
static unsigned short slots[HASH_SLOTS];
static int nr_pages;
static bool exhausted;

static unsigned int slot_of(unsigned long addr)
{
	return (addr >> PAGE_SHIFT) * 2654435761u % HASH_SLOTS;
}

void user_pages_reset(void)
{
	memset(slots, 0, sizeof(slots));
	nr_pages = 0;
	exhausted = false;
}

struct user_page *user_page_find(unsigned long addr)
{
	addr &= PAGE_MASK;
	for (unsigned int s = slot_of(addr); slots[s]; s = (s + 1) % HASH_SLOTS)
		if (pages[slots[s] - 1].addr == addr)
			return &pages[slots[s] - 1];
	return NULL;
}

int user_pages_count(void)
{
	return nr_pages;
}

struct user_page *user_page_nth(int i)
{
	return &pages[i];
}

bool user_pages_exhausted(void)
{
	return exhausted;
}

static int map_page(const char *what, struct mm_struct *mm,
		    unsigned long addr, bool writable)
{
	unsigned int s;

	if (addr >= TASK_SIZE || (addr & ~PAGE_MASK))
		fuzz_fail("%s(%#lx): not a user page", what, addr);
	if (user_page_find(addr))
		return -EEXIST;
	if (nr_pages == USER_PAGES_MAX) {
		exhausted = true;
		return -ENOMEM;
	}
	for (s = slot_of(addr); slots[s]; s = (s + 1) % HASH_SLOTS)
		;
	slots[s] = nr_pages + 1;
	pages[nr_pages].addr = addr;
	pages[nr_pages].writable = writable;
	memset(pages[nr_pages].data, 0, PAGE_SIZE);
	nr_pages++;
	mm->rss++;
	return 0;
}

int map_user_page(struct mm_struct *mm, unsigned long addr, bool writable)
{
	return map_page(__func__, mm, addr, writable);
}

int map_exec_page(struct mm_struct *mm, unsigned long addr,
		  struct initramfs_file *file, unsigned long index)
{
	unsigned long offset = index << PAGE_SHIFT;
	int err;

	/* The loader asks only for pages wholly inside the file. */
	if (offset + PAGE_SIZE > file->size || offset + PAGE_SIZE < offset)
		fuzz_fail("map_exec_page(%#lx): page %lu is past the end of "
			  "a file of %zu bytes", addr, index, file->size);
	err = map_page(__func__, mm, addr, false);
	if (!err)
		memcpy(user_page_find(addr)->data, file->data + offset,
		       PAGE_SIZE);
	return err;
}

int make_user_page_private(struct mm_struct *mm, unsigned long addr,
			   bool writable)
{
	struct user_page *page = user_page_find(addr);

	if (addr & ~PAGE_MASK)
		fuzz_fail("make_user_page_private(%#lx): not aligned", addr);
	if (!page)
		return -EFAULT;
	page->writable |= writable;
	return 0;
}

int access_process_vm(struct mm_struct *mm, unsigned long addr, void *buf,
		      int len, bool write)
{
	int done = 0;

	while (done < len) {
		unsigned long offset = (addr + done) & ~PAGE_MASK;
		int n = min((unsigned long)(len - done), PAGE_SIZE - offset);
		struct user_page *page = addr + done < TASK_SIZE ?
					 user_page_find(addr + done) : NULL;

		if (!page)
			break;
		if (write)
			memcpy(page->data + offset, (char *)buf + done, n);
		else
			memcpy((char *)buf + done, page->data + offset, n);
		done += n;
	}
	return done;
}

/*
 * The loader records each segment as an area (mm/mmap.c); here only the
 * range is checked, as the real function would need it: page-aligned,
 * not empty, in user space.
 */
int vma_add(struct mm_struct *mm, unsigned long start, unsigned long end,
	    unsigned long vm_flags)
{
	if ((start | end) & ~PAGE_MASK || start >= end || end > TASK_SIZE)
		fuzz_fail("vma_add(%#lx, %#lx): not a user range", start, end);
	return 0;
}
