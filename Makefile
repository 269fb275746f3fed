# SPDX-License-Identifier: GPL-2.0
#
# Makefile - builds, runs, tests and debugs the kernel.  `make help` lists
# the targets.  One flat Makefile: the object lists below are the whole
# kernel, and every output lands in build/.  One set of flags serves
# run, test and gdb: the tested kernel is the debugged kernel.

CC	:= gcc
AS	:= nasm
LD	:= ld
OBJDUMP	:= objdump
NM	:= nm
QEMU	:= qemu-system-i386
GDB	:= gdb
PYTHON	:= /usr/bin/python3
B	:= build

# Quiet by default; `make V=1` shows every command.
ifeq ($(V),1)
Q :=
quiet = @:
else
Q := @
quiet = @printf '  %-7s %s\n'
endif

# -Og -g3 and frame pointers: GDB shows arguments, macros and every frame
# (CONTRIBUTING.md); some locals are "optimized out" at -Og, so `make O=0`
# builds the kernel with -O0 for stepping through it line by line (every
# local visible; slower).  build/opt-level keeps the level: changing it
# rebuilds every object.  -mgeneral-regs-only: the kernel never touches the FPU.
# -Wno-unused-parameter: handlers share signatures and ignore arguments.
# -Wmissing-prototypes: a function another file may call is declared in a
# header its own file includes, so the compiler checks the definition
# against what callers see; anything else must be static.
# -Wstrict-prototypes: f(void), never f(), which would accept anything.
O ?= g
ifeq ($(filter g 0,$(O)),)
$(error O=$(O): use O=0 (-O0, for stepping) or the default O=g (-Og))
endif
OPT_CFLAGS := -O$(O)
OPT_STAMP := $(B)/opt-level
ifneq ($(filter-out clean help,$(or $(MAKECMDGOALS),all)),)
$(shell mkdir -p $(B) && echo '$(OPT_CFLAGS)' | \
	cmp -s - $(OPT_STAMP) || echo '$(OPT_CFLAGS)' > $(OPT_STAMP))
endif
CFLAGS := -m32 -march=i686 -std=gnu11 -ffreestanding -fno-pie -fno-pic \
	  -fno-stack-protector -nostdlib -fno-builtin-printf \
	  -fno-omit-frame-pointer -fno-optimize-sibling-calls \
	  -fno-asynchronous-unwind-tables -fno-common -mgeneral-regs-only \
	  -g3 $(OPT_CFLAGS) -Wall -Wextra -Werror -Wno-unused-parameter \
	  -Wmissing-prototypes -Wstrict-prototypes \
	  -Iinclude -Iarch/x86/include -I$(B)/include -MMD -MP
ASFLAGS := -f elf32 -g -F dwarf -Iarch/x86/
LDFLAGS := -m elf_i386 -T linker.ld -nostdlib -z noexecstack \
	   -z max-page-size=0x1000
LIBGCC := $(shell $(CC) -m32 -print-libgcc-file-name)

OBJS-boot   := boot/head.o boot/cpucheck.o boot/early_serial.o \
	       boot/early_idt.o
OBJS-arch   := arch/x86/gdt.o arch/x86/idt.o arch/x86/entry.o \
	       arch/x86/early_exception.o \
	       arch/x86/traps.o arch/x86/doublefault.o arch/x86/dumpstack.o \
	       arch/x86/irq.o arch/x86/apic.o arch/x86/io_apic.o \
	       arch/x86/i8259.o arch/x86/i8253.o \
	       arch/x86/tsc.o arch/x86/setup.o arch/x86/reboot.o \
	       arch/x86/init_task.o arch/x86/asm-offsets.o arch/x86/process.o \
	       arch/x86/switch_to.o arch/x86/usercopy.o arch/x86/extable.o \
	       arch/x86/mpparse.o arch/x86/acpi.o arch/x86/ipi.o arch/x86/delay.o \
	       arch/x86/smp.o arch/x86/smpboot.o arch/x86/trampoline.o arch/x86/tlb.o \
	       arch/x86/signal.o arch/x86/tls.o arch/x86/i387.o
OBJS-kernel := kernel/main.o kernel/version.o kernel/printk.o \
	       kernel/params.o kernel/panic.o kernel/timer.o \
	       kernel/softirq.o kernel/ktest.o kernel/bench.o kernel/pid.o \
	       kernel/fork.o kernel/exit.o kernel/files.o kernel/signal.o \
	       kernel/kthread.o kernel/show_tasks.o kernel/kallsyms.o \
	       kernel/tasklet.o kernel/workqueue.o kernel/syscalls.o \
	       kernel/fs.o kernel/exec.o kernel/binfmt_elf.o kernel/initramfs.o \
	       kernel/trace.o kernel/reboot.o kernel/cred.o kernel/cpu.o \
	       kernel/mutex.o kernel/sys.o kernel/itimer.o \
	       kernel/ni_syscall.o kernel/resource.o kernel/sysinfo.o \
	       kernel/prctl.o kernel/time.o kernel/hung_task.o
OBJS-sched  := sched/core.o sched/idle.o sched/wait.o sched/completion.o \
	       sched/migration.o
OBJS-mm     := mm/fault.o mm/bootmem.o mm/page_alloc.o mm/slab.o \
	       mm/paging.o mm/mm_struct.o mm/mmu_context.o mm/meminfo.o \
	       mm/vmscan.o mm/memory.o mm/swap.o mm/buffer.o mm/pdflush.o \
	       mm/page-writeback.o mm/pressure.o mm/mmap.o mm/filemap.o \
	       mm/readahead.o
OBJS-fs     := fs/dcache.o fs/inode.o fs/super.o fs/namespace.o fs/namei.o \
	       fs/open.o fs/stat.o fs/readdir.o fs/libfs.o fs/ramfs.o \
	       fs/utimes.o fs/fs-writeback.o fs/drop_caches.o \
	       fs/devices.o fs/pipe.o fs/select.o fs/fcntl.o fs/ioctl.o \
	       fs/partitions/check.o fs/partitions/msdos.o \
	       fs/ext3/super.o fs/ext3/inode.o fs/ext3/dir.o fs/ext3/namei.o \
	       fs/ext3/file.o fs/ext3/symlink.o fs/ext3/ext3_jbd.o \
	       fs/ext3/balloc.o fs/ext3/ialloc.o \
	       fs/jbd2/journal.o fs/jbd2/transaction.o fs/jbd2/commit.o \
	       fs/jbd2/checkpoint.o fs/jbd2/recovery.o
