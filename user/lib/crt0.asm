; SPDX-License-Identifier: GPL-2.0
;
; user/lib/crt0.asm - _start, the first instruction every user program runs.
;
; Linux 2.6 + a C library: glibc's sysdeps/i386/start.S; the stack it
; reads is built by create_elf_tables() in fs/binfmt_elf.c.  The kernel's
; execve jumps here (the ELF entry point) in ring 3 with only a stack:
;
;	esp ->	argc
;		argv[0] ... argv[argc - 1], NULL
;		envp[0] ... NULL
;
; _start passes them to main(argc, argv, envp) and hands main's return
; value to exit(), so that returning from main ends the process.  Next:
; the program's main(); exit() is in user/lib/stdlib.c.

section .text

extern main
extern exit
extern environ

; void _start(void) - never returns.
; In: esp as above; every other register is whatever the kernel left.
global _start:function (_start.end - _start)
_start:
	xor ebp, ebp			; no caller: GDB's backtrace ends here
	mov eax, [esp]			; argc
	lea ebx, [esp + 4]		; argv
	lea ecx, [ebx + eax * 4 + 4]	; envp: just past argv's NULL
	mov [environ], ecx
	; gcc assumes a 16-byte aligned esp at every call (i386 psABI);
	; the kernel promises nothing, so align it here once.
	and esp, -16
	sub esp, 4			; 4 + 3 arguments = 16 bytes
	push ecx
	push ebx
	push eax
	call main
	mov [esp], eax			; main's value becomes exit's argument
	call exit
	ud2				; exit() does not return
.end:

section .note.GNU-stack noalloc noexec nowrite progbits
