/* The two callbacks bootmgr.exe is given (bootapp.h struct bootapp_functions): 32-bit cdecl,
 * one argument, the address of a register block. bootmgr.exe calls them in flat protected
 * mode with its own GDT and IDT loaded, so each one saves the caller's GDTR, IDTR and segment
 * registers, loads the loader's GDT (header.S; the thunk's 16-bit selectors are there), runs
 * the C dispatcher (callback.c), and restores the caller's tables and segments. */
#include "layout.h"

	.text
	.code32
	.globl bootapp_call_interrupt, bootapp_call_real
bootapp_call_interrupt:
	movl $callback_interrupt, %eax
	jmp 1f
bootapp_call_real:
	movl $callback_real, %eax
1:	pushl %ebp
	movl %esp, %ebp
	pushfl
	cli
	pushal
	pushl %ds
	pushl %es
	pushl %fs
	pushl %gs
	subl $16, %esp
	sgdt (%esp)			/* the caller's GDTR at 0(%esp), IDTR at 8(%esp) */
	sidt 8(%esp)
	movl %cs, %ecx
	pushl %ecx			/* the caller's CS */
	movl %ss, %ecx
	pushl %ecx			/* the caller's SS (flat: ESP stays valid) */
	movl bios_setup_base, %ecx
	lgdt gdtr(%ecx)
	ljmp $GDT_CODE32, $2f
2:	movw $GDT_DATA32, %cx
	movw %cx, %ds
	movw %cx, %es
	movw %cx, %fs
	movw %cx, %gs
	movw %cx, %ss
	pushl 8(%ebp)			/* the register block */
	call *%eax
	addl $4, %esp
	popl %ecx			/* SS */
	popl %edx			/* CS */
	lgdt (%esp)
	lidt 8(%esp)
	movw %cx, %ss
	pushl %edx
	pushl $3f
	lret				/* reload the caller's CS */
3:	addl $16, %esp
	popl %gs
	popl %fs
	popl %es
	popl %ds
	popal
	popfl
	popl %ebp
	ret
	.section .note.GNU-stack,"",@progbits
