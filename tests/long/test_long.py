# SPDX-License-Identifier: GPL-2.0
"""make test-long: reliability figures at scale, too long for `make test`
(tests/pytest.ini does not collect this directory).

1. The in-kernel cycles of tests/ktest/long_test.c in one boot: 10,000
   kernel_thread() create/exit/reap cycles and 10,000 kthread_create()/
   kthread_stop() cycles, every 11th allocation failing.  Each prints
   "long: " lines: forks that worked, that failed with -ENOMEM or -EAGAIN,
   which allocation of a fork failed, and what leaked (pages, slab
   objects, pids, tasks), which must be nothing.

2. /bin/fuzz in one boot, driven through the shell like a person: a
   million random system calls for each of eight seeds, made by a child
   that has dropped root for uid 65534.  Before and after, `free -d`
   (the caches dropped, reaped tasks freed) and `ps`: the free pages, the
   slab objects of every cache and the task list must be the same, and the
   shell must still answer.

The figures are printed (run pytest with -s, as `make test-long` does)
and written to build/test-long.txt.  FUZZ_SEED fixes the first of the
eight seeds (random unless set; the seeds are printed, and `fuzz -n COUNT
SEED` lists a seed's calls); FUZZ_CALLS changes the million.
"""
import os
import random
import re
import time

import pytest

from conftest import BUILD, EXIT_KTEST_PASS, Terminal, boot_kernel, \
    ktest_results

LONG_TESTS = ["long_kernel_thread_cycles_with_failing_allocations",
              "long_kthread_cycles_with_failing_allocations"]
FUZZ_CALLS = int(os.environ.get("FUZZ_CALLS", "1000000"))
FUZZ_SEEDS = 8
FIRST_SEED = int(os.environ.get("FUZZ_SEED", "0"), 0) or \
    random.SystemRandom().randrange(1, 1 << 31)
REPORT = os.path.join(BUILD, "test-long.txt")

LONG_LINE = re.compile(
    r"long: (\w+): (\d+) cycles: (\d+) created, (\d+) -ENOMEM, (\d+) -EAGAIN; "
    r"(\d+) of (\d+) allocations failed; leaked (-?\d+) pages, (-?\d+) slab "
    r"objects, (-?\d+) pids, (-?\d+) tasks; (\d+) ms$")
POSITION_LINE = re.compile(
    r"long: (\w+): failed creations by failing allocation: (.*)$")
FUZZ_LINE = re.compile(
    r"fuzz: (\d+) calls made, seed (0x[0-9a-f]+), uid (\d+), in "
    r"([\d.]+) s \((\d+) calls/s\)")


def report(text):
    """Print a block of figures and keep it in build/test-long.txt."""
    print("\n" + text, flush=True)
    with open(REPORT, "a") as f:
        f.write(text + "\n\n")


def test_long_ktests_leak_nothing():
    start = time.monotonic()
    boot = boot_kernel("ktest=%s ktest_timeout=900" % ",".join(LONG_TESTS),
                       timeout=1800, label="ktest=long_*")
    elapsed = time.monotonic() - start
    results = ktest_results(boot)
    rows = {}
    for line in boot.lines:
        m = LONG_LINE.search(line)
        if m:
            rows[m.group(1)] = m
        m = POSITION_LINE.search(line)
        if m:
            rows[m.group(1) + "/at"] = m.group(2)
    lines = ["%-14s %6s %7s %7s %7s %9s %6s %6s %5s %5s %8s" % (
        "cycles of", "cycles", "created", "-ENOMEM", "-EAGAIN",
        "injected", "pages", "slab", "pids", "tasks", "guest ms")]
    for what, m in sorted((k, v) for k, v in rows.items()
                          if not k.endswith("/at")):
        lines.append("%-14s %6s %7s %7s %7s %9s %6s %6s %5s %5s %8s" % (
            what, m.group(2), m.group(3), m.group(4), m.group(5),
            m.group(6) + "/" + m.group(7), m.group(8), m.group(9),
            m.group(10), m.group(11), m.group(12)))
        lines.append("  failed forks, by the allocation that failed: " +
                     rows.get(what + "/at", "?"))
    report("make test-long: 10,000 cycles each, every 11th allocation "
           "failing (leaked: pages, slab objects, pids, tasks)\n" +
           "\n".join(lines) + "\nboot to power-off: %.1f s on the host" %
           elapsed)
    assert boot.status == EXIT_KTEST_PASS, boot.explain("the long ktests")
    for name in LONG_TESTS:
        assert results.get(name, (False, "missing"))[0], \
            boot.explain("%s: %s" % (name, results.get(name)))
    assert set(rows) >= {"kernel_thread", "kthread"}, boot.explain("figures")
    for what in ("kernel_thread", "kthread"):
        m = rows[what]
        assert m.group(8) == m.group(9) == m.group(10) == m.group(11) == "0", \
            "%s leaked: %s" % (what, m.group(0))
        assert int(m.group(4)) > 0 and int(m.group(3)) > 0, m.group(0)


