// SPDX-License-Identifier: GPL-2.0
/*
 * mm/filemap.c - the page cache of programs: one copy of each page of a
 * program, mapped read-only by every process that runs it.
 *
 * Linux 2.6: mm/filemap.c (find_get_page, add_to_page_cache,
 * filemap_nopage), fs/drop_caches.c; Understanding the Linux Kernel, 3rd
 * ed., chapter 15, Section "The Page Cache", and chapter 16, Section
 * "Memory Mapping".
 * The files of rootfs stay in the boot module, at no page boundary
 * (struct initramfs_file).  A page of a program's code or constants
 * must be a page of its own to be mapped, so the first execve() that
 * needs page i of a file copies the file's bytes [i * 4096, + 4096) into
 * a new page and keeps it in file->pages[i]; every later execve() of the
 * program, by any process, maps that same page (one reference each:
 * get_page()), and fork() shares it too (mm/memory.c: dup_mm()).
 * Linux does the same for every file through the page cache.  Running
 * busybox a second time thus costs page table entries, not 2 MB of
 * copying -- and the code, never rewritten, stays in the CPU's caches
 * (and QEMU keeps its translation of it).  Only pages wholly inside a
 * read-only segment come from here (kernel/binfmt_elf.c); the rest are
 * copied into each address space, as writable data must be.
 *
 * A page only the cache holds (page_count() 1) is unused, and goes when
 * memory is short (the shrinker, asked by kswapd0 and direct reclaim)
 * or on drop_caches (drop_exec_pages()); the next execve() copies it
 * again.  /proc/meminfo counts the cache as Cached.
 * The lock: exec_cache_lock guards every file's pages[], the list of
 * files that have one, and each test of page_count() == 1.  The cache
 * hands out references only under the lock, and a page mapped by an
 * address space has at least two, so a page seen unused under the lock
 * stays unused until it is freed.
 */
#include <gfp.h>
#include <initramfs.h>
#include <kernel.h>
#include <mm.h>
#include <mm_types.h>
#include <slab.h>
#include <spinlock.h>
#include <string.h>
#include <swap.h>

static DEFINE_SPINLOCK(exec_cache_lock);
static LIST_HEAD(cached_files);		/* each initramfs_file with pages[] */
static unsigned long nr_cached;		/* pages in every pages[] */

static unsigned long file_pages(const struct initramfs_file *file)
{
	return PFN_UP(file->size);
}

/* Give @file its pages[] if it has none.  Return: false if out of memory. */
static bool alloc_page_array(struct initramfs_file *file)
{
	struct page **pages;

	if (READ_ONCE(file->pages))
		return true;
	pages = kzalloc(file_pages(file) * sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return false;
	spin_lock(&exec_cache_lock);
	if (!file->pages) {
		file->pages = pages;
		list_add_tail(&file->cached, &cached_files);
		pages = NULL;
	}
	spin_unlock(&exec_cache_lock);
	kfree(pages);		/* another execve() made one meanwhile */
	return true;
}

/* Page @index of @file with a reference for the caller; NULL: no memory. */
static struct page *find_get_exec_page(struct initramfs_file *file,
				       unsigned long index)
{
	unsigned long offset = index << PAGE_SHIFT;
	size_t n = min((size_t)PAGE_SIZE, file->size - offset);
	struct page *page, *found;

	if (!alloc_page_array(file))
		return NULL;
	spin_lock(&exec_cache_lock);
	page = file->pages[index];
	if (page)
		get_page(page);
	spin_unlock(&exec_cache_lock);
	if (page)
		return page;

	/* Not cached: copy it, without the lock (the copy may sleep). */
	page = alloc_page(GFP_KERNEL);
	if (!page)
		return NULL;
	memcpy(page_address(page), file->data + offset, n);
	memset((char *)page_address(page) + n, 0, PAGE_SIZE - n);

	spin_lock(&exec_cache_lock);
	found = file->pages[index];
	if (!found) {
		file->pages[index] = page;	/* the cache's reference */
		nr_cached++;
		found = page;
		page = NULL;
	}
	get_page(found);			/* the caller's */
	spin_unlock(&exec_cache_lock);
	if (page)
		put_page(page);		/* another execve() cached it first */
	return found;
}

/**
 * map_exec_page - map page @index of a program read-only, from the cache
 * @mm: the new address space (execve())
 * @addr: page-aligned user address
 * @file: the program
 * @index: which page of it: bytes [@index * PAGE_SIZE, + PAGE_SIZE)
 *
 * Context: process, may sleep.
 * Return: 0, -ENOMEM, -EEXIST (something is mapped at @addr already),
 * -EFAULT (not a user address).
 */
int map_exec_page(struct mm_struct *mm, unsigned long addr,
		  struct initramfs_file *file, unsigned long index)
{
	struct page *page = find_get_exec_page(file, index);
	int err;

	if (!page)
		return -ENOMEM;
	err = install_user_page(mm, addr, page);
	if (err)
		put_page(page);
	return err;
}

/*
 * Free up to @nr pages only the cache holds (all of them: ~0UL), and the
 * pages[] of a file left with none.  Return: the unused pages left.
 */
static unsigned long shrink_exec_pages(unsigned long nr, unsigned long *freed)
{
	struct initramfs_file *file, *next;
	unsigned long unused = 0;

	spin_lock(&exec_cache_lock);
	list_for_each_entry_safe(file, next, &cached_files, cached) {
		bool empty = true;

		for (unsigned long i = 0; i < file_pages(file); i++) {
			struct page *page = file->pages[i];

			if (!page)
				continue;
			if (page_count(page) != 1) {
				empty = false;
			} else if (*freed < nr) {
				file->pages[i] = NULL;
				nr_cached--;
				put_page(page);
				(*freed)++;
			} else {
				empty = false;
				unused++;
			}
		}
		if (empty) {
			list_del(&file->cached);
			kfree(file->pages);
			file->pages = NULL;
		}
	}
	spin_unlock(&exec_cache_lock);
	return unused;
}

/**
 * drop_exec_pages - free every page of the cache no process maps
 *
 * For drop_caches (mm/buffer.c: drop_pagecache()).
 * Context: process.
 * Return: how many pages were freed.
 */
unsigned long drop_exec_pages(void)
{
	unsigned long freed = 0;

	shrink_exec_pages(~0UL, &freed);
	return freed;
}

/**
 * nr_exec_pages - the pages the cache holds, mapped or not
 *
 * Context: any.
 * Return: the count (/proc/meminfo's Cached).
 */
unsigned long nr_exec_pages(void)
{
	return READ_ONCE(nr_cached);
}

/* Reclaim (mm/vmscan.c): @nr 0 asks how many pages could go. */
static int exec_cache_shrink(int nr, gfp_t gfp_mask)
{
	unsigned long freed = 0;

	return shrink_exec_pages(nr, &freed);
}

static struct shrinker exec_cache_shrinker = {
	.shrink = exec_cache_shrink,
};

/**
 * filemap_init - let reclaim free the cache's unused pages
 *
 * Context: pid 1, boot.
 */
void filemap_init(void)
{
	register_shrinker(&exec_cache_shrinker);
}
