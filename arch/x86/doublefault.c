// SPDX-License-Identifier: GPL-2.0
/*
 * arch/x86/doublefault.c - reporting a double fault instead of a reset.
 *
 * Linux 2.6: arch/i386/kernel/doublefault.c.
 * A double fault usually means the CPU could not push an exception frame:
 * the kernel stack is broken.  Handling it on that same stack would fault
 * a third time and reset the machine without a word.  So vector 8 is a
 * task gate: the CPU saves the broken context into the current TSS
 * (init_tss) and loads a second TSS whose stack, page directory and eip
 * are known good.  doublefault_fn() then prints the saved registers and
 * panics.  It never returns.
 */
#include <asm/desc.h>
#include <asm/processor.h>
#include <asm/segment.h>
#include <kernel.h>
#include <mm.h>
#include <percpu.h>
#include <traps.h>

/*
 * A whole thread_union, aligned like any task's stack: printk() and
 * panic() find thread_info (preempt_count) by masking esp.
 */
static union thread_union doublefault_stack __aligned(THREAD_SIZE) = {
	.thread_info = { .preempt_count = 1 },
};
static struct tss_struct doublefault_tss __aligned(8);

static void __noreturn doublefault_fn(void)
{
	struct tss_struct *t = &__get_cpu_var(init_tss);

	oops_in_progress = 1;
	printk(KERN_EMERG "double fault, the kernel stack is probably gone\n");
	printk(KERN_EMERG "EIP: %04x:[<%08x>]  EFLAGS: %08x  EIP is at %pS\n",
	       t->cs, t->eip, t->eflags, (void *)t->eip);
	printk(KERN_EMERG "eax: %08x   ebx: %08x   ecx: %08x   edx: %08x\n",
	       t->eax, t->ebx, t->ecx, t->edx);
	printk(KERN_EMERG "esi: %08x   edi: %08x   ebp: %08x   esp: %08x\n",
	       t->esi, t->edi, t->ebp, t->esp);
	printk(KERN_EMERG "CR2: %08lx\n", read_cr2());
	panic("double fault");
}

/**
 * doublefault_init - set up the double-fault TSS and its task gate
 *
 * Context: boot, interrupts off, from trap_init().
 */
void doublefault_init(void)
{
	struct tss_struct *t = &doublefault_tss;

	t->esp0 = t->esp = (u32)&doublefault_stack + THREAD_SIZE;
	t->ss0 = t->ss = __KERNEL_DS;
	t->ds = t->es = __USER_DS;
	t->cs = __KERNEL_CS;
	t->eip = (u32)doublefault_fn;
	t->eflags = 0x2;		/* interrupts off; bit 1 is always 1 */
	/* Any page directory maps the kernel: the boot one never goes away. */
	t->cr3 = read_cr3();
	t->io_bitmap_base = sizeof(*t);
	set_tss_desc(GDT_ENTRY_DOUBLEFAULT_TSS, t);
	set_task_gate(8, GDT_ENTRY_DOUBLEFAULT_TSS);
}
