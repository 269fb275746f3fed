// SPDX-License-Identifier: GPL-2.0
/*
 * arch/x86/asm-offsets.c - check arch/x86/asm-offsets.inc against C.
 *
 * Linux 2.6: arch/i386/kernel/asm-offsets.c (which generates the file;
 * here it is written by hand so a reader sees it, and checked instead).
 * The Makefile turns each "%define NAME value" line of the .inc into
 * "#define ASM_NAME value" (build/asm-offsets.h); every line below must
 * hold or the build stops.  This file produces no code.
 */
#include <asm/apic.h>
#include <asm/ptrace.h>
#include <asm/segment.h>
#include <asm/thread_info.h>
#include <asm-offsets.h>
#include <compiler.h>
#include <param.h>
#include <reboot.h>
#include <sched.h>

#define CHECK(asm_name, c_value) \
	_Static_assert((asm_name) == (c_value), #asm_name " in asm-offsets.inc")

CHECK(ASM_PAGE_OFFSET, PAGE_OFFSET);
CHECK(ASM_THREAD_SIZE, THREAD_SIZE);
CHECK(ASM_NR_CPUS, NR_CPUS);

CHECK(ASM___KERNEL_CS, __KERNEL_CS);
CHECK(ASM___KERNEL_DS, __KERNEL_DS);
CHECK(ASM___USER_CS, __USER_CS);
CHECK(ASM___USER_DS, __USER_DS);

CHECK(ASM_LOCAL_TIMER_VECTOR, LOCAL_TIMER_VECTOR);
CHECK(ASM_CALL_FUNCTION_VECTOR, CALL_FUNCTION_VECTOR);
CHECK(ASM_REBOOT_VECTOR, REBOOT_VECTOR);
CHECK(ASM_RESCHEDULE_VECTOR, RESCHEDULE_VECTOR);
CHECK(ASM_INVALIDATE_TLB_VECTOR, INVALIDATE_TLB_VECTOR);
CHECK(ASM_ERROR_APIC_VECTOR, ERROR_APIC_VECTOR);
CHECK(ASM_SPURIOUS_APIC_VECTOR, SPURIOUS_APIC_VECTOR);

CHECK(ASM_QEMU_DEBUG_EXIT_PORT, QEMU_DEBUG_EXIT_PORT);
CHECK(ASM_EXIT_PANIC, EXIT_PANIC);

CHECK(ASM_PT_EBX, offsetof(struct pt_regs, ebx));
CHECK(ASM_PT_ECX, offsetof(struct pt_regs, ecx));
CHECK(ASM_PT_EDX, offsetof(struct pt_regs, edx));
CHECK(ASM_PT_ESI, offsetof(struct pt_regs, esi));
CHECK(ASM_PT_EDI, offsetof(struct pt_regs, edi));
CHECK(ASM_PT_EBP, offsetof(struct pt_regs, ebp));
CHECK(ASM_PT_EAX, offsetof(struct pt_regs, eax));
CHECK(ASM_PT_DS, offsetof(struct pt_regs, xds));
CHECK(ASM_PT_ES, offsetof(struct pt_regs, xes));
CHECK(ASM_PT_ORIG_EAX, offsetof(struct pt_regs, orig_eax));
CHECK(ASM_PT_EIP, offsetof(struct pt_regs, eip));
CHECK(ASM_PT_CS, offsetof(struct pt_regs, xcs));
CHECK(ASM_PT_EFLAGS, offsetof(struct pt_regs, eflags));
CHECK(ASM_PT_OLDESP, offsetof(struct pt_regs, esp));
CHECK(ASM_PT_OLDSS, offsetof(struct pt_regs, xss));
CHECK(ASM_PT_SIZE, sizeof(struct pt_regs));

CHECK(ASM_TI_TASK, offsetof(struct thread_info, task));
CHECK(ASM_TI_FLAGS, offsetof(struct thread_info, flags));
CHECK(ASM_TI_CPU, offsetof(struct thread_info, cpu));
CHECK(ASM_TI_PREEMPT_COUNT, offsetof(struct thread_info, preempt_count));

CHECK(ASM_TASK_THREAD_ESP0, offsetof(struct task_struct, thread.esp0));
CHECK(ASM_TASK_THREAD_EIP, offsetof(struct task_struct, thread.eip));
CHECK(ASM_TASK_THREAD_ESP, offsetof(struct task_struct, thread.esp));

CHECK(ASM_TIF_SIGPENDING, TIF_SIGPENDING);
CHECK(ASM_TIF_NEED_RESCHED, TIF_NEED_RESCHED);
