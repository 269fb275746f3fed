# SPDX-License-Identifier: GPL-2.0
"""Locking on SMP (docs/locking.md): the torture tests of
tests/ktest/smp_lock_test.c (locks, atomics, timers, printk) on one CPU
and on four, the spinlock lockup report, and no smp_processor_id() from preemptible code in a full
ktest=all run or in a shell session.

A misuse of smp_processor_id() is printed once per boot with a backtrace
("BUG: using smp_processor_id() in preemptible ..."); the ktest runner
prints the total at the end of the run, the kernel at power-off."""
import re

import pytest

from conftest import (EXIT_KTEST_PASS, Terminal, boot_kernel, ktest_boot,
                      ktest_results)

SYM = r"\+0x[0-9a-f]+/0x[0-9a-f]+"      # %pS: name+offset/size

TORTURE = ["spinlock_torture_counts_exactly",
           "atomic_torture_counts_exactly",
           "timer_on_another_cpus_base_is_deleted_and_moved",
           "del_timer_sync_waits_for_a_function_on_another_cpu",
           "timer_rearmed_while_running_stays_on_its_cpu",
           "timer_rearmed_from_every_cpu_runs_on_one_at_a_time",
           "printk_lines_from_every_cpu_stay_whole",
           "printk_ends_another_tasks_open_line"]


@pytest.mark.parametrize("smp", [1, 4])
def test_lock_torture(smp):
    """Four threads, one per CPU: exact totals, timers that move."""
    boot = ktest_boot("ktest=" + ",".join(TORTURE), timeout=240, smp=smp)
    results = ktest_results(boot)
    for name in TORTURE:
        assert name in results, boot.explain("%s did not run" % name)
        assert results[name][0], boot.explain("%s failed: %s"
                                              % (name, results[name][1]))
    boot.expect(r"ktest: spinlock torture on \d CPUs: 400000 of 400000$")
    assert boot.status == EXIT_KTEST_PASS, boot.explain("not the pass status")


def test_spinlock_lockup_is_reported():
    """A lock held "on another CPU" past the (lowered) bound: one report
    line naming the waiter, its CPU, the holder with its CPU and call
    site, and where the waiter waits; its stack; then the wait goes on
    and ends when the lock is freed."""
    boot = boot_kernel("ktest=spinlock_lockup_suspected", timeout=90,
                       label="ktest=spinlock_lockup_suspected")
    m = boot.expect(r"BUG: spinlock lockup suspected on CPU#0, ktest/(\d+): "
                    r"lock [0-9a-f]{8} held by lock_holder/(\d+) on CPU#1 "
                    r"at fake_holder_took_it%s, waiting at "
                    r"ktest_fn_spinlock_lockup_suspected%s$" % (SYM, SYM))
    assert m.group(1) != m.group(2), boot.explain("waiter is the holder")
    boot.expect(r"\] spin_lock_contended%s$" % SYM)
    boot.expect(r"ktest: ok 1 - spinlock_lockup_suspected$")
    boot.expect(r"ktest: smp_processor_id\(\) bugs \d+, spinlock lockups 1$")
    assert boot.status == EXIT_KTEST_PASS, boot.explain("not the pass status")


def smp_processor_id_reports(text):
    return [l for l in text.splitlines()
            if "BUG: using smp_processor_id()" in l
            or re.search(r"BUG: smp_processor_id\(\) in preemptible", l)]


@pytest.mark.parametrize("smp", [1, 4])
def test_ktest_all_uses_smp_processor_id_only_where_it_cannot_move(smp):
    boot = ktest_boot(smp=smp)
    reports = smp_processor_id_reports(boot.output)
    assert not reports, boot.explain("reported: %s" % reports)
    boot.expect(r"ktest: smp_processor_id\(\) bugs 0, spinlock lockups 0$")


@pytest.mark.parametrize("smp", [1, 4])
def test_shell_session_uses_smp_processor_id_only_where_it_cannot_move(smp):
    """A session that forks, execs, sleeps, makes kswapd0 and pdflush
    work, and powers off: no report, and no total at power-off."""
    t = Terminal(smp=smp)
    try:
        t.wait_for(r"^# ")
        t.run("ps -ef", r"\[kswapd0\]")
        t.run("hello", r"hello, world from pid \d+")
        t.run("sleep 1", r"sleep 1\n")
        t.run("free", r"MemFree:\s+\d+ kB")
        t.run("pressure 2000", r"pressure: kswapd reclaimed \d+ pages",
              timeout=60)
        t.run("cat /etc/motd", r"Welcome to kt26")
        t.run("dmesg", r"kt26 version")
        start = len(t.text())
        t.proc.stdin.write(b"poweroff\n")
        t.proc.stdin.flush()
        t.wait_for(r"System halted", timeout=60, start=start)
        reports = smp_processor_id_reports(t.text())
        assert not reports, "reported: %s\n%s" % (reports, t.text()[-3000:])
    finally:
        t.close()
