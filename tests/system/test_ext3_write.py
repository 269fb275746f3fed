# SPDX-License-Identifier: GPL-2.0
"""ext3 written by the guest, checked by the host's e2fsprogs: files of
0 B to 20 MiB of pseudo-random bytes (/bin/prng, whose stream Python
repeats here), O_APPEND, a hole, touch, directories three deep, renames
(across directories, over a file, of a directory whose '..' must
follow), an unlink, a hard link, symlinks in the inode and in a block,
rmdir of an empty and of a full directory; after sync and power-off
`e2fsck -fn` is clean, `debugfs -R 'cat ...'` gives exactly the bytes,
removed names are gone and the free counts agree.  A full file system
gives ENOSPC and stays consistent; a corrupt bitmap found while writing
remounts the file system read-only with one 'EXT3-fs error' line, and
the system goes on; writers on two CPUs share the allocator; fsync(2)
puts a file on the disk."""
import calendar
import hashlib
import re
import struct
import subprocess

from conftest import Terminal, load_tool, made_disk_image, new_disk_image

mkdisk = load_tool("mkdisk")

SECTOR = 512
MOUNTED_RW = r"init: /dev/hda1 mounted on /mnt \(ext3, read-write\)"
OFFSET = "?offset=%d" % (mkdisk.PART_START * SECTOR)


