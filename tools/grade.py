#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""tools/grade.py - `make grade LAB=n`: build this tree, run lab n's
tests in QEMU and print each with its points, then the score out of 100.

    tools/grade.py 2          lab 2
    tools/grade.py            every lab, one after the other

The tests are ktests (tests/ktest/), listed with their points in
tools/labs.py.  They run in one boot per run, under -icount shift=0
(guest time is the count of instructions, so a run does not depend on
how busy the host is); a lab with runs = K boots K times, each with
another ktest_seed= (another order of the tests), and a test scores only
if it passed in every boot.  A failure names the regions of the lab
where the bug is likely to be; when the kernel stops before the tests
(a panic, an oops in pid 1, a stub saying it is not written), that is
said at once, with the kernel's own last words, instead of waiting for a
timeout.  The last line is "LAB n score: S/100" (tools/grade-all reads
it).  Exit status: 0 for 100, 1 otherwise, 2 if the build failed.
"""
import os
import re
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import labs  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.path.join(ROOT, "build")
QEMU = os.environ.get("QEMU", "qemu-system-i386")
BOOT_TIMEOUT = 90               # seconds of host time, for a whole run

RESULT = re.compile(r"ktest: (ok|not ok) \d+ - (\w+)(?:: (.*))?$")
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


def boot(lab, seed):
    """One boot with lab's ktests.  Return: ({test: reason or None}, the
    kernel's last words, whether the suite ran to its end)."""
    names = [t.name for t in lab.tests]
    cmdline = "ktest=%s ktest_seed=%d" % (",".join(names), seed)
    if lab.timeout:
        cmdline += " ktest_timeout=%d" % lab.timeout
    argv = [QEMU, "-m", "128", "-smp", str(lab.cpus), "-display", "none",
            "-no-reboot", "-icount", "shift=0,sleep=off",
            "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
            "-serial", "stdio", "-monitor", "none",
            "-kernel", os.path.join(BUILD, "kernel.elf"),
            "-initrd", os.path.join(BUILD, "initramfs.cpio"),
            "-append", cmdline]
    proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    results, words, done = {}, [], [False]

    def reader():
        for raw in iter(proc.stdout.readline, b""):
            line = raw.decode("utf-8", "replace").rstrip("\r\n")
            m = RESULT.search(line)
            if m:
                results[m.group(2)] = None if m.group(1) == "ok" else \
                    (m.group(3) or "failed")
            elif TESTS_DONE.search(line):
                done[0] = True
            elif LAST_WORDS.search(line):
                words.append(re.sub(r"^\[[ .0-9]+\] ", "", line))

    t = threading.Thread(target=reader, daemon=True)
    t.start()
    try:
        proc.wait(timeout=BOOT_TIMEOUT)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        words.append("(no end after %d s: the kernel hangs)" % BOOT_TIMEOUT)
    t.join(5)
    return results, words, done[0]


def grade(number):
    """Run lab @number; print its table; return the score."""
    lab = labs.LABS[number]
    print("LAB %d: %s" % (number, lab.title))
    failures = {t.name: None for t in lab.tests}
    stopped = []
    start = time.monotonic()
    for run in range(lab.runs):
        results, words, done = boot(lab, seed=run + 1)
        for t in lab.tests:
            reason = results.get(t.name, "did not run: the kernel stopped "
                                 "before it")
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
        # A stub's message, or an oops in a region (a NASM stub's ud2);
        # in a tree of an earlier lab, the region may be a later lab's.
        # The last one said is the likeliest to have stopped the kernel.
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
            if owner not in labs.LABS or \
                    name not in labs.LABS[owner].stubs:
                continue
            if owner != number:
                name = "%s (lab %d)" % (name, owner)
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
    print("LAB %d score: %d/100" % (number, score))
    return score


def main():
    numbers = [int(a) for a in sys.argv[1:]] or sorted(labs.LABS)
    for n in numbers:
        if n not in labs.LABS:
            sys.exit("grade: no lab %d (there are %s)" % (
                n, ", ".join(str(k) for k in sorted(labs.LABS))))
    if not build():
        for n in numbers:
            print("LAB %d score: 0/100" % n)
        sys.exit(2)
    scores = [grade(n) for n in numbers]
    sys.exit(0 if all(s == 100 for s in scores) else 1)


if __name__ == "__main__":
    main()
