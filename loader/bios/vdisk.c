/* The emulated BIOS disk: BootCore's VirtualFatDisk over the inputs (the same layout as the
 * UEFI loader's; built by swift/Bridge.swift), as drive 0x80 + the number of BIOS hard disks
 * (BDA byte 0x475), so the machine's own disks keep their numbers. Sector reads go to
 * ldr_vdisk_read, which reads file data in place. */
#include "bios.h"
#include "bridge.h"
#include "inputs.h"
#include "options.h"
#include "vdisk.h"

uint8_t vdisk_drive;
uint64_t vdisk_sectors;

void vdisk_build(void) {
    ldr_vdisk_reset();
    for (unsigned i = 0; i < input_count; i++)
        if (ldr_vdisk_add(inputs[i].name16, inputs[i].length, inputs[i].size, (int32_t)i) < 0)
            info("loader: skipping %s (not a printable ASCII name)\n", inputs[i].name);
    char why[200];
    if (ldr_vdisk_build(opts.rawwim, opts.index) != LDR_OK) {
        ldr_vdisk_error(why, sizeof why);
        die("cannot build the virtual disk: %s", why);
    }
    if (ldr_vdisk_inject_problem(why, sizeof why)) {
        serial_printf("LOADER inject off: %s\n", why);
        info("loader: the WIM is served without the loose files: %s\n", why);
    }
    uint64_t size = 0;
    intptr_t image = 0;
    struct input *wim = input_at(ldr_vdisk_patched_wim(&size, &image));
    if (wim) {
        int32_t replaces = 0;
        for (intptr_t n = 0; ; n++) {
            struct input *in = input_at(ldr_vdisk_injected(n, &replaces));
            if (!in) break;
            serial_printf("LOADER inject %s -> \\Windows\\System32\\%s%s\n", in->name, in->name, replaces ? " (replaces the image's)" : "");
        }
        serial_printf("LOADER wim %s patched size=%lu image=%u\n", wim->name, size, (uint32_t)image);
    }
    vdisk_sectors = ldr_vdisk_disk_sectors();
    uint8_t disks = peek8(0x475);
    vdisk_drive = (uint8_t)(0x80 + disks);
    serial_printf("LOADER emulating drive 0x%x sectors=%lu\n", vdisk_drive, vdisk_sectors);
    info("loader: emulating drive 0x%x (%u file(s))\n", vdisk_drive, input_count);
}
