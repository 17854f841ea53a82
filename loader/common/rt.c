/* The few C runtime symbols Embedded Swift (and gcc) expect, implemented over UEFI boot
 * services (memcpy/memset: src/efi_lib.c or libefi; the rest: common/libc_min.c).  Only valid
 * before ExitBootServices. */
#include <efi.h>
#include <efilib.h>
#include "rt.h"

/* AllocatePool returns 8-byte aligned memory; for larger alignments over-allocate and keep
 * the pool pointer just below the aligned block so free() can find it. */
int posix_memalign(void **out, size_t align, size_t size) {
    if (align < sizeof(void *)) align = sizeof(void *);
    void *raw = NULL;
    if (BS->AllocatePool(EfiLoaderData, size + align + sizeof(void *), &raw) != EFI_SUCCESS) return 12; /* ENOMEM */
    uintptr_t p = ((uintptr_t)raw + sizeof(void *) + align - 1) & ~(uintptr_t)(align - 1);
    ((void **)p)[-1] = raw;
    *out = (void *)p;
    return 0;
}

void *malloc(size_t size) { void *p; return posix_memalign(&p, 16, size) ? NULL : p; }

void free(void *p) { if (p) BS->FreePool(((void **)p)[-1]); }

int putchar(int c) {
    CHAR16 s[3] = { (CHAR16)c, 0, 0 };
    if (c == '\n') { s[0] = '\r'; s[1] = '\n'; }
    ST->ConOut->OutputString(ST->ConOut, s);
    return c;
}

void abort(void) {
    ST->ConOut->OutputString(ST->ConOut, L"loader: fatal: internal error (Swift trap)\r\n");
    for (;;) BS->Stall(1000000);
}
