# SPDX-License-Identifier: GPL-2.0
"""The course labs, both ways (docs/labs/): the reference tree scores
100 on every lab; a student tree from tools/mklab holds no solution,
builds, boots to where the lab's code is first needed and says so, and
scores below 100; and every region alone, stubbed, is caught by a test
whose failure names it.  tools/grade-all grades a directory of trees
with the reference's tests, whatever a submission did to its own."""
import csv
import os
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
GDB_LABS = sorted(n for n, lab in labs.LABS.items() if lab.questions)


def answer_key(lab, mem, path):
    code, out = run([PYTHON, os.path.join(ROOT, "tools", "grade.py"),
                     "--key", str(lab), str(mem)])
    assert code == 0 and "machine: %d" % mem in out, out
    with open(path, "w") as f:
        f.write(out)
    return out


@pytest.mark.parametrize("lab", CODE_LABS)
def test_reference_scores_100(lab):
    score, code, out = grade(ROOT, lab)
    assert (score, code) == (100, 0), out


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


@pytest.mark.parametrize("lab", sorted(labs.LABS))
def test_student_tree_has_no_solution_and_stops_clearly(lab, workdir):
    tree = os.path.join(workdir, "student")
    out = mklab(lab, tree, "--with-build")
    regions, unique = solution_lines(lab)
    student = text_files(tree)
    for name, probe in unique.items():
        found = [f for f, text in student.items()
                 if probe in (l.strip() for l in text.splitlines())]
        assert not found, "%s's line %r is in %s" % (name, probe, found)
    everything = "\n".join(normalized(t) for t in student.values())
    for name, lines in regions.items():
        assert normalized("\n".join(lines)) not in everything, \
            "the solution of %s is in the student tree" % name
    for name in labs.LABS[lab].stubs:
        assert "LAB %d: %s" % (lab, name) in out
    score, code, report = grade(tree, lab)
    assert "The build failed" not in report, report
    assert score < 100 and code == 1, report
    if labs.LABS[lab].questions:
        with open(os.path.join(tree, labs.answers_file(lab))) as f:
            assert re.search(r"^machine: \d+$", f.read(), re.M)
        assert "your answer: (none)" in report, report
    else:
        assert re.search(r"Needed before any test can run: \w+|"
                         r"look at: \w+", report), report


@pytest.mark.parametrize("lab,region", [
    (n, r) for n in sorted(labs.LABS) for r in labs.LABS[n].stubs])
def test_each_stub_alone_is_caught_and_named(lab, region, workdir):
    tree = os.path.join(workdir, "student")
    mklab(lab, tree, "--with-build", "--only", region)
    # The tests that name the region are enough: one of them must fail.
    score, code, report = grade(tree, lab, "--region", region)
    assert "The build failed" not in report, report
    assert score < 100, report
    named = re.search(r"Needed before any test can run: .*\b%s\b" % region,
                      report) or re.search(r"look at: .*\b%s\b" % region,
                                           report)
    assert named, report


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
