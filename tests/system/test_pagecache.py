# SPDX-License-Identifier: GPL-2.0
"""File data in the page cache, written back by pdflush and throttled by
balance_dirty_pages(), freed by kswapd (mm/filemap.c, mm/page-writeback.c,
fs/fs-writeback.c, mm/vmscan.c).  One boot of a 64 MiB guest, with
dirty_expire_centisecs=100 (a page is written once dirty for a second):

1. A file made and synced, then overwritten in place with other bytes and
   not synced: the host's debugfs reads the new bytes from the image once
   the guest's /proc/meminfo says nothing is dirty or under writeback --
   pdflush's wb_kupdate() wrote the pages, nobody else did.
2. A 200 MiB file written with dd into the 64 MiB guest: dd finishes, the
   writer was throttled (/proc/vmstat nr_dirty_throttled), kswapd freed
   file pages (kswapd_steal), no allocation failed, and after poweroff
   e2fsck -fn is clean and the file has its 209715200 bytes.  (The
   test sets dirty_ratio to 5, below dirty_background_ratio: QEMU's disk
   keeps up with dd under the defaults, and the throttling is to be
   seen.)
3. A file held open and read, then drop_caches: its clean pages leave
   the page cache, and reading it again reads the disk.
4. A file closed and read again: its unused inode kept its pages, and
   nothing is read from the disk; drop_caches 2 and an unmount free the
   unused inodes.
5. A file read in order is read ahead; a read that jumps is not."""
import re
import time

import pytest

from conftest import Terminal, made_disk_image
from test_ext3_write import (MOUNTED_RW, cat, fsck_clean, power_off, prng,
                             tool, OFFSET)

MEM = 64
BIG = 200 << 20


def meminfo(t):
    out = t.output("cat /proc/meminfo")
    return {k: int(v) for k, v in re.findall(r"^(\w+): +(\d+) kB", out,
                                              re.M)}


def vmstat(t):
    out = t.output("cat /proc/vmstat")
    return {k: int(v) for k, v in re.findall(r"^(\w+) (\d+)$", out, re.M)}


@pytest.fixture(scope="module")
def guest():
    disk = made_disk_image("pagecache-disk.img")
    t = Terminal("loglevel=4 dirty_expire_centisecs=100 "
                 "dirty_writeback_centisecs=50", disk=disk, mem=MEM)
    try:
        t.wait_for(MOUNTED_RW)
        t.wait_for(r"^# ")
        yield t, disk
    finally:
        t.close()


def wait_written_back(t, timeout=60):
    """Poll until no file page or buffer is dirty or being written: the
    event itself, however long it takes (bounded only against a hang)."""
    deadline = time.monotonic() + timeout
    while True:
        mi = meminfo(t)
        if mi["Dirty"] == 0 and mi["Writeback"] == 0:
            return mi
        assert time.monotonic() < deadline, ("still dirty", mi)


def test_pdflush_writes_a_file_page_without_sync(guest):
    t, disk = guest
    old, new = prng(7, 65536), prng(8, 65536)
    assert t.output("mkdir /mnt/pc; prng 7 65536 > /mnt/pc/a; sync; "
                    "echo $?").split() == ["0"]
    assert cat(disk, "/pc/a") == old
    before = vmstat(t)["pgwriteback_file"]
    # In place: the same blocks, so no metadata the host would need to
    # find the new bytes (the journal is not replayed by debugfs).
    assert t.output("prng 8 65536 | busybox dd of=/mnt/pc/a bs=4096 "
                    "conv=notrunc 2>/dev/null; echo $?").split() == ["0"]
    wait_written_back(t)
    after = vmstat(t)
    assert after["pgwriteback_file"] >= before + 16, after
    assert after["pdflush_kupdate_runs"] > 0, after
    assert cat(disk, "/pc/a") == new


def test_drop_caches_drops_the_clean_pages_of_an_open_file(guest):
    """echo 1 > drop_caches (fs/drop_caches.c: drop_file_pages()): the
    pages of a file held open (busybox sh's fd 3), read and clean, leave
    the cache; read again, they are the same bytes, from the disk."""
    t, disk = guest
    want = t.output("busybox mkdir -p /mnt/pc; prng 9 65536 > /mnt/pc/b; "
                    "sync; "
                    "busybox md5sum < /mnt/pc/b").split()[0]
    out = t.output(
        "busybox sh -c 'exec 3< /mnt/pc/b; busybox md5sum <&3; "
        "busybox grep -E \"^(nr_file_pages|pgpgin) \" /proc/vmstat; "
        "echo 1 > /proc/sys/vm/drop_caches; echo dropped; "
        "busybox grep -E \"^(nr_file_pages|pgpgin) \" /proc/vmstat; "
        "busybox md5sum < /mnt/pc/b; "
        "busybox grep -E \"^pgpgin \" /proc/vmstat'")
    sums = re.findall(r"^([0-9a-f]{32}) ", out, re.M)
    assert sums == [want, want], out
    before, after = out.split("dropped")
    num = lambda text, key: int(re.search(r"^%s (\d+)" % key, text,
                                          re.M).group(1))
    cached, left = num(before, "nr_file_pages"), num(after, "nr_file_pages")
    assert cached >= 16 and left <= cached - 16, out    # b's 64 KiB
    reads = [int(n) for n in re.findall(r"^pgpgin (\d+)", after, re.M)]
    assert reads[1] >= reads[0] + 64, ("read from the cache", out)


