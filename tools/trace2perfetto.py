# SPDX-License-Identifier: GPL-2.0
"""tools/trace2perfetto.py - turn the kernel's scheduler trace into pictures.

With `trace=sched` on the command line the kernel records every context
switch, wakeup, fork, exit and rename in a ring buffer and dumps it on the
serial port (at power-off or on demand).  This tool finds that dump in a
serial log, works out which task was on the CPU when, and writes:

  --json OUT   a Chrome/Perfetto trace (JSON Object Format) for
               ui.perfetto.dev or chrome://tracing, one track per task;
  --svg OUT    a self-contained SVG timeline, one row per task that ran;
  --summary    a per-task table on stdout (the default when neither
               --json nor --svg is given).

It is three pure functions - parse_trace(), to_chrome_json(), to_svg() -
and a thin main(), so tests feed it synthetic logs without booting a
kernel.  Linux 2.6 counterpart: the sched_switch tracepoint and
`perf timechart` (tools/perf/builtin-timechart.c, 2.6.31), which draws the
same kind of SVG.  How to read the outputs: docs/trace.md.  It stays one
file, longer than the house habit, so that it can be copied next to a log
on any machine and run with a bare python3 (standard library only).

Input: any serial log.  Only the lines of a begin..end dump count; each may
start with a printk stamp such as "[    1.234567] " and end in "\\r":

    sched-trace: begin tsc_khz=2600000 cpu=0 events=1234 lost=0
    sched-trace: <tsc> switch prev=<pid>:<comm>:<state> next=<pid>:<comm>
    sched-trace: <tsc> wakeup pid=<pid>:<comm> by=<pid>
    sched-trace: <tsc> fork parent=<pid> child=<pid>:<comm>
    sched-trace: <tsc> exit pid=<pid>:<comm> code=<int>
    sched-trace: <tsc> comm pid=<pid>:<comm>
    sched-trace: end

<tsc> is the raw TSC in decimal; time = (tsc - first tsc) * 1e6 / tsc_khz
ns.  <comm> has no spaces or colons.  <state> is prev's state after the
switch: R (preempted, still runnable), S (sleeping), D (uninterruptible
sleep), Z (exited), X (dead).  A log may hold several dumps; the last
complete one is converted unless --block picks another.  A malformed line
is reported on stderr with its line number and skipped; a dump cut short
(no end line) is converted as far as it goes, with a warning.

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
EVENT_LINE = re.compile(r"(?P<tsc>\d+) (?P<kind>\w+) (?P<fields>.*)")
# "<pid>:<comm>", with the group names prefixed ("prev_pid", "next_comm").
TASK = r"(?P<{0}pid>\d+):(?P<{0}comm>[^\s:]+)"
EVENT_FIELDS = {
    "switch": re.compile("prev=" + TASK.format("prev_") +
                         r":(?P<state>[RSDZX]) next=" + TASK.format("next_")),
    "wakeup": re.compile("pid=" + TASK.format("") + r" by=(?P<by>\d+)"),
    "fork": re.compile(r"parent=(?P<parent>\d+) child=" + TASK.format("")),
    "exit": re.compile("pid=" + TASK.format("") + r" code=(?P<code>-?\d+)"),
    "comm": re.compile("pid=" + TASK.format("")),
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


class TraceError(Exception):
    """The log cannot be converted at all (no dump, unusable header)."""


@dataclass
class Slice:
    """One stretch of time a task spent on the CPU."""
    pid: int
    comm: str  # the name it had when it got the CPU
    start_ns: int
    end_ns: int
    end_state: str  # a STATE_MEANING key
    # The recording began or stopped during this slice: it really was
    # longer than drawn.
    clipped: bool = False

    @property
    def preempted(self):
        return self.end_state == "R"


@dataclass
class Instant:
    """A point event, drawn on the affected task's track."""
    kind: str  # wakeup, fork, exit or rename
    pid: int
    ts_ns: int
    args: dict


@dataclass
class Trace:
    """One dump, replayed into per-task slices and instants."""
    tsc_khz: int
    cpu: int
    block_index: int  # 1-based, among block_count dumps in the log
    block_count: int
    first_line: int
    last_line: int
    complete: bool  # it has its end line
    lost: int = 0  # events the kernel dropped, from the begin line
    end_ns: int = 0  # time of the last event; time 0 is the first one
    slices: list = field(default_factory=list)
    instants: list = field(default_factory=list)
    comms: dict = field(default_factory=dict)  # pid -> last known comm
    warnings: list = field(default_factory=list)


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
    """Return (tsc, kind, fields) or raise ValueError saying what is wrong."""
    line = EVENT_LINE.fullmatch(text)
    if not line:
        raise ValueError("not '<tsc> <kind> <fields>'")
    kind = line["kind"]
    if kind not in EVENT_FIELDS:
        raise ValueError("unknown event kind %r" % kind)
    fields = EVENT_FIELDS[kind].fullmatch(line["fields"])
    if not fields:
        raise ValueError("bad %s fields" % kind)
    return int(line["tsc"]), kind, fields.groupdict()


