/* The C runtime symbols Embedded Swift and gcc expect, for the BIOS loader.  Memory is a bump
 * heap [start, end) chosen by main.c (free memory between the loader's .bss and the initrd);
 * free() gives back only the most recent block (enough for Swift's short-lived temporaries),
 * nothing else is ever moved or reclaimed. */
#include "bios.h"

static uintptr_t heap_next, heap_end, heap_last;

void heap_init(uintptr_t start, uintptr_t end) { heap_next = (start + 15) & ~(uintptr_t)15; heap_end = end; heap_last = 0; }
uintptr_t heap_used_end(void) { return heap_next; }

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

/* Each block is preceded by its start (for free of the last block). */
int posix_memalign(void **out, size_t align, size_t size) {
    if (align < 16) align = 16;
    uintptr_t p = (heap_next + sizeof(uintptr_t) + align - 1) & ~(uintptr_t)(align - 1);
    if (p < heap_next || size > heap_end - p) return 12;   /* ENOMEM */
    ((uintptr_t *)p)[-1] = heap_next;
    heap_last = p;
    heap_next = p + size;
    *out = (void *)p;
    return 0;
}

void *malloc(size_t size) { void *p; return posix_memalign(&p, 16, size) ? NULL : p; }

/* Block `p` keeps only its first `size` bytes and everything allocated after it is given back:
 * for a decode into a generous buffer, once the decoder's temporaries are all dead. */
void heap_truncate_after(void *p, size_t size) {
    if ((uintptr_t)p + size <= heap_next) { heap_next = (uintptr_t)p + size; heap_last = 0; }
}

void free(void *p) {
    if (p && (uintptr_t)p == heap_last) { heap_next = ((uintptr_t *)p)[-1]; heap_last = 0; }
}

int putchar(int c) { screen_printf("%.*s", 1, (const char *)&c); return c; }

/* Swift's hashing seeds; boot-time determinism is fine here. */
void arc4random_buf(void *buf, size_t n) {
    static uint64_t x = 0x9E3779B97F4A7C15ull;
    unsigned char *b = buf;
    for (size_t i = 0; i < n; i++) { x ^= x << 13; x ^= x >> 7; x ^= x << 17; b[i] = (unsigned char)x; }
}

void abort(void) { die("internal error (Swift trap)"); }

/* Swift's hash tables size themselves with ceil(); no libm here.  Exact for |x| < 2^52. */
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
