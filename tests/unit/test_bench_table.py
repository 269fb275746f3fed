# SPDX-License-Identifier: GPL-2.0
"""tests/unit/test_bench_table.py - the table `make bench` prints
(tools/bench.py), fed with `bench:` lines as the kernel prints them, no
QEMU: every cell is plain numbers and units, and the -icount column
speaks of instructions, the unit its values have under -icount shift=0.
"""
import re

from conftest import load_tool

bench = load_tool("bench")

# One boot's serial output, trimmed: the rows of kernel/bench.c,
# tests/bench/*.c and /bin/pipebench, with the printk timestamps.
REAL = """\
[    1.020000] bench: begin tsc_khz=2400000
[    1.100000] bench: alloc_pages+__free_pages, order 0: 2210 cycles
[    1.200000] bench: context switch, kernel thread ping-pong: 5321 cycles
[    1.200001] bench: context switch, kernel thread ping-pong: 2217 ns
[    1.300000] bench: O(1) check: cost(1000 runnable) / cost(1) x 100: 103 %
[    1.400000] bench: buffer cache: write 4 MiB + sync_all: 36012 KiB/s
[    1.500000] bench: kswapd0: pages reclaimed in mm_pressure(1024): 1013 pages
bench: pipe throughput, 4 KiB writes: 23 MB/s
bench: pipe round trip, 1 byte: 98000 ns
[    1.600000] bench: end
"""
ICOUNT1 = """\
[    0.020000] bench: begin tsc_khz=1000000
[    0.030000] bench: alloc_pages+__free_pages, order 0: 410 cycles
[    0.040000] bench: context switch, kernel thread ping-pong: 772 cycles
[    0.040001] bench: context switch, kernel thread ping-pong: 772 ns
[    0.050000] bench: O(1) check: cost(1000 runnable) / cost(1) x 100: 100 %
[    0.060000] bench: buffer cache: write 4 MiB + sync_all: 122963 KiB/s
[    0.070000] bench: kswapd0: pages reclaimed in mm_pressure(1024): 1013 pages
bench: pipe throughput, 4 KiB writes: 387 MB/s
bench: pipe round trip, 1 byte: 3400 ns
[    0.080000] bench: end
"""
# The disk row differs between the two -icount runs (QEMU's disk
# emulation runs on host time).
ICOUNT2 = ICOUNT1.replace("122963 KiB/s", "119870 KiB/s")

BOOTS = [("boot to init: executing, -smp 1", 41234, 3300, 3300),
         ("boot to init: executing, -smp 4", 95000, 19800, 19811)]


def table():
    real, order = bench.parse_rows(REAL)
    icount1, _ = bench.parse_rows(ICOUNT1)
    icount2, _ = bench.parse_rows(ICOUNT2)
    return bench.format_table(order, real, icount1, icount2, BOOTS, 7)


def row(lines, name):
    found = [l for l in lines if l.startswith(name + " ")]
    assert len(found) == 1, (name, lines)
    return found[0]


def test_every_row_is_read_with_its_unit():
    real, order = bench.parse_rows(REAL)
    assert len(order) == 8
    assert real[("pipe throughput, 4 KiB writes", "MB/s")] == (23, "MB/s")
    assert ("context switch, kernel thread ping-pong", "ns") in real


def test_cells_are_plain_numbers_and_units():
    """No Python value leaks into the table: no tuple, no quote, no None,
    and the only parentheses are the names' and the header's."""
    lines = table()
    names = [l for l, _ in bench.parse_rows(REAL)[1]] + [b[0] for b in BOOTS]
    rule = [i for i, l in enumerate(lines) if set(l) == {"-"}]
    assert len(rule) == 2 and rule[0] == 2
    for line in lines[rule[0] + 1:rule[1]]:
        rest = line
        for name in names:
            if rest.startswith(name + " "):
                rest = rest[len(name):]
        assert "'" not in rest and "None" not in rest, line
        assert not re.search(r"\(\(|\)\)|\(\d", rest), line
    disk = row(lines, "buffer cache: write 4 MiB + sync_all")
    assert disk.split()[-3:] == ["then", "119870", "KiB/s"], disk
    assert "NO, then 119870 KiB/s" in disk
    smp4 = row(lines, "boot to init: executing, -smp 4")
    assert smp4.endswith("NO, then 19.811 ms"), smp4
    assert lines[-2:] == [
        "(-icount: a rate per second is per 10^9 instructions; a boot "
        "row is guest time, waits included)",
        "(rows with disk I/O differ even under -icount: QEMU's disk "
        "emulation runs on host time)"]


def test_icount_column_counts_instructions():
    """Under -icount shift=0 a TSC cycle and a nanosecond are each one
    guest instruction: the header and the cells say instructions, never
    cycles or ns."""
    lines = table()
    head = "\n".join(lines[:2])
    assert "-icount shift=0" in head and "instructions" in head
    assert "cycles" not in head
    cells = {
        "alloc_pages+__free_pages, order 0": ("2210 cycles", "410 insns"),
        "pipe round trip, 1 byte": ("98000 ns", "3400 insns"),
        "O(1) check: cost(1000 runnable) / cost(1) x 100": ("103 %",
                                                             "100 %"),
        "pipe throughput, 4 KiB writes": ("23 MB/s", "387 MB/s"),
    }
    for name, (real, icount) in cells.items():
        line = row(lines, name)
        assert re.search(r"\s%s\s+%s\s+yes$" % (re.escape(real),
                                                re.escape(icount)), line), \
            line
    # The benchmark printed in both units keeps a row for each.
    both = [l for l in lines
            if l.startswith("context switch, kernel thread ping-pong ")]
    assert [l.split()[-3:] for l in both] == [["772", "insns", "yes"]] * 2
    assert "5321 cycles" in both[0] and "2217 ns" in both[1]
    assert row(lines, "host CPU of QEMU, -smp 4 guest idle").split()[-4:] \
        == ["7", "%", "-", "-"]
    assert lines[-3] == "10 rows; icount runs differ in 2 rows"
