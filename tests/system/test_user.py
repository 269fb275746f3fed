# SPDX-License-Identifier: GPL-2.0
"""User mode: pid 1 becomes /sbin/init, the shell works over the serial
port like a terminal, usertests (init=/bin/usertests) passes line by
line, and a missing or corrupt initramfs leaves a kernel that says so and
keeps running."""
import os
import re
import time

import pytest

from conftest import (BUILD, KERNEL, Terminal, boot_kernel, new_disk_image,
                      qemu_argv, run_qemu)

CORRUPT = os.path.join(BUILD, "initramfs-corrupt.cpio")
USERTEST_LINE = re.compile(r"usertests: (ok|not ok) (\d+) - (\w+)(.*)$")

_usertests = {}


def usertests_boot():
    if "boot" not in _usertests:
        _usertests["boot"] = run_qemu(
            qemu_argv("loglevel=4 init=/bin/usertests"), timeout=180,
            end_pattern=r"usertests: \d+ passed", label="init=/bin/usertests",
            stop_at_end=True)
    return _usertests["boot"]


def usertest_results(boot):
    results = {}
    for line in boot.lines:
        m = USERTEST_LINE.search(line)
        if m:
            results[m.group(3)] = (m.group(1) == "ok", m.group(4))
    return results


def pytest_generate_tests(metafunc):
    if "usertest_name" in metafunc.fixturenames:
        names = sorted(usertest_results(usertests_boot()))
        metafunc.parametrize("usertest_name", names or ["no_usertests_output"])


def test_usertest(usertest_name):
    """One result per `usertests: ok/not ok N - name` line."""
    boot = usertests_boot()
    results = usertest_results(boot)
    assert usertest_name in results, boot.explain("no usertests lines")
    ok, rest = results[usertest_name]
    assert ok, "%s%s" % (usertest_name, rest)
    assert "# SKIP" not in rest, "%s was skipped on kt26%s" % (usertest_name, rest)


def test_usertests_complete():
    boot = usertests_boot()
    plan = int(boot.expect(r"usertests: 1\.\.(\d+)").group(1))
    m = boot.expect(r"usertests: (\d+) passed, (\d+) failed")
    assert int(m.group(1)) == plan and m.group(2) == "0", boot.explain("failures")
    boot.expect(r"init: executing /bin/usertests|usertests: 1\.\.")


@pytest.fixture
def terminal():
    t = Terminal()
    t.wait_for(r"init: running in ring 3 \(cs=0x73\), pid 1")
    t.wait_for(r"^# ")
    yield t
    t.close()


def test_shell_like_a_person(terminal):
    t = terminal
    ps = t.run("ps", r"\[events/0\]")
    rows = {}
    for line in ps.splitlines():
        f = line.split()
        if len(f) >= 9 and f[0].isdigit():
            rows[int(f[0])] = f
    assert rows[0][-1] == "[swapper/0]" and rows[0][4] == "-", ps
    assert rows[1][-1] == "init" and rows[1][4] != "-", ps
    assert rows[2][-1] == "[kthreadd]" and rows[2][4] == "-", ps
    names = {f[-1] for f in rows.values()}
    assert {"[ksoftirqd/0]", "[events/0]", "[kswapd0]", "[kblockd/0]",
            "[pdflush]", "sh"} <= names, ps
    for f in rows.values():
        if f[-1].startswith("["):
            assert f[4] == "-", "a kernel thread with an mm:\n" + ps
    # The kernel's line discipline echoes what is typed, once.
    assert ps.count("ps\n") == 1, ps

    free = t.run("free", r"MemFree:\s+\d+ kB")
    assert "MemTotal:" in free and "pages_low" in free, free
    t0 = time.monotonic()
    t.run("sleep 1", r"sleep 1\n")
    assert time.monotonic() - t0 >= 0.9
    out = t.run("nosuchcommand", r"sh: nosuchcommand: command not found")
    out = t.run("hello", r"hello, world from pid \d+")
    out = t.run("cat /etc/motd", r"Welcome to kt26")
    # loglevel=4 kept the banner (KERN_NOTICE) and pid 1's exec (KERN_INFO)
    # off the console; dmesg reads them back from the log ring.
    leaked = [l for l in t.text().splitlines()
              if "kt26 version" in l or "init: executing" in l]
    assert not leaked, leaked
    out = t.run("dmesg", r"kt26 version")
    assert "init: executing /sbin/init" in out
    out = t.run("pressure 2000", r"pressure: kswapd reclaimed \d+ pages",
                timeout=60)
    start = len(t.text())
    t.proc.stdin.write(b"poweroff\n")
    t.proc.stdin.flush()
    t.wait_for(r"Power down\.", start=start)
    assert t.proc.wait(timeout=20) == 0, "QEMU did not power off cleanly"



