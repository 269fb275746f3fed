# SPDX-License-Identifier: GPL-2.0
"""The checks that are always on (docs/processes.md, "Checks at run
time"): each KTEST_NAMED_ONLY test of tests/ktest/invariants_test.c breaks
one invariant for real -- a kernel stack run over its end, a spinlock
taken twice, released by another task or by nobody, a run-queue operation
without its lock or with interrupts on -- and the kernel must print the
one report line that names the task and the places, then the oops
(registers, the task, a Call Trace through the guilty code) and panic.

Were a check missing, the kernel would survive (the test then fails its
KTEST_FAIL line and QEMU exits with the fail status) or hang (the ktest
watchdog, ktest_timeout=10, ends the run); neither is the panic status."""
import os
import re

from conftest import EXIT_PANIC, ROOT, boot_kernel, symbol_address

SYM = r"\+0x[0-9a-f]+/0x[0-9a-f]+"      # %pS: name+offset/size


def crash(test):
    boot = boot_kernel("ktest=%s ktest_timeout=10" % test, timeout=90,
                       end_pattern=r"Kernel panic", label="ktest=" + test)
    assert not boot.timed_out, boot.explain("QEMU did not exit")
    return boot


def call_trace(boot):
    """The function names of the oops's Call Trace (the one after "EIP is
    at": a warning's backtrace may come earlier), innermost first."""
    eip = boot.expect(r"EIP is at ")
    m = re.compile(r"Call Trace:\n((?:.*\] \w+\+0x.*\n)+)").search(
        boot.output, eip.end())
    assert m, boot.explain("no Call Trace after EIP is at")
    return re.findall(r"\] (\w+)\+0x", m.group(1))


def expect_oops(boot, comm, pid, trace, panic):
    """The oops after the report line: EIP in the first function of
    `trace`, the registers, the task, a Call Trace holding `trace` in
    that order, then the panic line with the panic status."""
    boot.expect(r"EIP is at %s%s$" % (trace[0], SYM))
    boot.expect(r"eax: [0-9a-f]{8}   ebx: [0-9a-f]{8}   ecx: [0-9a-f]{8}")
    boot.expect(r"Process %s \(pid: %s, threadinfo=[0-9a-f]{8} task="
                % (re.escape(comm), pid))
    names = call_trace(boot)
    rest = iter(names)
    assert all(name in rest for name in trace), \
        boot.explain("Call Trace %s does not hold %s in order" % (names, trace))
    boot.expect(r"Kernel panic - not syncing: %s$" % re.escape(panic))
    assert boot.status == EXIT_PANIC, boot.explain("not the panic status")


def kthread_pid(boot, name):
    return boot.expect(r"kthread_create: pid (\d+) \(%s\)$" % name).group(1)


def test_stack_overflow_in_a_kthread_is_named():
    """A kernel thread recurses down to the end of its stack (over the
    STACK_END_MAGIC word, which it clears) and calls schedule(): the
    report names it and the address of the word, just above its
    thread_info."""
    boot = crash("stack_overflow_in_a_kthread")
    pid = kthread_pid(boot, "stack_hog")
    m = boot.expect(r"BUG: stack overflow in task stack_hog \(pid %s\): "
                    r"end-of-stack magic 00000000 at ([0-9a-f]{8}), "
                    r"should be 57ac6e9d$" % pid)
    ti = boot.expect(r"Process stack_hog \(pid: %s, threadinfo=([0-9a-f]{8})"
                     % pid).group(1)
    assert int(m.group(1), 16) == int(ti, 16) + 16, \
        boot.explain("the end word is not right above thread_info")
    expect_oops(boot, "stack_hog", pid,
                ["schedule", "stack_hog", "kthread", "kernel_thread_helper"],
                "stack overflow in task stack_hog (pid %s): end-of-stack "
                "magic 00000000" % pid)


