#include <efi.h>
#include <efilib.h>
#include "serial.h"

static inline void outb(UINT16 port, UINT8 v) { __asm__ volatile("outb %0, %1" :: "a"(v), "Nd"(port)); }
static inline UINT8 inb(UINT16 port) { UINT8 v; __asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port)); return v; }

static void putc_serial(char c) {
    for (int i = 0; i < 100000 && !(inb(0x3F8 + 5) & 0x20); i++) {}
    outb(0x3F8, (UINT8)c);
}

void serial_puts(const char *s) { while (*s) { if (*s == '\n') putc_serial('\r'); putc_serial(*s++); } }

static void put_num(UINT64 v, int base) {
    char buf[24]; int n = 0;
    do { buf[n++] = "0123456789abcdef"[v % base]; v /= base; } while (v);
    while (n) putc_serial(buf[--n]);
}

void serial_printf(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    for (const char *p = fmt; *p; p++) {
        if (*p != '%') { if (*p == '\n') putc_serial('\r'); putc_serial(*p); continue; }
        int wide = 0;
        if (p[1] == 'l') { wide = 1; p++; }
        switch (*++p) {
        case 's': case 'a': serial_puts(va_arg(ap, const char *)); break;
        case 'S': { const CHAR16 *w = va_arg(ap, const CHAR16 *);
                    for (; w && *w; w++) { putc_serial(*w < 0x80 ? (char)*w : 0x3f); }
                    break; }
        case 'u': put_num(wide ? va_arg(ap, UINT64) : va_arg(ap, UINT32), 10); break;
        case 'x': put_num(wide ? va_arg(ap, UINT64) : va_arg(ap, UINT32), 16); break;
        case 'X': { UINT32 v = va_arg(ap, UINT32);   /* 8 hex digits, zero padded */
                    for (int s = 28; s >= 0; s -= 4) { putc_serial("0123456789abcdef"[(v >> s) & 15]); }
                    break; }
        case '%': putc_serial('%'); break;
        default: putc_serial('?'); break;
        }
    }
    va_end(ap);
}
