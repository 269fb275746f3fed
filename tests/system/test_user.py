# SPDX-License-Identifier: GPL-2.0
"""User mode: pid 1 becomes /sbin/init, the shell works over the serial
port like a terminal and from the PS/2 keyboard, usertests
(init=/bin/usertests) passes line by line, what dd writes to /dev/hda
reaches the disk image through sync alone, and a missing or corrupt
initramfs leaves a kernel that says so and keeps running."""
import os
import re
import socket
import time

import pytest

from conftest import (INITRAMFS, ROOT, SH_BUILTINS, Terminal, load_tool,
                      new_disk_image, qemu_argv, run_qemu)

mkbroken = load_tool("mkbroken")

# The tests of a second CPU need the kernel to start it (fork_idle(),
# INIT-SIPI-SIPI: arch/x86/smpboot.c); without that file only CPU 0 runs.
needs_ap_startup = pytest.mark.skipif(
    not os.path.exists(os.path.join(ROOT, "arch", "x86", "smpboot.c")),
    reason="no AP start-up (arch/x86/smpboot.c) in this tree: CPU 0 only")
USERTEST_LINE = re.compile(r"usertests: (ok|not ok) (\d+) - (\w+)(.*)$")

_usertests = {}


def usertests_boot():
    """The user-mode tests run on two CPUs: processes may move between
    them, and each CPU switches its own address spaces."""
    if "boot" not in _usertests:
        _usertests["boot"] = run_qemu(
            qemu_argv("loglevel=4 init=/bin/usertests", smp=2), timeout=180,
            end_pattern=r"usertests: \d+ passed",
            label="init=/bin/usertests (-smp 2)", stop_at_end=True)
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
    # /bin/ps reads /proc; -Al is Linux's long format, process 0 first.
    ps = t.run("ps -Al", r" ps\n")
    assert ps.splitlines()[1].split()[:5] == ["F", "S", "UID", "PID",
                                             "PPID"], ps
    rows = {}
    for line in ps.splitlines():
        f = line.split()
        # pid 0 is listed once per CPU: rows[0] is CPU 0's.
        if len(f) == 14 and f[3].isdigit():
            rows.setdefault(int(f[3]), f)
    assert rows[0][-1] == "swapper/0" and rows[0][9] == "-", ps
    assert rows[1][-1] == "init" and rows[1][9] != "-", ps
    assert rows[2][-1] == "kthreadd" and rows[2][9] == "-", ps
    names = {f[-1] for f in rows.values()}
    assert {"ksoftirqd/0", "events/0", "kswapd0", "kblockd/0", "pdflush",
            "sh"} <= names, ps
    for f in rows.values():
        # Kernel threads (kthreadd's children): no memory, no terminal.
        if f[4] == "2":
            assert f[9] == "-" and f[11] == "?", "a kernel thread with an " \
                "mm or a tty:\n" + ps
    assert rows[1][11] == "?" and rows[max(rows)][11] == "console", ps
    # The kernel's line discipline echoes what is typed, once.
    assert ps.count("ps -Al\n") == 1, ps

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



# One row of the shell's ps (CPU, then pid, ppid, state, flags ... command),
# and one frame of a kernel stack (kt_stack).
PS_ROW = re.compile(r"^ *\d+ +(\d+) +(\d+) ([RSDTZX]) ([0-9a-f]{8}) .* (\S+)$")
# One row of plain `ps -A`: pid, terminal, time, command.
PS_A_ROW = re.compile(r"^ *(\d+) +\S+ +[\d:]+ (\S+)$")
FRAME = re.compile(r"^\[<[0-9a-f]{8}>\] (\w+)\+0x[0-9a-f]+/0x[0-9a-f]+$")


