# SPDX-License-Identifier: GPL-2.0
"""The scheduler on several CPUs: the ktests of
tests/ktest/smp_sched_test.c at -smp 4 (load balancing, affinity,
cross-CPU wake-ups, migration, idle ticks) and at -smp 1 (the tests that
need several CPUs say so and pass), the one-CPU scheduler ktests at
-smp 4 (bound to one CPU, they must behave as on one), and usertests'
affinity calls at -smp 2."""
import re

import pytest

from conftest import ktest_boot, ktest_results, qemu_argv, run_qemu

SMP_TESTS = [
    "hogs_started_on_cpu0_spread_to_every_cpu",
    "pinned_thread_runs_only_on_its_cpu",
    "wakeup_from_another_cpu_runs_there_within_two_ticks",
    "set_cpus_allowed_moves_a_running_task",
    "affinity_calls_check_mask_task_and_permission",
    "every_cpu_idle_task_gets_ticks",
]
NEED_CPUS = SMP_TESTS[:4]

# The scheduler ktests that are about one CPU: they bind their threads.
ONE_CPU_TESTS = [
    "preemption_spinner_cannot_stop_periodic_thread",
    "idle_task_gets_ticks_only_when_nothing_runs",
    "ping_pong_switches_load_cr3_zero_times",
    "kernel_threads_borrow_the_loaded_mm_without_cr3_loads",
    "higher_priority_wakeup_preempts_at_once",
    "preempted_sleeper_stays_runnable",
    "preempt_enable_and_spin_unlock_are_preemption_points",
    "sched_fifo_runs_before_normal_tasks",
    "sleep_average_lets_a_sleeper_preempt_a_hog",
    "interactive_task_stays_on_the_active_array",
    "yield_lets_the_other_task_run",
    "time_slice_scales_with_nice",
    "yield_from_the_expired_array_keeps_the_run_queue_consistent",
]

SKIP_LINE = re.compile(r"ktest: skip (\w+): needs (\d+) online CPUs, (\d+) online")


def smp_boot(smp, names):
    return ktest_boot("ktest=" + ",".join(names), timeout=300, smp=smp)


def online_cpus(boot, smp):
    """What the kernel brought up, from the skip lines (none: all)."""
    for line in boot.lines:
        m = SKIP_LINE.search(line)
        if m:
            return int(m.group(3))
    return smp


@pytest.mark.parametrize("name", SMP_TESTS)
def test_smp_sched_at_smp4(name):
    boot = smp_boot(4, SMP_TESTS)
    if online_cpus(boot, 4) < 4:
        pytest.skip("-smp 4 but %d CPU online: no AP start-up in this "
                    "kernel" % online_cpus(boot, 4))
    results = ktest_results(boot)
    assert name in results, boot.explain("no line for %s" % name)
    ok, reason = results[name]
    assert ok, "%s: %s" % (name, reason)
    assert not any(SKIP_LINE.search(l) for l in boot.lines), \
        boot.explain("a test skipped at -smp 4")


def test_smp_sched_at_smp1_skips_with_reasons():
    """At -smp 1 the tests that need CPUs skip, saying why; all pass."""
    boot = smp_boot(1, SMP_TESTS)
    results = ktest_results(boot)
    for name in SMP_TESTS:
        assert results.get(name, (False,))[0], boot.explain(name)
    skipped = {m.group(1) for m in map(SKIP_LINE.search, boot.lines) if m}
    assert skipped == set(NEED_CPUS), boot.explain("skip lines: %s" % skipped)


# ktest= has a length limit: a few names per boot.
ONE_CPU_BOOTS = [ONE_CPU_TESTS[i:i + 5] for i in range(0, len(ONE_CPU_TESTS), 5)]


@pytest.mark.parametrize("name", ONE_CPU_TESTS)
def test_one_cpu_sched_tests_at_smp4(name):
    boot = smp_boot(4, next(b for b in ONE_CPU_BOOTS if name in b))
    results = ktest_results(boot)
    assert name in results, boot.explain("no line for %s" % name)
    ok, reason = results[name]
    assert ok, "%s: %s" % (name, reason)


_usertests = {}


def test_usertests_affinity_at_smp2():
    """sched_setaffinity/getaffinity from ring 3 with two CPUs: the test
    binds itself to the last CPU, CPU 1, and reads it back."""
    if "boot" not in _usertests:
        _usertests["boot"] = run_qemu(
            qemu_argv("loglevel=4 init=/bin/usertests", smp=2), timeout=240,
            end_pattern=r"usertests: \d+ passed",
            label="init=/bin/usertests (-smp 2)", stop_at_end=True)
    boot = _usertests["boot"]
    for name in ["sched_affinity_set_get_fork", "sched_affinity_bad_masks_fail",
                 "sched_setaffinity_of_another_user_eperm"]:
        boot.expect(r"usertests: ok \d+ - %s$" % name)
    m = boot.expect(r"usertests: (\d+) passed, (\d+) failed")
    assert m.group(2) == "0", boot.explain("usertests failed at -smp 2")
