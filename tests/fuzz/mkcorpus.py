#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""tests/fuzz/mkcorpus.py - write the seed corpus of the fuzz harnesses,
tests/fuzz/corpus/{elf,cpio,cmdline,smp}/: small valid and broken
inputs that libFuzzer starts from (and `make test` replays); and the edge cases
among tests/fuzz/regressions/NAME/, the edge_* files: inputs at the
limits of each parser's checks, replayed by `make test` with the inputs
that once crashed a harness (which this script never touches).

Linux 2.6: no counterpart.  Run after `make user` (it strips
build/user/hello) from the top of the tree:

    /usr/bin/python3 tests/fuzz/mkcorpus.py          # every harness
    /usr/bin/python3 tests/fuzz/mkcorpus.py smp      # one

The files are committed; run it again only to change them.  The broken
ELF files and archives come from tools/mkbroken.py, so every kind of
breakage the system tests boot is a seed too.
"""
import os
import shutil
import struct
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
CORPUS = os.path.join(ROOT, "tests", "fuzz", "corpus")
sys.path.insert(0, os.path.join(ROOT, "tools"))
import mkbroken  # noqa: E402

S_IFDIR, S_IFREG = 0o040000, 0o100000
PF_W = 2
STACK_BOTTOM = mkbroken.PAGE_OFFSET - 16 * 4096   # include/binfmts.h


def newc(members):
    """A newc archive as `cpio -o -H newc` writes it: (name, mode, data)
    each, then the trailer."""
    out = bytearray()
    for ino, (name, mode, data) in enumerate(
            members + [("TRAILER!!!", 0, b"")], 1):
        name = name.encode() + b"\0"
        fields = [ino if name != b"TRAILER!!!\0" else 0, mode, 0, 0,
                  2 if mode & S_IFDIR else 1, 0, len(data), 0, 0, 0, 0,
                  len(name), 0]
        out += b"070701" + b"".join(b"%08X" % f for f in fields) + name
        out += bytes(-len(out) % 4) + data + bytes(-len(data) % 4)
    return bytes(out)


def two_segments_one_page():
    """The valid program with its data in a second, writable PT_LOAD on
    the same page as its code: the page becomes writable."""
    code_at = 52 + 2 * 32
    size = code_at + len(mkbroken.CODE) + 8
    ehdr = struct.pack(mkbroken.EHDR, b"\x7fELF\x01\x01\x01" + bytes(9),
                       mkbroken.ET_EXEC, mkbroken.EM_386, 1,
                       mkbroken.BASE + code_at, 52, 0, 0, 52, 32, 2, 0, 0,
                       0)
    text = struct.pack(mkbroken.PHDR, mkbroken.PT_LOAD, 0, mkbroken.BASE,
                       mkbroken.BASE, size - 8, size - 8,
                       mkbroken.PF_R | mkbroken.PF_X, 0x1000)
    data = struct.pack(mkbroken.PHDR, mkbroken.PT_LOAD, size - 8,
                       mkbroken.BASE + size - 8, mkbroken.BASE + size - 8,
                       8, 0x2000, mkbroken.PF_R | 2, 0x1000)
    return ehdr + text + data + mkbroken.CODE + b"DATADATA"


def elf_seeds():
    seeds = {"valid": mkbroken.elf(),
             "two_segments_one_page": two_segments_one_page()}
    for kind in mkbroken.BAD_ELF_KINDS:
        seeds[kind.name] = kind.data
    with tempfile.TemporaryDirectory() as tmp:
        hello = os.path.join(tmp, "hello")
        subprocess.run(["objcopy", "--strip-all",
                        os.path.join(ROOT, "build", "user", "hello"), hello],
                       check=True)
        seeds["hello"] = open(hello, "rb").read()
    return seeds


def cpio_seeds():
    motd = open(os.path.join(ROOT, "user", "motd"), "rb").read()
    small = newc([("bin", S_IFDIR | 0o755, b""),
                  ("etc", S_IFDIR | 0o755, b""),
                  ("sbin", S_IFDIR | 0o755, b""),
                  ("sbin/init", S_IFREG | 0o755, mkbroken.elf()),
                  ("etc/motd", S_IFREG | 0o644, motd),
                  ("./bin/dot", S_IFREG | 0o755, b"x"),
                  ("//bin/slashes", S_IFREG | 0o755, b"yz")])
    seeds = {"small": small,
             "trailer_only": newc([]),
             "empty": b"",
             "too_many_files": newc([("f%02d" % i, S_IFREG | 0o644, b"%d" % i)
                                     for i in range(70)]),
             "name_too_long": newc([("n" * 64, S_IFREG | 0o644, b"long"),
                                    ("short", S_IFREG | 0o644, b"ok")])}
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "small.cpio")
        open(src, "wb").write(small)
        for kind in sorted(mkbroken.CORRUPT_CPIO):
            out = os.path.join(tmp, kind)
            mkbroken.corrupt_cpio(src, out, kind)
            seeds[kind] = open(out, "rb").read()
    return seeds


# From tests/system/test_boot.py: what the boot tests give the kernel.
GARBAGE = b'loglevel=banana =x ktest= mem= novalue=1 "unterminated ===== \x7f'


def cmdline_seeds():
    return {
        "empty": b"",
        "qemu_image_name": b"build/kernel.elf",
        "qemu_ktest": b"build/kernel.elf ktest=all loglevel=7",
        "grub": b"loglevel=7",
        "garbage": GARBAGE,
        "options": b"init=/bin/usertests mem=64M trace=sched "
                   b"trace_buf_size=64K ktest_timeout=30 loglevel=4",
        "numbers": b"kswapd_interval=0x3e8 dirty_background_ratio=010 "
                   b"ata_bad_sector=-1 mem=1G ktest_timeout=+5",
        "quotes": b'ktest="a b" "init=/sbin/init" quiet "" =',
        "whitespace": b"  loglevel=3\tquiet\nmem=8M\r ",
        "too_long": b"build/kernel.elf " + b"ktest=" + b"x" * 600,
    }


def elf_with(loads, notes=0, entry_off=None):
    """An executable: @notes PT_NOTE headers, then a PT_LOAD for each
    (vaddr, memsz, flags) of @loads mapping the whole file from offset 0
    (memsz None: the file's size), then the valid file's code.  The entry
    point is the code's first byte, or @entry_off bytes into the first
    segment."""
    phnum = notes + len(loads)
    code_at = 52 + 32 * phnum
    size = code_at + len(mkbroken.CODE)
    entry = loads[0][0] + (code_at if entry_off is None else entry_off)
    ehdr = struct.pack(mkbroken.EHDR, b"\x7fELF\x01\x01\x01" + bytes(9),
                       mkbroken.ET_EXEC, mkbroken.EM_386, 1, entry, 52, 0,
                       0, 52, 32, phnum, 0, 0, 0)
    phdrs = struct.pack(mkbroken.PHDR, mkbroken.PT_NOTE, 0, 0, 0, 0, 0, 0,
                        4) * notes
    for vaddr, memsz, flags in loads:
        phdrs += struct.pack(mkbroken.PHDR, mkbroken.PT_LOAD, 0, vaddr,
                             vaddr, size, size if memsz is None else memsz,
                             flags, 0x1000)
    return ehdr + phdrs + mkbroken.CODE


def elf_edges():
    rx, rw = mkbroken.PF_R | mkbroken.PF_X, mkbroken.PF_R | PF_W
    base, size = mkbroken.BASE, 52 + 32 + len(mkbroken.CODE)
    top = STACK_BOTTOM - 0x2000
    return {
        "edge_segment_ends_at_stack": elf_with([(top, 0x2000, rx)]),
        "edge_segment_one_byte_into_stack": elf_with([(top, 0x2001, rx)]),
        "edge_out_of_pages": elf_with([(base, 2 << 20, rx)]),
        "edge_entry_last_byte": elf_with([(base, None, rx)], 0, size - 1),
        "edge_entry_one_past_end": elf_with([(base, None, rx)], 0, size),
        "edge_rx_after_rw_one_page": elf_with([(base, None, rw),
                                               (base, None, rx)]),
        "edge_sixteen_phdrs": elf_with([(base, None, rx)], 15),
        "edge_seventeen_phdrs": elf_with([(base, None, rx)], 16),
    }


def cpio_edges():
    f = S_IFREG | 0o644
    trailer_only = newc([])
    one = newc([("a", f, b"data")])
    return {
        "edge_no_trailer_ends_on_data": one[:one.index(b"070701", 1)],
        "edge_trailer_without_padding": trailer_only[:110 + 11],
        "edge_namesize_zero": trailer_only.replace(b"0000000B00000000",
                                                   b"0000000000000000"),
        "edge_name_not_terminated": newc([("abc", f, b"")]).replace(
            b"abc\0", b"abcd", 1),
        "edge_odd_names": newc([(n, f, b"x") for n in
                                ["", ".", "./", "/", "//./a", "././b"]]),
        "edge_64_files": newc([("f%02d" % i, f, b"") for i in range(64)]),
        "edge_duplicate_names": newc([("sbin/init", f, b"first"),
                                      ("sbin/init", f, b"second")]),
    }


def cmdline_edges():
    return {
        "edge_511_bytes": b"ktest=" + b"y" * 505,
        "edge_512_bytes": b"ktest=" + b"y" * 506,
        "edge_quote_only": b'"',
        "edge_tab_first": b"\tloglevel=3",
        "edge_number_limits": b"kswapd_interval=4294967295 "
                              b"kswapd_interval=4294967296 "
                              b"ata_bad_sector=-2147483648 "
                              b"ata_bad_sector=2147483648 "
                              b"ata_bad_sector=-2147483649 "
                              b"ktest_timeout=0x10",
        "edge_size_limits": b"mem=0xfffffffffffM mem=0x100000000000M "
                            b"mem=17179869183G mem=17179869184G "
                            b"mem=18446744073709551615 "
                            b"mem=18446744073709551616 mem=0x mem=08M",
    }


# The firmware tables (tests/fuzz/smp_fuzz.c): byte 0 of an input is 0 for
# a MADT, 1 for an MP table, +2 to have the harness fix the checksum;
# byte 1 the boot CPU's APIC ID.
FIX = 2


def checksummed(table, at):
    table = bytearray(table)
    table[at] = -sum(table) & 0xFF
    return bytes(table)


def madt(entries, length=None):
    body = b"".join(entries)
    length = 44 + len(body) if length is None else length
    head = b"APIC" + struct.pack("<IBB6s8sI4sI", length, 1, 0, b"BOCHS ",
                                 b"BXPCAPIC", 1, b"BXPC", 1)
    return checksummed(head + struct.pack("<II", 0xFEE00000, 1) + body, 9)


def lapic(apic_id, enabled=1):
    return struct.pack("<BBBBI", 0, 8, apic_id, apic_id, enabled)


def ioapic(apic_id, gsi_base=0):
    return struct.pack("<BBBBII", 1, 12, apic_id, 0, 0xFEC00000, gsi_base)


def override(irq, gsi, flags=0):
    return struct.pack("<BBBBIH", 2, 10, 0, irq, gsi, flags)


def qemu_madt(cpus):
    return madt([lapic(i) for i in range(cpus)] + [ioapic(0)] +
                [override(0, 2)] + [override(i, i, 0xD) for i in
                                    (5, 9, 10, 11)])


def mpc(entries):
    body = b"".join(entries)
    head = b"PCMP" + struct.pack("<HBB8s12sIHHIHBB", 44 + len(body), 4, 0,
                                 b"BOCHSCPU", b"0.1         ", 0, 0,
                                 len(entries), 0xFEE00000, 0, 0, 0)
    return checksummed(head + body, 7)


def mp_cpu(apic_id, flags=1):
    return struct.pack("<BBBBIIII", 0, apic_id, 0x14, flags, 0, 0, 0, 0)


def mp_intsrc(irq, pin, bus=1, apic=0, flags=0):
    return struct.pack("<BBHBBBB", 3, 0, flags, bus, irq, apic, pin)


def seabios_mpc(cpus):
    return mpc([mp_cpu(i, 1 | (2 if i == 0 else 0)) for i in range(cpus)] +
               [struct.pack("<BB6s", 1, 0, b"PCI   "),
                struct.pack("<BB6s", 1, 1, b"ISA   "),
                struct.pack("<BBBBI", 2, 0, 0x11, 1, 0xFEC00000)] +
               [mp_intsrc(i, 2 if i == 0 else i) for i in range(16)
                if i != 2] +
               [struct.pack("<BBHBBBB", 4, 3, 0, 1, 0, 0xFF, 0)])


def smp_seeds():
    return {
        "madt_1cpu": b"\0\0" + qemu_madt(1),
        "madt_4cpus": b"\0\0" + qemu_madt(4),
        "madt_9cpus_boot_8": b"\0\x08" + qemu_madt(9),
        "madt_fix_checksum": bytes([FIX, 0]) + qemu_madt(2)[:-3] + b"\0\0\0",
        "mpc_1cpu": b"\1\0" + seabios_mpc(1),
        "mpc_4cpus": b"\1\0" + seabios_mpc(4),
        "mpc_9cpus_boot_3": b"\1\3" + seabios_mpc(9),
        "empty": b"",
        "garbage": b"\3\0" + bytes(range(256)),
    }


def smp_edges():
    two_ioapics = [lapic(0), ioapic(0), ioapic(1, 24)]
    return {
        "edge_madt_zero_length_entry": b"\0\0" + madt([lapic(0), b"\7\0",
                                                       ioapic(0)]),
        "edge_madt_entry_one_past_end": b"\0\0" + madt([lapic(0),
                                                        ioapic(0)[:11]]),
        "edge_madt_length_past_buffer": bytes([FIX, 0]) +
        madt([lapic(0)], length=0xFFFFFFFF),
        "edge_madt_lapic_too_short": b"\0\0" + madt([b"\0\7" + lapic(1)[2:7],
                                                     lapic(0)]),
        "edge_madt_three_ioapics": b"\0\0" + madt(two_ioapics +
                                                  [ioapic(2, 48)]),
        "edge_madt_last_pin": b"\0\0" + madt(two_ioapics +
                                             [override(4, 47)]),
        "edge_madt_pin_past_last": b"\0\0" + madt(two_ioapics +
                                                  [override(4, 48)]),
        "edge_madt_apic_id_ff": b"\0\0" + madt([lapic(0), lapic(0xFF),
                                                ioapic(0)]),
        "edge_madt_duplicate": b"\0\1" + madt([lapic(0), lapic(1), lapic(1),
                                               ioapic(0)]),
        "edge_mpc_unknown_type": b"\1\0" + mpc([mp_cpu(0),
                                                 b"\x05" + bytes(7)]),
        "edge_mpc_cpu_past_end": b"\1\0" + mpc([mp_cpu(0)[:19]]),
        "edge_mpc_pin_24": b"\1\0" + mpc([mp_cpu(0),
                                           struct.pack("<BB6s", 1, 0,
                                                       b"ISA   "),
                                           struct.pack("<BBBBI", 2, 0, 0x11,
                                                       1, 0xFEC00000),
                                           mp_intsrc(3, 24, bus=0)]),
    }


def write(name, seeds):
    path = os.path.join(CORPUS, name)
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    for seed, data in seeds.items():
        with open(os.path.join(path, seed), "wb") as f:
            f.write(data)


def write_edges(name, edges):
    path = os.path.join(ROOT, "tests", "fuzz", "regressions", name)
    os.makedirs(path, exist_ok=True)
    for edge, data in edges.items():
        with open(os.path.join(path, edge), "wb") as f:
            f.write(data)


HARNESSES = {
    "elf": (elf_seeds, elf_edges),
    "cpio": (cpio_seeds, cpio_edges),
    "cmdline": (cmdline_seeds, cmdline_edges),
    "smp": (smp_seeds, smp_edges),
}


def main():
    """Every harness's files, or only those named: mkcorpus.py smp"""
    for name in sys.argv[1:] or HARNESSES:
        seeds, edges = HARNESSES[name]
        write(name, seeds())
        write_edges(name, edges())


if __name__ == "__main__":
    main()
