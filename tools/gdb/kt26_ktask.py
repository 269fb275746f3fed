# SPDX-License-Identifier: GPL-2.0
"""tools/gdb/kt26_ktask.py - ktask PID: GDB's own view (bt, frame, up,
info locals) inside any task; kcpu N: GDB's view of CPU N.

A task that is not running left its context at its last switch_to()
(arch/x86/switch_to.asm): thread.esp points at the callee-saved edi,
esi, ebx and the saved ebp, then the return into context_switch(), and
thread.eip is thread_return, where it will resume.  ktask loads exactly
that into the selected vCPU's registers -- esp, ebp (the frame switch_to
built, thread.esp + 12), eip, edi, esi, ebx -- so GDB's unwinder walks
the task's stack as if it had stopped there: `bt`, `frame N`, `up`,
`info locals` and `p` work inside it.  A task that never ran has only
its pt_regs at thread.esp and resumes in ret_from_fork.  A task running
on a CPU is viewed by selecting that CPU's GDB thread.

The CPU's real registers are kept and put back by `ktask` alone, and
before anything runs the kernel again (continue, step, next, stepi,
nexti, finish, until, advance, jump, signal, kill, detach: hooks defined
here), so the running kernel never sees the borrowed ones: nothing in
memory is written.  Linux's scripts/gdb has no such command; the crash
utility's `set PID` is the same idea.
"""
import gdb

import kt26_tasks as tasks
import kt26_utils as utils

REGISTERS = ["eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi", "eip",
             "eflags"]
# Commands that let the vCPU run: each gets a hook that restores first.
RESUMING = ["continue", "next", "step", "stepi", "nexti", "finish", "until",
            "advance", "jump", "signal", "kill", "detach"]
# thread.esp -> the saved ebp of switch_to's frame (edi, esi, ebx first)
SWITCH_TO_FRAME = 12

# GDB thread number -> the registers the vCPU really had.
_real = {}
_viewing = {}	# GDB thread number -> the pid shown


def _read_word(address):
    return utils.ulong(gdb.Value(address).cast(
        gdb.lookup_type("unsigned long").pointer()).dereference())


def _set_registers(values):
    # Registers are written in the innermost frame: an outer frame's are
    # computed by the unwinder and cannot be assigned.
    gdb.execute("frame 0", to_string=True)
    for name in REGISTERS:
        if name in values:
            gdb.execute("set $%s = %d" % (name, values[name]),
                        to_string=True)


def restore(quiet=True):
    """Give every vCPU whose registers ktask replaced its own back."""
    if not _real:
        return
    selected = gdb.selected_thread()
    for number, values in list(_real.items()):
        thread = next((t for t in gdb.selected_inferior().threads()
                       if t.num == number), None)
        if thread is not None:
            thread.switch()
            _set_registers(values)
        del _real[number]
        pid = _viewing.pop(number, None)
        if not quiet:
            gdb.write("ktask: thread %d has its CPU's registers again "
                      "(was viewing pid %s)\n" % (number, pid))
    if selected is not None and selected.is_valid():
        selected.switch()


def running_on(task):
    """(cpu, thread) of the vCPU running @task, or (None, None)."""
    address = utils.ulong(task.address)
    for cpu, thread, current, _ in utils.cpu_currents():
        if current is not None and utils.ulong(current.address) == address:
            return cpu, thread
    return None, None


def select_cpu(cpu):
    """Make the vCPU of kernel CPU @cpu GDB's selected thread."""
    for thread in utils.vcpu_threads():
        if utils.cpu_of_thread(thread) == cpu:
            thread.switch()
            return thread
    raise gdb.GdbError("no vCPU for CPU %d (QEMU shows %d)" % (
        cpu, len(utils.vcpu_threads())))


