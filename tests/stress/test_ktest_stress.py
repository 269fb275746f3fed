# SPDX-License-Identifier: GPL-2.0
"""ktest=all under pressure, several times: proof that the in-kernel tests
depend neither on the host being idle nor on the order they run in.

Each run boots ktest=all with a ktest_seed= of its own (the order is
shuffled) and either with two busy loops on the host, competing with QEMU
for the CPUs, or under -icount shift=auto, where guest time follows the
instructions executed, not the host's clock.  Of every five runs, three
are loaded and two use -icount.  The loaded runs have four CPUs (-smp 4)
but the middle one of each five; the -icount runs have one: -icount runs
all CPUs in turn on one host thread, whose clock then follows whichever
CPU runs, so a busy CPU sees its ticks late and the tick-bound tests
would measure QEMU.  RUNS (environment, 5 unless set) says how many; STRESS_SEED fixes the first seed (random unless set, and printed
in every failure, so a failing order can be booted again).

`make test` runs two (RUNS=2: loaded at -smp 4, then -icount);
`make test-stress` five, or RUNS=20.
"""
import os
import random
import re
import subprocess
import sys

import pytest

from conftest import BUILD, EXIT_KTEST_PASS, boot_kernel, ktest_results

RUNS = int(os.environ.get("RUNS", "5"))
FIRST_SEED = int(os.environ.get("STRESS_SEED", "0")) or \
    random.SystemRandom().randrange(1, 1 << 31)

BUSY_LOOP = "while True: pass"


@pytest.fixture
def busy_host():
    """Two busy loops on the host for the length of one test, stopped
    even when the test fails."""
    loops = [subprocess.Popen([sys.executable, "-c", BUSY_LOOP])
             for _ in range(2)]
    yield
    for p in loops:
        p.kill()
        p.wait()


def cpus(run):
    return 1 if run % 5 == 2 else 4


def stress_run(seed, extra, label, smp):
    cmdline = "ktest=all ktest_seed=%d" % seed
    label += ", -smp %d" % smp
    boot = boot_kernel(cmdline, timeout=600, extra=extra, label=label,
                       smp=smp)
    what = "%s (reboot with: -smp %d -append '%s' %s)" % (
        label, smp, cmdline, " ".join(extra))
    failed = {name: why for name, (ok, why) in ktest_results(boot).items()
              if not ok}
    passed = re.search(r"ktest: (\d+) passed, 0 failed$", boot.output, re.M)
    plan = re.search(r"ktest: 1\.\.(\d+)$", boot.output, re.M)
    if failed or not passed or not plan or \
            passed.group(1) != plan.group(1) or boot.status != EXIT_KTEST_PASS:
        # The whole console, for what the assertion's tail cannot show.
        log = os.path.join(BUILD, "stress-%d.log" % seed)
        with open(log, "w") as f:
            f.write(boot.output)
        what += ", console in " + log
    assert not failed, boot.explain("%s: failed %s" % (what, failed))
    assert passed and plan, boot.explain(what + ": no summary")
    assert passed.group(1) == plan.group(1), \
        boot.explain(what + ": tests missing")
    assert boot.status == EXIT_KTEST_PASS, boot.explain(what)


# Of every five runs the second and the fourth use -icount: two runs
# (make test) are then one loaded and one -icount.
ICOUNT = [i for i in range(RUNS) if i % 5 in (1, 3)]
LOADED = [i for i in range(RUNS) if i not in ICOUNT]


# A kind RUNS leaves without runs gets no test at all: an empty
# parametrize would be a skip, which make test's summary counts as failed.
if LOADED:
    @pytest.mark.parametrize("run", LOADED)
    def test_ktest_all_with_a_loaded_host(run, busy_host):
        seed = FIRST_SEED + run
        stress_run(seed, (), "stress: ktest_seed=%d, host loaded" % seed,
                   cpus(run))

if ICOUNT:
    @pytest.mark.parametrize("run", ICOUNT)
    def test_ktest_all_under_icount(run):
        seed = FIRST_SEED + run
        stress_run(seed, ("-icount", "shift=auto"),
                   "stress: ktest_seed=%d, -icount auto" % seed, 1)
