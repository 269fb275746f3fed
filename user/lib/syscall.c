// SPDX-License-Identifier: GPL-2.0
/*
 * user/lib/syscall.c - the system call wrappers: one int $0x80 and a
 * C function for every call in include/uapi/kt26.h.
 *
 * Linux 2.6 + a C library: glibc's sysdeps/unix/sysv/linux/i386/syscall.S
 * and INLINE_SYSCALL; the kernel side is system_call in
 * arch/i386/kernel/entry.S.  The number goes in eax, up to five
 * arguments in ebx ecx edx esi edi, and the result comes back in eax: a
 * value in [-4095, -1] is -errno, anything else is success.  Each wrapper
 * turns an error into errno and -1, so programs read like C on Linux.
 * Next: the kernel's syscall entry (arch/x86/).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <kt.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <string.h>
#include <sys/klog.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* The largest errno a call can return (Linux: MAX_ERRNO). */
#define MAX_ERRNO	4095

int errno;

/**
 * raw_syscall - make system call @nr with five arguments
 * @nr: call number (__NR_*)
 * @a1: first argument, in ebx; @a2 .. @a5 go in ecx, edx, esi, edi
 *
 * Calls with fewer arguments ignore the extra registers, so passing 0
 * for them is always safe.  Linux takes a sixth argument in ebp; no call
 * here needs one, so ebp stays the frame pointer GDB walks.
 *
 * Return: what the kernel put in eax: -E on error, errno untouched.
 */
long raw_syscall(long nr, long a1, long a2, long a3, long a4, long a5)
{
	long ret;

	asm volatile("int $0x80"
		     : "=a"(ret)
		     : "0"(nr), "b"(a1), "c"(a2), "d"(a3), "S"(a4), "D"(a5)
		     : "memory");
	return ret;
}

/**
 * raw_syscall6 - make system call @nr with six arguments
 * @nr: call number (__NR_*)
 * @a1: first argument, in ebx; @a2 .. @a5 in ecx, edx, esi, edi
 * @a6: sixth argument, in ebp
 *
 * ebp is the frame pointer, so it is saved around the call; with every
 * other register taken, eax brings the address of @nr and @a6 and gets
 * the number from there.
 *
 * Return: what the kernel put in eax: -E on error, errno untouched.
 */
long raw_syscall6(long nr, long a1, long a2, long a3, long a4, long a5,
		  long a6)
{
	long block[2] = { nr, a6 };
	long ret;

	asm volatile("push %%ebp\n\t"
		     "movl 4(%%eax), %%ebp\n\t"
		     "movl (%%eax), %%eax\n\t"
		     "int $0x80\n\t"
		     "pop %%ebp"
		     : "=a"(ret)
		     : "0"(block), "b"(a1), "c"(a2), "d"(a3), "S"(a4), "D"(a5)
		     : "memory");
	return ret;
}

static long syscall_result(long ret)
{
	if ((unsigned long)ret >= (unsigned long)-MAX_ERRNO) {
		errno = -ret;
		return -1;
	}
	return ret;
}

static long call0(long nr)
{
	return syscall_result(raw_syscall(nr, 0, 0, 0, 0, 0));
}

static long call1(long nr, long a1)
{
	return syscall_result(raw_syscall(nr, a1, 0, 0, 0, 0));
}

static long call2(long nr, long a1, long a2)
{
	return syscall_result(raw_syscall(nr, a1, a2, 0, 0, 0));
}

static long call3(long nr, long a1, long a2, long a3)
{
	return syscall_result(raw_syscall(nr, a1, a2, a3, 0, 0));
}

static long call4(long nr, long a1, long a2, long a3, long a4)
{
	return syscall_result(raw_syscall(nr, a1, a2, a3, a4, 0));
}

/* The Linux calls, in the order of their numbers. */

/**
 * _exit - end the calling process at once
 * @status: exit code for the parent's waitpid (only the low 8 bits count)
 *
 * Return: does not return.
 */
void _exit(int status)
{
	raw_syscall(__NR_exit, status, 0, 0, 0, 0);
	/* Unreachable unless the kernel is broken: make that loud. */
	__builtin_trap();
}

