// SPDX-License-Identifier: GPL-2.0
/*
 * arch/x86/signal.c - delivering a signal to a user handler: the frame
 * on the user stack, the return through sigreturn(2), and the restart of
 * an interrupted system call.
 *
 * Linux 2.6: arch/i386/kernel/signal.c.  Understanding the Linux Kernel,
 * 3rd ed., chapter 11, sections "Catching the Signal" (setup_frame(),
 * "Evaluating the signal handler", "Terminating the signal handler") and
 * "Reexecution of System Calls".
 *
 * On every return to user mode with TIF_SIGPENDING, resume_userspace
 * (arch/x86/entry.asm) calls do_notify_resume().  get_signal_to_deliver()
 * (kernel/signal.c) carries out the default actions; for a signal with a
 * handler, handle_signal() writes a frame below the user's stack pointer
 * and rewrites the saved registers so that the iret lands in the handler:
 *
 *	esp ->	return address: sa_restorer (SA_RESTORER, what C libraries
 *		give), else the retcode at the frame's end
 *		the signal number
 *		SA_SIGINFO: &info, &uc, siginfo, ucontext (registers, mask)
 *		otherwise:  struct sigcontext (registers, mask of 1..32),
 *			    the mask of 33..64
 *		retcode: the instructions of sigreturn / rt_sigreturn
 *
 * The layouts are Linux's i386 ones (struct sigframe, struct rt_sigframe)
 * less the FPU state (this kernel keeps none: sc.fpstate is NULL), so
 * glibc's restorers, busybox and GDB's frame unwinder recognise them.
 * When the handler returns into the restorer, sigreturn (119) or
 * rt_sigreturn (173) reads the frame back: the registers and the blocked
 * mask of before the signal, so the interrupted code goes on unaware.
 *
 * A system call that a signal interrupted returned -ERESTARTSYS,
 * -ERESTARTNOINTR or -ERESTARTNOHAND.  Before the handler's frame is
 * built, handle_signal() decides: -ERESTARTSYS with SA_RESTART, and
 * -ERESTARTNOINTR, restart -- eax gets the call number back (orig_eax)
 * and eip goes back over the two bytes of int $0x80, so after the
 * handler the call is made again; otherwise the call returns -EINTR.
 * With no handler (the signal was ignored, or stopped the process and
 * it was continued) the call always restarts.  That is how a read() on
 * the terminal survives ^Z and fg, and returns -EINTR to a SIGINT
 * handler installed without SA_RESTART.
 */
#include <asm/ptrace.h>
#include <asm/segment.h>
#include <asm/uaccess.h>
#include <errno.h>
#include <kernel.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <syscalls.h>

#define X86_EFLAGS_CF	0x00000001
#define X86_EFLAGS_PF	0x00000004
#define X86_EFLAGS_AF	0x00000010
#define X86_EFLAGS_ZF	0x00000040
#define X86_EFLAGS_SF	0x00000080
#define X86_EFLAGS_TF	0x00000100
#define X86_EFLAGS_DF	0x00000400
#define X86_EFLAGS_OF	0x00000800
#define X86_EFLAGS_RF	0x00010000
#define X86_EFLAGS_AC	0x00040000

/* The flags a frame may set on sigreturn: arithmetic ones, not IF or IOPL. */
#define FIX_EFLAGS	(X86_EFLAGS_AC | X86_EFLAGS_OF | X86_EFLAGS_DF | \
			 X86_EFLAGS_TF | X86_EFLAGS_SF | X86_EFLAGS_ZF | \
			 X86_EFLAGS_AF | X86_EFLAGS_PF | X86_EFLAGS_CF | \
			 X86_EFLAGS_RF)

#define INT80_LEN	2	/* bytes of int $0x80: cd 80 */

struct sigframe {
	u32 pretcode;
	int sig;
	struct sigcontext sc;
	unsigned long extramask;	/* the blocked signals 33..64 */
	char retcode[8];
};

struct rt_sigframe {
	u32 pretcode;
	int sig;
	u32 pinfo;
	u32 puc;
	siginfo_t info;
	struct ucontext uc;
	char retcode[8];
};

_Static_assert(sizeof(struct sigcontext) == 88, "Linux's i386 sigcontext");
_Static_assert(sizeof(siginfo_t) == 128, "Linux's siginfo");
_Static_assert(sizeof(struct sigaction) == 20, "Linux's i386 sigaction");
_Static_assert(__builtin_offsetof(struct ucontext, uc_sigmask) == 108,
	       "Linux's i386 ucontext");

static unsigned short read_segment(int which)
{
	unsigned short sel;

	if (which)
		asm volatile("mov %%gs, %0" : "=rm"(sel));
	else
		asm volatile("mov %%fs, %0" : "=rm"(sel));
	return sel;
}