OBJS-block  := block/ll_rw_blk.o block/elevator.o block/blkdev_file.o
OBJS-drv    := drivers/serial.o drivers/vga.o drivers/tty.o drivers/n_tty.o \
	       drivers/keyboard.o drivers/ata.o drivers/random.o drivers/rtc.o \
	       drivers/acpi/button.o
OBJS-lib    := lib/string.o lib/vsprintf.o lib/cmdline.o lib/int_sqrt.o \
	       lib/spinlock_debug.o lib/smp_processor_id.o
OBJS-proc   := fs/seq_file.o fs/proc/array.o fs/proc/meminfo.o \
	       fs/proc/vmstat.o fs/proc/interrupts.o fs/proc/loadavg.o \
	       fs/proc/stat.o fs/proc/mounts.o kernel/sysctl.o
# The file system: its inodes, the fixed entries, /proc/PID, /proc/sys.
OBJS-procfs := fs/proc/inode.o fs/proc/generic.o fs/proc/root.o \
	       fs/proc/base.o fs/proc/proc_sysctl.o
OBJS-ktest  := tests/ktest/lib_test.o tests/ktest/boot_test.o \
	       tests/ktest/mm_test.o tests/ktest/fork_test.o tests/ktest/kernel_thread_test.o tests/ktest/sched_test.o \
	       tests/ktest/deferred_test.o tests/ktest/uaccess_test.o \
	       tests/ktest/syscall_test.o tests/ktest/daemon_test.o \
	       tests/ktest/disk_test.o tests/ktest/vmscan_test.o \
	       tests/ktest/writeback_test.o tests/ktest/pingpong.o \
	       tests/ktest/kthread_test.o tests/ktest/yield_test.o \
	       tests/ktest/wait_test.o tests/ktest/exit_test.o \
	       tests/ktest/ktest_selftest.o tests/ktest/invariants_test.o \
	       tests/ktest/long_test.o tests/ktest/regress_test.o \
	       tests/ktest/apic_test.o tests/ktest/smp_test.o \
	       tests/ktest/percpu_threads_test.o tests/ktest/smp_lock_test.o \
	       tests/ktest/smp_sched_test.o tests/ktest/vfs_test.o \
	       tests/ktest/pipe_test.o tests/ktest/tty_test.o \
	       tests/ktest/proc_test.o tests/ktest/hung_task_test.o \
	       tests/ktest/jbd2_test.o tests/ktest/pagecache_test.o \
	       tests/ktest/acpi_test.o
OBJS-bench  := tests/bench/mm_bench.o tests/bench/sched_bench.o \
	       tests/bench/deferred_bench.o tests/bench/disk_bench.o \
	       tests/bench/smp_bench.o tests/bench/pipe_bench.o

KOBJS := $(addprefix $(B)/,$(OBJS-boot) $(OBJS-arch) $(OBJS-kernel) $(OBJS-sched) \
	 $(OBJS-mm) $(OBJS-fs) $(OBJS-block) $(OBJS-drv) $(OBJS-lib) \
	 $(OBJS-proc) $(OBJS-procfs) $(OBJS-ktest) $(OBJS-bench))

KERNEL := $(B)/kernel.elf
ISO    := $(B)/kernel.iso

# What `make run` and the tests give QEMU.  CMDLINE adds kernel options:
#   make run CMDLINE="ktest=all loglevel=4"
CMDLINE ?=
MEM	?= 128
# CPUs: two by default, so that each of two swappers can be seen at work.
SMP	?= 2
# The disk: a raw image, the primary IDE master (hda), made when missing
# and never overwritten: an MBR with one Linux partition, hda1, holding an
# ext3 file system of a few files (tools/mkdisk.py, with the host's
# mke2fs), the rest raw blocks for the disk tests.  /sbin/init mounts
# hda1 on /mnt.
DISK	:= $(B)/disk.img
DISK_MB	:= 288
QEMU_FLAGS := -m $(MEM) -smp $(SMP) -display none -no-reboot \
	      -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
	      -drive file=$(DISK),format=raw,if=ide,index=0
# make gdb LAB=n: the machine of GDB lab n, as the grader boots it (its
# memory size from labN-answers.txt, one CPU, -icount; tools/grade.py).
LAB_QEMU_FLAGS = $(if $(LAB),$(shell $(PYTHON) tools/grade.py --machine $(LAB)))
# The gdb stub's port: per user, so that two people on one machine can
# both debug (make gdb GDBPORT=... to choose).
GDBPORT ?= $(shell expr 26000 + $$(id -u) % 5000)
# Under make gdb the serial console is a TCP socket on the next port
# (make console types to it; build/gdb-serial.log keeps a copy).
CONSOLEPORT ?= $(shell expr $(GDBPORT) + 1)
QEMU_CONSOLE := -chardev socket,id=console,host=127.0.0.1,port=$(CONSOLEPORT),server=on,wait=off,logfile=$(B)/gdb-serial.log -serial chardev:console

.PHONY: all run iso run-iso gdb console qemu-gdb test test-stress test-long test-labs unit hdrcheck fuzz bench trace grade clean help deps
# Keep intermediate objects: they are reused by the next build.
.SECONDARY:
all: $(KERNEL) $(B)/kernel.asm $(B)/kernel.sym $(DISK)

## Tools --------------------------------------------------------------
# Installs what is missing (or says how); quick when nothing is.
deps:
	$(Q)tools/install-deps.sh

## The kernel ---------------------------------------------------------
$(B)/include/asm-offsets.h: arch/x86/asm-offsets.inc
	$(quiet) GEN $@
	$(Q)mkdir -p $(dir $@)
	$(Q)sed -n 's/^%define \([A-Za-z_0-9]*\)[[:space:]]*\(.*\)/#define ASM_\1 \2/p' $< > $@

$(B)/arch/x86/asm-offsets.o: $(B)/include/asm-offsets.h
$(B)/kernel/syscalls.o: $(B)/include/asm-offsets.h
# The system call table overrides a default in every slot on purpose.
$(B)/kernel/syscalls.o: CFLAGS += -Wno-override-init

$(B)/%.o: %.c $(OPT_STAMP)
	$(quiet) CC $<
	$(Q)mkdir -p $(dir $@)
	$(Q)$(CC) $(CFLAGS) -c $< -o $@

$(B)/%.o: %.asm arch/x86/asm-offsets.inc
	$(quiet) AS $<
	$(Q)mkdir -p $(dir $@)
	$(Q)$(AS) $(ASFLAGS) -MD $(@:.o=.d) $< -o $@

# Two links, as Linux does for kallsyms: the first with an empty symbol
# table, then tools/kallsyms.py turns its text symbols into a table that the
# second link includes.  The table sits in .rodata, after all code, so no
# function moves; --check fails the build if one did.
$(B)/kallsyms0.c: tools/kallsyms.py
	$(quiet) GEN $@
	$(Q)$(PYTHON) tools/kallsyms.py --empty < /dev/null > $@

