# SPDX-License-Identifier: GPL-2.0
"""The console terminal as a person uses it, typed into the serial shell
in one session: ^D ends cat's input, ^C ends a program in the foreground
(and only it), ^C at an empty prompt gives a new prompt and kills nothing,
^Z stops a program (ps: T), and the report keys (^P, ^F, ^B) draw the
line being typed again after their report, so that the command can be
finished (drivers/n_tty.c, drivers/tty.c; the shell's job control puts
the program in a process group of its own that has the terminal).  The
line discipline's editing is tested byte by byte in
tests/ktest/tty_test.c; signals and process groups in usertests."""
import re

from conftest import Terminal

# A row of the Ctrl-P task list (kernel/show_tasks.c): pid, ppid, state,
# ..., the command.
REPORT_ROW = re.compile(r"^\[ *[\d.]+\] +\d+ +(\d+) +(\d+) ([RSDTZX]) "
                        r"[0-9a-f]{8} .* (\S+)$", re.M)


def type_keys(t, keys):
    t.proc.stdin.write(keys)
    t.proc.stdin.flush()


def tasks(t):
    """The task list of one Ctrl-P: [(pid, ppid, state, name)], from the
    kernel's own table, whatever ps the user space has."""
    start = len(t.text())
    type_keys(t, b"\x10")
    t.wait_for(r"TLB shootdowns", start=start)
    return [(int(m.group(1)), int(m.group(2)), m.group(3), m.group(4))
            for m in REPORT_ROW.finditer(t.text()[start:])]


def wait_task(t, name, state):
    """Ctrl-P until the task list shows @name in @state.  A program the
    shell started that runs (or reads) has exec'd, so the shell's child
    gave it the terminal already.  Return: its pid."""
    while True:
        rows = [r for r in tasks(t) if r[3] == name]
        if rows and rows[0][2] == state:
            return rows[0][0]


def test_terminal_eof_signals_and_report_keys():
    """Written to hold for any shell that does job control: what is
    checked is the kernel's part (the echo of ^C in cooked mode, who got
    the signal, the states of the tasks, the line drawn again), not the
    shell's messages."""
    t = Terminal()
    try:
        t.wait_for(r"^# ")
        sh = wait_task(t, "sh", "S")

        # cat reads lines until ^D at the start of one: end of file.
        type_keys(t, b"cat\n")
        wait_task(t, "cat", "S")
        start = len(t.text())
        type_keys(t, b"hello\n")
        t.wait_for(r"^hello\nhello\n", start=start)
        type_keys(t, b"\x04")
        t.wait_for(r"^hello\nhello\n# ", start=start)

        # ^C: SIGINT to the foreground group, the program's alone; the
        # shell saw it killed by signal 2: $? is 128 + 2.
        type_keys(t, b"/bin/spin\n")
        spin = wait_task(t, "spin", "R")
        start = len(t.text())
        type_keys(t, b"\x03")
        t.wait_for(r"^\^C\n(.*\n)*# ", start=start)
        assert spin not in [r[0] for r in tasks(t)], "spin is still there"
        t.run("echo $?", r"^130$")

        # ^C at an empty prompt: a new prompt, nobody killed.
        start = len(t.text())
        type_keys(t, b"\x03")
        t.wait_for(r"\n# ", start=start)
        assert wait_task(t, "sh", "S") == sh, "the shell was killed by ^C"
        assert "init: sh" not in t.text(), t.text()

        # ^Z: SIGTSTP stops it (T), and the shell has the terminal back.
        type_keys(t, b"/bin/spin\n")
        spin = wait_task(t, "spin", "R")
        start = len(t.text())
        type_keys(t, b"\x1a")
        t.wait_for(r"^\^Z\n(.*\n)*# ", start=start)
        assert (spin, sh, "T", "spin") in tasks(t), "spin is not stopped"
        t.run("kill -KILL %d" % spin, r"kill -KILL %d\n" % spin)

        # A report key in the middle of a line: the report, then the
        # prompt and the text typed so far, and the line goes on.
        for key, report, word in [(b"\x10", r"\[kthreadd\]", "one"),
                                  (b"\x06", r"MemFree:", "two"),
                                  (b"\x02", r"kthreadd \(pid 2\)", "three")]:
            start = len(t.text())
            type_keys(t, b"ec" + key)
            t.wait_for(r"%s.*\n(.*\n)*# [^\n]*ec[^\n]*$" % report,
                       start=start)
            type_keys(t, b"ho %s\n" % word.encode())
            # (The shell may first say how a job of its ended.)
            t.wait_for(r"^%s\n(.*\n)*# " % word, start=start)
        assert wait_task(t, "sh", "S") == sh
    finally:
        t.close()
