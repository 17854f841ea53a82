/* User-facing messages.  Every failure is one line starting with "loader: error:"; with
 * `pause` the loader waits for a key before giving control back to the firmware. */
#include "loader.h"

struct options opts;
EFI_HANDLE loader_image;

void info(const CHAR16 *fmt, ...) {
    if (opts.quiet) return;
    va_list ap;
    va_start(ap, fmt);
    VPrint((CHAR16 *)fmt, ap);
    va_end(ap);
}

void wait_key(const CHAR16 *prompt) {
    if (prompt) Print((CHAR16 *)prompt);
    ST->ConIn->Reset(ST->ConIn, FALSE);
    UINTN idx;
    EFI_INPUT_KEY key;
    BS->WaitForEvent(1, &ST->ConIn->WaitForKey, &idx);
    ST->ConIn->ReadKeyStroke(ST->ConIn, &key);
}

void die(const CHAR16 *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    Print(L"loader: error: ");
    VPrint((CHAR16 *)fmt, ap);
    Print(L"\n");
    va_end(ap);
    if (opts.pause) wait_key(opts.pause_quiet ? NULL : L"Press a key to return to the firmware\n");
    BS->Exit(loader_image, EFI_LOAD_ERROR, 0, NULL);
    for (;;) {}
}
