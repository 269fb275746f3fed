#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""tests/fuzz/mkcorpus.py - write the seed corpus of the fuzz harnesses,
tests/fuzz/corpus/{elf,cpio,cmdline}/: small valid and broken inputs
that libFuzzer starts from (and `make test` replays); and the edge cases
among tests/fuzz/regressions/NAME/, the edge_* files: inputs at the
limits of each parser's checks, replayed by `make test` with the inputs
that once crashed a harness (which this script never touches).

Linux 2.6: no counterpart.  Run after `make user` (it strips
build/user/hello) from the top of the tree:

    /usr/bin/python3 tests/fuzz/mkcorpus.py

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


def main():
    write("elf", elf_seeds())
    write("cpio", cpio_seeds())
    write("cmdline", cmdline_seeds())
    write_edges("elf", elf_edges())
    write_edges("cpio", cpio_edges())
    write_edges("cmdline", cmdline_edges())


if __name__ == "__main__":
    main()