/**
 * fork - create a child process, a copy of the caller
 *
 * Return: the child's pid in the parent, 0 in the child, -1 on error.
 */
pid_t fork(void)
{
	return call0(__NR_fork);
}

/**
 * read - read up to @count bytes from @fd into @buf
 * @fd: open file descriptor
 * @buf: destination
 * @count: room in @buf
 *
 * On the console the kernel returns one typed line at a time.
 * Return: bytes read, 0 at end of file, -1 on error.
 */
ssize_t read(int fd, void *buf, size_t count)
{
	return call3(__NR_read, fd, (long)buf, count);
}

/**
 * write - write up to @count bytes from @buf to @fd
 * @fd: open file descriptor
 * @buf: source
 * @count: bytes to write
 *
 * Return: bytes written (may be fewer than @count), -1 on error.
 */
ssize_t write(int fd, const void *buf, size_t count)
{
	return call3(__NR_write, fd, (long)buf, count);
}

/**
 * open - open a file and return a new descriptor for it
 * @path: file name
 * @flags: O_RDONLY, O_WRONLY or O_RDWR, optionally | O_CREAT, O_TRUNC,
 *	O_APPEND
 *
 * With O_CREAT a third argument, the new file's mode, is read.
 * Return: the lowest free descriptor, -1 on error.
 */
int open(const char *path, int flags, ...)
{
	int mode = 0;

	if (flags & O_CREAT) {
		va_list args;

		va_start(args, flags);
		mode = va_arg(args, int);
		va_end(args);
	}
	return call3(__NR_open, (long)path, flags, mode);
}

/**
 * close - release file descriptor @fd
 * @fd: open file descriptor
 *
 * Return: 0, or -1 on error (EBADF).
 */
int close(int fd)
{
	return call1(__NR_close, fd);
}

/**
 * waitpid - wait for a child to end and reap it
 * @pid: the child, or -1 for any child
 * @status: where to store the status word (decode with W* macros), or NULL
 * @options: 0 to wait, WNOHANG to return 0 at once if no child has ended,
 *	WUNTRACED to report a child that stopped, WCONTINUED one continued
 *
 * Return: the reaped (or stopped, continued) child's pid, 0 (WNOHANG,
 * none ended), -1 on error (ECHILD: no such child; EINTR).
 */
pid_t waitpid(pid_t pid, int *status, int options)
{
	return call3(__NR_waitpid, pid, (long)status, options);
}

/**
 * execve - replace the calling program with the one in @path
 * @path: executable file (a static ELF)
 * @argv: argument strings, NULL-terminated; argv[0] is the program's name
 * @envp: environment strings, NULL-terminated
 *
 * Return: does not return on success; -1 on error (ENOENT, ENOEXEC ...).
 */
int execve(const char *path, char *const argv[], char *const envp[])
{
	return call3(__NR_execve, (long)path, (long)argv, (long)envp);
}

/**
 * chdir - change the current directory
 * @path: the new one
 *
 * Return: 0, or -1 on error (ENOENT, ENOTDIR, ...).
 */
int chdir(const char *path)
{
	return call1(__NR_chdir, (long)path);
}

/**
 * access - may the caller read, write or search @path?
 * @path: the file
 * @mode: R_OK | W_OK | X_OK, or F_OK (0: does it exist)
 *
 * Return: 0, or -1 on error (EACCES, EROFS: a read-only file system,
 * ENOENT, ...).
 */
int access(const char *path, int mode)
{
	return call2(__NR_access, (long)path, mode);
}

/**
 * lseek - move the file position of @fd
 * @fd: open file descriptor
 * @offset: byte offset
 * @whence: SEEK_SET, SEEK_CUR or SEEK_END: what @offset is relative to
 *
 * Return: the new position, -1 on error (ESPIPE on the console).
 */
off_t lseek(int fd, off_t offset, int whence)
{
	return call3(__NR_lseek, fd, offset, whence);
}

/**
 * getpid - the caller's process id
 *
 * Return: the pid; never fails.
 */
pid_t getpid(void)
{
	return call0(__NR_getpid);
}

