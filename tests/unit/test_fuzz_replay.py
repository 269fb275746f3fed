# SPDX-License-Identifier: GPL-2.0
"""The fuzz harnesses without libFuzzer: every input of the seed corpus
(tests/fuzz/corpus/NAME/) and every input that ever crashed a harness
(tests/fuzz/regressions/NAME/) replayed through build/replay/NAME_fuzz
(`make unit`: the kernel's parsers and tests/fuzz/replay.c, built with
gcc and the address and undefined-behaviour sanitizers).  One result
per input: a bug that comes back fails the input that found it, with
the sanitizer's or the harness's report."""
import glob
import os
import subprocess

import pytest

from conftest import BUILD, ROOT

FUZZERS = ["elf", "cpio", "cmdline", "smp"]
FUZZ_DIR = os.path.join(ROOT, "tests", "fuzz")


def inputs():
    cases = []
    for name in FUZZERS:
        for kind in ["corpus", "regressions"]:
            for path in sorted(glob.glob(os.path.join(FUZZ_DIR, kind, name,
                                                      "*"))):
                if os.path.isfile(path):
                    cases.append(pytest.param(
                        name, path,
                        id="%s/%s/%s" % (name, kind, os.path.basename(path))))
    return cases


@pytest.mark.parametrize("name", FUZZERS)
def test_fuzz_inputs_exist(name):
    """Each harness has seeds and regressions: libFuzzer needs both
    directories, and a harness nothing is replayed through is untested."""
    for kind in ["corpus", "regressions"]:
        assert glob.glob(os.path.join(FUZZ_DIR, kind, name, "*")), \
            "tests/fuzz/%s/%s/ is empty" % (kind, name)


@pytest.mark.parametrize("name,path", inputs())
def test_fuzz_replay(name, path):
    replay = os.path.join(BUILD, "replay", name + "_fuzz")
    assert os.path.exists(replay), "%s missing: run make unit" % replay
    proc = subprocess.run([replay, path], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0 and proc.stdout.startswith("ok 1 - "), \
        "%s exited with %d:\n%s" % (os.path.relpath(path, ROOT),
                                    proc.returncode, proc.stderr[-4000:])
