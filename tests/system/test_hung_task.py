# SPDX-License-Identifier: GPL-2.0
"""khungtaskd (kernel/hung_task.c) seen from the console: the report of a
task held in TASK_UNINTERRUPTIBLE, in Linux's words and with its stack,
once; the thread in `ps`; the timeout as a boot option and a /proc/sys
file, and a bad value refused."""
import re

from conftest import Terminal, boot_kernel

KTEST = "hung_task_reports_a_blocked_task_once"
REPORT = re.compile(r"INFO: task (\S+):(\d+) blocked for more than (\d+) "
                    r"seconds\.")


def test_a_blocked_task_is_reported_once_with_its_stack():
    boot = boot_kernel("ktest=%s" % KTEST, timeout=120)
    assert "ktest: ok 1 - %s" % KTEST in boot.output, boot.explain(
        "the ktest did not pass")
    reports = REPORT.findall(boot.output)
    assert [(name, secs) for name, _, secs in reports] == \
        [("hung_blocked", "1")], boot.explain(
            "not one report of hung_blocked (the napper switches: never)")
    pid = reports[0][1]
    after = boot.output.split("blocked for more than", 1)[1]
    stack = after.split("ktest: ok", 1)[0]
    assert "hung_task_timeout_secs\" disables this message." in stack
    assert re.search(r"hung_blocked \(pid %s\), state D:" % pid, stack), \
        boot.explain("no task header before the stack")
    for frame in ("schedule", "wait_for_completion",
                  "hung_task_test_blocked", "kthread"):
        assert re.search(r"\] %s\+0x" % frame, stack), boot.explain(
            "no %s in the reported stack" % frame)


def test_khungtaskd_and_its_timeout_at_the_shell():
    term = Terminal(cmdline="hung_task_timeout_secs=7", smp=1)
    try:
        term.wait_for(r"^# ", timeout=60)
        assert "khungtaskd started: reports tasks in D state for more " \
            "than 7 s" in term.text(), term.text()
        assert term.output(
            "cat /proc/sys/kernel/hung_task_timeout_secs").strip() == "7"
        assert re.search(r"\bS .*\[khungtaskd\]", term.output("ps -s")), \
            "khungtaskd is not asleep in ps -s"
        # More than a day: EINVAL, echo fails, the value stays.
        out = term.output("echo 90000 > /proc/sys/kernel/"
                          "hung_task_timeout_secs; echo status $?")
        assert "status 0" not in out, out
        assert term.output(
            "cat /proc/sys/kernel/hung_task_timeout_secs").strip() == "7"
        term.output("echo 0 > /proc/sys/kernel/hung_task_timeout_secs")
        assert term.output(
            "cat /proc/sys/kernel/hung_task_timeout_secs").strip() == "0"
    finally:
        term.close()


def test_a_bad_timeout_option_is_refused_and_the_boot_goes_on():
    term = Terminal(cmdline="hung_task_timeout_secs=soon", smp=1)
    try:
        term.wait_for(r"^# ", timeout=60)
        assert 'Malformed kernel command line parameter ' \
            '"hung_task_timeout_secs=soon", ignored' in term.text()
        assert "more than 120 s" in term.text(), term.text()
    finally:
        term.close()
