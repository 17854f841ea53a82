/* Messages: COM1 (port 0x3F8, programmed 115200 8N1 here: the BIOS may not have) and the
 * screen through INT 10h AH=0Eh (teletype, page 0), so output scrolls as the BIOS's does. */
#include "bios.h"

int quiet;
int pause_mode;

static inline void outb(uint16_t port, uint8_t v) { __asm__ volatile("outb %0, %1" :: "a"(v), "Nd"(port)); }
static inline uint8_t inb(uint16_t port) { uint8_t v; __asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port)); return v; }

#define COM1 0x3F8
void console_init(void) {
    outb(COM1 + 1, 0x00);        /* no interrupts */
    outb(COM1 + 3, 0x80);        /* DLAB */
    outb(COM1 + 0, 0x01);        /* divisor 1: 115200 */
    outb(COM1 + 1, 0x00);
    outb(COM1 + 3, 0x03);        /* 8N1 */
    outb(COM1 + 2, 0xC7);        /* FIFO on, cleared */
    outb(COM1 + 4, 0x03);        /* DTR, RTS */
}

static void serial_putc(char c) {
    for (int i = 0; i < 100000 && !(inb(COM1 + 5) & 0x20); i++) {}
    outb(COM1, (uint8_t)c);
}

static void screen_putc(char c) {
    struct bios_regs r = {0};
    r.eax = 0x0E00 | (uint8_t)c;
    r.ebx = 0x0007;
    bios_int(0x10, &r);
}

typedef void (*putc_fn)(char);
static void out_serial(char c) { if (c == '\n') serial_putc('\r'); serial_putc(c); }
static void out_screen(char c) { if (c == '\n') screen_putc('\r'); screen_putc(c); }
static void out_both(char c) { out_serial(c); out_screen(c); }

static void put_num(putc_fn put, uint64_t v, unsigned base, int width) {
    char buf[24]; int n = 0;
    do { buf[n++] = "0123456789abcdef"[v % base]; v /= base; } while (v);
    while (n < width) buf[n++] = '0';
    while (n) put(buf[--n]);
}

/* %s (char *), %.*s (length, char *), %u %x (32-bit), %lu %lx (64-bit), %X (8 hex digits). */
static void format(putc_fn put, const char *fmt, va_list ap) {
    for (const char *p = fmt; *p; p++) {
        if (*p != '%') { put(*p); continue; }
        int wide = 0, precision = -1;
        if (p[1] == '.' && p[2] == '*') { precision = va_arg(ap, int); p += 2; }
        if (p[1] == 'l') { wide = 1; p++; }
        switch (*++p) {
        case 's': { const char *s = va_arg(ap, const char *);
                    for (int i = 0; s && s[i] && (precision < 0 || i < precision); i++) put(s[i]);
                    break; }
        case 'u': put_num(put, wide ? va_arg(ap, uint64_t) : va_arg(ap, uint32_t), 10, 0); break;
        case 'x': put_num(put, wide ? va_arg(ap, uint64_t) : va_arg(ap, uint32_t), 16, 0); break;
        case 'X': put_num(put, va_arg(ap, uint32_t), 16, 8); break;
        case '%': put('%'); break;
        default: put('?'); break;
        }
    }
}

void serial_printf(const char *fmt, ...) { va_list ap; va_start(ap, fmt); format(out_serial, fmt, ap); va_end(ap); }
void screen_printf(const char *fmt, ...) { va_list ap; va_start(ap, fmt); format(out_screen, fmt, ap); va_end(ap); }
void info(const char *fmt, ...) {
    if (quiet) return;
    va_list ap; va_start(ap, fmt); format(out_screen, fmt, ap); va_end(ap);
}

void halt(void) { for (;;) __asm__ volatile("cli; hlt"); }

/* `pause`: the prompt (none with pause=quiet) on COM1 and the screen, then INT 16h AH=00h. */
void wait_key(const char *prompt) {
    if (pause_mode == 1) { for (const char *p = prompt; *p; p++) out_both(*p); }
    struct bios_regs r = {0};
    r.vector = 0x16;
    bios_int(0x16, &r);
}

/* The keyboard controller's reset line (port 0x64, command FEh); halt if it does not act. */
static void restart(void) {
    for (int i = 0; i < 100000 && (inb(0x64) & 0x02); i++) {}
    outb(0x64, 0xFE);
    halt();
}

/* One line on COM1 and the screen, `loader: error: ...`, then the machine stops (with `pause`:
 * after a key, it restarts). */
void die(const char *fmt, ...) {
    va_list ap;
    const char *prefix = "loader: error: ";
    for (const char *p = prefix; *p; p++) out_both(*p);
    va_start(ap, fmt); format(out_both, fmt, ap); va_end(ap);
    out_both('\n');
    if (pause_mode) { wait_key("Press a key to restart the machine\n"); restart(); }
    halt();
}
