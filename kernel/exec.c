// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/exec.c - execve(): a task becomes a new program.
 *
 * Linux 2.6: fs/exec.c (do_execve, flush_old_exec, exec_mmap,
 * start_thread, kernel_execve).
 * Everything the new program needs is prepared first, in a
 * linux_binprm: the file (from the initramfs), the arguments and
 * environment copied into kernel memory, and a new address space
 * (mm_alloc(): the kernel half shared with swapper_pg_dir) with the
 * program's segments (load_elf_binary()) and a stack holding argc, argv,
 * envp and the auxiliary vector (create_stack(), as Linux's
 * create_elf_tables()).  Until then an error returns to the caller unchanged.  Then
 * comes the point of no return: exec_mmap() makes the new mm the task's
 * own and loads CR3; the old one is released; and start_thread() rewrites
 * the saved user registers so that the return from the system call lands
 * on the program's entry point in ring 3 (__USER_CS, __USER_DS, IF on).
 *
 * Process 1 (Understanding the Linux Kernel, 3rd ed., chapter 3, section
 * "Process 1"): init() -- a kernel thread -- calls kernel_execve() on
 * "/sbin/init" and becomes an ordinary process, with an address space
 * and kernel data structures of its own.  docs/user-mode.md follows it.
 */
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/segment.h>
#include <asm/uaccess.h>
#include <binfmts.h>
#include <elf.h>
#include <errno.h>
#include <file.h>
#include <kernel.h>
#include <mm.h>
#include <random.h>
#include <sched.h>
#include <signal.h>
#include <slab.h>
#include <string.h>
#include <syscalls.h>

static int bprm_add_string(struct linux_binprm *bprm, const char *s,
			   bool from_user)
{
	long len;

	if (bprm->argc + bprm->envc >= MAX_ARG_STRINGS)
		return -E2BIG;
	if (from_user) {
		len = strncpy_from_user(bprm->strings + bprm->used, s,
					ARG_SPACE - bprm->used);
		if (len < 0)
			return len;
	} else {
		len = strlcpy(bprm->strings + bprm->used, s,
			      ARG_SPACE - bprm->used);
	}
	if (bprm->used + len >= ARG_SPACE)
		return -E2BIG;
	bprm->used += len + 1;
	return 0;
}

/* Copy a NULL-terminated vector of strings; Return: how many, or -E. */
static int copy_strings(struct linux_binprm *bprm, const char *const *vec,
			bool from_user)
{
	int n = 0;

	for (;; n++) {
		const char *s;
		int err;

		if (!vec)
			return 0;
		if (from_user) {
			if (copy_from_user(&s, vec + n, sizeof(s)))
				return -EFAULT;
		} else {
			s = vec[n];
		}
		if (!s)
			return n;
		err = bprm_add_string(bprm, s, from_user);
		if (err)
			return err;
	}
}

/* "i686": AT_PLATFORM, the CPU family the kernel is built for. */
#define ELF_PLATFORM	"i686"
#define AUXV_ENTRIES	18	/* AT_* pairs create_stack() writes, AT_NULL too */

/* AT_HWCAP: the CPU's feature bits, CPUID leaf 1 edx (Linux: ELF_HWCAP). */
static unsigned long elf_hwcap(void)
{
	u32 eax, ebx, ecx, edx;

	cpuid(1, &eax, &ebx, &ecx, &edx);
	return edx;
}

/*
 * The initial stack, as Linux's create_elf_tables() builds it (Linux
 * 2.6: fs/binfmt_elf.c).  From the top of user space down:
 *
 *	argv and envp strings		bprm->strings, 4-byte aligned
 *	the file name			AT_EXECFN points here
 *	"i686"				AT_PLATFORM points here
 *	16 random bytes			AT_RANDOM points here (16-aligned)
 *	(padding)
 *	auxv: (AT_xxx, value) pairs, AT_NULL last
 *	NULL, envp[envc-1] .. envp[0]
 *	NULL, argv[argc-1] .. argv[0]
 *	argc				<- esp, 16-byte aligned
 *
 * which is what the i386 System V ABI's process start-up describes and
 * what glibc's _start and user/lib/crt0.asm read.  docs/user-mode.md
 * draws it.
 */
