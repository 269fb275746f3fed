// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/cpu.c - which CPUs exist, were found, and run.
 *
 * Linux 2.6: kernel/cpu.c, arch/i386/kernel/smpboot.c.
 * cpu_possible_map: the CPU numbers per-CPU data is kept for (all
 * NR_CPUS here, as the arrays of include/percpu.h are static).
 * cpu_present_map: the CPUs the firmware tables describe, capped by
 * NR_CPUS and maxcpus= (arch/x86/mpparse.c, arch/x86/acpi.c).
 * cpu_online_map: the CPUs that run the scheduler; the boot CPU from the
 * start, each other one from start_secondary() on (arch/x86/smpboot.c).
 */
#include <cpumask.h>

cpumask_t cpu_possible_map = CPU_MASK_ALL;
cpumask_t cpu_present_map = cpumask_of_cpu(0);
cpumask_t cpu_online_map = cpumask_of_cpu(0);
