# SPDX-License-Identifier: GPL-2.0
"""tools/gdb/kt26_stack.py - kbt PID: the backtrace of a task that is not
on the CPU, from the context switch_to() saved.

Linux: get_wchan() and show_trace_log_lvl() in arch/i386/kernel/process.c
and traps.c, which walk the same ebp chain from thread.esp.
GDB's own `bt` can only unwind the registers the CPU holds now, i.e. the
running task.  A switched-out task's registers are on its own stack,
where switch_to (arch/x86/switch_to.asm) pushed them:

    thread.esp -> edi esi ebx ebp <return into context_switch> prev next

so the walk starts at pc = thread.eip (thread_return, inside switch_to)
with switch_to's frame at thread.esp + 12 and follows the frame pointers
([ebp] = the caller's ebp, [ebp + 4] = the return address; every C
function has one, -fno-omit-frame-pointer) while they stay inside the
task's 8 KiB stack.  The chain ends on purpose (CONTRIBUTING.md): ebp 0
(ret_from_fork and a kernel thread's first frame) or a return address 0
(the fake one kernel_thread_helper pushes).  A task that never ran has
thread.eip = ret_from_fork and nothing to walk.  A task on a CPU, any
vCPU, has a stale saved context: kbt shows that vCPU's own `bt`.
Nothing is written to the target: the walk only reads.
"""
import gdb

import kt26_utils as utils

MAX_FRAMES = 64		# as /proc/PID/stack (MAX_STACK_TRACE_DEPTH)

# switch_to pushed ebp, ebx, esi, edi: its own frame is 3 words above esp.
SWITCH_TO_FRAME = 12


def read_word(address):
    try:
        data = gdb.selected_inferior().read_memory(address, 4)
    except gdb.MemoryError as error:
        raise utils.read_error("the stack word at 0x%08x" % address,
                               address, error)
    return int.from_bytes(bytes(data), "little")


def functions_at(pc):
    """['inner', 'outer'] for pc: the function and the ones it was inlined
    into (innermost first); ['switch_to'] from the symbol table for asm."""
    names = []
    try:
        block = gdb.block_for_pc(pc)
    except RuntimeError:
        block = None
    while block is not None and not block.is_static and not block.is_global:
        if block.function is not None:
            names.append(block.function.print_name)
        block = block.superblock
    if not names:
        names.append(utils.symbol_at(pc, prefer_label=False).split("+")[0])
    return names


def format_frames(number, pc, lookup_pc, note=""):
    """Lines like bt's for one return address, numbered from @number:
    '#1  0xc0104ac8 in context_switch () at sched/core.c:339', then one
    line without an address per function the code was inlined into, as
    GDB prints inlined frames ('#2  cpu_idle () at sched/idle.c')."""
    names = functions_at(lookup_pc)
    where = ""
    sal = gdb.find_pc_line(lookup_pc)
    if sal.symtab is not None and sal.line:
        where = " at %s:%d" % (sal.symtab.filename, sal.line)
    lines = ["#%-2d 0x%08x in %s ()%s%s\n" % (number, pc, names[0], where,
                                              note)]
    block = gdb.block_for_pc(lookup_pc) if len(names) > 1 else None
    outer = []
    while block is not None and not block.is_static and not block.is_global:
        if block.function is not None and block.function.symtab is not None:
            outer.append(block.function.symtab.filename)
        block = block.superblock
    for i, name in enumerate(names[1:], start=1):
        filename = outer[i] if i < len(outer) else "??"
        lines.append("#%-2d %s () at %s  (inlined call)\n" % (
            number + i, name, filename))
    return lines


def saved_backtrace(task):
    """The lines of a switched-out task's backtrace."""
    ti_address = utils.ulong(task["thread_info"])
    stack_low, stack_high = ti_address, ti_address + utils.THREAD_SIZE
    eip = utils.ulong(task["thread"]["eip"])
    esp = utils.ulong(task["thread"]["esp"])
    lines = []
    if not stack_low <= esp < stack_high:
        return ["thread.esp 0x%08x is outside its stack 0x%08x-0x%08x: "
                "no saved context\n" % (esp, stack_low, stack_high)]
    if eip == utils.symbol_address("ret_from_fork"):
        regs = gdb.Value(esp).cast(
            utils.lookup_type("struct pt_regs").pointer()).dereference()
        lines += format_frames(0, eip, eip, "  (never ran)")
        lines.append("    its first switch_to() lands in ret_from_fork, "
                     "which irets to 0x%08x <%s>" % (
                         utils.ulong(regs["eip"]),
                         utils.symbol_at(utils.ulong(regs["eip"]))))
        if utils.ulong(regs["eip"]) == utils.symbol_address("kernel_thread_helper"):
            lines[-1] += " to call ebx = 0x%08x <%s>" % (
                utils.ulong(regs["ebx"]), utils.symbol_at(utils.ulong(regs["ebx"])))
        lines[-1] += "\n"
        return lines
    note = "  (thread.eip = %s: it resumes here)" % utils.symbol_at(eip)
    lines += format_frames(0, eip, eip, note)
    frame = esp + SWITCH_TO_FRAME
    while len(lines) < MAX_FRAMES:
        ret = read_word(frame + 4)
        if ret == 0:
            lines.append("    (return address 0: the thread's first frame)\n")
            return lines
        lines += format_frames(len(lines), ret, ret - 1)
        caller = read_word(frame)
        if caller == 0:
            return lines
        if not frame < caller < stack_high:
            lines.append("    (ebp 0x%08x is not above 0x%08x in its stack "
                         "0x%08x-0x%08x: stopping)\n" % (
                             caller, frame, stack_low, stack_high))
            return lines
        frame = caller
    lines.append("    (more than %d frames: stopping)\n" % MAX_FRAMES)
    return lines


class KernelBacktrace(gdb.Command):
    """Backtrace of any task, from its saved context: kbt PID

For a task switched out by schedule(), the walk starts where switch_to
saved it (thread.eip, and the ebp it pushed at thread.esp + 12), so the
first frames are always switch_to, context_switch, schedule, then what
made it sleep.  For the task on the CPU this is GDB's own bt.  A task
that never ran has only ret_from_fork and the function it will call."""

    def __init__(self):
        super().__init__("kbt", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        if not arg.strip():
            raise gdb.GdbError("usage: kbt PID (kps lists the pids; bt is "
                               "the task on the CPU)")
        try:
            pid = int(gdb.parse_and_eval(arg))
        except (gdb.error, ValueError):
            raise gdb.GdbError("usage: kbt PID")
        task = utils.task_by_pid_or_error(pid)
        gdb.write("%s  task 0x%08x\n" % (utils.describe(task),
                                          utils.ulong(task.address)))
        selected = gdb.selected_thread()
        for cpu, thread, current, _ in utils.cpu_currents():
            if current is None or \
                    utils.ulong(current.address) != utils.ulong(task.address):
                continue
            # Its saved context is stale: the live stack is that vCPU's.
            if selected is not None and thread.num == selected.num:
                gdb.write("on the CPU: its stack is the live one (bt)\n")
                gdb.execute("bt")
            else:
                gdb.write("on CPU %d (thread %d): its stack is the live one "
                          "(thread %d, bt)\n" % (cpu, thread.num, thread.num))
                with utils.on_thread(thread):
                    gdb.execute("bt")
            return
        for line in saved_backtrace(task):
            gdb.write(line)


KernelBacktrace()
