# SPDX-License-Identifier: GPL-2.0
"""/proc and /bin/ps, as a person uses them at the serial shell: one boot,
one shell session for every check.

What /proc prints is compared with what the kernel prints itself, from
the console's report keys: Ctrl-P's task table (kernel/show_tasks.c) for
/proc/1/status, Ctrl-F's memory report (mm/meminfo.c) for /proc/meminfo.
/bin/ps is called by its path: the shell's own ps built-in would
answer otherwise.
"""
import re

import pytest

from conftest import Terminal

# A row of ps -Al: F S UID PID PPID C PRI NI ADDR SZ WCHAN TTY TIME CMD.
PS_L_ROW = re.compile(r"^(\d) ([RSDTZX]) +(\d+) +(\d+) +(\d+) +(\d+) +(-?\d+)"
                      r" +(-?\d+|-) - +(\d+|-) (\S+) +(\S+) +"
                      r"(\d\d:\d\d:\d\d) (\S+)$", re.M)
PS_L_HEADER = ("F S   UID   PID  PPID  C PRI  NI ADDR SZ WCHAN  TTY"
               "          TIME CMD")
STACK_LINE = re.compile(r"^\[<c[0-9a-f]{7}>\] (\w+)\+0x[0-9a-f]+/0x[0-9a-f]+$")


@pytest.fixture(scope="module")
def terminal():
    t = Terminal()
    t.wait_for(r"init: running in ring 3")
    t.wait_for(r"^# ")
    yield t
    t.close()


def command(t, line, expect):
    """Type @line; return the text it printed, up to the next prompt.
    What comes before the echo of @line is the end of an earlier report
    still on its way through the serial port."""
    out = t.run(line, expect)
    return out.split(line + "\n", 1)[1].rsplit("# ", 1)[0]


def report_key(t, key, pattern):
    """Press a report key; return the report's text, timestamps dropped."""
    start = len(t.text())
    t.proc.stdin.write(key)
    t.proc.stdin.flush()
    t.wait_for(pattern, start=start)
    return re.sub(r"^\[ *[\d.]+\] ", "", t.text()[start:], flags=re.M)


def test_proc_and_ps(terminal):
    t = terminal

    # ps -Al: Linux's long format; kernel threads have no size and no tty.
    out = command(t, "/bin/ps -Al", r"kswapd0\n")
    assert out.splitlines()[0] == PS_L_HEADER, out
    rows = {int(m.group(4)): m.groups() for m in PS_L_ROW.finditer(out)}
    names = {row[12]: pid for pid, row in rows.items()}
    for name in ("kthreadd", "kswapd0", "init", "sh", "ps"):
        assert name in names, out
    for name in ("kthreadd", "kswapd0", "pdflush", "events/0"):
        row = rows[names[name]]
        assert row[8] == "-" and row[10] == "?", out  # SZ, TTY
        assert row[4] == str(names["kthreadd"]) or name == "kthreadd", out
    assert rows[names["init"]][8] != "-", out
    assert rows[names["kswapd0"]][9] == "kswapd", out  # WCHAN
    assert rows[names["ps"]][1] == "R" and rows[names["ps"]][9] == "-", out
    # What `ps -Al | grep 'k.*d$'` keeps: every task whose line ends in d
    # after a k (kthreadd: kswapd0 ends in 0).
    daemons = [line.split()[-1] for line in out.splitlines()
               if re.search(r"k.*d$", line)]
    assert "kthreadd" in daemons, out

    # kswapd0's kernel stack, from its /proc directory.
    kswapd = names["kswapd0"]
    out = command(t, "cat /proc/%d/stack" % kswapd, r"kernel_thread_helper")
    frames = [STACK_LINE.match(line) for line in out.splitlines()]
    assert all(frames) and len(frames) >= 3, out
    funcs = [f.group(1) for f in frames]
    assert funcs[0] == "switch_to" and "kswapd" in funcs, out
    assert funcs[-1] == "kernel_thread_helper", out

    # ps -ef: the full format, kernel threads in brackets.
    out = command(t, "/bin/ps -ef", r"\[kswapd0\]")
    assert out.splitlines()[0].split() == \
        ["UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"], out
    assert re.search(r"^root +%d +%d .* \[kswapd0\]$" %
                     (kswapd, names["kthreadd"]), out, re.M), out
    assert re.search(r"^root +1 +0 .* /sbin/init$", out, re.M), out

    # ps -s: every task and its stack, the idle task first.
    out = command(t, "/bin/ps -s", r"\n\[<c[0-9a-f]+>\] system_call")
    assert re.search(r"\[kswapd0\]\n(\[<c.*\n){2,}\[<c[0-9a-f]+>\] "
                     r"kernel_thread_helper", out), out
    assert out.splitlines()[1].endswith("[swapper/0]"), out

    # /proc/1/status: the numbers of the kernel's own task table (Ctrl-P).
    # init sleeps in waitpid() meanwhile: its numbers do not move.
    status = command(t, "cat /proc/1/status", r"nonvoluntary_ctxt_switches")
    table = report_key(t, b"\x10", r"TLB shootdowns\n")
    row = re.search(r"^ *\d+ +1 +(\d+) ([RSDTZX]) ([0-9a-f]{8}) +\S+ +\S+ "
                    r"+(\d+) +(\d+) +(\d+) init$", table, re.M)
    assert row, table
    fields = dict(re.findall(r"^(\w+):\t(.*)$", status, re.M))
    assert fields["Name"] == "init" and fields["Pid"] == "1", status
    assert fields["PPid"] == row.group(1), (status, table)
    assert fields["State"][0] == row.group(2), (status, table)
    switches = int(fields["voluntary_ctxt_switches"]) + \
        int(fields["nonvoluntary_ctxt_switches"])
    assert switches == int(row.group(6)), (status, table)
    assert "VmRSS" in fields and fields["Uid"] == "0\t0\t0\t0", status

    # /proc/meminfo: the first lines of the kernel's memory report
    # (Ctrl-F), the same function prints both.  Only MemFree may differ:
    # cat's own pages were in use while it read, and are free again.
    meminfo = command(t, "cat /proc/meminfo", r"Slab:.*\n")
    report = report_key(t, b"\x06", r"Slab:.*\n")
    ours = dict(re.findall(r"^(\w+):\s+(\d+) kB$", meminfo, re.M))
    kernel = dict(re.findall(r"^(\w+):\s+(\d+) kB$", report, re.M))
    assert list(ours) == ["MemTotal", "MemFree", "Buffers", "Cached",
                          "SwapCached", "Active", "Inactive", "SwapTotal",
                          "SwapFree", "Dirty", "Writeback", "Slab"], meminfo
    for name in ours:
        if name not in ("MemFree", "Slab"):
            assert ours[name] == kernel[name], (name, meminfo, report)
    freed = int(kernel["MemFree"]) - int(ours["MemFree"])
    assert 0 < freed <= 512, (meminfo, report)

    # A bad option: procps' usage line.
    out = command(t, "/bin/ps -x", r"usage: ps")
    assert out.strip() == "usage: ps [-A|-e] [-l] [-f] [-s]", out
