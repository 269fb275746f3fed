# SPDX-License-Identifier: GPL-2.0
"""The local APIC, the IO APIC and the APIC timer tick (arch/x86/apic.c,
io_apic.c, irq.c; docs/interrupts.md): what the boot says about them at
-smp 1 and -smp 4 and the ktests of tests/ktest/apic_test.c on both, the
^P interrupt table from the serial shell, and the 8259 + PIT tick that
remains for a machine without a local APIC (nolapic).  That keyboard,
serial and disk interrupts are not lost is the rest of `make test`: the
shell over the serial port and the keyboard (test_user.py), the disk
tests (test_disk.py, disk_test.c)."""
import re

import pytest

from conftest import (EXIT_KTEST_PASS, Terminal, ktest_boot, ktest_results)

APIC_KTESTS = ["local_timer_ticks_on_every_cpu",
               "i8259_fully_masked_under_io_apic",
               "disk_interrupt_counted_through_io_apic",
               "apic_vectors_have_handlers",
               "tick_period_is_one_tick",
               "ata_lost_interrupt_times_out_and_resets"]

# QEMU's local APIC timer counts 1 GHz of virtual time, here divided by
# 16: one tick at HZ 100 is 625,000 counts.  The calibration against the
# PIT must find that within a teacher's 1%.
QEMU_APIC_TICK = 1_000_000_000 // 16 // 100


def apic_boot(smp):
    """loglevel=8: each line's route is a KERN_DEBUG message."""
    return ktest_boot("ktest=%s loglevel=8" % ",".join(APIC_KTESTS),
                      timeout=180, smp=smp)


def expect_all_ok(boot, names):
    results = ktest_results(boot)
    for name in names:
        assert name in results, boot.explain("no result for %s" % name)
        ok, reason = results[name]
        assert ok, boot.explain("%s: %s" % (name, reason))
    assert boot.status == EXIT_KTEST_PASS, boot.explain("bad status")


@pytest.mark.parametrize("smp", [1, 4])
def test_apic_boot_lines(smp):
    """The local APIC and the IO APIC are found, set up and described;
    ISA interrupts 1, 4 and 14 are routed to the boot CPU; the TSC and
    the APIC timer are calibrated together; the PIT is not the tick."""
    boot = apic_boot(smp)
    boot.expect(r"Local APIC: ID 0, version 0x[0-9a-f]+, \d+ LVT entries, "
                r"at 0xfee00000$")
    boot.expect(r"CPU0: local APIC ID 0 enabled: spurious vector 0xff, "
                r"error vector 0xfe, LINT0 masked, LINT1 NMI$")
    m = boot.expect(r"IO APIC 0: ID \d+, version 0x[0-9a-f]+, (\d+) pins, "
                    r"GSI 0-(\d+) at 0xfec00000, all masked$")
    assert int(m.group(1)) == 24 and int(m.group(2)) == 23, m.group(0)
    boot.expect(r"IO APIC: ISA IRQ n -> vector 0x20 \+ n, to APIC ID 0, "
                r"when requested; 8259s masked$")
    boot.expect(r"IO APIC: ISA IRQ n on GSI n, edge, active high")
    for irq in (1, 4, 14):
        boot.expect(r"IO APIC: IRQ %d -> GSI (\d+) \(IO APIC 0 pin \1\), "
                    r"vector 0x%x, edge, active high, to APIC ID 0$"
                    % (irq, 0x20 + irq))
    m = boot.expect(r"TSC: \d+\.\d{3} MHz; APIC timer: (\d+) counts per "
                    r"tick \(\d+\.\d{3} MHz: the bus clock / 16; HZ 100, "
                    r"periodic, vector 0xef\); calibrated against PIT "
                    r"channel 2 over (\d+) us, error < \d+\.\d\d%$")
    assert 990 <= int(m.group(2)), m.group(0)
    counts = int(m.group(1))
    assert abs(counts - QEMU_APIC_TICK) <= QEMU_APIC_TICK // 100, \
        boot.explain("APIC timer calibrated to %d counts per tick" % counts)
    assert "PIT: channel 0" not in boot.output, boot.explain("PIT tick")
    # apic_vectors_have_handlers raises one error vector, with no error.
    errors = re.findall(r"APIC error on CPU\d+: ESR (0x[0-9a-f]+)$",
                        boot.output, re.M)
    assert errors == ["0x0"], boot.explain("APIC errors: %s" % errors)


