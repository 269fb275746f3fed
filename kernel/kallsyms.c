// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/kallsyms.c - addresses to names, for oopses and stack dumps.
 *
 * Linux 2.6: kernel/kallsyms.c.
 * The build links the kernel twice: tools/kallsyms.py turns the first
 * link's text symbols into sorted tables (build/kallsyms.c) that the
 * second link includes.  A lookup is a binary search for the last symbol
 * at or below the address; its size is the distance to the next one.
 * sprint_symbol() is what printk's %pS uses: "schedule+0x3c/0x1a0".
 */
#include <kallsyms.h>
#include <kernel.h>
#include <sections.h>
#include <string.h>
#include <vsprintf.h>

/**
 * kallsyms_lookup - the function an address is in
 * @addr: a kernel text address
 * @size: set to the function's size (distance to the next symbol)
 * @offset: set to @addr's offset in it
 *
 * Context: any; reads only constant tables.
 * Return: the name, or NULL if @addr is not in the kernel's text.
 */
const char *kallsyms_lookup(unsigned long addr, unsigned long *size,
			    unsigned long *offset)
{
	unsigned int low = 0, high = kallsyms_num_syms;
	unsigned long end;

	if (addr < (unsigned long)_text || addr >= (unsigned long)_etext ||
	    !kallsyms_num_syms || addr < kallsyms_addresses[0])
		return NULL;
	while (high - low > 1) {
		unsigned int mid = low + (high - low) / 2;

		if (kallsyms_addresses[mid] <= addr)
			low = mid;
		else
			high = mid;
	}
	end = low + 1 < kallsyms_num_syms ? kallsyms_addresses[low + 1]
					  : (unsigned long)_etext;
	*size = end - kallsyms_addresses[low];
	*offset = addr - kallsyms_addresses[low];
	return kallsyms_names + kallsyms_name_offsets[low];
}

/**
 * kallsyms_lookup_name - the address of a text symbol
 * @name: its name
 *
 * Return: the address, or 0.
 */
unsigned long kallsyms_lookup_name(const char *name)
{
	for (unsigned int i = 0; i < kallsyms_num_syms; i++)
		if (!strcmp(kallsyms_names + kallsyms_name_offsets[i], name))
			return kallsyms_addresses[i];
	return 0;
}

/**
 * sprint_symbol - format an address as name+offset/size
 * @buf: where to write
 * @size: its size
 * @addr: the address
 * @backtrace: @addr is a return address: look up the byte before it,
 *             which is still in the calling function even when the call
 *             was its last instruction (a call to a noreturn function)
 *
 * Return: the length written; an unknown address is printed in hex.
 */
int sprint_symbol(char *buf, size_t size, unsigned long addr, bool backtrace)
{
	unsigned long symsize, offset;
	const char *name = kallsyms_lookup(addr - backtrace, &symsize, &offset);

	if (!name)
		return scnprintf(buf, size, "0x%08lx", addr);
	return scnprintf(buf, size, "%s+%#lx/%#lx", name, offset + backtrace,
			 symsize);
}

/**
 * kallsyms_init - let printk's %pS use the symbol table
 *
 * Context: boot, before anything can oops.
 */
void kallsyms_init(void)
{
	vsprintf_symbol_hook = sprint_symbol;
}
