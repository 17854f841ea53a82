/* The real-mode part (the setup: bzImage header, thunk code, GDT, real-mode stack, bounce
 * buffer) moved to the top of conventional memory before the first BIOS call. Boot programs
 * put it low (QEMU -kernel at 0x10000, iPXE and GRUB elsewhere); left there, the memory the
 * loader must keep for its BIOS calls would cut conventional memory at that point, and
 * bootmgr.exe needs its own real-mode buffers there. At the top (below the EBDA, BDA word 0x413
 * in KiB) only the last pages go, as with any resident real-mode code. */
#include "bios.h"

extern char setup_size[], gdt[], gdtr[], rm_far_segment[];

static inline uint16_t peek16(uint32_t a) { uint16_t v; __asm__ volatile("movw (%1), %0" : "=r"(v) : "r"(a) : "memory"); return v; }

void setup_relocate(void) {
    uint32_t size = (uint32_t)setup_size;
    uint32_t top = (uint32_t)peek16(0x413) * 1024;
    if (top > 0xA0000 || top < 0x20000 + size) return;                 /* an odd BDA: stay */
    uint32_t to = (top - size) & ~(uint32_t)0xFFF;
    if (to <= bios_setup_base) return;                                  /* already at the top */
    memmove((void *)to, (const void *)bios_setup_base, size);
    /* The 16-bit descriptors' base (bytes 2..4), the GDTR base, the thunk's real-mode segment. */
    uint8_t *g = (uint8_t *)(to + (uint32_t)gdt);
    for (int d = GDT_CODE16; d <= GDT_DATA16; d += 8) { g[d + 2] = (uint8_t)to; g[d + 3] = (uint8_t)(to >> 8); g[d + 4] = (uint8_t)(to >> 16); }
    *(uint32_t *)(to + (uint32_t)gdtr + 2) = to + (uint32_t)gdt;
    *(uint16_t *)(to + (uint32_t)rm_far_segment) = (uint16_t)(to >> 4);
    __asm__ volatile("lgdt (%0)" :: "r"(to + (uint32_t)gdtr) : "memory");
    bios_setup_base = to;
}
