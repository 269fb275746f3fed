/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/uapi/kt26.h - the user/kernel interface: system call numbers,
 * flags, signals, and the teaching calls' structures.
 *
 * Linux 2.6: include/asm-i386/unistd.h, asm-i386/fcntl.h, asm-i386/signal.h.
 * Shared by the kernel and by user/ (built with -ffreestanding: this file
 * may include nothing).  The Linux numbers are Linux's own, so the user
 * programs also run unchanged on a Linux host (tests use that).  The
 * teaching calls are numbered from 500, above every number Linux's i386
 * table uses (it ends in the 450s; 403 is clock_gettime64), so a Linux
 * program never reaches them by accident.
 */
#ifndef _UAPI_KT26_H
#define _UAPI_KT26_H

/* System calls: int $0x80, number in eax, arguments in ebx ecx edx esi edi. */
#define __NR_exit		1
#define __NR_fork		2
#define __NR_read		3
#define __NR_write		4
#define __NR_open		5
#define __NR_close		6
#define __NR_waitpid		7
#define __NR_creat		8	/* (path, mode): open O_CREAT|O_WRONLY|O_TRUNC */
#define __NR_link		9	/* (old, new) */
#define __NR_unlink		10	/* (path) */
#define __NR_execve		11
#define __NR_chdir		12	/* (path) */
#define __NR_time		13	/* (time_t *t) -> seconds since 1970 */
#define __NR_lseek		19
#define __NR_getpid		20
#define __NR_mount		21	/* (dev, dir, type, flags, data) */
#define __NR_umount		22	/* (dir) */
#define __NR_setuid		23	/* 16-bit ids: use the ...32 calls */
#define __NR_getuid		24
#define __NR_alarm		27	/* (seconds) -> seconds left of the last */
#define __NR_pause		29	/* (void) -> -EINTR after a handler */
#define __NR_access		33	/* (path, mode) */
#define __NR_sync		36
#define __NR_kill		37
#define __NR_rename		38	/* (old, new) */
#define __NR_mkdir		39	/* (path, mode) */
#define __NR_rmdir		40	/* (path) */
#define __NR_dup		41	/* (fd) -> the lowest free descriptor, same file */
#define __NR_pipe		42	/* (int fds[2]) -> 0: fds[0] reads, fds[1] writes */
#define __NR_times		43	/* (struct tms *buf) -> clock ticks since boot (HZ) */
#define __NR_brk		45
#define __NR_setgid		46
#define __NR_getgid		47
#define __NR_geteuid		49
#define __NR_getegid		50
#define __NR_umount2		52	/* (dir, flags) */
#define __NR_ioctl		54	/* (fd, request, arg): termbits.h */
#define __NR_fcntl		55	/* (fd, cmd, arg): F_DUPFD, F_GETFD, F_SETFL, ... */
#define __NR_setpgid		57	/* (pid, pgid) */
#define __NR_umask		60	/* (mask) -> the old mask */
#define __NR_dup2		63
#define __NR_getppid		64
#define __NR_getpgrp		65	/* (void) -> the caller's group */
#define __NR_setsid		66	/* (void) -> the new session's id */
#define __NR_sigaction		67	/* (sig, act, oact): 32-bit mask */
#define __NR_sigsuspend		72	/* (int, int, mask): the old form */
#define __NR_sigpending		73	/* (unsigned long *) */
#define __NR_setrlimit		75	/* (resource, const struct rlimit *) -> 0 */
#define __NR_getrlimit		76	/* (resource, struct rlimit *) -> 0: as ugetrlimit */
#define __NR_gettimeofday	78	/* (struct timeval *, struct timezone *) -> 0 */
#define __NR_symlink		83	/* (target, path) */
#define __NR_readlink		85	/* (path, buf, size) -> bytes, no NUL */
#define __NR_reboot		88
#define __NR_mmap		90	/* (struct mmap_arg_struct *) -> address: old_mmap */
#define __NR_munmap		91	/* (addr, len) -> 0 */
#define __NR_truncate		92	/* (path, length) */
#define __NR_ftruncate		93	/* (fd, length) */
#define __NR_statfs		99	/* (path, struct statfs *) */
#define __NR_fstatfs		100	/* (fd, struct statfs *) */
#define __NR_syslog		103	/* (int type, char *buf, int len): dmesg */
#define __NR_setitimer		104	/* (which, new, old): REAL only */
#define __NR_getitimer		105	/* (which, struct kt_itimerval *) */
#define __NR_wait4		114	/* (pid, status *, options, rusage *) */
#define __NR_sysinfo		116	/* (struct sysinfo *) -> 0 */
#define __NR_fsync		118	/* (fd) */
#define __NR_sigreturn		119	/* (void): a handler's end */
#define __NR_clone		120	/* (flags, stack, ptid, tls, ctid) -> pid, 0 in the child */
#define __NR_uname		122	/* (struct new_utsname *) -> 0 */
#define __NR_mprotect		125	/* (addr, len, prot) -> 0 */
#define __NR_sigprocmask	126	/* (how, set *, oset *): 32 bits */
#define __NR_getpgid		132	/* (pid) -> its process group */
#define __NR_fchdir		133	/* (fd) */
#define __NR__llseek		140	/* (fd, high, low, loff_t *result, whence) */
#define __NR_getdents		141	/* (fd, struct linux_dirent *, count) */
#define __NR_getsid		147	/* (pid) -> its session */
#define __NR_sched_yield	158
#define __NR_nanosleep		162
#define __NR_poll		168	/* (struct pollfd *, nfds, timeout ms) -> ready */
#define __NR_prctl		172	/* (option, arg2, ...) -> PR_SET_NAME/PR_GET_NAME */
#define __NR_rt_sigreturn	173	/* (void): SA_SIGINFO's end */
#define __NR_rt_sigaction	174	/* (sig, act, oact, 8) */
#define __NR_rt_sigprocmask	175	/* (how, set, oset, 8) */
#define __NR_rt_sigpending	176	/* (set, 8) */
#define __NR_rt_sigsuspend	179	/* (mask, 8) */
#define __NR_getcwd		183	/* (buf, size) -> bytes with the NUL */
#define __NR_vfork		190	/* (void) -> pid; the parent waits for exec or exit */
#define __NR_ugetrlimit		191	/* (resource, struct rlimit *) -> 0 */
#define __NR_mmap2		192	/* (addr, len, prot, flags, fd, pgoff) -> address */
#define __NR_truncate64		193	/* (path, low, high) */
#define __NR_ftruncate64	194	/* (fd, low, high) */
#define __NR_stat64		195	/* (path, struct stat64 *) */
#define __NR_lstat64		196	/* (path, struct stat64 *): the link itself */
#define __NR_fstat64		197	/* (fd, struct stat64 *) */
#define __NR_getuid32		199	/* (void) -> real user id */
#define __NR_getgid32		200	/* (void) -> real group id */
#define __NR_geteuid32		201	/* (void) -> effective user id */
#define __NR_getegid32		202	/* (void) -> effective group id */
#define __NR_getgroups32	205	/* (size, list) -> 0: no supplementary groups */
#define __NR_setuid32		213	/* (uid): root sets both, others only their real id */
#define __NR_setgid32		214	/* (gid): likewise */
#define __NR_getdents64		220	/* (fd, struct linux_dirent64 *, count) */
#define __NR_fcntl64		221	/* (fd, cmd, arg): fcntl with 64-bit locks */
#define __NR_gettid		224	/* (void) -> thread id: the pid */
#define __NR_tkill		238	/* (tid, sig) */
#define __NR_sched_setaffinity	241	/* (pid, len, mask) -> 0: the CPUs pid may run on */
#define __NR_sched_getaffinity	242	/* (pid, len, mask) -> bytes of mask written */
#define __NR_set_thread_area	243	/* (struct user_desc *) -> 0: a TLS segment, GDT 6-8 */
#define __NR_get_thread_area	244	/* (struct user_desc *) -> 0 */
#define __NR_exit_group		252	/* (status): exit, as there are no threads */
#define __NR_set_tid_address	258	/* (int *tidptr) -> tid: 0 goes there at exit */
#define __NR_clock_gettime	265	/* (clockid, struct kt_timespec *) -> 0 */
#define __NR_clock_getres	266	/* (clockid, struct kt_timespec *) -> 0 */
#define __NR_clock_nanosleep	267	/* (clockid, flags, req, rem) -> 0 */
#define __NR_statfs64		268	/* (path, sizeof(struct statfs64), buf) */
#define __NR_fstatfs64		269	/* (fd, sizeof(struct statfs64), buf) */
#define __NR_tgkill		270	/* (tgid, tid, sig) */
#define __NR_openat		295	/* (dfd, path, flags, mode) */
#define __NR_mkdirat		296	/* (dfd, path, mode) */
#define __NR_fstatat64		300	/* (dfd, path, struct stat64 *, flags) */
#define __NR_unlinkat		301	/* (dfd, path, flags) */
#define __NR_renameat		302	/* (olddfd, old, newdfd, new) */
#define __NR_linkat		303	/* (olddfd, old, newdfd, new, flags) */
#define __NR_symlinkat		304	/* (target, newdfd, path) */
#define __NR_readlinkat		305	/* (dfd, path, buf, size) */
#define __NR_faccessat		307	/* (dfd, path, mode) */
#define __NR_set_robust_list	311	/* (head, len) -> 0: kept, never walked */
#define __NR_utimensat		320	/* (dfd, path, struct kt_timespec[2], flags) */
#define __NR_dup3		330	/* (oldfd, newfd, O_CLOEXEC or 0) -> newfd */
#define __NR_pipe2		331	/* (int fds[2], O_CLOEXEC | O_NONBLOCK) -> 0 */
#define __NR_prlimit64		340	/* (pid, resource, new, old: struct rlimit64 *) -> 0 */
#define __NR_getrandom		355	/* (buf, count, flags) -> bytes: not cryptographic */
#define __NR_statx		383	/* (dfd, path, flags, mask, struct statx *) */
#define __NR_clock_gettime64	403	/* (clockid, struct __kernel_timespec *) -> 0 */
#define __NR_clock_getres_time64 406	/* (clockid, struct __kernel_timespec *) -> 0 */
#define __NR_clock_nanosleep_time64 407	/* (clockid, flags, req, rem: 64-bit) -> 0 */

