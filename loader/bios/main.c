/* The BIOS loader's sequence: started by a boot program through the bzImage header (header.S),
 * in 32-bit protected mode (bios_main); reads the command line and the initrd (newc cpio) the
 * boot program left, serves the files on an emulated BIOS disk, and enters bootmgr.exe. */
#include "bios.h"
#include "bridge.h"
#include "inputs.h"
#include "memmap.h"
#include "options.h"
#include "vdisk.h"

void bios_main(uint32_t setup_base) {
    console_init();
    serial_printf("LOADER start (bcd " BCD_VERSION ", bios)\n");
    uint32_t initrd = setup_u32(HDR_RAMDISK_IMAGE), initrd_size = setup_u32(HDR_RAMDISK_SIZE);
    memmap_read();
    heap_choose(initrd, initrd_size);
    parse_cmdline();
    info("loader: wimboot-compatible BIOS loader (bcd " BCD_VERSION ")\n");
    take_inputs();

    int32_t index = -1;
    int32_t source = bios_boot_manager_source(&index);
    struct input *bootmgr = input_at(index);
    if (source == 1) serial_printf("LOADER bootmgr %s\n", bootmgr->name);
    else if (source == 2) die("bootmgr (compressed) is not supported yet: supply bootmgr.exe");
    else die("no boot manager: supply bootmgr.exe (or bootmgr, or a WIM with \\Windows\\Boot\\PXE\\bootmgr.exe)");

    if (!find_input("BCD")) die("no BCD: supply a file named BCD (or a WIM with \\Windows\\Boot\\DVD\\PCAT\\BCD)");
    serial_printf("LOADER bcd raw (BIOS: not patched)\n");

    vdisk_build();
    die("entering bootmgr.exe is not implemented yet");
}
