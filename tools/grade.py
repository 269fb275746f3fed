#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""tools/grade.py - `make grade LAB=n`: build this tree, run lab n's
tests in QEMU and print each with its points, then the score out of 100.

    tools/grade.py 2          lab 2
    tools/grade.py            every lab, one after the other

    tools/grade.py --key 8 96 the answers of GDB lab 8 on 96 MiB
    tools/grade.py --machine 8  QEMU flags of lab 8's machine (make gdb)
    tools/grade.py --answers FILE 8   lab 8 with the answers in FILE
    tools/grade.py --region copy_thread 2   the tests of one region, once
    tools/grade.py --runs 1 3   lab 3 with one boot instead of its three
    tools/grade.py --region schedule --first-failure 3
                                ...and the run ends at the first failure

The tests are ktests (tests/ktest/), listed with their points in
tools/labs.py; the scheduling labs add rules that the scheduler trace of
each run must keep (tools/sched_invariants.py: no runnable task waits
past the O(1) scheduler's bound, idle runs only with an empty run queue,
a preempted task stays on its run queue).  They run in one boot per run, under -icount (guest time is the count
of instructions, so a run does not depend on how busy the host is); a lab with runs = K boots K times, each with
another ktest_seed= (another order of the tests), and a test scores only
if it passed in every boot.  A failure names the regions of the lab
where the bug is likely to be; when the kernel stops before the tests
(a panic, an oops in pid 1, a stub saying it is not written), that is
said at once, with the kernel's own last words, instead of waiting for a
timeout.  A GDB lab (questions instead of tests) is graded by asking
the student's kernel the same questions in GDB, on the machine of the
tree's labN-answers.txt, and comparing with the answers written there.
The last line is "LAB n score: S/100" (tools/grade-all reads it).  Exit status: 0 for 100, 1 otherwise, 2 if the build failed.
"""
import dataclasses
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import labs  # noqa: E402
import sched_invariants  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.path.join(ROOT, "build")
QEMU = os.environ.get("QEMU", "qemu-system-i386")
BOOT_TIMEOUT = 300              # seconds of host time, for a whole run
# A hang is a run without a line from the kernel for SILENCE seconds of
# QEMU's own CPU time (a loaded host slows QEMU, not its CPU time per
# guest instruction), or for IDLE_SILENCE seconds of host time (a guest
# that no longer runs at all: every CPU halted with nothing to wake it).
SILENCE = 20
IDLE_SILENCE = 60
# Guest time from the instruction count (tools/labs.py: icount_shift), so
# that a test that spins for a second of guest time costs seconds, not
# minutes, of the host's; sleep=off: an idle CPU skips to its next timer.
ICOUNT = "shift=%d,sleep=off"

RESULT = re.compile(r"ktest: (ok|not ok) \d+ - (\w+)(?:: (.*))?$")
# A test that needs more CPUs than are online passes without testing:
# in a lab, that is a failure (a CPU that did not start).
SKIP = re.compile(r"ktest: skip (\w+): (.*)$")
TESTS_DONE = re.compile(r"ktest: \d+ passed, \d+ failed")
# The kernel's words worth showing when a run goes wrong.
LAST_WORDS = re.compile(r"LAB \d+:|Kernel panic|Oops|BUG:|invalid opcode|"
                        r"general protection|page fault|EIP")


def build():
    """Build the kernel and the initramfs; return True if they built."""
    r = subprocess.run(["make", "-C", ROOT, "-s", "-j%d" % os.cpu_count(),
                        "build/kernel.elf", "build/initramfs.cpio"],
                       capture_output=True, text=True)
    if r.returncode == 0:
        return True
    print("The build failed:")
    for line in (r.stdout + r.stderr).splitlines()[-25:]:
        print("  " + line)
    return False


def boot(lab, seed, traced=True, first_failure=False):
    """One boot with lab's ktests; @traced: with the scheduler trace, to
    check the lab's invariants on it.  Return: ({test: reason or None},
    the kernel's last words, whether the suite ran to its end)."""
    names = [t.name for t in lab.tests if not t.invariant]
    invariants = [t for t in lab.tests if t.invariant and traced]
    # A test stuck for lab.timeout s of guest time (10 unless told)
    # fails and ends the run.
    cmdline = "ktest=%s ktest_seed=%d ktest_timeout=%d" % (
        ",".join(names), seed, lab.timeout or 10)
    if invariants:
        # The scheduler trace of the whole run, dumped at its end (or
        # when the watchdog ends it): 4 MiB, room for every event of
        # the slowest lab without losing one.
        cmdline += " trace=sched trace_buf_size=4M"
    argv = [QEMU, "-m", "128", "-smp", str(lab.cpus), "-display", "none",
            "-no-reboot", "-icount", ICOUNT % lab.icount_shift,
            "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
            "-serial", "stdio", "-monitor", "none",
            "-kernel", os.path.join(BUILD, "kernel.elf"),
            "-initrd", os.path.join(BUILD, "initramfs.cpio"),
            "-append", cmdline]
    proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    results, skipped, words, done = {}, {}, [], [False]
    trace = []
    last = [time.monotonic(), 0.0]     # host time, QEMU's CPU time

    def reader():
        for raw in iter(proc.stdout.readline, b""):
            last[:] = [time.monotonic(), cpu_seconds(proc.pid)]
            line = raw.decode("utf-8", "replace").rstrip("\r\n")
            if "sched-trace:" in line:
                trace.append(line)
                continue
            m = SKIP.search(line)
            if m:
                skipped[m.group(1)] = "skipped: " + m.group(2)
                continue
            m = RESULT.search(line)
            if m:
                results[m.group(2)] = None if m.group(1) == "ok" else \
                    (m.group(3) or "failed")
                if first_failure and m.group(1) != "ok":
                    # Enough to know: the rest would only cost time.
                    proc.kill()
                    done[0] = "first failure"
            elif TESTS_DONE.search(line):
                done[0] = True
            elif LAST_WORDS.search(line):
                words.append(re.sub(r"^\[[ .0-9]+\] ", "", line))

    t = threading.Thread(target=reader, daemon=True)
    t.start()
    start = time.monotonic()
    while proc.poll() is None:
        now, ran = time.monotonic(), cpu_seconds(proc.pid)
        if ran - last[1] > SILENCE or now - last[0] > IDLE_SILENCE:
            proc.kill()
            words.append("(the kernel said nothing more for %d s of "
                         "QEMU's CPU time, %d s in all: it hangs)" %
                         (ran - last[1], now - last[0]))
            break
        if now - start > BOOT_TIMEOUT:
            proc.kill()
            words.append("(no end after %d s)" % BOOT_TIMEOUT)
            break
        time.sleep(0.1)
    proc.wait()
    t.join(5)
    for name, why in skipped.items():
        if results.get(name) is None:
            results[name] = why
    if invariants and done[0] != "first failure":
        results.update(check_trace(invariants, trace))
    return results, words, done[0]


