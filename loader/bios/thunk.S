/* bios_int(n, regs) and bios_call(regs): a BIOS interrupt, or a far call to a real-mode
 * function, from 32-bit protected mode.
 *
 * Protected -> real: copy *regs into the register block below 1 MiB, far-jump to the 16-bit
 * code selector (base = the setup's segment), load 16-bit data selectors (64 KiB limits, so
 * the hidden segment state is real-mode-like), clear CR0.PE, far-jump to S:offset, load the
 * real-mode IVT (IDTR base 0, limit 0x3FF), load the block's segment and general registers,
 * then INT n (its immediate byte is patched per call) or a far call through the block's vector
 * (offset in the low 16 bits, segment in the high), with interrupts enabled; then store the
 * registers and flags back, reload the GDT, set CR0.PE and far-jump to 32-bit code, which
 * restores its stack and copies the block back to *regs.
 * The block is the boot application callback's (bootapp.h struct bios_regs, 0x40 bytes), so
 * bootmgr.exe's calls pass through unchanged. The IDTR is left at the IVT: the caller
 * (callback.S) restores its own. */
#include "layout.h"

#define R_VECTOR 0x00
#define R_EAX 0x04
#define R_EBX 0x08
#define R_ECX 0x0C
#define R_EDX 0x10
#define R_ESI 0x1C
#define R_EDI 0x20
#define R_DS 0x28
#define R_ES 0x30
#define R_FS 0x34
#define R_GS 0x38
#define R_EFLAGS 0x3C
#define R_SIZE 0x40

	.section .setup, "awx"
	.code16
rm_thunk:
	movw $GDT_DATA16, %ax
	movw %ax, %ds
	movw %ax, %es
	movw %ax, %fs
	movw %ax, %gs
	movw %ax, %ss
	movl %cr0, %eax
	andl $~1, %eax
	movl %eax, %cr0
	.byte 0xEA			/* ljmp S:rm_real (S patched by header.S) */
	.word rm_real
	.globl rm_far_segment
rm_far_segment:	.word 0
rm_real:
	movw %cs, %ax
	movw %ax, %ss
	movw $rm_stack_top, %sp
	lidtl %cs:rm_idtr
	movw %cs:rm_block + R_FS, %ax
	movw %ax, %fs
	movw %cs:rm_block + R_GS, %ax
	movw %ax, %gs
	movw %cs:rm_block + R_ES, %ax
	movw %ax, %es
	movw %cs:rm_block + R_DS, %ax
	movw %ax, %ds
	movl %cs:rm_block + R_EAX, %eax
	movl %cs:rm_block + R_EBX, %ebx
	movl %cs:rm_block + R_ECX, %ecx
	movl %cs:rm_block + R_EDX, %edx
	movl %cs:rm_block + R_ESI, %esi
	movl %cs:rm_block + R_EDI, %edi
	sti
	testb $1, %cs:rm_far
	jnz 1f
	.byte 0xCD			/* int $n */
	.globl rm_int_number
rm_int_number:	.byte 0
	jmp 2f
1:	lcallw *%cs:rm_block + R_VECTOR
2:	cli
	cld
	movl %eax, %cs:rm_block + R_EAX
	movl %ebx, %cs:rm_block + R_EBX
	movl %ecx, %cs:rm_block + R_ECX
	movl %edx, %cs:rm_block + R_EDX
	movl %esi, %cs:rm_block + R_ESI
	movl %edi, %cs:rm_block + R_EDI
	pushfl
	popl %cs:rm_block + R_EFLAGS
	movw %ds, %cs:rm_block + R_DS
	movw %es, %cs:rm_block + R_ES
	movw %fs, %cs:rm_block + R_FS
	movw %gs, %cs:rm_block + R_GS
	lgdtl %cs:gdtr
	movl %cr0, %eax
	orl $1, %eax
	movl %eax, %cr0
	.byte 0x66, 0xEA		/* ljmpl $GDT_CODE32, $pm_return */
	.long pm_return
	.word GDT_CODE32

rm_idtr:	.word 0x3FF
	.long 0
rm_far:	.byte 0			/* 1: far call (bios_call), 0: INT n (bios_int) */
	.balign 4
	.globl rm_block
rm_block:	.space R_SIZE
	.balign 16
	.globl rm_bounce
rm_bounce:	.space RM_BOUNCE_SIZE	/* a buffer below 1 MiB for BIOS calls (memmap.c) */
	.balign 16
	.space RM_STACK_SIZE
	.globl rm_stack_top
rm_stack_top:

	.text
	.code32
	.globl bios_int, bios_call
bios_call:				/* void bios_call(struct bios_regs *regs) */
	movl bios_setup_base, %eax
	movb $1, rm_far(%eax)
	movl 4(%esp), %eax
	pushl %eax
	pushl $0
	call thunk
	addl $8, %esp
	ret
bios_int:				/* void bios_int(int n, struct bios_regs *regs) */
	movl bios_setup_base, %eax
	movb $0, rm_far(%eax)
thunk:
	pushl %ebp
	pushl %ebx
	pushl %esi
	pushl %edi
	movl bios_setup_base, %ebx
	movl 20(%esp), %eax
	movb %al, rm_int_number(%ebx)
	movl 24(%esp), %esi
	leal rm_block(%ebx), %edi
	movl $R_SIZE / 4, %ecx
	rep movsl
	movl %esp, saved_esp
	ljmp $GDT_CODE16, $rm_thunk
pm_return:
	movw $GDT_DATA32, %ax
	movw %ax, %ds
	movw %ax, %es
	movw %ax, %fs
	movw %ax, %gs
	movw %ax, %ss
	movl saved_esp, %esp
	cld
	movl bios_setup_base, %ebx
	leal rm_block(%ebx), %esi
	movl 24(%esp), %edi
	movl $R_SIZE / 4, %ecx
	rep movsl
	popl %edi
	popl %esi
	popl %ebx
	popl %ebp
	ret

	.bss
	.balign 4
saved_esp:	.long 0
	.globl bios_setup_base
bios_setup_base:	.long 0
	.section .note.GNU-stack,"",@progbits
