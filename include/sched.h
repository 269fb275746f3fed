/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/sched.h - the task: struct task_struct, its states, and the
 * scheduler's interface.
 *
 * Linux 2.6: include/linux/sched.h.
 * Every thread of execution, kernel thread or process, is a task_struct.
 * Its kernel stack and low-level flags are a separate 8 KiB thread_union
 * (arch/x86/include/asm/thread_info.h) that points back at it; `current`
 * is found from the stack pointer.  Process 0 (init_task) is static; every
 * other task comes from do_fork() (kernel/fork.c).
 */
#ifndef _SCHED_H
#define _SCHED_H

#include <asm/desc.h>
#include <asm/i387.h>
#include <asm/ptrace.h>
#include <asm/thread_info.h>
#include <atomic.h>
#include <compiler.h>
#include <cpumask.h>
#include <list.h>
#include <preempt.h>
#include <spinlock.h>
#include <types.h>
#include <uapi/signal-defs.h>
#include <uapi/kt26.h>

struct mm_struct;
struct fs_struct;
struct files_struct;
struct sighand_struct;
struct signal_struct;
struct prio_array;
struct completion;

/* task->state: what the task is doing (ps's S column). */
#define TASK_RUNNING		0	/* running or on a run queue */
#define TASK_INTERRUPTIBLE	1	/* sleeping; a signal wakes it */
#define TASK_UNINTERRUPTIBLE	2	/* sleeping; only its event wakes it */
#define TASK_STOPPED		4
#define TASK_DEAD		64	/* its last schedule(), in do_exit() */
#define TASK_NORMAL		(TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)

/* task->exit_state */
#define EXIT_ZOMBIE		16	/* exited, waiting for its parent */
#define EXIT_DEAD		32	/* reaped */

/* task->flags */
#define PF_EXITING	0x00000004	/* getting shut down */
#define PF_FORKNOEXEC	0x00000040	/* forked but didn't exec */
#define PF_MEMALLOC	0x00000800	/* reclaiming: may use the reserves */
#define PF_FLUSHER	0x00001000	/* a writeback thread (pdflush) */
#define PF_KSWAPD	0x00040000	/* kswapd */
#define PF_KTHREAD	0x00200000	/* a kernel thread */

/* The clone flags of do_fork() */
#define CSIGNAL		0x000000ff	/* signal sent to the parent at exit */
#define CLONE_VM	0x00000100	/* share the address space */
#define CLONE_FS	0x00000200	/* share umask and directories */
#define CLONE_FILES	0x00000400	/* share the open file table */
#define CLONE_SIGHAND	0x00000800	/* share signal handlers */
#define CLONE_UNTRACED	0x00800000	/* no tracer may force CLONE_PTRACE */
#define CLONE_KERNEL	(CLONE_FS | CLONE_FILES | CLONE_SIGHAND)

/* Priorities: 0..99 real time, 100..139 normal (120 + nice), 140 idle. */
#define MAX_RT_PRIO		100
#define MAX_PRIO		(MAX_RT_PRIO + 40)
#define NICE_TO_PRIO(nice)	(MAX_RT_PRIO + (nice) + 20)
#define PRIO_TO_NICE(prio)	((prio) - MAX_RT_PRIO - 20)
#define TASK_NICE(p)		PRIO_TO_NICE((p)->static_prio)

/* Scheduling policies: the real-time ones run before every normal task. */
#define SCHED_NORMAL	0	/* time slices by nice value */
#define SCHED_FIFO	1	/* real time, runs until it sleeps or yields */
#define SCHED_RR	2	/* real time, round robin among equals */
#define rt_task(p)	((p)->prio < MAX_RT_PRIO)

#define TASK_COMM_LEN	16

/*
 * What switch_to() (arch/x86/switch_to.asm) saves.  Mirrored in
 * arch/x86/asm-offsets.inc (TASK_THREAD_*).  The TLS segments and %gs
 * are __switch_to()'s (arch/x86/process.c, arch/x86/tls.c).
 */
struct thread_struct {
	unsigned long esp0;	/* top of the kernel stack: TSS.esp0 */
	unsigned long eip;	/* where the task resumes */
	unsigned long esp;	/* its kernel stack pointer while switched out */
	/* GDT entries 6-8 while it runs: set_thread_area(2) */
	struct desc_struct tls_array[GDT_ENTRY_TLS_ENTRIES];
	unsigned long gs;	/* its user %gs while switched out */
	/* The FPU/SSE registers, switched lazily (arch/x86/i387.c): */
	unsigned long status;	/* TS_USEDFPU: the FPU holds them now */
	bool used_math;		/* it has used them since its execve */
	union i387_union i387;	/* saved here while it does not hold them */
};

