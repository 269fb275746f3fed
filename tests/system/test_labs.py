# SPDX-License-Identifier: GPL-2.0
"""The course labs, both ways (docs/labs/): the reference tree scores
100 on every lab; a student tree from tools/mklab holds no solution,
builds, boots to where the lab's code is first needed and says so, and
scores below 100; the same tree with the lab's code written in (mklab
--solved: a student at the end of the lab) scores 100 whatever the
stubs of the later labs; and every region alone, stubbed, is caught by
a test whose failure names it.  tools/grade-all grades a directory of
trees with the reference's tests, whatever a submission did to its own.

Each grade boots QEMU under -icount, so two run side by side (one per
host CPU) without changing a result: the tests over many trees run
their trees in parallel and report every failure at once."""
import concurrent.futures
import csv
import os
import queue
import re
import shutil
import subprocess
import sys
import tempfile

import pytest

from conftest import ROOT, load_tool

labs = load_tool("labs")
PYTHON = sys.executable
SCORE = re.compile(r"^LAB (\d+) score: (\d+)/100$", re.M)


def run(argv, cwd=ROOT, timeout=600):
    r = subprocess.run(argv, cwd=cwd, capture_output=True, text=True,
                       timeout=timeout)
    return r.returncode, r.stdout + r.stderr


SCORE_OF = re.compile(r"^LAB (\d+) score: (\d+)/(\d+)$", re.M)


def grade(tree, lab, *extra):
    code, out = run([PYTHON, os.path.join(tree, "tools", "grade.py")] +
                    list(extra) + [str(lab)], cwd=tree)
    m = SCORE_OF.search(out)
    assert m, "no score line:\n" + out
    return int(m.group(2)) * 100 // int(m.group(3)), code, out


def mklab(lab, dest, *extra):
    code, out = run([PYTHON, os.path.join(ROOT, "tools", "mklab"),
                     str(lab), dest] + list(extra))
    assert code == 0, out
    return out


@pytest.fixture
def workdir():
    d = tempfile.mkdtemp(prefix="kt26-lab-")
    yield d
    shutil.rmtree(d, ignore_errors=True)


def text_files(root, files=None):
    """{path: text} of the tree's text files (build/ and .git/ left out)."""
    if files is None:
        files = []
        for d, dirs, names in os.walk(root):
            dirs[:] = [x for x in dirs if x not in ("build", ".git")]
            files += [os.path.relpath(os.path.join(d, n), root)
                      for n in names]
    texts = {}
    for f in files:
        path = os.path.join(root, f)
        if os.path.islink(path) or not os.path.isfile(path):
            continue
        try:
            with open(path, encoding="utf-8") as fh:
                texts[f] = fh.read()
        except UnicodeDecodeError:
            pass
    return texts


def solution_lines(lab):
    """The lines of each region of @lab in the sources, and for each
    region one of them found nowhere else in the tree outside the LAB
    regions: a student tree must not have it."""
    regions, outside = {}, []
    code, out = run(["git", "ls-files"])
    for f, text in text_files(ROOT, out.split()).items():
        inside = None
        for line in text.splitlines():
            m = labs.MARKER.match(line)
            if m:
                inside = (int(m.group(1)), m.group(2)) \
                    if m.group(3) == "BEGIN" else None
            elif inside is None:
                outside.append(line.strip())
            elif inside[0] == lab and f.endswith((".c", ".h", ".asm")):
                regions.setdefault(inside[1], []).append(line)
    everywhere = "\n".join(outside)
    unique = {}
    for name, lines in regions.items():
        for line in lines:
            s = line.strip()
            if len(s) > 6 and s not in everywhere and \
                    sum(x.strip() == s for x in lines) == 1:
                unique[name] = s
                break
    return regions, unique


def normalized(text):
    """@text's lines stripped, blank ones dropped: a region's solution
    is found whatever the indentation."""
    return "\n".join(l.strip() for l in text.splitlines() if l.strip())


