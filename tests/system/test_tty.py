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
SH_ROW = re.compile(r"^ *\d+ +(\d+) +\d+ [RSDTZX] .* sh$", re.M)


def type_keys(t, keys):
    t.proc.stdin.write(keys)
    t.proc.stdin.flush()


def wait_foreground_running(t, name):
    """Ctrl-P until the task list shows @name running: it has exec'd,
    so the shell's child gave it the terminal already (user/sh.c
    job_child()).  Return: its pid."""
    while True:
        start = len(t.text())
        type_keys(t, b"\x10")
        t.wait_for(r"TLB shootdowns", start=start)
        rows = [m for m in REPORT_ROW.finditer(t.text()[start:])
                if m.group(4) == name]
        if rows and rows[0].group(3) == "R":
            return int(rows[0].group(1))


def shell_pid(t):
    (pid,) = SH_ROW.findall(t.run("ps", r" sh\n"))
    return int(pid)


def test_terminal_eof_signals_and_report_keys():
    """Written to hold for any shell that does job control: what is
    checked is the kernel's part (the echo of ^C in cooked mode, who got
    the signal, the states ps shows, the line drawn again), not the
    shell's messages."""
    t = Terminal()
    try:
        t.wait_for(r"^# ")
        sh = shell_pid(t)

        # cat reads lines until ^D at the start of one: end of file.
        start = len(t.text())
        type_keys(t, b"cat\nhello\n")
        t.wait_for(r"^hello\nhello\n", start=start)
        type_keys(t, b"\x04")
        t.wait_for(r"^hello\nhello\n# ", start=start)

        # ^C: SIGINT to the foreground group, the program's alone.
        start = len(t.text())
        type_keys(t, b"/bin/spin\n")
        spin = wait_foreground_running(t, "spin")
        type_keys(t, b"\x03")
        t.wait_for(r"^\^C\n(.*\n)*# ", start=start)
        ps = t.run("ps", r" sh\n")
        assert not re.search(r"^ *\d+ +%d " % spin, ps, re.M), ps
        # The shell saw it killed by SIGINT: 128 + 2.  (A shell without
        # $? prints it as it is, and said so in its own words.)
        out = t.run("echo $?", r"^(130|\$\?)$")
        if "$?" in out.splitlines()[-2]:
            assert "killed by signal 2 (SIGINT)" in t.text(), t.text()

        # ^C at an empty prompt: a new prompt, nobody killed.
        start = len(t.text())
        type_keys(t, b"\x03")
        t.wait_for(r"\n# ", start=start)
        assert shell_pid(t) == sh, "the shell was killed by ^C"
        assert "init: sh" not in t.text(), t.text()

        # ^Z: SIGTSTP stops it (T), and the shell has the terminal back.
        start = len(t.text())
        type_keys(t, b"/bin/spin\n")
        spin = wait_foreground_running(t, "spin")
        type_keys(t, b"\x1a")
        t.wait_for(r"^\^Z\n(.*\n)*# ", start=start)
        ps = t.run("ps", r" sh\n")
        assert re.search(r"^ *\d+ +%d +%d T .* spin$" % (spin, sh), ps,
                         re.M), ps
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
            t.wait_for(r"^%s\n# " % word, start=start)
        assert shell_pid(t) == sh
    finally:
        t.close()
