/* The C runtime Embedded Swift expects, for the BIOS stand-in: a bump heap (first a static
 * arena in .bss, then the region main.c picks from the memory map), free() of the latest block
 * only.  No libc. */
#include "standin-bios.h"

static uintptr_t heap_next, heap_end, heap_last;

void heap_init(uintptr_t start, uintptr_t end) { heap_next = (start + 15) & ~(uintptr_t)15; heap_end = end; heap_last = 0; }

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

void abort(void) { serial_puts("STANDIN error internal (Swift trap)\n"); halt(); }

void halt(void) { for (;;) __asm__ volatile("cli; hlt"); }