$(B)/kernel1.elf: $(KOBJS) $(B)/kallsyms0.o linker.ld
	$(quiet) LD $@
	$(Q)$(LD) $(LDFLAGS) -o $@ $(KOBJS) $(B)/kallsyms0.o $(LIBGCC)

$(B)/kallsyms.c: $(B)/kernel1.elf tools/kallsyms.py
	$(quiet) KSYMS $@
	$(Q)$(NM) -n -S $< > $(B)/kernel1.nm
	$(Q)$(PYTHON) tools/kallsyms.py < $(B)/kernel1.nm > $@

$(B)/kallsyms.o $(B)/kallsyms0.o: $(B)/%.o: $(B)/%.c
	$(quiet) CC $<
	$(Q)$(CC) $(CFLAGS) -c $< -o $@

$(KERNEL): $(KOBJS) $(B)/kallsyms.o linker.ld
	$(quiet) LD $@
	$(Q)$(LD) $(LDFLAGS) -o $@ $(KOBJS) $(B)/kallsyms.o $(LIBGCC)
	$(Q)$(NM) -n -S $@ > $(B)/kernel.nm
	$(Q)$(PYTHON) tools/kallsyms.py --check $(B)/kernel1.nm $(B)/kernel.nm

$(B)/kernel.asm: $(KERNEL)
	$(quiet) OBJDUMP $@
	$(Q)$(OBJDUMP) -S -M intel $< > $@

$(B)/kernel.sym: $(KERNEL)
	$(quiet) NM $@
	$(Q)$(NM) -n $< > $@

$(DISK):
	$(quiet) DISK $@
	$(Q)mkdir -p $(dir $@)
	$(Q)$(PYTHON) tools/mkdisk.py $@

## User programs and the initramfs -------------------------------------
# user/ holds the ring-3 programs and their tiny C library.  Same compiler
# and debug flags as the kernel, but: no host C library at all (-nostdinc,
# only gcc's freestanding stdarg.h/stddef.h/stdint.h), our headers from
# user/include, the ABI from include/uapi, and a static ELF at 0x08048000
# (user/user.ld).  Each program is $(B)/user/<name>, with symbols for GDB;
# the initramfs gets stripped copies (no symbols, no debug info: the
# smaller the archive, the more of a 16 MiB machine the buddy allocator
# gets).  The prototype warnings
# hold the libc to its headers as they hold the kernel to its own.
USER_PROGS := init sh hello cat dd spin usertests fuzz echo pipebench ps \
	      ls grep wc head sleep kill prng fswriter
USER_BINS  := $(addprefix $(B)/user/,$(USER_PROGS))
# The programs of more than one file: user/NAME.c has main(), these the
# rest (the parts that compile for the host too are tested there).
USER_OBJS-sh   := $(addprefix $(B)/user/,sh_parse.o sh_run.o sh_jobs.o \
		  sh_edit.o sh_builtins.o sh_kernel.o)
USER_OBJS-grep := $(B)/user/grep_match.o
# The libc: crt0 is linked first in every program, the rest from an
# archive, so a program carries only the objects it uses.  lib/string.c
# and lib/vsprintf.c are the kernel's own files, compiled a second time
# ($(B)/user/klib/), not copied.
USER_CRT0  := $(B)/user/lib/crt0.o
USER_LIBC_OBJS := $(addprefix $(B)/user/lib/,syscall.o stdio.o stdlib.o \
		  malloc.o strerror.o signal.o sigreturn.o termios.o dirent.o \
		  getopt.o tsc.o) \
		  $(addprefix $(B)/user/klib/,string.o vsprintf.o)
USER_LIBC  := $(B)/user/libc.a
GCC_INCLUDE := $(shell $(CC) -m32 -print-file-name=include)

USER_CFLAGS_COMMON := -m32 -march=i686 -std=gnu11 -ffreestanding -fno-pie \
	-fno-pic -fno-stack-protector -fno-omit-frame-pointer \
	-fno-optimize-sibling-calls -fno-asynchronous-unwind-tables \
	-fno-common -g -Og -Wall -Wextra -Werror -Wno-unused-parameter \
	-Wmissing-prototypes -Wstrict-prototypes \
	-nostdinc -isystem $(GCC_INCLUDE) -MMD -MP
USER_CFLAGS := $(USER_CFLAGS_COMMON) -Iuser/include -Iinclude/uapi
# lib/*.c include the kernel's <string.h> and <vsprintf.h>: build them
# against the kernel's headers, exactly as in the kernel.
USER_KLIB_CFLAGS := $(USER_CFLAGS_COMMON) -Iinclude
USER_LDFLAGS := -m elf_i386 -T user/user.ld -nostdlib -static \
		-z noexecstack -z max-page-size=0x1000

$(B)/user/klib/%.o: lib/%.c
	$(quiet) CC $@
	$(Q)mkdir -p $(dir $@)
	$(Q)$(CC) $(USER_KLIB_CFLAGS) -c $< -o $@

$(B)/user/%.o: user/%.c
	$(quiet) CC $<
	$(Q)mkdir -p $(dir $@)
	$(Q)$(CC) $(USER_CFLAGS) -c $< -o $@

$(B)/user/%.o: user/%.asm
	$(quiet) AS $<
	$(Q)mkdir -p $(dir $@)
	$(Q)$(AS) -f elf32 -g -F dwarf -MD $(@:.o=.d) $< -o $@

$(USER_LIBC): $(USER_LIBC_OBJS)
	$(quiet) AR $@
	$(Q)rm -f $@
	$(Q)ar rcs $@ $^

$(B)/user/sh: $(USER_OBJS-sh)
$(B)/user/grep: $(USER_OBJS-grep)
$(USER_BINS): $(B)/user/%: $(B)/user/%.o $(USER_CRT0) $(USER_LIBC) user/user.ld
	$(quiet) LD $@
	$(Q)$(LD) $(USER_LDFLAGS) -o $@ $(USER_CRT0) $< $(USER_OBJS-$*) \
		$(USER_LIBC) $(LIBGCC)

# Broken inputs for the loaders' error paths: ELF files the kernel's
# execve must refuse with ENOEXEC (one per kind of breakage, listed in
# $(BADELF)/kinds, and the valid file they are made from), and an archive
# its initramfs unpacker must reject (tools/mkbroken.py says exactly what
# is wrong with each).
BADELF := $(B)/user/badelf
$(BADELF)/kinds: tools/mkbroken.py
	$(quiet) GEN $(BADELF)/
	$(Q)rm -rf $(BADELF)
	$(Q)$(PYTHON) tools/mkbroken.py badelf $(BADELF)

