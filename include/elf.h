/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/elf.h - the 32-bit ELF format, as much as execve() needs.
 *
 * From the System V ABI, "ELF header" and "Program header", and its
 * Intel386 supplement.  Linux 2.6: include/linux/elf.h.
 */
#ifndef _ELF_H
#define _ELF_H

#include <types.h>

#define EI_NIDENT	16
#define ELFMAG		"\177ELF"
#define EI_CLASS	4
#define  ELFCLASS32	 1
#define EI_DATA		5
#define  ELFDATA2LSB	 1	/* little-endian */
#define EI_VERSION	6
#define EV_CURRENT	1
#define ET_EXEC		2	/* an executable at fixed addresses */
#define EM_386		3
#define PT_LOAD		1	/* a segment to map */
#define PT_PHDR		6	/* where the program headers are in memory */
#define PF_X		0x1	/* segment permissions */
#define PF_W		0x2
#define PF_R		0x4

typedef struct {
	unsigned char e_ident[EI_NIDENT];
	u16 e_type;
	u16 e_machine;
	u32 e_version;
	u32 e_entry;
	u32 e_phoff;
	u32 e_shoff;
	u32 e_flags;
	u16 e_ehsize;
	u16 e_phentsize;
	u16 e_phnum;
	u16 e_shentsize;
	u16 e_shnum;
	u16 e_shstrndx;
} Elf32_Ehdr;

typedef struct {
	u32 p_type;
	u32 p_offset;
	u32 p_vaddr;
	u32 p_paddr;
	u32 p_filesz;
	u32 p_memsz;
	u32 p_flags;
	u32 p_align;
} Elf32_Phdr;

#endif /* _ELF_H */
