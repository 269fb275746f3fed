# SPDX-License-Identifier: GPL-2.0
"""tools/gdb/kt26_tasks.py - the tasks: kps, kcurrent, kthreadinfo,
$task_by_pid(), $current().

Linux: lx-ps, $lx_task_by_pid(), $lx_current(), $lx_thread_info() in
scripts/gdb/linux/tasks.py and cpus.py.
kps prints what show_tasks() (kernel/show_tasks.c) prints on the
console, read from memory instead: the idle task of each CPU first
(swapper/N, from the run queues), then init_task.tasks.  `current` is
computed as the kernel computes it, from esp: the 8 KiB thread_union
that esp lies in starts with thread_info, whose task field is the task.
Each vCPU has its own esp: kcurrent reads every one (QEMU shows the
vCPUs as GDB threads).  Next: kt26_stack.py (kbt), which walks a task's
saved stack.
"""
import itertools

import gdb

import kt26_utils as utils


class KernelPs(gdb.Command):
    """List every task, as ps would: kps

One line per task, the idle task of each CPU first (swapper/0,
swapper/1, ...: pid 0 each, not on the task list, taken from the run
queues), then init_task.tasks in order:
  CPU         the CPU it runs or last ran on (task_cpu(): thread_info->cpu)
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
The task on a CPU is marked with '>' (one per CPU).  Before
start_kernel() only process 0 exists; with paging off nothing can be
read yet."""

    def __init__(self):
        super().__init__("kps", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        running = {utils.ulong(task.address)
                   for _, _, task, _ in utils.cpu_currents()
                   if task is not None}
        tasks = utils.all_tasks()
        first = next(tasks)	# fails here, before the header, if unreadable
        gdb.write("  %3s %-10s %5s %5s S %-8s %-10s %-10s %3s COMMAND\n" % (
            "CPU", "TASK", "PID", "PPID", "FLAGS", "MM", "ACTIVE_MM", "PRI"))
        count = 0
        for task in itertools.chain([first], tasks):
            pid = int(task["pid"])
            parent = utils.ulong(task["parent"])
            try:
                ppid = int(utils.fetch(task["parent"])["pid"]) \
                    if parent and pid else 0
            except utils.KernelReadError:
                ppid = -1
            address = utils.ulong(task.address)
            gdb.write("%s %3d 0x%08x %5d %5d %s %08x %-10s %-10s %3d %s\n" % (
                ">" if address in running else " ", utils.task_cpu(task),
                address, pid, ppid, utils.task_state_char(task),
                utils.ulong(task["flags"]), utils.mm_text(task["mm"]),
                utils.mm_text(task["active_mm"]), int(task["prio"]),
                utils.task_name(task)))
            count += 1
        gdb.write("%d task%s\n" % (count, "" if count == 1 else "s"))


class KernelCurrent(gdb.Command):
    """Show the task on each CPU: kcurrent

current = ((struct thread_info *)($esp & ~8191))->task, as in the kernel.
The first line is the selected vCPU's (GDB's selected thread: the one
that hit the breakpoint, or `thread N`); then one line per CPU, from
each vCPU's own esp (QEMU's gdb stub shows vCPU n as thread n + 1, see
`info threads`), marked `selected` for the selected one.  A vCPU in
user mode has no kernel esp: its CPU's run queue curr is shown.
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
        self.rq_curr(task, "")
        selected = gdb.selected_thread()
        for cpu, thread, task, how in utils.cpu_currents():
            mark = ", selected" if selected is not None and \
                thread.num == selected.num else ""
            if task is None:
                if cpu not in utils.online_cpus():
                    how = "not online (not started yet: %s)" % how
                gdb.write("cpu %d (thread %d%s): %s\n" % (cpu, thread.num,
                                                          mark, how))
                continue
            gdb.write("cpu %d (thread %d%s): %s  task 0x%08x  (%s)\n" % (
                cpu, thread.num, mark, utils.describe(task),
                utils.ulong(task.address), how))
            self.rq_curr(task, "  ")

    @staticmethod
    def rq_curr(task, indent):
        """The run queue's curr, when it is not @task."""
        try:
            rq = gdb.parse_and_eval("per_cpu__runqueues[%d]" %
                                    utils.task_cpu(task))
            curr = utils.ulong(rq["curr"])
        except (gdb.error, utils.KernelReadError):
            return
        if curr and curr != utils.ulong(task.address):
            gdb.write("%srun queue curr: %s  (schedule() picked it; the "
                      "switch is under way)\n" %
                      (indent, utils.describe(utils.fetch(rq["curr"]))))


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
        else:
            task = utils.current_task()[0]
        # The vCPU it runs on, if any: its registers are the live ones.
        on = [thread for _, thread, current, _ in utils.cpu_currents()
              if current is not None and
              utils.ulong(current.address) == utils.ulong(task.address)]
        running = bool(on)
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
            with utils.on_thread(on[0]):
                esp, eip = utils.register("esp"), utils.register("eip")
            gdb.write("on the CPU: esp 0x%08x, %d bytes of stack in use, "
                      "eip 0x%08x <%s>\n" % (esp, top - esp, eip,
                                            utils.symbol_at(eip)))
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


def after_call(address):
    """True if the instruction before @address is a call: @address is
    then a return address (call rel32 is 5 bytes; call through a
    register or memory, FF /2, 2 to 7)."""
    try:
        code = bytes(gdb.selected_inferior().read_memory(address - 7, 7))
    except gdb.MemoryError:
        return False
    if code[2] == 0xE8:
        return True
    return any(code[7 - n] == 0xFF and (code[8 - n] >> 3) & 7 == 2
               for n in range(2, 8))


def word_symbol(word):
    """' <name+off>' for a kernel address on a stack, or ''.  A return
    address is named by its call (the caller's name and offset, not the
    next function's when the call was the caller's last instruction)."""
    if word < utils.PAGE_OFFSET:
        return ""
    if after_call(word):
        caller = utils.symbol_at(word - 1, prefer_label=False)
        if caller != "??":
            name, _, off = caller.partition("+")
            return " <%s+%d>" % (name, int(off or "0") + 1)
    symbol = utils.symbol_at(word)
    return "" if symbol == "??" else " <%s>" % symbol


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
        gdb.write("  0x%08x: 0x%08x%s%s\n" % (
            esp + 4 * i, word, word_symbol(word),
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
