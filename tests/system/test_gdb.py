# SPDX-License-Identifier: GPL-2.0
"""The GDB path: .gdbinit and the helpers of tools/gdb/ against a live
kernel in QEMU, the way docs/gdb.md uses them.

Each session starts QEMU with its gdb stub on a free port and runs
`gdb -batch -nx -x .gdbinit` with the commands of the test, every run
under a hard timeout.  Sections of the output are delimited by echoed
markers (=== name ===) so that each assertion reads only its part.  Five
sessions cover everything:
  early      QEMU stopped at the first instruction: the helpers explain
             that paging is off; at start_kernel, process 0 is current
  running    the kernel left to boot, GDB attached afterwards: kps, kbt,
             kdmesg, kthreadinfo on a settled system
  switches   ktest=ping_pong_switches_load_cr3_zero_times with kswitch
             from the first switch: pairs, CR3, the run queue
  stepping   stepi through switch_to, into a new task and a resumed one
  userspace  the default boot from pid 1's execve() on: CR3 is loaded into
             a process with its own mm, never into a kernel thread, which
             borrows the process's mm (docs/gdb.md, section 8)
and two with two CPUs (QEMU -smp 2, each vCPU a GDB thread):
  smp        GDB attached at the shell prompt: kcurrent, kps, krunqueue 1
  smp boot   kswitch log over the boot: switches on both CPUs, each
             CPU's own chain; then a stop at a switch names its CPU
"""
import os
import re
import subprocess
import tempfile
import threading
import time

import pytest

from conftest import KERNEL, ROOT, free_port, qemu_argv, wait_listening

GDB_TIMEOUT = 60
# What a step given to GDB on a pipe may wait for the last one's output.
STEP_WAIT = 10

# The tests of a second CPU need the kernel to start it (fork_idle(),
# INIT-SIPI-SIPI: arch/x86/smpboot.c); without that file only CPU 0 runs.
needs_ap_startup = pytest.mark.skipif(
    not os.path.exists(os.path.join(ROOT, "arch", "x86", "smpboot.c")),
    reason="no AP start-up (arch/x86/smpboot.c) in this tree: CPU 0 only")
PF_KTHREAD = 0x00200000

# One row of kps (tools/gdb/kt26_tasks.py): the CPU comes first.
KPS_ROW = re.compile(r"^([> ])\s+(-?\d+) (0x[0-9a-f]{8})\s+(\d+)\s+(-?\d+) "
                     r"([RSDTZX]) ([0-9a-f]{8}) (\S+)\s+(\S+)\s+(\d+) (.+)$",
                     re.M)
# One line of kswitch (tools/gdb/kt26_sched.py); KSWITCH_CPU: its CPU.
KSWITCH_CPU = re.compile(r"^kswitch cpu (\d+) #(\d+): ", re.M)
KSWITCH = re.compile(r"^kswitch cpu \d+ #(\d+): pid (\d+) (\S+) ([RSDTZX]) -> "
                     r"pid (\d+) (\S+) ([RSDTZX]); cr3 (\S+) -> (0x[0-9a-f]+)"
                     r"(?: (unchanged|loaded))? \((.*?)\)(.*)$", re.M)
# One frame of kbt or bt.
FRAME = re.compile(r"^#(\d+)\s+(?:0x[0-9a-f]+ in )?(\S+) \(", re.M)


class Session:
    """What one QEMU + GDB run printed."""

    def __init__(self, gdb_argv, output, serial, timed_out):
        self.gdb_argv = gdb_argv
        self.stdout = output		# stdout and stderr, interleaved
        self.serial = serial
        self.timed_out = timed_out

    def explain(self, what):
        return "%s\n--- gdb%s: %s\n--- gdb output ---\n%s\n" \
            "--- serial (last lines) ---\n%s" % (
                what, " (TIMED OUT)" if self.timed_out else "",
                " ".join(self.gdb_argv), self.stdout,
                "\n".join(self.serial.splitlines()[-20:]))

    def section(self, name):
        """The output between `=== name ===` and the next marker."""
        m = re.search(r"^=== %s ===\n(.*?)(?=^=== |\Z)" % re.escape(name),
                      self.stdout, re.S | re.M)
        assert m, self.explain("no section %r in gdb's output" % name)
        return m.group(1)

    def check_clean(self):
        """No helper may end in a Python traceback, whatever the state."""
        assert "Traceback" not in self.stdout and \
            "Python Exception" not in self.stdout, \
            self.explain("a helper raised a Python exception")
        assert not self.timed_out, self.explain("gdb timed out")


def section(name):
    return "echo === %s ===\\n" % name


def gdb_session(steps, cmdline="", attach_after=None, settle=1.0,
                timeout=GDB_TIMEOUT, smp=1, kernel=KERNEL, typed_first=(),
                typed_at=None, ready=None, extra=()):
    """Run QEMU and `gdb -batch -nx -x .gdbinit` with @steps.

    Each step is one GDB command (-ex), or a multi-line script (written
    to a file and given with -x at that place: `python ... end` blocks).
    QEMU starts stopped at its first instruction (-S), unless
    @attach_after is a regex: then it runs, and GDB attaches @settle
    seconds after the serial console printed a line matching it.
    @smp: QEMU's CPUs; its gdb stub shows each as a thread.
    @kernel: the kernel file QEMU boots and GDB reads.
    @typed_first: [(keys, regex)]: before GDB attaches, each @keys is
    typed at the console in turn and its @regex waited for.
    @typed_at: {section name: keys}: typed at the console when GDB
    prints that section's marker (`continue` next: the UART holds the
    keys until the kernel runs again).
    @ready: a function (output so far, step number) -> bool.  With it,
    GDB is not in batch mode: it reads the steps (one line each) from
    a pipe, each when @ready says so, and its event loop runs between
    them (`continue &` then `interrupt`, as at a terminal).
    @extra: more QEMU arguments.
    """
    port = free_port()
    extra = ["-gdb", "tcp:127.0.0.1:%d" % port] + list(extra)
    if attach_after is None:
        extra.append("-S")
    with tempfile.TemporaryDirectory() as tmp:
        serial_path = os.path.join(tmp, "serial.log")
        with open(serial_path, "wb") as serial_file:
            argv = qemu_argv(cmdline, extra=extra, smp=smp)
            argv[argv.index(KERNEL)] = kernel
            qemu = subprocess.Popen(argv,
                                    stdin=subprocess.PIPE,
                                    stdout=serial_file,
                                    stderr=subprocess.STDOUT)

        def wait_serial(regex, start=0):
            deadline = time.monotonic() + timeout
            while not re.search(regex, read_text(serial_path)[start:], re.M):
                assert time.monotonic() < deadline, \
                    "no %r on the serial console:\n%s" % (
                        regex, read_text(serial_path))
                assert qemu.poll() is None, "QEMU exited:\n%s" % \
                    read_text(serial_path)
                time.sleep(0.05)

        def type_keys(keys):
            qemu.stdin.write(keys.encode())
            qemu.stdin.flush()

        try:
            assert wait_listening(port), "QEMU's gdb stub did not start"
            if attach_after is not None:
                wait_serial(attach_after)
                for keys, regex in typed_first:
                    start = len(read_text(serial_path))
                    type_keys(keys)
                    wait_serial(regex, start)
                time.sleep(settle)
            argv = ["gdb", "-q", "-nx", "-x", ".gdbinit",
                    "-ex", "target remote 127.0.0.1:%d" % port]
            if ready is None:
                argv.insert(3, "-batch")
            else:
                # As batch mode does: no wrapping of long lines.
                argv[3:3] = ["-ex", "set width 0"]
            for number, step in enumerate(steps if ready is None else ()):
                if "\n" in step:
                    path = os.path.join(tmp, "step%d.gdb" % number)
                    with open(path, "w") as f:
                        f.write(step)
                    argv += ["-x", path]
                else:
                    argv += ["-ex", step]
            if ready is None:
                argv += ["-ex", "kill"]
                steps = []
            else:
                steps = list(steps) + ["kill", "quit"]
            output, timed_out = run_gdb(argv + [kernel], timeout,
                                        typed_at or {}, type_keys,
                                        steps, ready)
        finally:
            qemu.kill()
            qemu.wait()
        return Session(argv, output, read_text(serial_path), timed_out)