def stacks(text):
    """{pid: (ps row match, [function, ...])} from `ps -s` output; pid 0
    is CPU 0's idle task (the others have no stack by pid)."""
    found, pid = {}, None
    for line in text.splitlines():
        row, frame = PS_ROW.match(line), FRAME.match(line)
        if row:
            pid = int(row.group(1))
            if pid in found:
                pid = None
            else:
                found[pid] = (row, [])
        elif frame and pid is not None:
            found[pid][1].append(frame.group(1))
    return found


def test_shell_stack_of_kthreadd(terminal):
    """`stack PID` prints a sleeping task's kernel stack, innermost
    frame first, from switch_to down to the thread's first frame."""
    out = terminal.run("stack 2", r"kernel_thread_helper\+")
    frames = [m.group(1) for m in map(FRAME.match, out.splitlines()) if m]
    assert frames == ["switch_to", "schedule", "kthreadd",
                      "kernel_thread_helper"], out
    terminal.run("stack 99999", r"sh: stack: No such process")


def test_shell_ps_s_shows_every_tasks_stack(terminal):
    """Each row of `ps -s` is followed by that task's kernel stack: ps's
    own from the read of /proc/self/stack, the others' from switch_to; a
    kernel thread's ends in kernel_thread_helper, process 0's in _start,
    a process's (asleep or in a system call) in system_call."""
    out = terminal.run("ps -s", r" ps\n(\[<.*\n)*.*system_call\+")
    tasks = stacks(out)
    assert {0, 1, 2} <= set(tasks), out
    cpu = {pid: int(row.group(0).split()[0]) for pid, (row, _) in
           tasks.items()}
    (sh,) = [pid for pid, (row, _) in tasks.items() if row.group(5) == "ps"]
    for pid, (row, frames) in tasks.items():
        # A task that may run on another CPU right now has only the
        # stack it saved at its last switch, since overwritten: only the
        # tasks that sleep, and those of the shell's CPU, hold still.
        if pid != sh and row.group(3) == "R" and cpu[pid] != cpu[sh]:
            continue
        first = "proc_pid_stack" if pid == sh else "switch_to"
        assert frames and frames[0] == first, "pid %d:\n%s" % (pid, out)
        if pid == 0:
            assert frames[-1] == "_start", out
        elif row.group(5).startswith("["):
            assert frames[-1] == "kernel_thread_helper", out
        else:
            assert frames[-1] == "system_call", out


def test_shell_kill_KILL_stops_a_spinning_process(terminal):
    t = terminal
    pid = int(re.search(r"^\[1\] (\d+)$", t.run("spin &", r"^\[1\] \d+$"),
                        re.M).group(1))
    rows = {int(m.group(1)): m.group(2) for m in
            map(PS_A_ROW.match, t.run("ps -A", r" spin\n").splitlines())
            if m}
    assert rows[pid] == "spin", rows
    t.run("kill -KILL %d" % pid, r"kill -KILL %d\n" % pid)
    # Killed at once; the shell reaps it before a later prompt.
    for _ in range(20):
        ps = t.run("ps -A", r" CMD\n")
        if not re.search(r"^ *%d " % pid, ps, re.M):
            break
        time.sleep(0.1)
    else:
        pytest.fail("pid %d is still listed after kill -KILL:\n%s" % (pid, ps))
    # ...and says how the job ended, as bash does.
    t.wait_for(r"^\[1\]\+  Killed +spin$")


def test_shell_exit_3_and_init_starts_a_new_one(terminal):
    t = terminal
    old = {m.group(2): int(m.group(1)) for m in
           map(PS_A_ROW.match, t.run("ps -A", r" sh$").splitlines()) if m}["sh"]
    start = len(t.text())
    t.proc.stdin.write(b"exit 3\n")
    t.proc.stdin.flush()
    m = t.wait_for(r"^init: sh exited with status 3, restarting$", start=start)
    t.wait_for(r"^# ", start=start + m.end())
    new = {m.group(2): int(m.group(1)) for m in
           map(PS_A_ROW.match, t.run("ps -A", r" sh$").splitlines()) if m}["sh"]
    assert new != old, "the same shell (pid %d) still runs" % old


