# SPDX-License-Identifier: GPL-2.0
"""tests/system/test_boot_lazy.py - what the boot leaves out of the way
to init's exec (docs/boot.md, section 9): the partition table is read
when init first asks for a partition, not during the set-up; and with
`quiet` the boot's info lines go to the log ring, not the console.
Nothing here measures a time: the order of the lines, and where they
went, is the behaviour.
"""
from conftest import Terminal, made_disk_image


def test_partition_table_is_read_after_init_executes_and_hda1_mounts():
    """The disk is known during the set-up (its line comes before init's
    exec), its table only when init mounts /dev/hda1: ' hda: hda1' comes
    after 'init: executing', and the mount still finds hda1."""
    t = Terminal(cmdline="loglevel=7", disk=made_disk_image())
    try:
        t.wait_for(r"init: /dev/hda1 mounted on /mnt \(ext3, read-write\)")
        text = t.text()
        disk = text.index("ata: hda: QEMU HARDDISK")
        exec_line = text.index("init: executing /sbin/init")
        table = text.index(" hda: hda1\n")
        assert disk < exec_line < table, text[-3000:]
        # The table is read once; /proc/partitions lists the partition.
        assert text.count(" hda: hda1\n") == 1, text[-3000:]
        t.wait_for(r"^# ")
        out = t.output("cat /proc/partitions")
        assert "hda1" in out, out
    finally:
        t.close()


def test_quiet_keeps_info_lines_off_the_console_but_in_dmesg():
    """quiet: the banner (KERN_NOTICE) and the boot's KERN_INFO lines are
    not on the console, and dmesg reads them back from the log ring."""
    t = Terminal(cmdline="quiet")
    try:
        t.wait_for(r"^# ")
        console = t.text()
        for line in ("kt26 version", "rest_init: pid 1", "kthread_create:",
                     "init: executing"):
            assert line not in console, console[-3000:]
        # init's own lines are a user program's, not printk's.
        assert "init: running in ring 3" in console, console[-3000:]
        out = t.output("dmesg")
        for line in ("kt26 version", "rest_init: pid 1 (init) created",
                     "init: executing /sbin/init"):
            assert line in out, out[-3000:]
    finally:
        t.close()