static int create_stack(struct linux_binprm *bprm)
{
	struct mm_struct *mm = bprm->mm;
	unsigned long strings = USER_STACK_TOP - ALIGN(bprm->used, 4);
	size_t fn_len = strlen(bprm->filename) + 1;
	unsigned long execfn = strings - fn_len;
	unsigned long platform = execfn - sizeof(ELF_PLATFORM);
	unsigned long random = (platform - 16) & ~15UL;
	unsigned long nwords = 1 + bprm->argc + 1 + bprm->envc + 1 +
			       2 * AUXV_ENTRIES;
	unsigned long sp = (random - nwords * sizeof(u32)) & ~15UL;
	unsigned long *vec, p = strings;
	u8 rand_bytes[16];
	int err = 0, i = 0;

	/* The area is 8 MiB; its top pages are mapped now, the rest on use. */
	mm->start_stack = USER_STACK_TOP - USER_STACK_MAX;
	err = vma_add(mm, mm->start_stack, USER_STACK_TOP,
		      VM_READ | VM_WRITE | VM_GROWSDOWN);
	if (err)
		return err;
	for (unsigned long a = USER_STACK_TOP - USER_STACK_PAGES * PAGE_SIZE;
	     a < USER_STACK_TOP; a += PAGE_SIZE) {
		err = map_user_page(mm, a, true);
		if (err)
			return err;
	}
	if (sp < USER_STACK_TOP - (USER_STACK_PAGES - 1) * PAGE_SIZE)
		return -E2BIG;

	vec = kmalloc(nwords * sizeof(u32), GFP_KERNEL);
	if (!vec)
		return -ENOMEM;
	vec[i++] = bprm->argc;
	for (int n = 0; n < bprm->argc + bprm->envc; n++) {
		if (n == bprm->argc) {
			vec[i++] = 0;		/* argv[argc] */
			mm->arg_end = p;
		}
		vec[i++] = p;
		p += strlen(bprm->strings + (p - strings)) + 1;
	}
	/* Where /proc/PID/cmdline and environ find them. */
	mm->arg_start = strings;
	if (!bprm->envc)
		mm->arg_end = p;
	mm->env_start = mm->arg_end;
	mm->env_end = p;
	if (!bprm->argc)
		vec[i++] = 0;
	vec[i++] = 0;				/* envp[envc] */
#define NEW_AUX_ENT(type, val) \
	do { vec[i++] = (type); vec[i++] = (val); } while (0)
	NEW_AUX_ENT(AT_HWCAP, elf_hwcap());
	NEW_AUX_ENT(AT_PAGESZ, PAGE_SIZE);
	NEW_AUX_ENT(AT_CLKTCK, USER_HZ);
	NEW_AUX_ENT(AT_PHDR, bprm->phdr);
	NEW_AUX_ENT(AT_PHENT, sizeof(Elf32_Phdr));
	NEW_AUX_ENT(AT_PHNUM, bprm->phnum);
	NEW_AUX_ENT(AT_BASE, 0);		/* no interpreter */
	NEW_AUX_ENT(AT_FLAGS, 0);
	NEW_AUX_ENT(AT_ENTRY, bprm->entry);
	NEW_AUX_ENT(AT_UID, current->uid);
	NEW_AUX_ENT(AT_EUID, current->euid);
	NEW_AUX_ENT(AT_GID, current->gid);
	NEW_AUX_ENT(AT_EGID, current->egid);
	NEW_AUX_ENT(AT_SECURE, 0);		/* no set-user-ID programs */
	NEW_AUX_ENT(AT_RANDOM, random);
	NEW_AUX_ENT(AT_EXECFN, execfn);
	NEW_AUX_ENT(AT_PLATFORM, platform);
	NEW_AUX_ENT(AT_NULL, 0);
#undef NEW_AUX_ENT
	BUG_ON(i > (int)nwords);

	get_random_bytes(rand_bytes, sizeof(rand_bytes));
	if (access_process_vm(mm, strings, bprm->strings, bprm->used, true) !=
	    (int)bprm->used ||
	    access_process_vm(mm, execfn, bprm->filename, fn_len, true) !=
	    (int)fn_len ||
	    access_process_vm(mm, platform, ELF_PLATFORM,
			      sizeof(ELF_PLATFORM), true) !=
	    sizeof(ELF_PLATFORM) ||
	    access_process_vm(mm, random, rand_bytes, sizeof(rand_bytes),
			      true) != sizeof(rand_bytes) ||
	    access_process_vm(mm, sp, vec, i * sizeof(u32), true) !=
	    (int)(i * sizeof(u32)))
		err = -ENOMEM;
	kfree(vec);
	bprm->sp = sp;
	return err;
}

/* Make @mm the current task's address space and load it. */
static void exec_mmap(struct mm_struct *mm)
{
	struct task_struct *tsk = current;
	struct mm_struct *old_mm = tsk->mm, *active_mm;
	unsigned long flags;

	if (old_mm)
		mm_release(tsk, old_mm);
	local_irq_save(flags);
	task_lock(tsk);		/* get_task_mm(): the old mm or the new */
	active_mm = tsk->active_mm;
	tsk->mm = mm;
	tsk->active_mm = mm;
	task_unlock(tsk);
	switch_mm(active_mm, mm);
	local_irq_restore(flags);
	if (old_mm)
		mmput(old_mm);
	else
		mmdrop(active_mm);	/* what the kernel thread borrowed */
}

