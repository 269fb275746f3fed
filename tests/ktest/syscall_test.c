// SPDX-License-Identifier: GPL-2.0
/*
 * tests/ktest/syscall_test.c - the int $0x80 path and the exception
 * handlers: system_call, a service routine, do_trap() and the exception
 * table.
 *
 * Linux 2.6: arch/i386/kernel/entry.S (system_call), kernel/timer.c
 * (sys_getppid), arch/i386/kernel/traps.c (do_trap), arch/i386/mm/
 * extable.c (fixup_exception).  Understanding the Linux Kernel, 3rd ed.,
 * chapter 10, "Entering and Exiting a System Call", and chapter 4,
 * "Exception Handling".  These are lab 1's tests (docs/labs/lab1.md):
 * each failure message names the region at fault.
 *
 * Three ways in.  A kernel thread may execute int $0x80 itself: the gate
 * is open to ring 3, so ring 0 passes too, and system_call returns
 * through resume_kernel with the result in the saved eax.  A user-mode
 * run is a child kernel thread that takes an address space of its own
 * (mm_alloc(), use_mm()), copies a few instructions to one page of it and
 * leaves for ring 3 through start_user_mode(), as kernel_execve() does
 * for init; the test reaps it with do_wait() and reads its exit code or
 * the signal that killed it.  A kernel-mode fault is an instruction this
 * file lists in the exception table (__ex_table), in a routine that
 * returns 1 from its fixup and 0 if it did not fault.
 */
#include <asm/irqflags.h>
#include <asm/ptrace.h>
#include <asm/segment.h>
#include <asm/uaccess.h>
#include <errno.h>
#include <kernel.h>
#include <ktest.h>
#include <mm.h>
#include <mm_types.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <syscalls.h>
#include <uapi/kt26.h>

/* An int $0x80 from this kernel thread: the kernel's own system call. */
static long int80(long nr, long a1, long a2, long a3)
{
	long ret;

	asm volatile("int $0x80"
		     : "=a"(ret)
		     : "a"(nr), "b"(a1), "c"(a2), "d"(a3)
		     : "memory");
	return ret;
}

KTEST(system_call_dispatches_through_sys_call_table)
{
	long ret;

	ret = int80(__NR_getpid, 0, 0, 0);
	if (ret != current->tgid)
		KTEST_FAIL("system_call: getpid (eax = %d) returned %ld, not "
			   "%d: call sys_call_table[eax] and store its result "
			   "in the saved eax", __NR_getpid, ret,
			   current->tgid);
	ret = int80(__NR_gettid, 0, 0, 0);
	if (ret != current->pid)
		KTEST_FAIL("system_call: gettid (eax = %d) returned %ld, not "
			   "%d", __NR_gettid, ret, current->pid);
	/* ebx and ecx reach the handler as its first two arguments. */
	ret = int80(__NR_kill, current->pid, 0, 0);
	if (ret != 0)
		KTEST_FAIL("system_call: kill(own pid, 0) returned %ld, not 0: "
			   "are ebx, ecx the handler's arguments?", ret);
	ret = int80(__NR_kill, 99999, 0, 0);
	if (ret != -ESRCH)
		KTEST_FAIL("system_call: kill(99999, 0) returned %ld, not "
			   "-ESRCH (%d)", ret, -ESRCH);
}

KTEST(system_call_rejects_numbers_past_the_table)
{
	static const long bad[] = { NR_syscalls, NR_syscalls + 1, 0x7fffffff,
				    -1, -NR_syscalls };

	for (unsigned int i = 0; i < ARRAY_SIZE(bad); i++) {
		long ret = int80(bad[i], 0, 0, 0);

		if (ret != -ENOSYS)
			KTEST_FAIL("system_call: eax = %ld (the table has %d "
				   "entries) returned %ld, not -ENOSYS: compare "
				   "eax with NR_syscalls as unsigned, and call "
				   "sys_ni_syscall past the end", bad[i],
				   NR_syscalls, ret);
	}
	/* A number inside the table without a handler of its own. */
	KTEST_EXPECT_EQ(int80(0, 0, 0, 0), -ENOSYS);
}

/* Where a user-mode run's code goes: the usual start of a program. */
#define USER_CODE	0x08048000UL

struct user_code {
	const u8 *code;
	size_t len;
};