class _TimelineBuilder:
    """Replays a dump's events in order, cutting CPU time into slices.

    The CPU always runs exactly one task, so each switch ends the running
    task's slice and starts next's.  Before the first switch the CPU ran
    that switch's prev; after the last one it runs that switch's next.
    Those two slices are cut by the recording's edges and marked clipped.
    """

    def __init__(self, trace):
        self.trace = trace
        self.running = None  # (pid, comm, start_ns, clipped)

    def switch(self, ns, number, f):
        prev_pid, next_pid = int(f["prev_pid"]), int(f["next_pid"])
        if self.running is None:
            self.running = (prev_pid, f["prev_comm"], 0, True)
        pid, comm, start, clipped = self.running
        state = f["state"]
        if pid != prev_pid:
            self.trace.warnings.append(
                "line %d: switch away from pid %d, but pid %d was running "
                "(events lost?)" % (number, prev_pid, pid))
            state = UNKNOWN_STATE
        # The recording may begin exactly at a switch: then prev's clipped
        # slice is empty and there is nothing to draw.
        if not (clipped and ns == start):
            self.trace.slices.append(Slice(pid, comm, start, ns, state,
                                           clipped))
        self.running = (next_pid, f["next_comm"], ns, False)
        self.trace.comms[prev_pid] = f["prev_comm"]
        self.trace.comms[next_pid] = f["next_comm"]

    def event(self, ns, number, kind, f):
        if kind == "switch":
            self.switch(ns, number, f)
            return
        pid, comms = int(f["pid"]), self.trace.comms
        comms[pid] = f["comm"]
        if kind == "wakeup":
            by = int(f["by"])
            args = {"comm": f["comm"], "by": by,
                    "by_comm": comms.get(by, UNKNOWN_STATE)}
        elif kind == "fork":
            args = {"comm": f["comm"], "parent": int(f["parent"]),
                    "child": pid}
        elif kind == "exit":
            args = {"comm": f["comm"], "code": int(f["code"])}
        else:
            kind, args = "rename", {"comm": f["comm"]}
        self.trace.instants.append(Instant(kind, pid, ns, args))

    def finish(self):
        # A waker first seen after its wakeup (the idle task, typically)
        # is still better named by its later comm than left unknown.
        for i in self.trace.instants:
            if i.kind == "wakeup" and i.args["by_comm"] == UNKNOWN_STATE:
                i.args["by_comm"] = self.trace.comms.get(i.args["by"],
                                                         UNKNOWN_STATE)
        if self.running is None:
            return
        pid, comm, start, _ = self.running
        if self.trace.end_ns > start:
            self.trace.slices.append(Slice(pid, comm, start,
                                           self.trace.end_ns,
                                           UNKNOWN_STATE, True))


def _convert_block(block, index, count):
    """Replay one dump into a Trace."""
    header = _parse_header(block)
    last_line = block.end_line or max([block.begin_line] +
                                      [n for n, _ in block.events])
    trace = Trace(tsc_khz=header["tsc_khz"], cpu=header.get("cpu", 0),
                  block_index=index, block_count=count,
                  first_line=block.begin_line, last_line=last_line,
                  complete=block.end_line is not None,
                  lost=header.get("lost", 0))
    builder = _TimelineBuilder(trace)
    first_tsc = last_tsc = None
    for number, text in block.events:
        try:
            tsc, kind, fields = _parse_event(text)
        except ValueError as why:
            trace.warnings.append("line %d: malformed event (%s), skipped: "
                                  "%s" % (number, why, text))
            continue
        # One CPU's TSC never runs backwards; a line that says so is
        # corrupt, and keeping it would give a slice a negative length.
        if last_tsc is not None and tsc < last_tsc:
            trace.warnings.append("line %d: time goes backwards (%d < %d), "
                                  "skipped: %s" % (number, tsc, last_tsc,
                                                   text))
            continue
        if first_tsc is None:
            first_tsc = tsc
        last_tsc = tsc
        # Integer nanoseconds: slices that touch in the kernel still touch
        # here, and their lengths add up exactly.
        trace.end_ns = (tsc - first_tsc) * 1_000_000 // trace.tsc_khz
        builder.event(trace.end_ns, number, kind, fields)
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


