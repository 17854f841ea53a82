/* The emulated drive (vdisk.c). */
#pragma once
#include <stdint.h>
extern uint8_t vdisk_drive;       /* 0x80 + the BIOS's hard disk count */
extern uint64_t vdisk_sectors;
void vdisk_build(void);           /* dies with one line when the disk cannot be laid out */