@pytest.mark.parametrize("smp", [1, 4])
def test_apic_ktests(smp):
    """tests/ktest/apic_test.c, the tick's period and a lost disk
    interrupt, at -smp 1 and -smp 4."""
    expect_all_ok(apic_boot(smp), APIC_KTESTS)


def test_nolapic_runs_on_the_8259_and_the_pit():
    """Without a local APIC the PIT drives the tick through the 8259,
    and the disk's interrupts still arrive (a lost one still times out)."""
    names = ["tick_period_is_one_tick",
             "disk_interrupt_counted_through_io_apic",
             "ata_lost_interrupt_times_out_and_resets"]
    boot = ktest_boot("ktest=%s nolapic" % ",".join(names), timeout=180)
    boot.expect(r"Local APIC: disabled by nolapic; the 8259 and the PIT "
                r"take the interrupts and the tick$")
    boot.expect(r"TSC: \d+\.\d{3} MHz \(calibrated against PIT channel 2 "
                r"over \d+ us, error < \d+\.\d\d%\)$")
    boot.expect(r"PIT: channel 0 at 100 Hz \(LATCH 11932\) drives the tick$")
    assert "IO APIC 0:" not in boot.output and "8259s masked" not in \
        boot.output, boot.explain("IO APIC in use")
    results = ktest_results(boot)
    for name in ("tick_period_is_one_tick",
                 "ata_lost_interrupt_times_out_and_resets"):
        assert results.get(name, (False,))[0], boot.explain(name)
    # The IO APIC test knows it has none.
    ok, reason = results["disk_interrupt_counted_through_io_apic"]
    assert not ok and "io_apic_enabled" in reason, boot.explain(reason)


SHOW_INTERRUPTS_HEAD = re.compile(r"^\[ *[\d.]+\] +CPU0$", re.M)


@pytest.mark.parametrize("smp", [1, 4])
def test_ctrl_p_shows_interrupts_per_cpu(smp):
    """^P prints the task list, then the interrupt table: a column per
    online CPU, a row per requested line with its controller and name,
    then LOC, SPU, ERR, RES, CAL and TLB.  Typing at the serial port
    counts under IRQ 4 (on CPU 0), and every CPU's LOC keeps rising
    between two ^Ps: each CPU's timer ticks."""
    t = Terminal(smp=smp)
    try:
        t.wait_for(r"init: running in ring 3 \(cs=0x73\), pid 1")
        t.wait_for(r"^# ")
        tables = []
        for _ in range(2):
            start = len(t.text())
            t.proc.stdin.write(b"\x10")
            t.proc.stdin.flush()
            m = t.wait_for(r"(.*CPU0.*\n(.*\n)*?.*TLB:.*TLB shootdowns)\n",
                           start=start)
            tables.append(m.group(1))
            t.run("echo typed", r"^typed$")
        rows = []
        for table in tables:
            row = {}
            for line in table.splitlines():
                line = re.sub(r"^\[ *[\d.]+\] ", "", line)
                f = line.split()
                if f and f[0].endswith(":"):
                    row[f[0][:-1]] = (f[1:], line)
            rows.append(row)
        first, second = rows
        for name in ("1", "4", "14", "LOC", "SPU", "ERR", "RES", "CAL",
                     "TLB"):
            assert name in first, "no %s row in\n%s" % (name, tables[0])
        assert re.search(r"IO-APIC-edge +serial$", first["4"][1]), first["4"]
        assert re.search(r"IO-APIC-edge +keyboard$", first["1"][1])
        assert re.search(r"IO-APIC-edge +ide0$", first["14"][1])
        assert re.search(r"^ *%s$" % " +".join("CPU%d" % c
                                                for c in range(smp)),
                         re.sub(r"^\[ *[\d.]+\] ", "", tables[0]), re.M), \
            tables[0]
        assert int(second["4"][0][0]) > int(first["4"][0][0]), tables
        for cpu in range(smp):
            assert int(second["LOC"][0][cpu]) > int(first["LOC"][0][cpu]), \
                "CPU%d's LOC did not rise:\n%s" % (cpu, "\n".join(tables))
        assert int(first["ERR"][0][0]) == 0, tables[0]
    finally:
        t.close()