def to_chrome_json(trace):
    """to_chrome_json - the trace as a Chrome JSON Object Format dict.

    One process (pid = the CPU number, named "CPU n"), one thread track
    per task (tid = task pid, named "comm (pid)" after its last name,
    sorted by pid).  Slices are "X" events; wakeups, forks, exits and
    renames are thread-scoped "i" events.  ts and dur are microseconds,
    as the format requires.
    Return: a dict for json.dump(), events sorted by ts.
    """
    events = [{"name": "process_name", "ph": "M", "ts": 0, "pid": trace.cpu,
               "tid": 0, "args": {"name": "CPU %d" % trace.cpu}}]
    for pid, comm in sorted(trace.comms.items()):
        events.append({"name": "thread_name", "ph": "M", "ts": 0,
                       "pid": trace.cpu, "tid": pid,
                       "args": {"name": "%s (%d)" % (comm, pid)}})
        events.append({"name": "thread_sort_index", "ph": "M", "ts": 0,
                       "pid": trace.cpu, "tid": pid,
                       "args": {"sort_index": pid}})
    timed = []
    for s in trace.slices:
        args = {"prev_state_at_end": s.end_state, "preempted": s.preempted}
        if s.clipped:
            args["clipped"] = "the recording began or ended in this slice"
        timed.append({"name": s.comm, "cat": "sched", "ph": "X",
                      "ts": s.start_ns / 1000,
                      "dur": (s.end_ns - s.start_ns) / 1000,
                      "pid": trace.cpu, "tid": s.pid, "args": args})
    for i in trace.instants:
        timed.append({"name": i.kind, "cat": "sched", "ph": "i", "s": "t",
                      "ts": i.ts_ns / 1000, "pid": trace.cpu, "tid": i.pid,
                      "args": i.args})
    # Metadata sits at ts 0, so appending the sorted rest keeps the whole
    # list sorted.
    events += sorted(timed, key=lambda e: e["ts"])
    return {"traceEvents": events, "displayTimeUnit": "ns",
            "otherData": {"source": "kt26 sched-trace",
                          "cpu": trace.cpu, "tsc_khz": trace.tsc_khz,
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
LABEL_WIDTH = 180  # the "comm (pid)" column
RIGHT_MARGIN = 20
ROWS_TOP = 76  # below the title and the time axis
ROW_HEIGHT = 20
ROW_PITCH = 26
LEGEND_HEIGHT = 44
LEGEND_WIDTH = 680  # the legend is one line of fixed-place items
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


def to_svg(trace, width=DEFAULT_WIDTH):
    """to_svg - a self-contained SVG timeline of the trace.

    One <g class="task-row" data-pid="PID"> per task that ran, ordered by
    pid, labelled "comm (pid)"; a titled <rect class="slice"> per slice
    on a titled background <rect> (the task's totals); a dark bar
    where a task was preempted; a triangle where it was woken up; a ms
    time axis on top.  Every <rect> has a <title> (the browser's tooltip).
    Return: the SVG document as a string.
    """
    rows = sorted({s.pid for s in trace.slices})
    span = max(trace.end_ns, 1)
    plot_width = width - LABEL_WIDTH - RIGHT_MARGIN
    height = ROWS_TOP + len(rows) * ROW_PITCH + LEGEND_HEIGHT

    def x_of(ns):
        return LABEL_WIDTH + ns * plot_width / span

    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" '
           'viewBox="0 0 %d %d" font-family="sans-serif" font-size="12" '
           'style="background:#fff">' % (width, height, width, height)]
    out.append('<text x="8" y="20" font-size="15" font-weight="bold">'
               'kt26 scheduler trace: CPU %d, %s, %d slices</text>' %
               (trace.cpu, _duration(trace.end_ns), len(trace.slices)))
    out.append('<text x="8" y="38" fill="#555">dump %d of %d, log lines '
               '%d-%d%s. Hover over a bar for details.</text>' %
               (trace.block_index, trace.block_count, trace.first_line,
                trace.last_line, "" if trace.complete else " (cut short)"))

    step = _tick_step_ns(span, max(1, plot_width // TICK_SPACING))
    decimals = max(0, 6 - (len(str(step)) - 1))
    rows_bottom = ROWS_TOP + len(rows) * ROW_PITCH
    out.append('<text x="%d" y="62" text-anchor="end" fill="#555">'
               'time (ms)</text>' % (LABEL_WIDTH - 24))
    for tick in range(0, span + 1, step):
        x = x_of(tick)
        out.append('<line x1="%.2f" y1="66" x2="%.2f" y2="%d" '
                   'stroke="#ddd"/>' % (x, x, rows_bottom))
        out.append('<text x="%.2f" y="62" text-anchor="middle">%.*f</text>'
                   % (x, decimals, tick / 1e6))

    slices_of = {pid: [] for pid in rows}
    for s in trace.slices:
        slices_of[s.pid].append(s)
    wakeups_of = {pid: [] for pid in rows}
    for i in trace.instants:
        if i.kind == "wakeup" and i.pid in wakeups_of:
            wakeups_of[i.pid].append(i)
    for row, pid in enumerate(rows):
        top = ROWS_TOP + row * ROW_PITCH
        name = "%s (%d)" % (trace.comms[pid], pid)
        mine = slices_of[pid]
        ran = sum(s.end_ns - s.start_ns for s in mine)
        out.append('<g class="task-row" data-pid="%d">' % pid)
        out.append('<rect x="%d" y="%d" width="%d" height="%d" fill="%s">'
                   '<title>%s: on the CPU %s in %d slices</title></rect>' %
                   (LABEL_WIDTH, top, plot_width, ROW_HEIGHT,
                    "#f4f4f4" if row % 2 else "#fafafa", escape(name),
                    _duration(ran), len(mine)))
        out.append('<text x="%d" y="%d" text-anchor="end">%s</text>' %
                   (LABEL_WIDTH - 8, top + 14, escape(name)))
        for s in mine:
            x, end = x_of(s.start_ns), x_of(s.end_ns)
            tooltip = "%s (%d)\nstart %.6f ms, ran %s\nthen %s" % (
                s.comm, pid, s.start_ns / 1e6,
                _duration(s.end_ns - s.start_ns), STATE_MEANING[s.end_state])
            if s.clipped:
                tooltip += "\n(cut by the edge of the recording)"
            out.append('<rect class="slice" x="%.2f" y="%d" width="%.2f" '
                       'height="%d" fill="%s"><title>%s</title></rect>' %
                       (x, top + 2, max(end - x, MIN_SLICE_WIDTH),
                        ROW_HEIGHT - 4, task_colour(pid), escape(tooltip)))
            # The idle task is "preempted" every time anything else
            # runs: marking that would only hide the other marks.
            if (s.preempted and pid != IDLE_PID and
                    end - x >= MARKER_MIN_SLICE):
                out.append('<line x1="%.2f" y1="%d" x2="%.2f" y2="%d" '
                           'stroke="#222" stroke-width="2"/>' %
                           (end, top, end, top + ROW_HEIGHT))
        last_marker = float("-inf")
        for i in wakeups_of[pid]:
            x = x_of(i.ts_ns)
            if x - last_marker < MARKER_SPACING:
                continue
            last_marker = x
            out.append('<path d="M%.2f %d h8 l-4 6 z" fill="#222">'
                       '<title>woken by %s (%d) at %.6f ms</title></path>' %
                       (x - 4, top - 3, escape(i.args["by_comm"]),
                        i.args["by"], i.ts_ns / 1e6))
        out.append('</g>')

    if not rows:
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
               '<title>the idle task</title></rect>'
               '<text x="160" y="%d">idle task (pid 0)</text>' %
               (legend - 10, task_colour(IDLE_PID), legend))
    out.append('<line x1="290" y1="%d" x2="290" y2="%d" stroke="#222" '
               'stroke-width="2"/><text x="298" y="%d">preempted (CPU taken '
               'away, still runnable)</text>' %
               (legend - 12, legend + 4, legend))
    out.append('<path d="M600 %d h8 l-4 6 z"/><text x="614" y="%d">'
               'woken up</text>' % (legend - 8, legend))
    out.append('</g>')
    out.append('</svg>')
    return "\n".join(out) + "\n"


@dataclass
class TaskStats:
    """One line of the --summary table."""
    pid: int
    comm: str
    run_ns: int = 0
    slices: int = 0
    preempted: int = 0  # slices that ended in R
    voluntary: int = 0  # slices that ended in sleep or exit


def task_stats(trace):
    """Return one TaskStats per task seen, ordered by pid."""
    stats = {pid: TaskStats(pid, comm) for pid, comm in trace.comms.items()}
    for s in trace.slices:
        task = stats[s.pid]
        task.run_ns += s.end_ns - s.start_ns
        task.slices += 1
        task.preempted += s.preempted
        task.voluntary += s.end_state in VOLUNTARY_STATES
    return [stats[pid] for pid in sorted(stats)]


def format_summary(trace):
    """The --summary table as text; run time in ms."""
    lines = ["dump %d of %d (log lines %d-%d%s): CPU %d, %.3f ms traced" %
             (trace.block_index, trace.block_count, trace.first_line,
              trace.last_line, "" if trace.complete else ", cut short",
              trace.cpu, trace.end_ns / 1e6),
             "%5s  %-16s %10s %7s %10s %10s" %
             ("pid", "comm", "run ms", "slices", "preempted", "voluntary")]
    for task in task_stats(trace):
        lines.append("%5d  %-16s %10.3f %7d %10d %10d" %
                     (task.pid, task.comm, task.run_ns / 1e6, task.slices,
                      task.preempted, task.voluntary))
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
                        help="write an SVG timeline, one row per task")
    parser.add_argument("--summary", action="store_true",
                        help="print a per-task table (the default when "
                             "neither --json nor --svg is given)")
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