struct task_struct {
	volatile long state;		/* TASK_*: -1 unrunnable, 0 runnable */
	struct thread_info *thread_info; /* its stack */
	atomic_t usage;			/* references; freed at 0 */
	unsigned long flags;		/* PF_* */
	/* First, at a fixed offset: switch_to.asm uses it (asm-offsets.inc). */
	struct thread_struct thread;	/* CPU state saved by switch_to */

	/* The scheduler's (rq->lock): */
	int prio, static_prio;		/* effective priority, 120 + nice */
	unsigned int policy;		/* SCHED_NORMAL, SCHED_FIFO, SCHED_RR */
	unsigned int rt_priority;	/* 1..99 for the real-time policies */
	struct list_head run_list;	/* on a priority array's queue */
	struct prio_array *array;	/* the array it is queued on, or NULL */
	unsigned int time_slice;	/* ticks left in this slice */
	unsigned long sleep_avg;	/* ticks of recent sleep: the bonus */
	unsigned long timestamp;	/* jiffies when it last left a CPU */
	cpumask_t cpus_allowed;		/* CPUs it may run on; fork copies it */

	/* All tasks and the family (tasklist_lock): */
	struct list_head tasks;		/* on init_task.tasks */
	pid_t pid;
	pid_t tgid;
	struct task_struct *parent;	/* who gets told when it exits */
	struct list_head children;	/* its children */
	struct list_head sibling;	/* in the parent's children */
	int exit_state;			/* EXIT_ZOMBIE, EXIT_DEAD */
	long exit_code;			/* do_exit()'s argument */
	int exit_signal;		/* sent to the parent at exit; 0: none */
	unsigned long clone_flags;	/* how it was created (CLONE_*) */

	/* Memory: mm is its own address space (NULL for a kernel thread);
	 * active_mm is the one the CPU uses while it runs (borrowed by a
	 * kernel thread from the task before it). */
	struct mm_struct *mm, *active_mm;

	/* Accounting, in ticks and switches: */
	unsigned long utime, stime;	/* user and system ticks */
	unsigned long nvcsw, nivcsw;	/* voluntary, involuntary switches */
	unsigned long start_time;	/* jiffies at fork */
	/* khungtaskd's (kernel/hung_task.c): the switch count at its last
	 * walk, and whether this hang was reported. */
	unsigned long last_switch_count;
	bool hung_task_reported;

	char comm[TASK_COMM_LEN];	/* name, without the path */

	struct fs_struct *fs;		/* umask */
	struct files_struct *files;	/* open files; NULL for kthreads */
	struct signal_struct *signal;	/* shared by a thread group */
	struct sighand_struct *sighand;	/* signal handlers */

	/* Signals (sighand->siglock; kernel/signal.c, arch/x86/signal.c): */
	sigset_t pending;		/* pending: bit sig - 1 */
	sigset_t blocked;		/* blocked: not delivered while set */
	sigset_t saved_sigmask;		/* sigsuspend()'s mask to put back */
	bool restore_sigmask;		/* ... on the way to user mode */

	/* Completed at exit: kthread_stop() waits on it (kernel/kthread.c). */
	struct completion *vfork_done;

	/* Fault injection's task filter (include/gfp.h); copied by fork. */
	int make_it_fail;

	/*
	 * Linux's thread-id ABI (kernel/fork.c): where clone() with
	 * CLONE_CHILD_SETTID writes the child's pid, and where exit or exec
	 * writes 0 (CLONE_CHILD_CLEARTID, set_tid_address()); the robust
	 * futex list set_robust_list() names (kept, never walked: there
	 * are no futexes).  User addresses in the task's own mm.
	 */
	int *set_child_tid;
	int *clear_child_tid;
	void *robust_list;
	/* Resource limits (kernel/resource.c), copied by fork. */
	struct rlimit rlim[RLIM_NLIMITS];
	/* kernel/ni_syscall.c has nothing more to log for its program. */
	bool ni_syscall_quiet;
	/* The journal handle this task is inside (fs/jbd2/transaction.c):
	 * a nested jbd2_journal_start() joins it. */
	void *journal_info;

	/* Credentials (kernel/cred.c), copied by fork; 0 is root. */
	uid_t uid, euid;		/* real and effective user id */
	gid_t gid, egid;		/* real and effective group id */

	/*
	 * task_lock(): mm and comm change under it (exit_mm(), exec,
	 * set_task_comm()), so that a reader of another task (/proc,
	 * get_task_mm()) sees a live mm or none, and a whole name.
	 */
	spinlock_t alloc_lock;
};

/* arch/x86/init_task.c: process 0, statically built */
extern struct task_struct init_task;

#define current (current_thread_info()->task)

#define task_thread_info(p)	((p)->thread_info)
#define task_cpu(p)		(task_thread_info(p)->cpu)

