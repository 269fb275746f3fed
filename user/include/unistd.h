/* SPDX-License-Identifier: GPL-2.0 */
/*
 * user/include/unistd.h - the process and file-descriptor system calls.
 *
 * Linux 2.6 + a C library: <unistd.h>.  Every function here is one
 * int $0x80 (user/lib/syscall.c) except sbrk, which keeps the current
 * break so that callers can grow the heap by an increment.
 */
#ifndef _USER_UNISTD_H
#define _USER_UNISTD_H

#include <kt26.h>
#include <sys/types.h>

#define STDIN_FILENO	0
#define STDOUT_FILENO	1
#define STDERR_FILENO	2

/* The environment the program was started with (set by crt0). */
extern char **environ;

ssize_t read(int fd, void *buf, size_t count);
ssize_t write(int fd, const void *buf, size_t count);
int close(int fd);
off_t lseek(int fd, off_t offset, int whence);
int dup(int fd);
int dup2(int oldfd, int newfd);
int dup3(int oldfd, int newfd, int flags);
int pipe(int fds[2]);
int pipe2(int fds[2], int flags);
int chdir(const char *path);
int access(const char *path, int mode);
char *getcwd(char *buf, size_t size);
ssize_t readlink(const char *path, char *buf, size_t size);
pid_t fork(void);
int execve(const char *path, char *const argv[], char *const envp[]);
void _exit(int status) __attribute__((noreturn));
pid_t getpid(void);
pid_t getppid(void);
uid_t getuid(void);
uid_t geteuid(void);
gid_t getgid(void);
gid_t getegid(void);
int setuid(uid_t uid);
int setgid(gid_t gid);
void sync(void);
int sched_yield(void);
int sched_setaffinity(pid_t pid, unsigned int len, const unsigned long *mask);
int sched_getaffinity(pid_t pid, unsigned int len, unsigned long *mask);
int brk(void *addr);
void *sbrk(intptr_t increment);

/* Sessions, process groups, alarms (user/lib/syscall.c, termios.c) */
pid_t setsid(void);
int setpgid(pid_t pid, pid_t pgid);
pid_t getpgid(pid_t pid);
pid_t getpgrp(void);
pid_t getsid(pid_t pid);
unsigned int alarm(unsigned int seconds);
int pause(void);
int isatty(int fd);
pid_t tcgetpgrp(int fd);
int tcsetpgrp(int fd, pid_t pgrp);

/* user/lib/getopt.c: the options of argv */
extern char *optarg;
extern int optind, opterr, optopt;
int getopt(int argc, char *const argv[], const char *optstring);

/* Any call by number: returns what the kernel returned (-E on error). */
long raw_syscall(long nr, long a1, long a2, long a3, long a4, long a5);
long raw_syscall6(long nr, long a1, long a2, long a3, long a4, long a5,
		  long a6);

#endif /* _USER_UNISTD_H */