/**
 * mount - attach a file system to the tree
 * @source: the device ("/dev/hda1"), or a name for one without ("none")
 * @target: the directory it covers
 * @fstype: "ext3", "ext2", "ramfs", "proc"
 * @flags: MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC, MS_REMOUNT
 * @data: the file system's options ("size=1m" for ramfs), or NULL
 *
 * Return: 0, or -1 on error (EPERM: not root; ENODEV: no such type;
 * ENXIO: no such disk or partition; EBUSY; EINVAL: not that file
 * system there).
 */
int mount(const char *source, const char *target, const char *fstype,
	  unsigned long flags, const void *data)
{
	return syscall_result(raw_syscall(__NR_mount, (long)source,
					  (long)target, (long)fstype, flags,
					  (long)data));
}

/**
 * sync - start writing every dirty buffer back to disk
 */
void sync(void)
{
	call0(__NR_sync);
}

/**
 * kill - send signal @sig to process @pid
 * @pid: target process
 * @sig: SIG* number; 0 only checks that @pid exists
 *
 * Return: 0, or -1 on error (ESRCH: no such process; EINVAL: bad @sig;
 * EPERM: another user's process, and the caller is not root).
 */
int kill(pid_t pid, int sig)
{
	return call2(__NR_kill, pid, sig);
}

/**
 * dup - a second descriptor for the open file of @fd
 * @fd: open file descriptor
 *
 * Return: the lowest free descriptor (without FD_CLOEXEC), or -1 on
 * error (EBADF, EMFILE).
 */
int dup(int fd)
{
	return call1(__NR_dup, fd);
}

/**
 * pipe - make a pipe
 * @fds: gets the read end in fds[0] and the write end in fds[1]
 *
 * Return: 0, or -1 on error (EMFILE, ENOMEM, EFAULT).
 */
int pipe(int fds[2])
{
	return call1(__NR_pipe, (long)fds);
}

/**
 * times - the clock, and the caller's CPU time
 * @buf: filled with user and kernel ticks of the caller and its children
 *
 * The tick count is unsigned in spirit and may wrap into [-4095, -1], so
 * it is not checked for an error; with a valid @buf the call cannot
 * fail (glibc does the same).
 * Return: clock ticks (USER_HZ per second) since an arbitrary start.
 */
clock_t times(struct kt_tms *buf)
{
	return raw_syscall(__NR_times, (long)buf, 0, 0, 0, 0);
}

/*
 * The raw brk call never returns an error code: it returns the new break,
 * or the old one when it refused.  The last answer is kept for sbrk().
 */
static char *current_break;

/**
 * brk - set the end of the heap (the program break) to @addr
 * @addr: new break
 *
 * Return: 0, or -1 with ENOMEM when the kernel refused.
 */
int brk(void *addr)
{
	current_break = (char *)raw_syscall(__NR_brk, (long)addr, 0, 0, 0, 0);
	if (current_break != addr) {
		errno = ENOMEM;
		return -1;
	}
	return 0;
}

/**
 * sbrk - move the program break by @increment bytes
 * @increment: bytes to add (negative to give memory back)
 *
 * Return: the old break, i.e. the start of the new memory; (void *)-1
 * with errno ENOMEM when the kernel refused.
 */
void *sbrk(intptr_t increment)
{
	char *old;

	if (!current_break)
		current_break = (char *)raw_syscall(__NR_brk, 0, 0, 0, 0, 0);
	old = current_break;
	if (increment && brk(old + increment) < 0)
		return (void *)-1;
	return old;
}

/**
 * umount2 - detach the file system mounted on @target
 * @target: its mount point
 * @flags: MNT_DETACH, or 0
 *
 * Return: 0, or -1 on error (EBUSY: still in use; EINVAL: not a mount
 * point; EPERM: not root).
 */
int umount2(const char *target, int flags)
{
	return call2(__NR_umount2, (long)target, flags);
}

/**
 * fcntl - look at or change a descriptor or its open file
 * @fd: open file descriptor
 * @cmd: F_DUPFD, F_DUPFD_CLOEXEC, F_GETFD, F_SETFD, F_GETFL or F_SETFL
 *
 * The commands that take an argument read it as a third int.
 * Return: what @cmd asks for (a descriptor, flags, 0), or -1 on error
 * (EBADF, EINVAL, EMFILE).
 */
