// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/ni_syscall.c - sys_ni_syscall(): the answer to a system call
 * the kernel does not have, and a line in the log the first time.
 *
 * Linux 2.6: kernel/sys_ni.c (which answers -ENOSYS silently).  Here the
 * kernel says which calls a program wanted and did not get, once per
 * program and number -- `busybox[12]: unimplemented system call 270` --
 * so that running a real Linux program shows at once what it missed,
 * without a line for each of its thousand retries.  The line is
 * KERN_DEBUG: in dmesg, not on the console, where every glibc program
 * would otherwise print one (glibc tries rseq(), 386, at start-up and
 * goes on without it, as on a kernel older than 4.18).  The programs are
 * told apart by name (comm): the same (name, number) pair is logged once
 * however many processes run that program.  A table of PROGRAMS_MAX
 * names, each with the first PER_PROGRAM_MAX numbers it was refused,
 * remembers them; a name hashes to its slot (open addressing), so the
 * check costs the same whatever the table holds -- the fuzzer makes
 * hundreds of thousands of these calls.  After PER_PROGRAM_MAX numbers
 * one line says a program's others will not be logged; a full table logs
 * no new program.  A task that has nothing more to log remembers it
 * (task->ni_syscall_quiet, kept by fork, cleared by execve) and skips
 * the table from then on: the fuzzer makes hundreds of thousands of
 * these calls.  A spinlock guards the table (any CPU may make the
 * call; never from an interrupt).  Every slot of sys_call_table
 * (kernel/syscalls.c) without a handler points here, and so does
 * system_call for a number past the table (arch/x86/entry.asm).
 */
#include <errno.h>
#include <kernel.h>
#include <sched.h>
#include <spinlock.h>
#include <string.h>
#include <syscalls.h>

#define PROGRAMS_MAX	64
#define PER_PROGRAM_MAX	8

struct ni_program {
	char comm[TASK_COMM_LEN];	/* "" while the slot is free */
	int nr_logged;			/* numbers in nr[] */
	bool others;			/* "not logged" said: stay quiet */
	long nr[PER_PROGRAM_MAX];
};

static DEFINE_SPINLOCK(ni_lock);
static struct ni_program programs[PROGRAMS_MAX];

static unsigned int comm_hash(const char *comm)
{
	unsigned int h = 2166136261u;	/* FNV-1a */

	while (*comm)
		h = (h ^ (u8)*comm++) * 16777619u;
	return h;
}

/*
 * Return: 1 to log the call, 2 to log "no more", 0 to stay quiet, 3 to
 * stay quiet for good (nothing more will be logged for this program).
 */
static int first_time(const char *comm, long nr)
{
	unsigned int slot = comm_hash(comm) % PROGRAMS_MAX;
	struct ni_program *p = NULL;
	int ret = 0;

	spin_lock(&ni_lock);
	for (int probe = 0; probe < PROGRAMS_MAX; probe++) {
		struct ni_program *q = &programs[(slot + probe) % PROGRAMS_MAX];

		if (!q->comm[0] || !strcmp(q->comm, comm)) {
			p = q;
			break;
		}
	}
	if (!p || p->others) {
		ret = 3;			/* table full, or said enough */
		goto out;
	}
	if (!p->comm[0])
		strlcpy(p->comm, comm, sizeof(p->comm));
	for (int i = 0; i < p->nr_logged; i++)
		if (p->nr[i] == nr)
			goto out;
	if (p->nr_logged == PER_PROGRAM_MAX) {
		p->others = true;
		ret = 2;
	} else {
		p->nr[p->nr_logged++] = nr;
		ret = 1;
	}
out:
	spin_unlock(&ni_lock);
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
	/* Only the task itself renames itself (execve, prctl): stable. */
	const char *comm = current->comm[0] ? current->comm : "?";
	long nr = regs.orig_eax;

	if (current->ni_syscall_quiet)
		return -ENOSYS;
	switch (first_time(comm, nr)) {
	case 0:
		break;
	case 1:
		printk(KERN_DEBUG "%s[%d]: unimplemented system call %ld\n",
		       comm, current->pid, nr);
		break;
	case 2:
		printk(KERN_DEBUG "%s[%d]: more unimplemented system calls, "
		       "not logged\n", comm, current->pid);
		break;
	case 3:
		current->ni_syscall_quiet = true;
		break;
	}
	return -ENOSYS;
}
