/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/x86/include/asm/uaccess.h - the kernel touching user memory
 * (arch/x86/usercopy.c).
 *
 * Linux 2.6: include/asm-i386/uaccess.h, arch/i386/lib/usercopy.c.
 * A user pointer is never trusted: access_ok() checks that the range lies
 * below TASK_SIZE (so a user cannot make the kernel read or write kernel
 * memory), and the copy itself may still fault on an unmapped user page.
 * The copy instructions are listed in the exception table (__ex_table):
 * when one faults, do_page_fault() does not oops but jumps to the fixup
 * code next to it, and the function returns an error.  So a bad pointer
 * from user space costs the caller -EFAULT, never the kernel.
 */
#ifndef _ASM_UACCESS_H
#define _ASM_UACCESS_H

#include <param.h>
#include <types.h>

/* One entry of the exception table: a faulting instruction and where to
 * continue instead. */
struct pt_regs;

struct exception_table_entry {
	unsigned long insn, fixup;
};

/* Is [addr, addr + size) entirely user space?  No wrap-around. */
static inline bool access_ok(const void *addr, unsigned long size)
{
	unsigned long a = (unsigned long)addr;

	return a + size >= a && a + size <= TASK_SIZE;
}

/* arch/x86/usercopy.c */
unsigned long copy_from_user(void *to, const void *from, unsigned long n);
unsigned long copy_to_user(void *to, const void *from, unsigned long n);
long strncpy_from_user(char *dst, const char *src, long count);
unsigned long clear_user(void *to, unsigned long n);

/* arch/x86/extable.c */
bool fixup_exception(struct pt_regs *regs);

/* linker.ld: the table, gathered from every __ex_table section */
extern const struct exception_table_entry __start___ex_table[],
					   __stop___ex_table[];

#endif /* _ASM_UACCESS_H */
