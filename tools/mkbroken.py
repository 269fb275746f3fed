#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""tools/mkbroken.py - make the broken files that the kernel's loaders
must refuse cleanly, for the tests of their error paths.

Linux 2.6: no counterpart (LTP ships similar files).  Called by the
Makefile and the tests:

  mkbroken.py badelf DIR
      DIR/valid: a 96-byte static i386 executable (one PT_LOAD segment,
      code that calls exit(42)) that kt26 and Linux both run.  DIR/KIND,
      for each KIND of BAD_ELF_KINDS below: the same file with exactly one
      thing broken, which execve() must refuse with ENOEXEC, leaving the
      caller running.  DIR/kinds lists the KINDs, one a line, for
      usertests.  The initramfs gets DIR as /test/badelf.  Since `valid`
      runs, each KIND is refused for what is broken in it, not for a
      fault that all the files share.

  mkbroken.py corrupt-cpio IN OUT [KIND]
      A copy of the newc archive IN broken in one of the ways of
      CORRUPT_CPIO below (bad-magic unless told): the kernel's initramfs
      unpacker must notice and say so, not walk on into garbage.  Every
      member before the damage is intact.  Returns (to a Python caller)
      the offset of the damaged header.  The Makefile makes bad-magic as
      build/initramfs-corrupt.cpio; tests/system/test_user.py boots
      every kind.
