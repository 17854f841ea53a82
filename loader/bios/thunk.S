/* bios_int(n, regs): calls BIOS interrupt n from 32-bit protected mode.
 *
 * Protected -> real: copy *regs into the register block below 1 MiB, far-jump to the 16-bit
 * code selector (base = the setup's segment), load 16-bit data selectors (64 KiB limits, so
 * the hidden segment state is real-mode-like), clear CR0.PE, far-jump to S:offset, load the
 * real-mode IVT (IDTR base 0, limit 0x3FF), load the block's segment and general registers,
 * INT n (its immediate byte is patched per call) with interrupts enabled; then store the
 * registers and flags back, reload the GDT, set CR0.PE and far-jump to 32-bit code, which
 * restores its stack and copies the block back to *regs.
 * Block layout = struct bios_regs (bios.h): eax ebx ecx edx esi edi ebp eflags (4 bytes
 * each, offsets 0..28), ds es (2 bytes each, 32 and 34). */
#include "layout.h"

#define R_EAX 0
#define R_EBX 4
#define R_ECX 8
#define R_EDX 12
#define R_ESI 16
#define R_EDI 20
#define R_EBP 24
#define R_EFLAGS 28
#define R_DS 32
#define R_ES 34
#define R_SIZE 36

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
	xorw %ax, %ax
	movw %ax, %fs
	movw %ax, %gs
	lidtl %cs:rm_idtr
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
	movl %cs:rm_block + R_EBP, %ebp
	sti
	.byte 0xCD			/* int $n */
	.globl rm_int_number
rm_int_number:	.byte 0
	cli
	cld
	movl %eax, %cs:rm_block + R_EAX
	movl %ebx, %cs:rm_block + R_EBX
	movl %ecx, %cs:rm_block + R_ECX
	movl %edx, %cs:rm_block + R_EDX
	movl %esi, %cs:rm_block + R_ESI
	movl %edi, %cs:rm_block + R_EDI
	movl %ebp, %cs:rm_block + R_EBP
	pushfl
	popl %cs:rm_block + R_EFLAGS
	movw %ds, %cs:rm_block + R_DS
	movw %es, %cs:rm_block + R_ES
	lgdtl %cs:gdtr
	movl %cr0, %eax
	orl $1, %eax
	movl %eax, %cr0
	.byte 0x66, 0xEA		/* ljmpl $GDT_CODE32, $pm_return */
	.long pm_return
	.word GDT_CODE32

rm_idtr:	.word 0x3FF
	.long 0
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
	.globl bios_int
bios_int:				/* void bios_int(int n, struct bios_regs *regs) */
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
