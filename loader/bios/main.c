/* The BIOS loader's sequence: started by a boot program through the bzImage header (header.S),
 * in 32-bit protected mode (bios_main); reads the command line and the initrd (newc cpio) the
 * boot program left, serves the files on an emulated BIOS disk, and enters bootmgr.exe. */
#include "bios.h"
#include "bridge.h"
#include "inputs.h"
#include "memmap.h"
#include "options.h"
#include "vdisk.h"
#include "handoff.h"

void bios_main(uint32_t setup_base) {
    uint32_t loaded_at = bios_setup_base;
    setup_relocate();
    console_init();
    serial_printf("LOADER start (bcd " BCD_VERSION ", bios)\n");
    serial_printf("LOADER setup %x moved to %x\n", loaded_at, bios_setup_base);
    uint32_t initrd = setup_u32(HDR_RAMDISK_IMAGE), initrd_size = setup_u32(HDR_RAMDISK_SIZE);
    memmap_read();
    heap_choose(initrd, initrd_size);
    parse_cmdline();
    info("loader: wimboot-compatible BIOS loader (bcd " BCD_VERSION ")\n");
    take_inputs();

    /* bootmgr.exe: supplied; else decoded from a supplied bootmgr; else from the WIM
     * (BootCore LoaderBiosFiles). BCD and boot.sdi: supplied, else the WIM's PCAT ones. */
    int32_t index = -1;
    char why[160] = "";
    struct input *packed = 0;
    if (bios_boot_manager_source(&index) == 2) {
        packed = input_at(index);
        extract_bootmgr(packed, why, sizeof why);
    }
    take_from_wim();
    struct input *bootmgr = bios_boot_manager_source(&index) == 1 ? input_at(index) : 0;
    if (!bootmgr && packed) die("no boot manager: %s: %s, and no WIM with \\Windows\\Boot\\PXE\\bootmgr.exe", packed->name, why);
    if (!bootmgr) die("no boot manager: supply bootmgr.exe (or bootmgr, or a WIM with \\Windows\\Boot\\PXE\\bootmgr.exe)");
    serial_printf("LOADER bootmgr %s\n", bootmgr->name);

    if (!find_input("BCD")) die("no BCD: supply a file named BCD (or a WIM with \\Windows\\Boot\\DVD\\PCAT\\BCD)");
    serial_printf("LOADER bcd raw (BIOS: not patched)\n");

    vdisk_build();
    enter_bootmgr(bootmgr);
}
