#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""tools/mkdisk.py - make the disk `make run` attaches: an MBR partition
table with one Linux partition, hda1, holding an ext3 file system.

Linux 2.6: no counterpart (the disk of a real machine is made by fdisk
and mke2fs).  Called by the Makefile when build/disk.img is missing, and
by the tests, which make copies of their own:

  mkdisk.py OUTPUT            the whole disk: MBR + hda1 (ext3)
  mkdisk.py --fs OUTPUT       the file system alone (hda1's bytes)

Nothing here needs root: the host's mke2fs (e2fsprogs) builds the file
system in an image file of its own from a directory this script fills
(`mke2fs -d`), debugfs gives every file to root, and Python writes the
MBR and copies the file system to its place on the disk.

The layout of the 288 MiB disk (589824 sectors of 512 bytes; the image
file is sparse, so it holds only what mke2fs wrote):

  sector 0                 the MBR: no boot code, one partition entry
                           (type 0x83, Linux), the 55 aa signature
  sectors 1-65535          raw blocks, no partition (buffer-cache
                           blocks 0-8191 of hda)
  sectors 65536-589823     hda1: 256 MiB of ext3, 4 KiB blocks (65536 of
                           them, one buffer-cache block each), a journal

hda1 sits where the raw-disk tests never write.  They write 4 KiB
buffer-cache blocks of the whole disk, hda: blocks 2-4
(user/usertests.c), 37 and 50 (dd in tests/system/test_user.py), 100-720
(tests/ktest/disk_test.c, writeback_test.c) and 1000-6999
(writeback_test.c from 4000, vmscan_test.c up to 5000 + 2000); hda1 is
blocks 8192-73727.  The file system's blocks are 4 KiB, the buffer
cache's unit, so that each of its blocks is one buffer (what the
journal logs).  make_disk(path, block_size=1024) makes the same disk
with a file system of 1 KiB blocks instead, which the tests use to keep
reading four blocks out of one buffer and the deeper indirect maps.
tests/ktest/disk_test.h refuses a pattern write inside a partition, and
the in-kernel suite runs once on a copy of this disk
(tests/system/test_boot.py), which must come out with hda1 unchanged.

FILES below is what the file system holds: text, a directory with a
nested file, files long enough to need the inode's single-indirect
(more than 12 blocks) and double-indirect (more than 12 + 1024 blocks of
4 KiB, 12 + 256 of 1 KiB) maps, a hole (mke2fs leaves a block of zeros unallocated), symbolic
links (a fast one, kept in the inode, and a slow one, in a block), and a
directory of many names that needs several blocks.
"""
import hashlib
import os
import struct
import subprocess
import sys
import tempfile

SECTOR = 512
DISK_BYTES = 288 << 20          # Makefile DISK_MB
PART_START = 65536              # sectors: 32 MiB, buffer-cache block 8192
PART_SECTORS = 524288           # 256 MiB
PART_BYTES = PART_SECTORS * SECTOR
PART_TYPE = 0x83                # Linux
FS_BLOCK = 4096                 # ext3 block size: one buffer per block
FS_BLOCKS = PART_BYTES // FS_BLOCK
LABEL = "kt26"
UUID = "6b743236-6578-7433-8000-000000000001"
FAKE_TIME = 1700000000          # every time stamp: the image is reproducible


def pseudo_random(name, size):
    """@size bytes that depend only on @name (SHA-256 in counter mode)."""
    out = bytearray()
    counter = 0
    while len(out) < size:
        out += hashlib.sha256(b"%s:%d" % (name.encode(), counter)).digest()
        counter += 1
    return bytes(out[:size])


def _double():
    """4.5 MiB and a bit: past 12 + 1024 blocks of 4 KiB, so
    double-indirect at either block size; with 8 KiB of zeros (aligned to
    4 KiB: whole blocks at either size) in the middle, which mke2fs leaves
    as a hole."""
    data = bytearray(pseudo_random("double", (9 << 19) + 1234))
    data[300 * 1024:308 * 1024] = bytes(8 * 1024)
    return bytes(data)


README = b"""\
This is kt26's disk.

The primary IDE disk, hda, carries an MBR partition table with one Linux
partition, hda1, and on it this ext3 file system, made on the host by
tools/mkdisk.py with mke2fs.  At boot /sbin/init mounts it on /mnt,
read-only: the kernel reads ext3 (fs/ext3/) but does not write it yet,
and its journal is not replayed.

