#pragma once
#include <efi.h>
/* Machine-readable test lines go straight to COM1 (0x3F8): no terminal emulation, no line
 * wrapping by the firmware's console driver.  Human messages use the console (Print). */
void serial_puts(const char *s);
void serial_printf(const char *fmt, ...);   /* %s %a(ascii) %u %x %X(8 digits) %lu %lx %S(CHAR16*) */
