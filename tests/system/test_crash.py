# SPDX-License-Identifier: GPL-2.0
"""Crash consistency of ext3 and its journal (fs/ext3/, fs/jbd2/):
/bin/fswriter (user/fswriter.c) creates, appends to and fsync()s files
on /mnt whose every 4 KiB block the host can recompute, printing a line
each time an fsync() has returned; the host kills QEMU (SIGKILL: no
sync, no unmount) after a number of those lines that the seed chooses.

Each boot of a chain does two things.  First it checks the crash before:
the mount must replay the journal (`JBD2: recovery complete on
hda1-8`), then the guest remounts /mnt read-only (everything on the
disk, nothing moving) and says so; the host copies the image and finds
there, with e2fsprogs, that `e2fsck -fn` is clean, that every file whose
fsync() returned holds at least the bytes written before it, exactly,
and that every block of every file is either the block the writer wrote
there or never written (zeros) -- never garbage.  Then the guest
remounts read-write and runs the next writer, and the host kills it.

Two chains of KILLS crashes each run at once, on two images (so 2 x
KILLS kills in all); CRASH_KILLS= in the environment changes KILLS
(`make test-long` runs more).  Nothing waits on a clock: the host waits
for console lines, and a timeout only catches a hang."""
import os
import re
import shutil
import struct
import subprocess
import tempfile
import threading
import time

import pytest

from conftest import Terminal, load_tool, made_disk_image

mkdisk = load_tool("mkdisk")

SECTOR = 512
BLOCK = 4096
MAGIC = 0x5746544b
OFFSET = "?offset=%d" % (mkdisk.PART_START * SECTOR)
KILLS = int(os.environ.get("CRASH_KILLS", "10"))
CHAINS = 2
MOUNTED = r"init: /dev/hda1 mounted on /mnt \(ext3, read-write\)"
RECOVERED = r"JBD2: recovery complete on hda1-8: [1-9]\d* transactions"
ORPHANS = re.compile(r"EXT3-fs: hda1: ([1-9]\d*) orphan inodes? deleted")
FSYNC = re.compile(r"^fswriter: fsync /mnt/(\S+)/f(\d+) (\d+)$", re.M)


def seed_of(chain, kill):
    return 1000 * (chain + 1) + kill + 1


def fsyncs_before_kill(seed):
    """How many fsync lines the host lets by before it kills QEMU: 1 to
    40, varied by the seed."""
    return 1 + (seed * 7919) % 40