# --- the fuzzer ---------------------------------------------------------

def free_report(t):
    """free -d: (free pages, {cache: active objects})."""
    out = t.run("free -d", r"^buffer_head\s", timeout=120)
    m = re.search(r"^Zone \w+: free (\d+) pages", out, re.M)
    assert m, out
    header = out.index("cache ")
    caches = {}
    for line in out[header:].splitlines()[1:]:
        f = line.split()
        if len(f) == 5 and f[1].isdigit():
            caches[f[0]] = int(f[1])
    assert caches, out
    return int(m.group(1)), caches


def task_list(t):
    """ps -Al: {pid: (ppid, command)}, without ps itself (a new pid each
    time)."""
    out = t.run("ps -Al", r" kthreadd\n", timeout=60)
    tasks = {}
    for line in out.splitlines():
        f = line.split()
        if len(f) == 14 and f[3].isdigit() and f[-1] != "ps":
            tasks[int(f[3])] = (int(f[4]), f[-1])
    assert tasks, out
    return tasks


def test_fuzz_eight_seeds_a_million_calls_each():
    seeds = [(FIRST_SEED + i) % (1 << 32) or 1 for i in range(FUZZ_SEEDS)]
    seed_words = " ".join("%#x" % s for s in seeds)
    t = Terminal("loglevel=4")
    try:
        t.wait_for(r"init: running in ring 3", timeout=120)
        t.wait_for(r"^# ", timeout=60)
        pages_before, slab_before = free_report(t)
        tasks_before = task_list(t)
        start = time.monotonic()
        # The last seed's first line; run() then waits for the prompt.
        out = t.run("fuzz -d %d %s" % (FUZZ_CALLS, seed_words),
                    r"^fuzz: \d+ calls, seed %#x$" % seeds[-1],
                    timeout=3600)
        elapsed = time.monotonic() - start
        done = [FUZZ_LINE.search(l) for l in out.splitlines()]
        done = [m for m in done if m]
        echo = t.run("echo still answering", r"^still answering$",
                     timeout=60)
        pages_after, slab_after = free_report(t)
        tasks_after = task_list(t)
    finally:
        t.close()

    total = sum(int(m.group(1)) for m in done)
    guest = sum(float(m.group(4)) for m in done)
    lines = ["%-12s %9s %9s %11s" % ("seed", "calls", "guest s",
                                     "calls/s")]
    for m in done:
        lines.append("%-12s %9s %9s %11s" % (m.group(2), m.group(1),
                                              m.group(4), m.group(5)))
    leaked = {c: slab_after.get(c, 0) - n for c, n in slab_before.items()
              if slab_after.get(c, 0) != n}
    leaked.update({c: n for c, n in slab_after.items()
                   if c not in slab_before and n})
    report("make test-long: /bin/fuzz as uid 65534, %d seeds x %d calls "
           "in one boot (first seed %#x)\n" % (FUZZ_SEEDS, FUZZ_CALLS,
                                               seeds[0]) +
           "\n".join(lines) +
           "\ntotal: %d calls in %.1f s guest, %.1f s host: %.0f calls/s "
           "(host clock)" % (total, guest, elapsed,
                             total / elapsed if elapsed else 0) +
           "\nfree pages before %d, after %d; slab objects before %d, "
           "after %d%s; tasks before %d, after %d; the shell answers: %s" % (
               pages_before, pages_after, sum(slab_before.values()),
               sum(slab_after.values()),
               " (changed: %s)" % leaked if leaked else "",
               len(tasks_before), len(tasks_after),
               "yes" if "still answering" in echo else "no"))

    assert len(done) == FUZZ_SEEDS, \
        "a fuzzing child failed (seeds %s):\n%s" % (seed_words, out[-3000:])
    assert all(m.group(3) == "65534" for m in done), out
    assert tasks_after == tasks_before, (tasks_before, tasks_after)
    assert not leaked, "slab objects changed: %s" % leaked
    assert pages_after == pages_before, \
        "free pages: %d before, %d after" % (pages_before, pages_after)
