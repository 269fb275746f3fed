# SPDX-License-Identifier: GPL-2.0
"""The ACPI power button (drivers/acpi/button.c, docs/acpi.md): QEMU's
monitor command system_powerdown presses it; the SCI queues work on
kacpid, whose orderly_poweroff() sends SIGTERM to init, which stops the
processes (a background `sleep 100` in /mnt among them), syncs, unmounts
/mnt (the ext3 disk) and powers off through the FADT's PM1a_CNT with the
DSDT's S5 sleep type: QEMU ends by itself with status 0.  With acpi=off there is no power button and no
kacpid."""
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time

import pytest

from conftest import Terminal, made_disk_image

PROMPT = r"^# "


def monitor_command(path, command, timeout=20):
    """Connects to QEMU's monitor on a Unix socket, types @command."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            s = socket.socket(socket.AF_UNIX)
            s.connect(path)
            break
        except OSError:
            s.close()
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
    try:
        s.settimeout(timeout)
        got = b""
        while b"(qemu)" not in got:
            got += s.recv(4096)
        s.sendall(command.encode() + b"\n")
        got = b""
        while got.count(b"(qemu)") < 1:
            got += s.recv(4096)
    finally:
        s.close()


def test_boot_reads_the_fadt_and_the_s5_sleep_type():
    term = Terminal(cmdline="", smp=1)
    try:
        term.wait_for(PROMPT, timeout=60)
        text = term.text()
        for pattern in (r"ACPI: FADT 0x[0-9a-f]{8} ",
                        r"ACPI: SCI IRQ 9, PM1a_EVT_BLK 0x600 \(4 bytes\), "
                        r"PM1a_CNT_BLK 0x604, SMI_CMD 0xb2",
                        r"ACPI: S5 SLP_TYP 0 \(from the DSDT\)",
                        r"ACPI: Power Button \[PWRF\] on SCI IRQ 9, "
                        r"handled by kacpid"):
            assert re.search(pattern, text), (pattern, text[-3000:])
        ps = term.output("ps -ef")
        # A kernel thread: kthreadd's child, with no command line (so ps
        # shows its name in brackets).
        assert re.search(r"^\s*\S+\s+\d+\s+2\s.*\[kacpid\]$", ps, re.M), ps
        irqs = term.output("cat /proc/interrupts")
        assert re.search(r"^\s*9:.*IO-APIC-level\s+acpi$", irqs, re.M), irqs
    finally:
        term.close()


@pytest.mark.parametrize("smp", [1, 2])
def test_system_powerdown_shuts_down_cleanly(smp):
    sock = os.path.join(tempfile.mkdtemp(prefix="kt26-acpi-"), "monitor")
    term = Terminal(cmdline="", smp=smp, disk=made_disk_image(),
                    monitor="unix:%s,server,nowait" % sock)
    try:
        term.wait_for(PROMPT, timeout=60)
        assert "init: /dev/hda1 mounted on /mnt" in term.text(), \
            term.text()[-3000:]
        # A job whose working directory keeps /mnt busy until it ends.
        term.output("cd /mnt")
        term.output("sleep 100 &")
        ps = term.output("ps -e")
        assert re.search(r"\bsleep\b", ps), ps
        start = len(term.text())
        monitor_command(sock, "system_powerdown")
        try:
            status = term.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            status = None
        out = term.text()[start:]
        assert status == 0, "QEMU did not power off (status %r):\n%s" % (
            status, out)
        lines = [r"ACPI: power button pressed, kacpid: orderly power-off",
                 r"orderly_poweroff: SIGTERM to init \(pid 1\)",
                 r"init: power button: stopping processes",
                 r"init: syncing, powering off",
                 r"init: /mnt unmounted",
                 r"System halted: syncing disks\.\.\. done\. Power down\."]
        pos = 0
        for pattern in lines:
            m = re.compile(pattern, re.M).search(out, pos)
            assert m, "missing %r (in this order) in:\n%s" % (pattern, out)
            pos = m.end()
        # SIGTERM ended sleep: no SIGKILL was needed.
        assert "init: sending SIGKILL" not in out, out
    finally:
        term.close()
        try:
            os.unlink(sock)
            os.rmdir(os.path.dirname(sock))
        except OSError:
            pass


def test_acpi_off_has_no_power_button():
    term = Terminal(cmdline="loglevel=4 acpi=off", smp=1)
    try:
        term.wait_for(PROMPT, timeout=60)
        ps = term.output("ps -e")
        assert "kacpid" not in ps, ps
        assert "ACPI: power button not available (acpi=off)" in \
            term.output("dmesg"), term.text()[-3000:]
    finally:
        term.close()


def test_power_button_during_a_write_keeps_the_written_data():
    """/bin/fswriter appends to and fsync()s files on /mnt when the
    power button is pressed: init's SIGTERM ends it, init syncs and
    unmounts /mnt, and QEMU ends by itself; on the host e2fsck -fn finds
    the file system clean and every file holds every block the writer
    wrote (a clean unmount loses nothing: the last block may be cut
    short only by the signal ending a write)."""
    crash = load_tool_module("test_crash")
    seed = 77
    sock = os.path.join(tempfile.mkdtemp(prefix="kt26-acpi-"), "monitor")
    disk = made_disk_image()
    term = Terminal(cmdline="", smp=2, disk=disk,
                    monitor="unix:%s,server,nowait" % sock)
    try:
        term.wait_for(PROMPT, timeout=60)
        start = term.type(b"fswriter %d /mnt/pw\n" % seed)
        crash.wait_fsyncs(term, 30, start)
        monitor_command(sock, "system_powerdown")
        try:
            status = term.proc.wait(timeout=120)
        except subprocess.TimeoutExpired:
            status = None
        out = term.text()[start:]
        assert status == 0, "QEMU did not power off (status %r):\n%s" % (
            status, out[-3000:])
        for pattern in (r"init: /mnt unmounted",
                        r"System halted: syncing disks\.\.\. done\. "
                        r"Power down\."):
            assert re.search(pattern, out, re.M), (pattern, out[-3000:])
        written = {}
        for n, length in re.findall(r"^fswriter: (?:fsync|wrote) "
                                    r"/mnt/pw/f(\d+) (\d+)$", out, re.M):
            written[int(n)] = max(written.get(int(n), 0), int(length))
        assert len(written) >= 3, out[-3000:]
        tmp = tempfile.mkdtemp(prefix="kt26-acpi-")
        try:
            crash.check_image(disk, seed, written, tmp, dir="/pw",
                              whole=True)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    finally:
        term.close()
        os.unlink(disk)
        try:
            os.unlink(sock)
            os.rmdir(os.path.dirname(sock))
        except OSError:
            pass


def load_tool_module(name):
    """tests/system/NAME.py as a module (its helpers)."""
    import importlib
    return importlib.import_module(name)
