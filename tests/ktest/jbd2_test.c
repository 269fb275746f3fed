// SPDX-License-Identifier: GPL-2.0
/*
 * tests/ktest/jbd2_test.c - the journal on a real ext3 file system:
 * a handle's change committed to the log, checkpointed in place at
 * unmount, or left in the log by a crash and replayed at the next mount;
 * a transaction without its commit block not replayed; the commit
 * thread's interval and forced commits.
 *
 * Linux 2.6: no counterpart in the tree (e2fsprogs' and xfstests'
 * journal tests play this part).  Every test here is named only: each
 * needs the disk tests/system/test_jbd2.py makes (ext3, 4 KiB blocks,
 * a file journal.txt of one block on hda1), and several stop the
 * machine on purpose, like a power cut, for the host to look at the
 * disk with debugfs and e2fsck and to boot it again.
 *
 * The change is made the way ext3 makes every metadata change
 * (include/ext3_jbd.h): start a handle, get write access, change the
 * buffer, dirty it as metadata, stop.  journal.txt's data block stands
 * in for a metadata block: the journal does not care what it logs.
 */
#include <blkdev.h>
#include <completion.h>
#include <kthread.h>
#include <buffer_head.h>
#include <errno.h>
#include <ext3_fs.h>
#include <ext3_jbd.h>
#include <fs.h>
#include <jbd2.h>
#include <kernel.h>
#include <ktest.h>
#include <reboot.h>
#include <sched.h>
#include <string.h>
#include <writeback.h>

#define MNT	"/tmp/jbd2t"
#define FILE	MNT "/journal.txt"
#define MANY	MNT "/many.bin"	/* STRESS_BLOCKS blocks */
#define STRESS_BLOCKS	64
#define STRESS_THREADS	3
#define STRESS_HANDLES	200

/* What the tests write: it begins with the journal's magic number, so
 * the commit must escape it and the replay must put it back. */
static const char new_contents[] = "\xc0\x3b\x39\x98 jbd2 new contents\n";

static void unmount(void *data)
{
	(void)do_umount_path(MNT, 0);
	(void)do_unlinkat(AT_FDCWD, MNT, AT_REMOVEDIR);
}

/* Mount hda1 on MNT; Return: its journal (asserted present). */
static journal_t *mount_hda1(const char *options)
{
	struct path p;
	journal_t *journal;

	KTEST_ASSERT_EQ(do_mkdirat(AT_FDCWD, MNT, 0755), 0);
	ktest_add_action(unmount, NULL);
	KTEST_ASSERT_EQ(do_mount("/dev/hda1", MNT, "ext3", 0, (void *)options),
			0);
	KTEST_ASSERT_EQ(kern_path(MNT, LOOKUP_FOLLOW, &p), 0);
	journal = EXT3_SB(p.dentry->d_inode->i_sb)->s_journal;
	path_put(&p);
	KTEST_ASSERT(journal);
	return journal;
}

static struct super_block *sb_of(const char *name)
{
	struct super_block *sb;
	struct path p;

	KTEST_ASSERT_EQ(kern_path(name, LOOKUP_FOLLOW, &p), 0);
	sb = p.dentry->d_inode->i_sb;
	path_put(&p);
	return sb;
}

/* The buffer of journal.txt's first block: brelse() it, then
 * path_put(@p), which holds the inode. */
static struct buffer_head *file_block(struct path *p)
{
	struct buffer_head *bh;
	unsigned long phys = 0;
	struct inode *inode;

	KTEST_ASSERT_EQ(kern_path(FILE, LOOKUP_FOLLOW, p), 0);
	inode = p->dentry->d_inode;
	KTEST_ASSERT_EQ(ext3_get_block(NULL, inode, 0, &phys, NULL), 0);
	KTEST_ASSERT(phys);
	bh = bread(inode->i_sb->s_bdev, phys);
	KTEST_ASSERT(bh);
	return bh;
}

/* One handle changes journal.txt's block to @text (padded with @fill). */
static void change_block(const char *text, char fill)
{
	struct path p;
	struct buffer_head *bh = file_block(&p);
	handle_t *handle = ext3_journal_start(p.dentry->d_inode, 1);

	KTEST_ASSERT(handle && !IS_ERR(handle));
	KTEST_EXPECT_EQ(ext3_journal_get_write_access(handle, bh), 0);
	memset(bh->b_data, fill, BLOCK_SIZE);
	memcpy(bh->b_data, text, strlen(text));
	KTEST_EXPECT_EQ(ext3_journal_dirty_metadata(handle, bh), 0);
	KTEST_EXPECT_EQ(ext3_journal_stop(handle), 0);
	/* Not for pdflush: only the commit hands it back. */
	KTEST_EXPECT(!buffer_dirty(bh) && buffer_jbddirty(bh));
	brelse(bh);
	path_put(&p);
}

