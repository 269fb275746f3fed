# SPDX-License-Identifier: GPL-2.0
"""tools/gdb/kt26_utils.py - what every kt26 GDB helper needs: types,
container_of, safe reads, the task list, the names ps would print.

Linux: scripts/gdb/linux/utils.py (CachedType, container_of),
task_lists() in scripts/gdb/linux/tasks.py and the per-CPU helpers of
scripts/gdb/linux/cpus.py.
The helpers read the kernel's data through GDB and the DWARF of
build/kernel.elf, never through a copy of the kernel's layout: a field
added to struct task_struct needs no change here.  Everything is written
to survive a half-built system: before paging is on the kernel's virtual
addresses cannot be read at all (QEMU translates them with the page
tables, and there are none yet), and before start_kernel() the task list
holds process 0 only.  Such problems end a walk with a message
(KernelReadError), never with a Python traceback.

Several CPUs: QEMU's gdb stub shows each vCPU as a thread (`info
threads`; thread N is vCPU N - 1), and the registers GDB reads ($esp,
$cr3) are the selected thread's.  on_thread() reads another vCPU's and
comes back; cpu_of_thread() says which kernel CPU a vCPU is (the
kernel numbers CPUs in the order of the firmware tables, whose APIC ids
QEMU gives in vCPU order).  The idle tasks (pid 0, one per CPU) are not
on the task list: idle_tasks() takes them from the run queues.
Next: kt26_tasks.py (kps, kcurrent), the first user of task_list().
"""
import contextlib

import gdb

# include/param.h
PAGE_OFFSET = 0xC0000000
THREAD_SIZE = 8192

# include/sched.h
TASK_RUNNING = 0
TASK_INTERRUPTIBLE = 1
TASK_UNINTERRUPTIBLE = 2
TASK_STOPPED = 4
TASK_DEAD = 64
EXIT_ZOMBIE = 16
EXIT_DEAD = 32
PF_KTHREAD = 0x00200000

X86_CR0_PG = 0x80000000		# paging on

# A task list longer than this is taken to be corrupt (a loop that does
# not come back to init_task).  The ktests have 1,000 threads at once.
MAX_TASKS = 100000


class KernelReadError(gdb.GdbError):
    """A kernel structure could not be read: the message says why."""


def lookup_type(name):
    """gdb.Type for "struct task_struct" and the like."""
    try:
        return gdb.lookup_type(name)
    except gdb.error:
        raise KernelReadError("no type %r: is build/kernel.elf loaded "
                              "(gdb build/kernel.elf)?" % name)


def task_type():
    return lookup_type("struct task_struct")


def ulong(value):
    """A gdb.Value (pointer, integer, register) as a Python int, 32 bits."""
    return int(value) & 0xFFFFFFFF


def register(name):
    """The value of a register ($esp, $cr3, ...) as an int, or None."""
    try:
        return ulong(gdb.parse_and_eval("$" + name))
    except gdb.error:
        return None


def paging_enabled():
    """True unless CR0 says paging is off (or CR0 is unreadable)."""
    cr0 = register("cr0")
    return cr0 is None or bool(cr0 & X86_CR0_PG)


def read_error(what, address, error):
    """A KernelReadError for a failed read, with the likely reason."""
    if not paging_enabled():
        why = ("paging is off (CR0.PG = 0): the kernel's virtual addresses "
               "are not mapped yet; stop later, e.g. `break start_kernel`")
    elif address is not None and address < PAGE_OFFSET:
        why = "0x%08x is not a kernel address" % address
    else:
        why = str(error)
    return KernelReadError("cannot read %s: %s" % (what, why))


def offset_of(struct_type, member):
    """Byte offset of @member in @struct_type (a gdb.Type)."""
    for field in struct_type.fields():
        if field.name == member:
            return field.bitpos // 8
    raise KernelReadError("%s has no member %s" % (struct_type, member))


def container_of(ptr, struct_type, member):
    """The struct_type * that holds the member @ptr points at.

    Same as the kernel's container_of(): ptr - offsetof(type, member).
    """
    address = ulong(ptr) - offset_of(struct_type, member)
    return gdb.Value(address).cast(struct_type.pointer())


def fetch(pointer, what="structure"):
    """Dereference @pointer and read the whole structure in one go.

    One read per structure instead of one per field: the task list of the
    ktests is 1,000 tasks long, and each read is a round trip to QEMU.
    """
    address = ulong(pointer)
    if address == 0:
        raise KernelReadError("cannot read %s: NULL pointer" % what)
    try:
        value = pointer.dereference()
        value.fetch_lazy()
        return value
    except gdb.MemoryError as error:
        raise read_error("%s at 0x%08x" % (what, address), address, error)


def symbol_address(name):
    """The address of a kernel symbol (function, variable, asm label)."""
    try:
        return ulong(gdb.parse_and_eval("(unsigned long)&%s" % name))
    except gdb.error:
        return None


def init_task():
    """init_task (process 0), read from the target."""
    try:
        return fetch(gdb.parse_and_eval("&init_task"), "init_task")
    except gdb.error as error:
        if isinstance(error, KernelReadError):
            raise
        raise KernelReadError("no init_task: is build/kernel.elf loaded? "
                              "(%s)" % error)


