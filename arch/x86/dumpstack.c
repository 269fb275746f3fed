// SPDX-License-Identifier: GPL-2.0
/*
 * arch/x86/dumpstack.c - oops output: registers, stack words, backtrace.
 *
 * Linux 2.6: show_registers(), show_trace(), die() in
 * arch/i386/kernel/traps.c.
 * die() is where every fatal exception in kernel mode ends: it prints
 * the exception's name and error code, all registers (with CR2 for page
 * faults), the words at the top of the stack and the chain of return
 * addresses, then panics.  The output follows Linux 2.6's layout, so a
 * reader who knows one can read the other.  die_at_frame() prints the
 * same for the checks written in C, which have no exception frame:
 * BUG_ON() (kernel/panic.c), the spinlock checks (lib/spinlock_debug.c),
 * the end-of-stack check of schedule() (sched/core.c).
 */
#include <asm/irqflags.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/segment.h>
#include <kernel.h>
#include <percpu.h>
#include <sched.h>
#include <spinlock.h>
#include <stacktrace.h>
#include <stdarg.h>

#define STACK_WORDS_SHOWN 24

/*
 * A frame lies above thread_info and the end-of-stack word (include/
 * sched.h: end_of_stack()): a frame there would have overwritten it.
 */
static bool frame_ok(struct thread_info *ti, unsigned long fp)
{
	unsigned long low = (unsigned long)(ti + 1) + sizeof(long);
	unsigned long high = (unsigned long)ti + THREAD_SIZE;

	return !(fp & 3) && fp >= low && fp + 2 * sizeof(long) <= high;
}

/**
 * walk_stack - follow a frame-pointer chain inside one kernel stack
 * @ti: thread_info at the bottom of the stack the frames must lie in
 * @ebp: first frame pointer
 * @fn: called with each return address, innermost first
 * @data: passed to @fn
 *
 * Context: any; reads only inside @ti's stack, never faults.
 * Return: the number of return addresses found.
 */
int walk_stack(struct thread_info *ti, unsigned long ebp, stack_fn_t fn,
	       void *data)
{
	int depth = 0;

	while (depth < STACKTRACE_MAX_DEPTH && frame_ok(ti, ebp)) {
		unsigned long *frame = (unsigned long *)ebp;
		unsigned long next = frame[0];

		if (!frame[1])
			break;		/* the fake 0 that ends a thread's stack */
		fn(data, frame[1]);
		depth++;
		/* Frames move up the stack; anything else is corruption. */
		if (next <= ebp)
			break;
		ebp = next;
	}
	return depth;
}

static void print_trace_entry(void *data, unsigned long addr)
{
	printk(KERN_EMERG " [<%08lx>] %pB\n", addr, (void *)addr);
}

/**
 * show_trace - print the return addresses of a stack
 * @ti: the stack's thread_info
 * @ebp: frame to start from
 *
 * Context: any.
 */
void show_trace(struct thread_info *ti, unsigned long ebp)
{
	printk(KERN_EMERG "Call Trace:\n");
	walk_stack(ti, ebp, print_trace_entry, NULL);
}

/**
 * dump_stack - print a backtrace of the caller
 *
 * Context: any.
 */
void dump_stack(void)
{
	unsigned long ebp;

	__asm__ __volatile__("movl %%ebp, %0" : "=r"(ebp));
	show_trace(current_thread_info(), ebp);
}

struct stack_buf {
	char *buf;
	int len, n;
};

static void sprint_entry(void *data, unsigned long addr)
{
	struct stack_buf *sb = data;

	sb->n += scnprintf(sb->buf + sb->n, sb->len - sb->n, "[<%08lx>] %pB\n",
			   addr, (void *)addr);
}

/**
 * sprint_task_stack - a task's kernel stack as text, like /proc/PID/stack
 * @p: the task
 * @buf: where to write
 * @len: its size
 *
 * A task that is not running was stopped by switch_to: its saved
 * thread.eip says where it resumes (in switch_to, or ret_from_fork if it
 * never ran) and the ebp switch_to saved (at thread.esp + 12) starts the
 * frame chain.  For the current task the walk starts here.  Only kernel
 * functions appear: a kernel thread's stack ends at kernel_thread_helper,
 * a process's at the entry from user mode.  A task running on another
 * CPU has no saved place to start from, and its stack changes while it
 * would be read: it is only named.
 * Context: any; the caller keeps @p from being freed.
 * Return: the bytes written.
 */
