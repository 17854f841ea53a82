/* wimboot-compatible UEFI loader: takes BCD, boot.sdi, boot.wim (and optionally the boot
 * manager) from the root of the device it was started from, serves them on a read-only
 * virtual FAT disk, patches the BCD for UEFI, and starts the boot manager. */
#include "loader.h"
#include "serial.h"
#include "bridge.h"

static void build_disk(void) {
    ldr_vdisk_reset();
    for (UINTN i = 0; i < input_count; i++)
        if (ldr_vdisk_add(inputs[i].name, StrLen(inputs[i].name), inputs[i].size, (INT32)i) < 0)
            info(L"loader: skipping %s (not a printable ASCII name)\n", inputs[i].name);
    char why[200];
    if (ldr_vdisk_build(opts.rawwim, opts.index) != 0) {
        ldr_vdisk_error(why, sizeof why);
        die(L"cannot build the virtual disk: %a", why);
    }
    if (ldr_vdisk_inject_problem(why, sizeof why)) {
        serial_printf("LOADER inject off: %a\n", why);
        info(L"loader: the WIM is served without the loose files: %a\n", why);
    }
    UINT64 size = 0;
    INTN image = 0;
    struct input *wim = input_at(ldr_vdisk_patched_wim(&size, &image));
    if (!wim) return;
    INT32 replaces = 0;
    for (INTN n = 0; ; n++) {
        struct input *in = input_at(ldr_vdisk_injected(n, &replaces));
        if (!in) break;
        serial_printf("LOADER inject %S -> \\Windows\\System32\\%S%a\n", in->name, in->name, replaces ? " (replaces the image's)" : "");
    }
    serial_printf("LOADER wim %S patched size=%lu image=%u\n", wim->name, size, (UINT32)image);
    info(L"loader: %s served with the loose files in \\Windows\\System32 of image %d\n", wim->name, image);
}

EFI_STATUS efi_main(EFI_HANDLE image, EFI_SYSTEM_TABLE *systab) {
    InitializeLib(image, systab);
    loader_image = image;
    serial_puts("LOADER start (bcd " BCD_VERSION ")\n");

    EFI_LOADED_IMAGE *li;
    if (BS->HandleProtocol(image, &LoadedImageProtocol, (void **)&li) != EFI_SUCCESS) die(L"no loaded image protocol");
    CHAR16 bad[64];
    if (parse_cmdline(li, &opts, bad, 64) != EFI_SUCCESS)
        die(L"unknown command line option \"%s\" (known: rawbcd rawwim gui pause pause=quiet quiet index=N initrdfile=...)", bad);
    info(L"loader: wimboot-compatible UEFI loader (bcd %a)\n", BCD_VERSION);
    report_secure_boot();

    discover_inputs(li->DeviceHandle);

    take_from_wim();
    struct input *bootmgr = input_at(ldr_boot_manager_input(0));   /* the first candidate */
    if (!bootmgr) die(L"no boot manager: supply bootmgfw.efi or bootx64.efi, or a WIM that contains one");
    serial_printf("LOADER bootmgr %S\n", bootmgr->name);

    struct input *bcd = find_input(L"BCD");
    if (!bcd) die(L"no BCD: supply a file named BCD (or a WIM with \\Windows\\Boot\\DVD\\EFI\\BCD)");
    if (load_input(bcd) != EFI_SUCCESS) die(L"cannot read BCD");
    if (!opts.rawbcd) {
        INTN n = ldr_bcd_patch(bcd->data, bcd->size);
        info(L"loader: BCD patched for UEFI (%d .exe path(s) now .efi)\n", n);
        serial_printf("LOADER bcd patched=%u\n", (UINT32)n);
    } else {
        serial_puts("LOADER bcd raw\n");
    }

    build_disk();
    EFI_HANDLE partition;
    EFI_DEVICE_PATH *ppath;
    EFI_STATUS st = vdisk_install(&partition, &ppath);
    if (st != EFI_SUCCESS) die(L"cannot install the virtual disk (%r)", st);
    info(L"loader: virtual disk ready, %d file(s)\n", input_count);
    start_boot_manager(image, partition, ppath);
    return EFI_LOAD_ERROR;
}
