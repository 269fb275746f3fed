// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/sys.c - sessions and process groups: setsid, setpgid, getpgid,
 * getpgrp, getsid.
 *
 * Linux 2.6: kernel/sys.c (sys_setpgid(), sys_setsid() ...), with the
 * ids kept in signal_struct as Linux 2.6.18 did (pgrp, session, leader,
 * tty).  Understanding the Linux Kernel, 3rd ed., chapter 1, section
 * "Process groups and login sessions".
 *
 * A process group is a job: the processes of one pipeline, which the
 * terminal signals together (^C, ^Z: drivers/tty.c) and kill(-pgrp, sig)
 * reaches.  A session is a login: the shell that setsid() made its
 * leader, and every group it starts.  A session has at most one
 * controlling terminal (TIOCSCTTY), and the terminal one foreground group
 * (TIOCSPGRP), the only one that may read from it.  The ids are pids:
 * a group's id is the pid of the process that made it (its leader), a
 * session's that of its leader.  fork() copies both (signal_alloc()).
 * Linux's rules, which keep a group inside its session and a session
 * leader where it is:
 *
 *	setsid()	fails (EPERM) for a group leader, else makes a new
 *			session and group, both with the caller's pid, and
 *			no controlling terminal
 *	setpgid(p, g)	p is the caller or a child of it not yet exec'd
 *			(else ESRCH, EACCES), in its session, not a session
 *			leader (EPERM); g is p's own pid or an existing
 *			group of the session (EPERM); g < 0 is EINVAL
 *
 * Everything is read and written under tasklist_lock: a group's members
 * are found by walking the task list.
 */
#include <errno.h>
#include <kernel.h>
#include <sched.h>
#include <signal.h>
#include <syscalls.h>

/* Is there a process in group @pgrp of session @session?  tasklist_lock. */
static bool pgrp_in_session(pid_t pgrp, pid_t session)
{
	struct task_struct *p;

	for_each_process(p)
		if (p->signal->pgrp == pgrp && p->signal->session == session)
			return true;
	return false;
}

asmlinkage long sys_setpgid(pid_t pid, pid_t pgid)
{
	struct task_struct *p;
	unsigned long flags;
	long err;

	if (!pid)
		pid = current->tgid;
	if (!pgid)
		pgid = pid;
	if (pgid < 0)
		return -EINVAL;

	spin_lock_irqsave(&tasklist_lock, flags);
	err = -ESRCH;
	p = find_task_by_pid_locked(pid);
	if (!p)
		goto out;
	if (p->parent == current) {
		err = -EPERM;
		if (p->signal->session != current->signal->session)
			goto out;
		/* A child that has exec'd is on its own (POSIX). */
		err = -EACCES;
		if (!(p->flags & PF_FORKNOEXEC))
			goto out;
	} else if (p != current) {
		goto out;
	}
	err = -EPERM;
	if (p->signal->leader)
		goto out;
	if (pgid != pid && !pgrp_in_session(pgid, current->signal->session))
		goto out;
	p->signal->pgrp = pgid;
	err = 0;
out:
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return err;
}

asmlinkage long sys_getpgid(pid_t pid)
{
	struct task_struct *p;
	unsigned long flags;
	long ret;

	if (!pid)
		return READ_ONCE(current->signal->pgrp);
	spin_lock_irqsave(&tasklist_lock, flags);
	p = find_task_by_pid_locked(pid);
	ret = p ? p->signal->pgrp : -ESRCH;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

asmlinkage long sys_getpgrp(void)
{
	return sys_getpgid(0);
}

asmlinkage long sys_getsid(pid_t pid)
{
	struct task_struct *p;
	unsigned long flags;
	long ret;

	if (!pid)
		return READ_ONCE(current->signal->session);
	spin_lock_irqsave(&tasklist_lock, flags);
	p = find_task_by_pid_locked(pid);
	ret = p ? p->signal->session : -ESRCH;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

asmlinkage long sys_setsid(void)
{
	struct signal_struct *sig = current->signal;
	pid_t pid = current->tgid;
	struct task_struct *p;
	unsigned long flags;
	long err = -EPERM;

	spin_lock_irqsave(&tasklist_lock, flags);
	if (sig->leader)
		goto out;
	/* A group leader would leave its group behind in the old session. */
	for_each_process(p)
		if (p->signal->pgrp == pid)
			goto out;
	sig->leader = 1;
	sig->session = sig->pgrp = pid;
	sig->tty = NULL;
	err = pid;
out:
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return err;
}

/**
 * set_special_pids - make current the leader of session and group @pid
 * @pid: the ids (init's: 1)
 *
 * Linux 2.6's init() does this for pid 1, so that init leads session 1
 * and process group 1 as on every Unix, and its children are born there.
 * Context: process (init, before it leaves for user mode).
 */
void set_special_pids(pid_t pid)
{
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	current->signal->leader = 1;
	current->signal->session = current->signal->pgrp = pid;
	spin_unlock_irqrestore(&tasklist_lock, flags);
}
