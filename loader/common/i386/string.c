/* memcpy and memset of the two i686 images (the BIOS loader and the BIOS stand-in): string
 * instructions, not C loops (gcc may turn a copy loop back into a call to memcpy). */
#include <stddef.h>

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
