/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/syscalls.h - every system call handler.
 *
 * Linux 2.6: include/linux/syscalls.h.  The handlers are asmlinkage: they
 * take their arguments from the stack, where system_call
 * (arch/x86/entry.asm) left the user's registers.  The table is in
 * kernel/syscalls.c.
 */
#ifndef _SYSCALLS_H
#define _SYSCALLS_H

#include <asm/ptrace.h>
#include <asm-offsets.h>
#include <compiler.h>
#include <types.h>
#include <uapi/kt26.h>
#include <uapi/signal-defs.h>

#define NR_syscalls	ASM_NR_syscalls

/* void (*)(void) is the type gcc lets every function pointer cast to;
 * entry.asm calls the entries with the right arguments on the stack. */
typedef void (*sys_call_ptr_t)(void);

/* kernel/syscalls.c */
extern const sys_call_ptr_t sys_call_table[];	/* system_call indexes it */
/* kernel/ni_syscall.c */
asmlinkage long sys_ni_syscall(struct pt_regs regs);
asmlinkage long sys_exit(int error_code);
asmlinkage long sys_exit_group(int error_code);
asmlinkage long sys_gettid(void);
asmlinkage long sys_fork(struct pt_regs regs);
asmlinkage long sys_getpid(void);
asmlinkage long sys_getppid(void);
asmlinkage long sys_sched_yield(void);
asmlinkage long sys_sched_setaffinity(pid_t pid, unsigned int len,
				      unsigned long *user_mask_ptr);
asmlinkage long sys_sched_getaffinity(pid_t pid, unsigned int len,
				      unsigned long *user_mask_ptr);
asmlinkage long sys_nanosleep(const struct kt_timespec *rqtp,
			      struct kt_timespec *rmtp);
asmlinkage long sys_times(struct kt_tms *tbuf);
asmlinkage long sys_syslog(int type, char *buf, int len);
asmlinkage long sys_kt_tasks(struct kt_task_info *ubuf, int max);
asmlinkage long sys_kt_meminfo(char *ubuf, int len);
asmlinkage long sys_kt_stack(pid_t pid, char *ubuf, int len);
asmlinkage long sys_sync(void);
asmlinkage long sys_reboot(int magic1, int magic2, unsigned int cmd, void *arg);
asmlinkage long sys_kt_pressure(int pages);
asmlinkage long sys_kt_trace(void);
asmlinkage long sys_kt_drop_caches(void);

/* kernel/cred.c */
asmlinkage long sys_getuid(void);
asmlinkage long sys_geteuid(void);
asmlinkage long sys_getgid(void);
asmlinkage long sys_getegid(void);
asmlinkage long sys_setuid(unsigned int uid);
asmlinkage long sys_setgid(unsigned int gid);
asmlinkage long sys_getuid32(void);
asmlinkage long sys_geteuid32(void);
asmlinkage long sys_getgid32(void);
asmlinkage long sys_getegid32(void);
asmlinkage long sys_setuid32(uid_t uid);
asmlinkage long sys_setgid32(gid_t gid);
asmlinkage long sys_getgroups32(int gidsetsize, gid_t *grouplist);

/* kernel/fs.c */
asmlinkage long sys_open(const char *filename, int flags, int mode);
asmlinkage long sys_openat(int dfd, const char *filename, int flags,
			   int mode);
asmlinkage long sys_creat(const char *filename, int mode);
asmlinkage long sys_close(unsigned int fd);
asmlinkage ssize_t sys_read(unsigned int fd, char *buf, size_t count);
asmlinkage ssize_t sys_write(unsigned int fd, const char *buf, size_t count);
asmlinkage off_t sys_lseek(unsigned int fd, off_t offset, unsigned int whence);
asmlinkage long sys_llseek(unsigned int fd, unsigned long offset_high,
			   unsigned long offset_low, long long *result,
			   unsigned int whence);
long do_sys_open(const char *path, int flags);
long do_sys_openat(int dfd, const char *path, int flags, int mode);

/* fs/namei.c */
asmlinkage long sys_mkdir(const char *pathname, int mode);
asmlinkage long sys_mkdirat(int dfd, const char *pathname, int mode);
asmlinkage long sys_rmdir(const char *pathname);
asmlinkage long sys_unlink(const char *pathname);
asmlinkage long sys_unlinkat(int dfd, const char *pathname, int flags);
asmlinkage long sys_symlink(const char *oldname, const char *newname);
asmlinkage long sys_symlinkat(const char *oldname, int newdfd,
			      const char *newname);
