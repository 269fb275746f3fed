; SPDX-License-Identifier: GPL-2.0
;
; arch/x86/switch_to.asm - switch_to: the moment one task stops and
; another goes on.
;
; Linux 2.6: the switch_to() macro of include/asm-i386/system.h.
;
; struct task_struct *switch_to(struct task_struct *prev,
;                               struct task_struct *next);
;
; Called by context_switch() (sched/core.c), with interrupts off and the
; run queue locked.  cdecl: prev at [ebp+8], next at [ebp+12].
;
; 1. Build a frame and push the callee-saved registers on prev's stack:
;    C code in prev expects ebx, esi, edi, ebp to survive the call.
; 2. Store esp in prev->thread.esp and the resume address (thread_return)
;    in prev->thread.eip.
; 3. Load next->thread.esp: from this instruction on we run on next's
;    kernel stack.  (No CR3 change here: context_switch() already did
;    switch_mm(), or nothing for a kernel thread.)
; 4. Push next->thread.eip and jump to __switch_to(prev, next)
;    (arch/x86/process.c, regparm: eax = prev, edx = next), which updates
;    TSS.esp0 and returns prev in eax -- "returning" to next's resume
;    address: thread_return for a task that switched out here before,
;    ret_from_fork (arch/x86/entry.asm) for a brand-new one.
; 5. thread_return pops next's registers and returns into next's
;    context_switch(), with eax = the task that ran just before: `last`.
;
; Stack of a task switched out here, from thread.esp up:
;	edi esi ebx ebp(saved) <return into context_switch> prev next
; so a sleeping task's backtrace starts at the saved ebp, thread.esp + 12.
; Changing this changes TASK_THREAD_* in asm-offsets.inc and the stack
; walkers (sprint_task_stack() in arch/x86/dumpstack.c,
; tools/gdb/kt26_stack.py).

%include "asm-offsets.inc"

section .note.GNU-stack noalloc noexec nowrite progbits

section .text

extern __switch_to

global switch_to:function (switch_to.end - switch_to)
global thread_return
switch_to:
	; LAB 3: switch_to BEGIN
	push ebp
	mov ebp, esp
	push ebx
	push esi
	push edi
	mov eax, [ebp + 8]			; prev
	mov edx, [ebp + 12]			; next
	mov [eax + TASK_THREAD_ESP], esp	; save prev's stack pointer
	mov dword [eax + TASK_THREAD_EIP], thread_return
	mov esp, [edx + TASK_THREAD_ESP]	; *** now on next's stack ***
	push dword [edx + TASK_THREAD_EIP]	; where next resumes
	jmp __switch_to				; returns there, eax = prev
	; LAB 3: switch_to END
thread_return:
	pop edi
	pop esi
	pop ebx
	pop ebp
	ret
switch_to.end:				; (thread_return is inside switch_to)
