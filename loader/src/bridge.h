#pragma once
/* The Swift side (swift/ bridge files), callable from C. */
#include <efi.h>
#include "bridge_codes.h"

void ldr_vdisk_reset(void);
INT32 ldr_vdisk_add(const UINT16 *name, INTN length, UINT64 size, INT32 index);
void ldr_vdisk_error(char *buffer, INTN capacity);
INT32 ldr_vdisk_build(INT32 raw_wim, INTN index);   /* the WIM patched with the loose files unless raw_wim */
UINT64 ldr_vdisk_disk_sectors(void);
UINT64 ldr_vdisk_partition_start(void);
UINT64 ldr_vdisk_partition_sectors(void);
INT32 ldr_vdisk_read(UINT64 lba, void *buffer, UINT64 length);
INTN ldr_bcd_patch(void *buffer, INTN length);
/* swift/InjectBridge.swift: what ldr_vdisk_build injected (BootCore's LoaderInjection). */
INT32 ldr_vdisk_patched_wim(UINT64 *size, INTN *image);   /* input index of the patched WIM, or -1 */
INT32 ldr_vdisk_injected(INTN n, INT32 *replaces);          /* input index of injected file n, or -1 */
INT32 ldr_vdisk_inject_problem(char *buffer, INTN capacity); /* 1: files not injected, why in buffer */

/* Implemented in C (inputs.c), called by Swift: read from input file `index`. 0 = ok. */
INT32 ldr_file_read(INT32 index, UINT64 offset, void *buffer, UINT64 length);

/* swift/WimBridge.swift: files from a WIM image (errors: ldr_vdisk_error gives the reason). */
INT32 ldr_wim_open(INT32 input, UINT64 size, INTN index);
INTN ldr_wim_image_count(void);
INT64 ldr_wim_file_size(const char *path, INTN length);
INT32 ldr_wim_file_read(const char *path, INTN length, void *buffer, UINT64 size);

/* swift/RulesBridge.swift: the loader's rules (BootCore decides, C asks). */
INT32 ldr_cmdline_parse(const UINT16 *options, UINTN bytes, const UINT16 *image, INTN image_length,
                        UINT32 *bits, INTN *index, UINT16 *bad, INTN bad_capacity);
INT32 ldr_name_reserved(const UINT16 *name, INTN length);      /* 1: a virtual directory's name */
INT32 ldr_boot_manager_input(INT32 n);                         /* candidate n's input index, or -1 */
INT32 ldr_wim_input(void);                                     /* input index, or -1 */
/* Entry `slot` of the files taken from the WIM: 1 wanted (path and served name copied), 2 a
 * boot manager candidate and none is supplied (the boot stops with none at all), 3 wanted if
 * the WIM has it (boot.stl; a boot manager beside a supplied one),
 * 0 supplied already, -1 past the end. */
INT32 ldr_wim_wanted(INTN slot, char *path, INTN path_capacity, UINT16 *name, INTN name_capacity);

/* Implemented in C (inputs.c), called by Swift: input `index`'s name and its length, or NULL. */
const UINT16 *ldr_input_name(INT32 index, INTN *length);