static void setup_sigcontext(struct sigcontext *sc, const struct pt_regs *regs,
			     sigset_t mask)
{
	memset(sc, 0, sizeof(*sc));
	sc->gs = read_segment(1);
	sc->fs = read_segment(0);
	sc->es = regs->xes;
	sc->ds = regs->xds;
	sc->edi = regs->edi;
	sc->esi = regs->esi;
	sc->ebp = regs->ebp;
	sc->esp = regs->esp;
	sc->ebx = regs->ebx;
	sc->edx = regs->edx;
	sc->ecx = regs->ecx;
	sc->eax = regs->eax;
	sc->eip = regs->eip;
	sc->cs = regs->xcs;
	sc->eflags = regs->eflags;
	sc->esp_at_signal = regs->esp;
	sc->ss = regs->xss;
	sc->fpstate = NULL;
	sc->oldmask = (unsigned long)mask;
}

/*
 * The registers back from a frame.  The segment registers are not taken
 * from it: user mode has only the flat user segments to choose from (and
 * %fs/%gs, left as they are), and a bad selector would fault in the
 * kernel's iret.  orig_eax = -1: sigreturn is no system call to restart.
 */
static void restore_sigcontext(struct pt_regs *regs,
			       const struct sigcontext *sc)
{
	regs->edi = sc->edi;
	regs->esi = sc->esi;
	regs->ebp = sc->ebp;
	regs->esp = sc->esp;
	regs->ebx = sc->ebx;
	regs->edx = sc->edx;
	regs->ecx = sc->ecx;
	regs->eax = sc->eax;
	regs->eip = sc->eip;
	regs->eflags = (regs->eflags & ~FIX_EFLAGS) | (sc->eflags & FIX_EFLAGS);
	regs->xcs = __USER_CS;
	regs->xss = regs->xds = regs->xes = __USER_DS;
	regs->orig_eax = -1;
}

/*
 * Where a frame of @size bytes goes: below the interrupted stack, placed
 * so that the handler starts as if called (esp + 4 a multiple of 16, as
 * the i386 psABI wants at a function's entry).
 */
static unsigned long get_sigframe(const struct pt_regs *regs, size_t size)
{
	return ((regs->esp - size + 4) & -16UL) - 4;
}

/* Point the saved registers at the handler, @frame its stack. */
static void enter_handler(struct pt_regs *regs, const struct k_sigaction *ka,
			  unsigned long frame)
{
	regs->esp = frame;
	regs->eip = (unsigned long)ka->handler;
	regs->xcs = __USER_CS;
	regs->xss = regs->xds = regs->xes = __USER_DS;
	/* The handler starts with the direction flag clear, untraced. */
	regs->eflags &= ~(X86_EFLAGS_TF | X86_EFLAGS_DF);
}

static int setup_frame(int sig, const struct k_sigaction *ka, sigset_t oldset,
		       struct pt_regs *regs)
{
	unsigned long addr = get_sigframe(regs, sizeof(struct sigframe));
	struct sigframe *frame = (struct sigframe *)addr;
	struct sigframe kf;
	/* popl %eax; movl $__NR_sigreturn, %eax; int $0x80 */
	static const unsigned char retcode[8] = {
		0x58, 0xb8, __NR_sigreturn, 0, 0, 0, 0xcd, 0x80,
	};

	memset(&kf, 0, sizeof(kf));
	kf.sig = sig;
	setup_sigcontext(&kf.sc, regs, oldset);
	kf.extramask = oldset >> 32;
	memcpy(kf.retcode, retcode, sizeof(retcode));
	kf.pretcode = (ka->flags & SA_RESTORER) ?
		      (u32)ka->restorer : (u32)frame->retcode;
	if (copy_to_user(frame, &kf, sizeof(kf)))
		return -EFAULT;
	enter_handler(regs, ka, addr);
	/* The handler's argument in eax too (gcc's regparm). */
	regs->eax = sig;
	regs->edx = regs->ecx = 0;
	return 0;
}

static int setup_rt_frame(int sig, const struct k_sigaction *ka,
			  const struct ksiginfo *info, sigset_t oldset,
			  struct pt_regs *regs)
{
	unsigned long addr = get_sigframe(regs, sizeof(struct rt_sigframe));
	struct rt_sigframe *frame = (struct rt_sigframe *)addr;
	struct rt_sigframe kframe, *kf = &kframe;
	/* movl $__NR_rt_sigreturn, %eax; int $0x80 */
	static const unsigned char retcode[8] = {
		0xb8, __NR_rt_sigreturn, 0, 0, 0, 0xcd, 0x80, 0,
	};

	/* About 370 bytes on a stack that holds little else at this point. */
	memset(kf, 0, sizeof(*kf));
	kf->sig = sig;
	kf->pinfo = (u32)&frame->info;
	kf->puc = (u32)&frame->uc;
	kf->info.si_signo = sig;
	kf->info.si_code = info->code;
	kf->info.si_pid = info->pid;
	kf->info.si_uid = info->uid;
	if (sig == SIGCHLD)
		kf->info.si_status = info->status;
	setup_sigcontext(&kf->uc.uc_mcontext, regs, oldset);
	kf->uc.uc_sigmask = oldset;
	kf->uc.uc_stack.ss_flags = 2;	/* SS_DISABLE: no sigaltstack */
	memcpy(kf->retcode, retcode, sizeof(retcode));
	kf->pretcode = (ka->flags & SA_RESTORER) ?
		       (u32)ka->restorer : (u32)frame->retcode;
	if (copy_to_user(frame, kf, sizeof(*kf)))
		return -EFAULT;
	enter_handler(regs, ka, addr);
	/* handler(sig, &info, &uc), also in eax, edx, ecx for regparm(3) */
	regs->eax = sig;
	regs->edx = (unsigned long)&frame->info;
	regs->ecx = (unsigned long)&frame->uc;
	return 0;
}