def cpu_seconds(pid):
    """The CPU time process @pid has used, in seconds (0 once it is
    gone): /proc/PID/stat's utime and stime."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    # fields[0] is the state, field 3 of stat(5): utime and stime are 14, 15.
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def check_trace(invariants, trace):
    """{test: reason or None} for the trace invariants of a lab
    (tools/sched_invariants.py) on the trace lines of one run."""
    found = sched_invariants.check(trace)
    results = {}
    for t in invariants:
        if found is None:
            results[t.name] = ("no scheduler trace: the run stopped "
                               "before the tests ended")
            continue
        bad = found[t.invariant]
        if not bad:
            results[t.name] = None
            continue
        more = len(bad) - 1
        results[t.name] = bad[0] + ("" if not more else
                                    " (and %d more)" % more)
    return results


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


ANSWERS = {}    # lab -> the answers file to read, if not the tree's


def read_answers(number):
    """The student's labN-answers.txt: (memory size or None, {key:
    answer}, why it cannot be used or None)."""
    path = ANSWERS.get(number, os.path.join(ROOT, labs.answers_file(number)))
    if not os.path.exists(path):
        return None, {}, "no %s: tools/mklab %d writes it" % (
            labs.answers_file(number), number)
    mem, answers = None, {}
    with open(path) as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            m = re.match(r"(\w+):\s*(\S*)$", line)
            if not m:
                continue
            if m.group(1) == "machine":
                mem = int(m.group(2)) if m.group(2).isdigit() else None
            elif m.group(2):
                answers[m.group(1)] = m.group(2)
    if mem is None:
        return None, answers, "%s has no \"machine: MiB\" line" % \
            labs.answers_file(number)
    return mem, answers, None


def number_of(text):
    """The number an answer or a GDB output line gives, or None."""
    m = re.search(r"= (-?0x[0-9a-fA-F]+|-?\d+)\b", text) or \
        re.search(r"(-?0x[0-9a-fA-F]+|-?\d+)\b", text)
    return int(m.group(1), 0) if m else None


def ask_gdb(lab, mem):
    """Ask the kernel every question of @lab on the machine of @mem MiB.
    Return: {key: the true value or None}, and GDB's output."""
    port = free_port()
    disk = os.path.join(BUILD, "disk.img")
    argv = [QEMU] + labs.machine_flags(mem) + [
        "-display", "none", "-no-reboot", "-serial", "null",
        "-monitor", "none",
        "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
        "-kernel", os.path.join(BUILD, "kernel.elf"),
        "-initrd", os.path.join(BUILD, "initramfs.cpio"),
        "-gdb", "tcp:127.0.0.1:%d" % port, "-S"]
    if os.path.exists(disk):
        argv += ["-drive", "file=%s,format=raw,if=ide,index=0" % disk]
    qemu = subprocess.Popen(argv, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    gdb = ["gdb", "-q", "-nx", "-batch", "-x", os.path.join(ROOT, ".gdbinit"),
           "-ex", "target remote 127.0.0.1:%d" % port]
    for q in lab.questions:
        for i, command in enumerate(q.gdb):
            if i == len(q.gdb) - 1:
                gdb += ["-ex", "echo === %s ===\\n" % q.key]
            gdb += ["-ex", command]
    gdb += ["-ex", "echo === end ===\\n", "-ex", "kill"]
    try:
        r = subprocess.run(gdb, cwd=ROOT, capture_output=True, text=True,
                           timeout=BOOT_TIMEOUT)
        out = r.stdout + r.stderr
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode() + "\n(GDB took more than %d s)" % \
            BOOT_TIMEOUT
    finally:
        qemu.kill()
        qemu.wait()
    truth = {}
    for q in lab.questions:
        part = out.split("=== %s ===\n" % q.key, 1)
        value = None
        if len(part) == 2:
            first = part[1].split("===", 1)[0].strip().splitlines()
            value = number_of(first[0]) if first else None
        truth[q.key] = value
    return truth, out


def grade_questions(number):
    """A GDB lab: the student's answers against the kernel's own."""
    lab = labs.LABS[number]
    print("LAB %d: %s" % (number, lab.title))
    mem, answers, problem = read_answers(number)
    if problem:
        print("  " + problem)
        print("LAB %d score: 0/100" % number)
        return 0
    start = time.monotonic()
    if not answers:
        truth, out = {q.key: None for q in lab.questions}, ""
    else:
        truth, out = ask_gdb(lab, mem)
    if answers and any(v is None for v in truth.values()):
        print("  GDB could not answer every question on this kernel "
              "(is it built, does it boot?):")
        for line in out.splitlines()[-12:]:
            print("    | " + line)
    score = 0
    for q in lab.questions:
        given = answers.get(q.key)
        right = truth[q.key] is not None and given is not None and \
            number_of(given) == truth[q.key]
        score += q.points if right else 0
        print("  [%3d/%3d] %s: %s" % (q.points if right else 0, q.points,
                                     q.key, q.text))
        if not right:
            print("            your answer: %s" % (given or "(none)"))
    print("  (machine: %d MiB, one CPU, -icount; %.0f s)" % (
        mem, time.monotonic() - start))
    print("LAB %d score: %d/100" % (number, score))
    return score


def answer_key(number, mem):
    """A filled labN-answers.txt for @mem MiB: the teacher's key."""
    lab = labs.LABS[number]
    truth, out = ask_gdb(lab, mem)
    lines = ["machine: %d" % mem]
    for q in lab.questions:
        value = truth[q.key]
        lines.append("%s: %s" % (q.key, "" if value is None else
                                 hex(value) if value > 0xffff else value))
    return "\n".join(lines) + "\n"


def grade(number, region=None, first_failure=False):
    """Run lab @number; print its table; return the score.  @region:
    only the tests that check that region, once (a quick look at one
    region, e.g. by tests/system/test_labs.py); the score is then out of
    their points.  @first_failure: end the run at the first test that
    fails (the others do not run), for a quick "is it caught"."""
    lab = labs.LABS[number]
    if lab.questions:
        return grade_questions(number)
    if region:
        lab = dataclasses.replace(lab, runs=1, tests=[
            t for t in lab.tests if region in t.regions])
        print("LAB %d: %s (the tests of %s only)" % (number, lab.title,
                                                     region))
    else:
        print("LAB %d: %s" % (number, lab.title))
    failures = {t.name: None for t in lab.tests}
    stopped = []
    start = time.monotonic()
    for run in range(lab.runs):
        traced = not lab.trace_runs or run < lab.trace_runs
        results, words, done = boot(lab, seed=run + 1, traced=traced,
                                    first_failure=first_failure)
        for t in lab.tests:
            if t.invariant and not traced:
                continue
            reason = results.get(t.name, "did not run: the run ended "
                                 "before it (a stop, or a stuck test)")
            if reason is not None and failures[t.name] is None:
                failures[t.name] = reason if lab.runs == 1 else \
                    "run %d of %d: %s" % (run + 1, lab.runs, reason)
        if not done:
            stopped = words[-12:] or ["(the kernel said nothing)"]
            break
    needed = []
    if stopped:
        print("  The kernel stopped before the tests finished:")
        for line in stopped:
            print("    | " + line)
        # A stub's message, or an oops in a region (a NASM stub's ud2),
        # of this lab: the regions of earlier labs are solved, and those
        # of later labs that the kernel needs are too (tools/labs.py:
        # Needed).  The last one said is the likeliest to have stopped
        # the kernel.
        for line in reversed(stopped):
            m = re.search(r"LAB (\d+): (\w+) is not written yet|"
                          r"EIP is at (\w+)\+", line)
            if not m:
                continue
            if m.group(2):
                owner, name = int(m.group(1)), m.group(2)
            else:
                name = m.group(3)
                owner = next((n for n in sorted(labs.LABS)
                              if name in labs.LABS[n].stubs), None)
            if owner != number or name not in lab.stubs:
                continue
            if name not in needed:
                needed.append(name)
        if needed:
            print("  Needed before any test can run: %s" %
                  ", ".join(needed))
    score, suspects = 0, []
    for t in lab.tests:
        reason = failures[t.name]
        if reason is None:
            score += t.points
            print("  [%3d/%3d] %s" % (t.points, t.points, t.name))
            continue
        if stopped and reason.startswith("did not run"):
            print("  [%3d/%3d] %s (did not run)" % (0, t.points, t.name))
        else:
            print("  [%3d/%3d] %s" % (0, t.points, t.name))
            print("            %s" % reason)
        if needed:
            continue
        print("            look at: %s" % ", ".join(t.regions))
        suspects += [r for r in t.regions if r not in suspects]
    if suspects:
        print("  Regions to look at: %s" % ", ".join(suspects))
    print("  (%d run%s, %.0f s)" % (lab.runs, "" if lab.runs == 1 else "s",
                                   time.monotonic() - start))
    if region:
        total = sum(t.points for t in lab.tests)
        print("LAB %d score: %d/%d" % (number, score, total))
        return score if score < total else 100
    print("LAB %d score: %d/100" % (number, score))
    return score


def main():
    if sys.argv[1:2] == ["--machine"]:
        # `make gdb LAB=n`: the QEMU flags of the student's machine.
        mem, _, problem = read_answers(int(sys.argv[2]))
        if problem:
            sys.exit("grade: " + problem)
        print(" ".join(labs.machine_flags(mem)))
        return
    if sys.argv[1:2] == ["--key"]:
        # The answers of lab n on a machine of MEM MiB (teachers, tests).
        if not build():
            sys.exit(2)
        sys.stdout.write(answer_key(int(sys.argv[2]), int(sys.argv[3])))
        return
    args = sys.argv[1:]
    if args[:1] == ["--answers"] and len(args) >= 3:
        # Another answers file for lab n: tools/grade.py --answers F n
        ANSWERS[int(args[2])] = args[1]
        args = args[2:]
    region = None
    if args[:1] == ["--region"] and len(args) >= 3:
        # tools/grade.py --region NAME n: the tests of one region, once
        region, args = args[1], args[2:]
    first_failure = False
    if args[:1] == ["--first-failure"]:
        # tools/grade.py [--region NAME] --first-failure n: stop the run
        # at the first test that fails
        first_failure, args = True, args[1:]
    if args[:1] == ["--runs"] and len(args) >= 2:
        # tools/grade.py --runs K n...: K boots instead of the lab's own
        for lab in labs.LABS.values():
            lab.runs = int(args[1])
        args = args[2:]
    usage = "\n\n".join(__doc__.split("\n\n")[1:3])
    if args[:1] in (["-h"], ["--help"]):
        print(usage)
        return
    bad = [a for a in args if not a.isdigit()]
    if bad:
        sys.exit("grade: %r is not a lab number or an option here\n%s" %
                 (bad[0], usage))
    numbers = [int(a) for a in args] or sorted(labs.LABS)
    for n in numbers:
        if n not in labs.LABS:
            sys.exit("grade: no lab %d (there are %s)" % (
                n, ", ".join(str(k) for k in sorted(labs.LABS))))
    if not build():
        for n in numbers:
            print("LAB %d score: 0/100" % n)
        sys.exit(2)
    scores = [grade(n, region, first_failure) for n in numbers]
    sys.exit(0 if all(s == 100 for s in scores) else 1)


if __name__ == "__main__":
    main()
