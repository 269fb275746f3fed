# SPDX-License-Identifier: GPL-2.0
"""The in-kernel test runner (kernel/ktest.c) checked from outside: the
self-tests of tests/ktest/ktest_selftest.c fail on purpose, each in one
way, and the runner must report exactly that; ktest_seed= shuffles the
order the same way every time."""
import re

from conftest import EXIT_KTEST_FAIL, EXIT_KTEST_PASS, boot_kernel

SELFTEST = r"tests/ktest/ktest_selftest\.c:\d+: "


def selftest(name):
    boot = boot_kernel("ktest=" + name, timeout=60)
    assert boot.status == EXIT_KTEST_FAIL, boot.explain("not the fail status")
    boot.expect(r"ktest: 0 passed, 1 failed$")
    return boot


def lines_in_order(boot, patterns):
    """Each pattern matches a line after the previous one's."""
    at = 0
    for pattern in patterns:
        m = re.compile(pattern, re.M).search(boot.output, at)
        assert m, boot.explain("missing, in this order: %r" % pattern)
        at = m.end()


def test_expect_records_and_goes_on():
    boot = selftest("ktest_selftest_expect_goes_on")
    lines_in_order(boot, [
        r"ktest: # " + SELFTEST + r"1 \+ 1 == 3 \(2 != 3\)$",
        r"ktest: # " + SELFTEST + r"current->pid == 0$",
        r"ktest: selftest after two expectations$",
        r"ktest: selftest cleanup expect$",
        # The first failure is the reason on the result line.
        r"ktest: not ok 1 - ktest_selftest_expect_goes_on: " + SELFTEST +
        r"1 \+ 1 == 3 \(2 != 3\)$",
    ])


def test_assert_ends_the_test_and_cleanup_still_runs():
    boot = selftest("ktest_selftest_assert_ends_the_test")
    lines_in_order(boot, [
        r"ktest: # " + SELFTEST + r"depth == 1$",
        r"ktest: selftest cleanup second$",
        r"ktest: selftest cleanup first$",
        r"ktest: not ok 1 - ktest_selftest_assert_ends_the_test: ",
    ])
    assert "selftest after" not in boot.output, boot.explain(
        "code after the failed assertion ran")


def test_assert_in_a_child_ends_the_child():
    boot = selftest("ktest_selftest_assert_in_a_child")
    lines_in_order(boot, [
        r"ktest: # " + SELFTEST + r"current->pid < 0$",
        r"ktest: selftest child exit code 1$",
        r"ktest: not ok 1 - ktest_selftest_assert_in_a_child: ",
    ])


def test_leaked_page_object_and_pid_are_reported():
    boot = selftest("ktest_selftest_leaks")
    boot.expect(r"ktest: # pids in use: (\d+) before, (\d+) after$")
    m = boot.expect(r"ktest: # free pages: (\d+) before, (\d+) after "
                    r"\((\d+) leaked\)$")
    # The page, and the slab page the object came from -- unless a slab
    # of its size already had room (objects the boot keeps, the VFS's).
    assert int(m.group(1)) - int(m.group(2)) == int(m.group(3)) in (1, 2), \
        boot.explain("wrong page count")
    boot.expect(r"ktest: # slab objects: \d+ before, \d+ after \(1 leaked\)$")
    pids = boot.expect(r"pids in use: (\d+) before, (\d+) after")
    assert int(pids.group(2)) == int(pids.group(1)) + 1, boot.explain("pids")
    boot.expect(r"ktest: not ok 1 - ktest_selftest_leaks: pids in use: ")


def test_task_left_behind_is_named_killed_and_reaped():
    boot = selftest("ktest_selftest_leaves_a_task")
    pid = boot.expect(r"ktest: selftest leaves pid (\d+) asleep$").group(1)
    lines_in_order(boot, [
        r"ktest: # left behind: pid %s \(ktest\) state S$" % pid,
        r"ktest: # left 1 task running$",
        r"ktest: not ok 1 - ktest_selftest_leaves_a_task: left 1 task "
        r"running$",
    ])
    # Killed and reaped: nothing else is counted as leaked.
    assert "did not die" not in boot.output, boot.explain("not killed")
    assert "tasks:" not in boot.output, boot.explain("not reaped")


NAMES = ["vsnprintf_formats", "cmdline_parse", "printk_log_ring",
         "multiboot_memory_map", "init_thread_union_is_stack",
         "page_offset_mapping", "mm_watermarks_match_formula"]


def order(cmdline):
    boot = boot_kernel(cmdline, timeout=60)
    assert boot.status == EXIT_KTEST_PASS, boot.explain("a test failed")
    return boot, re.findall(r"ktest: ok \d+ - (\w+)$", boot.output, re.M)


def test_ktest_seed_shuffles_the_same_way_every_time():
    listed = "ktest=" + ",".join(NAMES)
    _, plain = order(listed)
    assert plain == NAMES
    boot, first = order(listed + " ktest_seed=5")
    boot.expect(r"ktest: order shuffled, ktest_seed=5$")
    _, again = order(listed + " ktest_seed=5")
    _, other = order(listed + " ktest_seed=6")
    assert sorted(first) == sorted(NAMES)
    assert first == again, "same seed, different order"
    assert first != NAMES and other != first, \
        "seeds 5 and 6 gave %s and %s" % (first, other)


def test_bad_ktest_seed_is_refused_and_order_kept():
    boot, names = order("ktest=" + ",".join(NAMES[:3]) + " ktest_seed=0")
    boot.expect(r'Malformed kernel command line parameter "ktest_seed=0"')
    assert names == NAMES[:3]
