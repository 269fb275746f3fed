# SPDX-License-Identifier: GPL-2.0
"""The partitioned disk and ext3, from the shell: the kernel finds hda1
where the host's MBR puts it (fs/partitions/), /sbin/init mounts it on
/mnt, and what the host's mke2fs wrote (tools/mkdisk.py) reads back the
same -- text, a nested directory, files of single- and double-indirect
blocks with a hole, symlinks in the inode and in a block, a directory of
several blocks -- by checksum against Python's; a disk without a table,
a super block that is not ext3's or asks for features this kernel lacks,
broken group descriptors, and, in a mounted file system, broken
directory entries, an inode number out of range and a block number
outside the file system are each reported in one clear line, the
operation fails with the right errno, and the shell goes on."""
import hashlib
import re
import shutil
import struct

import pytest

from conftest import Terminal, load_tool, made_disk_image, new_disk_image

mkdisk = load_tool("mkdisk")

SECTOR = 512
MOUNTED = r"init: /dev/hda1 mounted on /mnt \(ext3, read-(only|write)\)"
MOUNTED_RO = r"init: /dev/hda1 mounted on /mnt \(ext3, read-only\)"
MOUNTED_RW = r"init: /dev/hda1 mounted on /mnt \(ext3, read-write\)"


# --- the host's view of the disk ------------------------------------------

def mbr_entries(path):
    """[(slot, type, start, sectors)] of the MBR of the image @path."""
    with open(path, "rb") as f:
        sector = f.read(SECTOR)
    assert sector[510:512] == b"\x55\xaa"
    entries = []
    for slot in range(1, 5):
        e = sector[446 + 16 * (slot - 1):446 + 16 * slot]
        ptype = e[4]
        start, count = struct.unpack("<II", e[8:16])
        if count:
            entries.append((slot, ptype, start, count))
    return entries


