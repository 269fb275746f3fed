; SPDX-License-Identifier: GPL-2.0
;
; arch/x86/trampoline.asm - where another CPU starts: real mode to
; protected mode to paging, in one page below 1 MiB.
;
; Linux 2.6: arch/i386/kernel/trampoline.S and startup_32_smp in head.S.
; A CPU woken by a STARTUP IPI begins in real mode at CS:IP = vector *
; 0x100 : 0, so its first instructions must sit in a page below 1 MiB:
; do_boot_cpu() (arch/x86/smpboot.c) copies trampoline_data .. 
; trampoline_end to physical TRAMPOLINE_BASE (frame 1, kept out of the
; page allocator by mem_init()) and sends vector TRAMPOLINE_BASE >> 12.
;
; 1. Real mode: load a GDT of two flat segments, with the kernel's own
;    selectors (__KERNEL_CS, __KERNEL_DS), and set CR0.PE.
; 2. The far jump loads CS: 32-bit protected mode, still in the page.
; 3. Paging on trampoline_pg_dir: the kernel's entries of swapper_pg_dir,
;    copied by smp_boot_cpus(), and a PDE 0 that maps the first 4 MiB
;    one to one, so that the instruction after "mov cr0" is still here.
;    start_secondary() moves to swapper_pg_dir first thing.
; 4. The stack: the top of the new CPU's idle task stack, which
;    do_boot_cpu() left in stack_start[cpu].  Several CPUs may run this
;    page at once (smp_boot_cpus() starts them all, then waits), so each
;    finds its own number: its APIC ID (CPUID leaf 1, EBX bits 31-24)
;    looked up in x86_cpu_to_apicid[].  From here current is that idle
;    task (thread_info sits at the bottom of the stack).  Nothing here
;    writes memory before that: the page is shared.
; 5. Jump to start_secondary() at its kernel address; it never returns.
;
; Everything is position dependent on TRAMPOLINE_BASE: NASM computes the
; addresses inside the page from the distance to trampoline_data.
%include "asm-offsets.inc"

TRAMPOLINE_BASE	equ 0x1000
CR0_PE		equ 0x00000001
CR0_WP		equ 0x00010000
CR0_PG		equ 0x80000000
CR4_PSE		equ 0x00000010

; Flat 4 GiB segments: base 0, limit 0xFFFFF pages, 32-bit.
SEG_FLAT_CODE	equ 0x00CF9A000000FFFF
SEG_FLAT_DATA	equ 0x00CF92000000FFFF

%define TR(label) (TRAMPOLINE_BASE + (label) - trampoline_data)

extern trampoline_pg_dir, stack_start, start_secondary, x86_cpu_to_apicid

section .rodata
bits 16
global trampoline_data:data (trampoline_end - trampoline_data)
trampoline_data:
	cli
	cld
	mov ax, cs			; TRAMPOLINE_BASE >> 4
	mov ds, ax
	o32 lgdt [tr_gdt_descr - trampoline_data]
	mov eax, cr0
	or eax, CR0_PE
	mov cr0, eax
	jmp dword __KERNEL_CS:TR(startup_32_smp)

bits 32
startup_32_smp:
	mov eax, __KERNEL_DS
	mov ds, eax
	mov es, eax
	mov ss, eax
	xor eax, eax
	mov fs, eax
	mov gs, eax

	mov eax, cr4
	or eax, CR4_PSE
	mov cr4, eax
	mov eax, trampoline_pg_dir - PAGE_OFFSET
	mov cr3, eax
	mov eax, cr0
	or eax, CR0_PG | CR0_WP
	mov cr0, eax

	mov eax, 1
	cpuid
	shr ebx, 24			; this CPU's initial APIC ID
	xor ecx, ecx
.find_cpu:
	movzx eax, byte [x86_cpu_to_apicid + ecx]
	cmp eax, ebx
	je .found_cpu
	inc ecx
	cmp ecx, NR_CPUS
	jb .find_cpu
.unknown_cpu:				; not in the tables: no stack to use
	hlt
	jmp .unknown_cpu
.found_cpu:
	mov esp, [stack_start + ecx * 4]
	xor ebp, ebp			; the end of every backtrace
	push dword 0
	popfd				; IF, DF, NT clear
	push dword 0			; no return address: it never returns
	mov eax, start_secondary
	jmp eax

align 8
tr_gdt:
	times (__KERNEL_CS / 8) dq 0
	dq SEG_FLAT_CODE		; __KERNEL_CS
	dq SEG_FLAT_DATA		; __KERNEL_DS
tr_gdt_end:
tr_gdt_descr:
	dw tr_gdt_end - tr_gdt - 1
	dd TR(tr_gdt)

global trampoline_end:data 0
trampoline_end:
