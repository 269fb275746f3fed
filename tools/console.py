#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""tools/console.py - `make console`: the kernel's serial console, typed
to, while `make gdb` has GDB in another terminal (or tmux pane).

Under `make gdb`, QEMU puts the serial port (COM1: the kernel's console
and the shell's terminal) on a TCP socket, 127.0.0.1:CONSOLEPORT, and
logs it in build/gdb-serial.log.  This connects to that socket, puts the
terminal in raw mode (keys go to the kernel's line discipline as typed:
Ctrl-C is the kernel's ^C, not this program's), and copies bytes both
ways until QEMU goes away.  Ctrl-] leaves, as in telnet.

    tools/console.py [--port N] [--wait SECONDS]

It waits for QEMU's socket to open (make gdb and make console may be
started in either order).  While GDB holds the kernel stopped, typed keys
wait in QEMU's UART until it runs again.
"""
import argparse
import os
import select
import socket
import sys
import termios
import time
import tty

ESCAPE = 0x1d		# Ctrl-]


def connect(port, wait):
    deadline = time.monotonic() + wait
    while True:
        try:
            return socket.create_connection(("127.0.0.1", port))
        except OSError:
            if time.monotonic() > deadline:
                sys.exit("console: nothing listens on 127.0.0.1:%d: is "
                         "`make gdb` running (with the same CONSOLEPORT)?"
                         % port)
            time.sleep(0.2)


def relay(sock, stdin, stdout):
    """Copy keys to the kernel and its output back; Return on Ctrl-] or
    when QEMU closes the socket."""
    while True:
        ready, _, _ = select.select([sock, stdin], [], [])
        if sock in ready:
            data = sock.recv(4096)
            if not data:
                return "QEMU closed the console"
            os.write(stdout, data)
        if stdin in ready:
            data = os.read(stdin, 1024)
            if not data or ESCAPE in data:
                return "left with Ctrl-]"
            sock.sendall(data)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--wait", type=float, default=30)
    args = parser.parse_args()
    sock = connect(args.port, args.wait)
    stdin, stdout = sys.stdin.fileno(), sys.stdout.fileno()
    saved = termios.tcgetattr(stdin) if os.isatty(stdin) else None
    print("console: 127.0.0.1:%d, the kernel's serial console; Ctrl-] "
          "leaves" % args.port, flush=True)
    try:
        if saved:
            tty.setraw(stdin)
        why = relay(sock, stdin, stdout)
    finally:
        if saved:
            termios.tcsetattr(stdin, termios.TCSADRAIN, saved)
        sock.close()
    print("\r\nconsole: %s" % why)


if __name__ == "__main__":
    main()