CODE_LABS = sorted(n for n, lab in labs.LABS.items() if lab.tests)
ALL = os.environ.get("LABS") == "all"
# Regions whose stub is caught only by a test that runs for a second of
# guest time on four CPUs (30 s of the host's each): `make test-labs`
# checks them, `make test` the 29 others.
SLOW_REGIONS = {(7, "find_busiest_queue"), (7, "pull_task")}
# Every region of every lab stubbed alone, and every lab's tree solved,
# is a tree to build and grade each: `make test-labs` (LABS=all) checks
# them all; `make test` checks lab 2's, the lab of docs/labs/lab2.md.
CHECKED_LABS = CODE_LABS if os.environ.get("LABS") == "all" else [2]
# ...and there the reference boots once for each lab, not K times.
RUNS = [] if os.environ.get("LABS") == "all" else ["--runs", "1"]
GDB_LABS = sorted(n for n, lab in labs.LABS.items() if lab.questions)


def answer_key(lab, mem, path):
    code, out = run([PYTHON, os.path.join(ROOT, "tools", "grade.py"),
                     "--key", str(lab), str(mem)])
    assert code == 0 and "machine: %d" % mem in out, out
    with open(path, "w") as f:
        f.write(out)
    return out


def in_parallel(jobs):
    """Run each job (a function of a fresh directory, returning None or
    what went wrong), one per host CPU; return the list of failures."""
    def one(job):
        d = tempfile.mkdtemp(prefix="kt26-lab-")
        try:
            return job(d)
        finally:
            shutil.rmtree(d, ignore_errors=True)
    workers = max(1, os.cpu_count() or 1)
    with concurrent.futures.ThreadPoolExecutor(workers) as pool:
        return [r for r in pool.map(one, jobs) if r]


def test_reference_scores_100():
    def job(lab):
        def check(_):
            score, code, out = grade(ROOT, lab, *RUNS)
            return None if (score, code) == (100, 0) else out
        return check
    failures = in_parallel([job(n) for n in CODE_LABS])
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("lab", GDB_LABS)
def test_gdb_lab_key_scores_100_and_only_on_its_machine(lab, workdir):
    """The answers GDB gives on a 100 MiB machine score 100 there; on a
    machine of 131 MiB, someone else's, they do not: a stack address
    and the zone's watermark depend on the memory size."""
    key = os.path.join(workdir, "key")
    answer_key(lab, 100, key)
    code, out = run([PYTHON, os.path.join(ROOT, "tools", "grade.py"),
                     "--answers", key, str(lab)])
    assert code == 0 and "LAB %d score: 100/100" % lab in out, out
    with open(key) as f:
        text = f.read()
    with open(key, "w") as f:
        f.write(text.replace("machine: 100", "machine: 131"))
    code, out = run([PYTHON, os.path.join(ROOT, "tools", "grade.py"),
                     "--answers", key, str(lab)])
    score = int(SCORE.search(out).group(2))
    assert code == 1 and score < 100, out


@pytest.mark.parametrize("lab", sorted(labs.LABS))
def test_regions_in_source_match_tools_labs(lab):
    """Every region tools/labs.py gives a stub is marked in the source,
    once, and every marked region has a stub."""
    regions, unique = solution_lines(lab)
    assert sorted(regions) == sorted(labs.LABS[lab].stubs)
    assert sorted(unique) == sorted(regions), \
        "regions without a line of their own: %s" % (
            set(regions) - set(unique))


@pytest.fixture(scope="module")
def ref_trees():
    """One copy of the reference tree (mklab of the last lab, solved)
    with its build/ per host CPU, made once for the tests below: each
    turns one into the tree it needs with mklab --in-place, which
    rewrites only the files that differ, so that a build compiles only
    those."""
    d = tempfile.mkdtemp(prefix="kt26-lab-")
    trees = [os.path.join(d, "ref%d" % i)
             for i in range(max(1, os.cpu_count() or 1))]
    with concurrent.futures.ThreadPoolExecutor(len(trees)) as pool:
        list(pool.map(lambda t: mklab(max(labs.LABS), t, "--with-build",
                                      "--solved"), trees))
    yield trees
    shutil.rmtree(d, ignore_errors=True)


