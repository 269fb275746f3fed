// SPDX-License-Identifier: GPL-2.0
/*
 * arch/x86/gdt.c - the global descriptor table and the per-CPU TSS.
 *
 * Linux 2.6: cpu_gdt_table in arch/i386/kernel/head.S, cpu_init() in
 * arch/i386/kernel/cpu/common.c, init_tss in init_task.c.
 * Flat 4 GiB segments: paging, not segmentation, protects memory.  The
 * two DPL-3 segments are what user mode runs on; the TSS only supplies
 * the kernel stack (esp0) for interrupts from user mode.  Each CPU has
 * its own GDT (per_cpu(cpu_gdt_table)) and TSS (per_cpu(init_tss)): a
 * TSS descriptor is marked busy by ltr, so two CPUs cannot share one,
 * and each CPU's esp0 is that of the task it runs.  cpu_init() sets up
 * the calling CPU's: CPU 0's from start_kernel(), the others' from
 * start_secondary() (arch/x86/smpboot.c).
 */
#include <asm/desc.h>
#include <asm/i387.h>
#include <asm/segment.h>
#include <percpu.h>
#include <string.h>

/* Access byte: P | DPL | S(code/data) | type */
#define SEG_KERNEL_CODE	0x9A	/* present, ring 0, code, readable */
#define SEG_KERNEL_DATA	0x92	/* present, ring 0, data, writable */
#define SEG_USER_CODE	0xFA	/* present, ring 3, code, readable */
#define SEG_USER_DATA	0xF2	/* present, ring 3, data, writable */
#define SEG_TSS		0x89	/* present, ring 0, 32-bit available TSS */
/* Flags nibble: G (4 KiB granularity) | D/B (32-bit) */
#define SEG_FLAGS_32	0xC

DEFINE_PER_CPU(struct desc_struct[GDT_ENTRIES], cpu_gdt_table) __aligned(8);

DEFINE_PER_CPU(struct tss_struct, init_tss);

static struct desc_struct make_desc(u32 base, u32 limit, u8 access, u8 flags)
{
	struct desc_struct d;

	d.a = ((base & 0xFFFF) << 16) | (limit & 0xFFFF);
	d.b = (base & 0xFF000000) | ((u32)flags << 20) | (limit & 0xF0000) |
	      ((u32)access << 8) | ((base >> 16) & 0xFF);
	return d;
}

/**
 * set_tss_desc - point a GDT entry of this CPU at a TSS
 * @gdt_entry: the entry (GDT_ENTRY_TSS, GDT_ENTRY_DOUBLEFAULT_TSS)
 * @tss: the TSS
 *
 * Context: boot, on the CPU whose GDT it is.
 */
void set_tss_desc(unsigned int gdt_entry, struct tss_struct *tss)
{
	__get_cpu_var(cpu_gdt_table)[gdt_entry] =
		make_desc((u32)tss, sizeof(*tss) - 1, SEG_TSS, 0);
}

/**
 * cpu_init - load this CPU's GDT, segment registers and TSS
 *
 * The CPU is the one thread_info names: the boot CPU's process 0, or the
 * idle task that init_idle() gave to another CPU.  The double-fault TSS
 * is one for all CPUs (as on Linux i386): its descriptor is copied from
 * CPU 0's table.
 * Context: boot, interrupts off, once per CPU.
 */
void cpu_init(void)
{
	unsigned int cpu = smp_processor_id();
	struct desc_struct *gdt = per_cpu(cpu_gdt_table, cpu);
	struct tss_struct *tss = &per_cpu(init_tss, cpu);
	struct desc_ptr gdt_descr = {
		.size = sizeof(per_cpu(cpu_gdt_table, cpu)) - 1,
		.address = (u32)gdt,
	};

	gdt[GDT_ENTRY_KERNEL_CS] =
		make_desc(0, 0xFFFFF, SEG_KERNEL_CODE, SEG_FLAGS_32);
	gdt[GDT_ENTRY_KERNEL_DS] =
		make_desc(0, 0xFFFFF, SEG_KERNEL_DATA, SEG_FLAGS_32);
	gdt[GDT_ENTRY_USER_CS] =
		make_desc(0, 0xFFFFF, SEG_USER_CODE, SEG_FLAGS_32);
	gdt[GDT_ENTRY_USER_DS] =
		make_desc(0, 0xFFFFF, SEG_USER_DATA, SEG_FLAGS_32);
	if (cpu)
		gdt[GDT_ENTRY_DOUBLEFAULT_TSS] =
			per_cpu(cpu_gdt_table, 0)[GDT_ENTRY_DOUBLEFAULT_TSS];

	fpu_init();
	memset(tss, 0, sizeof(*tss));
	tss->ss0 = __KERNEL_DS;
	tss->esp0 = (u32)current_thread_info() + THREAD_SIZE;
	tss->io_bitmap_base = sizeof(*tss);	/* beyond the limit: none */
	set_tss_desc(GDT_ENTRY_TSS, tss);

	/*
	 * Reload every segment register: the loader's GDT (or the
	 * trampoline's) may be anywhere.  ds/es get __USER_DS as on Linux
	 * i386 (the entry code reloads them the same way); ss gets the
	 * kernel data segment.  The far jump reloads cs.
	 */
	__asm__ __volatile__(
		"lgdt %0\n\t"
		"movl %1, %%eax\n\t"
		"movl %%eax, %%ds\n\t"
		"movl %%eax, %%es\n\t"
		"movl %2, %%eax\n\t"
		"movl %%eax, %%ss\n\t"
		"xorl %%eax, %%eax\n\t"
		"movl %%eax, %%fs\n\t"
		"movl %%eax, %%gs\n\t"
		"ljmp %3, $1f\n"
		"1:\n\t"
		"ltr %w4"
		:
		: "m"(gdt_descr), "i"(__USER_DS), "i"(__KERNEL_DS),
		  "i"(__KERNEL_CS), "r"(__TSS_SEL)
		: "eax", "memory");
}

