// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/binfmt_elf.c - loading an ELF executable into a new address
 * space.
 *
 * Linux 2.6: fs/binfmt_elf.c (load_elf_binary), much reduced: static
 * i386 executables only (ET_EXEC), no interpreter.
 * Nothing in the file is trusted.  Before anything is mapped, every
 * header is checked against the file's size and the user address range:
 * the ELF identification, the type and machine, the program header table
 * inside the file, each PT_LOAD segment inside the file, below TASK_SIZE,
 * above page 0, without wrap-around, with file and memory offsets
 * congruent modulo the page size, and the entry point inside an
 * executable segment.  Any failure is -ENOEXEC and the caller of
 * execve() goes on as before.
 */
#include <binfmts.h>
#include <elf.h>
#include <errno.h>
#include <kernel.h>
#include <mm.h>
#include <mm_types.h>
#include <string.h>

#define MAX_PHNUM	16

/* Is [off, off + len) inside a file of @size bytes? */
static bool in_file(u32 off, u32 len, size_t size)
{
	return off <= size && len <= size - off;
}

static int check_header(const Elf32_Ehdr *eh, size_t size)
{
	if (size < sizeof(*eh) || memcmp(eh->e_ident, ELFMAG, 4) ||
	    eh->e_ident[EI_CLASS] != ELFCLASS32 ||
	    eh->e_ident[EI_DATA] != ELFDATA2LSB ||
	    eh->e_ident[EI_VERSION] != EV_CURRENT ||
	    eh->e_type != ET_EXEC || eh->e_machine != EM_386 ||
	    eh->e_phentsize != sizeof(Elf32_Phdr) ||
	    !eh->e_phnum || eh->e_phnum > MAX_PHNUM ||
	    !in_file(eh->e_phoff, eh->e_phnum * sizeof(Elf32_Phdr), size) ||
	    eh->e_phoff % 4)
		return -ENOEXEC;
	return 0;
}

static int check_segment(const Elf32_Phdr *ph, size_t size)
{
	if (!in_file(ph->p_offset, ph->p_filesz, size) ||
	    ph->p_filesz > ph->p_memsz ||
	    ph->p_vaddr < PAGE_SIZE ||
	    ph->p_vaddr + ph->p_memsz < ph->p_vaddr ||
	    ph->p_vaddr + ph->p_memsz >
		    USER_STACK_TOP - USER_STACK_PAGES * PAGE_SIZE ||
	    (ph->p_offset ^ ph->p_vaddr) & ~PAGE_MASK)
		return -ENOEXEC;
	return 0;
}

/* Map and fill one checked segment of @bprm->mm. */
static int map_segment(struct linux_binprm *bprm, const Elf32_Phdr *ph)
{
	unsigned long start = ph->p_vaddr & PAGE_MASK;
	unsigned long end = PAGE_ALIGN(ph->p_vaddr + ph->p_memsz);
	bool writable = ph->p_flags & PF_W;

	for (unsigned long addr = start; addr < end; addr += PAGE_SIZE) {
		int err = map_user_page(bprm->mm, addr, writable);

		/* A page shared with the previous segment is already there. */
		if (err == -EEXIST && writable)
			err = make_user_page_writable(bprm->mm, addr);
		if (err && err != -EEXIST)
			return err;
	}
	if (access_process_vm(bprm->mm, ph->p_vaddr,
			      (void *)(bprm->file->data + ph->p_offset),
			      ph->p_filesz, true) != (int)ph->p_filesz)
		return -ENOMEM;
	return 0;
}

/**
 * load_elf_binary - check @bprm->file and map it into @bprm->mm
 * @bprm: the program; file and mm set
 *
 * Sets bprm->entry and the mm's code and heap boundaries.
 * Context: process, may sleep.
 * Return: 0, -ENOEXEC (not a valid i386 executable), or -ENOMEM.
 */
int load_elf_binary(struct linux_binprm *bprm)
{
	const char *data = bprm->file->data;
	size_t size = bprm->file->size;
	const Elf32_Ehdr *eh = (const Elf32_Ehdr *)data;
	const Elf32_Phdr *ph;
	unsigned long end = 0, code_start = ~0UL, code_end = 0;
	bool entry_ok = false;
	int err, loads = 0;

	err = check_header(eh, size);
	if (err)
		return err;
	ph = (const Elf32_Phdr *)(data + eh->e_phoff);
	for (int i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type != PT_LOAD)
			continue;
		err = check_segment(&ph[i], size);
		if (err)
			return err;
		loads++;
		if ((ph[i].p_flags & PF_X) && eh->e_entry >= ph[i].p_vaddr &&
		    eh->e_entry < ph[i].p_vaddr + ph[i].p_memsz)
			entry_ok = true;
	}
	if (!loads || !entry_ok)
		return -ENOEXEC;

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
	return 0;
}