def run_gdb(argv, timeout, typed_at, type_keys, steps, ready):
    """(output, timed out) of GDB run with @argv; the keys of @typed_at
    are given to @type_keys when their section's marker is printed;
    @steps go to GDB's input, each once @ready (gdb_session())."""
    # Errors (stderr) in place among the output, as on a terminal.
    gdb = subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT,
                           stdin=subprocess.PIPE if steps else
                           subprocess.DEVNULL)
    chunks, pending, sent, sent_at = [], dict(typed_at), 0, time.monotonic()
    deadline = time.monotonic() + timeout
    reader = threading.Thread(target=lambda: chunks.extend(
        iter(lambda: gdb.stdout.read1(4096), b"")), daemon=True)
    reader.start()
    def output():
        text = b"".join(chunks).decode("utf-8", "replace")
        # Read from a pipe, GDB still prompts: "(gdb) " before the
        # output of each command, which the sections start at.
        return re.sub(r"^(\(gdb\) )+", "", text, flags=re.M) if steps \
            else text

    while reader.is_alive() and time.monotonic() < deadline:
        text = output()
        for name in [n for n in pending
                     if "=== %s ===\n" % n in text]:
            type_keys(pending.pop(name))
        # Not ready after STEP_WAIT: the step goes anyway, and what was
        # missing shows in the output instead of a timeout.
        while sent < len(steps) and (ready(text, sent) or
                                     time.monotonic() > sent_at + STEP_WAIT):
            gdb.stdin.write(steps[sent].encode() + b"\n")
            gdb.stdin.flush()
            sent, sent_at = sent + 1, time.monotonic()
        reader.join(0.05)
    timed_out = reader.is_alive()
    if timed_out:
        gdb.kill()
        reader.join()
    gdb.wait()
    return output(), timed_out


def read_text(path):
    with open(path, "rb") as f:
        return f.read().decode("utf-8", "replace").replace("\r", "")


def kps_list(text):
    """[row dict] from kps output, in order."""
    return [{"current": m.group(1) == ">", "cpu": int(m.group(2)),
             "task": m.group(3), "pid": int(m.group(4)),
             "ppid": int(m.group(5)), "state": m.group(6),
             "flags": int(m.group(7), 16), "mm": m.group(8),
             "active_mm": m.group(9), "prio": int(m.group(10)),
             "name": m.group(11).strip()} for m in KPS_ROW.finditer(text)]


def kps_rows(text):
    """{pid: row dict} from kps output (pid 0: CPU 0's idle task)."""
    rows = {}
    for row in kps_list(text):
        rows.setdefault(row["pid"], row)
    return rows


def frames(text):
    """[function, ...] of a kbt or bt listing, frame #0 first."""
    found = [(int(n), name) for n, name in FRAME.findall(text)]
    assert [n for n, _ in found] == list(range(len(found))), \
        "frames are not numbered 0, 1, 2...:\n" + text
    return [name for _, name in found]


## Early: paging off, then start_kernel ---------------------------------

@pytest.fixture(scope="module")
def early():
    return gdb_session([
        section("paging off"), "kps", "kcurrent", "kdmesg", "krunqueue",
        "kbt 1", "kthreadinfo", "p $current()",
        "break start_kernel", "continue",
        section("start_kernel"), "kcurrent", "kps", "krunqueue",
        "p $current()->pid", "p $task_by_pid(0)->comm",
    ])


def test_helpers_before_paging_explain_instead_of_crashing(early):
    """At the first instruction (real mode, no page tables) every helper
    says that paging is off; none raises a Python exception."""
    early.check_clean()
    text = early.section("paging off")
    assert len(re.findall(r"paging is off", text)) >= 7, \
        early.explain("not every helper said 'paging is off'")


def test_kcurrent_at_start_kernel_is_swapper(early):
    """`break start_kernel` works while paging is still off (QEMU matches
    breakpoints on the virtual pc), and there process 0 is current and
    alone on the task list."""
    early.check_clean()
    text = early.section("start_kernel")
    assert re.search(r"^current: pid 0 \[swapper/0\] R  task 0x[0-9a-f]+  "
                     r"thread_info 0x[0-9a-f]+  \(esp 0x[0-9a-f]+ & ~0x1fff\)$",
                     text, re.M), early.explain("kcurrent is not swapper/0")
    rows = kps_rows(text)
    assert list(rows) == [0] and rows[0]["current"], \
        early.explain("kps at start_kernel is not just process 0")
    assert re.search(r"^1 task$", text, re.M), early.explain("no '1 task'")
    assert "no run queue set up yet" in text, early.explain("krunqueue")
    assert re.search(r"^\$\d+ = 0$", text, re.M) and \
        re.search(r'^\$\d+ = "swapper/0', text, re.M), \
        early.explain("$current()/$task_by_pid() are wrong")


## Running: attach to a booted kernel ------------------------------------

KBT_SLEEPERS = """python
import kt26_utils
for task in kt26_utils.task_list():
    if kt26_utils.task_state_char(task) in "SD":
        gdb.write("=== kbt %d ===\\n" % int(task["pid"]))
        gdb.execute("kbt %d" % int(task["pid"]))
end
"""


