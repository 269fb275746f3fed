#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""tools/mkbroken.py - make the broken files that the kernel's loaders
must refuse cleanly, for the tests of their error paths.

Linux 2.6: no counterpart (LTP ships similar files).  Called by the
Makefile:

  mkbroken.py badelf OUT
      An ELF header that looks right (magic, 32-bit, i386, ET_EXEC) but
      says its program headers are at offset 0x1000 of a file that is
      much shorter.  execve() must fail with ENOEXEC and the caller must
      go on; Linux does exactly that (load_elf_phdrs() cannot read them).
      It goes into the initramfs as /bin/badelf.

  mkbroken.py corrupt-cpio IN OUT
      A copy of the newc archive IN in which the header of sbin/init has
      the magic "BADMAG" instead of "070701"; every member before it is
      intact.  The kernel's initramfs unpacker must notice and say so,
      not walk on into garbage.  Used as build/initramfs-corrupt.cpio.
"""
import struct
import sys

ELF_PHOFF_PAST_END = 0x1000
NEWC_MAGIC = b"070701"
NEWC_HEADER = 110                 # magic + 13 fields of 8 hex digits
CORRUPT_MEMBER = b"sbin/init"


def badelf(out):
    ident = b"\x7fELF" + bytes([1, 1, 1])   # ELFCLASS32, LSB, EV_CURRENT
    header = struct.pack(
        "<16sHHIIIIIHHHHHH",
        ident,
        2,                  # e_type: ET_EXEC
        3,                  # e_machine: EM_386
        1,                  # e_version
        0x08048054,         # e_entry
        ELF_PHOFF_PAST_END,  # e_phoff: beyond the end of the file
        0,                  # e_shoff: no section headers
        0,                  # e_flags
        52,                 # e_ehsize
        32,                 # e_phentsize
        1,                  # e_phnum
        0, 0, 0)            # e_shentsize, e_shnum, e_shstrndx
    note = (b"\nbadelf: a test file; its program headers are said to be "
            b"at 0x%x, past the end.\n" % ELF_PHOFF_PAST_END)
    with open(out, "wb") as f:
        f.write(header + note)


def align4(n):
    return (n + 3) & ~3


def corrupt_cpio(src, out):
    data = bytearray(open(src, "rb").read())
    offset = 0
    while offset + NEWC_HEADER <= len(data):
        if data[offset:offset + 6] != NEWC_MAGIC:
            sys.exit("mkbroken: %s: bad magic at %d" % (src, offset))
        fields = [int(data[offset + 6 + 8 * i:offset + 14 + 8 * i], 16)
                  for i in range(13)]
        filesize, namesize = fields[6], fields[11]
        name_start = offset + NEWC_HEADER
        name = bytes(data[name_start:name_start + namesize - 1])
        if name == CORRUPT_MEMBER:
            data[offset:offset + 6] = b"BADMAG"
            open(out, "wb").write(data)
            return
        offset = align4(align4(name_start + namesize) + filesize)
    sys.exit("mkbroken: %s has no member %s" % (src, CORRUPT_MEMBER.decode()))


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "badelf":
        badelf(sys.argv[2])
    elif len(sys.argv) == 4 and sys.argv[1] == "corrupt-cpio":
        corrupt_cpio(sys.argv[2], sys.argv[3])
    else:
        sys.exit("usage: mkbroken.py badelf OUT | corrupt-cpio IN OUT")


if __name__ == "__main__":
    main()