# Real Linux programs, unmodified: Debian's statically linked i386
# busybox (package busybox-static), which tools/install-deps.sh fetches
# and unpacks under /var/cache/kt26 (nothing of it is in the repository;
# `make BUSYBOX=...` names another), and a static glibc program built
# here by the host's gcc (tests/user/glibc_test.c: TLS, malloc, stdio,
# fork).  Without the busybox file the initramfs goes without it, and
# make says so.
BUSYBOX ?= /var/cache/kt26/busybox/bin/busybox
HAVE_BUSYBOX := $(wildcard $(BUSYBOX))
# Which busybox (or none) the initramfs holds: the file changes when that
# does, so the archive is made again (the busybox file's own date is the
# package's, older than any archive).
BUSYBOX_STAMP := $(B)/busybox-in-initramfs
# Its applets, each a symbolic link /bin/NAME -> busybox (busybox runs the
# applet its argv[0] names), except where the project has a program of
# that name: `busybox --list` less those.
BUSYBOX_LINKS := $(B)/busybox-links
ifneq ($(filter-out clean help,$(or $(MAKECMDGOALS),all)),)
$(shell mkdir -p $(B) && echo '$(HAVE_BUSYBOX)' | \
	cmp -s - $(BUSYBOX_STAMP) || echo '$(HAVE_BUSYBOX)' > $(BUSYBOX_STAMP))
endif
GLIBC_TEST := $(B)/tests/user/glibc-test

$(GLIBC_TEST): tests/user/glibc_test.c
	$(quiet) HOSTCC $@
	$(Q)mkdir -p $(dir $@)
	$(Q)$(HOSTCC) -m32 -static -no-pie -O1 -g -Wall -Wextra -Werror \
		-o $@ $<

# The initramfs, in the "newc" cpio format Linux unpacks
# (Documentation/early-userspace/buffer-format.txt): directories first,
# member names without a leading '/', owned by root.  The broken ELF
# files go to test/badelf/, after the members named here, in name order.
INITRAMFS := $(B)/initramfs.cpio
INITRAMFS_DIR := $(B)/initramfs
INITRAMFS_MEMBERS := bin etc sbin test test/badelf sbin/init \
	$(addprefix bin/,$(filter-out init,$(USER_PROGS))) bin/glibc-test \
	$(if $(HAVE_BUSYBOX),bin/busybox) etc/group etc/motd etc/passwd