/* Move @p to @cpu's books: under both run-queue locks, or before it runs. */
static inline void set_task_cpu(struct task_struct *p, unsigned int cpu)
{
	task_thread_info(p)->cpu = cpu;
}

static inline void set_tsk_need_resched(struct task_struct *p)
{
	set_ti_thread_flag(task_thread_info(p), TIF_NEED_RESCHED);
}

static inline void clear_tsk_need_resched(struct task_struct *p)
{
	clear_ti_thread_flag(task_thread_info(p), TIF_NEED_RESCHED);
}

static inline bool test_tsk_need_resched(struct task_struct *p)
{
	return test_ti_thread_flag(task_thread_info(p), TIF_NEED_RESCHED);
}

static inline bool need_resched(void)
{
	return test_ti_thread_flag(current_thread_info(), TIF_NEED_RESCHED);
}

static inline bool signal_pending(struct task_struct *p)
{
	return test_ti_thread_flag(task_thread_info(p), TIF_SIGPENDING);
}

/*
 * Setting the state before testing the condition (and a full barrier
 * between them) is what makes sleeping race-free: see include/wait.h.
 */
#define __set_current_state(s)	do { current->state = (s); } while (0)
#define set_current_state(s)						\
	do {								\
		current->state = (s);					\
		__asm__ __volatile__("lock; addl $0, 0(%%esp)" ::: "memory"); \
	} while (0)

/* Linux 2.6: protects ->mm and ->comm of @p against its readers. */
static inline void task_lock(struct task_struct *p)
{
	spin_lock(&p->alloc_lock);
}

static inline void task_unlock(struct task_struct *p)
{
	spin_unlock(&p->alloc_lock);
}

static inline void get_task_struct(struct task_struct *p)
{
	atomic_inc(&p->usage);
}

/* kernel/fork.c */
void __put_task_struct(struct task_struct *p);

static inline void put_task_struct(struct task_struct *p)
{
	if (atomic_dec_and_test(&p->usage))
		__put_task_struct(p);
}

/*
 * The end of the kernel stack: the lowest word a stack may use, just
 * above thread_info.  It holds STACK_END_MAGIC from the task's creation
 * on (kernel/fork.c: set_task_stack_end_magic()); a stack that grew that
 * far has overwritten it, and thread_info is next.  schedule() checks
 * the task it switches away from (sched/core.c).
 */
#define STACK_END_MAGIC		0x57AC6E9D

static inline unsigned long *end_of_stack(struct task_struct *p)
{
	return (unsigned long *)(task_thread_info(p) + 1);
}

#define task_stack_end_corrupted(p)	(*end_of_stack(p) != STACK_END_MAGIC)

/* The bottom of the kernel stack holds the task's saved user registers. */
static inline struct pt_regs *task_pt_regs(struct task_struct *p)
{
	return (struct pt_regs *)((char *)task_thread_info(p) + THREAD_SIZE) - 1;
}

#define for_each_process(p) \
	list_for_each_entry(p, &init_task.tasks, tasks)

/*
 * Is @p still on the task list (not yet reaped: its parent, signal and
 * sighand still valid)?  Only meaningful under tasklist_lock.
 */
static inline bool pid_alive(struct task_struct *p)
{
	return !list_empty(&p->tasks);
}

enum system_states {
	SYSTEM_BOOTING,
	SYSTEM_RUNNING,
};

/*
 * The functions a sleeping task is inside of as it waits: schedule()
 * and its wrappers.  They go to their own section, so that a stack walk
 * can skip them and name what the task waits for (get_wchan(),
 * /proc/PID/wchan; Linux 2.6: include/linux/sched.h).
 */
#define __sched		__attribute__((__section__(".sched.text")))

/* linker.ld: where the __sched functions lie */
extern char __sched_text_start[], __sched_text_end[];

/*
 * The load average, in fixed point with FSHIFT fraction bits, updated
 * every LOAD_FREQ ticks (kernel/timer.c: calc_load()).
 */
#define FSHIFT		11
#define FIXED_1		(1 << FSHIFT)
#define LOAD_FREQ	(5 * HZ + 1)	/* a little over 5 s */
#define LOAD_INT(x)	((x) >> FSHIFT)
#define LOAD_FRAC(x)	LOAD_INT(((x) & (FIXED_1 - 1)) * 100)
extern unsigned long avenrun[3];

/* sched/core.c */
extern enum system_states system_state;
bool in_sched_functions(unsigned long addr);
unsigned long nr_uninterruptible(void);
void sched_init(void);
asmlinkage void schedule(void);
asmlinkage void preempt_schedule_irq(void);
asmlinkage void schedule_tail(struct task_struct *prev);
void scheduler_tick(int user_tick);
int wake_up_process(struct task_struct *p);
void sched_boot_done(void);
int try_to_wake_up(struct task_struct *p, unsigned int state);
void wake_up_new_task(struct task_struct *p, unsigned long clone_flags);
void sched_fork(struct task_struct *p);
void set_user_nice(struct task_struct *p, long nice);
int sched_setscheduler(struct task_struct *p, unsigned int policy,
		       unsigned int rt_priority);
