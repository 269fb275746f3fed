// SPDX-License-Identifier: GPL-2.0
/*
 * fs/proc/array.c - the text of the files of /proc/PID: a task's
 * task_struct, stack and arguments as text.
 *
 * Linux 2.6: fs/proc/array.c (proc_pid_stat(), proc_pid_status()), and
 * proc_pid_stack(), proc_pid_wchan(), proc_pid_cmdline() of
 * fs/proc/base.c, which here makes the directories (fs/proc/base.c).
 * stat is one line of numbers in a fixed order, for programs (ps, top):
 * field 1 is the pid, 2 the name in parentheses (a name may hold
 * spaces: a parser looks for the last ')'), 3 the state letter, and so
 * on, as proc(5) lists them.  status is the same task for people, one
 * "Name:\tvalue" line each.  Understanding the Linux Kernel, 3rd ed.,
 * chapter 3, "Process Descriptor", says what each field is.  stack is
 * the task's kernel stack, one return address per line as "[<c0123456>]
 * func+0x1c/0x80" (the walk of arch/x86/dumpstack.c, the one ps -s and
 * Ctrl-B print); wchan the function it sleeps in, skipping schedule()
 * and its wrappers; cmdline the program's arguments as they lie in its
 * memory, NUL after each (none for a kernel thread: it has no memory of
 * its own); comm its name.
 *
 * The caller holds the task (a reference): its task_struct and stack
 * stay.  What it points to may not: the parent, the signal tables and
 * the reaped children's times are read under tasklist_lock while the
 * task is still on the task list (pid_alive()), the mm through
 * get_task_mm().  A task that has exited meanwhile prints as the zombie
 * or dead task it now is, with no mm.
 */
#include <cpumask.h>
#include <errno.h>
#include <kallsyms.h>
#include <kernel.h>
#include <mm.h>
#include <mm_types.h>
#include <sched.h>
#include <seq_file.h>
#include <signal.h>
#include <slab.h>
#include <spinlock.h>
#include <stacktrace.h>
#include <string.h>
#include <time.h>
#include "internal.h"

/* What only the task list's lock keeps valid (gone at release_task()). */
struct task_family {
	pid_t ppid;
	unsigned long cutime, cstime;	/* reaped children's ticks */
	sigset_t sigign, sigcatch;	/* signals ignored, caught */
};

static unsigned long sig_low(sigset_t set)
{
	return (unsigned long)(set & 0x7fffffffUL);
}

