# SPDX-License-Identifier: GPL-2.0
"""Host unit tests: run every build/tests/unit/* program (built by
`make unit` with ASan and UBSan) and turn each of its TAP lines into one
pytest result."""
import glob
import os
import re
import subprocess

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
UNIT_DIR = os.path.join(ROOT, "build", "tests", "unit")
TAP = re.compile(r"^(ok|not ok) \d+ - (\S+?)(?:: (.*))?$")


def run_program(path):
    proc = subprocess.run([path], capture_output=True, text=True, timeout=120)
    results = {}
    for line in proc.stdout.splitlines():
        m = TAP.match(line)
        if m:
            results[m.group(2)] = (m.group(1) == "ok", m.group(3) or "")
    return proc, results


def pytest_generate_tests(metafunc):
    if "unit_case" not in metafunc.fixturenames:
        return
    cases = []
    for path in sorted(glob.glob(os.path.join(UNIT_DIR, "*_test"))):
        proc, results = run_program(path)
        prog = os.path.basename(path)
        for name, result in results.items():
            cases.append(pytest.param((prog, name, result, proc),
                                      id="%s.%s" % (prog, name)))
        # A crash (sanitizer report) after the last TAP line is a failure too.
        cases.append(pytest.param((prog, "exit_status", None, proc),
                                  id="%s.exit_status" % prog))
    if not cases:
        cases.append(pytest.param(None, id="no_unit_tests_built"))
    metafunc.parametrize("unit_case", cases)


def test_unit(unit_case):
    assert unit_case is not None, "no programs in build/tests/unit: run make unit"
    prog, name, result, proc = unit_case
    if name == "exit_status":
        assert proc.returncode == 0, "%s exited with %d\n%s" % (
            prog, proc.returncode, proc.stderr[-3000:])
        return
    ok, reason = result
    assert ok, reason