# The ring as printk leaves it after 7000 lines "line NNNNN" (character i
# at log_buf[i % LOG_BUF_LEN], kernel/printk.c), more than twice its
# size: kdmesg must unroll it from log_end.  The real log is put back.
KDMESG_WRAPPED = """python
inferior = gdb.selected_inferior()
size = gdb.parse_and_eval("log_buf").type.sizeof
address = int(gdb.parse_and_eval("(unsigned long)&log_buf"))
saved, saved_end = bytes(inferior.read_memory(address, size)), int(gdb.parse_and_eval("log_end"))
text = b"".join(b"line %05d\\n" % n for n in range(7000))
ring = bytearray(size)
for i in range(len(text) - size, len(text)):
    ring[i % size] = text[i]
inferior.write_memory(address, bytes(ring))
gdb.execute("set var log_end = %d" % len(text))
gdb.write("=== kdmesg wrapped ===\\nsize %d\\n" % size)
gdb.execute("kdmesg")
inferior.write_memory(address, saved)
gdb.execute("set var log_end = %d" % saved_end)
gdb.write("=== kdmesg restored ===\\n")
end
"""


@pytest.fixture(scope="module")
def running():
    return gdb_session([
        section("kps"), "kps",
        section("nr_threads"), "p nr_threads",
        section("kcurrent"), "kcurrent",
        section("kthreadinfo 2"), "kthreadinfo 2",
        section("kdmesg"), "kdmesg",
        section("kdmesg 2"), "kdmesg 2",
        section("task_by_pid"), "p $task_by_pid(2)->comm",
        KBT_SLEEPERS, KDMESG_WRAPPED,
    ], attach_after=r"rest_init: pid 2 \(kthreadd\) created")


def test_kps_lists_pid_0_1_2_and_kernel_threads_have_no_mm(running):
    running.check_clean()
    rows = kps_rows(running.section("kps"))
    assert {0, 1, 2} <= set(rows), running.explain("pids 0, 1, 2 not all listed")
    assert rows[0]["name"] == "[swapper/0]", running.explain("pid 0")
    assert rows[1]["name"] in ("init", "[init]"), running.explain("pid 1")
    assert rows[2]["name"] == "[kthreadd]", running.explain("pid 2")
    assert rows[2]["state"] == "S", running.explain("kthreadd is not S")
    assert rows[2]["ppid"] == 0, running.explain("kthreadd's parent")
    assert sum(row["current"] for row in rows.values()) == 1, \
        running.explain("not exactly one task marked current")
    for pid, row in rows.items():
        kthread = bool(row["flags"] & PF_KTHREAD)
        assert row["name"].startswith("[") == kthread, \
            running.explain("pid %d: brackets do not follow PF_KTHREAD" % pid)
        if kthread:
            assert row["mm"] == "-", running.explain(
                "kernel thread pid %d has an mm" % pid)
        if pid > 0:
            assert row["ppid"] in rows, running.explain(
                "pid %d: parent %d not listed" % (pid, row["ppid"]))
    assert re.search(r'= "kthreadd\\000', running.section("task_by_pid")), \
        running.explain("$task_by_pid(2) is not kthreadd")


def test_kps_lists_every_task_the_kernel_counts(running):
    """As many rows as nr_threads (tasks on the list) + the idle task of
    each CPU (one here: process 0)."""
    text = running.section("kps")
    rows = kps_list(text)
    nr_threads = int(re.search(r"^\$\d+ = (\d+)$", running.section("nr_threads"),
                               re.M).group(1))
    idle = [row for row in rows if row["pid"] == 0]
    assert [(row["cpu"], row["name"]) for row in idle] == [(0, "[swapper/0]")]
    assert len(rows) == nr_threads + 1, running.explain(
        "%d rows, nr_threads %d" % (len(rows), nr_threads))
    assert re.search(r"^%d tasks$" % len(rows), text, re.M), \
        running.explain("the count line")


def test_kcurrent_agrees_with_kps(running):
    current = re.search(r"^current: pid (\d+) ", running.section("kcurrent"),
                        re.M)
    assert current, running.explain("no kcurrent line")
    rows = kps_rows(running.section("kps"))
    assert rows[int(current.group(1))]["current"], \
        running.explain("kps marks another task current")


def test_kbt_of_sleeping_kthreadd_shows_schedule(running):
    """kbt walks a sleeping task's stack from its saved context: from
    switch_to through schedule() to the function that slept, down to the
    first frame of every kernel thread, kernel_thread_helper."""
    running.check_clean()
    text = running.section("kbt 2")
    names = frames(text)
    assert names[:3] == ["switch_to", "context_switch", "schedule"], \
        running.explain("kbt 2 does not start switch_to, context_switch, "
                        "schedule")
    assert "kthreadd" in names, running.explain("kthreadd() not in kbt 2")
    assert names[-1] == "kernel_thread_helper", \
        running.explain("kbt 2 does not end at kernel_thread_helper")
    assert "thread.eip = thread_return" in text, running.explain("frame #0")


def test_kbt_of_every_sleeping_task_reaches_its_first_frame(running):
    sleepers = [pid for pid, row in kps_rows(running.section("kps")).items()
                if row["state"] in "SD"]
    assert sleepers, running.explain("no sleeping task")
    for pid in sleepers:
        names = frames(running.section("kbt %d" % pid))
        assert "schedule" in names, running.explain("pid %d: no schedule" % pid)
        # A kernel thread's stack starts at kernel_thread_helper (process
        # 0's at _start); a process asleep in a system call entered the
        # kernel at system_call, below which its ebp points to user space.
        assert names[-1] in ("kernel_thread_helper", "_start",
                             "system_call"), \
            running.explain("pid %d: the walk stopped early" % pid)


def test_kthreadinfo_shows_stack_of_kthreadd(running):
    text = running.section("kthreadinfo 2")
    m = re.search(r"^thread_info (0x[0-9a-f]+): task (0x[0-9a-f]+) ", text, re.M)
    assert m, running.explain("no thread_info line")
    ti = int(m.group(1), 16)
    assert ti % 8192 == 0, running.explain("thread_info not 8 KiB aligned")
    assert int(kps_rows(running.section("kps"))[2]["task"], 16) == \
        int(m.group(2), 16), running.explain("thread_info->task is not kthreadd")
    m = re.search(r"switched out: thread\.esp (0x[0-9a-f]+), (\d+) bytes of "
                  r"stack in use, resumes at thread\.eip 0x[0-9a-f]+ "
                  r"<thread_return>", text)
    assert m and ti < int(m.group(1), 16) < ti + 8192, \
        running.explain("thread.esp is not inside kthreadd's stack")
    esp = int(m.group(1), 16)
    m = re.search(r"^  (0x[0-9a-f]+): 0x[0-9a-f]{8} <context_switch\+\d+>  "
                  r"return address$", text, re.M)
    assert m and int(m.group(1), 16) == esp + 16, \
        running.explain("the return address switch_to left is not at "
                        "thread.esp + 16")