/* Teaching calls: what the shell needs to show the kernel's insides. */
#define __NR_kt_tasks		500	/* (struct kt_task_info *buf, int max) -> count */
#define __NR_kt_meminfo		501	/* (char *buf, int len) -> bytes of report text */
#define __NR_kt_pressure	502	/* (int pages) -> pages kswapd reclaimed */
#define __NR_kt_stack		503	/* (int pid, char *buf, int len) -> bytes of text */
#define __NR_kt_trace		504	/* (void) -> dumps the scheduler trace on ttyS0 */
#define __NR_kt_drop_caches	505	/* (void) -> pages freed: sync, drop clean buffers, shrink the slab */

/*
 * The auxiliary vector: (type, value) pairs execve() puts on the new
 * program's stack after envp's NULL, ending with AT_NULL (Linux:
 * include/uapi/linux/auxvec.h, arch/x86/include/uapi/asm/auxvec.h).
 */
#define AT_NULL		0	/* the end of the vector */
#define AT_PHDR		3	/* the program headers, in memory */
#define AT_PHENT	4	/* the size of one */
#define AT_PHNUM	5	/* how many */
#define AT_PAGESZ	6	/* the page size */
#define AT_BASE		7	/* the interpreter's load address: 0, none */
#define AT_FLAGS	8	/* 0 */
#define AT_ENTRY	9	/* the program's entry point */
#define AT_UID		11	/* real user id */
#define AT_EUID		12	/* effective user id */
#define AT_GID		13	/* real group id */
#define AT_EGID		14	/* effective group id */
#define AT_PLATFORM	15	/* string: "i686" */
#define AT_HWCAP	16	/* CPUID leaf 1 edx: the CPU's features */
#define AT_CLKTCK	17	/* times(2)'s ticks a second: USER_HZ */
#define AT_SECURE	23	/* 1 for set-user-ID programs: 0 */
#define AT_RANDOM	25	/* address of 16 random bytes */
#define AT_EXECFN	31	/* string: the file name given to execve */

