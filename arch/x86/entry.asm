; SPDX-License-Identifier: GPL-2.0
;
; arch/x86/entry.asm - every way into the kernel and the one way out.
;
; Linux 2.6: arch/i386/kernel/entry.S.
; Exceptions and hardware interrupts arrive here through the IDT
; (arch/x86/idt.c).  Each entry saves the interrupted registers as a
; struct pt_regs on the current kernel stack; changing the push order
; below changes struct pt_regs (arch/x86/include/asm/ptrace.h) and
; arch/x86/asm-offsets.inc.  Stack layout at the C call, from esp up:
;
;	0x00 ebx   0x04 ecx   0x08 edx   0x0C esi   0x10 edi   0x14 ebp
;	0x18 eax   0x1C ds    0x20 es    0x24 orig_eax
;	0x28 eip   0x2C cs    0x30 eflags           <- pushed by the CPU
;	0x34 esp   0x38 ss                          <- only from user mode
;
; All paths leave through ret_from_intr / ret_from_exception, which look
; at where the interrupt came from (the saved CS) and then restore_all.
; The C handlers are called with a frame whose return address is the
; interrupted eip, so both GDB and the kernel's own stack walker continue
; from the handler into the code that was interrupted.

%include "asm-offsets.inc"

X86_EFLAGS_IF	equ 0x200		; interrupts were on

section .note.GNU-stack noalloc noexec nowrite progbits

section .text

; Push the registers the CPU did not save, completing a struct pt_regs
; (the CPU frame and orig_eax are already on the stack).
%macro SAVE_ALL 0
	cld
	push es
	push ds
	push eax
	push ebp
	push edi
	push esi
	push edx
	push ecx
	push ebx
	mov edx, __USER_DS		; Linux i386 runs the kernel on the
	mov ds, edx			; flat user data segment (DPL 3
	mov es, edx			; data is loadable at CPL 0)
%endmacro

; Call a C handler: void handler(struct pt_regs *regs, long arg).
; In: %1 = register holding the handler, %2 = register holding arg,
;     esp = the pt_regs.
%macro CALL_HANDLER 2
	mov eax, esp
	push dword [eax + PT_EIP]	; fake return address: the interrupted
	push ebp			; eip and ebp, so the frame chain goes on
	mov ebp, esp			; into the interrupted code
	push %2
	push eax
	call %1
	mov esp, ebp
	pop ebp
	add esp, 4
%endmacro

; Exceptions: Intel SDM vol. 3A, table 6-1.  The CPU pushes an error code
; for some vectors; the others push a 0 so that the frame is the same.
%macro EXCEPTION_NOERR 2		; stub name, C handler
global %1:function (%1.end - %1)
extern %2
%1:
	push dword 0
	push dword %2
	jmp error_code
.end:
%endmacro

%macro EXCEPTION_ERR 2
global %1:function (%1.end - %1)
extern %2
%1:
	push dword %2
	jmp error_code
.end:
%endmacro

EXCEPTION_NOERR divide_error, do_divide_error			; 0
EXCEPTION_NOERR debug, do_debug					; 1
EXCEPTION_NOERR nmi, do_nmi					; 2
EXCEPTION_NOERR int3, do_int3					; 3
EXCEPTION_NOERR overflow, do_overflow				; 4
EXCEPTION_NOERR bounds, do_bounds				; 5
EXCEPTION_NOERR invalid_op, do_invalid_op			; 6
EXCEPTION_NOERR device_not_available, do_device_not_available	; 7
; 8, double fault: a task gate, see arch/x86/traps.c
EXCEPTION_NOERR coprocessor_segment_overrun, do_coprocessor_segment_overrun ; 9
EXCEPTION_ERR invalid_TSS, do_invalid_TSS			; 10
EXCEPTION_ERR segment_not_present, do_segment_not_present	; 11
EXCEPTION_ERR stack_segment, do_stack_segment			; 12
EXCEPTION_ERR general_protection, do_general_protection		; 13
EXCEPTION_ERR page_fault, do_page_fault				; 14
EXCEPTION_NOERR spurious_interrupt_bug, do_spurious_interrupt_bug ; 15
EXCEPTION_NOERR coprocessor_error, do_coprocessor_error		; 16
EXCEPTION_ERR alignment_check, do_alignment_check		; 17
EXCEPTION_NOERR machine_check, do_machine_check			; 18
EXCEPTION_NOERR simd_coprocessor_error, do_simd_coprocessor_error ; 19
EXCEPTION_NOERR virtualization_exception, do_reserved		; 20
EXCEPTION_ERR control_protection, do_reserved			; 21
EXCEPTION_NOERR reserved_exception, do_reserved			; 22-28, 31
EXCEPTION_ERR vmm_communication, do_reserved			; 29
EXCEPTION_ERR security_exception, do_reserved			; 30

