# SPDX-License-Identifier: GPL-2.0
"""The per-CPU kernel threads seen from the boot log: booted with four
CPUs, pid 1's do_basic_setup() makes exactly one ksoftirqd/N, events/N and
kblockd/N for each of them, kind by kind, and one kswapd0 and two pdflush
threads in all; the in-kernel tests of the per-CPU threads
(tests/ktest/percpu_threads_test.c) and of deferred work pass on all four
CPUs; and one CPU gives the one-CPU names and pids."""
import os
import re
from collections import Counter

import pytest

from conftest import EXIT_KTEST_PASS, boot_kernel, ktest_results

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
# The other CPUs are started by smp_init() (arch/x86/smpboot.c).
HAVE_SMP_INIT = os.path.exists(os.path.join(ROOT, "arch/x86/smpboot.c"))

CPUS = 4
PERCPU_KINDS = ("ksoftirqd", "events", "kblockd")
CREATED = re.compile(r"kthread_create: pid (\d+) \(([^)]*)\)")

PERCPU_KTESTS = (
    "percpu_threads_one_per_online_cpu_bound_to_it",
    "work_queued_by_a_bound_thread_runs_on_its_cpu",
    "schedule_work_on_runs_on_that_cpu",
    "softirq_raised_on_a_cpu_runs_there",
    "flush_workqueue_waits_for_work_on_every_cpu",
    "kthread_bind_runs_the_thread_on_that_cpu_only",
    "deferred_work_apis_pick_their_cpu_safely",
)
DEFERRED_KTESTS = (
    "softirq_storm_handed_to_ksoftirqd_threads_keep_deadlines",
    "flush_waits_for_everything_queued_before",
    "events_and_ksoftirqd_sleep_when_idle",
)


def boot_threads(tests, smp):
    # The loader passes the kernel's path too: all within 511 bytes.
    assert len(",".join(tests)) < 450
    boot = boot_kernel("ktest=" + ",".join(tests), smp=smp, timeout=240,
                       label="per-CPU threads (-smp %d)" % smp)
    created = [(int(pid), name) for pid, name in CREATED.findall(boot.output)]
    return boot, created


def check_boot_threads(boot, created, cpus):
    """Each kind once per CPU, made in CPU order, one kind after the
    other; the global threads once."""
    names = Counter(name for _, name in created)
    for kind in PERCPU_KINDS:
        mine = [name for _, name in created if name.startswith(kind + "/")]
        assert mine == ["%s/%d" % (kind, n) for n in range(cpus)], \
            boot.explain("%s threads: %s, expected one for each of %d CPUs"
                         % (kind, mine, cpus))
    assert names["kswapd0"] == 1 and names["pdflush"] == 2, \
        boot.explain("global threads: %s" % dict(names))
    order = [name.split("/")[0] for _, name in created
             if name.split("/")[0] in PERCPU_KINDS]
    assert order == [k for k in PERCPU_KINDS for _ in range(cpus)], \
        boot.explain("not made kind by kind: %s" % order)
    pids = [pid for pid, name in created
            if name.split("/")[0] in PERCPU_KINDS]
    # migration/0 .. migration/N-1 come first (pids 3 ..), then these.
    assert pids[:3 * cpus] == list(range(3 + cpus, 3 + 4 * cpus)), \
        boot.explain("per-CPU thread pids %s" % pids)


@pytest.mark.skipif(not HAVE_SMP_INIT,
                    reason="no AP start-up (smp_init()) yet: one CPU runs")
def test_percpu_threads_on_four_cpus():
    tests = PERCPU_KTESTS + DEFERRED_KTESTS
    boot, created = boot_threads(tests, CPUS)
    check_boot_threads(boot, created, CPUS)
    results = ktest_results(boot)
    for name in tests:
        assert name in results, boot.explain("no result for " + name)
        ok, reason = results[name]
        assert ok, "%s at -smp %d: %s" % (name, CPUS, reason)
    assert boot.status == EXIT_KTEST_PASS, boot.explain("bad status")


def test_percpu_threads_on_one_cpu():
    boot, created = boot_threads(PERCPU_KTESTS[:1], 1)
    check_boot_threads(boot, created, 1)
    percpu = [c for c in created if c[1].split("/")[0] in PERCPU_KINDS]
    assert percpu[:3] == [(4, "ksoftirqd/0"), (5, "events/0"),
                          (6, "kblockd/0")], boot.explain("pids")
    assert boot.status == EXIT_KTEST_PASS, boot.explain("bad status")
