/* The VGA text screen: 80x25 cells of (character, attribute) at 0xB8000, written directly, as
 * the Windows Boot Manager's BIOS text screens are (the tests read it back with QMP pmemsave). */
#include "standin-bios.h"

static volatile uint16_t *const cells = (volatile uint16_t *)0xB8000;

void vga_clear(void) {
    for (unsigned i = 0; i < 80 * 25; i++) cells[i] = 0x0700 | ' ';
}

void vga_put(unsigned column, unsigned row, uint8_t attribute, const char *text, unsigned length) {
    for (unsigned i = 0; i < length && text[i] && column + i < 80 && row < 25; i++)
        cells[row * 80 + column + i] = (uint16_t)(attribute << 8 | (uint8_t)text[i]);
}
