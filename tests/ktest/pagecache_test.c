// SPDX-License-Identifier: GPL-2.0
/*
 * tests/ktest/pagecache_test.c - the page cache of files from inside:
 * find_get_page(), add_to_page_cache_lru(), truncate_inode_pages(), the
 * dirty and writeback bookkeeping (mm/filemap.c, mm/page-writeback.c,
 * fs/fs-writeback.c), and reclaim freeing the clean file pages on the LRU
 * (mm/vmscan.c: shrink_file_page(), lab 6's last region).
 *
 * Most tests need no disk: each builds an inode of a super block of its
 * own (never mounted, so no writeback pass but the test's own looks at
 * it) whose address_space has test operations -- writepage records the
 * call and ends the write at once.  The runner's count of free pages and
 * slab objects afterwards checks that every page and the inode went.
 * The inode cache's test mounts hda1 (tools/mkdisk.py) read-only, when
 * the disk has it (ktest=all on four CPUs).
 */
#include <atomic.h>
#include <blkdev.h>
#include <buffer_head.h>
#include <completion.h>
#include <cpumask.h>
#include <delay.h>
#include <errno.h>
#include <fs.h>
#include <gfp.h>
#include <kernel.h>
#include <kthread.h>
#include <ktest.h>
#include <mm.h>
#include <mmzone.h>
#include <pagemap.h>
#include <sched.h>
#include <string.h>
#include <swap.h>
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

/*
 * Reclaim's side of the cache (mm/vmscan.c: shrink_file_page()): of 64
 * pages on the LRU, the 48 that only the cache holds are freed and leave
 * their mapping; 8 the test still holds and 8 under writeback (held by
 * the cache alone too) stay.
 */
KTEST(lru_frees_clean_file_pages_and_keeps_busy_ones)
{
	enum { NR = 64, FREE = 48, HELD = 8 };
	struct inode *inode = test_inode();
	unsigned long stolen = vm_events.pgsteal;
	struct page *held[HELD];
	struct address_space *m;
	int rounds = 0, kept = 0;

	KTEST_ASSERT(inode);
	m = inode->i_mapping;
	for (unsigned long i = 0; i < NR; i++) {
		struct page *page = cached_page(m, i);

		KTEST_ASSERT(page);
		if (i >= FREE && i < FREE + HELD) {
			held[i - FREE] = page;		/* ours too */
			continue;
		}
		if (i >= FREE + HELD) {
			lock_page(page);
			test_set_page_writeback(page);
			unlock_page(page);
		}
		page_cache_release(page);		/* the cache's alone */
	}
	/* Referenced pages get a second chance first: a few rounds. */
	for (; rounds < 8 && m->nrpages > NR - FREE; rounds++)
		shrink_all_memory(2 * NR);
	printk(KERN_INFO "ktest: lru: %lu of %d file pages left after %d "
	       "shrinks, %lu freed\n", m->nrpages, NR, rounds,
	       vm_events.pgsteal - stolen);
	KTEST_EXPECT_EQ(m->nrpages, NR - FREE);
	for (unsigned long i = 0; i < NR; i++) {
		struct page *page = find_get_page(m, i);

		if (i < FREE) {
			kept += page != NULL;
		} else if (i >= FREE + HELD) {
			/* Under writeback: never freed, the write ends here. */
			KTEST_EXPECT(page && PageWriteback(page));
			if (page && PageWriteback(page))
				end_page_writeback(page);
		} else {
			KTEST_EXPECT(page == held[i - FREE]);
		}
		if (page)
			page_cache_release(page);
	}
	/* shrink_file_page() frees a clean page only the cache holds. */
	KTEST_EXPECT_EQ(kept, 0);
	for (int i = 0; i < HELD; i++)
		page_cache_release(held[i]);
	KTEST_EXPECT(vm_events.pgsteal - stolen >= FREE);
	truncate_inode_pages(m, 0);
	iput(inode);
}

/*
 * drop_caches (invalidate_mapping_pages()): of 24 pages, the 8 only the
 * cache holds go; 4 we hold, 4 dirty, 4 under writeback and 4 locked
 * stay, and none of them is waited for.
 */
