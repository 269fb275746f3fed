// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/syscalls.c - the system call table, the small calls, and the
 * teaching calls.
 *
 * Linux 2.6: arch/i386/kernel/syscall_table.S, kernel/sys.c,
 * kernel/printk.c (syslog).
 * system_call (arch/x86/entry.asm) indexes sys_call_table with eax and
 * calls the handler with the saved registers as its arguments: ebx is
 * the first, ecx the second, and so on (see include/uapi/kt26.h for the
 * numbers, which are Linux's).  A number without a handler gets -ENOSYS
 * from sys_ni_syscall() (kernel/ni_syscall.c), which logs it once.
 *
 * The teaching calls (500 and up, above every number of Linux's i386
 * table: 403 there is clock_gettime64) let the
 * shell show the kernel's insides: the task list (ps), the memory report
 * (free), a task's kernel stack, the scheduler trace, memory pressure.
 * Every pointer from user space goes through the uaccess functions: a bad
 * one is -EFAULT, never a crash.  The calls that act on the whole machine
 * are root's alone (capable(), kernel/cred.c): reboot, as Linux; and the
 * teaching calls that drive the kernel rather than look at it
 * (kt_pressure, kt_trace, kt_drop_caches).  Looking (kt_tasks,
 * kt_meminfo, kt_stack, syslog) is open to all, as ps and /proc/meminfo
 * are in Linux 2.6.
 */
#include <asm/uaccess.h>
#include <asm-offsets.h>
#include <binfmts.h>
#include <buffer_head.h>
#include <capability.h>
#include <errno.h>
#include <fs.h>
#include <kernel.h>
#include <mm.h>
#include <mmzone.h>
#include <reboot.h>
#include <sched.h>
#include <signal.h>
#include <slab.h>
#include <spinlock.h>
#include <stacktrace.h>
#include <string.h>
#include <swap.h>
#include <syscalls.h>
#include <timer.h>
#include <trace.h>
#include <writeback.h>

asmlinkage long sys_exit(int error_code)
{
	/* The wait status of a normal exit: the code in bits 8-15. */
	do_exit((error_code & 0xff) << 8);
}

/* Without thread groups, the group is the caller alone. */
asmlinkage long sys_exit_group(int error_code)
{
	do_exit((error_code & 0xff) << 8);
}

asmlinkage long sys_fork(struct pt_regs regs)
{
	/* The child returns to user mode with these registers, eax = 0. */
	return do_fork(SIGCHLD, regs.esp, &regs, 0, NULL, NULL);
}

asmlinkage long sys_getpid(void)
{
	return current->tgid;
}

/* A task is its own and only thread: its thread id is its pid. */
asmlinkage long sys_gettid(void)
{
	return current->pid;
}

asmlinkage long sys_getppid(void)
{
	/* LAB 1: sys_getppid BEGIN */
	return current->parent->tgid;
	/* LAB 1: sys_getppid END */
}

asmlinkage long sys_sched_yield(void)
{
	yield();
	return 0;
}

/*
 * The mask is @len bytes at @user_mask_ptr: a shorter one is taken as
 * zeros above what it gives, a longer one's tail is ignored (Linux 2.6:
 * get_user_cpu_mask()).  sched/migration.c: sched_setaffinity() checks
 * the permission and moves the task.
 */
asmlinkage long sys_sched_setaffinity(pid_t pid, unsigned int len,
				      unsigned long *user_mask_ptr)
{
	cpumask_t new_mask = CPU_MASK_NONE;

	if (len > sizeof(new_mask))
		len = sizeof(new_mask);
	if (copy_from_user(&new_mask, user_mask_ptr, len))
		return -EFAULT;
	return sched_setaffinity(pid, new_mask);
}

/* Return: as Linux, the size of the kernel's mask, which was written. */
asmlinkage long sys_sched_getaffinity(pid_t pid, unsigned int len,
				      unsigned long *user_mask_ptr)
{
	cpumask_t mask;
	long ret;

	if (len < sizeof(mask))
		return -EINVAL;
	ret = sched_getaffinity(pid, &mask);
	if (ret < 0)
		return ret;
	if (copy_to_user(user_mask_ptr, &mask, sizeof(mask)))
		return -EFAULT;
	return sizeof(mask);
}

asmlinkage long sys_times(struct kt_tms *tbuf)
{
	if (tbuf) {
		struct kt_tms t = {
			.tms_utime = current->utime,
			.tms_stime = current->stime,
			.tms_cutime = current->signal->cutime,
			.tms_cstime = current->signal->cstime,
		};

		if (copy_to_user(tbuf, &t, sizeof(t)))
			return -EFAULT;
	}
	return jiffies - INITIAL_JIFFIES;	/* ticks since boot */
}

asmlinkage long sys_syslog(int type, char *buf, int len)
{
	unsigned long n;
	char *kbuf;

	switch (type) {
	case SYSLOG_ACTION_SIZE_BUFFER:
		return LOG_BUF_LEN;
	case SYSLOG_ACTION_READ_ALL:
		break;
	default:
		return -EINVAL;
	}
	if (len < 0)
		return -EINVAL;
	if (!access_ok(buf, len))
		return -EFAULT;
	kbuf = kmalloc(LOG_BUF_LEN, GFP_KERNEL);
	if (!kbuf)
		return -ENOMEM;
	n = log_buf_copy(kbuf, min((unsigned long)len,
				   (unsigned long)LOG_BUF_LEN));
	if (copy_to_user(buf, kbuf, n))
		n = -EFAULT;
	kfree(kbuf);
	return n;
}

static void fill_task_info(struct kt_task_info *t, struct task_struct *p)
{
	memset(t, 0, sizeof(*t));
	t->pid = p->pid;
	t->ppid = p->pid == 0 ? 0 : p->parent->pid;
	t->state = task_state_char(p);
	t->flags = p->flags;
	t->mm = (unsigned long)p->mm;
	t->active_mm = (unsigned long)p->active_mm;
	t->prio = p->prio;
	t->static_prio = p->static_prio;
	t->utime = p->utime;
	t->stime = p->stime;
	t->nvcsw = p->nvcsw;
	t->nivcsw = p->nivcsw;
	t->cpu = task_cpu(p);
	strlcpy(t->comm, p->comm, sizeof(t->comm));
}

/*
 * Teaching call: the task list for ps, the idle task of each online CPU
 * first (pid 0, swapper/N: not on the task list, found through the run
 * queues), then the task list; Return: entries written.
 */
asmlinkage long sys_kt_tasks(struct kt_task_info *ubuf, int max)
{
	struct kt_task_info *info;
	struct task_struct *p;
	unsigned long flags;
	unsigned int cpu;
	int n = 0, room;

	if (max <= 0)
		return -EINVAL;
	room = min(max, 512);
	if (!access_ok(ubuf, room * sizeof(*info)))
		return -EFAULT;
	info = kmalloc(room * sizeof(*info), GFP_KERNEL);
	if (!info)
		return -ENOMEM;

	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_online_cpu(cpu) {
		p = idle_task(cpu);
		if (p && n < room)
			fill_task_info(&info[n++], p);
	}
	for_each_process(p) {
		if (n == room)
			break;
		fill_task_info(&info[n++], p);
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);

	if (copy_to_user(ubuf, info, n * sizeof(*info)))
		n = -EFAULT;
	kfree(info);
	return n;
}

/* Teaching call: the memory report for free; Return: bytes written. */
asmlinkage long sys_kt_meminfo(char *ubuf, int len)
{
	char *report;
	long n;

	if (len < 0)
		return -EINVAL;
	report = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!report)
		return -ENOMEM;
	n = min(meminfo_report(report, PAGE_SIZE), len);
	if (copy_to_user(ubuf, report, n))
		n = -EFAULT;
	kfree(report);
	return n;
}

