# SPDX-License-Identifier: GPL-2.0
"""Shared helpers for the system tests: boot the kernel in QEMU, collect
what it prints on the serial port, and never wait forever.

Every QEMU run has a hard timeout; on a timeout or an unexpected status
the test fails with the tail of the serial log, so the reason is visible
in the pytest report.  Boot times are collected and printed at the end of
the run as information (they are never asserted).

Every boot gets a disk, the primary IDE master (hda), as `make run` does:
by default a fresh, empty 288 MiB image of its own (sparse: made in no
time), so that no test sees what another wrote.  disk=PATH boots with
that image (to look at it afterwards), disk=None with no disk at all.
made_disk_image() makes a copy of the disk `make run` attaches (an MBR,
ext3 on hda1: tools/mkdisk.py); ktest=all on more than one CPU boots
with one, beside which the raw-disk tests must leave hda1 alone
(tests/system/test_boot.py).
"""
import atexit
import importlib.util
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

import pytest

# A test suite started in the background by a shell without job control
# (`make test &`) inherits SIGINT and SIGQUIT ignored, and so would every
# program it runs -- the host-side tests that send them would then see
# them ignored.  A handler of our own is reset to the default at exec.
for _sig, _handler in ((signal.SIGINT, signal.default_int_handler),
                       (signal.SIGQUIT, signal.SIG_DFL)):
    if signal.getsignal(_sig) == signal.SIG_IGN:
        signal.signal(_sig, _handler)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.path.join(ROOT, "build")
KERNEL = os.path.join(BUILD, "kernel.elf")
ISO = os.path.join(BUILD, "kernel.iso")
QEMU = "qemu-system-i386"

# isa-debug-exit statuses (include/reboot.h): (code << 1) | 1
EXIT_KTEST_PASS = (0x10 << 1) | 1
EXIT_KTEST_FAIL = (0x11 << 1) | 1
EXIT_PANIC = (0x12 << 1) | 1

BANNER = "kt26 version"

DISK_BYTES = 288 << 20          # as build/disk.img (Makefile DISK_MB)
BLOCK_SIZE = 4096               # a buffer-cache block: 8 sectors
FRESH_DISK = object()           # qemu_argv()'s default: a new blank image

boot_times = []

_disk_dir = None
_disk_dir_lock = threading.Lock()


def load_tool(name):
    """tools/NAME.py as a module, for the tests of what it makes."""
    spec = importlib.util.spec_from_file_location(
        name, os.path.join(ROOT, "tools", name + ".py"))
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def new_disk_image(name="disk.img", size=DISK_BYTES):
    """A blank (all zero, sparse) raw image of `size` bytes, 288 MiB unless
    told, in a private temporary directory that is removed when the test
    run ends.  Sparse: even a 20 GiB image costs no time and no space
    until the kernel writes to it."""
    global _disk_dir
    with _disk_dir_lock:		# ktest_boots() boots in threads
        if _disk_dir is None:
            _disk_dir = tempfile.mkdtemp(prefix="kt26-disks-")
            atexit.register(shutil.rmtree, _disk_dir, True)
    fd, path = tempfile.mkstemp(prefix=name + ".", dir=_disk_dir)
    os.ftruncate(fd, size)
    os.close(fd)
    return path


def made_disk_image(name="ext3-disk.img", block_size=4096):
    """A new disk as `make` makes build/disk.img (tools/mkdisk.py): an
    MBR, ext3 on hda1 (of 4 KiB blocks, or @block_size), in the private
    temporary directory."""
    path = new_disk_image(name)
    load_tool("mkdisk").make_disk(path, block_size)
    return path


def disk_argv(path):
    """QEMU arguments attaching a raw image as the primary IDE master."""
    return ["-drive", "file=%s,format=raw,if=ide,index=0" % path]


class Boot:
    """The result of one QEMU run."""

    def __init__(self, argv, output, status, timed_out, t_banner, t_end):
        self.argv = argv
        self.output = output
        self.status = status
        self.timed_out = timed_out
        self.t_banner = t_banner
        self.t_end = t_end

    @property
    def lines(self):
        return self.output.splitlines()

    def tail(self, n=40):
        return "\n".join(self.lines[-n:])

    def explain(self, what):
        return "%s\nqemu: %s\nstatus: %s%s\n--- serial output (last lines) ---\n%s" % (
            what, " ".join(self.argv), self.status,
            " (timed out)" if self.timed_out else "", self.tail())

    def expect(self, pattern):
        """Assert that a line matches the regex; return the match."""
        m = re.search(pattern, self.output, re.M)
        if not m:
            pytest.fail(self.explain("missing pattern: %r" % pattern))
        return m