def test_kdmesg_prints_banner_and_the_whole_console_log(running):
    running.check_clean()
    text = running.section("kdmesg")
    assert "kt26 version" in text, running.explain("no banner in kdmesg")
    log = text.splitlines()
    for line in running.serial.splitlines():
        if line.startswith("["):	# a printk line (QEMU adds none)
            assert line in log, running.explain("console line %r not in "
                                                "kdmesg" % line)
    assert running.section("kdmesg 2").splitlines() == log[-2:], \
        running.explain("kdmesg 2 is not the last two lines")


def test_kdmesg_unrolls_a_ring_that_went_round(running):
    """Every whole line the ring still holds, oldest first, the one cut
    by newer text left out; the real log back afterwards."""
    text = running.section("kdmesg wrapped")
    size = int(re.search(r"^size (\d+)$", text, re.M).group(1))
    lines = text.splitlines()[1:]
    first = 7000 - (size - 1) // len("line 00000\n")
    assert lines == ["line %05d" % n for n in range(first, 7000)], \
        running.explain("kdmesg of the wrapped ring")
    assert "kt26 version" not in text


## Switches: kswitch over ping-pong kernel threads -----------------------

# The boot's switches (about 60, more or fewer with the host's load) and
# then the ping-pong threads' own: the window must reach the latter.
SWITCHES = 90


@pytest.fixture(scope="module")
def switches():
    return gdb_session([
        "p &init_mm",
        "kswitch", "continue",
        section("krunqueue first"), "krunqueue",
        "continue %d" % (SWITCHES - 1),
        section("krunqueue"), "krunqueue",
        section("next"), "p ((struct task_struct **)$esp)[2]->pid",
        # The arrays swapped, as schedule() swaps them when the active one
        # runs empty: the same tasks, now all on the expired array.
        "set var $rq = &per_cpu__runqueues[0]", "set var $active = $rq->active",
        "set var $rq->active = $rq->expired", "set var $rq->expired = $active",
        section("krunqueue swapped"), "krunqueue",
        "set var $rq->expired = $rq->active", "set var $rq->active = $active",
        section("swapped back"),
        # A fault injected from GDB: CR3 changed between context_switch()
        # and switch_to, as a bug in switch_mm() would (swapper_pg_dir
        # maps the kernel like every page directory: safe to run on).
        # Only the scheduler's call: the test's own use of its mm calls
        # switch_mm() outside any switch.
        'tbreak switch_mm if $_caller_is("context_switch")', "continue",
        "set $saved_cr3 = $cr3",
        "set $cr3 = (unsigned long)swapper_pg_dir - 0xc0000000",
        section("injected"), "p/x $cr3", "continue",
        "set $cr3 = $saved_cr3",
        "delete",
        section("after delete"), "maint info breakpoints",
        section("again"), "kswitch", "kswitch off",
        section("after off"), "maint info breakpoints",
    ], cmdline="ktest=ping_pong_switches_load_cr3_zero_times")


def kswitch_lines(session):
    """The kswitch lines of the SWITCHES-long window."""
    lines = [m.groups() for m in KSWITCH.finditer(
        session.stdout.split("=== krunqueue ===")[0])]
    assert lines, session.explain("no kswitch lines")
    return lines


def test_kswitch_reports_real_prev_next_pairs(switches):
    """Every switch once, in order: numbered by nr_switches without gaps,
    prev != next, and each next is the prev of the following switch."""
    switches.check_clean()
    lines = kswitch_lines(switches)
    assert len(lines) == SWITCHES, switches.explain(
        "%d kswitch lines, expected %d" % (len(lines), SWITCHES))
    numbers = [int(line[0]) for line in lines]
    assert numbers == list(range(numbers[0], numbers[0] + SWITCHES)), \
        switches.explain("switch numbers are not consecutive")
    for line in lines:
        assert line[1] != line[4], switches.explain("prev pid == next pid")
    for this, following in zip(lines, lines[1:]):
        assert this[4] == following[1], switches.explain(
            "switch #%s goes to pid %s, but #%s leaves pid %s" % (
                this[0], this[4], following[0], following[1]))
    pairs = {(line[1], line[4]) for line in lines}
    assert len(pairs) >= 4, switches.explain("too few distinct pairs")
    stopped_next = re.search(r"\$\d+ = (\d+)", switches.section("next")).group(1)
    assert stopped_next == lines[-1][4], switches.explain(
        "GDB stopped at another switch than the last one printed")


def test_kswitch_cr3_is_measured_and_unchanged_between_kernel_threads(switches):
    """CR3 before (at context_switch) and after (at switch_to) are real
    register values; a switch to a thread without mm borrows (lazy TLB,
    init_mm at boot) and never loads CR3, nor does one between kernel
    threads sharing an mm (the ping-pong threads)."""
    lines = kswitch_lines(switches)
    init_mm = re.search(r"\(struct mm_struct \*\) (0x[0-9a-f]+) <init_mm>",
                        switches.stdout).group(1)
    lazy = 0
    for line in lines:
        before, after, verdict, why, rest = line[7], line[8], line[9], line[10], line[11]
        text = "kswitch #%s: %s" % (line[0], line)
        assert before.startswith("0x"), switches.explain(
            "CR3 before not measured: " + text)
        assert verdict == ("unchanged" if int(before, 16) == int(after, 16)
                           else "loaded"), switches.explain(text)
        assert "!!" not in rest, switches.explain("prediction failed: " + text)
        if line[2].startswith("[") and line[5].startswith("["):
            assert verdict == "unchanged", switches.explain(
                "CR3 loaded between kernel threads: " + text)
        if why.startswith("lazy TLB"):
            lazy += 1
            assert verdict == "unchanged", switches.explain(text)
            if lazy == 1:
                assert why.endswith("borrows active_mm %s" % init_mm), \
                    switches.explain("the first borrowed mm is not init_mm")
    assert lazy, switches.explain("no lazy-TLB switch seen at boot")
    assert any(why.startswith("same mm") for *_, why, _ in lines), \
        switches.explain("no switch between the ping-pong threads")


def test_kswitch_measures_cr3_and_flags_an_unexpected_load(switches):
    """With CR3 changed behind the scheduler's back, kswitch reports the
    two real values, "loaded", and that the reason expected no load."""
    switches.check_clean()
    injected = [m.groups() for m in KSWITCH.finditer(
        switches.section("injected"))]
    assert len(injected) == 1, switches.explain("no switch after the injection")
    before, after, verdict, rest = injected[0][7], injected[0][8], \
        injected[0][9], injected[0][11]
    written = re.search(r"^\$\d+ = (0x[0-9a-f]+)$", switches.section("injected"),
                        re.M).group(1)
    assert int(after, 16) == int(written, 16), \
        switches.explain("CR3 after is not the value GDB wrote")
    assert verdict == "loaded" and int(before, 16) != int(after, 16), \
        switches.explain("the injected CR3 change was not measured")
    assert "!! expected CR3 unchanged" in rest, \
        switches.explain("kswitch did not flag the unexpected load")