static unsigned long commits(journal_t *journal)
{
	struct transaction_stats_s s;

	jbd2_stats_read(journal, &s);
	return s.ts_commits;
}

static unsigned long wakeups(journal_t *journal)
{
	struct transaction_stats_s s;

	jbd2_stats_read(journal, &s);
	return s.ts_wakeups;
}

/* The machine stops here, as if the power went: nothing is unmounted. */
static void __noreturn crash(const char *why)
{
	printk(KERN_INFO "jbd2 test: %s; stopping the machine\n", why);
	machine_debug_exit(EXIT_KTEST_PASS);
	for (;;)
		;
}

/*
 * data=ordered: second.txt's block changed as data in a handle; the
 * commit must write it in place before its commit block.
 */
static void change_data(void)
{
	struct buffer_head *bh;
	unsigned long phys = 0;
	handle_t *handle;
	struct path p;

	KTEST_ASSERT_EQ(kern_path(MNT "/second.txt", LOOKUP_FOLLOW, &p), 0);
	KTEST_ASSERT_EQ(ext3_get_block(NULL, p.dentry->d_inode, 0, &phys,
				       NULL), 0);
	bh = bread(p.dentry->d_inode->i_sb->s_bdev, phys);
	KTEST_ASSERT(bh);
	handle = ext3_journal_start(p.dentry->d_inode, 1);
	KTEST_ASSERT(handle && !IS_ERR(handle));
	memset(bh->b_data, 'D', BLOCK_SIZE);
	KTEST_EXPECT_EQ(ext3_journal_dirty_data(handle, bh), 0);
	KTEST_EXPECT_EQ(ext3_journal_stop(handle), 0);
	brelse(bh);
	path_put(&p);
}

/* Commit one change (and ordered data) and crash before any checkpoint. */
KTEST_NAMED_ONLY(jbd2_commit_crash)
{
	journal_t *journal = mount_hda1(NULL);
	unsigned long before = commits(journal);

	change_block(new_contents, 'N');
	change_data();
	KTEST_ASSERT_EQ(ext3_force_commit(sb_of(MNT)), 0);
	KTEST_ASSERT_EQ(commits(journal), before + 1);
	crash("transaction committed, not checkpointed");
}

/*
 * Log a change (T1), then free the block in a second handle (T2: forget
 * and revoke), commit both and crash: replay must skip T1's copy.
 */
KTEST_NAMED_ONLY(jbd2_revoke_crash)
{
	journal_t *journal = mount_hda1(NULL);
	struct buffer_head *bh;
	handle_t *handle;
	struct path p;

	change_block(new_contents, 'N');
	KTEST_ASSERT_EQ(ext3_force_commit(sb_of(MNT)), 0);
	bh = file_block(&p);
	handle = ext3_journal_start(p.dentry->d_inode, 1);
	KTEST_ASSERT(handle && !IS_ERR(handle));
	KTEST_EXPECT_EQ(ext3_journal_forget(handle, bh), 0);
	KTEST_EXPECT_EQ(ext3_journal_stop(handle), 0);
	KTEST_ASSERT_EQ(ext3_force_commit(sb_of(MNT)), 0);
	/* Forgotten: not to be written in place. */
	KTEST_EXPECT(!buffer_dirty(bh) && !buffer_jbddirty(bh));
	brelse(bh);
	path_put(&p);
	KTEST_EXPECT(journal->j_stats.ts_revokes == 1);
	crash("block logged, then revoked");
}

/* A change, sync(2), and a crash: the change is in place already. */
KTEST_NAMED_ONLY(jbd2_sync_crash)
{
	journal_t *journal = mount_hda1(NULL);
	unsigned long before = commits(journal);

	change_block(new_contents, 'N');
	KTEST_ASSERT_EQ(sync_all(), 0);
	KTEST_EXPECT_EQ(commits(journal), before + 1);
	crash("synced");
}

