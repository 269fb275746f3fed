# SPDX-License-Identifier: GPL-2.0
"""tools/trace2perfetto.py - turn the kernel's scheduler trace into pictures.

With `trace=sched` on the command line the kernel records every context
switch, wakeup, fork, exit and rename in a ring buffer and dumps it on the
serial port (at power-off or on demand).  This tool finds that dump in a
serial log, works out which task was on each CPU when, and writes:

  --json OUT   a Chrome/Perfetto trace (JSON Object Format) for
               ui.perfetto.dev or chrome://tracing, one track per CPU;
  --svg OUT    a self-contained SVG timeline, one lane per CPU;
  --summary    a per-CPU and a per-task table on stdout (the default
               when neither --json nor --svg is given).

It is three pure functions - parse_trace(), to_chrome_json(), to_svg() -
and a thin main(), so tests feed it synthetic logs without booting a
kernel.  Linux 2.6 counterpart: the sched_switch tracepoint and
`perf timechart` (tools/perf/builtin-timechart.c, 2.6.31), which draws the
same kind of SVG.  How to read the outputs: docs/trace.md.  It stays one
file, longer than the house habit, so that it can be copied next to a log
on any machine and run with a bare python3 (standard library only).

Input: any serial log.  Only the lines of a begin..end dump count; each may
start with a printk stamp such as "[    1.234567] " and end in "\\r":

    sched-trace: begin tsc_khz=2600000 cpus=2 events=1234 lost=0
    sched-trace: <tsc> [<cpu>] switch prev=<pid>:<comm>:<state>
                                      next=<pid>:<comm>    (one line)
    sched-trace: <tsc> [<cpu>] wakeup pid=<pid>:<comm> by=<pid>
    sched-trace: <tsc> [<cpu>] fork parent=<pid> child=<pid>:<comm>
    sched-trace: <tsc> [<cpu>] exit pid=<pid>:<comm> code=<int>
    sched-trace: <tsc> [<cpu>] comm pid=<pid>:<comm>
    sched-trace: end

(each event line may end in more fields, "tick=<t>", and at a switch
"nr=<n> queued=<0|1>": tools/sched_invariants.py reads those.)

<tsc> is the raw TSC in decimal; time = (tsc - first tsc) * 1e6 / tsc_khz
ns.  <cpu> is the CPU the event happened on (a wakeup: the waker's CPU);
a line without it (an older kernel, one CPU, "cpu=0" in the begin line)
is CPU 0's.  Each CPU's events are its own story: its TSC never goes
back, each of its switches leaves the task its previous switch entered.
Between CPUs the TSCs are compared as they are (QEMU gives all vCPUs one
clock; docs/trace.md).  The idle task of CPU n is pid 0, "swapper/n":
pid 0 names a different task on each CPU.  <comm> has no spaces or
colons.  <state> is prev's state after the switch: R (preempted, still
runnable; an idle task, always runnable, always leaves in R: it gave way
to a runnable task), S (sleeping), D (uninterruptible sleep), Z
(exited), X (dead).
A log may hold several dumps; the last complete one is converted unless
--block picks another.  A malformed line is reported on stderr with its
line number and skipped; a dump cut short (no end line) is converted as
far as it goes, with a warning.

Usage:
    python3 tools/trace2perfetto.py LOG --json build/trace.json \\
        --svg build/trace.svg [--summary] [--width 1200] [--block N]

LOG may be '-' for stdin.  Exit status 1 when the log holds no dump.
"""
import argparse
import colorsys
import json
import os
import re
import sys
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

PRINTK_STAMP = re.compile(r"\[\s*\d+\.\d+\] ?")
TRACE_TAG = "sched-trace:"
EVENT_LINE = re.compile(r"(?P<tsc>\d+)(?: \[(?P<cpu>\d+)\])? (?P<kind>\w+) "
                        r"(?P<fields>.*)")
# "<pid>:<comm>", with the group names prefixed ("prev_pid", "next_comm").
TASK = r"(?P<{0}pid>\d+):(?P<{0}comm>[^\s:]+)"
# Fields after the ones named here ("tick=", "nr=", "queued=": the tick,
# and at a switch the run queue's length and whether prev is still on
# it; tools/sched_invariants.py reads them) are accepted and not drawn.
MORE = r"(?: \w+=\S+)*"
EVENT_FIELDS = {
    "switch": re.compile("prev=" + TASK.format("prev_") +
                         r":(?P<state>[RSDZX]) next=" + TASK.format("next_") +
                         MORE),
    "wakeup": re.compile("pid=" + TASK.format("") + r" by=(?P<by>\d+)" +
                         MORE),
    "fork": re.compile(r"parent=(?P<parent>\d+) child=" + TASK.format("") +
                       MORE),
    "exit": re.compile("pid=" + TASK.format("") + r" code=(?P<code>-?\d+)" +
                       MORE),
    "comm": re.compile("pid=" + TASK.format("") + MORE),
}

