// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/resource.c - resource limits: getrlimit(2), setrlimit(2),
 * ugetrlimit(2), prlimit64(2).
 *
 * Linux 2.6: kernel/sys.c (sys_getrlimit, sys_old_getrlimit,
 * sys_setrlimit; prlimit64 came in 2.6.36).  Understanding the Linux
 * Kernel, 3rd ed., chapter 3, "Process Resource Limits".
 * Each task has RLIM_NLIMITS pairs (soft, hard) in task->rlim (Linux
 * keeps them in the signal_struct its threads share; without threads
 * that is the same), INIT_RLIMITS for process 0 (include/resource.h),
 * copied by fork, kept by execve.  Anyone may lower a limit, or raise
 * the soft one up to the hard one; only root (CAP_SYS_RESOURCE) raises a
 * hard one, and no one beyond what the kernel can give: open files stop
 * at the size of the file table (NR_OPEN_DEFAULT).  The limits are
 * reported and kept; the kernel does not enforce them (the file table
 * and the 8 MiB stack area are fixed sizes anyway).
 * i386 has three ways to read them: getrlimit (76), from before 32-bit
 * infinity, clamps values to 0x7fffffff; ugetrlimit (191) returns them
 * unsigned, as glibc wants; prlimit64 (340) takes and gives 64-bit
 * values, and a pid (here only the caller's own, or 0).
 */
#include <asm/uaccess.h>
#include <capability.h>
#include <errno.h>
#include <file.h>
#include <kernel.h>
#include <sched.h>
#include <syscalls.h>

#define OLD_RLIM_INFINITY	0x7fffffffUL	/* getrlimit (76)'s infinity */

static int do_getrlimit(unsigned int resource, struct rlimit *r)
{
	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	*r = current->rlim[resource];
	return 0;
}

static int do_setrlimit(unsigned int resource, const struct rlimit *new)
{
	struct rlimit *old;

	if (resource >= RLIM_NLIMITS || new->rlim_cur > new->rlim_max)
		return -EINVAL;
	old = &current->rlim[resource];
	if (new->rlim_max > old->rlim_max && !capable(CAP_SYS_RESOURCE))
		return -EPERM;
	if (resource == RLIMIT_NOFILE && new->rlim_max > NR_OPEN_DEFAULT)
		return -EPERM;
	*old = *new;	/* only the task itself writes its limits */
	return 0;
}

/**
 * sys_getrlimit - getrlimit(2), number 76: infinity as 0x7fffffff
 * @resource: RLIMIT_*
 * @rlim: where the pair goes
 *
 * Context: process (a system call).
 * Return: 0, -EINVAL, -EFAULT.
 */
asmlinkage long sys_getrlimit(unsigned int resource, struct rlimit *rlim)
{
	struct rlimit r;
	int err = do_getrlimit(resource, &r);

	if (err)
		return err;
	r.rlim_cur = min(r.rlim_cur, OLD_RLIM_INFINITY);
	r.rlim_max = min(r.rlim_max, OLD_RLIM_INFINITY);
	return copy_to_user(rlim, &r, sizeof(r)) ? -EFAULT : 0;
}

/**
 * sys_ugetrlimit - ugetrlimit(2), number 191: the limits, unsigned
 * @resource: RLIMIT_*
 * @rlim: where the pair goes
 *
 * Context: process (a system call).
 * Return: 0, -EINVAL, -EFAULT.
 */
asmlinkage long sys_ugetrlimit(unsigned int resource, struct rlimit *rlim)
{
	struct rlimit r;
	int err = do_getrlimit(resource, &r);

	if (err)
		return err;
	return copy_to_user(rlim, &r, sizeof(r)) ? -EFAULT : 0;
}

/**
 * sys_setrlimit - setrlimit(2)
 * @resource: RLIMIT_*
 * @rlim: the new pair
 *
 * Context: process (a system call).
 * Return: 0, -EINVAL (soft above hard, unknown resource), -EPERM,
 * -EFAULT.
 */
asmlinkage long sys_setrlimit(unsigned int resource,
			      const struct rlimit *rlim)
{
	struct rlimit r;

	if (copy_from_user(&r, rlim, sizeof(r)))
		return -EFAULT;
	return do_setrlimit(resource, &r);
}

static unsigned long rlim64_to_rlim(unsigned long long v)
{
	return v >= RLIM_INFINITY ? RLIM_INFINITY : (unsigned long)v;
}

static unsigned long long rlim_to_rlim64(unsigned long v)
{
	return v == RLIM_INFINITY ? RLIM64_INFINITY : v;
}

/**
 * sys_prlimit64 - prlimit64(2): read and set a limit, 64-bit values
 * @pid: 0 or the caller's own pid (another's is -EPERM, or -ESRCH)
 * @resource: RLIMIT_*
 * @new_rlim: the new pair, or NULL to leave it
 * @old_rlim: where the old pair goes, or NULL
 *
 * Context: process (a system call).
 * Return: 0, -EINVAL, -EPERM, -ESRCH, -EFAULT.
 */
asmlinkage long sys_prlimit64(pid_t pid, unsigned int resource,
			      const struct rlimit64 *new_rlim,
			      struct rlimit64 *old_rlim)
{
	struct rlimit64 n64, o64;
	struct rlimit r;
	int err;

	if (pid && pid != current->pid)
		return find_task_by_pid(pid) ? -EPERM : -ESRCH;
	if (new_rlim && copy_from_user(&n64, new_rlim, sizeof(n64)))
		return -EFAULT;
	err = do_getrlimit(resource, &r);
	if (err)
		return err;
	o64.rlim_cur = rlim_to_rlim64(r.rlim_cur);
	o64.rlim_max = rlim_to_rlim64(r.rlim_max);
	if (new_rlim) {
		struct rlimit n = {
			.rlim_cur = rlim64_to_rlim(n64.rlim_cur),
			.rlim_max = rlim64_to_rlim(n64.rlim_max),
		};

		if (n64.rlim_cur > n64.rlim_max)
			return -EINVAL;
		err = do_setrlimit(resource, &n);
		if (err)
			return err;
	}
	if (old_rlim && copy_to_user(old_rlim, &o64, sizeof(o64)))
		return -EFAULT;
	return 0;
}
