/* A probe boot application for 53-loader-bios (NOT a boot manager): an i386 PE32 that the BIOS
 * loader enters as it enters bootmgr.exe. It checks the parameter block ("BOOT APP", version,
 * machine, image base), then uses the block's BIOS-call callback as a boot manager does:
 * INT 13h AH=41h/48h/42h on the callback's drive (the emulated one) to read its sectors,
 * INT 15h E820h, and INT 10h AX=4F01h (VBE mode 101h's attributes: the loader hides VESA modes
 * unless `gui`). It prints `PROBE ...` lines on COM1 (its own port I/O), the CRC32 of the
 * whole disk, then halts. Built by the test with gcc -m32 and ld -m i386pe. */
#include <stdint.h>
#include <stddef.h>
#include "../bios/bootapp.h"

static void outb(uint16_t p, uint8_t v) { __asm__ volatile("outb %0, %1" :: "a"(v), "Nd"(p)); }
static uint8_t inb(uint16_t p) { uint8_t v; __asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(p)); return v; }
static void putc_(char c) { while (!(inb(0x3FD) & 0x20)) {} outb(0x3F8, (uint8_t)c); }
static void puts_(const char *s) { for (; *s; s++) { if (*s == '\n') putc_('\r'); putc_(*s); } }
static void hex(uint32_t v, int digits) { for (int i = digits - 1; i >= 0; i--) putc_("0123456789abcdef"[(v >> (4 * i)) & 15]); }
static void dec(uint64_t v) { char b[24]; int n = 0; do { b[n++] = '0' + v % 10; v /= 10; } while (v); while (n) putc_(b[--n]); }

static uint32_t crc_table[256];
static uint32_t crc32(uint32_t crc, const uint8_t *p, uint32_t n) {
    if (!crc_table[1]) for (uint32_t i = 0; i < 256; i++) { uint32_t c = i; for (int k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1; crc_table[i] = c; }
    crc = ~crc; while (n--) crc = crc_table[(crc ^ *p++) & 0xFF] ^ (crc >> 8); return ~crc;
}

static void halt(void) { puts_("PROBE done\n"); for (;;) __asm__ volatile("cli; hlt"); }

/* Real-mode buffers: a disk address packet and 64 sectors at 0x70000 (free conventional memory). */
#define LOW 0x70000u
int start(struct bootapp_header *p) {
    const uint8_t *b = (const uint8_t *)p;
    puts_("PROBE start\n");
    if (b[0] != 'B' || b[7] != 'P' || p->version != BOOTAPP_VERSION || p->machine != BOOTAPP_MACHINE_I386) { puts_("PROBE bad parameter block\n"); halt(); }
    puts_("PROBE block ok image="); hex((uint32_t)p->image_base, 8); puts_(" size="); dec(p->image_size); puts_("\n");
    const struct bootapp_callback *cb = *(const struct bootapp_callback *const *)(b + p->firmware_offset);
    const struct bootapp_functions *fn = (const struct bootapp_functions *)cb->functions;
    bios_call_fn call = (bios_call_fn)fn->call_interrupt;
    uint8_t drive = (uint8_t)cb->drive;
    puts_("PROBE drive 0x"); hex(drive, 2); puts_("\n");

    struct bios_regs r = {0};
    r.vector = 0x13; r.eax = 0x4100; r.ebx = 0x55AA; r.edx = drive;
    call(&r);
    puts_("PROBE int13 41h bx="); hex(r.ebx & 0xFFFF, 4); puts_(" cf="); dec(r.eflags & 1); puts_("\n");

    uint8_t *params = (uint8_t *)LOW;
    *(uint16_t *)params = 0x1A;
    r = (struct bios_regs){0};
    r.vector = 0x13; r.eax = 0x4800; r.edx = drive; r.ds = LOW >> 4; r.esi = 0;
    call(&r);
    uint64_t sectors = *(uint64_t *)(params + 16);
    puts_("PROBE int13 48h sectors="); dec(sectors); puts_(" cf="); dec(r.eflags & 1); puts_("\n");

    uint32_t crc = 0;
    uint8_t *packet = (uint8_t *)LOW, *data = (uint8_t *)(LOW + 0x1000);
    for (uint64_t lba = 0; lba < sectors; ) {
        uint32_t n = sectors - lba < 64 ? (uint32_t)(sectors - lba) : 64;
        for (int i = 0; i < 16; i++) packet[i] = 0;
        packet[0] = 16; *(uint16_t *)(packet + 2) = (uint16_t)n;
        *(uint32_t *)(packet + 4) = (LOW + 0x1000) >> 4 << 16;      /* segment:offset 0 */
        *(uint64_t *)(packet + 8) = lba;
        r = (struct bios_regs){0};
        r.vector = 0x13; r.eax = 0x4200; r.edx = drive; r.ds = LOW >> 4; r.esi = 0;
        call(&r);
        if (r.eflags & 1) { puts_("PROBE read error at "); dec(lba); puts_("\n"); halt(); }
        crc = crc32(crc, data, n * 512);
        lba += n;
    }
    puts_("PROBE disk crc32="); hex(crc, 8); puts_("\n");

    uint32_t next = 0, reserved_kept = 0, entries = 0;
    do {
        r = (struct bios_regs){0};
        r.vector = 0x15; r.eax = 0xE820; r.edx = 0x534D4150; r.ecx = 20; r.ebx = next; r.es = LOW >> 4; r.edi = 0;
        call(&r);
        if (r.eflags & 1) break;
        uint64_t base = *(uint64_t *)params, len = *(uint64_t *)(params + 8);
        uint32_t type = *(uint32_t *)(params + 16);
        if (type == 2 && base <= (uint32_t)p->image_base && base + len > (uint32_t)p->image_base) reserved_kept = 1;
        entries++;
        next = r.ebx;
    } while (next);
    uint8_t *info = (uint8_t *)(LOW + 0x100);
    info[0] = 0xEE; info[1] = 0xEE;
    r = (struct bios_regs){0};
    r.vector = 0x10; r.eax = 0x4F01; r.ecx = 0x101; r.es = LOW >> 4; r.edi = 0x100;
    call(&r);
    puts_("PROBE vesa 4f01 ax="); hex(r.eax & 0xFFFF, 4); puts_(" supported="); dec(info[0] & 1); puts_("\n");

    puts_("PROBE e820 entries="); dec(entries); puts_(" image-reserved="); dec(reserved_kept); puts_("\n");
    halt();
    return 0;
}
