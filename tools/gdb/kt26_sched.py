# SPDX-License-Identifier: GPL-2.0
"""tools/gdb/kt26_sched.py - the scheduler seen from GDB: krunqueue (the
priority arrays of each CPU) and kswitch (stop at every context switch
and say on which CPU, who leaves, who comes, and what happens to CR3).

Linux: $lx_per_cpu("runqueues") in scripts/gdb/linux/cpus.py; there is
no kswitch in Linux's helpers, students set `break context_switch`.
The run queue is per_cpu__runqueues[cpu] (sched/core.c, static there, so
GDB finds it by name in that file's scope).  kswitch is two breakpoints:
a silent one at the entry of context_switch() that notes CR3 *before*
switch_mm() (it never stops), and the one at switch_to, where the
address space of next is already loaded and the stack is still prev's.
Both are ordinary, numbered breakpoints, so `delete` removes them like
any other (an internal one would outlive `delete`, and deleting it from
GDB's breakpoint-deleted event crashes GDB 13).  So the CR3 line compares two real register values, and says
why they are equal or not: lazy TLB for a kernel thread, the same mm, or
a CR3 load; a measurement that contradicts the reason is flagged with
"!!".  With several CPUs each vCPU hits the breakpoints on its own
(GDB selects the thread that hit): the CPU is prev's thread_info->cpu,
the switch number that CPU's rq->nr_switches, and the CR3 noted at
context_switch() is kept per leaving task.  Next: kt26_dmesg.py.
"""
import gdb

import kt26_utils as utils

MAX_PRIO = 140


PREEMPT_ACTIVE = 0x10000000    # include/preempt.h


def queued_text(task):
    """describe() of a queued task.  A task preempted on its way to sleep
    (its state already S or D, PREEMPT_ACTIVE in the preempt_count saved
    in its thread_info) stays queued: schedule() only dequeues a sleeper
    that called it itself (sched/core.c).  Say so, or it looks wrong."""
    text = utils.describe(task)
    if utils.task_state_char(task) != "R":
        tinfo = utils.fetch(task["thread_info"], "thread_info")
        if utils.ulong(tinfo["preempt_count"]) & PREEMPT_ACTIVE:
            text += " (preempted)"
    return text


def runqueue(cpu):
    try:
        return utils.fetch(gdb.parse_and_eval("&per_cpu__runqueues[%d]" % cpu),
                           "per_cpu__runqueues[%d]" % cpu)
    except gdb.error as error:
        if isinstance(error, utils.KernelReadError):
            raise
        raise utils.KernelReadError("no per_cpu__runqueues: %s" % error)


def list_entries(head_address, head, struct_type, member, limit=100000):
    """The struct_type values on the list whose head is at head_address."""
    entries = []
    node = utils.ulong(head["next"])
    while node != head_address and len(entries) < limit:
        if node == 0:
            gdb.write("warning: NULL in the list at 0x%08x\n" % head_address)
            break
        entry = utils.fetch(utils.container_of(gdb.Value(node), struct_type,
                                               member), str(struct_type))
        entries.append(entry)
        node = utils.ulong(entry[member]["next"])
    return entries


