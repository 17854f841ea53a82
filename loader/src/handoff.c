/* The hand-off to Windows: when the boot manager's successor (winload) ends boot services,
 * one line on COM1, so a test boot knows Windows took over the machine.  The notification
 * runs inside ExitBootServices (UEFI 2.x, EVT_SIGNAL_EXIT_BOOT_SERVICES); it may call no
 * boot service, so the line goes out by direct port I/O (serial.c), which works after that. */
#include "loader.h"
#include "serial.h"

static void EFIAPI on_exit_boot_services(EFI_EVENT event, void *context) {
    serial_puts("LOADER exitbootservices\n");
}

void watch_exit_boot_services(void) {
    static EFI_EVENT event;
    if (BS->CreateEvent(EVT_SIGNAL_EXIT_BOOT_SERVICES, TPL_NOTIFY, on_exit_boot_services, NULL, &event) != EFI_SUCCESS)
        info(L"loader: cannot watch for ExitBootServices; a test boot will not see the hand-off\n");
}
