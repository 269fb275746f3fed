# SPDX-License-Identifier: GPL-2.0
"""tools/trace2perfetto.py on synthetic serial logs (no QEMU needed).

The main log holds two sched-trace dumps among boot noise, with printk
stamps on some lines, none on others, and "\\r\\n" line ends.  The second
dump is the story the converter must tell, on CPU 0: the idle task runs,
kswapd0 is woken and runs, init forks a child that execs "spin", spin is
preempted by kswapd0, forks "true" which exits, and a child that never
runs.  A second story runs on two CPUs: two idle tasks (both pid 0),
a task that migrates, a wakeup from one CPU of a task that then runs on
the other.  The tests check the JSON trace against the format's rules
(one track per CPU), the SVG against its lane contract, the summary, and
the error paths (malformed line, no dump, a dump cut short) through the
command line as a user meets them.
"""
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from conftest import ROOT, load_tool

TOOL = os.path.join(ROOT, "tools", "trace2perfetto.py")

t2p = load_tool("trace2perfetto")

TSC_KHZ = 2_600_000  # 2600 cycles per µs: whole µs give whole ns
BASE_TSC = 987_654_321_000


def tsc(us):
    return BASE_TSC + us * TSC_KHZ // 1000


# (µs since the first event, event) of the dump under test.
STORY = [
    (0, "wakeup pid=5:kswapd0 by=0"),  # before any switch: idle runs
    (10, "switch prev=0:swapper/0:R next=5:kswapd0"),
    (30, "switch prev=5:kswapd0:S next=1:init"),
    (40, "fork parent=1 child=7:init"),
    (50, "switch prev=1:init:S next=7:init"),
    (60, "comm pid=7:spin"),  # execve
    (100, "wakeup pid=5:kswapd0 by=7"),
    (100, "switch prev=7:spin:R next=5:kswapd0"),
    (120, "switch prev=5:kswapd0:S next=7:spin"),
    (150, "fork parent=7 child=8:spin"),
    (160, "switch prev=7:spin:R next=8:spin"),
    (165, "comm pid=8:true"),
    (170, "exit pid=8:true code=0"),
    (170, "switch prev=8:true:Z next=7:spin"),
    (180, "fork parent=7 child=9:spin"),  # never gets the CPU
    (200, "switch prev=7:spin:S next=0:swapper/0"),
    (230, "wakeup pid=1:init by=0"),
    (230, "switch prev=0:swapper/0:R next=1:init"),
    (250, "switch prev=1:init:D next=0:swapper/0"),
    (260, "wakeup pid=7:spin by=0"),  # idle still runs when it stops
]
SPAN_US = 260
# pid -> (last comm, [(start µs, end µs, state at end)]) in STORY.
EXPECTED = {
    0: ("swapper/0", [(0, 10, "R"), (200, 230, "R"), (250, 260, "?")]),
    1: ("init", [(30, 50, "S"), (230, 250, "D")]),
    5: ("kswapd0", [(10, 30, "S"), (100, 120, "S")]),
    7: ("spin", [(50, 100, "R"), (120, 160, "R"), (170, 200, "S")]),
    8: ("true", [(160, 170, "Z")]),
    9: ("spin", []),
}
# An earlier, independent recording: only pids 0 and 2 ran.
EARLIER = [
    (0, "switch prev=0:swapper/0:R next=2:kthreadd"),
    (40, "switch prev=2:kthreadd:S next=0:swapper/0"),
]


def stamp(n):
    """A printk time stamp as kernel/printk.c writes it: "[    1.000042] "."""
    return "[%5d.%06d] " % (1, n)


def dump_lines(events, end=True, noise_every=4, cpus=1, old_format=False):
    """One dump as the kernel prints it, with noise lines mixed in.
    @events: (µs, text) on CPU 0, or (µs, cpu, text).  @old_format: as
    a kernel before SMP printed it (cpu=0, no [cpu] on the lines)."""
    lines = [stamp(1) + "sched-trace: begin tsc_khz=%d %s events=%d "
             "lost=0" % (TSC_KHZ, "cpu=0" if old_format else "cpus=%d" %
                         cpus, len(events))]
    for n, event in enumerate(events):
        us, cpu, text = event if len(event) == 3 else (event[0], 0, event[1])
        prefix = stamp(n + 2) if n % 2 else ""
        where = "" if old_format else "[%d] " % cpu
        lines.append(prefix + "sched-trace: %d %s%s" % (tsc(us), where, text))
        if noise_every and n % noise_every == 3:
            lines.append(stamp(n + 2) + "ata0: IRQ 14 spurious")
    if end:
        lines.append("sched-trace: end")
    return lines


