/* Secure Boot: whether the firmware enforces it, and why it refused an image. */
#include "loader.h"
#include "serial.h"

/* UEFI spec 2.10 §3.3: SecureBoot (EFI_GLOBAL_VARIABLE, BS+RT, read-only) is one byte, 1 when
 * the platform is in user mode with image verification on.  Absent: firmware without it. */
BOOLEAN secure_boot_on(void) {
    static EFI_GUID global = EFI_GLOBAL_VARIABLE;
    UINT8 value = 0;
    UINTN size = sizeof value;
    EFI_STATUS st = RT->GetVariable(L"SecureBoot", &global, NULL, &size, &value);
    return st == EFI_SUCCESS && size == 1 && value == 1;
}

void report_secure_boot(void) {
    BOOLEAN on = secure_boot_on();
    serial_printf("LOADER secureboot %a\n", on ? "on" : "off");
    info(L"loader: Secure Boot is %s\n", on ? L"on" : L"off");
}

/* Whether a PE image carries an Authenticode signature: data directory 4 (the certificate
 * table, a file offset and size) is non-empty.  PE32+ data directories start at optional
 * header offset 112, PE32 at 96; each entry is 8 bytes. */
BOOLEAN pe_has_signature(const UINT8 *pe, UINTN size) {
    if (size < 0x40) return FALSE;
    UINT32 nt = pe[0x3c] | pe[0x3d] << 8 | pe[0x3e] << 16 | (UINT32)pe[0x3f] << 24;
    if (nt > size - 24 - 2) return FALSE;
    UINTN opt = nt + 24;
    UINT16 magic = pe[opt] | pe[opt + 1] << 8;
    UINTN dirs = opt + (magic == 0x20b ? 112 : 96), count_at = dirs - 4;
    if (dirs + 5 * 8 > size) return FALSE;
    UINT32 count = pe[count_at] | pe[count_at + 1] << 8 | pe[count_at + 2] << 16 | (UINT32)pe[count_at + 3] << 24;
    UINTN entry = dirs + 4 * 8 + 4;   /* certificate table's Size field */
    return count > 4 && (pe[entry] | pe[entry + 1] | pe[entry + 2] | pe[entry + 3]) != 0;
}

/* LoadImage's refusal under Secure Boot: EFI_ACCESS_DENIED (OVMF's policy for images that fail
 * verification) or EFI_SECURITY_VIOLATION (a deferred image).  NULL when `st` is neither, else
 * which case it is, from the PE certificate table. */
const CHAR16 *secure_boot_refusal(EFI_STATUS st, const UINT8 *data, UINTN size) {
    if (st != EFI_SECURITY_VIOLATION && st != EFI_ACCESS_DENIED) return NULL;
    return pe_has_signature(data, size) ? L"it is signed by a key not in db, or revoked (dbx)" : L"it is unsigned";
}

void die_if_secure_boot_refused(EFI_STATUS st, const CHAR16 *name, const UINT8 *data, UINTN size) {
    const CHAR16 *why = secure_boot_refusal(st, data, size);
    if (!why) return;
    serial_printf("LOADER secureboot refused %S\n", name);
    die(L"Secure Boot refused the boot manager %s (%r): %s", name, st, why);
}
