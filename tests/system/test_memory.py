# SPDX-License-Identifier: GPL-2.0
"""Memory sizes and memory options: the kernel boots on small and large
machines, computes the watermarks for each, honours mem= and
min_free_kbytes=, and refuses bad values with a warning."""
import math
import os
import re

import pytest

from conftest import EXIT_KTEST_PASS, INITRAMFS, Terminal, boot_kernel

MM_TESTS = "ktest=mm_watermarks_match_formula,mm_alloc_until_failure_and_free"


def watermarks(boot):
    m = boot.expect(r"Zone Normal: min_free_kbytes (\d+)(?: \(option\))?: "
                    r"pages_min (\d+) pages_low (\d+) pages_high (\d+) "
                    r"\(of (\d+) managed pages\)")
    return [int(x) for x in m.groups()]


def usable_kb(mem_mb):
    """The machine's memory less the initramfs, which stays where the boot
    loader put it (kernel/initramfs.c): with busybox it is megabytes.  The
    kernel image, mem_map and the boot allocations take the rest of the 15%
    the checks below allow."""
    return mem_mb * 1024 - os.path.getsize(INITRAMFS) // 1024


def expected_min_free_kbytes(managed_pages):
    return max(128, min(65536, math.isqrt(managed_pages * 4 * 16)))


@pytest.mark.parametrize("mem_mb", [16, 512])
def test_boot_with_memory_size(mem_mb):
    boot = boot_kernel(MM_TESTS, mem=mem_mb, timeout=90,
                       label="-m %d, mm ktests" % mem_mb)
    kb, pmin, plow, phigh, managed = watermarks(boot)
    # Nearly all of the machine's memory is managed by the buddy allocator.
    assert managed * 4 > usable_kb(mem_mb) * 0.85, \
        boot.explain("too few pages managed")
    assert kb == expected_min_free_kbytes(managed)
    assert (pmin, plow, phigh) == (kb // 4, kb // 4 * 5 // 4, kb // 4 * 3 // 2)
    boot.expect(r"%dMB LOWMEM available" % (mem_mb - 1 if mem_mb > 16 else 15))
    assert boot.status == EXIT_KTEST_PASS, boot.explain("ktests failed")


def test_highmem_reported_and_ignored():
    """-m 1024: the RAM above 896 MiB (where ZONE_NORMAL ends on i386) is
    reported and left alone; the buddy allocator manages low memory only,
    all of which can be allocated and freed, and the boot completes."""
    boot = boot_kernel(MM_TESTS, mem=1024, timeout=90,
                       label="-m 1024, mm ktests")
    ram_end = max(int(end, 16) for end in re.findall(
        r"BIOS-e820: [0-9a-f]{16} - ([0-9a-f]{16}) \(usable\)", boot.output))
    assert ram_end > 896 << 20, boot.explain("no RAM above 896 MiB")
    boot.expect(r"^\[[ .0-9]+\] %dMB HIGHMEM available, not used \(no "
                r"highmem support\)\.$" % ((ram_end - (896 << 20)) >> 20))
    boot.expect(r"^\[[ .0-9]+\] 896MB LOWMEM available\.$")
    managed = watermarks(boot)[4]
    assert 880 * 256 < managed <= 896 * 256, boot.explain(
        "%d pages managed, expected nearly all of 896 MiB" % managed)
    assert boot.status == EXIT_KTEST_PASS, boot.explain("ktests failed")


@pytest.mark.parametrize("mem_mb", [16, 512])
def test_shell_runs_with_memory_size(mem_mb):
    """Past the end of boot: pid 1 reaches ring 3, and the shell forks and
    execs a program and reports the machine's memory."""
    t = Terminal(mem=mem_mb)
    try:
        t.wait_for(r"init: running in ring 3 \(cs=0x73\), pid 1")
        t.wait_for(r"^# ")
        t.run("hello", r"hello, world from pid \d+")
        out = t.run("free", r"MemTotal:\s+\d+ kB")
        total_kb = int(re.search(r"MemTotal:\s+(\d+) kB", out).group(1))
        assert usable_kb(mem_mb) * 0.85 < total_kb < mem_mb * 1024, out
    finally:
        t.close()


def test_mem_option_limits_memory():
    boot = boot_kernel("mem=8M " + MM_TESTS, timeout=60, label="mem=8M")
    boot.expect(r"mem=8M: using memory below 0x800000 only")
    boot.expect(r"^\[[ .0-9]+\] 8MB LOWMEM available", )
    managed = watermarks(boot)[4]
    assert managed < 8 * 256, boot.explain("more than 8 MiB managed")
    assert boot.status == EXIT_KTEST_PASS, boot.explain("ktests failed")


# mem=0x1000000000040M is 2^64 + 64 MiB: refused, not wrapped to 64 MiB.
@pytest.mark.parametrize("option", ["mem=abc", "mem=1K", "mem=", "mem=12Q",
                                    "mem=0x1000000000040M",
                                    "min_free_kbytes=lots",
                                    "min_free_kbytes=5"])
def test_bad_memory_option_warned_and_ignored(option):
    boot = boot_kernel(option + " " + MM_TESTS, timeout=60)
    boot.expect(r'Malformed kernel command line parameter "%s", ignored'
                % re.escape(option))
    # The default applies: all of the 128 MiB machine is used.
    boot.expect(r"127MB LOWMEM available")
    kb, _, _, _, managed = watermarks(boot)
    assert kb == expected_min_free_kbytes(managed)
    assert boot.status == EXIT_KTEST_PASS, boot.explain("ktests failed")


def test_min_free_kbytes_option():
    boot = boot_kernel("min_free_kbytes=4096 ktest=mm_alloc_until_failure_and_free",
                       timeout=60)
    kb, pmin, plow, phigh, _ = watermarks(boot)
    boot.expect(r"min_free_kbytes 4096 \(option\)")
    assert (kb, pmin, plow, phigh) == (4096, 1024, 1280, 1536)
    assert boot.status == EXIT_KTEST_PASS, boot.explain("ktests failed")


def test_oops_write_kernel_text():
    """Kernel text is mapped read-only: a write to it oopses."""
    boot = boot_kernel("ktest=oops_write_kernel_text", timeout=30)
    boot.expect(r"BUG: unable to handle kernel paging request at virtual "
                r"address c0100000")
    boot.expect(r"protection violation for a write in kernel mode")
    boot.expect(r"Oops: 0003")
    boot.expect(r"Kernel panic - not syncing: Fatal exception")
