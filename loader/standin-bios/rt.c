/* The C runtime Embedded Swift expects, for the BIOS stand-in: a bump heap (first a static
 * arena in .bss, then the region main.c picks from the memory map), free() of the latest block
 * only.  No libc. */
#include "standin-bios.h"

static uintptr_t heap_next, heap_end, heap_last;

void heap_init(uintptr_t start, uintptr_t end) { heap_next = (start + 15) & ~(uintptr_t)15; heap_end = end; heap_last = 0; }

void *memcpy(void *d, const void *s, size_t n) {
    void *r = d;
    __asm__ volatile("rep movsb" : "+D"(d), "+S"(s), "+c"(n) :: "memory");
    return r;
}

void *memset(void *d, int c, size_t n) {
    void *r = d;
    __asm__ volatile("rep stosb" : "+D"(d), "+c"(n) : "a"(c) : "memory");
    return r;
}

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

int posix_memalign(void **out, size_t align, size_t size) {
    if (align < 16) align = 16;
    uintptr_t p = (heap_next + sizeof(uintptr_t) + align - 1) & ~(uintptr_t)(align - 1);
    if (p < heap_next || p > heap_end || size > heap_end - p) {
        serial_puts("STANDIN error out of memory\n");
        halt();
    }
    ((uintptr_t *)p)[-1] = heap_next;
    heap_last = p;
    heap_next = p + size;
    *out = (void *)p;
    return 0;
}

void *malloc(size_t size) { void *p; posix_memalign(&p, 16, size); return p; }

void free(void *p) {
    if (p && (uintptr_t)p == heap_last) { heap_next = ((uintptr_t *)p)[-1]; heap_last = 0; }
}

int putchar(int c) { char s[2] = { (char)c, 0 }; serial_puts(s); return c; }

/* Swift's hashing seeds: determinism is fine in a test program. */
void arc4random_buf(void *buf, size_t n) {
    static uint64_t x = 0x9E3779B97F4A7C15ull;
    unsigned char *b = buf;
    for (size_t i = 0; i < n; i++) { x ^= x << 13; x ^= x >> 7; x ^= x << 17; b[i] = (unsigned char)x; }
}

void abort(void) { serial_puts("STANDIN error internal (Swift trap)\n"); halt(); }

void halt(void) { for (;;) __asm__ volatile("cli; hlt"); }

/* Swift's hash tables size themselves with ceil(); exact for |x| < 2^52. */
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
