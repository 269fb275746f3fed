# SPDX-License-Identifier: GPL-2.0
"""The disk seen from the host: what the kernel writes (with sync, with
only pdflush, at power-off) is in the image file at the right offset;
LBA28 addresses with their high bits set reach the right sectors of a
large (sparse) image; the kernel boots without a disk, or with a CD-ROM
where the disk should be; I/O errors (the ata_bad_sector= option, or a real device error that
QEMU's blkdebug injects) reach the caller as -EIO; the memory-daemon
tunables are taken from the command line, and bad values are refused."""
import os
import re
import struct
import subprocess
import tempfile

import pytest

from conftest import (BLOCK_SIZE, EXIT_KTEST_PASS, ISO, ROOT, boot_kernel,
                      new_disk_image)

# tests/ktest/disk_test.h: word i of block b, seed s.
PATTERN_MAGIC = 0x6b743236
HOST_SEED = 0xd15c              # tests/ktest/writeback_test.c
HOST_BLOCKS = 4
FAST_WRITEBACK = "dirty_expire_centisecs=100 dirty_writeback_centisecs=50"


def expected_block(block, seed):
    return struct.pack("<1024I", *[
        (PATTERN_MAGIC ^ seed ^ (block << 12) ^ i) & 0xffffffff
        for i in range(BLOCK_SIZE // 4)])


def assert_pattern_on_disk(path, first, boot):
    with open(path, "rb") as f:
        for block in range(first, first + HOST_BLOCKS):
            f.seek(block * BLOCK_SIZE)
            data = f.read(BLOCK_SIZE)
            assert data == expected_block(block, HOST_SEED), boot.explain(
                "block %d of %s does not hold the pattern (first words %s)"
                % (block, path, data[:16].hex()))
        # Nothing spilled into the neighbours.
        for block in (first - 1, first + HOST_BLOCKS):
            f.seek(block * BLOCK_SIZE)
            assert f.read(BLOCK_SIZE) == bytes(BLOCK_SIZE), boot.explain(
                "block %d was written too" % block)


# tests/ktest/disk_test.c: block 0x202000 is sectors 0x1010000-0x1010007.
LARGE_DISK_BYTES = 20 << 30
LBA28_HIGH_BLOCK = 0x202000
LBA28_HIGH_SEED = 0x1b28
LBA28_LAST_SEED = 0x1a57


def read_block(f, block):
    f.seek(block * BLOCK_SIZE)
    return f.read(BLOCK_SIZE)


def test_lba28_high_bits_reach_a_large_disk():
    """On the 288 MiB disk, the high half of ATA_REG_LBAH and the LBA
    bits 24-27 of the device register are always 0.  On a 20 GiB image the kernel writes a
    pattern to a block whose LBA has bits 16 and 24 set, and to the last
    block (LBA 0x27ffff8); each must be at its offset, and nothing where
    the write would land if the LBAH byte or the device register's LBA
    nibble were lost, nor next to it."""
    disk = new_disk_image(size=LARGE_DISK_BYTES)
    boot = boot_kernel("ktest=ata_lba28_high_bits_on_a_large_disk",
                       disk=disk, timeout=30, label="disk: 20 GiB, LBA28")
    boot.expect(r"ata: hda: QEMU HARDDISK, 41943040 sectors \(20480 MiB\)")
    assert boot.status == EXIT_KTEST_PASS, boot.explain("ktest failed")
    last = LARGE_DISK_BYTES // BLOCK_SIZE - 1
    written = {LBA28_HIGH_BLOCK: LBA28_HIGH_SEED, last: LBA28_LAST_SEED}
    with open(disk, "rb") as f:
        for block, seed in written.items():
            data = read_block(f, block)
            assert data == expected_block(block, seed), boot.explain(
                "block %#x of %s does not hold the pattern (first words %s)"
                % (block, disk, data[:16].hex()))
            sector = block * (BLOCK_SIZE // 512)
            others = {block - 1, block + 1}
            for lost in (0xff << 16, 0xf << 24):   # LBAH, device nibble
                others.add((sector & ~lost) // (BLOCK_SIZE // 512))
            for other in sorted(others - set(written)):
                if other <= last:
                    assert read_block(f, other) == bytes(BLOCK_SIZE), \
                        boot.explain("block %#x was written too" % other)


def test_pattern_on_disk_after_sync():
    disk = new_disk_image()
    boot = boot_kernel("ktest=disk_pattern_written_by_sync", disk=disk,
                       timeout=30, label="disk: pattern + sync")
    assert boot.status == EXIT_KTEST_PASS, boot.explain("ktest failed")
    assert_pattern_on_disk(disk, 600, boot)


def test_pattern_on_disk_written_by_pdflush_without_sync():
    disk = new_disk_image()
    boot = boot_kernel(FAST_WRITEBACK + " ktest=disk_pattern_written_by_pdflush",
                       disk=disk, timeout=30,
                       label="disk: pattern, pdflush only")
    assert boot.status == EXIT_KTEST_PASS, boot.explain("ktest failed")
    assert_pattern_on_disk(disk, 610, boot)


def test_pdflush_writes_expired_buffers():
    boot = boot_kernel(FAST_WRITEBACK + " ktest=pdflush_writes_expired_buffers",
                       timeout=30)
    boot.expect(r"pdflush: 2 threads; dirty_writeback_centisecs 50, "
                r"dirty_expire_centisecs 100")
    boot.expect(r"ktest: pdflush wrote the buffer \d+ ticks after")
    assert boot.status == EXIT_KTEST_PASS, boot.explain("ktest failed")


def test_power_off_syncs_first():
    disk = new_disk_image()
    boot = boot_kernel("ktest=power_off_syncs_first", disk=disk, timeout=30,
                       end_pattern=r"Power down")
    boot.expect(r"System halted: syncing disks\.\.\. done\. Power down\.")
    # ACPI soft-off: QEMU exits normally, not through isa-debug-exit.
    assert boot.status == 0, boot.explain("QEMU did not power off")
    assert_pattern_on_disk(disk, 620, boot)


def test_boot_without_a_disk():
    boot = boot_kernel("ktest=mm_pressure_without_a_disk,vsnprintf_formats",
                       disk=None, timeout=30, label="no disk")
    boot.expect(r"ata: primary IDE master: no device; running without a disk")
    boot.expect(r"kswapd0 started")
    assert boot.status == EXIT_KTEST_PASS, boot.explain("ktests failed")


def test_cdrom_instead_of_a_disk():
    boot = boot_kernel("ktest=vsnprintf_formats", disk=None, timeout=30,
                       extra=["-drive", "file=%s,format=raw,if=ide,index=0,"
                              "media=cdrom,readonly=on" % ISO])
    boot.expect(r"ata: primary IDE master: not an ATA disk \(IDENTIFY DEVICE "
                r"aborted: a CD-ROM\?\); running without a disk")
    assert boot.status == EXIT_KTEST_PASS, boot.explain("ktest failed")


def test_boot_reports_disk_and_daemons():
    boot = boot_kernel("ktest=vsnprintf_formats", timeout=30)
    boot.expect(r"ata: hda: QEMU HARDDISK, 589824 sectors \(288 MiB\), IRQ 14")
    boot.expect(r"kthread_create: pid \d+ \(kblockd/0\)")
    boot.expect(r"kthread_create: pid \d+ \(kswapd0\)")
    assert len(re.findall(r"kthread_create: pid \d+ \(pdflush\)",
                          boot.output)) == 2, boot.explain("not 2 pdflush")
    boot.expect(r"kswapd0 started: wakes below pages_low, looks every 1000 ms")
    boot.expect(r"pdflush: 2 threads; dirty_writeback_centisecs 500, "
                r"dirty_expire_centisecs 3000, dirty_background_ratio 10%")
    # The memory report keeps its first two lines for user space.
    boot.expect(r"MemTotal: +\d+ kB\n.*MemFree: +\d+ kB\n.*Buffers: +0 kB")
    assert boot.status == EXIT_KTEST_PASS, boot.explain("ktest failed")


BAD_SECTOR_LINES = [
    r"hda: read_intr: status=0x41 \{ DriveReady Error \}",
    r"Buffer I/O error on device hda, logical block 400",
]


def test_bad_sector_option_fails_one_block():
    boot = boot_kernel("ata_bad_sector=3203 ktest=block_400_unreadable_401_fine",
                       timeout=30)
    for line in BAD_SECTOR_LINES:
        boot.expect(line)
    boot.expect(r"hda: read_intr: error=0x40 \{ UncorrectableError \}, "
                r"LBAsect=3203")
    assert boot.status == EXIT_KTEST_PASS, boot.explain("ktest failed")


def test_device_error_from_qemu_blkdebug(tmp_path):
    """A real error in the emulated device: QEMU's blkdebug fails every
    read of sector 3203 with EIO, and the IDE model reports ERR/ABRT for
    the DRQ block holding it: block 400, sectors 3200-3207."""
    config = tmp_path / "blkdebug.cfg"
    config.write_text('[inject-error]\nevent = "read_aio"\nerrno = "5"\n'
                      'sector = "3203"\n')
    drive = ("driver=raw,file.driver=blkdebug,file.config=%s,"
             "file.image.filename=%s,if=ide,index=0"
             % (config, new_disk_image()))
    boot = boot_kernel("ktest=block_400_unreadable_401_fine", disk=None,
                       extra=["-drive", drive], timeout=30)
    for line in BAD_SECTOR_LINES:
        boot.expect(line)
    boot.expect(r"hda: read_intr: error=0x4 \{ DriveStatusError \}, "
                r"LBAsect=3200")
    assert boot.status == EXIT_KTEST_PASS, boot.explain("ktest failed")


def test_kswapd_looks_periodically():
    boot = boot_kernel("kswapd_interval=50 ktest=kswapd_looks_periodically",
                       timeout=30)
    boot.expect(r"kswapd0 started: wakes below pages_low, looks every 50 ms")
    assert boot.status == EXIT_KTEST_PASS, boot.explain("ktest failed")


def test_tunables_from_the_command_line():
    boot = boot_kernel("dirty_writeback_centisecs=0 dirty_expire_centisecs=6000 "
                       "dirty_background_ratio=5 kswapd_interval=0 "
                       "ktest=vsnprintf_formats", timeout=30)
    boot.expect(r"looks every 0 ms")
    boot.expect(r"dirty_writeback_centisecs 0, dirty_expire_centisecs 6000, "
                r"dirty_background_ratio 5%")
    assert boot.status == EXIT_KTEST_PASS, boot.explain("ktest failed")


# ata_bad_sector=-+0: two signs, no number (it made sector 0 bad).
@pytest.mark.parametrize("option", [
    "ata_bad_sector=-5", "ata_bad_sector=x", "ata_bad_sector=-+0",
    "dirty_expire_centisecs=abc",
    "dirty_writeback_centisecs=9999999", "dirty_background_ratio=101",
    "kswapd_interval=-1"])
def test_bad_daemon_option_warned_and_ignored(option):
    boot = boot_kernel(option + " ktest=vsnprintf_formats", timeout=30)
    boot.expect(r'Malformed kernel command line parameter "%s", ignored'
                % re.escape(option))
    # The defaults apply.
    boot.expect(r"looks every 1000 ms")
    boot.expect(r"dirty_writeback_centisecs 500, dirty_expire_centisecs 3000, "
                r"dirty_background_ratio 10%")
    assert boot.status == EXIT_KTEST_PASS, boot.explain("ktest failed")


def test_make_disk_image_is_288_mib():
    """The Makefile made build/disk.img, the disk `make run` attaches."""
    path = os.path.join(os.path.dirname(ISO), "disk.img")
    assert os.path.getsize(path) == 288 << 20


def test_make_makes_a_missing_disk_with_an_mbr_and_ext3_on_hda1():
    """The Makefile's rule for a missing disk image (make DISK=PATH PATH,
    as make does for build/disk.img): 288 MiB, an MBR whose first entry
    is a Linux partition at sector 65536 of 256 MiB, and the ext3 super
    block's magic 0xEF53 at byte 1024 of it, with the journal feature and
    4 KiB blocks."""
    with tempfile.TemporaryDirectory(prefix="kt26-make-disk-") as tmp:
        path = os.path.join(tmp, "disk.img")
        subprocess.run(["make", "-s", "DISK=" + path, path], cwd=ROOT,
                       check=True, stdout=subprocess.DEVNULL)
        assert os.path.getsize(path) == 288 << 20
        with open(path, "rb") as f:
            mbr = f.read(512)
            assert mbr[510:] == b"\x55\xaa"
            ptype = mbr[446 + 4]
            start, count = struct.unpack("<II", mbr[446 + 8:446 + 16])
            assert (ptype, start, count) == (0x83, 65536, 524288)
            f.seek(start * 512 + 1024)
            sb = f.read(1024)
        magic, = struct.unpack_from("<H", sb, 0x38)
        compat, = struct.unpack_from("<I", sb, 0x5c)
        log_block_size, = struct.unpack_from("<I", sb, 0x18)
        assert magic == 0xEF53 and compat & 0x4, (hex(magic), hex(compat))
        assert 1024 << log_block_size == 4096, log_block_size
