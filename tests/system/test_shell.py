# SPDX-License-Identifier: GPL-2.0
"""The shell and its programs as a person uses them, over the serial
console: pipelines, redirections, $?, background jobs, line editing and
history, bad input; and where busybox is in the initramfs, our ls, grep,
wc and head against its own on the same input.

One boot and one terminal session for every test here, in file order:
each test types its lines and reads what comes back before the next
prompt, so a test never waits for time, only for output.
"""
import os
import re
import subprocess

import pytest

from conftest import INITRAMFS, ROOT, Terminal

MOTD = os.path.join(ROOT, "user", "motd")
KINDS = "/test/badelf/kinds"    # a text file of the initramfs: 22 names


def initramfs_members():
    return subprocess.run(["cpio", "-t", "--quiet", "-H", "newc", "-F",
                           INITRAMFS], capture_output=True, text=True,
                          check=True).stdout.split()


MEMBERS = initramfs_members()
BIN = [m for m in MEMBERS if re.fullmatch(r"bin/[^/]+", m)]
HAVE_BUSYBOX = "bin/busybox" in MEMBERS

needs_busybox = pytest.mark.skipif(not HAVE_BUSYBOX,
                                   reason="no /bin/busybox in the initramfs")


@pytest.fixture(scope="module")
def sh():
    t = Terminal()
    t.wait_for(r"^# ", timeout=60)
    yield t
    t.close()


def keys(t, data, timeout=20):
    """Types @data (keys, escape sequences); returns the screen until the
    next prompt."""
    start = len(t.text())
    t.proc.stdin.write(data)
    t.proc.stdin.flush()
    t.wait_for(r"\n# ", timeout, start)
    return t.text()[start:]


def test_ls_bin_counts_the_programs(sh):
    assert sh.output("ls /bin | grep -c .") == "%d\n" % len(BIN)


def test_cat_motd_into_wc(sh):
    lines = open(MOTD).read().count("\n")
    assert sh.output("cat /etc/motd | wc -l") == "%d\n" % lines


def test_a_pipeline_of_five_commands(sh):
    names = [n for n in open(os.path.join(ROOT, "build", "user", "badelf",
                                          "kinds")).read().split()
             if "bad" not in n]
    out = sh.output("cat %s | grep -v bad | head -n 5 | wc -l | cat" % KINDS)
    assert out == "%d\n" % min(5, len(names))


def test_output_to_tmp_or_a_clear_error(sh):
    out = sh.output("echo hi > /tmp/x")
    if out:
        assert re.fullmatch(r"sh: /tmp/x: (Read-only file system|"
                            r"No such file or directory)\n", out), out
    else:
        assert sh.output("cat /tmp/x") == "hi\n"


def test_append_to_a_file(sh):
    assert sh.output("echo one > /tmp/y; echo two >> /tmp/y") == ""
    assert sh.output("cat /tmp/y") == "one\ntwo\n"


def test_input_from_a_file(sh):
    lines = open(MOTD).read().count("\n")
    assert sh.output("wc -l < /etc/motd") == "%d\n" % lines


def test_stderr_into_the_pipe(sh):
    assert sh.output("cat /nonexistent 2>&1 | grep -c 'No such file'") == \
        "1\n"


def test_stderr_into_the_pipe_stdout_away(sh):
    """Redirections apply left to right: stderr to the pipe, where
    stdout still goes, then stdout alone to /dev/null."""
    assert sh.output("cat /etc/motd /nonexistent 2>&1 >/dev/null | wc -l") \
        == "1\n"


def test_status_after_a_failure(sh):
    assert sh.output("cat /nonexistent; echo $?") == \
        "cat: /nonexistent: No such file or directory\n1\n"
    assert sh.output("grep -c zzz %s; echo $?" % KINDS) == "0\n1\n"


def test_missing_command(sh):
    assert sh.output("nosuchcommand; echo $?") == \
        "sh: nosuchcommand: command not found\n127\n"


