/* The BIOS loader's C layer: 32-bit flat protected mode, no firmware services except BIOS
 * interrupts through the thunk (thunk.S). */
#pragma once
#include <stdint.h>
#include <stddef.h>
#include <stdarg.h>
#include "layout.h"

#include "bootapp.h"

/* thunk.S: a BIOS call with the boot application callback's register block (bootapp.h). */
#define EFLAGS_CF 1u
void bios_int(int n, struct bios_regs *regs);
void bios_call(struct bios_regs *regs);   /* far call to regs->vector (segment << 16 | offset) */
extern uint32_t bios_setup_base;        /* linear address of the setup (the bzImage header) */

/* The boot protocol fields the boot program filled in (header.S offsets). */
#define HDR_TYPE_OF_LOADER 0x210
#define HDR_RAMDISK_IMAGE  0x218
#define HDR_RAMDISK_SIZE   0x21C
#define HDR_CMD_LINE_PTR   0x228
static inline uint32_t setup_u32(uint32_t off) { return *(volatile uint32_t *)(bios_setup_base + off); }
/* A byte of low memory (the BIOS data area) by its linear address. */
static inline uint8_t peek8(uint32_t a) { uint8_t v; __asm__ volatile("movb (%1), %0" : "=q"(v) : "r"(a) : "memory"); return v; }
static inline void poke8(uint32_t a, uint8_t v) { __asm__ volatile("movb %0, (%1)" :: "q"(v), "r"(a) : "memory"); }
static inline void poke16(uint32_t a, uint16_t v) { __asm__ volatile("movw %0, (%1)" :: "r"(v), "r"(a) : "memory"); }
static inline uint8_t setup_u8(uint32_t off) { return *(volatile uint8_t *)(bios_setup_base + off); }

/* setup_reloc.c: the real-mode part moved to the top of conventional memory (first thing). */
void setup_relocate(void);

/* console.c: COM1 (115200 8N1) and the BIOS screen (INT 10h teletype). */
void console_init(void);
void serial_printf(const char *fmt, ...);          /* COM1 only: the LOADER lines */
void screen_printf(const char *fmt, ...);          /* screen only */
void info(const char *fmt, ...);                   /* screen (and COM1 with the loader: prefix) */
void die(const char *fmt, ...) __attribute__((noreturn));   /* one line, then halt */
void halt(void) __attribute__((noreturn));
extern int quiet;
extern int pause_mode;                             /* 0, 1 `pause`, 2 `pause=quiet` */
void wait_key(const char *prompt);                 /* with pause_mode 1 the prompt first */

/* rt.c: memory for the Swift side, a bump heap from the end of .bss. */
void heap_init(uintptr_t start, uintptr_t end);
uintptr_t heap_used_end(void);
void *memcpy(void *d, const void *s, size_t n);
void *memset(void *d, int c, size_t n);
void *memmove(void *d, const void *s, size_t n);
size_t strlen(const char *s);
