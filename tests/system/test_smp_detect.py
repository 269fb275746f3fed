# SPDX-License-Identifier: GPL-2.0
"""The CPUs and IO APICs the firmware tables describe
(arch/x86/acpi.c, arch/x86/mpparse.c): QEMU's ACPI MADT with 1 to 9 CPUs,
its MP table with acpi=off, and the same through real GRUB.  Each boot
runs until init starts (the boot goes on after the tables) and is stopped
there.  The broken tables the parsers must survive are the host tests'
(tests/unit/smp_config_test.c): QEMU's are always good."""
import re

import pytest

from conftest import qemu_argv, run_qemu

END = r"init: executing"


def boot(cmdline="", smp=1, iso=False, label=None):
    argv = qemu_argv(cmdline, smp=smp) if not iso else \
        qemu_argv(iso=True, smp=smp)
    b = run_qemu(argv, timeout=90, end_pattern=END, stop_at_end=True,
                 label=label or "smp detect: -smp %s %s" % (smp, cmdline))
    assert not b.timed_out, b.explain("the boot did not reach init")
    return b


def cpu_lines(b, source):
    """The APIC IDs of the enabled CPU lines, in order."""
    if source == "ACPI":
        pat = r"ACPI: LAPIC \(acpi_id\[0x[0-9a-f]{2}\] " \
              r"lapic_id\[(0x[0-9a-f]{2})\] enabled\)"
    else:
        pat = r"MP: LAPIC \(apic_id\[(0x[0-9a-f]{2})\] enabled( boot)?\)"
    return [int(m.group(1), 16) for m in re.finditer(pat, b.output)]


@pytest.mark.parametrize("n", [1, 2, 4, 8, 9])
def test_acpi_madt_cpus(n):
    """-smp N: the MADT lists N enabled CPUs, APIC IDs 0..N-1 (QEMU's),
    one IO APIC at the standard address, IRQ 0 on GSI 2; beyond NR_CPUS
    (8) one line says how many are left out."""
    b = boot(smp=n)
    b.expect(r"ACPI: RSDP 0x000[ef][0-9a-f]{4} \(v\d\d \w+ *\)")
    b.expect(r"ACPI: RSDT 0x[0-9a-f]{8} [0-9a-f]{6} \(v\d\d ")
    b.expect(r"ACPI: MADT 0x[0-9a-f]{8} [0-9a-f]{6} \(v\d\d ")
    assert cpu_lines(b, "ACPI") == list(range(n)), b.explain("CPU lines")
    b.expect(r"ACPI: IOAPIC \(id\[0x[0-9a-f]{2}\] address\[0xfec00000\] "
             r"gsi_base\[0\]\)")
    b.expect(r"ACPI: INT_SRC_OVR \(bus 0 bus_irq 0 global_irq 2 dfl dfl\)")
    b.expect(r"SMP: %d CPUs?, 1 IO APIC \(ACPI MADT\)$" % n)
    ignored = re.search(r"SMP: (\d+) CPUs found, NR_CPUS is 8: (\d+) "
                        r"ignored", b.output)
    if n > 8:
        assert ignored and ignored.groups() == (str(n), str(n - 8)), \
            b.explain("no NR_CPUS line")
    else:
        assert not ignored, b.explain("NR_CPUS line with %d CPUs" % n)
    assert not re.search(r"\] MP: ", b.output), \
        b.explain("MP table read with ACPI")


def test_acpi_off_mp_table():
    """acpi=off: the MP table instead.  SeaBIOS lists one CPU per
    package in it, so the CPUs are QEMU sockets here (plain -smp 4 is
    one package of four cores: one CPU in the MP table)."""
    b = boot("acpi=off", smp="4,sockets=4")
    b.expect(r"ACPI: disabled \(acpi=off\)")
    assert "ACPI: RSDP" not in b.output, b.explain("ACPI read anyway")
    b.expect(r"MP: _MP_ 0x000[0-9a-f]{5} \(v1\.4\)")
    b.expect(r"MP: PCMP 0x[0-9a-f]{8} [0-9a-f]{6} \(v1\.4 ")
    assert cpu_lines(b, "MP") == [0, 1, 2, 3], b.explain("CPU lines")
    b.expect(r"MP: LAPIC \(apic_id\[0x00\] enabled boot\)")
    b.expect(r"MP: IOAPIC \(id\[0x[0-9a-f]{2}\] address\[0xfec00000\] "
             r"gsi_base\[0\]\)")
    b.expect(r"MP: INT_SRC \(bus_irq 0 ioapic\[0x[0-9a-f]{2}\] pin 2 "
             r"dfl dfl\)")
    b.expect(r"SMP: 4 CPUs, 1 IO APIC \(MP table\)$")


def test_acpi_bad_value():
    """acpi=foo is refused with the command line's message; ACPI is read."""
    b = boot("acpi=foo", smp=2)
    b.expect(r'Malformed kernel command line parameter "acpi=foo", ignored')
    b.expect(r"SMP: 2 CPUs, 1 IO APIC \(ACPI MADT\)$")


def test_tables_above_lowmem():
    """-m 2048: QEMU's ACPI tables lie near 2 GiB, above the 896 MiB the
    kernel maps; the fixmap windows reach them."""
    argv = qemu_argv("", mem=2048, smp=2)
    b = run_qemu(argv, timeout=90, end_pattern=END, stop_at_end=True,
                 label="smp detect: -m 2048")
    assert not b.timed_out, b.explain("the boot did not reach init")
    m = b.expect(r"ACPI: MADT 0x([0-9a-f]{8}) ")
    assert int(m.group(1), 16) >= 896 << 20, b.explain("MADT in lowmem")
    b.expect(r"SMP: 2 CPUs, 1 IO APIC \(ACPI MADT\)$")


def test_grub_iso_smp4():
    """Through real GRUB the same tables are found."""
    b = boot(smp=4, iso=True, label="smp detect: GRUB ISO -smp 4")
    b.expect(r"Boot loader: GRUB")
    assert cpu_lines(b, "ACPI") == [0, 1, 2, 3], b.explain("CPU lines")
    b.expect(r"SMP: 4 CPUs, 1 IO APIC \(ACPI MADT\)$")
