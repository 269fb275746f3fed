// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/trace.c - the scheduler trace: a ring buffer of events.
 *
 * Linux 2.6: the sched_switch tracer of kernel/trace/ (2.6.27+), reduced
 * to a fixed-size array.
 * With trace=sched on the command line, a 512 KiB buffer (trace_buf_size=
 * to choose, as Linux's ftrace option) is taken at boot and the
 * scheduler's hooks (include/trace.h) record every context
 * switch, wake-up, fork, exit and rename, each with the TSC and the CPU
 * that recorded it, and the tick (jiffies since boot); a switch also says
 * how many tasks its CPU's run queue held and whether prev is still on
 * one (tools/sched_invariants.py, the labs' grader, checks them).  When
 * the buffer is full the oldest events are overwritten (and counted as
 * lost).  trace_dump() -- the kt_trace system call, the shell's `trace`,
 * and power-off -- prints the events oldest first and empties the
 * buffer:
 *
 *	sched-trace: begin tsc_khz=2600000 cpus=N events=N lost=M
 *	sched-trace: <tsc> [<cpu>] switch prev=<pid>:<comm>:<state>
 *		next=<pid>:<comm> tick=<t> nr=<n> queued=<0|1>	(one line)
 *	sched-trace: <tsc> [<cpu>] wakeup pid=<pid>:<comm> by=<pid> tick=<t>
 *	sched-trace: <tsc> [<cpu>] fork parent=<pid> child=<pid>:<comm> tick=<t>
 *	sched-trace: <tsc> [<cpu>] exit pid=<pid>:<comm> code=<code> tick=<t>
 *	sched-trace: <tsc> [<cpu>] comm pid=<pid>:<comm> tick=<t>
 *	sched-trace: end
 *
 * Several CPUs record at once into the one buffer: trace_lock, taken with
 * interrupts off, covers the claim of a slot, the timestamp and the copy,
 * so the slots are filled in the order the lock was won.  The timestamp
 * is read under the lock too: with a TSC that all CPUs share (QEMU's, and
 * any invariant, synchronised TSC) the dump is then in time order across
 * CPUs.  Linux instead gives each CPU a buffer of its own (no lock to
 * share on the hot path) and merges them by timestamp when it reads
 * them: cheaper with many CPUs, but one lock is simpler to read and
 * costs little with two or four.
 *
 * tools/trace2perfetto.py turns that into a Perfetto/Chrome JSON trace and
 * an SVG timeline, one track per CPU (`make trace`, docs/trace.md).
 */
#include <asm/processor.h>
#include <gfp.h>
#include <init.h>
#include <cpumask.h>
#include <kernel.h>
#include <percpu.h>
#include <preempt.h>
#include <sched.h>
#include <spinlock.h>
#include <string.h>
#include <time.h>
#include <trace.h>

#define TRACE_BUF_SIZE_DEFAULT	(512 << 10)
#define TRACE_BUF_SIZE_MAX	(PAGE_SIZE << (MAX_ORDER - 1))

enum trace_type { EV_SWITCH, EV_WAKEUP, EV_FORK, EV_EXIT, EV_COMM };

struct trace_event {
	u64 tsc;
	u8 type;
	u8 cpu;			/* the CPU that recorded it */
	char state;		/* EV_SWITCH: prev's state after the switch */
	u8 queued;		/* EV_SWITCH: prev still on a run queue */
	unsigned int nr;	/* EV_SWITCH: this CPU's nr_running */
	unsigned long tick;	/* jiffies since boot */
	pid_t a, b;		/* switch: prev, next; fork: parent, child;
				   wakeup: woken, waker */
	long code;		/* EV_EXIT */
	char comm_a[TASK_COMM_LEN], comm_b[TASK_COMM_LEN];
};

/* Read without the lock by the hooks; record() checks it again under it. */
bool trace_sched_enabled;
static bool trace_requested;
static unsigned long trace_buf_size = TRACE_BUF_SIZE_DEFAULT;
static struct trace_event *events;
static unsigned int nr_slots;
static unsigned long head, lost;	/* events ever recorded, overwritten */
static DEFINE_SPINLOCK(trace_lock);

static int trace_setup(char *val)
{
	if (strcmp(val, "sched"))
		return -EINVAL;
	trace_requested = true;
	return 0;
}
__setup("trace=", trace_setup);

/* trace_buf_size=SIZE[KM]: room for at least one event, at most 4 MiB. */
static int trace_buf_size_setup(char *val)
{
	char *end;
	unsigned long long size = memparse(val, &end);

	if (end == val || *end || size < sizeof(struct trace_event) ||
	    size > TRACE_BUF_SIZE_MAX)
		return -EINVAL;
	trace_buf_size = size;
	return 0;
}
__setup("trace_buf_size=", trace_buf_size_setup);

/**
 * trace_init - take the buffer if trace=sched was given
 *
 * Context: boot, after the page allocator.
 */
void trace_init(void)
{
	if (!trace_requested)
		return;
	events = (struct trace_event *)__get_free_pages(GFP_KERNEL,
					get_order(trace_buf_size));
	if (!events) {
		printk(KERN_WARNING "trace: no memory for the buffer\n");
		return;
	}
	nr_slots = trace_buf_size / sizeof(*events);
	trace_sched_enabled = true;
	printk(KERN_INFO "trace: recording scheduler events (%u slots)\n",
	       nr_slots);
}

/* A name the dump format can carry: no spaces, no colons. */
static void copy_comm(char *dst, const struct task_struct *p)
{
	strlcpy(dst, p->comm, TASK_COMM_LEN);
	for (char *c = dst; *c; c++)
		if (*c == ' ' || *c == ':')
			*c = '_';
	if (!*dst)
		strlcpy(dst, "?", TASK_COMM_LEN);
}

/*
 * Record one event.  @ta and @tb name the tasks whose names the event
 * carries (NULL: none).  A CPU that saw trace_sched_enabled just before
 * another CPU began a dump finds it false here, under the lock, and
 * records nothing: the slots being printed are never overwritten.
 */
static void record(enum trace_type type, pid_t a, pid_t b,
		   const struct task_struct *ta, const struct task_struct *tb,
		   char state, long code, unsigned int nr, bool queued)
{
	struct trace_event *ev;
	unsigned long flags;

	spin_lock_irqsave(&trace_lock, flags);
	if (unlikely(!trace_sched_enabled)) {
		spin_unlock_irqrestore(&trace_lock, flags);
		return;
	}
	ev = &events[head % nr_slots];
	if (head >= nr_slots)
		lost++;
	head++;
	ev->tsc = rdtsc();
	/* Interrupts are off: this task cannot move to another CPU. */
	ev->cpu = smp_processor_id();
	ev->type = type;
	ev->a = a;
	ev->b = b;
	ev->state = state;
	ev->code = code;
	ev->nr = nr;
	ev->queued = queued;
	ev->tick = jiffies - INITIAL_JIFFIES;
	if (ta)
		copy_comm(ev->comm_a, ta);
	if (tb)
		copy_comm(ev->comm_b, tb);
	spin_unlock_irqrestore(&trace_lock, flags);
}

void __trace_sched_switch(struct task_struct *prev, struct task_struct *next)
{
	char state = prev->state == TASK_DEAD ? 'Z' : task_state_char(prev);

	/*
	 * Preempted between setting a sleeping state and calling schedule(),
	 * prev stays on the run queue (schedule(), PREEMPT_ACTIVE): it lost
	 * the CPU runnable, and no wake-up will come before it runs again.
	 */
	if (preempt_count() & PREEMPT_ACTIVE)
		state = 'R';
	/*
	 * What the run queue really holds, beside what the state says: a
	 * task that left in R must still be queued (prev->array), and the
	 * idle task is chosen only when nr_running is 0.  The caller holds
	 * this CPU's run queue lock.
	 */
	record(EV_SWITCH, prev->pid, next->pid, prev, next, state, 0,
	       nr_running_cpu(smp_processor_id()), prev->array != NULL);
}

void __trace_sched_wakeup(struct task_struct *p)
{
	record(EV_WAKEUP, p->pid, current->pid, p, NULL, 0, 0, 0, false);
}

void __trace_sched_fork(struct task_struct *parent, struct task_struct *child)
{
	record(EV_FORK, parent->pid, child->pid, NULL, child, 0, 0, 0,
	       false);
}

void __trace_sched_exit(struct task_struct *p, long code)
{
	record(EV_EXIT, p->pid, 0, p, NULL, 0, code, 0, false);
}

void __trace_sched_comm(struct task_struct *p)
{
	record(EV_COMM, p->pid, 0, p, NULL, 0, 0, 0, false);
}

static void dump_line(const char *fmt, ...)
{
	char line[160];	/* the longest switch line, with room */
	va_list args;
	int n;

	va_start(args, fmt);
	n = vscnprintf(line, sizeof(line), fmt, args);
	va_end(args);
	console_write(line, n);
}

/**
 * trace_dump - print the recorded events, oldest first, and start over
 *
 * Recording pauses, on every CPU, while the buffer is printed: events
 * of that time are not recorded (nor counted as lost).
 * Context: process, or the ktest watchdog's timer (a run that is stuck).
 * Return: the number of events printed, -ENODEV if tracing is off, or
 * -EBUSY while another CPU prints the buffer.
 */
long trace_dump(void)
{
	unsigned long flags, first, last, n;

	if (!events)
		return -ENODEV;
	spin_lock_irqsave(&trace_lock, flags);
	if (!trace_sched_enabled) {
		spin_unlock_irqrestore(&trace_lock, flags);
		return -EBUSY;
	}
	trace_sched_enabled = false;
	last = head;
	first = head > nr_slots ? head - nr_slots : 0;
	spin_unlock_irqrestore(&trace_lock, flags);

	n = last - first;
	/* On a line of its own even if a prompt was left unfinished. */
	dump_line("\nsched-trace: begin tsc_khz=%lu cpus=%u events=%lu "
		  "lost=%lu\n", tsc_khz, num_online_cpus(), n, lost);
	for (unsigned long i = first; i < last; i++) {
		struct trace_event *ev = &events[i % nr_slots];

		switch (ev->type) {
		case EV_SWITCH:
			dump_line("sched-trace: %llu [%u] switch "
				  "prev=%d:%s:%c next=%d:%s tick=%lu nr=%u "
				  "queued=%u\n", ev->tsc, ev->cpu, ev->a,
				  ev->comm_a, ev->state, ev->b, ev->comm_b,
				  ev->tick, ev->nr, ev->queued);
			break;
		case EV_WAKEUP:
			dump_line("sched-trace: %llu [%u] wakeup pid=%d:%s "
				  "by=%d tick=%lu\n", ev->tsc, ev->cpu, ev->a,
				  ev->comm_a, ev->b, ev->tick);
			break;
		case EV_FORK:
			dump_line("sched-trace: %llu [%u] fork parent=%d "
				  "child=%d:%s tick=%lu\n", ev->tsc, ev->cpu,
				  ev->a, ev->b, ev->comm_b, ev->tick);
			break;
		case EV_EXIT:
			dump_line("sched-trace: %llu [%u] exit pid=%d:%s "
				  "code=%ld tick=%lu\n", ev->tsc, ev->cpu,
				  ev->a, ev->comm_a, ev->code, ev->tick);
			break;
		case EV_COMM:
			dump_line("sched-trace: %llu [%u] comm pid=%d:%s "
				  "tick=%lu\n", ev->tsc, ev->cpu, ev->a,
				  ev->comm_a, ev->tick);
			break;
		}
	}
	dump_line("sched-trace: end\n");

	spin_lock_irqsave(&trace_lock, flags);
	head = lost = 0;
	trace_sched_enabled = true;
	spin_unlock_irqrestore(&trace_lock, flags);
	return n;
}
