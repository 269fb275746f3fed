; SPDX-License-Identifier: GPL-2.0
;
; boot/cpucheck.asm - check_cpu: refuse, in one line, a CPU the kernel
; cannot run on.
;
; Linux 2.6: arch/x86/boot/cpucheck.c (check_cpu(), and its message
; "This kernel requires the following features not present on the CPU").
; The kernel is compiled with gcc -march=i686, so any C function may use
; cmov, which the Pentium and older lack, and boot/head.asm maps itself
; with 4 MiB pages (CR4.PSE), which a 486 may lack: such a CPU would take
; an invalid-opcode exception long before there is anything to report
; it, and reset.  So _start calls check_cpu first, at the kernel's
; physical address (paging is off: data is reached through V2P), before
; any instruction a 386 does not have.  It asks CPUID (Intel SDM vol. 2A,
; CPUID) for every feature the kernel uses:
;   cpuid  itself: present when EFLAGS.ID can be flipped (SDM vol. 1,
;          "Identification of Earlier IA-32 Processors")
;   pse    4 MiB pages: boot_pg_dir (boot/head.asm) and CR4, which every
;          CPU with PSE has
;   tsc    rdtsc: arch/x86/tsc.c, sched_clock()
;   cmov   cmovcc: anywhere in gcc's -march=i686 code, the user programs'
;          included
; Nothing else: -mgeneral-regs-only keeps the x87, MMX and SSE (fxsr) out
; of the kernel, and nothing uses cmpxchg8b (cx8), global pages (pge),
; sysenter (sep) or MSRs.  A CPU that lacks one gets one line on COM1
; naming them all, QEMU ends with the panic status (isa-debug-exit; on
; real hardware the port write does nothing), and the CPU halts for good:
; running on would crash at a place that says nothing about why.
; Next: back to _start (boot/head.asm).

%include "asm-offsets.inc"

%define V2P(x)		((x) - PAGE_OFFSET)

X86_EFLAGS_ID		equ 1 << 21	; writable only if cpuid exists
; CPUID leaf 1, EDX: the feature flags (SDM vol. 2A, CPUID, table 3-11)
X86_FEATURE_PSE		equ 1 << 3
X86_FEATURE_TSC		equ 1 << 4
X86_FEATURE_CMOV	equ 1 << 15

section .note.GNU-stack noalloc noexec nowrite progbits

section .rodata
msg_lacks:	db "kt26: this CPU lacks:", 0
msg_cpuid:	db " cpuid", 0
msg_needs:	db " (the kernel needs an i686-class CPU)", 10, 0
name_pse:	db " pse", 0
name_tsc:	db " tsc", 0
name_cmov:	db " cmov", 0

; Every required feature, in the order the message names them: the
; CPUID bit, and the physical address of its name.  The check reads
; only this table: a feature added here is checked and named.
align 4
required_features:
	dd X86_FEATURE_PSE, V2P(name_pse)
	dd X86_FEATURE_TSC, V2P(name_tsc)
	dd X86_FEATURE_CMOV, V2P(name_cmov)
.end:

section .text

extern early_serial_init, early_serial_write

; void check_cpu(void) - return if this CPU has every required feature;
; otherwise say which it lacks, end QEMU with EXIT_PANIC and halt.
; Context: _start, paging off, running at the physical address, on a
; stack; keeps ebx, esi, edi, ebp (cdecl).
global check_cpu:function (check_cpu.end - check_cpu)
check_cpu:
	push ebx
	push esi
	push edi

	; 1. Try to flip EFLAGS.ID; a CPU without cpuid keeps it as it was.
	pushfd
	pop eax
	mov ecx, eax
	xor eax, X86_EFLAGS_ID
	push eax
	popfd
	pushfd
	pop eax
.flags_read:				; eax: EFLAGS after the attempt
	push ecx
	popfd				; the flags as they were
	xor eax, ecx
	test eax, X86_EFLAGS_ID
	jz .no_cpuid

	; 2. The feature flags of leaf 1, or none if the CPU has no leaf 1.
	xor eax, eax
	cpuid				; eax: the highest leaf
	xor edx, edx
	cmp eax, 1
	jb .features
	mov eax, 1
	cpuid
.features:
	mov ebx, edx

	; 3. Walk the table; the first missing feature starts the line,
	; every one adds its name.
	xor edi, edi			; features missing so far
	mov esi, V2P(required_features)
.next_feature:
	test ebx, [esi]
	jnz .present
	test edi, edi
	jnz .name
	call early_serial_init
	push V2P(msg_lacks)
	call early_serial_write
	add esp, 4
.name:
	inc edi
	push dword [esi + 4]
	call early_serial_write
	add esp, 4
.present:
	add esi, 8
	cmp esi, V2P(required_features.end)
	jb .next_feature
	test edi, edi
	jnz .refuse
	pop edi
	pop esi
	pop ebx
	ret

.no_cpuid:
	call early_serial_init
	push V2P(msg_lacks)
	call early_serial_write
	push V2P(msg_cpuid)
	call early_serial_write		; (the arguments stay: no return)

.refuse:
	push V2P(msg_needs)
	call early_serial_write
	mov al, EXIT_PANIC
	out QEMU_DEBUG_EXIT_PORT, al
	cli
.halt:
	hlt				; only an NMI wakes it: halt again
	jmp .halt
.end:
