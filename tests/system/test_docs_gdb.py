# SPDX-License-Identifier: GPL-2.0
"""docs/gdb.md, run: the GDB sessions the document marks as checked are
typed into a live kernel, and what GDB prints must be what the document
shows.

A checked session starts at a line

    <!-- checked: SESSION -->

and takes every indented block below it, up to the next `## ` heading;
`<!-- checked: continued -->` under a later heading goes on with the
same session, and `<!-- checked: end -->` ends one before its heading.
In a block, a line `(gdb) COMMAND` is typed (a `# ...` comment after it
is left out), and the lines under it, up to the next command, are what
the document says it prints; but a line `# at the console, type: TEXT`
(TEXT, then Enter) or `# at the console, key: K` (one key) says what is
typed at the kernel's console while GDB runs that command.  Each
expected line must appear in GDB's output of its command, in the
document's order (GDB may print more lines: the document shows the ones
that matter).  Addresses may differ -- a build moves every symbol -- so
every 0x number matches any 0x number, and runs of blanks match runs of
blanks; `...` in a line matches anything (the document uses it for what
changes from run to run), and a line of `...` alone is a gap (so are
`Continuing.` and `Run till exit from ...`, which GDB prints on a
terminal but not in batch mode).
Everything else must be the same: names, pids, states, counts, source
lines.  SESSION says how the kernel is reached (SESSIONS below): with
one CPU, as the document's sessions were taken, but for section 11's.
"""
import os
import re
import subprocess

import pytest

from conftest import ROOT, free_port, qemu_argv, wait_listening
from test_gdb import gdb_session, section

DOC = os.path.join(ROOT, "docs", "gdb.md")
MARK = re.compile(r"^<!-- checked: (\S+) -->$")
TYPED = re.compile(r"^\s*# at the console, (type|key): (.+)$")

# How each session reaches the kernel: gdb_session()'s arguments.
SESSIONS = {
    # QEMU stopped at its first instruction, as make gdb leaves it.
    "first-instruction": {},
    # The kernel booted to the shell's prompt, then GDB attached, as
    # after Ctrl-C.
    "at-the-shell": {"attach_after": r"^# ", "settle": 0.5},
    # One ktest instead of /sbin/init, QEMU stopped at its first
    # instruction.
    "ping-pong": {"cmdline": "ktest=ping_pong_switches_load_cr3_zero_times"},
    # At the shell with `spin &` running: GDB stops the spinner.
    "spinning": {"attach_after": r"^# ",
                 "typed_first": [("spin &\r", r"^\[1\] 13$")],
                 "settle": 0.5},
    # Section 11: two CPUs, at the shell and from the first instruction.
    "two-cpus-at-the-shell": {"attach_after": r"^# ", "settle": 0.5,
                              "smp": 2},
    "two-cpus-first-instruction": {"smp": 2},
    # At the shell, GDB reading from a pipe instead of -batch: its event
    # loop runs between commands (continue &, interrupt).
    "at-the-shell-interactive": {"attach_after": r"^# ", "settle": 0.5,
                                 "interactive": True},
    # /bin/spin as pid 1: a stop in user mode.
    "spin-as-init": {"cmdline": "init=/bin/spin",
                     "attach_after": r"init: executing /bin/spin",
                     "settle": 0.5},
}


def checked_sessions():
    """[(name, line number, [(command, [expected line], keys)])] of the
    doc; keys: what is typed at the console during the command."""
    sessions, current = [], None
    with open(DOC) as f:
        lines = f.read().splitlines()
    for number, line in enumerate(lines, 1):
        m = MARK.match(line)
        if m and m.group(1) == "end":
            current = None
        elif m and m.group(1) == "continued" and sessions:
            current = sessions[-1]
        elif m:
            current = (m.group(1), number, [])
            sessions.append(current)
        elif line.startswith("## "):
            current = None
        elif current is not None and line.startswith("    "):
            text = line[4:]
            typed = TYPED.match(text)
            if text.startswith("(gdb) "):
                command = text[len("(gdb) "):].split("  #")[0].strip()
                current[2].append((command, [], []))
            elif typed and current[2]:
                current[2][-1][2].append(typed.group(2) + (
                    "\r" if typed.group(1) == "type" else ""))
            elif current[2] and text.strip() not in ("", "(gdb)"):
                current[2][-1][1].append(text)
    return sessions


def normalize(line):
    """@line with every 0x number as 0x@ and blanks as one space."""
    return re.sub(r"\s+", " ", re.sub(r"0x[0-9a-fA-F]+", "0x@", line)).strip()


def pattern(expected, normalize=normalize):
    """A regex for one line the document shows (normalized)."""
    return re.compile("^" + ".*".join(
        re.escape(part) for part in normalize(expected).split("...")) + "$")