; error_code - common exception path.
; In: stack = [handler] [error code] [CPU frame].  The handler address
; sits where es belongs and the error code where orig_eax belongs: save
; the rest, swap es into its slot, and call
; handler(struct pt_regs *regs, long error_code).
global error_code:function (error_code.end - error_code)
error_code:
	push ds
	push eax
	push ebp
	push edi
	push esi
	push edx
	push ecx
	push ebx
	cld
	mov edi, [esp + PT_ES]		; the C handler
	mov edx, [esp + PT_ORIG_EAX]	; the error code
	mov dword [esp + PT_ORIG_EAX], -1 ; not a system call
	mov ecx, es
	mov [esp + PT_ES], ecx
	mov ecx, __USER_DS
	mov ds, ecx
	mov es, ecx
	CALL_HANDLER edi, edx
	jmp ret_from_exception
.end:

; Hardware interrupts 0-15 (the two 8259 PICs, remapped to 0x20-0x2F by
; arch/x86/i8259.c).  orig_eax = ~irq: negative, so never a syscall.
%macro IRQ_STUB 1
global irq%1_interrupt:function (irq%1_interrupt.end - irq%1_interrupt)
irq%1_interrupt:
	push dword ~%1
	jmp common_interrupt
.end:
%endmacro

%assign i 0
%rep 16
IRQ_STUB i
%assign i i + 1
%endrep

; The table arch/x86/irq.c installs into the IDT.
section .rodata
global irq_entries
irq_entries:
%assign i 0
%rep 16
	dd irq %+ i %+ _interrupt
%assign i i + 1
%endrep

section .text

; common_interrupt - save pt_regs and call do_IRQ(regs, irq).
global common_interrupt:function (common_interrupt.end - common_interrupt)
extern do_IRQ
common_interrupt:
	SAVE_ALL
	mov ecx, [esp + PT_ORIG_EAX]
	not ecx				; the IRQ number
	mov edi, do_IRQ
	CALL_HANDLER edi, ecx
	jmp ret_from_intr
.end:

; The local APIC's own vectors (arch/x86/include/asm/apic.h): one stub
; per vector, each calling its C handler smp_NAME(struct pt_regs *regs)
; (Linux 2.6: BUILD_INTERRUPT in entry.S).  orig_eax = ~vector: negative,
; so never a syscall.  Each line below is one vector: NAME is the stub
; the IDT gate names (set in arch/x86/apic.c or smp.c), and the C
; handler is smp_NAME.
%macro BUILD_INTERRUPT 2		; stub name, vector
global %1:function (%1.end - %1)
extern smp_%1
%1:
	push dword ~%2
	SAVE_ALL
	mov edi, smp_%1
	mov ecx, %2
	CALL_HANDLER edi, ecx
	jmp ret_from_intr
.end:
%endmacro

BUILD_INTERRUPT apic_timer_interrupt, LOCAL_TIMER_VECTOR
BUILD_INTERRUPT call_function_interrupt, CALL_FUNCTION_VECTOR
BUILD_INTERRUPT reschedule_interrupt, RESCHEDULE_VECTOR
BUILD_INTERRUPT invalidate_interrupt, INVALIDATE_TLB_VECTOR
BUILD_INTERRUPT reboot_interrupt, REBOOT_VECTOR
BUILD_INTERRUPT error_interrupt, ERROR_APIC_VECTOR
BUILD_INTERRUPT spurious_interrupt, SPURIOUS_APIC_VECTOR

; ret_from_exception / ret_from_intr - the one way out of the kernel.
; Back to user mode or back into the kernel: decided by the privilege
; level in the saved CS.
global ret_from_exception:function (ret_from_intr.end - ret_from_exception)
global ret_from_intr:function (ret_from_intr.end - ret_from_intr)
ret_from_exception:
ret_from_intr:
	mov eax, [esp + PT_CS]
	test eax, 3
	jz resume_kernel
	jmp resume_userspace
.end:

; resume_userspace - returning to ring 3: first do the work flagged in
; thread_info -- a reschedule is due (schedule()), a signal is pending
; (do_notify_resume(), which may end the process) -- with interrupts off
; between the last check and the iret, so no new work can slip in.
global resume_userspace:function (resume_userspace.end - resume_userspace)
extern schedule
extern do_notify_resume
resume_userspace:
	cli
	mov ecx, esp
	and ecx, -THREAD_SIZE			; thread_info
	mov edx, [ecx + TI_FLAGS]
	test edx, (1 << TIF_NEED_RESCHED) | (1 << TIF_SIGPENDING)
	jz restore_all
	sti
	test edx, 1 << TIF_NEED_RESCHED
	jz .signal
	call schedule
	jmp resume_userspace
.signal:
	mov eax, esp
	push dword [eax + PT_EIP]		; frame into the user code
	push dword [eax + PT_EBP]
	mov ebp, esp
	push eax				; do_notify_resume(regs)
	call do_notify_resume
	add esp, 12
	jmp resume_userspace
.end:

