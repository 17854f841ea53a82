/* Starting the boot manager: loaded from memory (its bytes come from the input or the WIM),
 * with a device path on the virtual partition, so it finds BCD & co. on "its" device. */
#include "loader.h"
#include "serial.h"

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

EFI_STATUS start_boot_manager(EFI_HANDLE parent, EFI_HANDLE partition, EFI_DEVICE_PATH *partition_path,
                              struct input *bootmgr) {
    EFI_STATUS st = load_input(bootmgr);
    if (st != EFI_SUCCESS) die(L"cannot read the boot manager %s (%r)", bootmgr->name, st);
    EFI_DEVICE_PATH *path = file_path(partition_path, bootmgr->name);
    EFI_HANDLE child = NULL;
    st = BS->LoadImage(FALSE, parent, path, bootmgr->data, bootmgr->size, &child);
    die_if_secure_boot_refused(st, bootmgr->name, bootmgr->data, bootmgr->size);
    if (st != EFI_SUCCESS) die(L"the firmware refused to load the boot manager %s (%r)", bootmgr->name, st);
    EFI_LOADED_IMAGE *li;
    if (BS->HandleProtocol(child, &LoadedImageProtocol, (void **)&li) == EFI_SUCCESS) li->DeviceHandle = partition;
    if (!opts.gui) ST->ConOut->SetMode(ST->ConOut, 0);   /* text mode, 80x25 */
    if (opts.pause) wait_key(opts.pause_quiet ? NULL : L"Press a key to start the boot manager\n");
    watch_exit_boot_services();
    serial_printf("LOADER starting boot manager %S\n", bootmgr->name);
    st = BS->StartImage(child, NULL, NULL);
    die(L"the boot manager returned (%r)", st);
}
