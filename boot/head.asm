; SPDX-License-Identifier: GPL-2.0
;
; boot/head.asm - the multiboot header and _start: from the loader to C.
;
; Linux 2.6: arch/i386/kernel/head.S (startup_32).
; GRUB (or QEMU -kernel) loads the kernel at 1 MiB and jumps to _start at
; its physical address, in 32-bit protected mode with paging off, with
; eax = the multiboot magic and ebx = the physical address of the multiboot
; information.  The kernel is linked at PAGE_OFFSET + 1 MiB, so until
; paging is on, every address taken from a symbol must have PAGE_OFFSET
; subtracted (the V2P macro).  _start:
;   0. takes a stack (the top of init_thread_union, by its physical
;      address) and calls check_cpu (boot/cpucheck.asm): a CPU without
;      cpuid, PSE, TSC or CMOV is refused with one line on COM1 before it
;      meets an instruction it lacks; then loads boot_gdt, the kernel's
;      own flat segments (the loader's GDT may be anywhere);
;   1. clears .bss;
;   2. builds boot_pg_dir: 4 MiB pages mapping physical 0-4 MiB at 0
;      (so the next instruction after enabling paging still exists) and
;      physical 0-896 MiB at PAGE_OFFSET;
;   3. turns on paging and jumps to the higher half;
;   4. sets esp to the top of init_thread_union, by its virtual address
;      now: from here on the CPU is process 0, with its thread_info at
;      the bottom of that stack; points the GDT register at boot_gdt's
;      virtual address; loads the early IDT (setup_idt,
;      boot/early_idt.asm: from here on an exception prints one line
;      instead of resetting the machine); and drops the identity entry;
;   5. calls start_kernel(magic, info) (kernel/main.c).
; swapper_pg_dir, built in mm/paging.c with 4 KiB pages, replaces
; boot_pg_dir soon after, cpu_init() (arch/x86/gdt.c) replaces boot_gdt
; and trap_init() (arch/x86/traps.c) the early IDT.  Next: kernel/main.c.

%include "asm-offsets.inc"

%define V2P(x)		((x) - PAGE_OFFSET)

MULTIBOOT_MAGIC		equ 0x1BADB002	; multiboot 0.6.96, section 3.1.1
MULTIBOOT_PAGE_ALIGN	equ 1 << 0	; modules on page boundaries
MULTIBOOT_MEMORY_INFO	equ 1 << 1	; we want mem_* and the memory map
MULTIBOOT_FLAGS		equ MULTIBOOT_PAGE_ALIGN | MULTIBOOT_MEMORY_INFO

PDE_PRESENT		equ 0x001
PDE_RW			equ 0x002
PDE_PSE			equ 0x080	; this entry maps a 4 MiB page
PDE_4M_KERNEL		equ PDE_PRESENT | PDE_RW | PDE_PSE
KERNEL_PDE		equ PAGE_OFFSET >> 22	; 768: first kernel entry
LOWMEM_PDES		equ 896 / 4		; 224 x 4 MiB = 896 MiB

CR0_PG			equ 0x80000000
CR0_WP			equ 0x00010000	; kernel writes honour read-only pages
CR4_PSE			equ 0x00000010

; A flat 4 GiB segment: base 0, limit 0xFFFFF pages, 32-bit (Intel SDM
; vol. 3A, 3.4.5), accessed bit preset so the CPU never writes here.
SEG_FLAT_CODE		equ 0x00CF9B000000FFFF	; ring 0, code, readable
SEG_FLAT_DATA		equ 0x00CF93000000FFFF	; ring 0, data, writable

; The loader looks for this in the first 8 KiB of the file; linker.ld
; puts .multiboot first in .text.
section .multiboot
align 4
global multiboot_header
multiboot_header:
	dd MULTIBOOT_MAGIC
	dd MULTIBOOT_FLAGS
	dd -(MULTIBOOT_MAGIC + MULTIBOOT_FLAGS)

; The boot GDT: kernel code and data at __KERNEL_CS and __KERNEL_DS, the
; selectors of the real GDT (arch/x86/gdt.c), so that the early IDT's
; gates stay valid when cpu_init() switches tables.  In .data: it is in
; use before .bss is cleared.
section .data
align 8
boot_gdt:
	times __KERNEL_CS / 8 dq 0
	dq SEG_FLAT_CODE
	dq SEG_FLAT_DATA
.end:
boot_gdt_descr:				; lgdt's operand, paging off
	dw boot_gdt.end - boot_gdt - 1
	dd V2P(boot_gdt)
early_gdt_descr:			; the same table, paging on
	dw boot_gdt.end - boot_gdt - 1
	dd boot_gdt

section .bss
align 4096
global boot_pg_dir
boot_pg_dir:
	resb 4096

section .text.head
; void _start(void) - entered by the loader; never returns.
; In: eax = multiboot magic, ebx = physical address of the multiboot info.
global _start:function (_start.end - _start)
_start:
	cli
	cld
	mov esi, eax			; keep magic and info pointer
	mov edi, ebx			; across the loops below

	; 0. Before anything else: a stack (the loader gave none), and a
	; CPU that has every instruction the kernel uses.  check_cpu
	; returns only if it does.
	extern init_thread_union, check_cpu
	mov esp, V2P(init_thread_union + THREAD_SIZE)
	call check_cpu
	lgdt [V2P(boot_gdt_descr)]
	jmp __KERNEL_CS:V2P(.reload_cs)
.reload_cs:
	mov eax, __KERNEL_DS
	mov ds, eax
	mov es, eax
	mov fs, eax
	mov gs, eax
	mov ss, eax

	; 1. .bss may hold anything the loader left there.
	extern __bss_start, __bss_stop
	mov ebx, edi
	mov edi, V2P(__bss_start)
	mov ecx, V2P(__bss_stop)
	sub ecx, edi
	shr ecx, 2
	xor eax, eax
	rep stosd
	mov edi, ebx

	; 2. boot_pg_dir: identity 0-4 MiB, and 896 MiB at PAGE_OFFSET.
	mov edx, V2P(boot_pg_dir)
	mov dword [edx], PDE_4M_KERNEL	; PDE 0 -> physical 0
	xor ecx, ecx
.map_lowmem:
	mov eax, ecx
	shl eax, 22			; physical base of this 4 MiB page
	or eax, PDE_4M_KERNEL
	mov [edx + (KERNEL_PDE * 4) + ecx * 4], eax
	inc ecx
	cmp ecx, LOWMEM_PDES
	jb .map_lowmem

	; 3. paging on: PSE first, then CR3, then CR0.PG.
	mov eax, cr4
	or eax, CR4_PSE
	mov cr4, eax
	mov cr3, edx
	mov eax, cr0
	or eax, CR0_PG | CR0_WP
	mov cr0, eax
	mov eax, .high
	jmp eax				; absolute jump into the higher half
.high:
	; 4. Process 0's stack, at its virtual address now: the top of
	; init_thread_union.  Then the GDT register, and the early IDT.
	mov esp, init_thread_union + THREAD_SIZE
	lgdt [early_gdt_descr]
	extern setup_idt
	call setup_idt
	; The identity entry was only needed to survive the jump: drop it,
	; so that a NULL pointer faults from here on.
	mov dword [boot_pg_dir], 0
	mov eax, cr3
	mov cr3, eax			; flush the TLB
	xor ebp, ebp			; the end of every backtrace
	push dword 0
	popfd				; a known EFLAGS: IF, DF, NT clear

	; 5. start_kernel(magic, info): cdecl, arguments on the stack.
	extern start_kernel
	push edi
	push esi
	call start_kernel
	ud2				; start_kernel never returns
.end:
