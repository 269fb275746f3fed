// SPDX-License-Identifier: GPL-2.0
/*
 * tests/ktest/kernel_thread_test.c - a new kernel thread's first moments,
 * seen from inside it: the registers kernel_thread() gave it, the stack
 * copy_thread() built, the way ret_from_fork and kernel_thread_helper
 * brought it to its function; and do_fork()'s vfork wait.
 *
 * Two points of view.  Held: the test makes the child while it is itself
 * SCHED_FIFO and bound to its CPU, so the child (bound there too, by
 * inheritance) cannot run until the test sleeps in do_wait(), and the
 * test reads the child's pt_regs and thread struct as copy_thread() left
 * them.  From inside: the child's function writes what it saw (who
 * called it, interrupts, preempt_count, its clone flags) into a struct
 * first_look, and the test compares after reaping it.
 * Each failure names the function that got it wrong (the course labs
 * grade with these tests: docs/labs/lab2.md).
 */
#include <asm/irqflags.h>
#include <asm/ptrace.h>
#include <asm/segment.h>
#include <cpumask.h>
#include <kallsyms.h>
#include <kernel.h>
#include <ktest.h>
#include <preempt.h>
#include <sched.h>
#include <string.h>
#include <wait.h>

struct first_look {
	unsigned long return_address;	/* where its function returns to */
	unsigned long clone_flags;
	bool irqs_on;
	int preempt_count;
	bool has_mm;
};

static int look_at_myself(void *arg)
{
	struct first_look *look = arg;

	look->return_address = (unsigned long)__builtin_return_address(0);
	look->clone_flags = current->clone_flags;
	look->irqs_on = !irqs_disabled();
	look->preempt_count = preempt_count();
	look->has_mm = current->mm != NULL;
	return 0;
}

/*
 * kernel_thread(look_at_myself, @look), held (see above) until reaped:
 * the test reads *@child meanwhile.  Return: the child's pid.
 */
static int fork_held(struct first_look *look, struct task_struct **child)
{
	int pid;

	/* Any CPU will do: the one it runs on now saves a migration. */
	KTEST_ASSERT(set_cpus_allowed(current,
			cpumask_of_cpu(raw_smp_processor_id())) == 0);
	KTEST_ASSERT(sched_setscheduler(current, SCHED_FIFO, 1) == 0);
	memset(look, 0, sizeof(*look));
	pid = kernel_thread(look_at_myself, look, 0);
	KTEST_ASSERT(pid > 0);
	*child = find_task_by_pid(pid);
	KTEST_ASSERT(*child);
	return pid;
}

/* Let the held child run; reap it. */
static void release_and_reap(int pid)
{
	long code = -1;

	KTEST_ASSERT_EQ(do_wait(pid, &code, 0), pid);
	KTEST_EXPECT_EQ(code, 0);
}

/* kernel_thread(look_at_myself, @look); reap it. */
static void first_look(struct first_look *look)
{
	int pid;

	memset(look, 0, sizeof(*look));
	pid = kernel_thread(look_at_myself, look, 0);
	KTEST_ASSERT(pid > 0);
	release_and_reap(pid);
}

/* The function @addr lies in, or "?". */
static const char *function_of(unsigned long addr)
{
	unsigned long size, offset;
	const char *name = kallsyms_lookup(addr, &size, &offset);

	return name ? name : "?";
}

KTEST(kernel_thread_regs_start_at_kernel_thread_helper)
{
	struct first_look look;
	struct task_struct *p;
	struct pt_regs *regs;
	int pid = fork_held(&look, &p);

	regs = task_pt_regs(p);
	if (regs->eip != (long)kernel_thread_helper)
		KTEST_FAIL("kernel_thread_regs: eip %#lx (%s), not "
			   "kernel_thread_helper", regs->eip,
			   function_of(regs->eip));
	if (regs->ebx != (long)look_at_myself || regs->edx != (long)&look)
		KTEST_FAIL("kernel_thread_regs: ebx %#lx, edx %#lx: not fn "
			   "and arg", regs->ebx, regs->edx);
	if (regs->xcs != __KERNEL_CS || !(regs->eflags & X86_EFLAGS_IF))
		KTEST_FAIL("kernel_thread_regs: cs %#x eflags %#lx: want "
			   "the kernel's code segment and IF", regs->xcs,
			   regs->eflags);
	if (regs->orig_eax != -1)
		KTEST_FAIL("kernel_thread_regs: orig_eax %ld, not -1 (no "
			   "system call)", regs->orig_eax);
	release_and_reap(pid);
	if (strcmp(function_of(look.return_address), "kernel_thread_helper"))
		KTEST_FAIL("kernel_thread_helper: the function was called "
			   "from %s, not from kernel_thread_helper",
			   function_of(look.return_address));
}