/* mmap2(2), mprotect(2): rights and kinds of mapping (Linux's values) */
#define PROT_NONE	0x0
#define PROT_READ	0x1
#define PROT_WRITE	0x2
#define PROT_EXEC	0x4
#define MAP_SHARED	0x01
#define MAP_PRIVATE	0x02
#define MAP_FIXED	0x10
#define MAP_ANONYMOUS	0x20
#define MAP_FAILED	((void *)-1)

/* syslog(2) types */
#define SYSLOG_ACTION_READ_ALL	3	/* copy the whole log ring, don't clear */
#define SYSLOG_ACTION_SIZE_BUFFER 10	/* the size of the log ring */

/* reboot(2): magic numbers and commands, as Linux */
#define LINUX_REBOOT_MAGIC1	0xfee1dead
#define LINUX_REBOOT_MAGIC2	672274793
#define LINUX_REBOOT_CMD_POWER_OFF 0x4321FEDC

/* open(2) flags */
#define O_RDONLY	00
#define O_WRONLY	01
#define O_RDWR		02
#define O_ACCMODE	03
#define O_CREAT		0100
#define O_EXCL		0200	/* with O_CREAT: fail if it exists */
#define O_NOCTTY	0400
#define O_TRUNC		01000
#define O_APPEND	02000
#define O_NONBLOCK	04000		/* -EAGAIN instead of sleeping */
#define O_LARGEFILE	0100000	/* accepted; offsets are 32 bits */
#define O_DIRECTORY	0200000	/* fail unless a directory */
#define O_NOFOLLOW	0400000	/* fail on a symbolic link */
#define O_CLOEXEC	02000000	/* the descriptor is closed by execve */

