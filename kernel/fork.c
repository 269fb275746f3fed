// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/fork.c - do_fork(): making a new task.
 *
 * Linux 2.6: kernel/fork.c.
 * A new task starts as a copy of the current one: dup_task_struct()
 * copies the task_struct and thread_info into fresh memory (a task_struct
 * from its slab cache, an 8 KiB thread_union from the page allocator) and
 * marks the end of the new stack with STACK_END_MAGIC.
 * copy_process() then makes it a task of its own: a pid, empty family
 * lists, and for each resource (fs, files, sighand, signal, mm) either a
 * shared reference or a copy, as the CLONE_* flags say.  copy_thread()
 * (arch/x86/process.c) prepares its stack so that its first switch_to()
 * lands in ret_from_fork.  do_fork() finally puts it on a run queue.
 *
 * kernel_thread() (arch/x86/process.c) is do_fork() with CLONE_VM: the
 * child shares the caller's mm, which for a kernel thread is none.
 *
 * Every failure unwinds through goto labels named for what they undo,
 * and frees exactly what was taken: the tests inject failures at every
 * allocation (fail_alloc) and check that the free page count is the same.
 */
#include <file.h>
#include <fs_struct.h>
#include <gfp.h>
#include <kernel.h>
#include <mm_types.h>
#include <sched.h>
#include <signal.h>
#include <slab.h>
#include <smp.h>
#include <spinlock.h>
#include <string.h>
#include <time.h>
#include <trace.h>

/* Protects the task list and every task's parent/children/sibling. */
DEFINE_SPINLOCK(tasklist_lock);
int nr_threads;			/* tasks in the task list, process 0 aside */
/* task_structs allocated: nr_threads on the list, the rest dying. */
static atomic_t nr_task_structs = ATOMIC_INIT(0);

static struct kmem_cache *task_struct_cachep;
static struct kmem_cache *fs_cachep;

/**
 * fork_init - create the caches do_fork() allocates from
 *
 * Context: boot.
 */
void fork_init(void)
{
	task_struct_cachep = kmem_cache_create("task_struct",
					       sizeof(struct task_struct), 0,
					       SLAB_HWCACHE_ALIGN, NULL);
	fs_cachep = kmem_cache_create("fs_cache", sizeof(struct fs_struct),
				      0, 0, NULL);
	if (!task_struct_cachep || !fs_cachep)
		panic("fork_init: no memory");
	files_init();
	signals_init();
}

/**
 * find_task_by_pid - the task with pid @pid
 * @pid: the pid
 *
 * Context: process.  The result is only safe to use while the task cannot
 * be reaped (the caller's own child, or with tasklist_lock held).
 * Return: the task, or NULL.
 */
struct task_struct *find_task_by_pid(pid_t pid)
{
	struct task_struct *p;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	p = find_task_by_pid_locked(pid);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return p;
}

/**
 * find_task_by_pid_locked - find_task_by_pid() with tasklist_lock held
 * @pid: the pid
 *
 * Return: the task (safe while the lock is held), or NULL.
 */
struct task_struct *find_task_by_pid_locked(pid_t pid)
{
	struct task_struct *p;

	assert_spin_locked_by_current(&tasklist_lock);
	if (pid == 0)
		return &init_task;
	for_each_process(p)
		if (p->pid == pid)
			return p;
	return NULL;
}

/**
 * set_task_comm - name a task
 * @tsk: the task
 * @name: the name; cut to TASK_COMM_LEN - 1 characters
 */
void set_task_comm(struct task_struct *tsk, const char *name)
{
	strlcpy(tsk->comm, name, sizeof(tsk->comm));
	trace_sched_comm(tsk);
}

/**
 * set_task_stack_end_magic - mark the end of a task's kernel stack
 * @tsk: the task; its thread_info is in place
 *
 * The word just above thread_info gets STACK_END_MAGIC: only a stack
 * that ran over its end writes there, which schedule() checks each time
 * the task leaves the CPU (sched/core.c).  Linux: kernel/fork.c:
 * set_task_stack_end_magic() and kernel/sched/core.c: schedule_debug(),
 * both newer than the 2.6 kernels this one follows.
 * Context: fork, and start_kernel() for process 0.
 */
void set_task_stack_end_magic(struct task_struct *tsk)
{
	*end_of_stack(tsk) = STACK_END_MAGIC;
}

static struct task_struct *dup_task_struct(struct task_struct *orig)
{
	struct task_struct *tsk;
	struct thread_info *ti;