/* A shared handler table becomes the task's own; handlers reset. */
static int flush_signal_handlers(struct task_struct *tsk)
{
	struct sighand_struct *old = tsk->sighand;

	if (atomic_read(&old->count) > 1) {
		struct sighand_struct *sh = sighand_alloc();

		if (!sh)
			return -ENOMEM;
		memcpy(sh->action, old->action, sizeof(sh->action));
		tsk->sighand = sh;
		sighand_put(old);
	}
	/*
	 * SIG_IGN survives execve, as in Linux; nothing else is kept, not
	 * the flags (SA_NOCLDWAIT) nor the masks of the old program's.
	 */
	for (int sig = 1; sig < _NSIG; sig++) {
		struct k_sigaction *ka = &tsk->sighand->action[sig];

		if (ka->handler != SIG_IGN)
			ka->handler = SIG_DFL;
		ka->flags = 0;
		ka->mask = 0;
	}
	return 0;
}

/* User registers for the first instruction of the new program. */
static void start_thread(struct pt_regs *regs, unsigned long eip,
			 unsigned long esp)
{
	memset(regs, 0, sizeof(*regs));
	regs->xcs = __USER_CS;
	regs->xds = regs->xes = regs->xss = __USER_DS;
	regs->eip = eip;
	regs->esp = esp;
	regs->eflags = 0x200 | 0x2;	/* IF, and the always-one bit */
	regs->orig_eax = -1;
}

/**
 * do_execve - replace the current program
 * @bprm: file, arguments and environment already gathered
 * @regs: the user registers the task will return to
 *
 * Context: process, may sleep.
 * Return: 0 (the task now runs the new program when it returns to user
 * mode), or an error with the task unchanged: -ENOENT, -ENOEXEC, -ENOMEM,
 * -E2BIG.
 */
int do_execve(struct linux_binprm *bprm, struct pt_regs *regs)
{
	const char *base;
	int err;

	bprm->mm = mm_alloc();
	if (!bprm->mm)
		return -ENOMEM;
	err = load_elf_binary(bprm);
	if (!err)
		err = create_stack(bprm);
	if (!err)
		err = flush_signal_handlers(current);
	if (err) {
		mmput(bprm->mm);
		return err;
	}

	/* The point of no return. */
	exec_mmap(bprm->mm);
	do_close_on_exec(current->files);
	flush_thread();
	current->flags &= ~(PF_KTHREAD | PF_FORKNOEXEC);
	base = strrchr(bprm->filename, '/');
	set_task_comm(current, base ? base + 1 : bprm->filename);
	current->ni_syscall_quiet = false;	/* another program */
	start_thread(regs, bprm->entry, bprm->sp);
	return 0;
}

/* Gather file, argv and envp into @bprm; Return: 0 or -E. */
static int prepare_binprm(struct linux_binprm *bprm, const char *filename,
			  const char *const *argv, const char *const *envp,
			  bool from_user)
{
	int n;

	memset(bprm, 0, sizeof(*bprm));
	bprm->file = open_exec(filename);
	if (IS_ERR(bprm->file))
		return PTR_ERR(bprm->file);
	strlcpy(bprm->filename, filename, sizeof(bprm->filename));
	bprm->strings = (char *)__get_free_page(GFP_KERNEL);
	if (!bprm->strings)
		return -ENOMEM;
	n = copy_strings(bprm, argv, from_user);
	if (n < 0)
		return n;
	bprm->argc = n;
	n = copy_strings(bprm, envp, from_user);
	if (n < 0)
		return n;
	bprm->envc = n;
	return 0;
}

/**
 * sys_execve - execve(2)
 * @regs: the caller's registers: ebx = path, ecx = argv, edx = envp
 *
 * On success the registers are the new program's and eax becomes 0.
 * Context: process (a system call).
 * Return: 0, or -ENOENT / -ENOEXEC / -EFAULT / -E2BIG / -ENOMEM.
 */
asmlinkage long sys_execve(struct pt_regs regs)
{
	struct linux_binprm bprm;
	char path[INITRAMFS_NAME_MAX + 1];
	long len;
	int err;

	len = strncpy_from_user(path, (const char *)regs.ebx, sizeof(path));
	if (len < 0)
		return len;
	if (len == sizeof(path))
		return -ENAMETOOLONG;
	err = prepare_binprm(&bprm, path, (const char *const *)regs.ecx,
			     (const char *const *)regs.edx, true);
	if (!err)
		err = do_execve(&bprm, &regs);
	free_page((unsigned long)bprm.strings);
	return err;
}

/**
 * kernel_execve - a kernel thread becomes a user process
 * @filename: the program, from the initramfs
 * @argv: NULL-terminated arguments (kernel memory)
 * @envp: NULL-terminated environment (kernel memory)
 *
 * On success it does not return: the thread's stack is unwound and it
 * leaves for ring 3 through the pt_regs at the top of its stack, the ones
 * copy_thread() put there when it was forked.
 * Context: a kernel thread (pid 1), may sleep.
 * Return: only on failure, the error.
 */
int kernel_execve(const char *filename, const char *const argv[],
		  const char *const envp[])
{
	struct linux_binprm bprm;
	struct pt_regs *regs = task_pt_regs(current);
	int err;

	err = prepare_binprm(&bprm, filename, argv, envp, false);
	if (!err)
		err = do_execve(&bprm, regs);
	free_page((unsigned long)bprm.strings);
	if (err)
		return err;
	start_user_mode(regs);
}