def log_text(lines):
    return "\r\n".join(lines) + "\r\n"


BOOT_NOISE = [stamp(0) + "kt26 version 0.1 (gcc 12) #1",
              stamp(0) + "Kernel command line: trace=sched",
              "sched-trace: 12345 switch prev=0:a:R next=1:b"]  # no begin
MAIN_LOG = (BOOT_NOISE + dump_lines(EARLIER) + [stamp(3) + "init: hello"]
            + dump_lines(STORY) + [stamp(9) + "Power down."])


def ns(microseconds_float):
    """JSON µs back to whole ns (the resolution the tool writes)."""
    return round(microseconds_float * 1000)


def run_cli(*args, stdin=None):
    return subprocess.run([sys.executable, TOOL] + list(args), input=stdin,
                          capture_output=True, text=True, timeout=60)


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    """The main log converted once through the command line."""
    tmp = tmp_path_factory.mktemp("trace")
    log = tmp / "serial.log"
    log.write_bytes(log_text(MAIN_LOG).encode())
    result = run_cli(str(log), "--json", str(tmp / "out" / "trace.json"),
                     "--svg", str(tmp / "out" / "trace.svg"), "--summary")
    assert result.returncode == 0, result.stderr
    with open(tmp / "out" / "trace.json") as f:
        document = json.load(f)
    svg = ET.parse(tmp / "out" / "trace.svg").getroot()
    return document, svg, result


def timed(document):
    return [e for e in document["traceEvents"] if e["ph"] != "M"]


def test_json_is_an_object_format_trace(outputs):
    document, _, _ = outputs
    assert isinstance(document["traceEvents"], list)
    assert document["displayTimeUnit"] == "ns"
    assert document["otherData"]["tsc_khz"] == TSC_KHZ
    assert document["otherData"]["dump"] == "2 of 2"


def test_every_event_has_the_required_keys(outputs):
    document, _, _ = outputs
    for event in document["traceEvents"]:
        for key in ("name", "ph", "ts", "pid", "tid"):
            assert key in event, (key, event)
        assert event["pid"] == 0, event
        if event["ph"] == "X":
            assert event["cat"] == "sched"
            assert event["dur"] >= 0, event
            assert set(event["args"]) >= {"prev_state_at_end", "preempted"}


def test_events_sorted_and_monotonic_per_track(outputs):
    document, _, _ = outputs
    stamps = [e["ts"] for e in document["traceEvents"]]
    assert stamps == sorted(stamps)
    last = {}
    for event in timed(document):
        assert event["ts"] >= last.get(event["tid"], 0), event
        last[event["tid"]] = event["ts"]


def test_slices_on_a_track_do_not_overlap(outputs):
    document, _, _ = outputs
    end = {}
    for event in timed(document):
        if event["ph"] == "X":
            assert ns(event["ts"]) >= end.get(event["tid"], 0), event
            end[event["tid"]] = ns(event["ts"]) + ns(event["dur"])


def test_one_named_track_per_cpu(outputs):
    """One CPU: one track, "CPU 0", that every event is on; each slice
    names its task in its name and args."""
    document, _, _ = outputs
    names = {e["tid"]: e["args"]["name"] for e in document["traceEvents"]
             if e["ph"] == "M" and e["name"] == "thread_name"}
    assert names == {0: "CPU 0"}
    assert {e["tid"] for e in timed(document)} == {0}
    process = [e for e in document["traceEvents"]
               if e["name"] == "process_name"]
    assert [e["args"]["name"] for e in process] == ["kt26: 1 CPU"]
    for e in timed(document):
        if e["ph"] == "X":
            assert e["name"] == "%s (%d)" % (e["args"]["comm"],
                                             e["args"]["pid"]), e
            assert e["args"]["cpu"] == 0, e
    assert {e["args"]["pid"] for e in timed(document)} == set(EXPECTED)


