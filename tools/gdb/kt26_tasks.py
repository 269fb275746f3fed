# SPDX-License-Identifier: GPL-2.0
"""tools/gdb/kt26_tasks.py - the tasks: kps, kcurrent, kthreadinfo,
$task_by_pid(), $current().

Linux: lx-ps, $lx_task_by_pid(), $lx_current(), $lx_thread_info() in
scripts/gdb/linux/tasks.py and cpus.py.
kps prints what show_tasks() (kernel/show_tasks.c) prints on the
console, read from memory instead: process 0 first, then init_task.tasks.
`current` is computed as the kernel computes it, from esp: the 8 KiB
thread_union that esp lies in starts with thread_info, whose task field
is the task.  Next: kt26_stack.py (kbt), which walks a task's saved stack.
"""
import itertools

import gdb

import kt26_utils as utils


class KernelPs(gdb.Command):
    """List every task, as ps would: kps

One line per task, process 0 first, then init_task.tasks in order:
  TASK        the struct task_struct address ($task_by_pid(PID) gives it)
  PID PPID    its pid and its parent's
  S           state: R running or runnable, S interruptible sleep,
              D uninterruptible, T stopped, Z zombie, X dead
  FLAGS       task->flags (PF_KTHREAD = 00200000)
  MM          its own address space, - for a kernel thread
  ACTIVE_MM   the address space the CPU uses while it runs (a kernel
              thread borrows the previous task's; - while switched out)
  PRI         task->prio (120 = nice 0)
  COMMAND     comm, [in brackets] for a kernel thread (PF_KTHREAD)
The task on the CPU is marked with '>'.  Before start_kernel() only
process 0 exists; with paging off nothing can be read yet."""

    def __init__(self):
        super().__init__("kps", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        try:
            current = int(utils.current_task()[0]["pid"])
        except gdb.GdbError:
            current = None
        tasks = utils.task_list()
        first = next(tasks)	# fails here, before the header, if unreadable
        gdb.write("  %-10s %5s %5s S %-8s %-10s %-10s %3s COMMAND\n" % (
            "TASK", "PID", "PPID", "FLAGS", "MM", "ACTIVE_MM", "PRI"))
        count = 0
        for task in itertools.chain([first], tasks):
            pid = int(task["pid"])
            parent = utils.ulong(task["parent"])
            try:
                ppid = int(utils.fetch(task["parent"])["pid"]) if parent else 0
            except utils.KernelReadError:
                ppid = -1
            gdb.write("%s 0x%08x %5d %5d %s %08x %-10s %-10s %3d %s\n" % (
                ">" if pid == current else " ", utils.ulong(task.address),
                pid, ppid, utils.task_state_char(task),
                utils.ulong(task["flags"]), utils.mm_text(task["mm"]),
                utils.mm_text(task["active_mm"]), int(task["prio"]),
                utils.task_name(task)))
            count += 1
        gdb.write("%d task%s\n" % (count, "" if count == 1 else "s"))


class KernelCurrent(gdb.Command):
    """Show the task on the CPU: kcurrent

current = ((struct thread_info *)($esp & ~8191))->task, as in the kernel.
Inside switch_to, `current` changes at the instruction that loads esp
from next->thread.esp: stepi across it and kcurrent names next.  When the
run queue's curr differs (schedule() picked next, the switch is under
way), both are shown."""

    def __init__(self):
        super().__init__("kcurrent", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        task, how = utils.current_task()
        gdb.write("current: %s  task 0x%08x  thread_info 0x%08x  (%s)\n" % (
            utils.describe(task), utils.ulong(task.address),
            utils.ulong(task["thread_info"]), how))
        try:
            rq = gdb.parse_and_eval("per_cpu__runqueues[%d]" % int(
                utils.fetch(task["thread_info"])["cpu"]))
            curr = utils.ulong(rq["curr"])
        except (gdb.error, utils.KernelReadError):
            return
        if curr and curr != utils.ulong(task.address):
            gdb.write("run queue curr: %s  (schedule() picked it; the "
                      "switch is under way)\n" %
                      utils.describe(utils.fetch(rq["curr"])))


def parse_pid(arg, command):
    try:
        return int(gdb.parse_and_eval(arg))
    except (gdb.error, ValueError):
        raise gdb.GdbError("usage: %s PID" % command)


class KernelThreadInfo(gdb.Command):
    """Show a task's thread_info and kernel stack: kthreadinfo [PID]

Without PID: the task on the CPU.  Prints the 8 KiB thread_union (the
thread_info at its bottom, the stack growing down from the top, esp0),
how much of the stack is in use, where the task resumes (thread.eip:
thread_return, or ret_from_fork for a task that never ran), then the
words at the top of its stack with what they are: the registers
switch_to pushed, or the pt_regs copy_thread() built for a new task."""

    def __init__(self):
        super().__init__("kthreadinfo", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        if arg.strip():
            task = utils.task_by_pid_or_error(parse_pid(arg, "kthreadinfo"))
            try:
                current = utils.current_task()[0]
            except gdb.GdbError:
                current = None
        else:
            task = current = utils.current_task()[0]
        running = current is not None and \
            utils.ulong(task.address) == utils.ulong(current.address)
        ti_address = utils.ulong(task["thread_info"])
        tinfo = utils.fetch(task["thread_info"], "thread_info")
        top = ti_address + utils.THREAD_SIZE
        gdb.write("%s  task_struct 0x%08x\n" % (utils.describe(task),
                                               utils.ulong(task.address)))
        gdb.write("thread_info 0x%08x: task 0x%08x flags 0x%x cpu %d "
                  "preempt_count 0x%x\n" % (
                      ti_address, utils.ulong(tinfo["task"]),
                      utils.ulong(tinfo["flags"]), int(tinfo["cpu"]),
                      utils.ulong(tinfo["preempt_count"])))
        gdb.write("kernel stack 0x%08x-0x%08x (thread_info at the bottom, "
                  "esp0 = top = 0x%08x)\n" % (ti_address, top,
                                             utils.ulong(task["thread"]["esp0"])))
        if running:
            esp = utils.register("esp")
            gdb.write("on the CPU: esp 0x%08x, %d bytes of stack in use, "
                      "eip 0x%08x <%s>\n" % (esp, top - esp,
                                            utils.register("eip"),
                                            utils.symbol_at(utils.register("eip"))))
        else:
            esp = utils.ulong(task["thread"]["esp"])
            eip = utils.ulong(task["thread"]["eip"])
            if not ti_address < esp <= top:
                gdb.write("no saved context: thread.esp 0x%08x is not in its "
                          "stack (it never switched out)\n" % esp)
                return
            gdb.write("switched out: thread.esp 0x%08x, %d bytes of stack in "
                      "use, resumes at thread.eip 0x%08x <%s>\n" % (
                          esp, top - esp, eip, utils.symbol_at(eip)))
        show_stack_words(esp, top, stack_labels(running, task))


# What switch_to (arch/x86/switch_to.asm) leaves at thread.esp.
SWITCH_TO_WORDS = ["saved edi", "saved esi", "saved ebx",
                   "saved ebp: context_switch's frame",
                   "return address", "switch_to's prev", "switch_to's next"]
STACK_WORDS = 8


def stack_labels(running, task):
    """Names for the words at the top of @task's stack, or []."""
    if running:
        return []
    eip = utils.ulong(task["thread"]["eip"])
    if eip == utils.symbol_address("ret_from_fork"):
        fields = utils.lookup_type("struct pt_regs").fields()
        return ["pt_regs.%s" % field.name for field in fields]
    if eip == utils.symbol_address("thread_return"):
        return SWITCH_TO_WORDS
    return []


def show_stack_words(esp, top, labels):
    """The first words from @esp up (at most to @top), with symbols."""
    count = max(min(max(STACK_WORDS, len(labels)), (top - esp) // 4), 0)
    try:
        data = bytes(gdb.selected_inferior().read_memory(esp, 4 * count))
    except gdb.MemoryError:
        return
    gdb.write("stack from 0x%08x up:\n" % esp)
    for i in range(count):
        word = int.from_bytes(data[4 * i:4 * i + 4], "little")
        symbol = utils.symbol_at(word) if word >= utils.PAGE_OFFSET else "??"
        gdb.write("  0x%08x: 0x%08x%s%s\n" % (
            esp + 4 * i, word,
            "" if symbol == "??" else " <%s>" % symbol,
            "  " + labels[i] if i < len(labels) else ""))


class TaskByPid(gdb.Function):
    """$task_by_pid(PID): the struct task_struct * with that pid.

Example: p $task_by_pid(2)->comm, p *$task_by_pid(1)->thread_info"""

    def __init__(self):
        super().__init__("task_by_pid")

    def invoke(self, pid):
        task = utils.task_by_pid_or_error(int(pid))
        return task.address


class Current(gdb.Function):
    """$current(): the struct task_struct * on the CPU (from esp).

Example: p $current()->pid, p $current()->comm"""

    def __init__(self):
        super().__init__("current")

    def invoke(self):
        return utils.current_task()[0].address


KernelPs()
KernelCurrent()
KernelThreadInfo()
TaskByPid()
Current()
