/* The BIOS STAND-IN boot manager (not Microsoft's): a PE32 bootmgr.exe the BIOS loader enters
 * as it would the real one (docs/bios-boot.md).  C: entry, BIOS calls through the boot
 * application callback, COM1, VGA text; BootCore (Swift, StandinBiosBridge.swift) reads the
 * parameter block, the FAT file system on the emulated drive and the BCD. */
#pragma once
#include <stdint.h>
#include <stddef.h>
#include "../bios/bootapp.h"

/* bioscall.c: the loader's callback, the drive, low memory. */
void bios_int(uint8_t vector, struct bios_regs *r);
int bios_init(uint32_t callback_address);       /* 0 when the callback block looks usable */
extern uint32_t bios_drive;                     /* from the callback block, or probed */
extern uint32_t bounce;                         /* 64 KiB of conventional memory for BIOS buffers */
uint32_t bios_low_kib(void);                    /* INT 12h */
int bios_e820(uint8_t *entries, uint32_t room, uint32_t *count);   /* 20 bytes each */
int32_t sb_disk_read(uint64_t lba, uint32_t count, void *buffer);  /* INT 13h AH=42h, 0 = ok */
int bios_chs_read_lba0(void *buffer);           /* INT 13h AH=08h then AH=02h, 0 = ok */

/* vga.c: the text screen at 0xB8000 (80x25 cells: character, attribute). */
void vga_clear(void);
void vga_put(unsigned column, unsigned row, uint8_t attribute, const char *text, unsigned length);

/* rt.c */
void heap_init(uintptr_t start, uintptr_t end);
void *memcpy(void *d, const void *s, size_t n);
void *memset(void *d, int c, size_t n);
void halt(void) __attribute__((noreturn));

/* serial.c, crc32.c (loader/common, compiled for i386). */
void serial_puts(const char *s);
void serial_printf(const char *fmt, ...);
uint32_t crc32_update(uint32_t crc, const void *data, uint32_t len);

/* StandinBiosBridge.swift */
int32_t sb_params(const uint8_t *block, uint32_t size, uint32_t *out);   /* out[8], see the bridge */
void sb_region(uint32_t index, uint32_t *out);   /* start, pages, type */
uint32_t sb_low_buffer(uint32_t low_kib);
int32_t sb_heap(const uint8_t *entries, uint32_t count, uint32_t image_start, uint32_t image_end, uint32_t *out);
int32_t sb_mount(uint32_t *out);
int32_t sb_file(const char *path, uint32_t length, uint64_t *size, uint32_t *crc, int32_t keep);
void sb_kept_counts(uint32_t *exe, uint32_t *efi);
int32_t sb_kept_follow(void);
int32_t sb_exists(const char *path, uint32_t length);
int32_t sb_wim_open(const char *path, uint32_t length, uint64_t *size);
int32_t sb_wim_read(uint64_t offset, void *buffer, uint64_t length);
/* loader/standin/StandinBridge.swift and StandinWim.swift (shared with the UEFI stand-in). */
int32_t standin_bcd_flags(void);
void standin_bcd_text(int32_t field, char *buffer, size_t capacity);
int32_t standin_wim_lookup(uint64_t size, const char *path, size_t length);
int32_t standin_wim_file(uint64_t size, const char *path, size_t length, uint64_t *file_size, uint32_t *crc);
enum { BCD_DEVICE = 1, BCD_RAMDISK = 2, BCD_WIM_ON_BOOT = 4, BCD_SDI_ON_BOOT = 8, BCD_SDI_PATH = 16 };
enum { BCD_ENTRY, BCD_WIM, BCD_SDI, BCD_PATH, BCD_WHY };