def test_shell_backspace_edits_the_line(terminal):
    out = terminal.run("echo abX\x7fc", r"^abc$")
    assert "abXc" not in out.split("\n")[-3:], out


def test_corrupt_initramfs_keeps_kernel_alive():
    boot = run_qemu(qemu_argv("", initrd=CORRUPT), timeout=5,
                    label="corrupt initramfs")
    boot.expect(r"initramfs: bad magic at offset \d+")
    boot.expect(r"initramfs: corrupt cpio archive")
    boot.expect(r"init: cannot execute /sbin/init \(error -2\); pid 1 stays a "
                r"kernel thread")
    assert "Kernel panic" not in boot.output, boot.explain("panicked")
    assert boot.timed_out, boot.explain("the kernel did not keep running")


def test_missing_initramfs_keeps_kernel_alive():
    boot = run_qemu(qemu_argv("", initrd=None), timeout=5)
    boot.expect(r"initramfs: no boot module: no user space")
    boot.expect(r"init: cannot execute /sbin/init")
    assert "Kernel panic" not in boot.output, boot.explain("panicked")
    assert boot.timed_out, boot.explain("the kernel did not keep running")


def test_bad_init_option():
    boot = run_qemu(qemu_argv("init=/bin/nonexistent"), timeout=5)
    boot.expect(r"init: cannot execute /bin/nonexistent \(error -2\)")
    boot = run_qemu(qemu_argv("init=relative"), timeout=5)
    boot.expect(r'Malformed kernel command line parameter "init=relative"')
    boot.expect(r"init: running in ring 3")


def test_magic_keys(terminal):
    """^P prints the task list, ^F the memory report, ^B every task's
    kernel stack, from the interrupt, whatever the shell is doing."""
    t = terminal
    start = len(t.text())
    t.proc.stdin.write(b"\x10")
    t.proc.stdin.flush()
    t.wait_for(r"PID  PPID S    FLAGS       MM ACTIVEMM.*\n(.*\n)*.*\[kthreadd\]",
               start=start)
    t.proc.stdin.write(b"\x06")
    t.proc.stdin.flush()
    t.wait_for(r"MemFree:\s+\d+ kB", start=start)
    t.proc.stdin.write(b"\x02")
    t.proc.stdin.flush()
    m = t.wait_for(r"kthreadd \(pid 2\), state S:\n(.*\n){1,6}.*"
                   r"kernel_thread_helper\+", start=start)
    assert "schedule+" in m.group(0), m.group(0)


def test_boot_log_names_the_first_tasks():
    boot = run_qemu(qemu_argv("ktest=init_task_is_pid0_and_never_queued"),
                    timeout=30)
    boot.expect(r"rest_init: pid 1 \(init\) created")
    boot.expect(r"rest_init: pid 2 \(kthreadd\) created")
    boot.expect(r"kthread_create: pid 3 \(ksoftirqd/0\)")
    boot.expect(r"kthread_create: pid 4 \(events/0\)")


MOTD = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__)))), "user", "motd")


def test_dd_to_dev_hda_sync_poweroff_reaches_the_disk_image():
    """dd writes a pattern to /dev/hda through the buffer cache; sync and
    poweroff put it on the disk; the host finds it at the right offset."""
    disk = new_disk_image()
    motd = open(MOTD, "rb").read()
    t = Terminal(disk=disk)
    try:
        t.wait_for(r"^# ")
        out = t.run("dd if=/etc/motd of=/dev/hda bs=512 seek=300",
                    r"\d+ bytes copied")
        assert "%d bytes copied" % len(motd) in out, out
        # Read back through the cache, before any sync.
        out = t.run("dd if=/dev/hda bs=512 skip=300 count=1",
                    r"records out")
        assert motd.decode().splitlines()[0] in out, out
        t.run("sync", r"sync\n")
        start = len(t.text())
        t.proc.stdin.write(b"poweroff\n")
        t.proc.stdin.flush()
        t.wait_for(r"System halted: syncing disks\.\.\. done\. Power down\.",
                   start=start)
        assert t.proc.wait(timeout=20) == 0, "QEMU did not power off cleanly"
    finally:
        t.close()
    with open(disk, "rb") as f:
        f.seek(300 * 512)
        assert f.read(len(motd)) == motd
        f.seek(0)
        assert f.read(300 * 512) == bytes(300 * 512), "bytes before it changed"


def test_dev_hda_errors(terminal):
    t = terminal
    out = t.run("dd if=/dev/hda bs=512 skip=70000 count=1", r"records out")
    assert "0+0 records in" in out, out
    out = t.run("cat /dev/nosuchdevice", r"No such file")
