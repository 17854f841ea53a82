/* Files the loader takes from the WIM when they were not supplied.  Which WIM, which image,
 * which files and under which names is BootCore's (LoaderWimChoice, LoaderWimFiles, asked
 * through swift/RulesBridge.swift); this extracts them.  Supplied files always win.  The
 * extracted bytes live in memory and join the inputs (so they appear on the virtual disk). */
#include "loader.h"
#include "serial.h"
#include "bridge.h"

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
    if (ldr_wim_file_read(path, strlena((CHAR8 *)path), data, size) != LDR_OK) wim_die(wim, L"cannot extract a file");
    struct input *in = &inputs[input_count++];
    StrCpy(in->name, (CHAR16 *)name);
    in->size = size;
    in->data = data;
    serial_printf("LOADER extracted %a size=%lu\n", path, (UINT64)size);
    info(L"loader: using %a from %s\n", path, wim->name);
    return TRUE;
}

void take_from_wim(void) {
    char path[MAX_NAME];
    CHAR16 name[MAX_NAME];
    INT32 wanted[8];
    UINTN slots = 0;
    BOOLEAN any = FALSE, needed = FALSE;   /* needed: a file other than an optional one (3) */
    for (; slots < 8 && (wanted[slots] = ldr_wim_wanted(slots, path, MAX_NAME, name, MAX_NAME)) >= 0; slots++) {
        any |= wanted[slots] > 0;
        needed |= wanted[slots] == 1 || wanted[slots] == 2;
    }
    if (!any) return;
    struct input *wim = input_at(ldr_wim_input());
    if (!wim) return;
    if (ldr_wim_open((INT32)(wim - inputs), wim->size, opts.index) != LDR_OK) {
        if (needed) wim_die(wim, L"unusable WIM");
        serial_printf("LOADER wim %S unreadable: optional files not taken\n", wim->name);
        return;
    }
    serial_printf("LOADER wim %S images=%u index=%u\n", wim->name, (UINT32)ldr_wim_image_count(), (UINT32)opts.index);
    char missing[2 * MAX_NAME + 8];   /* the boot managers (2) wanted and not in the image */
    UINTN m = 0;
    for (UINTN s = 0; s < slots; s++) {
        if (wanted[s] <= 0) continue;
        ldr_wim_wanted(s, path, MAX_NAME, name, MAX_NAME);
        if (take(wim, path, name) || wanted[s] != 2) continue;
        for (const char *p = m ? " or " : ""; *p && m < sizeof missing - 1; ) missing[m++] = *p++;
        for (const char *p = path; *p && m < sizeof missing - 1; ) missing[m++] = *p++;
    }
    missing[m] = 0;
    /* Any candidate will do (LoaderBootManager): the boot stops only with none at all. */
    if (m && ldr_boot_manager_input(0) < 0)
        die(L"no boot manager: none supplied, and %s has no %a in the chosen image", wim->name, missing);
}
