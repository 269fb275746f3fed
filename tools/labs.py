# SPDX-License-Identifier: GPL-2.0
"""tools/labs.py - the course labs: what each one asks a student to
write, the stub a student tree gets instead, and how it is graded.

Read by tools/mklab (which writes a student tree), tools/grade.py
(`make grade LAB=n`) and tools/grade-all (a class's trees).  The
handouts are docs/labs/labN.md and docs/labs/zh/labN.md; how to add a
lab is in docs/labs/README.md.

In the kernel's source, the code of a lab is marked, around a function
body or a block a student writes in one afternoon:

    /* LAB 2: copy_thread BEGIN */        (C)
    ...
    /* LAB 2: copy_thread END */

    ; LAB 2: ret_from_fork BEGIN          (NASM)
    ...
    ; LAB 2: ret_from_fork END

In docs/ (Markdown), a quotation of that code is marked the same way,
`<!-- LAB 2: kernel_thread_helper BEGIN -->` ... `END -->`, and a
student tree gets a note pointing to the handout instead.

A tree of lab N also stubs the regions of the later labs, so that it
holds no solution of a lab not done yet -- except those the kernel
cannot run without (the Needed stubs below: making and switching
tasks, stopping a thread), which the trees of earlier labs keep.

The name is the region's, usually the function it is in.  mklab keeps
the two marker lines and replaces what is between them by the stub
below, after a line saying "LAB n: your code here"; a C stub also says
at run time that the region is not written yet (KERN_ERR), so a
student tree boots to where the code is first needed and says why it
stops; an assembly stub is ud2, whose oops names the function.
"""
import re
from dataclasses import dataclass, field

MARKER = re.compile(r"^\s*(?:/\*|;|<!--)\s*LAB (\d+): (\w+) (BEGIN|END)"
                    r"\s*(?:\*/|-->)?\s*$")


class Quiet(list):
    """A stub that does not print "not written yet": one on a hot path
    (every preempt_enable(), every interrupt return), where the line
    would flood the console."""


class Needed(list):
    """The stub of a region the kernel cannot do without (a task cannot
    be made or switched to without it, a thread cannot be stopped): the
    trees of the labs before this one keep its solution, so that those
    labs can be done and graded; the lab's own tree, and later ones,
    get the stub as usual."""


class QuietNeeded(Needed, Quiet):
    """Both: a region the kernel needs, on a hot path."""


@dataclass
class Test:
    """A ktest (tests/ktest/), its points, and the regions whose bugs
    it catches: a failure names them.  With @invariant (a kind of
    tools/sched_invariants.py: "wait", "idle", "preempt"), not a ktest
    but a rule the scheduler trace of every run must keep, at every
    switch of every test (the runs boot with trace=sched)."""
    name: str
    points: int
    regions: tuple
    invariant: str = ""


def trace_tests(wait, idle, preempt):
    """The three invariants of the scheduler trace, each (points,
    regions), as tests of a lab."""
    return [
        Test("sched_trace_no_runnable_task_waits_past_the_bound",
             wait[0], wait[1], "wait"),
        Test("sched_trace_idle_runs_only_with_an_empty_run_queue",
             idle[0], idle[1], "idle"),
        Test("sched_trace_preempted_task_stays_on_the_run_queue",
             preempt[0], preempt[1], "preempt"),
    ]


@dataclass
class Question:
    """A question of a GDB lab.  The grader asks the student's own
    kernel, on the student's own machine, with @gdb (GDB commands run in
    order in one session, after the commands of the questions before),
    and takes the answer from the output of the last one: the first
    number after "= " (hexadecimal or decimal)."""
    key: str
    points: int
    text: str
    gdb: tuple


@dataclass
class Lab:
    number: int
    title: str
    # region name -> the stub's statements (C) or instructions (NASM)
    stubs: dict
    tests: list = field(default_factory=list)
    # boots of the ktests, each with another ktest_seed= (the order of
    # the tests): a test passes only if it passes in every boot
    runs: int = 1
    cpus: int = 1
    # -icount shift: 2^shift ns of guest time per instruction.  5 (a
    # 31 MHz CPU) makes a second of guest time cheap; with several CPUs
    # sharing QEMU's one thread, 3 leaves each CPU enough per tick.
    icount_shift: int = 5
    # ktest_timeout= (guest seconds): a test still running after it ends
    # the run, and is named; 0: 10 s
    timeout: int = 0
    # The runs that boot with trace=sched and check the invariants of
    # the trace (tests with invariant=): the first trace_runs of them,
    # 0 for all.  Dumping the trace costs guest and host time, about
    # 0.7 ms of host time per event: lab 3's ping-pong test alone
    # switches 10,000 times.
    trace_runs: int = 0
    # A GDB lab: questions answered in labN-answers.txt at the top of
    # the tree, whose "machine:" line (written by tools/mklab, random
    # per tree) says the memory size of the student's machine.
    questions: list = field(default_factory=list)


