; SPDX-License-Identifier: GPL-2.0
;
; boot/early_idt.asm - the exception table from "paging on" to trap_init().
;
; Linux 2.6: arch/i386/kernel/head.S (setup_idt, early_idt_handler,
; early_recursion_flag).
; Until trap_init() (arch/x86/traps.c) loads the real IDT, the IDT
; register holds whatever the loader left there (QEMU: base 0, which is
; not even mapped once _start drops the identity mapping): an exception
; would fault again while being delivered, then reset the machine in a
; triple fault without a word.  So _start (boot/head.asm) calls
; setup_idt as soon as it runs at the kernel's virtual address: it fills
; early_idt_table with one interrupt gate per exception vector (0-31,
; Intel SDM vol. 3A, table 6-1) and loads it.  Each gate leads to a
; small stub of early_idt_handlers that pushes a dummy error code where
; the CPU pushes none, then the vector, so that every exception reaches
; early_idt_handler with the same frame; that calls
; do_early_exception() (arch/x86/early_exception.c), which prints one
; line on COM1 and stops.  The table covers only vectors 0-31 (its
; limit is 32 * 8 - 1): any other vector is a general protection fault
; whose error code names it ((vector << 3) | 2), so nothing escapes.
; The gates use __KERNEL_CS, the code selector of both the boot GDT
; (boot/head.asm) and the real one (cpu_init(), arch/x86/gdt.c), so the
; table works on either side of cpu_init().  The table is in .bss, which
; _start clears before setup_idt runs.  trap_init() replaces it with
; idt_table; nothing uses it afterwards.

%include "asm-offsets.inc"

NUM_EXCEPTION_VECTORS	equ 32
; The vectors whose exception pushes an error code: 8 (#DF), 10-14
; (#TS, #NP, #SS, #GP, #PF) and 17 (#AC).
EXCEPTION_ERRCODE_MASK	equ (1 << 8) | (0x1F << 10) | (1 << 17)
EARLY_IDT_STUB_SIZE	equ 16		; every stub is padded to this
GATE_INTR_KERNEL	equ 0x8E00	; P, DPL 0, 32-bit interrupt gate

section .note.GNU-stack noalloc noexec nowrite progbits

section .bss
align 8
early_idt_table:
	resq NUM_EXCEPTION_VECTORS

section .rodata
early_idt_descr:			; the operand of lidt
	dw NUM_EXCEPTION_VECTORS * 8 - 1
	dd early_idt_table

section .data
; An exception inside the handler would come back here: report once only.
early_recursion_flag:
	db 0

section .text

extern do_early_exception

; void setup_idt(void) - point vectors 0-31 at early_idt_handlers, and
; load the table.
; Context: _start, paging on, at the virtual address, .bss cleared.
; Clobbers eax, ecx, edx (cdecl).
global setup_idt:function (setup_idt.end - setup_idt)
setup_idt:
	mov edx, early_idt_handlers
	xor ecx, ecx
.fill:
	mov eax, edx
	and eax, 0x0000FFFF		; offset 15..0
	or eax, __KERNEL_CS << 16	; | selector
	mov [early_idt_table + ecx * 8], eax
	mov eax, edx
	and eax, 0xFFFF0000		; offset 31..16
	or eax, GATE_INTR_KERNEL	; | P | DPL | type
	mov [early_idt_table + ecx * 8 + 4], eax
	add edx, EARLY_IDT_STUB_SIZE
	inc ecx
	cmp ecx, NUM_EXCEPTION_VECTORS
	jb .fill
	lidt [early_idt_descr]
	ret
.end:

; early_idt_handlers - one stub per vector, EARLY_IDT_STUB_SIZE bytes
; apart: stub N is at early_idt_handlers + N * EARLY_IDT_STUB_SIZE.
align EARLY_IDT_STUB_SIZE
global early_idt_handlers:function (early_idt_handlers.end - early_idt_handlers)
early_idt_handlers:
%assign vector 0
%rep NUM_EXCEPTION_VECTORS
%if ((EXCEPTION_ERRCODE_MASK >> vector) & 1) == 0
	push byte 0			; the CPU pushed no error code
%endif
	push byte vector
	jmp early_idt_handler
	align EARLY_IDT_STUB_SIZE, int3
%assign vector vector + 1
%endrep
.end:

; early_idt_handler - the part every exception shares.
; In: esp -> vector, error code, then the CPU's eip, cs, eflags.
; Never returns.
global early_idt_handler:function (early_idt_handler.end - early_idt_handler)
early_idt_handler:
	mov eax, cr2			; first: nothing may fault before
	cld
	cmp byte [early_recursion_flag], 0
	jne .recursion
	mov byte [early_recursion_flag], 1
	; do_early_exception(vector, error_code, eip, cr2): each push moves
	; esp down a word, so the next argument is again at esp + 12.
	push eax			; cr2
	push dword [esp + 12]		; eip
	push dword [esp + 12]		; error code
	push dword [esp + 12]		; vector
	call do_early_exception		; never returns
.recursion:				; the report itself faulted: just stop
	mov al, EXIT_PANIC
	out QEMU_DEBUG_EXIT_PORT, al
.halt:
	hlt				; interrupts are off: only NMIs wake it
	jmp .halt
.end:
