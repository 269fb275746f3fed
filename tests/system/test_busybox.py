# SPDX-License-Identifier: GPL-2.0
"""Debian's static i386 busybox, unmodified, over the serial console:
a directory of rootfs whose first use is its listing (filled then);
its shell with line editing, history and job control; a pipeline of its
applets; its ps against the kernel's own task table (Ctrl-P); its free
and uptime against /proc; vi saving a file in /tmp; and 100 `busybox sh
-c` runs of 20 applets each, which must leave free pages, slab objects
and the task list as they were.

One boot and one terminal session for every test here, in file order.
A test types a line and waits for what it must print and for the next
prompt; where a key must reach a program (^Z for sleep, keys for vi),
the test first waits for a sign that the program is there (the kernel's
task table, vi's screen).
"""
import re
import subprocess

import pytest

from conftest import INITRAMFS, Terminal

MEMBERS = subprocess.run(["cpio", "-t", "--quiet", "-H", "newc", "-F",
                          INITRAMFS], capture_output=True, text=True,
                         check=True).stdout.split()
BIN = [m[4:] for m in MEMBERS if re.fullmatch(r"bin/[^/]+", m)]

pytestmark = pytest.mark.skipif("busybox" not in BIN,
                                reason="no /bin/busybox in the initramfs")

UP = b"\x1b[A"
LEFT = b"\x1b[D"
ESC = b"\x1b"
# busybox ash's prompt for root in / (~, the home of /etc/passwd), with
# the cursor query its line editor
# sends after it (ESC [ 6 n; the test's terminal never answers).
ASH_PROMPT = r"[~/] # (\x1b\[6n)?$"

# The kernel's task table (Ctrl-P, kernel/show_tasks.c), one row.
TASK_ROW = re.compile(r"^\[\s*[\d.]+\]\s+\d+\s+(\d+)\s+\d+\s+([A-Z])\s+\S+\s+"
                      r"\S+\s+\S+\s+\d+\s+\S+\s+\[?([^\]\s]+)\]?$", re.M)


@pytest.fixture(scope="module")
def t():
    term = Terminal()
    term.wait_for(r"^# ", timeout=60)
    yield term
    term.close()


def task_table(t):
    """Ctrl-P at the prompt: {pid: (state, name)} from the kernel itself."""
    start = t.type(b"\x10")
    t.wait_for(r"TLB shootdowns\n", 30, start)
    rows = TASK_ROW.findall(t.text()[start:])
    assert rows, t.text()[start:]
    return {int(pid): (state, name) for pid, state, name in rows}


def test_rootfs_directory_read_before_any_lookup_lists_every_member(t):
    """Nothing has looked a name up in /test/badelf yet: its first use is
    this readdir, which makes rootfs fill it (fs/ramfs.c:
    rootfs_lazy_readdir()), and it must list every member the archive
    holds there."""
    want = sorted(m[len("test/badelf/"):] for m in MEMBERS
                  if m.startswith("test/badelf/"))
    assert want
    got = t.output("busybox ls -1 /test/badelf").split()
    assert got == want


def test_busybox_sh_edits_recalls_and_controls_jobs(t):
    session = start = t.type(b"busybox sh\n")
    t.wait_for(ASH_PROMPT, 30, start)

    # Line editing: three keys left, a letter in the middle of the word.
    start = t.type(b"echo hello wrld" + LEFT * 3 + b"o\n")
    t.wait_for(r"^hello world\n", 30, start)
    t.wait_for(ASH_PROMPT, 30, start)
    # History: Up brings the line back.
    start = t.type(UP + b"\n")
    t.wait_for(r"^hello world\n", 30, start)
    t.wait_for(ASH_PROMPT, 30, start)

    # Job control: once the kernel shows sleep running, it has the
    # terminal (ash gives it before the exec), and ^Z stops it.
    start = t.type(b"sleep 600\n")
    t.wait_for(r"sleep 600\n", 30, start)
    for _ in range(100):
        if any(name == "sleep" for _, name in task_table(t).values()):
            break
    else:
        pytest.fail("sleep never showed in the task table")
    start = t.type(b"\x1a")
    t.wait_for(r"\[1\]\+\s+Stopped\s+sleep 600\n", 30, start)
    t.wait_for(ASH_PROMPT, 30, start)
    assert re.search(r"\[1\]\+\s+Stopped\s+sleep 600",
                     t.output("jobs", prompt=ASH_PROMPT))
    # fg gives it the terminal again; ^C ends it with status 130.
    start = t.type(b"fg\n")
    t.wait_for(r"^sleep 600\n", 30, start)
    start = t.type(b"\x03")
    t.wait_for(ASH_PROMPT, 30, start)
    assert t.output("echo $?", prompt=ASH_PROMPT).endswith("130\n")
    t.output("exit")
    # The line editor waits for keys with poll() (fs/select.c).
    assert "not implemented" not in t.text()[session:]


def test_busybox_pipeline(t):
    expected = len([name for name in BIN if "sh" in name])
    assert t.output("busybox ls /bin | busybox grep sh | busybox wc -l") \
        .strip() == str(expected)


def test_busybox_ps_lists_every_task_as_the_kernel_does(t):
    """A background sleep, then stopped: busybox ps must show it T, and
    every other task with the kernel's own state and name."""
    m = re.search(r"\[1\] (\d+)", t.output("sleep 600 &"))
    assert m, t.text()[-500:]
    pid = m.group(1)
    try:
        t.output("kill -STOP " + pid)
        for _ in range(100):
            stat = t.output("cat /proc/%s/stat" % pid)
            if stat.split()[2] == "T":
                break
        else:
            pytest.fail("sleep never stopped: " + stat)
        theirs = {}
        for line in t.output("busybox ps -o pid,stat,comm").splitlines()[1:]:
            f = line.split()
            theirs[int(f[0])] = (f[1], f[2])
        kernels = task_table(t)
    finally:
        t.output("kill -KILL %s; wait" % pid)
    ps_pid = [p for p, (_, name) in theirs.items() if name == "busybox"]
    assert len(ps_pid) == 1, theirs
    del theirs[ps_pid[0]]
    kernels.pop(0)                      # swapper/0: no /proc/0
    assert theirs.keys() == kernels.keys(), (theirs, kernels)
    for p, (state, name) in kernels.items():
        assert theirs[p][1] == name, (p, theirs[p], kernels[p])
        # Running is a moment's state: either side may have caught it.
        if "R" not in (state, theirs[p][0][0]):
            assert theirs[p][0][0] == state, (p, theirs[p], kernels[p])
    assert theirs[int(pid)][0][0] == "T"


def meminfo(text):
    return {k: int(v) for k, v in re.findall(r"^(\w+):\s+(\d+) kB", text,
                                             re.M)}


def test_busybox_free_agrees_with_proc_meminfo(t):
    out = t.output("cat /proc/meminfo; busybox free; cat /proc/meminfo")
    first, rest = out.split("              total", 1)
    before, after = meminfo(first), meminfo(rest)
    m = re.search(r"^Mem:\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)", rest,
                  re.M)
    assert m, out
    total, used, free, shared, cache = map(int, m.groups())
    assert total == before["MemTotal"] == after["MemTotal"]
    # Between the two readings busybox ran: its own pages come and go.
    slack = 512
    assert min(before["MemFree"], after["MemFree"]) - slack <= free <= \
        max(before["MemFree"], after["MemFree"]) + slack, out
    assert abs(cache - (after["Buffers"] + after["Cached"])) <= slack, out
    assert used == total - free - cache