def answers_file(number):
    return "lab%d-answers.txt" % number


def machine_flags(mem):
    """QEMU's flags for a GDB lab's machine, for the grader and for
    `make gdb LAB=n` alike: one CPU, @mem MiB, guest time counted in
    instructions (sleep=off: an idle CPU skips to its next timer), the
    disk's writes thrown away: the same kernel then runs the same way
    every time, whoever is stepping it."""
    return ["-m", str(mem), "-smp", "1", "-icount", "shift=0,sleep=off",
            "-snapshot"]


LABS = {
    1: Lab(
        number=1,
        title="a system call and an exception handler",
        stubs={
            "system_call": ["ud2"],
            "sys_getppid": ["return -ENOSYS;"],
            "do_trap": ["die(str, regs, error_code);"],
            "fixup_exception": ["return false;"],
        },
        tests=[
            Test("system_call_dispatches_through_sys_call_table", 25,
                 ("system_call",)),
            Test("system_call_rejects_numbers_past_the_table", 15,
                 ("system_call",)),
            Test("system_call_from_user_mode_returns_getppid", 15,
                 ("system_call", "sys_getppid")),
            Test("sys_getppid_returns_the_parents_tgid", 10,
                 ("sys_getppid",)),
            Test("do_trap_signals_a_user_mode_fault", 15, ("do_trap",)),
            Test("do_trap_takes_the_fixup_of_a_kernel_fault", 10,
                 ("do_trap", "fixup_exception")),
            Test("fixup_exception_finds_every_entry", 10,
                 ("fixup_exception",)),
        ],
    ),
    2: Lab(
        number=2,
        title="kernel_thread() and do_fork()",
        stubs={
            "kernel_thread_regs": Needed(["memset(regs, 0, sizeof(*regs));"]),
            "kernel_thread": Needed(["return -ENOSYS;"]),
            "copy_thread": Needed(["return -ENOSYS;"]),
            "do_fork": Needed(["(void)copy_process;\t/* yours to call */",
                               "return -ENOSYS;"]),
            "ret_from_fork": Needed(["ud2"]),
            "kernel_thread_helper": Needed(["ud2"]),
        },
        tests=[
            Test("kernel_thread_regs_start_at_kernel_thread_helper", 15,
                 ("kernel_thread_regs", "kernel_thread_helper")),
            Test("copy_thread_builds_the_child_stack", 20,
                 ("copy_thread",)),
            Test("ret_from_fork_finishes_the_switch", 10,
                 ("ret_from_fork",)),
            Test("kernel_thread_forks_with_clone_vm_and_untraced", 10,
                 ("kernel_thread",)),
            Test("kernel_thread_helper_passes_arg_in_eax_and_on_the_stack",
                 10, ("kernel_thread_helper",)),
            Test("kernel_thread_return_value_reaches_do_exit", 5,
                 ("kernel_thread_helper",)),
            Test("do_fork_vfork_waits_for_the_child", 10, ("do_fork",)),
            Test("fork_exit_codes_and_wait", 10,
                 ("do_fork", "copy_thread")),
            Test("failed_forks_leak_nothing", 5, ("do_fork",)),
            Test("fork_without_a_free_pid_fails_and_freed_pids_are_reused",
                 5, ("do_fork",)),
        ],
    ),
    5: Lab(
        number=5,
        title="wait queues and the kthread API",
        stubs={
            "kthread_should_stop": Needed([
                "(void)to_kthread;\t/* yours to call */", "return false;"]),
            # Waits for ever, as for a thread that never ends: a stub that
            # returned would let destroy_workqueue() free what a live
            # worker still uses.  The ktest watchdog ends the run.
            "kthread_stop": Needed([
                "(void)to_kthread;\t/* yours to call */",
                "for (;;)",
                "\tschedule_timeout_uninterruptible(MAX_SCHEDULE_TIMEOUT);"]),
            "watchdog": ["(void)check_hung_uninterruptible_tasks;"
                         "\t/* yours to call */",
                         "(void)timeout_jiffies;",
                         "while (!kthread_should_stop())",
                         "\tschedule_timeout_interruptible("
                         "MAX_SCHEDULE_TIMEOUT);",
                         "return 0;"],
            "worker_thread": ["/* A stand-in that looks every tick. */",
                              "while (!kthread_should_stop()) {",
                              "\trun_workqueue(cwq);",
                              "\tschedule_timeout_interruptible(1);",
                              "}",
                              "return 0;"],
        },
        tests=[
            Test("kthread_stop_before_the_first_wake_up_returns_eintr", 10,
                 ("kthread_stop",)),
            Test("kthread_stop_ends_a_sleeping_periodic_thread_at_once", 20,
                 ("kthread_stop", "kthread_should_stop")),
            Test("kthread_should_stop_is_per_thread", 10,
                 ("kthread_should_stop", "kthread_stop")),
            Test("khungtaskd_wakes_once_per_period", 20, ("watchdog",)),
            Test("hung_task_reports_a_blocked_task_once", 10,
                 ("watchdog", "kthread_stop")),
            Test("worker_thread_wakes_for_each_work_and_not_otherwise", 20,
                 ("worker_thread",)),
            Test("destroy_workqueue_stops_an_idle_worker_at_once", 10,
                 ("worker_thread", "kthread_stop", "kthread_should_stop")),
        ],
        runs=2,
        timeout=10,
    ),
    6: Lab(
        number=6,
        title="kswapd",
        stubs={
            "setup_per_zone_pages_min": ["(void)pages_min;"],
            "wakeup_kswapd": ["return;"],
            "kswapd": ["(void)balance_pgdat;	/* yours to call */",
                       "complete(&kswapd_started);",
                       "for (;;)",
                       "\tschedule_timeout_interruptible("
                       "MAX_SCHEDULE_TIMEOUT);",
                       "return 0;"],
            "balance_pgdat": ["return;"],
            "shrink_slab": ["return 0;"],
            "shrink_file_page": ["return 0;	/* busy: never freed */"],
        },
        tests=[
            Test("mm_watermarks_match_formula", 15,
                 ("setup_per_zone_pages_min",)),
            Test("mm_below_pages_low_wakes_kswapd", 10, ("wakeup_kswapd",)),
            Test("kswapd_wakes_when_the_zone_falls_below_pages_low", 20,
                 ("kswapd", "wakeup_kswapd", "setup_per_zone_pages_min")),
            Test("balance_pgdat_brings_the_zone_to_pages_high", 15,
                 ("balance_pgdat", "shrink_slab", "kswapd")),
            Test("kswapd_sleeps_when_memory_is_fine", 10, ("kswapd",)),
            Test("shrinkers_are_asked_for_memory", 15, ("shrink_slab",)),
            Test("lru_frees_clean_file_pages_and_keeps_busy_ones", 15,
                 ("shrink_file_page",)),
        ],
    ),
}