def test_shell_help_lists_the_commands(terminal):
    out = terminal.run("help", r"a word with a '/' runs that file")
    listed = re.findall(r"^  (\w+) ", out, re.M)
    assert listed == SH_BUILTINS, out


def qemu_key(char):
    """QEMU's name (sendkey) for the keys that type @char."""
    named = {" ": "spc", "!": "shift-1", "\n": "ret"}
    if char in named:
        return named[char]
    return "shift-" + char.lower() if char.isupper() else char


def test_ps2_keyboard_types_into_the_shell(tmp_path):
    """Keys pressed on the PS/2 keyboard (QEMU's monitor: sendkey) reach
    the shell as a person at the VGA screen types them: IRQ 1, the
    scancode table with Shift (drivers/keyboard.c), the line discipline
    that echoes them (drivers/tty.c), read() in sh."""
    path = str(tmp_path / "monitor")
    t = Terminal(extra=["-monitor", "unix:%s,server=on,wait=off" % path])
    try:
        t.wait_for(r"^# ")
        monitor = socket.socket(socket.AF_UNIX)
        monitor.settimeout(10)
        monitor.connect(path)
        reply = b""

        def until_prompt():
            nonlocal reply
            while b"(qemu) " not in reply:
                chunk = monitor.recv(4096)
                assert chunk, "QEMU closed its monitor:\n%r" % reply
                reply += chunk
            reply = reply.split(b"(qemu) ", 1)[1]

        until_prompt()
        start = len(t.text())
        # One key at a time: QEMU queues each release before the next press.
        for key in "echo Hi!\n":
            monitor.sendall(b"sendkey %s\n" % qemu_key(key).encode())
            until_prompt()
        t.wait_for(r"^echo Hi!\nHi!\n# ", start=start)
        monitor.close()
    finally:
        t.close()


def test_shell_backspace_edits_the_line(terminal):
    out = terminal.run("echo abX\x7fc", r"^abc$")
    assert "abXc" not in out.split("\n")[-3:], out


# What kernel/initramfs.c says of each of tools/mkbroken.py's corrupt
# archives; {offset} is where the damaged header starts.
CORRUPT_CPIO_MESSAGES = {
    "bad-magic": r"initramfs: bad magic at offset {offset}$",
    "huge-filesize": r"initramfs: entry at offset {offset} runs past the end "
                     r"of the archive$",
    "namesize-past-end": r"initramfs: entry at offset {offset} runs past the "
                         r"end of the archive$",
    "non-hex-field": r"initramfs: bad header field at offset {offset}$",
    "no-trailer": r"initramfs: archive ends without a trailer$",
}


@pytest.mark.parametrize("kind", sorted(mkbroken.CORRUPT_CPIO))
def test_corrupt_initramfs_keeps_kernel_alive(kind, tmp_path):
    """The archive is refused as a whole with a message naming what is
    wrong; pid 1 says it cannot execute /sbin/init and stays a kernel
    thread, asleep; the kernel still answers the console (^P)."""
    archive = str(tmp_path / "initramfs.cpio")
    offset = mkbroken.corrupt_cpio(INITRAMFS, archive, kind)
    t = Terminal("", initrd=archive)
    try:
        t.wait_for(CORRUPT_CPIO_MESSAGES[kind].format(offset=offset))
        t.wait_for(r"initramfs: corrupt cpio archive \(%d bytes\); ignored"
                   % os.path.getsize(archive))
        t.wait_for(r"init: cannot execute /sbin/init \(error -2\); pid 1 "
                   r"stays a kernel thread")
        # It goes to sleep just after saying so: ask until it has.
        deadline = time.monotonic() + 20
        while True:
            start = len(t.text())
            t.proc.stdin.write(b"\x10")
            t.proc.stdin.flush()
            # Ctrl-P's rows: CPU, pid, ppid, state, flags, mm, ...
            state = t.wait_for(r"^\[ *[\d.]+\] +\d+ +1 +0 (\w) 00200040 "
                               r"+- .* \[init\]$", start=start).group(1)
            if state == "S":
                break
            assert state == "R" and time.monotonic() < deadline, t.text()
        assert "Kernel panic" not in t.text(), t.text()
        assert "init: running in ring 3" not in t.text(), t.text()
    finally:
        t.close()