def bit_is_set(bitmap, nr):
    return bool((utils.ulong(bitmap[nr // 32]) >> (nr % 32)) & 1)


def show_array(rq, index, label, warnings):
    """Print one prio_array; return how many tasks it holds."""
    array = rq["arrays"][index]
    address = utils.ulong(array.address)
    ttype = utils.task_type()
    queue_offset = utils.offset_of(array.type.strip_typedefs(), "queue")
    head_size = array["queue"][0].type.sizeof
    nr_active = int(array["nr_active"])
    gdb.write("  %s = arrays[%d] (0x%08x): nr_active %d\n" % (
        label, index, address, nr_active))
    total = 0
    for prio in range(MAX_PRIO):
        head = array["queue"][prio]
        head_address = address + queue_offset + prio * head_size
        queued = bit_is_set(array["bitmap"], prio)
        empty = utils.ulong(head["next"]) == head_address
        if empty and not queued:
            continue
        tasks = list_entries(head_address, head, ttype, "run_list")
        gdb.write("    prio %3d: %s\n" % (prio, ", ".join(
            queued_text(t) for t in tasks) or "(empty)"))
        for task in tasks:
            if utils.ulong(task["array"]) != address:
                warnings.append("%s is on arrays[%d] but its ->array is "
                                "0x%08x" % (utils.describe(task), index,
                                            utils.ulong(task["array"])))
        if queued != bool(tasks):
            warnings.append("arrays[%d] prio %d: bitmap bit %d but the list "
                            "is %s" % (index, prio, queued,
                                       "non-empty" if tasks else "empty"))
        total += len(tasks)
    if total != nr_active:
        warnings.append("arrays[%d]: nr_active %d but %d tasks queued" % (
            index, nr_active, total))
    return total


class KernelRunqueue(gdb.Command):
    """Show each CPU's run queue: krunqueue [CPU]

For every CPU whose run queue is set up (or CPU alone): nr_running,
nr_switches, curr
(the task schedule() last picked), idle (process 0, never queued),
prev_mm (a borrowed mm to drop after the switch), then the active and
the expired priority array with every non-empty priority list, highest
priority (lowest number) first: the task schedule() picks next is the
first one of the active array (unless it is empty: then the arrays
swap).  The running task stays queued while it runs.  Inconsistencies
(bitmap vs lists, nr_active, nr_running) are printed as warnings."""

    def __init__(self):
        super().__init__("krunqueue", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        if arg.strip():
            try:
                cpu = int(gdb.parse_and_eval(arg))
            except (gdb.error, ValueError):
                raise gdb.GdbError("usage: krunqueue [CPU]")
            if not 0 <= cpu < utils.nr_cpus():
                raise gdb.GdbError("krunqueue: no CPU %d (NR_CPUS is %d)" % (
                    cpu, utils.nr_cpus()))
            rq = runqueue(cpu)
            if utils.ulong(rq["idle"]) == 0:
                gdb.write("cpu %d: no run queue set up (the CPU is not "
                          "online; online: %s)\n" % (cpu, ", ".join(
                              map(str, utils.online_cpus()))))
                return
            self.show(cpu, rq)
            return
        shown = 0
        for cpu in range(utils.nr_cpus()):
            rq = runqueue(cpu)
            if utils.ulong(rq["idle"]) == 0:
                continue	# not set up (sched_init() not run, or no CPU)
            shown += 1
            self.show(cpu, rq)
        if not shown:
            gdb.write("no run queue set up yet (sched_init() has not run)\n")

    def show(self, cpu, rq):
        warnings = []
        curr = utils.fetch(rq["curr"], "rq->curr")
        idle = utils.fetch(rq["idle"], "rq->idle")
        nr_running = int(rq["nr_running"])
        gdb.write("cpu %d: nr_running %d, nr_switches %d, curr %s, idle %s, "
                  "prev_mm %s\n" % (cpu, nr_running, int(rq["nr_switches"]),
                                    utils.describe(curr), utils.describe(idle),
                                    utils.mm_text(rq["prev_mm"])))
        active = utils.ulong(rq["active"])
        order = [0, 1] if active == utils.ulong(rq["arrays"][0].address) else [1, 0]
        total = 0
        for index, label in zip(order, ["active", "expired"]):
            total += show_array(rq, index, label, warnings)
        gdb.write("  %d task%s queued, nr_running %d\n" % (
            total, "" if total == 1 else "s", nr_running))
        if total != nr_running:
            warnings.append("nr_running %d but %d tasks queued" % (
                nr_running, total))
        for warning in warnings:
            gdb.write("warning: %s\n" % warning)


class ContextSwitchEntry(gdb.Breakpoint):
    """Never stops: notes CR3 before switch_mm(), at the first instruction
    of context_switch(), where prev is still `current`."""

    def __init__(self, kswitch):
        super().__init__("*context_switch")
        self.silent = True
        self.kswitch = kswitch
        self.kt26_kswitch = True

    def stop(self):
        if not self.kswitch.is_valid():
            return False	# its switch_to breakpoint was deleted
        try:
            prev = utils.current_task()[0]
            # Keyed by prev: another CPU may switch in between.
            self.kswitch.before[utils.ulong(prev.address)] = \
                utils.register("cr3")
        except gdb.GdbError:
            pass
        return False


def task_at(address, what):
    """The task_struct whose pointer is stored at @address."""
    tptr = utils.task_type().pointer()
    return utils.fetch(gdb.Value(address).cast(tptr.pointer()).dereference(),
                       what)


class SwitchToBreakpoint(gdb.Breakpoint):
    """The visible kswitch breakpoint, at the first instruction of
    switch_to: prev at [esp + 4], next at [esp + 8] (cdecl).

    QEMU's gdb stub now and then reports one breakpoint hit twice (GDB
    steps over the breakpoint and the step does not move).  A switch is
    known by its CPU and number, rq->nr_switches, so a repeat is neither
    printed nor counted as a stop, not even by `continue N`.
    """

    def __init__(self, stop_each, wanted=None):
        # The entry breakpoint first: its number comes first in the list.
        self.wanted = wanted	# (prev, next, cpu) -> print and stop?
        self.before = {}	# prev task address -> CR3 at context_switch
        self.entry = None
        if utils.symbol_address("context_switch") is not None:
            self.entry = ContextSwitchEntry(self)
        super().__init__("*switch_to")
        self.stop_each = stop_each
        self.last_switch = {}	# cpu -> the key of its last switch
        self.kt26_kswitch = True

    def stop(self):
        try:
            key, line, wanted = self.describe_switch()
        except gdb.GdbError as error:
            gdb.write("kswitch: %s\n" % error)
            return self.stop_each
        if key == self.last_switch.get(key[0]) or not wanted:
            # GDB takes one off the ignore count of `continue N` after
            # stop() for every hit, this repeat too: give it back.
            if self.ignore_count > 0:
                self.ignore_count += 1
            if not wanted:
                self.last_switch[key[0]] = key
            return False
        self.last_switch[key[0]] = key
        gdb.write(line)
        return self.stop_each

    def describe_switch(self):
        """(a key naming this switch, the line to print, whether the
        filters of kswitch --from/--cpu want it)."""
        esp = utils.register("esp")
        prev = task_at(esp + 4, "prev")
        next = task_at(esp + 8, "next")
        cpu = int(utils.fetch(prev["thread_info"])["cpu"])
        if self.wanted and not self.wanted(prev, next, cpu):
            self.before.pop(utils.ulong(prev.address), None)
            return (cpu, None, utils.ulong(prev.address),
                    utils.ulong(next.address)), "", False
        rq = runqueue(cpu)
        number = int(rq["nr_switches"])
        key = (cpu, number, utils.ulong(prev.address), utils.ulong(next.address))
        line = "kswitch cpu %d #%d: %s -> %s; " % (
            cpu, number, utils.describe(prev), utils.describe(next))
        # The mm prev ran on: context_switch() moved it from a kernel
        # thread's active_mm to rq->prev_mm, to be dropped after the switch.
        oldmm = utils.ulong(prev["active_mm"] if utils.ulong(prev["mm"])
                            else rq["prev_mm"])
        next_mm = utils.ulong(next["mm"])
        after = utils.register("cr3")
        before = self.before.pop(key[2], None)
        if before is not None:
            line += "cr3 0x%08x -> 0x%08x %s" % (
                before, after, "unchanged" if before == after else "loaded")
            changed = before != after
        else:
            line += "cr3 ? -> 0x%08x" % after
            changed = None
        if next_mm == 0:
            why = "lazy TLB: %s has no mm, borrows active_mm 0x%08x" % (
                utils.task_name(next), utils.ulong(next["active_mm"]))
        elif next_mm == oldmm:
            why = "same mm 0x%08x" % next_mm
        else:
            why = "switch_mm loads mm 0x%08x" % next_mm
        expected = next_mm not in (0, oldmm)
        line += " (%s)" % why
        if changed is not None and changed != expected:
            line += " !! expected CR3 %s" % ("loaded" if expected else
                                            "unchanged")
        if utils.ulong(next["thread"]["eip"]) == \
                utils.symbol_address("ret_from_fork"):
            line += "; next never ran: it starts in ret_from_fork"
        return key, line + "\n", True


def switch_in_address():
    """The `ret` that ends switch_to: thread_return has popped next's
    registers, ebp included, so GDB unwinds next's own stack from there
    (at thread_return itself ebp is still prev's).  thread_return is four
    one-byte pops before it (arch/x86/switch_to.asm)."""
    address = utils.symbol_address("thread_return") + 4
    opcode = int(gdb.parse_and_eval("*(unsigned char *)%d" % address))
    if opcode != 0xC3:
        raise gdb.GdbError("no ret at thread_return+4 (0x%02x): has "
                           "arch/x86/switch_to.asm changed?" % opcode)
    return address


class SwitchInBreakpoint(gdb.Breakpoint):
    """kswitch --to PID: where a task has just got the CPU, on its own
    stack -- the end of switch_to (it switched out before) or
    ret_from_fork (its first run).  `current` there is the task switched
    in."""

    def __init__(self, location, pid, cpu, stop_each):
        super().__init__("*%d" % location if isinstance(location, int)
                         else "*" + location)
        self.silent = True
        self.where = "switch_to's ret" if isinstance(location, int) \
            else location
        self.pid, self.cpu, self.stop_each = pid, cpu, stop_each
        self.kt26_kswitch = True

    def stop(self):
        try:
            task = utils.current_task()[0]
            cpu = utils.task_cpu(task)
        except gdb.GdbError:
            return False
        if int(task["pid"]) != self.pid or \
                (self.cpu is not None and cpu != self.cpu):
            return False
        gdb.write("kswitch cpu %d: %s switched in, now current (at %s)\n"
                  % (cpu, utils.describe(task), self.where))
        return self.stop_each


def kswitch_breakpoints():
    return [bp for bp in gdb.breakpoints() if getattr(bp, "kt26_kswitch", False)]


def parse_kswitch(arg):
    """(mode, to_pid, from_pid, cpu) from kswitch's arguments."""
    words = arg.split()
    mode, to_pid, from_pid, cpu = "on", None, None, None
    usage = gdb.GdbError("usage: kswitch [on|log|off] [--from PID] "
                         "[--to PID] [--cpu N]")
    while words:
        word = words.pop(0)
        if word in ("on", "log", "off"):
            mode = word
        elif word in ("--to", "--from", "--cpu") and words:
            try:	# a number or an expression: --to $1 after `finish`
                value = int(gdb.parse_and_eval(words.pop(0)))
            except (gdb.error, ValueError):
                raise usage from None
            if word == "--to":
                to_pid = value
            elif word == "--from":
                from_pid = value
            else:
                cpu = value
        else:
            raise usage
    return mode, to_pid, from_pid, cpu


class KernelSwitch(gdb.Command):
    """Stop at context switches: kswitch [on|log|off] [--from PID] [--to PID] [--cpu N]

kswitch (or kswitch on) sets a breakpoint at switch_to; at each switch
it prints

  kswitch cpu C #N: pid P NAME S -> pid Q NAME S; cr3 OLD -> NEW unchanged|loaded (why)

C is the CPU that switches (with several, each vCPU stops on its own:
GDB then selects its thread), N its run queue's switch count, S the
state letters (prev's S or D:
it is going to sleep; R: preempted or yielding).  OLD is CR3 when
context_switch() began, NEW is CR3 now, after switch_mm(): a kernel
thread (mm -) borrows the previous mm and CR3 stays (lazy TLB).
Then GDB stops in switch_to: `continue` goes to the next switch,
`continue N` prints N switches and stops at the last one, and stepi
walks through the switch itself (kcurrent changes at `mov esp, ...`).
kswitch log prints the same lines without stopping; kswitch off (or
delete) removes the two breakpoints.

kswitch --from PID stops only at the switches where PID gives up its
CPU (current is still PID, in switch_to).  kswitch --to PID stops when
PID has just got a CPU: at thread_return (or ret_from_fork, its first
time), on its own stack, where current is PID and bt shows where it
resumes.  Both, --from P --to Q, stop in switch_to at the switches
from P to Q only.  --cpu N keeps to the switches of CPU N; alone, every
switch of CPU N."""

    def __init__(self):
        super().__init__("kswitch", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        mode, to_pid, from_pid, cpu = parse_kswitch(arg)
        for bp in kswitch_breakpoints():
            bp.delete()
        if mode == "off":
            gdb.write("kswitch: off\n")
            return
        if utils.symbol_address("switch_to") is None:
            raise gdb.GdbError("no switch_to in the symbol table: is "
                               "build/kernel.elf loaded?")
        if to_pid is not None and from_pid is None:
            bps = [SwitchInBreakpoint(where, to_pid, cpu, mode == "on")
                   for where in (switch_in_address(), "ret_from_fork")]
            gdb.write("kswitch: breakpoints %d and %d at switch_to's ret and "
                      "ret_from_fork %s when pid %d is switched in%s\n" % (
                          bps[0].number, bps[1].number,
                          "stop" if mode == "on" else "print",
                          to_pid, "" if cpu is None else " on CPU %d" % cpu))
            return
        wanted = None
        if from_pid is not None or cpu is not None:
            def wanted(prev, next, on_cpu):
                return (from_pid is None or int(prev["pid"]) == from_pid) \
                    and (to_pid is None or int(next["pid"]) == to_pid) \
                    and (cpu is None or on_cpu == cpu)
        bp = SwitchToBreakpoint(stop_each=(mode == "on"), wanted=wanted)
        if bp.entry:
            entry = "breakpoint %d at context_switch notes CR3 (silent), " \
                % bp.entry.number
        else:
            entry = "no context_switch symbol: CR3 before the switch " \
                "unknown; "
        which = "each switch"
        if from_pid is not None:
            which += " away from pid %d" % from_pid
        if to_pid is not None:
            which += " to pid %d" % to_pid
        if cpu is not None:
            which += " on CPU %d" % cpu
        gdb.write("kswitch: %sbreakpoint %d at switch_to %s\n" % (
            entry, bp.number, "stops at " + which if mode == "on" else
            "prints " + which + ", nothing stops"))


class WakeBreakpoint(gdb.Breakpoint):
    """kwake PID: try_to_wake_up() called for that task."""

    def __init__(self, pid):
        super().__init__("try_to_wake_up")
        self.silent = True
        self.pid = pid
        self.kt26_kwake = True

    def stop(self):
        try:
            task = utils.fetch(gdb.parse_and_eval("p"), "p")
            if int(task["pid"]) != self.pid:
                return False
            waker = utils.current_task()[0]
            gdb.write("kwake: %s is woken by %s on CPU %d; the waker's "
                      "backtrace:\n" % (utils.describe(task),
                                         utils.describe(waker),
                                         utils.task_cpu(waker)))
        except (gdb.error, gdb.GdbError) as error:
            gdb.write("kwake: %s\n" % error)
            return False
        gdb.execute("bt")
        return True


class KernelWake(gdb.Command):
    """Stop when a task is woken: kwake PID | kwake off

A breakpoint in try_to_wake_up() (sched/core.c) stops when its task p
is PID, and prints who wakes it (current: a task, or the idle task when
an interrupt handler does) and the waker's backtrace: the interrupt, the
wake_up() on a wait queue, the timer.  A wake-up of a task that is
already running stops too: try_to_wake_up() then finds nothing to do."""

    def __init__(self):
        super().__init__("kwake", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        for bp in [b for b in gdb.breakpoints()
                   if getattr(b, "kt26_kwake", False)]:
            bp.delete()
        if arg.strip() == "off":
            gdb.write("kwake: off\n")
            return
        try:
            pid = int(arg)
        except ValueError:
            raise gdb.GdbError("usage: kwake PID | kwake off") from None
        bp = WakeBreakpoint(pid)
        gdb.write("kwake: breakpoint %d in try_to_wake_up stops when pid %d "
                  "is woken\n" % (bp.number, pid))


KernelRunqueue()
KernelSwitch()
KernelWake()