LABS[3] = Lab(
    number=3,
    title="switch_to and schedule(): the O(1) scheduler",
    stubs={
        "switch_to": Needed(["ud2"]),
        "sched_find_first_bit": Needed(["return MAX_PRIO;"]),
        "schedule": Needed(["(void)array;",
                            'panic("LAB 3: schedule() cannot choose a '
                            'task");']),
        "task_timeslice": Quiet([
            "return scale_prio(DEF_TIMESLICE, NICE_TO_PRIO(0));"]),
        # Round robin in the active array: no expired array, no rounds.
        "scheduler_tick": Quiet([
            "if (!--p->time_slice) {",
            "\tdequeue_task(p, rq->active);",
            "\tp->prio = effective_prio(p);",
            "\tp->time_slice = task_timeslice(p);",
            "\tenqueue_task(p, rq->active);",
            "\tresched_task(p);",
            "}"]),
    },
    tests=[
        Test("ping_pong_switches_load_cr3_zero_times", 10,
             ("switch_to", "schedule")),
        Test("sched_fifo_runs_before_normal_tasks", 10,
             ("sched_find_first_bit", "schedule")),
        Test("sleep_average_lets_a_sleeper_preempt_a_hog", 10,
             ("sched_find_first_bit", "schedule")),
        Test("time_slice_scales_with_nice", 10,
             ("task_timeslice", "scheduler_tick")),
        Test("interactive_task_stays_on_the_active_array", 10,
             ("scheduler_tick", "schedule")),
        Test("yield_from_the_expired_array_keeps_the_run_queue_consistent",
             10, ("schedule",)),
        Test("yield_lets_the_other_task_run", 10, ("schedule",)),
        Test("runqueue_checks_pass_under_the_lock", 10,
             ("schedule", "scheduler_tick")),
    ] + trace_tests(wait=(10, ("scheduler_tick", "schedule",
                               "task_timeslice")),
                    idle=(5, ("schedule", "sched_find_first_bit")),
                    preempt=(5, ("schedule", "switch_to"))),
    runs=3,
    trace_runs=1,
)

