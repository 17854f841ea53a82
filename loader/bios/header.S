/* The bzImage header (Linux x86 boot protocol 2.06) and the real-mode entry.
 *
 * A boot program (iPXE `kernel`, SYSLINUX linux.c32, GRUB linux16, QEMU -kernel) loads the
 * first (setup_sects + 1) * 512 bytes of the file (section .setup, linked at 0) at some
 * segment S below 1 MiB, the rest (the 32-bit part, LOADED_HIGH) at 0x100000, fills in
 * ramdisk_image/ramdisk_size/cmd_line_ptr, and jumps to S+0x20:0000 (offset 0x200, the jump
 * below) with DS = ES = SS = S.  This code moves to CS = S, builds the GDT's 16-bit
 * descriptors for the thunk (thunk.S) with base S*16, enters 32-bit flat protected mode and
 * jumps to pm_entry with ESI = S*16 (where the header can be read back).
 * Field offsets are the protocol's: 0x1F1 setup_sects ... 0x238 cmdline_size. */
#include "layout.h"

	.section .setup.header, "awx"
	.code16
	.globl setup_start
setup_start:
	/* Started as a boot sector (it is not one): hand back to the BIOS (INT 18h). */
	int $0x18

	.org 0x1F1
hdr_setup_sects:	.byte setup_sects		/* 0x1F1: setup sectors after the first (bios.lds) */
hdr_root_flags:		.word 0				/* 0x1F2 */
hdr_syssize:		.long pm_paragraphs		/* 0x1F4: the 32-bit part in 16-byte units */
hdr_ram_size:		.word 0				/* 0x1F8 */
hdr_vid_mode:		.word 0xFFFF			/* 0x1FA: "normal" */
hdr_root_dev:		.word 0				/* 0x1FC */
hdr_boot_flag:		.word 0xAA55			/* 0x1FE */
	/* 0x200: the entry (a two-byte short jump over the rest of the header). */
	.byte 0xEB, rm_entry - 1f
1:	.ascii "HdrS"					/* 0x202 */
hdr_version:		.word 0x0206			/* 0x206 */
hdr_realmode_swtch:	.long 0				/* 0x208 */
hdr_start_sys_seg:	.word 0x1000			/* 0x20C: obsolete */
hdr_kernel_version:	.word kernel_version - 0x200	/* 0x20E */
hdr_type_of_loader:	.byte 0				/* 0x210: written by the boot program */
hdr_loadflags:		.byte 0x01			/* 0x211: LOADED_HIGH (32-bit part at 0x100000) */
hdr_setup_move_size:	.word 0x8000			/* 0x212 */
hdr_code32_start:	.long PM_BASE			/* 0x214 */
hdr_ramdisk_image:	.long 0				/* 0x218: written by the boot program */
hdr_ramdisk_size:	.long 0				/* 0x21C: written by the boot program */
hdr_bootsect_kludge:	.long 0				/* 0x220 */
hdr_heap_end_ptr:	.word 0				/* 0x224 */
hdr_ext_loader_ver:	.byte 0				/* 0x226 */
hdr_ext_loader_type:	.byte 0				/* 0x227 */
hdr_cmd_line_ptr:	.long 0				/* 0x228: written by the boot program */
hdr_initrd_addr_max:	.long INITRD_ADDR_MAX		/* 0x22C: the initrd's last byte may be here */
hdr_kernel_alignment:	.long 0x1000			/* 0x230 */
hdr_relocatable:	.byte 0				/* 0x234: loaded at code32_start only */
hdr_min_alignment:	.byte 0				/* 0x235 */
hdr_xloadflags:		.word 0				/* 0x236 */
hdr_cmdline_size:	.long CMDLINE_MAX - 1		/* 0x238 */

kernel_version:
	.asciz "bcd loader (BIOS, not Linux)"

rm_entry:
	cli
	cld
	movw %cs, %ax
	subw $0x20, %ax			/* S: entered at S+0x20:0 */
	pushw %ax
	pushw $2f
	lret				/* now CS = S, IP = offsets of this file */
2:	movw %ax, %ds
	movw %ax, %es
	movw %ax, %ss
	movw $rm_stack_top, %sp
	movzwl %ax, %eax
	shll $4, %eax			/* S*16: the setup's linear base */
	movl %eax, rm_setup_base
	/* The 16-bit descriptors' base bits 0..23 (bytes 2..4; below 1 MiB byte 7 stays 0). */
	movw %ax, gdt + GDT_CODE16 + 2
	movw %ax, gdt + GDT_DATA16 + 2
	movl %eax, %edx
	shrl $16, %edx
	movb %dl, gdt + GDT_CODE16 + 4
	movb %dl, gdt + GDT_DATA16 + 4
	addl $gdt, %eax
	movl %eax, gdtr + 2		/* the GDT's linear address */
	movw %ds, rm_far_segment	/* thunk.S's jump back to real mode */
	lgdtl gdtr
	movl rm_setup_base, %esi
	movl %cr0, %eax
	orl $1, %eax
	movl %eax, %cr0
	/* ljmpl $GDT_CODE32, $pm_entry (a 32-bit offset in 16-bit code) */
	.byte 0x66, 0xEA
	.long pm_entry
	.word GDT_CODE32

/* GDT: flat 32-bit code and data (4 GiB), 16-bit code and data at the setup (64 KiB). */
	.balign 8
	.globl gdt
gdt:
	.quad 0
	.quad 0x00CF9A000000FFFF	/* GDT_CODE32 */
	.quad 0x00CF92000000FFFF	/* GDT_DATA32 */
	.quad 0x00009A000000FFFF	/* GDT_CODE16, base patched */
	.quad 0x000092000000FFFF	/* GDT_DATA16, base patched */
gdt_end:
	.globl gdtr
gdtr:	.word gdt_end - gdt - 1
	.long 0				/* patched: linear address of gdt */
	.globl rm_setup_base
rm_setup_base:	.long 0

/* The 32-bit entry: flat segments, own stack, .bss zeroed, bios_main(setup base). */
	.section .text.entry, "ax"
	.code32
	.globl pm_entry
pm_entry:
	movw $GDT_DATA32, %ax
	movw %ax, %ds
	movw %ax, %es
	movw %ax, %fs
	movw %ax, %gs
	movw %ax, %ss
	movl $pm_stack_top, %esp
	cld
	movl $__bss_start, %edi
	movl $__bss_end, %ecx
	subl %edi, %ecx
	xorl %eax, %eax
	rep stosb
	movl $pm_stack_top, %esp
	movl %esi, bios_setup_base
	pushl %esi
	call bios_main
3:	cli
	hlt
	jmp 3b

	.section .bss.stack, "aw", @nobits
	.balign 16
	.space PM_STACK_SIZE
pm_stack_top:
	.section .note.GNU-stack,"",@progbits