def task_list():
    """Yield every task (a gdb.Value struct task_struct): process 0 first,
    then init_task.tasks in order, as for_each_process() sees them.

    A broken link (NULL, unreadable, a loop) ends the walk with a
    warning after the tasks already yielded: a half-built list is
    printed as far as it goes.
    """
    ttype = task_type()
    head = init_task()
    yield head
    head_address = ulong(head.address) + offset_of(ttype, "tasks")
    node = ulong(head["tasks"]["next"])
    seen = set()
    while node != head_address:
        if node == 0 or node in seen or len(seen) >= MAX_TASKS:
            gdb.write("warning: task list broken at 0x%08x (%s); "
                      "stopping here\n" % (node, "NULL" if node == 0 else
                                            "a loop"))
            return
        seen.add(node)
        task_ptr = container_of(gdb.Value(node), ttype, "tasks")
        try:
            task = fetch(task_ptr, "task_struct")
        except KernelReadError as error:
            gdb.write("warning: %s; stopping here\n" % error)
            return
        yield task
        node = ulong(task["tasks"]["next"])


def runqueue_field(cpu, name):
    """per_cpu__runqueues[cpu].<name> (a gdb.Value), or None when there
    is no such run queue or it cannot be read."""
    try:
        value = gdb.parse_and_eval("per_cpu__runqueues[%d].%s" % (cpu, name))
        value.fetch_lazy()
        return value
    except gdb.error:
        return None


def nr_cpus():
    """NR_CPUS: the length of the per-CPU arrays."""
    try:
        return int(gdb.parse_and_eval("per_cpu__runqueues").type.range()[1]) + 1
    except gdb.error:
        return 1


def cpu_mask(name):
    """The CPU numbers in a cpumask_t variable (cpu_online_map, ...);
    [0] if it cannot be read (an older kernel, paging off)."""
    try:
        bits = ulong(gdb.parse_and_eval("%s.bits[0]" % name))
    except gdb.error:
        return [0]
    return [cpu for cpu in range(32) if bits >> cpu & 1] or [0]


def online_cpus():
    return cpu_mask("cpu_online_map")


def idle_tasks():
    """Yield (cpu, task) for the idle task of every online CPU, CPU 0
    first: rq->idle, or init_task for CPU 0 before sched_init() has
    set its run queue up.  A CPU without an idle task yet is left out."""
    for cpu in online_cpus():
        idle = runqueue_field(cpu, "idle")
        if idle is not None and ulong(idle) != 0:
            yield cpu, fetch(idle, "per_cpu__runqueues[%d].idle" % cpu)
        elif cpu == 0:
            yield cpu, init_task()


def all_tasks():
    """Yield every task as ps shows it: the idle task of each CPU
    (swapper/N), then the task list after init_task."""
    yield from (task for _, task in idle_tasks())
    tasks = task_list()
    next(tasks)	# init_task: CPU 0's idle task, already given
    yield from tasks


def task_cpu(task):
    """task_cpu(p): the CPU in its thread_info (-1 if unreadable)."""
    try:
        return int(fetch(task["thread_info"], "thread_info")["cpu"])
    except KernelReadError:
        return -1


def find_task(pid):
    """The task (gdb.Value struct task_struct) with @pid, or None."""
    for task in task_list():
        if int(task["pid"]) == pid:
            return task
    return None


def task_by_pid_or_error(pid):
    task = find_task(pid)
    if task is None:
        raise KernelReadError("no task with pid %d (kps lists them)" % pid)
    return task


def task_state_char(task):
    """ps's state letter, as task_state_char() in kernel/show_tasks.c."""
    exit_state = int(task["exit_state"])
    state = int(task["state"])
    if exit_state == EXIT_ZOMBIE:
        return "Z"
    if exit_state == EXIT_DEAD or state == TASK_DEAD:
        return "X"
    if state == TASK_RUNNING:
        return "R"
    if state & TASK_INTERRUPTIBLE:
        return "S"
    if state & TASK_UNINTERRUPTIBLE:
        return "D"
    return "T"


def task_comm(task):
    """task->comm as a str (up to the first NUL, never past the array)."""
    comm = task["comm"]
    raw = bytes(int(comm[i]) & 0xFF for i in range(comm.type.sizeof))
    return raw.split(b"\0", 1)[0].decode("latin-1")


def is_kernel_thread(task):
    return bool(int(task["flags"]) & PF_KTHREAD)


def task_name(task):
    """The name as ps and show_tasks() print it: [comm] for a kernel
    thread (PF_KTHREAD), plain comm for a process."""
    comm = task_comm(task)
    return "[%s]" % comm if is_kernel_thread(task) else comm


def describe(task):
    """'pid 2 [kthreadd] S': how every helper names a task."""
    return "pid %d %s %s" % (int(task["pid"]), task_name(task),
                             task_state_char(task))


def mm_text(mm):
    """An mm pointer for a table: '-' for NULL (a kernel thread)."""
    value = ulong(mm)
    return "-" if value == 0 else "0x%08x" % value