	tsk = kmem_cache_alloc(task_struct_cachep, GFP_KERNEL);
	if (!tsk)
		return NULL;
	/* Order 1: two pages, naturally aligned to their size, 8 KiB. */
	ti = (struct thread_info *)__get_free_pages(GFP_KERNEL, 1);
	if (!ti) {
		kmem_cache_free(task_struct_cachep, tsk);
		return NULL;
	}
	atomic_inc(&nr_task_structs);
	*tsk = *orig;
	*ti = *orig->thread_info;
	tsk->thread_info = ti;
	ti->task = tsk;
	set_task_stack_end_magic(tsk);
	/* One reference for running, one for the parent that reaps it. */
	atomic_set(&tsk->usage, 2);
	return tsk;
}

/**
 * __put_task_struct - free a task whose last reference went
 * @tsk: the task; dead and switched away from
 *
 * Context: any but the task itself (its stack is freed here).
 */
void __put_task_struct(struct task_struct *tsk)
{
	BUG_ON(tsk == current);
	BUG_ON(tsk->state != TASK_DEAD && tsk->exit_state != EXIT_DEAD);
	free_pages((unsigned long)tsk->thread_info, 1);
	kmem_cache_free(task_struct_cachep, tsk);
	atomic_dec(&nr_task_structs);
}

/**
 * nr_dead_tasks - tasks off the task list whose memory is not yet free
 *
 * A task that has been reaped (release_task()) keeps its task_struct and
 * stack until its last switch away (finish_task_switch()); a task being
 * forked has them before it is on the list.  Whoever counts free pages
 * waits for this to reach 0.
 * Context: any.
 * Return: how many such tasks there are now.
 */
int nr_dead_tasks(void)
{
	return atomic_read(&nr_task_structs) - READ_ONCE(nr_threads);
}

static int copy_fs(unsigned long clone_flags, struct task_struct *tsk)
{
	struct fs_struct *fs;

	if (clone_flags & CLONE_FS) {
		atomic_inc(&current->fs->count);
		return 0;
	}
	fs = kmem_cache_alloc(fs_cachep, GFP_KERNEL);
	if (!fs)
		return -ENOMEM;
	atomic_set(&fs->count, 1);
	spin_lock_init(&fs->lock);
	fs->umask = current->fs->umask;
	copy_fs_paths(fs, current->fs);	/* root and cwd, referenced */
	tsk->fs = fs;
	return 0;
}

/**
 * put_fs_struct - drop a reference to an fs_struct
 * @fs: it; freed on the last reference
 */
void put_fs_struct(struct fs_struct *fs)
{
	if (atomic_dec_and_test(&fs->count)) {
		BUG_ON(fs == &init_fs);
		release_fs_paths(fs);
		kmem_cache_free(fs_cachep, fs);
	}
}

static int copy_files(unsigned long clone_flags, struct task_struct *tsk)
{
	struct files_struct *oldf = current->files;

	if (!oldf)		/* a kernel thread: nothing to share or copy */
		return 0;
	if (clone_flags & CLONE_FILES) {
		atomic_inc(&oldf->count);
		return 0;
	}
	tsk->files = dup_files(oldf);
	return tsk->files ? 0 : -ENOMEM;
}

static int copy_sighand(unsigned long clone_flags, struct task_struct *tsk)
{
	struct sighand_struct *sh;

	if (clone_flags & CLONE_SIGHAND) {
		atomic_inc(&current->sighand->count);
		return 0;
	}
	sh = sighand_alloc();
	if (!sh)
		return -ENOMEM;
	memcpy(sh->action, current->sighand->action, sizeof(sh->action));
	tsk->sighand = sh;
	return 0;
}

static int copy_signal(unsigned long clone_flags, struct task_struct *tsk)
{
	/* Without threads (CLONE_THREAD), every task gets its own. */
	tsk->signal = signal_alloc();
	return tsk->signal ? 0 : -ENOMEM;
}

static int copy_mm(unsigned long clone_flags, struct task_struct *tsk)
{
	struct mm_struct *oldmm = current->mm, *mm;

	tsk->mm = NULL;
	tsk->active_mm = NULL;
	/* A kernel thread's child: nothing to share; it will borrow. */
	if (!oldmm)
		return 0;
	if (clone_flags & CLONE_VM) {
		atomic_inc(&oldmm->mm_users);
		mm = oldmm;
	} else {
		mm = dup_mm(oldmm);
		if (!mm)
			return -ENOMEM;
	}
	tsk->mm = mm;
	tsk->active_mm = mm;
	return 0;
}

/*
 * The new task gets @pid: do_fork() allocates one; fork_idle() passes 0,
 * and a task with pid 0 (another CPU's process 0) joins neither the task
 * list nor its parent's children: like process 0 it is never waited for
 * and never exits.
 */