INITRAMFS = os.path.join(BUILD, "initramfs.cpio")


def qemu_argv(cmdline="", mem=128, iso=False, extra=(), initrd=INITRAMFS,
              disk=FRESH_DISK, smp=1, monitor="none"):
    """disk: FRESH_DISK (a new blank image), a path, or None (no disk).
    smp: the number of CPUs (QEMU's plain -smp N).
    monitor: QEMU's -monitor device, e.g. "unix:PATH,server,nowait"."""
    argv = [QEMU, "-m", str(mem), "-smp", str(smp), "-display", "none",
            "-no-reboot",
            "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
            "-serial", "stdio", "-monitor", monitor]
    if iso:
        argv += ["-cdrom", ISO, "-boot", "d"]
    else:
        argv += ["-kernel", KERNEL, "-append", cmdline]
        if initrd:
            argv += ["-initrd", initrd]
    if disk is FRESH_DISK:
        disk = new_disk_image()
    if disk is not None:
        argv += disk_argv(disk)
    return argv + list(extra)


def run_qemu(argv, timeout=60, end_pattern=None, stdin_data=None, label=None,
             stop_at_end=False):
    """Run QEMU until it exits (or the timeout kills it).

    end_pattern: a regex; the time it first appears is recorded as the
    end of the boot (for the boot-time report).  With stop_at_end, QEMU is
    stopped as soon as it appears (for boots that would idle forever).
    """
    start = time.monotonic()
    proc = subprocess.Popen(argv, stdin=subprocess.PIPE if stdin_data else
                            subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    chunks = []
    marks = {"banner": None, "end": None}
    end_re = re.compile(end_pattern) if end_pattern else None

    def reader():
        for raw in iter(proc.stdout.readline, b""):
            line = raw.decode("utf-8", "replace").replace("\r", "")
            chunks.append(line)
            now = time.monotonic() - start
            if marks["banner"] is None and BANNER in line:
                marks["banner"] = now
            if end_re and marks["end"] is None and end_re.search(line):
                marks["end"] = now
                if stop_at_end:
                    proc.kill()

    t = threading.Thread(target=reader, daemon=True)
    t.start()
    if stdin_data:
        proc.stdin.write(stdin_data)
        proc.stdin.close()
    timed_out = False
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        proc.kill()
        proc.wait()
    t.join(timeout=5)
    boot = Boot(argv, "".join(chunks), proc.returncode, timed_out,
                marks["banner"], marks["end"])
    if label:
        boot_times.append((label, boot.t_banner, boot.t_end))
    return boot


def boot_kernel(cmdline="", timeout=60, mem=128, extra=(), label=None,
                end_pattern=r"ktest: \d+ passed", initrd=INITRAMFS,
                stdin_data=None, disk=FRESH_DISK, smp=1):
    return run_qemu(qemu_argv(cmdline, mem=mem, extra=extra, initrd=initrd,
                              disk=disk, smp=smp),
                    timeout=timeout, end_pattern=end_pattern, label=label,
                    stdin_data=stdin_data)


_ktest_cache = {}
_ktest_disks = {}


def ktest_boot(cmdline="ktest=all", timeout=240, mem=128, extra=(), smp=1):
    """Boot once per distinct command line and CPU count; later callers
    share it.  ktest=all on more than one CPU gets a copy of the disk
    `make` makes (made_disk_image()), and ktest_disk() then says where it
    is and where a second copy, never booted, is."""
    key = (cmdline, mem, tuple(extra), smp)
    if key not in _ktest_cache:
        disk = FRESH_DISK
        if cmdline == "ktest=all" and smp > 1:
            disk = made_disk_image()
            pristine = new_disk_image("pristine.img")
            shutil.copyfile(disk, pristine)
            _ktest_disks[key] = (disk, pristine)
        _ktest_cache[key] = boot_kernel(
            cmdline, timeout=timeout, mem=mem, extra=extra, smp=smp,
            disk=disk,
            label=cmdline if smp == 1 else "%s (-smp %d)" % (cmdline, smp))
    return _ktest_cache[key]


def ktest_boots(cpus, cmdline="ktest=all"):
    """ktest_boot() for each CPU count in @cpus, all booted at once (a
    QEMU per host CPU instead of one after the other; the in-kernel tests
    pass on a busy host, as make test-stress shows).  Return: the boots."""
    threads = [threading.Thread(target=ktest_boot, args=(cmdline,),
                                kwargs={"smp": smp}) for smp in cpus]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return [ktest_boot(cmdline, smp=smp) for smp in cpus]


def ktest_disk(cmdline="ktest=all", mem=128, extra=(), smp=1):
    """(the disk ktest_boot() booted with, an untouched copy of it), or
    None for a blank disk."""
    ktest_boot(cmdline, mem=mem, extra=extra, smp=smp)
    return _ktest_disks.get((cmdline, mem, tuple(extra), smp))


KTEST_LINE = re.compile(r"ktest: (ok|not ok) (\d+) - ([A-Za-z0-9_]+)(?:: (.*))?$")


def ktest_results(boot):
    """{name: (ok, reason)} from a boot's ktest lines."""
    results = {}
    for line in boot.lines:
        m = KTEST_LINE.search(line)
        if m:
            results[m.group(3)] = (m.group(1) == "ok", m.group(4) or "")
    return results


def pytest_terminal_summary(terminalreporter):
    if not boot_times:
        return
    tr = terminalreporter
    tr.write_sep("-", "boot times (information, not asserted)")
    for label, banner, end in boot_times:
        tr.write_line("%-44s banner %s   end %s" % (
            label[:44],
            "%6.3f s" % banner if banner is not None else "     -  ",
            "%6.3f s" % end if end is not None else "   -"))


def free_port():
    import socket
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def symbol_address(name):
    """A symbol's address in build/kernel.elf, from nm."""
    out = subprocess.run(["nm", KERNEL], capture_output=True, text=True,
                         check=True).stdout
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[2] == name:
            return int(parts[0], 16)
    raise KeyError(name)


def wait_listening(port, timeout=20):
    """Wait until something listens on a local TCP port, without
    connecting to it (QEMU's gdb stub takes a single connection)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with open("/proc/net/tcp") as f:
            for line in f.readlines()[1:]:
                local, state = line.split()[1], line.split()[3]
                if state == "0A" and int(local.split(":")[1], 16) == port:
                    return True
        time.sleep(0.05)
    return False


# The shell's built-in commands (user/sh_builtins.c), in the order `help`
# lists them.
SH_BUILTINS = ["help", "cd", "pwd", "jobs", "fg", "bg", "wait", "exit",
               "stack", "free", "dmesg", "sync", "pressure", "trace",
               "poweroff"]


class Terminal:
    """QEMU with the serial port on a pipe: type lines, read the screen."""

    def __init__(self, cmdline="loglevel=4", initrd=None, disk=FRESH_DISK,
                 mem=128, extra=(), smp=1, monitor="none"):
        argv = qemu_argv(cmdline, mem=mem, disk=disk, extra=extra, smp=smp,
                         monitor=monitor,
                         **({"initrd": initrd} if initrd else {}))
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT)
        self.out = []
        self.lock = threading.Lock()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for raw in iter(lambda: self.proc.stdout.read1(4096), b""):
            with self.lock:
                self.out.append(raw.decode("utf-8", "replace").replace("\r", ""))

    def text(self):
        with self.lock:
            return "".join(self.out)

    def wait_for(self, pattern, timeout=20, start=0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            m = re.search(pattern, self.text()[start:], re.M)
            if m:
                return m
            if self.proc.poll() is not None:
                break
            time.sleep(0.05)
        pytest.fail("missing %r in the terminal:\n%s" % (pattern,
                                                          self.text()[-3000:]))

    def type(self, data):
        """Sends @data (bytes: keys, escape sequences) as typed; returns
        where the screen's text stood, for wait_for(start=)."""
        start = len(self.text())
        self.proc.stdin.write(data)
        self.proc.stdin.flush()
        return start

    def output(self, line, timeout=30, prompt=r"^# "):
        """Types @line; returns what it printed before the next @prompt
        (the terminal's echo of the line itself left out)."""
        start = self.type(line.encode() + b"\n")
        m = self.wait_for(r"(?s)" + re.escape(line) + r"\n(.*?)" + prompt,
                          timeout, start)
        return m.group(1)

    def run(self, line, expect, timeout=20):
        """Type a command and wait for its output and the next prompt."""
        start = len(self.text())
        self.proc.stdin.write(line.encode() + b"\n")
        self.proc.stdin.flush()
        m = self.wait_for(expect, timeout, start)
        self.wait_for(r"^# ", timeout, start + m.end())
        return self.text()[start:]

    def close(self):
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
