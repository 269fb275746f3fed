/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/kallsyms.h - the kernel's symbol table (kernel/kallsyms.c).
 *
 * Linux 2.6: include/linux/kallsyms.h.  The table itself is generated at
 * build time by tools/kallsyms.py from the first link of the kernel.
 */
#ifndef _KALLSYMS_H
#define _KALLSYMS_H

#include <types.h>

#define KSYM_NAME_LEN	64

/* build/kallsyms.c */
extern const unsigned int kallsyms_num_syms;
extern const unsigned long kallsyms_addresses[];
extern const unsigned int kallsyms_name_offsets[];
extern const char kallsyms_names[];

/* kernel/kallsyms.c */
void kallsyms_init(void);
const char *kallsyms_lookup(unsigned long addr, unsigned long *size,
			    unsigned long *offset);
unsigned long kallsyms_lookup_name(const char *name);
int sprint_symbol(char *buf, size_t size, unsigned long addr, bool backtrace);

#endif /* _KALLSYMS_H */