def test_busybox_uptime_agrees_with_proc(t):
    out = t.output("cat /proc/uptime /proc/loadavg; busybox uptime; "
                 "cat /proc/uptime /proc/loadavg")
    lines = out.splitlines()
    assert len(lines) == 5, out
    up_before, up_after = float(lines[0].split()[0]), \
        float(lines[3].split()[0])
    m = re.search(r" up (?:(\d+) min|(\d+):(\d\d)),\s+\d+ users?,\s+"
                  r"load average: ([\d.]+), ([\d.]+), ([\d.]+)$", lines[2])
    assert m, out
    minutes = int(m.group(1)) if m.group(1) is not None else \
        int(m.group(2)) * 60 + int(m.group(3))
    assert int(up_before) // 60 <= minutes <= int(up_after) // 60, out
    loads = list(m.groups()[3:])
    assert loads in (lines[1].split()[:3], lines[4].split()[:3]), out


def test_busybox_vi_opens_and_saves_a_file(t):
    assert t.output("echo first > /tmp/vi.txt") == ""
    start = t.type(b"vi /tmp/vi.txt\n")
    t.wait_for(r"first", 30, start)             # vi's screen, not our echo
    t.wait_for(r"\x1b\[\d+;1H~", 30, start)
    start = t.type(b"Gosecond line")
    t.wait_for(r"\x1b\[2;12H", 30, start)    # the cursor after the line
    # Esc alone (vi waits a moment for the rest of an escape sequence:
    # poll() with a timeout), then the status line's mode is "-" again.
    start = t.type(ESC)
    t.wait_for(r"- /tmp/vi.txt \[Modified\]", 30, start)
    start = t.type(b":wq\n")
    t.wait_for(r"'/tmp/vi.txt' 2L, 18C", 30, start)
    t.wait_for(r"# $", 30, start)      # after vi's last escape sequence
    assert t.output("cat /tmp/vi.txt") == "first\nsecond line\n"
    t.output("rm /tmp/vi.txt")


# One `busybox sh -c` run: 20 applets, each through its /bin link.
APPLETS_RUN = (
    "echo a b c | tr ' ' '\\n' | sed s/b/B/ | awk '{print NF}' | sort -r | "
    "uniq | tac | nl | cut -c1-9 | tail -n 3 | tee /dev/null | rev | "
    "xargs printf '%s-' | od -c | md5sum | base64 > /dev/null; "
    "seq 2; basename /a/b; dirname /a/b; expr 1 + 2; echo ok")
RUN_OUTPUT = "1\n2\nb\n/a\n3\nok\n"


def free_report(t):
    """free -d: (free pages, {cache: active objects})."""
    out = t.output("free -d", timeout=120)
    m = re.search(r"^Zone \w+: free (\d+) pages", out, re.M)
    assert m, out
    caches = {}
    for line in out[out.index("cache "):].splitlines()[1:]:
        f = line.split()
        if len(f) == 5 and f[1].isdigit():
            caches[f[0]] = int(f[1])
    return int(m.group(1)), caches


def task_list(t):
    """ps -A: {pid: command}, without ps itself."""
    return {int(f[0]): f[-1] for f in
            (line.split() for line in t.output("ps -A").splitlines()[1:])
            if f[-1] != "ps"}


def test_a_hundred_busybox_sh_runs_leave_no_trace(t):
    assert t.output("echo \"%s\" > /tmp/run" % APPLETS_RUN) == ""
    # Once first: the page cache takes the applets' pages (free -d
    # drops them again), the dentry cache their names.
    assert t.output("busybox sh /tmp/run") == RUN_OUTPUT
    pages_before, slab_before = free_report(t)
    tasks_before = task_list(t)
    out = t.output("busybox sh -c 'for i in $(seq 100); do busybox sh -c "
                 "\"$(cat /tmp/run)\"; done'", timeout=600)
    assert out == RUN_OUTPUT * 100, out[-2000:]
    pages_after, slab_after = free_report(t)
    tasks_after = task_list(t)
    t.output("rm /tmp/run")
    assert tasks_after == tasks_before
    changed = {c: (n, slab_after.get(c)) for c, n in slab_before.items()
               if slab_after.get(c) != n}
    assert not changed, "slab objects (before, after): %s" % changed
    assert pages_after == pages_before
