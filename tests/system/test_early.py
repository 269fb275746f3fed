# SPDX-License-Identifier: GPL-2.0
"""The kernel's first instructions (docs/boot.md, section 3): the CPU
check and the early exception table.

check_cpu (boot/cpucheck.asm) must refuse a CPU that lacks cpuid, PSE,
TSC or CMOV with one line naming exactly what is missing, before the
banner, and end QEMU with the panic status.  QEMU's models: `486` has
cpuid and PSE but no TSC and no CMOV, `pentium` lacks only CMOV,
`pentium2` has all three.  No QEMU model lacks cpuid itself, so GDB
plays that CPU: it puts EFLAGS back as it was after check_cpu tried to
flip the ID bit.

Between paging on in _start and trap_init(), an exception must print
one line (boot/early_idt.asm, arch/x86/early_exception.c) instead of
resetting the machine.  GDB stops the kernel there (a hardware
breakpoint; QEMU starts paused) and makes it fault: by jumping to an
unmapped address, by writing to one, by an invalid opcode, or by an
`int` to a vector the early table does not have.  Without the early IDT
the CPU triple-faults and QEMU ends with status 0 and no line.
"""
import re
import subprocess
import threading

import pytest

from conftest import (BANNER, EXIT_KTEST_PASS, EXIT_PANIC, KERNEL,
                      boot_kernel, free_port, qemu_argv, run_qemu,
                      symbol_address, wait_listening)

PAGE_OFFSET = 0xC0000000
LACKS = "kt26: this CPU lacks: %s (the kernel needs an i686-class CPU)"
# Below PAGE_OFFSET, where boot_pg_dir maps nothing once _start has
# dropped the identity entry (0xdead0000 would be mapped: lowmem).
UNMAPPED = 0xBAD00000
EARLY_LINE = re.compile(r"^early exception ([0-9a-f]{2}) error ([0-9a-f]{8}) "
                        r"eip ([0-9a-f]{8}) cr2 ([0-9a-f]{8})(?: \((\S+)\))?$")


def boot_under_gdb(address, commands, cpu=None, timeout=60):
    """Boot with QEMU paused, stop at @address (a hardware breakpoint:
    it works before and after paging), run the gdb @commands there and
    let the kernel go on.  Return (boot, gdb output)."""
    port = free_port()
    extra = ["-S", "-gdb", "tcp:127.0.0.1:%d" % port]
    if cpu:
        extra += ["-cpu", cpu]
    argv = qemu_argv("", extra=extra)
    result = {}

    def qemu():
        result["boot"] = run_qemu(argv, timeout=timeout)

    t = threading.Thread(target=qemu)
    t.start()
    assert wait_listening(port), "QEMU's gdb stub did not start"
    argv = ["gdb", "-q", "-nx", "-batch",
            "-ex", "set architecture i386",
            "-ex", "target remote 127.0.0.1:%d" % port,
            "-ex", "hbreak *0x%x" % address,
            "-ex", "continue",
            "-ex", "printf \"stopped at %x\\n\", $pc"]
    for command in commands:
        argv += ["-ex", command]
    argv += ["-ex", "delete", "-ex", "detach", KERNEL]
    gdb = subprocess.run(argv, capture_output=True, text=True,
                         timeout=timeout)
    t.join(timeout=timeout + 30)
    output = gdb.stdout + gdb.stderr
    assert "stopped at %x" % address in output, output
    return result["boot"], output


## The CPU check ---------------------------------------------------------

@pytest.mark.parametrize("cpu, missing", [
    ("486", "tsc cmov"),
    ("pentium", "cmov"),
    ("pentium2,pse=off,tsc=off,cmov=off", "pse tsc cmov"),
])
def test_cpu_lacking_features_is_refused_in_one_line(cpu, missing):
    """The only output is the one line naming exactly the missing
    features, in check_cpu's order; no banner; the panic status."""
    boot = run_qemu(qemu_argv("", extra=["-cpu", cpu]), timeout=30)
    assert not boot.timed_out, boot.explain("QEMU did not end")
    assert boot.lines == [LACKS % missing], \
        boot.explain("not exactly the one line for -cpu %s" % cpu)
    assert boot.status == EXIT_PANIC, boot.explain("not the panic status")


