// SPDX-License-Identifier: GPL-2.0
/*
 * tests/ktest/fork_test.c - making and ending tasks: kernel_thread() and
 * do_fork(), do_exit() and do_wait(), orphans, pids, the CLONE_ flags, a
 * thousand threads at once, and leaks under injected allocation failures.
 *
 * Each test runs in a kernel thread of its own (kernel/ktest.c); the
 * threads it makes with kernel_thread() are its children, reaped here
 * with do_wait().  Threads that wait to be released are released by a
 * cleanup action, so a failed assertion never leaves one asleep.
 */
#include <bitops.h>
#include <file.h>
#include <fs_struct.h>
#include <gfp.h>
#include <kernel.h>
#include <ktest.h>
#include <mm_types.h>
#include <sched.h>
#include <signal.h>
#include <slab.h>
#include <string.h>
#include <wait.h>

/*
 * Free pages with every exiting task gone (its stack goes only after its
 * last switch) and the slab's empty slabs given back.
 */
static unsigned long settled_free_pages(void)
{
	ktest_wait_exits();
	kmem_cache_shrink_all();
	return nr_free_pages();
}

static int return_arg(void *arg)
{
	return (int)(long)arg;
}

static int exit_seven(void *arg)
{
	do_exit(7);
}

KTEST(kernel_thread_return_value_reaches_do_exit)
{
	long code = 0;
	int pid = kernel_thread(return_arg, (void *)42, 0);

	KTEST_ASSERT(pid > 0);
	KTEST_ASSERT_EQ(do_wait(pid, &code, 0), pid);
	KTEST_EXPECT_EQ(code, 42);
	/* The pid went back to the bitmap when the child was reaped. */
	KTEST_EXPECT(!pid_in_use(pid));
}

KTEST(fork_exit_codes_and_wait)
{
	static const long codes[] = { 0, 255, -5, 123456 };
	int pids[ARRAY_SIZE(codes) + 1];
	long code;
	int left;

	for (unsigned int i = 0; i < ARRAY_SIZE(codes); i++) {
		pids[i] = kernel_thread(return_arg, (void *)codes[i], 0);
		KTEST_ASSERT(pids[i] > 0);
	}
	pids[ARRAY_SIZE(codes)] = kernel_thread(exit_seven, NULL, 0);
	KTEST_ASSERT(pids[ARRAY_SIZE(codes)] > 0);
	/* Reap in any order: each pid comes back with its own code. */
	for (left = ARRAY_SIZE(codes) + 1; left; left--) {
		long pid = do_wait(-1, &code, 0);
		unsigned int i;

		KTEST_ASSERT(pid > 0);
		for (i = 0; i < ARRAY_SIZE(pids) && pids[i] != pid; i++)
			;
		KTEST_ASSERT(i < ARRAY_SIZE(pids));
		KTEST_EXPECT_EQ(code, i < ARRAY_SIZE(codes) ? codes[i] : 7);
		pids[i] = 0;
	}
	KTEST_EXPECT_EQ(do_wait(-1, &code, 0), -ECHILD);
	KTEST_EXPECT_EQ(do_wait(2, &code, 0), -ECHILD);	/* not a child */
}

/* Threads that wait in hold_until_released() until released. */
static DECLARE_WAIT_QUEUE_HEAD(hold_wq);
static bool hold_release;
static atomic_t hold_alive;
static DECLARE_WAIT_QUEUE_HEAD(hold_alive_wq);

static int hold_until_released(void *arg)
{
	atomic_inc(&hold_alive);
	wake_up(&hold_alive_wq);
	wait_event(hold_wq, READ_ONCE(hold_release));
	atomic_dec(&hold_alive);
	return (int)(long)arg;
}

static void release_holders(void *unused)
{
	WRITE_ONCE(hold_release, true);
	wake_up_all(&hold_wq);
}

/* Arm the holders; a cleanup action releases them however the test ends. */
static void hold_begin(void)
{
	WRITE_ONCE(hold_release, false);
	atomic_set(&hold_alive, 0);
	ktest_add_action(release_holders, NULL);
}

