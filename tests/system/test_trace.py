# SPDX-License-Identifier: GPL-2.0
"""The scheduler trace end to end: boot with trace=sched, make the shell
fork, exec, spin and sleep, dump the ring buffer with `trace`, and check
what tools/trace2perfetto.py makes of the kernel's real output: a Chrome
trace-event JSON that follows the format, one track per CPU, and an SVG
timeline with one lane per CPU.  Then the same for `make trace`
(tools/trace.py), whose scenario ends in poweroff's dump, and a boot
with two CPUs, both of which record."""
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from conftest import ROOT, Terminal, boot_kernel, load_tool, new_disk_image

t2p = load_tool("trace2perfetto")

# The tests of a second CPU need the kernel to start it (fork_idle(),
# INIT-SIPI-SIPI: arch/x86/smpboot.c); without that file only CPU 0 runs.
HAVE_AP_STARTUP = os.path.exists(os.path.join(ROOT, "arch", "x86",
                                              "smpboot.c"))
needs_ap_startup = pytest.mark.skipif(
    not HAVE_AP_STARTUP,
    reason="no AP start-up (arch/x86/smpboot.c) in this tree: CPU 0 only")


def record_shell(smp=1):
    """Boot with trace=sched on @smp CPUs, run a few commands, dump the
    trace with the shell's `trace`; Return: the terminal's text."""
    t = Terminal("trace=sched loglevel=4", smp=smp)
    try:
        t.wait_for(r"^# ")
        t.run("hello", r"hello, world")
        t.run("spin 1 &", r"^\[1\] \d+$")
        t.run("sleep 2", r"sleep 2\n", timeout=30)
        t.run("trace", r"sched-trace: end", timeout=30)
        return t.text()
    finally:
        t.close()


@pytest.fixture(scope="module")
def trace_log():
    return record_shell()


@pytest.fixture(scope="module")
def smp_trace_log():
    return record_shell(smp=2)


def test_dump_format(trace_log):
    lines = [l for l in trace_log.splitlines() if l.startswith("sched-trace:")]
    assert re.match(r"sched-trace: begin tsc_khz=\d+ cpus=1 events=\d+ "
                    r"lost=0$", lines[0]), lines[:2]
    assert lines[-1] == "sched-trace: end"
    assert all(l.split()[2] == "[0]" for l in lines[1:-1]), lines[1:3]
    kinds = {l.split()[3] for l in lines[1:-1]}
    assert {"switch", "wakeup", "fork", "exit", "comm"} <= kinds, kinds


def check_dump_consistent(log, wrapped=False):
    """The events of the last dump in @log are the CPUs' story, in order:
    timestamps never go back, not even from one CPU to another (one lock
    orders the slots, and QEMU gives all vCPUs one TSC), each switch on a
    CPU leaves the task that CPU's switch before entered (the converter
    warns about neither), and a task switched out asleep (S, D) runs
    again only after a wake-up event names it.  With @wrapped, the
    converter's warning that events were dropped is the one expected."""
    trace = t2p.parse_trace(log.splitlines())
    warnings = [w for w in trace.warnings
                if not (wrapped and "ring buffer full" in w)]
    assert not warnings, warnings
    dump = log[log.rindex("sched-trace: begin"):log.rindex("sched-trace: end")]
    stamps = [int(l.split()[1]) for l in dump.splitlines()[1:]
              if l.startswith("sched-trace: ")]
    assert stamps and stamps == sorted(stamps), "time goes backwards"
    asleep = set()
    for line in dump.splitlines():
        m = re.match(r"sched-trace: \d+ \[\d+\] switch prev=(\d+):\S*:(\w) "
                     r"next=(\d+):", line)
        if m:
            assert m.group(3) not in asleep, \
                "pid %s runs again without a wake-up: %s" % (m.group(3), line)
            if m.group(2) in "SD":
                asleep.add(m.group(1))
            continue
        m = re.match(r"sched-trace: \d+ \[\d+\] wakeup pid=(\d+):", line)
        if m:
            asleep.discard(m.group(1))
    return trace


def test_dump_is_consistent(trace_log):
    check_dump_consistent(trace_log)


def test_preempted_sleeper_is_traced_runnable():
    """A task preempted between setting a sleeping state and schedule()
    stays queued and runs again without a wake-up: its switch must say R
    (ktest preempted_sleeper_stays_runnable, whose run ends in a dump)."""
    boot = boot_kernel("trace=sched ktest=preempted_sleeper_stays_runnable",
                       timeout=60)
    boot.expect(r"ktest: 1 passed, 0 failed")
    check_dump_consistent(boot.output)


