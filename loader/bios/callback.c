/* What bootmgr.exe's BIOS calls do (callback_entry.S enters here, in the loader's own GDT): the
 * calls the loader answers itself (bios/swift/CallbackBridge.swift: INT 13h for the emulated
 * drive, INT 15h E820h from the map with the loader's memory reserved, INT 12h, E801h, 88h
 * from that map) are BootCore's; everything else goes to the BIOS through the thunk, unchanged,
 * except that without `gui` VESA modes are reported unsupported (BootCore VesaModeFilter), so
 * the boot manager stays in text mode, as with wimboot. */
#include "bios.h"
#include "bridge.h"
#include "handoff.h"
#include "options.h"

void callback_interrupt(struct bios_regs *r) {
    if (bios_callback_emulate(r)) return;
    struct bios_regs request = *r;
    bios_int((int)(r->vector & 0xFF), r);
    if (!opts.gui) bios_callback_after(r, &request);
}

void callback_real(struct bios_regs *r) { bios_call(r); }