@pytest.mark.parametrize("how", ["off", "delete"])
def test_kswitch_off_or_delete_removes_both_breakpoints(switches, how):
    """kswitch off, or GDB's own delete: the breakpoint at switch_to and
    its internal partner at context_switch both go (maint info
    breakpoints lists internal breakpoints too)."""
    text = switches.section("after " + how)
    assert "switch_to" not in text and "context_switch" not in text, \
        switches.explain("a kswitch breakpoint is left after %s" % how)


@pytest.mark.parametrize("when", ["first", "last"])
def test_krunqueue_is_consistent(switches, when):
    """At a switch (the first one, init and kthreadd runnable, and the
    last one of the window): every queued task is listed once, R;
    nr_running is the number listed; rq->curr and nr_switches are those
    of the switch; next is queued."""
    switches.check_clean()
    text = switches.section("krunqueue" + (" first" if when == "first" else ""))
    assert "warning" not in text, switches.explain("krunqueue warnings")
    m = re.search(r"^cpu 0: nr_running (\d+), nr_switches (\d+), curr pid (\d+) ",
                  text, re.M)
    assert m, switches.explain("no cpu 0 line")
    nr_running = int(m.group(1))
    listed = re.findall(r"pid (\d+) \S+ ([RSDTZX](?: \(preempted\))?)",
                        "\n".join(l for l in text.splitlines()
                                  if l.strip().startswith("prio")))
    assert len(listed) == nr_running, switches.explain(
        "nr_running %d, %d tasks listed" % (nr_running, len(listed)))
    assert len(set(pid for pid, _ in listed)) == len(listed), \
        switches.explain("a task is listed twice")
    # Queued means R, or preempted on its way to sleep (S or D).
    assert all(state in ("R", "S (preempted)", "D (preempted)")
               for _, state in listed), \
        switches.explain("a queued task is not R")
    assert re.search(r"^  %d tasks? queued, nr_running %d$" % (nr_running,
                                                                nr_running),
                     text, re.M), switches.explain("the summary line")
    nr_active = sum(int(n) for n in re.findall(r"nr_active (\d+)", text))
    assert nr_active == nr_running, switches.explain("nr_active sum")
    lines = kswitch_lines(switches)
    switch = lines[0] if when == "first" else lines[-1]
    assert m.group(3) == switch[4], switches.explain("rq->curr is not next")
    assert int(m.group(2)) == int(switch[0]), switches.explain("nr_switches")
    if switch[4] != "0":
        assert switch[4] in [pid for pid, _ in listed], \
            switches.explain("next is not on the run queue")
    if when == "first":
        assert nr_running >= 2, switches.explain("init and kthreadd not queued")


def test_krunqueue_lists_the_expired_array(switches):
    """With the arrays swapped, every queued task is on the expired one:
    krunqueue lists them there, the same tasks as before the swap."""
    def queued(text):
        return sorted(re.findall(r"pid (\d+) \S+ [RSDTZX]", "\n".join(
            l for l in text.splitlines() if l.strip().startswith("prio"))))
    text = switches.section("krunqueue swapped")
    assert "warning" not in text, switches.explain("krunqueue warnings")
    expired = text.split("  expired = ", 1)[1]
    assert queued(expired) and \
        queued(expired) == queued(switches.section("krunqueue")), \
        switches.explain("the expired array's tasks are not listed")


## Stepping through switch_to --------------------------------------------

STEP_INTO_NEXT = """python
import kt26_utils as u

def step_until(done, limit):
    for count in range(1, limit + 1):
        gdb.execute("stepi", to_string=True)
        if done():
            return count
    raise gdb.GdbError("not reached in %d stepi" % limit)

# Stop at a switch whose next has run before (thread_return) or not.
WANT = "{want}"
for attempt in range(50):
    gdb.execute("continue", to_string=True)
    esp = u.register("esp")
    next = gdb.parse_and_eval("*(struct task_struct **)%d" % (esp + 8))
    resume = u.symbol_at(u.ulong(next["thread"]["eip"]))
    if resume == WANT:
        break
pid = int(next["pid"])
low = u.ulong(next["thread_info"])
gdb.write("=== {want} next ===\\npid %d\\n" % pid)
gdb.write("=== {want} kbt ===\\n")
gdb.execute("kbt %d" % pid)
gdb.write("=== {want} before ===\\nprev %d\\n" % int(gdb.parse_and_eval(
    "*(struct task_struct **)%d" % (esp + 4))["pid"]))
gdb.execute("kcurrent")
steps = step_until(lambda: low <= u.register("esp") < low + 8192, 20)
pc = u.register("eip")
arch = gdb.selected_frame().architecture()
sw = u.symbol_address("switch_to")
before = [i for i in arch.disassemble(sw, pc) if i["addr"] < pc][-1]
gdb.write("=== {want} after mov ===\\nsteps %d\\nlast %s\\n" % (steps, before["asm"]))
gdb.execute("kcurrent")
step_until(lambda: u.register("eip") == u.symbol_address(WANT), 2000)
gdb.write("=== {want} arrived ===\\n")
gdb.execute("kcurrent")
if WANT == "thread_return":
    step_until(lambda: not u.symbol_at(u.register("eip"), False).startswith("switch_to"), 5)
    gdb.write("=== {want} bt ===\\n")
    gdb.execute("bt")
end
"""


@pytest.fixture(scope="module")
def stepping():
    return gdb_session([
        "kswitch",
        STEP_INTO_NEXT.format(want="ret_from_fork"),
        STEP_INTO_NEXT.format(want="thread_return"),
    ])


@pytest.mark.parametrize("resume", ["ret_from_fork", "thread_return"])
def test_stepi_through_switch_to_arrives_in_next(stepping, resume):
    """stepi from switch_to's first instruction: `current` becomes next
    right after `mov esp, [next->thread.esp]`, and stepping on reaches
    next's resume address (ret_from_fork for a new task)."""
    stepping.check_clean()
    pid = re.search(r"pid (\d+)", stepping.section(resume + " next")).group(1)
    before = stepping.section(resume + " before")
    prev = re.search(r"^prev (\d+)$", before, re.M).group(1)
    assert re.search(r"^current: pid %s .*\(esp 0x[0-9a-f]+ & ~0x1fff\)$" % prev,
                     before, re.M), \
        stepping.explain("kcurrent at switch_to is not prev (pid %s)" % prev)
    assert re.search(r"^run queue curr: pid %s " % pid, before, re.M), \
        stepping.explain("kcurrent does not show rq->curr = next")
    after = stepping.section(resume + " after mov")
    assert re.search(r"^last mov\s+esp,DWORD PTR \[edx\+0x[0-9a-f]+\]$", after,
                     re.M), stepping.explain("esp changed at another instruction")
    assert re.search(r"^current: pid %s " % pid, after, re.M), \
        stepping.explain("kcurrent after the mov is not next (pid %s)" % pid)
    assert re.search(r"^current: pid %s " % pid,
                     stepping.section(resume + " arrived"), re.M), \
        stepping.explain("kcurrent at %s is not next" % resume)