void yield(void);
int cond_resched(void);
unsigned long nr_running(void);
unsigned long nr_running_cpu(unsigned int cpu);
unsigned long long nr_context_switches(void);
struct task_struct *idle_task(int cpu);
void init_idle(struct task_struct *idle, int cpu);
bool task_on_runqueue(struct task_struct *p);
bool task_curr(const struct task_struct *p);
bool task_sleeping(struct task_struct *p, unsigned int states);
bool task_expired(struct task_struct *p);
int sched_check_runqueue(char *buf, size_t size);
void sched_selftest_requeue(bool take_lock);

/* sched/migration.c */
int migration_init(void);
int set_cpus_allowed(struct task_struct *p, cpumask_t new_mask);
void wait_task_inactive(struct task_struct *p);
long sched_setaffinity(pid_t pid, cpumask_t new_mask);
long sched_getaffinity(pid_t pid, cpumask_t *mask);

/* sched/idle.c */
void __noreturn cpu_idle(void);

/* kernel/fork.c */
extern spinlock_t tasklist_lock;	/* the task list, every family link */
extern int nr_threads;
extern unsigned long total_forks;	/* tasks forked since boot */
int nr_dead_tasks(void);
long do_fork(unsigned long clone_flags, unsigned long stack_start,
	     struct pt_regs *regs, unsigned long stack_size,
	     int *parent_tidptr, int *child_tidptr);
void mm_release(struct task_struct *tsk, struct mm_struct *mm);
void fork_init(void);
struct task_struct *find_task_by_pid(pid_t pid);
struct task_struct *find_task_by_pid_locked(pid_t pid);
void set_task_comm(struct task_struct *tsk, const char *name);
char *get_task_comm(char *buf, struct task_struct *tsk);
struct mm_struct *get_task_mm(struct task_struct *tsk);
void set_task_stack_end_magic(struct task_struct *tsk);

/* kernel/exit.c */
extern struct task_struct *child_reaper;
asmlinkage void __noreturn do_exit(long code);
long do_wait(pid_t pid, long *exit_code, int options);
void release_task(struct task_struct *p);

/* kernel/pid.c */
#define PID_MAX_DEFAULT	0x8000		/* pids 0 .. 32767 */
extern int last_pid;
int alloc_pidmap(void);
void free_pidmap(int pid);
bool pid_in_use(int pid);
int nr_pids_in_use(void);

/* kernel/show_tasks.c */
char task_state_char(const struct task_struct *p);
void show_tasks(void);
void show_all_stacks(void);

/* arch/x86/process.c */
int kernel_thread(int (*fn)(void *), void *arg, unsigned long flags);
void kernel_thread_regs(struct pt_regs *regs, int (*fn)(void *), void *arg);
int copy_thread(unsigned long clone_flags, unsigned long esp,
		struct task_struct *p, struct pt_regs *regs);
void flush_thread(void);
struct task_struct *__switch_to(struct task_struct *prev,
				struct task_struct *next)
	__attribute__((regparm(2)));

/**
 * load_TLS - put a task's TLS descriptors into a CPU's GDT
 * @t: the task's thread_struct
 * @cpu: the CPU it is about to run on, the calling one
 *
 * Linux 2.6: load_TLS() in include/asm-i386/desc.h, inline as there:
 * every context switch copies the three descriptors.  %gs keeps the
 * base it was loaded with: the caller reloads it.
 * Context: __switch_to() (interrupts off), or preemption disabled.
 */
static __always_inline void load_TLS(const struct thread_struct *t,
				     unsigned int cpu)
{
	struct desc_struct *gdt = per_cpu(cpu_gdt_table, cpu);

	BUILD_BUG_ON(GDT_ENTRY_TLS_ENTRIES != 3);
	gdt[GDT_ENTRY_TLS_MIN] = t->tls_array[0];
	gdt[GDT_ENTRY_TLS_MIN + 1] = t->tls_array[1];
	gdt[GDT_ENTRY_TLS_MIN + 2] = t->tls_array[2];
}

/* arch/x86/tls.c */
struct user_desc;
int do_set_thread_area(struct task_struct *p, const struct user_desc *info);

/* arch/x86/switch_to.asm, arch/x86/entry.asm */
asmlinkage struct task_struct *switch_to(struct task_struct *prev,
					 struct task_struct *next);
void ret_from_fork(void);
void kernel_thread_helper(void);
/* iret to user mode through @regs (kernel_execve()); never returns */
asmlinkage void __noreturn start_user_mode(struct pt_regs *regs);

#endif /* _SCHED_H */