def test_wrapped_ring_dumps_the_newest_events_in_order():
    """A ring that went round many times (trace_buf_size=16K: a few
    hundred slots, against the 20,000 events of 10,000 switches) keeps
    the newest events, one per slot, and dumps them oldest first."""
    boot = boot_kernel("trace=sched trace_buf_size=16K "
                       "ktest=ping_pong_switches_load_cr3_zero_times",
                       timeout=60)
    boot.expect(r"ktest: 1 passed, 0 failed")
    slots = int(boot.expect(r"trace: recording scheduler events "
                            r"\((\d+) slots\)").group(1))
    m = boot.expect(r"sched-trace: begin tsc_khz=\d+ cpus=1 "
                    r"events=(\d+) lost=(\d+)$")
    events, lost = int(m.group(1)), int(m.group(2))
    assert 16384 // 64 <= slots <= 16384 // 32, boot.explain("slots")
    assert events == slots and lost > 2 * 10000 - slots, \
        boot.explain("events=%d lost=%d, %d slots" % (events, lost, slots))
    check_dump_consistent(boot.output, wrapped=True)
    # The newest events are kept: the exits of the ping-pong threads and
    # of the test's own thread, all three named after it.
    assert len(re.findall(r"sched-trace: \d+ \[0\] exit pid=\d+:ktest code=0",
                          boot.output)) == 3, boot.explain("no exits")


def check_chrome_json(doc, ncpus=1):
    """Check a trace-event document against the format: one named track
    per CPU, each slice on the track of its CPU; Return: the names of
    the tasks that ran (each name they had: a slice is named after the
    comm its task had when it got the CPU, and `hello` exits under the
    name it got by execve without another switch)."""
    events = doc["traceEvents"]
    last_end = {}
    names = {}
    ran = set()
    renamed = set()
    for ev in events:
        for key in ("name", "ph", "pid", "tid"):
            assert key in ev, ev
        if ev["ph"] == "M":
            if ev["name"] == "thread_name":
                names[ev["tid"]] = ev["args"]["name"]
            continue
        assert "ts" in ev, ev
        if ev["ph"] == "X":
            assert ev["dur"] >= 0, ev
            assert ev["tid"] == ev["args"]["cpu"], ev
            # Per track: time never goes back, slices never overlap.
            assert ev["ts"] >= last_end.get(ev["tid"], 0) - 1e-6, ev
            last_end[ev["tid"]] = ev["ts"] + ev["dur"]
            ran.add((ev["args"]["pid"], ev["args"]["comm"]))
        elif ev["name"] in ("rename", "exit"):
            renamed.add((ev["args"]["pid"], ev["args"]["comm"]))
    assert names == {cpu: "CPU %d" % cpu for cpu in range(ncpus)}, names
    assert set(last_end) == set(range(ncpus)), "a CPU ran nothing"
    for cpu in range(ncpus):
        assert (0, "swapper/%d" % cpu) in ran, "swapper/%d never ran" % cpu
    pids = {pid for pid, _ in ran}
    return {comm for pid, comm in ran | renamed if pid in pids}


def test_chrome_json(trace_log):
    trace = t2p.parse_trace(trace_log.splitlines())
    doc = json.loads(json.dumps(t2p.to_chrome_json(trace)))
    by_name = check_chrome_json(doc)
    assert {"sh", "spin", "hello"} <= by_name, by_name


def check_svg_lanes(svg, doc):
    """One lane per CPU track of @doc (the same trace as JSON), with a
    slice per slice of that track."""
    lanes = [g for g in svg.iter() if g.get("class") == "cpu-lane"]
    tracks = {}
    for ev in doc["traceEvents"]:
        if ev["ph"] == "X":
            tracks.setdefault(ev["tid"], []).append(ev["args"]["pid"])
    assert sorted(int(g.get("data-cpu")) for g in lanes) == sorted(tracks)
    for g in lanes:
        pids = [int(r.get("data-pid")) for r in g.iter()
                if r.get("class") == "slice"]
        assert pids == tracks[int(g.get("data-cpu"))], g.attrib


def test_svg_has_a_lane_per_cpu(trace_log):
    trace = t2p.parse_trace(trace_log.splitlines())
    check_svg_lanes(ET.fromstring(t2p.to_svg(trace, 1200)),
                    t2p.to_chrome_json(trace))