/* fcntl(2) commands and the descriptor flag */
#define F_DUPFD		0	/* dup to the lowest free fd >= arg */
#define F_GETFD		1	/* -> the descriptor's flags (FD_CLOEXEC) */
#define F_SETFD		2
#define F_GETFL		3	/* -> the open file's flags (O_ACCMODE, ...) */
#define F_SETFL		4	/* O_APPEND and O_NONBLOCK may change */
#define F_DUPFD_CLOEXEC	1030	/* F_DUPFD, with FD_CLOEXEC set */
#define FD_CLOEXEC	1

/* The largest write to a pipe that is never interleaved with another. */
#define PIPE_BUF	4096

/* lseek(2) whence */
#define SEEK_SET	0
#define SEEK_CUR	1
#define SEEK_END	2

/* Signals (the i386 numbers) */
#define SIGHUP		1
#define SIGINT		2
#define SIGQUIT		3
#define SIGILL		4
#define SIGTRAP		5
#define SIGABRT		6
#define SIGBUS		7
#define SIGFPE		8
#define SIGKILL		9
#define SIGUSR1		10
#define SIGSEGV		11
#define SIGUSR2		12
#define SIGPIPE		13
#define SIGALRM		14
#define SIGTERM		15
#define SIGSTKFLT	16
#define SIGCHLD		17
#define SIGCONT		18
#define SIGSTOP		19
#define SIGTSTP		20	/* ^Z: stop */
#define SIGTTIN		21	/* background read from the tty */
#define SIGTTOU		22	/* background change of the tty */
#define SIGURG		23
#define SIGXCPU		24
#define SIGXFSZ		25
#define SIGVTALRM	26
#define SIGPROF		27
#define SIGWINCH	28	/* the window size changed */
#define SIGIO		29
#define SIGPWR		30
#define SIGSYS		31
#define SIGRTMIN	32	/* 32 .. 64: the real-time signals */
#define SIGRTMAX	64
/*
 * Signals are 1 .. _NSIG - 1: the C library's meaning of _NSIG (glibc's
 * is 65 too); Linux's kernel calls the last signal _NSIG (64).
 */
