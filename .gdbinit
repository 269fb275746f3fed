# .gdbinit - kt26's GDB set-up: used by `make gdb` (gdb -x .gdbinit) and
# by the GDB tests; plain `gdb` in the repository reads it too once you
# allow it (docs/gdb.md: add-auto-load-safe-path).
#
# Debian's gdb does not guess the architecture from a remote QEMU.
set architecture i386
# Intel syntax, as in arch/x86/*.asm and build/kernel.asm.
set disassembly-flavor intel
set pagination off
set confirm off
#
# No breakpoint is set here: the first instruction runs in real mode and
# _start runs at its physical address (0x10000c) with paging off.  A
# breakpoint on a kernel function (break start_kernel) is fine at any
# time; see docs/gdb.md.
#
# The helpers (kps, kcurrent, kbt, krunqueue, kswitch, kdmesg, ...) are
# in tools/gdb/; found from the current directory or from the kernel
# file, and build/kernel.elf is loaded if no file was given.
python
import os
_root = os.getcwd()
_elf = gdb.current_progspace().filename
if not os.path.exists(os.path.join(_root, "tools/gdb/kt26.py")) and _elf:
    _root = os.path.dirname(os.path.dirname(os.path.abspath(_elf)))
if _elf is None and os.path.exists(os.path.join(_root, "build/kernel.elf")):
    gdb.execute("file " + os.path.join(_root, "build/kernel.elf"))
gdb.execute("source " + os.path.join(_root, "tools/gdb/kt26.py"))
end
