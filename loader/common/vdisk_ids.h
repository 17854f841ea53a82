#pragma once
/* Identity of the loader's virtual disk, shared by the loader and the stand-in boot manager.
 * Device paths: Vendor(LOADER_VDISK_GUID)/HD(1,MBR,...) — a vendor-defined hardware node for
 * the disk, then a standard hard-drive media node for the partition, so firmware and boot
 * managers treat it like any MBR disk. */
#define LOADER_VDISK_GUID { 0x6a3b1f52, 0x8c1d, 0x4e7e, { 0x9a, 0x2b, 0x6f, 0x1c, 0x0d, 0x5e, 0x42, 0x77 } }
#define LOADER_VDISK_MEDIA_ID 0x42434421u   /* "!DCB" */
/* The partition node's MBR signature: the one the disk's MBR holds at offset 440 (BootCore's
 * VirtualFatDisk.defaultVolumeID; VirtualDiskIdentityTests compares them), so a boot manager that
 * matches its boot device's path against the disk it reads finds the same disk. */
#define LOADER_VDISK_MBR_SIGNATURE 0x42434430u
