# SPDX-License-Identifier: GPL-2.0
"""The console terminal as a person uses it, typed into the serial shell
in one session: ^D ends cat's input, ^C ends a program in the foreground
(and only it), ^C at an empty prompt gives a new prompt and kills nothing,
^Z stops a program and the shell says so (fg continues it), and the
report keys (^P, ^F, ^B) draw the line being typed again after their
report, so that the command can be finished (drivers/n_tty.c,
drivers/tty.c, the job control of user/sh_jobs.c).  The line
discipline's editing is tested byte by byte in tests/ktest/tty_test.c;
signals and process groups in usertests."""
import re

from conftest import Terminal

# A row of the Ctrl-P task list (kernel/show_tasks.c): pid, ppid, state,
# ..., the command.
REPORT_ROW = re.compile(r"^\[ *[\d.]+\] +\d+ +(\d+) +(\d+) ([RSDTZX]) "
                        r"[0-9a-f]{8} .* (\S+)$", re.M)
# A row of ps -Al (user/ps.c): F S UID PID PPID ... CMD.
PS_ROW = re.compile(r"^\d ([RSDTZX]) +\d+ +(\d+) +(\d+) .* (\S+)$", re.M)


def type_keys(t, keys):
    t.proc.stdin.write(keys)
    t.proc.stdin.flush()


def wait_foreground(t, name, state="R"):
    """Ctrl-P until the task list shows @name in @state (R: running; S:
    asleep, reading the terminal): it has exec'd, so the shell's child
    gave it the terminal already (user/sh_jobs.c job_enter_child()), and
    the shell has put the terminal's modes back.  Return: its pid."""
    while True:
        start = len(t.text())
        type_keys(t, b"\x10")
        t.wait_for(r"TLB shootdowns", start=start)
        rows = [m for m in REPORT_ROW.finditer(t.text()[start:])
                if m.group(4) == name]
        if rows and rows[0].group(3) == state:
            return int(rows[0].group(1))


def ps(t):
    """ps -Al: {command: (state, pid, ppid)} (ps itself comes last)."""
    out = t.run("ps -Al", r" ps\n")
    return {m.group(4): (m.group(1), int(m.group(2)), int(m.group(3)))
            for m in PS_ROW.finditer(out)}


def shell_pid(t):
    return ps(t)["sh"][1]


def test_terminal_eof_signals_and_report_keys():
    t = Terminal()
    try:
        t.wait_for(r"^# ")
        sh = shell_pid(t)

        # cat reads lines until ^D at the start of one: end of file.
        # (What is typed before cat reads is read by the shell's line
        # editor in raw mode, without the kernel's echo: wait for cat.)
        start = len(t.text())
        type_keys(t, b"cat\n")
        wait_foreground(t, "cat", "S")
        type_keys(t, b"hello\n")
        t.wait_for(r"^hello\nhello\n", start=start)
        type_keys(t, b"\x04")
        t.wait_for(r"^hello\nhello\n# ", start=start)

        # ^C: SIGINT to the foreground group, the program's alone.
        start = len(t.text())
        type_keys(t, b"/bin/spin\n")
        wait_foreground(t, "spin")
        type_keys(t, b"\x03")
        t.wait_for(r"^\^C\n# ", start=start)
        t.run("echo $?", r"^130$")

        # ^C at an empty prompt: echoed, a new prompt, nobody killed.
        start = len(t.text())
        type_keys(t, b"\x03")
        t.wait_for(r"^\^C\n# ", start=start)
        assert shell_pid(t) == sh, "the shell was killed by ^C"
        assert "init: sh" not in t.text(), t.text()

        # ^Z: SIGTSTP stops it; the shell says so and has the terminal.
        start = len(t.text())
        type_keys(t, b"/bin/spin\n")
        spin = wait_foreground(t, "spin")
        type_keys(t, b"\x1a")
        t.wait_for(r"^\^Z\n\[1\]\+  Stopped +/bin/spin\n# ", start=start)
        assert ps(t)["spin"] == ("T", spin, sh)
        # fg continues it, with the terminal: ^C reaches it again.
        start = len(t.text())
        type_keys(t, b"fg\n")
        t.wait_for(r"^fg\n/bin/spin\n", start=start)
        assert wait_foreground(t, "spin") == spin
        type_keys(t, b"\x03")
        t.wait_for(r"^\^C\n# ", start=start)

        # A report key in the middle of a line: the report, then the
        # prompt and the text typed so far, and the line goes on.
        for key, report, word in [(b"\x10", r"\[kthreadd\]", "one"),
                                  (b"\x06", r"MemFree:", "two"),
                                  (b"\x02", r"kthreadd \(pid 2\)", "three")]:
            # The shell's editor echoes what it has read: wait for it.
            start = len(t.text())
            type_keys(t, b"ec")
            t.wait_for(r"^ec$", start=start)
            type_keys(t, key)
            t.wait_for(r"^ec\n(.*\n)*.*%s.*\n(.*\n)*# ec$" % report,
                       start=start)
            type_keys(t, b"ho %s\n" % word.encode())
            t.wait_for(r"^# echo %s\n%s\n# " % (word, word), start=start)
        assert shell_pid(t) == sh
    finally:
        t.close()