KTEST(drop_caches_drops_only_clean_unused_file_pages)
{
	enum { FREE = 8, BUSY = 4, NR = FREE + 4 * BUSY };
	struct inode *inode = test_inode();
	struct page *pages[NR];
	struct address_space *m;
	unsigned long dropped;

	KTEST_ASSERT(inode);
	m = inode->i_mapping;
	inode->i_size = NR * PAGE_SIZE;
	for (unsigned long i = 0; i < NR; i++) {
		pages[i] = cached_page(m, i);
		KTEST_ASSERT(pages[i]);
	}
	for (unsigned long i = FREE + BUSY; i < NR; i++) {
		lock_page(pages[i]);
		if (i < FREE + 2 * BUSY)
			set_page_dirty(pages[i]);
		else if (i < FREE + 3 * BUSY)
			test_set_page_writeback(pages[i]);
		if (i < FREE + 3 * BUSY)
			unlock_page(pages[i]);
	}
	/* Ours dropped: the cache's alone, but for the 4 we keep. */
	for (unsigned long i = 0; i < NR; i++)
		if (i < FREE || i >= FREE + BUSY)
			page_cache_release(pages[i]);

	dropped = invalidate_mapping_pages(m);
	KTEST_EXPECT_EQ(dropped, FREE);
	KTEST_EXPECT_EQ(m->nrpages, NR - FREE);
	for (unsigned long i = 0; i < NR; i++) {
		struct page *page = find_get_page(m, i);

		KTEST_EXPECT((page != NULL) == (i >= FREE));
		if (page)
			page_cache_release(page);
	}
	/* Again: nothing more goes, and the lists still hold every page. */
	KTEST_EXPECT_EQ(invalidate_mapping_pages(m), 0);
	KTEST_EXPECT_EQ(m->nrpages, NR - FREE);

	for (unsigned long i = FREE; i < FREE + BUSY; i++)
		page_cache_release(pages[i]);
	for (unsigned long i = FREE + 2 * BUSY; i < NR; i++) {
		if (i < FREE + 3 * BUSY)
			end_page_writeback(pages[i]);
		else
			unlock_page(pages[i]);
	}
	sync_inodes_sb(&test_sb);	/* the dirty ones, for iput() */
	truncate_inode_pages(m, 0);
	KTEST_EXPECT_EQ(m->nrpages, 0);
	iput(inode);
}

#define ICACHE_MNT	"/tmp/icachet"

static void icache_unmount(void *data)
{
	(void)do_umount_path(ICACHE_MNT, 0);
	(void)do_unlinkat(AT_FDCWD, ICACHE_MNT, AT_REMOVEDIR);
}

/* Mount hda1 read-only on ICACHE_MNT; Return: false if there is none. */
static bool icache_mount(void)
{
	if (!lookup_bdev("hda1")) {
		printk(KERN_INFO "ktest: hda has no hda1: no inode cache to "
		       "check\n");
		return false;
	}
	KTEST_ASSERT_EQ(do_mkdirat(AT_FDCWD, ICACHE_MNT, 0755), 0);
	ktest_add_action(icache_unmount, NULL);
	return true;
}

/*
 * The inode cache (fs/inode.c: inode_unused): hda1's /README, read and
 * let go, stays in memory unused with its page, and the next lookup gets
 * the same inode and page back without a read from the disk.
 * prune_icache() passes over it while it has a page and frees it once
 * the page is dropped; an unmount frees the unused inodes left.
 */
KTEST(icache_keeps_an_unused_inode_with_its_pages)
{
	unsigned long inodes, unused, reads, ino;
	struct super_block *sb;
	struct inode *inode;
	struct page *page;
	struct path p;

	if (!icache_mount())
		return;
	inodes = nr_inodes();
	KTEST_ASSERT_EQ(do_mount("/dev/hda1", ICACHE_MNT, "ext3", MS_RDONLY,
				 NULL), 0);
	KTEST_ASSERT_EQ(kern_path(ICACHE_MNT "/README", LOOKUP_FOLLOW, &p),
			0);
	inode = p.dentry->d_inode;
	sb = inode->i_sb;
	ino = inode->i_ino;
	page = read_cache_page(inode->i_mapping, 0, NULL);
	KTEST_ASSERT(!IS_ERR(page));
	page_cache_release(page);
	unused = nr_unused_inodes();
	path_put(&p);				/* its last user */
	KTEST_EXPECT_EQ(nr_unused_inodes(), unused + 1);

	reads = buffer_stats.reads;
	KTEST_ASSERT_EQ(kern_path(ICACHE_MNT "/README", LOOKUP_FOLLOW, &p),
			0);
	KTEST_EXPECT(p.dentry->d_inode == inode);
	KTEST_EXPECT_EQ(nr_unused_inodes(), unused);
	page = find_get_page(inode->i_mapping, 0);
	KTEST_EXPECT(page && PageUptodate(page));
	if (page)
		page_cache_release(page);
	path_put(&p);
	KTEST_EXPECT_EQ(buffer_stats.reads, reads);

	prune_icache(~0UL);			/* it has a page: kept */
	KTEST_EXPECT(ilookup(sb, ino) == inode);
	iput(inode);
	KTEST_EXPECT(drop_file_pages(true) >= 1);
	prune_icache(~0UL);			/* now it goes */
	KTEST_EXPECT(ilookup(sb, ino) == NULL);

	KTEST_ASSERT_EQ(kern_path(ICACHE_MNT "/README", LOOKUP_FOLLOW, &p),
			0);
	path_put(&p);				/* unused again */
	KTEST_EXPECT(nr_unused_inodes() >= 1);
	KTEST_EXPECT_EQ(do_umount_path(ICACHE_MNT, 0), 0);
	KTEST_EXPECT_EQ(nr_inodes(), inodes);
}