def on_trees(trees, jobs):
    """Run each of @jobs, a function of a tree, on one of @trees (one
    job per tree at a time, the trees working in parallel); return the
    list of what went wrong."""
    pending = queue.Queue()
    for job in jobs:
        pending.put(job)

    def worker(tree):
        problems = []
        while True:
            try:
                job = pending.get_nowait()
            except queue.Empty:
                return problems
            problem = job(tree)
            if problem:
                problems.append(problem)
    with concurrent.futures.ThreadPoolExecutor(len(trees)) as pool:
        return sum(pool.map(worker, trees), [])


def student_tree_problem(lab, tree):
    """What is wrong with the tree of @lab (None: nothing), made in
    place in @tree."""
    out = mklab(lab, tree, "--in-place")
    regions, unique = solution_lines(lab)
    student = text_files(tree)
    for name, probe in unique.items():
        found = [f for f, text in student.items()
                 if probe in (l.strip() for l in text.splitlines())]
        if found:
            return "lab %d: %s's line %r is in %s" % (lab, name, probe,
                                                       found)
    everything = "\n".join(normalized(t) for t in student.values())
    for name, lines in regions.items():
        if normalized("\n".join(lines)) in everything:
            return "lab %d: the solution of %s is in the tree" % (lab, name)
    for name in labs.LABS[lab].stubs:
        if "LAB %d: %s" % (lab, name) not in out:
            return "lab %d: mklab did not stub %s:\n%s" % (lab, name, out)
    # The tests of the lab's first region are enough to see the tree
    # build, boot as far as it can and score less than their points.
    first = list(labs.LABS[lab].stubs)[:1]
    score, code, report = grade(tree, lab, *(["--region"] + first +
                                             ["--first-failure"]
                                             if first else []))
    if "The build failed" in report or score == 100 or code != 1:
        return report
    if labs.LABS[lab].questions:
        with open(os.path.join(tree, labs.answers_file(lab))) as f:
            if not re.search(r"^machine: \d+$", f.read(), re.M):
                return "lab %d: no machine line" % lab
        return None if "your answer: (none)" in report else report
    if not re.search(r"Needed before any test can run: \w+|look at: \w+",
                     report):
        return report
    return None


def test_student_trees_hold_no_solution_and_stop_clearly(ref_trees):
    failures = on_trees(ref_trees, [
        (lambda n: lambda tree: student_tree_problem(n, tree))(n)
        for n in sorted(labs.LABS, key=lambda n: -n)])
    assert not failures, "\n\n".join(failures)


def test_solved_trees_score_100():
    """A student who wrote the lab's code gets 100 in the lab's own tree,
    with the later labs still stubs (the Done-when of every lab)."""
    def job(lab):
        def check(d):
            tree = os.path.join(d, "solved")
            mklab(lab, tree, "--with-build", "--solved")
            score, code, report = grade(tree, lab)
            return None if score == 100 else report
        return check
    failures = in_parallel([job(n) for n in CHECKED_LABS])
    assert not failures, "\n\n".join(failures)


def region_problem(tree, lab, region):
    """Stub @region of @lab alone in @tree (a reference tree mklab made,
    the region stubbed before put back) and grade the tests that name
    it, up to the first failure: one must fail and name the region."""
    mklab(lab, tree, "--only", region, "--in-place")
    score, code, report = grade(tree, lab, "--region", region,
                                "--first-failure")
    if "The build failed" in report or score == 100:
        return report
    named = re.search(r"Needed before any test can run: "
                      r".*\b%s\b" % region, report) or \
        re.search(r"look at: .*\b%s\b" % region, report)
    return None if named else report