UNKNOWN_STATE = "?"
STATE_MEANING = {
    "R": "preempted (still runnable)",
    "S": "went to sleep (interruptible)",
    "D": "went to sleep (uninterruptible)",
    "Z": "exited (zombie)",
    "X": "exited (dead)",
    UNKNOWN_STATE: "unknown (the recording stopped, or events were lost)",
}
VOLUNTARY_STATES = "SDZX"
IDLE_PID = 0
ANY_CPU = -1


def task_key(pid, cpu):
    """How the tool tells tasks apart: (pid, CPU) for an idle task, since
    every CPU's idle task is pid 0; (pid, ANY_CPU) for any other task,
    which may run on every CPU.  Keys sort by pid, idle tasks by CPU."""
    return (pid, cpu if pid == IDLE_PID else ANY_CPU)


class TraceError(Exception):
    """The log cannot be converted at all (no dump, unusable header)."""


@dataclass
class Slice:
    """One stretch of time a task spent on a CPU."""
    pid: int
    comm: str  # the name it had when it got the CPU
    start_ns: int
    end_ns: int
    end_state: str  # a STATE_MEANING key
    # The recording began or stopped during this slice: it really was
    # longer than drawn.
    clipped: bool = False
    cpu: int = 0

    # An idle task is always runnable, so every switch away from it
    # leaves it in R; it gives the CPU to any task that becomes runnable,
    # by design (sched/idle.c: cpu_idle() calls schedule() as soon as
    # need_resched is set).  That is giving way, not a preemption: the
    # two are told apart so that "preempted" means a task lost a CPU it
    # still wanted.
    @property
    def preempted(self):
        return self.end_state == "R" and self.pid != IDLE_PID

    @property
    def gave_way(self):
        return self.end_state == "R" and self.pid == IDLE_PID

    @property
    def key(self):
        return task_key(self.pid, self.cpu)


@dataclass
class Instant:
    """A point event: about task @pid, recorded on @cpu."""
    kind: str  # wakeup, fork, exit or rename
    pid: int
    ts_ns: int
    args: dict
    cpu: int = 0


@dataclass
class Trace:
    """One dump, replayed into per-CPU slices and instants."""
    tsc_khz: int
    cpus: list  # the CPU numbers, from the begin line and the events
    block_index: int  # 1-based, among block_count dumps in the log
    block_count: int
    first_line: int
    last_line: int
    complete: bool  # it has its end line
    lost: int = 0  # events the kernel dropped, from the begin line
    end_ns: int = 0  # time of the last event; time 0 is the first one
    slices: list = field(default_factory=list)
    instants: list = field(default_factory=list)
    comms: dict = field(default_factory=dict)  # task_key -> last comm
    switches: dict = field(default_factory=dict)  # cpu -> switch count
    # cpu -> time of its first event: the CPU is known to run from then.
    cpu_start_ns: dict = field(default_factory=dict)
    warnings: list = field(default_factory=list)

    def name(self, key):
        """'comm (pid)' of a task_key."""
        return "%s (%d)" % (self.comms[key], key[0])


@dataclass
class _Block:
    """The raw lines of one dump."""
    begin_line: int
    header: str
    events: list = field(default_factory=list)  # (line number, text)
    end_line: int = None


def _trace_payload(line):
    """Return the text after "sched-trace:", or None for any other line."""
    line = line.replace("\r", "").rstrip()
    stamp = PRINTK_STAMP.match(line)
    if stamp:
        line = line[stamp.end():]
    if not line.startswith(TRACE_TAG):
        return None
    return line[len(TRACE_TAG):].strip()


def _split_blocks(lines):
    """Group a log's sched-trace lines into dumps; note dumps cut short."""
    blocks, current, notes = [], None, []
    for number, line in enumerate(lines, start=1):
        payload = _trace_payload(line)
        if payload is None:
            continue
        if payload == "begin" or payload.startswith("begin "):
            if current is not None:
                notes.append("line %d: a new dump begins before the one "
                             "from line %d ended" %
                             (number, current.begin_line))
            current = _Block(number, payload[len("begin"):].strip())
            blocks.append(current)
        elif payload == "end":
            if current is not None:
                current.end_line = number
            current = None
        elif current is not None:
            current.events.append((number, payload))
    return blocks, notes


def _parse_header(block):
    """Return a begin line's numeric key=value pairs as a dict."""
    values = {}
    for word in block.header.split():
        key, _, value = word.partition("=")
        if value.isdigit():
            values[key] = int(value)
    if values.get("tsc_khz", 0) == 0:
        raise TraceError("line %d: the dump's begin line has no usable "
                         "tsc_khz=, so cycles cannot become time: %r" %
                         (block.begin_line, block.header))
    return values


