# SPDX-License-Identifier: GPL-2.0
"""tools/gdb/kt26_user.py - the symbols of user programs: kuser [PID], and
the same done by itself whenever GDB stops in user mode.

build/kernel.elf knows only the kernel; a stop in a user program showed
`0x080480da in ?? ()`.  Every program of build/user/ is linked at
0x08048000 (user/user.ld) and kept with its debug information there
(the initramfs gets stripped copies), so GDB can take its symbols with
`add-symbol-file build/user/NAME` -- no offset, the file's own section
addresses are where execve() put them.  NAME is the task's comm: what
execve() named it after its file.  Only one program's symbols are loaded
at a time (they all live at the same addresses); loading another drops
the previous one.  A program not built here (busybox) has none.
"""
import os

import gdb

import kt26_tasks as tasks
import kt26_utils as utils

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
USER_DIR = os.path.join(ROOT, "build", "user")
USER_CS_RPL = 3		# the low bits of cs in ring 3 (__USER_CS 0x73)

_loaded = {"path": None}


def program_path(task):
    """build/user/NAME for @task's comm, or None if there is no such file."""
    name = utils.task_comm(task)
    path = os.path.join(USER_DIR, name)
    return path if os.path.isfile(path) else None


def load_symbols(task, why, say_loaded=False):
    """Make GDB's user symbols @task's program's; say what was done
    (@say_loaded: also when they were there already)."""
    path = program_path(task)
    if path is None:
        gdb.write("kuser: %s: no build/user/%s to take symbols from\n" % (
            utils.describe(task), utils.task_comm(task)))
        return
    if _loaded["path"] == path:
        if say_loaded:
            gdb.write("kuser: %s: symbols of %s already loaded\n" % (
                utils.describe(task), os.path.relpath(path, ROOT)))
        return
    if _loaded["path"] is not None:
        gdb.execute("remove-symbol-file %s" % _loaded["path"],
                    to_string=True)
    gdb.execute("add-symbol-file %s" % path, to_string=True)
    _loaded["path"] = path
    gdb.write("kuser: %s: symbols of %s loaded (%s)\n" % (
        utils.describe(task), os.path.relpath(path, ROOT), why))


def in_user_mode():
    cs = utils.register("cs")
    return cs is not None and cs & 3 == USER_CS_RPL


class KernelUser(gdb.Command):
    """Load a user program's symbols: kuser [PID]

Without PID: the task on the selected CPU.  GDB takes the symbols of
build/user/NAME (NAME: the task's comm), so that a stop in that program
shows its functions and lines, and `break main` works in it.  GDB does
this by itself when it stops in user mode."""

    def __init__(self):
        super().__init__("kuser", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        if arg.strip():
            task = utils.task_by_pid_or_error(tasks.parse_pid(arg, "kuser"))
        else:
            task = utils.current_task()[0]
        if not utils.ulong(task["mm"]):
            raise gdb.GdbError("%s is a kernel thread: no user program" %
                               utils.describe(task))
        load_symbols(task, "kuser", say_loaded=True)


def _on_stop(event):
    try:
        if in_user_mode():
            load_symbols(utils.current_task()[0], "a stop in user mode")
    except gdb.error:
        pass		# nothing attached, paging off: nothing to load


KernelUser()
# Connected once per GDB session; the handler looks the module up again
# after a reload (kt26.py sources every helper anew).
if not getattr(gdb, "_kt26_user_stop_connected", False):
    gdb.events.stop.connect(
        lambda event: __import__("kt26_user")._on_stop(event))
    gdb._kt26_user_stop_connected = True
