# SPDX-License-Identifier: GPL-2.0
"""The journal (fs/jbd2/) on an ext3 file system of 4 KiB blocks, seen
from the host with e2fsprogs: a committed transaction in the log
(debugfs logdump: descriptor, block, commit) with needs_recovery set
after a crash, replayed by the next mount (the new contents in place,
the log empty, e2fsck clean); a transaction whose commit block never
reached the disk not replayed; a transaction written by the host's
debugfs replayed by our kernel, and one it left uncommitted not; a
change checkpointed in place at unmount; the commit thread's interval
and forced commits (tests/ktest/jbd2_test.c); the thread in ps and its
counters in /proc/fs/jbd2/hda1-8/info from the shell."""
import os
import re
import subprocess
import tempfile

import pytest

from conftest import Terminal, boot_kernel, load_tool, new_disk_image

mkdisk = load_tool("mkdisk")

SECTOR = 512
FS_BYTES = 16 << 20
OLD = b"O" * 4096
NEW = b"\xc0\x3b\x39\x98 jbd2 new contents\n"
NEW = NEW + b"N" * (4096 - len(NEW))
STRESS_BLOCKS = 64                      # tests/ktest/jbd2_test.c


def final_many():
    """What jbd2_stress_* leave in many.bin."""
    out = b""
    for i in range(STRESS_BLOCKS):
        head = b"final %d" % i
        fill = bytes([ord("a") + i % 26])
        out += head + b"\0" + fill * (4096 - len(head) - 1)
    return out


def tool(name):
    return mkdisk.find_tool(name)