def _parse_event(text):
    """Return (tsc, cpu, kind, fields) or raise ValueError saying what is
    wrong."""
    line = EVENT_LINE.fullmatch(text)
    if not line:
        raise ValueError("not '<tsc> [<cpu>] <kind> <fields>'")
    kind = line["kind"]
    if kind not in EVENT_FIELDS:
        raise ValueError("unknown event kind %r" % kind)
    fields = EVENT_FIELDS[kind].fullmatch(line["fields"])
    if not fields:
        raise ValueError("bad %s fields" % kind)
    return int(line["tsc"]), int(line["cpu"] or 0), kind, fields.groupdict()


class _TimelineBuilder:
    """Replays a dump's events in order, cutting each CPU's time into
    slices.

    A CPU always runs exactly one task, so each of its switches ends the
    running task's slice and starts next's.  Before a CPU's first switch
    it ran that switch's prev (from the CPU's first event on); after its
    last one it runs that switch's next.  Those two slices are cut by the
    recording's edges and marked clipped.  A task may end a slice on one
    CPU and start the next on another: that is a migration.
    """

    def __init__(self, trace):
        self.trace = trace
        self.running = {}  # cpu -> (pid, comm, start_ns, clipped)

    def switch(self, ns, cpu, number, f):
        prev_pid, next_pid = int(f["prev_pid"]), int(f["next_pid"])
        trace = self.trace
        trace.switches[cpu] = trace.switches.get(cpu, 0) + 1
        if cpu not in self.running:
            self.running[cpu] = (prev_pid, f["prev_comm"],
                                 trace.cpu_start_ns[cpu], True)
        pid, comm, start, clipped = self.running[cpu]
        state = f["state"]
        if pid != prev_pid:
            trace.warnings.append(
                "line %d: switch away from pid %d on CPU %d, but pid %d was "
                "running (events lost?)" % (number, prev_pid, cpu, pid))
            state = UNKNOWN_STATE
        # The recording may begin exactly at a switch: then prev's clipped
        # slice is empty and there is nothing to draw.
        if not (clipped and ns == start):
            trace.slices.append(Slice(pid, comm, start, ns, state, clipped,
                                      cpu))
        self.running[cpu] = (next_pid, f["next_comm"], ns, False)
        trace.comms[task_key(prev_pid, cpu)] = f["prev_comm"]
        trace.comms[task_key(next_pid, cpu)] = f["next_comm"]

    def event(self, ns, cpu, number, kind, f):
        self.trace.cpu_start_ns.setdefault(cpu, ns)
        if kind == "switch":
            self.switch(ns, cpu, number, f)
            return
        pid, comms = int(f["pid"]), self.trace.comms
        # Only the running task exits or is renamed, so a pid 0 here is
        # this CPU's idle task; a woken pid 0 cannot be: idle never sleeps.
        comms[task_key(pid, cpu)] = f["comm"]
        if kind == "wakeup":
            by = int(f["by"])
            args = {"comm": f["comm"], "by": by,
                    "by_comm": comms.get(task_key(by, cpu), UNKNOWN_STATE)}
        elif kind == "fork":
            args = {"comm": f["comm"], "parent": int(f["parent"]),
                    "child": pid}
        elif kind == "exit":
            args = {"comm": f["comm"], "code": int(f["code"])}
        else:
            kind, args = "rename", {"comm": f["comm"]}
        args["cpu"] = cpu
        self.trace.instants.append(Instant(kind, pid, ns, args, cpu))

    def finish(self):
        # A waker first seen after its wakeup (the idle task, typically)
        # is still better named by its later comm than left unknown.
        for i in self.trace.instants:
            if i.kind == "wakeup" and i.args["by_comm"] == UNKNOWN_STATE:
                i.args["by_comm"] = self.trace.comms.get(
                    task_key(i.args["by"], i.cpu), UNKNOWN_STATE)
        for cpu, (pid, comm, start, _) in sorted(self.running.items()):
            if self.trace.end_ns > start:
                self.trace.slices.append(Slice(pid, comm, start,
                                               self.trace.end_ns,
                                               UNKNOWN_STATE, True, cpu))


