/* The few C runtime symbols Embedded Swift (and gcc) expect, implemented over UEFI boot
 * services.  memcpy/memset come from gnu-efi's libefi.  Only valid before ExitBootServices. */
#include <efi.h>
#include <efilib.h>
#include "rt.h"

void *memmove(void *dst, const void *src, size_t n) {
    unsigned char *d = dst; const unsigned char *s = src;
    if (d == s || n == 0) return dst;
    if (d < s) { for (size_t i = 0; i < n; i++) d[i] = s[i]; }
    else { for (size_t i = n; i > 0; i--) d[i - 1] = s[i - 1]; }
    return dst;
}

int memcmp(const void *a, const void *b, size_t n) {
    const unsigned char *x = a, *y = b;
    for (size_t i = 0; i < n; i++) if (x[i] != y[i]) return x[i] < y[i] ? -1 : 1;
    return 0;
}

size_t strlen(const char *s) { size_t n = 0; while (s[n]) n++; return n; }

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

/* Swift's hashing seeds; boot-time determinism is fine here. */
void arc4random_buf(void *buf, size_t n) {
    static uint64_t x = 0x9E3779B97F4A7C15ull;
    unsigned char *b = buf;
    for (size_t i = 0; i < n; i++) { x ^= x << 13; x ^= x >> 7; x ^= x << 17; b[i] = (unsigned char)x; }
}

void abort(void) {
    ST->ConOut->OutputString(ST->ConOut, L"loader: fatal: internal error (Swift trap)\r\n");
    for (;;) BS->Stall(1000000);
}

/* Swift's hash tables size themselves with ceil(); no libm here.  Exact for |x| < 2^52
 * (larger doubles are already integers); NaN passes through. */
double ceil(double x) {
    if (!(x == x) || x >= 4503599627370496.0 || x <= -4503599627370496.0) return x;
    double t = (double)(long long)x;
    return t < x ? t + 1.0 : t;
}

double floor(double x) {
    if (!(x == x) || x >= 4503599627370496.0 || x <= -4503599627370496.0) return x;
    double t = (double)(long long)x;
    return t > x ? t - 1.0 : t;
}