int fcntl(int fd, int cmd, ...)
{
	va_list args;
	long arg;

	va_start(args, cmd);
	arg = va_arg(args, int);
	va_end(args);
	return call3(__NR_fcntl, fd, cmd, arg);
}

/**
 * dup2 - make @newfd refer to the same open file as @oldfd
 * @oldfd: open file descriptor
 * @newfd: descriptor to (re)use; closed first if it was open
 *
 * Return: @newfd, or -1 on error.
 */
int dup2(int oldfd, int newfd)
{
	return call2(__NR_dup2, oldfd, newfd);
}

/**
 * getppid - the parent's process id
 *
 * Return: the parent's pid (1 once the parent has died); never fails.
 */
pid_t getppid(void)
{
	return call0(__NR_getppid);
}

/**
 * readlink - the target of the symbolic link @path
 * @path: the link
 * @buf: destination, not NUL-terminated
 * @size: room in @buf
 *
 * Return: bytes placed in @buf, -1 on error (EINVAL: not a link).
 */
ssize_t readlink(const char *path, char *buf, size_t size)
{
	return call3(__NR_readlink, (long)path, (long)buf, size);
}

/*
 * The user and group ids: the 32-bit calls, as C libraries on i386 use
 * (the old 16-bit ones, getuid 24 and so on, cannot tell 65534 from a
 * larger id).
 */

/**
 * getuid - the real user id of the caller (0: root)
 *
 * Return: the id; never fails.
 */
uid_t getuid(void)
{
	return raw_syscall(__NR_getuid32, 0, 0, 0, 0, 0);
}

/**
 * geteuid - the effective user id, the one permissions are checked with
 *
 * Return: the id; never fails.
 */
uid_t geteuid(void)
{
	return raw_syscall(__NR_geteuid32, 0, 0, 0, 0, 0);
}

/**
 * getgid - the real group id of the caller
 *
 * Return: the id; never fails.
 */
gid_t getgid(void)
{
	return raw_syscall(__NR_getgid32, 0, 0, 0, 0, 0);
}

/**
 * getegid - the effective group id of the caller
 *
 * Return: the id; never fails.
 */
gid_t getegid(void)
{
	return raw_syscall(__NR_getegid32, 0, 0, 0, 0, 0);
}

/**
 * setuid - become user @uid
 * @uid: the user id
 *
 * Root sets its real and effective ids, and cannot come back; another
 * user may only set its effective id to its real one.
 * Return: 0, or -1 on error (EPERM, EINVAL).
 */
int setuid(uid_t uid)
{
	return call1(__NR_setuid32, uid);
}

/**
 * setgid - become a member of group @gid
 * @gid: the group id
 *
 * As setuid(), for the group ids.
 * Return: 0, or -1 on error (EPERM, EINVAL).
 */
int setgid(gid_t gid)
{
	return call1(__NR_setgid32, gid);
}

/**
 * reboot - power off or restart the machine
 * @magic1: LINUX_REBOOT_MAGIC1
 * @magic2: LINUX_REBOOT_MAGIC2
 * @cmd: LINUX_REBOOT_CMD_POWER_OFF
 * @arg: unused by the commands above
 *
 * Return: does not return on success; -1 on error (EPERM: not root).
 */
int reboot(unsigned int magic1, unsigned int magic2, unsigned int cmd,
	   void *arg)
{
	return call4(__NR_reboot, magic1, magic2, cmd, (long)arg);
}

/**
 * klogctl - read the kernel log (system call "syslog")
 * @type: SYSLOG_ACTION_READ_ALL
 * @buf: destination
 * @len: room in @buf
 *
 * Return: bytes copied (the newest part of the log if it is longer), -1
 * on error.
 */
int klogctl(int type, char *buf, int len)
{
	return call3(__NR_syslog, type, (long)buf, len);
}

/**
 * sched_yield - let another runnable task have the CPU
 *
 * Return: 0.
 */
int sched_yield(void)
{
	return call0(__NR_sched_yield);
}

/**
 * sched_setaffinity - choose the CPUs a process may run on
 * @pid: the process, 0 for the caller
 * @len: the size of @mask in bytes
 * @mask: one bit per CPU (bit N: CPU N)
 *
 * Return: 0, or -1 with errno (EINVAL: no online CPU in @mask; EPERM:
 * another user's process; ESRCH: no such process; EFAULT).
 */
