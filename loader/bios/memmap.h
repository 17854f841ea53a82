/* The E820 memory map and the loader's heap (memmap.c). */
#pragma once
#include <stdint.h>
struct e820_entry { uint64_t base, length; uint32_t type, extended; } __attribute__((packed));
#define MAX_MEMMAP 64
#define HEAP_MIN (4u << 20)
extern struct e820_entry memmap[MAX_MEMMAP];
extern unsigned memmap_count;
void memmap_read(void);
void heap_choose(uint32_t initrd, uint32_t initrd_size);
