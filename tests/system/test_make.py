# SPDX-License-Identifier: GPL-2.0
"""The Makefile's own help: `make help` prints one line per target, for
every target the Makefile declares (.PHONY), each exactly once; and its
O= switch (the kernel's optimisation level) refuses what it does not
know."""
import os
import re
import subprocess

from conftest import ROOT

HELP_LINE = re.compile(r"make (\S+) +\S")


def phony_targets():
    with open(os.path.join(ROOT, "Makefile")) as f:
        text = f.read()
    return {t for line in re.findall(r"^\.PHONY:(.*)$", text, re.M)
            for t in line.split()}


def test_make_help_one_line_per_target():
    out = subprocess.run(["make", "--no-print-directory", "help"], cwd=ROOT,
                         capture_output=True, text=True, timeout=30,
                         check=True).stdout
    lines = out.splitlines()
    not_targets = [l for l in lines if not HELP_LINE.match(l)]
    assert not not_targets, "lines that name no target:\n" + out
    targets = [HELP_LINE.match(l).group(1) for l in lines]
    assert len(targets) == len(set(targets)), "a target twice:\n" + out
    # The list, then whatever else the Makefile has.
    assert {"all", "run", "iso", "run-iso", "gdb", "test", "clean",
            "help"} <= set(targets), out
    assert set(targets) == phony_targets(), out


def test_make_refuses_an_unknown_optimisation_level():
    """O=0 (-O0, for stepping in GDB) and O=g (-Og, the default) are the
    levels; anything else stops make before it builds, with a message."""
    done = subprocess.run(["make", "--no-print-directory", "O=3", "help"],
                          cwd=ROOT, capture_output=True, text=True,
                          timeout=30)
    assert done.returncode != 0
    assert "O=3: use O=0 (-O0, for stepping) or the default O=g (-Og)" in \
        done.stderr, done.stderr