def test_missing_initramfs_keeps_kernel_alive():
    boot = run_qemu(qemu_argv("", initrd=None), timeout=5)
    boot.expect(r"initramfs: no boot module: no user space")
    boot.expect(r"init: cannot execute /sbin/init")
    assert "Kernel panic" not in boot.output, boot.explain("panicked")
    assert boot.timed_out, boot.explain("the kernel did not keep running")


def test_bad_init_option():
    """Each boot stops at the line it is about, not at a timeout."""
    boot = run_qemu(qemu_argv("init=/bin/nonexistent"), timeout=60,
                    end_pattern=r"init: cannot execute", stop_at_end=True)
    boot.expect(r"init: cannot execute /bin/nonexistent \(error -2\)")
    boot = run_qemu(qemu_argv("init=relative"), timeout=60,
                    end_pattern=r"init: running in ring 3", stop_at_end=True)
    boot.expect(r'Malformed kernel command line parameter "init=relative"')
    boot.expect(r"init: running in ring 3")


def test_magic_keys(terminal):
    """^P prints the task list, ^F the memory report, ^B every task's
    kernel stack, from the interrupt, whatever the shell is doing."""
    t = terminal
    start = len(t.text())
    t.proc.stdin.write(b"\x10")
    t.proc.stdin.flush()
    t.wait_for(r"CPU   PID  PPID S    FLAGS       MM ACTIVE_MM.*\n(.*\n)*.*"
               r"\[kthreadd\]",
               start=start)
    t.proc.stdin.write(b"\x06")
    t.proc.stdin.flush()
    t.wait_for(r"MemFree:\s+\d+ kB", start=start)
    t.proc.stdin.write(b"\x02")
    t.proc.stdin.flush()
    m = t.wait_for(r"kthreadd \(pid 2\), state S:\n(.*\n){1,6}.*"
                   r"kernel_thread_helper\+", start=start)
    assert "schedule+" in m.group(0), m.group(0)
    # Each key its own report, once, in the order the keys were typed.
    text = t.text()[start:]
    marks = [r"CPU   PID  PPID S    FLAGS", r"MemFree:",
             r"kthreadd \(pid 2\), state"]
    assert [len(re.findall(mark, text)) for mark in marks] == [1, 1, 1], text
    assert sorted(marks, key=lambda mark: re.search(mark, text).start()) \
        == marks, text


# A row of ps (user/sh.c) or of the Ctrl-P task list (kernel/show_tasks.c):
# CPU first, then pid, ppid, state, ... and the command last.
TASK_ROW = re.compile(r"^(?:\[[ \d.]+\] )?\s*(\d+) +(\d+) +(\d+) "
                      r"([RSDTZX]) [0-9a-f]{8} .* (\S+)$", re.M)


def check_rows_per_cpu(text, ncpus):
    """The idle task of each CPU first, one row per CPU in CPU order
    (swapper/0 .. swapper/N-1, pid 0 on its own CPU), no other pid 0,
    every CPU column a CPU that runs, and each per-CPU kernel thread
    (name/N) on its CPU N."""
    rows = [(int(cpu), int(pid), name) for cpu, pid, _, _, name in
            TASK_ROW.findall(text)]
    assert len(rows) > ncpus, text
    assert rows[:ncpus] == [(cpu, 0, "[swapper/%d]" % cpu)
                            for cpu in range(ncpus)], text
    assert all(pid != 0 for _, pid, _ in rows[ncpus:]), text
    assert all(cpu < ncpus for cpu, _, _ in rows), text
    for cpu, _, name in rows:
        bound = re.match(r"\[(?:ksoftirqd|events|kblockd|migration)/(\d+)\]$",
                         name)
        if bound:
            assert int(bound.group(1)) == cpu, "%s on CPU %d:\n%s" % (
                name, cpu, text)
    return rows