def view_task(task):
    """Load @task's saved context into the selected vCPU's registers.
    Returns a line saying what GDB now shows."""
    ti = utils.ulong(task["thread_info"])
    esp = utils.ulong(task["thread"]["esp"])
    eip = utils.ulong(task["thread"]["eip"])
    if not ti <= esp < ti + utils.THREAD_SIZE:
        raise gdb.GdbError("%s: thread.esp 0x%08x is outside its stack "
                           "0x%08x-0x%08x: no saved context" % (
                               utils.describe(task), esp, ti,
                               ti + utils.THREAD_SIZE))
    number = gdb.selected_thread().num
    if number not in _real:
        _real[number] = {name: utils.register(name) for name in REGISTERS}
    if eip == utils.symbol_address("ret_from_fork"):
        # Only its pt_regs: frame 0 is ret_from_fork, nothing above it.
        values = {"esp": esp, "ebp": 0, "eip": eip}
        how = "it never ran: ret_from_fork, its pt_regs at 0x%08x" % esp
    else:
        values = {"edi": _read_word(esp), "esi": _read_word(esp + 4),
                  "ebx": _read_word(esp + 8), "ebp": esp + SWITCH_TO_FRAME,
                  "esp": esp, "eip": eip}
        how = "its last switch: thread.esp 0x%08x, thread.eip 0x%08x <%s>" \
            % (esp, eip, utils.symbol_at(eip))
    _set_registers(values)
    _viewing[number] = int(task["pid"])
    return how


class KernelTask(gdb.Command):
    """View a task as GDB's own context: ktask [PID]

ktask PID loads the task's saved context (the registers of its last
switch_to(), or of a task that never ran its pt_regs) into GDB's view
of the CPU, so that bt, frame N, up, down, info frame, info locals and
p work inside that task's stack.  A task running on a CPU is shown by
selecting that CPU's thread instead (as kcpu N).
ktask alone gives the CPU its real registers back; so does every command
that runs the kernel (continue, step, next, stepi, finish, ...), first.
The kernel's memory is never written."""

    def __init__(self):
        super().__init__("ktask", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        if not arg.strip():
            if not _real:
                gdb.write("ktask: GDB already shows the CPUs' own "
                          "registers\n")
            restore(quiet=False)
            return
        pid = tasks.parse_pid(arg, "ktask")
        task = utils.task_by_pid_or_error(pid)
        restore()
        cpu, thread = running_on(task)
        if thread is not None:
            thread.switch()
            gdb.write("ktask: %s runs on CPU %d: GDB thread %d shows its "
                      "registers\n" % (utils.describe(task), cpu, thread.num))
        else:
            how = view_task(task)
            gdb.write("ktask: GDB shows %s as of %s; `ktask` alone (or "
                      "continue, step...) gives the CPU its registers "
                      "back\n" % (utils.describe(task), how))
        gdb.execute("frame 0")


class KernelCpu(gdb.Command):
    """Select a CPU: kcpu N (QEMU's gdb stub shows vCPU N as thread N+1).

Its registers, bt and the helpers' `current` are then that CPU's."""

    def __init__(self):
        super().__init__("kcpu", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        try:
            cpu = int(arg)
        except ValueError:
            raise gdb.GdbError("usage: kcpu N") from None
        restore()
        thread = select_cpu(cpu)
        task = utils.current_task()[0]
        gdb.write("kcpu: CPU %d (GDB thread %d), current %s\n" % (
            cpu, thread.num, utils.describe(task)))
        gdb.execute("frame 0")


class _Restore(gdb.Command):
    """Used by the resuming commands' hooks: put the CPUs' registers
back if ktask replaced them."""

    def __init__(self):
        super().__init__("ktask-restore", gdb.COMMAND_MAINTENANCE)

    def invoke(self, arg, from_tty):
        restore()


KernelTask()
KernelCpu()
_Restore()
for _command in RESUMING:
    gdb.execute("define hook-%s\nktask-restore\nend" % _command,
                to_string=True)