def _convert_block(block, index, count):
    """Replay one dump into a Trace."""
    header = _parse_header(block)
    last_line = block.end_line or max([block.begin_line] +
                                      [n for n, _ in block.events])
    # cpus=N (this kernel), cpu=0 (one CPU, before SMP), or nothing.
    cpus = set(range(header["cpus"])) if "cpus" in header else \
        {header.get("cpu", 0)}
    trace = Trace(tsc_khz=header["tsc_khz"], cpus=[],
                  block_index=index, block_count=count,
                  first_line=block.begin_line, last_line=last_line,
                  complete=block.end_line is not None,
                  lost=header.get("lost", 0))
    events, last_tsc = [], {}
    for number, text in block.events:
        try:
            tsc, cpu, kind, fields = _parse_event(text)
        except ValueError as why:
            trace.warnings.append("line %d: malformed event (%s), skipped: "
                                  "%s" % (number, why, text))
            continue
        # One CPU's TSC never runs backwards; a line that says so is
        # corrupt, and keeping it would give a slice a negative length.
        if cpu in last_tsc and tsc < last_tsc[cpu]:
            trace.warnings.append("line %d: time goes backwards on CPU %d "
                                  "(%d < %d), skipped: %s" %
                                  (number, cpu, tsc, last_tsc[cpu], text))
            continue
        last_tsc[cpu] = tsc
        events.append((number, tsc, cpu, kind, fields))
    cpus.update(cpu for _, _, cpu, _, _ in events)
    trace.cpus = sorted(cpus)
    builder = _TimelineBuilder(trace)
    if events:
        # Time 0 is the earliest event of any CPU, whatever its line.
        first_tsc = min(tsc for _, tsc, _, _, _ in events)
        for number, tsc, cpu, kind, fields in events:
            # Integer nanoseconds: slices that touch in the kernel still
            # touch here, and their lengths add up exactly.
            ns = (tsc - first_tsc) * 1_000_000 // trace.tsc_khz
            trace.end_ns = max(trace.end_ns, ns)
            builder.event(ns, cpu, number, kind, fields)
    builder.finish()

    where = "dump %d (line %d)" % (index, block.begin_line)
    if not trace.complete:
        trace.warnings.append("%s has no end line, the log was cut short: "
                              "converting its %d events" %
                              (where, len(block.events)))
    elif header.get("events", len(block.events)) != len(block.events):
        trace.warnings.append("%s announces %d events but holds %d lines: "
                              "some were lost on the way" %
                              (where, header["events"], len(block.events)))
    if trace.lost:
        trace.warnings.append("%s: the kernel dropped %d events (ring "
                              "buffer full), so the timeline has a gap or "
                              "starts late" % (where, trace.lost))
    return trace


def parse_trace(lines, block=None):
    """parse_trace - find the sched-trace dumps in a log and convert one.

    @lines: the log's lines (with or without their newlines).
    @block: 1-based dump number; None: the last complete dump (or the last
            dump, cut short, when none is complete).
    Return: a Trace; problems met on the way are in its .warnings.
    Raises TraceError when the log has no dump or that dump is unusable.
    """
    blocks, notes = _split_blocks(lines)
    if not blocks:
        raise TraceError("no 'sched-trace: begin' ... 'sched-trace: end' "
                         "dump in the log (was the kernel booted with "
                         "trace=sched?)")
    if block is None:
        complete = [i for i, b in enumerate(blocks) if b.end_line]
        chosen = complete[-1] if complete else len(blocks) - 1
    elif 1 <= block <= len(blocks):
        chosen = block - 1
    else:
        raise TraceError("dump %d asked for, but the log holds %d" %
                         (block, len(blocks)))
    if chosen < len(blocks) - 1 and block is None:
        notes.append("the last dump (line %d) was cut short, so dump %d "
                     "is converted; --block %d converts what there is" %
                     (blocks[-1].begin_line, chosen + 1, len(blocks)))
    trace = _convert_block(blocks[chosen], chosen + 1, len(blocks))
    trace.warnings[:0] = notes
    return trace


# The one process of the JSON trace; its threads are the CPUs.
JSON_PID = 0