def test_each_program_explains_bad_options_and_missing_files(sh):
    checks = [
        ("ls -z", "usage: ls [-l] [-a] [-1] [PATH...]", 1),
        ("grep x /nonexistent", "grep: /nonexistent: No such file or "
         "directory", 2),
        ("grep -z x", "usage: grep [-c] [-i] [-n] [-v] [-F] PATTERN [FILE...]",
         2),
        ("wc /nonexistent", "wc: /nonexistent: No such file or directory", 1),
        ("wc -z", "usage: wc [-l] [-w] [-c] [FILE...]", 1),
        ("head /nonexistent", "head: /nonexistent: No such file or "
         "directory", 1),
        ("head -z", "usage: head [-n N | -N] [FILE...]", 1),
        ("sleep soon", "usage: sleep SECONDS...", 1),
        ("kill -FOO 1", "usage: kill [-SIG | -s SIG] PID...", 1),
        ("kill 99999", "kill: 99999: No such process", 1),
    ]
    out = sh.output("; ".join("%s; echo $?" % c for c, _, _ in checks))
    for command, message, status in checks:
        assert message in out, "%s: %s" % (command, out)
        out = out[out.index(message):]
        m = re.search(r"^(\d+)$", out, re.M)
        assert m and int(m.group(1)) == status, "%s: %s" % (command, out)
        out = out[m.end():]


def test_ls_of_a_missing_file(sh):
    assert sh.output("ls /nonexistent; echo $?") == \
        "ls: /nonexistent: No such file or directory\n1\n"


def test_trace_says_which_boot_option_it_needs(sh):
    assert sh.output("trace; echo $?") == (
        "sh: trace: the scheduler trace is off: boot with trace=sched to "
        "record it\n1\n")
    assert "trace=sched" in sh.output("help")


def test_background_job_jobs_and_wait(sh):
    assert re.fullmatch(r"\[1\] \d+\n", sh.output("spin 1 &"))
    assert sh.output("jobs") == "[1]+  Running                 spin 1 &\n"
    # The end of the job is said before the prompt that follows `wait`.
    assert sh.output("wait") == "[1]+  Done                    spin 1\n"
    assert sh.output("jobs") == ""


def test_up_arrow_recalls_the_last_line(sh):
    assert sh.output("echo recalled") == "recalled\n"
    screen = keys(sh, b"\x1b[A\n")
    assert "\nrecalled\n" in screen, screen


def test_left_arrow_and_an_insertion(sh):
    screen = keys(sh, b"echo ac\x1b[Db\n")
    assert "\nabc\n" in screen, screen


def test_a_10000_character_line_is_refused(sh):
    """Refused with a message and a new prompt; the shell goes on (the
    tests after this one run in the same shell).  The shell's editor
    reads it key by key in raw mode: the kernel's line discipline would
    have cut it at its own limit."""
    screen = keys(sh, b"echo " + b"x" * 10000 + b"\n", timeout=60)
    assert "sh: line too long (max 1023 characters)\n" in screen, \
        screen[-300:]


def test_an_unclosed_quote(sh):
    assert sh.output("echo 'open") == "sh: unterminated quote\n"
    assert sh.output("echo \"open") == "sh: unterminated quote\n"
    assert sh.output("echo still here") == "still here\n"


# Our programs and busybox's on the same input: the same output.
BUSYBOX_SAME = [
    "wc -l < /etc/motd",
    "wc -w /etc/motd",
    "head -n 3 " + KINDS,
    "grep -c bad " + KINDS,
    "grep -v '^b' " + KINDS,
    "grep -n 'e.*f$' " + KINDS,
    "grep -i 'ELF' " + KINDS,
    "grep '[0-9][0-9]*' " + KINDS,
    "grep -c '^[a-c][^_]*$' " + KINDS,
    "ls -1 /test/badelf",
]


@needs_busybox
def test_same_as_busybox(sh):
    differ = []
    for command in BUSYBOX_SAME:
        ours = sh.output(command)
        theirs = sh.output("busybox " + command)
        # wc pads its numbers its own way: compare the words.
        if command.startswith("wc"):
            ours, theirs = ours.split(), theirs.split()
        if ours != theirs:
            differ.append("%s:\nours:   %r\nbusybox: %r" % (command, ours,
                                                            theirs))
    assert not differ, "\n".join(differ)
