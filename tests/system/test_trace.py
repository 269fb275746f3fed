# SPDX-License-Identifier: GPL-2.0
"""The scheduler trace end to end: boot with trace=sched, make the shell
fork, exec, spin and sleep, dump the ring buffer with `trace`, and check
what tools/trace2perfetto.py makes of the kernel's real output: a Chrome
trace-event JSON that follows the format and an SVG timeline with one row
per task that ran."""
import json
import xml.etree.ElementTree as ET

import pytest

from conftest import Terminal, load_tool

t2p = load_tool("trace2perfetto")


@pytest.fixture(scope="module")
def trace_log():
    t = Terminal("trace=sched loglevel=4")
    try:
        t.wait_for(r"^# ")
        t.run("hello", r"hello, world")
        t.run("spin 1", r"spin: started pid \d+")
        t.run("sleep 2", r"sleep 2\n", timeout=30)
        t.run("trace", r"sched-trace: end", timeout=30)
        return t.text()
    finally:
        t.close()


def test_dump_format(trace_log):
    lines = [l for l in trace_log.splitlines() if l.startswith("sched-trace:")]
    assert lines[0].startswith("sched-trace: begin tsc_khz="), lines[:2]
    assert lines[-1] == "sched-trace: end"
    kinds = {l.split()[2] for l in lines[1:-1]}
    assert {"switch", "wakeup", "fork", "exit", "comm"} <= kinds, kinds


def test_chrome_json(trace_log):
    trace = t2p.parse_trace(trace_log.splitlines())
    doc = json.loads(json.dumps(t2p.to_chrome_json(trace)))
    events = doc["traceEvents"]
    last_end = {}
    names = {}
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
            # Per track: time never goes back, slices never overlap.
            assert ev["ts"] >= last_end.get(ev["tid"], 0) - 1e-6, ev
            last_end[ev["tid"]] = ev["ts"] + ev["dur"]
    ran = set(last_end)
    assert 0 in ran, "the idle task never ran"
    by_name = {n.split(" (")[0] for t, n in names.items() if t in ran}
    assert {"sh", "spin", "hello"} <= by_name, by_name


def test_svg_has_a_row_per_task_that_ran(trace_log):
    trace = t2p.parse_trace(trace_log.splitlines())
    svg = ET.fromstring(t2p.to_svg(trace, 1200))
    rows = [g for g in svg.iter() if g.get("class") == "task-row"]
    ran = {ev["tid"] for ev in t2p.to_chrome_json(trace)["traceEvents"]
           if ev["ph"] == "X"}
    assert sorted(int(g.get("data-pid")) for g in rows) == sorted(ran)
    for g in rows:
        assert any(r.tag.endswith("rect") for r in g.iter()), g.attrib


def test_spin_is_preempted(trace_log):
    """The CPU hog runs for a second but is switched out while runnable
    (state R) when its slice ends or another task wakes."""
    spin_preempted = [l for l in trace_log.splitlines()
                      if " switch prev=" in l and ":spin:R " in l]
    assert spin_preempted, "spin was never preempted"
