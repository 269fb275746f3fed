# SPDX-License-Identifier: GPL-2.0
"""The Linux i386 ABI, from real Linux programs: Debian's static busybox
(/bin/busybox, when `make` found it: tools/install-deps.sh fetches it)
and a static glibc program built here (/bin/glibc-test,
tests/user/glibc_test.c) run unmodified from the shell, in one boot.
Their output is checked, and the kernel's log: a call the kernel lacks
is logged once per (program, number), never twice (kernel/ni_syscall.c).
"""
import collections
import os
import re
import time

import pytest

from conftest import BUILD, Terminal

BUSYBOX = os.path.join(BUILD, "initramfs", "bin", "busybox")
UNIMPLEMENTED = re.compile(r"(\S*)\[\d+\]: unimplemented system call (-?\d+)")

needs_busybox = pytest.mark.skipif(
    not os.path.exists(BUSYBOX),
    reason="busybox is not in the initramfs (tools/install-deps.sh "
           "fetches Debian's busybox-static:i386; make then adds it)")

_session = {}


def session():
    """One boot for every test here: the commands and what they printed."""
    if "out" in _session:
        return _session
    t = Terminal(cmdline="loglevel=4")
    try:
        t.wait_for(r"^# ", timeout=60)
        out = {}
        cmds = ["glibc-test"]
        if os.path.exists(BUSYBOX):
            cmds += ["busybox echo hi there", "busybox true",
                     "busybox uname -a", "busybox env", "busybox seq 3",
                     "busybox basename /a/b/c", "busybox date +%Y",
                     "busybox id", "busybox uptime", "busybox nproc",
                     "busybox factor 91", "busybox sleep 1",
                     "busybox echo hi there"]
        for cmd in cmds:
            key = cmd if cmd not in out else cmd + " (again)"
            # The echoed line, then the output up to the next prompt
            text = t.run(cmd, r"\n", timeout=30)
            out[key] = text.split("\n", 1)[1].rsplit("# ", 1)[0]
        out["dmesg"] = t.run("dmesg", r"\n", timeout=30)
        _session["out"] = out
    finally:
        t.close()
    return _session


def missing_calls(program):
    """{number} of the calls `program` made that the kernel lacks."""
    return {int(n) for p, n in UNIMPLEMENTED.findall(
        session()["out"]["dmesg"]) if p == program}


def test_glibc_program_tls_malloc_stdio_fork():
    out = session()["out"]["glibc-test"]
    assert "glibc-test: tls ok: counter 42, name parent" in out, out
    assert "glibc-test: malloc ok: 200 blocks, 1 to 262144 bytes" in out, out
    # fopen() (openat, the VFS) and waitpid() (wait4) are there.
    assert not {114, 295} & missing_calls("glibc-test"), out
    assert "glibc-test: motd: Welcome to kt26" in out, out
    assert "glibc-test: fork ok: child exited 7, parent's tls kept" in out, out
    assert "glibc-test: all ok" in out, out


@needs_busybox
def test_busybox_applets():
    out = session()["out"]
    assert out["busybox echo hi there"].strip() == "hi there"
    assert out["busybox true"].strip() == ""
    uname = out["busybox uname -a"].split()
    assert uname[:3] == ["Linux", "kt26", "2.6.32-kt26"], uname
    assert "i686" in uname, uname
    assert "HOME=/" in out["busybox env"].splitlines(), out["busybox env"]
    assert out["busybox seq 3"].split() == ["1", "2", "3"]
    assert out["busybox basename /a/b/c"].strip() == "c"
    # The CMOS clock (QEMU: the host's time) read at boot
    year = int(out["busybox date +%Y"].strip())
    assert abs(year - time.gmtime().tm_year) <= 1, year
    # /etc/passwd and /etc/group name uid and gid 0
    assert out["busybox id"].strip().startswith("uid=0(root) gid=0(root)")
    assert re.search(r"up .*load average: 0\.00, 0\.00, 0\.00",
                     out["busybox uptime"]), out["busybox uptime"]
    assert out["busybox nproc"].strip() == "1"
    assert out["busybox factor 91"].strip() == "91: 7 13"
    assert out["busybox echo hi there (again)"].strip() == "hi there"


def test_unimplemented_calls_logged_once_per_program_and_number():
    pairs = UNIMPLEMENTED.findall(session()["out"]["dmesg"])
    twice = [p for p, n in collections.Counter(pairs).items() if n > 1]
    assert not twice, twice
    if os.path.exists(BUSYBOX):
        # busybox ran 13 times and missed some calls each time (statx,
        # at least, until the file system has it): logged once each.
        assert pairs, "no unimplemented call logged"
