# SPDX-License-Identifier: GPL-2.0
"""A damaged ext3 file system (fs/ext3/, fs/jbd2/), broken on the host at
offsets computed from the on-disk format, one case per boot (each boot
costs well under a second; the five run at once):

- the super block: a block count beyond the partition -- the mount is
  refused and says why;
- group 0's descriptor: its block bitmap outside the partition -- the
  mount is refused (fs/ext3/super.c: ext3_check_descriptors());
- an inode: /README's first data block outside the partition -- the
  read fails (ext3_get_branch), the error is recorded and the file system
  goes read-only (errors=remount-ro: ext3_error() ->
  ext3_handle_error());
- a directory block: an entry of /dir whose rec_len runs off the block
  -- the lookup fails (ext3_find_entry: "directory entry across
  blocks"), and the file system goes read-only;
- the journal's super block (block 0 of inode 8): a bad magic -- jbd2
  refuses the journal and the mount is refused.

In every case the kernel names what is wrong in one line, the shell
still answers, and where the file system was mounted it is read-only and
its other files still read back right.  And an inode too large to read
(4 GiB or more) is refused at every lookup: the failed read is not kept
in the inode cache."""
import re
import struct
import subprocess

import pytest

from conftest import Terminal, load_tool
from test_ext3 import Ext2, disk_of, fs_image

mkdisk = load_tool("mkdisk")

SECTOR = 512
NOT_MOUNTED = r"init: /dev/hda1 not mounted on /mnt: Invalid argument"
MOUNTED_RW = r"init: /dev/hda1 mounted on /mnt \(ext3, read-write\)"


def break_super(img):
    img.put32(img.sb + 4, img.blocks_count * 16)
    return r"EXT3-fs: hda1: bad geometry: block count %d exceeds size " \
        r"of device \(%d blocks\)" % (img.blocks_count * 16,
                                      img.blocks_count)


def break_gdt(img):
    img.put32(img.gdt(0), img.blocks_count + 100)
    return r"EXT3-fs error \(device hda1\): ext3_check_descriptors: Block " \
        r"bitmap for group 0 not in group \(block %d\)!" % (
            img.blocks_count + 100)


def break_inode(img):
    img.put32(img.i_block(img.lookup("/README"), 0), img.blocks_count + 7)
    return r"EXT3-fs error \(device hda1\): ext3_get_branch: inode #\d+: " \
        r"data block %d \(file block 0\) is outside the file system" % (
            img.blocks_count + 7)


def break_dir(img):
    # The last entry of /dir's block runs to the block's end: 8 more and
    # it runs off it.
    last = img.entries(img.lookup("/dir"))[-1]
    struct.pack_into("<H", img.data, last[0] + 4, last[2] + 8)
    return r"EXT3-fs error \(device hda1\): ext3_find_entry: bad entry " \
        r"in directory #\d+: directory entry across blocks - " \
        r"offset=\d+, inode=\d+, rec_len=%d" % (last[2] + 8)


def break_journal(img):
    block = struct.unpack_from("<I", img.data, img.i_block(8, 0))[0]
    img.put32(img.at(block), 0x12345678)
    return r"JBD2: no valid journal superblock found\n.*EXT3-fs: hda1: " \
        r"error loading journal"


# name -> (how to break it, a command that meets the damage, or None when
# the mount itself must fail)
CASES = {
    "super": (break_super, None),
    "gdt": (break_gdt, None),
    "inode": (break_inode, "cat /mnt/README"),
    "dir": (break_dir, "cat /mnt/dir/zzz-not-there"),
    "journal": (break_journal, None),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_broken_structure_is_named_and_survived(case):
    fs = fs_image()
    img = Ext2(fs)
    damage, command = CASES[case]
    said = damage(img)
    disk = disk_of([(mkdisk.PART_START, bytes(fs))])
    t = Terminal(cmdline="", disk=disk)
    try:
        t.wait_for(r"^# ", timeout=60)
        if command is None:
            assert re.search(NOT_MOUNTED, t.text(), re.M), t.text()[-3000:]
            log = t.output("dmesg | busybox grep -e EXT3 -e JBD2")
            assert re.search(said, log), log
            assert t.output("ls /mnt | wc -l").split() == ["0"]
        else:
            assert re.search(MOUNTED_RW, t.text(), re.M), t.text()[-3000:]
            out = t.output(command)
            assert "Structure needs cleaning" in out, out
            assert re.search(said, out), out
            assert out.count("EXT3-fs error") == 1, out
            assert "EXT3-fs (device hda1): Remounting filesystem " \
                "read-only" in out, out
            assert "/dev/hda1 /mnt ext3 ro" in t.output("cat /proc/mounts")
            out = t.output("echo x > /mnt/new")
            assert "Read-only file system" in out, out
            # Another file, away from the damage.
            other = "README" if case == "dir" else "dir/nested/deep.txt"
            assert t.output("cat /mnt/" + other) == \
                mkdisk.FILES[other].decode()
        assert "hi" in t.output("echo hi")
    finally:
        t.close()


def test_an_inode_that_cannot_be_read_is_not_kept():
    """/README's size with its high word set (4 GiB or more, more than an
    off_t): ext3_iget() refuses it with EFBIG and frees the inode unhashed
    (fs/inode.c: only a hashed inode is kept unused), so the next lookup
    reads it, and refuses it, again instead of finding a half-made inode;
    the file system stays read-write."""
    fs = fs_image()
    img = Ext2(fs)
    img.put32(img.inode(img.lookup("/README")) + 108, 1)   # i_dir_acl
    disk = disk_of([(mkdisk.PART_START, bytes(fs))])
    t = Terminal(cmdline="", disk=disk)
    try:
        t.wait_for(r"^# ", timeout=60)
        assert re.search(MOUNTED_RW, t.text(), re.M), t.text()[-3000:]
        for _ in range(2):
            out = t.output("cat /mnt/README")
            assert "File too large" in out, out
        log = t.output("dmesg | busybox grep 'too large for this kernel'")
        assert log.count("2 GiB or more") == 2, log
        assert t.output("cat /mnt/dir/nested/deep.txt") == \
            mkdisk.FILES["dir/nested/deep.txt"].decode()
        assert "/dev/hda1 /mnt ext3 rw" in t.output("cat /proc/mounts")
    finally:
        t.close()
