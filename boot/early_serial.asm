; SPDX-License-Identifier: GPL-2.0
;
; boot/early_serial.asm - COM1 output for the kernel's first instructions.
;
; Linux 2.6: arch/x86/kernel/early_printk.c (early_serial_init(),
; early_serial_write()).
; Two callers need the serial port before drivers/serial.c is set up:
; check_cpu (boot/cpucheck.asm), which runs before paging at the kernel's
; physical address, on a CPU that may not even be an i686; and the early
; exception handler (boot/early_idt.asm, arch/x86/early_exception.c),
; which may run at any moment until trap_init().  So this is assembly
; that only a 386 needs, keeps no state (nothing in .bss, which may not
; be cleared yet), and is position-independent: calls are relative, and
; the caller passes the string's address as it can reach it (V2P(msg)
; before paging).  Output polls the transmit-holding-register-empty bit;
; a machine without COM1 reads 0xFF there, so nothing waits forever.
; Registers: the National Semiconductor PC16550D datasheet, as in
; drivers/serial.c, which programs the same 115200 8N1 for the console.

COM1_BASE	equ 0x3F8
UART_TX		equ 0		; transmit holding (write, DLAB=0)
UART_DLL	equ 0		; divisor latch low (DLAB=1)
UART_IER	equ 1		; interrupt enable (DLAB=0)
UART_DLM	equ 1		; divisor latch high (DLAB=1)
UART_FCR	equ 2		; FIFO control (write)
UART_FCR_ENABLE	equ 0x01	; FIFOs on
UART_LCR	equ 3		; line control
UART_LCR_WLEN8	equ 0x03	; 8 data bits, 1 stop bit, no parity
UART_LCR_DLAB	equ 0x80	; divisor latch access
UART_MCR	equ 4		; modem control
UART_MCR_DTR	equ 0x01
UART_MCR_RTS	equ 0x02
UART_LSR	equ 5		; line status
UART_LSR_THRE	equ 0x20	; transmit holding register empty
EARLY_DIVISOR	equ 1		; 115200 baud: the base clock / 16

section .note.GNU-stack noalloc noexec nowrite progbits

section .text

%macro UART_OUT 2		; register, value (clobbers al, dx)
	mov dx, COM1_BASE + %1
	mov al, %2
	out dx, al
%endmacro

; void early_serial_init(void) - program COM1 for 115200 8N1, polled.
; Interrupts stay off at the UART (IER 0) and at the PIC (no OUT2); the
; FIFOs are enabled but not cleared, so bytes the console already queued
; still go out when an early exception re-programs the port.
; Clobbers eax, edx (cdecl).
global early_serial_init:function (early_serial_init.end - early_serial_init)
early_serial_init:
	UART_OUT UART_IER, 0
	UART_OUT UART_LCR, UART_LCR_DLAB
	UART_OUT UART_DLL, EARLY_DIVISOR & 0xFF
	UART_OUT UART_DLM, EARLY_DIVISOR >> 8
	UART_OUT UART_LCR, UART_LCR_WLEN8
	UART_OUT UART_FCR, UART_FCR_ENABLE
	UART_OUT UART_MCR, UART_MCR_DTR | UART_MCR_RTS
	ret
.end:

; void early_serial_write(const char *s) - send a NUL-terminated string,
; each "\n" as "\r\n" (terminals want CR LF).  Clobbers eax, ecx, edx.
global early_serial_write:function (early_serial_write.end - early_serial_write)
early_serial_write:
	mov ecx, [esp + 4]
.next:
	mov al, [ecx]
	test al, al
	jz .done
	cmp al, 10
	jne .put
	mov al, 13
	call early_serial_putc
	mov al, 10
.put:
	call early_serial_putc
	inc ecx
	jmp .next
.done:
	ret
.end:

; early_serial_putc - send the byte in al once the UART can take it.
; Keeps eax; clobbers edx.
early_serial_putc:
	push eax
	mov dx, COM1_BASE + UART_LSR
.wait:
	in al, dx
	test al, UART_LSR_THRE
	jz .wait
	pop eax
	mov dx, COM1_BASE + UART_TX
	out dx, al
	ret
