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
agreed; the icount column names its values for what they are, "insns"
(instructions) where the kernel said "cycles" or "ns", and a rate per
second there is per 10^9 instructions.  Nothing here is a pass/fail test;
timings are never asserted.

Every boot has the initramfs: the pipe rows (tests/bench/pipe_bench.c)
are measured by a user program, /bin/pipebench, between two processes
(throughput with 4 KiB writes, and a one-byte round trip through two
pipes), which the benchmark execs as init execs /sbin/init.

The disk benchmark writes 4 MiB in the middle of hda, so every boot gets
a fresh blank (sparse) image of its own in a temporary directory, the
size of build/disk.img: the user's build/disk.img is never attached, and
each run starts from the same all-zero disk.

The SMP rows (tests/bench/smp_bench.c: an IPI's round trip, a wake-up
across CPUs, kernel_thread() creation on 1, 2 and 4 CPUs at once) come
from boots of their own with -smp 4 and bench=smp.  The last line is how
much host CPU QEMU uses while a four-CPU guest sits idle at its prompt.

The file-system rows come from a boot of their own with a disk as
`make` makes it (tools/mkdisk.py: ext3 on hda1, mounted on /mnt by
init): at the shell's prompt `fswriter -b /mnt/bench` (user/fswriter.c)
writes 16 MiB and fsync()s it, reads it back after the caches are
dropped, takes the median of 31 one-block write + fsync, and makes 300
small files then syncs, counting the journal's commits
(/proc/fs/jbd2/hda1-8/info), and makes 100 small files, each fsync()ed,
for the journal's commits per second.  Disk rows differ
from run to run even under -icount (QEMU's disk runs on host time).

The last rows are the boot itself: how long after the kernel's clock
starts (the printk timestamp 0, the TSC calibration in time_init())
init prints "init: executing", at -smp 1 and -smp 4, booted with the
initramfs and no benchmark; the real-time value is the median of
BOOT_RUNS boots.  Each is measured twice: with the default console
(every boot line on the serial port, as the tests read them) and with
`quiet` on the command line, where only warnings reach the console and
the timestamp is read back from the log ring (dmesg at the shell's
prompt): the console's bytes cost the boot some milliseconds under
QEMU.  (Under -icount a CPU that takes an INIT IPI has its time slice's
instruction count cleared, and QEMU counts the whole slice, up to the
next timer deadline, as run: at -smp 4 that row includes about 20 ms of
such jumps while the other CPUs start; docs/interrupts.md, "Boot
time".)
"""
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KERNEL = os.path.join(ROOT, "build", "kernel.elf")
INITRAMFS = os.path.join(ROOT, "build", "initramfs.cpio")
INIT_LINE = re.compile(r"^\[ *(\d+)\.(\d{6})\] init: executing ")
BOOT_RUNS = 9                   # the host is shared: a median of many
BOOT_TIMEOUT = 60
BOOT_POLL = 0.02                # s between reads of the boot log
ROW = re.compile(r"bench: (.+?): (\d+) (\S+)\s*$")
TIMEOUT = 300
DISK_BYTES = 288 << 20          # as build/disk.img (Makefile DISK_MB)


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
            "-initrd", INITRAMFS, "-append", cmdline,
            "-drive", "file=%s,format=raw,if=ide,index=0" % disk] + extra
    try:
        out = subprocess.run(argv, capture_output=True, timeout=TIMEOUT,
                             stdin=subprocess.DEVNULL).stdout
    except subprocess.TimeoutExpired as e:
        out = e.stdout or b""
        print("bench: QEMU timed out after %d s" % TIMEOUT, file=sys.stderr)
    text = out.decode("utf-8", "replace")
    if "bench: end" not in text:
        print("bench: the run did not finish; last output:\n" +
              "\n".join(text.splitlines()[-15:]), file=sys.stderr)
    return parse_rows(text)


def parse_rows(text):
    """The `bench: NAME: VALUE UNIT` lines of one boot's serial output.

    Return: (rows, order): rows maps (NAME, UNIT) to (VALUE, UNIT), the
    key carrying the unit because one benchmark may print the same name
    in cycles and in ns; order lists the keys as the kernel printed them.
    """
    rows = {}
    order = []
    for line in text.splitlines():
        m = ROW.search(line.replace("\r", ""))
        if m:
            key = (m.group(1), m.group(3))
            rows[key] = (int(m.group(2)), m.group(3))
            order.append(key)
    return rows, order


def poll_qemu(argv, command, done, timeout):
    """Run QEMU (@argv, serial on stdout) and read its output every
    BOOT_POLL seconds without blocking; type @command (bytes, or None) at
    the shell's first prompt; stop when done(text) says so, QEMU exits or
    @timeout seconds have passed.

    QEMU writes the serial port to the pipe a byte at a time, each in a
    write(2) the guest waits for.  A reader blocked on the pipe would be
    woken for every byte, and the wake-ups, on a two-core host, slow
    the guest's console (so its boot) by half again; so the pipe is read
    every BOOT_POLL seconds instead, never blocking: a boot log (some
    8 KiB) fits in the pipe, and QEMU never waits for the reader.
    Return: the output, decoded."""
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL,
                            stdin=subprocess.PIPE if command else
                            subprocess.DEVNULL)
    os.set_blocking(proc.stdout.fileno(), False)
    deadline = time.monotonic() + timeout
    text = b""
    try:
        while time.monotonic() < deadline:
            time.sleep(BOOT_POLL)
            try:
                chunk = os.read(proc.stdout.fileno(), 1 << 16)
            except BlockingIOError:
                continue
            if not chunk:
                break                   # QEMU is gone
            text += chunk
            if command and b"# " in text:
                proc.stdin.write(command)
                proc.stdin.flush()
                command = None
            if done(text.decode("utf-8", "replace")):
                break
    finally:
        proc.kill()
        proc.wait()
    return text.decode("utf-8", "replace")


def init_time(text):
    """Microseconds of the "init: executing" line in @text, or None."""
    for line in text.splitlines():
        m = INIT_LINE.search(line)
        if m:
            return int(m.group(1)) * 1000000 + int(m.group(2))
    return None


def boot_to_init(extra, smp, quiet=False):
    """Microseconds on the kernel's clock from its start to the line
    "init: executing", or None if it did not come.  With @quiet the
    kernel boots with `quiet` and the line is read from dmesg, typed at
    the shell's first prompt."""
    with tempfile.TemporaryDirectory(prefix="kt26-bench-") as tmp:
        disk = os.path.join(tmp, "boot-disk.img")
        with open(disk, "wb") as f:
            f.truncate(DISK_BYTES)
        argv = ["qemu-system-i386", "-m", "128", "-smp", str(smp),
                "-display", "none", "-no-reboot", "-serial", "stdio",
                "-monitor", "none", "-kernel", KERNEL, "-initrd", INITRAMFS,
                "-append", "quiet" if quiet else "",
                "-drive", "file=%s,format=raw,if=ide,index=0" % disk] + extra
        text = poll_qemu(argv, b"dmesg | grep 'init: executing'\r"
                         if quiet else None,
                         lambda t: init_time(t) is not None, BOOT_TIMEOUT)
    found = init_time(text)
    if found is None:
        print("bench: no \"init: executing\" line at -smp %d%s" %
              (smp, " (quiet)" if quiet else ""), file=sys.stderr)
    return found


def fs_rows(extra):
    """The rows `fswriter -b` prints, typed at the shell's prompt of a
    boot with a new copy of the made disk: (rows, order) as
    parse_rows()."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import mkdisk
    with tempfile.TemporaryDirectory(prefix="kt26-bench-") as tmp:
        disk = os.path.join(tmp, "fs-disk.img")
        mkdisk.make_disk(disk)
        argv = ["qemu-system-i386", "-m", "128", "-display", "none",
                "-no-reboot", "-serial", "stdio", "-monitor", "none",
                "-kernel", KERNEL, "-initrd", INITRAMFS, "-append",
                "loglevel=4",
                "-drive", "file=%s,format=raw,if=ide,index=0" % disk] + extra
        out = poll_qemu(argv, b"fswriter -b /mnt/bench; "
                        b"echo fs-bench-end\r",
                        lambda t: "\nfs-bench-end" in t, TIMEOUT)
    if "\nfs-bench-end" not in out:
        print("bench: the file-system rows did not finish; last output:\n" +
              "\n".join(out.splitlines()[-15:]), file=sys.stderr)
    return parse_rows(out)


def boot_rows():
    """(name, real-time us, icount us, icount us) for -smp 1 and 4,
    with the console verbose and then quiet."""
    rows = []
    for quiet in (False, True):
        for smp in (1, 4):
            real = [boot_to_init([], smp, quiet) for _ in range(BOOT_RUNS)]
            real = [r for r in real if r is not None]
            icount = [boot_to_init(["-icount", "shift=0"], smp, quiet)
                      for _ in range(2)]
            rows.append(("boot to init: executing, -smp %d%s" %
                         (smp, ", quiet (dmesg)" if quiet else ""),
                         statistics.median(real) if real else None,
                         icount[0], icount[1]))
    return rows


def ms(us):
    return "%.3f ms" % (us / 1000) if us is not None else "-"


# Under -icount shift=0 a TSC cycle and a nanosecond are both one guest
# instruction, so the icount column says so instead of repeating the
# kernel's unit.
ICOUNT_UNITS = {"cycles": "insns", "ns": "insns", "cycles/KiB": "insns/KiB"}


def real_value(value):
    """A real-time (value, unit) as "N unit", or "-" for a missing row."""
    if value is None:
        return "-"
    return "%d %s" % value


def icount_value(value):
    """An -icount (value, unit) as "N unit" in guest instructions."""
    if value is None:
        return "-"
    number, unit = value
    return "%d %s" % (number, ICOUNT_UNITS.get(unit, unit))


def format_table(order, real, icount1, icount2, boots=(), idle=None):
    """The table `make bench` prints, as a list of lines.

    @order, @real, @icount1, @icount2: parse_rows()'s results of the
    real-time boot and the two -icount boots (one order for all three);
    @boots: (name, real us, icount us, icount us) rows from boot_rows();
    @idle: QEMU's host CPU in percent, or None to leave that row out.
    Every cell is plain numbers and units: a row where the two -icount
    runs differ says "NO, then N unit" with the second run's value.
    """
    width = max([len(r[0]) for r in order] + [len(b[0]) for b in boots] +
                [len("host CPU of QEMU, -smp 4 guest idle"), 9])
    fmt = "%-*s  %18s  %24s  %s"
    lines = [fmt % (width, "benchmark", "real time (TSC)",
                    "-icount shift=0", "icount runs"),
             fmt % (width, "", "", "(instructions: 1 ns = 1)",
                    "agree?"),
             "-" * (width + 70)]
    disagree = 0
    for row in order:
        i1 = icount1.get(row)
        i2 = icount2.get(row)
        same = i1 is not None and i1 == i2
        disagree += not same
        lines.append(fmt % (width, row[0], real_value(real.get(row)),
                            icount_value(i1), "yes" if same else
                            "NO, then %s" % icount_value(i2)))
    for name, value, i1, i2 in boots:
        same = i1 is not None and i1 == i2
        disagree += not same
        lines.append(fmt % (width, name, ms(value), ms(i1),
                            "yes" if same else "NO, then %s" % ms(i2)))
    if idle is not None:
        lines.append(fmt % (width, "host CPU of QEMU, -smp 4 guest idle",
                            "%d %%" % idle, "-", "-"))
    lines.append("-" * (width + 70))
    lines.append("%d rows; icount runs %s" % (
        len(order) + len(boots), "identical" if not disagree else
        "differ in %d rows" % disagree))
    lines.append("(-icount: a rate per second is per 10^9 instructions; "
                 "a boot row is guest time, waits included)")
    if disagree:
        lines.append("(rows with disk I/O differ even under -icount: QEMU's "
                     "disk emulation runs on host time)")
    return lines


SMP = ["-smp", "4"]
IDLE_SECONDS = 2


def idle_host_cpu():
    """Percent of one host CPU QEMU uses while a -smp 4 guest sits idle
    at its shell prompt for IDLE_SECONDS: each CPU halts in cpu_idle(),
    so this stays far below the 400% of four spinning CPUs."""
    with tempfile.TemporaryDirectory(prefix="kt26-bench-") as tmp:
        disk = os.path.join(tmp, "idle-disk.img")
        with open(disk, "wb") as f:
            f.truncate(DISK_BYTES)
        argv = ["qemu-system-i386", "-m", "128", "-display", "none",
                "-no-reboot", "-serial", "stdio", "-monitor", "none",
                "-kernel", KERNEL, "-initrd", INITRAMFS, "-append", ""] + \
            SMP + ["-drive", "file=%s,format=raw,if=ide,index=0" % disk]
        proc = subprocess.Popen(argv, stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL,
                                stdin=subprocess.PIPE)
        try:
            deadline = time.monotonic() + BOOT_TIMEOUT
            for raw in iter(proc.stdout.readline, b""):
                if b"init: running in ring 3" in raw or \
                        time.monotonic() > deadline:
                    break
            time.sleep(1)               # the shell reaches its read()

            def cpu_ticks():
                with open("/proc/%d/stat" % proc.pid) as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                return int(fields[11]) + int(fields[12])
            t0, c0 = time.monotonic(), cpu_ticks()
            time.sleep(IDLE_SECONDS)
            t1, c1 = time.monotonic(), cpu_ticks()
            hz = os.sysconf("SC_CLK_TCK")
            return round(100 * (c1 - c0) / hz / (t1 - t0))
        finally:
            proc.kill()
            proc.wait()


def main():
    real, order = run([])
    icount1, _ = run(["-icount", "shift=0"])
    icount2, _ = run(["-icount", "shift=0"])
    # The SMP rows: a boot of their own with four CPUs.
    smp_real, smp_order = run(SMP, "bench=smp")
    smp_i1, _ = run(SMP + ["-icount", "shift=0"], "bench=smp")
    smp_i2, _ = run(SMP + ["-icount", "shift=0"], "bench=smp")
    real.update(smp_real)
    icount1.update(smp_i1)
    icount2.update(smp_i2)
    order += [r for r in smp_order if r not in order]
    # The file-system rows: a boot with an ext3 disk.
    fs_real, fs_order = fs_rows([])
    fs_i1, _ = fs_rows(["-icount", "shift=0"])
    fs_i2, _ = fs_rows(["-icount", "shift=0"])
    real.update(fs_real)
    icount1.update(fs_i1)
    icount2.update(fs_i2)
    order += [r for r in fs_order if r not in order]
    if not order:
        print("bench: no rows", file=sys.stderr)
        return 1

    boots = boot_rows()
    idle = idle_host_cpu()
    print("\n".join(format_table(order, real, icount1, icount2, boots,
                                 idle)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