class Ext2:
    """Just enough of an ext2/ext3 image in a bytearray to find and break
    things: the super block, group descriptors, inodes, directory
    entries (direct blocks only: the directories here are small)."""

    def __init__(self, data, offset=0):
        self.data, self.offset = data, offset
        sb = offset + 1024
        (self.inodes_count, self.blocks_count, _, _, _,
         self.first_data_block, log, _, _, _,
         self.inodes_per_group) = struct.unpack_from("<11I", data, sb)
        self.bs = 1024 << log
        self.inode_size = struct.unpack_from("<H", data, sb + 88)[0]
        self.sb = sb

    def at(self, block):
        return self.offset + block * self.bs

    def gdt(self, group=0):
        return self.at(self.first_data_block + 1) + 32 * group

    def inode(self, ino):
        group, index = divmod(ino - 1, self.inodes_per_group)
        table = struct.unpack_from("<I", self.data, self.gdt(group) + 8)[0]
        return self.at(table) + index * self.inode_size

    def i_block(self, ino, n):
        """The offset of i_block[n] of inode @ino."""
        return self.inode(ino) + 40 + 4 * n

    def entries(self, dir_ino):
        """[(offset of the entry, inode, rec_len, name)] of a directory."""
        size = struct.unpack_from("<I", self.data, self.inode(dir_ino) + 4)[0]
        out = []
        for n in range(size // self.bs):
            block = struct.unpack_from("<I", self.data,
                                       self.i_block(dir_ino, n))[0]
            pos = self.at(block)
            end = pos + self.bs
            while pos < end:
                ino, rec_len, name_len = struct.unpack_from("<IHB", self.data,
                                                            pos)
                name = bytes(self.data[pos + 8:pos + 8 + name_len]).decode()
                out.append((pos, ino, rec_len, name))
                pos += rec_len
        return out

    def lookup(self, path):
        ino = 2
        for name in path.strip("/").split("/"):
            ino = {e[3]: e[1] for e in self.entries(ino)}[name]
        return ino

    def entry(self, path):
        """The directory entry of @path: (offset, inode, rec_len, name)."""
        parent, name = path.rsplit("/", 1)
        dir_ino = self.lookup(parent) if parent else 2
        return next(e for e in self.entries(dir_ino) if e[3] == name)

    def put32(self, offset, value):
        struct.pack_into("<I", self.data, offset, value)


SMALL_FS = 16 << 20             # the file systems the tests break


def fs_image(block_size=mkdisk.FS_BLOCK):
    """A new file system of FILES as tools/mkdisk.py makes it, but of
    SMALL_FS bytes, not a whole hda1."""
    path = new_disk_image("fs.img", size=0)
    mkdisk.make_fs(path, block_size, SMALL_FS)
    with open(path, "rb") as f:
        return bytearray(f.read())


def disk_of(partitions, size=mkdisk.DISK_BYTES):
    """A disk image with an MBR listing @partitions, [(start sector,
    file-system bytes)], each written at its start; type 0x83."""
    path = new_disk_image("parts.img", size=size)
    with open(path, "r+b") as f:
        f.write(mkdisk.mbr([(mkdisk.PART_TYPE, start, len(data) // SECTOR)
                            for start, data in partitions]))
        for start, data in partitions:
            f.seek(start * SECTOR)
            f.write(data)
    return path


def boot(disk):
    t = Terminal(disk=disk)
    t.wait_for(r"init: running in ring 3")
    t.wait_for(r"^# ")
    return t


# --- the partition table ----------------------------------------------------

def test_partition_table_is_the_hosts_and_dev_hda1_is_hda1():
    """The kernel finds hda1 where the MBR puts it, says so as Linux does
    (' hda: hda1') with its sectors, and /dev/hda1 reads exactly those
    sectors: its checksum is the host's of the same bytes, so both the
    start (the offset generic_make_request() adds) and the end (the
    bounds it checks) are right.  A partition the table does not list
    has a node but no device."""
    disk = made_disk_image()
    [(slot, ptype, start, count)] = mbr_entries(disk)
    assert (slot, ptype) == (1, 0x83)
    with open(disk, "rb") as f:
        f.seek(start * SECTOR)
        part = f.read(count * SECTOR)
    t = boot(disk)
    try:
        log = t.output("dmesg | grep hda")
        assert re.search(r"^\[[ .0-9]+\]  hda: hda1$", log, re.M), log
        assert ("hda1: sectors %d-%d (%d sectors, %d KiB), type 0x83"
                % (start, start + count - 1, count, count // 2)) in log, log
        out = t.output("cat /proc/partitions")
        assert out.splitlines()[2:] == [
            "   3     0 %10d hda" % (mkdisk.DISK_BYTES // 1024),
            "   3     1 %10d hda1" % (count // 2)], out
        # Its first 8 MiB (all of it would take long under emulation),
        # but the first block: the read-write mount has stamped the
        # super block (its state, mount count and time).
        out = t.output("dd if=/dev/hda1 bs=4096 skip=1 count=2047 | "
                       "busybox md5sum", timeout=120)
        assert hashlib.md5(part[4096:8 << 20]).hexdigest() in out, out
        out = t.output("dd if=/dev/hda1 bs=512 skip=%d count=2" % (count - 1))
        assert "1+0 records in" in out, out
        out = t.output("cat /dev/hda2; ls -l /dev/hda2")
        assert "cat: /dev/hda2: No such device or address" in out, out
        assert re.search(r"^brw-rw----.* /dev/hda2$", out, re.M), out
        assert "hi" in t.output("echo hi")
    finally:
        t.close()


def test_blank_disk_has_no_partition_table_and_init_goes_on():
    """A disk whose sector 0 has no MBR signature is used whole, said in
    one line; init says /dev/hda1 is not there and starts the shell."""
    t = boot(new_disk_image())
    try:
        t.wait_for(r"init: /dev/hda1 not mounted on /mnt: No such device or "
                   r"address; going on without it")
        log = t.output("dmesg | grep hda")
        assert (" hda: unknown partition table (no 55 aa signature at the "
                "end of sector 0): the whole disk only") in log, log
        assert t.output("ls /mnt | wc -l").split() == ["0"]
    finally:
        t.close()


# --- reading what the host wrote --------------------------------------------

@pytest.mark.parametrize("block_size", [4096, 1024])
def test_ext3_files_read_back_as_the_host_wrote_them(block_size):
    """With blocks of 4 KiB (one buffer each: mounted read-write) and of
    1 KiB (four to a buffer: read-only, said why): ls, cat, md5sum
    (against hashlib's, for the files that need the single- and
    double-indirect maps and hold a hole), symlinks, stat; with 1 KiB
    blocks writes are refused (-EROFS), and so is a remount read-write;
    a name of 256 bytes is -ENAMETOOLONG, a missing one -ENOENT; umount,
    mount as ext2, a second type at once (-EBUSY), a disk that holds no
    ext3 where it is asked (-EINVAL), and only then the next command."""
    rw = block_size == 4096
    t = boot(made_disk_image(block_size=block_size))
    try:
        t.wait_for(MOUNTED_RW if rw else MOUNTED_RO)
        log = t.output("dmesg | grep EXT3")
        assert ("EXT3-fs: hda1: mounted %s: %d blocks of %d bytes"
                % ("read-write" if rw else "read-only",
                   mkdisk.PART_BYTES // block_size, block_size)) in log, log
        assert rw or ("EXT3-fs: hda1: mounting read-only: its blocks are "
                      "not of a buffer's 4096 bytes") in log, log
        # 4 KiB blocks: the journal is loaded (fs/jbd2/); 1 KiB: not.
        assert ("EXT3-fs: hda1: internal journal (inode 8) %s"
                % ("loaded" if block_size == 4096 else "not loaded")) in log

        top = {p.split("/")[0] for p in list(mkdisk.FILES) +
               list(mkdisk.SYMLINKS)} | {"lost+found"}
        assert t.output("ls -1 /mnt").split() == sorted(top)
        assert t.output("ls /mnt/many | wc -l").split() == ["300"]
        assert t.output("cat /mnt/dir/nested/deep.txt") == \
            mkdisk.FILES["dir/nested/deep.txt"].decode()

        # All but most of /many: the shell's line has 1023 characters.
        names = sorted(n for n in mkdisk.FILES if not n.startswith("many/")
                       or n[-3:] in ("000", "163", "299"))
        out = t.output("busybox md5sum " + " ".join("/mnt/" + n
                                                    for n in names),
                       timeout=120)
        sums = {line.split()[1]: line.split()[0] for line in out.splitlines()
                if line.startswith(tuple("0123456789abcdef"))}
        for n in names:
            assert sums.get("/mnt/" + n) == \
                hashlib.md5(mkdisk.FILES[n]).hexdigest(), (n, out)
        # Through both symlinks: one in the inode, one in a block.
        assert t.output("cat /mnt/link") == mkdisk.README.decode()
        assert t.output("cat /mnt/dir/longlink") == \
            mkdisk.FILES["dir/nested/deep.txt"].decode()
        out = t.output("busybox readlink /mnt/link; "
                       "busybox readlink /mnt/dir/longlink")
        assert out.split() == [mkdisk.SYMLINKS["link"],
                               mkdisk.SYMLINKS["dir/longlink"]], out

        big = mkdisk.FILES["big/double.bin"]
        out = t.output("busybox stat -c '%s %b %B %h %u %g %a %D %F' "
                       "/mnt/big/double.bin /mnt/dir")
        size, blocks, unit, links, uid, gid, mode, dev, kind = \
            out.splitlines()[0].split(" ", 8)
        # Blocks of data, less the 8 KiB of the hole; the single-indirect
        # block, the double-indirect block and the single-indirect ones
        # below it, each mapping block_size / 4.
        per = block_size // 4
        n = -(-len(big) // block_size)
        maps = 1 + 1 + -(-(n - 12 - per) // per)
        assert (int(size), int(blocks), int(unit)) == \
            (len(big), block_size // 512 * (n - 8192 // block_size + maps),
             512), out
        assert (links, uid, gid, mode, kind) == \
            ("1", "0", "0", "644", "regular file"), out
        assert dev == "301", out        # 3,1: hda1
        assert out.splitlines()[1].split(" ", 8)[3:] == \
            ["3", "0", "0", "755", "301", "directory"], out

        if not rw:
            out = t.output("echo x > /mnt/new; mkdir /mnt/d; "
                           "rm -f /mnt/README")
            assert out.count("Read-only file system") == 3, out
            out = t.output("busybox mount -o remount,rw /mnt")
            assert "Read-only file system" in out, out
        out = t.output("cat /mnt/%s /mnt/nosuchfile" % ("x" * 256))
        assert "File name too long" in out and \
            "cat: /mnt/nosuchfile: No such file or directory" in out, out
        assert "/dev/hda1 /mnt ext3 %s 0 0" % ("rw" if rw else "ro") in \
            t.output("cat /proc/mounts")

        assert t.output("busybox umount /mnt; echo $?").split() == ["0"]
        assert t.output("ls /mnt | wc -l").split() == ["0"]
        out = t.output("busybox mount -t ext2 -o ro /dev/hda1 /mnt; echo $?")
        assert out.split() == ["0"], out
        assert t.output("cat /mnt/dir/nested/deep.txt") == \
            mkdisk.FILES["dir/nested/deep.txt"].decode()
        t.output("mkdir /tmp/m")
        out = t.output("busybox mount -t ext3 -o ro /dev/hda1 /tmp/m")
        assert "Device or resource busy" in out, out
        out = t.output("busybox mount -t ext3 -o ro /dev/hda /tmp/m")
        assert "Invalid argument" in out, out
        out = t.output("dmesg | grep 'find ext3'")
        assert "VFS: Can't find ext3 filesystem on dev hda (magic 0 at " \
            "byte 1024" in out.replace("0x0", "0"), out
        assert "hi" in t.output("echo hi")
    finally:
        t.close()


# --- what must be refused, and said ----------------------------------------

def test_corrupt_structures_in_a_mounted_ext3_are_reported_and_survived():
    """One mounted file system, four breakages made in Python: a
    directory entry naming an inode past s_inodes_count (/dir), one
    naming a reserved inode (README), a data block number past the end of
    the file system (big/indirect.bin), a rec_len that is not a multiple
    of 4 (the second block of /many).  Each gives an 'EXT3-fs error' line
    and 'Structure needs cleaning'; what is intact still reads."""
    fs = fs_image()
    img = Ext2(fs)
    off, ino, rec_len, _ = img.entry("/dir/nested")
    img.put32(off, img.inodes_count + 5)
    img.put32(img.entry("/README")[0], 5)
    img.put32(img.i_block(img.lookup("/big/indirect.bin"), 0),
              img.blocks_count + 1000)
    many = img.entries(img.lookup("/many"))
    second = next(e for e in many if e[0] >= img.at(
        struct.unpack_from("<I", fs, img.i_block(img.lookup("/many"), 1))[0]))
    struct.pack_into("<H", fs, second[0] + 4, 13)
    t = boot(disk_of([(mkdisk.PART_START, bytes(fs))]))
    try:
        t.wait_for(MOUNTED)
        out = t.output("ls /mnt/dir")
        # What came before the bad entry, then the error, said once.
        assert "longlink" in out and "Structure needs cleaning" in out, out
        assert out.count("EXT3-fs error") == 1, out
        assert re.search(r"EXT3-fs error \(device hda1\): ext3_readdir: bad "
                         r"entry in directory #\d+: inode out of bounds - "
                         r"offset=\d+, inode=%d," % (img.inodes_count + 5),
                         out), out
        out = t.output("cat /mnt/dir/nested/deep.txt")
        assert "cat: /mnt/dir/nested/deep.txt: Structure needs cleaning" \
            in out, out

        out = t.output("cat /mnt/README")
        assert "EXT3-fs error (device hda1): ext3_iget: bad inode number: 5" \
            in out and "Structure needs cleaning" in out, out

        out = t.output("cat /mnt/big/indirect.bin | wc -c")
        assert re.search(r"ext3_get_branch: inode #\d+: data block %d \(file "
                         r"block 0\) is outside the file system"
                         % (img.blocks_count + 1000), out), out
        assert "Structure needs cleaning" in out, out

        out = t.output("ls /mnt/many")
        assert "file000" in out and "rec_len % 4 != 0" in out and \
            "Structure needs cleaning" in out, out

        out = t.output("busybox md5sum /mnt/big/double.bin", timeout=120)
        assert hashlib.md5(mkdisk.FILES["big/double.bin"]).hexdigest() in out
        assert "hi" in t.output("echo hi")
    finally:
        t.close()


def test_bad_super_blocks_are_refused_and_a_dirty_journal_is_said():
    """Four partitions: hda1's journal needs recovery (1 KiB blocks: not
    loaded, mounted read-only with a warning that it was not replayed --
    tests/system/test_jbd2.py replays journals of 4 KiB blocks; ext2,
    which has no journal, refuses it), hda2 is not ext3 at all (bad magic), hda3 asks for an
    incompat feature this kernel lacks (ext4's extents), hda4's group
    descriptor puts the inode table outside its group.  Each refusal is
    one clear line and -EINVAL; the shell goes on.  (hda1 is mounted
    read-only: writing over an unreplayed journal would lose it.)"""
    fs = fs_image(1024)
    img = Ext2(fs)
    incompat = img.sb + 0x60
    recover = bytearray(fs)
    struct.pack_into("<I", recover, incompat,
                     struct.unpack_from("<I", fs, incompat)[0] | 0x4)
    magic = bytearray(fs[:1 << 20])
    struct.pack_into("<H", magic, img.sb + 0x38, 0x1234)
    extents = bytearray(fs[:1 << 20])
    struct.pack_into("<I", extents, incompat,
                     struct.unpack_from("<I", fs, incompat)[0] | 0x40)
    gdt = bytearray(fs)
    struct.pack_into("<I", gdt, img.gdt(0) + 8, img.blocks_count - 3)
    start2 = mkdisk.PART_START + len(fs) // SECTOR
    start3 = start2 + len(magic) // SECTOR
    start4 = start3 + len(extents) // SECTOR
    disk = disk_of([(mkdisk.PART_START, bytes(recover)), (start2, magic),
                    (start3, extents), (start4, bytes(gdt))])
    t = boot(disk)
    try:
        t.wait_for(MOUNTED)
        log = t.output("dmesg | grep EXT3-fs")
        assert ("EXT3-fs: hda1: the journal needs recovery, which needs "
                "4 KiB blocks: not replayed") in log, log
        assert "EXT3-fs: hda1: mounting read-only: " in log, log
        assert t.output("cat /mnt/dir/nested/deep.txt") == \
            mkdisk.FILES["dir/nested/deep.txt"].decode()
        t.output("busybox umount /mnt")
        out = t.output("busybox mount -t ext2 -o ro /dev/hda1 /mnt; "
                       "dmesg | grep EXT2-fs")
        assert "Invalid argument" in out and ("EXT2-fs: hda1: couldn't "
                                              "mount because of unsupported "
                                              "optional features (4)") in out

        out = t.output("busybox mount -t ext3 -o ro /dev/hda2 /mnt; "
                       "dmesg | grep hda2")
        assert "Invalid argument" in out and ("VFS: Can't find ext3 "
                                              "filesystem on dev hda2 (magic "
                                              "0x1234") in out, out
        out = t.output("busybox mount -t ext3 -o ro /dev/hda3 /mnt; "
                       "dmesg | grep hda3:")
        assert "Invalid argument" in out and ("EXT3-fs: hda3: couldn't mount "
                                              "because of unsupported "
                                              "optional features (40)") in out
        out = t.output("busybox mount -t ext3 -o ro /dev/hda4 /mnt; "
                       "dmesg | grep hda4")
        assert "Invalid argument" in out, out
        assert re.search(r"EXT3-fs error \(device hda4\): "
                         r"ext3_check_descriptors: Inode table for group 0 "
                         r"not in group \(block %d\)!"
                         % (img.blocks_count - 3), out), out
        assert "EXT3-fs: hda4: group descriptors corrupted!" in out, out
        assert t.output("ls /mnt | wc -l").split() == ["0"]
        assert "hi" in t.output("echo hi")
    finally:
        t.close()