static struct task_struct *copy_process(unsigned long clone_flags,
					unsigned long stack_start,
					struct pt_regs *regs,
					unsigned long stack_size, pid_t pid)
{
	struct task_struct *p;
	unsigned long flags;
	int retval = -ENOMEM;

	/* Shared handlers need a shared address space (as in Linux). */
	if ((clone_flags & CLONE_SIGHAND) && !(clone_flags & CLONE_VM))
		return ERR_PTR(-EINVAL);

	p = dup_task_struct(current);
	if (!p)
		goto fork_out;

	p->pid = p->tgid = pid;

	p->flags &= ~PF_EXITING;
	p->flags |= PF_FORKNOEXEC;
	p->clone_flags = clone_flags;
	INIT_LIST_HEAD(&p->children);
	INIT_LIST_HEAD(&p->sibling);
	INIT_LIST_HEAD(&p->run_list);
	p->array = NULL;
	p->exit_state = 0;
	p->exit_code = 0;
	p->utime = p->stime = 0;
	p->nvcsw = p->nivcsw = 0;
	p->start_time = jiffies;
	p->pending = 0;
	p->vfork_done = NULL;
	clear_ti_thread_flag(task_thread_info(p), TIF_SIGPENDING);
	clear_ti_thread_flag(task_thread_info(p), TIF_NEED_RESCHED);

	retval = copy_files(clone_flags, p);
	if (retval)
		goto bad_fork_free;
	retval = copy_fs(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_files;
	retval = copy_sighand(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_fs;
	retval = copy_signal(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_sighand;
	retval = copy_mm(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_signal;
	copy_thread(clone_flags, stack_start, p, regs);

	p->exit_signal = clone_flags & CSIGNAL;
	sched_fork(p);
	if (!pid)
		return p;

	spin_lock_irqsave(&tasklist_lock, flags);
	p->parent = current;
	list_add_tail(&p->sibling, &current->children);
	list_add_tail(&p->tasks, &init_task.tasks);
	nr_threads++;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return p;

bad_fork_cleanup_signal:
	signal_put(p->signal);
bad_fork_cleanup_sighand:
	sighand_put(p->sighand);
bad_fork_cleanup_fs:
	put_fs_struct(p->fs);
bad_fork_cleanup_files:
	if (p->files)
		put_files_struct(p->files);
bad_fork_free:
	free_pages((unsigned long)p->thread_info, 1);
	kmem_cache_free(task_struct_cachep, p);
	atomic_dec(&nr_task_structs);
fork_out:
	return ERR_PTR(retval);
}

/**
 * do_fork - create a task
 * @clone_flags: CLONE_* sharing flags, and in the low byte the signal
 *               the parent gets when the child exits
 * @stack_start: the child's user stack pointer (0: the parent's)
 * @regs: registers the child starts with (it returns 0 in eax)
 * @stack_size: unused, as on i386 Linux
 *
 * Context: process, may sleep.
 * Return: the child's pid, or a negative error: -ENOMEM, -EAGAIN (no pid),
 * -EINVAL (bad flags).
 */
long do_fork(unsigned long clone_flags, unsigned long stack_start,
	     struct pt_regs *regs, unsigned long stack_size)
{
	struct task_struct *p;
	pid_t pid;

	might_sleep();
	pid = alloc_pidmap();
	if (pid < 0)
		return pid;
	p = copy_process(clone_flags, stack_start, regs, stack_size, pid);
	if (IS_ERR(p)) {
		free_pidmap(pid);
		return PTR_ERR(p);
	}
	wake_up_new_task(p, clone_flags);
	return pid;
}

/**
 * fork_idle - make the idle task (process 0) of another CPU
 * @cpu: the CPU it will run on
 *
 * Like every other task it is made by copy_process(), from the caller
 * (init), with pid 0 and no register frame to return to: it never runs
 * through ret_from_fork, it starts on the new CPU at start_secondary()
 * (arch/x86/trampoline.asm) with its stack empty.  It lives as long as
 * the machine: it is not one of the task_structs nr_dead_tasks() waits
 * for.  ULK 3rd ed., chapter 3, "Process 0".
 * Context: boot, process context.
 * Return: the task, or an ERR_PTR (-ENOMEM).
 */
struct task_struct *fork_idle(int cpu)
{
	struct pt_regs regs = { 0 };
	struct task_struct *idle;

	idle = copy_process(CLONE_VM, 0, &regs, 0, 0);
	if (IS_ERR(idle))
		return idle;
	atomic_dec(&nr_task_structs);
	snprintf(idle->comm, sizeof(idle->comm), "swapper/%d", cpu);
	init_idle(idle, cpu);
	return idle;
}