def test_spinlock_recursion_names_both_call_sites():
    """spin_lock() of a lock the task holds: where it was taken, where it
    is taken again, and the lock's address (twice_lock)."""
    boot = crash("spinlock_recursion")
    m = boot.expect(r"BUG: spinlock recursion on CPU#0, (\S+)/(\d+): lock "
                    r"([0-9a-f]{8}) held by \1/\2 on CPU#0 at take_twice_first%s, "
                    r"taken again at take_twice_second%s$" % (SYM, SYM))
    assert int(m.group(3), 16) == symbol_address("twice_lock"), \
        boot.explain("not the address of twice_lock")
    expect_oops(boot, m.group(1), m.group(2),
                ["spin_lock_contended", "take_twice_second",
                 "take_twice_first", "ktest_fn_spinlock_recursion"],
                "spinlock recursion")


def test_spinlock_released_by_another_task():
    """spin_unlock() by a thread that does not hold the lock: the report
    names the releasing thread and the holder, each with its call site."""
    boot = crash("spinlock_wrong_owner")
    pid = kthread_pid(boot, "spin_thief")
    m = boot.expect(r"BUG: spinlock wrong owner on CPU#0, spin_thief/%s: "
                    r"lock ([0-9a-f]{8}) held by (\S+)/(\d+) on CPU#0 at "
                    r"hold_stolen_lock%s, released at spin_thief%s$"
                    % (pid, SYM, SYM))
    assert int(m.group(1), 16) == symbol_address("stolen_lock"), \
        boot.explain("not the address of stolen_lock")
    assert m.group(3) != pid, boot.explain("the holder is the thief")
    expect_oops(boot, "spin_thief", pid,
                ["spin_unlock_bug", "spin_thief", "kthread",
                 "kernel_thread_helper"],
                "spinlock wrong owner")


def test_spinlock_released_twice():
    """spin_unlock() of a lock nobody holds."""
    boot = crash("spinlock_unlock_unlocked")
    m = boot.expect(r"BUG: spinlock already unlocked on CPU#0, (\S+)/(\d+): "
                    r"lock [0-9a-f]{8} not held, released at "
                    r"ktest_fn_spinlock_unlock_unlocked%s$" % SYM)
    expect_oops(boot, m.group(1), m.group(2),
                ["spin_unlock_bug", "ktest_fn_spinlock_unlock_unlocked"],
                "spinlock already unlocked")


def test_runqueue_operation_without_the_lock():
    """dequeue_task() without rq->lock: its assertion names it; the lock
    is CPU 0's run queue's (the first member of struct runqueue)."""
    boot = crash("runqueue_op_without_the_lock")
    m = boot.expect(r"BUG: spinlock not locked on CPU#0, (\S+)/(\d+): lock "
                    r"([0-9a-f]{8}) not held, asserted at dequeue_task%s$"
                    % SYM)
    assert int(m.group(3), 16) == symbol_address("per_cpu__runqueues"), \
        boot.explain("not the run-queue lock")
    expect_oops(boot, m.group(1), m.group(2),
                ["spin_assert_bug", "dequeue_task", "sched_selftest_requeue",
                 "ktest_fn_runqueue_op_without_the_lock"],
                "spinlock not locked")


def test_runqueue_operation_with_interrupts_on():
    """dequeue_task() under rq->lock but with interrupts on: the
    BUG_ON(!irqs_disabled()) of its assert_rq_locked() line."""
    boot = crash("runqueue_op_with_interrupts_on")
    m = boot.expect(r"kernel BUG at sched/core\.c:(\d+)! !irqs_disabled\(\)$")
    with open(os.path.join(ROOT, "sched", "core.c")) as f:
        lines = f.read().splitlines()
    line = int(m.group(1))
    assert "assert_rq_locked(" in lines[line - 1], \
        boot.explain("sched/core.c:%d is not an assert_rq_locked()" % line)
    comm, pid = boot.expect(r"Process (\S+) \(pid: (\d+),").groups()
    expect_oops(boot, comm, pid,
                ["dequeue_task", "sched_selftest_requeue",
                 "ktest_fn_runqueue_op_with_interrupts_on"],
                "BUG")
