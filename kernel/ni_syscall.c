// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/ni_syscall.c - sys_ni_syscall(): the answer to a system call
 * the kernel does not have, and a line in the log the first time.
 *
 * Linux 2.6: kernel/sys_ni.c (which answers -ENOSYS silently).  Here the
 * kernel says which calls a program wanted and did not get, once per
 * program and number -- `busybox[12]: unimplemented system call 270` --
 * so that running a real Linux program shows at once what it missed,
 * without a line for each of its thousand retries.  The programs are
 * told apart by name (comm): the same (name, number) pair is logged once
 * however many processes run that program.  A table of SEEN_MAX pairs
 * remembers them, under a spinlock (any CPU may make the call); at most
 * PER_PROGRAM_MAX numbers are logged per program (the fuzzer alone would
 * try hundreds), then one line says the rest will not be.  A full table
 * logs nothing more.  Every slot of sys_call_table (kernel/syscalls.c)
 * without a handler points here, and so does system_call for a number
 * past the table (arch/x86/entry.asm).
 */
#include <errno.h>
#include <kernel.h>
#include <sched.h>
#include <spinlock.h>
#include <string.h>
#include <syscalls.h>

#define SEEN_MAX	256
#define PER_PROGRAM_MAX	8

struct ni_seen {
	char comm[TASK_COMM_LEN];
	long nr;
	bool others;	/* not a number: "the rest are not logged" */
};

static DEFINE_SPINLOCK(ni_lock);
static struct ni_seen seen[SEEN_MAX];
static int nr_seen;

/* Return: 1 to log the call, 2 to log "no more", 0 to stay quiet. */
static int first_time(const char *comm, long nr)
{
	unsigned long flags;
	int same_program = 0, ret = 0;

	spin_lock_irqsave(&ni_lock, flags);
	for (int i = 0; i < nr_seen; i++) {
		if (strcmp(seen[i].comm, comm))
			continue;
		if (seen[i].nr == nr || seen[i].others)
			goto out;
		same_program++;
	}
	if (nr_seen == SEEN_MAX)
		goto out;
	ret = same_program == PER_PROGRAM_MAX ? 2 : 1;
	strlcpy(seen[nr_seen].comm, comm, sizeof(seen[nr_seen].comm));
	seen[nr_seen].nr = nr;
	seen[nr_seen++].others = ret == 2;
out:
	spin_unlock_irqrestore(&ni_lock, flags);
	return ret;
}

/**
 * sys_ni_syscall - a system call this kernel does not implement
 * @regs: the caller's registers; orig_eax is the number it asked for
 *
 * Context: process (a system call).
 * Return: -ENOSYS.
 */
asmlinkage long sys_ni_syscall(struct pt_regs regs)
{
	char comm[TASK_COMM_LEN];
	long nr = regs.orig_eax;

	strlcpy(comm, current->comm, sizeof(comm));
	switch (first_time(comm, nr)) {
	case 1:
		printk(KERN_INFO "%s[%d]: unimplemented system call %ld\n",
		       comm, current->pid, nr);
		break;
	case 2:
		printk(KERN_INFO "%s[%d]: more unimplemented system calls, "
		       "not logged\n", comm, current->pid);
		break;
	}
	return -ENOSYS;
}
