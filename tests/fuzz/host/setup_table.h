/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tests/fuzz/host/setup_table.h - the __setup() table of the host build
 * of kernel/params.c.
 *
 * In the kernel, linker.ld gathers the .init.setup section between
 * __setup_start and __setup_end.  On the host the table is an array of
 * the harness, tests/fuzz/cmdline_fuzz.c.  The Makefile forces this file
 * in front of kernel/params.c (-include): init.h declares the kernel's
 * names first, then they become the harness's array.
 */
#include <init.h>

extern const struct obs_kernel_param fuzz_setup_table[];
extern const int fuzz_setup_count;

#define __setup_start	fuzz_setup_table
#define __setup_end	(fuzz_setup_table + fuzz_setup_count)
