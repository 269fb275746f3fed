# SPDX-License-Identifier: GPL-2.0
"""Every header compiles on its own: one pytest result per header (and
one more: the two declarations of lib/'s functions agree).

`make -k hdrcheck` compiles, for each header, a generated translation unit
that includes that header and nothing else (twice: its guard must hide
the second), with the flags of the code that includes it (the Makefile
says which).  A header passes when its object exists afterwards: the rule
removes the old one first, and keeps the compiler's messages next to it
(build/hdrcheck/<header>.log) for the failure report.  The list of
headers is made here, from the directories, so a header the Makefile
forgot fails too."""
import glob
import os
import subprocess

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HDRCHECK = os.path.join(ROOT, "build", "hdrcheck")

# Compiled with the kernel's flags, then with the user programs'.
KERNEL_DIRS = ["include", "include/uapi", "arch/x86/include/asm", "tests/ktest"]
USER_DIRS = ["user/include", "user/include/sys"]


def checks():
    """(test id, the check's path under build/hdrcheck without .o)"""
    out = []
    for d in KERNEL_DIRS + USER_DIRS:
        for h in sorted(glob.glob(os.path.join(ROOT, d, "*.h"))):
            rel = os.path.relpath(h, ROOT)
            out.append((rel, rel[:-2]))
    # The user ABI is included by the kernel and by the user programs.
    for h in sorted(glob.glob(os.path.join(ROOT, "include/uapi/*.h"))):
        name = os.path.basename(h)[:-2]
        out.append(("include/uapi/%s.h (user flags)" % name,
                    "user/uapi/" + name))
    # lib/string.c and lib/vsprintf.c: the kernel's declarations and the
    # user library's, in one translation unit.
    out.append(("lib/ declared alike in include/ and user/include/",
                "user/klib"))
    return out


CHECKS = checks()


@pytest.fixture(scope="session")
def hdrcheck_run():
    # Not a recursive make of `make test`: no jobserver to inherit.
    env = {k: v for k, v in os.environ.items()
           if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    return subprocess.run(["make", "--no-print-directory", "-k", "-j2",
                           "hdrcheck"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)


@pytest.mark.parametrize("check", [c[1] for c in CHECKS],
                         ids=[c[0] for c in CHECKS])
def test_header_compiles_alone(hdrcheck_run, check):
    obj = os.path.join(HDRCHECK, check + ".o")
    log = os.path.join(HDRCHECK, check + ".log")
    if os.path.exists(obj):
        return
    if os.path.exists(log):
        with open(log) as f:
            pytest.fail("does not compile alone:\n" + f.read()[-3000:],
                        pytrace=False)
    pytest.fail("make hdrcheck did not check it (missing from the "
                "Makefile?)\n" + hdrcheck_run.stdout[-1500:] +
                hdrcheck_run.stderr[-1500:], pytrace=False)
