# SPDX-License-Identifier: GPL-2.0
"""tools/gdb/kt26.py - loads kt26's GDB helpers (`source` it; .gdbinit
does).

Linux: scripts/gdb/vmlinux-gdb.py, which imports the `linux` package.
Each helper lives in the file of its mechanism, next to this one:

  kt26_utils.py   types, container_of, the task list, ps-style names
  kt26_tasks.py   kps, kcurrent, kthreadinfo, $task_by_pid(), $current()
  kt26_stack.py   kbt PID: backtrace of a task from its saved context
  kt26_sched.py   krunqueue, kswitch, kwake
  kt26_ktask.py   ktask PID: GDB's bt/frame/locals inside a task; kcpu N
  kt26_user.py    kuser PID: a user program's symbols (also on each stop
                  in user mode)
  kt26_dmesg.py   kdmesg: the printk log ring

Sourcing this file again reloads them all, so a student can edit a
helper and try it without restarting GDB.  `help user-defined` lists the
commands, `help kps` (etc.) explains each.  docs/gdb.md is the tour.
"""
import importlib
import os
import sys

import gdb

HERE = os.path.dirname(os.path.abspath(__file__))
MODULES = ["kt26_utils", "kt26_tasks", "kt26_stack", "kt26_sched",
           "kt26_ktask", "kt26_user", "kt26_dmesg"]

if HERE not in sys.path:
    sys.path.insert(0, HERE)

for _name in MODULES:
    if _name in sys.modules:
        importlib.reload(sys.modules[_name])
    else:
        importlib.import_module(_name)


# The handler is connected once per GDB session and looks up the current
# module each time, so a reload needs no reconnection.
def _on_new_objfile(event):
    sys.modules["kt26_utils"].forget_symbols(event)


if not getattr(gdb, "_kt26_events_connected", False):
    gdb.events.new_objfile.connect(_on_new_objfile)
    gdb._kt26_events_connected = True

gdb.write("kt26: kps kcurrent kthreadinfo kbt ktask kcpu kuser krunqueue "
          "kswitch kwake kdmesg $task_by_pid() $current() loaded (help "
          "user-defined)\n")