@pytest.mark.parametrize("smp", [1, pytest.param(2, marks=needs_ap_startup),
                                 pytest.param(4, marks=needs_ap_startup)])
def test_ps_and_ctrl_p_show_each_cpu_and_its_idle_task(smp):
    """With N CPUs, ps and Ctrl-P have a CPU column and list swapper/0 ..
    swapper/N-1 first, each on its own CPU: the idle tasks are not on the
    task list, they come from the run queues."""
    t = Terminal(smp=smp)
    try:
        t.wait_for(r"^# ", timeout=60)
        ps = t.run("ps -s", r" sh\n")
        assert re.search(r"^CPU +PID +PPID S ", ps, re.M), ps
        check_rows_per_cpu(ps, smp)
        start = len(t.text())
        t.proc.stdin.write(b"\x10")
        t.proc.stdin.flush()
        m = t.wait_for(r"CPU   PID  PPID S    FLAGS       MM ACTIVE_MM.*\n"
                       r"(.*\n)*.* sh\n", start=start)
        check_rows_per_cpu(m.group(0), smp)
    finally:
        t.close()


def test_boot_log_names_the_first_tasks():
    boot = run_qemu(qemu_argv("ktest=init_task_is_pid0_and_never_queued"),
                    timeout=30)
    boot.expect(r"rest_init: pid 1 \(init\) created")
    boot.expect(r"rest_init: pid 2 \(kthreadd\) created")
    boot.expect(r"kthread_create: pid 3 \(migration/0\)")
    boot.expect(r"kthread_create: pid 4 \(ksoftirqd/0\)")
    boot.expect(r"kthread_create: pid 5 \(events/0\)")


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


# pdflush's periodic writeback off, and nothing old enough for it for an
# hour: only sync(2) (or poweroff, never reached here) writes to the disk.
NO_WRITEBACK = "dirty_writeback_centisecs=0 dirty_expire_centisecs=360000"


@pytest.mark.parametrize("sync", [True, False], ids=["sync", "no-sync"])
def test_user_sync_alone_puts_dd_on_the_disk(sync):
    """dd writes a pattern to /dev/hda; then `sync`, or not; then QEMU
    is killed, with no poweroff.  With sync the host finds the pattern at
    its offset; without it, given a second more, nothing reached the
    disk: so it is sys_sync that wrote it."""
    disk = new_disk_image()
    motd = open(MOTD, "rb").read()
    t = Terminal(NO_WRITEBACK, disk=disk)
    try:
        t.wait_for(r"pdflush: 2 threads; dirty_writeback_centisecs 0, "
                   r"dirty_expire_centisecs 360000,")
        t.wait_for(r"^# ")
        out = t.run("dd if=/etc/motd of=/dev/hda bs=512 seek=400",
                    r"\d+ bytes copied")
        assert "%d bytes copied" % len(motd) in out, out
        if sync:
            t.run("sync", r"sync\n")
        else:
            time.sleep(1)
    finally:
        t.close()
    with open(disk, "rb") as f:
        f.seek(400 * 512)
        on_disk = f.read(len(motd))
    if sync:
        assert on_disk == motd, "sync did not write dd's blocks"
    else:
        assert on_disk == bytes(len(motd)), "written without sync"


def test_dev_hda_errors(terminal):
    t = terminal
    out = t.run("dd if=/dev/hda bs=512 skip=600000 count=1", r"records out")
    assert "0+0 records in" in out, out
    out = t.run("cat /dev/nosuchdevice", r"No such file")
