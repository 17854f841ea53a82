#pragma once
#include <efi.h>
/* CRC-32 (IEEE 802.3, as zlib/cksum -o3 use): crc32_update(0, ...) then chain. */
UINT32 crc32_update(UINT32 crc, const void *data, UINTN len);