/* Teaching call: a task's kernel stack (ps -s); Return: bytes written. */
asmlinkage long sys_kt_stack(pid_t pid, char *ubuf, int len)
{
	struct task_struct *p;
	unsigned long flags;
	char *text;
	long n;

	if (len < 0)
		return -EINVAL;
	text = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!text)
		return -ENOMEM;
	/* tasklist_lock keeps the task from being freed while we look. */
	spin_lock_irqsave(&tasklist_lock, flags);
	p = find_task_by_pid_locked(pid);
	n = p ? sprint_task_stack(p, text, PAGE_SIZE) : -ESRCH;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (n > len)
		n = len;
	if (n > 0 && copy_to_user(ubuf, text, n))
		n = -EFAULT;
	kfree(text);
	return n;
}

/* Teaching call: dump the scheduler trace on the console (root only). */
asmlinkage long sys_kt_trace(void)
{
	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	return trace_dump();
}

asmlinkage long sys_sync(void)
{
	sync_all();
	return 0;
}

asmlinkage long sys_reboot(int magic1, int magic2, unsigned int cmd,
			   void *arg)
{
	/* As Linux: the capability first, so others learn nothing more. */
	if (!capable(CAP_SYS_BOOT))
		return -EPERM;
	if ((unsigned int)magic1 != LINUX_REBOOT_MAGIC1 ||
	    magic2 != LINUX_REBOOT_MAGIC2 || cmd != LINUX_REBOOT_CMD_POWER_OFF)
		return -EINVAL;
	kernel_power_off();
}

