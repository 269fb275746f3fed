# .gdbinit - loaded by `make gdb` (gdb -x .gdbinit build/kernel.elf).
# Debian's gdb does not guess the architecture from a remote QEMU.
set architecture i386
set pagination off
set confirm off
