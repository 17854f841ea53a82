/* The handful of gnu-efi library functions and globals the loader uses, so that it links
 * only gnu-efi's crt0 and _relocate (libgnuefi.a), not libefi.a.  libefi.a's objects are
 * not split into one section per function and refer to each other (AllocatePool's misc.o
 * names DevicePathToStr, whose dpath.o names CatPrint, whose print.o brings the whole Print
 * engine with its status, GUID and device-path text tables): about 25 KB of loader.efi.
 * Same names and prototypes as efilib.h; only valid before ExitBootServices.  The stand-in
 * still links libefi.a (it uses Print). */
#include <efi.h>
#include <efilib.h>
#include "rt.h"

EFI_SYSTEM_TABLE *ST;
EFI_BOOT_SERVICES *BS;
EFI_RUNTIME_SERVICES *RT;

EFI_GUID gEfiLoadedImageProtocolGuid = EFI_LOADED_IMAGE_PROTOCOL_GUID;
EFI_GUID gEfiSimpleFileSystemProtocolGuid = EFI_SIMPLE_FILE_SYSTEM_PROTOCOL_GUID;
EFI_GUID gEfiBlockIoProtocolGuid = EFI_BLOCK_IO_PROTOCOL_GUID;
EFI_GUID gEfiDevicePathProtocolGuid = EFI_DEVICE_PATH_PROTOCOL_GUID;
EFI_GUID gEfiDiskIoProtocolGuid = EFI_DISK_IO_PROTOCOL_GUID;

VOID InitializeLib(EFI_HANDLE image, EFI_SYSTEM_TABLE *systab) {
    ST = systab;
    BS = systab->BootServices;
    RT = systab->RuntimeServices;
}

VOID *AllocatePool(UINTN size) {
    VOID *p = NULL;
    return BS->AllocatePool(EfiLoaderData, size, &p) == EFI_SUCCESS ? p : NULL;
}

VOID *AllocateZeroPool(UINTN size) {
    VOID *p = AllocatePool(size);
    if (p) SetMem(p, size, 0);
    return p;
}

VOID FreePool(VOID *p) { BS->FreePool(p); }

/* String instructions, not C loops: gcc may turn a copy loop back into a call to memcpy. */
void *memcpy(void *dst, const void *src, size_t n) {
    void *d = dst;
    size_t q = n / 8, r = n % 8;
    __asm__ volatile("rep movsq; mov %3, %%rcx; rep movsb" : "+D"(d), "+S"(src), "+c"(q) : "r"(r) : "memory");
    return dst;
}

void *memset(void *dst, int c, size_t n) {
    void *d = dst;
    __asm__ volatile("rep stosb" : "+D"(d), "+c"(n) : "a"(c) : "memory");
    return dst;
}

/* gnu-efi's CopyMem allows overlapping buffers. */
VOID CopyMem(VOID *dst, CONST VOID *src, UINTN n) {
    const UINT8 *d = dst, *s = src;
    if (d + n <= s || s + n <= d) memcpy(dst, src, n); else memmove(dst, src, n);
}
VOID SetMem(VOID *buf, UINTN n, UINT8 value) { memset(buf, value, n); }

UINTN StrLen(CONST CHAR16 *s) { UINTN n = 0; while (s[n]) n++; return n; }
UINTN strlena(CONST CHAR8 *s) { UINTN n = 0; while (s[n]) n++; return n; }
VOID StrCpy(CHAR16 *dst, CONST CHAR16 *src) { while ((*dst++ = *src++)) {} }
VOID StrCat(CHAR16 *dst, CONST CHAR16 *src) { StrCpy(dst + StrLen(dst), src); }

/* Bytes of a device path up to and including its end node (type 0x7F, sub-type 0xFF; each
 * node's length is the little-endian UINT16 at offset 2: UEFI spec, "Device Path Nodes"). */
UINTN DevicePathSize(EFI_DEVICE_PATH *path) {
    UINT8 *p = (UINT8 *)path;
    for (;;) {
        UINTN len = p[2] | (UINTN)p[3] << 8;
        if (p[0] == 0x7F && p[1] == 0xFF) return (UINTN)(p - (UINT8 *)path) + len;
        p += len;
    }
}