LABS[4] = Lab(
    number=4,
    title="Kernel preemption: preempt_count, PREEMPT_ACTIVE, resume_kernel",
    stubs={
        # The scheduling tests of the earlier labs need preemption.
        "resume_kernel": Needed(["jmp restore_all"]),
        "preempt_schedule_irq": QuietNeeded([
            "clear_tsk_need_resched(current);"]),
        "preempt_schedule": QuietNeeded(["return;"]),
        "schedule_deactivate": QuietNeeded([
            "switch_count = &prev->nvcsw;",
            "if (prev->state)",
            "\t__deactivate_task(prev, rq);"]),
    },
    tests=[
        Test("preemption_spinner_cannot_stop_periodic_thread", 20,
             ("resume_kernel", "preempt_schedule_irq")),
        Test("higher_priority_wakeup_preempts_at_once", 10,
             ("preempt_schedule", "resume_kernel")),
        Test("preempted_sleeper_stays_runnable", 20,
             ("schedule_deactivate", "preempt_schedule")),
        Test("preempt_enable_and_spin_unlock_are_preemption_points", 20,
             ("preempt_schedule",)),
        Test("complete_wakes_with_no_preemption_point_after_counting", 5,
             ("preempt_schedule", "schedule_deactivate")),
    ] + trace_tests(wait=(5, ("resume_kernel", "preempt_schedule_irq")),
                    idle=(5, ("schedule_deactivate",)),
                    preempt=(15, ("schedule_deactivate",
                                  "preempt_schedule",
                                  "preempt_schedule_irq"))),
    runs=3,
)

LABS[7] = Lab(
    number=7,
    title="SMP: each CPU's process 0, load balancing, the reschedule IPI",
    stubs={
        "fork_idle": ["(void)copy_process;\t/* yours to call */",
                      "return ERR_PTR(-ENOSYS);"],
        "find_busiest_queue": Quiet(["return NULL;"]),
        "pull_task": Quiet([]),
        "resched_task": Quiet(["set_tsk_need_resched(p);"]),
    },
    tests=[
        Test("every_present_cpu_came_online", 15, ("fork_idle",)),
        Test("every_online_cpu_has_its_swapper", 5, ("fork_idle",)),
        Test("hogs_started_on_cpu0_spread_to_every_cpu", 25,
             ("find_busiest_queue", "pull_task")),
        Test("wakeup_from_another_cpu_runs_there_within_two_ticks", 25,
             ("resched_task",)),
        Test("set_cpus_allowed_moves_a_running_task", 10,
             ("resched_task", "fork_idle")),
    ] + trace_tests(wait=(5, ("resched_task", "find_busiest_queue",
                              "pull_task")),
                    idle=(10, ("pull_task", "resched_task")),
                    preempt=(5, ("pull_task",))),
    runs=2,
    cpus=4,
    icount_shift=3,
)

LABS[8] = Lab(
    number=8,
    title="GDB: process 0, a new task's first switch, the zones, lazy TLB",
    stubs={},
    questions=[
        Question("q1", 10, "The address of process 0's stack and "
                 "thread_info, init_thread_union.",
                 ("p/x &init_thread_union",)),
        Question("q2", 15, "At the first context switch (pid 0 -> pid 1), "
                 "the stack pointer saved in pid 1's thread struct.",
                 ("kswitch", "continue", "kswitch off",
                  "p/x $task_by_pid(1)->thread.esp")),
        Question("q3", 10, "pid 1's preempt_count before it first runs.",
                 ("p $task_by_pid(1)->thread_info->preempt_count",)),
        Question("q4", 15, "eax when pid 1 first reaches ret_from_fork.",
                 ("tbreak *ret_from_fork", "continue", "p/x $eax")),
        Question("q5", 15, "ebx when pid 1 first reaches "
                 "kernel_thread_helper.",
                 ("tbreak *kernel_thread_helper", "continue", "p/x $ebx")),
        Question("q6", 15, "pages_high of the Normal zone on your machine.",
                 ("p contig_page_data.node_zones[0].pages_high",)),
        Question("q7", 20, "How many times CPU 0 loaded CR3 in its first "
                 "200 context switches.",
                 ("break context_switch if "
                  "per_cpu__runqueues[0].nr_switches == 200",
                  "continue", "p per_cpu__cr3_loads[0]")),
    ],
)


def check():
    """Every lab's points add up to 100."""
    for lab in LABS.values():
        total = sum(t.points for t in lab.tests) + \
            sum(q.points for q in lab.questions)
        assert total == 100, "lab %d: %d points" % (lab.number, total)
        for t in lab.tests:
            for r in t.regions:
                assert r in lab.stubs, "lab %d: %s: no region %s" % (
                    lab.number, t.name, r)


check()
