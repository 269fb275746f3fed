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


@dataclass
class Test:
    """A ktest (tests/ktest/), its points, and the regions whose bugs
    it catches: a failure names them."""
    name: str
    points: int
    regions: tuple


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
    # ktest_timeout= (guest seconds): a test still running after it ends
    # the run, and is named; 0 keeps the kernel's default (60 s)
    timeout: int = 0


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
            "kernel_thread_regs": ["memset(regs, 0, sizeof(*regs));"],
            "kernel_thread": ["return -ENOSYS;"],
            "copy_thread": ["return -ENOSYS;"],
            "do_fork": ["return -ENOSYS;"],
            "ret_from_fork": ["ud2"],
            "kernel_thread_helper": ["ud2"],
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
            "kthread_should_stop": ["(void)to_kthread;\t/* yours to call */",
                                    "return false;"],
            # Waits for ever, as for a thread that never ends: a stub that
            # returned would let destroy_workqueue() free what a live
            # worker still uses.  The ktest watchdog ends the run.
            "kthread_stop": ["(void)to_kthread;\t/* yours to call */",
                             "for (;;)",
                             "\tschedule_timeout_uninterruptible("
                             "MAX_SCHEDULE_TIMEOUT);"],
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
        },
        tests=[
            Test("mm_watermarks_match_formula", 20,
                 ("setup_per_zone_pages_min",)),
            Test("mm_below_pages_low_wakes_kswapd", 15, ("wakeup_kswapd",)),
            Test("kswapd_wakes_when_the_zone_falls_below_pages_low", 20,
                 ("kswapd", "wakeup_kswapd", "setup_per_zone_pages_min")),
            Test("balance_pgdat_brings_the_zone_to_pages_high", 20,
                 ("balance_pgdat", "shrink_slab", "kswapd")),
            Test("kswapd_sleeps_when_memory_is_fine", 10, ("kswapd",)),
            Test("shrinkers_are_asked_for_memory", 15, ("shrink_slab",)),
        ],
    ),
}


def check():
    """Every lab's points add up to 100."""
    for lab in LABS.values():
        total = sum(t.points for t in lab.tests)
        assert total == 100, "lab %d: %d points" % (lab.number, total)
        for t in lab.tests:
            for r in t.regions:
                assert r in lab.stubs, "lab %d: %s: no region %s" % (
                    lab.number, t.name, r)


check()
