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
#
# Busybox: the initramfs carries Debian's statically linked i386 busybox
# (package busybox-static, version 1.35 on Debian 12), unmodified.  It is
# not installed on the host (its architecture is i386): the i386
# architecture is added to dpkg, the package is downloaded (apt-get
# download) into BUSYBOX_CACHE and unpacked there (dpkg-deb -x); the
# Makefile takes $BUSYBOX_CACHE/busybox/bin/busybox.  gcc-multilib brings
# the 32-bit glibc (libc6-dev-i386) that tests/user/glibc_test.c is
# linked with statically.

set -eu

BUSYBOX_CACHE=/var/cache/kt26

PACKAGES="qemu-system-x86 nasm grub-pc-bin grub-common xorriso mtools \
gcc-multilib gdb python3-pytest cpio make tmux e2fsprogs"
FUZZ_PACKAGES="clang libclang-rt-14-dev lib32stdc++-12-dev"

missing=0
for tool in qemu-system-i386 nasm grub-mkrescue xorriso mformat gdb cpio make \
	    tmux; do
	command -v "$tool" >/dev/null 2>&1 || missing=1
done
# e2fsprogs (the disk's ext3: tools/mkdisk.py) live in /sbin.
for tool in mke2fs debugfs; do
	PATH="$PATH:/sbin:/usr/sbin" command -v "$tool" >/dev/null 2>&1 ||
		missing=1
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

[ -f /usr/lib32/libc.a ] || missing=1
busybox_missing=0
[ -x "$BUSYBOX_CACHE/busybox/bin/busybox" ] || busybox_missing=1

[ "$missing" -eq 0 ] && [ "$busybox_missing" -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	echo "install-deps: missing tools; run as root:" >&2
	[ "$missing" -eq 0 ] ||
		echo "  apt-get update && apt-get install -y $PACKAGES" >&2
	[ "$busybox_missing" -eq 0 ] ||
		echo "  dpkg --add-architecture i386 && apt-get update &&" \
		     "mkdir -p $BUSYBOX_CACHE && cd $BUSYBOX_CACHE &&" \
		     "apt-get download busybox-static:i386 &&" \
		     "dpkg-deb -x busybox-static_*_i386.deb busybox" >&2
	exit 1
fi

export DEBIAN_FRONTEND=noninteractive
if [ "$busybox_missing" -ne 0 ]; then
	dpkg --print-foreign-architectures | grep -qx i386 ||
		dpkg --add-architecture i386
fi
apt-get update -q
if [ "$missing" -ne 0 ]; then
	# shellcheck disable=SC2086
	apt-get install -y -q --no-install-recommends $PACKAGES
fi
if [ "$busybox_missing" -ne 0 ]; then
	mkdir -p "$BUSYBOX_CACHE"
	cd "$BUSYBOX_CACHE"
	rm -rf busybox busybox-static_*_i386.deb
	apt-get download -q -o APT::Sandbox::User=root busybox-static:i386
	dpkg-deb -x busybox-static_*_i386.deb busybox
	echo "install-deps: busybox in $BUSYBOX_CACHE/busybox/bin/busybox"
fi
