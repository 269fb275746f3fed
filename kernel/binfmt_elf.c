// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/binfmt_elf.c - loading an ELF executable into a new address
 * space.
 *
 * Linux 2.6: fs/binfmt_elf.c (load_elf_binary), much reduced: static
 * i386 executables only (ET_EXEC), no interpreter.
 * Nothing in the file is trusted.  Before anything is mapped,
 * elf_check_headers() checks every header against the file's size and
 * the user address range: the ELF identification, the type and machine,
 * the program header table inside the file, each PT_LOAD segment inside
 * the file, below the stack (so never at PAGE_OFFSET or above), above
 * page 0, without wrap-around, with file and memory offsets congruent
 * modulo the page size, and the entry point inside an executable
 * segment.  Any failure is -ENOEXEC and the caller of execve() goes on as
 * before.  elf_check_headers() reads only the file, so the host fuzzer
 * (tests/fuzz/elf_fuzz.c) runs it and load_elf_binary() as they are; then
 * load_elf_binary() maps each segment into the new mm (mm/memory.c).
 */
#include <binfmts.h>
#include <elf.h>
#include <errno.h>
#include <initramfs.h>
#include <kernel.h>
#include <mm.h>
#include <mm_types.h>
#include <string.h>

#define MAX_PHNUM	16
/* Segments end below the stack's area, which create_stack() adds next. */
#define SEGMENTS_END	(USER_STACK_TOP - USER_STACK_MAX)

/* Is [off, off + len) inside a file of @size bytes? */
static bool in_file(u32 off, u32 len, size_t size)
{
	return off <= size && len <= size - off;
}

/* Return: NULL if the ELF header is one we load, else what is wrong. */
static const char *check_header(const Elf32_Ehdr *eh, size_t size)
{
	if (size < sizeof(*eh))
		return "file shorter than the ELF header";
	if (memcmp(eh->e_ident, ELFMAG, 4))
		return "no ELF magic";
	if (eh->e_ident[EI_CLASS] != ELFCLASS32 ||
	    eh->e_ident[EI_DATA] != ELFDATA2LSB ||
	    eh->e_ident[EI_VERSION] != EV_CURRENT)
		return "not 32-bit little-endian ELF version 1";
	if (eh->e_type != ET_EXEC)
		return "not ET_EXEC";
	if (eh->e_machine != EM_386)
		return "not EM_386";
	if (eh->e_phentsize != sizeof(Elf32_Phdr))
		return "e_phentsize is not sizeof(Elf32_Phdr)";
	if (!eh->e_phnum || eh->e_phnum > MAX_PHNUM)
		return "no or too many program headers";
	if (!in_file(eh->e_phoff, eh->e_phnum * sizeof(Elf32_Phdr), size))
		return "program headers past the end of the file";
	if (eh->e_phoff % 4)
		return "program headers not 4-byte aligned";
	return NULL;
}

/* Return: NULL if the PT_LOAD segment @ph can be mapped, else why not. */
static const char *check_segment(const Elf32_Phdr *ph, size_t size)
{
	if (!in_file(ph->p_offset, ph->p_filesz, size))
		return "segment past the end of the file";
	if (ph->p_filesz > ph->p_memsz)
		return "segment's p_filesz > p_memsz";
	if (ph->p_vaddr < PAGE_SIZE)
		return "segment in page 0";
	if (ph->p_vaddr + ph->p_memsz < ph->p_vaddr)
		return "segment wraps around the address space";
	if (ph->p_vaddr + ph->p_memsz > SEGMENTS_END)
		return "segment reaches the stack or the kernel";
	if ((ph->p_offset ^ ph->p_vaddr) & ~PAGE_MASK)
		return "p_offset and p_vaddr differ modulo the page size";
	return NULL;
}

/**
 * elf_check_headers - may this file be loaded?
 * @data: the file's first byte, 4-byte aligned
 * @size: the file's size in bytes
 * @why: set to what is wrong (a constant string) when it may not
 *
 * Reads the file only; maps nothing.  When it returns 0, every PT_LOAD
 * segment lies inside the file and inside [PAGE_SIZE, stack), and the
 * entry point is inside one with PF_X: load_elf_binary() needs no other
 * check.
 * Context: any.
 * Return: 0, or -ENOEXEC with *@why set.
 */
int elf_check_headers(const void *data, size_t size, const char **why)
{
	const Elf32_Ehdr *eh = data;
	const Elf32_Phdr *ph;
	bool entry_ok = false;
	int loads = 0;

	*why = check_header(eh, size);
	if (*why)
		return -ENOEXEC;
	ph = (const Elf32_Phdr *)((const char *)data + eh->e_phoff);
	for (int i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type != PT_LOAD)
			continue;
		*why = check_segment(&ph[i], size);
		if (*why)
			return -ENOEXEC;
		loads++;
		if ((ph[i].p_flags & PF_X) && eh->e_entry >= ph[i].p_vaddr &&
		    eh->e_entry < ph[i].p_vaddr + ph[i].p_memsz)
			entry_ok = true;
	}
	if (!loads)
		*why = "no PT_LOAD segment";
	else if (!entry_ok)
		*why = "entry point in no executable segment";
	return *why ? -ENOEXEC : 0;
}