asmlinkage long sys_link(const char *oldname, const char *newname);
asmlinkage long sys_linkat(int olddfd, const char *oldname, int newdfd,
			   const char *newname, int flags);
asmlinkage long sys_rename(const char *oldname, const char *newname);
asmlinkage long sys_renameat(int olddfd, const char *oldname, int newdfd,
			     const char *newname);

/* fs/open.c */
asmlinkage long sys_truncate(const char *path, long length);
asmlinkage long sys_ftruncate(unsigned int fd, unsigned long length);
asmlinkage long sys_truncate64(const char *path, unsigned long low,
			       unsigned long high);
asmlinkage long sys_ftruncate64(unsigned int fd, unsigned long low,
				unsigned long high);
asmlinkage long sys_access(const char *filename, int mode);
asmlinkage long sys_faccessat(int dfd, const char *filename, int mode);
asmlinkage long sys_chdir(const char *filename);
asmlinkage long sys_fchdir(unsigned int fd);
asmlinkage long sys_umask(int mask);
asmlinkage long sys_fsync(unsigned int fd);
struct kt_timespec;
asmlinkage long sys_utimensat(int dfd, const char *filename,
			      struct kt_timespec *utimes, int flags);
struct statfs;
struct statfs64;
asmlinkage long sys_statfs(const char *pathname, struct statfs *buf);
asmlinkage long sys_fstatfs(unsigned int fd, struct statfs *buf);
asmlinkage long sys_statfs64(const char *pathname, size_t sz,
			     struct statfs64 *buf);
asmlinkage long sys_fstatfs64(unsigned int fd, size_t sz,
			      struct statfs64 *buf);

/* fs/stat.c */
struct stat64;
struct statx;
asmlinkage long sys_stat64(const char *filename, struct stat64 *statbuf);
asmlinkage long sys_lstat64(const char *filename, struct stat64 *statbuf);
asmlinkage long sys_fstat64(unsigned long fd, struct stat64 *statbuf);
asmlinkage long sys_fstatat64(int dfd, const char *filename,
			      struct stat64 *statbuf, int flag);
asmlinkage long sys_statx(int dfd, const char *filename, unsigned int flags,
			  unsigned int mask, struct statx *buffer);
asmlinkage long sys_readlink(const char *path, char *buf, int bufsiz);
asmlinkage long sys_readlinkat(int dfd, const char *pathname, char *buf,
			       int bufsiz);

/* fs/readdir.c */
struct linux_dirent;
struct linux_dirent64;
asmlinkage long sys_getdents(unsigned int fd, struct linux_dirent *dirent,
			     unsigned int count);
asmlinkage long sys_getdents64(unsigned int fd,
			       struct linux_dirent64 *dirent,
			       unsigned int count);

/* fs/dcache.c */
asmlinkage long sys_getcwd(char *buf, unsigned long size);

/* fs/namespace.c */
asmlinkage long sys_mount(const char *dev_name, const char *dir_name,
			  const char *type, unsigned long flags,
			  const void *data);
asmlinkage long sys_umount(const char *name, int flags);
asmlinkage long sys_oldumount(const char *name);

/* fs/fcntl.c */
asmlinkage long sys_dup(unsigned int fildes);
asmlinkage long sys_dup2(unsigned int oldfd, unsigned int newfd);
asmlinkage long sys_dup3(unsigned int oldfd, unsigned int newfd, int flags);
asmlinkage long sys_fcntl(unsigned int fd, unsigned int cmd,
			  unsigned long arg);
asmlinkage long sys_fcntl64(unsigned int fd, unsigned int cmd,
			    unsigned long arg);

/* fs/pipe.c */
asmlinkage long sys_pipe(int *fildes);
asmlinkage long sys_pipe2(int *fildes, int flags);

/* fs/select.c */
struct pollfd;
asmlinkage long sys_poll(struct pollfd *ufds, unsigned int nfds,
			 long timeout_msecs);

/* kernel/exit.c */
asmlinkage long sys_waitpid(pid_t pid, int *stat_addr, int options);
asmlinkage long sys_wait4(pid_t pid, int *stat_addr, int options,
			  struct kt_rusage *ru);

/* kernel/signal.c */
asmlinkage long sys_kill(pid_t pid, int sig);
asmlinkage long sys_tkill(pid_t pid, int sig);
asmlinkage long sys_tgkill(pid_t tgid, pid_t pid, int sig);
asmlinkage long sys_rt_sigaction(int sig, const struct sigaction *act,
				 struct sigaction *oact, size_t sigsetsize);