def test_slices_fill_the_traced_time_exactly(outputs):
    """One CPU runs exactly one task at a time: the slices, in order,
    touch end to end from the first event to the last."""
    document, _, _ = outputs
    slices = sorted((ns(e["ts"]), ns(e["dur"])) for e in timed(document)
                    if e["ph"] == "X")
    at = 0
    for start, duration in slices:
        assert start == at
        at = start + duration
    assert at == SPAN_US * 1000
    assert sum(duration for _, duration in slices) == SPAN_US * 1000


def test_slices_match_the_story(outputs):
    document, _, _ = outputs
    got = {}
    for e in timed(document):
        if e["ph"] == "X":
            got.setdefault(e["args"]["pid"], []).append(
                (ns(e["ts"]) // 1000, ns(e["ts"] + e["dur"]) // 1000,
                 e["args"]["prev_state_at_end"], e["args"]["preempted"]))
    # The idle task leaves in R every time, but it gives way: it is
    # never "preempted".
    want = {pid: [(a, b, state, state == "R" and pid != 0)
                  for a, b, state in slices]
            for pid, (_, slices) in EXPECTED.items() if slices}
    assert got == want


def test_slice_named_after_the_comm_it_ran_under(outputs):
    """pid 7 first ran as "init" (a fork of init) and then exec'd spin."""
    document, _, _ = outputs
    names = [e["name"] for e in timed(document)
             if e["ph"] == "X" and e["args"]["pid"] == 7]
    assert names == ["init (7)", "spin (7)", "spin (7)"]


