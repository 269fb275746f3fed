#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# tools/install-deps.sh - install what building, running and testing need.
#
# Checks each tool the Makefile and the tests call; when one is missing,
# installs the Debian packages with apt-get (as root) or prints the one
# apt-get line to run (otherwise) and exits non-zero.  Safe to run again:
# with everything present it does nothing.
#
# `tools/install-deps.sh fuzz` (what `make fuzz` runs) checks and installs
# the fuzzers' tools too: clang, its libFuzzer and sanitizer runtimes for
# i386 (libclang-rt-14-dev: clang does not pull it in by itself) and the
# 32-bit C++ library libFuzzer links with (lib32stdc++-12-dev).

set -eu

PACKAGES="qemu-system-x86 nasm grub-pc-bin grub-common xorriso mtools \
gcc-multilib gdb python3-pytest cpio make"
FUZZ_PACKAGES="clang libclang-rt-14-dev lib32stdc++-12-dev"

missing=0
for tool in qemu-system-i386 nasm grub-mkrescue xorriso mformat gdb cpio make; do
	command -v "$tool" >/dev/null 2>&1 || missing=1
done
# gcc-multilib: a 32-bit libgcc and crt headers must be there.
[ -f "$(gcc -m32 -print-libgcc-file-name 2>/dev/null)" ] || missing=1
[ -d /usr/lib/gcc/x86_64-linux-gnu/12/32 ] || [ -d /usr/lib32 ] || missing=1
# GRUB's i386-pc modules, needed by grub-mkrescue for a BIOS ISO.
[ -d /usr/lib/grub/i386-pc ] || missing=1
/usr/bin/python3 -c 'import pytest' >/dev/null 2>&1 || missing=1

if [ "${1:-}" = fuzz ]; then
	PACKAGES="$PACKAGES $FUZZ_PACKAGES"
	if command -v clang >/dev/null 2>&1; then
		# -m32 -fsanitize=fuzzer needs both of these.
		rt="$(clang -print-resource-dir)/lib/linux"
		[ -f "$rt/libclang_rt.fuzzer-i386.a" ] || missing=1
		[ -f "$rt/libclang_rt.asan-i386.a" ] || missing=1
		[ -f "$(clang -m32 -print-file-name=libstdc++.so)" ] || missing=1
	else
		missing=1
	fi
fi

[ "$missing" -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	echo "install-deps: missing tools; run as root:" >&2
	echo "  apt-get update && apt-get install -y $PACKAGES" >&2
	exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $PACKAGES