KTEST(copy_thread_builds_the_child_stack)
{
	struct first_look look;
	struct task_struct *p;
	struct pt_regs *regs;
	int pid = fork_held(&look, &p);

	regs = task_pt_regs(p);
	if (regs->eax != 0)
		KTEST_FAIL("copy_thread: the child's eax is %#lx: fork() "
			   "returns 0 in the child", regs->eax);
	if (p->thread.esp != (unsigned long)regs)
		KTEST_FAIL("copy_thread: thread.esp %#lx, not the child's "
			   "pt_regs at %p", p->thread.esp, regs);
	if (p->thread.esp0 != (unsigned long)(regs + 1))
		KTEST_FAIL("copy_thread: thread.esp0 %#lx, not the top of "
			   "the child's stack %p", p->thread.esp0, regs + 1);
	if (p->thread.eip != (unsigned long)ret_from_fork)
		KTEST_FAIL("copy_thread: thread.eip %#lx (%s), not "
			   "ret_from_fork", p->thread.eip,
			   function_of(p->thread.eip));
	release_and_reap(pid);
}

KTEST(ret_from_fork_finishes_the_switch)
{
	struct first_look look;

	first_look(&look);
	/* schedule_tail() released the run queue lock and its irqs. */
	if (!look.irqs_on)
		KTEST_FAIL("ret_from_fork: the new thread runs with "
			   "interrupts off");
	if (look.preempt_count != 0)
		KTEST_FAIL("ret_from_fork: the new thread runs with "
			   "preempt_count %#x, not 0", look.preempt_count);
}

KTEST(kernel_thread_forks_with_clone_vm_and_untraced)
{
	struct first_look look;

	first_look(&look);
	if ((look.clone_flags & (CLONE_VM | CLONE_UNTRACED)) !=
	    (CLONE_VM | CLONE_UNTRACED))
		KTEST_FAIL("kernel_thread: clone flags %#lx lack CLONE_VM "
			   "or CLONE_UNTRACED", look.clone_flags);
	if (look.has_mm)
		KTEST_FAIL("kernel_thread: a kernel thread made by a kernel "
			   "thread has an mm");
}

/* A cdecl function and one that takes its argument in eax. */
static int plain_arg(void *arg)
{
	return (int)(long)arg;
}

static int __attribute__((regparm(1))) eax_arg(void *arg)
{
	return (int)(long)arg;
}

KTEST(kernel_thread_helper_passes_arg_in_eax_and_on_the_stack)
{
	int (*regparm_fn)(void *) = (int (*)(void *))(unsigned long)eax_arg;
	long code = 0;
	int pid;

	pid = kernel_thread(plain_arg, (void *)1234, 0);
	KTEST_ASSERT(pid > 0);
	KTEST_ASSERT_EQ(do_wait(pid, &code, 0), pid);
	if (code != 1234)
		KTEST_FAIL("kernel_thread_helper: fn(arg) on the stack "
			   "returned %ld, not 1234", code);
	pid = kernel_thread(regparm_fn, (void *)5678, 0);
	KTEST_ASSERT(pid > 0);
	KTEST_ASSERT_EQ(do_wait(pid, &code, 0), pid);
	if (code != 5678)
		KTEST_FAIL("kernel_thread_helper: fn(arg) in eax returned "
			   "%ld, not 5678", code);
}

static int note_and_exit(void *arg)
{
	WRITE_ONCE(*(bool *)arg, true);
	return 0;
}

KTEST(do_fork_vfork_waits_for_the_child)
{
	struct pt_regs regs;
	bool ran = false;
	long code = -1;
	long pid;

	kernel_thread_regs(&regs, note_and_exit, &ran);
	pid = do_fork(CLONE_VM | CLONE_VFORK | CLONE_UNTRACED | SIGCHLD, 0,
		      &regs, 0, NULL, NULL);
	KTEST_ASSERT(pid > 0);
	/* The child has exited (mm_release()) before do_fork() returned. */
	if (!READ_ONCE(ran))
		KTEST_FAIL("do_fork: CLONE_VFORK returned before the child "
			   "ran");
	KTEST_ASSERT_EQ(do_wait(pid, &code, 0), pid);
	KTEST_EXPECT_EQ(code, 0);
}