def test_each_region_alone_is_caught_and_named(ref_trees):
    """Every region of every lab (make test: but SLOW_REGIONS), each in
    a reference tree with that region's file rewritten (only it
    recompiles), graded up to the first failure."""
    # The longest first, so that the trees end together.
    regions = sorted(((n, r) for n in CODE_LABS for r in labs.LABS[n].stubs
                      if ALL or (n, r) not in SLOW_REGIONS),
                     key=lambda job: job not in SLOW_REGIONS)

    def job(lab, region):
        def check(tree):
            problem = region_problem(tree, lab, region)
            return problem and "lab %d, %s alone:\n%s" % (lab, region,
                                                           problem)
        return check
    failures = on_trees(ref_trees, [job(n, r) for n, r in regions])
    assert not failures, "\n\n".join(failures)


def test_grade_all_uses_the_reference_tests(workdir):
    """A submission of the first code lab whose author left the stubs and
    "fixed" the grader to pass: grade-all grades it with this tree's
    tests and tools, the CSV says less than 100, and the student's report
    is kept beside it."""
    lab = CODE_LABS[0]
    subs = os.path.join(workdir, "subs")
    cheat = os.path.join(subs, "cheat")
    mklab(lab, cheat)
    with open(os.path.join(cheat, "tools", "grade.py"), "a") as f:
        f.write("\nprint('LAB %d score: 100/100')\nsys.exit(0)\n" % lab)
    out_csv = os.path.join(workdir, "out", "scores.csv")
    code, out = run([PYTHON, os.path.join(ROOT, "tools", "grade-all"),
                     subs, "--lab", str(lab), "--csv", out_csv],
                    timeout=900)
    assert code == 0, out
    with open(out_csv) as f:
        rows = {r["student"]: int(r["score"]) for r in csv.DictReader(f)}
    assert rows == {"cheat": 0}, (rows, out)
    with open(os.path.join(workdir, "out", "cheat.lab-%d.txt" % lab)) as f:
        assert "Needed before any test can run" in f.read()


# Bugs a student could write, each in the reference otherwise, that the
# invariants of the scheduler trace (tools/sched_invariants.py) must
# catch: (lab, region graded, the text in sched/core.c, what replaces
# it, the invariant test that must fail).
MUTATIONS = [
    # schedule(): the round ends by idling instead of going on with the
    # new active array.
    (3, "schedule",
     "\t\trq->best_expired_prio = MAX_PRIO;\n\t}\n\tnext = list_first_entry",
     "\t\trq->best_expired_prio = MAX_PRIO;\n\t\tnext = rq->idle;\n"
     "\t\tgoto switch_tasks;\n\t}\n\tnext = list_first_entry",
     "sched_trace_idle_runs_only_with_an_empty_run_queue"),
    # scheduler_tick(): the expired task keeps a slice of 0, which the
    # next tick wraps round: it never expires again.
    (3, "scheduler_tick",
     "\t\tp->prio = effective_prio(p);\n\t\tp->time_slice = "
     "task_timeslice(p);\n\t\tif (!rq->expired_timestamp)",
     "\t\tp->prio = effective_prio(p);\n\t\tif (!rq->expired_timestamp)",
     "sched_trace_no_runnable_task_waits_past_the_bound"),
    # schedule(): a task preempted before it slept leaves the run queue.
    (4, "schedule_deactivate",
     "if (prev->state && !(preempt_count() & PREEMPT_ACTIVE)) {",
     "if (prev->state) {",
     "sched_trace_preempted_task_stays_on_the_run_queue"),
]