/*
 * A child that becomes a user process of one page: @arg's instructions
 * at USER_CODE, the stack at the top of the same page.
 */
static int run_in_user_mode(void *arg)
{
	const struct user_code *u = arg;
	struct mm_struct *mm = mm_alloc();
	struct pt_regs *regs = task_pt_regs(current);

	if (!mm)
		return -ENOMEM;
	if (map_user_page(mm, USER_CODE, true)) {
		mmput(mm);
		return -ENOMEM;
	}
	/*
	 * The mm is the thread's own from here on, as after exec_mmap(),
	 * where the owner's reference stands for active_mm too: use_mm()'s
	 * borrowed mm_count is given back, and the exit frees the mm.
	 */
	use_mm(mm);
	mmdrop(mm);
	if (copy_to_user((void *)USER_CODE, u->code, u->len))
		return -EFAULT;
	memset(regs, 0, sizeof(*regs));
	regs->xcs = __USER_CS;
	regs->xds = regs->xes = regs->xss = __USER_DS;
	regs->eip = USER_CODE;
	regs->esp = USER_CODE + PAGE_SIZE;
	regs->eflags = X86_EFLAGS_IF | 0x2;
	regs->orig_eax = -1;
	start_user_mode(regs);
}

/* Run @code in ring 3 in a child; return its wait status (or < 0). */
static long user_run(const u8 *code, size_t len)
{
	struct user_code u = { code, len };
	long status = -1;
	int pid = kernel_thread(run_in_user_mode, &u, 0);

	if (pid < 0)
		return pid;
	if (do_wait(pid, &status, 0) != pid)
		return -ECHILD;
	return status;
}

KTEST(system_call_from_user_mode_returns_getppid)
{
	/*
	 * mov $__NR_getppid, %eax; int $0x80; mov %eax, %ebx;
	 * mov $__NR_exit, %eax; int $0x80; ud2
	 */
	static const u8 code[] = {
		0xb8, __NR_getppid, 0, 0, 0, 0xcd, 0x80, 0x89, 0xc3,
		0xb8, __NR_exit, 0, 0, 0, 0xcd, 0x80, 0x0f, 0x0b,
	};
	long status = user_run(code, sizeof(code));

	KTEST_ASSERT(status >= 0);
	if (status & 0x7f)
		KTEST_FAIL("system_call: the user program was killed by signal "
			   "%ld before exit(getppid()): did int $0x80 return "
			   "to ring 3?", status & 0x7f);
	if (((status >> 8) & 0xff) != (current->tgid & 0xff))
		KTEST_FAIL("sys_getppid: a user program's getppid() was %ld, "
			   "its parent is %d (exit code, low byte)",
			   (status >> 8) & 0xff, current->tgid);
}

static int getppid_in_child(void *unused)
{
	return int80(__NR_getppid, 0, 0, 0);
}

KTEST(sys_getppid_returns_the_parents_tgid)
{
	long status = -1, ret;
	int pid;

	ret = sys_getppid();
	if (ret != current->parent->tgid)
		KTEST_FAIL("sys_getppid: returned %ld for a task whose parent "
			   "is %d", ret, current->parent->tgid);
	pid = kernel_thread(getppid_in_child, NULL, 0);
	KTEST_ASSERT(pid > 0);
	KTEST_ASSERT_EQ(do_wait(pid, &status, 0), pid);
	/* The child's return value is its exit code. */
	if (status != current->tgid)
		KTEST_FAIL("sys_getppid: a child of pid %d got %ld",
			   current->tgid, status);
}

KTEST(do_trap_signals_a_user_mode_fault)
{
	/* xor %ecx, %ecx; div %ecx: divide error. */
	static const u8 divide[] = { 0x31, 0xc9, 0xf7, 0xf1 };
	/* ud2: invalid opcode. */
	static const u8 invalid[] = { 0x0f, 0x0b };
	/* cli in ring 3 (IOPL 0): general protection. */
	static const u8 gp[] = { 0xfa };
	long status;

	status = user_run(divide, sizeof(divide));
	if ((status & 0x7f) != SIGFPE)
		KTEST_FAIL("do_trap: a divide error in user mode ended with "
			   "status %#lx, not killed by SIGFPE (%d)", status,
			   SIGFPE);
	status = user_run(invalid, sizeof(invalid));
	if ((status & 0x7f) != SIGILL)
		KTEST_FAIL("do_trap: ud2 in user mode ended with status %#lx, "
			   "not killed by SIGILL (%d)", status, SIGILL);
	status = user_run(gp, sizeof(gp));
	if ((status & 0x7f) != SIGSEGV)
		KTEST_FAIL("do_trap: cli in user mode ended with status %#lx, "
			   "not killed by SIGSEGV (%d)", status, SIGSEGV);
}