"""
import os
import shutil
import struct
import sys

# --- broken ELF executables ------------------------------------------------

EHDR = "<16sHHIIIIIHHHHHH"          # Elf32_Ehdr: 52 bytes
PHDR = "<IIIIIIII"                  # Elf32_Phdr: 32 bytes
ET_REL, ET_EXEC, ET_DYN = 1, 2, 3
EM_386, EM_ARM = 3, 40
PT_LOAD, PT_NOTE = 1, 4
PF_X, PF_R = 1, 4
BASE = 0x08048000                   # where i386 executables start
PAGE_OFFSET = 0xC0000000            # the kernel half begins here
VALID_EXIT = 42                     # what DIR/valid exits with
# mov eax, 1 (__NR_exit); mov ebx, 42; int 0x80
CODE = bytes([0xB8, 1, 0, 0, 0, 0xBB, VALID_EXIT, 0, 0, 0, 0xCD, 0x80])


def elf(magic=b"\x7fELF", ei_class=1, ei_data=1, ei_version=1,
        e_type=ET_EXEC, e_machine=EM_386, e_phoff=None, e_phentsize=32,
        entry_offset=None, p_type=PT_LOAD, p_vaddr=BASE, p_filesz=None,
        p_memsz=None, p_flags=PF_R | PF_X, phdr_at=52, data_segment=None,
        e_phnum=None, truncate=None):
    """The valid executable, or it with the fields given changed.

    The program header sits at phdr_at (e_phoff says phdr_at unless
    told), the code right after it, 4-aligned; the one segment maps the
    whole file from offset 0, and the entry point is the code's first
    byte (entry_offset: another offset from the segment's start).
    data_segment=(p_vaddr, p_memsz) adds a second, read-only PT_LOAD
    segment of the whole file after the first header.
    """
    phnum = 2 if data_segment else 1
    code_at = (phdr_at + 32 * phnum + 3) & ~3
    size = code_at + len(CODE)
    entry = p_vaddr + (code_at if entry_offset is None else entry_offset)
    ident = magic + bytes([ei_class, ei_data, ei_version]) + bytes(9)
    header = struct.pack(EHDR, ident, e_type, e_machine, 1, entry,
                         phdr_at if e_phoff is None else e_phoff, 0, 0, 52,
                         e_phentsize, phnum if e_phnum is None else e_phnum,
                         0, 0, 0)
    phdrs = struct.pack(PHDR, p_type, 0, p_vaddr, p_vaddr,
                        size if p_filesz is None else p_filesz,
                        size if p_memsz is None else p_memsz, p_flags,
                        0x1000)
    if data_segment:
        vaddr, memsz = data_segment
        phdrs += struct.pack(PHDR, PT_LOAD, 0, vaddr, vaddr, size, memsz,
                             PF_R, 0x1000)
    data = bytearray(size)
    data[0:52] = header
    data[phdr_at:phdr_at + len(phdrs)] = phdrs
    data[code_at:size] = CODE
    return bytes(data[:truncate])


class BadElf:
    """One kind of breakage: a name, what is wrong, and whether Linux
    too refuses it with ENOEXEC (before execve's point of no return).
    Where Linux does not, it runs the file or kills the process after
    the point of no return: only kt26 is tested with those."""

    def __init__(self, name, what, linux_enoexec, **fields):
        self.name, self.what = name, what
        self.linux_enoexec = linux_enoexec
        self.data = elf(**fields)


# Each differs from elf()'s valid file in one thing.  The checks are in
# kernel/binfmt_elf.c: check_header(), check_segment(), load_elf_binary().
BAD_ELF_KINDS = [
    BadElf("bad_magic", "e_ident does not start with \\x7fELF", True,
           magic=b"\x7fELG"),
    BadElf("class_64", "EI_CLASS is ELFCLASS64", False, ei_class=2),
    BadElf("big_endian", "EI_DATA is ELFDATA2MSB", False, ei_data=2),
    BadElf("bad_version", "EI_VERSION is not EV_CURRENT", False,
           ei_version=0),
    BadElf("relocatable", "e_type is ET_REL, an object file", True,
           e_type=ET_REL),
    BadElf("shared_object", "e_type is ET_DYN: only ET_EXEC is loaded",
           False, e_type=ET_DYN),
    BadElf("wrong_machine", "e_machine is EM_ARM", True,
           e_machine=EM_ARM),
    BadElf("truncated_header", "the file ends inside the ELF header", True,
           truncate=40),
    BadElf("bad_phentsize", "e_phentsize is not sizeof(Elf32_Phdr)", True,
           e_phentsize=40),
    BadElf("no_phdrs", "e_phnum is 0", True, e_phnum=0),
    BadElf("phdrs_past_end", "the program headers are past the end of "
           "the file", True, e_phoff=0x1000),
    BadElf("phdrs_wrap", "e_phoff + the table's size wraps around 2^32",
           True, e_phoff=0xFFFFFFF0),
    BadElf("phdrs_unaligned", "e_phoff is not a multiple of 4", False,
           phdr_at=54),
    BadElf("no_load_segment", "no PT_LOAD: nothing to map", False,
           p_type=PT_NOTE),
    BadElf("segment_past_end", "p_offset + p_filesz is past the end of "
           "the file", False, p_filesz=0x2000, p_memsz=0x2000),
    BadElf("filesz_over_memsz", "p_filesz > p_memsz", False, p_memsz=92),
    BadElf("segment_at_page_0", "the segment maps page 0", False,
           p_vaddr=0),
    BadElf("segment_in_kernel", "the segment is at PAGE_OFFSET, in the "
           "kernel half", False, p_vaddr=PAGE_OFFSET),
    # In a second segment: the entry point must stay in a valid one.
    BadElf("segment_wraps", "p_vaddr + p_memsz wraps around 2^32", False,
           data_segment=(BASE + 0x1000, 0xFFFFFFF0)),
    BadElf("segment_misaligned", "p_vaddr and p_offset differ modulo the "
           "page size", False, p_vaddr=BASE + 0x10),
    BadElf("entry_outside", "the entry point is in no segment", False,
           entry_offset=0x1000),
    BadElf("entry_not_executable", "the entry point's segment has no "
           "PF_X", False, p_flags=PF_R),
]


def badelf(out_dir):
    """DIR/valid, DIR/KIND for each BAD_ELF_KINDS, and DIR/kinds."""
    shutil.rmtree(out_dir, ignore_errors=True)
    os.makedirs(out_dir)
    for name, data in [("valid", elf())] + [(b.name, b.data)
                                             for b in BAD_ELF_KINDS]:
        path = os.path.join(out_dir, name)
        with open(path, "wb") as f:
            f.write(data)
        os.chmod(path, 0o755)
    with open(os.path.join(out_dir, "kinds"), "w") as f:
        f.write("".join(b.name + "\n" for b in BAD_ELF_KINDS))


# --- corrupt initramfs archives --------------------------------------------

NEWC_MAGIC = b"070701"
NEWC_HEADER = 110                 # magic + 13 fields of 8 hex digits
NEWC_FILESIZE = 6                 # field numbers
NEWC_NAMESIZE = 11
CORRUPT_MEMBER = b"sbin/init"
TRAILER = b"TRAILER!!!"


def align4(n):
    return (n + 3) & ~3


def newc_headers(data):
    """(offset, name) of each member's header, the trailer's last."""
    offset = 0
    while offset + NEWC_HEADER <= len(data):
        if data[offset:offset + 6] != NEWC_MAGIC:
            sys.exit("mkbroken: bad magic at %d" % offset)
        fields = [int(data[offset + 6 + 8 * i:offset + 14 + 8 * i], 16)
                  for i in range(13)]
        name_start = offset + NEWC_HEADER
        name = bytes(data[name_start:name_start + fields[NEWC_NAMESIZE] - 1])
        yield offset, name
        if name == TRAILER:
            return
        offset = align4(align4(name_start + fields[NEWC_NAMESIZE]) +
                        fields[NEWC_FILESIZE])


def set_field(data, header, field, value):
    at = header + 6 + 8 * field
    data[at:at + 8] = b"%08X" % value


def huge_filesize(data, header):
    set_field(data, header, NEWC_FILESIZE, 0xFFFFFFFF)


def namesize_past_end(data, header):
    # The name would run one byte past the end of the archive.
    set_field(data, header, NEWC_NAMESIZE,
              len(data) - (header + NEWC_HEADER) + 1)


def non_hex_field(data, header):
    at = header + 6 + 8 * NEWC_FILESIZE + 7
    data[at:at + 1] = b"g"


def bad_magic(data, header):
    data[header:header + 6] = b"BADMAG"


# kind: (what is broken, the header it breaks, how)
CORRUPT_CPIO = {
    "bad-magic": ("sbin/init's header has the magic BADMAG",
                  CORRUPT_MEMBER, bad_magic),
    "huge-filesize": ("sbin/init's filesize is 0xFFFFFFFF",
                      CORRUPT_MEMBER, huge_filesize),
    "namesize-past-end": ("sbin/init's namesize runs past the end",
                          CORRUPT_MEMBER, namesize_past_end),
    "non-hex-field": ("sbin/init's filesize has a 'g' in it",
                      CORRUPT_MEMBER, non_hex_field),
    "no-trailer": ("the archive ends before TRAILER!!!", TRAILER, None),
}


def corrupt_cpio(src, out, kind):
    data = bytearray(open(src, "rb").read())
    _, member, corrupt = CORRUPT_CPIO[kind]
    for header, name in newc_headers(data):
        if name == member:
            if corrupt:
                corrupt(data, header)
            else:
                del data[header:]
            open(out, "wb").write(data)
            return header
    sys.exit("mkbroken: %s has no member %s" % (src, member.decode()))


def main():
    args = sys.argv[1:]
    if len(args) == 2 and args[0] == "badelf":
        badelf(args[1])
    elif len(args) in (3, 4) and args[0] == "corrupt-cpio" and \
            (len(args) == 3 or args[3] in CORRUPT_CPIO):
        corrupt_cpio(args[1], args[2], args[3] if len(args) == 4
                     else "bad-magic")
    else:
        sys.exit("usage: mkbroken.py badelf DIR | corrupt-cpio IN OUT [%s]"
                 % "|".join(CORRUPT_CPIO))


if __name__ == "__main__":
    main()
