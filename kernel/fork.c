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
 * From user space, fork(), vfork() and clone() all come here, with the
 * flags a C library passes (Linux's clone(2) ABI): SIGCHLD in the low
 * byte; CLONE_PARENT_SETTID and CLONE_CHILD_SETTID, the child's pid
 * written into the parent's or the child's memory; CLONE_CHILD_CLEARTID
 * (and set_tid_address()), a word set to 0 when the child exits or
 * execs (mm_release()), while the address space is still shared, so
 * another thread sees it; CLONE_SETTLS, the child's TLS segment
 * (copy_thread()); CLONE_VFORK, the parent sleeping until the child has
 * exec'd or exited.  There are no threads: CLONE_THREAD is refused, and
 * a user task may share its address space (CLONE_VM) only with
 * CLONE_VFORK, so that at most one task ever changes an mm's mappings
 * (mm/mmap.c relies on that).
 *
 * Every failure unwinds through goto labels named for what they undo,
 * and frees exactly what was taken: the tests inject failures at every
 * allocation (fail_alloc) and check that the free page count is the same.
 */
#include <asm/uaccess.h>
#include <completion.h>
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
#include <syscalls.h>
#include <time.h>
#include <trace.h>

/* Protects the task list and every task's parent/children/sibling. */
DEFINE_SPINLOCK(tasklist_lock);
int nr_threads;			/* tasks in the task list, process 0 aside */
unsigned long total_forks;	/* tasks forked (/proc/stat "processes") */
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
	task_lock(tsk);
	strlcpy(tsk->comm, name, sizeof(tsk->comm));
	task_unlock(tsk);
	trace_sched_comm(tsk);
}

/**
 * get_task_comm - copy a task's name, whole, while exec may rename it
 * @buf: TASK_COMM_LEN bytes
 * @tsk: the task
 *
 * Context: process or any context that may spin on task_lock().
 * Return: @buf.
 */
char *get_task_comm(char *buf, struct task_struct *tsk)
{
	task_lock(tsk);
	strlcpy(buf, tsk->comm, TASK_COMM_LEN);
	task_unlock(tsk);
	return buf;
}

/**
 * get_task_mm - another task's address space, with a user reference
 * @tsk: the task (the caller keeps it from being freed)
 *
 * Under task_lock() the mm is either still the task's (exit_mm() and
 * exec change it under that lock) or already gone: never one on its way
 * to being freed.  Kernel threads have none, even while they borrow one.
 * Context: process.
 * Return: the mm, to be given back with mmput(), or NULL.
 */
struct mm_struct *get_task_mm(struct task_struct *tsk)
{
	struct mm_struct *mm;

