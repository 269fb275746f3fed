/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/binfmts.h - a program being executed (kernel/exec.c,
 * kernel/binfmt_elf.c).
 *
 * Linux 2.6: include/linux/binfmts.h.  execve() gathers everything the
 * new program needs -- its file, its arguments and environment copied
 * into kernel memory, a fresh address space -- in a linux_binprm before it
 * touches the caller, so that any error leaves the caller as it was.
 */
#ifndef _BINFMTS_H
#define _BINFMTS_H

#include <initramfs.h>
#include <mm_types.h>

#define MAX_ARG_STRINGS	256			/* argv + envp entries */
#define ARG_SPACE	PAGE_SIZE		/* bytes of strings */
#define USER_STACK_PAGES 16			/* 64 KiB, mapped at exec */
#define USER_STACK_MAX	(8 << 20)		/* its area: RLIMIT_STACK */
#define USER_STACK_TOP	TASK_SIZE

struct linux_binprm {
	struct initramfs_file *file;
	char filename[INITRAMFS_NAME_MAX];
	char *strings;		/* argv then envp strings, NUL-separated */
	unsigned long used;	/* bytes of strings */
	int argc, envc;
	struct mm_struct *mm;	/* the new address space */
	unsigned long entry;	/* the program's first instruction */
	unsigned long sp;	/* its first stack pointer */
	unsigned long phdr;	/* AT_PHDR: the program headers in memory */
	unsigned int phnum;	/* AT_PHNUM */
};

struct pt_regs;

/* kernel/binfmt_elf.c */
int elf_check_headers(const void *data, size_t size, const char **why);
int load_elf_binary(struct linux_binprm *bprm);

/* kernel/exec.c */
int do_execve(struct linux_binprm *bprm, struct pt_regs *regs);
int kernel_execve(const char *filename, const char *const argv[],
		  const char *const envp[]);

#endif /* _BINFMTS_H */
