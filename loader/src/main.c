#include <efi.h>
#include <efilib.h>
long ldr_swift_ping(long);
EFI_STATUS efi_main(EFI_HANDLE image, EFI_SYSTEM_TABLE *systab) {
    InitializeLib(image, systab);
    Print(L"ping %ld\n", ldr_swift_ping(10));
    return EFI_SUCCESS;
}