def mutation_problem(tree, mutations):
    """Grade the reference with each of @mutations in turn, in @tree (a
    reference tree: each rebuilds sched/core.c alone); what went wrong,
    or None."""
    mklab(max(labs.LABS), tree, "--solved", "--in-place")
    path = os.path.join(tree, "sched", "core.c")
    with open(path) as f:
        pristine = f.read()
    problems = []
    for lab, region, old, new, test in mutations:
        assert pristine.count(old) == 1, (region, old)
        with open(path, "w") as f:
            f.write(pristine.replace(old, new))
        # The whole lab, once: a region's tests alone may hang the
        # kernel before the ktest watchdog can end the run and dump the
        # trace (a hog that never expires starves ksoftirqd too).
        score, code, report = grade(tree, lab, "--runs", "1")
        failed = re.search(r"\[  0/ *\d+\] %s\n +(.*)\n +look at: .*\b%s\b"
                           % (test, region), report)
        if "The build failed" in report or not failed or \
                not re.search(r"\b(pid|CPU) \d+\b.*\btick \d+",
                              failed.group(1)):
            problems.append("lab %d, %s mutated: %s did not fail naming "
                            "a task, a CPU and a tick:\n%s" % (
                                lab, region, test, report))
    with open(path, "w") as f:
        f.write(pristine)
    return "\n\n".join(problems) or None


def test_trace_invariants_catch_scheduler_bugs(ref_trees):
    """Each invariant of the scheduler trace fails, naming the task, the
    CPU, the tick and the region, on a kernel with a bug it is there to
    catch.  make test tries the cheapest (lab 4's, one boot of a few
    seconds), make test-labs all three (lab 3's boots are longer)."""
    problem = mutation_problem(ref_trees[0], MUTATIONS if ALL else
                               [m for m in MUTATIONS if m[0] == 4])
    assert problem is None, problem


sched_invariants = load_tool("sched_invariants")


def synthetic(*events):
    """A dump of @events, each "CPU KIND FIELDS" (tools/sched_invariants
    reads the fields it needs)."""
    lines = ["sched-trace: begin tsc_khz=1000 cpus=2 events=%d lost=0"
             % len(events)]
    for i, ev in enumerate(events):
        cpu, rest = ev.split(" ", 1)
        lines.append("sched-trace: %d [%s] %s" % (1000 * i, cpu, rest))
    return lines + ["sched-trace: end"]


def test_sched_invariants_hold_and_fail_on_synthetic_traces():
    """The checker itself: a correct trace passes; each rule fails on a
    trace that breaks it, naming the task, the CPU and the tick."""
    good = synthetic(
        "0 fork parent=1 child=5:a tick=1",
        "0 switch prev=1:init:S next=5:a tick=2 nr=1 queued=0",
        "1 wakeup pid=1:init by=5 tick=3",
        "0 switch prev=5:a:R next=1:init tick=4 nr=2 queued=1",
        "0 switch prev=1:init:S next=5:a tick=300 nr=1 queued=0",
        "0 switch prev=5:a:S next=0:swapper/0 tick=301 nr=0 queued=0")
    assert sched_invariants.check(good) == {"wait": [], "idle": [],
                                            "preempt": []}
    assert sched_invariants.check(good[:-1]) is None    # no end line
    found = sched_invariants.check(synthetic(
        "0 fork parent=1 child=5:a tick=1",
        "0 switch prev=1:init:R next=0:swapper/0 tick=2 nr=2 queued=0",
        "0 switch prev=0:swapper/0:R next=5:a tick=900 nr=2 queued=1"))
    assert found["idle"] == [
        "CPU 0 switched from pid 1 (init) to its idle task at tick 2 "
        "with 2 tasks on its run queue"], found
    assert found["preempt"] == [
        "pid 1 (init) lost CPU 0 at tick 2 runnable (state R) but off "
        "every run queue: nobody will run it again"], found
    assert len(found["wait"]) == 2 and \
        "pid 5 (a), forked on CPU 0 at tick 1, waited 899 ticks for " \
        "CPU 0 (at most 361 with 2 runnable)" in found["wait"], found