static void get_task_family(struct task_struct *p, struct task_family *f)
{
	unsigned long flags;

	memset(f, 0, sizeof(*f));
	spin_lock_irqsave(&tasklist_lock, flags);
	if (pid_alive(p)) {
		/* The first tasks' parent is process 0: ppid 0, as Linux. */
		f->ppid = p->parent->tgid;
		f->cutime = p->signal->cutime;
		f->cstime = p->signal->cstime;
		for (int sig = 1; sig < _NSIG; sig++) {
			__sighandler_t h = p->sighand->action[sig].handler;

			if (h == SIG_IGN)
				f->sigign |= (sigset_t)1 << (sig - 1);
			else if (h != SIG_DFL)
				f->sigcatch |= (sigset_t)1 << (sig - 1);
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

/* The user address space's parts, in bytes (Linux: task_mem()). */
struct task_vm {
	unsigned long size, rss, data, stack, exe;
};

static void get_task_vm(struct mm_struct *mm, struct task_vm *vm)
{
	memset(vm, 0, sizeof(*vm));
	if (!mm)
		return;
	/*
	 * execve() maps the program (code, then its data and bss up to
	 * start_brk), the heap above it and the stack: nothing else.
	 */
	vm->exe = PAGE_ALIGN(mm->end_code) - (mm->start_code & PAGE_MASK);
	vm->data = PAGE_ALIGN(mm->brk) - PAGE_ALIGN(mm->end_code);
	vm->stack = mm->start_stack ? TASK_SIZE - mm->start_stack : 0;
	vm->size = vm->exe + vm->data + vm->stack;
	vm->rss = READ_ONCE(mm->rss) << PAGE_SHIFT;
}

/* Linux 2.6's "priority": the dynamic priority less 100 (RT: negative). */
static long task_prio(struct task_struct *p)
{
	return p->prio - MAX_RT_PRIO;
}

/**
 * get_task_state - a task's state as /proc/PID/status spells it
 * @task: the task
 *
 * Context: any.
 * Return: "R (running)", "S (sleeping)", "D (disk sleep)", "T (stopped)",
 * "Z (zombie)" or "X (dead)".
 */
const char *get_task_state(struct task_struct *task)
{
	switch (task_state_char(task)) {
	case 'R':
		return "R (running)";
	case 'S':
		return "S (sleeping)";
	case 'D':
		return "D (disk sleep)";
	case 'Z':
		return "Z (zombie)";
	case 'X':
		return "X (dead)";
	default:
		return "T (stopped)";
	}
}

/**
 * proc_pid_stat - /proc/PID/stat: the task as one line of numbers
 * @m: the seq_file
 * @task: the task, held by the caller
 *
 * proc(5)'s fields 1 to 42, in its order: pid (comm) state ppid pgrp
 * session tty_nr tpgid flags minflt cminflt majflt cmajflt utime stime
 * cutime cstime priority nice num_threads itrealvalue starttime vsize
 * rss rsslim startcode endcode startstack kstkesp kstkeip signal blocked
 * sigignore sigcatch wchan nswap cnswap exit_signal processor
 * rt_priority policy delayacct_blkio_ticks.  Times are in USER_HZ ticks,
 * starttime since boot.  Counters this kernel does not keep (page
 * faults, swap) are 0, and so are pgrp, session and the terminal, which
 * it does not have; tpgid is -1 (no terminal).  kstkesp and kstkeip are
 * 0, as in Linux for a reader that may not trace the task.
 * Context: process, may sleep.
 * Return: 0.
 */
int proc_pid_stat(struct seq_file *m, struct task_struct *task)
{
	unsigned long start_code = 0, end_code = 0, start_stack = 0;
	char comm[TASK_COMM_LEN];
	struct mm_struct *mm;
	struct task_family f;
	struct task_vm vm;

	get_task_family(task, &f);
	mm = get_task_mm(task);
	get_task_vm(mm, &vm);
	if (mm) {
		start_code = mm->start_code;
		end_code = mm->end_code;
		start_stack = mm->start_stack;
		mmput(mm);
	}
	get_task_comm(comm, task);
	seq_printf(m, "%d (%s) %c %d %d %d %d %d %lu %lu %lu %lu %lu ",
		   task->pid, comm, task_state_char(task), f.ppid, 0, 0, 0, -1,
		   task->flags, 0UL, 0UL, 0UL, 0UL);
	seq_printf(m, "%lu %lu %lu %lu %ld %ld %d %d %llu ",
		   jiffies_to_clock_t(task->utime),
		   jiffies_to_clock_t(task->stime),
		   jiffies_to_clock_t(f.cutime), jiffies_to_clock_t(f.cstime),
		   task_prio(task), (long)TASK_NICE(task), 1, 0,
		   (unsigned long long)jiffies_to_clock_t(task->start_time -
							  INITIAL_JIFFIES));
	seq_printf(m, "%lu %lu %lu %lu %lu %lu %lu %lu ",
		   vm.size, vm.rss >> PAGE_SHIFT, ~0UL, start_code, end_code,
		   start_stack, 0UL, 0UL);
	seq_printf(m, "%lu %lu %lu %lu %lu %lu %lu %d %u %u %u %llu\n",
		   /* Linux's obsolete decimal masks: signals 1-31 only. */
		   sig_low(READ_ONCE(task->pending)),
		   sig_low(READ_ONCE(task->blocked)), sig_low(f.sigign),
		   sig_low(f.sigcatch), get_wchan(task), 0UL, 0UL,
		   task->exit_signal,
		   task_cpu(task), task->rt_priority, task->policy, 0ULL);
	return 0;
}

/* "0-1,3": the CPUs of @mask as Cpus_allowed_list spells them. */
static void seq_cpumask_list(struct seq_file *m, cpumask_t mask)
{
	const char *sep = "";

	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++) {
		unsigned int last = cpu;

		if (!cpu_isset(cpu, mask))
			continue;
		while (last + 1 < NR_CPUS && cpu_isset(last + 1, mask))
			last++;
		if (last == cpu)
			seq_printf(m, "%s%u", sep, cpu);
		else
			seq_printf(m, "%s%u-%u", sep, cpu, last);
		sep = ",";
		cpu = last;
	}
}

/**
 * proc_pid_status - /proc/PID/status: the task for people to read
 * @m: the seq_file
 * @task: the task, held by the caller
 *
 * Name, State, Tgid, Pid, PPid, Uid and Gid (real, effective, saved,
 * file system: here the saved and file system ids are the effective
 * one), the address space (VmSize, VmRSS, VmData, VmStk, VmExe) for a
 * task that has one, Threads, the signal masks (SigPnd, SigBlk, SigIgn,
 * SigCgt), Cpus_allowed as a hex mask and a list, and the context
 * switches it made (voluntary: it slept; nonvoluntary: it was preempted).
 * Context: process, may sleep.
 * Return: 0.
 */
int proc_pid_status(struct seq_file *m, struct task_struct *task)
{
	char comm[TASK_COMM_LEN];
	struct mm_struct *mm;
	struct task_family f;
	struct task_vm vm;

	get_task_family(task, &f);
	get_task_comm(comm, task);
	seq_printf(m, "Name:\t%s\nState:\t%s\nTgid:\t%d\nPid:\t%d\n"
		   "PPid:\t%d\nTracerPid:\t0\n", comm, get_task_state(task),
		   task->tgid, task->pid, f.ppid);
	seq_printf(m, "Uid:\t%u\t%u\t%u\t%u\nGid:\t%u\t%u\t%u\t%u\n",
		   task->uid, task->euid, task->euid, task->euid,
		   task->gid, task->egid, task->egid, task->egid);
	mm = get_task_mm(task);
	if (mm) {
		get_task_vm(mm, &vm);
		mmput(mm);
		seq_printf(m, "VmSize:\t%8lu kB\nVmRSS:\t%8lu kB\n"
			   "VmData:\t%8lu kB\nVmStk:\t%8lu kB\n"
			   "VmExe:\t%8lu kB\n", vm.size >> 10, vm.rss >> 10,
			   vm.data >> 10, vm.stack >> 10, vm.exe >> 10);
	}
	seq_printf(m, "Threads:\t1\nSigPnd:\t%016llx\nSigBlk:\t%016llx\n"
		   "SigIgn:\t%016llx\nSigCgt:\t%016llx\n",
		   READ_ONCE(task->pending), READ_ONCE(task->blocked),
		   f.sigign, f.sigcatch);
	seq_printf(m, "Cpus_allowed:\t%0*lx\nCpus_allowed_list:\t",
		   (NR_CPUS + 3) / 4, task->cpus_allowed.bits[0]);
	seq_cpumask_list(m, task->cpus_allowed);
	seq_printf(m, "\nvoluntary_ctxt_switches:\t%lu\n"
		   "nonvoluntary_ctxt_switches:\t%lu\n",
		   READ_ONCE(task->nvcsw), READ_ONCE(task->nivcsw));
	return 0;
}

/**
 * proc_pid_stack - /proc/PID/stack: the task's kernel stack
 * @m: the seq_file
 * @task: the task, held by the caller
 *
 * A task switched out shows where it resumes, then its frames; a task
 * running on another CPU only says so (its stack changes under any
 * walk); a reader of its own stack sees the read itself.
 * Context: process.
 * Return: 0.
 */
int proc_pid_stack(struct seq_file *m, struct task_struct *task)
{
	char *buf;
	size_t room = seq_get_buf(m, &buf);

	if (!room)
		return 0;	/* overflowed already: printed again, bigger */
	seq_commit(m, sprint_task_stack(task, buf, room));
	return 0;
}

/**
 * proc_pid_wchan - /proc/PID/wchan: the function the task sleeps in
 * @m: the seq_file
 * @task: the task, held by the caller
 *
 * The name alone, no newline, as Linux prints it; "0" for a task that
 * runs (or has never run).
 * Context: process.
 * Return: 0.
 */
int proc_pid_wchan(struct seq_file *m, struct task_struct *task)
{
	unsigned long wchan = get_wchan(task), size, offset;
	const char *name = wchan ? kallsyms_lookup(wchan, &size, &offset)
				 : NULL;

	if (name)
		seq_puts(m, name);
	else
		seq_putc(m, '0');
	return 0;
}

/**
 * proc_pid_cmdline - /proc/PID/cmdline: the program's arguments
 * @m: the seq_file
 * @task: the task, held by the caller
 *
 * argv's strings, each ended by its NUL, read from the task's memory
 * (execve put them at mm->arg_start); at most a page, as Linux 2.6.
 * Empty for a kernel thread, and for a task that has exited.
 * Context: process, may sleep.
 * Return: 0, or -ENOMEM.
 */
int proc_pid_cmdline(struct seq_file *m, struct task_struct *task)
{
	struct mm_struct *mm = get_task_mm(task);
	unsigned long len;
	char *buf;
	int n;

	if (!mm)
		return 0;
	len = min(mm->arg_end - mm->arg_start, PAGE_SIZE);
	buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!buf) {
		mmput(mm);
		return -ENOMEM;
	}
	n = access_process_vm(mm, mm->arg_start, buf, len, false);
	mmput(mm);
	seq_write(m, buf, n);
	kfree(buf);
	return 0;
}

/**
 * proc_pid_comm - /proc/PID/comm: the task's name
 * @m: the seq_file
 * @task: the task, held by the caller
 *
 * Context: process.
 * Return: 0.
 */
int proc_pid_comm(struct seq_file *m, struct task_struct *task)
{
	char comm[TASK_COMM_LEN];

	seq_printf(m, "%s\n", get_task_comm(comm, task));
	return 0;
}
