/* BIOS calls the only way a boot application makes them: through the loader's callback
 * (bootapp.h: callback block -> function table -> call_interrupt(register block)).  The disk is
 * read with INT 13h extended reads into a bounce buffer in conventional memory, as a real-mode
 * BIOS needs (segment:offset addresses). */
#include "standin-bios.h"

static bios_call_fn call_interrupt;
uint32_t bios_drive;
uint32_t bounce;

int bios_init(uint32_t callback_address) {
    if (!callback_address) return 1;
    const struct bootapp_callback *cb = (const struct bootapp_callback *)(uintptr_t)callback_address;
    const struct bootapp_functions *fns = (const struct bootapp_functions *)(uintptr_t)cb->functions;
    if (!fns || !fns->call_interrupt) return 1;
    call_interrupt = (bios_call_fn)(uintptr_t)fns->call_interrupt;
    bios_drive = cb->drive;
    return 0;
}

void bios_int(uint8_t vector, struct bios_regs *r) {
    r->vector = vector;
    call_interrupt(r);
}

uint32_t bios_low_kib(void) {
    struct bios_regs r = { 0 };
    bios_int(0x12, &r);
    return r.eax & 0xFFFF;
}

int bios_e820(uint8_t *entries, uint32_t room, uint32_t *count) {
    uint32_t next = 0, n = 0;
    do {
        struct bios_regs r = { 0 };
        r.eax = 0xE820; r.ebx = next; r.ecx = 20; r.edx = 0x534D4150;
        r.es = bounce >> 4; r.edi = 0;
        bios_int(0x15, &r);
        if ((r.eflags & BIOSREGS_CF) || r.eax != 0x534D4150) break;
        memcpy(entries + 20 * n++, (void *)(uintptr_t)bounce, 20);
        next = r.ebx;
    } while (next != 0 && n < room);
    *count = n;
    return n == 0;
}

/* Disk address packet at bounce+0, data at bounce+0x200: up to 64 sectors a call. */
int32_t sb_disk_read(uint64_t lba, uint32_t count, void *buffer) {
    uint8_t *out = buffer;
    while (count > 0) {
        uint32_t n = count > 64 ? 64 : count;
        volatile uint8_t *dap = (volatile uint8_t *)(uintptr_t)bounce;
        dap[0] = 0x10; dap[1] = 0;
        *(volatile uint16_t *)(dap + 2) = (uint16_t)n;
        *(volatile uint16_t *)(dap + 4) = 0x200;
        *(volatile uint16_t *)(dap + 6) = (uint16_t)(bounce >> 4);
        *(volatile uint64_t *)(dap + 8) = lba;
        struct bios_regs r = { 0 };
        r.eax = 0x4200; r.edx = bios_drive; r.ds = bounce >> 4; r.esi = 0;
        bios_int(0x13, &r);
        if ((r.eflags & BIOSREGS_CF) || *(volatile uint16_t *)(dap + 2) != n) return 1;
        memcpy(out, (void *)(uintptr_t)(bounce + 0x200), n * 512);
        out += n * 512; lba += n; count -= n;
    }
    return 0;
}

int bios_chs_read_lba0(void *buffer) {
    struct bios_regs r = { 0 };
    r.eax = 0x0800; r.edx = bios_drive;
    bios_int(0x13, &r);
    if (r.eflags & BIOSREGS_CF) return 1;
    r = (struct bios_regs){ 0 };
    r.eax = 0x0201; r.ecx = 0x0001; r.edx = bios_drive;   /* cylinder 0, sector 1, head 0 */
    r.es = bounce >> 4; r.ebx = 0x200;
    bios_int(0x13, &r);
    if ((r.eflags & BIOSREGS_CF) || (r.eax & 0xFF) != 1) return 1;
    memcpy(buffer, (void *)(uintptr_t)(bounce + 0x200), 512);
    return 0;
}
