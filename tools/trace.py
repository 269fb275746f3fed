#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""tools/trace.py - `make trace`: record the scheduler at work and draw it.

Boots build/kernel.elf with trace=sched, and types a scenario into the
shell over the serial port: a CPU hog in the background (spin: watch it
being preempted), memory pressure that wakes kswapd, a sleep while the
daemons work; then `poweroff` dumps the ring buffer and ends it.
The machine has --smp CPUs (2 by default, as `make run`): the hog
keeps one busy while the other runs the rest.  The serial log goes to
build/trace.log, and tools/trace2perfetto.py turns the dump into
build/trace.json (open it in ui.perfetto.dev or chrome://tracing: one
track per CPU) and build/trace.svg (one lane per CPU), and prints a
per-CPU and a per-task summary; the last lines name the three files it
wrote, one line each.  Standard library only.

Usage: tools/trace.py [--out-dir build] [--timeout 120]
                      [--disk build/disk.img] [--smp 2]
"""
import argparse
import os
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.path.join(ROOT, "build")

# (command typed at the shell prompt, seconds to let it run)
SCENARIO = [
    ("spin 2 &", 0.2),		# a CPU-bound user process, in the background
    ("hello", 0.3),		# fork + exec + exit while the hog runs
    ("pressure 3000", 1.0),	# allocations cross pages_low: kswapd works
    ("sleep 1", 1.5),		# the hog and the daemons have the CPU
    ("poweroff", 0),		# dumps the trace, syncs, powers off
]


def qemu_argv(disk, smp):
    argv = ["qemu-system-i386", "-m", "128", "-smp", str(smp),
            "-display", "none",
            "-no-reboot", "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
            "-serial", "stdio", "-monitor", "none",
            "-kernel", os.path.join(BUILD, "kernel.elf"),
            "-initrd", os.path.join(BUILD, "initramfs.cpio"),
            "-append", "trace=sched loglevel=4"]
    if os.path.exists(disk):
        argv += ["-drive", "file=%s,format=raw,if=ide,index=0" % disk]
    return argv


def record(disk, timeout, smp):
    """Run the scenario; Return: the serial log as text."""
    proc = subprocess.Popen(qemu_argv(disk, smp), stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    chunks = []

    def reader():
        for raw in iter(lambda: proc.stdout.read1(4096), b""):
            chunks.append(raw)

    t = threading.Thread(target=reader, daemon=True)
    t.start()
    deadline = time.monotonic() + timeout
    while b"# " not in b"".join(chunks) and time.monotonic() < deadline:
        time.sleep(0.05)
    for command, pause in SCENARIO:
        proc.stdin.write(command.encode() + b"\n")
        proc.stdin.flush()
        time.sleep(pause)
    try:
        proc.wait(timeout=max(1, deadline - time.monotonic()))
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    t.join(timeout=5)
    return b"".join(chunks).decode("utf-8", "replace").replace("\r", "")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out-dir", default=BUILD)
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--disk", default=os.path.join(BUILD, "disk.img"),
                        help="the disk image, hda (none if it is missing)")
    parser.add_argument("--smp", type=int, default=2,
                        help="the number of CPUs (default 2)")
    args = parser.parse_args()
    os.makedirs(args.out_dir, exist_ok=True)

    log = record(args.disk, args.timeout, args.smp)
    log_path = os.path.join(args.out_dir, "trace.log")
    with open(log_path, "w") as f:
        f.write(log)
    if "sched-trace: begin" not in log:
        print("trace: no scheduler trace in %s" % log_path, file=sys.stderr)
        return 1
    json_path = os.path.join(args.out_dir, "trace.json")
    svg_path = os.path.join(args.out_dir, "trace.svg")
    status = subprocess.call([
        sys.executable, os.path.join(ROOT, "tools", "trace2perfetto.py"),
        log_path, "--json", json_path, "--svg", svg_path, "--summary"])
    # Last, after the summary's long tables, so that they are what the
    # terminal shows when the run ends.
    print("trace: wrote %s (the serial log, with the dump)" % log_path)
    if status == 0:
        print("trace: wrote %s (open it in ui.perfetto.dev or "
              "chrome://tracing)" % json_path)
        print("trace: wrote %s (the timeline, one lane per CPU: open it "
              "in a browser)" % svg_path)
    return status


if __name__ == "__main__":
    sys.exit(main())