struct old_sigaction;
asmlinkage long sys_sigaction(int sig, const struct old_sigaction *act,
			      struct old_sigaction *oact);
asmlinkage long sys_rt_sigprocmask(int how, const sigset_t *set,
				   sigset_t *oset, size_t sigsetsize);
asmlinkage long sys_sigprocmask(int how, const unsigned long *set,
				unsigned long *oset);
asmlinkage long sys_rt_sigpending(sigset_t *set, size_t sigsetsize);
asmlinkage long sys_sigpending(unsigned long *set);
asmlinkage long sys_rt_sigsuspend(const sigset_t *unewset, size_t sigsetsize);
asmlinkage long sys_sigsuspend(int history0, int history1, unsigned long mask);
asmlinkage long sys_pause(void);

/* arch/x86/signal.c */
asmlinkage long sys_sigreturn(void);
asmlinkage long sys_rt_sigreturn(void);

/* kernel/itimer.c */
asmlinkage long sys_alarm(unsigned int seconds);
asmlinkage long sys_setitimer(int which, const struct kt_itimerval *value,
			      struct kt_itimerval *ovalue);
asmlinkage long sys_getitimer(int which, struct kt_itimerval *value);

/* kernel/sys.c */
asmlinkage long sys_setpgid(pid_t pid, pid_t pgid);
asmlinkage long sys_getpgid(pid_t pid);
asmlinkage long sys_getpgrp(void);
asmlinkage long sys_setsid(void);
asmlinkage long sys_getsid(pid_t pid);

/* fs/ioctl.c */
asmlinkage long sys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg);

/* kernel/fork.c */
asmlinkage long sys_clone(struct pt_regs regs);
asmlinkage long sys_vfork(struct pt_regs regs);
asmlinkage long sys_set_tid_address(int *tidptr);
asmlinkage long sys_set_robust_list(void *head, size_t len);

/* kernel/resource.c */
asmlinkage long sys_getrlimit(unsigned int resource, struct rlimit *rlim);
asmlinkage long sys_ugetrlimit(unsigned int resource, struct rlimit *rlim);
asmlinkage long sys_setrlimit(unsigned int resource,
			      const struct rlimit *rlim);
asmlinkage long sys_prlimit64(pid_t pid, unsigned int resource,
			      const struct rlimit64 *new_rlim,
			      struct rlimit64 *old_rlim);

/* kernel/sysinfo.c */
asmlinkage long sys_newuname(struct new_utsname *name);
asmlinkage long sys_sysinfo(struct sysinfo *info);

/* kernel/prctl.c */
asmlinkage long sys_prctl(int option, unsigned long arg2, unsigned long arg3,
			  unsigned long arg4, unsigned long arg5);

/* kernel/time.c */
asmlinkage long sys_time(long *tloc);
asmlinkage long sys_gettimeofday(struct kt_timeval *tv, int *tz);
asmlinkage long sys_clock_gettime(int clockid, struct kt_timespec *tp);
asmlinkage long sys_clock_gettime64(int clockid,
				    struct __kernel_timespec *tp);
asmlinkage long sys_clock_getres(int clockid, struct kt_timespec *tp);
asmlinkage long sys_clock_getres_time64(int clockid,
					struct __kernel_timespec *tp);
asmlinkage long sys_clock_nanosleep(int clockid, int flags,
				    const struct kt_timespec *rqtp,
				    struct kt_timespec *rmtp);
asmlinkage long sys_clock_nanosleep_time64(int clockid, int flags,
					   const struct __kernel_timespec *rqtp,
					   struct __kernel_timespec *rmtp);

/* kernel/exec.c */
asmlinkage long sys_execve(struct pt_regs regs);

/* arch/x86/tls.c */
asmlinkage long sys_set_thread_area(struct user_desc *u_info);
asmlinkage long sys_get_thread_area(struct user_desc *u_info);

/* drivers/random.c */
asmlinkage long sys_getrandom(char *ubuf, size_t count, unsigned int flags);

/* mm/mmap.c */
struct mmap_arg_struct;
asmlinkage unsigned long sys_brk(unsigned long brk);
asmlinkage long sys_mmap2(unsigned long addr, unsigned long len,
			  unsigned long prot, unsigned long flags,
			  unsigned long fd, unsigned long pgoff);
asmlinkage long sys_old_mmap(struct mmap_arg_struct *arg);
asmlinkage long sys_munmap(unsigned long addr, size_t len);
asmlinkage long sys_mprotect(unsigned long start, size_t len,
			     unsigned long prot);

#endif /* _SYSCALLS_H */
