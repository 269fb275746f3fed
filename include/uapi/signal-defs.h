/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/uapi/signal-defs.h - the signal interface: signal sets,
 * struct sigaction and its flags, siginfo, and the context a handler
 * finds on its stack (struct sigcontext, struct ucontext).
 *
 * Linux 2.6: include/asm-i386/signal.h (sigset_t, struct sigaction as
 * rt_sigaction takes it, SA_*, SIG_BLOCK ...), asm-generic/siginfo.h,
 * asm-i386/sigcontext.h, asm-i386/ucontext.h; the layouts and values are
 * Linux's i386 ones, so that a C library built for Linux (glibc's
 * sigaction() and its restorers, busybox) works unchanged.  The signal
 * numbers themselves are in kt26.h.  Shared by the kernel
 * (kernel/signal.c, arch/x86/signal.c) and user/ (built with
 * -ffreestanding: this file may include nothing).
 */
#ifndef _UAPI_SIGNAL_DEFS_H
#define _UAPI_SIGNAL_DEFS_H

/*
 * A set of signals 1..64: bit (sig - 1).  Linux's is two unsigned
 * longs; one 64-bit integer has the same bytes on i386 (and, inside a
 * structure, the same 4-byte alignment), and reads more simply.
 */
typedef unsigned long long sigset_t;

typedef void (*__sighandler_t)(int);
typedef void (*__sigrestore_t)(void);

#define SIG_DFL		((__sighandler_t)0)	/* the default action */
#define SIG_IGN		((__sighandler_t)1)	/* ignore the signal */
#define SIG_ERR		((__sighandler_t)-1)	/* signal()'s error value */

/* sa_flags */
#define SA_NOCLDSTOP	0x00000001	/* no SIGCHLD when a child stops */
#define SA_NOCLDWAIT	0x00000002	/* children are not zombies */
#define SA_SIGINFO	0x00000004	/* handler(sig, siginfo *, ucontext *)*/
#define SA_RESTORER	0x04000000	/* sa_restorer is the return address */
#define SA_ONSTACK	0x08000000
#define SA_RESTART	0x10000000	/* restart an interrupted system call */
#define SA_NODEFER	0x40000000	/* not blocked in its own handler */
#define SA_RESETHAND	0x80000000	/* back to SIG_DFL once delivered */

/* sigprocmask()'s how */
#define SIG_BLOCK	0
#define SIG_UNBLOCK	1
#define SIG_SETMASK	2

/* What a signal's handler is told (SA_SIGINFO): 128 bytes, as Linux. */
typedef struct siginfo {
	int si_signo;
	int si_errno;
	int si_code;			/* SI_*, or CLD_* for SIGCHLD */
	union {
		int _pad[29];
		struct {		/* kill(2), tkill */
			int _pid;
			unsigned int _uid;
		} _kill;
		struct {		/* SIGCHLD */
			int _pid;
			unsigned int _uid;
			int _status;	/* exit code or signal */
			long _utime;
			long _stime;
		} _sigchld;
		struct {		/* SIGSEGV, SIGILL, SIGFPE */
			void *_addr;
		} _sigfault;
	} _sifields;
} siginfo_t;

#define si_pid		_sifields._kill._pid
#define si_uid		_sifields._kill._uid
#define si_status	_sifields._sigchld._status
#define si_utime	_sifields._sigchld._utime
#define si_stime	_sifields._sigchld._stime
#define si_addr		_sifields._sigfault._addr

/*
 * rt_sigaction(2) takes and gives this (its last argument:
 * sizeof(sigset_t)).  sa_sigaction is the same pointer, for an
 * SA_SIGINFO handler (C libraries name it so).
 */
struct sigaction {
	union {
		__sighandler_t sa_handler;
		void (*sa_sigaction)(int, siginfo_t *, void *);
	};
	unsigned long sa_flags;
	__sigrestore_t sa_restorer;
	sigset_t sa_mask;		/* blocked too while the handler runs */
};

/* si_code: who sent it */
#define SI_USER		0	/* kill(2) */
#define SI_KERNEL	0x80	/* the kernel */
#define SI_TKILL	(-6)	/* tkill(2), tgkill(2) */

/* si_code of SIGCHLD: what the child did */
#define CLD_EXITED	1
#define CLD_KILLED	2
#define CLD_DUMPED	3
#define CLD_STOPPED	5
#define CLD_CONTINUED	6

/*
 * The registers interrupted by the signal, as the handler's frame holds
 * them (sigreturn(2) puts them back).
 */
struct sigcontext {
	unsigned short gs, __gsh;
	unsigned short fs, __fsh;
	unsigned short es, __esh;
	unsigned short ds, __dsh;
	unsigned long edi;
	unsigned long esi;
	unsigned long ebp;
	unsigned long esp;
	unsigned long ebx;
	unsigned long edx;
	unsigned long ecx;
	unsigned long eax;
	unsigned long trapno;
	unsigned long err;
	unsigned long eip;
	unsigned short cs, __csh;
	unsigned long eflags;
	unsigned long esp_at_signal;
	unsigned short ss, __ssh;
	void *fpstate;			/* NULL: no FPU state is saved */
	unsigned long oldmask;		/* the blocked mask, signals 1..32 */
	unsigned long cr2;
};

typedef struct sigaltstack {
	void *ss_sp;
	int ss_flags;
	unsigned int ss_size;
} stack_t;

/* The third argument of an SA_SIGINFO handler. */
struct ucontext {
	unsigned long uc_flags;
	struct ucontext *uc_link;
	stack_t uc_stack;
	struct sigcontext uc_mcontext;
	sigset_t uc_sigmask;		/* restored by rt_sigreturn */
};

#endif /* _UAPI_SIGNAL_DEFS_H */
