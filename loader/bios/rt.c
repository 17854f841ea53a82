/* The C runtime symbols Embedded Swift and gcc expect, for the BIOS loader.  Memory is a bump
 * heap [start, end) chosen by main.c (free memory between the loader's .bss and the initrd);
 * free() gives back only the most recent block (enough for Swift's short-lived temporaries),
 * nothing else is ever moved or reclaimed. */
#include "bios.h"

static uintptr_t heap_next, heap_end, heap_last;

void heap_init(uintptr_t start, uintptr_t end) { heap_next = (start + 15) & ~(uintptr_t)15; heap_end = end; heap_last = 0; }
uintptr_t heap_used_end(void) { return heap_next; }

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

void abort(void) { die("internal error (Swift trap)"); }
