/* The freestanding C functions Embedded Swift and gcc expect that are the same in every image
 * (the UEFI loader and stand-in, the BIOS loader and stand-in). Each image keeps its own
 * memcpy/memset (string instructions of its width: src/efi_lib.c, common/i386/string.c), heap,
 * putchar and abort. */
#include <stddef.h>
#include <stdint.h>

void *memcpy(void *dst, const void *src, size_t n);

void *memmove(void *dst, const void *src, size_t n) {
    unsigned char *d = dst; const unsigned char *s = src;
    if (d <= s || d >= s + n) return memcpy(dst, src, n);
    for (size_t i = n; i > 0; i--) d[i - 1] = s[i - 1];
    return dst;
}

int memcmp(const void *a, const void *b, size_t n) {
    const unsigned char *x = a, *y = b;
    for (size_t i = 0; i < n; i++) if (x[i] != y[i]) return x[i] < y[i] ? -1 : 1;
    return 0;
}

size_t strlen(const char *s) { size_t n = 0; while (s[n]) n++; return n; }

/* Swift's hashing seeds; boot-time determinism is fine here. */
void arc4random_buf(void *buf, size_t n) {
    static uint64_t x = 0x9E3779B97F4A7C15ull;
    unsigned char *b = buf;
    for (size_t i = 0; i < n; i++) { x ^= x << 13; x ^= x >> 7; x ^= x << 17; b[i] = (unsigned char)x; }
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
