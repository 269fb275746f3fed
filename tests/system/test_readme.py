# SPDX-License-Identifier: GPL-2.0
"""README.md, run: the shell sessions the README marks as checked are
typed at a live kernel's console, and what the kernel prints must be
what the README shows.

A checked session starts at a line

    <!-- checked: SESSION -->

and takes the indented block under it; `<!-- checked: continued -->`
before a later block goes on in the same boot.  In a block:
  `$ make run SMP=N`  is the host's command: the boot, with N CPUs
                      (two without SMP=, as make run);
  `# COMMAND`         is typed at the shell's prompt (a comment in
                      parentheses after two blanks is left out);
  any other line      is printed: by the boot before the first prompt,
                      or by the command above it before the next prompt.
Each printed line must appear in that output, in the README's order
(more lines may come between: the README shows the ones that matter).
What changes between builds and runs matches anything: kernel addresses
(0x... and c0xxxxxx), printk timestamps, clock times (hh:mm:ss); so
does `...` in a line, and a line of `...` alone is a gap.  Everything
else must be the same: names, pids, states, counts.
"""
import os
import re

import pytest

from conftest import ROOT, Terminal, made_disk_image
from test_docs_gdb import missing_lines as docs_missing_lines

README = os.path.join(ROOT, "README.md")
MARK = re.compile(r"^<!-- checked: (\S+) -->$")
HOST = re.compile(r"^\$ make run(?: SMP=(\d+))?$")
# A comment after a typed command: two blanks or more, then (...).
COMMENT = re.compile(r"\s{2,}\(.*\)$")
PROMPT = r"^# "


def checked_sessions():
    """[(line number, CPUs, [(command or None, [expected line])])]: the
    first entry of each session (command None) is the boot's output."""
    with open(README) as f:
        lines = f.read().splitlines()
    sessions, current, in_block = [], None, False
    for number, line in enumerate(lines, 1):
        m = MARK.match(line)
        if m:
            if m.group(1) != "continued":
                current = (number, 2, [(None, [])])
                sessions.append(current)
            in_block = True
            continue
        if not in_block:
            continue
        if line and not line.startswith("    "):
            in_block = False
            continue
        text = line[4:]
        host = HOST.match(text)
        if host:
            sessions[-1] = current = (current[0], int(host.group(1) or 2),
                                      current[2])
        elif text.startswith("# "):
            current[2].append((COMMENT.sub("", text[2:]).strip(), []))
        elif text.strip():
            current[2][-1][1].append(text)
    return sessions


def normalize(line):
    """@line with what varies between runs replaced by one token."""
    line = re.sub(r"^\[ *\d+\.\d+\]", "[T]", line)
    line = re.sub(r"0x[0-9a-fA-F]+", "0x@", line)
    line = re.sub(r"\b[c-f][0-9a-f]{7}\b", "ADDR", line)
    line = re.sub(r"\b\d\d:\d\d:\d\d\b", "hh:mm:ss", line)
    return re.sub(r"\s+", " ", line).strip()


def missing_lines(expected, output):
    """The expected lines not found, in order, among @output's lines."""
    return docs_missing_lines(expected, output, normalize)


SESSIONS = checked_sessions()


def test_the_readme_has_checked_sessions():
    assert SESSIONS, "no <!-- checked: ... --> session in README.md"
    assert all(len(steps) > 1 for _, _, steps in SESSIONS), \
        "a checked session types no command"


@pytest.mark.parametrize("line,cpus,steps", SESSIONS,
                         ids=["line%d" % line for line, _, _ in SESSIONS])
def test_checked_session_prints_what_the_readme_shows(line, cpus, steps):
    # As make run: the disk make makes (an MBR, ext3 on hda1).
    term = Terminal(cmdline="", smp=cpus, disk=made_disk_image())
    try:
        term.wait_for(PROMPT, timeout=60)
        outputs = [term.text().split("\n# ")[0]]
        for command, _ in steps[1:]:
            outputs.append(term.output(command, timeout=60))
        wrong = []
        for (command, expected), output in zip(steps, outputs):
            missing = missing_lines(expected, output)
            if missing:
                wrong.append("%s\n  not printed:\n    %s\n  printed:\n%s" % (
                    "# " + command if command else "the boot",
                    "\n    ".join(missing), output))
        assert not wrong, "README.md line %d:\n%s" % (line, "\n".join(wrong))
    finally:
        term.close()
