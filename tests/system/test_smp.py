# SPDX-License-Identifier: GPL-2.0
"""Starting the other CPUs: with plain `-smp N` each CPU comes online
with its own process 0 (swapper/N); nosmp, maxcpus= and a CPU that does
not answer are handled, and the GRUB ISO boots them too."""
import re

import pytest

from conftest import qemu_argv, run_qemu

INIT = r"init: executing /sbin/init"


def boot_to_init(cmdline="", smp=1, iso=False, label=None):
    boot = run_qemu(qemu_argv(cmdline, smp=smp, iso=iso), timeout=60,
                    end_pattern=INIT, stop_at_end=True,
                    label=label or "%s -smp %d" % (cmdline or "boot", smp))
    assert re.search(INIT, boot.output), boot.explain("init did not start")
    assert "BUG" not in boot.output and "Oops" not in boot.output, \
        boot.explain("a BUG or an oops at boot")
    return boot


def online(boot):
    """The swappers of the `SMP: N CPUs online: ...` line."""
    m = boot.expect(r"SMP: (\d+) CPUs? online:((?: swapper/\d+)+)$")
    names = m.group(2).split()
    assert int(m.group(1)) == len(names), boot.explain("count mismatch")
    return names


def swappers(n):
    return ["swapper/%d" % cpu for cpu in range(n)]


@pytest.mark.parametrize("smp", [1, 2, 4, 8])
def test_every_cpu_comes_online_with_its_swapper(smp):
    boot = boot_to_init(smp=smp)
    assert online(boot) == swappers(smp)
    for cpu in range(1, smp):
        boot.expect(r"SMP: booting CPU#%d \(APIC \d+\), idle task "
                    r"swapper/%d at [0-9a-f]{8}$" % (cpu, cpu))


def test_nosmp_keeps_one_cpu():
    boot = boot_to_init("nosmp", smp=4)
    assert online(boot) == swappers(1)
    assert "SMP: booting" not in boot.output


def test_maxcpus_limits_the_cpus_started():
    boot = boot_to_init("maxcpus=2", smp=4)
    assert online(boot) == swappers(2)
    boot.expect(r"SMP: CPU#2 left out \(maxcpus=2\)")
    boot.expect(r"SMP: CPU#3 left out \(maxcpus=2\)")


def test_bad_maxcpus_is_reported_and_ignored():
    boot = boot_to_init("maxcpus=none", smp=2)
    boot.expect(r'Malformed kernel command line parameter "maxcpus=none", '
                r'ignored')
    assert online(boot) == swappers(2)


def test_a_cpu_that_does_not_answer_is_left_out():
    """fail_cpu_boot=2 sends CPU 2 no STARTUP IPI, as if it were dead:
    the boot CPU gives up on it after its time-out and goes on."""
    boot = boot_to_init("fail_cpu_boot=2", smp=4)
    boot.expect(r"SMP: CPU#2 \(APIC \d+\) did not answer; going on "
                r"without it")
    assert online(boot) == ["swapper/0", "swapper/1", "swapper/3"]


def test_grub_iso_starts_four_cpus():
    boot = boot_to_init(smp=4, iso=True, label="GRUB ISO -smp 4")
    boot.expect(r"Boot loader: GRUB")
    assert online(boot) == swappers(4)