/*
 * Map and fill one checked segment of @bprm->mm.  A page wholly inside
 * the file bytes of a read-only segment is the program's page from the
 * page cache (mm/filemap.c), shared with every process running it; any
 * other page -- writable, or holding a segment's edge, the zeros of its
 * .bss or another segment too -- is a page of this address space alone,
 * zeroed, with the segment's bytes copied in.
 */
static int map_private_page(struct linux_binprm *bprm, const Elf32_Phdr *ph,
			    unsigned long addr)
{
	unsigned long data = ph->p_vaddr, data_end = data + ph->p_filesz;
	unsigned long from = max(addr, data);
	unsigned long to = min(addr + PAGE_SIZE, data_end);
	bool writable = ph->p_flags & PF_W;
	int err = map_user_page(bprm->mm, addr, writable);

	/* A page another segment mapped: make it ours to write. */
	if (err == -EEXIST)
		err = make_user_page_private(bprm->mm, addr, writable);
	if (err || from >= to)
		return err;
	if (access_process_vm(bprm->mm, from, (void *)(bprm->file->data +
			      ph->p_offset + (from - data)), to - from,
			      true) != (int)(to - from))
		return -ENOMEM;
	return 0;
}

static int map_segment(struct linux_binprm *bprm, const Elf32_Phdr *ph)
{
	unsigned long start = ph->p_vaddr & PAGE_MASK;
	unsigned long end = PAGE_ALIGN(ph->p_vaddr + ph->p_memsz);
	unsigned long data = ph->p_vaddr, data_end = data + ph->p_filesz;
	bool writable = ph->p_flags & PF_W;
	int err;

	err = vma_add(bprm->mm, start, end,
		      (ph->p_flags & PF_R ? VM_READ : 0) |
		      (writable ? VM_WRITE : 0) |
		      (ph->p_flags & PF_X ? VM_EXEC : 0));
	if (err)
		return err;
	for (unsigned long addr = start; addr < end; addr += PAGE_SIZE) {
		if (!writable && addr >= data && addr + PAGE_SIZE <= data_end) {
			/* p_offset and p_vaddr agree modulo the page size. */
			err = map_exec_page(bprm->mm, addr, bprm->file,
					    (ph->p_offset + (addr - data)) >>
					    PAGE_SHIFT);
			if (err != -EEXIST) {
				if (err)
					return err;
				continue;
			}
		}
		err = map_private_page(bprm, ph, addr);
		if (err)
			return err;
	}
	return 0;
}

/*
 * Where the program headers are in the new address space, for AT_PHDR:
 * a PT_PHDR segment says so; otherwise they are where the PT_LOAD
 * segment holding their file bytes puts them (ld maps them with the
 * first segment).  0 if no segment maps them (glibc then finds them
 * through its own ELF header).
 */
static unsigned long phdr_address(const Elf32_Ehdr *eh, const Elf32_Phdr *ph)
{
	u32 len = eh->e_phnum * sizeof(Elf32_Phdr);

	for (int i = 0; i < eh->e_phnum; i++)
		if (ph[i].p_type == PT_PHDR)
			return ph[i].p_vaddr;
	for (int i = 0; i < eh->e_phnum; i++)
		if (ph[i].p_type == PT_LOAD && eh->e_phoff >= ph[i].p_offset &&
		    eh->e_phoff - ph[i].p_offset <= ph[i].p_filesz &&
		    len <= ph[i].p_filesz - (eh->e_phoff - ph[i].p_offset))
			return ph[i].p_vaddr + (eh->e_phoff - ph[i].p_offset);
	return 0;
}

/**
 * load_elf_binary - check @bprm->file and map it into @bprm->mm
 * @bprm: the program; file and mm set
 *
 * Sets bprm->entry, bprm->phdr and bprm->phnum (for the auxiliary
 * vector) and the mm's code and heap boundaries.
 * Context: process, may sleep.
 * Return: 0, -ENOEXEC (not a valid i386 executable), or -ENOMEM.
 */
int load_elf_binary(struct linux_binprm *bprm)
{
	const Elf32_Ehdr *eh = (const Elf32_Ehdr *)bprm->file->data;
	const Elf32_Phdr *ph;
	unsigned long end = 0, code_start = ~0UL, code_end = 0;
	const char *why;
	int err;

	err = elf_check_headers(bprm->file->data, bprm->file->size, &why);
	if (err)
		return err;
	ph = (const Elf32_Phdr *)(bprm->file->data + eh->e_phoff);
	for (int i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type != PT_LOAD)
			continue;
		err = map_segment(bprm, &ph[i]);
		if (err)
			return err;
		end = max(end, (unsigned long)(ph[i].p_vaddr + ph[i].p_memsz));
		if (ph[i].p_flags & PF_X) {
			code_start = min(code_start,
					 (unsigned long)ph[i].p_vaddr);
			code_end = max(code_end, (unsigned long)(ph[i].p_vaddr +
								 ph[i].p_memsz));
		}
	}
	bprm->mm->start_code = code_start;
	bprm->mm->end_code = code_end;
	bprm->mm->start_brk = bprm->mm->brk = PAGE_ALIGN(end);
	bprm->entry = eh->e_entry;
	bprm->phdr = phdr_address(eh, ph);
	bprm->phnum = eh->e_phnum;
	return 0;
}
