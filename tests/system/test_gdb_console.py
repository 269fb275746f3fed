# SPDX-License-Identifier: GPL-2.0
"""make gdb and make console together: the shell typed to over the
console socket while GDB holds breakpoints, and a breakpoint the typed
command reaches stops GDB (Makefile: gdb, console; tools/console.py).

`make gdb` runs as a student runs it, with its commands coming from a
pipe instead of a terminal; the console is QEMU's serial port on
CONSOLEPORT, read and written here as tools/console.py does.
"""
import os
import re
import signal
import socket
import subprocess
import threading
import time

import pytest

from conftest import ROOT, free_port
from test_docs_gdb import missing_lines

BUSYBOX = os.path.join(ROOT, "build", "initramfs", "bin", "busybox")
TIMEOUT = 60


class Reader:
    """Everything a stream or socket gave so far, gathered by a thread."""

    def __init__(self, read):
        self.chunks = []
        self.lock = threading.Lock()
        threading.Thread(target=self._run, args=(read,), daemon=True).start()

    def _run(self, read):
        while True:
            try:
                data = read()
            except OSError:
                return
            if not data:
                return
            with self.lock:
                self.chunks.append(data.decode("utf-8", "replace"))

    def text(self):
        with self.lock:
            return "".join(self.chunks).replace("\r", "")

    def wait_for(self, pattern, what):
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            m = re.search(pattern, self.text(), re.M)
            if m:
                return m
            time.sleep(0.05)
        pytest.fail("no %r in %s:\n%s" % (pattern, what, self.text()[-3000:]))


def make_gdb_in_the_doc():
    """The lines docs/gdb.md section 1 shows under `$ make gdb`."""
    with open(os.path.join(ROOT, "docs", "gdb.md")) as f:
        text = f.read()
    block = text.split("\n    $ make gdb\n", 1)[1].split("\n\n", 1)[0]
    return [line[4:] for line in block.splitlines()
            if line[4:].strip() not in ("", "(gdb)")]


def gdb_pid(pgid):
    """The gdb that make gdb started, in the process group @pgid."""
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open("/proc/%s/stat" % pid) as f:
                fields = f.read().rsplit(")", 1)[1].split()
            with open("/proc/%s/comm" % pid) as f:
                comm = f.read().strip()
        except OSError:
            continue
        if comm == "gdb" and int(fields[2]) == pgid:
            return int(pid)
    pytest.fail("no gdb in process group %d" % pgid)


def connect(port):
    deadline = time.monotonic() + TIMEOUT
    while True:
        try:
            return socket.create_connection(("127.0.0.1", port))
        except OSError:
            assert time.monotonic() < deadline, "no console socket"
            time.sleep(0.1)


@pytest.mark.skipif(not os.path.exists(BUSYBOX), reason="no busybox")
def test_shell_typed_to_under_make_gdb_and_a_breakpoint_stops_gdb():
    gdbport, consoleport = free_port(), free_port()
    env = dict(os.environ)
    env.pop("TMUX", None)
    make = subprocess.Popen(
        ["make", "--no-print-directory", "gdb", "GDBPORT=%d" % gdbport,
         "CONSOLEPORT=%d" % consoleport], cwd=ROOT, env=env,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, start_new_session=True)
    gdb_out = Reader(make.stdout.read1)
    console = None
    try:
        # QEMU holds the kernel at its first instruction (-S) until gdb
        # continues: connected first, the console misses nothing (QEMU
        # drops what it prints while no one is connected).
        console = connect(consoleport)
        screen = Reader(lambda: console.recv(4096))
        # Nothing at boot calls uname(): only the command typed below.
        make.stdin.write(b"break sys_newuname\ncontinue\n")
        make.stdin.flush()
        screen.wait_for(r"^# ", "the console")
        console.sendall(b"busybox uname -s\n")
        gdb_out.wait_for(r"Breakpoint 1, sys_newuname", "gdb's output")
        make.stdin.write(b"kcurrent\n")
        make.stdin.flush()
        gdb_out.wait_for(r"current: pid \d+ busybox ", "kcurrent")
        # Stopped: the kernel has not answered yet.
        assert "Linux" not in screen.text().split("busybox uname -s")[-1]
        make.stdin.write(b"continue\n")
        make.stdin.flush()
        screen.wait_for(r"^Linux\n# ", "the console")
        # Ctrl-C reaches gdb alone (the recipe's shell ignores it, QEMU
        # is in a session of its own): gdb stops the kernel, then quits.
        os.kill(gdb_pid(make.pid), signal.SIGINT)
        gdb_out.wait_for(r"SIGINT", "gdb's output")
        make.stdin.write(b"kill\nquit\n")
        make.stdin.close()
        assert make.wait(timeout=TIMEOUT) == 0, gdb_out.text()
        assert "console on" not in gdb_out.text()
        assert "make console" in gdb_out.text()
        # docs/gdb.md section 1 shows what make gdb prints (for the
        # default ports of uid 0: 26000, 26001).
        printed = gdb_out.text().replace(str(gdbport), "26000").replace(
            str(consoleport), "26001")
        missing = missing_lines(make_gdb_in_the_doc(), printed)
        assert not missing, "docs/gdb.md shows, make gdb did not " \
            "print:\n%s\n--- make gdb printed ---\n%s" % (
                "\n".join(missing), printed)
    finally:
        if make.poll() is None:
            # The recipe's shell traps TERM and stops QEMU on its way out.
            os.killpg(make.pid, signal.SIGTERM)
            make.wait(timeout=TIMEOUT)
        if console is not None:
            console.close()
    # QEMU went with gdb: its console socket is closed.
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", consoleport), timeout=2)
