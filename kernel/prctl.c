// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/prctl.c - prctl(2): operations on the calling process.
 *
 * Linux 2.6: kernel/sys.c (sys_prctl).  Linux has dozens of options;
 * this kernel has the two that C libraries and busybox use: the task's
 * name, comm, the one ps shows (at most 15 characters and a NUL).
 * Every other option is -EINVAL, as Linux answers an option it does not
 * know.
 */
#include <asm/uaccess.h>
#include <errno.h>
#include <kernel.h>
#include <sched.h>
#include <string.h>
#include <syscalls.h>

/**
 * sys_prctl - prctl(2)
 * @option: PR_SET_NAME or PR_GET_NAME
 * @arg2: the name (PR_SET_NAME), or a buffer of 16 bytes (PR_GET_NAME)
 * @arg3: unused
 * @arg4: unused
 * @arg5: unused
 *
 * Context: process (a system call).
 * Return: 0, -EINVAL (another option), -EFAULT.
 */
asmlinkage long sys_prctl(int option, unsigned long arg2, unsigned long arg3,
			  unsigned long arg4, unsigned long arg5)
{
	char comm[TASK_COMM_LEN];
	long len;

	switch (option) {
	case PR_SET_NAME:
		len = strncpy_from_user(comm, (const char *)arg2,
					sizeof(comm));
		if (len < 0)
			return len;
		comm[sizeof(comm) - 1] = '\0';	/* a longer name is cut */
		set_task_comm(current, comm);
		current->ni_syscall_quiet = false;	/* kernel/ni_syscall.c */
		return 0;
	case PR_GET_NAME:
		memset(comm, 0, sizeof(comm));
		strlcpy(comm, current->comm, sizeof(comm));
		return copy_to_user((void *)arg2, comm, sizeof(comm)) ?
		       -EFAULT : 0;
	default:
		return -EINVAL;
	}
}