def test_kbt_of_new_task_says_it_never_ran(stepping):
    text = stepping.section("ret_from_fork kbt")
    assert "(never ran)" in text and "kernel_thread_helper" in text, \
        stepping.explain("kbt of a new task")


def test_kbt_matches_the_real_stack_after_the_switch(stepping):
    """The stack kbt reconstructs before the switch is the one GDB unwinds
    once next runs: context_switch, schedule, ... the same functions."""
    saved = frames(stepping.section("thread_return kbt"))
    live = frames(stepping.section("thread_return bt"))
    assert saved[0] == "switch_to" and live[0] == "context_switch", \
        stepping.explain("unexpected first frames")
    assert saved[1:] == live, stepping.explain(
        "kbt %s != bt %s" % (saved[1:], live))


## User space: a process's own mm against a borrowed one -----------------

USER_SWITCHES = 8


@pytest.fixture(scope="module")
def userspace():
    """The default boot (initramfs, /sbin/init, sh), kswitch on from the
    moment pid 1 calls execve(): the first switches into user processes
    and the kernel threads that run after them, as in docs/gdb.md."""
    return gdb_session([
        "tbreak kernel_execve", "continue",
        section("before"), "p per_cpu__cr3_loads[0]",
        "kswitch", "continue", "continue %d" % (USER_SWITCHES - 1),
        section("kps"), "kps",
        section("after"), "p per_cpu__cr3_loads[0]",
    ])


# The daemons pid 1 starts before its execve() (kernel/main.c:
# do_basic_setup()), and kthreadd.
DAEMONS = {"[kthreadd]": 1, "[ksoftirqd/0]": 1, "[events/0]": 1,
           "[kblockd/0]": 1, "[kswapd0]": 1, "[pdflush]": 2}


def test_kps_lists_the_daemons_by_name(userspace):
    """Once pid 1 has called execve() every daemon runs: kps names each
    one, in brackets, with no mm of its own."""
    userspace.check_clean()
    rows = kps_rows(userspace.section("kps")).values()
    names = [row["name"] for row in rows]
    for daemon, count in DAEMONS.items():
        assert names.count(daemon) == count, userspace.explain(
            "kps lists %s %d times, expected %d" % (
                daemon, names.count(daemon), count))
    for row in rows:
        if row["name"] in DAEMONS:
            assert row["flags"] & PF_KTHREAD and row["mm"] == "-", \
                userspace.explain("%s is not a kernel thread" % row["name"])


def test_kswitch_loads_cr3_into_a_process_never_into_a_kernel_thread(userspace):
    """Lazy TLB against switch_mm(): a switch into a process whose mm is
    not the loaded one loads CR3 (measured: the register changed); a
    switch into a kernel thread (or process 0) never does, and the thread
    borrows the process's mm (ACTIVE_MM = a process's MM), not init_mm."""
    userspace.check_clean()
    lines = [m.groups() for m in KSWITCH.finditer(
        userspace.stdout.split("=== kps ===")[0])]
    assert len(lines) == USER_SWITCHES, userspace.explain(
        "%d kswitch lines, expected %d" % (len(lines), USER_SWITCHES))
    rows = kps_rows(userspace.section("kps"))
    processes = {pid: row for pid, row in rows.items()
                 if not row["flags"] & PF_KTHREAD}
    assert processes, userspace.explain("no user process in kps")
    for pid, row in processes.items():
        assert not row["name"].startswith("[") and row["mm"] != "-" and \
            row["mm"] == row["active_mm"], userspace.explain(
                "process pid %d does not run on an mm of its own" % pid)
    loads_into_process = 0
    borrowed = set()
    for line in lines:
        before, after, verdict, why, rest = line[7:12]
        text = "kswitch #%s: %s" % (line[0], line)
        assert "!!" not in rest, userspace.explain("prediction failed: " + text)
        if line[5].startswith("["):		# next is a kernel thread
            assert verdict == "unchanged" and before == after and \
                why.startswith("lazy TLB"), userspace.explain(
                    "CR3 loaded for a kernel thread: " + text)
            borrowed.add(why.rsplit(" ", 1)[1])
        elif verdict == "loaded":
            assert int(before, 16) != int(after, 16) and \
                why.startswith("switch_mm loads mm 0x"), userspace.explain(text)
            loads_into_process += 1
    assert loads_into_process, userspace.explain(
        "no switch into a process loaded CR3")
    assert borrowed & {row["mm"] for row in processes.values()}, \
        userspace.explain("no kernel thread borrowed a process's mm")
    loads = [int(re.search(r"^\$\d+ = (\d+)$", userspace.section(name),
                           re.M).group(1)) for name in ("before", "after")]
    assert loads[1] > loads[0], userspace.explain(
        "per_cpu__cr3_loads did not grow: %s" % loads)


## Two CPUs ---------------------------------------------------------------

@pytest.fixture(scope="module")
def smp():
    return gdb_session([
        section("threads"), "info threads",
        section("kcurrent"), "kcurrent",
        section("kps"), "kps",
        section("krunqueue 1"), "krunqueue 1",
        section("krunqueue"), "krunqueue",
        section("krunqueue 5"), "krunqueue 5",
        section("krunqueue 9"), "krunqueue 9",
    ], attach_after=r"^# ", smp=2)


@needs_ap_startup
def test_smp_kcurrent_shows_each_cpu(smp):
    """Two vCPUs, two GDB threads; kcurrent names the task on each CPU,
    from that vCPU's own esp or (in user mode) its run queue's curr,
    each a task of that CPU."""
    smp.check_clean()
    threads = smp.section("threads")
    assert re.search(r"^\*? +1 +Thread .*CPU#0", threads, re.M) and \
        re.search(r"^ +2 +Thread .*CPU#1", threads, re.M), \
        smp.explain("two vCPUs are not two threads")
    text = smp.section("kcurrent")
    cpus = re.findall(r"^cpu (\d) \(thread (\d)(, selected)?\): pid (\d+) "
                      r"(\S+) ([RSDTZX])  task (0x[0-9a-f]+)", text, re.M)
    assert [(cpu, thread) for cpu, thread, *_ in cpus] == \
        [("0", "1"), ("1", "2")], smp.explain("not one line per CPU")
    assert [c[2] for c in cpus].count(", selected") == 1, \
        smp.explain("one vCPU is the selected one")
    rows = {row["task"]: row for row in kps_list(smp.section("kps"))}
    for cpu, _, _, pid, name, state, task in cpus:
        assert rows[task]["cpu"] == int(cpu) and rows[task]["current"], \
            smp.explain("cpu %s runs %s, but kps says otherwise" % (cpu, task))
        assert state == "R", smp.explain("a current task is not R")