int sprint_task_stack(struct task_struct *p, char *buf, int len)
{
	struct stack_buf sb = { buf, len, 0 };
	unsigned long ebp;

	if (len > 0)
		buf[0] = '\0';
	if (p == current) {
		__asm__ __volatile__("movl %%ebp, %0" : "=r"(ebp));
	} else if (task_curr(p)) {
		return scnprintf(buf, len, "(running on CPU %u)\n",
				 task_cpu(p));
	} else {
		/* Where it resumes, not a return address: %pS. */
		sb.n += scnprintf(buf, len, "[<%08lx>] %pS\n", p->thread.eip,
				  (void *)p->thread.eip);
		/* A task that never ran has no frames yet. */
		if (p->thread.eip != (unsigned long)thread_return)
			return sb.n;
		ebp = *(unsigned long *)(p->thread.esp + 12);
	}
	walk_stack(task_thread_info(p), ebp, sprint_entry, &sb);
	return sb.n;
}

struct wchan_walk {
	unsigned long wchan;
};

static void wchan_entry(void *data, unsigned long addr)
{
	struct wchan_walk *w = data;

	if (!w->wchan && !in_sched_functions(addr))
		w->wchan = addr;
}

/**
 * get_wchan - where a sleeping task waits: its "wait channel"
 * @p: the task
 *
 * The first return address of its stack outside schedule() and its
 * __sched wrappers (schedule_timeout(), wait_for_completion(), ...): the
 * function that decided to sleep, as ps's WCHAN column and
 * /proc/PID/wchan name it.  Linux 2.6: get_wchan() in
 * arch/i386/kernel/process.c.
 * Context: any; the caller keeps @p from being freed.
 * Return: the address, or 0 for a task that is running (its stack
 * changes under the walk) or has never run.
 */
unsigned long get_wchan(struct task_struct *p)
{
	struct wchan_walk w = { 0 };
	unsigned long ebp;

	if (p == current || READ_ONCE(p->state) == TASK_RUNNING ||
	    task_curr(p) || p->thread.eip != (unsigned long)thread_return)
		return 0;
	ebp = *(unsigned long *)(p->thread.esp + 12);
	walk_stack(task_thread_info(p), ebp, wchan_entry, &w);
	return w.wchan;
}

/**
 * show_task_stack - print a task's kernel stack
 * @p: the task
 *
 * Context: any.
 */
void show_task_stack(struct task_struct *p)
{
	static char buf[2048];
	static DEFINE_SPINLOCK(buf_lock);
	unsigned long flags;

	spin_lock_irqsave(&buf_lock, flags);
	sprint_task_stack(p, buf, sizeof(buf));
	printk(KERN_INFO "%s (pid %d), state %c:\n", p->comm, p->pid,
	       task_state_char(p));
	printk_lines(KERN_INFO, " ", buf);
	spin_unlock_irqrestore(&buf_lock, flags);
}

static void show_stack_words(struct thread_info *ti, unsigned long *esp)
{
	unsigned long *top = (unsigned long *)((char *)ti + THREAD_SIZE);

	printk(KERN_EMERG "Stack:");
	for (int i = 0; i < STACK_WORDS_SHOWN && esp < top; i++, esp++) {
		if (i && i % 8 == 0)
			printk("\n      ");
		printk(" %08lx", *esp);
	}
	printk("\n");
}

static void show_context(struct pt_regs *regs, unsigned long esp, int ss)
{
	struct thread_info *ti = current_thread_info();
	struct task_struct *tsk = ti->task;

	printk(KERN_EMERG "EIP:    %04x:[<%08lx>]    EFLAGS: %08lx\n",
	       regs->xcs & 0xFFFF, regs->eip, regs->eflags);
	printk(KERN_EMERG "EIP is at %pS\n", (void *)regs->eip);
	printk(KERN_EMERG "eax: %08lx   ebx: %08lx   ecx: %08lx   edx: %08lx\n",
	       regs->eax, regs->ebx, regs->ecx, regs->edx);
	printk(KERN_EMERG "esi: %08lx   edi: %08lx   ebp: %08lx   esp: %08lx\n",
	       regs->esi, regs->edi, regs->ebp, esp);
	printk(KERN_EMERG "ds: %04x   es: %04x   ss: %04x\n",
	       regs->xds & 0xFFFF, regs->xes & 0xFFFF, ss);
	printk(KERN_EMERG "CR0: %08lx   CR2: %08lx   CR3: %08lx   CR4: %08lx\n",
	       read_cr0(), read_cr2(), read_cr3(), read_cr4());
	printk(KERN_EMERG "Process %s (pid: %d, threadinfo=%p task=%p)\n",
	       tsk ? tsk->comm : "?", tsk ? tsk->pid : -1, ti, tsk);
	if (!user_mode(regs)) {
		show_stack_words(ti, (unsigned long *)esp);
		printk(KERN_EMERG "Call Trace:\n");
		printk(KERN_EMERG " [<%08lx>] %pS\n", regs->eip,
		       (void *)regs->eip);
		walk_stack(ti, regs->ebp, print_trace_entry, NULL);
	}
}