def make_disk():
    """A disk with an MBR and hda1: ext3, 4 KiB blocks, journal.txt of
    one block of 'O'."""
    root = tempfile.mkdtemp(prefix="kt26-jbd2-")
    for name in ("journal.txt", "second.txt"):
        with open(os.path.join(root, name), "wb") as f:
            f.write(OLD)
    with open(os.path.join(root, "many.bin"), "wb") as f:
        f.write(b"M" * 4096 * STRESS_BLOCKS)
    fs = new_disk_image("jbd2-fs.img", size=FS_BYTES)
    subprocess.run([tool("mke2fs"), "-q", "-F", "-t", "ext3", "-b", "4096",
                    "-d", root, fs], check=True)
    for name in ("journal.txt", "second.txt", "many.bin"):
        os.unlink(os.path.join(root, name))
    os.rmdir(root)
    disk = new_disk_image("jbd2-disk.img")
    with open(disk, "r+b") as out, open(fs, "rb") as f:
        out.write(mkdisk.mbr([(mkdisk.PART_TYPE, mkdisk.PART_START,
                               FS_BYTES // SECTOR)]))
        out.seek(mkdisk.PART_START * SECTOR)
        out.write(f.read())
    os.unlink(fs)
    return disk


class Fs:
    """hda1 of @disk, copied out for e2fsprogs and back in."""

    def __init__(self, disk):
        self.disk = disk
        self.path = new_disk_image("jbd2-hda1.img", size=FS_BYTES)
        with open(disk, "rb") as f, open(self.path, "r+b") as out:
            f.seek(mkdisk.PART_START * SECTOR)
            out.write(f.read(FS_BYTES))

    def put_back(self):
        with open(self.path, "rb") as f, open(self.disk, "r+b") as out:
            out.seek(mkdisk.PART_START * SECTOR)
            out.write(f.read())

    def debugfs(self, *cmds, write=False):
        script = self.path + ".cmds"
        with open(script, "w") as f:
            f.write("\n".join(cmds) + "\n")
        r = subprocess.run([tool("debugfs")] + (["-w"] if write else []) +
                           ["-f", script, self.path], capture_output=True)
        return r.stdout + r.stderr

    def cat(self, name="journal.txt"):
        r = subprocess.run([tool("debugfs"), "-R", "cat /" + name,
                            self.path], capture_output=True)
        return r.stdout

    def block(self, name="journal.txt"):
        r = subprocess.run([tool("debugfs"), "-R", "bmap /%s 0" % name,
                            self.path], capture_output=True, text=True)
        return int(r.stdout.strip())

    def header(self):
        r = subprocess.run([tool("dumpe2fs"), "-h", self.path],
                           capture_output=True, text=True)
        return r.stdout

    def fsck(self):
        r = subprocess.run([tool("e2fsck"), "-fn", self.path],
                           capture_output=True, text=True)
        return r.returncode, r.stdout + r.stderr


def run(disk, test, timeout=120):
    boot = boot_kernel("ktest=" + test, disk=disk, timeout=timeout,
                       end_pattern=None)
    if boot.timed_out:
        pytest.fail(boot.explain("timed out"))
    return boot


def expect_ok(boot, test):
    boot.expect(r"ktest: ok \d+ - %s$" % test)
    assert "not ok" not in boot.output, boot.tail()


def check_clean(fs, contents):
    assert fs.cat() == contents
    head = fs.header()
    assert "needs_recovery" not in head, head
    assert re.search(r"Journal start:\s+0$", head, re.M), head
    code, out = fs.fsck()
    assert code == 0, out


def test_commit_is_logged_and_replayed_after_a_crash():
    disk = make_disk()
    boot = run(disk, "jbd2_commit_crash")
    boot.expect(r"jbd2 test: transaction committed, not checkpointed")
    fs = Fs(disk)
    head = fs.header()
    assert "needs_recovery" in head, head
    log = fs.debugfs("logdump -a").decode()
    block = fs.block()
    assert re.search(r"Found expected sequence (\d+), type 1 "
                     r"\(descriptor block\)", log), log
    # flags 0x9: JBD2_FLAG_ESCAPE (NEW begins with the magic) and
    # JBD2_FLAG_LAST_TAG; the first tag carries the UUID.
    assert re.search(r"FS block %d logged at journal block \d+ "
                     r"\(flags 0x9\)" % block, log), log
    assert "type 2 (commit block)" in log, log
    assert log.count("logged at journal block") == 1, log
    assert fs.cat() == OLD              # not yet in place
    # data=ordered: the data block, not logged, went in place first.
    assert fs.cat("second.txt") == b"D" * 4096

    boot = run(disk, "jbd2_mount")
    expect_ok(boot, "jbd2_mount")
    boot.expect(r"JBD2: recovery complete on hda1-8: 1 transactions, "
                r"1 blocks replayed")
    boot.expect(r"jbd2 test: recovered 1 transactions, 1 blocks; "
                r"journal.txt begins c03b399820")
    check_clean(Fs(disk), NEW)


def test_sync_commits_and_writes_in_place():
    """sync(2) (fs/super.c: sync_filesystems() -> ext3_sync_fs()): the
    change is committed and checkpointed, so the host reads it in place
    without replaying the journal; e2fsck -n (which skips the replay)
    finds the file system clean."""
    disk = make_disk()
    boot = run(disk, "jbd2_sync_crash")
    boot.expect(r"jbd2 test: synced")
    assert "not ok" not in boot.output, boot.tail()
    fs = Fs(disk)
    assert fs.cat() == NEW
    code, out = fs.fsck()
    assert code == 0, out


def test_a_revoked_block_is_not_replayed():
    disk = make_disk()
    boot = run(disk, "jbd2_revoke_crash")
    boot.expect(r"jbd2 test: block logged, then revoked")
    assert "not ok" not in boot.output, boot.tail()
    fs = Fs(disk)
    log = fs.debugfs("logdump -a").decode()
    assert "type 5 (revoke table)" in log, log
    assert re.search(r"Revoke FS block %d" % fs.block(), log), log

    boot = run(disk, "jbd2_mount")
    expect_ok(boot, "jbd2_mount")
    boot.expect(r"JBD2: recovery complete on hda1-8: 2 transactions, "
                r"0 blocks replayed, 1 revoked blocks skipped")
    check_clean(Fs(disk), OLD)


def test_a_transaction_without_its_commit_block_is_not_replayed():
    disk = make_disk()
    boot = run(disk, "jbd2_nocommit_crash")
    boot.expect(r"jbd2 test: commit block not written")
    fs = Fs(disk)
    assert "needs_recovery" in fs.header()
    log = fs.debugfs("logdump").decode()
    assert "type 1 (descriptor block)" in log, log
    assert "commit block" not in log, log

    boot = run(disk, "jbd2_mount")
    expect_ok(boot, "jbd2_mount")
    boot.expect(r"JBD2: recovery complete on hda1-8: 0 transactions, "
                r"0 blocks replayed")
    check_clean(Fs(disk), OLD)


def test_a_transaction_the_host_wrote_is_replayed():
    """debugfs's journal_open/journal_write/journal_close (e2fsprogs
    1.43+) write a committed transaction of two blocks (two tags, the
    second with SAME_UUID) and set needs_recovery."""
    disk = make_disk()
    fs = Fs(disk)
    data = fs.path + ".new"
    host = b"host-made transaction\n" * 186
    host += b"H" * (4096 - len(host))
    second = b"S" * 4096
    with open(data, "wb") as f:
        f.write(host + second)
    out = fs.debugfs("jo", "jw -b %d,%d %s" % (fs.block(),
                                                fs.block("second.txt"),
                                                data), "jc", write=True)
    assert b"error" not in out.lower(), out
    assert "needs_recovery" in fs.header()
    fs.put_back()

    boot = run(disk, "jbd2_mount")
    expect_ok(boot, "jbd2_mount")
    boot.expect(r"JBD2: recovery complete on hda1-8: 1 transactions, "
                r"2 blocks replayed")
    check_clean(Fs(disk), host)
    assert Fs(disk).cat("second.txt") == second


def test_unmount_checkpoints_in_place_and_empties_the_log():
    disk = make_disk()
    boot = run(disk, "jbd2_commit_umount")
    expect_ok(boot, "jbd2_commit_umount")
    fs = Fs(disk)
    check_clean(fs, NEW)
    assert "Journal starts at block 0" in fs.debugfs("logdump").decode()


def test_the_commit_thread():
    disk = make_disk()
    boot = run(disk, "jbd2_thread")
    expect_ok(boot, "jbd2_thread")
    check_clean(Fs(disk), b"forced\n" + b"F" * (4096 - 7))


def journal_superblock(disk):
    """The bytes of the journal's super block (block 0 of inode 8)."""
    fs = Fs(disk)
    r = subprocess.run([tool("debugfs"), "-R", "bmap <8> 0", fs.path],
                       capture_output=True, text=True)
    with open(fs.path, "rb") as f:
        f.seek(int(r.stdout.strip()) * 4096)
        return f.read(4096)


def test_the_thread_in_ps_and_proc():
    """...and a mount that changes nothing leaves its journal alone: the
    journal's super block comes out of the session as it went in (the
    first handle marks the log in use)."""
    disk = make_disk()
    before = journal_superblock(disk)
    t = Terminal(disk=disk)
    try:
        t.wait_for(r"init: /dev/hda1 mounted on /mnt")
        t.wait_for(r"^# ")
        out = t.output("ps -s | grep -v '^\\['")
        line = [l for l in out.splitlines() if "[jbd2/hda1-8]" in l]
        assert line and re.search(r" S 0", line[0]), out
        info = t.output("cat /proc/fs/jbd2/hda1-8/info")
        assert re.search(r"^0 transaction, each up to \d+ blocks", info,
                         re.M), info
        assert "thread wakeups" in info, info
    finally:
        t.close()
    assert journal_superblock(disk) == before


@pytest.mark.parametrize("end", ["crash", "umount"])
def test_many_handles_on_four_cpus_while_the_log_goes_round(end):
    """Three writers on four CPUs, 600 handles, commits by the thread and
    by fsync, the log wrapping (checkpoints make room);
    then one handle gives every block its final contents.  After a crash
    the replay (across the log's end) puts them in place; after an
    unmount the checkpoint did."""
    disk = make_disk()
    boot = boot_kernel("ktest=jbd2_stress_" + end, disk=disk, timeout=300,
                       end_pattern=None, smp=4)
    if boot.timed_out:
        pytest.fail(boot.explain("timed out"))
    assert "not ok" not in boot.output, boot.tail()
    boot.expect(r"jbd2 test: \d+ log blocks written, log of 1024")
    if end == "crash":
        assert "needs_recovery" in Fs(disk).header()
        boot = run(disk, "jbd2_mount")
        expect_ok(boot, "jbd2_mount")
        boot.expect(r"JBD2: recovery complete on hda1-8: [1-9]\d* "
                    r"transactions")
    else:
        expect_ok(boot, "jbd2_stress_umount")
    fs = Fs(disk)
    check_clean(fs, OLD)
    assert fs.cat("many.bin") == final_many()