@needs_ap_startup
def test_smp_kps_lists_each_idle_task_with_its_cpu(smp):
    rows = kps_list(smp.section("kps"))
    assert [(r["cpu"], r["pid"], r["name"]) for r in rows[:2]] == \
        [(0, 0, "[swapper/0]"), (1, 0, "[swapper/1]")], \
        smp.explain("swapper/0 and swapper/1 do not come first")
    assert all(r["pid"] != 0 for r in rows[2:]), smp.explain("a third pid 0")
    assert {r["cpu"] for r in rows} <= {0, 1}, smp.explain("CPU column")
    assert sum(r["current"] for r in rows) == 2, \
        smp.explain("not one current task per CPU")
    for r in rows:
        m = re.match(r"\[(?:ksoftirqd|events|kblockd|migration)/(\d)\]$",
                     r["name"])
        if m:
            assert int(m.group(1)) == r["cpu"], smp.explain(
                "%s is on CPU %d" % (r["name"], r["cpu"]))


@needs_ap_startup
def test_smp_krunqueue_1_prints_cpu_1s_queue(smp):
    """krunqueue 1: CPU 1's run queue alone, its idle task swapper/1 and
    a consistent count; krunqueue: both; krunqueue 5: not online;
    krunqueue 9: past NR_CPUS (8)."""
    text = smp.section("krunqueue 1")
    assert "warning" not in text, smp.explain("krunqueue 1 warnings")
    m = re.search(r"^cpu 1: nr_running (\d+), nr_switches (\d+), curr pid "
                  r"\d+ \S+ R, idle pid 0 \[swapper/1\] R", text, re.M)
    assert m and int(m.group(2)) > 0, smp.explain("no cpu 1 line")
    assert not re.search(r"^cpu 0:", text, re.M), smp.explain("cpu 0 shown")
    assert re.search(r"^  \d+ tasks? queued, nr_running %s$" % m.group(1),
                     text, re.M), smp.explain("CPU 1's count")
    both = smp.section("krunqueue")
    assert re.findall(r"^cpu (\d):", both, re.M) == ["0", "1"], \
        smp.explain("krunqueue does not show both CPUs")
    assert re.search(r"idle pid 0 \[swapper/0\]", both), smp.explain("idle 0")
    assert "cpu 5: no run queue set up" in smp.section("krunqueue 5"), \
        smp.explain("krunqueue 5")
    assert "no CPU 9 (NR_CPUS is 8)" in smp.section("krunqueue 9"), \
        smp.explain("krunqueue 9")


@pytest.fixture(scope="module")
def smp_boot():
    return gdb_session([
        "kswitch log", "break run_init_process", "continue",
        section("at init"), "kswitch", "continue",
        section("stopped"), "kcurrent",
    ], smp=2, timeout=2 * GDB_TIMEOUT)


@needs_ap_startup
def test_smp_kswitch_names_the_cpu_of_each_switch(smp_boot):
    """kswitch over the boot to pid 1's execve: switches on CPU 0 and on
    CPU 1, numbered per CPU without gaps; on each CPU every switch
    leaves the task its previous one entered, and CPU 1's first leaves
    its idle task, swapper/1.  Stopped at a switch, kcurrent's selected
    vCPU is the CPU the kswitch line names."""
    smp_boot.check_clean()
    log = smp_boot.stdout.split("=== at init ===")[0]
    lines = [(int(m.group(1)), m.group(0)) for m in re.finditer(
        r"^kswitch cpu (\d+) #.*$", log, re.M)]
    per_cpu = {}
    for cpu, line in lines:
        per_cpu.setdefault(cpu, []).append(KSWITCH.match(line).groups())
    assert sorted(per_cpu) == [0, 1], smp_boot.explain("not both CPUs")
    for cpu, switches in per_cpu.items():
        numbers = [int(s[0]) for s in switches]
        assert numbers == list(range(numbers[0], numbers[0] + len(numbers))), \
            smp_boot.explain("CPU %d's switch numbers have gaps" % cpu)
        for this, following in zip(switches, switches[1:]):
            assert this[4] == following[1], smp_boot.explain(
                "CPU %d: #%s enters pid %s, #%s leaves pid %s" % (
                    cpu, this[0], this[4], following[0], following[1]))
    first = per_cpu[1][0]
    assert (first[1], first[2]) == ("0", "[swapper/1]"), \
        smp_boot.explain("CPU 1 did not start from swapper/1")
    stopped = KSWITCH_CPU.search(smp_boot.section("at init"))
    assert stopped, smp_boot.explain("no switch after run_init_process")
    selected = re.search(r"^cpu (\d+) \(thread \d+, selected\)",
                         smp_boot.section("stopped"), re.M)
    assert selected and selected.group(1) == stopped.group(1), \
        smp_boot.explain("kswitch names another CPU than the one stopped")


## Views: ktask, kswitch --to/--from, kwake, user symbols ----------------

# kswapd0 sleeps in schedule_timeout() and wakes every second on its own
# (kswapd_interval): a task whose switches and wake-ups come for sure.
KTASK_VIEW = """python
import kt26_utils
pid = next(int(t["pid"]) for t in kt26_utils.task_list()
           if kt26_utils.task_comm(t) == "kswapd0")
esp = int(gdb.parse_and_eval("$task_by_pid(%d)->thread.esp" % pid))
gdb.write("=== pid ===\\n%d\\n" % pid)
gdb.write("=== kthreadinfo 0 ===\\n")
gdb.execute("kthreadinfo 0")
gdb.write("=== regs before ===\\n")
gdb.execute("info registers")
gdb.write("=== stack before ===\\n")
gdb.execute("x/48xw %d" % esp)
gdb.write("=== ktask ===\\n")
gdb.execute("ktask %d" % pid)
gdb.execute("bt")
gdb.write("=== locals ===\\n")
gdb.execute("frame function schedule_timeout")
gdb.execute("info locals")
gdb.execute("p timeout")
gdb.write("=== ktask back ===\\n")
gdb.execute("ktask")
gdb.write("=== regs after ===\\n")
gdb.execute("info registers")
gdb.write("=== stack after ===\\n")
gdb.execute("x/48xw %d" % esp)
gdb.write("=== kswitch to ===\\n")
gdb.execute("kswitch --to %d" % pid)
gdb.execute("continue")
gdb.execute("kcurrent")
gdb.execute("bt")
gdb.write("=== kswitch from ===\\n")
gdb.execute("kswitch --from %d" % pid)
gdb.execute("continue")
gdb.execute("kcurrent")
gdb.execute("kswitch off")
gdb.write("=== kwake ===\\n")
gdb.execute("kwake %d" % pid)
gdb.execute("continue")
gdb.execute("kwake off")
gdb.write("=== end ===\\n")
end
"""