def thread_info_of_esp(esp):
    """The thread_info address a stack pointer lies in."""
    return esp & ~(THREAD_SIZE - 1)


def vcpu_threads():
    """GDB's threads of the target (one per vCPU), by number."""
    try:
        return sorted(gdb.selected_inferior().threads(), key=lambda t: t.num)
    except gdb.error:
        return []


def vcpu_index(thread):
    """QEMU's vCPU index of a GDB thread: its thread id minus one."""
    tid = thread.ptid[1] or thread.ptid[2] or thread.num
    return tid - 1


def cpu_of_thread(thread):
    """The kernel's CPU number of a vCPU: the CPU whose APIC id
    (x86_cpu_to_apicid[], from the firmware tables) is the vCPU's --
    QEMU gives vCPU n APIC id n; the vCPU index when no CPU matches."""
    index = vcpu_index(thread)
    try:
        present = cpu_mask("cpu_present_map")
        for cpu in present:
            apicid = int(gdb.parse_and_eval("x86_cpu_to_apicid[%d]" % cpu))
            if apicid == index:
                return cpu
    except gdb.error:
        pass
    return index


@contextlib.contextmanager
def on_thread(thread):
    """Select @thread (a vCPU) for the body, then the thread and frame
    that were selected before."""
    before = gdb.selected_thread()
    try:
        frame = gdb.selected_frame().level() if before else None
    except gdb.error:
        frame = None
    thread.switch()
    try:
        yield thread
    finally:
        if before is not None and before.is_valid():
            before.switch()
            if frame:
                gdb.execute("frame %d" % frame, to_string=True)


def current_task():
    """(task, how) for the task on the selected vCPU.

    `current` is ((struct thread_info *)(esp & ~8191))->task, exactly as
    the kernel computes it (arch/x86/include/asm/thread_info.h).  The result is
    checked (task->thread_info must point back); if esp is not on a task's
    kernel stack (paging off, user mode, a double-fault stack), the curr
    of that CPU's run queue is used instead and @how says so.
    """
    esp = register("esp")
    if esp is None:
        raise KernelReadError("cannot read $esp: is GDB attached "
                              "(target remote :PORT)?")
    ti_address = thread_info_of_esp(esp)
    tinfo_ptr = gdb.Value(ti_address).cast(
        lookup_type("struct thread_info").pointer())
    why = None
    try:
        tinfo = fetch(tinfo_ptr, "thread_info")
        task = fetch(tinfo["task"], "thread_info->task")
        if ulong(task["thread_info"]) == ti_address:
            return task, "esp 0x%08x & ~0x%x" % (esp, THREAD_SIZE - 1)
        why = "thread_info 0x%08x does not point at its task" % ti_address
    except KernelReadError as error:
        why = str(error)
    if not paging_enabled():
        raise KernelReadError("no current task: paging is off (CR0.PG = 0), "
                              "the kernel has not started; "
                              "`break start_kernel` and continue")
    thread = gdb.selected_thread()
    cpu = cpu_of_thread(thread) if thread is not None else 0
    try:
        rq = gdb.parse_and_eval("per_cpu__runqueues[%d]" % cpu)
        task = fetch(rq["curr"], "runqueue curr")
        return task, "cpu %d run queue curr (esp 0x%08x is not on a " \
            "kernel stack: %s)" % (cpu, esp, why)
    except (gdb.error, KernelReadError):
        raise KernelReadError("no current task: esp 0x%08x is not on a "
                              "kernel stack (%s)" % (esp, why))


def cpu_currents():
    """[(cpu, thread, task, how)] for every vCPU, by CPU: the task each
    one runs, from its own esp (current_task() on that thread).
    A vCPU whose current cannot be read has task None and the reason in
    how."""
    found = []
    for thread in vcpu_threads():
        with on_thread(thread):
            cpu = cpu_of_thread(thread)
            try:
                task, how = current_task()
                cpu = task_cpu(task)
            except gdb.GdbError as error:
                task, how = None, str(error)
        found.append((cpu, thread, task, how))
    return sorted(found, key=lambda c: (c[0], c[1].num))


_symbol_cache = {}

# Labels inside functions that the switch code returns to.
LABELS = ["thread_return"]


def forget_symbols(event=None):
    """Drop cached symbol names (a new build/kernel.elf was loaded)."""
    _symbol_cache.clear()


def symbol_at(pc, prefer_label=True):
    """'switch_to+33' for an address, from the ELF symbol table.  With
    prefer_label, a label that marks the address exactly wins
    ('thread_return'): info symbol only knows the enclosing function."""
    key = (pc, prefer_label)
    if key in _symbol_cache:
        return _symbol_cache[key]
    try:
        text = gdb.execute("info symbol 0x%x" % pc, to_string=True)
    except gdb.error:
        text = ""
    if text.startswith("No symbol") or not text:
        name = "??"
    else:
        name = text.split(" in section")[0].replace(" + ", "+")
    if prefer_label and "+" in name:
        for label in LABELS:
            if symbol_address(label) == pc:
                name = label
    _symbol_cache[key] = name
    return name