def inode_nr(t):
    return [int(n) for n in t.output("cat /proc/sys/fs/inode-nr").split()]


def test_a_closed_file_is_read_again_from_the_page_cache(guest):
    """The inode cache (fs/inode.c: inode_unused): a file closed keeps
    its inode, unused, with its pages, and the next open reads nothing
    from the disk; drop_caches 2 frees the unused inodes and their
    pages, and the next read reads the disk again; an unmount frees
    the ones of its file system, none left busy."""
    t, disk = guest
    want = t.output("busybox mkdir -p /mnt/pc; prng 10 65536 > /mnt/pc/c; "
                    "sync; echo 1 > /proc/sys/vm/drop_caches; "
                    "busybox md5sum < /mnt/pc/c").split()[0]
    assert want == t.output("prng 10 65536 | busybox md5sum").split()[0]
    assert inode_nr(t)[1] >= 1                  # c, unused
    reads = vmstat(t)["pgpgin"]
    assert t.output("busybox md5sum < /mnt/pc/c").split()[0] == want
    assert vmstat(t)["pgpgin"] == reads, "read from the disk again"

    assert t.output("echo 2 > /proc/sys/vm/drop_caches; "
                    "echo $?").split() == ["0"]
    assert inode_nr(t)[1] == 0
    reads = vmstat(t)["pgpgin"]
    assert t.output("busybox md5sum < /mnt/pc/c").split()[0] == want
    assert vmstat(t)["pgpgin"] >= reads + 64, "read from the cache"

    before = inode_nr(t)
    assert before[1] >= 1
    out = t.output("umount /mnt; echo $?; cat /proc/sys/fs/inode-nr; "
                   "busybox mount -t ext3 /dev/hda1 /mnt; echo $?")
    lines = out.split("\n")
    assert lines[0] == "0" and lines[-2] == "0", out
    nr, unused = [int(n) for n in lines[1].split()]
    assert unused == 0 and nr <= before[0] - before[1], (before, out)
    assert "busy inodes" not in t.output("dmesg")


def test_a_file_read_in_order_is_read_ahead(guest):
    """Readahead (mm/readahead.c): a 1 MiB file read in order after the
    caches are dropped has most of its 256 pages read ahead of the
    reader (/proc/vmstat readahead_pages), and the right bytes; a read
    that jumps into the middle of it reads no window."""
    t, disk = guest
    want = t.output("busybox mkdir -p /mnt/pc; prng 11 1048576 > /mnt/pc/r; "
                    "sync; echo 3 > /proc/sys/vm/drop_caches; "
                    "prng 11 1048576 | busybox md5sum").split()[0]
    before = vmstat(t)["readahead_pages"]
    assert t.output("busybox md5sum < /mnt/pc/r").split()[0] == want
    ahead = vmstat(t)["readahead_pages"] - before
    assert 200 <= ahead < 256, ahead        # all but the first page
    before = vmstat(t)["readahead_pages"]
    assert t.output("echo 3 > /proc/sys/vm/drop_caches; busybox dd "
                    "if=/mnt/pc/r of=/dev/null bs=4096 skip=100 count=1 "
                    "2>/dev/null; echo $?").split() == ["0"]
    assert vmstat(t)["readahead_pages"] == before


def test_a_200_mib_file_through_a_64_mib_guest(guest):
    t, disk = guest
    df = t.output("busybox df -k /mnt").splitlines()[1].split()
    assert int(df[3]) > BIG // 1024 + 2048, df      # data + maps + slack
    # dirty_ratio 5 below dirty_background_ratio 10: the writer meets the
    # limit before pdflush's background writeback starts, as a writer
    # faster than the disk does with the defaults.
    assert t.output("echo 5 > /proc/sys/vm/dirty_ratio; "
                    "cat /proc/sys/vm/dirty_ratio").split() == ["5"]
    before = vmstat(t)
    start = time.monotonic()
    out = t.output("busybox dd if=/dev/zero of=/mnt/big200 bs=65536 "
                   "count=3200; echo status $?", timeout=300)
    took = time.monotonic() - start       # printed, never asserted
    assert "status 0" in out, out
    after = vmstat(t)
    print("\n200 MiB write: %.1f s, throttled %d times (wrote %d pages), file "
          "pages written %d, kswapd_steal %d, pgsteal %d, allocstall %d" %
          (took,
           after["nr_dirty_throttled"] - before["nr_dirty_throttled"],
           after["throttle_written"] - before["throttle_written"],
           after["pgwriteback_file"] - before["pgwriteback_file"],
           after["kswapd_steal"] - before["kswapd_steal"],
           after["pgsteal_normal"] - before["pgsteal_normal"],
           after["allocstall"] - before["allocstall"]))
    assert after["nr_dirty_throttled"] > before["nr_dirty_throttled"], after
    assert after["kswapd_steal"] > before["kswapd_steal"], after
    assert after["allocfail"] == before["allocfail"], after
    assert "page allocation failure" not in t.text(), t.text()[-2000:]
    size = t.output("busybox stat -c %s /mnt/big200").split()
    assert size == [str(BIG)], size
    power_off(t)
    fsck_clean(disk)
    out = tool("debugfs", "-R", "stat /big200",
               disk + OFFSET).stdout.decode()
    assert re.search(r"Size: %d\b" % BIG, out), out
