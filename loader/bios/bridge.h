/* The Swift side as the BIOS loader's C sees it: the UEFI loader's bridge functions
 * (swift/ Bridge, InjectBridge, RulesBridge, WimBridge: the same code; declared in src/bridge.h with UEFI types) and bios/swift/.
 * On i686 Swift's Int is 32 bits (intptr_t). Results: BootCore's LoaderBridgeStatus. */
#pragma once
#include <stdint.h>
#define LDR_OK 0
#define LDR_E_FILE_TOO_LARGE 1
#define LDR_E_REFUSED 2
#define LDR_E_READ 3
#define LDR_E_RANGE 4
#define LDR_E_FAILED 5
#define LDR_OPT_RAW_BCD 1
#define LDR_OPT_GUI 2
#define LDR_OPT_PAUSE 4
#define LDR_OPT_PAUSE_QUIET 8
#define LDR_OPT_QUIET 16
#define LDR_OPT_RAW_WIM 32

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
int32_t bios_boot_manager_source(int32_t *input);   /* 1 supplied, 2 compressed, 0 from the WIM */