	task_lock(tsk);
	mm = tsk->mm;
	if (mm && !(tsk->flags & PF_KTHREAD))
		atomic_inc(&mm->mm_users);
	else
		mm = NULL;
	task_unlock(tsk);
	return mm;
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
	/* fxsave and fxrstor fault on a misaligned image. */
	BUG_ON((unsigned long)&tsk->thread.i387 & 15);
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
					unsigned long stack_size,
					int *child_tidptr, pid_t pid)
{
	struct task_struct *p;
	unsigned long flags;
	int retval = -ENOMEM;

	/* Shared handlers need a shared address space (as in Linux). */
	if ((clone_flags & CLONE_SIGHAND) && !(clone_flags & CLONE_VM))
		return ERR_PTR(-EINVAL);
	/* No thread groups. */
	if (clone_flags & CLONE_THREAD)
		return ERR_PTR(-EINVAL);

	p = dup_task_struct(current);
	if (!p)
		goto fork_out;

	p->pid = p->tgid = pid;
	spin_lock_init(&p->alloc_lock);

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
	p->last_switch_count = 0;
	p->hung_task_reported = false;
	p->start_time = jiffies;
	p->pending = 0;
	p->vfork_done = NULL;
	p->set_child_tid = clone_flags & CLONE_CHILD_SETTID ? child_tidptr
							    : NULL;
	p->clear_child_tid = clone_flags & CLONE_CHILD_CLEARTID ? child_tidptr
								: NULL;
	p->robust_list = NULL;
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
	retval = copy_thread(clone_flags, stack_start, p, regs);
	if (retval)
		goto bad_fork_cleanup_mm;
	/*
	 * Linux writes it from the child, in schedule_tail(); the child's
	 * memory is the same here, and nobody else changes it yet.  A
	 * pointer that does not work is ignored, as there.
	 */
	if (p->set_child_tid && p->mm)
		(void)access_process_vm(p->mm, (unsigned long)p->set_child_tid,
					&pid, sizeof(pid), true);

	p->exit_signal = clone_flags & CSIGNAL;
	sched_fork(p);
	if (!pid)
		return p;

	spin_lock_irqsave(&tasklist_lock, flags);
	p->parent = current;
	list_add_tail(&p->sibling, &current->children);
	list_add_tail(&p->tasks, &init_task.tasks);
	nr_threads++;
	total_forks++;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return p;

bad_fork_cleanup_mm:
	if (p->mm)
		mmput(p->mm);
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
 * @parent_tidptr: CLONE_PARENT_SETTID: where the child's pid goes, in the
 *                 caller's memory
 * @child_tidptr: CLONE_CHILD_SETTID / CLONE_CHILD_CLEARTID: the word in
 *                the child's memory
 *
 * With CLONE_VFORK the caller sleeps until the child has exec'd or
 * exited (mm_release()), as vfork(2) promises: until then the child runs
 * in the caller's memory, on its stack.
 * Context: process, may sleep.
 * Return: the child's pid, or a negative error: -ENOMEM, -EAGAIN (no pid),
 * -EINVAL (bad flags), -EFAULT (@parent_tidptr, or CLONE_SETTLS's
 * descriptor).
 */
long do_fork(unsigned long clone_flags, unsigned long stack_start,
	     struct pt_regs *regs, unsigned long stack_size,
	     int *parent_tidptr, int *child_tidptr)
{
	/* LAB 2: do_fork BEGIN */
	struct completion vfork;
	struct task_struct *p;
	pid_t pid;

	might_sleep();
	pid = alloc_pidmap();
	if (pid < 0)
		return pid;
	if ((clone_flags & CLONE_PARENT_SETTID) &&
	    copy_to_user(parent_tidptr, &pid, sizeof(pid))) {
		free_pidmap(pid);
		return -EFAULT;
	}
	p = copy_process(clone_flags, stack_start, regs, stack_size,
			 child_tidptr, pid);
	if (IS_ERR(p)) {
		free_pidmap(pid);
		return PTR_ERR(p);
	}
	if (clone_flags & CLONE_VFORK) {
		init_completion(&vfork);
		p->vfork_done = &vfork;
	}
	wake_up_new_task(p, clone_flags);
	if (clone_flags & CLONE_VFORK)
		wait_for_completion(&vfork);
	return pid;
	/* LAB 2: do_fork END */
}

/**
 * mm_release - a task lets go of its address space (exec or exit)
 * @tsk: current
 * @mm: the mm it is leaving, still loaded
 *
 * A vfork() parent waits for this moment: wake it.  And the
 * CLONE_CHILD_CLEARTID word gets 0 -- only if another task shares the
 * mm (mm_users > 1) and so can see it, as Linux (where that task would
 * be woken through a futex: there are none here).
 * Linux 2.6: kernel/fork.c: mm_release().
 * Context: process, the task's own mm still loaded.
 */
void mm_release(struct task_struct *tsk, struct mm_struct *mm)
{
	if (tsk->vfork_done && (tsk->clone_flags & CLONE_VFORK)) {
		complete(tsk->vfork_done);
		tsk->vfork_done = NULL;
	}
	if (tsk->clear_child_tid) {
		int zero = 0;

		if (atomic_read(&mm->mm_users) > 1)
			(void)copy_to_user(tsk->clear_child_tid, &zero,
					   sizeof(zero));
		tsk->clear_child_tid = NULL;
	}
}

/**
 * sys_clone - clone(2), i386 argument order
 * @regs: ebx flags, ecx the child's stack (0: the caller's), edx
 *        parent_tidptr, esi the CLONE_SETTLS struct user_desc, edi
 *        child_tidptr
 *
 * The sharing flags are the caller's choice, with the limits of this
 * kernel: no CLONE_THREAD, and CLONE_VM only with CLONE_VFORK (no
 * threads share an address space here).
 * Context: process (a system call).
 * Return: the child's pid (0 in the child), or -E.
 */
asmlinkage long sys_clone(struct pt_regs regs)
{
	unsigned long clone_flags = regs.ebx;
	unsigned long newsp = regs.ecx ? regs.ecx : regs.esp;

	if ((clone_flags & CLONE_VM) && !(clone_flags & CLONE_VFORK))
		return -EINVAL;
	return do_fork(clone_flags, newsp, &regs, 0, (int *)regs.edx,
		       (int *)regs.edi);
}

/**
 * sys_vfork - vfork(2): the child borrows the caller's memory, and the
 *             caller sleeps until the child execs or exits
 * @regs: the caller's registers
 *
 * Context: process (a system call).
 * Return: the child's pid (0 in the child), or -E.
 */
asmlinkage long sys_vfork(struct pt_regs regs)
{
	return do_fork(CLONE_VFORK | CLONE_VM | SIGCHLD, regs.esp, &regs, 0,
		       NULL, NULL);
}

/**
 * sys_set_tid_address - set_tid_address(2): where exit writes 0
 * @tidptr: the word (CLONE_CHILD_CLEARTID's, for the caller itself)
 *
 * Context: process (a system call).
 * Return: the caller's thread id, its pid.
 */
asmlinkage long sys_set_tid_address(int *tidptr)
{
	current->clear_child_tid = tidptr;
	return current->pid;
}

/* struct robust_list_head on i386: three words (Linux: linux/futex.h) */
#define ROBUST_LIST_HEAD_SIZE	12

/**
 * sys_set_robust_list - set_robust_list(2): remember the list head
 * @head: the C library's robust futex list
 * @len: sizeof(struct robust_list_head)
 *
 * Kept and never walked: without futexes nothing waits on a lock a dead
 * thread held.
 * Context: process (a system call).
 * Return: 0, or -EINVAL for a @len that is not Linux's.
 */
asmlinkage long sys_set_robust_list(void *head, size_t len)
{
	if (len != ROBUST_LIST_HEAD_SIZE)
		return -EINVAL;
	current->robust_list = head;
	return 0;
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
	/* LAB 7: fork_idle BEGIN */
	struct pt_regs regs = { 0 };
	struct task_struct *idle;

	idle = copy_process(CLONE_VM, 0, &regs, 0, NULL, 0);
	if (IS_ERR(idle))
		return idle;
	atomic_dec(&nr_task_structs);
	snprintf(idle->comm, sizeof(idle->comm), "swapper/%d", cpu);
	init_idle(idle, cpu);
	return idle;
	/* LAB 7: fork_idle END */
}