int sched_setaffinity(pid_t pid, unsigned int len, const unsigned long *mask)
{
	return call3(__NR_sched_setaffinity, pid, len, (long)mask);
}

/**
 * sched_getaffinity - the CPUs a process may run on
 * @pid: the process, 0 for the caller
 * @len: the size of @mask in bytes, at least the kernel's mask
 * @mask: filled with the online CPUs of its mask
 *
 * Return: the system call's value as Linux's: the size of the kernel's
 * mask in bytes; or -1 with errno (EINVAL: @len too small).  (glibc's
 * wrapper returns 0 instead.)
 */
int sched_getaffinity(pid_t pid, unsigned int len, unsigned long *mask)
{
	return call3(__NR_sched_getaffinity, pid, len, (long)mask);
}

/**
 * dup3 - dup2() that sets or clears the new descriptor's FD_CLOEXEC
 * @oldfd: open file descriptor
 * @newfd: descriptor to (re)use; closed first if it was open
 * @flags: O_CLOEXEC or 0
 *
 * Return: @newfd, or -1 on error (EINVAL: @oldfd == @newfd or bad
 * @flags; EBADF).
 */
int dup3(int oldfd, int newfd, int flags)
{
	return call3(__NR_dup3, oldfd, newfd, flags);
}

/**
 * pipe2 - pipe() with flags for both ends
 * @fds: gets the read end in fds[0] and the write end in fds[1]
 * @flags: O_CLOEXEC, O_NONBLOCK, or 0
 *
 * Return: 0, or -1 on error (EINVAL, EMFILE, ENOMEM, EFAULT).
 */
int pipe2(int fds[2], int flags)
{
	return call2(__NR_pipe2, (long)fds, flags);
}

/**
 * poll - wait until one of @nfds descriptors is ready
 * @fds: each with the fd and the events to wait for; revents is set
 * @nfds: how many
 * @timeout: milliseconds at most; < 0 forever, 0 not at all
 *
 * Return: how many have a non-zero revents, 0 on timeout, -1 on error
 * (EINTR, EINVAL, EFAULT, ENOMEM).
 */
int poll(struct pollfd *fds, unsigned long nfds, int timeout)
{
	return call3(__NR_poll, (long)fds, nfds, timeout);
}

/**
 * nanosleep - sleep for the time in @req
 * @req: how long
 * @rem: if not NULL, the time left when the sleep was interrupted
 *
 * Return: 0, or -1 on error (EINVAL: bad @req, EINTR).
 */
int nanosleep(const struct kt_timespec *req, struct kt_timespec *rem)
{
	return call2(__NR_nanosleep, (long)req, (long)rem);
}

/* Sessions, process groups, alarms, waiting (signals: user/lib/signal.c). */

/**
 * setsid - start a new session, with the caller as its leader
 *
 * The caller also leads a new process group, and has no controlling
 * terminal until it opens one and asks (TIOCSCTTY).
 * Return: the session id (the caller's pid), or -1 (EPERM: the caller
 * leads a process group already).
 */
pid_t setsid(void)
{
	return call0(__NR_setsid);
}

/**
 * setpgid - put process @pid into process group @pgid
 * @pid: the caller or one of its children (0: the caller)
 * @pgid: a group of the caller's session, or @pid to make a new one (0)
 *
 * Return: 0, or -1 (EPERM, ESRCH, EACCES: the child has exec'd, EINVAL).
 */
int setpgid(pid_t pid, pid_t pgid)
{
	return call2(__NR_setpgid, pid, pgid);
}

/**
 * getpgid - the process group of @pid
 * @pid: a process, 0 for the caller
 *
 * Return: the group id, or -1 (ESRCH).
 */
pid_t getpgid(pid_t pid)
{
	return call1(__NR_getpgid, pid);
}

/**
 * getpgrp - the caller's process group
 *
 * Return: the group id; never fails.
 */
pid_t getpgrp(void)
{
	return call0(__NR_getpgrp);
}