def to_chrome_json(trace):
    """to_chrome_json - the trace as a Chrome JSON Object Format dict.

    One process (pid 0, "kt26: N CPUs") with one thread track per CPU
    (tid = the CPU number, named "CPU n", sorted by CPU): the CPU of a
    sched_switch is the track its slices go on.  Slices are "X" events
    named "comm (pid)" after the comm the task had when it got the CPU
    (Perfetto colours them by name: one colour per task), with pid, comm
    and cpu in their args; wakeups, forks, exits and renames are
    thread-scoped "i" events on the track of the CPU they happened on (a
    wakeup: the waker's), naming their task in args.  ts and dur are
    microseconds, as the format requires.
    Return: a dict for json.dump(), events sorted by ts.
    """
    events = [{"name": "process_name", "ph": "M", "ts": 0, "pid": JSON_PID,
               "tid": 0, "args": {"name": "kt26: %d CPU%s" % (
                   len(trace.cpus), "" if len(trace.cpus) == 1 else "s")}}]
    for cpu in trace.cpus:
        events.append({"name": "thread_name", "ph": "M", "ts": 0,
                       "pid": JSON_PID, "tid": cpu,
                       "args": {"name": "CPU %d" % cpu}})
        events.append({"name": "thread_sort_index", "ph": "M", "ts": 0,
                       "pid": JSON_PID, "tid": cpu,
                       "args": {"sort_index": cpu}})
    timed = []
    for s in trace.slices:
        args = {"pid": s.pid, "comm": s.comm, "cpu": s.cpu,
                "prev_state_at_end": s.end_state, "preempted": s.preempted}
        if s.clipped:
            args["clipped"] = "the recording began or ended in this slice"
        timed.append({"name": "%s (%d)" % (s.comm, s.pid), "cat": "sched",
                      "ph": "X", "ts": s.start_ns / 1000,
                      "dur": (s.end_ns - s.start_ns) / 1000,
                      "pid": JSON_PID, "tid": s.cpu, "args": args})
    for i in trace.instants:
        args = dict(i.args, pid=i.pid)
        timed.append({"name": i.kind, "cat": "sched", "ph": "i", "s": "t",
                      "ts": i.ts_ns / 1000, "pid": JSON_PID, "tid": i.cpu,
                      "args": args})
    # Metadata sits at ts 0, so appending the sorted rest keeps the whole
    # list sorted.
    events += sorted(timed, key=lambda e: e["ts"])
    return {"traceEvents": events, "displayTimeUnit": "ns",
            "otherData": {"source": "kt26 sched-trace",
                          "cpus": trace.cpus, "tsc_khz": trace.tsc_khz,
                          "dump": "%d of %d" % (trace.block_index,
                                                trace.block_count),
                          "complete": trace.complete,
                          "lost_events": trace.lost}}


def task_colour(pid):
    """A fixed colour per pid: golden-ratio hue steps keep neighbours far
    apart.  The idle task is grey, so busy and idle time tell apart."""
    if pid == IDLE_PID:
        return "#b0b0b0"
    hue = (pid * 0.618033988749895) % 1.0
    red, green, blue = colorsys.hls_to_rgb(hue, 0.55, 0.65)
    return "#%02x%02x%02x" % (round(red * 255), round(green * 255),
                              round(blue * 255))


def _duration(ns):
    """Human-sized text for a time span."""
    if ns >= 1_000_000:
        return "%.3f ms" % (ns / 1e6)
    if ns >= 1000:
        return "%.1f µs" % (ns / 1e3)
    return "%d ns" % ns


def _tick_step_ns(span_ns, max_ticks):
    """The smallest 1, 2 or 5 x 10^k ns step giving at most max_ticks."""
    step = 1
    while True:
        for multiple in (1, 2, 5):
            if span_ns / (step * multiple) <= max_ticks:
                return step * multiple
        step *= 10


# SVG layout, in pixels.
LABEL_WIDTH = 180  # the "CPU n" column
RIGHT_MARGIN = 20
ROWS_TOP = 76  # below the title and the time axis
ROW_HEIGHT = 20
ROW_PITCH = 26
LEGEND_HEIGHT = 44
LEGEND_WIDTH = 700  # the legend is one line of fixed-place items
KEY_WIDTH = 170  # one "comm (pid)" entry of the task key
KEY_PITCH = 18
TICK_SPACING = 90  # at least this far apart, so labels do not collide
# A 20 µs run in a 2 s trace is 0.01 px wide: draw it 1 px wide so it is
# seen (a dense stretch then looks busier than it was; tooltips and
# Perfetto give the truth).
MIN_SLICE_WIDTH = 1.0
# Markers are drawn only where they stay readable: a preemption bar on a
# slice at least this wide, wakeup triangles at least this far apart.
MARKER_MIN_SLICE = 6
MARKER_SPACING = 8
DEFAULT_WIDTH = 1200


def wakeup_lanes(trace):
    """[(wakeup Instant, CPU lane)]: a wakeup is drawn on the CPU where
    the woken task next got the CPU (that is where its latency shows),
    or on the waker's CPU if it never did."""
    starts = {}
    for s in trace.slices:
        if not (s.clipped and s.start_ns == trace.cpu_start_ns.get(s.cpu)):
            starts.setdefault(s.key, []).append((s.start_ns, s.cpu))
    for runs in starts.values():
        runs.sort()
    placed = []
    for i in trace.instants:
        if i.kind != "wakeup":
            continue
        later = [cpu for start, cpu in starts.get(task_key(i.pid, i.cpu), [])
                 if start >= i.ts_ns]
        placed.append((i, later[0] if later else i.cpu))
    return placed


