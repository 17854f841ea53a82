/* Constants shared by the assembly and C of the BIOS loader. */
#pragma once
#define PM_BASE         0x100000     /* the 32-bit part's load (and link) address */
#define INITRD_ADDR_MAX 0x7FFFFFFF   /* the initrd must end below 2 GiB (32-bit pointers) */
#define CMDLINE_MAX     4096
#define PM_STACK_SIZE   0x10000
#define RM_STACK_SIZE   0x1000   /* BIOS services run on the caller's stack: some use much of it */
#define RM_BOUNCE_SIZE  0x200
/* GDT selectors (header.S) */
#define GDT_CODE32 0x08
#define GDT_DATA32 0x10
#define GDT_CODE16 0x18
#define GDT_DATA16 0x20