/* Teaching call: drive kswapd (the shell's pressure N); root only. */
asmlinkage long sys_kt_pressure(int pages)
{
	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	if (pages <= 0 || (unsigned long)pages > zone_normal()->managed_pages)
		return -EINVAL;
	return mm_pressure(pages);
}

/*
 * Teaching call: bring memory to a state two reports can be compared in
 * (the shell's free -d): tasks reaped are freed (their stack goes at
 * their last switch: wait for it, a tick at a time, a second at most),
 * dirty buffers are written and every clean, unused one dropped, with
 * the clean pages of files and the unused inodes (Linux: sync; echo 3 >
 * /proc/sys/vm/drop_caches), the slab caches give back their empty
 * slabs.  Root only, as drop_caches.
 * Return: the pages it freed, or -EPERM.
 */
asmlinkage long sys_kt_drop_caches(void)
{
	unsigned long before = nr_free_pages();

	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	for (int ticks = 0; nr_dead_tasks() > 0 && ticks < HZ; ticks++)
		schedule_timeout_uninterruptible(1);
	(void)sync_all();	/* a block that failed stays dirty: kept */
	drop_pagecache();
	drop_icache();
	kmem_cache_shrink_all();
	return (long)(nr_free_pages() - before);
}

/*
 * The table.  Every slot starts as sys_ni_syscall and the calls this
 * kernel has override theirs (which is why this file is built with
 * -Wno-override-init).
 */
#define SYSCALL(nr, fn) [nr] = (sys_call_ptr_t)(fn)

