# SPDX-License-Identifier: GPL-2.0
"""tools/sched_invariants.py - what every correct scheduler's trace must
show, checked on the trace of a graded boot (tools/grade.py).

The kernel booted with trace=sched dumps its scheduler trace at the end
of a ktest= run (kernel/trace.c; docs/trace.md): every switch with its
CPU, tick, prev's state, whether prev is still on a run queue
(queued=) and how many tasks the CPU's run queue holds (nr=); every
wake-up and fork with its tick.  A fixed string in a ktest proves one
scenario; these hold at every switch of every test, whatever the order
the tests ran in:

  wait     no runnable task waited longer than the O(1) scheduler lets it
           (WAIT_BOUND below): from its wake-up, its fork, or the switch
           that preempted it, to the switch that gives it a CPU;
  idle     a CPU switched to its idle task only with an empty run queue
           (nr=0 at that switch);
  preempt  a task that lost its CPU while runnable (state R: preempted,
           or a yield) is still on a run queue (queued=1), or nobody
           would ever run it again.

Linux 2.6 has no such checker; its sched_switch tracer records the
same fields (prev_state, the CPU, the time), and its schedstats count
run_delay, the time runnable tasks waited.  Understanding the Linux
Kernel, 3rd ed., chapter 7, Section "The Scheduling Algorithm".

check(lines, kinds) returns {kind: [violations]}; each violation names
the task, the CPU and the tick; the grader adds the regions to look at.
"""
import re

# sched/core.c, at HZ 100.
STARVATION_LIMIT = 100          # MAX_SLEEP_AVG: 1 s
DEF_TIMESLICE = 10              # 100 ms, nice 0
MAX_TIMESLICE = 80              # task_timeslice() at nice -20: 800 ms


def wait_bound(nr):
    """The most ticks a runnable task may wait while its run queue holds
    @nr tasks (itself included).

    The worst place to wait is the expired array.  The round ends (the
    arrays swap) at the latest when EXPIRED_STARVING() fires:
    STARVATION_LIMIT * nr_running + 1 ticks after the first task expired,
    from then on every task that expires goes to the expired array; the
    tasks left in the active array then run out their slices, at most
    MAX_TIMESLICE each, one after the other.  So the wait is at most
    STARVATION_LIMIT * nr + 1 + MAX_TIMESLICE * nr ticks.  (A SCHED_FIFO
    task may hold a CPU for ever: no ktest of the labs lets one run that
    long.)  nr is at least 2: the task waiting and the one running."""
    nr = max(nr, 2)
    return STARVATION_LIMIT * nr + 1 + MAX_TIMESLICE * nr


KINDS = ("wait", "idle", "preempt")
LINE = re.compile(r"sched-trace: (\d+)(?: \[(\d+)\])? (\w+) (.*?)\s*$")


def dumps(lines):
    """The complete dumps in @lines (a serial log), each a list of
    (cpu, kind, {field: value}) in order."""
    out, cur = [], None
    for line in lines:
        if "sched-trace: begin" in line:
            cur = []
            lost = re.search(r"lost=(\d+)", line)
            if lost and int(lost.group(1)):
                # The oldest events were overwritten: who was waiting or
                # queued when the dump begins is not known.
                cur.append((0, "lost", {"lost": lost.group(1)}))
            continue
        if "sched-trace: end" in line:
            if cur is not None:
                out.append(cur)
            cur = None
            continue
        if cur is None:
            continue
        m = LINE.search(line)
        if not m:
            continue
        fields = dict(f.split("=", 1) for f in m.group(4).split()
                      if "=" in f)
        cur.append((int(m.group(2) or 0), m.group(3), fields))
    return out


def task(field):
    """"pid:comm[:state]" -> (pid, comm, state or None)."""
    parts = field.split(":")
    return int(parts[0]), parts[1], parts[2] if len(parts) > 2 else None


def check_events(events):
    """{kind: [violation, ...]} for one dump."""
    found = {k: [] for k in KINDS}
    # pid -> (tick it became runnable, CPU, how, comm)
    waiting = {}
    # the largest nr= seen since each tick, for the waits' bounds
    nr_max = {}
    last_tick = 0
    for cpu, kind, f in events:
        if kind == "lost":
            return {k: ["the trace lost its first %s events (a bigger "
                        "trace_buf_size= is needed)" % f["lost"]]
                    for k in KINDS}
        if "tick" not in f:
            continue
        tick = int(f["tick"])
        last_tick = max(last_tick, tick)
        if kind == "wakeup":
            pid, comm, _ = task(f["pid"])
            waiting.setdefault(pid, (tick, cpu, "woken", comm, 0))
        elif kind == "fork":
            pid, comm, _ = task(f["child"])
            waiting.setdefault(pid, (tick, cpu, "forked", comm, 0))
        elif kind == "exit":
            waiting.pop(task(f["pid"])[0], None)
        if kind != "switch":
            continue
        prev, pcomm, state = task(f["prev"])
        nxt, ncomm, _ = task(f["next"])
        nr = int(f.get("nr", 0))
        for pid, w in waiting.items():
            if nr > w[4]:
                waiting[pid] = w[:4] + (nr,)
        if nxt == 0 and nr:
            found["idle"].append(
                "CPU %d switched from pid %d (%s) to its idle task at tick "
                "%d with %d task%s on its run queue" % (
                    cpu, prev, pcomm, tick, nr, "" if nr == 1 else "s"))
        if prev != 0 and state == "R" and f.get("queued") == "0":
            found["preempt"].append(
                "pid %d (%s) lost CPU %d at tick %d runnable (state R) "
                "but off every run queue: nobody will run it again" % (
                    prev, pcomm, cpu, tick))
        if prev != 0:
            if state == "R":
                waiting[prev] = (tick, cpu, "preempted", pcomm, nr)
            else:
                waiting.pop(prev, None)
        if nxt != 0 and nxt in waiting:
            since, wcpu, how, comm, most = waiting.pop(nxt)
            bound = wait_bound(most)
            if tick - since > bound:
                found["wait"].append(
                    "pid %d (%s), %s on CPU %d at tick %d, waited %d ticks "
                    "for CPU %d (at most %d with %d runnable)" % (
                        nxt, ncomm, how, wcpu, since, tick - since, cpu,
                        bound, max(most, 2)))
    for pid, (since, wcpu, how, comm, most) in sorted(waiting.items()):
        bound = wait_bound(most)
        if last_tick - since > bound:
            found["wait"].append(
                "pid %d (%s), %s on CPU %d at tick %d, still waited at "
                "tick %d, the trace's end (at most %d ticks with %d "
                "runnable)" % (pid, comm, how, wcpu, since, last_tick,
                               bound, max(most, 2)))
    return found


def check(lines):
    """{kind: [violations]} over the last complete dump in @lines, or
    None if there is none (the run stopped before the end of the
    tests)."""
    all_dumps = dumps(lines)
    if not all_dumps:
        return None
    return check_events(all_dumps[-1])