#define LOOKUP_ROUNDS	300

static struct {
	struct completion done;
	atomic_t stop, rounds;
} icache_race;

/* Drops the unused inodes' pages, then the inodes, until told to stop. */
static int icache_pruner(void *data)
{
	while (!atomic_read(&icache_race.stop)) {
		drop_file_pages(true);
		prune_icache(~0UL);
		atomic_inc(&icache_race.rounds);
		schedule();
	}
	complete(&icache_race.done);
	ktest_wait_for_stop();
	return 0;
}

/*
 * Two CPUs: one frees the unused inodes and their pages while the other
 * looks /README up, reads its first page and lets it go -- taking the
 * inode back from inode_unused (__iget()), or reading it anew once it
 * was freed.  Every read sees the same bytes, and at the unmount every
 * inode of hda1 is gone: none was lost or freed twice.
 */
KTEST(icache_lookup_against_prune_on_two_cpus)
{
	unsigned int cpus = num_online_cpus();
	unsigned long inodes, anew = 0;
	char first[64], now[64];
	struct task_struct *k;

	if (!icache_mount())
		return;
	inodes = nr_inodes();
	KTEST_ASSERT_EQ(do_mount("/dev/hda1", ICACHE_MNT, "ext3", MS_RDONLY,
				 NULL), 0);
	init_completion(&icache_race.done);
	atomic_set(&icache_race.stop, 0);
	atomic_set(&icache_race.rounds, 0);
	k = kthread_create(icache_pruner, NULL, "icache-pruner");
	KTEST_ASSERT(!IS_ERR(k));
	ktest_add_action(ktest_kthread_stop, k);
	set_cpus_allowed(k, cpumask_of_cpu(1 % cpus));
	wake_up_process(k);
	for (int i = 0; i < LOOKUP_ROUNDS; i++) {
		struct page *page;
		struct path p;
		int err = kern_path(ICACHE_MNT "/README", LOOKUP_FOLLOW, &p);

		if (err) {
			KTEST_EXPECT_EQ(err, 0);
			break;
		}
		page = find_get_page(p.dentry->d_inode->i_mapping, 0);
		if (page)
			page_cache_release(page);
		anew += !page;
		page = read_cache_page(p.dentry->d_inode->i_mapping, 0, NULL);
		if (!IS_ERR(page)) {
			memcpy(i ? now : first, page_address(page),
			       sizeof(now));
			page_cache_release(page);
		}
		path_put(&p);
		KTEST_EXPECT(!IS_ERR(page));
		if (i && !IS_ERR(page))
			KTEST_EXPECT(!memcmp(first, now, sizeof(now)));
		udelay(20);		/* unused meanwhile: the pruner's turn */
	}
	atomic_set(&icache_race.stop, 1);
	wait_for_completion(&icache_race.done);
	/* How often the inode was freed between two lookups depends on
	 * how the CPUs interleave: shown, not asserted. */
	printk(KERN_INFO "ktest: icache: %d lookups against %d prunes, the "
	       "page read anew %lu times\n", LOOKUP_ROUNDS,
	       atomic_read(&icache_race.rounds), anew);
	KTEST_EXPECT(atomic_read(&icache_race.rounds) > 0);
	KTEST_EXPECT_EQ(do_umount_path(ICACHE_MNT, 0), 0);
	KTEST_EXPECT_EQ(nr_inodes(), inodes);
}