@needs_ap_startup
def test_smp_trace_has_events_of_both_cpus(smp_trace_log):
    """Booted with two CPUs, both record: switches on CPU 0 and on CPU 1
    (each with its own idle task, swapper/0 and swapper/1), in one dump
    whose time never goes back; the JSON has one track per CPU, the SVG
    one lane per CPU."""
    log = smp_trace_log
    assert re.search(r"^sched-trace: begin tsc_khz=\d+ cpus=2 ", log, re.M), \
        log[-3000:]
    switches = re.findall(r"^sched-trace: \d+ \[(\d)\] switch prev=(\d+):"
                          r"(\S+?):\w next=(\d+):(\S+?)(?: \w+=\S+)*$", log,
                          re.M)
    for cpu in "01":
        mine = [s for s in switches if s[0] == cpu]
        assert mine, "no switch on CPU %s" % cpu
        idle = {(pid, comm) for s in mine for pid, comm in (s[1:3], s[3:5])
                if pid == "0"}
        assert idle == {("0", "swapper/%s" % cpu)}, (cpu, idle)
    trace = check_dump_consistent(log)
    assert trace.cpus == [0, 1]
    doc = json.loads(json.dumps(t2p.to_chrome_json(trace)))
    check_chrome_json(doc, ncpus=2)
    check_svg_lanes(ET.fromstring(t2p.to_svg(trace, 1200)), doc)
    assert re.search(r"^ +1 +\d+ +[\d.]+ +[\d.]+ +[\d.]+  swapper/1$",
                     t2p.format_summary(trace), re.M), \
        t2p.format_summary(trace)


def test_make_trace_writes_json_and_svg(tmp_path):
    """tools/trace.py as `make trace` runs it (two CPUs, once the kernel
    starts a second one), into a directory (and on a disk) of its own:
    the scenario's poweroff dumps the trace before the disks are synced,
    and both files it makes are well-formed, one track per CPU."""
    ncpus = 2 if HAVE_AP_STARTUP else 1
    proc = subprocess.run(
        [sys.executable, os.path.join(ROOT, "tools", "trace.py"),
         "--out-dir", str(tmp_path), "--disk", new_disk_image(),
         "--timeout", "60", "--smp", str(ncpus)], capture_output=True,
        text=True, timeout=90)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    log = (tmp_path / "trace.log").read_text()
    check_dump_consistent(log)
    marks = [log.find(mark) for mark in (
        "poweroff\n", "\nsched-trace: begin tsc_khz=", "\nsched-trace: end\n",
        "System halted: syncing disks... done. Power down.")]
    assert -1 not in marks and marks == sorted(marks), \
        "poweroff, trace dump, sync, power down: %s\n%s" % (marks, log[-2000:])
    with open(tmp_path / "trace.json") as f:
        doc = json.load(f)
    by_name = check_chrome_json(doc, ncpus)
    assert {"sh", "spin", "hello", "kswapd0"} <= by_name, by_name
    check_svg_lanes(ET.parse(tmp_path / "trace.svg").getroot(), doc)
    # It ends by naming the files it wrote, one line each.
    assert proc.stdout.splitlines()[-3:] == [
        "trace: wrote %s (the serial log, with the dump)" %
        (tmp_path / "trace.log"),
        "trace: wrote %s (open it in ui.perfetto.dev or chrome://tracing)" %
        (tmp_path / "trace.json"),
        "trace: wrote %s (the timeline, one lane per CPU: open it in a "
        "browser)" % (tmp_path / "trace.svg")], proc.stdout[-2000:]
    # Every idle task gave the CPU away (it always leaves in R) and is
    # never counted as preempted; every other task gives no way.
    tasks = [l.split() for l in proc.stdout.splitlines()
             if re.match(r" *\d+  \S+ +[\d,-]+ +[\d.]+ +\d+ ", l)]
    idle = [f for f in tasks if f[0] == "0"]
    assert sorted(f[1] for f in idle) == [
        "swapper/%d" % cpu for cpu in range(ncpus)], proc.stdout
    for f in idle:
        assert f[5] == "-" and int(f[7]) > 0, f
    for f in tasks:
        if f[0] != "0":
            assert f[5].isdigit() and f[7] == "-", f


def test_spin_is_preempted(trace_log):
    """The CPU hog runs for a second but is switched out while runnable
    (state R) when its slice ends or another task wakes."""
    spin_preempted = [l for l in trace_log.splitlines()
                      if " switch prev=" in l and ":spin:R " in l]
    assert spin_preempted, "spin was never preempted"
