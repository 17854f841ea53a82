/* Files the loader takes from the WIM when they were not supplied: the boot manager from
 * \Windows\Boot\EFI, BCD and boot.sdi from \Windows\Boot\DVD\EFI.  Supplied files always win.
 * The extracted bytes live in memory and join the inputs (so they appear on the virtual disk). */
#include "loader.h"
#include "serial.h"
#include "bridge.h"

static BOOLEAN is_wim(const CHAR16 *n) {
    UINTN l = StrLen((CHAR16 *)n);
    return l > 4 && n[l - 4] == '.' && (n[l - 3] | 32) == 'w' && (n[l - 2] | 32) == 'i' && (n[l - 1] | 32) == 'm';
}

/* boot.wim if present, else the first *.wim input. */
struct input *find_wim(void) {
    struct input *w = find_input(L"boot.wim");
    for (UINTN i = 0; !w && i < input_count; i++) if (is_wim(inputs[i].name)) w = &inputs[i];
    return w;
}

static void wim_die(struct input *wim, const CHAR16 *what) {
    char why[200];
    ldr_vdisk_error(why, sizeof why);
    die(L"%s: %s: %a", wim->name, what, why);
}

/* Adds `name` from `path` in the selected image; FALSE when the image has no such file. */
static BOOLEAN take(struct input *wim, const char *path, const CHAR16 *name) {
    INT64 size = ldr_wim_file_size(path, strlena((CHAR8 *)path));
    if (size == -1) return FALSE;
    if (size < 0) wim_die(wim, L"cannot look up a file");
    if (input_count == MAX_INPUTS) die(L"too many input files (at most %d)", MAX_INPUTS);
    UINT8 *data = AllocatePool(size ? size : 1);
    if (!data) die(L"not enough memory to extract %a from %s", path, wim->name);
    if (ldr_wim_file_read(path, strlena((CHAR8 *)path), data, size) != 0) wim_die(wim, L"cannot extract a file");
    struct input *in = &inputs[input_count++];
    StrCpy(in->name, (CHAR16 *)name);
    in->size = size;
    in->data = data;
    serial_printf("LOADER extracted %a size=%lu\n", path, (UINT64)size);
    info(L"loader: using %a from %s\n", path, wim->name);
    return TRUE;
}

void take_from_wim(BOOLEAN need_bootmgr) {
    BOOLEAN need_bcd = !find_input(L"BCD"), need_sdi = !find_input(L"boot.sdi");
    if (!need_bootmgr && !need_bcd && !need_sdi) return;
    struct input *wim = find_wim();
    if (!wim) return;
    if (ldr_wim_open((INT32)(wim - inputs), wim->size, opts.index) != 0) wim_die(wim, L"unusable WIM");
    serial_printf("LOADER wim %S images=%u index=%u\n", wim->name, (UINT32)ldr_wim_image_count(), (UINT32)opts.index);
    if (need_bootmgr && !take(wim, "\\Windows\\Boot\\EFI\\bootmgfw.efi", L"bootmgfw.efi"))
        die(L"no boot manager: none supplied, and %s has no \\Windows\\Boot\\EFI\\bootmgfw.efi in the chosen image", wim->name);
    if (need_bcd) take(wim, "\\Windows\\Boot\\DVD\\EFI\\BCD", L"BCD");
    if (need_sdi) take(wim, "\\Windows\\Boot\\DVD\\EFI\\boot.sdi", L"boot.sdi");
}
