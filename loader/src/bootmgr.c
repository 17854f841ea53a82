/* Starting the boot manager: loaded from memory (its bytes come from the input or the WIM),
 * with a device path on the virtual partition, so it finds BCD & co. on "its" device. */
#include "loader.h"
#include "serial.h"
#include "bridge.h"

static UINT8 *put_node(UINT8 *p, UINT8 type, UINT8 sub, UINT16 len) {
    p[0] = type; p[1] = sub; p[2] = len & 0xFF; p[3] = len >> 8;
    return p + len;
}

/* partition path + File(\EFI\Microsoft\Boot\<name>) */
static EFI_DEVICE_PATH *file_path(EFI_DEVICE_PATH *partition_path, const CHAR16 *name) {
    static const CHAR16 dir[] = L"\\EFI\\Microsoft\\Boot\\";
    UINTN plen = DevicePathSize(partition_path) - 4;
    UINTN nlen = (StrLen((CHAR16 *)dir) + StrLen((CHAR16 *)name) + 1) * sizeof(CHAR16);
    UINT8 *buf = AllocateZeroPool(plen + 4 + nlen + 4), *p = buf;
    CopyMem(p, partition_path, plen);
    p += plen;
    StrCpy((CHAR16 *)(p + 4), (CHAR16 *)dir);
    StrCat((CHAR16 *)(p + 4), (CHAR16 *)name);
    p = put_node(p, MEDIA_DEVICE_PATH, MEDIA_FILEPATH_DP, 4 + nlen);
    put_node(p, END_DEVICE_PATH_TYPE, END_ENTIRE_DEVICE_PATH_SUBTYPE, 4);
    return (EFI_DEVICE_PATH *)buf;
}

/* Loads the candidates in order (BootCore's LoaderBootManager: bootx64.efi alone, else
 * bootmgfw_EX.efi then bootmgfw.efi): when Secure Boot refuses one (a db without the Windows
 * UEFI CA 2023 refuses bootmgfw_EX.efi) and another is left, says so in one line and tries it.
 * Each is loaded as \EFI\Microsoft\Boot\<its name>: every input is served there. */
static EFI_HANDLE load_boot_manager(EFI_HANDLE parent, EFI_DEVICE_PATH *partition_path, struct input **chosen) {
    struct input *refused = NULL;
    for (INT32 n = 0;; n++) {
        struct input *bootmgr = input_at(ldr_boot_manager_input(n)), *next = input_at(ldr_boot_manager_input(n + 1));
        EFI_STATUS st = load_input(bootmgr);
        if (st != EFI_SUCCESS) die(L"cannot read the boot manager %s (%r)", bootmgr->name, st);
        EFI_HANDLE child = NULL;
        st = BS->LoadImage(FALSE, parent, file_path(partition_path, bootmgr->name), bootmgr->data, bootmgr->size, &child);
        const CHAR16 *why = secure_boot_refusal(st, bootmgr->data, bootmgr->size);
        if (why && next) {
            if (child) BS->UnloadImage(child);   /* EFI_SECURITY_VIOLATION leaves an unstartable image */
            serial_printf("LOADER bootmgr %S refused by Secure Boot (%a: %S), trying %S\n", bootmgr->name,
                          st == EFI_ACCESS_DENIED ? "EFI_ACCESS_DENIED" : "EFI_SECURITY_VIOLATION", why, next->name);
            info(L"loader: Secure Boot refused %s (%r): %s; trying %s\n", bootmgr->name, st, why, next->name);
            refused = bootmgr;
            continue;
        }
        die_if_secure_boot_refused(st, bootmgr->name, bootmgr->data, bootmgr->size);
        if (st != EFI_SUCCESS) die(L"the firmware refused to load the boot manager %s (%r)", bootmgr->name, st);
        if (refused) serial_printf("LOADER bootmgr loaded %S (%S was refused by Secure Boot)\n", bootmgr->name, refused->name);
        else if (next) serial_printf("LOADER bootmgr loaded %S (the first choice; %S is the fallback)\n", bootmgr->name, next->name);
        else serial_printf("LOADER bootmgr loaded %S (the only candidate)\n", bootmgr->name);
        *chosen = bootmgr;
        return child;
    }
}

EFI_STATUS start_boot_manager(EFI_HANDLE parent, EFI_HANDLE partition, EFI_DEVICE_PATH *partition_path) {
    struct input *bootmgr;
    EFI_HANDLE child = load_boot_manager(parent, partition_path, &bootmgr);
    EFI_LOADED_IMAGE *li;
    if (BS->HandleProtocol(child, &LoadedImageProtocol, (void **)&li) == EFI_SUCCESS) li->DeviceHandle = partition;
    info(L"loader: starting %s\n", bootmgr->name);
    if (!opts.gui) ST->ConOut->SetMode(ST->ConOut, 0);   /* text mode, 80x25 */
    if (opts.pause) wait_key(opts.pause_quiet ? NULL : L"Press a key to start the boot manager\n");
    watch_exit_boot_services();
    serial_printf("LOADER starting boot manager %S\n", bootmgr->name);
    EFI_STATUS st = BS->StartImage(child, NULL, NULL);
    die(L"the boot manager returned (%r)", st);
}