def test_cpu_without_cpuid_is_refused_in_one_line():
    """EFLAGS.ID that does not change is a CPU without cpuid: GDB undoes
    the flip where check_cpu reads the flags back."""
    flags_read = symbol_address("check_cpu.flags_read") - PAGE_OFFSET
    boot, gdb = boot_under_gdb(flags_read, ["set $eax = $ecx"])
    assert boot.lines == [LACKS % "cpuid"], \
        boot.explain("not the one cpuid line\n" + gdb)
    assert boot.status == EXIT_PANIC, boot.explain("not the panic status")


def test_pentium2_has_everything_the_kernel_needs():
    """The oldest QEMU model with PSE, TSC and CMOV boots and runs C."""
    boot = boot_kernel("ktest=vsnprintf_formats", extra=["-cpu", "pentium2"],
                       timeout=90, label="-cpu pentium2")
    assert "lacks" not in boot.output, boot.explain("the check refused it")
    boot.expect(r"ktest: ok \d+ - vsnprintf_formats$")
    assert boot.status == EXIT_KTEST_PASS, boot.explain("the ktest failed")


## Early exceptions --------------------------------------------------------

def write_insn(*words):
    """gdb commands writing instruction bytes at $pc."""
    commands, offset = [], 0
    for size, value in words:
        kind = {1: "char", 2: "short", 4: "int"}[size]
        commands.append("set *(unsigned %s *)($pc + %d) = 0x%x" %
                        (kind, offset, value))
        offset += size
    return commands


# (where gdb stops, what it does there, vector, error code, eip, cr2)
# eip/cr2: a number, or a symbol name for its address; cr2 None: any.
EARLY_FAULTS = {
    "jump_to_unmapped": ("start_kernel", ["set $eip = 0x%x" % UNMAPPED],
                         0x0E, 0x0, UNMAPPED, UNMAPPED),
    "write_to_unmapped": ("start_kernel",  # mov [UNMAPPED], eax
                          write_insn((1, 0xA3), (4, UNMAPPED)),
                          0x0E, 0x2, "start_kernel", UNMAPPED),
    "ud2": ("start_kernel", write_insn((2, 0x0B0F)),
            0x06, 0x0, "start_kernel", None),
    "ud2_after_cpu_init": ("trap_init", write_insn((2, 0x0B0F)),
                           0x06, 0x0, "trap_init", None),
    "int_0x80": ("start_kernel", write_insn((2, 0x80CD)),  # past the table
                 0x0D, (0x80 << 3) | 2, "start_kernel", None),
}


@pytest.mark.parametrize("case", sorted(EARLY_FAULTS))
def test_early_exception_prints_one_line(case):
    """The line has the vector, the error code (0 where the CPU pushes
    none), the faulting eip with its function, and CR2; it is the last
    thing printed, and QEMU ends with the panic status."""
    where, commands, vector, error, eip, cr2 = EARLY_FAULTS[case]
    if isinstance(eip, str):
        eip = symbol_address(eip)
    boot, gdb = boot_under_gdb(symbol_address(where), commands)
    assert boot.status == EXIT_PANIC, \
        boot.explain("not the panic status (a triple fault ends with 0)\n"
                     + gdb)
    assert boot.lines, boot.explain("nothing printed")
    m = EARLY_LINE.match(boot.lines[-1])
    assert m, boot.explain("the last line is not the early exception line")
    assert int(m.group(1), 16) == vector, boot.explain("wrong vector")
    assert int(m.group(2), 16) == error, boot.explain("wrong error code")
    assert int(m.group(3), 16) == eip, boot.explain("wrong eip")
    if cr2 is not None:
        assert int(m.group(4), 16) == cr2, boot.explain("wrong cr2")
    if eip >= PAGE_OFFSET:
        assert re.fullmatch(r"%s\+0x0/0x[0-9a-f]+" % where, m.group(5) or ""), \
            boot.explain("the symbol is not %s+0x0/size" % where)
    else:
        assert m.group(5) is None, boot.explain("a symbol for no text")
    # Before cpu_init() and the consoles nothing else speaks; at
    # trap_init() the banner came first.
    before = boot.lines[:-1]
    if where == "start_kernel":
        assert before == [], boot.explain("output before the line")
    else:
        assert any(BANNER in line for line in before), \
            boot.explain("no banner before trap_init()")