$(INITRAMFS): $(USER_BINS) $(BADELF)/kinds user/motd user/passwd user/group \
		$(GLIBC_TEST) $(HAVE_BUSYBOX) $(BUSYBOX_STAMP)
	$(quiet) CPIO $@
	$(Q)rm -rf $(INITRAMFS_DIR)
	$(Q)mkdir -p $(INITRAMFS_DIR)/bin $(INITRAMFS_DIR)/etc \
		$(INITRAMFS_DIR)/sbin $(INITRAMFS_DIR)/test
	$(Q)objcopy --strip-all $(B)/user/init $(INITRAMFS_DIR)/sbin/init
	$(Q)for p in $(filter-out init,$(USER_PROGS)); do \
		objcopy --strip-all $(B)/user/$$p $(INITRAMFS_DIR)/bin/$$p \
		|| exit 1; done
	$(Q)cp -r $(BADELF) $(INITRAMFS_DIR)/test/badelf
	$(Q)cp user/motd user/passwd user/group $(INITRAMFS_DIR)/etc/
	$(Q)strip -o $(INITRAMFS_DIR)/bin/glibc-test $(GLIBC_TEST)
	$(if $(HAVE_BUSYBOX),$(Q)cp $(BUSYBOX) $(INITRAMFS_DIR)/bin/busybox,\
		@echo "  CPIO    no $(BUSYBOX): busybox left out" \
		"(tools/install-deps.sh fetches it)")
	$(Q)rm -f $(BUSYBOX_LINKS)
	$(if $(HAVE_BUSYBOX),$(Q)$(BUSYBOX) --list > $(BUSYBOX_LINKS).all \
		|| { echo "$(BUSYBOX) --list failed: the host must run" \
			"i386 programs" >&2; exit 1; }; \
		grep -vxF -e busybox $(addprefix -e ,$(USER_PROGS)) \
			$(BUSYBOX_LINKS).all > $(BUSYBOX_LINKS); \
		cd $(INITRAMFS_DIR)/bin && \
		while read -r a; do ln -s busybox "$$a" || exit 1; \
		done < $(abspath $(BUSYBOX_LINKS)))
	$(Q)chmod 755 $(INITRAMFS_DIR)/*/ $(INITRAMFS_DIR)/bin/* \
		$(INITRAMFS_DIR)/sbin/* $(INITRAMFS_DIR)/test/badelf
	$(Q)chmod 644 $(INITRAMFS_DIR)/etc/* $(INITRAMFS_DIR)/test/badelf/kinds
	$(Q)cd $(INITRAMFS_DIR) && { printf '%s\n' $(INITRAMFS_MEMBERS); \
		LC_ALL=C ls -d test/badelf/*; \
		sed 's|^|bin/|' $(abspath $(BUSYBOX_LINKS)) 2>/dev/null; } | \
		cpio --quiet -o -H newc --owner=0:0 --reproducible \
		> $(abspath $@).tmp
	$(Q)mv $@.tmp $@

$(B)/initramfs-corrupt.cpio: $(INITRAMFS) tools/mkbroken.py
	$(quiet) GEN $@
	$(Q)$(PYTHON) tools/mkbroken.py corrupt-cpio $< $@

.PHONY: user
# The programs are named too: the host tests run them from $(B)/user/.
user: $(USER_BINS) $(BADELF)/kinds $(INITRAMFS) $(B)/initramfs-corrupt.cpio
all: user

## Running -------------------------------------------------------------
run: deps all
	$(QEMU) $(QEMU_FLAGS) -serial mon:stdio -kernel $(KERNEL) \
		-initrd $(INITRAMFS) -append "$(CMDLINE)"

$(ISO): $(KERNEL) $(INITRAMFS) boot/grub.cfg
	$(quiet) ISO $@
	$(Q)rm -rf $(B)/iso && mkdir -p $(B)/iso/boot/grub
	$(Q)cp $(KERNEL) $(B)/iso/boot/kernel.elf
	$(Q)cp $(INITRAMFS) $(B)/iso/boot/initramfs.cpio
	$(Q)cp boot/grub.cfg $(B)/iso/boot/grub/grub.cfg
	$(Q)grub-mkrescue -o $@ $(B)/iso 2> $(B)/grub-mkrescue.log || \
		{ cat $(B)/grub-mkrescue.log; exit 1; }

iso: deps $(ISO)

# -boot d: the CD first (the disk is blank, nothing to boot from there).
run-iso: deps $(ISO) $(DISK)
	$(QEMU) $(QEMU_FLAGS) -serial mon:stdio -cdrom $(ISO) -boot d

# QEMU stopped at its first instruction (-S), its gdb stub on GDBPORT,
# the console on a socket at CONSOLEPORT (`make console` in a second
# terminal types to the shell) and in build/gdb-serial.log; inside tmux,
# a pane below runs make console by itself.  gdb with .gdbinit (set
# architecture i386, the helpers of tools/gdb/: docs/gdb.md).  The -iex
# keeps a .gdbinit that auto-load allows from being read a second time.
# QEMU runs in its own session (setsid) and the shell ignores SIGINT, so
# Ctrl-C at the terminal reaches gdb alone, which stops the kernel.  Out
# of the terminal's reach, QEMU is stopped by the shell's EXIT trap: when
# gdb quits, or when the shell is hung up or terminated.  gdb runs in the
# background on the terminal's input (fd 3) so that `wait` lets those
# traps run at once, even while gdb waits for a running kernel.
gdb: deps all
	@echo "QEMU waits for gdb on port $(GDBPORT); the console: \`make console\`"
	@echo "in another terminal (port $(CONSOLEPORT)), a copy in $(B)/gdb-serial.log;"
	@echo "kernel built with $(OPT_CFLAGS); quit gdb to stop QEMU."
	$(Q)trap '' INT; exec 3<&0; \
	setsid $(QEMU) $(QEMU_FLAGS) $(LAB_QEMU_FLAGS) $(QEMU_CONSOLE) \
		-kernel $(KERNEL) -initrd $(INITRAMFS) -append "$(CMDLINE)" \
		-gdb tcp::$(GDBPORT) -S & qemu=$$!; \
	trap 'kill $$qemu 2>/dev/null' EXIT; trap 'exit 1' HUP TERM; \
	if [ -n "$$TMUX" ]; then tmux split-window -v -l 12 -d \
		"$(PYTHON) tools/console.py --port $(CONSOLEPORT)"; fi; \
	$(GDB) -q -iex "set auto-load local-gdbinit off" -x .gdbinit \
		-ex "target remote :$(GDBPORT)" $(KERNEL) <&3 & wait $$!; true

# The console of a running `make gdb`, typed to from this terminal.
console:
	$(Q)$(PYTHON) tools/console.py --port $(CONSOLEPORT)

# The QEMU of `make gdb` alone, for a debugger started elsewhere: VS
# Code's F5 (.vscode/tasks.json runs it with GDBPORT=1234, the port of
# .vscode/launch.json; docs/gdb.md).  The console is this terminal, as
# in `make run`: type to the shell here, Ctrl-A X quits.  The echo is
# the line VS Code waits for before it starts GDB; QEMU may not listen
# yet then, but GDB retries a refused connection (set tcp auto-retry).
qemu-gdb: deps all
	@echo "QEMU waits for gdb on port $(GDBPORT) (Ctrl-A X quits)"
	$(QEMU) $(QEMU_FLAGS) -serial mon:stdio -kernel $(KERNEL) \
		-initrd $(INITRAMFS) -append "$(CMDLINE)" \
		-gdb tcp::$(GDBPORT) -S

## Tests ---------------------------------------------------------------
# Host unit tests: the pure parts of the kernel (lib/, and mm/'s buddy
# allocator and slab over a fake machine) built for the host with the
# address and undefined-behaviour sanitizers, and the kernel's prototype
# warnings.
HOSTCC	:= gcc
HOSTCFLAGS := -std=gnu11 -g -O1 -Wall -Wextra -Werror -Wno-unused-parameter \
	      -Wmissing-prototypes -Wstrict-prototypes \
	      -fsanitize=address,undefined -fno-sanitize-recover=all
# lib/ is built against the kernel's headers; the tests against the
# host's, with the kernel's headers only where the host has none.
HOSTCFLAGS_LIB  := -Iinclude -Iarch/x86/include
HOSTCFLAGS_TEST := -Itests/unit -idirafter include -idirafter arch/x86/include
UNIT_TESTS := $(patsubst tests/unit/%.c,$(B)/tests/unit/%,\
	      $(filter-out tests/unit/unit.c,$(wildcard tests/unit/*_test.c)))

# Kernel code compiled for the host, $(1) its flags, then renamed as
# tests/unit/host-renames.txt says.
define host_cc_renamed
	$(quiet) HOSTCC $<
	$(Q)mkdir -p $(dir $@)
	$(Q)$(HOSTCC) $(HOSTCFLAGS) $(1) -MMD -MP -MT $@ -MF $@.d -c $< \
		-o $@.tmp
	$(Q)objcopy --redefine-syms=tests/unit/host-renames.txt $@.tmp $@
	$(Q)rm $@.tmp
endef

# lib/ defines memcpy, snprintf and others that the host C library has
# too: in the host build they are renamed kernel_memcpy, kernel_snprintf
# (tests/unit/host-renames.txt), definitions and calls alike.
$(B)/host/lib/%.o: lib/%.c tests/unit/host-renames.txt
	$(call host_cc_renamed,$(HOSTCFLAGS_LIB) -fno-builtin)

# -MD, not -MMD: gcc counts -idirafter directories as system ones, and
# -MMD would leave the kernel's headers out of the dependencies.
$(B)/host/tests/%.o: tests/%.c
	$(quiet) HOSTCC $<
	$(Q)mkdir -p $(dir $@)
	$(Q)$(HOSTCC) $(HOSTCFLAGS) $(HOSTCFLAGS_TEST) -MD -MP -c $< -o $@

# mm/ for the host: the same sources, over the fake machine of
# tests/unit/mm_host.c, with the shims of tests/unit/host/ first on the
# include path (spinlocks without an x86 stack, PAGE_OFFSET at an arena).
HOSTCFLAGS_MM := -Itests/unit/host -Iinclude -Iarch/x86/include
$(B)/host/mm/%.o: mm/%.c tests/unit/host-renames.txt
	$(call host_cc_renamed,$(HOSTCFLAGS_MM) -fno-builtin)

# arch/x86's firmware-table parsers (acpi.c, mpparse.c), the same way:
# their "physical memory" is the test's arena too.
$(B)/host/arch/%.o: arch/%.c tests/unit/host-renames.txt
	$(call host_cc_renamed,$(HOSTCFLAGS_MM) -fno-builtin)

$(B)/host/tests/unit/mm_host.o $(B)/host/tests/unit/buddy_test.o \
$(B)/host/tests/unit/slab_test.o \
$(B)/host/tests/unit/smp_config_test.o \
$(B)/host/tests/unit/jbd2_layout_test.o \
$(B)/host/tests/unit/ext3_layout_test.o: HOSTCFLAGS_TEST := -Itests/unit \
	-Itests/unit/host -idirafter include -idirafter arch/x86/include

HOST_LIB := $(B)/host/tests/unit/unit.o $(B)/host/lib/string.o \
	    $(B)/host/lib/vsprintf.o $(B)/host/lib/cmdline.o \
	    $(B)/host/lib/int_sqrt.o
HOST_MM  := $(B)/host/tests/unit/mm_host.o $(B)/host/mm/page_alloc.o \
	    $(B)/host/mm/slab.o

$(B)/tests/unit/buddy_test $(B)/tests/unit/slab_test: $(HOST_MM)

# The user programs' pure parts (the shell's parser, grep's matcher) for
# the host, against its C library: they make no system call.
$(B)/host/user/%.o: user/%.c
	$(quiet) HOSTCC $<
	$(Q)mkdir -p $(dir $@)
	$(Q)$(HOSTCC) $(HOSTCFLAGS) -MMD -MP -c $< -o $@
$(B)/host/tests/unit/sh_parse_test.o \
$(B)/host/tests/unit/grep_match_test.o: HOSTCFLAGS_TEST += -iquote user
$(B)/tests/unit/sh_parse_test: $(B)/host/user/sh_parse.o
$(B)/tests/unit/grep_match_test: $(B)/host/user/grep_match.o
$(B)/tests/unit/smp_config_test: $(B)/host/arch/x86/acpi.o \
	$(B)/host/arch/x86/mpparse.o

# The VFS's path lookup for the host: fs/namei.c and what it walks
# through (the dentry cache, the mount tree, inodes), over the machine of
# tests/unit/vfs_host.c; tests/unit/host/vfs/ gives the task (current and
# its fs_struct), before mm's shims (spinlocks as flags).
HOSTCFLAGS_VFS := -Itests/unit -Itests/unit/host/vfs -Itests/unit/host \
	-Iinclude -Iarch/x86/include -I$(B)/include -fno-builtin
HOST_VFS := $(B)/host/tests/unit/vfs_host.o $(B)/host/fs/namei.o \
	    $(B)/host/fs/dcache.o $(B)/host/fs/namespace.o $(B)/host/fs/inode.o
$(B)/host/fs/%.o: fs/%.c tests/unit/host-renames.txt \
		| $(B)/include/asm-offsets.h
	$(call host_cc_renamed,$(HOSTCFLAGS_VFS))
$(B)/host/tests/unit/vfs_host.o: tests/unit/vfs_host.c \
		tests/unit/host-renames.txt | $(B)/include/asm-offsets.h
	$(call host_cc_renamed,$(HOSTCFLAGS_VFS))
$(B)/host/tests/unit/namei_test.o: HOSTCFLAGS_TEST := $(HOSTCFLAGS_VFS)
$(B)/host/tests/unit/namei_test.o: | $(B)/include/asm-offsets.h
$(B)/tests/unit/namei_test: $(HOST_VFS)

$(B)/tests/unit/%: $(B)/host/tests/unit/%.o $(HOST_LIB)
	$(quiet) HOSTLD $@
	$(Q)mkdir -p $(dir $@)
	$(Q)$(HOSTCC) $(HOSTCFLAGS) $^ -o $@

unit: $(UNIT_TESTS)

# Every header compiles on its own: $(HDRCHECK)/<header path>.o comes
# from a generated .c that includes that header and nothing else, with
# the flags of the code that includes it: the kernel's for include/,
# include/uapi/, arch/x86/include/asm/ and tests/ktest/; the user
# programs' for user/include/ and, once more, include/uapi/.  It includes
# it twice, with -Wredundant-decls: the second time the include guard
# must make it vanish.  A header that leans on an include it does not
# make itself, has no guard, or defines a function without a prototype
# fails here and names itself.  The .d files rerun a check when anything
# its header includes changes; a change to the Makefile (the flags) reruns
# them all.  tests/unit/test_headers.py runs `make -k hdrcheck` and
# reports each header as one test.
HDRCHECK := $(B)/hdrcheck
HDRS_KERNEL := $(wildcard include/*.h include/uapi/*.h \
	       arch/x86/include/asm/*.h tests/ktest/*.h)
HDRS_USER := $(wildcard user/include/*.h user/include/sys/*.h)
HDRCHECK_OBJS := $(patsubst %.h,$(HDRCHECK)/%.o,$(HDRS_KERNEL) $(HDRS_USER)) \
	$(patsubst include/uapi/%.h,$(HDRCHECK)/user/uapi/%.o,\
	$(wildcard include/uapi/*.h)) $(HDRCHECK)/user/klib.o

# $(call hdrcheck,flags,what to #include (shell words)[,what is checked])
define hdrcheck
	$(quiet) HDR "$(or $(3),$<)"
	$(Q)mkdir -p $(dir $@)
	$(Q)rm -f $@
	$(Q)printf '#include %s\n' $(2) $(2) > $(@:.o=.c)
	$(Q)$(CC) $(1) -c $(@:.o=.c) -o $@ 2> $(@:.o=.log) || \
		{ cat $(@:.o=.log); exit 1; }
endef

$(HDRCHECK)/include/%.o: include/%.h Makefile | $(B)/include/asm-offsets.h
	$(call hdrcheck,$(CFLAGS) -Wredundant-decls,'<$*.h>')
$(HDRCHECK)/arch/x86/include/%.o: arch/x86/include/%.h Makefile | \
		$(B)/include/asm-offsets.h
	$(call hdrcheck,$(CFLAGS) -Wredundant-decls,'<$*.h>')
$(HDRCHECK)/tests/ktest/%.o: tests/ktest/%.h Makefile | \
		$(B)/include/asm-offsets.h
	$(call hdrcheck,$(CFLAGS) -Wredundant-decls -iquote tests/ktest,\
		'"$*.h"')
$(HDRCHECK)/user/include/%.o: user/include/%.h Makefile
	$(call hdrcheck,$(USER_CFLAGS) -Wredundant-decls,'<$*.h>')
$(HDRCHECK)/user/uapi/%.o: include/uapi/%.h Makefile
	$(call hdrcheck,$(USER_CFLAGS) -Wredundant-decls,'<$*.h>')
# lib/string.c and lib/vsprintf.c go into the user library built against
# the kernel's <string.h> and <vsprintf.h>, while the programs see
# user/include's: both declarations, in one translation unit, must agree.
$(HDRCHECK)/user/klib.o: user/include/string.h user/include/stdio.h Makefile
	$(call hdrcheck,$(USER_KLIB_CFLAGS) -iquote . -idirafter user/include,\
		'<string.h>' '<vsprintf.h>' '"user/include/string.h"' \
		'"user/include/stdio.h"',lib/ declared in user/include)

hdrcheck: $(HDRCHECK_OBJS)

## Fuzzing -------------------------------------------------------------
# The parsers of untrusted input -- the ELF loader, the initramfs's cpio
# reader, the command line, the firmware's CPU tables -- built for the
# host from the kernel's own files (renamed as above), each driven by a
# harness, tests/fuzz/NAME_fuzz.c,
# with stand-ins from tests/fuzz/host/ (docs/testing.md).  For i386
# (-m32), as in the kernel, so that size_t and long have its widths.
# Two builds of the same files:
# - $(B)/fuzz/NAME_fuzz: clang with libFuzzer.  `make fuzz` runs each
#   FUZZ_SECONDS seconds from tests/fuzz/corpus/NAME/ and
#   tests/fuzz/regressions/NAME/ (new inputs go to $(B)/fuzz/corpus/NAME/,
#   a crashing one to $(B)/fuzz/crash/NAME/), prints libFuzzer's final
#   line (executions, coverage) and fails if any crashed.
# - $(B)/replay/NAME_fuzz: gcc, with tests/fuzz/replay.c instead of
#   libFuzzer; `make unit` builds them, and `make test`
#   (tests/unit/test_fuzz_replay.py) replays the corpus and every input
#   that ever crashed.
FUZZERS	     := elf cpio cmdline smp
FUZZ_SECONDS ?= 60
FUZZCC	     := clang
FUZZ_CFLAGS  := -m32 -std=gnu11 -g -O1 -Wall -Wextra -Werror \
		-Wno-unused-parameter -fno-builtin -fno-sanitize-recover=all
FUZZ_INC     := -Itests/fuzz/host -Iinclude -Iarch/x86/include
FUZZ_OBJS-elf     := tests/fuzz/elf_fuzz.o kernel/binfmt_elf.o \
		     tests/fuzz/host/user_pages.o
FUZZ_OBJS-cpio    := tests/fuzz/cpio_fuzz.o kernel/initramfs.o
FUZZ_OBJS-cmdline := tests/fuzz/cmdline_fuzz.o kernel/params.o lib/cmdline.o
FUZZ_OBJS-smp     := tests/fuzz/smp_fuzz.o arch/x86/acpi.o arch/x86/mpparse.o
FUZZ_OBJS    := lib/string.o lib/vsprintf.o tests/fuzz/host/host.o \
		tests/fuzz/host/stubs.o
FUZZ_BINS    := $(FUZZERS:%=$(B)/fuzz/%_fuzz)
REPLAY_BINS  := $(FUZZERS:%=$(B)/replay/%_fuzz)

$(B)/fuzz/%:   XCC  := $(FUZZCC)
$(B)/fuzz/%:   XSAN := -fsanitize=fuzzer-no-link,address,undefined
# Coverage is the kernel's: the harnesses' own checks are not guided.
$(B)/fuzz/tests/%: XSAN := -fsanitize=address,undefined
$(B)/replay/%: XCC  := $(HOSTCC)
$(B)/replay/%: XSAN := -fsanitize=address,undefined
# host.c and replay.c use the host's C library, not the kernel's headers.
$(B)/fuzz/tests/fuzz/host/host.o $(B)/replay/tests/fuzz/host/host.o \
$(B)/replay/tests/fuzz/replay.o: FUZZ_INC := -Itests/unit
# kernel/params.c's __setup table is the harness's.
$(B)/fuzz/kernel/params.o $(B)/replay/kernel/params.o: \
	FUZZ_INC += -include tests/fuzz/host/setup_table.h

FUZZ_COMPILE = $(XCC) $(FUZZ_CFLAGS) $(XSAN) $(FUZZ_INC) -MMD -MP -MT $@ \
	       -MF $@.d -c $<
$(B)/fuzz/tests/%.o: tests/%.c
	$(quiet) FUZZCC $<
	$(Q)mkdir -p $(dir $@)
	$(Q)$(FUZZ_COMPILE) -o $@

$(B)/replay/tests/%.o: tests/%.c
	$(quiet) HOSTCC $<
	$(Q)mkdir -p $(dir $@)
	$(Q)$(FUZZ_COMPILE) -o $@

$(B)/fuzz/%.o: %.c tests/unit/host-renames.txt
	$(quiet) FUZZCC $<
	$(Q)mkdir -p $(dir $@)
	$(Q)$(FUZZ_COMPILE) -o $@.tmp
	$(Q)objcopy --redefine-syms=tests/unit/host-renames.txt $@.tmp $@
	$(Q)rm $@.tmp

$(B)/replay/%.o: %.c tests/unit/host-renames.txt
	$(quiet) HOSTCC $<
	$(Q)mkdir -p $(dir $@)
	$(Q)$(FUZZ_COMPILE) -o $@.tmp
	$(Q)objcopy --redefine-syms=tests/unit/host-renames.txt $@.tmp $@
	$(Q)rm $@.tmp

# A harness's objects, in either build (% is fuzz or replay).
$(B)/fuzz/elf_fuzz $(B)/replay/elf_fuzz: $(B)/%/elf_fuzz: \
	$(addprefix $(B)/%/,$(FUZZ_OBJS-elf) $(FUZZ_OBJS))
$(B)/fuzz/cpio_fuzz $(B)/replay/cpio_fuzz: $(B)/%/cpio_fuzz: \
	$(addprefix $(B)/%/,$(FUZZ_OBJS-cpio) $(FUZZ_OBJS))
$(B)/fuzz/cmdline_fuzz $(B)/replay/cmdline_fuzz: $(B)/%/cmdline_fuzz: \
	$(addprefix $(B)/%/,$(FUZZ_OBJS-cmdline) $(FUZZ_OBJS))
$(B)/fuzz/smp_fuzz $(B)/replay/smp_fuzz: $(B)/%/smp_fuzz: \
	$(addprefix $(B)/%/,$(FUZZ_OBJS-smp) $(FUZZ_OBJS))
$(REPLAY_BINS): $(B)/replay/tests/fuzz/replay.o
$(FUZZ_BINS): XSAN := -fsanitize=fuzzer,address,undefined
$(FUZZ_BINS) $(REPLAY_BINS):
	$(quiet) HOSTLD $@
	$(Q)$(XCC) $(FUZZ_CFLAGS) $(XSAN) $^ -o $@

unit: $(REPLAY_BINS)

# The tools first (clang may be missing), then one harness after the
# other; each prints libFuzzer's last line, or its report of a crash.
fuzz:
	$(Q)tools/install-deps.sh fuzz
	$(Q)$(MAKE) $(if $(Q),-s) --no-print-directory $(FUZZ_BINS)
	$(Q)status=0; for f in $(FUZZERS); do \
		mkdir -p $(B)/fuzz/corpus/$$f $(B)/fuzz/crash/$$f; \
		echo "  FUZZ    $$f, $(FUZZ_SECONDS) s: $(B)/fuzz/$$f.log"; \
		$(B)/fuzz/$${f}_fuzz -max_total_time=$(FUZZ_SECONDS) \
			-timeout=10 -print_final_stats=1 \
			-dict=tests/fuzz/$$f.dict \
			-artifact_prefix=$(B)/fuzz/crash/$$f/ \
			$(B)/fuzz/corpus/$$f tests/fuzz/corpus/$$f \
			tests/fuzz/regressions/$$f > $(B)/fuzz/$$f.log 2>&1 \
		&& grep -E '^#[0-9]+[[:space:]]+DONE' $(B)/fuzz/$$f.log \
		|| { status=1; \
		     grep -E '^fuzz: |ERROR: |^SUMMARY: |Test unit written' \
			$(B)/fuzz/$$f.log; \
		     echo "  replay: $(B)/replay/$${f}_fuzz FILE;" \
			"keep it in tests/fuzz/regressions/$$f/"; }; \
	done; exit $$status

# Everything: host unit tests, then the system tests (QEMU, GRUB, GDB)
# under pytest.  Ends with one line "N passed, N failed".  The build runs
# on every CPU (a sub-make with -j): a fresh clone's build is half the
# wait otherwise.
test: deps
	$(Q)$(MAKE) --no-print-directory -j$(shell nproc) all $(ISO) unit
	$(Q)RUNS=2 $(PYTHON) -m pytest -q -p no:cacheprovider \
		--junitxml=$(B)/test-results.xml tests/unit tests/system \
		tests/stress; \
	$(PYTHON) tests/summary.py $(B)/test-results.xml

# ktest=all again and again, shuffled (ktest_seed=), with the host's CPUs
# busy or under -icount: RUNS boots (tests/stress/test_ktest_stress.py).
# `make test` runs two.
RUNS ?= 5
test-stress: deps all
	$(Q)RUNS=$(RUNS) $(PYTHON) -m pytest -q -p no:cacheprovider \
		--junitxml=$(B)/stress-results.xml tests/stress; \
	$(PYTHON) tests/summary.py $(B)/stress-results.xml

# Reliability at scale, too long for `make test` (tests/long/test_long.py):
# 10,000 kernel_thread() and 10,000 kthread_create()/kthread_stop() cycles
# with every 11th allocation failing, then a million random system calls
# for each of eight seeds from an unprivileged /bin/fuzz in one boot.  Any
# leak (pages, slab objects, pids, tasks) or failure fails it; the figures
# are printed and kept in build/test-long.txt.  FUZZ_SEED= fixes the
# seeds, FUZZ_CALLS= changes the million.
test-long: deps all
	$(Q)rm -f $(B)/test-long.txt
	$(Q)$(PYTHON) -m pytest -q -s -p no:cacheprovider \
		--junitxml=$(B)/long-results.xml tests/long; \
	$(PYTHON) tests/summary.py $(B)/long-results.xml

# In-kernel benchmarks: one boot with real time, two under -icount
# shift=0 (guest time = instructions), printed side by side.  Each boot
# gets a fresh blank disk of its own: the disk benchmark writes to it,
# and $(DISK) is the user's.
bench: deps all
	$(Q)$(PYTHON) tools/bench.py

# The course labs checked in full (tests/system/test_labs.py with
# LABS=all): besides what `make test` checks, every lab's tree solved
# scores 100, and every region of every lab, stubbed alone, fails a test
# that names it -- a tree built and graded for each (several minutes).
test-labs: deps all
	$(Q)LABS=all $(PYTHON) -m pytest -q -p no:cacheprovider \
		--junitxml=$(B)/labs-results.xml tests/system/test_labs.py; \
	$(PYTHON) tests/summary.py $(B)/labs-results.xml

# The course labs (docs/labs/): build, run lab LAB's tests under
# -icount, print each with its points and the score out of 100
# (tools/grade.py); without LAB, every lab.  tools/mklab writes a
# student tree, tools/grade-all grades a directory of them.
grade: deps
	$(Q)$(PYTHON) tools/grade.py $(LAB)

# A scenario with the scheduler trace on, on SMP CPUs: build/trace.json
# (Perfetto, chrome://tracing) and build/trace.svg (a timeline, one lane
# per CPU).
trace: deps all
	$(Q)$(PYTHON) tools/trace.py --out-dir $(B) --smp $(SMP)

clean:
	rm -rf $(B)

# One line per target (tests/system/test_make.py checks it against .PHONY).
help:
	@echo "make all      kernel.elf, .asm, .sym, the user programs, disk.img if missing"
	@echo "make user     build the user programs and build/initramfs.cpio"
	@echo "make run      boot in QEMU on this terminal (CMDLINE=, MEM=; Ctrl-A X quits)"
	@echo "make iso      build build/kernel.iso, a GRUB rescue CD"
	@echo "make run-iso  boot that ISO in QEMU through real GRUB"
	@echo "make gdb      QEMU stopped at the first instruction + gdb attached (O=0: -O0)"
	@echo "make console  type to the shell of a running make gdb (Ctrl-] leaves)"
	@echo "make qemu-gdb QEMU of make gdb alone, console here: VS Code's F5 attaches"
	@echo "make test     host unit tests, in-kernel tests, boot and GDB tests"
	@echo "make test-stress  ktest=all RUNS times (5), shuffled, host busy or -icount"
	@echo "make test-long  10,000 failing forks and kthreads, 8M fuzzed calls (2-5 min)"
	@echo "make bench    in-kernel benchmarks, one table (TSC and -icount)"
	@echo "make trace    scheduler timeline: build/trace.json + build/trace.svg"
	@echo "make grade    grade the course labs (LAB=n: one lab; docs/labs/)"
	@echo "make test-labs  every lab's stubs and solved trees checked (minutes)"
	@echo "make unit     build the host unit tests only"
	@echo "make hdrcheck compile every header alone (build/hdrcheck/)"
	@echo "make fuzz     libFuzzer on the ELF, cpio, cmdline, smp parsers (FUZZ_SECONDS=)"
	@echo "make deps     install missing tools (tools/install-deps.sh)"
	@echo "make clean    remove build/"
	@echo "make help     this list"

-include $(shell find $(B) -name '*.d' 2>/dev/null)
