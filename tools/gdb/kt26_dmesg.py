# SPDX-License-Identifier: GPL-2.0
"""tools/gdb/kt26_dmesg.py - kdmesg: the printk log ring, read from memory.

Linux: lx-dmesg in scripts/gdb/linux/dmesg.py; the ring here is 2.6.11's
plain character ring (kernel/printk.c).
log_end counts every character ever logged; the newest LOG_BUF_LEN of
them are in log_buf, character i at log_buf[i & (LOG_BUF_LEN - 1)].  So
the log is the last min(log_end, LOG_BUF_LEN) characters, read in one
piece and unrolled.  Lines are stored with their timestamps already, so
this prints what the console printed, including messages a loglevel=
option kept off the console, and works when the console is a file you
are not looking at (make gdb sends it to build/gdb-serial.log).
"""
import gdb

import kt26_utils as utils


def log_text():
    """The log ring's contents, oldest first, as a str."""
    try:
        buf = gdb.parse_and_eval("log_buf")
        end = utils.ulong(gdb.parse_and_eval("log_end"))
    except gdb.MemoryError as error:
        raise utils.read_error("log_end", None, error)
    except gdb.error as error:
        raise utils.KernelReadError("no log_buf/log_end: %s" % error)
    size = buf.type.sizeof
    address = utils.ulong(buf.address)
    try:
        data = bytes(gdb.selected_inferior().read_memory(address, size))
    except gdb.MemoryError as error:
        raise utils.read_error("log_buf at 0x%08x" % address, address, error)
    if end <= size:
        text = data[:end]
    else:
        start = end % size
        text = data[start:] + data[:start]
        # The oldest line lost its beginning to newer ones.
        text = text.split(b"\n", 1)[1] if b"\n" in text else text
    return text.decode("utf-8", "replace")


class KernelDmesg(gdb.Command):
    """Print the kernel's log ring: kdmesg [N]

Everything printk() wrote that is still in log_buf (32 KiB), oldest
first; with N, the last N lines only.  Works whenever paging is on,
whatever the console did with the messages."""

    def __init__(self):
        super().__init__("kdmesg", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        last = None
        if arg.strip():
            try:
                last = int(gdb.parse_and_eval(arg))
            except (gdb.error, ValueError):
                raise gdb.GdbError("usage: kdmesg [N]")
        text = log_text()
        if not text:
            gdb.write("(the log is empty)\n")
            return
        lines = text.splitlines()
        if last is not None:
            lines = lines[-last:] if last > 0 else []
        gdb.write("".join(line + "\n" for line in lines))


KernelDmesg()