/**
 * getsid - the session of @pid
 * @pid: a process, 0 for the caller
 *
 * Return: the session id, or -1 (ESRCH).
 */
pid_t getsid(pid_t pid)
{
	return call1(__NR_getsid, pid);
}

/**
 * alarm - have SIGALRM sent to the caller in @seconds seconds
 * @seconds: when; 0 cancels the alarm
 *
 * Return: the seconds that were left of the previous alarm, or 0.
 */
unsigned int alarm(unsigned int seconds)
{
	return raw_syscall(__NR_alarm, seconds, 0, 0, 0, 0);
}

/**
 * pause - sleep until a signal's handler has run
 *
 * Return: -1 with errno EINTR (a signal that terminates the process
 * does not return at all).
 */
int pause(void)
{
	return call0(__NR_pause);
}

/**
 * wait4 - waitpid() with the reaped child's CPU times
 * @pid: as waitpid()
 * @status: as waitpid()
 * @options: WNOHANG, WUNTRACED (report a stopped child), WCONTINUED
 * @ru: if not NULL, the child's user and system time
 *
 * Return: the child's pid, 0 (WNOHANG), or -1 (ECHILD, EINTR).
 */
pid_t wait4(pid_t pid, int *status, int options, struct kt_rusage *ru)
{
	return call4(__NR_wait4, pid, (long)status, options, (long)ru);
}

/**
 * mmap - map anonymous memory (the kernel has no file mappings)
 * @addr: a hint, or with MAP_FIXED the exact page-aligned address
 * @len: bytes
 * @prot: PROT_READ | PROT_WRITE | PROT_EXEC, or PROT_NONE
 * @flags: MAP_PRIVATE | MAP_ANONYMOUS, optionally MAP_FIXED
 * @fd: -1
 * @offset: 0; a multiple of the page size (mmap2 takes it in pages)
 *
 * Return: the address, or MAP_FAILED with errno set.
 */
void *mmap(void *addr, size_t len, int prot, int flags, int fd, long offset)
{
	long ret = raw_syscall6(__NR_mmap2, (long)addr, len, prot, flags, fd,
				offset >> 12);

	return (void *)syscall_result(ret);
}

/**
 * munmap - remove the mappings of [@addr, @addr + @len)
 * @addr: page-aligned
 * @len: bytes
 *
 * Return: 0, or -1 with errno set.
 */
int munmap(void *addr, size_t len)
{
	return call2(__NR_munmap, (long)addr, len);
}

/**
 * mprotect - new rights for the pages of [@addr, @addr + @len)
 * @addr: page-aligned
 * @len: bytes
 * @prot: PROT_READ | PROT_WRITE | PROT_EXEC, or PROT_NONE
 *
 * Return: 0, or -1 with errno set.
 */
int mprotect(void *addr, size_t len, int prot)
{
	return call3(__NR_mprotect, (long)addr, len, prot);
}

/* The file system's calls. */

/**
 * getcwd - the current directory's path
 * @buf: destination
 * @size: room in @buf
 *
 * Return: @buf, or NULL on error (ERANGE: @buf too small).
 */
char *getcwd(char *buf, size_t size)
{
	return call2(__NR_getcwd, (long)buf, size) < 0 ? NULL : buf;
}

/**
 * stat - what the inode at @path is: type, mode, size, links ...
 * @path: the file; a symbolic link is followed
 * @st: filled in
 *
 * The stat64 call, whose struct has room for large sizes and inode
 * numbers (C libraries on i386 use it for stat()).
 * Return: 0, or -1 on error (ENOENT, ENOTDIR, ...).
 */
int stat(const char *path, struct stat *st)
{
	return call2(__NR_stat64, (long)path, (long)st);
}

/**
 * lstat - stat() of a symbolic link itself, not of its target
 * @path: the file
 * @st: filled in
 *
 * Return: 0, or -1 on error.
 */
int lstat(const char *path, struct stat *st)
{
	return call2(__NR_lstat64, (long)path, (long)st);
}

/**
 * fstat - stat() of an open file
 * @fd: open file descriptor
 * @st: filled in
 *
 * Return: 0, or -1 on error (EBADF).
 */
int fstat(int fd, struct stat *st)
{
	return call2(__NR_fstat64, fd, (long)st);
}