/* Write a transaction's blocks but not its commit block, and crash. */
KTEST_NAMED_ONLY(jbd2_nocommit_crash)
{
	mount_hda1(NULL);
	change_block(new_contents, 'N');
	jbd2_test_skip_commit_block = true;
	KTEST_EXPECT_EQ(ext3_force_commit(sb_of(MNT)), -EIO);
	crash("commit block not written");
}

/* Commit one change, then unmount: checkpointed, the log empty. */
KTEST_NAMED_ONLY(jbd2_commit_umount)
{
	journal_t *journal = mount_hda1(NULL);
	unsigned long before = commits(journal);

	change_block(new_contents, 'N');
	KTEST_ASSERT_EQ(ext3_force_commit(sb_of(MNT)), 0);
	KTEST_EXPECT_EQ(commits(journal), before + 1);
	KTEST_ASSERT_EQ(do_umount_path(MNT, 0), 0);
}

/* Mount (recovering whatever the log holds), print the block, unmount. */
KTEST_NAMED_ONLY(jbd2_mount)
{
	journal_t *journal = mount_hda1(NULL);
	struct transaction_stats_s s;
	struct buffer_head *bh;
	struct path p;
	char hex[2 * 8 + 1];

	jbd2_stats_read(journal, &s);
	bh = file_block(&p);
	for (int i = 0; i < 8; i++)
		snprintf(hex + 2 * i, 3, "%02x", (u8)bh->b_data[i]);
	printk(KERN_INFO "jbd2 test: recovered %lu transactions, %lu blocks; "
	       "journal.txt begins %s\n", s.ts_recovered, s.ts_replayed,
	       hex);
	brelse(bh);
	path_put(&p);
	KTEST_ASSERT_EQ(do_umount_path(MNT, 0), 0);
}

/*
 * The thread (commit=1): it sleeps; a pass with nothing to do commits
 * nothing; one change is committed once, by the interval; a forced
 * commit happens at once.  Every step waits for the counters to move
 * (j_wait_done_commit is woken at the end of every pass of the thread).
 */
KTEST_NAMED_ONLY(jbd2_thread)
{
	journal_t *journal = mount_hda1("commit=1");
	struct task_struct *thread = journal->j_task;
	unsigned long c0, w0;
	handle_t *handle;

	KTEST_ASSERT(thread);
	KTEST_EXPECT(!strcmp(thread->comm, "jbd2/hda1-8"));
	ktest_wait_sleeping(thread, TASK_INTERRUPTIBLE);

	c0 = commits(journal);
	w0 = wakeups(journal);
	/* Two passes: at least one whole interval went by. */
	wait_event(journal->j_wait_done_commit, wakeups(journal) >= w0 + 2);
	KTEST_EXPECT_EQ(commits(journal), c0);

	/* A handle that changes nothing: an empty transaction runs, and
	 * its interval passes without a commit. */
	handle = ext3_journal_start(sb_of(FILE)->s_root->d_inode, 1);
	KTEST_ASSERT(handle && !IS_ERR(handle));
	KTEST_EXPECT_EQ(ext3_journal_stop(handle), 0);
	KTEST_EXPECT(journal->j_running_transaction);
	w0 = wakeups(journal);
	wait_event(journal->j_wait_done_commit, wakeups(journal) >= w0 + 2);
	KTEST_EXPECT_EQ(commits(journal), c0);

	change_block("one change\n", '1');
	wait_event(journal->j_wait_done_commit, commits(journal) > c0);
	w0 = wakeups(journal);
	wait_event(journal->j_wait_done_commit, wakeups(journal) >= w0 + 2);
	KTEST_EXPECT_EQ(commits(journal), c0 + 1);

	change_block("forced\n", 'F');
	KTEST_ASSERT_EQ(ext3_force_commit(sb_of(MNT)), 0);
	KTEST_EXPECT_EQ(commits(journal), c0 + 2);
	KTEST_ASSERT_EQ(do_umount_path(MNT, 0), 0);
}

/* ----- many handles on several CPUs, the log going round -------------- */

struct stress {
	struct inode *inode;
	struct buffer_head *bh[STRESS_BLOCKS];
	struct completion done[STRESS_THREADS];
	int errors;
};

static struct stress stress;

/*
 * One writer: handles of four blocks each, each block's slot of this
 * thread stamped with the handle's number; every tenth handle waits for
 * its commit (fsync).  Other writers change the same blocks meanwhile,
 * and the journal thread commits whenever it likes.
 */
