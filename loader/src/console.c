/* User-facing messages.  Every failure is one line starting with "loader: error:"; with
 * `pause` the loader waits for a key before giving control back to the firmware.
 * Messages are formatted here (not with gnu-efi's Print; see efi_lib.c): %s CHAR16 string,
 * %a ASCII string, %d int, %r EFI_STATUS (its name in the UEFI spec), %% a percent sign. */
#include "loader.h"

struct options opts;
EFI_HANDLE loader_image;

struct line { CHAR16 buf[128]; UINTN n; };

static void flush(struct line *l) {
    l->buf[l->n] = 0;
    ST->ConOut->OutputString(ST->ConOut, l->buf);
    l->n = 0;
}

static void put(struct line *l, CHAR16 c) {
    if (c == '\n') put(l, '\r');
    if (l->n == sizeof l->buf / sizeof l->buf[0] - 1) flush(l);
    l->buf[l->n++] = c;
}

static void put_ascii(struct line *l, const char *s) { while (s && *s) put(l, (UINT8)*s++); }

static void put_num(struct line *l, UINT64 v, unsigned base) {
    char digits[24]; int n = 0;
    do { digits[n++] = "0123456789abcdef"[v % base]; v /= base; } while (v);
    while (n) put(l, digits[--n]);
}

/* EFI error codes 1..33 (UEFI spec, Appendix D "Status Codes"), NUL-separated in code order
 * (one string, so no pointer table and no relocations); an empty name is an unused code. */
static const char status_names[] =
    "LOAD_ERROR\0INVALID_PARAMETER\0UNSUPPORTED\0BAD_BUFFER_SIZE\0BUFFER_TOO_SMALL\0NOT_READY\0"
    "DEVICE_ERROR\0WRITE_PROTECTED\0OUT_OF_RESOURCES\0VOLUME_CORRUPTED\0VOLUME_FULL\0NO_MEDIA\0"
    "MEDIA_CHANGED\0NOT_FOUND\0ACCESS_DENIED\0NO_RESPONSE\0NO_MAPPING\0TIMEOUT\0NOT_STARTED\0"
    "ALREADY_STARTED\0ABORTED\0ICMP_ERROR\0TFTP_ERROR\0PROTOCOL_ERROR\0INCOMPATIBLE_VERSION\0"
    "SECURITY_VIOLATION\0CRC_ERROR\0END_OF_MEDIA\0\0\0END_OF_FILE\0INVALID_LANGUAGE\0"
    "COMPROMISED_DATA\0";

static void put_status(struct line *l, EFI_STATUS st) {
    UINT64 code = st & ~EFI_ERROR_MASK;
    if (st == EFI_SUCCESS) { put_ascii(l, "EFI_SUCCESS"); return; }
    if (EFI_ERROR(st) && code >= 1 && code <= 33) {
        const char *name = status_names;
        for (UINT64 i = 1; i < code; i++) while (*name++) {}
        if (*name) { put_ascii(l, "EFI_"); put_ascii(l, name); return; }
    }
    put_ascii(l, "status 0x"); put_num(l, st, 16);
}

static void vprint(const CHAR16 *fmt, va_list ap) {
    struct line l = { .n = 0 };
    for (const CHAR16 *p = fmt; *p; p++) {
        if (*p != '%') { put(&l, *p); continue; }
        switch (*++p) {
        case 's': { const CHAR16 *s = va_arg(ap, const CHAR16 *); while (s && *s) put(&l, *s++); break; }
        case 'a': put_ascii(&l, va_arg(ap, const char *)); break;
        case 'd': { int v = va_arg(ap, int);
                    if (v < 0) { put(&l, '-'); put_num(&l, -(INT64)v, 10); } else put_num(&l, (UINT64)v, 10);
                    break; }
        case 'r': put_status(&l, va_arg(ap, EFI_STATUS)); break;
        case '%': put(&l, '%'); break;
        case 0: p--; break;
        default: put(&l, '?'); break;
        }
    }
    if (l.n) flush(&l);
}

static void print(const CHAR16 *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vprint(fmt, ap);
    va_end(ap);
}

void info(const CHAR16 *fmt, ...) {
    if (opts.quiet) return;
    va_list ap;
    va_start(ap, fmt);
    vprint(fmt, ap);
    va_end(ap);
}

void wait_key(const CHAR16 *prompt) {
    if (prompt) print(L"%s", prompt);
    ST->ConIn->Reset(ST->ConIn, FALSE);
    UINTN idx;
    EFI_INPUT_KEY key;
    BS->WaitForEvent(1, &ST->ConIn->WaitForKey, &idx);
    ST->ConIn->ReadKeyStroke(ST->ConIn, &key);
}

void die(const CHAR16 *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    print(L"loader: error: ");
    vprint(fmt, ap);
    print(L"\n");
    va_end(ap);
    if (opts.pause) wait_key(opts.pause_quiet ? NULL : L"Press a key to return to the firmware\n");
    BS->Exit(loader_image, EFI_LOAD_ERROR, 0, NULL);
    for (;;) {}
}