#define _NSIG		65

/*
 * clone(2) flags a C library passes (Linux: include/uapi/linux/sched.h);
 * the low byte is the signal the parent gets at the child's exit.  The
 * sharing flags (CLONE_VM, CLONE_FILES, ...) are in the kernel's
 * include/sched.h.
 */
#define CLONE_VFORK		0x00004000	/* parent sleeps until exec/exit */
#define CLONE_THREAD		0x00010000	/* same thread group: refused */
#define CLONE_SETTLS		0x00080000	/* esi: the child's user_desc */
#define CLONE_PARENT_SETTID	0x00100000	/* child's tid to *edx (parent) */
#define CLONE_CHILD_CLEARTID	0x00200000	/* 0 to *edi at exit or exec */
#define CLONE_CHILD_SETTID	0x01000000	/* child's tid to *edi (child) */

/* waitpid(2) status words, as Linux encodes them */
#define WNOHANG		1	/* do not wait: 0 if no child is ready */
#define WUNTRACED	2	/* report a child that stopped */
#define WCONTINUED	8	/* report a stopped child that was continued */
#define WIFEXITED(s)	(((s) & 0x7f) == 0)
#define WEXITSTATUS(s)	(((s) >> 8) & 0xff)
#define WIFSIGNALED(s)	(((s) & 0x7f) != 0 && ((s) & 0x7f) != 0x7f)
#define WTERMSIG(s)	((s) & 0x7f)
#define WCOREDUMP(s)	((s) & 0x80)
#define WIFSTOPPED(s)	(((s) & 0xff) == 0x7f)	/* (sig << 8) | 0x7f */
#define WSTOPSIG(s)	WEXITSTATUS(s)
#define WIFCONTINUED(s)	((s) == 0xffff)

/*
 * set_thread_area(2), get_thread_area(2), clone(CLONE_SETTLS): one
 * segment descriptor in the form Linux's include/uapi/asm/ldt.h gives
 * it.  entry_number is a GDT index, 6..8 (-1 to set_thread_area: pick a
 * free one and write it back); the selector is entry_number * 8 + 3.
 */
struct user_desc {
	unsigned int entry_number;
	unsigned int base_addr;
	unsigned int limit;
	unsigned int seg_32bit:1;
	unsigned int contents:2;
	unsigned int read_exec_only:1;
	unsigned int limit_in_pages:1;
	unsigned int seg_not_present:1;
	unsigned int useable:1;
};

struct kt_timespec {
	long tv_sec;
	long tv_nsec;
};

/* clock_gettime64(2), clock_nanosleep_time64(2): 64-bit seconds */
struct __kernel_timespec {
	long long tv_sec;
	long long tv_nsec;
};

/* gettimeofday(2), setitimer(2), getitimer(2), wait4(2)'s rusage
 * (Linux: struct __kernel_old_timeval) */
struct kt_timeval {
	long tv_sec;
	long tv_usec;
};

struct kt_itimerval {
	struct kt_timeval it_interval;	/* reloaded after each expiry; 0: once */
	struct kt_timeval it_value;	/* time to the next expiry; 0: off */
};