#define MANY 1000

KTEST(thousand_kernel_threads_alive_at_once)
{
	static int pids[MANY];
	int threads_before = nr_threads;
	long code;

	hold_begin();
	for (int i = 0; i < MANY; i++) {
		pids[i] = kernel_thread(hold_until_released, (void *)(long)i,
					0);
		KTEST_ASSERT(pids[i] > 0);
	}
	wait_event(hold_alive_wq, atomic_read(&hold_alive) == MANY);
	KTEST_EXPECT_EQ(nr_threads, threads_before + MANY);
	ktest_release_action(release_holders, NULL);
	for (int i = 0; i < MANY; i++) {
		KTEST_ASSERT_EQ(do_wait(pids[i], &code, 0), pids[i]);
		KTEST_EXPECT_EQ(code, i);
	}
	KTEST_EXPECT_EQ(nr_threads, threads_before);
}

KTEST(ten_thousand_create_exit_cycles_leak_nothing)
{
	unsigned long before = settled_free_pages();
	unsigned long objects = kmem_cache_active_objects();
	int pids = nr_pids_in_use();
	long code;

	for (int i = 0; i < 10000; i++) {
		int pid = kernel_thread(return_arg, (void *)(long)i, 0);

		KTEST_ASSERT(pid > 0);
		KTEST_ASSERT_EQ(do_wait(pid, &code, 0), pid);
		KTEST_ASSERT_EQ(code, i);
	}
	KTEST_EXPECT_EQ(settled_free_pages(), before);
	KTEST_EXPECT_EQ(kmem_cache_active_objects(), objects);
	KTEST_EXPECT_EQ(nr_pids_in_use(), pids);
}

static void no_more_failures(void *unused)
{
	fail_alloc_set(0, 0, false);
	current->make_it_fail = 0;
}

/*
 * Fork with fork_one() while the n-th allocation from now fails, for
 * n = 1, 2, ... until a fork gets through with every allocation made:
 * each failure must be -ENOMEM and give back every page and slab object
 * it took.  Only this thread is marked to fail (the forks' allocations
 * are its own), so no daemon can take the failure meant for a fork.
 * Return: how many allocations a fork makes.
 */
static int fork_failures_leak_nothing(long (*fork_one)(void))
{
	int failures = 0;

	current->make_it_fail = 1;
	ktest_add_action(no_more_failures, NULL);
	for (int n = 1; n < 100; n++) {
		unsigned long before = settled_free_pages();
		unsigned long objects = kmem_cache_active_objects();
		int threads = nr_threads;
		long pid;

		fail_alloc_set(n, 1, true);
		pid = fork_one();
		if (pid > 0) {
			KTEST_ASSERT_EQ(do_wait(pid, NULL, 0), pid);
			if (fail_alloc_pending()) {
				/* Every allocation of a fork has been failed. */
				ktest_release_action(no_more_failures, NULL);
				return failures;
			}
		} else {
			KTEST_EXPECT_EQ(pid, -ENOMEM);
			failures++;
		}
		fail_alloc_set(0, 0, false);
		KTEST_EXPECT_EQ(nr_threads, threads);
		if (settled_free_pages() != before)
			KTEST_FAIL("failing allocation %d of a fork leaked %ld "
				   "pages", n,
				   (long)before - (long)settled_free_pages());
		if (kmem_cache_active_objects() != objects)
			KTEST_FAIL("failing allocation %d of a fork leaked %ld "
				   "slab objects", n,
				   (long)kmem_cache_active_objects() -
				   (long)objects);
	}
	KTEST_FAIL("no fork got through in 99 tries");
}

static long fork_kernel_thread(void)
{
	return kernel_thread(return_arg, NULL, 0);
}

KTEST(failed_forks_leak_nothing)
{
	int failures = fork_failures_leak_nothing(fork_kernel_thread);

	printk(KERN_INFO "ktest: a fork makes %d allocations; each failure "
	       "was unwound\n", failures);
	/* task_struct, stack, files, fs, sighand, signal at least */
	KTEST_EXPECT(failures >= 6);
}

