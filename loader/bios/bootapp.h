#pragma once
/* The BIOS boot-application interface, C side: the register block of the BIOS-call callback
 * and the parameter block a BIOS bootmgr.exe is entered with.  BootCore builds and reads the
 * parameter block (Sources/BootCore/Bios/BootAppParameters.swift); C only passes addresses and
 * runs the callbacks.  Tests/BootCoreTests/BiosBootAppHeaderTests.swift checks every BOOTAPP_
 * and BIOSREGS_ #define below against the Swift layout; the _Static_asserts check the structs
 * against the #defines.  docs/bios-boot.md cites the sources of the layout. */
#include <stdint.h>
#include <stddef.h>

/* Register block (BiosCallRegisters): 0x40 bytes; vector is the interrupt number for
 * call_interrupt, offset:segment (offset in the low 16 bits) for call_real. */
#define BIOSREGS_VECTOR 0x00
#define BIOSREGS_EAX 0x04
#define BIOSREGS_EBX 0x08
#define BIOSREGS_ECX 0x0C
#define BIOSREGS_EDX 0x10
#define BIOSREGS_ESI 0x1C
#define BIOSREGS_EDI 0x20
#define BIOSREGS_DS 0x28
#define BIOSREGS_ES 0x30
#define BIOSREGS_FS 0x34
#define BIOSREGS_GS 0x38
#define BIOSREGS_EFLAGS 0x3C
#define BIOSREGS_SIZE 0x40
#define BIOSREGS_CF 0x01

struct bios_regs {
	uint32_t vector;
	uint32_t eax, ebx, ecx, edx;
	uint32_t unused_esp, unused_ebp;
	uint32_t esi, edi;
	uint32_t unused_cs;
	uint32_t ds;
	uint32_t unused_ss;
	uint32_t es, fs, gs;
	uint32_t eflags;
} __attribute__((packed));

/* The two callbacks bootmgr.exe calls (32-bit, cdecl, in flat protected mode). */
typedef void (*bios_call_fn)(struct bios_regs *regs);
struct bootapp_functions {
	uint32_t call_interrupt;  /* address of a bios_call_fn: run INT regs->vector */
	uint32_t call_real;       /* address of a bios_call_fn: far-call regs->vector (seg:off) */
} __attribute__((packed));
/* What the firmware parameters point at. */
struct bootapp_callback {
	uint32_t functions;       /* address of struct bootapp_functions */
	uint32_t drive;           /* BIOS drive number of the boot disk */
} __attribute__((packed));

/* Parameter block header. */
#define BOOTAPP_SIGNATURE "BOOT APP"
#define BOOTAPP_VERSION 2
#define BOOTAPP_MACHINE_I386 0x014C
#define BOOTAPP_HDR_VERSION 0x08
#define BOOTAPP_HDR_SIZE 0x0C
#define BOOTAPP_HDR_MACHINE 0x10
#define BOOTAPP_HDR_TRANSLATION 0x14
#define BOOTAPP_HDR_IMAGE_BASE 0x18
#define BOOTAPP_HDR_IMAGE_SIZE 0x20
#define BOOTAPP_HDR_MEMORY_DATA 0x24
#define BOOTAPP_HDR_APP_ENTRY 0x28
#define BOOTAPP_HDR_BOOT_DEVICE 0x2C
#define BOOTAPP_HDR_FIRMWARE 0x30
#define BOOTAPP_HDR_RETURN_ARGS 0x34
#define BOOTAPP_HDR_LENGTH 0x3C
#define BOOTAPP_REGION_LENGTH 0x28
#define BOOTAPP_DEVICE_LENGTH 0x46
#define BOOTAPP_FIRMWARE_CALLBACK 0x00
#define BOOTAPP_CALLBACK_FUNCTIONS 0x00
#define BOOTAPP_CALLBACK_DRIVE 0x04
#define BOOTAPP_FUNCTIONS_CALL_INTERRUPT 0x00
#define BOOTAPP_FUNCTIONS_CALL_REAL 0x04

struct bootapp_header {
	char signature[8];
	uint32_t version;
	uint32_t size;
	uint32_t machine;
	uint32_t translation;
	uint64_t image_base;
	uint32_t image_size;
	uint32_t memory_data_offset;
	uint32_t app_entry_offset;
	uint32_t boot_device_offset;
	uint32_t firmware_offset;
	uint32_t return_arguments_offset;
	uint32_t reserved;
} __attribute__((packed));

/* The application's entry point: cdecl, the block's address as its one argument. */
typedef void (*bootapp_entry_fn)(struct bootapp_header *params);

_Static_assert(sizeof(struct bios_regs) == BIOSREGS_SIZE, "register block size");
_Static_assert(offsetof(struct bios_regs, eax) == BIOSREGS_EAX, "eax");
_Static_assert(offsetof(struct bios_regs, edx) == BIOSREGS_EDX, "edx");
_Static_assert(offsetof(struct bios_regs, esi) == BIOSREGS_ESI, "esi");
_Static_assert(offsetof(struct bios_regs, edi) == BIOSREGS_EDI, "edi");
_Static_assert(offsetof(struct bios_regs, ds) == BIOSREGS_DS, "ds");
_Static_assert(offsetof(struct bios_regs, es) == BIOSREGS_ES, "es");
_Static_assert(offsetof(struct bios_regs, gs) == BIOSREGS_GS, "gs");
_Static_assert(offsetof(struct bios_regs, eflags) == BIOSREGS_EFLAGS, "eflags");
_Static_assert(sizeof(struct bootapp_header) == BOOTAPP_HDR_LENGTH, "header size");
_Static_assert(offsetof(struct bootapp_header, size) == BOOTAPP_HDR_SIZE, "size");
_Static_assert(offsetof(struct bootapp_header, image_base) == BOOTAPP_HDR_IMAGE_BASE, "image base");
_Static_assert(offsetof(struct bootapp_header, memory_data_offset) == BOOTAPP_HDR_MEMORY_DATA, "memory data");
_Static_assert(offsetof(struct bootapp_header, boot_device_offset) == BOOTAPP_HDR_BOOT_DEVICE, "boot device");
_Static_assert(offsetof(struct bootapp_header, firmware_offset) == BOOTAPP_HDR_FIRMWARE, "firmware");
_Static_assert(offsetof(struct bootapp_header, return_arguments_offset) == BOOTAPP_HDR_RETURN_ARGS, "return args");
_Static_assert(offsetof(struct bootapp_callback, drive) == BOOTAPP_CALLBACK_DRIVE, "drive");
_Static_assert(offsetof(struct bootapp_functions, call_real) == BOOTAPP_FUNCTIONS_CALL_REAL, "call_real");
