#pragma once
/* The Swift side (swift/Bridge.swift), callable from C. */
#include <efi.h>
#define LDR_E_FILE_TOO_LARGE 1
#define LDR_E_READ 3
#define LDR_E_RANGE 4
#define LDR_E_LAYOUT 5

void ldr_vdisk_reset(void);
INT32 ldr_vdisk_add(const UINT16 *name, INTN length, UINT64 size, INT32 index);
void ldr_vdisk_error(char *buffer, INTN capacity);
INT32 ldr_vdisk_build(void);
UINT64 ldr_vdisk_disk_sectors(void);
UINT64 ldr_vdisk_partition_start(void);
UINT64 ldr_vdisk_partition_sectors(void);
INT32 ldr_vdisk_read(UINT64 lba, void *buffer, UINT64 length);
INTN ldr_bcd_patch(void *buffer, INTN length);

/* Implemented in C (inputs.c), called by Swift: read from input file `index`. 0 = ok. */
INT32 ldr_file_read(INT32 index, UINT64 offset, void *buffer, UINT64 length);

/* swift/WimBridge.swift: files from a WIM image (errors: ldr_vdisk_error gives the reason). */
INT32 ldr_wim_open(INT32 input, UINT64 size, INTN index);
INTN ldr_wim_image_count(void);
INT64 ldr_wim_file_size(const char *path, INTN length);
INT32 ldr_wim_file_read(const char *path, INTN length, void *buffer, UINT64 size);