Try:  ls -l /mnt   cat /mnt/dir/nested/deep.txt   busybox md5sum /mnt/big/*
"""

# path -> contents; directories are made as needed.
FILES = {
    "README": README,
    "dir/nested/deep.txt": b"three directories down: /mnt/dir/nested\n",
    "empty": b"",
    "big/indirect.bin": pseudo_random("indirect", 100 * 1024 + 17),
    "big/double.bin": _double(),
}
FILES.update(("many/file%03d" % i, b"file %d\n" % i) for i in range(300))

# path -> target
SYMLINKS = {
    "link": "README",
    "dir/longlink": "nested/" + "./" * 40 + "deep.txt",  # > 60: a block
}


def find_tool(name):
    """e2fsprogs live in /sbin, which an ordinary user's PATH may lack."""
    for d in os.environ.get("PATH", "").split(os.pathsep) + ["/sbin",
                                                             "/usr/sbin"]:
        path = os.path.join(d, name)
        if d and os.access(path, os.X_OK):
            return path
    sys.exit("mkdisk: %s not found: install e2fsprogs "
             "(tools/install-deps.sh)" % name)


def populate(root):
    """Write FILES and SYMLINKS under @root, every time stamp FAKE_TIME."""
    for path, data in FILES.items():
        full = os.path.join(root, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "wb") as f:
            f.write(data)
    for path, target in SYMLINKS.items():
        os.symlink(target, os.path.join(root, path))
    for d, dirs, files in os.walk(root):
        for name in dirs + files:
            os.utime(os.path.join(d, name), (FAKE_TIME, FAKE_TIME),
                     follow_symlinks=False)


def make_fs(path, block_size=FS_BLOCK, size=PART_BYTES):
    """The ext3 file system of FILES, @size bytes of @block_size blocks,
    in the file @path (sparse)."""
    env = dict(os.environ, E2FSPROGS_FAKE_TIME=str(FAKE_TIME))
    with tempfile.TemporaryDirectory(prefix="kt26-mkdisk-") as tmp:
        root = os.path.join(tmp, "root")
        populate(root)
        with open(path, "wb"):
            pass                # mke2fs says nothing of an existing file
        subprocess.run([find_tool("mke2fs"), "-q", "-F", "-t", "ext3",
                        "-b", str(block_size), "-L", LABEL, "-U", UUID,
                        "-E", "root_owner=0:0,hash_seed=" + UUID,
                        "-d", root, path, str(size // block_size)],
                       check=True, env=env)
        # mke2fs -d keeps the builder's uid and gid: give it all to root.
        script = os.path.join(tmp, "owners")
        with open(script, "w") as f:
            for d, dirs, files in os.walk(root):
                for name in dirs + files:
                    p = "/" + os.path.relpath(os.path.join(d, name), root)
                    f.write("sif %s uid 0\nsif %s gid 0\n" % (p, p))
        subprocess.run([find_tool("debugfs"), "-w", "-f", script, path],
                       check=True, env=env, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)


def chs(lba, heads=255, sectors=63):
    """The 3 CHS bytes of an MBR entry (LBA is what the kernel reads)."""
    c = lba // (heads * sectors)
    if c > 1023:
        return bytes([254, 255, 255])
    h = (lba // sectors) % heads
    s = lba % sectors + 1
    return bytes([h, s | ((c >> 2) & 0xC0), c & 0xFF])


def mbr(entries):
    """Sector 0: no boot code, a disk signature, up to four entries
    (type, start sector, sectors), and 55 aa."""
    sector = bytearray(SECTOR)
    sector[440:444] = struct.pack("<I", 0x6b743236)
    for i, (ptype, start, count) in enumerate(entries):
        sector[446 + 16 * i:462 + 16 * i] = (
            bytes([0]) + chs(start) + bytes([ptype]) +
            chs(start + count - 1) + struct.pack("<II", start, count))
    sector[510:512] = b"\x55\xaa"
    return bytes(sector)


def copy_sparse(src, out, offset):
    """Copy the file @src into the open file @out at byte @offset,
    leaving out the chunks of zeros (the target is sparse and zero
    there already)."""
    chunk = 1 << 16
    zeros = bytes(chunk)
    with open(src, "rb") as f:
        pos = offset
        while True:
            data = f.read(chunk)
            if not data:
                break
            if data != zeros[:len(data)]:
                out.seek(pos)
                out.write(data)
            pos += len(data)


def make_disk(path, block_size=FS_BLOCK):
    """The whole disk at @path: sparse, MBR, hda1 (ext3 of @block_size
    blocks)."""
    fd, fs = tempfile.mkstemp(prefix="kt26-fs-", suffix=".img")
    os.close(fd)
    try:
        make_fs(fs, block_size)
        tmp = path + ".tmp"
        with open(tmp, "wb") as out:
            out.truncate(DISK_BYTES)
            out.write(mbr([(PART_TYPE, PART_START, PART_SECTORS)]))
            copy_sparse(fs, out, PART_START * SECTOR)
        os.replace(tmp, path)
    finally:
        os.unlink(fs)


def main(argv):
    if len(argv) == 3 and argv[1] == "--fs":
        make_fs(argv[2])
    elif len(argv) == 2 and not argv[1].startswith("-"):
        make_disk(argv[1])
    else:
        sys.exit("usage: mkdisk.py [--fs] OUTPUT")


if __name__ == "__main__":
    main(sys.argv)
