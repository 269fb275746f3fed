// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/cred.c - user and group ids: getuid, setuid and the rest, and
 * capable().
 *
 * Linux 2.6: sys_setuid() and sys_setgid() in kernel/sys.c, sys_getuid()
 * and its siblings in kernel/timer.c, their 16-bit forms in
 * kernel/uid16.c, capable() in kernel/capability.c.
 * Understanding the Linux Kernel, 3rd ed., chapter 20, Section "Process
 * Credentials and Capabilities".
 *
 * Every task carries a real and an effective user id and group id
 * (task_struct: uid, euid, gid, egid), copied by fork and kept by
 * execve.  Process 0 is root (all 0), and so is everything it starts
 * until a process drops to another user with setuid().  The effective
 * id decides what a task may do: capable() is true for euid 0 alone
 * (include/capability.h).  The real id says who the task belongs to:
 * kill() may signal only a process of the same user, unless the sender
 * is root (kernel/signal.c).
 *
 * The minimum of Linux's model: no saved set-user-ID (there are no
 * set-user-ID executables and no seteuid()/setreuid(), so it would always
 * equal the real id), no supplementary groups, no file ownership.
 * Hence also euid == uid in every task here; both exist so that the
 * calls and checks read as Linux's.
 *
 * i386 has two forms of each call: the first, from the days of 16-bit
 * ids (getuid 24 ...), and the 32-bit one (getuid32 199 ...) that C
 * libraries use.  The old ones see an id above 65535 as 65534 ("nobody",
 * Linux's overflowuid) and take 0xffff as -1.
 */
#include <capability.h>
#include <errno.h>
#include <sched.h>
#include <syscalls.h>

#define OVERFLOW_ID	65534	/* an id the 16-bit calls cannot show */
#define INVALID_ID	((uid_t)-1)

/**
 * capable - may the current task do what @cap stands for?
 * @cap: CAP_KILL, CAP_SYS_BOOT, ... (include/capability.h)
 *
 * Context: process.
 * Return: true if the task's effective user id is 0 (root).
 */
bool capable(int cap)
{
	return current->euid == 0;
}

/* The 16-bit calls' view of an id, and back (Linux: high2lowuid()...). */
static long high2low(unsigned int id)
{
	return id > 0xffff ? OVERFLOW_ID : (long)id;
}

static unsigned int low2high(unsigned int id)
{
	id &= 0xffff;
	return id == 0xffff ? INVALID_ID : id;
}

/**
 * sys_getuid32 - getuid(2): the real user id
 *
 * sys_geteuid32(), sys_getgid32() and sys_getegid32() return the
 * effective user id, the real and the effective group id.
 * Context: process.  Return: the id; never fails.
 */
asmlinkage long sys_getuid32(void)
{
	return current->uid;
}

/** sys_geteuid32 - geteuid(2); Return: the effective user id. */
asmlinkage long sys_geteuid32(void)
{
	return current->euid;
}

/** sys_getgid32 - getgid(2); Return: the real group id. */
asmlinkage long sys_getgid32(void)
{
	return current->gid;
}

/** sys_getegid32 - getegid(2); Return: the effective group id. */
asmlinkage long sys_getegid32(void)
{
	return current->egid;
}

/**
 * sys_setuid32 - setuid(2): become user @uid
 * @uid: the new user id
 *
 * As Linux: root (CAP_SETUID) sets the real and the effective id, and
 * cannot take back root afterwards; any other task may only set its
 * effective id to its real one.
 * Context: process.
 * Return: 0, -EPERM, or -EINVAL for the id -1.
 */
asmlinkage long sys_setuid32(uid_t uid)
{
	struct task_struct *tsk = current;

	if (uid == INVALID_ID)
		return -EINVAL;
	if (capable(CAP_SETUID)) {
		tsk->uid = tsk->euid = uid;
		return 0;
	}
	if (uid != tsk->uid)
		return -EPERM;
	tsk->euid = uid;
	return 0;
}

/**
 * sys_setgid32 - setgid(2): become a member of group @gid
 * @gid: the new group id
 *
 * The rule of sys_setuid32(), for group ids (CAP_SETGID).
 * Context: process.
 * Return: 0, -EPERM, or -EINVAL for the id -1.
 */
asmlinkage long sys_setgid32(gid_t gid)
{
	struct task_struct *tsk = current;

	if (gid == INVALID_ID)
		return -EINVAL;
	if (capable(CAP_SETGID)) {
		tsk->gid = tsk->egid = gid;
		return 0;
	}
	if (gid != tsk->gid)
		return -EPERM;
	tsk->egid = gid;
	return 0;
}

/**
 * sys_getuid - the 16-bit getuid (24); sys_geteuid(), sys_getgid() and
 *              sys_getegid() likewise
 *
 * Return: the id, or 65534 for an id that does not fit in 16 bits.
 */
asmlinkage long sys_getuid(void)
{
	return high2low(current->uid);
}

/** sys_geteuid - the 16-bit geteuid (49). */
asmlinkage long sys_geteuid(void)
{
	return high2low(current->euid);
}

/** sys_getgid - the 16-bit getgid (47). */
asmlinkage long sys_getgid(void)
{
	return high2low(current->gid);
}

/** sys_getegid - the 16-bit getegid (50). */
asmlinkage long sys_getegid(void)
{
	return high2low(current->egid);
}

/**
 * sys_setuid - the 16-bit setuid (23)
 * @uid: the id in the low 16 bits; 0xffff stands for -1
 *
 * Return: as sys_setuid32().
 */
asmlinkage long sys_setuid(unsigned int uid)
{
	return sys_setuid32(low2high(uid));
}

/**
 * sys_setgid - the 16-bit setgid (46)
 * @gid: the id in the low 16 bits; 0xffff stands for -1
 *
 * Return: as sys_setgid32().
 */
asmlinkage long sys_setgid(unsigned int gid)
{
	return sys_setgid32(low2high(gid));
}

/**
 * sys_getgroups32 - getgroups(2): the supplementary groups, none here
 * @gidsetsize: room in @grouplist (0: only count them)
 * @grouplist: where they go
 *
 * A task has only its real and effective group ids: the list is empty.
 * Context: process (a system call).
 * Return: 0, the number of groups; -EINVAL for a negative size.
 */
asmlinkage long sys_getgroups32(int gidsetsize, gid_t *grouplist)
{
	return gidsetsize < 0 ? -EINVAL : 0;
}