def to_svg(trace, width=DEFAULT_WIDTH):
    """to_svg - a self-contained SVG timeline of the trace.

    One <g class="cpu-lane" data-cpu="N"> per CPU, in CPU order, labelled
    "CPU N"; a titled <rect class="slice" data-pid="PID"> per slice that
    CPU ran, coloured by task (the idle task grey), on a titled
    background <rect> (the CPU's totals); a dark bar where a task was
    preempted; a triangle where a task was woken up, on the lane of the
    CPU it then ran on; a ms time axis on top; below the legend, the
    task key: one <g class="task-key" data-pid="PID"> per task that ran,
    its colour and "comm (pid)".  Every <rect> has a <title> (the
    browser's tooltip).
    Return: the SVG document as a string.
    """
    lanes = trace.cpus
    ran = sorted({s.key for s in trace.slices})
    span = max(trace.end_ns, 1)
    plot_width = width - LABEL_WIDTH - RIGHT_MARGIN
    per_key_row = max(1, (width - 16) // KEY_WIDTH)
    key_rows = (len(ran) + per_key_row - 1) // per_key_row
    rows_bottom = ROWS_TOP + len(lanes) * ROW_PITCH
    height = rows_bottom + LEGEND_HEIGHT + key_rows * KEY_PITCH + 8

    def x_of(ns):
        return LABEL_WIDTH + ns * plot_width / span

    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" '
           'viewBox="0 0 %d %d" font-family="sans-serif" font-size="12" '
           'style="background:#fff">' % (width, height, width, height)]
    out.append('<text x="8" y="20" font-size="15" font-weight="bold">'
               'kt26 scheduler trace: %d CPU%s, %s, %d slices</text>' %
               (len(lanes), "" if len(lanes) == 1 else "s",
                _duration(trace.end_ns), len(trace.slices)))
    out.append('<text x="8" y="38" fill="#555">dump %d of %d, log lines '
               '%d-%d%s. Hover over a bar for details.</text>' %
               (trace.block_index, trace.block_count, trace.first_line,
                trace.last_line, "" if trace.complete else " (cut short)"))

    step = _tick_step_ns(span, max(1, plot_width // TICK_SPACING))
    decimals = max(0, 6 - (len(str(step)) - 1))
    out.append('<text x="%d" y="62" text-anchor="end" fill="#555">'
               'time (ms)</text>' % (LABEL_WIDTH - 24))
    for tick in range(0, span + 1, step):
        x = x_of(tick)
        out.append('<line x1="%.2f" y1="66" x2="%.2f" y2="%d" '
                   'stroke="#ddd"/>' % (x, x, rows_bottom))
        out.append('<text x="%.2f" y="62" text-anchor="middle">%.*f</text>'
                   % (x, decimals, tick / 1e6))

    wakeups_of = {cpu: [] for cpu in lanes}
    for i, cpu in wakeup_lanes(trace):
        wakeups_of.setdefault(cpu, []).append(i)
    stats = {c.cpu: c for c in cpu_stats(trace)}
    for row, cpu in enumerate(lanes):
        top = ROWS_TOP + row * ROW_PITCH
        mine = [s for s in trace.slices if s.cpu == cpu]
        c = stats[cpu]
        out.append('<g class="cpu-lane" data-cpu="%d">' % cpu)
        out.append('<rect x="%d" y="%d" width="%d" height="%d" fill="%s">'
                   '<title>CPU %d: %d switches, busy %s, idle %s (%.1f%%)'
                   '</title></rect>' %
                   (LABEL_WIDTH, top, plot_width, ROW_HEIGHT,
                    "#f4f4f4" if row % 2 else "#fafafa", cpu, c.switches,
                    _duration(c.busy_ns), _duration(c.idle_ns),
                    c.idle_percent))
        out.append('<text x="%d" y="%d" text-anchor="end">CPU %d</text>' %
                   (LABEL_WIDTH - 8, top + 14, cpu))
        for s in mine:
            x, end = x_of(s.start_ns), x_of(s.end_ns)
            tooltip = "%s (%d) on CPU %d\nstart %.6f ms, ran %s\nthen %s" \
                % (s.comm, s.pid, cpu, s.start_ns / 1e6,
                   _duration(s.end_ns - s.start_ns),
                   "gave way to a runnable task" if s.gave_way else
                   STATE_MEANING[s.end_state])
            if s.clipped:
                tooltip += "\n(cut by the edge of the recording)"
            out.append('<rect class="slice" data-pid="%d" x="%.2f" y="%d" '
                       'width="%.2f" height="%d" fill="%s"><title>%s</title>'
                       '</rect>' %
                       (s.pid, x, top + 2, max(end - x, MIN_SLICE_WIDTH),
                        ROW_HEIGHT - 4, task_colour(s.pid), escape(tooltip)))
            # Not the idle task's giving way (s.gave_way): it happens
            # every time anything else runs, and marking it would only
            # hide the other marks.
            if s.preempted and end - x >= MARKER_MIN_SLICE:
                out.append('<line x1="%.2f" y1="%d" x2="%.2f" y2="%d" '
                           'stroke="#222" stroke-width="2"/>' %
                           (end, top, end, top + ROW_HEIGHT))
        last_marker = float("-inf")
        for i in wakeups_of.get(cpu, []):
            x = x_of(i.ts_ns)
            if x - last_marker < MARKER_SPACING:
                continue
            last_marker = x
            out.append('<path d="M%.2f %d h8 l-4 6 z" fill="#222">'
                       '<title>%s (%d) woken by %s (%d) on CPU %d at %.6f ms'
                       '</title></path>' %
                       (x - 4, top - 3, escape(i.args["comm"]), i.pid,
                        escape(i.args["by_comm"]), i.args["by"], i.cpu,
                        i.ts_ns / 1e6))
        out.append('</g>')

    if not trace.slices:
        out.append('<text x="%d" y="%d" fill="#a00">No context switch in '
                   'this dump: nothing to draw.</text>' %
                   (LABEL_WIDTH, ROWS_TOP + 14))
    legend = rows_bottom + 24
    out.append('<g class="legend" fill="#333">')
    out.append('<rect x="8" y="%d" width="24" height="12" fill="%s">'
               '<title>one colour per task</title></rect>'
               '<text x="38" y="%d">on the CPU</text>' %
               (legend - 10, task_colour(1), legend))
    out.append('<rect x="130" y="%d" width="24" height="12" fill="%s">'
               '<title>the idle task of each CPU</title></rect>'
               '<text x="160" y="%d">idle (swapper/N, pid 0)</text>' %
               (legend - 10, task_colour(IDLE_PID), legend))
    out.append('<line x1="330" y1="%d" x2="330" y2="%d" stroke="#222" '
               'stroke-width="2"/><text x="338" y="%d">preempted (CPU taken '
               'away, still runnable)</text>' %
               (legend - 12, legend + 4, legend))
    out.append('<path d="M620 %d h8 l-4 6 z"/><text x="634" y="%d">'
               'woken up</text>' % (legend - 8, legend))
    out.append('</g>')
    key_top = rows_bottom + LEGEND_HEIGHT
    for n, key in enumerate(ran):
        x = 8 + (n % per_key_row) * KEY_WIDTH
        y = key_top + (n // per_key_row) * KEY_PITCH
        name = trace.name(key)
        run = sum(s.end_ns - s.start_ns for s in trace.slices if s.key == key)
        out.append('<g class="task-key" data-pid="%d"><rect x="%d" y="%d" '
                   'width="12" height="12" fill="%s"><title>%s: on a CPU %s'
                   '</title></rect><text x="%d" y="%d">%s</text></g>' %
                   (key[0], x, y - 10, task_colour(key[0]), escape(name),
                    _duration(run), x + 16, y, escape(name)))
    out.append('</svg>')
    return "\n".join(out) + "\n"


@dataclass
class CpuStats:
    """One line of the --summary table of CPUs."""
    cpu: int
    idle_comm: str  # swapper/N
    traced_ns: int = 0  # from the CPU's first event to the end
    switches: int = 0
    busy_ns: int = 0  # time in slices of other tasks than the idle one
    idle_ns: int = 0  # time in the idle task's slices

    @property
    def idle_percent(self):
        return 100.0 * self.idle_ns / self.traced_ns if self.traced_ns else 0.0


def cpu_stats(trace):
    """Return one CpuStats per CPU, in CPU order."""
    stats = {}
    for cpu in trace.cpus:
        stats[cpu] = CpuStats(cpu, trace.comms.get(task_key(IDLE_PID, cpu),
                                                   "swapper/%d" % cpu),
                              trace.end_ns - trace.cpu_start_ns.get(
                                  cpu, trace.end_ns),
                              trace.switches.get(cpu, 0))
    for s in trace.slices:
        if s.pid == IDLE_PID:
            stats[s.cpu].idle_ns += s.end_ns - s.start_ns
        else:
            stats[s.cpu].busy_ns += s.end_ns - s.start_ns
    return [stats[cpu] for cpu in sorted(stats)]


@dataclass
class TaskStats:
    """One line of the --summary table of tasks."""
    pid: int
    comm: str
    cpus: set = field(default_factory=set)  # the CPUs it ran on
    run_ns: int = 0
    slices: int = 0
    preempted: int = 0  # slices that ended in R, not an idle task's
    voluntary: int = 0  # slices that ended in sleep or exit
    gave_way: int = 0  # an idle task's slices, ended by a runnable task

    @property
    def idle(self):
        return self.pid == IDLE_PID


def task_stats(trace):
    """Return one TaskStats per task seen (one per CPU for the idle
    tasks), ordered by pid, idle tasks by CPU."""
    stats = {key: TaskStats(key[0], comm)
             for key, comm in trace.comms.items()}
    for s in trace.slices:
        task = stats[s.key]
        task.cpus.add(s.cpu)
        task.run_ns += s.end_ns - s.start_ns
        task.slices += 1
        task.preempted += s.preempted
        task.gave_way += s.gave_way
        task.voluntary += s.end_state in VOLUNTARY_STATES
    return [stats[key] for key in sorted(stats)]


def format_summary(trace):
    """The --summary tables as text (CPUs, then tasks); times in ms."""
    lines = ["dump %d of %d (log lines %d-%d%s): %d CPU%s, %.3f ms traced" %
             (trace.block_index, trace.block_count, trace.first_line,
              trace.last_line, "" if trace.complete else ", cut short",
              len(trace.cpus), "" if len(trace.cpus) == 1 else "s",
              trace.end_ns / 1e6),
             "%5s  %8s %10s %10s %7s  %s" %
             ("cpu", "switches", "busy ms", "idle ms", "idle %",
              "idle task")]
    for c in cpu_stats(trace):
        lines.append("%5d  %8d %10.3f %10.3f %7.1f  %s" %
                     (c.cpu, c.switches, c.busy_ns / 1e6, c.idle_ns / 1e6,
                      c.idle_percent, c.idle_comm))
    lines.append("%5s  %-16s %-8s %10s %7s %10s %10s %9s" %
                 ("pid", "comm", "cpus", "run ms", "slices", "preempted",
                  "voluntary", "gave way"))
    # An idle task is never preempted and other tasks never give way
    # (Slice.gave_way): "-" where a column cannot apply.
    for task in task_stats(trace):
        lines.append("%5d  %-16s %-8s %10.3f %7d %10s %10d %9s" %
                     (task.pid, task.comm,
                      ",".join(map(str, sorted(task.cpus))) or "-",
                      task.run_ns / 1e6, task.slices,
                      "-" if task.idle else task.preempted, task.voluntary,
                      task.gave_way if task.idle else "-"))
    return "\n".join(lines)


def _chrome_json_text(trace):
    """The JSON with one event per line: still one valid JSON document,
    but readable and greppable by a student."""
    document = to_chrome_json(trace)
    events = ",\n".join(json.dumps(e) for e in document.pop("traceEvents"))
    rest = json.dumps(document)[1:]
    return '{"traceEvents": [\n%s\n], %s\n' % (events, rest)


def _write(path, text):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Convert the kernel's sched-trace dump (trace=sched) in "
                    "a serial log into a Perfetto/Chrome JSON trace and/or "
                    "an SVG timeline.",
        epilog="A log may hold several dumps: the last complete one is "
               "converted unless --block picks another.  Warnings (malformed "
               "lines, a dump cut short) go to stderr.  See docs/trace.md.")
    parser.add_argument("log", help="the serial log, or - for stdin")
    parser.add_argument("--json", metavar="OUT.json",
                        help="write a trace for ui.perfetto.dev or "
                             "chrome://tracing")
    parser.add_argument("--svg", metavar="OUT.svg",
                        help="write an SVG timeline, one lane per CPU")
    parser.add_argument("--summary", action="store_true",
                        help="print a per-CPU and a per-task table (the "
                             "default when neither --json nor --svg is "
                             "given)")
    parser.add_argument("--width", type=int, default=DEFAULT_WIDTH,
                        metavar="PX", help="SVG width in pixels "
                        "(default %d)" % DEFAULT_WIDTH)
    parser.add_argument("--block", type=int, metavar="N",
                        help="convert the Nth dump in the log (1 = first); "
                             "default: the last complete dump")
    args = parser.parse_args(argv)
    if args.width < LEGEND_WIDTH:
        parser.error("--width must be at least %d" % LEGEND_WIDTH)

    try:
        if args.log == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(args.log, "rb") as f:
                data = f.read()
        # Serial logs can hold line noise: never fail on a bad byte.  Split
        # on "\n" only, so line numbers match what an editor shows.
        trace = parse_trace(data.decode("utf-8", "replace").split("\n"),
                            args.block)
    except (OSError, TraceError) as error:
        print("trace2perfetto: error: %s" % error, file=sys.stderr)
        return 1
    for warning in trace.warnings:
        print("trace2perfetto: warning: %s" % warning, file=sys.stderr)
    if trace.block_count > 1:
        print("trace2perfetto: the log holds %d dumps; converting dump %d "
              "(lines %d-%d); --block N picks another" %
              (trace.block_count, trace.block_index, trace.first_line,
               trace.last_line), file=sys.stderr)

    try:
        if args.json:
            _write(args.json, _chrome_json_text(trace))
        if args.svg:
            _write(args.svg, to_svg(trace, args.width))
    except OSError as error:
        print("trace2perfetto: error: %s" % error, file=sys.stderr)
        return 1
    if args.summary or not (args.json or args.svg):
        print(format_summary(trace))
    return 0


if __name__ == "__main__":
    sys.exit(main())