const sys_call_ptr_t sys_call_table[] = {
	[0 ... NR_syscalls - 1] = (sys_call_ptr_t)sys_ni_syscall,
	SYSCALL(__NR_exit, sys_exit),
	SYSCALL(__NR_fork, sys_fork),
	SYSCALL(__NR_read, sys_read),
	SYSCALL(__NR_write, sys_write),
	SYSCALL(__NR_open, sys_open),
	SYSCALL(__NR_close, sys_close),
	SYSCALL(__NR_waitpid, sys_waitpid),
	SYSCALL(__NR_creat, sys_creat),
	SYSCALL(__NR_link, sys_link),
	SYSCALL(__NR_unlink, sys_unlink),
	SYSCALL(__NR_execve, sys_execve),
	SYSCALL(__NR_chdir, sys_chdir),
	SYSCALL(__NR_time, sys_time),
	SYSCALL(__NR_lseek, sys_lseek),
	SYSCALL(__NR_getpid, sys_getpid),
	SYSCALL(__NR_mount, sys_mount),
	SYSCALL(__NR_umount, sys_oldumount),
	SYSCALL(__NR_kill, sys_kill),
	SYSCALL(__NR_rename, sys_rename),
	SYSCALL(__NR_mkdir, sys_mkdir),
	SYSCALL(__NR_rmdir, sys_rmdir),
	SYSCALL(__NR_times, sys_times),
	SYSCALL(__NR_brk, sys_brk),
	SYSCALL(__NR_umount2, sys_umount),
	SYSCALL(__NR_umask, sys_umask),
	SYSCALL(__NR_dup, sys_dup),
	SYSCALL(__NR_pipe, sys_pipe),
	SYSCALL(__NR_fcntl, sys_fcntl),
	SYSCALL(__NR_dup2, sys_dup2),
	SYSCALL(__NR_getppid, sys_getppid),
	SYSCALL(__NR_symlink, sys_symlink),
	SYSCALL(__NR_readlink, sys_readlink),
	SYSCALL(__NR_clone, sys_clone),
	SYSCALL(__NR_mprotect, sys_mprotect),
	SYSCALL(__NR_vfork, sys_vfork),
	SYSCALL(__NR_mmap2, sys_mmap2),
	SYSCALL(__NR_gettid, sys_gettid),
	SYSCALL(__NR_exit_group, sys_exit_group),
	SYSCALL(__NR_set_tid_address, sys_set_tid_address),
	SYSCALL(__NR_set_robust_list, sys_set_robust_list),
	SYSCALL(__NR_mmap, sys_old_mmap),
	SYSCALL(__NR_munmap, sys_munmap),
	SYSCALL(__NR_syslog, sys_syslog),
	SYSCALL(__NR_fsync, sys_fsync),
	SYSCALL(__NR_utimensat, sys_utimensat),
	SYSCALL(__NR_statfs, sys_statfs),
	SYSCALL(__NR_fstatfs, sys_fstatfs),
	SYSCALL(__NR_statfs64, sys_statfs64),
	SYSCALL(__NR_fstatfs64, sys_fstatfs64),
	SYSCALL(__NR_fchdir, sys_fchdir),
	SYSCALL(__NR__llseek, sys_llseek),
	SYSCALL(__NR_getdents, sys_getdents),
	SYSCALL(__NR_sched_yield, sys_sched_yield),
	SYSCALL(__NR_sync, sys_sync),
	SYSCALL(__NR_reboot, sys_reboot),
	SYSCALL(__NR_truncate, sys_truncate),
	SYSCALL(__NR_ftruncate, sys_ftruncate),
	SYSCALL(__NR_kt_pressure, sys_kt_pressure),
	SYSCALL(__NR_nanosleep, sys_nanosleep),
	SYSCALL(__NR_poll, sys_poll),
	SYSCALL(__NR_getcwd, sys_getcwd),
	SYSCALL(__NR_truncate64, sys_truncate64),
	SYSCALL(__NR_ftruncate64, sys_ftruncate64),
	SYSCALL(__NR_stat64, sys_stat64),
	SYSCALL(__NR_lstat64, sys_lstat64),
	SYSCALL(__NR_fstat64, sys_fstat64),
	SYSCALL(__NR_kt_tasks, sys_kt_tasks),
	SYSCALL(__NR_kt_meminfo, sys_kt_meminfo),
	SYSCALL(__NR_kt_stack, sys_kt_stack),
	SYSCALL(__NR_kt_trace, sys_kt_trace),
	SYSCALL(__NR_kt_drop_caches, sys_kt_drop_caches),
	SYSCALL(__NR_setuid, sys_setuid),
	SYSCALL(__NR_getuid, sys_getuid),
	SYSCALL(__NR_access, sys_access),
	SYSCALL(__NR_setgid, sys_setgid),
	SYSCALL(__NR_getgid, sys_getgid),
	SYSCALL(__NR_geteuid, sys_geteuid),
	SYSCALL(__NR_getegid, sys_getegid),
	SYSCALL(__NR_setrlimit, sys_setrlimit),
	SYSCALL(__NR_getrlimit, sys_getrlimit),
	SYSCALL(__NR_gettimeofday, sys_gettimeofday),
	SYSCALL(__NR_sysinfo, sys_sysinfo),
	SYSCALL(__NR_uname, sys_newuname),
	SYSCALL(__NR_prctl, sys_prctl),
	SYSCALL(__NR_ugetrlimit, sys_ugetrlimit),
	SYSCALL(__NR_getuid32, sys_getuid32),
	SYSCALL(__NR_getgid32, sys_getgid32),
	SYSCALL(__NR_geteuid32, sys_geteuid32),
	SYSCALL(__NR_getegid32, sys_getegid32),
	SYSCALL(__NR_getgroups32, sys_getgroups32),
	SYSCALL(__NR_setuid32, sys_setuid32),
	SYSCALL(__NR_setgid32, sys_setgid32),
	SYSCALL(__NR_getdents64, sys_getdents64),
	SYSCALL(__NR_sched_setaffinity, sys_sched_setaffinity),
	SYSCALL(__NR_sched_getaffinity, sys_sched_getaffinity),
	SYSCALL(__NR_openat, sys_openat),
	SYSCALL(__NR_mkdirat, sys_mkdirat),
	SYSCALL(__NR_fstatat64, sys_fstatat64),
	SYSCALL(__NR_unlinkat, sys_unlinkat),
	SYSCALL(__NR_renameat, sys_renameat),
	SYSCALL(__NR_linkat, sys_linkat),
	SYSCALL(__NR_symlinkat, sys_symlinkat),
	SYSCALL(__NR_readlinkat, sys_readlinkat),
	SYSCALL(__NR_faccessat, sys_faccessat),
	SYSCALL(__NR_statx, sys_statx),
	SYSCALL(__NR_fcntl64, sys_fcntl64),
	SYSCALL(__NR_dup3, sys_dup3),
	SYSCALL(__NR_pipe2, sys_pipe2),
	/* Signals, terminals, sessions (kernel/signal.c, kernel/sys.c ...) */
	SYSCALL(__NR_alarm, sys_alarm),
	SYSCALL(__NR_pause, sys_pause),
	SYSCALL(__NR_ioctl, sys_ioctl),
	SYSCALL(__NR_setpgid, sys_setpgid),
	SYSCALL(__NR_getpgrp, sys_getpgrp),
	SYSCALL(__NR_setsid, sys_setsid),
	SYSCALL(__NR_sigaction, sys_sigaction),
	SYSCALL(__NR_sigsuspend, sys_sigsuspend),
	SYSCALL(__NR_sigpending, sys_sigpending),
	SYSCALL(__NR_setitimer, sys_setitimer),
	SYSCALL(__NR_getitimer, sys_getitimer),
	SYSCALL(__NR_wait4, sys_wait4),
	SYSCALL(__NR_sigreturn, sys_sigreturn),
	SYSCALL(__NR_sigprocmask, sys_sigprocmask),
	SYSCALL(__NR_getpgid, sys_getpgid),
	SYSCALL(__NR_getsid, sys_getsid),
	SYSCALL(__NR_rt_sigreturn, sys_rt_sigreturn),
	SYSCALL(__NR_rt_sigaction, sys_rt_sigaction),
	SYSCALL(__NR_rt_sigprocmask, sys_rt_sigprocmask),
	SYSCALL(__NR_rt_sigpending, sys_rt_sigpending),
	SYSCALL(__NR_rt_sigsuspend, sys_rt_sigsuspend),
	SYSCALL(__NR_tkill, sys_tkill),
	SYSCALL(__NR_tgkill, sys_tgkill),
	SYSCALL(__NR_set_thread_area, sys_set_thread_area),
	SYSCALL(__NR_get_thread_area, sys_get_thread_area),
	SYSCALL(__NR_clock_gettime, sys_clock_gettime),
	SYSCALL(__NR_clock_getres, sys_clock_getres),
	SYSCALL(__NR_clock_nanosleep, sys_clock_nanosleep),
	SYSCALL(__NR_prlimit64, sys_prlimit64),
	SYSCALL(__NR_getrandom, sys_getrandom),
	SYSCALL(__NR_clock_gettime64, sys_clock_gettime64),
	SYSCALL(__NR_clock_getres_time64, sys_clock_getres_time64),
	SYSCALL(__NR_clock_nanosleep_time64, sys_clock_nanosleep_time64),
};

_Static_assert(ARRAY_SIZE(sys_call_table) == ASM_NR_syscalls,
	       "NR_syscalls in arch/x86/asm-offsets.inc");
_Static_assert(__NR_kt_drop_caches < ASM_NR_syscalls,
	       "the table is too short");
