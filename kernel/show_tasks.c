// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/show_tasks.c - the task list as a table (sysrq-t, ps).
 *
 * Linux 2.6: show_state() in kernel/sched.c, and what procps' ps prints.
 * One line per task, in the columns of the shell's ps: the CPU it runs
 * or last ran on (task_cpu()), pid, parent, state, flags, its mm and the
 * mm it runs on ("-" for none), priority, CPU time (minutes:seconds),
 * and the name, in [brackets] for kernel threads (they have no command
 * line to show, as ps puts it).  A kernel thread's mm is always "-"
 * while active_mm names the address space it borrowed: lazy TLB made
 * visible.
 *
 * The idle tasks come first, one per online CPU (swapper/0, swapper/1,
 * ...): all of them are pid 0 and none is on the task list (Linux does
 * not hash pid 0 either), so they are taken from the run queues
 * (idle_task()).  CPU 0's is init_task, the head of the task list.
 */
#include <cpumask.h>
#include <kernel.h>
#include <sched.h>
#include <spinlock.h>
#include <stacktrace.h>

/**
 * task_state_char - the one-letter state ps shows
 * @p: the task
 *
 * Return: R (running or runnable), S (interruptible sleep), D
 * (uninterruptible sleep), T (stopped), Z (zombie), X (dead).
 */
char task_state_char(const struct task_struct *p)
{
	if (p->exit_state == EXIT_ZOMBIE)
		return 'Z';
	if (p->exit_state == EXIT_DEAD || p->state == TASK_DEAD)
		return 'X';
	if (p->state == TASK_RUNNING)
		return 'R';
	if (p->state & TASK_INTERRUPTIBLE)
		return 'S';
	if (p->state & TASK_UNINTERRUPTIBLE)
		return 'D';
	return 'T';
}

/* An mm as ps shows it: its address, or "-" for none. */
static void format_mm(char *buf, size_t size, const struct mm_struct *mm)
{
	if (mm)
		snprintf(buf, size, "%08lx", (unsigned long)mm);
	else
		snprintf(buf, size, "-");
}

static void show_task(struct task_struct *p)
{
	char mm[12], active_mm[12], name[TASK_COMM_LEN + 2];
	unsigned long seconds = (p->utime + p->stime) / HZ;

	format_mm(mm, sizeof(mm), p->mm);
	format_mm(active_mm, sizeof(active_mm), p->active_mm);
	snprintf(name, sizeof(name), (p->flags & PF_KTHREAD) ? "[%s]" : "%s",
		 p->comm);
	printk(KERN_INFO "%3u %5d %5d %c %08lx %8s %9s %3d %3lu:%02lu %s\n",
	       task_cpu(p), p->pid, p->parent ? p->parent->pid : 0,
	       task_state_char(p), p->flags, mm, active_mm, p->prio,
	       seconds / 60, seconds % 60, name);
}

/*
 * The idle task of each online CPU, CPU 0's first; a CPU that is coming
 * up may not have one yet.  Idle tasks never exit, so the pointers stay
 * good without a lock.
 */
#define for_each_idle_task(p, cpu)				\
	for_each_online_cpu(cpu)				\
		if (((p) = idle_task(cpu)) != NULL)

/**
 * show_all_stacks - print the kernel stack of every task
 *
 * Context: any; takes tasklist_lock.
 */
void show_all_stacks(void)
{
	struct task_struct *p;
	unsigned long flags;
	unsigned int cpu;

	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_idle_task(p, cpu)
		show_task_stack(p);
	for_each_process(p)
		show_task_stack(p);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

/**
 * show_tasks - print every task, the idle task of each CPU first
 *
 * Context: any; takes tasklist_lock.
 */
void show_tasks(void)
{
	struct task_struct *p;
	unsigned long flags;
	unsigned int cpu;

	printk(KERN_INFO "CPU   PID  PPID S    FLAGS       MM ACTIVE_MM PRI   "
	       "TIME COMMAND\n");
	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_idle_task(p, cpu)
		show_task(p);
	for_each_process(p)
		show_task(p);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}