#define ITIMER_REAL	0	/* real time: SIGALRM (alarm(2) is one) */
#define ITIMER_VIRTUAL	1
#define ITIMER_PROF	2

/* wait4(2)'s resource usage of the reaped child (Linux: struct rusage). */
struct kt_rusage {
	struct kt_timeval ru_utime;	/* user time */
	struct kt_timeval ru_stime;	/* system time */
	long ru_maxrss, ru_ixrss, ru_idrss, ru_isrss;
	long ru_minflt, ru_majflt, ru_nswap, ru_inblock, ru_oublock;
	long ru_msgsnd, ru_msgrcv, ru_nsignals, ru_nvcsw, ru_nivcsw;
};

/* The clocks of clock_gettime(2) (Linux's clockid_t values) */
#define CLOCK_REALTIME			0	/* wall clock: the RTC at boot + uptime */
#define CLOCK_MONOTONIC			1	/* since boot, never set */
#define CLOCK_PROCESS_CPUTIME_ID	2	/* the caller's user + system time */
#define CLOCK_THREAD_CPUTIME_ID		3	/* the same: one thread per process */
#define CLOCK_MONOTONIC_RAW		4
#define CLOCK_REALTIME_COARSE		5
#define CLOCK_MONOTONIC_COARSE		6
#define CLOCK_BOOTTIME			7	/* monotonic, suspend included: no suspend */
#define TIMER_ABSTIME			1	/* clock_nanosleep: until, not for */

/* uname(2) (Linux: struct new_utsname) */
#define __NEW_UTS_LEN	64
struct new_utsname {
	char sysname[__NEW_UTS_LEN + 1];
	char nodename[__NEW_UTS_LEN + 1];
	char release[__NEW_UTS_LEN + 1];
	char version[__NEW_UTS_LEN + 1];
	char machine[__NEW_UTS_LEN + 1];
	char domainname[__NEW_UTS_LEN + 1];
};

/* sysinfo(2) (Linux: include/uapi/linux/sysinfo.h; 64 bytes on i386) */
#define SI_LOAD_SHIFT	16
struct sysinfo {
	long uptime;			/* seconds since boot */
	unsigned long loads[3];		/* 1, 5, 15 min load averages << 16 */
	unsigned long totalram;		/* in mem_unit: MemTotal */
	unsigned long freeram;		/* MemFree */
	unsigned long sharedram;
	unsigned long bufferram;	/* Buffers */
	unsigned long totalswap;
	unsigned long freeswap;
	unsigned short procs;		/* tasks */
	unsigned short pad;
	unsigned long totalhigh;
	unsigned long freehigh;
	unsigned int mem_unit;		/* bytes per unit: the page size */
	char _f[8];
};

/* getrlimit(2) and friends (Linux: include/uapi/linux/resource.h) */
#define RLIMIT_CPU		0
#define RLIMIT_FSIZE		1
#define RLIMIT_DATA		2
#define RLIMIT_STACK		3
#define RLIMIT_CORE		4
#define RLIMIT_RSS		5
#define RLIMIT_NPROC		6
#define RLIMIT_NOFILE		7
#define RLIMIT_MEMLOCK		8
#define RLIMIT_AS		9
#define RLIMIT_LOCKS		10
#define RLIMIT_SIGPENDING	11
#define RLIMIT_MSGQUEUE		12
#define RLIMIT_NICE		13
#define RLIMIT_RTPRIO		14
#define RLIMIT_RTTIME		15
#define RLIM_NLIMITS		16
#define RLIM_INFINITY		(~0UL)
#define RLIM64_INFINITY		(~0ULL)
struct rlimit {
	unsigned long rlim_cur;
	unsigned long rlim_max;
};
struct rlimit64 {
	unsigned long long rlim_cur;
	unsigned long long rlim_max;
};

/* prctl(2) options this kernel has (Linux: include/uapi/linux/prctl.h) */
#define PR_SET_NAME		15	/* (char *name): the task's comm */
#define PR_GET_NAME		16	/* (char name[16]) */

