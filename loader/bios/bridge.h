/* The Swift side as the BIOS loader's C sees it: the UEFI loader's bridge functions
 * (swift/ Bridge, InjectBridge, RulesBridge, WimBridge: the same code; declared in src/bridge.h with UEFI types) and bios/swift/.
 * On i686 Swift's Int is 32 bits (intptr_t). Results: BootCore's LoaderBridgeStatus. */
#pragma once
#include <stdint.h>
#include "../common/bridge_codes.h"

/* swift/Bridge.swift, swift/InjectBridge.swift */
void ldr_vdisk_reset(void);
int32_t ldr_vdisk_add(const uint16_t *name, intptr_t length, uint64_t size, int32_t index);
void ldr_vdisk_error(char *buffer, intptr_t capacity);
int32_t ldr_vdisk_build(int32_t raw_wim, intptr_t index);
uint64_t ldr_vdisk_disk_sectors(void);
int32_t ldr_vdisk_read(uint64_t lba, void *buffer, uint64_t length);
int32_t ldr_vdisk_patched_wim(uint64_t *size, intptr_t *image);
int32_t ldr_vdisk_injected(intptr_t n, int32_t *replaces);
int32_t ldr_vdisk_inject_problem(char *buffer, intptr_t capacity);
/* swift/RulesBridge.swift */
int32_t ldr_cmdline_parse(const uint16_t *options, uintptr_t bytes, const uint16_t *image, intptr_t image_length,
                          uint32_t *bits, intptr_t *index, uint16_t *bad, intptr_t bad_capacity);
int32_t ldr_name_reserved(const uint16_t *name, intptr_t length);
/* Implemented in C (inputs.c), called by Swift. */
int32_t ldr_file_read(int32_t index, uint64_t offset, void *buffer, uint64_t length);
const uint16_t *ldr_input_name(int32_t index, intptr_t *length);

/* bios/swift/BiosBridge.swift */
int32_t bios_cpio_parse(const void *base, uint32_t size);
int32_t bios_cpio_entry(intptr_t n, char *name, intptr_t capacity, uint32_t *offset, uint32_t *size);
int32_t bios_boot_manager_source(int32_t *input);   /* 1 supplied, 2 to extract from a bootmgr, 0 from the WIM */
int32_t bios_bootmgr_extract(const void *file, uint32_t size, void *output, uint32_t capacity,
                             uint32_t *image_size, uint32_t *offset, int32_t *format);   /* format: 1 LZNT1, 2 XCA */

/* bios/swift/HandoffBridge.swift: bootmgr.exe (PEImage), its parameter block
 * (BootAppParameters) and the E820 map it sees (BiosMemoryMap). */
int32_t bios_pe_parse(int32_t input, uint64_t size, uint32_t *image_size, uint32_t *entry);
int32_t bios_pe_load(void *buffer);
intptr_t bios_bootapp_size(intptr_t regions);
int32_t bios_bootapp_build(void *address, uint32_t image_base, uint32_t image_size, const uint32_t *starts,
                           const uint32_t *ends, intptr_t count, uint32_t drive, uint32_t call_interrupt, uint32_t call_real);
void bios_e820_add(uint64_t base, uint64_t length, uint32_t type);
void bios_e820_keep(uint64_t start, uint64_t end);
intptr_t bios_e820_build(void);
int32_t bios_e820_entry(intptr_t n, uint64_t *base, uint64_t *length, uint32_t *type);
/* bios/swift/CallbackBridge.swift: the calls the loader answers itself. */
int32_t bios_int13_start(uint8_t drive, uint8_t drive_count);
int32_t bios_callback_emulate(void *regs);   /* 1: answered (registers written back) */
uint16_t bios_conventional_kib(void);        /* INT 12h's answer from the adjusted map */
void bios_callback_after(void *regs, const void *request);   /* without gui: VESA modes hidden */
/* bios/swift/BiosBridge.swift: what to take from the WIM (LoaderBiosFiles): 1 wanted, 2 the
 * boot manager, 3 wanted if the image has it, 0 not wanted, -1 past the last. */
int32_t bios_wim_wanted(intptr_t slot, char *path, intptr_t path_capacity, char *name, intptr_t name_capacity);
/* swift/WimBridge.swift, swift/RulesBridge.swift (shared with the UEFI loader). */
int32_t ldr_wim_input(void);
int32_t ldr_wim_open(int32_t input, uint64_t size, intptr_t index);
intptr_t ldr_wim_image_count(void);
int64_t ldr_wim_file_size(const char *path, intptr_t length);
int32_t ldr_wim_file_read(const char *path, intptr_t length, void *buffer, uint64_t size);