/*
 * Two routines whose faulting instruction is in the exception table:
 * each returns 1 from its fixup, 0 if the instruction did not fault.
 */
asm(".pushsection .text\n"
    ".globl ktest_ud2_fixed\n"
    ".type ktest_ud2_fixed, @function\n"
    "ktest_ud2_fixed:\n"
    ".globl ktest_ud2_insn, ktest_ud2_fixup\n"
    "ktest_ud2_insn:\n"
    "	ud2\n"
    "	xorl %eax, %eax\n"
    "	ret\n"
    "ktest_ud2_fixup:\n"
    "	movl $1, %eax\n"
    "	ret\n"
    ".size ktest_ud2_fixed, . - ktest_ud2_fixed\n"
    ".globl ktest_divide_fixed\n"
    ".type ktest_divide_fixed, @function\n"
    "ktest_divide_fixed:\n"
    "	pushl %ebx\n"
    "	xorl %ebx, %ebx\n"
    "	xorl %edx, %edx\n"
    "	movl $1, %eax\n"
    "ktest_divide_insn:\n"
    "	divl %ebx\n"
    "	xorl %eax, %eax\n"
    "	popl %ebx\n"
    "	ret\n"
    "ktest_divide_fixup:\n"
    "	movl $1, %eax\n"
    "	popl %ebx\n"
    "	ret\n"
    ".size ktest_divide_fixed, . - ktest_divide_fixed\n"
    ".section __ex_table, \"a\"\n"
    "	.long ktest_ud2_insn, ktest_ud2_fixup\n"
    "	.long ktest_divide_insn, ktest_divide_fixup\n"
    ".popsection\n");

int ktest_ud2_fixed(void);
int ktest_divide_fixed(void);
extern const char ktest_ud2_insn[], ktest_ud2_fixup[];

KTEST(do_trap_takes_the_fixup_of_a_kernel_fault)
{
	if (ktest_divide_fixed() != 1)
		KTEST_FAIL("do_trap: a kernel divide error listed in "
			   "__ex_table did not continue at its fixup");
	if (ktest_ud2_fixed() != 1)
		KTEST_FAIL("do_trap: a kernel ud2 listed in __ex_table did not "
			   "continue at its fixup");
}

KTEST(fixup_exception_finds_every_entry)
{
	struct pt_regs regs = { .xcs = __KERNEL_CS };
	unsigned int n = 0;

	regs.eip = (long)ktest_ud2_insn;
	if (!fixup_exception(&regs))
		KTEST_FAIL("fixup_exception: eip %pS is in __ex_table, but "
			   "the answer was false", ktest_ud2_insn);
	if (regs.eip != (long)ktest_ud2_fixup)
		KTEST_FAIL("fixup_exception: eip became %#lx, not the fixup "
			   "%p", regs.eip, ktest_ud2_fixup);
	/* The next byte is not listed: no fixup, eip untouched. */
	regs.eip = (long)ktest_ud2_insn + 1;
	if (fixup_exception(&regs) || regs.eip != (long)ktest_ud2_insn + 1)
		KTEST_FAIL("fixup_exception: eip %#lx is not in __ex_table, "
			   "but it was fixed up (eip now %#lx)",
			   (long)ktest_ud2_insn + 1, regs.eip);
	/* Every entry, the first and the last too. */
	for (const struct exception_table_entry *e = __start___ex_table;
	     e < __stop___ex_table; e++, n++) {
		regs.eip = e->insn;
		if (!fixup_exception(&regs) || regs.eip != (long)e->fixup)
			KTEST_FAIL("fixup_exception: entry %u of %d (insn "
				   "%#lx) not found", n,
				   (int)(__stop___ex_table - __start___ex_table),
				   e->insn);
	}
	KTEST_EXPECT(n >= 2);
}
