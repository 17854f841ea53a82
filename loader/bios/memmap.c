/* The BIOS memory map (INT 15h EAX=E820h, ACPI 6.x "System Address Map Interfaces": EDX =
 * 'SMAP', EBX = continuation, ES:DI -> a 20/24-byte entry: base, length, type; 1 = usable),
 * and the loader's heap chosen from it: the usable memory after the loader's .bss, up to the
 * initrd when the initrd lies in the same region (the boot program put it at the top). */
#include "bios.h"
#include "memmap.h"

extern char rm_bounce[], __bss_end[];
struct e820_entry memmap[MAX_MEMMAP];
unsigned memmap_count;

void memmap_read(void) {
    struct e820_entry *buf = (struct e820_entry *)(bios_setup_base + (uint32_t)rm_bounce);
    uint32_t next = 0;
    memmap_count = 0;
    do {
        struct bios_regs r = {0};
        r.eax = 0xE820; r.edx = 0x534D4150; r.ebx = next; r.ecx = 24;
        r.es = (uint16_t)(bios_setup_base >> 4); r.edi = (uint32_t)rm_bounce;
        buf->extended = 1;
        bios_int(0x15, &r);
        if ((r.eflags & EFLAGS_CF) || r.eax != 0x534D4150) break;
        if (buf->length && memmap_count < MAX_MEMMAP) memmap[memmap_count++] = *buf;
        next = r.ebx;
    } while (next);
    if (memmap_count == 0) die("the BIOS gives no memory map (INT 15h E820h)");
    for (unsigned i = 0; i < memmap_count; i++)
        serial_printf("LOADER e820 %lx-%lx type=%u\n", memmap[i].base, memmap[i].base + memmap[i].length - 1, memmap[i].type);
}

void heap_choose(uint32_t initrd, uint32_t initrd_size) {
    uint64_t start = ((uint32_t)__bss_end + 4095) & ~(uint32_t)4095;
    for (unsigned i = 0; i < memmap_count; i++) {
        struct e820_entry *e = &memmap[i];
        if (e->type != 1 || start < e->base || start >= e->base + e->length) continue;
        uint64_t end = e->base + e->length;
        if (initrd >= start && initrd < end) end = initrd;
        if (end > 0xFFFFF000u) end = 0xFFFFF000u;
        if (initrd < end && initrd + (uint64_t)initrd_size > start) break;   /* overlaps the loader */
        if (end - start < HEAP_MIN) break;
        heap_init((uintptr_t)start, (uintptr_t)end);
        serial_printf("LOADER heap %x-%x\n", (uint32_t)start, (uint32_t)end - 1);
        return;
    }
    die("no free memory after the loader for its tables (at least %u KiB below the initrd)", HEAP_MIN / 1024);
}
