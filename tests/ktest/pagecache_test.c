// SPDX-License-Identifier: GPL-2.0
/*
 * tests/ktest/pagecache_test.c - the page cache of files from inside:
 * find_get_page(), add_to_page_cache_lru(), truncate_inode_pages() and the
 * dirty and writeback bookkeeping (mm/filemap.c, mm/page-writeback.c,
 * fs/fs-writeback.c).
 *
 * No disk is needed: each test builds an inode of a super block of its
 * own (never mounted, so no writeback pass but the test's own looks at
 * it) whose address_space has test operations -- writepage records the
 * call and ends the write at once.  The runner's count of free pages and
 * slab objects afterwards checks that every page and the inode went.
 */
#include <fs.h>
#include <gfp.h>
#include <kernel.h>
#include <ktest.h>
#include <mm.h>
#include <pagemap.h>
#include <writeback.h>

static int writepage_calls;

/* Ends the write at once: what a disk does, minus the disk. */
static int test_writepage(struct page *page, struct writeback_control *wbc)
{
	writepage_calls++;
	test_set_page_writeback(page);
	unlock_page(page);
	end_page_writeback(page);
	return 0;
}

static const struct address_space_operations test_aops = {
	.writepage = test_writepage,
};

static struct super_block test_sb;

static struct inode *test_inode(void)
{
	struct inode *inode;

	INIT_LIST_HEAD(&test_sb.s_inodes);
	INIT_LIST_HEAD(&test_sb.s_dirty);
	INIT_LIST_HEAD(&test_sb.s_io);
	inode = new_inode(&test_sb);
	if (inode)
		inode->i_mapping->a_ops = &test_aops;
	return inode;
}

/* Page @index of @mapping, made, uptodate and unlocked; a reference. */
static struct page *cached_page(struct address_space *mapping,
				unsigned long index)
{
	struct page *page = find_or_create_page(mapping, index, GFP_KERNEL);

	if (page) {
		SetPageUptodate(page);
		unlock_page(page);
	}
	return page;
}

KTEST(pagecache_add_find_truncate)
{
	struct inode *inode = test_inode();
	struct address_space *m;
	struct page *page, *other;
	unsigned long files = nr_file_pages();

	KTEST_ASSERT(inode);
	m = inode->i_mapping;
	page = alloc_page(GFP_KERNEL);
	other = alloc_page(GFP_KERNEL);
	KTEST_ASSERT(page && other);
	KTEST_EXPECT_EQ(add_to_page_cache_lru(page, m, 5), 0);
	KTEST_EXPECT(PageLocked(page));		/* to be filled */
	KTEST_EXPECT_EQ(page_count(page), 2);	/* ours and the cache's */
	KTEST_EXPECT_EQ(m->nrpages, 1);
	KTEST_EXPECT_EQ(nr_file_pages(), files + 1);
	KTEST_EXPECT_EQ(add_to_page_cache_lru(other, m, 5), -EEXIST);
	__free_page(other);
	KTEST_EXPECT(find_get_page(m, 6) == NULL);
	KTEST_EXPECT(find_get_page(m, 5) == page);
	KTEST_EXPECT_EQ(page_count(page), 3);
	KTEST_EXPECT(page->mapping == m && page->index == 5);
	unlock_page(page);

	truncate_inode_pages(m, 0);
	KTEST_EXPECT_EQ(m->nrpages, 0);
	KTEST_EXPECT(find_get_page(m, 5) == NULL);
	KTEST_EXPECT(page->mapping == NULL);
	KTEST_EXPECT_EQ(page_count(page), 2);	/* the cache's went */
	KTEST_EXPECT_EQ(nr_file_pages(), files);
	page_cache_release(page);
	page_cache_release(page);		/* the last: freed */
	iput(inode);
}

KTEST(pagecache_truncate_keeps_the_pages_before)
{
	struct inode *inode = test_inode();
	struct address_space *m;

	KTEST_ASSERT(inode);
	m = inode->i_mapping;
	for (unsigned long i = 0; i < 8; i++) {
		struct page *page = cached_page(m, i);

		KTEST_ASSERT(page);
		page_cache_release(page);	/* the cache keeps it */
	}
	KTEST_EXPECT_EQ(m->nrpages, 8);
	/* A byte into page 3: pages 0-3 stay, 4-7 go. */
	truncate_inode_pages(m, 3 * PAGE_SIZE + 1);
	KTEST_EXPECT_EQ(m->nrpages, 4);
	for (unsigned long i = 0; i < 8; i++) {
		struct page *page = find_get_page(m, i);

		KTEST_EXPECT_EQ(page != NULL, i < 4);
		if (page)
			page_cache_release(page);
	}
	truncate_inode_pages(m, 0);
	KTEST_EXPECT_EQ(m->nrpages, 0);
	iput(inode);
}

KTEST(pagecache_dirty_page_is_written_back_once)
{
	struct inode *inode = test_inode();
	unsigned long dirty = global_page_state_dirty();
	struct address_space *m;
	struct page *page;

	KTEST_ASSERT(inode);
	m = inode->i_mapping;
	page = find_or_create_page(m, 0, GFP_KERNEL);
	KTEST_ASSERT(page);
	SetPageUptodate(page);
	set_page_dirty(page);
	set_page_dirty(page);		/* counted once */
	unlock_page(page);
	KTEST_EXPECT(PageDirty(page));
	KTEST_EXPECT_EQ(global_page_state_dirty(), dirty + 1);
	KTEST_EXPECT(!list_empty(&m->dirty_pages));
	KTEST_EXPECT(inode->i_state & I_DIRTY_PAGES);
	KTEST_EXPECT(!list_empty(&test_sb.s_dirty));
	KTEST_EXPECT_EQ(atomic_read(&inode->i_count), 2); /* + s_dirty's */

	writepage_calls = 0;
	sync_inodes_sb(&test_sb);
	KTEST_EXPECT_EQ(writepage_calls, 1);
	KTEST_EXPECT(!PageDirty(page) && !PageWriteback(page));
	KTEST_EXPECT_EQ(global_page_state_dirty(), dirty);
	KTEST_EXPECT(list_empty(&m->dirty_pages));
	KTEST_EXPECT(list_empty(&test_sb.s_dirty));
	KTEST_EXPECT(!(inode->i_state & I_DIRTY_PAGES));
	KTEST_EXPECT_EQ(atomic_read(&inode->i_count), 1);

	sync_inodes_sb(&test_sb);	/* clean: nothing more to write */
	KTEST_EXPECT_EQ(writepage_calls, 1);
	page_cache_release(page);
	iput(inode);			/* drops the page with the inode */
}
