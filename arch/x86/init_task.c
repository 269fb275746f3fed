// SPDX-License-Identifier: GPL-2.0
/*
 * arch/x86/init_task.c - process 0's statically allocated structures.
 *
 * Linux 2.6: arch/i386/kernel/init_task.c.
 * Every other task is allocated by do_fork(); process 0 exists before
 * any allocator, so its task_struct and its thread_union are static
 * (include/init_task.h has the initialisers).  init_thread_union is the
 * boot stack (boot/head.asm points esp at its top) and lives in its own
 * section, aligned to THREAD_SIZE by linker.ld, so that esp masking finds
 * its thread_info like any task's.  Its other tables (init_mm, init_fs,
 * init_files, init_signals, init_sighand) are defined next to their code.
 */
#include <file.h>
#include <fs_struct.h>
#include <init_task.h>
#include <mm_types.h>
#include <signal.h>

union thread_union init_thread_union __section(".data..init_task") = {
	.thread_info = INIT_THREAD_INFO(init_task),
};

struct task_struct init_task = INIT_TASK(init_task);

struct fs_struct init_fs = {
	.count = ATOMIC_INIT(1),
	.lock = __SPIN_LOCK_UNLOCKED,
	.umask = 0022,
};
