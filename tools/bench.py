#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""tools/bench.py - `make bench`: run the in-kernel benchmarks and print
one table.

Boots build/kernel.elf with bench=all three times: once in real time
(TSC cycles and nanoseconds as a PC would see them, noisy on a shared
machine) and twice under QEMU's -icount shift=0, where guest time advances
one nanosecond per instruction: there every "cycles" or "ns" value is an
instruction count, and the two icount runs must agree exactly.  The table
shows the real-time value, the icount value, and whether the icount runs
agreed.  Nothing here is a pass/fail test; timings are never asserted.

The disk benchmark writes 4 MiB in the middle of hda, so every boot gets
a fresh blank (sparse) image of its own in a temporary directory, the
size of build/disk.img: the user's build/disk.img is never attached, and
each run starts from the same all-zero disk.
"""
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KERNEL = os.path.join(ROOT, "build", "kernel.elf")
ROW = re.compile(r"bench: (.+?): (\d+) (\S+)\s*$")
TIMEOUT = 300
DISK_BYTES = 32 << 20           # as build/disk.img (Makefile DISK_MB)


def run(extra, cmdline="bench=all"):
    with tempfile.TemporaryDirectory(prefix="kt26-bench-") as tmp:
        disk = os.path.join(tmp, "bench-disk.img")
        with open(disk, "wb") as f:
            f.truncate(DISK_BYTES)
        return run_with_disk(disk, extra, cmdline)


def run_with_disk(disk, extra, cmdline):
    argv = ["qemu-system-i386", "-m", "128", "-display", "none",
            "-no-reboot", "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
            "-serial", "stdio", "-monitor", "none", "-kernel", KERNEL,
            "-append", cmdline,
            "-drive", "file=%s,format=raw,if=ide,index=0" % disk] + extra
    try:
        out = subprocess.run(argv, capture_output=True, timeout=TIMEOUT,
                             stdin=subprocess.DEVNULL).stdout
    except subprocess.TimeoutExpired as e:
        out = e.stdout or b""
        print("bench: QEMU timed out after %d s" % TIMEOUT, file=sys.stderr)
    rows = {}
    order = []
    for line in out.decode("utf-8", "replace").splitlines():
        m = ROW.search(line.replace("\r", ""))
        if m:
            key = (m.group(1), m.group(3))
            rows[key] = (int(m.group(2)), m.group(3))
            order.append(key)
    if "bench: end" not in out.decode("utf-8", "replace"):
        print("bench: the run did not finish; last output:\n" +
              "\n".join(out.decode("utf-8", "replace").splitlines()[-15:]),
              file=sys.stderr)
    return rows, order


def main():
    real, order = run([])
    icount1, _ = run(["-icount", "shift=0"])
    icount2, _ = run(["-icount", "shift=0"])
    if not order:
        print("bench: no rows", file=sys.stderr)
        return 1

    width = max(len(r[0]) for r in order)
    print("%-*s  %18s  %22s  %s" % (width, "benchmark", "real time (TSC)",
                                    "-icount shift=0", "icount runs"))
    print("%-*s  %18s  %22s  %s" % (width, "", "", "(1 ns = 1 insn)", "agree?"))
    print("-" * (width + 60))
    disagree = 0
    for row in order:
        value, unit = real[row]
        i1 = icount1.get(row)
        i2 = icount2.get(row)
        same = i1 is not None and i1 == i2
        disagree += not same
        icol = "%d %s" % i1 if i1 else "-"
        print("%-*s  %18s  %22s  %s" % (width, row[0], "%d %s" % (value, unit),
                                        icol, "yes" if same else
                                        "NO (%s)" % (i2,)))
    print("-" * (width + 60))
    print("%d rows; icount runs %s" % (
        len(order), "identical" if not disagree else
        "differ in %d rows" % disagree))
    if disagree:
        print("(rows with disk I/O differ even under -icount: QEMU's disk "
              "emulation runs on host time)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
