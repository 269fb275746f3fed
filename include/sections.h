/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/sections.h - the bounds of the kernel image, from linker.ld.
 *
 * Linux 2.6: include/asm-generic/sections.h.
 * linker.ld defines these symbols at the edges of the image's parts.  They
 * have an address but no storage of their own, so C declares them as
 * arrays of char: _text is the first byte of code, _end the first byte
 * after the image; __pa(_text) is where the loader put it.  mm/ keeps
 * these pages out of the allocators and maps text and read-only data
 * without write permission; kallsyms trusts only addresses inside the
 * text.  The tables the linker gathers have typed bounds, declared next
 * to their element type: __setup_start (include/init.h), __start_ktest
 * (include/ktest.h), __start_bench (include/bench.h), __start___ex_table
 * (asm/uaccess.h).
 */
#ifndef _SECTIONS_H
#define _SECTIONS_H

/* linker.ld */
extern char _text[], _etext[];	/* code, from the multiboot header on */
extern char _erodata[];		/* end of the read-only data */
extern char _sdata[];		/* writable data: init_thread_union first */
extern char _end[];		/* end of the image, page-aligned */

#endif /* _SECTIONS_H */