/*
 * A system call interrupted by a signal with a handler: restart it or
 * make it fail with -EINTR (see the top of this file).
 */
static void handler_restart(struct pt_regs *regs, const struct k_sigaction *ka)
{
	if (regs->orig_eax < 0)		/* not in a system call */
		return;
	switch (regs->eax) {
	case -ERESTARTNOHAND:
		regs->eax = -EINTR;
		break;
	case -ERESTARTSYS:
		if (!(ka->flags & SA_RESTART)) {
			regs->eax = -EINTR;
			break;
		}
		/* fall through */
	case -ERESTARTNOINTR:
		regs->eax = regs->orig_eax;
		regs->eip -= INT80_LEN;
		break;
	}
}

static void handle_signal(int sig, const struct ksiginfo *info,
			  const struct k_sigaction *ka, struct pt_regs *regs)
{
	sigset_t oldset = current->restore_sigmask ? current->saved_sigmask
						   : current->blocked;
	sigset_t blocked;
	int err;

	handler_restart(regs, ka);
	if (ka->flags & SA_SIGINFO)
		err = setup_rt_frame(sig, ka, info, oldset, regs);
	else
		err = setup_frame(sig, ka, oldset, regs);
	current->restore_sigmask = false;
	if (err) {
		set_current_blocked(oldset);
		force_sigsegv(sig, current);
		return;
	}
	/* While the handler runs: its mask, and the signal itself. */
	blocked = current->blocked | ka->mask;
	if (!(ka->flags & SA_NODEFER))
		blocked |= sigmask(sig);
	set_current_blocked(blocked);
}

static void do_signal(struct pt_regs *regs)
{
	struct k_sigaction ka;
	struct ksiginfo info;
	int sig;

	sig = get_signal_to_deliver(&info, &ka);
	if (sig > 0) {
		handle_signal(sig, &info, &ka, regs);
		return;
	}
	/* No handler ran: an interrupted call starts again. */
	if (regs->orig_eax >= 0 &&
	    (regs->eax == -ERESTARTNOHAND || regs->eax == -ERESTARTSYS ||
	     regs->eax == -ERESTARTNOINTR)) {
		regs->eax = regs->orig_eax;
		regs->eip -= INT80_LEN;
	}
	if (current->restore_sigmask) {
		current->restore_sigmask = false;
		set_current_blocked(current->saved_sigmask);
	}
}

/**
 * do_notify_resume - act on pending signals before returning to user mode
 * @regs: the user registers about to be restored
 *
 * Called by resume_userspace (arch/x86/entry.asm) while TIF_SIGPENDING is
 * set; each call delivers one signal with a handler (one frame), so a
 * second pending signal gets its frame above the first on the next call.
 * Context: process, interrupts on.
 */
asmlinkage void do_notify_resume(struct pt_regs *regs)
{
	if (test_ti_thread_flag(current_thread_info(), TIF_SIGPENDING))
		do_signal(regs);
}

/*
 * The end of a handler: the frame sits just above the stack pointer
 * (the handler's return popped pretcode; the non-rt restorer popped the
 * signal number too).  A frame that cannot be read, or a stack pointer
 * that is no frame at all, costs the process a SIGSEGV.
 */
asmlinkage long sys_sigreturn(void)
{
	struct pt_regs *regs = task_pt_regs(current);
	struct sigframe *frame = (struct sigframe *)(regs->esp - 8);
	struct sigcontext sc;
	unsigned long extramask;

	if (copy_from_user(&sc, &frame->sc, sizeof(sc)) ||
	    copy_from_user(&extramask, &frame->extramask, sizeof(extramask))) {
		force_sig(SIGSEGV, current);
		return 0;
	}
	set_current_blocked(sc.oldmask | ((sigset_t)extramask << 32));
	restore_sigcontext(regs, &sc);
	return regs->eax;
}

asmlinkage long sys_rt_sigreturn(void)
{
	struct pt_regs *regs = task_pt_regs(current);
	struct rt_sigframe *frame = (struct rt_sigframe *)(regs->esp - 4);
	struct sigcontext sc;
	sigset_t set;

	if (copy_from_user(&sc, &frame->uc.uc_mcontext, sizeof(sc)) ||
	    copy_from_user(&set, &frame->uc.uc_sigmask, sizeof(set))) {
		force_sig(SIGSEGV, current);
		return 0;
	}
	set_current_blocked(set);
	restore_sigcontext(regs, &sc);
	return regs->eax;
}