static long fork_process(void)
{
	struct pt_regs regs;

	kernel_thread_regs(&regs, return_arg, NULL);
	return do_fork(0, 0, &regs, 0, NULL, NULL);
}

static void put_mm(void *mm)
{
	mmput(mm);
}

static void stop_using_mm(void *mm)
{
	unuse_mm(mm);
}

/*
 * A process's fork (no CLONE_VM) also copies its address space in
 * dup_mm(): the mm_struct, the page directory, each page table and each
 * page is one more allocation that can fail, and copy_process() must
 * unwind past copy_mm() too.  The test's thread takes a small address
 * space of its own (use_mm()) with pages under two page tables, and
 * forks children that start like kernel threads but each get a copy.
 */
KTEST(failed_process_forks_leak_nothing)
{
	static const unsigned long addrs[] = { 0x08048000, 0x08049000,
					       0xbffff000 };
	struct mm_struct *mm = mm_alloc();
	int failures;

	KTEST_ASSERT(mm != NULL);
	ktest_add_action(put_mm, mm);
	for (unsigned int i = 0; i < ARRAY_SIZE(addrs); i++)
		KTEST_ASSERT_EQ(map_user_page(mm, addrs[i], true), 0);
	use_mm(mm);
	ktest_add_action(stop_using_mm, mm);
	failures = fork_failures_leak_nothing(fork_process);
	printk(KERN_INFO "ktest: a process's fork makes %d allocations; each "
	       "failure was unwound\n", failures);
	/* the kernel thread's 6, then mm, pgd, 2 page tables, 3 pages */
	KTEST_EXPECT(failures >= 6 + 2 + 2 + (int)ARRAY_SIZE(addrs));
}

static int orphan_pid;

static int short_lived_parent(void *arg)
{
	/* Its child outlives it: init (pid 1) must adopt it. */
	orphan_pid = kernel_thread(hold_until_released, (void *)99, 0);
	return 0;
}

/*
 * A parent that exits first hands its children to child_reaper, init.
 * The orphan is not ours to reap once adopted: it must die as init's
 * zombie, with its own exit code, and init (the ktest runner) reaps it.
 */
KTEST(orphans_are_reparented_to_init)
{
	struct task_struct *orphan;
	unsigned long flags;
	int parent;

	hold_begin();
	orphan_pid = 0;
	parent = kernel_thread(short_lived_parent, NULL, 0);
	KTEST_ASSERT(parent > 0);
	KTEST_ASSERT_EQ(do_wait(parent, NULL, 0), parent);
	KTEST_ASSERT(orphan_pid > 0);

	spin_lock_irqsave(&tasklist_lock, flags);
	orphan = find_task_by_pid_locked(orphan_pid);
	if (orphan)
		get_task_struct(orphan);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	KTEST_ASSERT(orphan != NULL);
	KTEST_EXPECT(orphan->parent == child_reaper);
	KTEST_EXPECT_EQ(child_reaper->pid, 1);
	/* Not ours any more. */
	KTEST_EXPECT_EQ(do_wait(orphan_pid, NULL, WNOHANG), -ECHILD);

	ktest_release_action(release_holders, NULL);
	ktest_wait_sleeping(orphan, TASK_DEAD);
	KTEST_EXPECT_EQ(orphan->exit_state, EXIT_ZOMBIE);
	KTEST_EXPECT_EQ(orphan->exit_code, 99);
	put_task_struct(orphan);
}

/*
 * With every pid taken, a fork fails with -EAGAIN and gives back all it
 * had taken; a pid given back by free_pidmap() is the next one handed
 * out.  The test takes the free pids itself, so nothing may fail between
 * taking them and giving them back: it records, then checks.
 */