/**
 * show_regs - print the registers of an interrupted context
 * @regs: saved by the entry code
 *
 * Context: any.
 */
void show_regs(struct pt_regs *regs)
{
	/* From kernel mode the CPU pushed no esp/ss: the stack went on. */
	if (user_mode(regs))
		show_context(regs, regs->esp, regs->xss & 0xFFFF);
	else
		show_context(regs, (unsigned long)&regs->esp, __KERNEL_DS);
}

/*
 * The CPU whose oops is being printed, -1 while none is.  Not a
 * spinlock: its checks would report the nested oops this must let
 * through, and nobody ever releases it (every oops ends in panic()).
 */
static int die_owner_cpu = -1;

/**
 * oops_begin - the start of every oops: nothing may interrupt or hide it
 *
 * Interrupts off, printk() no longer waits for its lock (the oops may
 * come from inside printk), every level reaches the console.  One CPU
 * prints at a time (Linux 2.6: die.lock): a second CPU that oopses waits
 * here for good, since the first ends in panic(), so two oopses never mix
 * their lines; an oops inside this CPU's own oops goes on.
 * Context: any.
 */
void oops_begin(void)
{
	int cpu;

	local_irq_disable();
	cpu = raw_smp_processor_id();
	if (READ_ONCE(die_owner_cpu) != cpu) {
		int none = -1;

		while (!__atomic_compare_exchange_n(&die_owner_cpu, &none, cpu,
						    false, __ATOMIC_ACQUIRE,
						    __ATOMIC_RELAXED)) {
			none = -1;
			cpu_relax();
		}
	}
	oops_in_progress = 1;
	console_loglevel = DEFAULT_CONSOLE_LOGLEVEL;
}

/**
 * die - report a fatal kernel-mode exception and panic
 * @str: the exception's name ("Oops" for page faults)
 * @regs: the faulting context
 * @err: the CPU's error code (0 if it pushes none)
 *
 * Context: exception handler.
 */
void die(const char *str, struct pt_regs *regs, long err)
{
	static int die_counter;

	oops_begin();
	printk(KERN_EMERG "%s: %04lx [#%d]\n", str, err & 0xFFFF,
	       ++die_counter);
	show_regs(regs);
	panic("Fatal exception");
}

/**
 * die_at_frame - the oops of a broken invariant that a check found in C
 * @frame: the frame pointer (ebp) of the function that found it
 * @fmt: the panic message, printf-style
 *
 * A check in C (BUG_ON(), a misused spinlock, a stack that ran over its
 * end) has no exception frame to show, so one is made from @frame: eip
 * is its return address, ebp and esp are its caller's, so "EIP is at"
 * names the line that called the check and the stack words and the Call
 * Trace start there, in the same layout as die().  eax to edi are as
 * they were on entry here, which is all that is left of them.  The
 * caller has called oops_begin() and printed its one-line report
 * ("BUG: ...").  Then panic() with @fmt.
 * Context: any.
 */
void die_at_frame(unsigned long frame, const char *fmt, ...)
{
	static char buf[256];
	unsigned long *fp = (unsigned long *)frame;
	struct pt_regs regs;
	unsigned long ds, es;
	va_list args;

	__asm__ __volatile__("" : "=a"(regs.eax), "=b"(regs.ebx),
			     "=c"(regs.ecx), "=d"(regs.edx), "=S"(regs.esi),
			     "=D"(regs.edi));
	__asm__ __volatile__("movl %%ds, %0; movl %%es, %1"
			     : "=r"(ds), "=r"(es));
	oops_begin();
	regs.ebp = fp[0];
	regs.eip = fp[1];
	regs.xds = ds;
	regs.xes = es;
	regs.orig_eax = -1;
	regs.xcs = __KERNEL_CS;
	regs.eflags = native_save_fl();
	show_context(&regs, (unsigned long)(fp + 2), __KERNEL_DS);

	va_start(args, fmt);
	vsnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	panic("%s", buf);
}
