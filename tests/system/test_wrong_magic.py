# SPDX-License-Identifier: GPL-2.0
"""A kernel started without the multiboot magic in eax says so and stops.

No loader does that on purpose, so GDB does it: QEMU starts paused, GDB
stops at _start (a hardware breakpoint at its physical address: paging
is still off), overwrites eax and lets the kernel run."""
import subprocess
import threading

from conftest import (EXIT_PANIC, KERNEL, free_port, qemu_argv, run_qemu,
                      symbol_address, wait_listening)

PAGE_OFFSET = 0xC0000000


def test_wrong_multiboot_magic_panics():
    port = free_port()
    start_phys = symbol_address("_start") - PAGE_OFFSET
    argv = qemu_argv("", extra=["-S", "-gdb", "tcp:127.0.0.1:%d" % port])
    result = {}

    def qemu():
        result["boot"] = run_qemu(argv, timeout=60)

    t = threading.Thread(target=qemu)
    t.start()
    assert wait_listening(port), "QEMU's gdb stub did not start"
    gdb = subprocess.run(
        ["gdb", "-q", "-nx", "-batch",
         "-ex", "set architecture i386",
         "-ex", "target remote 127.0.0.1:%d" % port,
         "-ex", "hbreak *0x%x" % start_phys,
         "-ex", "continue",
         "-ex", "printf \"at _start, eax=%x\\n\", $eax",
         "-ex", "set $eax = 0x12345678",
         "-ex", "delete",
         "-ex", "detach",
         KERNEL], capture_output=True, text=True, timeout=60)
    t.join(timeout=90)
    boot = result["boot"]
    assert "at _start, eax=2badb002" in gdb.stdout, gdb.stdout + gdb.stderr
    boot.expect(r"Kernel panic - not syncing: not started by a multiboot "
                r"loader: eax = 0x12345678, expected 0x2badb002")
    assert boot.status == EXIT_PANIC, boot.explain("status is not the panic status")