; system_call - int $0x80 from user mode.
; In: eax = system call number, ebx ecx edx esi edi ebp = arguments.
; The number is saved as orig_eax (the syscall's identity even after eax
; is overwritten with the result), the rest as pt_regs.  The handler is
; called with esp pointing at the pt_regs, so a C handler declared
; asmlinkage long sys_x(a1, a2, a3) finds ebx, ecx, edx exactly where
; its stack arguments belong, and one declared sys_x(struct pt_regs regs)
; sees (and may change) all of them.  The result goes back in eax.
global system_call:function (system_call.end - system_call)
extern sys_call_table
extern sys_ni_syscall
system_call:
	push eax				; orig_eax
	SAVE_ALL
	sti				; an interrupt gate turned them off
	; LAB 1: system_call BEGIN
	cmp eax, NR_syscalls
	jae .badsys
	call [sys_call_table + eax * 4]
.store:
	mov [esp + PT_EAX], eax
	jmp ret_from_exception
.badsys:
	call sys_ni_syscall
	jmp .store
	; LAB 1: system_call END
.end:

; resume_kernel - returning to interrupted kernel code: kernel preemption.
; If the interrupted code could be preempted (preempt_count 0 and
; interrupts on when it was interrupted) and a reschedule is due, switch
; now, in the middle of whatever it was doing.  preempt_schedule_irq()
; marks the switch PREEMPT_ACTIVE, so a task caught between setting a
; sleeping state and calling schedule() stays on the run queue.
global resume_kernel:function (resume_kernel.end - resume_kernel)
extern preempt_schedule_irq
resume_kernel:
	; LAB 4: resume_kernel BEGIN
	cli
.need_resched:
	mov ecx, esp
	and ecx, -THREAD_SIZE			; thread_info
	cmp dword [ecx + TI_PREEMPT_COUNT], 0
	jnz restore_all
	test dword [ecx + TI_FLAGS], 1 << TIF_NEED_RESCHED
	jz restore_all
	test dword [esp + PT_EFLAGS], X86_EFLAGS_IF
	jz restore_all				; it had interrupts off
	mov eax, esp
	push dword [eax + PT_EIP]		; a frame that leads the backtrace
	push dword [eax + PT_EBP]		; of the preempted task into the
	mov ebp, esp				; code it was running
	call preempt_schedule_irq
	add esp, 8
	jmp .need_resched
	; LAB 4: resume_kernel END
.end:

; restore_all - pop the pt_regs and iret.
global restore_all:function (restore_all.end - restore_all)
restore_all:
	pop ebx
	pop ecx
	pop edx
	pop esi
	pop edi
	pop ebp
	pop eax
	pop ds
	pop es
	add esp, 4			; orig_eax
	iret
.end:

; ret_from_fork - where a new task's first switch_to() lands.
; In: eax = prev (from __switch_to), esp = the pt_regs copy_thread() put at
; the top of the stack.  schedule_tail() finishes the switch (releases the
; run queue lock taken by prev's schedule(), turns interrupts on, drops a
; borrowed mm) before anything else; then the registers are popped and
; iret goes to kernel_thread_helper (a kernel thread) or back to user
; mode with eax = 0 (a forked process).  ebp = 0 ends every backtrace here.
global ret_from_fork:function (ret_from_fork.end - ret_from_fork)
extern schedule_tail
ret_from_fork:
	; LAB 2: ret_from_fork BEGIN
	xor ebp, ebp
	push eax
	call schedule_tail
	add esp, 4
	jmp ret_from_exception
	; LAB 2: ret_from_fork END
.end:

; start_user_mode - a kernel thread leaves for user mode (kernel_execve()).
; void start_user_mode(struct pt_regs *regs): regs is the pt_regs at the
; top of the task's stack, already filled with the user program's
; registers.  Everything below it on the stack is discarded; the common
; exit path returns to ring 3 exactly as after a system call.
global start_user_mode:function (start_user_mode.end - start_user_mode)
start_user_mode:
	mov esp, [esp + 4]
	xor ebp, ebp
	jmp ret_from_exception
.end:

; kernel_thread_helper - the first instruction of every kernel thread
; (Linux 2.6: arch/i386/kernel/process.c, kernel_thread_helper;
; Understanding the Linux Kernel, 3rd ed., chapter 3, section "Kernel
; Threads").  In: ebx = fn, edx = arg (from kernel_thread()'s pt_regs).
; The argument goes in eax and on the stack so that fn works with either
; calling convention; fn's return value becomes do_exit()'s argument: a
; kernel thread that returns exits with that code.  The 0 pushed first is
; a fake return address that ends backtraces; ud2 traps if do_exit()
; ever returned.
global kernel_thread_helper:function (kernel_thread_helper.end - kernel_thread_helper)
extern do_exit
kernel_thread_helper:
	; LAB 2: kernel_thread_helper BEGIN
	push dword 0
	mov eax, edx
	push edx
	call ebx
	push eax
	call do_exit
	ud2
	; LAB 2: kernel_thread_helper END
.end:
