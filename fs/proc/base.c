// SPDX-License-Identifier: GPL-2.0
/*
 * fs/proc/base.c - the files of /proc/PID: stack, wchan, cmdline, comm.
 *
 * Linux 2.6: fs/proc/base.c (proc_pid_stack(), proc_pid_wchan(),
 * proc_pid_cmdline(), comm_show()).
 * Each prints one task that the caller holds.  stack is the task's
 * kernel stack, one return address per line as "[<c0123456>]
 * func+0x1c/0x80" (the walk of arch/x86/dumpstack.c, the one ps -s and
 * Ctrl-B print); wchan the function it sleeps in, skipping schedule()
 * and its wrappers; cmdline the program's arguments as they lie in its
 * memory, NUL after each (none for a kernel thread: it has no memory of
 * its own); comm its name.
 */
#include <kallsyms.h>
#include <kernel.h>
#include <mm.h>
#include <mm_types.h>
#include <sched.h>
#include <seq_file.h>
#include <slab.h>
#include <stacktrace.h>
#include "internal.h"

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
