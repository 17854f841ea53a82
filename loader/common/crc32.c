#include "crc32.h"

static UINT32 table[256];
static int ready;

UINT32 crc32_update(UINT32 crc, const void *data, UINTN len) {
    if (!ready) {
        for (UINT32 i = 0; i < 256; i++) {
            UINT32 c = i;
            for (int k = 0; k < 8; k++) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[i] = c;
        }
        ready = 1;
    }
    const UINT8 *p = data;
    crc = ~crc;
    while (len--) crc = table[(crc ^ *p++) & 0xFF] ^ (crc >> 8);
    return ~crc;
}
