; SPDX-License-Identifier: GPL-2.0
;
; user/lib/sigreturn.asm - the restorers: where a signal handler returns
; to, so that the kernel can put back the interrupted registers.
;
; Linux 2.6 + a C library: glibc's __restore and __restore_rt
; (sysdeps/unix/sysv/linux/i386/sigaction.c); the frames they find are
; built by arch/x86/signal.c (kt26) or arch/i386/kernel/signal.c (Linux).
; sigaction() (user/lib/signal.c) gives one of them to the kernel as
; sa_restorer; the handler's `ret' jumps to it.  The instructions are
; glibc's byte for byte, which is how GDB recognises a signal frame when
; it unwinds through one.

section .text

; __restore - after a handler without SA_SIGINFO.
; In: esp at the signal number the kernel pushed above the sigcontext.
global __restore:function (__restore.end - __restore)
__restore:
	pop eax				; the signal number: esp at the frame
	mov eax, 119			; __NR_sigreturn
	int 0x80
.end:

; __restore_rt - after an SA_SIGINFO handler.
; In: esp at the signal number, then &info, &uc, info, uc.
global __restore_rt:function (__restore_rt.end - __restore_rt)
__restore_rt:
	mov eax, 173			; __NR_rt_sigreturn
	int 0x80
.end:

section .note.GNU-stack noalloc noexec nowrite progbits
