// SPDX-License-Identifier: GPL-2.0
/*
 * arch/x86/process.c - the i386 parts of making and switching tasks:
 * kernel_thread(), copy_thread(), __switch_to().
 *
 * Linux 2.6: arch/i386/kernel/process.c.
 *
 * kernel_thread() (Understanding the Linux Kernel, 3rd ed., chapter 3,
 * section "Kernel Threads") fills a struct pt_regs as if the new thread
 * had been interrupted at kernel_thread_helper with ebx = fn and edx = arg,
 * and forks with CLONE_VM | CLONE_UNTRACED: no page tables are copied (a
 * kernel thread never touches user addresses) and no tracer can attach.
 * copy_thread() puts a copy of those registers at the top of the child's
 * stack and points thread.esp at them and thread.eip at ret_from_fork.
 * The child's first switch_to() "returns" into ret_from_fork, which pops
 * the registers and irets into kernel_thread_helper (arch/x86/entry.asm):
 * fn(arg), then do_exit(fn's return value).  docs/processes.md walks
 * through it.
 */
#include <asm/desc.h>
#include <asm/i387.h>
#include <asm/irqflags.h>
#include <asm/ptrace.h>
#include <asm/segment.h>
#include <asm/uaccess.h>
#include <kernel.h>
#include <preempt.h>
#include <sched.h>
#include <string.h>

#define X86_EFLAGS_SF	0x00000080	/* sign flag */
#define X86_EFLAGS_PF	0x00000004	/* parity flag */
#define X86_EFLAGS_FIXED 0x00000002	/* bit 1 always reads as 1 */

/**
 * kernel_thread_regs - the registers a kernel thread starts with
 * @regs: filled in
 * @fn: the function kernel_thread_helper will call
 * @arg: its argument
 *
 * Kernel segments, interrupts on, eip at kernel_thread_helper with fn in
 * ebx and arg in edx.  kernel_thread() forks with them; the ktests of a
 * process's fork (no CLONE_VM) start their children with them too.
 */
void kernel_thread_regs(struct pt_regs *regs, int (*fn)(void *), void *arg)
{
	/* LAB 2: kernel_thread_regs BEGIN */
	memset(regs, 0, sizeof(*regs));
	regs->ebx = (unsigned long)fn;
	regs->edx = (unsigned long)arg;
	regs->xds = __USER_DS;
	regs->xes = __USER_DS;
	regs->orig_eax = -1;			/* not a system call */
	regs->eip = (unsigned long)kernel_thread_helper;
	regs->xcs = __KERNEL_CS;
	/* Interrupts on from its first instruction; SF/PF as Linux. */
	regs->eflags = X86_EFLAGS_IF | X86_EFLAGS_SF | X86_EFLAGS_PF |
		       X86_EFLAGS_FIXED;
	/* LAB 2: kernel_thread_regs END */
}

/**
 * kernel_thread - create a kernel thread running fn(arg)
 * @fn: the function; its return value becomes the thread's exit code
 * @arg: its argument
 * @flags: CLONE_* flags to add, and the exit signal in the low byte
 *
 * Most code should use kthread_create(), which gives the thread a clean
 * context through kthreadd; this is the primitive underneath.
 * Context: process, may sleep.
 * Return: the new thread's pid, or a negative error.
 */
int kernel_thread(int (*fn)(void *), void *arg, unsigned long flags)
{
	/* LAB 2: kernel_thread BEGIN */
	struct pt_regs regs;

	kernel_thread_regs(&regs, fn, arg);
	return do_fork(flags | CLONE_VM | CLONE_UNTRACED, 0, &regs, 0, NULL,
		       NULL);
	/* LAB 2: kernel_thread END */
}

/**
 * copy_thread - prepare a new task's stack for its first switch_to()
 * @clone_flags: CLONE_SETTLS: the child's TLS entry from the struct
 *               user_desc the parent passed in esi (clone's 4th argument)
 * @esp: the child's user stack pointer (0: the same as the parent's)
 * @p: the child
 * @regs: the registers it starts with
 *
 * The child inherits the TLS entries (dup_task_struct() copied
 * thread.tls_array) and the parent's %gs, which is still the parent's
 * user one: the kernel never loads %gs (Linux 2.6: copy_thread()).
 * Context: process (copy_process()).
 * Return: 0, or -EFAULT / -EINVAL for a bad CLONE_SETTLS descriptor.
 */
int copy_thread(unsigned long clone_flags, unsigned long esp,
		struct task_struct *p, struct pt_regs *regs)
{
	/* LAB 2: copy_thread BEGIN */
	struct pt_regs *childregs = task_pt_regs(p);

	*childregs = *regs;
	childregs->eax = 0;		/* fork() returns 0 in the child */
	if (esp)
		childregs->esp = esp;

	p->thread.esp = (unsigned long)childregs;
	p->thread.esp0 = (unsigned long)(childregs + 1);
	p->thread.eip = (unsigned long)ret_from_fork;
	/* LAB 2: copy_thread END */
	savesegment(gs, p->thread.gs);
	/* The child starts with the parent's FPU registers, saved now. */
	preempt_disable();
	unlazy_fpu(current);
	preempt_enable();
	p->thread.i387 = current->thread.i387;
	p->thread.status &= ~TS_USEDFPU;

	if (clone_flags & CLONE_SETTLS) {
		struct user_desc info;

		if (copy_from_user(&info, (void *)regs->esi, sizeof(info)))
			return -EFAULT;
		return do_set_thread_area(p, &info);
	}
	return 0;
}

/**
 * flush_thread - execve() forgets the old program's TLS segments and FPU
 *
 * The FPU registers are dropped (the new program's first FPU instruction
 * gets a clean state); empty TLS entries in the task and in this CPU's GDT, and a null %gs:
 * the new program sets up its own (Linux 2.6: flush_thread() and
 * start_thread()).
 * Context: process, the point of no return of execve().
 */
void flush_thread(void)
{
	struct task_struct *tsk = current;

	clear_fpu(tsk);
	preempt_disable();
	memset(tsk->thread.tls_array, 0, sizeof(tsk->thread.tls_array));
	load_TLS(&tsk->thread, smp_processor_id());
	tsk->thread.gs = 0;
	loadsegment(gs, 0);
	preempt_enable();
}

/**
 * __switch_to - the C half of switch_to
 * @prev: the task switched away from (eax)
 * @next: the task switched to (edx), whose stack we are on
 *
 * prev's FPU registers are saved if it used them (unlazy_fpu(), which
 * sets CR0.TS so that next's first FPU instruction traps: see
 * arch/x86/i387.c).  The CPU takes the kernel stack for interrupts from
 * user mode out of the TSS: it must be next's.  Then the thread-local storage, as Linux
 * 2.6 does it: prev's %gs is saved (it still holds prev's user value:
 * the kernel itself never uses %gs), next's three TLS descriptors go
 * into this CPU's GDT (load_TLS()), and %gs is reloaded -- even with the
 * same selector, because the CPU caches the base of the descriptor it
 * was loaded from, which was prev's.  Two kernel threads (both %gs 0)
 * skip the reload.  Nothing here may print or wake anyone: the run
 * queue lock is held and we are between two tasks.
 * Context: switch_to, interrupts off.
 * Return: @prev, which switch_to hands to next as "last".
 */
__attribute__((regparm(2)))
struct task_struct *__switch_to(struct task_struct *prev,
				struct task_struct *next)
{
	struct thread_struct *prev_t = &prev->thread, *next_t = &next->thread;

	unlazy_fpu(prev);
	load_esp0(next_t->esp0);
	savesegment(gs, prev_t->gs);
	load_TLS(next_t, raw_smp_processor_id());
	if (prev_t->gs | next_t->gs)
		loadsegment(gs, next_t->gs);
	return prev;
}