def missing_lines(expected, output, normalize=normalize):
    """The expected lines not found, in order, among @output's lines,
    each line made comparable by @normalize."""
    lines = [normalize(line) for line in output.splitlines()]
    at, missing = 0, []
    for want in expected:
        # GDB in batch mode does not say "Continuing." or "Run till exit
        # from ..." as a terminal shows.
        if want.strip() in ("...", "Continuing.") or \
                want.startswith("Run till exit from "):
            continue
        regex = pattern(want, normalize)
        for i in range(at, len(lines)):
            if regex.match(lines[i]):
                at = i + 1
                break
        else:
            missing.append(want)
    return missing


def ready(commands, text, step):
    """Whether GDB, run interactively, may be given @step: a command's
    marker (even steps) waits for all the previous command printed."""
    if step % 2 or step == 0:
        return True
    before = min(step // 2, len(commands)) - 1
    marker = "=== command %d ===\n" % before
    return marker in text and not missing_lines(
        commands[before][1], text.split(marker, 1)[1])


def run_session(name, commands):
    """gdb_session() of session @name typing @commands, each in a
    section of its own."""
    steps, typed_at = [], {}
    for number, (command, _, keys) in enumerate(commands):
        steps += [section("command %d" % number), command]
        if keys:
            typed_at["command %d" % number] = "".join(keys)
    steps.append(section("end"))
    how = dict(SESSIONS[name])
    # Guest time from the instruction count, not the host's clock: a
    # busy host then cannot make a timer interrupt land where it would
    # not on an idle one (a preemption inside do_fork(), say).
    how["extra"] = ["-icount", "shift=0,sleep=on"]
    if how.pop("interactive", False):
        how["ready"] = lambda text, step: ready(commands, text, step)
    return gdb_session(steps, typed_at=typed_at, **how)


SESSIONS_IN_DOC = checked_sessions()


def test_the_document_has_checked_sessions():
    names = [name for name, _, _ in SESSIONS_IN_DOC]
    assert names, "no <!-- checked: ... --> session in docs/gdb.md"
    unknown = set(names) - set(SESSIONS)
    assert not unknown, "sessions this test cannot start: %s" % unknown
    assert all(commands for _, _, commands in SESSIONS_IN_DOC)


@pytest.mark.parametrize("name,line,commands", SESSIONS_IN_DOC,
                         ids=["%s@line%d" % (n, l) for n, l, _ in
                              SESSIONS_IN_DOC])
def test_checked_session_prints_what_the_document_shows(name, line,
                                                        commands):
    session = run_session(name, commands)
    session.check_clean()
    wrong = []
    for number, (command, expected, _) in enumerate(commands):
        missing = missing_lines(expected,
                                session.section("command %d" % number))
        if missing:
            wrong.append("(gdb) %s\n  not printed:\n    %s" % (
                command, "\n    ".join(missing)))
    assert not wrong, session.explain(
        "docs/gdb.md line %d, session %r:\n%s" % (line, name,
                                                   "\n".join(wrong)))


def test_plain_gdb_in_the_repository_does_what_section_14_shows(tmp_path):
    """Section 14: with the one line in the user's gdbinit, `gdb -q` in
    the repository loads the helpers; its block is typed as shown."""
    with open(DOC) as f:
        block = f.read().split("\n    $ gdb -q\n", 1)[1].split("\n\n", 1)[0]
    shown = [line[4:] for line in block.splitlines()]
    commands = [line[len("(gdb) "):] for line in shown
                if line.startswith("(gdb) ")]
    expected = [line for line in shown if not line.startswith("(gdb) ")]
    assert commands == ["target remote :26000"], shown
    config = tmp_path / "config" / "gdb"
    config.mkdir(parents=True)
    (config / "gdbinit").write_text(
        "add-auto-load-safe-path %s\n" % os.path.join(ROOT, ".gdbinit"))
    env = dict(os.environ, HOME=str(tmp_path),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    port = free_port()
    qemu = subprocess.Popen(qemu_argv(extra=["-gdb", "tcp::%d" % port, "-S"]),
                            stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        assert wait_listening(port), "QEMU's gdb stub did not start"
        gdb = subprocess.run(
            ["gdb", "-q"], cwd=ROOT, env=env, text=True, timeout=60,
            input="target remote :%d\nkill\nquit\n" % port,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    finally:
        qemu.kill()
        qemu.wait()
    missing = missing_lines(expected, gdb.stdout)
    assert not missing, "not printed:\n%s\n--- gdb printed ---\n%s" % (
        "\n".join(missing), gdb.stdout)
    assert "Remote debugging using :%d" % port in gdb.stdout, gdb.stdout