KTEST(fork_without_a_free_pid_fails_and_freed_pids_are_reused)
{
	static unsigned long mine[BITS_TO_LONGS(PID_MAX_DEFAULT)];
	unsigned long before = settled_free_pages(), after;
	unsigned long objects = kmem_cache_active_objects();
	int taken = 0, pid, no_pid, reused, highest = 0;
	long code = -1;

	memset(mine, 0, sizeof(mine));
	while ((pid = alloc_pidmap()) > 0) {
		set_bit(pid, mine);
		highest = max(highest, pid);
		taken++;
	}
	if (!taken)
		KTEST_FAIL("no free pid to take");
	no_pid = kernel_thread(return_arg, (void *)5, 0);
	after = settled_free_pages();

	/*
	 * One pid back: the next fork must find exactly that one, by
	 * wrapping around (below RESERVED_PIDS it would not look).
	 */
	free_pidmap(highest);
	clear_bit(highest, mine);
	reused = kernel_thread(return_arg, (void *)5, 0);
	if (reused > 0)
		do_wait(reused, &code, 0);

	for (pid = 0; pid < PID_MAX_DEFAULT; pid++)
		if (test_bit(pid, mine))
			free_pidmap(pid);

	KTEST_EXPECT_EQ(no_pid, -EAGAIN);
	KTEST_EXPECT_EQ(after, before);
	/*
	 * The reused fork may have grown a cache by a slab, whose descriptor
	 * (off the slab, for large objects) is an object too: shrink first.
	 */
	settled_free_pages();
	KTEST_EXPECT_EQ(kmem_cache_active_objects(), objects);
	KTEST_EXPECT_EQ(reused, highest);
	KTEST_EXPECT_EQ(code, 5);
}

/*
 * CLONE_FS, CLONE_FILES, CLONE_SIGHAND: the child shares the parent's
 * structure and holds a reference on it; without the flag it gets a copy
 * of its own.  Reaping the sharing child gives its references back.
 */
KTEST(clone_flags_share_with_a_reference_or_copy)
{
	struct task_struct *shared, *copied;
	int fs_users = atomic_read(&current->fs->count);
	int files_users = atomic_read(&current->files->count);
	int sighand_users = atomic_read(&current->sighand->count);
	int s, c;

	hold_begin();
	s = kernel_thread(hold_until_released, NULL,
			  CLONE_FS | CLONE_FILES | CLONE_SIGHAND);
	KTEST_ASSERT(s > 0);
	c = kernel_thread(hold_until_released, NULL, 0);
	KTEST_ASSERT(c > 0);
	/* Our children: they cannot be reaped under us. */
	shared = find_task_by_pid(s);
	copied = find_task_by_pid(c);

	KTEST_EXPECT(shared->fs == current->fs);
	KTEST_EXPECT(shared->files == current->files);
	KTEST_EXPECT(shared->sighand == current->sighand);
	KTEST_EXPECT_EQ(atomic_read(&current->fs->count), fs_users + 1);
	KTEST_EXPECT_EQ(atomic_read(&current->files->count), files_users + 1);
	KTEST_EXPECT_EQ(atomic_read(&current->sighand->count),
			sighand_users + 1);
	KTEST_EXPECT(copied->fs != current->fs);
	KTEST_EXPECT(copied->files != current->files);
	KTEST_EXPECT(copied->sighand != current->sighand);
	KTEST_EXPECT_EQ(atomic_read(&copied->fs->count), 1);
	KTEST_EXPECT_EQ(atomic_read(&copied->files->count), 1);
	/* Every task has a signal_struct of its own (no CLONE_THREAD). */
	KTEST_EXPECT(shared->signal != current->signal);
	/* kernel_thread() adds these two whatever the caller asks. */
	KTEST_EXPECT(copied->clone_flags & CLONE_VM);
	KTEST_EXPECT(copied->clone_flags & CLONE_UNTRACED);

	ktest_release_action(release_holders, NULL);
	KTEST_ASSERT_EQ(do_wait(s, NULL, 0), s);
	KTEST_ASSERT_EQ(do_wait(c, NULL, 0), c);
	KTEST_EXPECT_EQ(atomic_read(&current->fs->count), fs_users);
	KTEST_EXPECT_EQ(atomic_read(&current->files->count), files_users);
	KTEST_EXPECT_EQ(atomic_read(&current->sighand->count), sighand_users);
}