static int stress_writer(void *arg)
{
	int id = (int)(unsigned long)arg;
	u32 seed = 12345 + id;

	for (int n = 0; n < STRESS_HANDLES; n++) {
		handle_t *handle = ext3_journal_start(stress.inode, 4);

		if (!handle || IS_ERR(handle)) {
			stress.errors++;
			break;
		}
		for (int k = 0; k < 4; k++) {
			struct buffer_head *bh;

			seed = seed * 1103515245 + 12345;
			bh = stress.bh[(seed >> 16) % STRESS_BLOCKS];
			if (ext3_journal_get_write_access(handle, bh)) {
				stress.errors++;
				continue;
			}
			snprintf(bh->b_data + 64 * (id + 1), 64,
				 "writer %d handle %d", id, n);
			if (ext3_journal_dirty_metadata(handle, bh))
				stress.errors++;
		}
		if (ext3_journal_stop(handle))
			stress.errors++;
		if (n % 10 == 9 && ext3_force_commit(stress.inode->i_sb))
			stress.errors++;
	}
	complete(&stress.done[id]);
	ktest_wait_for_stop();
	return 0;
}

static void stress_put(void *data)
{
	for (int i = 0; i < STRESS_BLOCKS; i++)
		brelse(stress.bh[i]);
}

/* Return: the number of log blocks written so far. */
static unsigned long logged(journal_t *journal)
{
	struct transaction_stats_s s;

	jbd2_stats_read(journal, &s);
	return s.ts_blocks_logged;
}

/*
 * The writers, then one last handle giving every block a final
 * contents ("final N", then N's byte), committed: the host checks them
 * after a crash here (replayed) or after the unmount (checkpointed).
 */
static void stress_run(bool crash_after)
{
	journal_t *journal = mount_hda1(NULL);
	unsigned long first = logged(journal);
	struct task_struct *k[STRESS_THREADS];
	struct path p;
	handle_t *handle;

	KTEST_ASSERT_EQ(kern_path(MANY, LOOKUP_FOLLOW, &p), 0);
	stress.inode = p.dentry->d_inode;
	stress.errors = 0;
	for (int i = 0; i < STRESS_BLOCKS; i++) {
		unsigned long phys = 0;

		KTEST_ASSERT_EQ(ext3_get_block(NULL, stress.inode, i, &phys,
					       NULL), 0);
		stress.bh[i] = bread(stress.inode->i_sb->s_bdev, phys);
		KTEST_ASSERT(stress.bh[i]);
	}
	ktest_add_action(stress_put, NULL);
	for (int i = 0; i < STRESS_THREADS; i++) {
		init_completion(&stress.done[i]);
		k[i] = kthread_run(stress_writer, (void *)(unsigned long)i,
				   "jbd2w/%d", i);
		KTEST_ASSERT(!IS_ERR(k[i]));
		ktest_add_action(ktest_kthread_stop, k[i]);
	}
	for (int i = 0; i < STRESS_THREADS; i++)
		wait_for_completion(&stress.done[i]);
	KTEST_EXPECT_EQ(stress.errors, 0);
	/* The log went round: checkpoints made room. */
	KTEST_EXPECT(logged(journal) - first > journal->j_maxlen);

	handle = ext3_journal_start(stress.inode, STRESS_BLOCKS);
	KTEST_ASSERT(handle && !IS_ERR(handle));
	for (int i = 0; i < STRESS_BLOCKS; i++) {
		struct buffer_head *bh = stress.bh[i];

		KTEST_EXPECT_EQ(ext3_journal_get_write_access(handle, bh), 0);
		memset(bh->b_data, 'a' + i % 26, BLOCK_SIZE);
		snprintf(bh->b_data, 32, "final %d", i);
		KTEST_EXPECT_EQ(ext3_journal_dirty_metadata(handle, bh), 0);
	}
	KTEST_EXPECT_EQ(ext3_journal_stop(handle), 0);
	KTEST_ASSERT_EQ(ext3_force_commit(stress.inode->i_sb), 0);
	printk(KERN_INFO "jbd2 test: %lu log blocks written, log of %lu\n",
	       logged(journal) - first, journal->j_maxlen);
	if (crash_after)
		crash("stress done, final contents committed");
	path_put(&p);
	ktest_release_action(stress_put, NULL);
	KTEST_ASSERT_EQ(do_umount_path(MNT, 0), 0);
}

KTEST_NAMED_ONLY(jbd2_stress_crash)
{
	stress_run(true);
}

KTEST_NAMED_ONLY(jbd2_stress_umount)
{
	stress_run(false);
}