/*
 * times(2): the rate of its return value and of the kt_task_info utime and
 * stime counters.  As on Linux (USER_HZ), it equals the kernel's HZ.
 */
#define USER_HZ		100

/* times(2) fills this, in USER_HZ ticks (Linux: struct tms). */
struct kt_tms {
	long tms_utime;		/* user time of the caller */
	long tms_stime;		/* kernel time of the caller */
	long tms_cutime;	/* user time of its waited-for children */
	long tms_cstime;	/* kernel time of its waited-for children */
};

/*
 * Error numbers: a failed call returns -E in eax (libc turns that into
 * -1 and errno = E).  Linux's numbers, the same as the kernel's
 * include/errno.h (Linux: include/uapi/asm-generic/errno-base.h).
 */
#define EPERM		1	/* Operation not permitted */
#define ENOENT		2	/* No such file or directory */
#define ESRCH		3	/* No such process */
#define EINTR		4	/* Interrupted system call */
#define EIO		5	/* I/O error */
#define ENXIO		6	/* No such device or address */
#define E2BIG		7	/* Argument list too long */
#define ENOEXEC		8	/* Exec format error */
#define EBADF		9	/* Bad file number */
#define ECHILD		10	/* No child processes */
#define EAGAIN		11	/* Try again */
#define ENOMEM		12	/* Out of memory */
#define EACCES		13	/* Permission denied */
#define EFAULT		14	/* Bad address */
#define ENOTBLK		15	/* Block device required */
#define EBUSY		16	/* Device or resource busy */
#define EEXIST		17	/* File exists */
#define EXDEV		18	/* Cross-device link */
#define ENODEV		19	/* No such device */
#define ENOTDIR		20	/* Not a directory */
#define EISDIR		21	/* Is a directory */
#define EINVAL		22	/* Invalid argument */
#define EMFILE		24	/* Too many open files */
#define ENOTTY		25	/* Not a typewriter */
#define EFBIG		27	/* File too large */
#define ENOSPC		28	/* No space left on device */
#define ESPIPE		29	/* Illegal seek */
#define EROFS		30	/* Read-only file system */
#define EMLINK		31	/* Too many links */
#define EPIPE		32	/* Broken pipe */
#define ERANGE		34	/* Math result not representable */
#define ENAMETOOLONG	36	/* File name too long */
#define ENOSYS		38	/* Function not implemented */
#define ENOTEMPTY	39	/* Directory not empty */
#define ELOOP		40	/* Too many symbolic links encountered */
#define EOVERFLOW	75	/* Value too large for defined data type */
#define EUCLEAN		117	/* Structure needs cleaning */

/* Process flags shown by ps (task_struct->flags) */
#define KT_PF_EXITING	0x00000004	/* getting shut down */
#define KT_PF_KTHREAD	0x00200000	/* a kernel thread */

/* One task, as the kt_tasks call reports it (ps). */
struct kt_task_info {
	int pid;
	int ppid;
	char state;		/* R running, S sleeping, D uninterruptible, Z zombie */
	char pad[3];
	unsigned int flags;	/* task_struct->flags: KT_PF_* */
	unsigned int mm;	/* kernel address of the mm_struct, 0 for none */
	unsigned int active_mm;	/* the mm it runs on (borrowed by kernel threads) */
	int prio;		/* 0..139, lower runs first */
	int static_prio;	/* 120 + nice */
	unsigned int utime;	/* ticks spent in user mode */
	unsigned int stime;	/* ticks spent in kernel mode */
	unsigned int nvcsw;	/* voluntary context switches */
	unsigned int nivcsw;	/* involuntary (preempted) switches */
	char comm[16];		/* name, NUL-terminated */
	unsigned int cpu;	/* the CPU it runs or last ran on (task_cpu) */
};

#endif /* _UAPI_KT26_H */
