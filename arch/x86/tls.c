// SPDX-License-Identifier: GPL-2.0
/*
 * arch/x86/tls.c - thread-local storage segments: set_thread_area(2),
 * get_thread_area(2), and load_TLS() for the context switch.
 *
 * Linux 2.6: arch/i386/kernel/process.c (sys_set_thread_area,
 * sys_get_thread_area) and include/asm-i386/desc.h (load_TLS); later
 * arch/x86/kernel/tls.c.
 * A C library keeps each thread's own data (errno, the stack-protector
 * canary, __thread variables) in a block it reaches through a segment
 * register: glibc on i386 uses %gs, and `movl %gs:0, %eax` reads the
 * block's first word wherever the block is.  The segment's base is the
 * block's address, so each thread needs a descriptor of its own.  Linux
 * gives every task three (struct thread_struct: tls_array[3]), and
 * reserves GDT entries 6, 7 and 8 for them: set_thread_area() fills one
 * of the caller's three from a struct user_desc (entry_number -1: the
 * first free one, written back), and __switch_to() copies the three of
 * the task it switches to into the GDT of its CPU (load_TLS()) and
 * reloads %gs, whose hidden base was loaded from the previous task's
 * descriptor (arch/x86/process.c).  So selector 0x33 (entry 6, RPL 3) is
 * "my own block" for every task at once.  fork copies the three
 * (dup_task_struct()), clone(CLONE_SETTLS) sets one in the child
 * (copy_thread()), execve empties them (flush_thread()).
 * Only 32-bit data segments, present or empty, are accepted: a code
 * segment or a 16-bit one has no use in %gs (Linux refuses them too).
 * docs/processes.md, "Thread-local storage", tells the whole story.
 */
#include <asm/desc.h>
#include <asm/segment.h>
#include <asm/uaccess.h>
#include <errno.h>
#include <kernel.h>
#include <percpu.h>
#include <preempt.h>
#include <sched.h>
#include <string.h>
#include <syscalls.h>

/* An empty entry as Linux's LDT_empty() spells it, or all zeros. */
static bool desc_empty(const struct user_desc *info)
{
	if (!info->base_addr && !info->limit && !info->contents &&
	    !info->seg_32bit && !info->limit_in_pages && !info->useable) {
		if (info->read_exec_only && info->seg_not_present)
			return true;
		if (!info->read_exec_only && !info->seg_not_present)
			return true;	/* all zeros */
	}
	return false;
}

/*
 * Descriptor bits (Intel SDM vol. 3A, 3.4.5): the low word holds base
 * 0-15 and limit 0-15; the high one base 16-23 and 24-31, the type
 * (bit 9 writable, bits 10-11 expand-down/code), S = 1 (bit 12), DPL 3
 * (bits 13-14), P (bit 15), limit 16-19, AVL (bit 20), D/B (bit 22), G
 * (bit 23).
 */
static struct desc_struct fill_desc(const struct user_desc *info)
{
	struct desc_struct d = { 0, 0 };

	if (desc_empty(info))
		return d;
	d.a = ((info->base_addr & 0xffff) << 16) | (info->limit & 0xffff);
	d.b = (info->base_addr & 0xff000000) |
	      ((info->base_addr & 0x00ff0000) >> 16) |
	      (info->limit & 0xf0000) |
	      ((info->read_exec_only ^ 1) << 9) |
	      (info->contents << 10) |
	      (1 << 12) | (3 << 13) |
	      ((info->seg_not_present ^ 1) << 15) |
	      (info->useable << 20) |
	      (info->seg_32bit << 22) |
	      (info->limit_in_pages << 23);
	return d;
}

static void decode_desc(const struct desc_struct *d, struct user_desc *info)
{
	info->base_addr = (d->a >> 16) | ((d->b & 0xff) << 16) |
			  (d->b & 0xff000000);
	info->limit = (d->a & 0xffff) | (d->b & 0xf0000);
	info->read_exec_only = !((d->b >> 9) & 1);
	info->contents = (d->b >> 10) & 3;
	info->seg_not_present = !((d->b >> 15) & 1);
	info->useable = (d->b >> 20) & 1;
	info->seg_32bit = (d->b >> 22) & 1;
	info->limit_in_pages = (d->b >> 23) & 1;
}

/* Only empty entries and 32-bit data segments go into %gs. */
static bool tls_desc_okay(const struct user_desc *info)
{
	if (desc_empty(info))
		return true;
	return info->contents <= 1 && info->seg_32bit;
}

/**
 * do_set_thread_area - fill one TLS entry of a task
 * @p: the task: current, or a child being forked (CLONE_SETTLS)
 * @info: the descriptor, entry_number already a GDT index
 *
 * When @p is current the CPU's GDT gets the change at once, as Linux
 * does; %gs is not reloaded (the C library does that next).
 * Context: process.
 * Return: 0, or -EINVAL (an index outside 6..8, or a descriptor %gs
 * could not use).
 */
int do_set_thread_area(struct task_struct *p, const struct user_desc *info)
{
	int idx = info->entry_number;

	if (idx < GDT_ENTRY_TLS_MIN || idx > GDT_ENTRY_TLS_MAX)
		return -EINVAL;
	if (!tls_desc_okay(info))
		return -EINVAL;
	p->thread.tls_array[idx - GDT_ENTRY_TLS_MIN] = fill_desc(info);
	if (p == current) {
		preempt_disable();
		load_TLS(&p->thread, smp_processor_id());
		preempt_enable();
	}
	return 0;
}

/**
 * sys_set_thread_area - set_thread_area(2)
 * @u_info: the descriptor; entry_number -1 asks for a free entry, and
 *          gets the one chosen written back
 *
 * Context: process (a system call).
 * Return: 0, -EFAULT, -EINVAL, or -ESRCH (-1 and all three in use).
 */
asmlinkage long sys_set_thread_area(struct user_desc *u_info)
{
	struct user_desc info;

	if (copy_from_user(&info, u_info, sizeof(info)))
		return -EFAULT;
	if ((int)info.entry_number == -1) {
		struct desc_struct *tls = current->thread.tls_array;
		int i;

		for (i = 0; i < GDT_ENTRY_TLS_ENTRIES; i++)
			if (!tls[i].a && !tls[i].b)
				break;
		if (i == GDT_ENTRY_TLS_ENTRIES)
			return -ESRCH;
		info.entry_number = GDT_ENTRY_TLS_MIN + i;
		if (copy_to_user(&u_info->entry_number, &info.entry_number,
				 sizeof(info.entry_number)))
			return -EFAULT;
	}
	return do_set_thread_area(current, &info);
}

/**
 * sys_get_thread_area - get_thread_area(2)
 * @u_info: entry_number (6..8) in; the whole descriptor out
 *
 * Context: process (a system call).
 * Return: 0, -EFAULT, or -EINVAL for an index outside 6..8.
 */
asmlinkage long sys_get_thread_area(struct user_desc *u_info)
{
	struct user_desc info;
	unsigned int idx;

	if (copy_from_user(&idx, &u_info->entry_number, sizeof(idx)))
		return -EFAULT;
	if (idx < GDT_ENTRY_TLS_MIN || idx > GDT_ENTRY_TLS_MAX)
		return -EINVAL;
	memset(&info, 0, sizeof(info));
	info.entry_number = idx;
	decode_desc(&current->thread.tls_array[idx - GDT_ENTRY_TLS_MIN],
		    &info);
	if (copy_to_user(u_info, &info, sizeof(info)))
		return -EFAULT;
	return 0;
}