def expected_block(seed, f, b):
    return struct.pack("<4I", MAGIC, seed, f, b) * (BLOCK // 16)


def tool(name, *args):
    return subprocess.run([mkdisk.find_tool(name)] + list(args),
                          capture_output=True)


def check_image(copy, seed, synced, tmp, dir=None, whole=False):
    """The crash of writer @seed, on the host's @copy of the disk:
    e2fsck clean, every fsync()ed byte there, no block garbage.
    @synced: {file number: bytes fsync() had returned for}; @dir: the
    writer's directory on hda1 (/cSEED); @whole: after a clean unmount,
    no block may be missing (zeros) either."""
    # e2fsck -n does not replay a journal: the kernel must have.
    head = tool("dumpe2fs", "-h", copy + OFFSET).stdout.decode()
    assert "needs_recovery" not in head, "seed %d:\n%s" % (seed, head)
    r = tool("e2fsck", "-fn", copy + OFFSET)
    out = r.stdout.decode(errors="replace")
    assert r.returncode == 0, "seed %d: e2fsck -fn:\n%s%s" % (
        seed, out, r.stderr.decode(errors="replace"))
    d = dir or "/c%d" % seed
    ls = tool("debugfs", "-R", "ls " + d, copy + OFFSET).stdout.decode(
        errors="replace")
    present = {int(n) for n in re.findall(r"\(\d+\)\s+f(\d+)\b", ls)}
    # Unlinked while open (fswriter's o<N>): gone, or -- the unlink not
    # committed yet -- whole per block, as file 1000 + N.
    present |= {1000 + int(n) for n in
                re.findall(r"\(\d+\)\s+o(\d+)\b", ls)}
    missing = set(synced) - present
    assert not missing, "seed %d: fsync()ed files missing: %s\n%s" % (
        seed, sorted(missing), ls)
    script = os.path.join(tmp, "dump.cmds")
    with open(script, "w") as f:
        for n in present:
            name = "o%d" % (n - 1000) if n >= 1000 else "f%d" % n
            f.write("dump %s/%s %s/f%d\n" % (d, name, tmp, n))
    tool("debugfs", "-f", script, copy + OFFSET)
    for n in sorted(present):
        with open("%s/f%d" % (tmp, n), "rb") as f:
            data = f.read()
        assert len(data) >= synced.get(n, 0), (
            "seed %d: f%d has %d bytes, fsync() returned for %d" % (
                seed, n, len(data), synced[n]))
        for b in range(0, (len(data) + BLOCK - 1) // BLOCK):
            got = data[b * BLOCK:(b + 1) * BLOCK]
            want = expected_block(seed, n, b)[:len(got)]
            if whole or b * BLOCK < synced.get(n, 0):
                assert got == want, "seed %d: f%d block %d (fsync()ed) " \
                    "reads %r" % (seed, n, b, got[:32])
            else:
                assert got == want or got == bytes(len(got)), (
                    "seed %d: f%d block %d is garbage: %r" % (
                        seed, n, b, got[:32]))


def wait_fsyncs(t, count, start, timeout=120):
    """Waits for @count fsync lines after @start (a timeout is a hang)."""
    deadline = time.monotonic() + timeout
    while len(FSYNC.findall(t.text()[start:])) < count:
        if time.monotonic() > deadline or t.proc.poll() is not None:
            pytest.fail("%d fsync lines did not come:\n%s" % (
                count, t.text()[-3000:]))
        time.sleep(0.01)


def run_chain(chain, kills, results):
    disk = made_disk_image("crash%d.img" % chain)
    tmp = tempfile.mkdtemp(prefix="kt26-crash-")
    copy = os.path.join(tmp, "copy.img")
    previous = None             # (seed, synced) of the crash before
    orphans = 0                 # deleted by the mounts after the crashes
    t = None
    try:
        for kill in range(kills + 1):
            t = Terminal(cmdline="", disk=disk)
            t.wait_for(MOUNTED, timeout=120)
            t.wait_for(r"^# ", timeout=60)
            if previous:
                assert re.search(RECOVERED, t.text()), (
                    "seed %d: no journal replay at the mount after the "
                    "crash:\n%s" % (previous[0], t.text()[-3000:]))
                m = ORPHANS.search(t.text())
                orphans += int(m.group(1)) if m else 0
                out = t.output("busybox mount -o remount,ro /mnt; echo $?",
                               timeout=120)
                assert out.split()[-1:] == ["0"], out
                subprocess.run(["cp", "--sparse=always", disk, copy],
                               check=True)
                check_image(copy, previous[0], previous[1], tmp)
                os.unlink(copy)
                out = t.output("busybox mount -o remount,rw /mnt; echo $?",
                               timeout=120)
                assert out.split()[-1:] == ["0"], out
            if kill == kills:
                break
            seed = seed_of(chain, kill)
            want = fsyncs_before_kill(seed)
            start = t.type(b"fswriter %d /mnt/c%d\n" % (seed, seed))
            wait_fsyncs(t, want, start)
            t.close()           # SIGKILL: the crash
            synced = {}
            for name, n, length in FSYNC.findall(t.text()[start:]):
                assert name == "c%d" % seed
                synced[int(n)] = max(synced.get(int(n), 0), int(length))
            previous = (seed, synced)
            t = None
        results[chain] = (kills, orphans)
    except BaseException as e:          # pytest.fail() is one
        results[chain] = e
    finally:
        if t:
            t.close()
        shutil.rmtree(tmp, ignore_errors=True)
        os.unlink(disk)


def test_fsynced_data_survives_kills_and_the_journal_replays():
    results = {}
    threads = [threading.Thread(target=run_chain, args=(c, KILLS, results))
               for c in range(CHAINS)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    orphans = 0
    for c in range(CHAINS):
        if isinstance(results.get(c), BaseException):
            raise results[c]
        assert results.get(c, (0,))[0] == KILLS
        orphans += results[c][1]
    # Files unlinked while open were left by the crashes, and deleted by
    # the next mounts (fs/ext3/super.c: ext3_orphan_cleanup()).
    assert orphans > 0


def test_fswriter_prints_the_file_system_bench_rows():
    """`make bench`'s file-system rows (tools/bench.py: fs_rows()) are
    the lines `fswriter -b` prints: each is there and parses (the figures
    themselves are never asserted)."""
    bench = load_tool("bench")
    disk = made_disk_image("bench.img")
    t = Terminal(cmdline="loglevel=4", disk=disk)
    try:
        t.wait_for(r"^# ", timeout=60)
        out = t.output("fswriter -b /mnt/bench; echo $?", timeout=300)
    finally:
        t.close()
        os.unlink(disk)
    assert out.split()[-1] == "0", out
    rows, order = bench.parse_rows(out)
    assert [name for name, unit in order] == [
        "ext3 write 16 MiB + fsync", "ext3 read 16 MiB, caches dropped",
        "ext3 512 B write + fsync, median", "ext3 300 small files + sync",
        "jbd2 commits while making them",
        "jbd2 commit rate, small files fsync()ed"
    ], out