/**
 * getdents64 - read directory entries
 * @fd: a directory open for reading
 * @buf: gets whole struct linux_dirent64 records
 * @count: room in @buf
 *
 * Return: bytes of records, 0 at the end, -1 on error (ENOTDIR, EINVAL:
 * @buf too small for the next record).
 */
ssize_t getdents64(int fd, void *buf, size_t count)
{
	return call3(__NR_getdents64, fd, (long)buf, count);
}

/* The teaching calls (include/uapi/kt26.h). */

/* Room for the whole task list of a freshly booted kt26. */
#define PROBE_TASKS	64

/**
 * kt26_running - is this kernel kt26?
 *
 * Asks for the task list and looks for pid 0, "swapper/0".  On Linux
 * i386, call 500 does not exist (ENOSYS); any kernel where it means
 * something else fails it or fills no task named swapper/0.
 * Programs trust this answer before they do what only kt26 survives
 * (kill pid 0, random system calls), so it asks for a real task list,
 * not merely a call that did not fail.  The answer cannot change: it is
 * worked out once.
 *
 * Return: 1 on kt26, 0 otherwise.
 */
int kt26_running(void)
{
	static struct kt_task_info probe[PROBE_TASKS];
	static int answer = -1;	/* -1: not asked yet */
	long count;

	if (answer >= 0)
		return answer;
	answer = 0;
	count = raw_syscall(__NR_kt_tasks, (long)probe, PROBE_TASKS, 0, 0, 0);
	for (long i = 0; i < count && i < PROBE_TASKS; i++)
		if (probe[i].pid == 0 && !strcmp(probe[i].comm, "swapper/0"))
			answer = 1;
	return answer;
}

/* Fails with ENOSYS instead of making a call that means something else. */
static long kt_call(long nr, long a1, long a2, long a3)
{
	if (!kt26_running()) {
		errno = ENOSYS;
		return -1;
	}
	return call3(nr, a1, a2, a3);
}

/**
 * kt_tasks - list every task, kernel threads included (ps)
 * @buf: array of @max entries
 * @max: room in @buf
 *
 * Return: entries filled in, -1 on error (ENOSYS: not kt26).
 */
int kt_tasks(struct kt_task_info *buf, int max)
{
	return kt_call(__NR_kt_tasks, (long)buf, max, 0);
}

/**
 * kt_meminfo - the memory report (free), text in /proc/meminfo style
 * @buf: destination
 * @len: room in @buf
 *
 * Return: bytes of text, -1 on error (ENOSYS: not kt26).
 */
int kt_meminfo(char *buf, int len)
{
	return kt_call(__NR_kt_meminfo, (long)buf, len, 0);
}

/**
 * kt_pressure - allocate and free @pages pages, so that kswapd must run
 * @pages: how many
 *
 * Return: pages kswapd reclaimed meanwhile, -1 on error (EPERM: not root;
 * ENOSYS: not kt26).
 */
int kt_pressure(int pages)
{
	return kt_call(__NR_kt_pressure, pages, 0, 0);
}

/**
 * kt_stack - the kernel stack of task @pid, as backtrace text
 * @pid: task
 * @buf: destination
 * @len: room in @buf
 *
 * Return: bytes of text, -1 on error (ESRCH; ENOSYS: not kt26).
 */
int kt_stack(pid_t pid, char *buf, int len)
{
	return kt_call(__NR_kt_stack, pid, (long)buf, len);
}

/**
 * kt_trace - dump the scheduler trace on the serial port
 *
 * Return: 0, -1 on error (EPERM: not root; ENOSYS: not kt26).
 */
int kt_trace(void)
{
	return kt_call(__NR_kt_trace, 0, 0, 0);
}

/**
 * kt_drop_caches - free what memory caches hold, so that two memory
 *                  reports compare (free -d)
 *
 * Waits for reaped tasks to be freed, writes dirty buffers back and
 * drops the clean ones, and has the slab caches give back their empty
 * slabs.  Root only.
 * Return: pages freed, -1 on error (EPERM; ENOSYS: not kt26).
 */
int kt_drop_caches(void)
{
	return kt_call(__NR_kt_drop_caches, 0, 0, 0);
}