def prng(seed, size):
    """The bytes `prng SEED SIZE` writes (user/prng.c): xorshift32 from
    SEED, each step's four bytes little-endian."""
    x, words = seed, []
    for _ in range((size + 3) // 4):
        x ^= (x << 13) & 0xffffffff
        x ^= x >> 17
        x ^= (x << 5) & 0xffffffff
        words.append(x)
    return struct.pack("<%dI" % len(words), *words)[:size]


def tool(name, *args, check=True):
    """Run an e2fsprogs tool on hda1 of an image; its stdout."""
    r = subprocess.run([mkdisk.find_tool(name)] + list(args),
                       capture_output=True, check=False)
    if check:
        assert r.returncode == 0, (name, args, r.returncode,
                                   r.stdout.decode(errors="replace"),
                                   r.stderr.decode(errors="replace"))
    return r


def fsck_clean(disk):
    """e2fsck -fn: no problem found; (used inodes, inodes, used blocks,
    blocks) as it counted them."""
    r = tool("e2fsck", "-fn", disk + OFFSET, check=False)
    out = r.stdout.decode(errors="replace")
    assert r.returncode == 0 and "?" not in out, out
    m = re.search(r"(\d+)/(\d+) files .* (\d+)/(\d+) blocks", out)
    assert m, out
    return tuple(int(g) for g in m.groups())


def super_block(disk):
    """dumpe2fs -h, as a dict of its 'Name: value' lines."""
    out = tool("dumpe2fs", "-h", disk + OFFSET).stdout.decode()
    return {k.strip(): v.strip() for k, v in
            (line.split(":", 1) for line in out.splitlines() if ":" in line)}


def cat(disk, path):
    return tool("debugfs", "-R", "cat " + path, disk + OFFSET).stdout


def names(disk, path):
    out = tool("debugfs", "-R", "ls " + path, disk + OFFSET).stdout.decode()
    return set(re.findall(r"\(\d+\)\s+(\S+)", out))


def power_off(t):
    """sync and power off (the shell's built-in), and wait for it."""
    start = t.type(b"poweroff\n")
    t.wait_for(r"System halted: syncing disks\.\.\. done", timeout=120,
               start=start)
    t.proc.wait(timeout=60)


def boot(disk):
    t = Terminal(disk=disk)
    t.wait_for(MOUNTED_RW)
    t.wait_for(r"^# ")
    return t


FILES = {               # path under /mnt -> (seed, size)
    "w/f0": (1, 0),
    "w/f1": (2, 1),
    "w/a/f4k": (3, 4096),
    "w/a/b/f1m": (4, 1 << 20),
    "w/a/b/c/f20m": (5, 20 << 20),
}


def test_files_written_in_the_guest_read_back_on_the_host():
    disk = made_disk_image()
    t = boot(disk)
    try:
        out = t.output("mkdir -p /mnt/w/a/b/c /mnt/w/empty /mnt/w/d1/sub; "
                       "echo $?")
        assert out.split() == ["0"], out
        for path, (seed, size) in FILES.items():
            out = t.output("prng %d %d > /mnt/%s; echo $?"
                           % (seed, size, path), timeout=600)
            assert out.split() == ["0"], (path, out)
        # O_APPEND, and a hole: 300 blocks of nothing, then one.
        out = t.output("prng 6 5000 >> /mnt/w/f1; busybox dd "
                       "if=/mnt/w/a/f4k of=/mnt/w/holey bs=4096 seek=300 "
                       "count=1 2>/dev/null; echo $?")
        assert out.split() == ["0"], out
        # Renames: a file across directories, one over another file, a
        # directory into another; a hard link, an unlink, two symlinks.
        out = t.output("prng 7 100 > /mnt/w/victim; prng 8 10000 > "
                       "/mnt/w/gone; mv /mnt/w/a/f4k /mnt/w/a/b/moved4k; "
                       "mv /mnt/w/f1 /mnt/w/victim; mv /mnt/w/d1 "
                       "/mnt/w/a/b/; ln /mnt/w/a/b/f1m /mnt/w/hard1m; "
                       "rm /mnt/w/gone; ln -s f0 /mnt/w/fast; ln -s %s "
                       "/mnt/w/slow; rmdir /mnt/w/empty; echo $?"
                       % ("x" * 100))
        assert out.split() == ["0"], out     # no complaint on the way
        # touch: a new empty file, and a given time (utimensat(2)).
        out = t.output("busybox touch /mnt/w/touched; busybox touch -d "
                       "'2001-02-03 04:05:06' /mnt/w/f0; echo $?")
        assert out.split() == ["0"], out
        out = t.output("rmdir /mnt/w/a; mkdir /mnt/w/a")
        assert "Directory not empty" in out and "File exists" in out, out
        # The guest reads back what it wrote (from the buffer cache).
        out = t.output("busybox md5sum /mnt/w/a/b/f1m /mnt/w/victim "
                       "/mnt/w/holey", timeout=120)
        assert hashlib.md5(prng(4, 1 << 20)).hexdigest() in out, out
        assert hashlib.md5(prng(2, 1) + prng(6, 5000)).hexdigest() in out
        out = t.output("busybox stat -c '%s %b' /mnt/w/holey "
                       "/mnt/w/a/b/d1/.. /mnt/w/hard1m")
        size, blocks = out.splitlines()[0].split()
        # One block of data and the single-indirect block mapping it.
        assert (size, blocks) == (str(301 * 4096), "16"), out
        out = t.output("busybox stat -c '%i %h' /mnt/w/a/b /mnt/w/a/b/d1/.. "
                       "/mnt/w/hard1m /mnt/w/a/b/f1m")
        (b_ino, b_links), (dd_ino, _), (h_ino, h_links), (f_ino, _) = \
            [line.split() for line in out.splitlines()]
        assert b_ino == dd_ino and b_links == "4", out   # c, d1: 2 + 2
        assert h_ino == f_ino and h_links == "2", out
        df = t.output("busybox df -k /mnt").splitlines()[1].split()
        assert t.output("sync; echo $?").split() == ["0"]
        power_off(t)
    finally:
        t.close()

    used_inodes, inodes, used_blocks, blocks = fsck_clean(disk)
    sb = super_block(disk)
    assert int(sb["Free blocks"]) == blocks - used_blocks, sb
    assert int(sb["Free inodes"]) == inodes - used_inodes, sb
    # df (statfs) in the guest said the same, in KiB.
    assert int(df[3]) <= (blocks - used_blocks) * 4, df
    assert int(df[1]) - int(df[2]) == (blocks - used_blocks) * 4, df
    # Mounted read-write and never unmounted: not marked valid.
    assert sb["Filesystem state"] == "not clean", sb

    expect = {
        "/w/f0": b"",
        "/w/victim": prng(2, 1) + prng(6, 5000),
        "/w/a/b/moved4k": prng(3, 4096),
        "/w/a/b/f1m": prng(4, 1 << 20),
        "/w/hard1m": prng(4, 1 << 20),
        "/w/a/b/c/f20m": prng(5, 20 << 20),
        "/w/holey": bytes(300 * 4096) + prng(3, 4096),
    }
    for path, data in expect.items():
        got = cat(disk, path)
        assert hashlib.sha256(got).hexdigest() == \
            hashlib.sha256(data).hexdigest(), (path, len(got), len(data))
    assert names(disk, "/w") == {".", "..", "a", "f0", "victim", "holey",
                                 "hard1m", "fast", "slow", "touched"}, \
        names(disk, "/w")
    out = tool("debugfs", "-R", "stat /w/f0", disk + OFFSET).stdout
    assert b"mtime: 0x%08x" % calendar.timegm((2001, 2, 3, 4, 5, 6)) in out
    assert names(disk, "/w/a") == {".", "..", "b"}
    assert names(disk, "/w/a/b") == {".", "..", "c", "f1m", "moved4k", "d1"}
    assert names(disk, "/w/a/b/d1") == {".", "..", "sub"}
    out = tool("debugfs", "-R", "stat /w/slow", disk + OFFSET).stdout
    assert b"Fast link dest" not in out and b"BLOCKS" in out, out
    out = tool("debugfs", "-R", "stat /w/fast", disk + OFFSET).stdout
    assert b'Fast link dest: "f0"' in out, out


def small_disk():
    """A disk whose hda1 is 16 MiB of ext3 (4 KiB blocks) holding the
    files of tools/mkdisk.py: a few MiB left."""
    fs = new_disk_image("small-fs.img", size=0)
    mkdisk.make_fs(fs, 4096, 16 << 20)
    disk = new_disk_image("small.img")
    with open(disk, "r+b") as out:
        out.write(mkdisk.mbr([(mkdisk.PART_TYPE, mkdisk.PART_START,
                               (16 << 20) // SECTOR)]))
        mkdisk.copy_sparse(fs, out, mkdisk.PART_START * SECTOR)
    return disk


def test_a_full_file_system_gives_enospc_and_stays_consistent():
    disk = small_disk()
    free_before = int(super_block(disk)["Free blocks"])
    t = boot(disk)
    try:
        out = t.output("prng 9 33554432 > /mnt/fill; echo $?", timeout=600)
        assert "prng: write: No space left on device" in out, out
        assert out.split()[-1] == "1", out
        out = t.output("busybox df -k /mnt").splitlines()[1].split()
        assert out[3] == "0", out
        out = t.output("echo x > /mnt/one-more; mkdir /mnt/dir/more")
        assert out.count("No space left on device") == 2, out
        # What was written before the disk filled reads back.
        size = int(t.output("busybox stat -c %s /mnt/fill"))
        assert size > 1 << 20, size
        out = t.output("busybox md5sum /mnt/fill", timeout=120)
        assert hashlib.md5(prng(9, size)).hexdigest() in out, out
        t.output("rm /mnt/fill /mnt/one-more")
        # Read-only and back: the state written each way.
        out = t.output("busybox mount -o remount,ro /mnt; echo x > /mnt/y; "
                       "busybox mount -o remount,rw /mnt; echo $?")
        assert "Read-only file system" in out and out.split()[-1] == "0", \
            out
        out = t.output("busybox umount /mnt; echo $?")
        assert out.split() == ["0"], out
        power_off(t)
    finally:
        t.close()
    fsck_clean(disk)
    sb = super_block(disk)
    assert int(sb["Free blocks"]) == free_before, sb
    assert sb["Filesystem state"] == "clean", sb
    assert int(sb["Mount count"]) == 2, sb      # the remount counts


def test_a_corrupt_bitmap_found_while_writing_remounts_read_only():
    """The block bitmap of group 0 says the inode table's blocks are
    free: the first allocation finds one, reports it, and the file system
    goes read-only with the error recorded in its super block; reading
    and the shell go on."""
    disk = small_disk()
    part = mkdisk.PART_START * SECTOR
    with open(disk, "r+b") as f:
        f.seek(part + 4096)            # block 1: the group descriptors
        bitmap, _, table = struct.unpack("<III", f.read(12))
        f.seek(part + bitmap * 4096)
        bits = bytearray(f.read(4096))
        for block in range(table, table + 8):   # of the inode table
            bits[block // 8] &= ~(1 << block % 8)
        f.seek(part + bitmap * 4096)
        f.write(bits)
    t = boot(disk)
    try:
        out = t.output("echo x > /mnt/new")
        assert "Structure needs cleaning" in out, out
        assert re.search(r"EXT3-fs error \(device hda1\): ext3_new_block: "
                         r"Allocating block in system zone - block = %d"
                         % table, out), out
        assert "EXT3-fs (device hda1): Remounting filesystem read-only" \
            in out, out
        out = t.output("mkdir /mnt/d")
        assert "Read-only file system" in out, out
        assert "/dev/hda1 /mnt ext3 ro" in t.output("cat /proc/mounts")
        assert t.output("cat /mnt/dir/nested/deep.txt") == \
            mkdisk.FILES["dir/nested/deep.txt"].decode()
        assert "hi" in t.output("echo hi")
        power_off(t)
    finally:
        t.close()
    sb = super_block(disk)
    assert "with errors" in sb["Filesystem state"], sb


def test_writers_on_two_cpus_share_the_allocator():
    """Four files written at once by four processes on two CPUs, in two
    directories of two groups: their blocks and inodes come from the same
    bitmaps and counts (s_alloc_mutex), and the host finds every byte
    and consistent counts."""
    disk = made_disk_image()
    t = Terminal(disk=disk, smp=2)
    try:
        t.wait_for(MOUNTED_RW)
        t.wait_for(r"^# ")
        out = t.output("mkdir /mnt/p /mnt/q; echo $?")
        assert out.split() == ["0"], out
        out = t.output("prng 21 3000001 > /mnt/p/1 & prng 22 2500000 > "
                       "/mnt/q/2 & prng 23 2000000 4096 > /mnt/p/3 & "
                       "prng 24 1500000 777 > /mnt/q/4 & wait; echo done",
                       timeout=600)
        assert "done" in out, out
        assert t.output("sync; echo $?").split() == ["0"]
        power_off(t)
    finally:
        t.close()
    fsck_clean(disk)
    for path, seed, size in (("/p/1", 21, 3000001), ("/q/2", 22, 2500000),
                             ("/p/3", 23, 2000000), ("/q/4", 24, 1500000)):
        assert cat(disk, path) == prng(seed, size), path


def test_fsync_puts_a_file_on_the_disk():
    """dd conv=fsync: fsync(2) -> ext3_sync_file() -> ext3_force_commit()
    commits the file's data (written first: data=ordered) and metadata
    to the journal before dd exits; QEMU is then killed with nothing else
    synced.  The next boot's mount replays the journal, and after a clean
    umount the host finds the file whole and the file system
    consistent."""
    disk = made_disk_image()
    t = boot(disk)
    try:
        out = t.output("prng 31 300000 | busybox dd of=/mnt/synced bs=4096 "
                       "conv=fsync 2>/dev/null; echo $?")
        assert out.split() == ["0"], out
    finally:
        t.close()               # killed: no sync, no umount
    t = boot(disk)
    try:
        log = t.output("dmesg | grep JBD2")
        assert "JBD2: recovery complete on hda1-8" in log, log
        assert t.output("busybox umount /mnt; echo $?").split() == ["0"]
    finally:
        t.close()
    fsck_clean(disk)
    assert cat(disk, "/synced") == prng(31, 300000)