def test_recording_edges_are_marked_clipped(outputs):
    document, _, _ = outputs
    clipped = [(e["args"]["pid"], ns(e["ts"]) // 1000)
               for e in timed(document)
               if e["ph"] == "X" and "clipped" in e["args"]]
    assert clipped == [(0, 0), (0, 250)]


def test_instant_events_for_wakeups_forks_exits(outputs):
    document, _, _ = outputs
    instants = [(e["name"], e["args"]["pid"], ns(e["ts"]) // 1000,
                 e["args"]) for e in timed(document) if e["ph"] == "i"]
    assert all(e["s"] == "t" for e in timed(document) if e["ph"] == "i")
    assert [(n, tid, t) for n, tid, t, _ in instants
            if n == "wakeup"] == [("wakeup", 5, 0), ("wakeup", 5, 100),
                                  ("wakeup", 1, 230), ("wakeup", 7, 260)]
    forks = [(tid, a["parent"]) for n, tid, _, a in instants if n == "fork"]
    assert forks == [(7, 1), (8, 7), (9, 7)]
    exits = [(tid, a["code"]) for n, tid, _, a in instants if n == "exit"]
    assert exits == [(8, 0)]
    wakers = [a["by_comm"] for n, _, _, a in instants if n == "wakeup"]
    assert wakers == ["swapper/0", "spin", "swapper/0", "swapper/0"]


SVG = "{http://www.w3.org/2000/svg}"


def lane_slices(svg):
    """{cpu: [pid of each slice, in order]} of an SVG's CPU lanes."""
    return {int(lane.get("data-cpu")):
            [int(r.get("data-pid"))
             for r in lane.findall("%srect[@class='slice']" % SVG)]
            for lane in svg.findall(".//%sg[@class='cpu-lane']" % SVG)}


def test_svg_has_one_lane_per_cpu_with_every_slice(outputs):
    _, svg, _ = outputs
    lanes = svg.findall(".//%sg[@class='cpu-lane']" % SVG)
    assert [lane.get("data-cpu") for lane in lanes] == ["0"]
    labels = [t.text for t in lanes[0].findall("%stext" % SVG)]
    assert labels == ["CPU 0"]
    story = sorted((a, pid) for pid, (_, slices) in EXPECTED.items()
                   for a, _, _ in slices)
    assert lane_slices(svg) == {0: [pid for _, pid in story]}


def test_svg_task_key_names_each_task_that_ran(outputs):
    _, svg, _ = outputs
    keys = svg.findall(".//%sg[@class='task-key']" % SVG)
    ran = sorted(pid for pid, (_, slices) in EXPECTED.items() if slices)
    assert [int(k.get("data-pid")) for k in keys] == ran
    for key in keys:
        pid = int(key.get("data-pid"))
        assert key.find("%stext" % SVG).text == "%s (%d)" % (
            EXPECTED[pid][0], pid)


def test_svg_every_rect_has_a_title(outputs):
    _, svg, _ = outputs
    rects = svg.findall(".//%srect" % SVG)
    assert len(rects) > sum(len(s) for _, s in EXPECTED.values())
    for rect in rects:
        title = rect.find("%stitle" % SVG)
        assert title is not None and title.text.strip(), rect.attrib


def test_svg_slice_title_names_task_cpu_and_times(outputs):
    _, svg, _ = outputs
    title = svg.find(".//%srect[@data-pid='8']/%stitle" % (SVG, SVG)).text
    assert title.startswith("spin (8) on CPU 0\nstart 0.160000 ms, "
                            "ran 10.0 µs")
    assert "exited" in title


def test_svg_idle_task_is_grey_and_others_are_not(outputs):
    _, svg, _ = outputs
    fills = {}
    for r in svg.findall(".//%srect[@class='slice']" % SVG):
        fills.setdefault(int(r.get("data-pid")), set()).add(r.get("fill"))
    (idle,) = fills.pop(0)
    assert is_grey(idle), idle
    assert all(len(f) == 1 for f in fills.values())
    colours = [f.pop() for f in fills.values()]
    assert len(set(colours)) == len(colours), "two tasks share a colour"
    assert not any(is_grey(c) for c in colours), colours


def is_grey(colour):
    """True for "#rrggbb" with equal channels."""
    return colour[1:3] == colour[3:5] == colour[5:7]


def test_svg_marks_preemptions_and_wakeups(outputs):
    """A bar where spin lost the CPU while runnable, twice (never on the
    idle task, which gives way whenever anything runs); a triangle per
    wakeup."""
    _, svg, _ = outputs
    lane = svg.find(".//%sg[@data-cpu='0']" % SVG)
    assert len(lane.findall("%sline" % SVG)) == 2
    woken = [p.find("%stitle" % SVG).text.split(" woken")[0]
             for p in lane.findall("%spath" % SVG)]
    assert woken == ["kswapd0 (5)", "kswapd0 (5)", "init (1)", "spin (7)"]


def test_svg_thins_out_crowded_wakeup_marks():
    """Wakeups a microsecond apart in a one-second trace would pile up
    into a black smear: one triangle stands for them."""
    crowded = [(us, "wakeup pid=5:kswapd0 by=0") for us in range(5)]
    crowded += [(500_000, "switch prev=0:swapper/0:R next=5:kswapd0"),
                (1_000_000, "switch prev=5:kswapd0:S next=0:swapper/0")]
    svg = ET.fromstring(t2p.to_svg(t2p.parse_trace(dump_lines(crowded))))
    lane = svg.find(".//%sg[@data-cpu='0']" % SVG)
    assert len(lane.findall("%spath" % SVG)) == 1


def summary_tables(text):
    """({cpu: row}, {(pid, comm): row}) of --summary output; a count
    that does not apply to the task ("-") reads as None."""
    def count(field):
        return None if field == "-" else int(field)

    cpus, tasks, table = {}, {}, None
    lines = text.splitlines()
    for line in lines[1:]:
        f = line.split()
        if f[0] in ("cpu", "pid"):
            table = f[0]
            if table == "pid":
                assert f[6:] == ["preempted", "voluntary", "gave", "way"]
        elif table == "cpu":
            cpus[int(f[0])] = (int(f[1]), f[2], f[3], f[4], f[5])
        else:
            tasks[(int(f[0]), f[1])] = (f[2], f[3], int(f[4]), count(f[5]),
                                        int(f[6]), count(f[7]))
    return cpus, tasks


def test_summary_table(outputs):
    _, _, result = outputs
    cpus, tasks = summary_tables(result.stdout)
    # 10 switches; idle ran 50 of 260 µs.
    assert cpus == {0: (10, "0.210", "0.050", "19.2", "swapper/0")}
    assert tasks[(7, "spin")] == ("0", "0.120", 3, 2, 1, None)
    # The idle task left the CPU twice in R: it gave way, twice, and was
    # never preempted (its last slice is still running at the end).
    assert tasks[(0, "swapper/0")] == ("0", "0.050", 3, None, 0, 2)
    assert tasks[(9, "spin")] == ("-", "0.000", 0, 0, 0, None)
    assert {pid for pid, _ in tasks} == set(EXPECTED)


def test_default_is_the_last_complete_dump_and_block_picks_another():
    lines = log_text(MAIN_LOG).split("\n")
    assert sorted(t2p.parse_trace(lines).comms) == sorted(
        t2p.task_key(pid, 0) for pid in EXPECTED)
    first = t2p.parse_trace(lines, block=1)
    assert (first.block_index, first.block_count) == (1, 2)
    assert first.comms == {(0, 0): "swapper/0", (2, t2p.ANY_CPU): "kthreadd"}
    with pytest.raises(t2p.TraceError, match="holds 2"):
        t2p.parse_trace(lines, block=3)


def test_malformed_lines_are_reported_and_skipped(tmp_path):
    lines = dump_lines(STORY, noise_every=0)
    bad = {3: "sched-trace: 12x wakeup pid=5:kswapd0 by=0",
           9: "sched-trace: %d wakeup pid=5 by=7" % tsc(101),
           15: "sched-trace: %d fork parent=7 child=9:spin" % tsc(1)}
    for offset, (index, text) in enumerate(sorted(bad.items())):
        lines.insert(index + offset, text)
    numbers = [n for n, line in enumerate(lines, start=1) if line in
               bad.values()]
    log = tmp_path / "bad.log"
    log.write_text("\n".join(lines))
    result = run_cli(str(log), "--json", str(tmp_path / "t.json"))
    assert result.returncode == 0, result.stderr
    for number in numbers:
        assert "warning: line %d:" % number in result.stderr
    assert "malformed" in result.stderr
    assert "time goes backwards" in result.stderr
    clean = t2p.parse_trace(dump_lines(STORY))
    assert t2p.parse_trace(lines).slices == clean.slices
    with open(tmp_path / "t.json") as f:
        assert json.load(f)["traceEvents"]


def test_carriage_returns_anywhere_are_tolerated():
    """Serial consoles end lines in "\r\n", "\n\r" or "\r\r\n"; split
    on "\n", the "\r" lands at either end of a line."""
    clean = t2p.parse_trace(dump_lines(STORY))
    for ending in ("\n\r", "\r\r\n"):
        text = ending.join(dump_lines(STORY)) + ending
        trace = t2p.parse_trace(text.split("\n"))
        assert trace.slices == clean.slices, repr(ending)
        assert trace.warnings == [], repr(ending)


def test_log_without_a_dump_exits_nonzero(tmp_path):
    log = tmp_path / "boot.log"
    log.write_text("\n".join(BOOT_NOISE + ["sched-trace: end"]) + "\n")
    result = run_cli(str(log), "--json", str(tmp_path / "t.json"))
    assert result.returncode == 1
    assert "no 'sched-trace: begin'" in result.stderr
    assert "trace=sched" in result.stderr
    assert not (tmp_path / "t.json").exists()


def test_dump_cut_short_converts_with_a_warning(tmp_path):
    cut = 14  # the log stops right after "170 switch ... next=7:spin"
    lines = BOOT_NOISE + dump_lines(STORY[:cut], end=False)
    result = run_cli("-", "--json", str(tmp_path / "t.json"),
                     "--svg", str(tmp_path / "t.svg"),
                     stdin=log_text(lines))
    assert result.returncode == 0, result.stderr
    assert "no end line" in result.stderr
    with open(tmp_path / "t.json") as f:
        document = json.load(f)
    durations = [ns(e["dur"]) for e in timed(document) if e["ph"] == "X"]
    assert sum(durations) == STORY[cut - 1][0] * 1000
    svg = ET.parse(tmp_path / "t.svg").getroot()
    assert sorted(set(lane_slices(svg)[0])) == [0, 1, 5, 7, 8]


def test_complete_dump_preferred_over_a_later_cut_one():
    lines = dump_lines(EARLIER) + dump_lines(STORY[:5], end=False)
    trace = t2p.parse_trace(lines)
    assert trace.block_index == 1 and trace.complete
    assert any("--block 2" in w for w in trace.warnings)
    assert not t2p.parse_trace(lines, block=2).complete


def test_lost_events_are_warned_about():
    story = [event for event in STORY if event[0] != 30]  # a lost switch
    lines = dump_lines(story)
    lines[0] = lines[0].replace("lost=0", "lost=1")
    warnings = t2p.parse_trace(lines).warnings
    assert any("switch away from pid 1 on CPU 0, but pid 5 was running" in w
               for w in warnings)
    assert any("dropped 1 events" in w for w in warnings)


def test_dump_without_switches_still_converts():
    trace = t2p.parse_trace(dump_lines(STORY[:1]))
    assert trace.slices == []
    document = t2p.to_chrome_json(trace)
    assert [e["name"] for e in timed(document)] == ["wakeup"]
    svg = ET.fromstring(t2p.to_svg(trace, 800))
    assert lane_slices(svg) == {0: []}
    assert svg.get("width") == "800"


def test_old_format_without_cpus_is_cpu_0():
    """A dump of a kernel before SMP (cpu=0, no [cpu] on the lines)
    converts as CPU 0's."""
    old = t2p.parse_trace(dump_lines(STORY, old_format=True))
    assert old.cpus == [0] and old.warnings == []
    assert old.slices == t2p.parse_trace(dump_lines(STORY)).slices


## Two CPUs ---------------------------------------------------------------

# (µs, cpu, event).  CPU 1 comes in later than CPU 0 (its first event is
# at 5 µs); spin runs on CPU 1, is woken there by kswapd0 after a sleep
# and runs on CPU 0 (a migration); the TSC lines of the two CPUs
# interleave as the kernel's lock ordered them.
SMP_STORY = [
    (0, 0, "wakeup pid=5:kswapd0 by=0"),
    (5, 1, "switch prev=0:swapper/1:R next=7:spin"),
    (10, 0, "switch prev=0:swapper/0:R next=5:kswapd0"),
    (20, 1, "switch prev=7:spin:S next=0:swapper/1"),
    (30, 0, "wakeup pid=7:spin by=5"),
    (40, 0, "switch prev=5:kswapd0:S next=7:spin"),
    (50, 1, "wakeup pid=5:kswapd0 by=0"),
    (55, 1, "switch prev=0:swapper/1:R next=5:kswapd0"),
    (60, 0, "exit pid=7:spin code=0"),
    (60, 0, "switch prev=7:spin:Z next=0:swapper/0"),
    (70, 1, "switch prev=5:kswapd0:S next=0:swapper/1"),
    (80, 0, "wakeup pid=1:init by=0"),
]
# (cpu, pid, start µs, end µs, state at end) of every slice.
SMP_SLICES = [
    (0, 0, 0, 10, "R"), (0, 5, 10, 40, "S"), (0, 7, 40, 60, "Z"),
    (0, 0, 60, 80, "?"),
    (1, 7, 5, 20, "S"), (1, 0, 20, 55, "R"), (1, 5, 55, 70, "S"),
    (1, 0, 70, 80, "?"),
]


@pytest.fixture(scope="module")
def smp():
    """The two-CPU story converted: (trace, JSON document, SVG, summary)."""
    trace = t2p.parse_trace(dump_lines(SMP_STORY, cpus=2))
    document = json.loads(t2p._chrome_json_text(trace))
    return (trace, document, ET.fromstring(t2p.to_svg(trace)),
            t2p.format_summary(trace))


def test_smp_each_cpu_replays_its_own_switches(smp):
    trace = smp[0]
    assert trace.warnings == [] and trace.cpus == [0, 1]
    got = sorted((s.cpu, s.pid, s.start_ns // 1000, s.end_ns // 1000,
                  s.end_state) for s in trace.slices)
    assert got == sorted(SMP_SLICES)


def test_smp_idle_tasks_are_one_per_cpu(smp):
    trace = smp[0]
    assert trace.comms[(0, 0)] == "swapper/0"
    assert trace.comms[(0, 1)] == "swapper/1"
    # kswapd0's waker on CPU 1 is that CPU's idle task, not swapper/0.
    wakers = [(i.cpu, i.args["by_comm"]) for i in trace.instants
              if i.kind == "wakeup"]
    assert wakers == [(0, "swapper/0"), (0, "kswapd0"), (1, "swapper/1"),
                      (0, "swapper/0")]


def test_smp_json_has_one_track_per_cpu(smp):
    """Two thread tracks, CPU 0 and CPU 1; a switch's slices are on the
    track of its CPU; on each track the slices touch end to end from
    the CPU's first event to the end of the recording."""
    document = smp[1]
    names = {e["tid"]: e["args"]["name"] for e in document["traceEvents"]
             if e["name"] == "thread_name"}
    assert names == {0: "CPU 0", 1: "CPU 1"}
    per_track = {}
    for e in timed(document):
        if e["ph"] == "X":
            assert e["tid"] == e["args"]["cpu"], e
            per_track.setdefault(e["tid"], []).append(
                (ns(e["ts"]), ns(e["ts"] + e["dur"]), e["args"]["pid"]))
    for cpu, first_us in ((0, 0), (1, 5)):
        at = first_us * 1000
        for start, end, _ in sorted(per_track[cpu]):
            assert start == at, (cpu, per_track[cpu])
            at = end
        assert at == 80 * 1000
    # spin (pid 7) ran on CPU 1, then on CPU 0.
    assert [(cpu, start // 1000) for cpu in (0, 1)
            for start, _, pid in per_track[cpu] if pid == 7] == \
        [(0, 40), (1, 5)]
    exits = [e["tid"] for e in timed(document) if e["name"] == "exit"]
    assert exits == [0]


def test_smp_svg_has_one_lane_per_cpu(smp):
    svg = smp[2]
    lanes = lane_slices(svg)
    assert lanes == {cpu: [pid for c, pid, *_ in sorted(
        SMP_SLICES, key=lambda s: (s[0], s[2])) if c == cpu]
        for cpu in (0, 1)}
    # spin was woken by kswapd0 on CPU 0 and ran there: the triangle is
    # on CPU 0's lane; kswapd0's second wakeup (on CPU 1) on CPU 1's.
    woken = {lane.get("data-cpu"): [p.find("%stitle" % SVG).text.split(
        " woken")[0] for p in lane.findall("%spath" % SVG)]
        for lane in svg.findall(".//%sg[@class='cpu-lane']" % SVG)}
    assert woken == {"0": ["kswapd0 (5)", "spin (7)", "init (1)"],
                     "1": ["kswapd0 (5)"]}


def test_smp_summary_per_cpu(smp):
    cpus, tasks = summary_tables(smp[3])
    assert smp[3].splitlines()[0].endswith(": 2 CPUs, 0.080 ms traced")
    # CPU 0: idle 10 + 20 of 80 µs; CPU 1 (from 5 µs): 35 + 10 of 75 µs.
    assert cpus == {0: (3, "0.050", "0.030", "37.5", "swapper/0"),
                    1: (4, "0.030", "0.045", "60.0", "swapper/1")}
    assert tasks[(0, "swapper/0")][:2] == ("0", "0.030")
    assert tasks[(0, "swapper/1")][:2] == ("1", "0.045")
    # Each idle task gave way once on its own CPU (swapper/0 at 10 µs,
    # swapper/1 at 55 µs: its switch at 5 µs starts CPU 1's recording)
    # and neither was ever preempted.
    assert tasks[(0, "swapper/0")][3:] == (None, 0, 1)
    assert tasks[(0, "swapper/1")][3:] == (None, 0, 1)
    assert tasks[(7, "spin")][:2] == ("0,1", "0.035")


def test_smp_time_goes_backwards_only_within_a_cpu():
    """CPUs interleave in the dump; a CPU 1 line older than the CPU 0
    line before it is fine, one older than CPU 1's own previous line is
    corrupt."""
    story = list(SMP_STORY)
    story[3] = (8, 1, "switch prev=7:spin:S next=0:swapper/1")  # < 10 µs
    assert t2p.parse_trace(dump_lines(story, cpus=2)).warnings == []
    story.insert(4, (4, 1, "wakeup pid=3:ksoftirqd/1 by=0"))
    warnings = t2p.parse_trace(dump_lines(story, cpus=2)).warnings
    assert len(warnings) == 1 and "backwards on CPU 1" in warnings[0]