@pytest.fixture(scope="module")
def views():
    return gdb_session([KTASK_VIEW], attach_after=r"init: running in ring 3",
                       settle=0.5, timeout=120)


def test_ktask_shows_a_sleeping_task_as_gdbs_own_frames(views):
    """bt inside kswapd0 after ktask: from switch_to down to
    kernel_thread_helper, with frame and info locals working in it."""
    views.check_clean()
    text = views.section("ktask")
    names = frames(text[text.rindex("#0 "):])	# ktask shows frame 0 first
    assert names[:3] == ["switch_to", "context_switch", "schedule"] and \
        "kswapd" in names and names[-1] == "kernel_thread_helper", \
        views.explain("bt after ktask is not kswapd0's stack: %s" % names)
    locals_ = views.section("locals")
    assert re.search(r"^timer = \{", locals_, re.M) and \
        re.search(r"^\$\d+ = \d+$", locals_, re.M), \
        views.explain("info locals / p in schedule_timeout")


def test_kthreadinfo_names_a_return_address_by_its_call(views):
    """The idle task's stack holds rest_init's return address: the call
    of cpu_idle() is rest_init's last instruction, so the address is
    do_basic_setup's first; the label must be rest_init's."""
    text = views.section("kthreadinfo 0")
    assert re.search(r"^  0x[0-9a-f]+: 0x[0-9a-f]{8} <rest_init\+\d+>$",
                     text, re.M) and "<do_basic_setup>" not in text, \
        views.explain("kthreadinfo 0 does not show rest_init's return")


def test_ktask_changes_nothing_once_given_back(views):
    """After `ktask` alone every register is the CPU's own again, and the
    task's stack was never written."""
    assert views.section("regs before") == views.section("regs after"), \
        views.explain("registers differ after ktask")
    assert views.section("stack before") == views.section("stack after"), \
        views.explain("the task's stack changed")
    assert "has its CPU's registers again" in views.section("ktask back")


def test_kswitch_to_stops_when_the_task_is_current(views):
    pid = int(views.section("pid"))
    text = views.section("kswitch to")
    assert re.search(r"^kswitch cpu 0: pid %d \[kswapd0\] R switched in, "
                     r"now current" % pid, text, re.M), \
        views.explain("no switch-in line for kswapd0")
    assert re.search(r"^current: pid %d \[kswapd0\]" % pid, text, re.M), \
        views.explain("kcurrent is not kswapd0 at the --to stop")
    assert "kswapd" in frames(text), views.explain("bt is not kswapd0's")


def test_kswitch_from_stops_as_the_task_leaves(views):
    pid = int(views.section("pid"))
    text = views.section("kswitch from")
    m = KSWITCH.search(text)
    assert m and int(m.group(2)) == pid, \
        views.explain("the --from stop is not a switch away from kswapd0")
    assert re.search(r"^current: pid %d \[kswapd0\]" % pid, text, re.M), \
        views.explain("in switch_to, current is still the leaving task")


def test_kwake_stops_with_the_wakers_backtrace(views):
    pid = int(views.section("pid"))
    text = views.section("kwake")
    assert re.search(r"^kwake: pid %d \[kswapd0\] S is woken by pid \d+ "
                     % pid, text, re.M), views.explain("no kwake line")
    names = frames(text)
    assert names[0] == "try_to_wake_up" and "process_timeout" in names, \
        views.explain("the waker's backtrace is not the timer's: %s" % names)


def test_kswitch_from_and_to_stops_only_between_the_two():
    """kswitch --from 1 --to 7 at boot: pid 1 gives the CPU to kthreadd
    and others long before kswapd0 (pid 7) exists; the one stop is the
    switch from init to kswapd0, in switch_to, with init current."""
    session = gdb_session(["kswitch --from 1 --to 7", section("stop"),
                           "continue", section("kcurrent"), "kcurrent",
                           section("end")])
    session.check_clean()
    switches = KSWITCH.findall(session.section("stop"))
    assert [(m[1], m[4], m[5]) for m in switches] == \
        [("1", "7", "[kswapd0]")], session.explain("not the switch 1 -> 7")
    assert re.search(r"^current: pid 1 \[init\] ",
                     session.section("kcurrent"), re.M), \
        session.explain("current is not init")


def spin_burn_address():
    out = subprocess.run(["nm", os.path.join(ROOT, "build", "user", "spin")],
                         capture_output=True, text=True, check=True).stdout
    return next(int(f[0], 16) for f in (l.split() for l in out.splitlines())
                if f[-1] == "burn")


def test_a_stop_in_a_user_program_loads_its_symbols():
    """pid 1 is /bin/spin: a hardware breakpoint in its burn() stops in
    user mode, and GDB names the function and its caller from
    build/user/spin's symbols, loaded on the stop."""
    session = gdb_session([
        "hbreak *0x%x" % spin_burn_address(), "continue",
        section("user stop"), "bt", "kuser 1", "kuser 2"],
        cmdline="init=/bin/spin", attach_after=r"init: executing /bin/spin",
        settle=0.2)
    assert "kuser: pid 1 spin R: symbols of build/user/spin loaded" in \
        session.stdout, session.explain("no symbols loaded on the stop")
    text = session.section("user stop")
    assert frames(text)[:2] == ["burn", "main"], \
        session.explain("bt in spin is not burn <- main")
    assert "symbols of build/user/spin already loaded" in text and \
        "is a kernel thread: no user program" in text, \
        session.explain("kuser 1 / kuser 2")


## A kernel built for stepping: make O=0 -----------------------------------

def test_o0_kernel_shows_the_locals_og_optimizes_out(tmp_path):
    """make O=0 builds the kernel with -O0: stopped in schedule() where
    it calls context_switch(), `next` and every local of schedule() can
    be printed (at -Og, GDB says <optimized out> for some)."""
    build = str(tmp_path / "build-O0")
    subprocess.run(["make", "--no-print-directory", "-j2", "B=" + build,
                    "O=0", build + "/kernel.elf"], cwd=ROOT, check=True,
                   capture_output=True, timeout=600)
    with open(os.path.join(ROOT, "sched", "core.c")) as f:
        line = next(n for n, text in enumerate(f, 1)
                    if "prev = context_switch(rq, prev, next);" in text)
    session = gdb_session([
        "break sched/core.c:%d" % line, "continue",
        section("locals"), "p next->comm", "info locals"],
        kernel=build + "/kernel.elf")
    session.check_clean()
    text = session.section("locals")
    assert re.search(r'^\$\d+ = "\w', text, re.M), \
        session.explain("p next->comm in schedule()")
    assert "optimized out" not in text, \
        session.explain("a local of schedule() is optimized out at -O0")
